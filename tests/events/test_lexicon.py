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
        assert family.control in (None, "taken", "retaken", "received", "handed_over", "abandoned")


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


def _families(sentence: str) -> set[str]:
    return {t.family.name for t in default_lexicon().triggers(sentence)}


def test_a_killing_verb_with_a_victim_is_a_killing():
    for sentence in ("Gunmen shot dead two villagers near the market on Sunday.",
                     "A mob lynched a shopkeeper in the old quarter late on Friday.",
                     "Three constables were killed when their jeep was ambushed."):
        assert "killing" in _families(sentence), sentence


def test_old_deeds_disasters_and_references_back_are_no_new_killing():
    for sentence in ("A sessions court sentenced the farmer to life for killing his brother in 1998.",
                     "The man was arrested on charges of murder and booked for killing a trader.",
                     "The earthquake that killed 300 people flattened the hill villages.",
                     "The assembly observed silence in memory of those killed in the riots."):
        assert "killing" not in _families(sentence), sentence


def test_a_figure_of_speech_or_a_recalled_attack_is_no_attack():
    for sentence in ("The opposition leader launched a veiled attack on the chief minister.",
                     "Speaking of the attack on the train last month, the minister blamed the police."):
        assert "attack" not in _families(sentence), sentence
    assert "attack" in _families("Rioters attacked a police outpost on the highway at dawn.")


def test_victims_of_an_earlier_killing_recalled_in_a_clause_are_no_new_killing():
    assert "killing" not in _families("Relief was paid to the families of those who were killed in the train fire.")


def test_refusals_demands_and_road_blockades_have_their_own_families():
    assert "reject" in _families("The opposition rejects the proposed changes to the electoral law.")
    assert "demand" in _families("Farmers' unions are demanding that the state waive their loans.")
    assert "protest" in _families("Students blocked roads leading to the university on Monday.")


def test_deaths_written_in_words_are_counted():
    from frontwatch.events.arguments import quantities_of

    lexicon = default_lexicon()
    assert quantities_of("Six people were killed when the police opened fire on the crowd.", lexicon)["killed"] == 6
    assert quantities_of("Three others died in police firing near the bus depot.", lexicon)["killed"] == 3
    assert "killed" not in quantities_of("Someone killed the lights before the meeting began.", lexicon)


def test_dying_in_firing_is_a_killing_but_protesting_an_old_killing_is_not():
    assert "killing" in _families("Two youths died in police firing at the railway crossing.")
    assert "killing" not in _families("Traders shut their shops to protest the killing of a jeweller last month.")


def test_a_clash_of_egos_or_words_is_no_armed_clash():
    assert "clash" not in _families("The two ministers avoided ego clashes over the budget.")
    assert "clash" in _families("Villagers clashed with the police over the land acquisition.")


def test_complaints_hostages_and_suspended_aid_go_to_their_families():
    assert "accuse" in _families("The foreign ministry complained to the Security Council over the border raids.")
    assert "detention" in _families("Gunmen held five engineers hostage at the dam site for two days.")
    assert "sanction" in _families("The donors suspended part of their budget aid programme to the ministry.")
