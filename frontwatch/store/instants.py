"""Instants of the store's clock (ingested_at, known_at): one fixed-width UTC form that sorts as text."""

from __future__ import annotations

import datetime as dt

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime(_FORMAT)


def normalise_instant(value: str, *, end_of_day: bool = False) -> str:
    """An ISO date or time, with or without timezone, in the store's UTC form.

    A time without timezone is taken as UTC. A date alone means its start, or with ``end_of_day`` its last
    instant (``--known-at 2022-05-01`` includes what was ingested on that day). Raises ValueError.
    """
    text = value.strip()
    if not text:
        raise ValueError("empty time")
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            moment = dt.datetime.combine(day, dt.time.max if end_of_day else dt.time.min)
        else:
            moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date or time (YYYY-MM-DD[THH:MM[:SS][+HH:MM]])") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime(_FORMAT)
