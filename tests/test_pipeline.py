"""The report's journey end to end into a real store: idempotent, and read again when the extractor changes."""

from __future__ import annotations

import sqlite3

import pytest

from frontwatch.places import normalise
from frontwatch.pipeline import extractor_fingerprint, ingest_sources
from frontwatch.store import Store

REPORTS = {
    "2021-08-12_ghazni.txt": (
        "Taliban take Ghazni on highway to Kabul\n"
        "GHAZNI: Taliban fighters captured the city of Ghazni on Thursday, a provincial council member said, "
        "after government forces withdrew to an army base outside the city.\n"),
    "2021-08-13_pul-e-alam.txt": (
        "Insurgents seize Pul-e-Alam\n"
        "KABUL: The Taliban seized Pul-e-Alam, the capital of Logar province, on Friday, a local lawmaker said, "
        "putting the insurgents about 60 kilometres from the capital.\n"),
}


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    for name, text in REPORTS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def test_second_ingest_of_a_folder_adds_nothing(folder, tmp_path):
    db = tmp_path / "fw.db"
    first = ingest_sources([str(folder)], db_path=db)
    assert (first.new, first.bad) == (2, 0) and first.events >= 2
    second = ingest_sources([str(folder)], db_path=db)
    assert (second.new, second.duplicates, second.events) == (0, 2, 0)
    with Store.open(db, readonly=True) as store:
        assert len(store.reports()) == 2
        places = {e.event.place.name for e in store.events() if e.event.control}
    assert {normalise("Ghazni"), normalise("Pul-e-Alam")} <= {normalise(p) for p in places}


def test_reports_stored_by_an_older_extractor_are_read_again(folder, tmp_path):
    db = tmp_path / "fw.db"
    ingest_sources([str(folder)], db_path=db)
    with sqlite3.connect(db) as conn:  # as if an older frontwatch had stored them
        conn.execute("UPDATE texts SET extractor = 'older'")
    with Store.open(db, readonly=True) as store:
        before = sorted(e.event.event_id for e in store.events())
    again = ingest_sources([str(folder)], db_path=db)
    assert (again.reread, again.new) == (2, 0)
    with Store.open(db, readonly=True) as store:
        assert sorted(e.event.event_id for e in store.events()) == before
        assert len(store.reports()) == 2
    assert ingest_sources([str(folder)], db_path=db).duplicates == 2


def test_the_extractor_fingerprint_is_stable_within_a_run():
    assert extractor_fingerprint() == extractor_fingerprint()
    assert len(extractor_fingerprint()) == 16


def test_a_backfilled_archive_replays_as_it_was_known_when_published(folder, tmp_path):
    from frontwatch.control import control_as_of

    db = tmp_path / "fw.db"
    ingest_sources([str(folder)], db_path=db, backfill=True)
    with Store.open(db, readonly=True) as store:
        known_on_12th = {normalise(r.place.name) for r in control_as_of(store, "2021-08-13", known_at="2021-08-12")}
        known_on_13th = {normalise(r.place.name) for r in control_as_of(store, "2021-08-13", known_at="2021-08-13")}
    assert normalise("Ghazni") in known_on_12th and normalise("Pul-e-Alam") not in known_on_12th
    assert {normalise("Ghazni"), normalise("Pul-e-Alam")} <= known_on_13th
