"""Estimating an undated report's publication date from the stamps printed in its own text."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontwatch.errors import BadInput
from frontwatch.ingest import read_articles, read_text
from frontwatch.ingest.published import estimate_published

TODAY = dt.date(2026, 1, 1)

BODY = (
    "Russian forces pulled back from the northern town overnight, the regional governor said.\n"
    "Ukrainian units entered the town centre on Monday morning and raised the national flag over the council "
    "building, according to a statement from the general staff.\n"
    "Residents said shelling on the outskirts had stopped, but that roads out of the town were still mined.\n"
)


def _estimate(text: str) -> str | None:
    return estimate_published(text, today=TODAY)


@pytest.mark.parametrize("stamp", [
    "March 7, 2022",
    "Monday, 7 March 2022",
    "Monday, March 7, 2022 | 14:05",
    "March 07, 2022 / 09:15 AM IST",
    "7 March 2022, 19:26",
    "08:40 GMT, 7 March 2022",
    "Published on: Monday, March 7, 2022",
    "Updated 07.03.2022 14:05",
    "Publish date : 2022-03-07 15:30:17",
    "2022-03-07T15:30:17+02:00",
    "Last Updated: Mar 07, 2022, 10:15 IST",
    "Posted: 7th March 2022",
    "07 March 2022 | Northern Wire",
    "Northern Wire (@northernwire) Published March 07, 2022 | 09:41 PM",
    "Columns of armour moving north. pic.twitter.com/aBcDeF — Northern Wire (@northernwire) March 7, 2022",
    "By Anna Kowal \u2022 7 March 2022 \u2022 10:12",
    "Marta Lis / March 7, 2022",
    "by Piotr Nowak March 7, 2022 10:05 AM 3 min read",
    "Mar 7, 2022 \u2022 5 minutes ago \u2022 2 minute read",
])
def test_each_kind_of_stamp_is_found_anywhere_in_the_report(stamp: str):
    # The stamp sits after the body, where extraction often leaves a page's header or an embedded post.
    assert _estimate("Town retaken in the north\n" + BODY + stamp + "\n") == "2022-03-07"
    assert _estimate(BODY + stamp + "\n" + BODY) == "2022-03-07"


def test_a_weekday_written_with_the_full_date_in_a_sentence_counts():
    text = BODY + "Moscow said on Monday March 7, 2022 that its troops had completed a regrouping in the area.\n"
    assert _estimate(text) == "2022-03-07"


def test_a_weekday_with_the_full_date_in_brackets_counts():
    text = BODY + "The ministry said this Monday (March 7, 2022) that the last units had left the town.\n"
    assert _estimate(text) == "2022-03-07"


@pytest.mark.parametrize("dateline", [
    "KYIV, March 7, 2022 (Reuters) - Russian forces pulled back overnight.",
    "Kharkiv, 7 March 2022 (Northern Wire) \u2014 Russian forces pulled back overnight.",
])
def test_a_wire_dateline_counts(dateline: str):
    assert _estimate(BODY + dateline + "\n") == "2022-03-07"


@pytest.mark.parametrize("sentence", [
    "Fighting for the town started on February 24, 2022, and went on for six weeks.",
    "On 24 February 2022, Russian troops crossed the border north of the town.",
    "Of the district centres seized after 24 February 2022, only this one has been retaken.",
    "The front has barely moved since Thursday, February 24, 2022, when the invasion began.",
    "A soldier walks past a destroyed tank on the road into the town, Ukraine, May 25, 2022.",
    "Fighters recall the 2 May 2020 ceasefire that never held",
    "Satellite images taken on 3 March 2022 showed a long convoy on the road.",
])
def test_a_date_inside_a_sentence_about_the_past_is_refused(sentence: str):
    assert _estimate(BODY + sentence + "\n" + BODY) is None


def test_the_date_of_an_old_file_photo_is_refused():
    caption = "FILE - Ukrainian servicemen ride an armoured vehicle near the town on Thursday, Feb. 24, 2022."
    assert _estimate(BODY + caption + "\n") is None
    assert _estimate(BODY + caption + "\nUpdated 07.03.2022 14:05\n") == "2022-03-07"
    # The caption's next sentence is the new story's, and may name its day.
    news = " Russian troops left the town on Monday March 7, 2022, officials said."
    assert _estimate(BODY + caption + news + "\n") == "2022-03-07"


def test_a_later_stamp_in_the_text_beats_an_earlier_one_at_the_head():
    text = "Town retaken in the north\nPublished: 5 March 2022\n" + BODY + "Updated: 7 March 2022 18:45\n"
    assert read_text(text).published == "2022-03-07"


def test_a_timeline_of_bare_date_lines_is_not_the_pages_stamp():
    timeline = ("Key dates in the battle for the town\n"
                "24 February 2022\nRussian troops cross the border north of the town.\n"
                "2 March 2022\nThe town council building is hit by shelling.\n"
                "20 March 2022\nRussian units reach the southern outskirts.\n")
    assert _estimate(BODY + timeline) is None
    assert _estimate(BODY + timeline + "Posted 10:02, 28 March 2022\n") == "2022-03-28"


def test_a_page_may_print_its_bare_date_twice():
    # A header with the first date and a footer with the day it was updated.
    assert _estimate("March 7, 2022\n" + BODY + "Tuesday, March 8, 2022\n") == "2022-03-08"


def test_a_clock_time_does_not_make_a_sentences_date_a_stamp():
    assert _estimate(BODY + "The assault began on February 24, 2022 04:50 local time, officials said.\n") is None


def test_a_weekday_that_is_not_the_dates_own_is_refused():
    # 7 March 2022 was a Monday: a Tuesday beside it means the two belong to different things.
    assert _estimate(BODY + "Tuesday, March 7, 2022\n") is None


def test_the_latest_stamp_wins_and_a_later_date_in_a_sentence_does_not():
    text = ("Posted 10:02, 5 March 2022\n" + BODY
            + "A vote on the town's future is planned for March 27, 2022, officials said.\n"
            + "Updated: 7 March 2022 18:45\n")
    assert _estimate(text) == "2022-03-07"


def test_a_stamp_in_the_future_is_refused():
    assert estimate_published(BODY + "Published on: 7 March 2022\n", today=dt.date(2022, 3, 6)) is None
    assert estimate_published(BODY + "Published on: 7 March 2022\n", today=dt.date(2022, 3, 7)) == "2022-03-07"
    assert estimate_published(BODY + "Published on: 7 March 2094\nPublished on: 5 March 2022\n") == "2022-03-05"


def test_a_report_with_no_stamp_gets_no_date():
    assert _estimate(BODY) is None


@pytest.mark.parametrize("text", [
    "",
    "\x00\x01\x02 7 March 2022 \xff\xfe\x00",
    "\ufffd" * 10_000,
    "7 March 2022\n" * 100_000,
    "x" * (3 << 20) + "\nPublished on: 7 March 2022\n",
])
def test_bad_or_huge_input_does_not_crash(text: str):
    assert _estimate(text) in (None, "2022-03-07")


def test_one_long_line_of_sentence_dates_gives_no_date():
    days = (dt.date(2020, 1, 1) + dt.timedelta(days=i) for i in range(2000))
    assert _estimate(" ".join(f"fighting went on after {d:%d %B %Y} and" for d in days)) is None


def test_a_stamp_at_the_end_of_a_huge_report_is_still_found():
    assert _estimate(BODY * 40_000 + "Published on: 7 March 2022\n") == "2022-03-07"


def test_read_text_dates_an_undated_report_from_its_stamp_and_the_callers_date_wins():
    text = "Town retaken in the north\n" + BODY + "Published on: Monday, March 7, 2022\n"
    assert read_text(text).published == "2022-03-07"
    assert read_text(text, published="2022-03-09").published == "2022-03-09"


def test_txt_file_is_dated_from_its_stamp_unless_the_caller_or_its_name_dates_it(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text("Town retaken in the north\n" + BODY + "Updated 07.03.2022 14:05\n", encoding="utf-8")
    named = tmp_path / "2022-03-08_report.txt"
    named.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    [article] = read_articles([str(path)])
    [given] = read_articles([str(path)], published="2022-03-09")
    [by_name] = read_articles([str(named)])
    assert (article.published, given.published, by_name.published) == ("2022-03-07", "2022-03-09", "2022-03-08")


def test_jsonl_line_without_a_date_is_dated_from_its_stamp_after_the_record_and_the_caller(tmp_path: Path):
    stamped = BODY + "By Anna Kowal \u2022 7 March 2022 \u2022 10:12\n"
    rows = [
        {"url": "https://wire.example/a", "published": None, "title": "Town retaken", "text": stamped},
        {"url": "https://wire.example/b", "published": "2022-03-08", "title": "Town retaken", "text": stamped},
        {"url": "https://wire.example/c", "published": None, "title": "Town retaken", "text": BODY},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert [a.published for a in read_articles([str(path)])] == ["2022-03-07", "2022-03-08", None]
    assert [a.published for a in read_articles([str(path)], published="2022-03-09")] == [
        "2022-03-09", "2022-03-08", "2022-03-09"]


def test_jsonl_html_line_without_page_metadata_is_dated_from_a_stamp_in_its_text(tmp_path: Path):
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    html = (f"<html><head><title>Town retaken</title></head><body><article>{paragraphs}"
            "<p>Published on: Monday, March 7, 2022</p></article></body></html>")
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"url": "https://wire.example/p", "published": None, "html": html}) + "\n",
                    encoding="utf-8")
    [article] = read_articles([str(path)])
    assert not isinstance(article, BadInput) and article.published == "2022-03-07"
