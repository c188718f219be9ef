"""Dates: ISO parsing and resolving date expressions against a report's publication date."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_iso_date(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` -> date; anything else (including impossible dates) -> None."""
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
