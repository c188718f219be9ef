"""Cleaning: mark the lines of a report that are not its body (headlines of other stories, captions, banners).

The text is never changed (every record points into it as read). ``clean`` splits it into line segments,
and marks each one ``is_body=False`` with a ``reason`` when it is boilerplate:

- a line that repeats the report's title -> ``title``;
- a line matched by a phrase rule of ``data/boilerplate.json`` (comments, "Read more", captions, bylines, banners,
  tweets, time stamps, tags) -> the rule's reason;
- a *title-like* line -> ``headline`` (or ``menu`` / ``story-list`` for runs of them). A line is title-like when
  it is short, does not end a sentence, does not start in lower case, and does not continue a paragraph: the
  line before it ended a sentence (or was itself not body) and the line after it does not go on in lower case.
  Inline related-article headlines, section subheads and page furniture all have this shape; a real one-sentence
  paragraph ends with a full stop and stays body, and so does a sentence cut off by the scraper (it holds
  words headlines leave out, such as "said" or "had", or ends on "of" or "the"). A Title Case line is a
  headline even where the scraped text around it runs on.

Scraped pages often hold a whole paragraph on one line with a related link glued to its end ("... denied.Also
Read - Other story title"); such a tail is split off as its own not-body segment.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from frontwatch.ingest.boilerplate import Rules, load_rules
from frontwatch.records import Article, Segment

# A headline is a handful of words; a longer unpunctuated line is a paragraph that lost its full stop.
MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 160
# Runs of lines this short are navigation menus rather than story titles.
MAX_MENU_WORDS = 3

_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*$")
# Lines ending so are lead-ins to what follows (a list, a quote), not titles.
_LEAD_IN_END = re.compile(r"[:;,\-\u2013\u2014(\[/]$")
_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")
# A sentence boundary inside a tail: end punctuation, then a space and a capital.
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+[\"'\u201c\u2018]?[A-Z]")


@dataclass(slots=True)
class _Piece:
    start: int
    end: int
    reason: str | None = None
    titlelike: bool = False
    title_case: bool = False


def clean(article: Article) -> Article:
    """Set ``article.segments`` from its text: one segment per line, boilerplate marked not-body (idempotent)."""
    article.segments = segment_text(article.text, title=article.title)
    return article


def segment_text(text: str, title: str | None = None, rules: Rules | None = None) -> list[Segment]:
    """The segments of ``text``: its non-blank lines (and split-off inline tails), each marked body or not."""
    rules = rules or load_rules()
    pieces: list[_Piece] = []
    for start, end in _line_spans(text):
        pieces.extend(_split_inline(text, start, end, rules))
    title_key = _key(title) if title else None
    for piece in pieces:
        if piece.reason:
            continue
        line = text[piece.start:piece.end]
        if title_key and _key(line) == title_key:
            piece.reason = "title"
            continue
        piece.reason = rules.line_reason(line)
        if not piece.reason:
            piece.title_case = _is_title_case(line, rules)
            piece.titlelike = piece.title_case or _looks_like_title(line, rules)
    _mark_headlines(text, pieces)
    return [Segment(p.start, p.end, p.reason is None, p.reason) for p in pieces]


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, trimmed of surrounding whitespace."""
    spans = []
    pos = 0
    for raw in text.split("\n"):
        line_end = pos + len(raw)
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            spans.append((start, start + len(stripped)))
        pos = line_end + 1
    return spans


def _split_inline(text: str, start: int, end: int, rules: Rules) -> list[_Piece]:
    """A line, with a related-link tail ("...said.Also Read - Title") split off as a not-body piece."""
    line = text[start:end]
    for rule in rules.inline:
        for m in rule.pattern.finditer(line):
            if m.start() == 0:
                continue  # a whole line of its own: the line rules decide
            before = line[:m.start()].rstrip()
            tail = line[m.end():]
            if not _SENTENCE_END.search(before) or not tail.strip():
                continue
            if len(_WORD.findall(tail)) > rule.max_words or _INNER_SENTENCE_END.search(tail):
                continue
            cut = start + len(before)
            return [_Piece(start, cut), _Piece(start + m.start(), end, reason=rule.reason)]
    return [_Piece(start, end)]


def _looks_like_title(line: str, rules: Rules) -> bool:
    """Short, unpunctuated at the end, not a lead-in, not starting in lower case: a headline's shape.

    A line in that shape that uses a running sentence's words ("said", "had") or ends on a word no headline
    ends on ("of", "the") is a sentence whose end was cut off, and stays body.
    """
    if len(line) > MAX_HEADLINE_CHARS or _SENTENCE_END.search(line) or _LEAD_IN_END.search(line):
        return False
    words = _WORD.findall(line)
    if not words or len(words) > MAX_HEADLINE_WORDS:
        return False
    first = next((ch for ch in line if ch.isalnum()), "")
    if first.islower():
        return False
    lowered = [w.lower() for w in words]
    if len(words) > MAX_MENU_WORDS and (rules.sentence_words.intersection(lowered)
                                        or lowered[-1] in rules.dangling_words):
        return False
    return True


def _mark_headlines(text: str, pieces: list[_Piece]) -> None:
    """Mark title-like lines that do not continue a paragraph; name runs of them as menus or story lists."""
    n = len(pieces)
    for i, piece in enumerate(pieces):
        if not piece.titlelike or piece.title_case:
            continue  # Title Case is a headline's mark even where scraped text around it runs on
        nxt = pieces[i + 1] if i + 1 < n else None
        if nxt is not None and _starts_lower(text[nxt.start:nxt.end]):
            piece.titlelike = False  # the paragraph goes on in the next line
            continue
        prev = pieces[i - 1] if i else None
        if prev is not None and prev.reason is None and not prev.titlelike:
            prev_line = text[prev.start:prev.end]
            if not _SENTENCE_END.search(prev_line) and not _LEAD_IN_END.search(prev_line):
                piece.titlelike = False  # the line before broke off mid-sentence: this one carries it on
    i = 0
    while i < n:
        if not pieces[i].titlelike:
            i += 1
            continue
        j = i
        while j < n and pieces[j].titlelike:
            j += 1
        run = pieces[i:j]
        if len(run) == 1:
            reason = "headline"
        elif all(len(_WORD.findall(text[p.start:p.end])) <= MAX_MENU_WORDS for p in run):
            reason = "menu"
        else:
            reason = "story-list"
        for p in run:
            p.reason = reason
        i = j


def _is_title_case(line: str, rules: Rules) -> bool:
    """"Putin Says Troops Will Leave the City": four or more capitalised words, the rest minor, no sentence end."""
    if len(line) > MAX_HEADLINE_CHARS or _SENTENCE_END.search(line) or _LEAD_IN_END.search(line):
        return False
    words = [w for w in _WORD.findall(line) if not w.isdigit()]
    if len(words) > MAX_HEADLINE_WORDS:
        return False
    major = [w for w in words if w.lower() not in rules.minor_words]
    return len(major) >= 4 and all(w[0].isupper() for w in major) and not all(w.isupper() for w in major)


def _starts_lower(line: str) -> bool:
    first = next((ch for ch in line if ch.isalnum()), "")
    return first.islower()


def _key(line: str) -> str:
    """A line's letters and digits, case-folded: the same title however it is punctuated or spaced."""
    norm = unicodedata.normalize("NFKC", line).casefold()
    return " ".join(_WORD.findall(norm))
