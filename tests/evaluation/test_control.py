"""The control evaluation's scorecard: what counts as right, early, missed and wrong, and which places are scored."""

from frontwatch.control.evidence import CLAIM, CONFIRMATION, Evidence
from frontwatch.control.timeline import Change, PlaceHistory
from frontwatch.evaluation.control import GoldChange, score
from frontwatch.records import Place

TOWN = GoldChange("Izium", 49.2100, 37.2600, "2022-04-01", "Russia")
TOWN_BACK = GoldChange("Izium", 49.2100, 37.2600, "2022-09-10", "Ukraine")


def _history(name: str, lat: float, lon: float, *changes: tuple[str, str, str], feature: str = "city",
             country: str = "UA", loser: str | None = None) -> PlaceHistory:
    place = Place(name, None, lat, lon, None, country, feature=feature)
    made = []
    for holder, since, grade in changes:
        change = Change(place, holder, loser or ("Ukraine" if holder == "Russia" else "Russia"))
        change.add(Evidence("support", name.lower(), place, since, f"ev-{since}", frozenset({since}), holder,
                            grade=grade))
        made.append(change)
    return PlaceHistory(name.lower(), place, made)


def test_a_change_within_a_day_of_the_gold_date_is_right():
    card = score([_history("Izyum", 49.2070, 37.2768, ("Russia", "2022-04-02", CONFIRMATION))], [TOWN])
    assert [v.outcome for v in card.verdicts] == ["right"]


def test_a_claim_weeks_before_the_gold_date_makes_the_change_early_even_when_it_is_later_right():
    card = score([_history("Izyum", 49.2070, 37.2768, ("Russia", "2022-03-24", CLAIM),
                           ("Russia", "2022-04-01", CONFIRMATION))], [TOWN])
    (verdict,) = card.verdicts
    assert verdict.outcome == "early"
    assert "8 days early, then right" in verdict.note


def test_a_change_a_week_after_the_gold_date_is_missed_as_late():
    card = score([_history("Izium", 49.21, 37.26, ("Russia", "2022-04-01", CONFIRMATION),
                           ("Ukraine", "2022-09-18", CONFIRMATION))], [TOWN, TOWN_BACK])
    outcomes = {v.gold.date: (v.outcome, v.note) for v in card.verdicts}
    assert outcomes == {"2022-04-01": ("right", ""), "2022-09-10": ("missed", "late by 8 days")}


def test_a_side_the_gold_never_gives_the_town_is_wrong():
    card = score([_history("Izium", 49.21, 37.26, ("Russia", "2022-10-05", CLAIM))], [TOWN, TOWN_BACK])
    assert len(card.wrong) == 1 and card.wrong[0][0] == "Izium"


def test_a_neighbouring_city_is_not_scored_as_the_town():
    # Donetsk lies 14 km from Avdiivka: its own history must not count for or against Avdiivka.
    avdiivka = GoldChange("Avdiivka", 48.1390, 37.7440, "2024-02-17", "Russia")
    card = score([_history("Donetsk", 48.0230, 37.8022, ("Russia", "2022-07-05", CLAIM))], [avdiivka])
    assert [v.outcome for v in card.verdicts] == ["missed"]
    assert [h.place.name for h in card.unscored] == ["Donetsk"]


def test_an_airport_in_the_town_is_scored_as_the_town():
    hostomel = GoldChange("Hostomel", 50.5690, 30.2650, "2022-02-24", "Russia")
    airport = _history("Antonov airport", 50.6039, 30.1919, ("Russia", "2022-02-24", CLAIM), feature="site")
    village = _history("Moshchun", 50.6080, 30.2330, ("Russia", "2022-02-10", CLAIM))
    card = score([airport, village], [hostomel])
    assert [v.outcome for v in card.verdicts] == ["right"]
    assert [h.place.name for h in card.unscored] == ["Moshchun"]


def test_a_claim_the_other_side_denied_is_not_scored_as_a_call():
    history = _history("Izyum", 49.2070, 37.2768, ("Russia", "2022-03-24", CLAIM))
    [change] = history.changes
    change.contrary.append(Evidence("denial", "izyum", change.place, "2022-03-25", "ev-denial",
                                    frozenset({"denial"}), "Russia"))
    (verdict,) = score([history], [TOWN]).verdicts
    assert verdict.outcome == "missed"


def _gold(tmp_path, rows: str, first: str, columns: str = "town,oblast,lat,lon,date,holder_after"):
    """The changes of a gold table of another war, whose towns are all ``first``'s before their first row."""
    from frontwatch.evaluation.control import read_gold

    gold = tmp_path / "gold.csv"
    gold.write_text(f"{columns}\n{rows}", encoding="utf-8")
    return read_gold(gold, initial_holder=first)


def test_another_war_scores_against_its_own_first_holder(tmp_path):
    changes = _gold(tmp_path, "Kunduz,Kunduz,36.728,68.868,2021-08-08,Taliban\n"
                              "Kabul,Kabul,34.528,69.172,2021-08-15,Afghan government\n", "Afghan government")
    assert [(g.town, g.holder) for g in changes] == [("Kunduz", "Taliban")]  # Kabul's row changes nothing
    early = _history("Kunduz", 36.73, 68.86, ("Taliban", "2021-08-01", CLAIM), country="AF", loser="Afghan government")
    card = score([early], changes)
    assert [v.outcome for v in card.verdicts] == ["early"]


def test_a_town_an_armed_group_held_first_is_scored_from_that_holder_under_any_of_its_names(tmp_path):
    # Manbij was the SDF's before the period; the gold writes the taker's short name, we its registry name
    changes = _gold(tmp_path, "Manbij,Aleppo,36.528,37.955,2024-12-09,Syrian National Army,SDF\n"
                              "Hama,Hama,35.132,36.755,2024-12-05,HTS,\n", "Syrian government",
                    columns="town,oblast,lat,lon,date,holder_after,holder_before")
    assert [(g.town, g.previous) for g in changes] == [("Hama", "Syrian government"), ("Manbij", "SDF")]
    taken = _history("Manbij", 36.53, 37.95, ("Syrian National Army", "2024-12-09", CONFIRMATION), country="SY",
                     loser="Syrian Democratic Forces")
    fell = _history("Hama", 35.13, 36.75, ("Hayat Tahrir al-Sham", "2024-12-05", CONFIRMATION), country="SY",
                    loser="Syrian government")
    card = score([taken, fell], changes)
    assert sorted((v.gold.town, v.outcome) for v in card.verdicts) == [("Hama", "right"), ("Manbij", "right")]
    assert card.wrong == []
