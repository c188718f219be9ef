"""Fixtures of the store's tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "frontwatch.db"
