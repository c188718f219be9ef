"""The trigger lexicon in frontwatch/data/triggers.json: valid codes, and the phrases it finds."""

from __future__ import annotations

from frontwatch.events.lexicon import default_lexicon
from frontwatch.records import PLOVER_TYPES

ACLED_SUB_EVENTS = {
    "Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory",
    "Arrests", "Abduction/forced disappearance", "Agreement", "Air/drone strike", "Shelling/artillery/missile attack",
    "Armed clash", "Attack", "Peaceful protest", "Remote explosive/landmine/IED", "Looting/property destruction", None,
}


def test_every_family_uses_plover_types_and_acled_sub_events():
    lexicon = default_lexicon()
    assert {f.name for f in lexicon.families} >= {"taken", "retaken", "handed_over", "abandoned", "siege",
                                                   "detention", "capture_person", "ceasefire", "air_strike", "shelling", "clash",
                                                   "attack", "evacuation", "deployment", "talks", "reject",
                                                   "accuse", "demand"}
    for family in lexicon.families:
        assert family.type in PLOVER_TYPES
        assert family.acled in ACLED_SUB_EVENTS
        for sub_event in (family.acled_by_kind or {}).values():
            assert sub_event in ACLED_SUB_EVENTS
        assert family.control in (None, "taken", "retaken", "handed_over", "abandoned")


def test_passive_and_nominal_forms_are_found_like_active_ones():
    lexicon = default_lexicon()
    for sentence in ("Herat fell to the insurgents.", "The fall of Ghazni was confirmed.",
                     "Kandahar was captured overnight.", "Government forces pulled out of Herat.",
                     "The capture of Soledar took months.", "The town has been liberated."):
        found = [t.family.name for t in lexicon.triggers(sentence)]
        # "captured" is also a detention word; the extractor tells a town from a person by the object.
        assert set(found) & {"taken", "retaken", "abandoned"}, sentence


def test_longest_phrase_wins_inside_a_family():
    [trigger] = [t for t in default_lexicon().triggers("Herat fell to the Taliban.") if t.family.name == "taken"]
    assert "Herat fell to the Taliban."[trigger.start:trigger.end] == "fell to"
    assert trigger.place_side == "before" and trigger.agent_side == "after"


def test_paragraph_without_any_trigger_is_skipped_by_the_prefilter():
    lexicon = default_lexicon()
    assert not lexicon.has_trigger("Markets were calm and traders expected little change this week.")
    assert lexicon.has_trigger("Rebels overran the garrison at dawn.")


def test_encirclement_words_belong_to_the_siege_family_without_control():
    triggers = default_lexicon().triggers("The militants encircled Mazar-i-Sharif and besieged Kunduz.")
    assert {t.family.name for t in triggers} == {"siege"}
    assert all(t.family.control is None for t in triggers)
