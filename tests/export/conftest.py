"""Fixtures of the export tests: the demo store, and a store of hand-built events."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_samples import claim_of_lashkar_gah

from frontwatch import config
from frontwatch.pipeline import ingest_sources
from frontwatch.records import Article
from frontwatch.store import Store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export-store") / "demo.db"
    assert ingest_sources([str(config.DEMO_REPORTS_DIR)], db_path=path).events > 100
    return path


@pytest.fixture(scope="session")
def demo_store(demo_db):
    with Store.open(demo_db, readonly=True) as store:
        yield store


@pytest.fixture
def lashkar_gah_store(tmp_path):
    """A store holding the claim, carried by two outlets' reports of different text."""
    event = claim_of_lashkar_gah()
    with Store.open(tmp_path / "lg.db") as store:
        store.add_report(Article(text="First desk's report on Lashkar Gah, written for the test.",
                                 url="https://desk.example/lg", published="2021-08-13", title="Lashkar Gah",
                                 outlet="Desk"), [event])
        store.add_report(Article(text="A second outlet's wholly different wording about the city.",
                                 url="https://other.example/lg", published="2021-08-14", title="Lashkar Gah",
                                 outlet="Other Outlet"), [event])
        yield store
