"""What the web app holds between requests: where the store is, the watch points, the ingest token, a cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.control import control_as_of
from frontwatch.control.approach import WatchPoint
from frontwatch.records import ControlRecord
from frontwatch.store import Store

CONTROL_CACHE_SIZE = 256


@dataclass
class WebState:
    db_path: Path
    watch_points: list[WatchPoint]
    ingest_token: str | None
    _control: OrderedDict = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    write_lock: threading.Lock = field(default_factory=threading.Lock)  # one ingest at a time

    @contextmanager
    def store(self, readonly: bool = True) -> Iterator[Store]:
        """A connection to the store for one request."""
        with Store.open(self.db_path, readonly=readonly) as store:
            yield store

    def _stamp(self) -> tuple:
        # A write changes the WAL file (or the database file): either invalidates cached control.
        parts = []
        for suffix in ("", "-wal"):
            p = Path(str(self.db_path) + suffix)
            try:
                st = p.stat()
                parts.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                parts.append(None)
        return tuple(parts)

    def control(self, store: Store, as_of: str, known_at: str | None) -> list[ControlRecord]:
        """Control as of a date, computed once per state of the store (the map asks for it on every move)."""
        key = (as_of, known_at, self._stamp())
        with self._lock:
            if key in self._control:
                self._control.move_to_end(key)
                return self._control[key]
        records = control_as_of(store, as_of, known_at=known_at)
        with self._lock:
            self._control[key] = records
            while len(self._control) > CONTROL_CACHE_SIZE:
                self._control.popitem(last=False)
        return records
