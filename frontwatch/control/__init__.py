"""Control: who holds each place since when, from the stored events, as of any date and as known at any time.

``timeline`` is the pure computation (events -> per-place history); ``control_as_of`` and ``place_history``
read the store for it.
"""

from __future__ import annotations

from frontwatch.control.timeline import Change, PlaceHistory, timeline
from frontwatch.records import ControlRecord
from frontwatch.store import Store

__all__ = ["Change", "PlaceHistory", "control_as_of", "place_history", "timeline"]


def control_as_of(store: Store, as_of: str, known_at: str | None = None) -> list[ControlRecord]:
    """Each place's holder on ``as_of`` (one record per place with a known holder), from reports known at
    ``known_at``; only evidence dated on or before ``as_of`` counts."""
    histories = timeline(store.control_evidence(known_at=known_at, date_to=as_of))
    records = []
    for history in histories:
        change = history.as_of(as_of)
        if change is not None:
            records.append(change.record())
    return records


def place_history(store: Store, place_key: str | int, known_at: str | None = None) -> list[ControlRecord]:
    """Every change of holder at one place (its key, geonameid or name), in date order."""
    histories = timeline(store.control_evidence(known_at=known_at, place=str(place_key)))
    return [change.record() for history in histories for change in history.changes]
