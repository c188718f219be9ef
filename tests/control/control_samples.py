"""Control changes as reports state them, built by hand for the control tests (our own sentences)."""

from __future__ import annotations

import hashlib
import itertools

from frontwatch.records import Actor, Attribution, ControlChange, Event, Place
from frontwatch.store import StoredEvent

SOLEDAR = Place("Soledar", 704147, 48.6883, 38.0874, "Donetsk", "UA")
KHERSON = Place("Kherson", 706448, 46.6354, 32.6169, "Kherson", "UA")
LYMAN = Place("Lyman", 702972, 48.9889, 37.8023, "Donetsk", "UA")
KANDAHAR = Place("Kandahar", 1138336, 31.61, 65.71, "Kandahar", "AF")
FARAH = Place("Farah", 1142264, 32.37, 62.11, "Farah", "AF")

_counter = itertools.count()


def change(place: Place, date: str, holder: str | None, *, by: list[tuple[str, str]] = (),
           modality: str = "asserted", story: str | None = None, type: str = "ASSAULT", actor: str | None = None,
           loser: str | None = None, sentence: str = "", published: str | None = None) -> StoredEvent:
    """An event dated ``date`` at ``place`` giving it to ``holder`` (None: no control change), said ``by`` in a
    report of ``published`` (by default the same day)."""
    n = next(_counter)
    story = story or f"story-{n}"
    event = Event(
        event_id=hashlib.sha1(f"{n}|{place.name}|{date}|{holder}".encode()).hexdigest()[:16],
        article={"url": f"https://{story}.example/{n}", "published": published or date, "title": None,
                 "outlet": None},
        type=type, mode=None, acled=None,
        control=ControlChange(holder, loser) if holder else None,
        actor=Actor(actor or holder or "Russia", "state", None), target=None, place=place, date=date,
        date_precision="day", modality=modality, attribution=[Attribution(s, k) for s, k in by], quantities={},
        sentence=sentence or f"{holder} took {place.name}.", span=(0, 10))
    source = {"url": event.article["url"], "outlet": None, "published": published or date, "title": None,
              "ingested_at": f"{published or date}T12:00:00.000000Z", "story_id": story}
    return StoredEvent(event, [source], source["ingested_at"])


def claim(place: Place, date: str, holder: str, speaker: str | None = None, **kw) -> StoredEvent:
    """A party's own claim: "X said its forces had taken the town"."""
    return change(place, date, holder, by=[(speaker or holder, "belligerent")], modality="claimed", **kw)


def concession(place: Place, date: str, holder: str, loser: str, **kw) -> StoredEvent:
    """The losing side's own word that it left: "the general staff confirmed the withdrawal"."""
    return change(place, date, holder, by=[(loser, "belligerent")], loser=loser, type="RETREAT", **kw)
