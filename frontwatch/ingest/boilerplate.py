"""The boilerplate phrase rules of ``data/boilerplate.json``: which lines of a page are not the report."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parent / "data" / "boilerplate.json"
_DEFAULT_MAX_CHARS = 160
_DEFAULT_MAX_WORDS = 30


@dataclass(frozen=True, slots=True)
class LineRule:
    """A whole line is not-body when ``pattern`` is found in it and it is at most ``max_chars`` long."""

    reason: str
    pattern: re.Pattern[str]
    max_chars: int


@dataclass(frozen=True, slots=True)
class InlineRule:
    """A marker inside a long scraped line after which the rest of the line is another story's link."""

    reason: str
    pattern: re.Pattern[str]
    max_words: int


@dataclass(frozen=True, slots=True)
class Rules:
    lines: tuple[LineRule, ...]
    inline: tuple[InlineRule, ...]
    sentence_words: frozenset[str] = frozenset()
    dangling_words: frozenset[str] = frozenset()
    minor_words: frozenset[str] = frozenset()

    def line_reason(self, line: str) -> str | None:
        """The reason of the first rule that marks ``line`` (already stripped), or None."""
        for rule in self.lines:
            if len(line) <= rule.max_chars and rule.pattern.search(line):
                return rule.reason
        return None


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> Rules:
    """Read and compile the rules file once."""
    data = json.loads(path.read_text(encoding="utf-8"))
    lines = tuple(
        LineRule(r["reason"], re.compile(r["pattern"], 0 if r.get("case_sensitive") else re.IGNORECASE),
                 int(r.get("max_chars", _DEFAULT_MAX_CHARS)))
        for r in data["lines"]
    )
    inline = tuple(
        InlineRule(r["reason"], re.compile(r["pattern"], 0 if r.get("case_sensitive") else re.IGNORECASE),
                   int(r.get("max_words", _DEFAULT_MAX_WORDS)))
        for r in data.get("inline", [])
    )
    return Rules(lines, inline,
                 frozenset(w.lower() for w in data.get("sentence_words", [])),
                 frozenset(w.lower() for w in data.get("dangling_words", [])),
                 frozenset(w.lower() for w in data.get("minor_words", [])))
