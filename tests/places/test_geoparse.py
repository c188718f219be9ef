"""Geoparsing reports: which mentions are places, and which places they are."""

import pytest

from frontwatch.places import country_focus, geoparse
from frontwatch.records import Segment

AFGHAN_REPORT = (
    "KABUL, Aug 13 - Taliban fighters captured Kandahar and Herat on Thursday, officials said, after days of "
    "fighting around both cities. In the south, the insurgents also entered Lashkar Gah, while Pul-e-Alam, "
    "the capital of Logar province, fell on Friday morning. Ghazni was handed over after talks, and "
    "government forces still held Mazar-i-Sharif in the north. Herat, near the Iranian border, had been "
    "defended by local militias."
)


def places(text, **kw):
    return {t.text: t.place for t in geoparse(text, **kw)}


@pytest.fixture(scope="module")
def afghan():
    return geoparse(AFGHAN_REPORT)


def test_afghan_capitals_resolve_to_afghan_places(afghan):
    got = {t.text: t.place for t in afghan}
    expected_admin1 = {"Kandahar": "Kandahar", "Herat": "Herat", "Lashkar Gah": "Helmand",
                       "Pul-e-Alam": "Logar", "Ghazni": "Ghazni", "Mazar-i-Sharif": "Balkh", "KABUL": "Kabul"}
    for name, admin1 in expected_admin1.items():
        assert got[name] is not None, name
        assert got[name].country == "AF", name
        assert got[name].admin1 == admin1, name
        assert got[name].feature == "city", name


def test_every_resolved_place_carries_its_coordinates_and_codes(afghan):
    for t in afghan:
        assert t.place is not None
        p = t.place
        assert p.geonameid and p.country and p.admin1 and p.feature
        assert 29 < p.lat < 39 and 60 < p.lon < 72  # all inside Afghanistan


def test_herat_near_the_iranian_border_stays_in_afghanistan(afghan):
    assert all(t.place.country == "AF" for t in afghan if t.text == "Herat")
    assert country_focus(afghan) == "AF"


def test_offsets_point_into_the_text(afghan):
    for t in afghan:
        assert AFGHAN_REPORT[t.start:t.end] == t.text


def test_capital_of_province_pattern_places_the_city_in_that_province():
    got = geoparse("Farah, the capital of Farah province, was surrounded.")
    assert got[0].place.feature == "city" and got[0].place.admin1 == "Farah"
    assert got[1].text == "Farah" and got[1].place.feature == "admin1"


def test_in_province_means_the_province_not_its_city():
    got = places("Clashes went on in Ghazni province overnight.")
    assert got["Ghazni"].feature == "admin1"


def test_person_names_are_not_places():
    text = ("Ismail Khan, the veteran commander, spoke to reporters. State Department spokesman Ned Price "
            "said Joe Biden had been briefed, and NATO chief Jens Stoltenberg called allies.")
    got = places(text)
    assert not {"Khan", "Price", "Biden", "Stoltenberg", "Joe", "Jens", "Ned", "Ismail"} & set(got)


def test_china_is_the_country():
    got = places("Officials from China and Pakistan met the Taliban delegation in Tianjin.")
    assert got["China"].feature == "country" and got["China"].country == "CN"
    assert got["Pakistan"].feature == "country"


def test_one_unknowable_name_does_not_empty_the_others():
    text = "Fighters moved from Xqzvillebrook towards Kunduz and Taloqan."
    start = text.index("Xqzvillebrook")
    got = geoparse(text, ents=[(start, start + len("Xqzvillebrook"), "GPE")])
    by = {t.text: t.place for t in got}
    assert by["Xqzvillebrook"] is None
    assert by["Kunduz"].country == "AF" and by["Taloqan"].country == "AF"


@pytest.mark.parametrize("a,b", [("Kyiv", "Kiev"), ("Kharkiv", "Kharkov"), ("Izium", "Izyum"),
                                 ("Bakhmut", "Artemovsk"), ("Severodonetsk", "Sievierodonetsk"),
                                 ("Hostomel", "Gostomel"), ("Robotyne", "Rabotino"), ("Marinka", "Maryinka")])
def test_ukrainian_towns_resolve_the_same_under_both_spellings(a, b):
    template = "Russian forces shelled {} again on Tuesday, Ukraine's military said."
    pa = places(template.format(a))[a]
    pb = places(template.format(b))[b]
    assert pa is not None and pa.country == "UA"
    assert (pa.lat, pa.lon) == (pb.lat, pb.lon)


def test_lower_case_common_words_are_not_places():
    text = ("It was a nice day for the march, and mobile units were reading the will of the people of "
            "the valley.")
    assert geoparse(text) == []


def test_capitalised_month_and_sentence_opening_words_are_not_places():
    got = places("In March, the talks resumed. Police said the convoy reached Jalalabad. May brought rain.")
    assert set(got) == {"Jalalabad"}


def test_lashkar_gah_stays_a_place_even_when_ner_calls_it_a_person():
    text = "Fighting raged in Lashkar Gah for a week."
    got = places(text, ents=[(18, 29, "PERSON")])
    assert got["Lashkar Gah"].admin1 == "Helmand"


def test_only_body_segments_are_geoparsed():
    text = "Kunduz falls to the Taliban\nRelated: Kabul airport chaos\nFighters entered Kunduz city."
    headline_end = text.index("\n")
    related = (headline_end + 1, text.index("\n", headline_end + 1))
    segments = [Segment(0, headline_end), Segment(related[0], related[1], False, "related headline"),
                Segment(related[1] + 1, len(text))]
    got = geoparse(text, segments=segments)
    assert [t.text for t in got] == ["Kunduz", "Kunduz"]


def test_country_focus_from_text_names_the_report_country():
    assert country_focus("Ukrainian troops pushed towards Kherson as Russia shelled Kharkiv.") == "UA"


def test_demonyms_are_country_mentions_only_when_asked():
    text = "Afghan forces withdrew."
    assert geoparse(text) == []
    got = geoparse(text, demonyms=True)
    assert got[0].text == "Afghan" and got[0].place.country == "AF" and got[0].place.feature == "country"


def test_a_namesake_is_placed_beside_the_other_places_of_a_local_report():
    text = ("Firefighters in Paris were called to a barn blaze on Tuesday. The Lamar County sheriff said "
            "crews from Sulphur Springs and Clarksville helped, and Texas forestry officials were told.")
    paris = places(text)["Paris"]
    assert paris.country == "US" and paris.admin1 == "Texas"


def test_a_capital_wins_where_its_country_is_in_view():
    assert places("Irish ministers met in Dublin, the Ireland government said.")["Dublin"].country == "IE"
    ohio = places("Dublin city council in Ohio approved the budget; Columbus and Marysville followed.")
    assert ohio["Dublin"].country == "US" and ohio["Dublin"].admin1 == "Ohio"


def test_state_abbreviations_count_only_with_their_dot():
    got = geoparse("The suspect was held in Topeka, Kan., on Monday.")
    assert [(t.text, t.place.feature, t.place.admin1) for t in got] == [
        ("Topeka", "city", "Kansas"), ("Kan.", "admin1", "Kansas")]


def test_common_surnames_are_people_unless_written_as_places():
    assert "Brown" not in places("Brown said the fire started at noon in the kitchen.")
    got = places("The convoy stopped in Taylor before dawn.")
    assert got["Taylor"] is not None and got["Taylor"].country == "US"


def test_country_short_forms_in_a_report():
    got = places("The U.S. and Britain urged their citizens to leave Kabul.")
    assert got["U.S."].country == "US" and got["U.S."].feature == "country"
    assert got["Britain"].country == "GB"


def test_a_country_name_is_never_a_city_that_also_bears_it():
    got = places("Health officials in Mexico reported new cases near Monterrey and Guadalajara.")
    assert got["Mexico"].feature == "country" and got["Mexico"].country == "MX"


def test_a_capital_keeps_its_weight_where_the_report_country_has_no_namesake():
    got = places("Moscow rejected the demands, and officials in Washington said talks in Geneva would go on.")
    assert got["Washington"].admin1 == "District of Columbia"


def test_georgia_is_the_country_or_the_state_by_the_report_around_it():
    caucasus = places("Russian troops moved deeper into Georgia, and shelling was reported near Tbilisi and Gori.")
    assert caucasus["Georgia"].country == "GE" and caucasus["Georgia"].feature == "country"
    south = places("Storms hit Georgia overnight; Atlanta and Savannah lost power, officials said.")
    assert south["Georgia"].country == "US" and south["Georgia"].feature == "admin1"


def test_a_name_shown_to_be_a_person_is_no_place_anywhere_in_the_report():
    text = ("Police Capt. Roy A. Nelson said a body found near the lake was that of Bryan Harman, 28, of "
            "Laconia. Harman had been missing since January, Nelson said. Laconia police asked for help.")
    got = places(text)
    assert "Nelson" not in got and "Harman" not in got
    assert got["Laconia"] is not None and got["Laconia"].country == "US"


def test_a_name_after_a_role_word_or_quoted_speaker_is_a_person():
    text = ('"We fought hard tonight," coach Ripley told reporters after the game in Ripley, Tennessee. '
            '"It was close," said Chu. Dr. Caleb Chu worked at the clinic for 30 years.')
    got = geoparse(text)
    assert [t.text for t in got if t.text in ("Ripley", "Chu")] == ["Ripley"]  # only "in Ripley, Tennessee"
    assert got[0].place.admin1 == "Tennessee"


def test_a_speaking_capital_stays_a_place():
    got = places("Kabul said the talks would resume. Moscow said nothing, Kyiv added.")
    assert got["Kabul"].country == "AF" and got["Kyiv"].country == "UA" and got["Moscow"] is not None


def test_a_weak_common_word_in_an_institutions_name_is_no_place():
    got = places("The Springfield Chamber of Commerce held its dinner on Friday.")
    assert "Commerce" not in got and "Springfield" in got


def test_a_name_opening_on_an_article_is_read_without_it():
    got = geoparse("A New Jersey company recalled its spinach, officials in The Hague said.")
    assert [(t.text, t.place.country) for t in got] == [("New Jersey", "US"), ("The Hague", "NL")]


def test_french_compound_names_are_one_place():
    got = geoparse("Aid flights landed in Port-au-Prince on Monday.")
    assert [t.text for t in got] == ["Port-au-Prince"] and got[0].place.country == "HT"


def test_congo_alone_is_a_country_not_a_town_of_that_name():
    got = geoparse("Cholera cases rose in Congo, the health ministry said.")
    assert got[0].place.feature == "country" and got[0].place.country == "CD"


def test_the_european_union_is_placed_at_its_seat():
    got = geoparse("The European Union agreed new sanctions on Monday.")
    assert got[0].text == "European Union"
    assert abs(got[0].place.lat - 50.85) < 0.5 and abs(got[0].place.lon - 4.35) < 0.5


def test_a_disease_named_after_a_place_is_no_mention_of_it():
    got = places("Health officials confirmed two Marburg virus cases and one of Lassa fever in Kenema.")
    assert "Marburg" not in got and "Lassa" not in got and "Kenema" in got


def test_a_saints_day_is_no_place():
    got = places("Parade crowds celebrated St. Patrick's Day in Savannah, Georgia.")
    assert "Patrick" not in got and got["Savannah"].admin1 == "Georgia"


def test_ordinary_words_that_name_small_towns_are_places_only_after_a_locative():
    got = places("Area residents met at the Market Street station. The Junior class also went to a farm in Junior.")
    assert "Area" not in got and "Market" not in got
    assert [t.text for t in geoparse("The Junior class also went to a farm in Junior.")] == ["Junior"]


def test_two_ambiguous_names_that_lie_side_by_side_settle_each_other():
    # Huntsville, Alabama is the bigger town, but Walker County, Texas holds the other Huntsville
    got = geoparse("Walker County lifted its burn ban on Monday, the Huntsville fire chief said.")
    assert [(t.text, t.place.admin1) for t in got] == [("Walker County", "Texas"), ("Huntsville", "Texas")]
    alone = geoparse("The Huntsville fire chief said the ban was over.")
    assert alone[0].place.admin1 == "Alabama"


def test_company_names_and_contractions_are_no_places():
    got = places("A 2007 Toyota Corolla hit a Wal-Mart truck. \"Don't worry,\" a Honda dealer in Toyota said.")
    assert [t.text for t in geoparse("A 2007 Toyota Corolla hit a Wal-Mart truck.")] == []
    assert "Don" not in got and got["Toyota"].country == "JP"


def test_names_listed_before_one_plural_unit_word_are_all_provinces_not_their_capitals():
    text = ("The Taliban pressed attacks in Kunduz, Baghlan and Takhar provinces on Sunday, while the fighting "
            "in the east went on across Luhansk and Donetsk regions. Kunduz city itself was quiet.")
    found = [(t.text, t.place.feature) for t in geoparse(text) if t.place is not None]
    assert found[:5] == [("Kunduz", "admin1"), ("Baghlan", "admin1"), ("Takhar", "admin1"),
                         ("Luhansk", "admin1"), ("Donetsk", "admin1")]
    assert ("Kunduz", "city") in found[5:]


def test_a_weekday_before_a_town_is_not_part_of_a_persons_name():
    found = places("On Tuesday Farah and Maidan Shar were taken, and Mihtarlam fell a day later.")
    assert {name: p.admin1 for name, p in found.items() if p} == {"Farah": "Farah", "Maidan Shar": "Wardak",
                                                                  "Mihtarlam": "Laghman"}


def test_a_province_named_after_its_city_is_the_city_when_gazetteer_spells_the_city_otherwise():
    # GeoNames writes Hama's city "Hamah"; "Hama" alone in a report is the city, "Hama province" the province
    assert places("Rebels captured the city of Hama on Thursday.")["Hama"].feature == "city"
    assert places("Fighting spread across Hama province.")["Hama"].feature == "admin1"
    assert places("Fighting raged in Takhar on Sunday.")["Takhar"].feature == "admin1"  # its seat is Taloqan


def _only(text, name):
    got = [t for t in geoparse(text) if t.text == name]
    assert got and got[0].place is not None, name
    return got[0].place


def test_a_city_spelt_with_a_final_h_geonames_lacks_is_found():
    place = _only("Houthi forces shelled Hodeidah port on Tuesday.", "Hodeidah")
    assert place.country == "YE" and abs(place.lat - 14.8) < 0.2 and abs(place.lon - 42.95) < 0.2


def test_a_town_written_with_another_form_of_the_arabic_article_is_the_same_town():
    # GeoNames writes "El Fasher" and "El Daein"; reports also write "Al Fasher", "Ed Daein", "Al Daein"
    fasher = _only("Drones struck a market in Al Fasher on Sunday, medics said.", "Al Fasher")
    assert fasher.country == "SD" and abs(fasher.lat - 13.63) < 0.2 and abs(fasher.lon - 25.35) < 0.2
    for spelling in ("Al Daein", "Ed Daein"):
        place = _only(f"Paramilitary fighters entered {spelling} on Tuesday, residents said.", spelling)
        assert place.country == "SD" and abs(place.lat - 11.46) < 0.2


def test_a_state_named_with_a_lower_case_state_is_the_admin1_unit():
    place = _only("Gunmen attacked a village in Zamfara state, killing 20 people.", "Zamfara")
    assert place.country == "NG" and place.feature == "admin1"
    assert _only("Fighting was reported around Kadugli in South Kordofan state.", "South Kordofan").country == "SD"


def test_north_darfur_is_the_state_not_the_whole_region():
    got = {t.text: t.place for t in geoparse("RSF fighters took El Fasher in North Darfur after a long siege.")}
    assert got["North Darfur"].feature == "admin1" and got["North Darfur"].country == "SD"
    assert got["El Fasher"].country == "SD"


def test_parts_of_armed_group_names_are_no_places():
    for text in ("Al-Qaeda militants attacked a checkpoint in Abyan province.",
                 "Jama'at Nusrat al-Islam wal-Muslimin claimed an attack in Menaka."):
        found = [t.text for t in geoparse(text) if t.place is not None]
        assert found in (["Abyan"], ["Menaka"]), found


def test_an_uncounted_town_written_in_many_languages_is_found_by_its_english_spelling():
    place = _only("Israeli strikes hit Bint Jbeil in southern Lebanon.", "Bint Jbeil")
    assert place.country == "LB" and abs(place.lat - 33.12) < 0.1 and abs(place.lon - 35.43) < 0.1


def test_a_name_spelt_with_one_letter_where_geonames_doubles_it_is_found():
    place = _only("The army cleared Tal Afar west of Mosul.", "Tal Afar")
    assert place.country == "IQ" and abs(place.lat - 36.38) < 0.1


def test_a_direction_word_before_a_unit_word_names_the_unit():
    place = _only("Soldiers clashed with separatists near Buea in the Southwest region.", "Southwest")
    assert place.country == "CM" and place.feature == "admin1"


def test_a_small_town_is_not_outvoted_by_a_big_one_that_bears_its_name_only_as_another():
    place = _only("A suicide bomber struck a market in Mora.", "Mora")
    assert place.country == "CM"


def test_a_town_in_a_state_named_like_its_capital_is_in_the_state():
    got = {t.text: t.place for t in geoparse("Soldiers were deployed to Fresnillo in Zacatecas.")}
    assert got["Zacatecas"].feature == "admin1" and got["Fresnillo"].admin1 == "Zacatecas"


def test_a_city_renamed_is_the_city_not_the_oblast_that_kept_the_old_name():
    place = _only("A missile hit a shopping centre in Dnipro.", "Dnipro")
    assert place.feature == "city" and place.country == "UA"


def test_a_french_name_joined_by_des_is_one_place():
    place = _only("Armed gangs took control of Croix-des-Bouquets.", "Croix-des-Bouquets")
    assert place.country == "HT"


def test_two_far_apart_villages_side_by_side_are_one_name_of_something_else():
    got = [t.text for t in geoparse("Boko Haram fighters attacked Bosso in Diffa region.") if t.place is not None]
    assert "Boko" not in got and "Haram" not in got and "Bosso" in got


def test_a_province_capital_spelt_loosely_is_the_city_not_the_province():
    place = _only("Fighters from Daraa joined the march on the capital.", "Daraa")
    assert place.feature == "city" and place.country == "SY"


def test_a_loose_spelling_also_offers_the_places_spelt_strictly_otherwise():
    place = _only("Militants briefly seized Ataq, the capital of Shabwa.", "Shabwa")
    assert place.country == "YE" and place.feature == "admin1"


def test_a_town_geonames_writes_with_a_dotless_i_is_the_town_not_its_district():
    # Azerbaijan's districts bear their seats' names; GeoNames writes the town "Qubadlı"
    place = _only("Azerbaijan said on Sunday it had captured Qubadli, a town near the Armenian border.", "Qubadli")
    assert place.country == "AZ" and place.feature == "city"


def test_a_war_town_told_from_another_capital_is_placed_by_the_peoples_the_report_names():
    # Datelined Moscow, the report is about Russia; but "Syrian troops" put Syria in view, so "Palmyra" is
    # Tadmur, not the town of that name in Pennsylvania
    text = ("MOSCOW, March 27 - Russia's defence ministry said Russian special forces had helped Syrian troops "
            "retake Palmyra from Islamic State militants.")
    [palmyra] = [t.place for t in geoparse(text) if t.text == "Palmyra"]
    assert palmyra.country == "SY"
