"""The extraction rules' second opinion on the territory classes, on wire-style sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from frontwatch.classify import TERRITORY_SUB_EVENT_TYPES, classify_texts
from frontwatch.classify.rule_reading import has_territory_cue, rule_territory_types
from frontwatch.classify.second_opinion import Revision, revise

CAPTURE = ("Taliban fighters captured the district centre of Nawa in Helmand province on Tuesday, "
           "a provincial official said.")
THREAT = "Rebels vowed to capture the town of Goma next week."
NO_CUE = "Police arrested four opposition activists at their homes in the capital early on Sunday."
TRADE = "The minister will visit Doha next week to discuss trade."


def test_territory_cue_is_found_only_where_a_place_may_change_hands() -> None:
    assert has_territory_cue(CAPTURE)
    assert has_territory_cue("Army units retook the border crossing after the militants withdrew.")
    assert not has_territory_cue(NO_CUE)
    assert not has_territory_cue(TRADE)


def test_rules_read_a_stated_capture_but_not_a_threat() -> None:
    assert rule_territory_types([CAPTURE, THREAT, TRADE]) == ["Non-state actor overtakes territory", None, None]


def test_texts_without_a_territory_cue_are_not_read_by_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    import frontwatch.events

    def refuse(articles):
        for article in articles:
            raise AssertionError(f"read without a cue: {article.text}")
        return iter(())

    monkeypatch.setattr(frontwatch.events, "extract_events", refuse)
    assert rule_territory_types([NO_CUE, TRADE, ""]) == [None, None, None]


CLASSES = ["Armed clash", "Government regains territory", "Non-state actor overtakes territory", "none"]


def _row(clash: float, regains: float, overtakes: float, none: float) -> np.ndarray:
    return np.array([[clash, regains, overtakes, none]], dtype=np.float32)


def test_an_unsure_model_takes_the_rules_territory_type() -> None:
    probs = _row(0.45, 0.30, 0.05, 0.20)
    assert revise(CLASSES, probs, ["Non-state actor overtakes territory"], Revision("rules", 0.5)) \
        == ["Non-state actor overtakes territory"]


def test_under_the_model_policy_the_model_picks_which_territory_class() -> None:
    probs = _row(0.45, 0.30, 0.05, 0.20)
    assert revise(CLASSES, probs, ["Non-state actor overtakes territory"], Revision("model", 0.5)) \
        == ["Government regains territory"]


def test_a_confident_model_or_a_territory_answer_is_kept() -> None:
    sure = _row(0.90, 0.04, 0.03, 0.03)
    territory = _row(0.10, 0.20, 0.60, 0.10)
    rule = ["Government regains territory"]
    assert revise(CLASSES, sure, rule, Revision("rules", 0.5)) == ["Armed clash"]
    assert revise(CLASSES, territory, rule, Revision("rules", 1.01)) == ["Non-state actor overtakes territory"]
    assert revise(CLASSES, sure, [None], Revision("rules", 1.01)) == ["Armed clash"]


def test_classify_texts_with_the_second_opinion_keeps_order_and_cue_free_answers() -> None:
    texts = [TRADE, NO_CUE, CAPTURE]
    with_rules = classify_texts(texts, second_opinion=True)
    assert with_rules[:2] == classify_texts(texts[:2], second_opinion=False) == [None, "Arrests"]
    assert with_rules[2] in TERRITORY_SUB_EVENT_TYPES



def _validation(rule_right: bool) -> tuple[np.ndarray, list[str], list[str | None]]:
    """Rows where the model is unsure between a clash and a territory class, the rules reading a change."""
    rows, gold, rules = [], [], []
    for i in range(40):
        territory = i % 2 == 0
        rows.append([0.45, 0.35, 0.05, 0.15])
        gold.append("Government regains territory" if territory == rule_right else "Armed clash")
        rules.append("Government regains territory" if territory else None)
    for _ in range(40):  # the model sure and right where the rules say nothing
        rows.append([0.05, 0.05, 0.05, 0.85])
        gold.append("none")
        rules.append(None)
    return np.array(rows, dtype=np.float32), gold, rules


def test_a_revision_is_chosen_only_where_the_rules_help_out_of_fold() -> None:
    from frontwatch.classify.training import choose_revision

    probs, gold, rules = _validation(rule_right=True)
    chosen, table = choose_revision(CLASSES, probs, gold, rules)
    assert chosen is not None and chosen.below > 0.45
    assert table[0][0] == "model alone" and len(table) > 1
    probs, gold, rules = _validation(rule_right=False)
    assert choose_revision(CLASSES, probs, gold, rules)[0] is None
