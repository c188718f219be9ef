"""The public classification API on news-style sentences written for these tests."""

from __future__ import annotations

import pytest

from frontwatch.classify import ACLED_SUB_EVENT_TYPES, classify_texts, event_type_of, score_texts


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Insurgents seized the district centre after government troops withdrew overnight.",
         "Non-state actor overtakes territory"),
        ("A government air strike on a rebel-held market town killed at least seven people, witnesses said.",
         "Air/drone strike"),
        ("Several hundred nurses marched peacefully to the health ministry on Tuesday to demand unpaid wages.",
         "Peaceful protest"),
        ("Police arrested four opposition activists at their homes in the capital early on Sunday.", "Arrests"),
        ("Artillery shelled residential districts on the eastern bank of the river through the night.",
         "Shelling/artillery/missile attack"),
        ("Army units recaptured the border town from the rebels after three days of heavy fighting.",
         "Government regains territory"),
        ("A roadside bomb tore through a minibus on the highway, killing four passengers.",
         "Remote explosive/landmine/IED"),
        ("Gunmen kidnapped two engineers working on a dam project and took them into the forest.",
         "Abduction/forced disappearance"),
        # ACLED's notes hold no chemical attack at all: the class is learnt from written news sentences
        ("Doctors treated dozens of villagers for choking after shells filled with chlorine gas landed near "
         "the front line, a medical charity said.", "Chemical weapon"),
        ("The two rebel factions signed a ceasefire in the capital on Friday after talks hosted by church "
         "leaders.", "Agreement"),
    ],
)
def test_news_sentences_get_their_acled_sub_event_type(sentence: str, expected: str) -> None:
    assert classify_texts([sentence]) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister will visit Doha next week to discuss trade.",
        "The central bank said inflation slowed for a second month in October.",
        # an event denied, or only threatened, is no event
        "Provincial authorities denied on Monday that any fighting had taken place near the border town, "
        "calling the reports false.",
        "The armed group threatened to attack fuel convoys on the highway unless its prisoners were freed.",
    ],
)
def test_sentences_that_report_no_event_get_null(sentence: str) -> None:
    assert classify_texts([sentence]) == [None]


def test_answers_one_label_per_text_in_order() -> None:
    texts = [
        "The minister will visit Doha next week to discuss trade.",
        "Police arrested four opposition activists at their homes in the capital early on Sunday.",
    ]
    assert classify_texts(texts) == [None, "Arrests"]
    assert classify_texts([]) == []
    assert score_texts([]) == []


def test_scores_are_probabilities_of_the_label_given() -> None:
    (label, p), = score_texts(["A roadside bomb tore through a minibus on the highway, killing four passengers."])
    assert label == "Remote explosive/landmine/IED"
    assert 0.5 < p <= 1.0


def test_taxonomy_is_acleds_twenty_five_sub_event_types() -> None:
    assert len(ACLED_SUB_EVENT_TYPES) == len(set(ACLED_SUB_EVENT_TYPES)) == 25
    assert "Shelling/artillery/missile attack" in ACLED_SUB_EVENT_TYPES
    assert event_type_of("Non-state actor overtakes territory") == "Battles"
    assert event_type_of("Excessive force against protesters") == "Protests"


def test_every_label_answered_is_an_acled_sub_event_type() -> None:
    texts = ["Rioters torched a bus.", "Fighters set up camp.", "Xyz.", "Talks continue.", "A grenade was thrown."]
    assert all(label is None or label in ACLED_SUB_EVENT_TYPES for label in classify_texts(texts))
