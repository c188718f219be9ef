"""The read side of the HTTP API: places, control, events, histories, timeline, watch points, warnings, exports."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from frontwatch.control import place_history
from frontwatch.control.approach import Approach, approach_series, assess
from frontwatch.export import EXPORTERS, FILE_NAMES, MEDIA_TYPES
from frontwatch.records import ControlRecord
from frontwatch.store import StoredEvent, place_key
from frontwatch.store.instants import normalise_instant
from frontwatch.web.models import (
    ApproachModel, ControlRecordModel, EventPage, MetaModel, PlaceHistoryModel, PloverType, StoredEventModel,
    StorePlaceModel, TimelineBin, WatchPointModel,
)
from frontwatch.web.state import WebState

MAX_PAGE = 500
MAX_TREND_DAYS = 31

router = APIRouter(prefix="/api")


def web_state(request: Request) -> WebState:
    return request.app.state.web


State = Annotated[WebState, Depends(web_state)]
DateQ = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]
KnownAtQ = Annotated[str | None, Query(description="ISO date or time: only reports ingested by then count",
                                       max_length=40)]


def unprocessable(message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=message)


def known_at_of(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        normalise_instant(value)
    except ValueError as err:
        raise unprocessable(f"known_at: {err}") from None
    return value


def bbox_of(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` -> a tuple, or 422."""
    if value is None:
        return None
    try:
        numbers = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise unprocessable(f"bbox {value!r}: four numbers min_lon,min_lat,max_lon,max_lat") from None
    if len(numbers) != 4 or any(n != n for n in numbers):
        raise unprocessable(f"bbox {value!r}: four numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise unprocessable(f"bbox {value!r}: needs -180 <= min_lon <= max_lon <= 180 and "
                            "-90 <= min_lat <= max_lat <= 90")
    return numbers  # type: ignore[return-value]


def stored_model(stored: StoredEvent) -> StoredEventModel:
    return StoredEventModel.model_validate({
        "event": stored.event.to_dict(), "sources": stored.sources,
        "independent_sources": len(stored.stories()) or len(stored.sources), "ingested_at": stored.ingested_at})


def control_model(record: ControlRecord) -> dict:
    d = record.to_dict()
    d["key"] = place_key(record.place)
    return d


def _as_of(state: WebState, as_of: dt.date | None) -> str:
    if as_of is not None:
        return as_of.isoformat()
    with state.store() as store:
        span = store.date_range()
    return span[1] if span else dt.date.today().isoformat()


@router.get("/meta", response_model=MetaModel, summary="Date range, actors and types in the store")
def meta(state: State) -> dict:
    with state.store() as store:
        span = store.date_range()
        events = store.events()
        reports = len(store.reports())
    actors: Counter[str] = Counter()
    for s in events:
        e = s.event
        for name in (e.actor.name if e.actor else None, e.target.name if e.target else None,
                     e.control.holder if e.control else None):
            if name:
                actors[name] += 1
    days = sorted(s.event.date for s in events if s.event.date and s.event.date_precision == "day")
    return {"dates": {"first": span[0] if span else None, "last": span[1] if span else None},
            "day_dates": {"first": days[0] if days else None, "last": days[-1] if days else None},
            "actors": [a for a, _ in actors.most_common()],
            "types": sorted({s.event.type for s in events}), "events": len(events), "reports": reports}


@router.get("/places", response_model=list[StorePlaceModel], summary="Every place a stored event names")
def places(state: State) -> list[dict]:
    with state.store() as store:
        return [{**p.to_dict(), "key": place_key(p)} for p in store.places()]


@router.get("/control", response_model=list[ControlRecordModel],
            summary="Who holds each place as of a date (default: the last event date)")
def control(state: State, as_of: DateQ = None, known_at: KnownAtQ = None) -> list[dict]:
    known = known_at_of(known_at)
    day = _as_of(state, as_of)
    with state.store() as store:
        return [control_model(r) for r in state.control(store, day, known)]


@router.get("/events", response_model=EventPage, summary="Events matching every filter given, in date order")
def events(
    state: State,
    date_from: DateQ = None,
    date_to: DateQ = None,
    type: Annotated[list[PloverType] | None, Query(description="PLOVER types (repeat for several)")] = None,
    actor: Annotated[str | None, Query(max_length=200, description="actor, target or new holder")] = None,
    place: Annotated[str | None, Query(max_length=200, description="place key, geonameid, name or province")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="min_lon,min_lat,max_lon,max_lat")] = None,
    known_at: KnownAtQ = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> dict:
    if date_from and date_to and date_from > date_to:
        raise unprocessable(f"date_from {date_from} is after date_to {date_to}")
    box = bbox_of(bbox)
    with state.store() as store:
        found = store.events(known_at=known_at_of(known_at), date_from=date_from.isoformat() if date_from else None,
                             date_to=date_to.isoformat() if date_to else None, types=type, actor=actor,
                             place=place, bbox=box, limit=limit + 1, offset=offset)
    more = len(found) > limit
    return {"items": [stored_model(s) for s in found[:limit]], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


@router.get("/events/{event_id}", response_model=StoredEventModel, summary="One event and every report carrying it",
            responses={404: {"description": "no such event"}})
def event(state: State, event_id: str) -> StoredEventModel:
    with state.store() as store:
        found = store.event(event_id[:100])
    if found is None:
        raise HTTPException(status_code=404, detail=f"no event {event_id!r}")
    return stored_model(found)


@router.get("/places/{key}/history", response_model=PlaceHistoryModel,
            summary="A place's changes of holder and the evidence for each")
def history(state: State, key: str, known_at: KnownAtQ = None) -> dict:
    known = known_at_of(known_at)
    with state.store() as store:
        changes = place_history(store, key[:200], known_at=known)
        ids = list(dict.fromkeys(i for r in changes for i in r.evidence))
        evidence = [s for s in (store.event(i) for i in ids) if s is not None]
    return {"key": key, "changes": [control_model(r) for r in changes],
            "evidence": [stored_model(s) for s in evidence]}


@router.get("/timeline", response_model=list[TimelineBin], summary="Events per day by type")
def timeline(
    state: State,
    date_from: DateQ = None,
    date_to: DateQ = None,
    type: Annotated[list[PloverType] | None, Query()] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    known_at: KnownAtQ = None,
) -> list[dict]:
    with state.store() as store:
        found = store.events(known_at=known_at_of(known_at), date_from=date_from.isoformat() if date_from else None,
                             date_to=date_to.isoformat() if date_to else None, types=type, actor=actor)
    bins = Counter((s.event.date, s.event.type) for s in found if s.event.date)
    return [{"date": d, "type": t, "count": n} for (d, t), n in sorted(bins.items())]


@router.get("/watchpoints", response_model=list[WatchPointModel], summary="The watch points")
def watchpoints(state: State) -> list[dict]:
    return [w.to_dict() for w in state.watch_points]


def approach_model(a: Approach, trend: list[Approach]) -> dict:
    d = a.to_dict()
    d["trend"] = [{"date": t.as_of, "distance_km": t.to_dict()["distance_km"],
                   "place": t.place.name if t.place else None} for t in trend if t.party == a.party]
    return d


@router.get("/warnings", response_model=list[ApproachModel],
            summary="Per watch point and hostile party: nearest held place, distance, km/day, days to thresholds")
def warnings(state: State, as_of: DateQ = None, known_at: KnownAtQ = None,
             trend_days: Annotated[int, Query(ge=0, le=MAX_TREND_DAYS)] = 7) -> list[dict]:
    known = known_at_of(known_at)
    day = _as_of(state, as_of)
    start = (dt.date.fromisoformat(day) - dt.timedelta(days=trend_days)).isoformat()
    out = []
    with state.store() as store:
        def control_on(date: str) -> list[ControlRecord]:
            return state.control(store, date, known)

        for watch in state.watch_points:
            series = approach_series(store, watch, start, day, known_at=known, control=control_on)
            for a in assess(store, [watch], day, known_at=known, control=control_on):
                out.append(approach_model(a, series))
    return out


@router.get("/export/{fmt}", summary="The store in a field format (ACLED CSV, PLOVER JSONL, GeoJSON)",
            response_class=Response,
            responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}, "application/geo+json": {}}}})
def export(state: State, fmt: Literal["acled-csv", "plover-jsonl", "geojson"], as_of: DateQ = None) -> Response:
    buffer = io.StringIO()
    with state.store() as store:
        EXPORTERS[fmt](store, buffer, as_of=as_of.isoformat() if as_of else None)
    return Response(buffer.getvalue(), media_type=MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{FILE_NAMES[fmt]}"'})
