"""Places: the offline gazetteer and geoparsing (text -> toponym records resolved to GeoNames places).

``geoparse(text)`` finds every place mention and resolves it; ``gazetteer()`` gives the loaded gazetteer;
``normalise(name)`` is the project's one place-name normaliser; ``country_focus`` says which country a report
is about.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

from frontwatch.places.context import in_body, place_by_context
from frontwatch.places.distance import great_circle_km
from frontwatch.places.gazetteer import Gazetteer, gazetteer
from frontwatch.places.names import normalise
from frontwatch.places.recognise import Mention, mentions
from frontwatch.places.resolve import focus_counts, place_demonym_votes, resolve
from frontwatch.records import Segment, Toponym

__all__ = ["Gazetteer", "country_focus", "gazetteer", "geoparse", "normalise"]

# spaCy labels for names that are places; used for names the gazetteer lacks, and to veto people.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (sorted, non-overlapping among themselves) that overlap start..end."""
    i = bisect.bisect_left(spans, (start, start))
    out = [spans[i - 1]] if i > 0 and spans[i - 1][1] > start else []
    while i < len(spans) and spans[i][0] < end:
        out.append(spans[i])
        i += 1
    return out


def _vetoed(m: Mention, people: list[tuple[int, int]]) -> bool:
    """A name inside a longer PERSON span is part of a person's name ("Ismail Khan")."""
    return any(s <= m.start and m.end <= e and (e - s) > (m.end - m.start)
               for s, e in _overlaps(people, m.start, m.end))


STRANGERS_KM = 500.0


def _small_town(t: Toponym) -> bool:
    return t.place is not None and t.place.feature == "city" and t.place.population < 100_000


def _without_strangers_side_by_side(text: str, toponyms: list[Toponym]) -> list[Toponym]:
    """Drop two small towns of two countries named side by side, far apart and neither in the report's
    country: one name of something else ("Boko Haram" is no village in Congo beside one in Norway)."""
    drop: set[int] = set()
    for k in range(len(toponyms) - 1):
        a, b = toponyms[k], toponyms[k + 1]
        if text[a.end:b.start] == " " and " " not in a.text and " " not in b.text \
                and _small_town(a) and _small_town(b) and a.place.country != b.place.country \
                and great_circle_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) > STRANGERS_KM \
                and country_focus(toponyms[:k] + toponyms[k + 2:]) not in (a.place.country, b.place.country):
            drop.update((k, k + 1))  # the report's own country, told by its other places, would keep them
    return [t for k, t in enumerate(toponyms) if k not in drop]


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
    found = [m for m in mentions(text, gaz, demonyms=demonyms) if in_body(m.start, m.end, segments)]
    people = sorted((s, e) for s, e, label in ents or () if label == "PERSON")
    if people:
        found = [m for m in found if not _vetoed(m, people)]
    places = resolve(text, found, gaz, focus)
    toponyms = _without_strangers_side_by_side(
        text, [Toponym(text[m.start:m.end], m.start, m.end, p.place if p else None) for m, p in zip(found, places)])
    if ents:
        exact_people = set(people)
        report_country = focus or country_focus(toponyms, text)
        # A one-word name that NER reads as a person is a person unless it is a place of note or lies in the
        # report's country ("Obama", "Clark"; but "Farah" in a report on Afghanistan stays a place).
        toponyms = [t for t in toponyms if not ((t.start, t.end) in exact_people and " " not in t.text and t.place
                                                and t.place.country != report_country
                                                and t.place.feature == "city" and t.place.population < 100_000)]
        found_spans = [(t.start, t.end) for t in toponyms]
        for s, e, label in ents:
            if label in _PLACE_LABELS and in_body(s, e, segments) and not _overlaps(found_spans, s, e):
                toponyms.append(Toponym(text[s:e], s, e, None))
        toponyms.sort(key=lambda t: t.start)
    # towns the gazetteer lacks, placed near the place their frame names ("X, a village in Y district")
    return place_by_context(text, toponyms, segments, people, focus)


def country_focus(toponyms: list[Toponym] | str, text: str | None = None) -> str | None:
    """The country (ISO2) a report is about: from its toponyms, or from its text; with ``text`` beside the
    toponyms, a people's adjective on a word of place ("the central Malian town of") votes as a country name."""
    if isinstance(toponyms, str):
        text = toponyms
        gaz = gazetteer()
        found = mentions(text, gaz)
        votes = focus_counts(text, found, [gaz.entries(m.key) for m in found], gaz)
        return votes.most_common(1)[0][0] if votes else None
    votes: Counter = place_demonym_votes(text, gazetteer()) if text else Counter()
    for t in toponyms:
        if t.place and t.place.country:
            votes[t.place.country] += 2.0 if t.place.feature in ("country", "admin1") else 1.0
    return votes.most_common(1)[0][0] if votes else None
