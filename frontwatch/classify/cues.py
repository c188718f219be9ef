"""Cue groups: trigger phrases pooled into one feature each (data in ``data/cues.json``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

CUES_FILE = Path(__file__).resolve().parent / "data" / "cues.json"


def load_cue_groups(path: Path = CUES_FILE) -> dict[str, list[str]]:
    """Read the cue groups: group name -> its phrases."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {name: list(group["phrases"]) for name, group in raw["groups"].items()}


class CueMatcher:
    """Says which cue groups occur in a text, as whole words, case-insensitively."""

    def __init__(self, groups: dict[str, list[str]]):
        self.names = list(groups)
        self._patterns = [
            re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
                       + r")(?![\w-])", re.IGNORECASE)
            for phrases in groups.values()
        ]

    def hits(self, text: str) -> list[int]:
        """Indices of the groups that occur in ``text``."""
        return [i for i, pattern in enumerate(self._patterns) if pattern.search(text)]
