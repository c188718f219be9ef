"""Fitting the sub-event model on sentences written for these tests: the event-type share and prior flattening."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from frontwatch.classify import training
from frontwatch.classify.model import NO_EVENT, SubEventModel
from frontwatch.classify.training import Example, TrainSettings

SENTENCES = {
    "Armed clash": [
        "Army troops and rebel fighters exchanged fire for hours near the river crossing.",
        "Soldiers clashed with insurgents on the outskirts of the town, leaving several dead.",
        "Militants fought government forces near the border post overnight.",
        "Rebels and the army battled for control of the highway junction.",
        "Heavy fighting broke out between militia fighters and troops at the market.",
        "Troops repelled an insurgent assault on their positions near the dam.",
    ],
    "Government regains territory": [
        "Army troops recaptured the district centre from the rebels after heavy fighting.",
        "Government forces retook the border town from insurgents on Sunday.",
    ],
    "Peaceful protest": [
        "Hundreds of teachers marched peacefully to the education ministry to demand unpaid wages.",
        "Farmers staged a peaceful sit-in outside the governor's office over fertiliser prices.",
        "Students rallied in the capital calling for lower tuition fees.",
        "Nurses gathered at the hospital gates to protest against late salaries.",
    ],
    NO_EVENT: [
        "The central bank kept interest rates unchanged for a third month.",
        "The minister will visit the port next week to discuss trade.",
        "The football league announced its fixtures for the new season.",
        "Rain is expected across the north of the country on Friday.",
    ],
}
SETTINGS = TrainSettings(min_df=1, synthetic=False, mask_names=False)
PROBES = ["Troops and rebels fought near the bridge.", "Teachers marched to the ministry."]


def _corpus() -> list[Example]:
    return [Example(text, label, None, "frontwatch tests") for label, texts in SENTENCES.items() for text in texts]


@pytest.fixture(scope="module")
def plain() -> SubEventModel:
    return training.fit(_corpus(), replace(SETTINGS, event_type_weight=0.0, prior_flattening=0.0,
                                           territory_prior_flattening=0.0))


def test_sub_types_of_one_event_type_get_the_same_lift_from_it(plain: SubEventModel) -> None:
    shared = training.fit(_corpus(), replace(SETTINGS, event_type_weight=1.0, prior_flattening=0.0,
                                             territory_prior_flattening=0.0))
    assert shared.classes == plain.classes
    lift = shared.scores(PROBES) - plain.scores(PROBES)
    clash, regains = plain.classes.index("Armed clash"), plain.classes.index("Government regains territory")
    protest = plain.classes.index("Peaceful protest")
    # Both battles share the Battles score; the protest gets another one.
    assert np.allclose(lift[:, clash], lift[:, regains], atol=1e-4)
    assert not np.allclose(lift[:, clash], lift[:, protest], atol=1e-3)
    # It stays one linear model of the shipped format.
    assert shared.coef.shape == plain.coef.shape


def test_prior_flattening_lifts_a_rare_class_more_than_a_frequent_one(plain: SubEventModel) -> None:
    flat = training.fit(_corpus(), replace(SETTINGS, event_type_weight=0.0, prior_flattening=0.1,
                                           territory_prior_flattening=0.1))
    lift = (flat.scores(PROBES) - plain.scores(PROBES))[0]
    rare, frequent = plain.classes.index("Government regains territory"), plain.classes.index("Armed clash")
    assert lift[rare] > lift[frequent] > 0


def test_territory_classes_get_less_flattening_than_other_rare_classes(plain: SubEventModel) -> None:
    flat = training.fit(_corpus(), replace(SETTINGS, event_type_weight=0.0, prior_flattening=0.1,
                                           territory_prior_flattening=0.05))
    lift = (flat.scores(PROBES) - plain.scores(PROBES))[0]
    # "Government regains territory" is the rarer class (2 texts against 4), yet a false change of control
    # costs more than a missed one: it is lifted less.
    regains, protest = plain.classes.index("Government regains territory"), plain.classes.index("Peaceful protest")
    assert 0 < lift[regains] < lift[protest]


def test_event_type_of_the_no_event_class_is_itself() -> None:
    assert training.event_type_or_none(NO_EVENT) == NO_EVENT
    assert training.event_type_or_none("Government regains territory") == "Battles"
