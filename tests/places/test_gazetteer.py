"""The shipped gazetteer: lookups by any spelling, admin-1 units, raw matches."""

import pytest

from frontwatch.places import gazetteer, normalise


@pytest.fixture(scope="module")
def gaz():
    return gazetteer()


def test_gazetteer_is_loaded_once_per_process(gaz):
    assert gazetteer() is gaz


def test_lookup_finds_a_provincial_capital_with_its_province(gaz):
    place = gaz.lookup("Pul-i-Alam", country="AF")
    assert place is not None
    assert place.admin1 == "Logar" and place.feature == "city"
    assert abs(place.lat - 34.0) < 0.2 and abs(place.lon - 69.0) < 0.2


def test_lookup_within_a_country_excludes_namesakes_elsewhere(gaz):
    assert gaz.lookup("Herat", country="IR").country == "IR"
    assert gaz.lookup("Herat", country="AF").admin1 == "Herat"


def test_lookup_of_an_unknown_name_is_none(gaz):
    assert gaz.lookup("Xqzvillebrook") is None


def test_candidates_put_the_country_before_towns_of_its_name(gaz):
    found = gaz.candidates("China")
    assert found[0].feature == "country" and found[0].country == "CN"
    assert len(found) > 1  # towns named China exist, ranked after


def test_admin1_place_uses_the_common_english_name(gaz):
    assert gaz.admin1_place("AF", "Logar").feature == "admin1"
    assert gaz.admin1_place("UA", "Kharkiv").country == "UA"
    assert gaz.admin1_place("AF", "Ghor").name == "Ghor"  # GeoNames writes "Ghowr"


def test_country_short_forms_resolve_to_the_country(gaz):
    for short in ("U.S.", "USA", "Britain", "UK"):
        assert gaz.candidates(short)[0].feature == "country", short


def test_find_returns_non_overlapping_longest_matches_in_order(gaz):
    text = "Fighting was reported near Mazar-i-Sharif and in New York on Monday."
    found = gaz.find(text)
    spans = [text[s:e] for s, e, _ in found]
    assert spans == ["Mazar-i-Sharif", "New York"]
    assert all(cands for _, _, cands in found)


def test_abbreviations_are_looked_up_with_their_dot(gaz):
    assert gaz.lookup("N.D.").feature == "admin1"
    assert gaz.lookup("Kan.").admin1 == "Kansas"


def test_lookup_of_a_provincial_capital_name_is_the_city(gaz):
    for name in ("Kandahar", "Herat", "Ghazni", "Kabul"):
        assert gaz.lookup(name, country="AF").feature == "city", name
    assert gaz.lookup("Logar", country="AF").feature == "admin1"  # no city of that name


@pytest.mark.parametrize("country, unit, seat", [
    ("AF", "Logar", "Pul-e-Alam"),
    ("AF", "Helmand", "Lashkar Gah"),
    ("AF", "Baghlan", "Pul-e Khumri"),  # not Baghlan, the bigger town of the province's name
    ("UA", "Kharkiv", "Kharkiv"),
    ("US", "New York", "Albany"),  # not the state's biggest city
])
def test_capital_of_gives_the_seat_of_a_province_or_state(gaz, country, unit, seat):
    place = gaz.capital_of(country, unit)
    assert place is not None and place.feature == "city" and place.country == country
    assert normalise(place.name) == normalise(seat)


def test_capital_of_takes_the_unit_as_reports_write_it(gaz):
    assert gaz.capital_of("AF", "Logar province") == gaz.capital_of("AF", "Logar")
    assert gaz.capital_of("UA", "Kharkov") == gaz.capital_of("UA", "Kharkiv")


def test_capital_of_an_unlisted_unit_is_its_own_name_town(gaz):
    # no curated seat for Belgorod oblast: the rule takes the town of the unit's name
    place = gaz.capital_of("RU", "Belgorod")
    assert place.name == "Belgorod" and place.admin1 == "Belgorod"


def test_capital_of_an_unknown_unit_or_wrong_country_is_none(gaz):
    assert gaz.capital_of("AF", "Xqzvillebrook") is None
    assert gaz.capital_of("FR", "Logar") is None


def test_a_canadian_province_is_placed_in_its_middle_not_on_the_border_towns(gaz):
    ontario = gaz.admin1_place("CA", "Ontario")
    assert ontario.lat > 48.5  # its towns crowd the US border near 43-46 N
    scotland = gaz.admin1_place("GB", "Scotland")
    assert scotland.lat < 57.2  # not pulled north by Orkney and Shetland


def test_a_us_state_is_placed_in_its_middle(gaz):
    virginia = gaz.admin1_place("US", "Virginia")
    assert 36.5 < virginia.lat < 38.5 and -79.5 < virginia.lon < -77.0


def test_countries_have_a_point_near_their_middle(gaz):
    canada, japan, malaysia = gaz.country("CA"), gaz.country("JP"), gaz.country("MY")
    assert 55 < canada.lat < 65 and -120 < canada.lon < -85
    assert abs(japan.lat - 36) < 1.5 and abs(japan.lon - 138) < 1.5  # not Tokyo
    assert abs(malaysia.lat - 2.5) < 1.5 and abs(malaysia.lon - 112.5) < 1.5


def test_a_town_geonames_lists_twice_is_one_place_under_every_spelling(gaz):
    # GeoNames has Zawiya (Libya) as two rows 600 m apart, "Zawiya" and "Az Zawiyah": reports of the one town
    # must not make two histories of control
    found = {gaz.lookup(name, "LY").geonameid for name in ("Zawiya", "Zawiyah", "Az Zawiyah", "Az-Zawiya")}
    assert len(found) == 1
    assert [p.country for p in gaz.candidates("Zawiya")].count("LY") == 1



def test_a_district_named_after_its_town_has_that_town_for_seat(gaz):
    district = next(p for p in gaz.candidates("Musa Qala") + gaz.candidates("Musa Qalah") if p.feature == "admin2")
    town = gaz.district_town(district)
    assert town is not None and town.feature == "city" and town.admin1 == "Helmand"
    assert gaz.district_town(gaz.lookup("Helmand", "AF")) is None  # a province is no district
