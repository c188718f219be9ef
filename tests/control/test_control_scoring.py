"""The control evaluation's verdicts: right within a day, called too early, given to a wrong side, missed."""

from __future__ import annotations

import pytest

from frontwatch import config
from frontwatch.control import timeline
from frontwatch.evaluation.control import GoldChange, claim_figures, read_gold, score
from control.control_samples import KHERSON, LYMAN, SOLEDAR, change, claim, concession

GOLD = [
    GoldChange("Kherson", 46.6354, 32.6169, "2022-03-02", "Russia"),
    GoldChange("Kherson", 46.6354, 32.6169, "2022-11-11", "Ukraine"),
    GoldChange("Soledar", 48.6883, 38.0874, "2023-01-12", "Russia"),
    GoldChange("Lyman", 48.9889, 37.8023, "2022-05-28", "Russia"),
]


def test_change_within_a_day_is_right_and_one_days_early_claim_is_not_early():
    histories = timeline([concession(KHERSON, "2022-03-03", "Russia", "Ukraine"),
                          claim(SOLEDAR, "2023-01-11", "Russia"),
                          concession(SOLEDAR, "2023-01-12", "Russia", "Ukraine")])
    card = score(histories, GOLD)
    outcomes = {(v.gold.town, v.gold.date): v.outcome for v in card.verdicts}
    assert outcomes[("Kherson", "2022-03-02")] == "right"
    assert outcomes[("Soledar", "2023-01-12")] == "right"
    assert outcomes[("Kherson", "2022-11-11")] == "missed"
    assert card.wrong == []


def test_holder_given_days_before_the_gold_date_is_called_too_early():
    card = score(timeline([concession(LYMAN, "2022-05-24", "Russia", "Ukraine")]), GOLD)
    [lyman] = [v for v in card.verdicts if v.gold.town == "Lyman"]
    assert lyman.outcome == "early"


def test_town_given_to_a_side_the_gold_never_gives_it_then_is_wrong():
    card = score(timeline([concession(KHERSON, "2022-03-02", "Russia", "Ukraine"),
                           concession(KHERSON, "2022-11-11", "Ukraine", "Russia"),
                           concession(KHERSON, "2022-12-05", "Russia", "Ukraine")]), GOLD)
    assert [(town, c.holder, c.since) for town, c, _ in card.wrong] == [("Kherson", "Russia", "2022-12-05")]


def test_late_change_is_missed_and_says_how_late():
    card = score(timeline([concession(KHERSON, "2022-03-02", "Russia", "Ukraine"),
                           concession(KHERSON, "2022-11-20", "Ukraine", "Russia")]), GOLD)
    [nov] = [v for v in card.verdicts if v.gold.date == "2022-11-11"]
    assert (nov.outcome, nov.note) == ("missed", "late by 9 days")


def test_claim_figures_count_claims_later_held_and_the_days_it_took():
    histories = timeline([claim(SOLEDAR, "2023-01-11", "Russia"),
                          concession(SOLEDAR, "2023-01-25", "Russia", "Ukraine"),
                          claim(LYMAN, "2022-05-26", "Russia")])
    figures = claim_figures(histories)
    assert (figures.first_seen_as_claim, figures.later_held, figures.days_to_held) == (2, 1, [14])
    assert figures.never_confirmed_but_held == 0


def test_gold_table_yields_only_changes_of_holder():
    path = config.SHARED_DATA_DIR / "corpora" / "ua_control_gold.csv"
    if not path.is_file():
        pytest.skip(f"{path} absent")
    gold = read_gold(path)
    assert len(gold) == 34  # ua_README.md: 36 rows, of which a Kyiv baseline and a siege lifted change nothing
    assert all(g.holder in ("Russia", "Ukraine") for g in gold)
