"""The blind test sets shipped beside the evaluations are whole and consistent (they need no ../shared)."""

import csv
import json

import pytest

from frontwatch.classify.taxonomy import ACLED_SUB_EVENT_TYPES
from frontwatch.control.sides import side_of
from frontwatch.evaluation.blind import BLIND, CONTROL_SETS, NEWS_SETS, read_snippets


@pytest.mark.parametrize(("corpus", "gold", "first", "holders", "at_least"), [
    ("af2021.jsonl", "af2021_gold.csv", "Afghan government", {"Taliban", "Afghan government"}, 30),
    ("sy2024.jsonl", "sy2024_gold.csv", "Syrian government",
     {"HTS", "Syrian National Army", "SDF", "Southern factions", "Druze factions", "Syrian government"}, 20),
    ("mm2023.jsonl", "mm2023_gold.csv", "Myanmar military",
     {"MNDAA", "TNLA", "Arakan Army", "KIA", "People's Defence Force", "Karenni forces", "Myanmar military"}, 15),
])
def test_every_gold_change_of_a_control_set_rests_on_reports_in_it(corpus, gold, first, holders, at_least):
    assert (corpus, gold, first) in {(c, g, f) for c, g, _, f in CONTROL_SETS}
    reports = [json.loads(line) for line in (BLIND / corpus).read_text(encoding="utf-8").splitlines()]
    urls = {r["url"] for r in reports}
    assert len(reports) == len(urls) >= 60
    rows = list(csv.DictReader((BLIND / gold).open(encoding="utf-8")))
    assert len(rows) >= at_least
    for row in rows:
        assert row["holder_after"] in holders
        cited = [u.strip() for u in row["source_urls"].split(";") if u.strip()]
        assert cited and all(u in urls for u in cited), row["town"]


def test_the_syria_gold_names_its_holders_as_the_actor_registry_does():
    # the scorer compares holders through the registry: HTS must be Hayat Tahrir al-Sham, not a name of its own
    rows = list(csv.DictReader((BLIND / "sy2024_gold.csv").open(encoding="utf-8")))
    assert side_of("HTS") == "Hayat Tahrir al-Sham" and side_of("SDF") == "Syrian Democratic Forces"
    assert {r["town"] for r in rows if r["holder_before"]} == {"Manbij", "Tal Rifaat"}


@pytest.mark.parametrize("snippets", [s for s, _, _ in NEWS_SETS])
def test_every_news_item_has_an_acled_label_or_none(snippets):
    rows = read_snippets(BLIND / snippets)
    assert len(rows) == len({r["id"] for r in rows}) == len({r["text"] for r in rows}) == 400
    assert all(r["label"] is None or r["label"] in ACLED_SUB_EVENT_TYPES for r in rows)
    assert len({r["country"] for r in rows}) >= 40
