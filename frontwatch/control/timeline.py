"""Events -> who holds each place since when: the pure computation behind ``control``.

Per place, evidence is read in date order. The first change claimed opens the place's history. A change to
another holder replaces the standing one only once it is confirmed, and only if more independent stories
confirm it than still confirm the standing holder; until then it, like a denial or the losing side still
fighting there, makes the standing change contested. So one party's claim never turns a place over on its
own; and a claim long before any confirmation, denied, or made while the defenders still fight does not date
the change ("since"), though a report written days later that names the day of the change does.
An unconfirmed change that nobody repeats lapses after a month. A claim the other side denies, with nothing
but claims for it, does not turn the place over: it stays with the side the claim would take it from, contested.
A report without any date cannot open or date a change on its own, but it can corroborate one: where the
dated reports show the place going to that holder in one episode only, the undated report counts as one more
story for it; and the year of that episode is the year of the days it names without one (``_dating_undated``).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from frontwatch.control.evidence import ASSERTION, CLAIM, CONFIRMATION, Evidence, read_evidence
from frontwatch.control.sides import SideOf, alliances, is_armed_group, side_of, unnamed_groups
from frontwatch.control.unnamed import name_the_unnamed
from frontwatch.records import ControlRecord, Place
from frontwatch.store import StoredEvent

# Fighting by the losing side at a place up to this many days after the change is confirmed: not settled yet.
FIGHTING_WINDOW_DAYS = 7
# Contradictory reporting: a confirmed challenge replaces the standing holder only if more independent stories
# confirm it than confirm the standing holder, up to this many days around the challenge.
CONTRADICTION_DAYS = 3
# A change nobody has confirmed, and nobody has repeated for this many days, lapses: it is no longer reported as
# the holder, and a later report of the same change opens a new one (with its own date).
LAPSE_DAYS = 30
# A report this many days before a change's confirmation may date it; earlier ones were premature.
CLAIM_LEAD_DAYS = 1
# Independent stories asserting a change (in the outlet's own voice) that make it held.
STORIES_TO_HOLD = 2

_ORDER = {"support": 0, "denial": 1, "fighting": 2}


@dataclass
class Change:
    """One change of holder at a place, with the evidence for and against it."""

    place: Place
    holder: str
    from_: str | None
    support: list[Evidence] = field(default_factory=list)
    contrary: list[Evidence] = field(default_factory=list)
    # kept as support arrives (in date order), so that long histories are read in one pass
    _confirmed: str | None = field(default=None, init=False, repr=False)
    _asserted: set[str] = field(default_factory=set, init=False, repr=False)

    def add(self, e: Evidence) -> None:
        """Add support, read in date order."""
        self.support.append(e)
        if self._confirmed is None:
            if e.grade == ASSERTION:
                self._asserted |= e.stories
            if e.grade == CONFIRMATION or len(self._asserted) >= STORIES_TO_HOLD:
                self._confirmed = e.date

    @property
    def first_claim(self) -> str | None:
        """The date the change was first seen, when that was a party's claim; else None."""
        first = self.support[0]
        return first.date if first.grade == CLAIM else None

    @property
    def confirmed(self) -> str | None:
        """The date the change was first confirmed (concession, named non-party, or enough stories)."""
        return self._confirmed

    @property
    def since(self) -> str:
        """The change's date: its earliest support not premature.

        A held change dates from its confirmation, or from a report at most CLAIM_LEAD_DAYS before it: a claim
        weeks ahead of any confirmation was premature. A report told in hindsight (days after the day it names,
        not a party's claim) may date it earlier: it was written once the outcome was known. A claim denied
        before any confirmation does not date the change, nor one made while the losing side was still reported
        fighting there (that same day included); the next support does. Reports dated to the day date it when
        there are any.
        """
        confirmed = self.confirmed
        earliest = _shift(confirmed, -CLAIM_LEAD_DAYS) if confirmed else ""
        timely = [e for e in self.support if e.date >= earliest or _in_hindsight(e)]
        dates = sorted(e.date for e in timely if e.precise) or sorted(e.date for e in timely)
        # (date, strict): a denial lets a support of the same day stand; fighting that day does not
        barriers = sorted((e.date, e.kind == "fighting") for e in self.contrary
                          if e.kind in ("denial", "fighting") and not (confirmed and e.date > confirmed))
        for day, strict in reversed(barriers):
            after = [d for d in dates if d > day or (d == day and not strict)]
            if after:
                return after[0]
        return dates[0]

    @property
    def lapses(self) -> str | None:
        """The day after which an unconfirmed change lapses; None for a confirmed one."""
        if self._confirmed is not None:
            return None
        return _shift(self.support[-1].date, LAPSE_DAYS)

    @property
    def status(self) -> str:
        confirmed = self.confirmed
        if confirmed is None:
            return "contested" if self.contrary else "claimed"
        last_confirmation = max(e.date for e in self.support if e.grade != CLAIM)
        return "contested" if any(e.date > last_confirmation for e in self.contrary) else "held"

    @property
    def sources(self) -> int:
        """Independent stories supporting the change (syndicated copies count once)."""
        return len(set().union(*(e.stories for e in self.support)))

    @property
    def confidence(self) -> float:
        n = self.sources
        status = self.status
        if status == "held":
            bonus = 0.05 if any(e.concession for e in self.support) else 0.0
            return min(0.95, 0.6 + 0.1 * min(n - 1, 3) + bonus)
        if status == "claimed":
            return min(0.45, 0.25 + 0.05 * n)
        against = len(set().union(*(e.stories for e in self.contrary)))
        return 0.6 * n / (n + against)

    @property
    def evidence(self) -> list[str]:
        """Event ids behind the change: support first, then what contradicts it."""
        ids = [e.event_id for e in sorted(self.support, key=lambda e: (e.date, e.event_id))]
        ids += [e.event_id for e in sorted(self.contrary, key=lambda e: (e.date, e.event_id))]
        return list(dict.fromkeys(ids))

    @property
    def disputed(self) -> bool:
        """A party's claim that the other side denies, with nothing but the claimant's word for it."""
        return self._confirmed is None and all(e.grade == CLAIM for e in self.support) \
            and any(e.kind == "denial" for e in self.contrary)

    @property
    def shown_holder(self) -> str:
        """Who holds the place as far as anyone but the claimant says: the side a disputed claim would take it
        from (the claimant's own account of who held it), else the change's holder."""
        return self.from_ if self.disputed and self.from_ else self.holder

    def record(self) -> ControlRecord:
        return ControlRecord(place=self.place, holder=self.shown_holder, since=self.since, status=self.status,
                             confidence=self.confidence, sources=self.sources, evidence=self.evidence)


@dataclass
class PlaceHistory:
    """Every change of holder at one place, in date order."""

    key: str
    place: Place
    changes: list[Change]

    def as_of(self, date: str) -> Change | None:
        """The change in force on ``date``: the last one dated on or before it that has not lapsed by then."""
        current = None
        for change in self.changes:
            lapses = change.lapses
            if change.since <= date and (lapses is None or date <= lapses):
                current = change
        return current


def timeline(events: Iterable[StoredEvent], *, side: SideOf = side_of) -> list[PlaceHistory]:
    """Per place, the changes of holder the events show, each with status, sources and evidence."""
    by_place: dict[str, list[Evidence]] = {}
    undated: list[Evidence] = []
    read = [e for e in (read_evidence(stored, side, undated=True) for stored in events) if e is not None]
    for evidence in name_the_unnamed(read, unnamed_groups(), is_armed_group, alliances()):
        if evidence.date:
            by_place.setdefault(evidence.key, []).append(evidence)
        else:
            undated.append(evidence)
    for e in _dating_undated(by_place, undated):
        by_place.setdefault(e.key, []).append(e)
    histories = []
    for key, items in by_place.items():
        items.sort(key=lambda e: (e.date, _ORDER[e.kind], e.event_id))
        changes = _changes(items)
        if changes:
            histories.append(PlaceHistory(key, changes[-1].place, changes))
    histories.sort(key=lambda h: (h.place.name.lower(), h.key))
    return histories


def _dating_undated(dated: dict[str, list[Evidence]], undated: list[Evidence]) -> list[Evidence]:
    """Undated support placed where the dated reports let it belong; what cannot be placed is left out.

    An undated report's change corroborates the one episode of dated support for the same holder at the place
    (every dated report of it within ``LAPSE_DAYS`` of the first): it counts from the episode's last dated
    report, since when in it the report appeared is unknown (so it never confirms a change earlier than the
    dated reports do), or from its own day when it names one without a year ("on September 10") that falls
    in the episode. Where the holder gained the place more than once it could belong to either, and is left
    out. A report placed so has a year; its other events that name a day without a year ("Russia captured
    the island on Feb. 24") take the latest such day on or before the episode's end, and count as dated.
    """
    placed: list[Evidence] = []
    report_end: dict[str, str] = {}
    waiting: list[Evidence] = []
    episodes: dict[tuple[str, str], list[str]] = {}  # (place, holder): the dates of its dated support
    for u in undated:
        if u.kind != "support":
            continue
        dates = episodes.get((u.key, u.side))
        if dates is None:
            dates = episodes[u.key, u.side] = sorted(e.date for e in dated.get(u.key, [])
                                                     if e.kind == "support" and e.side == u.side)
        if not dates or _days(dates[0], dates[-1]) > LAPSE_DAYS:
            waiting.append(u)
            continue
        if u.report:
            report_end[u.report] = max(report_end.get(u.report, ""), dates[-1])
        day = _day_in(u.day_without_year, _shift(dates[0], -LAPSE_DAYS), _shift(dates[-1], CLAIM_LEAD_DAYS))
        told = dates[-1]
        placed.append(replace(u, date=day, precise=True, told=told) if day
                      else replace(u, date=told, precise=False, told=told))
    still: list[Evidence] = []
    for u in waiting:
        # A day it names picks its episode where the holder gained the place more than once ("MALAKAL, March
        # 20 - Government troops entered ..."): the one year in which dated support of that holder lies near it.
        day = _episode_day(u.day_without_year, episodes.get((u.key, u.side)) or [])
        if day:
            placed.append(replace(u, date=day, precise=True, told=day))
            if u.report:
                report_end[u.report] = max(report_end.get(u.report, ""), day)
        else:
            still.append(u)
    for u in still:
        end = report_end.get(u.report or "")
        day = _day_in(u.day_without_year, _shift(end, -366), _shift(end, CLAIM_LEAD_DAYS)) if end else None
        if day:
            placed.append(replace(u, date=day, precise=True, told=end))
    return placed


def _episode_day(day_without_year: str | None, dates: list[str]) -> str | None:
    """The date with that month and day that some dated support (``dates``) lies within ``LAPSE_DAYS`` of,
    when exactly one year gives one; else None."""
    if not day_without_year or not dates:
        return None
    found = set()
    for year in range(int(dates[0][:4]) - 1, int(dates[-1][:4]) + 2):
        day = _day_in(day_without_year, f"{year}-01-01", f"{year}-12-31")
        if day and any(abs(_days(d, day)) <= LAPSE_DAYS for d in dates):
            found.add(day)
    return found.pop() if len(found) == 1 else None


def _day_in(day_without_year: str | None, first: str, last: str) -> str | None:
    """The latest date with that month and day between ``first`` and ``last`` (ISO dates), if any."""
    try:
        month, day = (int(x) for x in (day_without_year or "").split("-"))
    except ValueError:  # none, or not "MM-DD"
        return None
    for year in range(int(last[:4]), int(first[:4]) - 1, -1):
        try:
            candidate = dt.date(year, month, day).isoformat()
        except ValueError:  # 29 February in a common year
            continue
        if first <= candidate <= last:
            return candidate
    return None


def _changes(items: list[Evidence]) -> list[Change]:
    window = _Dated(items)
    changes: list[Change] = []
    current: Change | None = None
    challengers: dict[str, Change] = {}
    for e in items:
        if current is not None and current.lapses and e.date > current.lapses:
            current = _standing_before(changes, current)
            challengers.clear()
        if e.kind == "support":
            if current is None:
                current = Change(e.place, e.side, e.from_side)
                current.add(e)
                changes.append(current)
            elif e.side == current.holder:
                current.add(e)
            else:
                challenger = challengers.get(e.side)
                # A challenge that lapsed, or failed and went unheard of for a month, is over: a new one
                # starts from this report, not from the old one's first day.
                if challenger is None or (challenger.lapses and e.date > challenger.lapses) \
                        or _unheard_of(challenger, e.date):
                    challenger = challengers[e.side] = Change(e.place, e.side, current.holder)
                challenger.add(e)
                if (challenger.confirmed and e.grade != CLAIM and _outweighs(challenger, current, window, e.date)) \
                        or _unheard_of(current, e.date):
                    current = challenger
                    changes.append(current)
                    challengers.clear()
                else:
                    current.contrary.append(e)
        elif e.kind == "denial":
            if current is not None and e.side == current.holder:
                current.contrary.append(e)
            elif e.side in challengers:
                challengers[e.side].contrary.append(e)
        elif current is not None and _still_fighting(current, e):
            current.contrary.append(e)
    return changes


def _standing_before(changes: list[Change], lapsed: Change) -> Change | None:
    """The last confirmed change before a lapsed one: who holds the place again once a claim lapses."""
    earlier = changes[:changes.index(lapsed)]
    return next((c for c in reversed(earlier) if c.confirmed is not None), None)


class _Dated:
    """One place's evidence in date order, searchable by a range of dates."""

    def __init__(self, items: list[Evidence]):
        self.items = items
        self.dates = [e.date for e in items]

    def between(self, first: str, last: str) -> list[Evidence]:
        return self.items[bisect_left(self.dates, first):bisect_right(self.dates, last)]


def _outweighs(challenger: Change, standing: Change, window: _Dated, date: str) -> bool:
    """Whether more independent stories confirm the challenger than still confirm the standing holder, over
    the challenge's last month (from a few days before it began) to a few days after ``date``."""
    first = max(_shift(challenger.support[0].date, -CONTRADICTION_DAYS), _shift(date, -LAPSE_DAYS))
    # A story counts for the side it tells of last: "militants seized the town on Monday and pulled out
    # overnight" is one story of the town's return, not one for each holder.
    latest: dict[str, tuple[str, bool]] = {}  # story -> (date, whether that day's support is the challenger's)
    # what was told before the day ahead of the challenge ("taken on the 2nd", against "retaken on the 5th") says
    # nothing of it; the day before still may (one side's report a day ahead of the other's)
    began = _shift(challenger.support[0].date, -1)
    for e in window.between(first, _shift(date, CONTRADICTION_DAYS)):
        if e.kind != "support" or e.grade == CLAIM:
            continue
        if e.date < began:
            continue  # told before the challenge began, it neither gainsays it nor is part of it
        if e.side == standing.holder:
            ours = False
        elif e.side == challenger.holder and e.date <= date:
            ours = True
        else:
            continue
        for story in e.stories:
            if story not in latest or latest[story][0] <= e.date:
                latest[story] = (e.date, ours)
    theirs = sum(1 for _, challenging in latest.values() if challenging)
    return theirs > len(latest) - theirs


def _unheard_of(standing: Change, date: str) -> bool:
    """Whether nobody has reported the standing holder there for ``LAPSE_DAYS`` before ``date``: a new claim
    then stands on its own, as a claim, as it would at a place with no history (and lapses back to the
    standing holder unless confirmed)."""
    return _days(standing.support[-1].date, date) > LAPSE_DAYS


def _still_fighting(change: Change, e: Evidence) -> bool:
    """Whether ``e`` is the losing side fighting on at the place: before the change is confirmed, or soon after."""
    if e.side == change.holder or e.side != (change.from_ or e.side):
        return False
    confirmed = change.confirmed
    return confirmed is None or _days(confirmed, e.date) <= FIGHTING_WINDOW_DAYS


def _in_hindsight(e: Evidence) -> bool:
    """Whether ``e`` tells, in a report days later, of a change on a day it names ("On September 10, Russian
    troops left ..."): by then the outcome was known, so it dates the change however late the confirmation.
    A party's claim stays a claim however late it is retold."""
    return e.grade != CLAIM and e.precise and bool(e.told) and _days(e.date, e.told) > CLAIM_LEAD_DAYS


def _shift(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date[:10]) + dt.timedelta(days=days)).isoformat()


def _days(start: str, end: str) -> int:
    return (dt.date.fromisoformat(end[:10]) - dt.date.fromisoformat(start[:10])).days
