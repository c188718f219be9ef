"""What the exporters share: the data files that describe the field's formats, and the stored events to write."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontwatch.store import Store, StoredEvent

DATA_DIR = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=None)
def format_data(name: str) -> Any:
    """One of the export data files (see data/README.md), read once."""
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def events_known_by(store: Store, as_of: str | None) -> list[StoredEvent]:
    """The events to export: all, or those dated on or before ``as_of``."""
    return store.events(date_to=as_of) if as_of else store.events()


def outlets(stored: StoredEvent) -> list[str]:
    """Every outlet carrying the event, once each, in the order they were ingested."""
    seen: list[str] = []
    for s in stored.sources:
        name = s.get("outlet") or _host(s.get("url"))
        if name and name not in seen:
            seen.append(name)
    return seen


def _host(url: str | None) -> str | None:
    if not url or "://" not in url:
        return None
    return url.split("://", 1)[1].split("/", 1)[0] or None
