"""Finding place names in text: gazetteer windows over capitalised words, with guards for common words and people."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from spacy.lang.en.stop_words import STOP_WORDS

from frontwatch.places.names import normalise

DATA = Path(__file__).resolve().parent / "data"
MAX_WORDS = 6  # "Bosnia and Herzegovina", "Hamid Karzai International Airport"
_WORD = re.compile(r"[^\W_]+")
# What may stand between two words of one name: spaces, hyphens, apostrophes ("Pul-e ‘Alam", "Qal'ah"), a dot
# after an initial ("U.S.", "St. Louis").
_JOIN = re.compile(r"^(?:[ \-'’‘ʼʻʿ`]|\. ?){1,3}$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”]|\n)\s*$")
_LOCATIVE = frozenset({"in", "at", "near", "outside", "from", "to", "into", "of"})


class Index(Protocol):
    """What recognition asks of the gazetteer (kept abstract so recognition does not import it)."""

    def has_key(self, key: str) -> bool: ...

    def demonym_key(self, key: str) -> str | None: ...

    def curated(self, key: str) -> bool: ...

    def notable(self, key: str) -> bool: ...

    def own_name(self, key: str) -> bool: ...

    def spelling_key(self, key: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names a gazetteer place."""

    start: int
    end: int
    key: str


@lru_cache(maxsize=1)
def _common_words() -> dict[str, str]:
    out = {}
    for line in (DATA / "common_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, when = line.split("\t")[:2]
            out[word.lower()] = when.strip()
    return out


@lru_cache(maxsize=1)
def _common_surnames() -> frozenset[str]:
    lines = (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names and titles that start a person's name."""
    lines = (DATA / "given_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def _connectors() -> frozenset[str]:
    """Lower-case words that may stand inside or at the end of a name ("Isle of Man", "Kabul airport")."""
    lines = (DATA / "name_connectors.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"([^\W_]+)\.?\s+$", text[max(0, start - 40):start])
    return m.group(1) if m else ""


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """Lower-case role words written before a person's name ("coach Ripley", "spokesman Mujahid")."""
    lines = (DATA / "person_roles.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# "Bryan Harman, 28,": a name with an age is a person's.
_AGED = re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)? ([A-Z][a-z][\w'’-]*),? (?:age )?\d{1,3},")
# "Nelson said" opening a sentence or clause, "..., said Nelson.": a one-word name that speaks is a person's.
_SPEAKS = re.compile(r"(?:^|(?<=[.;:!?\"“”] )|(?<=\n))([A-Z][a-z][\w'’-]*) (?:said|says|told|added|explained|"
                     r"noted|asked|wrote|testified)\b|\b(?:said|says|added|explained|noted|asked|comments|exclaims|"
                     r"states) ([A-Z][a-z][\w'’-]*)[.,;]")
_NAME_RUN = 2  # plain words of a name after its given name or title: "Dr. Caleb Chu"


def _surnames(text: str, words: list[tuple[int, int]], index: "Index") -> set[str]:
    """Words the report shows to be people's names: its uses of them elsewhere are people too.

    After a given name or title, through initials and further names ("Capt. Roy A. Nelson"); after a lower-case
    role word ("coach Ripley"); with an age ("Bryan Harman, 28,"); before or after "said", unless the word
    names a place of note ("Washington said" is the government).
    """
    names = given_names()
    roles = _roles()
    out = set()
    run = 0  # how many name words since the given name or title
    for (s1, e1), (s2, e2) in zip(words, words[1:]):
        w1, w2 = text[s1:e1], text[s2:e2]
        gap = text[e1:s2]
        joined = _capitalised(w2) and re.fullmatch(r"\.? ", gap) is not None
        starts = (_capitalised(w1) and w1.lower() in names) or (w1 in roles and gap == " ")
        # a name goes on over initials ("Roy A. Nelson") and one more plain word ("Dr. Caleb Chu")
        goes_on = 0 < run and (len(w1) == 1 or (gap == " " and run < _NAME_RUN))
        if joined and (starts or goes_on):
            out.add(w2)
            run += 1
        else:
            run = 0
    for m in _AGED.finditer(text):
        out.add(m.group(1))
    for m in _SPEAKS.finditer(text):
        word = m.group(1) or m.group(2)
        if word.lower() not in _common_words() and word.lower() not in STOP_WORDS \
                and not index.notable(normalise(word)):
            out.add(word)
    return out


# An apostrophe inside a word ("Jama'at", "Ta'ziyah"), not a possessive or a contraction.
_WORD_GOES_ON = re.compile(r"['’ʼ][a-rt-z]\w")
# A unit word after a name: the name is the unit's ("Southwest region", "Centre department").
_UNIT_NAMED = re.compile(r" (?:region|province|state|department|governorate)\b", re.I)
# The Arabic article glued to the name after it: "Ahrar al-Sham", "Jabhat al-Nusra".
_ARTICLE_BEFORE = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az"})
_DISEASE = re.compile(r" (?:virus|fever|disease|ebolavirus)\b", re.I)
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                         "central", "northeast", "northwest", "southeast", "southwest", "greater", "downtown",
                         "upper", "lower", "new", "old", "metropolitan", "historic", "suburban", "rural"})
# Days and months: "On Tuesday Farah and ... were taken" names no person "Tuesday Farah".
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                         "february", "march", "april", "june", "july", "august", "september", "october",
                         "november", "december", "today", "yesterday", "tonight"})
# Connector words that may end a name ("Kabul airport", "Snake Island").
_SITE_WORDS = frozenset({"airport", "airbase", "island", "islands", "valley", "river", "lake", "mountains",
                         "strait", "gulf", "sea", "bay", "plant", "steelworks"})


def _inside_longer_name(text: str, start: int, words: list[tuple[int, int]], i: int, index: Index,
                        lower_words: set[str]) -> bool:
    """A one-word match right after a capitalised word that is no place: part of a name ("Gordon Brown").

    A place before a capitalised word stays ("Cincinnati Bengals", "Kabul Bank": the place is named), and a
    capitalised word the report also writes in lower case is a headline's word ("Official Visits Georgia").
    """
    if i > 1 and text[words[i - 1][0]:words[i - 1][1]] in _ARTICLE_BEFORE \
            and text[words[i - 1][1]:start] in ("-", "‐") and text[words[i - 2][1]:words[i - 1][0]] == " ":
        i -= 1  # "Ahrar al-Sham": the word before the article decides
    if i > 0:
        ps, pe = words[i - 1]
        prev = text[ps:pe]
        if text[pe:words[i][0]] == " " and prev[:1].isupper() and not prev.isupper() \
                and prev.lower() not in STOP_WORDS and prev.lower() not in _DIRECTIONS \
                and prev.lower() not in _TIME_WORDS \
                and prev.lower() not in lower_words \
                and not _SENTENCE_END.search(text[max(0, ps - 3):ps]) and ps != 0 \
                and not index.has_key(normalise(prev)):
            return True
    return False


def _rejected(text: str, start: int, end: int, words: list[tuple[int, int]], i: int, n: int,
              lower_words: set[str], surnames: set[str], index: Index, key: str) -> bool:
    """Whether a gazetteer match is a common word or part of a person's name rather than a place."""
    surface = text[start:end]
    before = _previous_word(text, start)
    first = text[words[i][0]:words[i][1]].lower()
    if n > 1 and first in STOP_WORDS and (first != "the" or not text[words[i + 1][0]:words[i + 1][1]][:1].isupper()):
        return True  # "It is", "The city", "A New Jersey firm": a sentence opening, not "The Hague"
    when = _common_words().get(" ".join(surface.lower().split()))
    if when and _UNIT_NAMED.match(text, end):
        when = None  # "the Southwest region", "the Centre department": the word names the unit
    if when == "never" or (when == "weak" and before.lower() not in _LOCATIVE):
        return True
    if when == "weak" and before == "of" and re.search(r"[A-Z][a-z]+ of\s+$", text[max(0, start - 30):start]):
        return True  # "Chamber of Commerce", "Department of Commerce": the word is the institution's
    if n == 1:
        if surface.lower() in STOP_WORDS and not surface.isupper():
            return True  # "In", "Of", "Will" opening a sentence or a headline word
        if len(key) <= 2 and not index.curated(key) and not index.notable(key):
            return True  # "Al" of "Al-Shabaab", "Ae": a hamlet's two letters are more often something else
        if _WORD_GOES_ON.match(text, end):
            return True  # "Jama'at": the name is part of a longer word
        sentence_start = bool(_SENTENCE_END.search(text[max(0, start - 3):start])) or start == 0
        # A capitalised word at the start of a sentence that the report also writes in lower case is a word.
        if sentence_start and surface.istitle() and surface.lower() in lower_words:
            return True
        if surface.isupper() and len(surface) <= 4 and not index.curated(key):
            return True  # acronyms: "IS", "AP", "IT"; "US", "DRC", "NSW" are in the data files
        if surface in surnames and not (before.lower() in _LOCATIVE and re.match(r",\s+[A-Z]", text[end:end + 3])):
            return True  # "Obama said", once the report has written "Barack Obama"
        if surface.lower() in _common_surnames() and before.lower() not in _LOCATIVE \
                and not re.match(r",\s+[A-Z]", text[end:end + 3]) and not index.notable(key):
            return True  # "Brown said", "Taylor, 34,": people, unless "in Taylor" or "Taylor, Texas"
        if _inside_longer_name(text, start, words, i, index, lower_words):
            return True
        if before in ("St", "Saint") and text[end:end + 2] in ("'s", "’s"):
            return True  # "St. Patrick's Day", "St. Mary's": a saint's day or church, not the place
        if text[end:end + 2] in ("'t", "’t"):
            return True  # "Don't", "Won't": a contraction
        if _DISEASE.match(text, end):
            return True  # "Marburg virus", "Lassa fever": the disease named after the place
    if before.lower() in given_names() and _capitalised(before):
        return True  # "Ismail Khan", "Ned Price", "President Lincoln"
    if n == 1 and surface.lower() in given_names() and i + 1 < len(words):
        ns, ne = words[i + 1]
        if ns - end <= 1 and text[end:ns] == " " and _capitalised(text[ns:ne]):
            return True  # "Jackson Smith": a given name before a capitalised word
    return False


def mentions(text: str, index: Index, demonyms: bool = False) -> list[Mention]:
    """Every stretch of text that names a gazetteer place, longest first, never overlapping, in text order.

    A name starts with a capital letter in the original text, so that "nice", "mobile" or "march" in lower
    case never become places, and goes on over capitalised words and connectors ("of", "airport");
    capitalised common words and person names are then filtered out. With ``demonyms``, "Russian" or
    "Afghans" is a mention of its country (its key is then the demonym key the gazetteer resolves).
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    lower_words = {text[s:e] for s, e in words if text[s].islower()}
    surnames = _surnames(text, words, index)
    connectors = _connectors()
    found: list[Mention] = []
    i = 0
    while i < len(words):
        s0, e0 = words[i]
        if not text[s0].isupper():
            i += 1
            continue
        # the longest window of joined words first
        last = i
        while last + 1 < len(words) and last - i + 1 < MAX_WORDS \
                and _JOIN.match(text[words[last][1]:words[last + 1][0]]):
            nxt = text[words[last + 1][0]:words[last + 1][1]]
            if not (nxt[:1].isupper() or nxt in connectors):
                break
            last += 1
        hit = None
        consumed = None
        for j in range(last, i - 1, -1):
            end = words[j][1]
            if j > i and text[words[j][0]:end] in connectors and text[words[j][0]:end] not in _SITE_WORDS:
                continue  # "Athens on": a name does not end on "on", "of" or "the"
            key = normalise(text[s0:end])
            demonym = index.demonym_key(key)
            if demonym:
                if demonyms:
                    hit = Mention(s0, end, demonym)
                else:
                    consumed = end  # "Sri Lankan" is not the place "Sri"
                break
            if text[end:end + 1] == "." and index.has_key(key + "."):
                key, end = key + ".", end + 1  # "Kan.", "W.Va.": abbreviations only with their dot
            elif not index.has_key(key):
                key = index.spelling_key(key)  # "Hodeidah" for GeoNames' "Hodeida"
                if key is None:
                    continue
            if not (index.own_name(key) or index.notable(key) or index.curated(key)):
                if j > i:
                    consumed = end  # its parts are no places either ("White House" is not "House")
                break  # only a former or foreign name of some small place ("White House", "Desk")
            if not _rejected(text, s0, end, words, i, j - i + 1, lower_words, surnames, index, key):
                if text[end:end + 1] == "." and "." in text[s0:end]:
                    end += 1  # "U.S." keeps its last dot
                hit = Mention(s0, end, key)
            break
        if hit:
            found.append(hit)
        stop = hit.end if hit else consumed
        if stop:
            i = next((k for k in range(i, len(words)) if words[k][0] >= stop), len(words))
        else:
            i += 1
    return found
