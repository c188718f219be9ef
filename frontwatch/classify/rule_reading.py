"""What frontwatch's extraction rules read in a text about the territory classes, for the ACLED classifier.

Only texts with a territory cue (the groups marked ``"territory": true`` in ``data/cues.json``) are read by
the rules (``frontwatch.events``), since a reading costs far more than the model's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from frontwatch.classify.cues import CUES_FILE, CueMatcher
from frontwatch.classify.taxonomy import TERRITORY_SUB_EVENT_TYPES

# Modalities in which a report states a change took place (not planned, denied or hypothetical).
_STATED = ("asserted", "claimed")


def load_territory_cues(path: Path = CUES_FILE) -> dict[str, list[str]]:
    """The cue groups marked ``"territory": true``: group name -> its phrases."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {name: list(g["phrases"]) for name, g in raw["groups"].items() if g.get("territory")}


@lru_cache(maxsize=1)
def _territory_matcher() -> CueMatcher:
    return CueMatcher(load_territory_cues())


def has_territory_cue(text: str) -> bool:
    """Whether the text holds a phrase that may report a change of who holds a place."""
    return bool(_territory_matcher().hits(text))


def rule_territory_types(texts: Sequence[str]) -> list[str | None]:
    """The ACLED territory type the extraction rules read in each text (asserted or claimed), else None.

    Texts without a territory cue are not read; those with one are read together, as one batch of reports.
    """
    from frontwatch.events import extract_events
    from frontwatch.ingest import read_text

    out: list[str | None] = [None] * len(texts)
    cued = [i for i, text in enumerate(texts) if text and has_territory_cue(text)]
    articles = [read_text(texts[i]) for i in cued]
    for i, (_, events) in zip(cued, extract_events(articles)):
        out[i] = next((e.acled for e in events
                       if e.acled in TERRITORY_SUB_EVENT_TYPES and e.modality in _STATED), None)
    return out
