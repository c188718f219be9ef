"""Hand-built events for the export tests (the sentences are written for these tests)."""

from __future__ import annotations

from frontwatch.records import Actor, Attribution, ControlChange, Event, Place

LASHKAR_GAH = Place("Lashkar Gah", 1134720, 31.59382, 64.37161, "Helmand", "AF", "city")


def claim_of_lashkar_gah(**changes) -> Event:
    """The Taliban's claim to have taken Lashkar Gah, as the extractor would record it."""
    fields = dict(
        event_id="lashkar-gah-claim", article={"url": "https://desk.example/lg", "published": "2021-08-13",
                                               "title": "Lashkar Gah", "outlet": "Desk"},
        type="ASSAULT", mode="seize", acled="Non-state actor overtakes territory",
        control=ControlChange("Taliban", "Afghan government"), actor=Actor("Taliban", "rebel", "AF"),
        target=Actor("Afghan government", "state", "AF"), place=LASHKAR_GAH, date="2021-08-13",
        date_precision="day", modality="claimed", attribution=[Attribution("Taliban", "belligerent")],
        quantities={}, sentence="A spokesman for the insurgents said their fighters now held Lashkar Gah.",
        span=(120, 195))
    fields.update(changes)
    return Event(**fields)
