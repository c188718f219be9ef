"""Who "the rebels" are where a report names no armed group: the group the other reports of the time name there.

"Rebels seized the town" in a report that names no group is read as a gain of the registry's stand-in for an
unnamed armed group (``ActorRegistry.unnamed_groups``). Across reports the stand-in usually has a clear name:
in Idlib in December 2024, the other reports of those days name Hayat Tahrir al-Sham. So each stand-in is
given the non-state side that the control evidence of the same country names most within ``WINDOW_DAYS`` of
it, near its place first (``RADIUS_KM``: fronts are local; the east's Kurdish-led forces do not name the
coast's rebels), else in the whole country, when that side clearly leads (``LEAD`` times the next, or alone);
else it stays unnamed, a holder of its own
("unnamed armed group"), which still tells the user the state lost the place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable

from frontwatch.control.evidence import Evidence
from frontwatch.places.distance import great_circle_km

WINDOW_DAYS = 10
RADIUS_KM = 150.0
LEAD = 2.0


def name_the_unnamed(evidence: list[Evidence], unnamed: frozenset[str],
                     is_armed_group: Callable[[str], bool]) -> list[Evidence]:
    """``evidence`` with each stand-in side (holder or loser) replaced by the named group the others point to."""
    if not unnamed or not any(e.side in unnamed or e.from_side in unnamed for e in evidence):
        return evidence
    named = [e for e in evidence if e.place.country and e.side not in unnamed and is_armed_group(e.side)]
    out = []
    for e in evidence:
        if e.side in unnamed or e.from_side in unnamed:
            name = _named_nearby(e, named)
            if name is not None:
                e = dataclasses.replace(e, side=name if e.side in unnamed else e.side,
                                        from_side=name if e.from_side in unnamed else e.from_side)
        out.append(e)
    return out


def _named_nearby(e: Evidence, named: list[Evidence]) -> str | None:
    """The armed group named most around ``e``'s date near its place (fronts are local), else in its country,
    if one clearly leads."""
    if not e.place.country:
        return None
    at_the_time = [n for n in named if n.place.country == e.place.country and _near(e.date, n.date)]
    nearby = [n for n in at_the_time
              if great_circle_km(e.place.lat, e.place.lon, n.place.lat, n.place.lon) <= RADIUS_KM]
    return _leader(nearby) or _leader(at_the_time)


def _leader(named: list[Evidence]) -> str | None:
    counts = Counter(n.side for n in named)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= LEAD * ranked[1][1]:
        return ranked[0][0]
    return None


def _near(a: str, b: str) -> bool:
    """Within the window; an undated item (date "") is near anything, the timeline dates it later."""
    if not a or not b:
        return True
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days) <= WINDOW_DAYS
