"""The store keeps every report once, every copy as a source, and what it stored survives failures."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from frontwatch.errors import StoreError
from frontwatch.records import Attribution
from frontwatch.store import Store
from store.store_samples import KANDAHAR, KHERSON, SOLEDAR, WIRE, event, report

_REPO = Path(__file__).resolve().parents[2]


def _soledar_report(url="https://wire.example/soledar"):
    art = report(WIRE, url, outlet="Wire")
    taken = event(art, WIRE.split(". ")[0], SOLEDAR, type="ASSAULT", holder="Russia", modality="claimed",
                  attribution=[Attribution("Russia", "belligerent")])
    shelling = event(art, "Artillery fire continued on the western edge of the town", SOLEDAR, type="ASSAULT")
    return art, [taken, shelling]


def test_same_report_twice_adds_nothing(db_path):
    art, events = _soledar_report()
    with Store.open(db_path) as store:
        assert store.add_report(art, events) == "new"
        assert store.add_report(art, events) == "duplicate"
        assert len(store.reports()) == 1
        assert len(store.events()) == 2
        assert all(len(e.sources) == 1 for e in store.events())


def test_same_text_at_another_url_is_another_source_without_new_events(db_path):
    art, events = _soledar_report()
    copy, copy_events = _soledar_report("https://mirror.example/news/soledar")
    with Store.open(db_path) as store:
        store.add_report(art, events)
        assert store.add_report(copy, copy_events) == "new-source"
        assert len(store.reports()) == 2
        stored = store.events()
        assert len(stored) == 2
        for e in stored:
            assert {s["url"] for s in e.sources} == {art.url, copy.url}
            assert len(e.stories()) == 1


def test_a_newer_extractor_replaces_the_events_and_keeps_every_source_and_when_it_was_known(db_path):
    art, events = _soledar_report()
    copy, _ = _soledar_report("https://mirror.example/news/soledar")
    with Store.open(db_path) as store:
        assert store.add_report(art, events, ingested_at="2023-01-13T08:00:00Z", extractor="old") == "new"
        store.add_report(copy, events, ingested_at="2023-01-13T09:00:00Z", extractor="old")
        assert store.is_current(art, "old") and not store.is_current(art, "new")
        # The newer extractor reads the claim only, now confirmed by an official.
        confirmed = event(art, WIRE.split(". ")[0], SOLEDAR, type="ASSAULT", holder="Russia",
                          attribution=[Attribution("regional official", "official")])
        assert store.add_report(art, [confirmed], extractor="new") == "reread"
        stored = store.events()
        assert [e.event.attribution[0].kind for e in stored] == ["official"]
        assert {s["url"] for s in stored[0].sources} == {art.url, copy.url}
        assert stored[0].ingested_at.startswith("2023-01-13T08:00")
        assert store.is_current(art, "new")
        assert store.add_report(art, [confirmed], extractor="new") == "duplicate"


def test_killed_ingest_leaves_store_consistent_and_rerun_completes(db_path, tmp_path):
    script = tmp_path / "ingest.py"
    script.write_text(textwrap.dedent(f"""
        import os, signal
        from frontwatch.store import Store
        from store.store_samples import report
        with Store.open({str(db_path)!r}) as store:
            with store.batch():
                for i in range(3):
                    store.add_report(report(f"First batch report {{i}} on the fighting near the river.",
                                            f"https://a.example/{{i}}"), [])
            with store.batch():
                for i in range(3, 6):
                    store.add_report(report(f"Second batch report {{i}} on the fighting near the river.",
                                            f"https://a.example/{{i}}"), [])
                    if i == 4:
                        os.kill(os.getpid(), signal.SIGKILL)
    """))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])}
    proc = subprocess.run([sys.executable, str(script)], cwd=str(_REPO), env=env, capture_output=True)
    assert proc.returncode != 0
    with Store.open(db_path) as store:
        assert [r["url"] for r in store.reports()] == [f"https://a.example/{i}" for i in range(3)]
        outcomes = [store.add_report(report(f"{'First' if i < 3 else 'Second'} batch report {i} on the fighting "
                                            "near the river.", f"https://a.example/{i}"), []) for i in range(6)]
        assert outcomes == ["duplicate"] * 3 + ["new"] * 3
        assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_error_inside_batch_stores_nothing_of_that_batch(db_path):
    art, events = _soledar_report()
    with Store.open(db_path) as store:
        store.add_report(report("Kandahar fell to the Taliban on Thursday, officials said.", "https://b.example/1"),
                         [])
        with pytest.raises(RuntimeError):
            with store.batch():
                store.add_report(art, events)
                raise RuntimeError("reader crashed mid-batch")
        assert len(store.reports()) == 1
        assert store.events() == []
        assert store.add_report(art, events) == "new"
        assert len(store.events()) == 2


def test_reader_sees_only_committed_batches_while_a_writer_is_busy(db_path):
    art, events = _soledar_report()
    with Store.open(db_path) as writer:
        writer.add_report(report("Kherson was retaken by Ukrainian troops, the governor said.",
                                 "https://c.example/1"), [])
        with writer.batch():
            writer.add_report(art, events)
            with Store.open(db_path, readonly=True) as reader:
                assert len(reader.reports()) == 1
        with Store.open(db_path, readonly=True) as reader:
            assert len(reader.reports()) == 2


def test_readonly_store_refuses_writes(db_path):
    Store.open(db_path).close()
    art, events = _soledar_report()
    with Store.open(db_path, readonly=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.add_report(art, events)


def test_corrupt_file_is_a_store_error_naming_it_and_is_left_untouched(tmp_path):
    bad = tmp_path / "notes.db"
    content = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    bad.write_bytes(content)
    for readonly in (False, True):
        with pytest.raises(StoreError, match="notes.db"):
            Store.open(bad, readonly=readonly)
    assert bad.read_bytes() == content


def test_sqlite_file_of_another_program_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a frontwatch store"):
        Store.open(other)


def test_missing_store_opened_read_only_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "absent.db", readonly=True)


def _filled(db_path) -> Store:
    store = Store.open(db_path)
    kandahar = report("Taliban fighters entered Kandahar on Thursday after clashes with government troops.",
                      "https://d.example/kandahar", published="2021-08-13")
    store.add_report(kandahar, [
        event(kandahar, "Taliban fighters entered Kandahar", KANDAHAR, type="ASSAULT", date="2021-08-13",
              holder="Taliban", actor="Taliban")], ingested_at="2021-08-13T09:00:00Z")
    kherson = report("Ukrainian troops entered Kherson on Friday as Russian forces completed their withdrawal.",
                     "https://d.example/kherson", published="2022-11-11")
    store.add_report(kherson, [
        event(kherson, "Ukrainian troops entered Kherson", KHERSON, type="ASSAULT", date="2022-11-11",
              holder="Ukraine", actor="Ukraine"),
        event(kherson, "Russian forces completed their withdrawal", KHERSON, type="RETREAT", date="2022-11-11",
              actor="Russia")], ingested_at="2022-11-11T18:30:00+02:00")
    art, events = _soledar_report()
    store.add_report(art, events, ingested_at="2023-01-13T12:00:00")
    return store


def test_event_filters_answer_what_an_analyst_asks(db_path):
    with _filled(db_path) as store:
        assert [e.event.place.name for e in store.events(date_from="2022-01-01", date_to="2022-12-31")] == \
            ["Kherson", "Kherson"]
        assert {e.event.type for e in store.events(types=["RETREAT"])} == {"RETREAT"}
        assert {e.event.place.name for e in store.events(actor="taliban")} == {"Kandahar"}
        assert len(store.events(place="Soledar")) == 2
        assert len(store.events(place=str(SOLEDAR.geonameid))) == 2
        assert len(store.events(place="donetsk")) == 2
        ukraine_box = (22.0, 44.0, 40.5, 52.5)
        assert {e.event.place.country for e in store.events(bbox=ukraine_box)} == {"UA"}
        everything = store.events()
        assert [e.event.event_id for e in store.events(limit=2, offset=1)] == \
            [e.event.event_id for e in everything[1:3]]
        found = store.event(everything[0].event.event_id)
        assert found is not None and found.event == everything[0].event
        assert store.event("no-such-event") is None


def test_known_at_replays_what_the_store_knew(db_path):
    with _filled(db_path) as store:
        assert len(store.events(known_at="2021-08-13")) == 1  # a date alone includes that whole day
        assert len(store.events(known_at="2021-08-12T23:59:59")) == 0
        # 18:30 at UTC+2 is 16:30 UTC
        assert len(store.events(known_at="2022-11-11T16:00:00Z")) == 1
        assert len(store.events(known_at="2022-11-11T16:31:00+00:00")) == 3
        assert len(store.reports(known_at="2022-12-01")) == 2
        with pytest.raises(ValueError, match="not an ISO date"):
            store.events(known_at="last tuesday")


def test_places_and_date_range_cover_every_event(db_path):
    with _filled(db_path) as store:
        assert {p.name for p in store.places()} == {"Kandahar", "Kherson", "Soledar"}
        assert store.date_range() == ("2021-08-13", "2023-01-13")
    with Store.open(db_path.with_name("empty.db")) as empty:
        assert empty.date_range() is None and empty.places() == []


def test_report_that_fails_inside_a_batch_is_undone_alone_and_the_batch_goes_on(db_path):
    good = report("Kandahar fell to the Taliban on Thursday, officials said.", "https://e.example/good")
    art, events = _soledar_report()
    broken = events[:1] + [None]  # a record the store cannot read
    with Store.open(db_path) as store:
        with store.batch():
            with pytest.raises(AttributeError):
                store.add_report(art, broken)
            assert store.add_report(good, []) == "new"
        assert [r["url"] for r in store.reports()] == ["https://e.example/good"]
        assert store.events() == []
        assert store.add_report(art, events) == "new"


def test_store_in_a_missing_folder_is_a_store_error_naming_it(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "fw.db")


def test_second_writer_waiting_on_a_busy_store_gets_a_store_error(db_path):
    with Store.open(db_path) as first, Store.open(db_path) as second:
        second._conn.execute("PRAGMA busy_timeout = 50")
        with first.batch():
            first.add_report(report("Heavy fighting was reported near the bridge.", "https://f.example/1"), [])
            with pytest.raises(StoreError, match="another ingest"):
                second.add_report(report("Shelling hit the port overnight.", "https://f.example/2"), [])


def test_empty_file_opened_read_only_is_not_a_store(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match="empty file"):
        Store.open(empty, readonly=True)
