"""Fixtures of the web tests: one real store built from the demo reports, once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontwatch import config
from frontwatch.pipeline import ingest_sources
from frontwatch.web import create_app


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The store `make run` builds: every demo report ingested through the real pipeline."""
    path = tmp_path_factory.mktemp("web-store") / "demo.db"
    summary = ingest_sources([str(config.DEMO_REPORTS_DIR)], db_path=path)
    assert summary.new > 40 and summary.events > 100, summary.describe()
    return path


@pytest.fixture(scope="session")
def client(demo_db) -> TestClient:
    """A read-only view of the demo store (no ingest token configured)."""
    return TestClient(create_app(demo_db))


@pytest.fixture
def writable_db(demo_db, tmp_path) -> Path:
    """A copy of the demo store that a test may write to."""
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    return copy
