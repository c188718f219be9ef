"""ACLED CSV export, read back with pandas as the ACLED codebook describes the columns."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from frontwatch.classify.taxonomy import ACLED_EVENT_TYPES, event_type_of
from frontwatch.export import ACLED_COLUMNS, EXPORTERS
from frontwatch.export.acled import write_notes

PRODUCT_COLUMNS = ("event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, "
                   "actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, "
                   "iso, region, country, admin1, admin2, admin3, location, latitude, longitude, geo_precision, "
                   "source, source_scale, notes, fatalities, tags, timestamp").split(", ")


def _read(store, as_of=None) -> pd.DataFrame:
    out = io.StringIO()
    EXPORTERS["acled-csv"](store, out, as_of=as_of)
    return pd.read_csv(io.StringIO(out.getvalue()), dtype=str, keep_default_na=False)


def test_columns_are_acleds_in_its_order():
    assert list(ACLED_COLUMNS) == PRODUCT_COLUMNS


def test_every_event_is_one_row_with_every_column_coded(demo_store):
    rows = _read(demo_store)
    events = {s.event.event_id: s for s in demo_store.events()}
    assert list(rows.columns) == PRODUCT_COLUMNS
    assert len(rows) == len(events)
    assert rows["event_id_cnty"].is_unique
    by_notes_order = list(events.values())
    for (_, row), stored in zip(rows.iterrows(), by_notes_order):
        e = stored.event
        assert dt.datetime.strptime(row["event_date"], "%d %B %Y").date().isoformat() == e.date
        assert row["year"] == e.date[:4]
        assert row["time_precision"] == {"day": "1", "week": "2", "month": "3", "year": "3"}[e.date_precision]
        assert row["sub_event_type"] == (e.acled or "")
        if e.acled:
            assert row["event_type"] == event_type_of(e.acled) and row["event_type"] in ACLED_EVENT_TYPES
            assert row["disorder_type"] in ("Political violence", "Demonstrations", "Strategic developments",
                                            "Political violence; Demonstrations")
        assert row["actor1"] == (e.actor.name if e.actor else "")
        assert row["actor2"] == (e.target.name if e.target else "")
        assert row["assoc_actor_1"] == "" and row["assoc_actor_2"] == ""
        if e.actor:
            assert row["inter1"] in {str(i) for i in range(1, 9)}
            codes = sorted(int(x) for x in (row["inter1"], row["inter2"] or "0"))
            assert int(row["interaction"]) == (codes[0] * 10 + codes[1] if codes[0] else codes[1] * 10)
        assert row["civilian_targeting"] in ("", "Civilian targeting")
        if e.place:
            assert float(row["latitude"]) == pytest.approx(e.place.lat)
            assert float(row["longitude"]) == pytest.approx(e.place.lon)
            assert row["location"] == e.place.name and row["admin1"] == (e.place.admin1 or "")
            assert row["geo_precision"] in ("1", "2", "3")
            if e.place.country == "AF":
                assert (row["country"], row["iso"], row["region"]) == ("Afghanistan", "4", "Caucasus and Central Asia")
                assert row["event_id_cnty"].startswith("AFG")
        outlets = {s["outlet"] for s in stored.sources}
        assert set(row["source"].split("; ")) == outlets
        assert row["notes"] and e.sentence not in row["notes"]
        assert int(row["fatalities"]) >= 0
        assert int(row["timestamp"]) > 1_600_000_000
        assert row["admin2"] == "" and row["admin3"] == ""


def test_export_as_of_a_date_leaves_out_later_events(demo_store):
    rows = _read(demo_store, as_of="2021-08-10")
    dates = [dt.datetime.strptime(d, "%d %B %Y").date() for d in rows["event_date"]]
    assert rows.shape[0] > 0 and max(dates) <= dt.date(2021, 8, 10)


def test_a_killed_count_becomes_fatalities(demo_store):
    rows = _read(demo_store)
    events = demo_store.events()
    counted = [i for i, s in enumerate(events) if "killed" in s.event.quantities]
    assert counted, "the demo has a report with a death toll"
    for i in counted:
        assert int(rows.iloc[i]["fatalities"]) == events[i].event.quantities["killed"]


def test_notes_are_written_from_the_record(lashkar_gah_store):
    stored = lashkar_gah_store.events()[0]
    assert write_notes(stored) == ("On 13 August 2021, Taliban took control of Lashkar Gah (Helmand) from Afghan "
                                   "government; claimed by Taliban; reported by 2 independent sources.")


def test_a_claim_carried_by_two_outlets_lists_both_as_sources(lashkar_gah_store):
    row = _read(lashkar_gah_store).iloc[0]
    assert row["source"] == "Desk; Other Outlet"
    assert (row["geo_precision"], row["time_precision"]) == ("1", "1")
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("2", "1", "12")
    assert row["tags"] == "claimed; belligerent: Taliban"


def test_a_vague_date_is_coded_as_such(tmp_path):
    from export_samples import LASHKAR_GAH, claim_of_lashkar_gah

    from frontwatch.records import Article, Place
    from frontwatch.store import Store

    province = Place("Helmand", 1140026, 31.0, 64.0, "Helmand", "AF", "admin1")
    event = claim_of_lashkar_gah(event_id="vague", date="2021-08-01", date_precision="month", place=province,
                                 modality="asserted", attribution=[], control=None, acled="Armed clash",
                                 mode=None)
    assert LASHKAR_GAH.admin1 == "Helmand"
    with Store.open(tmp_path / "v.db") as store:
        store.add_report(Article(text="A report written for this test.", url="https://desk.example/v",
                                 outlet="Desk"), [event])
        row = _read(store).iloc[0]
        notes = write_notes(store.events()[0])
    assert (row["time_precision"], row["geo_precision"]) == ("3", "3")
    assert notes == "In August 2021, Taliban attacked Afghan government in Helmand."


def test_an_event_without_a_target_is_written_as_an_action_at_its_place(tmp_path):
    from export_samples import claim_of_lashkar_gah

    from frontwatch.records import Article
    from frontwatch.store import Store

    event = claim_of_lashkar_gah(event_id="no-target", target=None, control=None, modality="asserted",
                                 attribution=[], acled="Armed clash")
    with Store.open(tmp_path / "t.db") as store:
        store.add_report(Article(text="Another report written for this test.", url="https://desk.example/t",
                                 outlet="Desk"), [event])
        notes = write_notes(store.events()[0])
    assert notes == "On 13 August 2021, Taliban seized ground in Lashkar Gah (Helmand)."
