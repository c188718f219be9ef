"""The blind test sets shipped beside the evaluations are whole and consistent (they need no ../shared)."""

import csv
import json

from frontwatch.classify.taxonomy import ACLED_SUB_EVENT_TYPES
from frontwatch.evaluation.blind import BLIND, read_snippets


def test_every_gold_change_of_the_afghan_set_rests_on_reports_in_it():
    reports = [json.loads(line) for line in (BLIND / "af2021.jsonl").read_text(encoding="utf-8").splitlines()]
    urls = {r["url"] for r in reports}
    assert len(reports) == len(urls) >= 80
    rows = list(csv.DictReader((BLIND / "af2021_gold.csv").open(encoding="utf-8")))
    assert len(rows) >= 30
    for row in rows:
        assert row["holder_after"] in ("Taliban", "Afghan government")
        cited = [u.strip() for u in row["source_urls"].split(";") if u.strip()]
        assert cited and all(u in urls for u in cited), row["town"]


def test_every_news_snippet_has_an_acled_label_or_none():
    rows = read_snippets()
    assert len(rows) == len({r["id"] for r in rows}) == 400
    assert all(r["label"] is None or r["label"] in ACLED_SUB_EVENT_TYPES for r in rows)
    assert len({r["country"] for r in rows}) >= 40
