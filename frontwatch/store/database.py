"""The embedded store: one SQLite file (WAL mode) holding reports, their texts, events and their sources."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from frontwatch.errors import StoreError
from frontwatch.records import Article, Event, Place
from frontwatch.store import migrations, syndication
from frontwatch.store.instants import normalise_instant, now
from frontwatch.store.place_keys import place_key

_IN_CHUNK = 900  # bound parameters per IN (...) list


@dataclass
class StoredEvent:
    """An event as the store knows it: the record, every report carrying it, and when it was first known."""

    event: Event
    sources: list[dict[str, Any]]  # url, outlet, published, title, ingested_at, story_id
    ingested_at: str

    def stories(self) -> set[str]:
        """The independent stories carrying the event (syndicated copies count once)."""
        return {s["story_id"] for s in self.sources if s.get("story_id")}


class Store:
    """Reports, texts, events and sources in one SQLite file; open with ``Store.open(path)``."""

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool):
        self._conn = conn
        self.path = path
        self.readonly = readonly
        self._depth = 0

    # -- opening ---------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> Store:
        """Open (creating and migrating unless ``readonly``) the store at ``path``; StoreError if it cannot be."""
        path = Path(path)
        try:
            if readonly:
                if not path.is_file():
                    raise StoreError(f"{path}: no such store")
                uri = f"file:{quote(str(path.resolve()))}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30)
            else:
                if path.parent and not path.parent.exists():
                    raise StoreError(f"{path}: folder {path.parent} does not exist")
                conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
        except sqlite3.Error as err:
            raise StoreError(f"{path}: cannot open the store ({err})") from None
        try:
            store = cls(conn, path, readonly)
            store._prepare()
        except sqlite3.OperationalError as err:  # locked, read-only medium, disk full...
            conn.close()
            raise StoreError(f"{path}: cannot open the store ({err})") from None
        except sqlite3.DatabaseError as err:
            conn.close()
            raise StoreError(f"{path}: not a frontwatch store or damaged ({err})") from None
        except StoreError:
            conn.close()
            raise
        return store

    def _prepare(self) -> None:
        conn = self._conn
        conn.execute("PRAGMA foreign_keys = ON")
        version = migrations.schema_version(conn)  # reads the header: fails on a file that is not SQLite
        tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if version == 0 and tables:
            raise StoreError(f"{self.path}: an SQLite file that is not a frontwatch store")
        if version > migrations.LATEST_VERSION:
            raise StoreError(f"{self.path}: store schema version {version} is newer than this frontwatch knows "
                             f"({migrations.LATEST_VERSION}); upgrade frontwatch")
        if self.readonly:
            if version == 0:
                raise StoreError(f"{self.path}: an empty file, not a frontwatch store")
            if version < migrations.LATEST_VERSION:
                raise StoreError(f"{self.path}: store schema version {version} is older than "
                                 f"{migrations.LATEST_VERSION}; open it for writing once (frontwatch ingest) "
                                 "to migrate it")
            conn.execute("PRAGMA query_only = ON")
            return
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrations.migrate(conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return migrations.schema_version(self._conn)

    # -- writing ---------------------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction: everything added inside is stored, or (on any error or kill) nothing is.

        Nested inside another batch it is a savepoint: an error undoes only what it added, and the outer
        batch may catch the error and go on.
        """
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        if self._depth:
            savepoint = f"fw_{self._depth}"
            self._conn.execute(f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._conn.execute(f"ROLLBACK TO {savepoint}")
                self._conn.execute(f"RELEASE {savepoint}")
                raise
            finally:
                self._depth -= 1
            self._conn.execute(f"RELEASE {savepoint}")
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise StoreError(f"{self.path}: cannot write to the store ({err}; is another ingest running?)") from None
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self._conn.execute("COMMIT")

    def is_current(self, article: Article, extractor: str) -> bool:
        """Whether this very report is stored with events read by ``extractor``: nothing to read again."""
        row = self._conn.execute(
            "SELECT t.extractor FROM reports r JOIN texts t ON t.text_hash = r.text_hash "
            "WHERE r.text_hash = ? AND r.url_key = ?",
            (syndication.text_hash(article.text), _url_key(article))).fetchone()
        return row is not None and row[0] == extractor

    def add_report(self, article: Article, events: list[Event], ingested_at: str | None = None,
                   extractor: str | None = None) -> str:
        """Store a report and its events: "new", "duplicate" (already stored) or "new-source" (known text).

        The same text at the same URL (or source, without URL) adds nothing. The same text elsewhere is
        recorded as another report carrying the same events, and adds no events. A text whose events were
        read by another ``extractor`` than the one given has them replaced by ``events`` ("reread").
        """
        stamp = normalise_instant(ingested_at) if ingested_at else now()
        digest = syndication.text_hash(article.text)
        url_key = _url_key(article)
        with self.batch():
            conn = self._conn
            known = conn.execute("SELECT extractor FROM texts WHERE text_hash = ?", (digest,)).fetchone()
            stale = extractor is not None and known is not None and known[0] != extractor
            if conn.execute("SELECT 1 FROM reports WHERE text_hash = ? AND url_key = ?",
                            (digest, url_key)).fetchone():
                if stale:
                    self._reread(digest, events, extractor)
                    return "reread"
                return "duplicate"
            text_known = known is not None
            story = None if text_known else self._add_text(article.text, digest, extractor)
            cur = conn.execute(
                "INSERT INTO reports (text_hash, url, url_key, outlet, published, title, source, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (digest, article.url, url_key, article.outlet, article.published, article.title, article.source,
                 stamp))
            report_id = cur.lastrowid
            if text_known:
                if stale:
                    self._reread(digest, events, extractor)
                else:
                    conn.execute("INSERT OR IGNORE INTO event_sources (event_id, report_id) "
                                 "SELECT event_id, ? FROM events WHERE text_hash = ?", (report_id, digest))
                return "new-source"
            copies = self._story_events(story, digest) if story and story != digest else {}
            for event in events:
                known = copies.get(_event_key(event))
                if known:  # the same event in a syndicated copy: one event, one more source
                    conn.execute("INSERT OR IGNORE INTO event_sources (event_id, report_id) VALUES (?, ?)",
                                 (known, report_id))
                else:
                    self._add_event(event, digest, report_id, stamp)
            return "new"

    def _reread(self, digest: str, events: list[Event], extractor: str) -> None:
        """Replace the events of a stored text by those a newer extractor read, keeping every source.

        The new events are known since the text's first report arrived (the report was there; only our
        reading of it changed), and other copies of the story that carried an old event carry its successor.
        """
        conn = self._conn
        old = {event_id: _event_key(Event.from_dict(json.loads(record))) for event_id, record in
               conn.execute("SELECT event_id, record FROM events WHERE text_hash = ?", (digest,))}
        reports = conn.execute("SELECT report_id, ingested_at FROM reports WHERE text_hash = ? "
                               "ORDER BY ingested_at, report_id", (digest,)).fetchall()
        foreign: list[tuple[str, int]] = []
        for chunk in _chunks(list(old)):
            marks = ",".join("?" * len(chunk))
            foreign += conn.execute(
                f"SELECT es.event_id, es.report_id FROM event_sources es JOIN reports r ON r.report_id = es.report_id "
                f"WHERE es.event_id IN ({marks}) AND r.text_hash != ?", (*chunk, digest)).fetchall()
            conn.execute(f"DELETE FROM event_sources WHERE event_id IN ({marks})", chunk)
            conn.execute(f"DELETE FROM events WHERE event_id IN ({marks})", chunk)
        conn.execute("DELETE FROM event_sources WHERE report_id IN "
                     "(SELECT report_id FROM reports WHERE text_hash = ?)", (digest,))
        story = conn.execute("SELECT story_id FROM texts WHERE text_hash = ?", (digest,)).fetchone()[0]
        copies = self._story_events(story, digest) if story and story != digest else {}
        first_stamp = reports[0][1]
        by_key: dict[tuple, str] = {}
        for report_id, _stamp in reports:
            for event in events:
                key = _event_key(event)
                if key in copies:
                    conn.execute("INSERT OR IGNORE INTO event_sources (event_id, report_id) VALUES (?, ?)",
                                 (copies[key], report_id))
                else:
                    self._add_event(event, digest, report_id, first_stamp)
                    by_key[key] = event.event_id
        conn.executemany("INSERT OR IGNORE INTO event_sources (event_id, report_id) VALUES (?, ?)",
                         [(by_key[old[event_id]], report_id) for event_id, report_id in foreign
                          if old[event_id] in by_key])
        conn.execute("UPDATE texts SET extractor = ? WHERE text_hash = ?", (extractor, digest))

    def _add_text(self, text: str, digest: str, extractor: str | None = None) -> str:
        """Store a new text, indexed for copies; its story."""
        bands = syndication.bands(text)
        story = self._story_of(text, bands) or digest
        self._conn.execute("INSERT INTO texts (text_hash, text, story_id, extractor) VALUES (?, ?, ?, ?)",
                           (digest, text, story, extractor))
        self._conn.executemany("INSERT OR IGNORE INTO text_bands (band, digest, text_hash) VALUES (?, ?, ?)",
                               [(b, d, digest) for b, d in bands])
        return story

    def _story_events(self, story: str, digest: str) -> dict[tuple, str]:
        """The events already read from other copies of a story, by what makes two of them the same event."""
        rows = self._conn.execute(
            "SELECT e.event_id, e.record FROM events e JOIN texts t ON t.text_hash = e.text_hash "
            "WHERE t.story_id = ? AND e.text_hash != ?", (story, digest)).fetchall()
        return {_event_key(Event.from_dict(json.loads(record))): event_id for event_id, record in rows}

    def _story_of(self, text: str, bands: list[tuple[int, str]]) -> str | None:
        """The story an already stored copy of this text belongs to, if any."""
        return story_of(self._conn, text, bands)

    def _add_event(self, event: Event, digest: str, report_id: int, stamp: str) -> None:
        p = event.place
        self._conn.execute(
            "INSERT OR IGNORE INTO events (event_id, text_hash, type, mode, acled, date, place_key, "
            "place_geonameid, place_name, lat, lon, admin1, country, actor, target, modality, control_holder, "
            "control_from, record, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (event.event_id, digest, event.type, event.mode, event.acled, event.date, place_key(p),
             p.geonameid if p else None, p.name if p else None, p.lat if p else None, p.lon if p else None,
             p.admin1 if p else None, p.country if p else None, event.actor.name if event.actor else None,
             event.target.name if event.target else None, event.modality,
             event.control.holder if event.control else None, event.control.from_ if event.control else None,
             json.dumps(event.to_dict(), ensure_ascii=False), stamp))
        self._conn.execute("INSERT OR IGNORE INTO event_sources (event_id, report_id) VALUES (?, ?)",
                           (event.event_id, report_id))

    # -- reading ---------------------------------------------------------------------------------------

    def reports(self, known_at: str | None = None) -> list[dict[str, Any]]:
        """Every stored report (as known at ``known_at``), in ingest order."""
        sql = ("SELECT r.url, r.outlet, r.published, r.title, r.ingested_at, r.text_hash, r.source, t.story_id "
               "FROM reports r JOIN texts t ON t.text_hash = r.text_hash")
        params: list[Any] = []
        if known_at:
            sql += " WHERE r.ingested_at <= ?"
            params.append(normalise_instant(known_at, end_of_day=True))
        rows = self._conn.execute(sql + " ORDER BY r.ingested_at, r.report_id", params).fetchall()
        keys = ("url", "outlet", "published", "title", "ingested_at", "text_hash", "source", "story_id")
        return [dict(zip(keys, row)) for row in rows]

    def text(self, digest: str) -> str | None:
        """The stored text with this hash (a report's ``text_hash``)."""
        row = self._conn.execute("SELECT text FROM texts WHERE text_hash = ?", (digest,)).fetchone()
        return row[0] if row else None

    def events(self, *, known_at: str | None = None, date_from: str | None = None, date_to: str | None = None,
               types: list[str] | None = None, actor: str | None = None, place: str | None = None,
               bbox: tuple[float, float, float, float] | None = None, limit: int | None = None,
               offset: int = 0) -> list[StoredEvent]:
        """Stored events matching every filter given, in date order (undated last).

        ``actor`` matches the actor, target or new holder by name (any case); ``place`` a geonameid, place key,
        place name or province; ``bbox`` is (min_lon, min_lat, max_lon, max_lat).
        """
        where: list[str] = []
        params: list[Any] = []
        if date_from:
            where.append("e.date >= ?")
            params.append(date_from)
        if date_to:
            where.append("e.date <= ?")
            params.append(date_to)
        if types:
            where.append(f"e.type IN ({','.join('?' * len(types))})")
            params.extend(types)
        if actor:
            where.append("(e.actor = ? COLLATE NOCASE OR e.target = ? COLLATE NOCASE "
                         "OR e.control_holder = ? COLLATE NOCASE)")
            params.extend([actor] * 3)
        if place:
            where.append("(e.place_key = ? OR e.place_name = ? COLLATE NOCASE OR e.admin1 = ? COLLATE NOCASE)")
            params.extend([str(place)] * 3)
        if bbox:
            min_lon, min_lat, max_lon, max_lat = bbox
            where.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            params.extend([min_lon, max_lon, min_lat, max_lat])
        return self._select(where, params, known_at, limit, offset)

    def event(self, event_id: str) -> StoredEvent | None:
        found = self._select(["e.event_id = ?"], [event_id], None, None, 0)
        return found[0] if found else None

    def control_evidence(self, *, known_at: str | None = None, date_to: str | None = None,
                         place: str | None = None) -> list[StoredEvent]:
        """What control is computed from: events that change a holder, and fighting at the places they name."""
        where = ["(e.control_holder IS NOT NULL OR (e.type = 'ASSAULT' AND e.place_key IN "
                 "(SELECT place_key FROM events WHERE control_holder IS NOT NULL)))"]
        params: list[Any] = []
        if date_to:
            where.append("e.date <= ?")
            params.append(date_to)
        if place is not None:
            where.append("(e.place_key = ? OR e.place_name = ? COLLATE NOCASE)")
            params.extend([str(place)] * 2)
        return self._select(where, params, known_at, None, 0)

    def places(self) -> list[Place]:
        """Every place any stored event names, once each."""
        rows = self._conn.execute(
            "SELECT place_name, place_geonameid, lat, lon, admin1, country, "
            "json_extract(record, '$.place.feature') FROM events WHERE rowid IN "
            "(SELECT min(rowid) FROM events WHERE place_key IS NOT NULL GROUP BY place_key) ORDER BY place_name"
        ).fetchall()
        return [Place(name=r[0], geonameid=r[1], lat=r[2], lon=r[3], admin1=r[4], country=r[5],
                      feature=r[6] or "city") for r in rows]

    def date_range(self) -> tuple[str, str] | None:
        """The first and last event date, or None when no event is dated."""
        lo, hi = self._conn.execute("SELECT min(date), max(date) FROM events WHERE date IS NOT NULL").fetchone()
        return (lo, hi) if lo else None

    def _select(self, where: list[str], params: list[Any], known_at: str | None, limit: int | None,
                offset: int) -> list[StoredEvent]:
        known = normalise_instant(known_at, end_of_day=True) if known_at else None
        if known:
            where = where + ["EXISTS (SELECT 1 FROM event_sources s JOIN reports r ON r.report_id = s.report_id "
                             "WHERE s.event_id = e.event_id AND r.ingested_at <= ?)"]
            params = params + [known]
        sql = "SELECT e.event_id, e.record FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date IS NULL, e.date, e.event_id"
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            params = params + [-1 if limit is None else int(limit), int(offset)]
        rows = self._conn.execute(sql, params).fetchall()
        sources = self._sources([r[0] for r in rows], known)
        out = []
        for event_id, record in rows:
            carried = sources.get(event_id, [])
            out.append(StoredEvent(Event.from_dict(json.loads(record)), carried,
                                   min((s["ingested_at"] for s in carried), default="")))
        return out

    def _sources(self, event_ids: Sequence[str], known: str | None) -> dict[str, list[dict[str, Any]]]:
        found: dict[str, list[dict[str, Any]]] = {}
        for chunk in _chunks(event_ids):
            sql = ("SELECT s.event_id, r.url, r.outlet, r.published, r.title, r.ingested_at, t.story_id "
                   "FROM event_sources s JOIN reports r ON r.report_id = s.report_id "
                   "JOIN texts t ON t.text_hash = r.text_hash "
                   f"WHERE s.event_id IN ({','.join('?' * len(chunk))})")
            params: list[Any] = chunk
            if known:
                sql += " AND r.ingested_at <= ?"
                params = chunk + [known]
            for row in self._conn.execute(sql + " ORDER BY r.ingested_at, r.report_id", params):
                found.setdefault(row[0], []).append({
                    "url": row[1], "outlet": row[2], "published": row[3], "title": row[4],
                    "ingested_at": row[5], "story_id": row[6]})
        return found


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    """``items`` in lists short enough to bind as one IN (...) list."""
    for i in range(0, len(items), _IN_CHUNK):
        yield list(items[i:i + _IN_CHUNK])


def _url_key(article: Article) -> str:
    """What makes two copies of a text "the same report": its URL, else the file it came from."""
    return article.url or article.source or ""


def _event_key(event: Event) -> tuple:
    """Two copies of one story state the same event when type, place, date, holder and sentence words agree."""
    holder = event.control.holder if event.control else None
    return (event.type, place_key(event.place), event.date, holder, event.modality,
            " ".join(syndication.words(event.sentence)))


def story_of(conn: sqlite3.Connection, text: str, bands: list[tuple[int, str]]) -> str | None:
    """The story of a stored text that ``text`` is a copy of (sharing a band, then most shingles), if any."""
    seen: set[str] = set()
    for band, digest in bands:
        for other, story, other_text in conn.execute(
                "SELECT t.text_hash, t.story_id, t.text FROM text_bands b JOIN texts t ON t.text_hash = b.text_hash "
                "WHERE b.band = ? AND b.digest = ?", (band, digest)):
            if other in seen:
                continue
            seen.add(other)
            if band == syndication.EXACT_BAND or syndication.same_story(text, other_text):
                return story or other
    return None


def _index_stories(conn: sqlite3.Connection) -> None:
    """Migration 2: index texts stored before stories existed, and group their copies into stories."""
    rows = conn.execute("SELECT text_hash, text FROM texts ORDER BY rowid").fetchall()
    for digest, text in rows:
        bands = syndication.bands(text)
        story = story_of(conn, text, bands) or digest
        conn.execute("UPDATE texts SET story_id = ? WHERE text_hash = ?", (story, digest))
        conn.executemany("INSERT OR IGNORE INTO text_bands (band, digest, text_hash) VALUES (?, ?, ?)",
                         [(b, d, digest) for b, d in bands])


migrations.FOLLOW_UPS[2] = _index_stories
