"""'Rebels took the town' in a report that names no group: the group other reports of the time name there."""

from __future__ import annotations

from frontwatch.control.evidence import CONFIRMATION, Evidence
from frontwatch.control.sides import alliances, is_armed_group, unnamed_groups
from frontwatch.control.unnamed import name_the_unnamed
from frontwatch.records import Place

UNNAMED = "unnamed armed group"
HAMA = Place("Hama", 1, 35.13, 36.75, "Hama", "SY")
HALFAYA = Place("Halfaya", 2, 35.26, 36.61, "Hama", "SY")
HOMS = Place("Homs", 3, 34.73, 36.71, "Homs", "SY")
DEIR_EZ_ZOR = Place("Deir ez-Zor", 4, 35.34, 40.14, "Deir ez-Zor", "SY")
RAQQA = Place("Raqqa", 5, 35.95, 39.01, "Raqqa", "SY")


def _gain(place: Place, date: str, side: str, from_side: str = "Syrian government") -> Evidence:
    return Evidence("support", place.name.lower(), place, date, f"{place.name}-{date}-{side}",
                    frozenset({f"{place.name}-{date}"}), side, from_side=from_side, grade=CONFIRMATION)


def test_the_stand_in_is_the_registrys_and_no_named_group():
    assert UNNAMED in unnamed_groups()
    assert not is_armed_group(UNNAMED) and not is_armed_group("Syrian government")
    assert is_armed_group("Hayat Tahrir al-Sham")


def test_unnamed_rebels_are_the_group_named_near_them_at_the_time():
    evidence = [_gain(HAMA, "2024-12-05", "Hayat Tahrir al-Sham"), _gain(HOMS, "2024-12-08", "Hayat Tahrir al-Sham"),
                _gain(DEIR_EZ_ZOR, "2024-12-06", "Syrian Democratic Forces"),
                _gain(RAQQA, "2024-12-07", "Syrian Democratic Forces"),
                _gain(HALFAYA, "2024-12-03", UNNAMED)]
    named = name_the_unnamed(evidence, unnamed_groups(), is_armed_group)
    # the Kurdish-led forces are named as often in the country, but 300 km away: the front near Hama is HTS's
    assert named[-1].side == "Hayat Tahrir al-Sham" and named[-1].from_side == "Syrian government"
    assert named[:-1] == evidence[:-1]


def test_unnamed_rebels_stay_unnamed_when_no_group_clearly_leads_or_the_news_is_old():
    tied = [_gain(HAMA, "2024-12-05", "Hayat Tahrir al-Sham"), _gain(HOMS, "2024-12-06", "Syrian National Army"),
            _gain(HALFAYA, "2024-12-06", UNNAMED)]
    assert name_the_unnamed(tied, unnamed_groups(), is_armed_group)[-1].side == UNNAMED
    stale = [_gain(HAMA, "2024-10-01", "Hayat Tahrir al-Sham"), _gain(HALFAYA, "2024-12-06", UNNAMED)]
    assert name_the_unnamed(stale, unnamed_groups(), is_armed_group)[-1].side == UNNAMED


def test_a_town_the_state_retakes_from_unnamed_rebels_is_retaken_from_the_named_group():
    evidence = [_gain(HAMA, "2024-12-05", "Hayat Tahrir al-Sham"),
                _gain(HALFAYA, "2024-12-09", "Syrian government", from_side=UNNAMED)]
    retaken = name_the_unnamed(evidence, unnamed_groups(), is_armed_group)[-1]
    assert (retaken.side, retaken.from_side) == ("Syrian government", "Hayat Tahrir al-Sham")


ALLIANCE = "Three Brotherhood Alliance"
MNDAA = "Myanmar National Democratic Alliance Army"
TNLA = "Ta'ang National Liberation Army"
LAUKKAI = Place("Laukkai", 11, 23.69, 98.76, "Shan", "MM")
KUNLONG = Place("Kunlong", 12, 23.42, 98.65, "Shan", "MM")
KUTKAI = Place("Kutkai", 13, 23.45, 97.94, "Shan", "MM")
NAMHKAM = Place("Namhkam", 14, 23.83, 97.68, "Shan", "MM")


def test_a_town_an_alliance_takes_is_the_member_named_taking_that_town():
    evidence = [_gain(KUTKAI, "2024-01-06", TNLA, "Myanmar military"), _gain(NAMHKAM, "2023-12-30", TNLA, "Myanmar military"),
                _gain(LAUKKAI, "2024-01-05", MNDAA, "Myanmar military"),
                _gain(LAUKKAI, "2024-01-04", ALLIANCE, "Myanmar military")]
    named = name_the_unnamed(evidence, unnamed_groups(), is_armed_group, alliances())
    # the TNLA is named more often within 150 km, but only the MNDAA is named taking Laukkai itself
    assert named[-1].side == MNDAA and named[:-1] == evidence[:-1]


def test_an_alliance_is_named_only_by_its_own_members_and_else_keeps_its_name():
    assert alliances()[ALLIANCE] == {MNDAA, TNLA, "Arakan Army"}
    kia = "Kachin Independence Army"
    evidence = [_gain(KUNLONG, "2023-11-12", kia, "Myanmar military"), _gain(KUTKAI, "2023-11-12", kia, "Myanmar military"),
                _gain(LAUKKAI, "2023-11-13", ALLIANCE, "Myanmar military")]
    # the Kachin fight beside the alliance but are not of it: the gain stays the alliance's
    assert name_the_unnamed(evidence, unnamed_groups(), is_armed_group, alliances())[-1].side == ALLIANCE
    # an unnamed group takes whichever armed group is named, members and others alike
    evidence[-1] = _gain(LAUKKAI, "2023-11-13", UNNAMED, "Myanmar military")
    assert name_the_unnamed(evidence, unnamed_groups(), is_armed_group, alliances())[-1].side == kia
