"""Credits and datelines: where a report names an outlet or its filing city, which are not places of events."""

from __future__ import annotations

import re
from functools import lru_cache

from frontwatch.reading.attribution import media_names
from frontwatch.records import Article, Segment, Toponym

# A medium credited by name: "told Kabul Wire", "(Kyiv Post)" after a dateline; a name of two words or more.
_CREDIT = re.compile(r"(?:\btold\s+|^[A-Z][A-Z .,'-]*\s*\()((?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4})",
                     re.MULTILINE)
# A photo or wire credit closing a line: "... in the Zaporizhzhia region (Portal)", "(Reuters Photo)".
_CAPTION_CREDIT = re.compile(r"\(([A-Z][\w'’.&-]*(?:\s+[\w'’.&/-]+){0,4})\)[ \t.]*$", re.MULTILINE)
_DATELINE = re.compile(r"\s*(?:,\s*[A-Za-z .]{2,30})?(?:\s*\([^)\n]{1,40}\))?\s*(?::|—|–|-{1,2})\s")


def credit_spans(article: Article) -> list[tuple[int, int]]:
    """Where the text credits an outlet, not a place: its own outlet's name, "told Kabul Wire", "(Kyiv Post)"."""
    text = article.text
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(article.outlet), text)] if article.outlet else []
    # A full stop closing the sentence is not part of the name ("told Evening Bulletin.").
    spans += [(m.start(1), m.end(1) - m.group(1).endswith(".")) for m in _CREDIT.finditer(text)]
    spans += [m.span(1) for m in _CAPTION_CREDIT.finditer(text)]
    spans += [m.span() for m in _media_names().finditer(text)]
    return spans


@lru_cache(maxsize=1)
def _media_names() -> re.Pattern[str]:
    """Known outlets named anywhere ("the Kyiv Independent's sources"): a place in such a name is none."""
    names = sorted(media_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def dateline_starts(text: str, toponyms: list[Toponym], body: list[Segment]) -> set[int]:
    """Where a body paragraph opens on a capitalised filing city ("KANDAHAR (Reuters) -"): the dateline's place."""
    return {t.start for t in toponyms
            if any(t.start == seg.start for seg in body) and _DATELINE.match(text, t.end) and text[t.start:t.end].isupper()}
