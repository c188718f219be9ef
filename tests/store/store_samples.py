"""Reports and events written for the store's tests (our own wire-style sentences)."""

from __future__ import annotations

import hashlib

from frontwatch.records import Actor, Article, Attribution, ControlChange, Event, Place

SOLEDAR = Place("Soledar", 704147, 48.6883, 38.0874, "Donetsk", "UA")
KHERSON = Place("Kherson", 706448, 46.6354, 32.6169, "Kherson", "UA")
KANDAHAR = Place("Kandahar", 1138336, 31.61, 65.71, "Kandahar", "AF")


def report(text: str, url: str | None, published: str = "2023-01-13", outlet: str | None = None) -> Article:
    return Article(text=text, url=url, published=published, title=text.split(".")[0], outlet=outlet)


def event(article: Article, sentence: str, place: Place | None, *, type: str = "ASSAULT", date: str = "2023-01-13",
          holder: str | None = None, actor: str = "Russia", modality: str = "asserted",
          attribution: list[Attribution] | None = None) -> Event:
    digest = hashlib.sha1(f"{article.url}|{sentence}|{type}".encode()).hexdigest()[:16]
    return Event(
        event_id=digest, article=article.ref(), type=type, mode=None, acled=None,
        control=ControlChange(holder, None) if holder else None, actor=Actor(actor, "state", None),
        target=None, place=place, date=date, date_precision="day", modality=modality,
        attribution=attribution or [], quantities={}, sentence=sentence,
        span=(article.text.find(sentence), article.text.find(sentence) + len(sentence)))


WIRE = ("KYIV, Jan 13 - Russian forces said on Friday they had taken the salt-mining town of Soledar after "
        "days of street fighting, a claim Ukrainian officials disputed. Artillery fire continued on the western "
        "edge of the town through the night, according to a regional official, and the road to the nearby city "
        "stayed closed to civilian traffic. Ukraine's military said its units were still holding positions.")
