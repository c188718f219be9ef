"""PLOVER types beyond fighting: promises, threats, demands, de-escalation, concessions, aid, protest, sanctions.

Every sentence is our own wire-style writing; names, places and dates are only there to look like a report."""

from __future__ import annotations

import pytest

from frontwatch.events import extract_text
from frontwatch.events.lexicon import Lexicon


def _types(sentence: str) -> list[str]:
    """The PLOVER types read from one report sentence, in the order of their triggers."""
    return [e.type for e in extract_text("Report\n" + sentence + "\n", published="2023-03-14")]


@pytest.mark.parametrize("sentence", [
    "Norway will provide 40 million dollars in emergency food aid to flood victims in Pakistan, its foreign ministry said.",
    "The Ghanaian president said he is ready to host a meeting between the two rival factions next month.",
    "The rebels said on Sunday they would release the 12 aid workers they have held since January.",
    "Jordan will allow the return of UN monitors to the border crossing, officials said on Tuesday.",
    "Poland has offered two field hospitals to Turkey after the earthquake, the health minister said.",
    "The opposition accepted a compromise formula on the new electoral law after weeks of talks.",
])
def test_a_promise_of_a_cooperative_act_is_agree(sentence):
    assert _types(sentence)[0] == "AGREE"


@pytest.mark.parametrize("sentence", [
    "The governor said he will extend the night-time curfew in the city after two nights of looting.",
    "The army said it is prepared to impose martial law in the northern provinces if the unrest continues.",
    "Farmers said they would blockade the capital from Monday to demand lower fuel prices.",
    "The ruling party said it will withdraw from the coalition unless the prime minister resigns.",
    "The militia vowed to avenge the death of its commander, who was killed in a drone strike on Friday.",
])
def test_an_announced_coercive_act_or_a_condition_is_threaten(sentence):
    assert _types(sentence)[0] == "THREATEN"


@pytest.mark.parametrize("sentence", [
    "The foreign minister said on Monday that Belgrade must hand over the suspects within a week.",
    "Iran must release the detained sailors at once, the British foreign secretary said.",
    "About 300 families from the border villages sought refuge in neighbouring Chad last week.",
    "A Kenyan judge has ordered the former minister to appear in court on June 4 for questioning.",
    "The union is pressing the government to raise the minimum wage before the budget.",
])
def test_a_demand_or_a_plea_is_request(sentence):
    assert _types(sentence)[0] == "REQUEST"


def test_the_party_that_demands_is_the_actor_not_the_one_that_must_act():
    events = extract_text("Report\nRussia said on Tuesday that Sudan must return the helicopter within a week.\n",
                          published="2023-03-14")
    [demand] = [e for e in events if e.type == "REQUEST"]
    assert demand.actor is not None and demand.actor.name == "Russia"


@pytest.mark.parametrize("sentence", [
    "The rebel movement declared a unilateral ceasefire on Wednesday after three weeks of fighting.",
    "The army lifted on Friday a week-old blockade of the port, officials said.",
    "More than 200 fighters laid down their arms at a ceremony in the provincial capital.",
    "The government announced the withdrawal of 3,000 troops from the disputed border region.",
])
def test_de_escalation_is_retreat(sentence):
    assert _types(sentence)[0] == "RETREAT"


@pytest.mark.parametrize("sentence", [
    "The government on Sunday lifted a state of emergency in the eastern province that was imposed in June.",
    "The president shortened by two hours the nightly curfew in the capital on Thursday.",
    "The constitutional court repealed restrictions on the use of minority languages in schools.",
])
def test_easing_a_restriction_is_concede(sentence):
    assert _types(sentence)[0] == "CONCEDE"


@pytest.mark.parametrize("sentence", [
    "Ecuador has granted political asylum to four opposition politicians, its embassy said on Tuesday.",
    "Army helicopters evacuated the wounded from the flooded district on Saturday.",
    "A Swiss charity delivered 900 kg of medicine to hospitals in the quake zone on Monday.",
])
def test_help_given_is_aid(sentence):
    assert _types(sentence)[0] == "AID"


@pytest.mark.parametrize("sentence", [
    "Thousands of teachers held a rally in Nairobi on Thursday over unpaid salaries.",
    "Striking dock workers blocked the main bridge into the port for six hours on Monday.",
    "Youths threw stones at passing army vehicles in the old quarter of the city, witnesses said.",
])
def test_a_crowd_in_the_street_is_protest(sentence):
    assert _types(sentence)[0] == "PROTEST"


@pytest.mark.parametrize("sentence", [
    "Estonia said it had expelled three Russian diplomats for activities incompatible with their status.",
    "The German chancellor cancelled a planned visit to Ankara after the arrest of the journalists.",
    "The European Union froze the assets of 12 officials over the crackdown, a spokesman said.",
])
def test_a_penalty_short_of_force_is_sanction(sentence):
    assert _types(sentence)[0] == "SANCTION"


@pytest.mark.parametrize("sentence", [
    "The two delegations failed to reach agreement on the border after two days of talks in Geneva.",
    "The government said it would not bow to the kidnappers' demands.",
])
def test_a_refusal_is_reject(sentence):
    assert _types(sentence)[0] == "REJECT"


def test_a_visit_told_as_a_stay_is_consult():
    assert _types("The Turkish president arrived in Baku on a two-day official visit on Wednesday.")[0] == "CONSULT"


def test_restored_relations_are_support():
    assert _types("Bahrain and Qatar restored their diplomatic relations on Wednesday after a two-year rift.")[0] \
        == "SUPPORT"


def test_stepped_up_patrols_are_mobilize():
    assert _types("Police stepped up patrols in the capital after the attack on the mosque.")[0] == "MOBILIZE"


def test_fighting_between_two_sides_is_assault():
    assert _types("Fighting between rival militias in the south of the capital killed 12 people on Sunday.")[0] \
        == "ASSAULT"


def test_a_broken_or_recalled_ceasefire_is_no_new_agreement():
    assert "AGREE" not in _types("Monitors said both armies were guilty of violating the ceasefire along the river.")
    assert "AGREE" not in _types("The ceasefire monitors reported 40 explosions near the front line overnight.")
    assert _types("The two armies agreed a ceasefire on Monday after talks in Doha.")[0] == "AGREE"


def test_a_government_letting_its_opponents_rally_concedes():
    assert _types("The interior minister allowed the opposition leader to stage a rally in the capital on Friday.")[0] \
        == "CONCEDE"


def test_ethnic_cleansing_carried_out_is_assault_but_a_word_for_past_violence_is_not():
    assert _types("Militias were carrying out ethnic cleansing in three villages, the UN envoy said.")[0] == "ASSAULT"
    assert "ASSAULT" not in _types("She said what the region had seen was akin to ethnic cleansing.")


def test_an_intention_does_not_hide_the_withdrawal_it_announces():
    events = extract_text("Report\nRussia said on Wednesday it would withdraw its troops from Kherson.\n",
                          published="2022-11-09")
    assert [e.type for e in events][0] == "AGREE"
    withdrawal = [e for e in events if e.type == "RETREAT" and e.place and e.place.name == "Kherson"]
    assert withdrawal and withdrawal[0].modality == "planned"


@pytest.mark.parametrize("sentence", [
    "Riot police patrolled the square on Monday, the interior ministry said.",
    "The official, who asked not to be named, said the talks ended on Sunday.",
    "\"We must rebuild the bridges before winter,\" the mayor said on Friday.",
    "The capture of the town would allow the army to advance towards the coast, an analyst said.",
    "\"Our soldiers will return to the city,\" the commander said on Sunday.",
    "The defence minister ordered his troops to hold their positions near the river.",
    "The rebels drew up a plan to attack the airport, according to documents seen by reporters.",
    "Thirty days after the riots, traders in the old city said they had not reopened their shops.",
    "The minister came calling on the families of the victims at the relief camp on Sunday.",
    "The new software will help monitor e-mails, an official said.",
])
def test_words_that_only_look_like_those_events_give_none(sentence):
    types = _types(sentence)
    assert not {"PROTEST", "REQUEST", "AGREE", "THREATEN"} & set(types), types


def test_phrase_parts_fill_their_named_slots_and_leave_regex_counts_alone():
    lexicon = Lexicon({"phrase_parts": {"intent": ["will", "pledged to"]},
                       "families": [{"name": "promise", "type": "AGREE",
                                     "patterns": [{"phrases": ["{intent}(?= (?:\\w+ ){0,2}aid)"]}]}]})
    text = "Japan pledged to send more aid, but Korea will not send any more aid this year."
    assert [text[t.start:t.end] for t in lexicon.triggers(text)] == ["pledged to"]
