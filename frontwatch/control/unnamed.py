"""Who "the rebels" are where a report names no armed group: the group the other reports of the time name there.

"Rebels seized the town" in a report that names no group is read as a gain of the registry's stand-in for an
unnamed armed group (``ActorRegistry.unnamed_groups``). Across reports the stand-in usually has a clear name:
in Idlib in December 2024, the other reports of those days name Hayat Tahrir al-Sham. So each stand-in is
given the non-state side that the control evidence of the same country names most within ``WINDOW_DAYS`` of
it: at its place first (another report naming who took that very town), then near it (``RADIUS_KM``: fronts
are local; the east's Kurdish-led forces do not name the coast's rebels), else in the whole country, when that
side clearly leads (``LEAD`` times the next, or alone).
Else it stays unnamed, a holder of its own ("unnamed armed group"), which still tells the user that the state
lost the place.

An alliance is named the same way, among its own members only: "the Three Brotherhood Alliance seized Laukkai"
is the MNDAA's gain when the reports of those days name the MNDAA around Laukkai, and stays the alliance's when
they do not single out one member.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping

import numpy as np

from frontwatch.control.evidence import Evidence
from frontwatch.places.distance import great_circle_km_to_many

WINDOW_DAYS = 10
RADIUS_KM = 150.0
AT_PLACE_KM = 5.0
LEAD = 2.0


def name_the_unnamed(evidence: list[Evidence], unnamed: frozenset[str],
                     is_armed_group: Callable[[str], bool],
                     alliances: Mapping[str, frozenset[str]] | None = None) -> list[Evidence]:
    """``evidence`` with each stand-in side (holder or loser) replaced by the named group the others point to:
    any armed group for an unnamed one, one of its members for an alliance (``alliances``: name -> members)."""
    among: dict[str, frozenset[str] | None] = {name: None for name in unnamed}
    among.update({name: members for name, members in (alliances or {}).items() if members})
    if not among or not any(e.side in among or e.from_side in among for e in evidence):
        return evidence
    named = _Named([e for e in evidence if e.place.country and e.side not in unnamed and is_armed_group(e.side)])
    out = []
    for e in evidence:
        side, from_side = e.side, e.from_side
        if side in among:
            side = named.nearby(e, among[side]) or side
        if from_side in among:
            from_side = named.nearby(e, among[from_side]) or from_side
        if (side, from_side) != (e.side, e.from_side):
            e = dataclasses.replace(e, side=side, from_side=from_side)
        out.append(e)
    return out


class _Named:
    """The evidence naming armed groups, by country and date, for the window around one item."""

    def __init__(self, items: list[Evidence]) -> None:
        self.sides = sorted({e.side for e in items})
        self.code = code = {side: i for i, side in enumerate(self.sides)}
        self.by_country: dict[str, tuple[list[str], np.ndarray, np.ndarray, np.ndarray]] = {}
        for country in {e.place.country or "" for e in items}:
            # undated items ("" sorts first) are near any date: the timeline dates them later
            rows = sorted((e for e in items if (e.place.country or "") == country), key=lambda e: e.date)
            self.by_country[country] = ([e.date[:10] for e in rows], np.array([e.place.lat for e in rows]),
                                        np.array([e.place.lon for e in rows]),
                                        np.array([code[e.side] for e in rows], dtype=np.int64))

    def nearby(self, e: Evidence, among: frozenset[str] | None = None) -> str | None:
        """The armed group (of ``among``, if given) named most around ``e``'s date at its place, else near it
        (fronts are local), else in its country, if one clearly leads."""
        if not e.place.country or e.place.country not in self.by_country:
            return None
        days, lats, lons, sides = self.by_country[e.place.country]
        undated = bisect_right(days, "")
        if e.date:
            day = dt.date.fromisoformat(e.date[:10])
            lo = bisect_left(days, (day - dt.timedelta(days=WINDOW_DAYS)).isoformat(), lo=undated)
            hi = bisect_right(days, (day + dt.timedelta(days=WINDOW_DAYS)).isoformat(), lo=undated)
            rows = np.r_[0:undated, lo:hi]
        else:
            rows = np.arange(len(days))
        if among is not None:
            rows = rows[np.isin(sides[rows], [self.code[s] for s in among if s in self.code])]
        km = great_circle_km_to_many(e.place.lat, e.place.lon, lats[rows], lons[rows])
        return self._leader(sides[rows][km <= AT_PLACE_KM]) or self._leader(sides[rows][km <= RADIUS_KM]) \
            or self._leader(sides[rows])

    def _leader(self, codes: np.ndarray) -> str | None:
        """The side named most often among ``codes`` when it clearly leads (``LEAD`` times the next, or alone)."""
        counts = np.bincount(codes, minlength=len(self.sides))
        if not counts.any():
            return None
        order = np.argsort(counts)[::-1]
        best, second = counts[order[0]], (counts[order[1]] if len(order) > 1 else 0)
        return self.sides[order[0]] if best >= LEAD * second else None
