"""The parties of wars beyond Afghanistan and Ukraine: named, given their side, and holding what they take."""

import json

import pytest

from frontwatch.events import extract_text
from frontwatch.places import gazetteer
from frontwatch.reading.actors import ACTORS_FILE, ActorRegistry, protagonist

# The countries whose wars the registry covers beyond Afghanistan and Ukraine.
OTHER_WARS = ("SY", "IQ", "YE", "LY", "SD", "SS", "ET", "SO", "CD", "ML", "BF", "NE", "NG", "MZ", "MM", "IL", "PS",
              "LB", "AM", "AZ", "CO", "HT", "PK", "TR", "ER", "LK", "CF", "KE", "ZA")


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return ActorRegistry.default()


def named(registry: ActorRegistry, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], a.name) for s, e, a in registry.find(text)]


def control_of(text: str, published: str) -> dict[str, tuple[str, str | None]]:
    """Place -> (new holder, former holder) for each change of control the report states."""
    return {e.place.name: (e.control.holder, e.control.from_)
            for e in extract_text(text, published=published) if e.control and e.place}


@pytest.mark.parametrize("text, group, side", [
    ("Fighters of the paramilitary Rapid Support Forces shelled a market in El Fasher, medics said.",
     "Rapid Support Forces", "Rapid Support Forces"),
    ("Hayat Tahrir al-Sham said its units had entered the outskirts of Hama overnight.",
     "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    ("Wazalendo militiamen fought alongside the army north of Goma on Sunday.", "Wazalendo", "Congolese government"),
    ("The Popular Mobilisation Forces moved reinforcements towards Tal Afar.", "Popular Mobilisation Forces",
     "Iraqi government"),
    ("Warplanes of the Saudi-led coalition struck a Houthi camp near Saada.", "Saudi-led coalition",
     "Yemeni government"),
    ("VDP auxiliaries guarded the road into Djibo, a local official said.",
     "Volunteers for the Defence of the Homeland", "Burkinabe government"),
    ("The Myanmar National Democratic Alliance Army said it was pressing on towards Lashio.",
     "Myanmar National Democratic Alliance Army", "Myanmar National Democratic Alliance Army"),
    ("Tehreek-e-Taliban Pakistan claimed the ambush on a convoy in North Waziristan.", "Tehrik-i-Taliban Pakistan",
     "Tehrik-i-Taliban Pakistan"),
    ("Gunmen of the Viv Ansanm coalition set fire to a police station in Mirebalais.", "Viv Ansanm", "Viv Ansanm"),
])
def test_armed_groups_are_named_parties_on_their_own_or_their_patrons_side(registry, text, group, side):
    [actor] = [a for _, a in named(registry, text) if a == group]
    assert registry.is_party(actor)
    assert registry.side(actor) == side


@pytest.mark.parametrize("country, state", [
    ("SD", "Sudanese Armed Forces"), ("SY", "Syrian government"), ("SO", "Somali government"),
    ("MM", "Myanmar military"), ("CD", "Congolese government"), ("NG", "Nigerian government"),
    ("ML", "Malian government"), ("YE", "Yemeni government"), ("PK", "Pakistan"), ("IL", "Israel"),
])
def test_government_forces_in_a_report_on_a_country_are_its_state(registry, country, state):
    actor = registry.resolve_generic("government forces", focus_country=country, protagonist=None)
    assert actor is not None and actor.name == state and actor.kind == "state"


def test_the_junta_and_regime_forces_are_the_state_of_the_report_country(registry):
    assert registry.resolve_generic("the junta", focus_country="ML", protagonist=None).name == "Malian government"
    assert registry.resolve_generic("The junta", focus_country="MM", protagonist=None).name == "Myanmar military"
    assert registry.resolve_generic("regime forces", focus_country="SY", protagonist=None).name == "Syrian government"


def test_the_paramilitaries_and_the_jihadists_are_the_report_protagonist(registry):
    text = ("RSF fighters stormed the town at dawn. The paramilitaries later posted videos from the market, "
            "and the RSF said it controlled every road out.")
    lead = protagonist(registry, text, "SD")
    assert lead.name == "Rapid Support Forces"
    assert registry.resolve_generic("the paramilitaries", focus_country="SD", protagonist=lead) == lead
    lead = protagonist(registry, "JNIM militants attacked the camp; JNIM later claimed the raid.", "ML")
    assert registry.resolve_generic("the jihadists", focus_country="ML", protagonist=lead).name == "JNIM"


def test_each_countrys_army_is_found_by_the_words_news_uses_for_it(registry):
    text = ("Sudan's army and the Sudanese Armed Forces' spokesman said troops had crossed the bridge, while "
            "Ethiopian federal forces and the Tatmadaw were not involved.")
    assert [name for _, name in named(registry, text)] == [
        "Sudanese Armed Forces", "Sudanese Armed Forces", "Ethiopian government", "Myanmar military"]


def test_the_capital_speaks_for_its_government_only_as_the_subject_of_a_statement(registry):
    assert [a for _, a in named(registry, "Khartoum said the offensive would go on.")] == ["Sudanese Armed Forces"]
    assert [a for _, a in named(registry, "Naypyitaw rejected the report.")] == ["Myanmar military"]
    assert named(registry, "Shells fell on Khartoum and Damascus overnight.") == []


def test_al_shabaab_is_the_somali_group_and_cabo_delgado_insurgents_go_by_their_islamic_state_name(registry):
    shabaab = registry.resolve("al-Shabaab")
    assert (shabaab.name, shabaab.country) == ("al-Shabaab", "SO")
    assert registry.resolve("Al-Shabab").name == "al-Shabaab"
    mozambique = registry.resolve("Islamic State Mozambique Province")
    assert (mozambique.country, registry.resolve("Ansar al-Sunna")) == ("MZ", mozambique)


def test_islamic_state_is_the_core_group_and_its_provinces_keep_their_own_names(registry):
    assert registry.resolve("Islamic State").name == "Islamic State"
    assert registry.resolve("Daesh").name == "Islamic State"
    assert registry.resolve("ISKP").name == "Islamic State Khorasan"
    assert registry.resolve("ISWAP").name == "Islamic State West Africa Province"
    assert registry.resolve("Islamic State Sahel Province").name == "Islamic State Sahel"
    text = "Islamic State fighters and ISWAP militants were both named in the statement."
    assert [a for _, a in named(registry, text)] == ["Islamic State", "Islamic State West Africa Province"]


def test_pakistani_taliban_are_not_the_afghan_taliban(registry):
    assert [a for _, a in named(registry, "The Pakistani Taliban and the Taliban in Kabul traded accusations.")] == [
        "Tehrik-i-Taliban Pakistan", "Taliban"]


@pytest.mark.parametrize("text", [
    "Sweden has offered JAS 39 Gripen fighters to several air forces.",
    "A CMA CGM container ship changed course away from the strait.",
    "The ministry published a pdf of the decree and a PDF copy of the annex.",
    "Mayor Sarah Burhan opened the new school in the district.",
    "The carmaker Kia reopened its plant after the strike, the company said.",
])
def test_acronyms_and_names_with_other_meanings_are_not_taken_for_armed_groups(registry, text):
    assert not any(registry.is_party(a) for _, _, a in registry.find(text))


def test_no_alias_of_the_other_wars_parties_is_a_place_of_their_own_country():
    data = json.loads(ACTORS_FILE.read_text(encoding="utf-8"))
    gaz = gazetteer()
    clashes = []
    for item in data["actors"]:
        country = item.get("country")
        if country not in OTHER_WARS:
            continue
        for alias in [item["name"], *item.get("aliases", [])]:
            places = [p for p in gaz.candidates(alias) if p.country == country and p.feature != "country"]
            if places:
                clashes.append((item["name"], alias, places[0].name))
    assert clashes == []


@pytest.mark.parametrize("text, published, place, holder, former", [
    ("GOMA, Congo (Wire) - M23 rebels captured the eastern Congolese city of Goma on Monday after days of "
     "fighting with the Congolese army, residents and a rebel spokesman said.",
     "2025-01-27", "Goma", "M23", "Congolese government"),
    ("Sudan's army said on Saturday it had recaptured the city of Wad Madani from the Rapid Support Forces, its "
     "biggest gain in months of war with the paramilitaries.",
     "2025-01-11", "Wad Medani", "Sudanese Armed Forces", "Rapid Support Forces"),
    ("Houthi fighters seized the district centre of Harib in Yemen's Marib province on Sunday, forcing "
     "government troops to fall back, local officials said.",
     "2021-09-26", "Harib", "Houthis", "Yemeni government"),
    ("Forces loyal to the Tripoli government recaptured the town of Gharyan from the Libyan National Army of "
     "Khalifa Haftar on Wednesday, a spokesman said.",
     "2019-06-26", "Gharyan", "Libyan government", "Libyan National Army"),
    ("Rebels of the Myanmar National Democratic Alliance Army captured the city of Lashio in Shan state on "
     "Saturday, the group said, after the military pulled out.",
     "2024-08-03", "Lashio", "Myanmar National Democratic Alliance Army", "Myanmar military"),
    ("Viv Ansanm gangs took control of the town of Mirebalais on Monday after police withdrew, residents said.",
     "2025-03-31", "Mirebalais", "Viv Ansanm", "Haitian government"),
    ("JNIM fighters captured the town of Djibo in northern Burkina Faso on Sunday after the army withdrew.",
     "2025-05-11", "Djibo", "JNIM", "Burkinabe government"),
    ("Iraqi forces retook the city of Ramadi from Islamic State militants on Monday, the Iraqi military said.",
     "2015-12-28", "Ramadi", "Iraqi government", "Islamic State"),
    ("COLOMBO, Jan 2 - Sri Lankan troops captured Kilinochchi, the Tamil Tigers' political capital, on Friday, "
     "President Mahinda Rajapaksa said in a televised address.",
     "2009-01-02", "Kilinochchi", "Sri Lankan government", "LTTE"),
    ("BANGUI, Dec 23 - Seleka rebels seized the town of Bambari in the Central African Republic on Sunday after a "
     "brief fight with government troops, a military source said.",
     "2012-12-23", "Bambari", "Seleka", "Central African government"),
    # Kenya fights for the Somali government in Somalia, with the Ras Kamboni militia beside it
    ("NAIROBI, May 30 - Kenyan troops and Ras Kamboni militia captured the southern Somali town of Afmadow from "
     "al-Shabaab on Wednesday, the Kenyan military said.",
     "2012-05-30", "Afmadow", "Somali government", "al-Shabaab"),
    ("MOGADISHU, May 25 - Ugandan troops of the African Union force and Somali soldiers took the town of Afgoye "
     "from al-Shabaab on Friday.",
     "2012-05-25", "Afgooye", "Somali government", "al-Shabaab"),
    ("MOSCOW, Nov 12 - Russian federal forces entered Gudermes on Friday after local elders handed the town over "
     "without a fight, the military said. Chechen fighters had left the town overnight.",
     "1999-11-12", "Gudermes", "Russia", "Chechen rebels"),
    # Wagner fights for the Malian junta in Mali
    ("BAMAKO, Nov 14 - Wagner mercenaries and Malian troops took control of Kidal on Tuesday, the rebels' stronghold "
     "since 2012, the army said. The CSP said its fighters had made a tactical withdrawal.",
     "2023-11-14", "Kidal", "Malian government", "Azawad Liberation Front"),
    ("ADEN, Jan 10 - The Giants Brigades retook the Usaylan district of Shabwa from the Houthis on Monday, a "
     "government official said.", "2022-01-10", "Usaylan", "Yemeni government", "Houthis"),
], ids=["DR Congo", "Sudan", "Yemen", "Libya", "Myanmar", "Haiti", "Burkina Faso", "Iraq", "Sri Lanka",
        "Central African Republic", "Somalia: Kenya", "Somalia: Uganda", "Chechnya 1999", "Mali: Wagner",
        "Yemen: Giants Brigades"])
def test_a_town_taken_in_another_war_passes_to_the_side_that_took_it(text, published, place, holder, former):
    assert control_of(text, published)[place] == (holder, former)


def test_syrias_southern_and_druze_factions_hold_what_they_take_and_progressives_are_not_passives():
    text = ("DAMASCUS, Dec 7 - Rebels of the Southern Operations Room captured Deraa city after the army left. "
            "By nightfall the southern rebels said Druze fighters were taking over Sweida. "
            "Separately, the Military Operations Command said its forces had entered Hama.")
    changes = control_of(text, "2024-12-07")
    # GeoNames spells the three cities As-Suwayda, Dar‘a and Hamah
    assert {place: holder for place, (holder, _) in changes.items()} == {
        "As-Suwayda": "Suwayda Druze factions", "Dar‘a": "Southern Operations Room", "Hamah": "Hayat Tahrir al-Sham"}


def test_a_town_handed_to_the_east_african_force_is_held_by_that_force():
    text = "M23 rebels handed over the town of Kibumba, north of Goma, to the EAC regional force on Friday."
    assert control_of(text, "2022-12-23") == {"Kibumba": ("East African Community Regional Force", "M23")}


def test_malis_2012_war_has_its_parties():
    text = ("BAMAKO, Jan 28 - French troops and Malian soldiers entered Timbuktu on Monday after the Ansar Dine "
            "fighters who had held it since April fled, while MUJAO militants left Gao and the MNLA said it held Kidal.")
    assert [a for _, a in named(ActorRegistry.default(), text)] == [
        "France", "Malian government", "Ansar Dine", "MUJAO", "Azawad Liberation Front"]


def test_a_name_two_wars_use_means_the_group_of_the_report_country():
    text = ("PEMBA, Mozambique, Aug 8 - Rwandan troops and Mozambican soldiers retook the port town of Mocimboa da "
            "Praia in Cabo Delgado on Sunday, a year after al-Shabaab insurgents overran it, Rwanda's army said.")
    assert control_of(text, "2021-08-08") == {
        "Mocimboa da Praia": ("Mozambican government", "Islamic State Mozambique")}
    registry = ActorRegistry.default()
    here = [(text[s:e], a.name) for s, e, a in registry.find(text, "MZ")]
    assert ("Rwandan troops", "Rwandan forces in Mozambique") in here
    assert ("al-Shabaab", "Islamic State Mozambique") in here
    somalia = ("MOGADISHU, June 3 - Al-Shabaab fighters seized the town of Mahas in Hiraan region on Monday, "
               "elders said.")
    assert list(control_of(somalia, "2023-06-03").values()) == [("al-Shabaab", None)]
    assert ("Rwandan troops", "Rwanda") not in named(registry, "Rwandan troops crossed near Goma, Kinshasa said.")


def test_the_islamic_state_in_a_country_with_its_own_province_is_that_province():
    registry = ActorRegistry.default()
    text = "The Islamic State group said its fighters had killed soldiers, in a statement carried by Amaq."
    assert [a.name for _, _, a in registry.find(text, "NG")] == ["Islamic State West Africa Province"]
    assert [a.name for _, _, a in registry.find(text, "AF")] == ["Islamic State Khorasan"]
    assert [a.name for _, _, a in registry.find(text, "IQ")] == ["Islamic State"]


def test_police_of_a_country_the_registry_has_no_police_for_hold_for_its_state():
    text = ("PEMBA, Mozambique, May 30 - Police said on Saturday they had retaken Macomia in Cabo Delgado province "
            "after the insurgents withdrew overnight.")
    assert control_of(text, "2020-05-30")["Macomia"][0] == "Mozambican government"


def test_libyas_sides_go_by_their_local_names_and_a_local_name_speaks_for_its_side():
    text = ("TRIPOLI, April 7 - Eastern forces took control of Qasr Bin Ghashir, south of Tripoli, on Sunday, "
            "residents said.")
    assert control_of(text, "2019-04-07")["Qasr Bin Ghashir"][0] == "Libyan National Army"
    spoken = extract_text("TRIPOLI, June 4 - Tripoli's government said it held the capital. A GNA spokesman said its "
                          "forces had entered Tarhuna, south-east of Tripoli.", published="2020-06-04")
    [tarhuna] = [e for e in spoken if e.control and e.place.name == "Tarhuna"]
    assert (tarhuna.control.holder, tarhuna.modality) == ("Libyan government", "claimed")
    assert ("GNA", "Libyan government") not in named(ActorRegistry.default(), "The GNA news agency in Accra said.")


def test_a_foreign_army_fighting_for_a_side_holds_for_that_side_and_a_backer_does_not_act():
    text = ("HOMS, March 27 - Syrian troops backed by Russian warplanes retook Palmyra from Islamic State on Sunday, "
            "state media said, and Russia's defence ministry said its forces had helped clear the city of Tadmur.")
    assert {holder for holder, _ in control_of(text, "2016-03-27").values()} == {"Syrian government"}
    assert ActorRegistry.default().side("Russia", "UA") == "Russia"
    assert ActorRegistry.default().side("Russia", "SY") == "Syrian government"
    border = control_of("ANKARA, Aug 24 - Turkish-backed rebels took the Syrian border town of Jarablus from "
                        "Islamic State on Wednesday, officials said.", "2016-08-24")
    assert [holder for holder, _ in border.values()] == ["Syrian National Army"]


@pytest.mark.parametrize("text, published, place, holder", [
    ("MAIDUGURI, March 2 - Chadian troops drove Boko Haram fighters out of Dikwa on Monday, a Chadian army "
     "spokesman said.", "2015-03-02", "Dikwa", "Chad"),
    ("ADEN, Dec 2 - Fighters of al-Qaeda in the Arabian Peninsula took control of Zinjibar on Wednesday, local "
     "officials said.", "2015-12-02", "Zinjibar", "al-Qaeda in the Arabian Peninsula"),
    ("RIYADH, July 17 - Southern Resistance fighters backed by Gulf troops retook Aden on Friday after four months "
     "of street battles, officials of the Hadi government said.", "2015-07-17", "Aden", "Yemeni government"),
    ("DONETSK, April 12 - Pro-Russian separatists seized the town of Kramatorsk on Saturday after storming its "
     "police headquarters, witnesses said.", "2014-04-12", "Kramatorsk", "Russia"),
    ("IDLIB, March 28 - The Army of Conquest, a rebel alliance, took full control of Idlib on Saturday, a "
     "monitoring group said.", "2015-03-28", "Idlib", "Jaish al-Fatah"),
    ("JARABLUS, Aug 24 - Euphrates Shield rebels backed by Turkish tanks captured Jarablus on Wednesday, "
     "officials in Ankara said.", "2016-08-24", "Jarabulus", "Syrian National Army"),
    ("JUBA, Jan 18 - Ugandan soldiers and South Sudanese troops retook Bor, the capital of Jonglei state, from "
     "forces loyal to Riek Machar on Saturday, an army spokesman in Juba said.", "2014-01-18", "Bor",
     "South Sudanese government"),
    ("BENTIU, April 15 - Forces loyal to Riek Machar and White Army fighters captured Bentiu on Tuesday, "
     "a UN official said.", "2014-04-15", "Bentiu", "SPLA-IO"),
    ("BENGHAZI, March 26 - Libyan rebels retook Ajdabiya on Saturday after pro-Gaddafi forces pulled back, a "
     "rebel spokesman said.", "2011-03-26", "Ajdabiya", "National Transitional Council"),
])
def test_parties_of_the_wars_added_for_round_8_hold_what_they_take(text, published, place, holder):
    """Lake Chad and Yemen 2014-16, Syria and the Donbas 2014-17, South Sudan 2013 and Libya 2011."""
    assert control_of(text, published)[place][0] == holder


def test_yemens_own_names_for_al_qaeda_and_the_government_are_read_in_a_yemen_report():
    registry = ActorRegistry.default()
    text = "Al-Qaeda fighters left Mukalla and the legitimate forces entered it."
    assert [a.name for _, _, a in registry.find(text, "YE")] == [
        "al-Qaeda in the Arabian Peninsula", "Yemeni government"]
    assert [a.name for _, _, a in registry.find(text, "ML")] == []


def test_a_foreign_armys_gain_counts_for_its_side_in_the_war_of_the_place_whatever_the_dateline():
    text = ("MOSCOW, Sept 5 - Russia's defence ministry said Russian troops, backed by Russian warplanes, had entered "
            "Deir ez-Zor on Tuesday, Russian news agencies reported from Moscow.")
    [(place, (holder, _))] = control_of(text, "2017-09-05").items()
    assert holder == "Syrian government"

