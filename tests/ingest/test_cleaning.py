"""Cleaning: which lines of a news page are not the report's body, and that real paragraphs stay body."""

from __future__ import annotations

import pytest

from frontwatch.ingest import read_text
from frontwatch.ingest.cleaning import segment_text
from frontwatch.records import Article

PARA_1 = ("KUNDUZ: Insurgent fighters captured the main police headquarters in the northern city on Sunday after "
          "two days of heavy fighting, a provincial council member said.")
PARA_2 = ("Government forces pulled back to an army base near the airport, the council member added, asking not "
          "to be named because he feared reprisals.")
PARA_3 = "The interior ministry said reinforcements had been sent to the province."


def _page(inserted: str) -> str:
    return f"{PARA_1}\n{inserted}\n{PARA_2}\n\n{PARA_3}\n"


def _segment_of(text: str, needle: str, title: str | None = None):
    start = text.index(needle)
    return next(s for s in segment_text(text, title=title) if s.start <= start < s.end)


def _assert_paragraphs_are_body(text: str, title: str | None = None) -> None:
    for para in (PARA_1, PARA_2, PARA_3):
        seg = _segment_of(text, para, title)
        assert seg.is_body, (para, seg)


@pytest.mark.parametrize("line, reason", [
    ("Rebels detain former district governor in northern town", "headline"),
    ("Army could lose the north within weeks, analysts warn", "headline"),
    ("'Tactical retreat'", "headline"),
    ("Comments", "comments"),
    ("Comments are closed.", "comments"),
    ("Leave a comment", "comments"),
    ("Read more", "related"),
    ("Read also: Government replaces army chief after string of losses", "related"),
    ("Also read", "related"),
    ("Related: Peace talks stall in Doha", "related"),
    ("Most popular", "related"),
    ("Click here to get the latest headlines", "share"),
    ("Share this article", "share"),
    ("Follow us on Twitter and Telegram", "share"),
    ("Subscribe to our daily briefing for the latest from the front line", "subscription"),
    ("Sign up for our free morning newsletter.", "subscription"),
    ("We use cookies to improve your experience. By continuing you accept our cookie policy.", "banner"),
    ("Advertisement", "advertisement"),
    ("Copyright 2021 Frontier Wire. All rights reserved.", "copyright"),
    ("\u00a9 2022 Eastern Desk Media", "copyright"),
    ("Photo: A fighter stands guard at a checkpoint outside the city", "caption"),
    ("(Photo by Staff Photographer / AFP)", "caption"),
    ("Fighters patrol a market street on Monday. AFP/Getty Images", "caption"),
    ("File photo", "caption"),
    ("Image: Reuters", "caption"),
    ("FILE - Residents walk past a burned-out tank in the city centre, Ukraine, Oct. 3, 2022. Troops pulled out of "
     "the city on Friday, clearing the way for the army to return. (AP Photo/Staff Photographer, File)", "caption"),
    ("Volunteers unload aid at the railway station on Tuesday. (Reuters Photo)", "caption"),
    ("By Jane Doe", "byline"),
    ("Reporting by Jane Doe; Editing by John Roe", "byline"),
    ("Updated: 13 August 2021 10:45 GMT", "timestamp"),
    ("August 13, 2021", "timestamp"),
    ("3 hours ago", "timestamp"),
    ("Fighters raise their flag over the governor's office pic.twitter.com/abc123XYZ", "embed"),
    ("Convoy seen leaving the base tonight \u2014 Field Reporter (@fieldreporter) March 1, 2022", "embed"),
    ("#Kunduz #Afghanistan #Taliban", "tags"),
    ("Tags: Afghanistan, conflict, Kunduz", "tags"),
    ("war (1520) Kunduz (87) Taliban (301)", "tags"),
    ("A fighter guards the gate of the governor's compound on Sunday. Photo: Frontier Wire", "caption"),
    ("Please enter your comment!", "comments"),
    ("Your email address will not be published. Required fields are marked *", "comments"),
    ("top of page", "banner"),
    ("Watch:", "banner"),
    ("This audio is created with AI assistance", "banner"),
    ("by Jane Doe August 13, 2021 10:45 AM 3 min read", "timestamp"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
    ("This is a developing story and will be updated as more information becomes available.", "note"),
])
def test_boilerplate_line_is_not_body_and_paragraphs_stay_body(line: str, reason: str):
    text = _page(line)
    seg = _segment_of(text, line)
    assert (seg.is_body, seg.reason) == (False, reason)
    assert text[seg.start:seg.end] == line
    _assert_paragraphs_are_body(text)


def test_run_of_short_menu_lines_is_navigation():
    menu = "Home\nWorld\nAsia\nPolitics\nSport"
    text = f"{menu}\n{PARA_1}\n{PARA_2}\n"
    for item in menu.split("\n"):
        assert _segment_of(text, item).reason == "menu"
    _assert_paragraphs_are_body(text + PARA_3)


def test_list_of_other_stories_after_the_report_is_a_story_list():
    stories = ("More stories\nEnvoys meet in Doha as fighting spreads\nAid agencies warn of hunger in the north\n"
               "Border crossing closed after clashes")
    text = f"{PARA_1}\n{PARA_2}\n{PARA_3}\n{stories}\n"
    assert _segment_of(text, "More stories").reason == "related"
    for title in stories.split("\n")[1:]:
        assert _segment_of(text, title).reason == "story-list"
    _assert_paragraphs_are_body(text)


def test_title_case_headline_is_marked_even_where_the_text_runs_on():
    # Scraped excerpts often cut a paragraph mid-sentence; a Title Case line is still another story's title.
    text = (f"{PARA_1}\nOfficials said the army had withdrawn from the district and that the governor\n"
            "Army Chief Says Troops Will Regroup Near the Capital\nwere not available for comment.\n")
    assert _segment_of(text, "Army Chief Says").reason == "headline"


def test_one_sentence_paragraph_ending_in_a_full_stop_stays_body():
    line = "Fighting was continuing late on Sunday."
    text = _page(line)
    assert _segment_of(text, line).is_body


def test_quoted_paragraph_stays_body():
    line = '"We will not leave the city," the commander said.'
    text = _page(line)
    assert _segment_of(text, line).is_body


def test_title_like_line_that_continues_in_lower_case_stays_body():
    text = ("Insurgents said the provincial capital of Helmand\nwas now under their control after the army "
            "withdrew.\n" + PARA_3)
    assert _segment_of(text, "Insurgents said").is_body
    assert _segment_of(text, "was now under").is_body


def test_line_after_a_broken_off_paragraph_stays_body():
    text = ("Officials said the army had withdrawn from the district and that the governor\n"
            "Mohammad Rahimi had fled to the capital\n" + PARA_3)
    assert _segment_of(text, "Mohammad Rahimi").is_body


def test_sentence_cut_off_at_the_end_of_a_scraped_excerpt_stays_body():
    text = f"{PARA_1}\nState television reported that government forces had regained control of"
    assert _segment_of(text, "State television").is_body


def test_line_repeating_the_title_is_marked_title():
    title = "Insurgents capture police headquarters in Kunduz"
    text = f"{title} | Frontier Wire\n{title}\n{PARA_1}\n{PARA_2}\n"
    assert _segment_of(text, title + "\n", title=title).reason == "title"
    assert not _segment_of(text, "| Frontier Wire", title=title).is_body
    _assert_paragraphs_are_body(text + PARA_3, title=title)


def test_related_link_glued_to_a_scraped_paragraph_is_split_off():
    tail = "Also Read - Aid convoy reaches besieged town after weeks of talks"
    text = f"{PARA_1}{tail}\n{PARA_2}\n"
    segments = segment_text(text)
    assert text[segments[0].start:segments[0].end] == PARA_1 and segments[0].is_body
    assert text[segments[1].start:segments[1].end] == tail
    assert (segments[1].is_body, segments[1].reason) == (False, "related")


def test_related_marker_followed_by_more_report_is_not_split():
    line = PARA_1 + " Read more: the army said it would retake the city. Officials declined to comment."
    text = f"{line}\n{PARA_2}\n"
    assert _segment_of(text, "Officials declined").is_body
    assert len(segment_text(text)) == 2


def test_long_paragraph_mentioning_cookies_or_newsletters_stays_body():
    line = ("Residents said fighters had searched homes for weeks, confiscating phones and newsletters printed "
            "by the local council, and that bakers had run out of flour for bread and cookies by Saturday.")
    text = _page(line)
    assert _segment_of(text, "Residents said fighters").is_body


def test_mojibake_text_is_left_as_read():
    text = "Officials said the town had fallen \u00e2\u20ac\u201d a claim the army denied.\n" + PARA_3
    article = read_text(text)
    assert article.text == text
    assert all(s.is_body for s in article.segments)


def test_segments_cover_every_non_blank_line_in_order():
    text = _page("Advertisement") + "\n   \n" + "Comments"
    segments = segment_text(text)
    assert [text[s.start:s.end] for s in segments] == [l.strip() for l in text.splitlines() if l.strip()]


def test_body_segments_of_a_cleaned_article_leave_out_boilerplate():
    article: Article = read_text("Insurgents take Kunduz police headquarters\n" + _page("Comments are closed."))
    body = "\n".join(article.text[s.start:s.end] for s in article.body_segments())
    assert body == "\n".join((PARA_1, PARA_2, PARA_3))
