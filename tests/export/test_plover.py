"""PLOVER JSONL export, read back with json and checked field by field against the stored events."""

from __future__ import annotations

import io
import json

from frontwatch.export import EXPORTERS
from frontwatch.records import PLOVER_TYPES

PLOVER_FIELDS = {"id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "event_text",
                 "text_span", "link"}
CONTEXTS = {"military", "diplomatic", "political", "economic", "legal", "refugee", "terrorism", "election",
            "resource"}


def _records(store) -> list[dict]:
    out = io.StringIO()
    EXPORTERS["plover-jsonl"](store, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_every_event_is_one_plover_record_with_every_field(demo_store):
    records = _records(demo_store)
    events = demo_store.events()
    assert len(records) == len(events)
    for record, stored in zip(records, events):
        e = stored.event
        assert PLOVER_FIELDS <= record.keys()
        assert record["id"] == e.event_id and record["date"] == e.date
        assert record["event"] == e.type and record["event"] in PLOVER_TYPES
        assert record["mode"] == e.mode
        assert record["actor"] == (e.actor.to_dict() if e.actor else None)
        assert record["recipient"] == (e.target.to_dict() if e.target else None)
        assert record["context"] and set(record["context"]) <= CONTEXTS
        if e.place:
            loc = record["event_loc"]
            assert (loc["geonameid"], loc["lat"], loc["lon"], loc["country"], loc["name"]) == \
                (e.place.geonameid, e.place.lat, e.place.lon, e.place.country, e.place.name)
        else:
            assert record["event_loc"] is None
        assert record["event_text"] == e.sentence
        start, end = record["text_span"]
        assert 0 <= start < end and end - start == len(e.sentence)
        assert record["link"].startswith("https://") and record["link"] in {s["url"] for s in stored.sources}


def test_a_change_of_holder_is_military_context_and_keeps_the_control(lashkar_gah_store):
    [record] = _records(lashkar_gah_store)
    assert record["context"] == ["military"]
    assert record["control"] == {"holder": "Taliban", "from": "Afghan government"}
    assert record["modality"] == "claimed"
    assert record["links"] == ["https://desk.example/lg", "https://other.example/lg"]
