"""GeoJSON export: control at a date and events as points, read back with json."""

from __future__ import annotations

import io
import json

from frontwatch.control import control_as_of
from frontwatch.export import EXPORTERS


def _collection(store, as_of=None) -> dict:
    out = io.StringIO()
    EXPORTERS["geojson"](store, out, as_of=as_of)
    return json.loads(out.getvalue())


def test_control_features_are_the_control_records_as_of_the_date(demo_store):
    geo = _collection(demo_store, "2021-08-12")
    assert geo["type"] == "FeatureCollection" and geo["as_of"] == "2021-08-12"
    control = [f for f in geo["features"] if f["properties"]["kind"] == "control"]
    expected = [r.to_dict() for r in control_as_of(demo_store, "2021-08-12")]
    assert [{k: v for k, v in f["properties"].items() if k != "kind"} for f in control] == expected
    for f in control:
        p = f["properties"]["place"]
        assert f["geometry"] == {"type": "Point", "coordinates": [p["lon"], p["lat"]]}


def test_event_features_are_points_up_to_the_date(demo_store):
    geo = _collection(demo_store, "2021-08-12")
    events = [f for f in geo["features"] if f["properties"]["kind"] == "event"]
    placed = [s for s in demo_store.events(date_to="2021-08-12") if s.event.place]
    assert len(events) == len(placed)
    for f in events:
        props = f["properties"]
        assert props["date"] <= "2021-08-12"
        assert f["geometry"]["coordinates"] == [props["place"]["lon"], props["place"]["lat"]]
        assert props["sentence"] and props["outlets"]


def test_without_a_date_the_last_event_date_is_used(demo_store):
    assert _collection(demo_store)["as_of"] == demo_store.date_range()[1]
