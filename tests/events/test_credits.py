"""Credits and datelines: outlet names and filing cities that a report names without meaning an event's place."""

from frontwatch.events.credits import credit_spans, dateline_starts
from frontwatch.records import Article, Segment, Toponym


def _credited(text: str, outlet: str | None = None) -> set[str]:
    article = Article(url=None, published=None, text=text, outlet=outlet)
    return {text[s:e] for s, e in credit_spans(article)}


def test_an_outlet_told_or_credited_after_a_dateline_is_a_credit():
    text = "HERAT (Lantern Press) - Fighting went on, a resident told Evening Bulletin.\n"
    assert {"Lantern Press", "Evening Bulletin"} <= _credited(text)


def test_the_reports_own_outlet_and_a_closing_photo_credit_are_credits():
    text = "Smoke over a village near Herat (Portal)\nTroops left the town, Herat Daily reported.\n"
    assert {"Portal", "Herat Daily"} <= _credited(text, outlet="Herat Daily")


def test_a_place_told_about_is_no_credit():
    assert not _credited("Officials told residents to leave Herat.\n")


def test_a_capitalised_filing_city_opening_a_paragraph_is_a_dateline():
    text = "KANDAHAR (Reuters) - Taliban fighters entered Kandahar on Friday.\n"
    toponyms = [Toponym("KANDAHAR", 0, 8, None), Toponym("Kandahar", 48, 56, None)]
    assert dateline_starts(text, toponyms, [Segment(0, len(text) - 1)]) == {0}


def test_a_known_outlet_named_anywhere_is_a_credit():
    assert "Kyiv Independent" in _credited("Sources told the Kyiv Independent's reporters the town was lost.\n")
