"""Approach warnings: how close, and how fast, places held by a hostile party come to the points a team watches.

A watch point is a named position (or a gazetteer place) with the parties hostile to it, threshold radii and
an alert horizon in days. For each watch point and date, each hostile party's nearest held (or claimed, or
contested) place gives a great-circle distance; its shrinkage over the last ``window_days`` gives a rate
(km/day) and, when positive, a projected time to each threshold. A warning is raised when a threshold is
crossed or a projected time falls below the horizon.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from frontwatch import config
from frontwatch.control import control_as_of
from frontwatch.errors import BadInput, FrontwatchError
from frontwatch.places.distance import great_circle_km
from frontwatch.records import ControlRecord, Place
from frontwatch.store import Store

DEFAULT_WATCH_FILE = config.DEMO_REPORTS_DIR / "watchpoints.json"
DEFAULT_THRESHOLDS_KM = (50.0, 100.0)
DEFAULT_ALERT_DAYS = 3.0
DEFAULT_WINDOW_DAYS = 3
WEBHOOK_TIMEOUT_S = 10


@dataclass(frozen=True)
class WatchPoint:
    """A position a team cares about, the parties hostile to it and when to warn."""

    name: str
    lat: float
    lon: float
    hostile: tuple[str, ...]
    thresholds_km: tuple[float, ...] = DEFAULT_THRESHOLDS_KM
    alert_days: float = DEFAULT_ALERT_DAYS
    window_days: int = DEFAULT_WINDOW_DAYS

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "lat": self.lat, "lon": self.lon, "hostile": list(self.hostile),
                "thresholds_km": list(self.thresholds_km), "alert_days": self.alert_days,
                "window_days": self.window_days}


@dataclass
class Approach:
    """One hostile party's nearest held place to one watch point on one date, and how fast it is coming."""

    watch: WatchPoint
    party: str
    as_of: str
    place: Place | None = None
    status: str | None = None  # held, contested or claimed: how sure the holding is
    since: str | None = None
    distance_km: float | None = None
    previous_km: float | None = None  # the distance window_days earlier, when a place was held then
    km_per_day: float | None = None  # positive: closing in
    days_to: dict[float, float | None] = field(default_factory=dict)  # threshold -> projected days (0 if crossed)
    reasons: list[str] = field(default_factory=list)  # why a warning is raised; empty: no warning

    @property
    def warning(self) -> bool:
        return bool(self.reasons)

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "watch_point": self.watch.name, "lat": self.watch.lat, "lon": self.watch.lon,
            "party": self.party, "as_of": self.as_of,
            "nearest": None if p is None else {"name": p.name, "geonameid": p.geonameid, "lat": p.lat,
                                                 "lon": p.lon, "admin1": p.admin1, "country": p.country},
            "status": self.status, "since": self.since,
            "distance_km": _round(self.distance_km), "previous_km": _round(self.previous_km),
            "window_days": self.watch.window_days, "km_per_day": _round(self.km_per_day),
            "thresholds": [{"km": t, "days": _round(self.days_to.get(t)),
                            "crossed": self.distance_km is not None and self.distance_km <= t}
                           for t in self.watch.thresholds_km],
            "alert_days": self.watch.alert_days, "warning": self.warning, "reasons": list(self.reasons),
        }

    def describe(self) -> str:
        """One line a duty officer reads."""
        if self.place is None:
            return f"{self.party}: holds no known place"
        line = (f"{self.party}: {self.place.name} ({self.status} since {self.since}), "
                f"{self.distance_km:.0f} km")
        if self.km_per_day is None:
            line += f"; no place held {self.watch.window_days} days earlier, no rate"
        elif self.km_per_day > 0:
            line += f", closing {self.km_per_day:.1f} km/day over {self.watch.window_days} days"
        else:
            line += f", not closing ({self.km_per_day:+.1f} km/day over {self.watch.window_days} days)"
        ahead = [f"{t:g} km in {d:.1f} days" for t, d in self.days_to.items() if d]
        if ahead:
            line += "; " + ", ".join(ahead)
        if self.reasons:
            line += "  WARNING: " + "; ".join(self.reasons)
        return line


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# -- watch points ---------------------------------------------------------------------------------------------

def _number(item: dict, key: str, source: str, where: str) -> float:
    value = item[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise BadInput(source, f"{where}: {key} must be a number, not {value!r}")
    return float(value)


def watch_point(item: Any, source: str = "watch points", index: int = 0) -> WatchPoint:
    """A watch point from its JSON form: {"name", "lat", "lon"} or {"name", "place"} (a gazetteer name)."""
    where = f"watch point {index + 1}"
    if not isinstance(item, dict):
        raise BadInput(source, f"{where}: expected an object, got {type(item).__name__}")
    name = item.get("name") or item.get("place")
    if not isinstance(name, str) or not name.strip():
        raise BadInput(source, f"{where}: needs a name")
    where = f"watch point {name!r}"
    if item.get("lat") is not None and item.get("lon") is not None:
        lat, lon = _number(item, "lat", source, where), _number(item, "lon", source, where)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise BadInput(source, f"{where}: lat/lon {lat}, {lon} out of range")
    else:
        place = _position_of(str(item.get("place") or name), item.get("country"))
        if place is None:
            raise BadInput(source, f"{where}: no lat/lon and no gazetteer place of that name")
        lat, lon = place.lat, place.lon
    hostile = item.get("hostile")
    if not isinstance(hostile, list) or not hostile or not all(isinstance(h, str) and h for h in hostile):
        raise BadInput(source, f"{where}: hostile must be a list of party names")
    thresholds = item.get("thresholds_km", list(DEFAULT_THRESHOLDS_KM))
    if (not isinstance(thresholds, list) or not thresholds
            or not all(isinstance(t, (int, float)) and not isinstance(t, bool) and t > 0 for t in thresholds)):
        raise BadInput(source, f"{where}: thresholds_km must be a list of positive numbers")
    alert_days = _number(item, "alert_days", source, where) if "alert_days" in item else DEFAULT_ALERT_DAYS
    window = item.get("window_days", DEFAULT_WINDOW_DAYS)
    if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 60:
        raise BadInput(source, f"{where}: window_days must be a whole number of days from 1 to 60")
    return WatchPoint(name=name.strip(), lat=lat, lon=lon, hostile=tuple(hostile),
                      thresholds_km=tuple(sorted(float(t) for t in thresholds)), alert_days=alert_days,
                      window_days=window)


def _position_of(name: str, country: str | None) -> Place | None:
    """The gazetteer place a watch point names; a province's name means its town, where one shares it."""
    from frontwatch.places import gazetteer
    from frontwatch.places.names import normalise

    g = gazetteer()
    place = g.lookup(name, country=country)
    if place is None or place.feature in ("city", "site"):
        return place
    towns = [e.place for e in g.entries(normalise(name))
             if e.place.feature in ("city", "site") and e.place.country == place.country
             and e.place.admin1 == place.admin1]
    return max(towns, key=lambda p: p.population) if towns else place


def load_watch_points(path: str | Path | None = None) -> list[WatchPoint]:
    """The watch points in a JSON file (a list of objects); the demo's when no file is given."""
    path = Path(path) if path else DEFAULT_WATCH_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(str(path), "no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BadInput(str(path), f"not a JSON file ({err})") from None
    except OSError as err:
        raise BadInput(str(path), f"cannot be read ({err.strerror})") from None
    if not isinstance(data, list):
        raise BadInput(str(path), "expected a JSON list of watch points")
    return [watch_point(item, str(path), i) for i, item in enumerate(data)]


# -- assessment -----------------------------------------------------------------------------------------------

def nearest_held(records: list[ControlRecord], watch: WatchPoint, party: str) -> tuple[ControlRecord, float] | None:
    """The place ``party`` holds (in any status) nearest to the watch point, and its distance."""
    best: tuple[ControlRecord, float] | None = None
    for r in records:
        if r.holder.casefold() != party.casefold():
            continue
        d = great_circle_km(watch.lat, watch.lon, r.place.lat, r.place.lon)
        if best is None or d < best[1]:
            best = (r, d)
    return best


def approach(now: list[ControlRecord], before: list[ControlRecord], watch: WatchPoint, party: str,
             as_of: str) -> Approach:
    """How near ``party`` is to ``watch`` given control now and ``window_days`` before."""
    found = Approach(watch=watch, party=party, as_of=as_of)
    nearest = nearest_held(now, watch, party)
    if nearest is None:
        return found
    record, distance = nearest
    found.place, found.status, found.since, found.distance_km = record.place, record.status, record.since, distance
    earlier = nearest_held(before, watch, party)
    if earlier is not None:
        found.previous_km = earlier[1]
        found.km_per_day = (earlier[1] - distance) / watch.window_days
    for t in watch.thresholds_km:
        if distance <= t:
            found.days_to[t] = 0.0
            found.reasons.append(f"within {t:g} km ({found.place.name}, {distance:.0f} km, {found.status})")
        elif found.km_per_day and found.km_per_day > 0:
            days = (distance - t) / found.km_per_day
            found.days_to[t] = days
            if days < watch.alert_days:
                found.reasons.append(f"{t:g} km projected in {days:.1f} days (under {watch.alert_days:g})")
        else:
            found.days_to[t] = None
    return found


def _days_before(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date) - dt.timedelta(days=days)).isoformat()


def assess(store: Store, watch_points: list[WatchPoint], as_of: str, known_at: str | None = None,
           control: Callable[[str], list[ControlRecord]] | None = None) -> list[Approach]:
    """Every watch point's approach by every party hostile to it, as of a date.

    ``control`` (date -> control records) lets a caller that already caches control supply it.
    """
    cache: dict[str, list[ControlRecord]] = {}

    def control_on(date: str) -> list[ControlRecord]:
        if control is not None:
            return control(date)
        if date not in cache:
            cache[date] = control_as_of(store, date, known_at=known_at)
        return cache[date]

    found = []
    for watch in watch_points:
        before = control_on(_days_before(as_of, watch.window_days))
        for party in watch.hostile:
            found.append(approach(control_on(as_of), before, watch, party, as_of))
    return found


def approach_series(store: Store, watch: WatchPoint, date_from: str, date_to: str, known_at: str | None = None,
                    control: Callable[[str], list[ControlRecord]] | None = None) -> list[Approach]:
    """The approach day by day (every hostile party) over a date range: the trend the map draws."""
    start, end = dt.date.fromisoformat(date_from), dt.date.fromisoformat(date_to)
    if end < start or (end - start).days > 366:
        raise ValueError(f"date range {date_from}..{date_to} must run forward and span at most a year")
    series = []
    day = start
    while day <= end:
        series.extend(assess(store, [watch], day.isoformat(), known_at=known_at, control=control))
        day += dt.timedelta(days=1)
    return series


# -- delivery -------------------------------------------------------------------------------------------------

def deliver(url: str, as_of: str, warnings: list[Approach]) -> int:
    """POST the raised warnings as JSON to a webhook; the HTTP status. FrontwatchError when it fails."""
    if not url.startswith(("http://", "https://")):
        raise FrontwatchError(f"--webhook {url!r}: only http:// and https:// URLs")
    body = json.dumps({"as_of": as_of, "warnings": [w.to_dict() for w in warnings]}).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "User-Agent": "frontwatch"})
    try:
        with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_S) as response:
            return response.status
    except urllib.error.HTTPError as err:
        raise FrontwatchError(f"webhook {url}: answered HTTP {err.code}") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise FrontwatchError(f"webhook {url}: cannot deliver ({reason})") from None


def run_warn(db: str | Path, as_of: str, watch_file: str | Path | None = None, fmt: str = "text",
             webhook: str | None = None, out: TextIO = sys.stdout, known_at: str | None = None) -> list[Approach]:
    """The `frontwatch warn` command: assess, print (text or json), deliver raised warnings to a webhook."""
    if fmt not in ("text", "json"):
        raise FrontwatchError(f"--format {fmt!r} is not one of text, json")
    watch_points = load_watch_points(watch_file)
    with Store.open(db, readonly=True) as store:
        found = assess(store, watch_points, as_of, known_at=known_at)
    if fmt == "json":
        out.write(json.dumps([a.to_dict() for a in found], ensure_ascii=False, indent=1) + "\n")
    else:
        for watch in watch_points:
            out.write(f"{watch.name} ({watch.lat:.3f}, {watch.lon:.3f}) as of {as_of}\n")
            for a in found:
                if a.watch is watch:
                    out.write(f"  {a.describe()}\n")
    raised = [a for a in found if a.warning]
    if webhook and raised:
        deliver(webhook, as_of, raised)
    return found
