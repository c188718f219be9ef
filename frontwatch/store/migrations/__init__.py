"""The store's schema versions: ``NNNN_name.sql`` files applied in order, tracked by ``PRAGMA user_version``.

A migration runs inside one transaction with the version bump, so a store is always at a whole version.
Steps that SQL cannot express (computing story signatures for texts stored before stories existed) are
Python follow-ups registered in ``FOLLOW_UPS`` under the version they complete.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_DIR = Path(__file__).resolve().parent
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every known migration, in version order."""
    found = []
    for path in sorted(_DIR.glob("*.sql")):
        m = _NAME.match(path.name)
        if m:
            found.append(Migration(int(m[1]), path.stem, path.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"store migrations are not numbered 1..n: {versions}")
    return found


LATEST_VERSION = len(migrations())

FOLLOW_UPS: dict[int, Callable[[sqlite3.Connection], None]] = {}


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Bring the store up to ``target`` (default: the latest), one transaction per version; the new version."""
    target = LATEST_VERSION if target is None else target
    for migration in migrations():
        if migration.version <= schema_version(conn) or migration.version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(migration.sql):
                conn.execute(statement)
            follow_up = FOLLOW_UPS.get(migration.version)
            if follow_up:
                follow_up(conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (executescript would commit the open transaction)."""
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
