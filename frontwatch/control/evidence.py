"""What one stored event says about control at its place: support for a holder, a denial, or fighting."""

from __future__ import annotations

from dataclasses import dataclass

from frontwatch.control.sides import STATE_VOICES, SideOf, state_side
from frontwatch.records import Event, Place
from frontwatch.store import StoredEvent, place_key

# Modalities that report no change: something that did not happen, may happen or is supposed.
NOT_A_CHANGE = ("planned", "forecast", "hypothetical")

# How a report supports a change: the gaining party's own claim; a confirmation (the losing side concedes,
# or a named non-party source says so); a plain assertion in the outlet's own voice.
CLAIM, CONFIRMATION, ASSERTION = "claim", "confirmation", "assertion"

# Background such as "the insurgents briefly held the city in 2015" cannot date a change to the day; and a
# whole country is not a place one side takes from another in a report ("Russia's war in Ukraine").
COARSE_PRECISIONS = ("month", "year")


@dataclass(frozen=True)
class Evidence:
    """One event read for control: ``kind`` is "support", "denial" or "fighting"."""

    kind: str
    key: str
    place: Place
    date: str
    event_id: str
    stories: frozenset[str]
    side: str  # support/denial: the holder it concerns; fighting: the side that fights
    from_side: str | None = None  # support: the side said to lose the place
    grade: str | None = None  # support: CLAIM, CONFIRMATION or ASSERTION
    concession: bool = False  # support confirmed by the losing side itself
    precise: bool = True  # dated to the day (a "last week" report supports a change but does not date it)
    report: str | None = None  # the report it was read from (its URL), to date an undated report's events together
    day_without_year: str | None = None  # undated report: "09-10" for "On September 10", year unknown
    told: str | None = None  # the day the report appeared, when known


def read_evidence(stored: StoredEvent, side: SideOf, *, undated: bool = False) -> Evidence | None:
    """What ``stored`` says about control, or None when it says nothing usable (undated, unplaced, ...).

    With ``undated``, an event without a date is read too, dated "" (the timeline decides where it belongs)."""
    event = stored.event
    key = place_key(event.place)
    if key is None or (not event.date and not undated) or event.modality in NOT_A_CHANGE:
        return None
    if event.date_precision in COARSE_PRECISIONS or event.place.feature == "country":
        return None
    stories = frozenset(stored.stories()) or frozenset({event.event_id})
    common = dict(key=key, place=event.place, date=event.date or "", event_id=event.event_id, stories=stories,
                  precise=event.date_precision in (None, "day"), report=event.article.get("url"),
                  day_without_year=event.day_without_year, told=(event.article.get("published") or "")[:10] or None)
    if event.control is None:
        if event.type == "ASSAULT" and event.actor and event.modality != "denied":
            return Evidence(kind="fighting", side=_party(event.actor.name, side), **common)
        return None
    holder = _party(event.control.holder, side)
    if not holder:
        return None
    if event.modality == "denied":
        return Evidence(kind="denial", side=holder, **common)
    loser = _losing_side(event, holder, side)
    grade, concession = _grade(event, holder, loser, side)
    return Evidence(kind="support", side=holder, from_side=loser, grade=grade, concession=concession, **common)


def _party(name: str, side: SideOf) -> str:
    """The side of a named actor; a name the registry lacks stands for itself."""
    return side(name) or name.strip()


def _losing_side(event: Event, holder: str, side: SideOf) -> str | None:
    for name in (event.control.from_ if event.control else None, event.target.name if event.target else None):
        if name:
            loser = _party(name, side)
            if loser and loser != holder:
                return loser
    return None


def _speaker(source: str, kind: str, holder: str, loser: str | None, side: SideOf) -> str:
    known = side(source)
    if known:
        return known
    if kind in STATE_VOICES and loser:
        return state_side(holder, loser) or source
    return source


def _grade(event: Event, holder: str, loser: str | None, side: SideOf) -> tuple[str, bool]:
    """Whose word the change rests on; and whether the losing side concedes it."""
    speakers = [(_speaker(a.source, a.kind, holder, loser, side), a.kind) for a in event.attribution]
    if loser and any(s == loser for s, _ in speakers):
        return CONFIRMATION, True
    # A medium passing a claim on ("according to Reuters") vouches for nothing.
    independent = [s for s, kind in speakers if s != holder and kind not in ("belligerent", "media")]
    if event.modality == "claimed" or any(s == holder or kind == "belligerent" for s, kind in speakers):
        return (CONFIRMATION, False) if independent else (CLAIM, False)
    if independent:
        return CONFIRMATION, False
    return ASSERTION, False
