"""GeoJSON: places with their control as of a date, and events as points, in one FeatureCollection."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TextIO

from frontwatch.control import control_as_of
from frontwatch.export.formats import events_known_by, outlets
from frontwatch.records import ControlRecord
from frontwatch.store import Store, StoredEvent


def control_feature(record: ControlRecord) -> dict[str, Any]:
    p = record.place
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {"kind": "control", **record.to_dict()}}


def event_feature(stored: StoredEvent) -> dict[str, Any] | None:
    event = stored.event
    if event.place is None:
        return None
    props = event.to_dict()
    props.update(kind="event", outlets=outlets(stored), sources=len(stored.stories()) or len(stored.sources))
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [event.place.lon, event.place.lat]},
            "properties": props}


def geojson_collection(store: Store, as_of: str | None = None) -> dict[str, Any]:
    """Control at ``as_of`` (default: the last event date) and the events up to it."""
    if as_of is None:
        span = store.date_range()
        as_of = span[1] if span else dt.date.today().isoformat()
    features = [control_feature(r) for r in control_as_of(store, as_of)]
    features += [f for f in (event_feature(s) for s in events_known_by(store, as_of)) if f]
    return {"type": "FeatureCollection", "as_of": as_of, "features": features}


def write_geojson(store: Store, out: TextIO, as_of: str | None = None) -> None:
    """The GeoJSON FeatureCollection of control at ``as_of`` and events as points."""
    json.dump(geojson_collection(store, as_of), out, ensure_ascii=False)
    out.write("\n")
