"""Places: the offline gazetteer and geoparsing (text -> toponym records resolved to GeoNames places).

``geoparse(text)`` finds every place mention and resolves it; ``gazetteer()`` gives the loaded gazetteer;
``normalise(name)`` is the project's one place-name normaliser; ``country_focus`` says which country a report
is about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from frontwatch.places.gazetteer import Gazetteer, gazetteer
from frontwatch.places.names import normalise
from frontwatch.places.recognise import Mention, mentions
from frontwatch.places.resolve import focus_counts, resolve
from frontwatch.records import Segment, Toponym

__all__ = ["Gazetteer", "country_focus", "gazetteer", "geoparse", "normalise"]

# spaCy labels for names that are places; used for names the gazetteer lacks, and to veto people.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _in_body(m: tuple[int, int], segments: Sequence[Segment] | None) -> bool:
    return segments is None or any(s.is_body and s.start <= m[0] and m[1] <= s.end for s in segments)


def _vetoed(m: Mention, ents: Sequence[tuple[int, int, str]], text: str) -> bool:
    """A name inside a longer PERSON span is part of a person's name ("Ismail Khan")."""
    for s, e, label in ents:
        if label == "PERSON" and s <= m.start and m.end <= e and (e - s) > (m.end - m.start):
            return True
    return False


def geoparse(text: str, segments: list[Segment] | None = None, focus: str | None = None,
             ents: Sequence[tuple[int, int, str]] | None = None, demonyms: bool = False) -> list[Toponym]:
    """Every place mention in text (only inside body segments when given), resolved to a Place or None.

    ``focus`` is the report's country (ISO2) when the caller knows it; ``ents`` are named entities already
    found by spaCy as (start, end, label): they veto person names and add place names the gazetteer lacks
    (unresolved). ``demonyms`` also returns adjectives that name a country ("Russian" -> Russia) as
    toponyms, as some annotated corpora count them. Offsets are into ``text`` as given.
    """
    if not text:
        return []
    gaz = gazetteer()
    found = [m for m in mentions(text, gaz, demonyms=demonyms) if _in_body((m.start, m.end), segments)]
    if ents:
        found = [m for m in found if not _vetoed(m, ents, text)]
    places = resolve(text, found, gaz, focus)
    toponyms = [Toponym(text[m.start:m.end], m.start, m.end, p.place if p else None)
                for m, p in zip(found, places)]
    if ents:
        people = {(s, e) for s, e, label in ents if label == "PERSON"}
        report_country = focus or country_focus(toponyms)
        # A one-word name that NER reads as a person is a person unless it is a place of note or lies in the
        # report's country ("Obama", "Clark"; but "Farah" in a report on Afghanistan stays a place).
        toponyms = [t for t in toponyms if not ((t.start, t.end) in people and " " not in t.text and t.place
                                                and t.place.country != report_country
                                                and t.place.feature == "city" and t.place.population < 100_000)]
        for s, e, label in ents:
            if label in _PLACE_LABELS and _in_body((s, e), segments) \
                    and not any(t.start < e and s < t.end for t in toponyms):
                toponyms.append(Toponym(text[s:e], s, e, None))
        toponyms.sort(key=lambda t: t.start)
    return toponyms


def country_focus(toponyms: list[Toponym] | str) -> str | None:
    """The country (ISO2) a report is about: from its toponyms, or from its text."""
    if isinstance(toponyms, str):
        text = toponyms
        gaz = gazetteer()
        found = mentions(text, gaz)
        votes = focus_counts(text, found, [gaz.entries(m.key) for m in found], gaz)
        return votes.most_common(1)[0][0] if votes else None
    votes: Counter = Counter()
    for t in toponyms:
        if t.place and t.place.country:
            votes[t.place.country] += 2.0 if t.place.feature in ("country", "admin1") else 1.0
    return votes.most_common(1)[0][0] if votes else None
