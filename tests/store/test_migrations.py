"""Opening a store written by an older frontwatch migrates it and keeps everything in it."""

from __future__ import annotations

import sqlite3

import pytest

from frontwatch.errors import StoreError
from frontwatch.store import Store
from frontwatch.store import migrations as store_migrations
from store.store_samples import WIRE


def _version_1_store(path) -> None:
    """A store as frontwatch wrote it before stories (schema version 1), holding two copies of one story."""
    conn = sqlite3.connect(path, isolation_level=None)
    store_migrations.migrate(conn, target=1)
    copies = [(WIRE, "https://wire.example/1"),
              (WIRE.replace("KYIV, Jan 13 - ", "") + " Reporting by our staff.", "https://paper.example/2")]
    for i, (text, url) in enumerate(copies):
        digest = f"hash{i}"
        conn.execute("INSERT INTO texts (text_hash, text) VALUES (?, ?)", (digest, text))
        conn.execute("INSERT INTO reports (text_hash, url, url_key, ingested_at) VALUES (?, ?, ?, ?)",
                     (digest, url, url, f"2023-01-13T0{i}:00:00.000000Z"))
    conn.close()


def test_version_1_store_is_migrated_keeping_its_reports(db_path):
    _version_1_store(db_path)
    with Store.open(db_path) as store:
        assert store.schema_version == store_migrations.LATEST_VERSION
        reports = store.reports()
        assert [r["url"] for r in reports] == ["https://wire.example/1", "https://paper.example/2"]
        # the copies stored before stories existed are recognised as one story by the migration
        assert reports[0]["story_id"] == reports[1]["story_id"]


def test_old_store_opened_read_only_says_it_needs_migrating(db_path):
    _version_1_store(db_path)
    with pytest.raises(StoreError, match="older"):
        Store.open(db_path, readonly=True)
    with Store.open(db_path):
        pass
    with Store.open(db_path, readonly=True) as store:
        assert len(store.reports()) == 2


def test_store_from_a_newer_frontwatch_is_refused(db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {store_migrations.LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(db_path)


def test_failed_migration_leaves_the_old_version(db_path, monkeypatch):
    _version_1_store(db_path)

    def broken(conn):
        raise RuntimeError("disk full")

    monkeypatch.setitem(store_migrations.FOLLOW_UPS, 2, broken)
    with pytest.raises(RuntimeError):
        Store.open(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 2
    conn.close()
