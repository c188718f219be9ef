"""When a report was published: from a file's name, a feed's or page's stamp, or a date line at its start."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: i + 1
    for i, names in enumerate((
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
        ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ))
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_ISO_IN_TEXT = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[-_./](?P<month>\d{1,2})[-_./](?P<day>\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b",
                             re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b",
                             re.IGNORECASE)

# How far into a text a date line may sit and still be the report's own stamp, not a date it reports.
_HEAD_LINES = 4
_HEAD_CHARS = 400
# A stamp line is short and holds little besides its date ("Published on", a weekday, a time, an agency);
# a line with more words around its date is a headline or a sentence about that date.
_MAX_STAMP_LINE = 120
_MAX_STAMP_WORDS = 5
_WORDS = re.compile(r"[^\W\d_]{2,}")
# A wire dateline: the place in capitals, maybe a country, then the date ("KABUL, ", "KYIV, Ukraine, ").
_DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .'\u2019-]+,?(\s+[A-Z][a-z]+,)?\s*(\(\w+\)\s*)?$")


def iso_date(year: int | str, month: int | str, day: int | str) -> str | None:
    """A real calendar date as ``YYYY-MM-DD``, or None (30 February is no date)."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def normalise_date(value: object) -> str | None:
    """Any date stamp a source gives (ISO, ISO with time, "13 August 2021", a struct_time) -> ``YYYY-MM-DD`` or None."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "tm_year"):  # time.struct_time, as feedparser gives
        return iso_date(value.tm_year, value.tm_mon, value.tm_mday)  # type: ignore[attr-defined]
    if not isinstance(value, str):
        return None
    return _find_date(value.strip())


def _find_date(text: str) -> str | None:
    for pattern in (_ISO_IN_TEXT, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        m = pattern.search(text)
        found = _date_of(m) if m else None
        if found:
            return found
    return None


def _date_of(m: re.Match[str]) -> str | None:
    month = m["month"]
    return iso_date(m["year"], int(month) if month.isdigit() else _MONTHS[month.lower()], m["day"])


def date_from_filename(name: str) -> str | None:
    """``2021-08-13_kabul.txt`` or ``20210813-kabul.txt`` -> ``2021-08-13``."""
    for pattern in (_ISO_IN_TEXT, _COMPACT):
        m = pattern.search(name)
        if m:
            found = iso_date(m["year"], m["month"], m["day"])
            if found:
                return found
    return None


def date_from_head(text: str) -> str | None:
    """The date of a stamp among the first lines of a report ("date 2022-09-10", "Published: 13 Aug 2021",
    a "KABUL, Aug 13, 2021 (AFP) -" dateline); a date inside a headline or a sentence is not the report's own."""
    for line in text[:_HEAD_CHARS].splitlines()[:_HEAD_LINES]:
        line = line.strip()
        for pattern in (_ISO_IN_TEXT, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
            m = pattern.search(line)
            if not m:
                continue
            before, after = line[:m.start()], line[m.end():]
            is_stamp = len(line) <= _MAX_STAMP_LINE and len(_WORDS.findall(before + " " + after)) <= _MAX_STAMP_WORDS
            found = _date_of(m) if is_stamp or _DATELINE_PREFIX.match(before) else None
            if found:
                return found
    return None
