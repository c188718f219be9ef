"""Actors are found by name and alias, generic references resolve in context, and sides count for control."""

import json

import pytest

from frontwatch.records import ACTOR_KINDS, Actor
from frontwatch.reading.actors import ACTORS_FILE, ActorRegistry, protagonist


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def names(found):
    return [(a.name) for _, _, a in found]


def test_aliases_resolve_to_canonical_holders(registry):
    text = ("Taleban fighters entered the city as Afghan National Army units fell back, while the "
            "Russian defence ministry and Ukraine's armed forces traded claims over the front near Izium.")
    assert names(registry.find(text)) == ["Taliban", "Afghan government", "Russia", "Ukraine"]


def test_mentions_are_longest_match_with_offsets(registry):
    text = "The General Staff of the Armed Forces of Ukraine said the push had stalled."
    [(start, end, actor)] = registry.find(text)
    assert text[start:end] == "General Staff of the Armed Forces of Ukraine"
    assert actor.name == "Ukraine"


def test_multiword_alias_matches_in_any_case_but_short_names_do_not(registry):
    text = "The Russian Armed Forces and the UKRAINIAN ARMED FORCES both claimed the hill."
    assert names(registry.find(text)) == ["Russia", "Ukraine"]
    assert names(registry.find("Nato envoys met; a wagner aria played.")) == ["NATO"]


def test_hyphenated_modifier_is_not_a_mention(registry):
    assert registry.find("Pro-Taliban accounts posted photos from the anti-Taliban bastion.") == []


def test_lowercase_us_is_not_the_united_states(registry):
    assert registry.find("Let us see what the morning brings, the shopkeeper said.") == []


def test_wagner_side_is_russia(registry):
    assert registry.side("Wagner") == "Russia"
    assert registry.side(registry.resolve("Wagner Group")) == "Russia"
    assert registry.side("DPR forces") == "Russia"
    assert registry.side("Azov Regiment") == "Ukraine"
    assert registry.side("Taliban") == "Taliban"
    assert registry.side("someone unknown") is None


def test_resolve_reads_aliases_and_leading_article(registry):
    assert registry.resolve("the Taliban") == Actor("Taliban", "rebel", "AF")
    assert registry.resolve("Islamic Emirate").name == "Taliban"
    assert registry.resolve("ANDSF").name == "Afghan government"
    assert registry.resolve("Ismail Khan").kind == "militia"
    assert registry.resolve("Kremlin").name == "Russia"
    assert registry.resolve("nobody in particular") is None
    assert registry.resolve("Kabul") is None  # a place unless it speaks
    assert registry.resolve("Kabul", metonym=True).name == "Afghan government"


def test_capital_is_the_government_only_when_it_speaks_or_decides(registry):
    assert names(registry.find("Kyiv said on Friday its troops had pushed back from the river.")) == ["Ukraine"]
    assert names(registry.find("Washington and London announced plans to fly their staff out.")) == [
        "United States", "United Kingdom"]
    assert registry.find("Missiles struck Kyiv overnight and the road to Moscow was closed.") == []
    text = "Kyiv has warned that the dam is mined. Fighting reached the outskirts of Kyiv."
    first, second = text.index("Kyiv"), text.rindex("Kyiv")
    assert registry.is_metonym(text, first, first + 4)
    assert not registry.is_metonym(text, second, second + 4)


AFGHAN_REPORT = ("The Taliban captured two more provincial capitals on Thursday. Residents said the insurgents "
                 "raised their flag over the governor's office. A Taliban spokesman said the group would "
                 "spare officials who surrendered.")


def test_generic_insurgents_resolve_to_the_afghan_report_protagonist(registry):
    lead = protagonist(registry, AFGHAN_REPORT, "AF")
    assert lead is not None and lead.name == "Taliban"
    assert registry.resolve_generic("the insurgents", focus_country="AF", protagonist=lead).name == "Taliban"
    assert registry.resolve_generic("The group", focus_country="AF", protagonist=lead).name == "Taliban"


def test_generic_insurgents_stand_for_an_unnamed_armed_group_when_no_group_leads(registry):
    text = "Separatist units and Wagner fighters both pressed the town; Azov defenders held the plant."
    assert protagonist(registry, text) is None
    # "rebels took the town" is still a gain of some armed group, whose name the control stage looks for
    stand_in = registry.resolve_generic("the insurgents", focus_country=None, protagonist=None)
    assert stand_in is not None and stand_in.kind == "rebel" and stand_in.name in registry.unnamed_groups()
    assert registry.resolve_generic("Opposition fighters", focus_country="SY", protagonist=None) == stand_in
    # words that need not mean an armed group at all ("the group said") stay unresolved
    assert registry.resolve_generic("the group", focus_country=None, protagonist=None) is None
    assert protagonist(registry, "Government troops repelled an attack on the town.", "AF") is None


def test_government_forces_resolve_to_the_focus_country_state(registry):
    assert registry.resolve_generic("government forces", focus_country="AF", protagonist=None).name == \
        "Afghan government"
    assert registry.resolve_generic("security forces", focus_country="UA", protagonist=None).name == "Ukraine"
    assert registry.resolve_generic("the army", focus_country=None, protagonist=None) is None


def test_find_generic_skips_phrases_inside_named_actors(registry):
    text = "Afghan security forces withdrew and government forces regrouped near the airport."
    assert [p for _, _, p in registry.find_generic(text)] == ["government forces"]


def test_party_and_external_actors(registry):
    assert registry.is_party("Taliban") and registry.is_party("Russia") and registry.is_party("Wagner")
    assert not registry.is_party("United States") and not registry.is_party("NATO")


def test_actor_data_file_follows_its_schema():
    data = json.loads(ACTORS_FILE.read_text(encoding="utf-8"))
    names_seen = set()
    for item in data["actors"]:
        assert item["kind"] in ACTOR_KINDS, item["name"]
        assert item["name"] not in names_seen
        names_seen.add(item["name"])
    for item in data["actors"]:
        assert item.get("side", item["name"]) in names_seen, item["name"]


def test_adding_a_conflict_is_data_only(tmp_path):
    data = {"actors": [
        {"name": "Sudan Armed Forces", "kind": "state", "country": "SD", "primary": True, "aliases": ["SAF"]},
        {"name": "Rapid Support Forces", "kind": "militia", "country": "SD", "aliases": ["RSF"]},
    ], "generic": [{"refers_to": "protagonist", "phrases": ["the paramilitaries"]}]}
    path = tmp_path / "actors.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    sudan = ActorRegistry.from_file(path)
    text = "RSF fighters said they had taken the army base; the RSF later posted video from inside."
    lead = protagonist(sudan, text, "SD")
    assert lead.name == "Rapid Support Forces"
    assert sudan.resolve_generic("the paramilitaries", focus_country="SD", protagonist=lead) == lead


def test_long_report_mentions_are_found_in_order_without_overlaps(registry):
    text = "Taliban fighters and Afghan security forces clashed; the insurgents pressed on. " * 2000
    found = registry.find(text)
    assert len(found) == 4000
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:]))
    assert len(registry.find_generic(text)) == 2000
    assert protagonist(registry, text, "AF").name == "Taliban"


def test_the_police_are_the_police_of_the_reports_country_else_police_of_no_named_country():
    registry = ActorRegistry.default()
    indian = registry.resolve_generic("the police", focus_country="IN", protagonist=None)
    assert indian is not None and indian.country == "IN" and indian.kind == "state" and registry.is_police(indian)
    unnamed = registry.resolve_generic("policemen", focus_country="BR", protagonist=None)
    assert unnamed is not None and unnamed.country is None and registry.is_police(unnamed)
    assert not registry.is_police(registry.state_of("AF"))


def test_a_ministry_of_defence_unnamed_is_no_particular_country_and_curly_apostrophes_match():
    registry = ActorRegistry.default()
    assert not [a for _, _, a in registry.find("The ministry of defence said commandos retook the town.")
                if a.name == "United Kingdom"]
    assert [a.name for _, _, a in registry.find("Britain's Ministry of Defence said so.")] == ["United Kingdom"]
    assert registry.find("Sudan’s army said it retook the town.") == registry.find("Sudan's army said it retook the town.")


def test_myanmars_karenni_and_chin_resistance_are_armed_parties(registry):
    for name, actor in (("Karenni forces", "Karenni Nationalities Defence Force"), ("KNDF", "Karenni Nationalities Defence Force"),
                        ("Chin National Front", "Chin National Army")):
        found = registry.resolve(name)
        assert found is not None and found.name == actor and found.country == "MM"
        assert registry.is_party(found)
