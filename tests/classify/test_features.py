"""Feature rows: the extraction rules' reading of a territory change as features, on sentences written here."""

from __future__ import annotations

import numpy as np

from frontwatch.classify.features import Featuriser
from frontwatch.classify.model import SubEventModel
from frontwatch.classify.taxonomy import TERRITORY_SUB_EVENT_TYPES

CAPTURE = ("Taliban fighters captured the district centre of Nawa in Helmand province on Tuesday, "
           "a provincial official said.")
ARREST = "Police arrested four opposition activists at their homes in the capital early on Sunday."


def _featuriser(rule_weight: float) -> Featuriser:
    idf = np.ones(2, dtype=np.float32)
    return Featuriser(["captured", "arrested"], idf, ["cap", "arr"], idf, {"take": ["captured"]},
                      rule_weight=rule_weight)


def test_rule_columns_mark_a_stated_capture_and_its_territory_type() -> None:
    featuriser = _featuriser(1.0)
    rows = featuriser.transform([CAPTURE, ARREST]).toarray()
    assert rows.shape[1] == featuriser.n_features == 5 + 1 + len(TERRITORY_SUB_EVENT_TYPES)
    rules = rows[:, -featuriser.n_rule_features:]
    overtakes = 1 + TERRITORY_SUB_EVENT_TYPES.index("Non-state actor overtakes territory")
    assert rules[0, 0] == 1.0 and rules[0, overtakes] == 1.0 and rules[0].sum() == 2.0
    assert not rules[1].any()


def test_without_a_rule_weight_the_rules_add_no_columns() -> None:
    featuriser = _featuriser(0.0)
    assert featuriser.n_rule_features == 0
    assert featuriser.transform([CAPTURE]).shape[1] == 5


def test_a_saved_model_keeps_its_rule_weight(tmp_path) -> None:
    featuriser = _featuriser(1.0)
    classes = ["Arrests", "Non-state actor overtakes territory", "none"]
    coef = np.zeros((featuriser.n_features, len(classes)), dtype=np.float32)
    coef[-featuriser.n_rule_features, 1] = 2.0  # the "rules read a change" column votes for overtakes
    coef[1, 0] = 2.0  # the word "arrested" votes for arrests
    intercept = np.array([0.0, 0.0, 0.5], dtype=np.float32)  # anything else reads as no event
    model = SubEventModel(featuriser, classes, coef, intercept)
    model.save(tmp_path, "probe")
    loaded = SubEventModel.load(tmp_path, "probe")
    assert loaded.featuriser.rule_weight == 1.0
    assert loaded.predict([CAPTURE, ARREST, "The minister will visit Doha next week."]) \
        == ["Non-state actor overtakes territory", "Arrests", None]
