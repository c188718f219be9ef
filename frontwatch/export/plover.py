"""PLOVER JSONL: one PLOVER record per event (type, mode, context, actor and recipient, where, the text span)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from frontwatch.export.formats import events_known_by, format_data, outlets
from frontwatch.records import Actor, Event
from frontwatch.store import Store, StoredEvent


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    return {"name": actor.name, "kind": actor.kind, "country": actor.country} if actor else None


def contexts(event: Event) -> list[str]:
    """PLOVER contexts of an event, from its mode, type and whether it changes a holder."""
    table = format_data("plover_context.json")
    found = list(table["by_mode"].get(event.mode or "", []) or table["by_type"].get(event.type, []))
    if event.control:
        found += [c for c in table["territory_change"] if c not in found]
    return found


def plover_record(stored: StoredEvent) -> dict[str, Any]:
    """The PLOVER record of a stored event."""
    event = stored.event
    p = event.place
    links = [s["url"] for s in stored.sources if s.get("url")] or ([event.article["url"]]
                                                                    if event.article.get("url") else [])
    return {
        "id": event.event_id,
        "date": event.date,
        "date_precision": event.date_precision,
        "actor": _actor(event.actor),
        "recipient": _actor(event.target),
        "event": event.type,
        "mode": event.mode,
        "context": contexts(event),
        "modality": event.modality,
        "control": event.control.to_dict() if event.control else None,
        "event_loc": None if p is None else {"geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
                                              "country": p.country, "name": p.name, "admin1": p.admin1},
        "event_text": event.sentence,
        "text_span": list(event.span),
        "link": links[0] if links else None,
        "links": links,
        "outlets": outlets(stored),
        "attribution": [a.to_dict() for a in event.attribution],
    }


def write_plover_jsonl(store: Store, out: TextIO, as_of: str | None = None) -> None:
    """Every stored event (dated on or before ``as_of`` when given) as one PLOVER JSON line."""
    for stored in events_known_by(store, as_of):
        out.write(json.dumps(plover_record(stored), ensure_ascii=False) + "\n")
