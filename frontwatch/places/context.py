"""Towns the gazetteer lacks, placed near the place their context names (ACLED's geo-precision 2).

Wire copy names border crossings, villages and district seats that GeoNames' cities500 lacks, but it frames
them so that a reader knows they are places and where they lie: "the village of X", "X, a border town in Y
district", "the villages of X, Y and Z", "X and Y, two villages in Z", "X town" after a capture verb, "X (Muse
district)", "captured X in Sennar state" (after a word of place or taking), "X (Y)" with Y another name of a
known town (both spellings then get that one place). A name in such a frame
that resolved to nothing becomes a toponym whose place is ``Place(name=X as written, geonameid=None, lat/lon,
admin1 and country of its anchor, feature="city", population=0)``; the store keys it as "name|country", so
every report naming X in that country meets at one place.

The anchor, in this order: the frame's own ("in Muse district", "near Lashio", "north of Khartoum", "in
Sagaing's Tamu district", "(Tongomayel, Soum)"); else the nearest resolved town or district in the same
sentence; else the only province named in that sentence; else none, and the name stays unplaced (a wrong
place is worse than none). A country alone is no anchor: its middle is no place near a village. A neighbour
must lie in a country the report is about, and a small town of another country (often the gazetteer's
namesake of a place it lacks) serves only as the frame's own anchor.

Every other mention of X in the text gets the same place. A name the gazetteer resolved keeps its place; a
gazetteer match on part of a framed name ("Kyu" of "Kyu Koke") gives way to the whole name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from frontwatch.places.names import normalise
from frontwatch.places.recognise import given_names
from frontwatch.records import Place, Segment, Toponym

DATA = Path(__file__).resolve().parent / "data"
MAX_NAME_WORDS = 4
MAX_LISTED = 6  # names in one list of villages
SENTENCE_REACH = 600  # how far a sentence is looked for either side of a name
MAX_NAME_CHARS = 200  # no place name (or toponym) is longer: how far back an overlapping one may start
ANCHOR_CHARS = 80  # how far an anchor phrase reaches after its preposition
TRUSTED_POPULATION = 100_000  # a town this big anchors a frame in any country
WEAK_MATCH_POPULATION = 500_000  # a town below a great city, matched on part of a framed name, is a chance namesake

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
# One capitalised word of a name, with inner hyphens or apostrophes ("Pul-e-Alam", "Ma'arrat").
_WORD = rf"[{_UPPER}][^\W_]*(?:['’ʼ‘-][^\W_]+)*"
# The Arabic article glued to a later word of a name ("Wad al-Nura", "Deir ez-Zor").
_PARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ed|er|es|ez|ul)-"
_LATER_WORD = rf"(?:{_PARTICLE})?{_WORD}"
_NAME = re.compile(rf"{_WORD}(?: {_LATER_WORD}){{0,{MAX_NAME_WORDS - 1}}}")
_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?: {_LATER_WORD})*")
# Every capitalised word before a point, so that a name longer than a town's is seen whole.
_RUN_BEFORE = re.compile(rf"(?<![\w'’-]){_WORD}(?: {_LATER_WORD})*$")
_NOUNS = (r"(?:border\s+)?(?:town|village|city|township|hamlet|settlement|locality|commune|"
          r"district\s+(?:centre|center|capital|headquarters|seat)|border\s+(?:crossing|post))")
_PLURAL_NOUNS = r"(?:border\s+)?(?:towns|villages|cities|townships|hamlets|settlements|localities|communes)"
_DIRECTION = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
# What comes between a framed name (or its frame noun) and its anchor: "in", "near", "20 km north of".
_ANCHOR_INTRO = re.compile(
    rf"\s*,?\s*(?:(?:about|some|around|roughly|just|only)\s+)?"
    rf"(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+(?:\([^)]{{0,20}}\)\s+)?)?"
    rf"(?:{_DIRECTION}\s+of|in|near|outside|close\s+to|from|of|on\s+the\s+outskirts\s+of|"
    rf"on\s+the\s+(?:border|road|highway)\s+(?:with|to|between)|along)\s+(?:the\s+)?")
_ANCHOR_END = re.compile(r"[.;:()\n]|,\s| on | after | before | where | which | said")
# Up to three words that describe the town ("small border trade", "central Malian"): no preposition or article
# among them, so that "a lobbyist for the city of" is no frame; a capitalised one only as a people's adjective.
_MODIFIERS = (r"(?:(?!(?:a|an|the|of|for|to|in|on|at|by|with|from|and|or|but|who|whose|which|that|as|into)\s)"
              r"(?:[a-z][\w-]*|(?-i:[A-Z][a-z]+(?:ian|ean|an|ese|ish|ic|i)(?:-[a-z]+)?))\s+){0,3}?")
# "the (strategic) town of X", "the villages of X, Y and Z": found by " of " before a capital, then the words
# before it checked (scanning for the literal first is ten times faster than for the nouns)
_OF_NAME = re.compile(rf" of (?=[{_UPPER}])")
_TOWN_BEFORE_OF = re.compile(rf"\b(?:(?P<one>(?:[Tt]he|[Aa]n?)\s+{_MODIFIERS}{_NOUNS})|"
                             rf"(?:[Tt]he|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive)\s+{_MODIFIERS}{_PLURAL_NOUNS})$")
# "X, a (small border) town in Y": the name stands before the match; the noun must end the appositive or lead
# to its anchor, so that "a village elder" is no frame.
_APPOSITIVE = re.compile(
    rf",\s+(?:a|an|the)\s+{_MODIFIERS}{_NOUNS}(?=\s*(?:[,.;)]|$)|"
    rf"\s+(?:(?:in|near|outside|close|on|of|from|along|about|some|around|roughly|just|{_DIRECTION})\b|\d))")
# "X and Y, (two) (border) villages in Z"
_PLURAL_APPOSITIVE = re.compile(
    rf",\s+(?:(?:two|three|four|five|both|the)\s+)?{_MODIFIERS}{_PLURAL_NOUNS}(?=\s*(?:[,.;)]|$)|"
    rf"\s+(?:(?:in|near|outside|close|on|of|from|along|about|some|around|roughly|just|{_DIRECTION})\b|\d))")
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|,?\s+and\s+")
_LIST_SEPARATOR_BEFORE = re.compile(r"(?:,\s+(?:and\s+)?|,?\s+and\s+)$")
# "captured Kyu Koke town": the frame word after the name, only after a verb of taking or fighting.
_TAKEN = re.compile(
    r"\b(?:captured|seized|took|taken|taking|overran|overrun|entered|retook|retaken|recaptured|stormed|"
    r"attacked|shelled|bombed|surrounded|encircled|liberated|control\s+of|fall\s+of|fighting\s+(?:in|around|near)|"
    r"clashes\s+(?:in|around|near)|withdrew\s+from|pulled\s+out\s+of)\s+(?:the\s+)?$")
_TOWN_AFTER = re.compile(r" (?:town|village|township)(?=\s*[,.;]| (?:on|in|near|from|after|and|as|late|early)\b)")
# What says the name after it is where something happened: "in", "near", "shelled", "the town of".
_WHERE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|into|from|to|around|towards?|across|captured|seized|took|taken|overran|entered|"
    r"retook|recaptured|stormed|attacked|shelled|bombed|hit|struck|reached|surrounded|encircled|liberated)"
    rf"|{_NOUNS}\s+of)\s+(?:the\s+)?$")
# "X (Y)": found by the bracket, the name before it read back from there
_BRACKET = re.compile(rf" \(({_WORD}(?: {_WORD}){{0,2}})\)")
# A unit in brackets after a name says where it lies: "Kyu Koke (Muse district)", "(Sennar state)".
_BRACKETED_UNIT = re.compile(
    rf" \({_WORD}(?: {_LATER_WORD})? (?:district|township|state|province|region|governorate|county)\)")
# "recaptured Dinder in Sennar state", "fighting in Kyu Koke in Muse district": after a word of place or taking,
# a name followed by a unit named as one says where it lies.
_IN_UNIT = re.compile(
    rf" in (?:the\s+)?(?:(?:{_DIRECTION}|central)\s+)?{_WORD}(?: {_LATER_WORD})?(?:['’]s)? "
    rf"(?:district|township|state|province|region|governorate|county|prefecture|department)\b")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“(]?[" + _UPPER + r"0-9])|\n")
_LOCAL = ("city", "admin2", "site")
_REGION_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                           "southeastern", "southwestern", "middle", "upper", "lower", "coastal", "capital"})
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                         "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december", "today", "yesterday", "tonight"})


@lru_cache(maxsize=1)
def _not_place_words() -> frozenset[str]:
    lines = (DATA / "not_place_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@dataclass(frozen=True, slots=True)
class _Framed:
    """A name a frame says is a place, and where its own anchor phrase starts (-1: none)."""

    start: int
    end: int
    anchor_at: int = -1
    anchor_end: int = -1  # where a bracketed anchor phrase closes ("(Tongomayel, Soum)"); -1: as the text says
    known: Toponym | None = None  # "X (Y)": the other name, already resolved
    strong: bool = True  # a frame noun says it is a place, whatever NER made of the name


def _acceptable(name: str, strong: bool) -> bool:
    """A name that may be a town: it opens with no stop word or day, holds no acronym or institution word, and
    (in a weak frame) opens with no given name or title."""
    words = name.split()
    if not words or len(words[0]) < 2:
        return False
    first = words[0].lower()
    if first in STOP_WORDS or first in _TIME_WORDS:
        return False  # "the town of Many"; a later word may be one ("Kyauk Me")
    if len(words) == 1 and first in _REGION_WORDS:
        return False  # "Colombo (Western)": the province, named by its direction alone
    if not strong and first in given_names():
        return False  # "Ahmed Musa (Lashio)"; a frame noun says "Sheikh Maskin" is a town
    for w in words:
        low = w.lower()
        if low in _TIME_WORDS or low in _not_place_words():
            return False
        if w.isupper() and len(w) > 1:
            return False  # "MNDAA", "KYIV (Reuters)": acronyms and datelines
    return True


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """The name that starts at pos, unless a fifth capitalised word goes on (an organisation's long name)."""
    m = _NAME.match(text, pos)
    if not m or re.match(rf" (?:{_PARTICLE})?[{_UPPER}]|[ -][a-z]{{1,3}}-", text[m.end():m.end() + 6]):
        return None  # a fifth word, or a particle the name pattern does not know: not the whole name
    return m.start(), m.end()


def _name_before(text: str, pos: int) -> tuple[int, int] | None:
    """The name that ends at pos, less a sentence-opening word or a day ("On Tuesday Kyu Koke")."""
    m = _RUN_BEFORE.search(text, max(0, pos - 150), pos)
    if not m:
        return None
    words = list(re.finditer(r"\S+", m.group(0)))
    while words and (words[0].group(0).lower() in STOP_WORDS or words[0].group(0).lower() in _TIME_WORDS):
        words.pop(0)
    if not words or len(words) > MAX_NAME_WORDS:
        return None  # more capitalised words than a town's name has: an organisation's, a headline's
    return m.start() + words[0].start(), pos


def _names_listed_after(text: str, pos: int) -> list[tuple[int, int]]:
    """"X, Y and Z" from pos: the names of a list that "and" closes (none if it is no such list)."""
    spans: list[tuple[int, int]] = []
    closed = False
    while len(spans) < MAX_LISTED and not closed:
        span = _name_after(text, pos)
        if span is None:
            return []
        spans.append(span)
        sep = _LIST_SEPARATOR.match(text, span[1])
        if sep is None or not _NAME.match(text, sep.end()):
            break
        closed = "and" in sep.group(0)
        pos = sep.end()
    if closed and len(spans) < MAX_LISTED:
        last = _name_after(text, pos)
        spans = spans + [last] if last and last not in spans else spans
    return spans if len(spans) > 1 and closed else []


def _names_listed_before(text: str, pos: int) -> list[tuple[int, int]]:
    """"X, Y and Z" ending at pos: the names of a list that "and" closes (none if it is no such list)."""
    last = _name_before(text, pos)
    if last is None:
        return []
    spans = [last]
    closed = False
    while len(spans) < MAX_LISTED:
        sep = _LIST_SEPARATOR_BEFORE.search(text, max(0, spans[0][0] - 8), spans[0][0])
        if sep is None:
            break
        closed = closed or "and" in sep.group(0)
        span = _name_before(text, sep.start())
        if span is None:
            return []
        spans.insert(0, span)
    return spans if len(spans) > 1 and closed else []


def _anchor_after(text: str, pos: int) -> tuple[int, int]:
    """Where the anchor phrase after a framed name starts and, if bracketed, closes: "X (A, B)", "X near Y"."""
    if text.startswith(" (", pos):
        close = text.find(")", pos, pos + ANCHOR_CHARS)
        if close > 0:
            return pos + 2, close
    intro = _ANCHOR_INTRO.match(text, pos)
    return (intro.end(), -1) if intro else (-1, -1)


def _frames(text: str, toponyms: list[Toponym]) -> list[_Framed]:
    """Every name a frame says is a place, with where its anchor phrase starts."""
    out: list[_Framed] = []
    for m in _OF_NAME.finditer(text):
        frame = _TOWN_BEFORE_OF.search(text, max(0, m.start() - 80), m.start())
        if frame is None:
            continue
        one = frame.group("one") is not None
        spans = [span] if one and (span := _name_after(text, m.end())) else [] if one \
            else _names_listed_after(text, m.end())
        if spans:
            anchor = _anchor_after(text, spans[-1][1])
            out += [_Framed(*span, *anchor) for span in spans]
    for m in _APPOSITIVE.finditer(text):
        span = _name_before(text, m.start())
        if span:
            intro = _ANCHOR_INTRO.match(text, m.end())
            out.append(_Framed(*span, intro.end() if intro else -1))
    for m in _PLURAL_APPOSITIVE.finditer(text):
        spans = _names_listed_before(text, m.start())
        if spans:
            intro = _ANCHOR_INTRO.match(text, m.end())
            out += [_Framed(*span, intro.end() if intro else -1) for span in spans]
    for m in _TOWN_AFTER.finditer(text):
        span = _name_before(text, m.start())
        if span and _TAKEN.search(text, max(0, span[0] - 40), span[0]):
            out.append(_Framed(*span, strong=False))
    by_span = {(t.start, t.end): t for t in toponyms if t.place is not None}
    for m in _BRACKET.finditer(text):
        outer_span = _name_before(text, m.start())
        if outer_span is None or not _WHERE_BEFORE.search(text, max(0, outer_span[0] - 60), outer_span[0]):
            continue  # "the mayor of Red Deer (Tara Veer)": brackets after no place word may name anything
        outer, inner = outer_span, (m.start(1), m.end(1))
        for name, other in ((outer, inner), (inner, outer)):
            known = by_span.get(other)
            if known and known.place.feature in _LOCAL and not known.text.isupper() and name not in by_span:
                out.append(_Framed(*name, known=known, strong=False))  # two spellings of one town
    for m in _IN_UNIT.finditer(text):
        span = _name_before(text, m.start())
        if span and _WHERE_BEFORE.search(text, max(0, span[0] - 40), span[0]):
            out.append(_Framed(*span, anchor_at=m.start() + 4, strong=False))
    for m in _BRACKETED_UNIT.finditer(text):
        span = _name_before(text, m.start())
        if span:
            out.append(_Framed(*span, anchor_at=m.start() + 2, strong=False))
    return out


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The bounds of the sentence around pos, at most ``SENTENCE_REACH`` characters either side (text with no
    full stop, hostile or not, costs linear time)."""
    start = max(0, pos - SENTENCE_REACH)
    for m in _SENTENCE_BREAK.finditer(text, start, pos):
        start = m.end()
    nxt = _SENTENCE_BREAK.search(text, pos, pos + SENTENCE_REACH)
    return start, nxt.start() + 1 if nxt else min(len(text), pos + SENTENCE_REACH)


def _between(toponyms: list[Toponym], start: int, end: int) -> list[Toponym]:
    """The toponyms (sorted by start) lying within start..end, found by bisection."""
    i = bisect.bisect_left(toponyms, start, key=lambda t: t.start)
    out = []
    while i < len(toponyms) and toponyms[i].start < end:
        if toponyms[i].end <= end:
            out.append(toponyms[i])
        i += 1
    return out


def _rank(p: Place) -> int:
    return 0 if p.feature in _LOCAL else 1 if p.feature == "admin1" else 2


def _own_anchor(text: str, at: int, close: int, resolved: list[Toponym]) -> tuple[Place | None, str | None]:
    """The most local place named in the anchor phrase at ``at`` (closing at ``close`` if not -1), and the
    country the phrase names if that is all it names."""
    if close >= 0:
        stop = close
    else:
        end = _ANCHOR_END.search(text, at, at + ANCHOR_CHARS)
        stop = end.start() if end else min(len(text), at + ANCHOR_CHARS)
    inside = _between(resolved, at, stop)
    # "in Sagaing's Tamu district": the possessive names the wider unit
    inside = [t for t in inside if not re.match(r"['’]s\b", text[t.end:t.end + 2])] or inside
    places = [t.place for t in inside if t.place.feature != "country"]
    if places:
        return min(places, key=_rank), None  # min keeps the first of equal rank
    countries = [t.place.country for t in inside]
    return None, countries[0] if countries else None


def _anchor(text: str, framed: _Framed, resolved: list[Toponym], in_view: set[str]) -> Place | None:
    """The place a framed name lies near, by the rules in the module's docstring.

    A small town of a country the report is not about is a doubtful anchor (the gazetteer's namesake of a
    place it lacks): named as the frame's own it still serves, but never as a neighbour in the sentence."""
    if framed.known is not None:
        return framed.known.place if _trusted(framed.known.place, in_view) else None
    country = None
    if framed.anchor_at >= 0:
        place, country = _own_anchor(text, framed.anchor_at, framed.anchor_end, resolved)
        if place:
            return place if _trusted(place, in_view) else None
    s, e = _sentence(text, framed.start)
    here = [t for t in _between(resolved, s, e) if (country is None or t.place.country == country)
            and t.place.country in in_view and not (framed.start <= t.start and t.end <= framed.end)]
    local = [t for t in here if t.place.feature in _LOCAL]
    if local:
        nearest = min(local, key=lambda t: min(abs(t.start - framed.end), abs(framed.start - t.end)))
        return nearest.place
    units = {(t.place.country, t.place.admin1, t.place.name): t.place for t in here if t.place.feature == "admin1"}
    if len(units) == 1:
        return next(iter(units.values()))
    return None


def _trusted(place: Place, in_view: set[str]) -> bool:
    """An anchor in a country the report is about, or one of note: a unit, a city of 100,000."""
    return place.country in in_view or place.feature in ("admin1", "admin2") \
        or place.population >= TRUSTED_POPULATION


def _person(start: int, end: int, people: Sequence[tuple[int, int]], framed_as_place: bool) -> bool:
    """Whether NER's people veto a name: any overlap does, but where a frame or an earlier frame says the name
    is a town only a longer person's name does ("Ahmed Musa" holds "Musa"); small models often read an
    unfamiliar village's name as a person's ("Rebels captured Hpa Lu Gyi, a village in ...")."""
    if not framed_as_place:
        return any(s < end and start < e for s, e in people)
    return any(s <= start and end <= e and (e - s) > (end - start) for s, e in people)


def in_body(start: int, end: int, segments: Sequence[Segment] | None) -> bool:
    """Whether start..end lies inside a body segment (anywhere, when no segments are given)."""
    return segments is None or any(s.is_body and s.start <= start and end <= s.end for s in segments)


def _frames_over(frames: list[_Framed], start: int, end: int) -> list[_Framed]:
    """The framed names (sorted by start) that may hold start..end."""
    i = bisect.bisect_left(frames, start - MAX_NAME_CHARS, key=lambda f: f.start)
    out = []
    while i < len(frames) and frames[i].start <= start:
        if frames[i].end >= end:
            out.append(frames[i])
        i += 1
    return out


def _weak_part(t: Toponym, start: int, end: int) -> bool:
    """A small town matched on part of a longer framed name: a chance namesake of one of its words."""
    return start <= t.start and t.end <= end and (t.end - t.start) < (end - start) and t.place is not None \
        and t.place.geonameid is not None and t.place.feature == "city" and t.place.population < WEAK_MATCH_POPULATION


def place_by_context(text: str, toponyms: list[Toponym], segments: Sequence[Segment] | None = None,
                     people: Sequence[tuple[int, int]] = (), focus: str | None = None) -> list[Toponym]:
    """The toponyms with framed names the gazetteer lacks added (or filled in) and placed near their anchor.

    ``people`` are PERSON spans (start, end) that veto a name (see ``_person``); ``focus`` is the report's
    country (ISO2). Returns a new list in text order.
    """
    frames = _frames(text, toponyms)
    if not frames:
        return toponyms
    # a chance namesake of part of a framed name ("Kyu" of "Kyu Koke" read as Kew) anchors nothing
    frames.sort(key=lambda f: f.start)
    resolved = [t for t in toponyms if t.place is not None
                and not any(_weak_part(t, f.start, f.end) for f in _frames_over(frames, t.start, t.end))]
    # the countries the report is about: its focus (told by its places, less the chance namesakes), and those it
    # names as countries or provinces
    from frontwatch.places import country_focus  # the package's one focus rule; imported late, as it imports us

    in_view = {focus or country_focus(resolved, text)} | {t.place.country for t in resolved
                                                          if t.place.feature in ("country", "admin1")}
    placed: dict[str, Place] = {}
    for framed in frames:
        name = text[framed.start:framed.end]
        if not in_body(framed.start, framed.end, segments) or not _acceptable(name, framed.strong) \
                or _person(framed.start, framed.end, people, framed.strong):
            continue
        if any(t.start < framed.end and framed.start < t.end
               for t in _between(resolved, framed.start - MAX_NAME_CHARS, framed.end + MAX_NAME_CHARS)):
            continue  # the gazetteer knows it (or a longer name holds it): its place stays
        key = normalise(name)
        if not key or key in placed:
            continue
        anchor = _anchor(text, framed, resolved, in_view)
        if anchor is None:
            continue
        if framed.known is not None:
            placed[key] = anchor  # another spelling of a known place: the same place
        else:
            placed[key] = Place(name=name, geonameid=None, lat=anchor.lat, lon=anchor.lon, admin1=anchor.admin1,
                                country=anchor.country, feature="city", population=0)
    if not placed:
        return toponyms
    return _with_every_mention(text, toponyms, placed, segments, people)


def _with_every_mention(text: str, toponyms: list[Toponym], placed: dict[str, Place],
                        segments: Sequence[Segment] | None, people: Sequence[tuple[int, int]]) -> list[Toponym]:
    """Every mention of a placed name in the text, as a toponym of its place ("Kyu Koke fell" later on)."""
    out = sorted(toponyms, key=lambda t: t.start)
    for m in _RUN.finditer(text):
        # any run of capitalised words may hold the name: try its every sub-run
        words = list(re.finditer(_LATER_WORD, m.group(0)))
        i = 0
        while i < len(words):
            nxt = i + 1
            for j in range(min(len(words), i + MAX_NAME_WORDS) - 1, i - 1, -1):
                s, e = m.start() + words[i].start(), m.start() + words[j].end()
                place = placed.get(normalise(text[s:e]))
                if place is None or not in_body(s, e, segments) or _person(s, e, people, True):
                    continue
                first = bisect.bisect_left(out, s - MAX_NAME_CHARS, key=lambda t: t.start)
                last = bisect.bisect_left(out, e, key=lambda t: t.start)
                clash = [k for k in range(first, last) if s < out[k].end]
                if any(out[k].place is not None and not _weak_part(out[k], s, e) for k in clash):
                    break
                for k in reversed(clash):
                    del out[k]
                bisect.insort(out, Toponym(text[s:e], s, e, place), key=lambda t: t.start)
                nxt = j + 1
                break
            i = nxt
    return out
