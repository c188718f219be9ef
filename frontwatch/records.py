"""The records of contract.md, defined once; every stage passes these between each other.

Records are plain dataclasses. ``to_dict()`` gives exactly the contract's JSON shape (every field
present, ``None`` where the contract allows null); ``from_dict()`` reads it back.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

CONTRACT_VERSION = 1

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "claimed", "denied", "planned", "forecast", "hypothetical")
DATE_PRECISIONS = ("day", "week", "month", "year")
ACTOR_KINDS = ("state", "rebel", "militia", "civilians", "external", "other")
SOURCE_KINDS = ("belligerent", "official", "security source", "local official", "resident", "media", "other")
CONTROL_STATUSES = ("held", "contested", "claimed")
PLACE_FEATURES = ("city", "admin1", "admin2", "country", "site", "region")


@dataclass(slots=True)
class Segment:
    """A line of an article's text: where it lies, and whether it is the report's body.

    Lines that are not body (related-article headlines, captions, banners, "Comments are closed")
    keep their offsets so that every record still points into the text as read; ``reason`` says why.
    """

    start: int
    end: int
    is_body: bool = True
    reason: str | None = None


@dataclass(slots=True)
class Article:
    """A report as read from its source: its text and what is known about where and when it came from."""

    text: str
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    title: str | None = None
    outlet: str | None = None
    source: str | None = None  # the file (and line, for JSONL) it was read from
    language: str | None = None
    segments: list[Segment] = field(default_factory=list)

    def body_segments(self) -> list[Segment]:
        return [s for s in self.segments if s.is_body] if self.segments else [Segment(0, len(self.text))]

    def ref(self) -> dict[str, Any]:
        return {"url": self.url, "published": self.published, "title": self.title, "outlet": self.outlet}


@dataclass(slots=True)
class Place:
    name: str
    geonameid: int | None
    lat: float
    lon: float
    admin1: str | None
    country: str | None  # ISO 3166-1 alpha-2
    feature: str = "city"  # one of PLACE_FEATURES
    population: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
            "admin1": self.admin1, "country": self.country, "feature": self.feature,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if not d:
            return None
        return cls(name=d["name"], geonameid=d.get("geonameid"), lat=d["lat"], lon=d["lon"],
                   admin1=d.get("admin1"), country=d.get("country"), feature=d.get("feature") or "city")


@dataclass(slots=True)
class Toponym:
    """A place mention in a text, resolved (or not) to a gazetteer place."""

    text: str
    start: int
    end: int
    place: Place | None

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "geonameid": p.geonameid if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
            "admin1": p.admin1 if p else None, "country": p.country if p else None,
            "feature": p.feature if p else None,
        }


@dataclass(slots=True)
class Actor:
    name: str
    kind: str = "other"  # one of ACTOR_KINDS
    country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "country": self.country}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Actor | None:
        return cls(d["name"], d.get("kind") or "other", d.get("country")) if d else None


@dataclass(slots=True)
class Attribution:
    """Who says so: "the Taliban said" -> Attribution("Taliban", "belligerent")."""

    source: str
    kind: str = "other"  # one of SOURCE_KINDS

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "kind": self.kind}


@dataclass(slots=True)
class ControlChange:
    holder: str
    from_: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"holder": self.holder, "from": self.from_}


@dataclass(slots=True)
class Event:
    event_id: str
    article: dict[str, Any]  # Article.ref(): url, published, title, outlet
    type: str  # PLOVER type
    mode: str | None
    acled: str | None
    control: ControlChange | None
    actor: Actor | None
    target: Actor | None
    place: Place | None
    date: str | None
    date_precision: str | None
    modality: str
    attribution: list[Attribution]
    quantities: dict[str, float | int]
    sentence: str
    span: tuple[int, int]
    # "On September 10" in a report with no date and no year: the day ("09-10"), for control to place in the
    # year of the episode the report tells. Not part of the contract's record; written only when set.
    day_without_year: str | None = None

    def to_dict(self) -> dict[str, Any]:
        extra = {"day_without_year": self.day_without_year} if self.day_without_year else {}
        return {
            "event_id": self.event_id,
            "article": dict(self.article),
            "type": self.type,
            "mode": self.mode,
            "acled": self.acled,
            "control": self.control.to_dict() if self.control else None,
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "place": self.place.to_dict() if self.place else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "modality": self.modality,
            "attribution": [a.to_dict() for a in self.attribution],
            "quantities": dict(self.quantities),
            "sentence": self.sentence,
            "span": list(self.span),
        } | extra

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        c = d.get("control")
        return cls(
            event_id=d["event_id"], article=d["article"], type=d["type"], mode=d.get("mode"),
            acled=d.get("acled"),
            control=ControlChange(c["holder"], c.get("from")) if c else None,
            actor=Actor.from_dict(d.get("actor")), target=Actor.from_dict(d.get("target")),
            place=Place.from_dict(d.get("place")), date=d.get("date"), date_precision=d.get("date_precision"),
            modality=d["modality"], attribution=[Attribution(a["source"], a.get("kind") or "other")
                                                 for a in d.get("attribution") or []],
            quantities=d.get("quantities") or {}, sentence=d["sentence"], span=tuple(d["span"]),
            day_without_year=d.get("day_without_year"),
        )


@dataclass(slots=True)
class ControlRecord:
    """Who holds a place as of a date, how sure we are, and the events that say so."""

    place: Place
    holder: str
    since: str | None
    status: str  # one of CONTROL_STATUSES
    confidence: float
    sources: int
    evidence: list[str]

    def to_dict(self) -> dict[str, Any]:
        p = self.place.to_dict()
        p.pop("feature", None)
        return {
            "place": p, "holder": self.holder, "since": self.since, "status": self.status,
            "confidence": round(self.confidence, 3), "sources": self.sources, "evidence": list(self.evidence),
        }


def as_dict(record: Any) -> dict[str, Any]:
    """The contract's JSON shape of any record."""
    if hasattr(record, "to_dict"):
        return record.to_dict()
    return dataclasses.asdict(record)
