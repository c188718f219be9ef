"""A second opinion from frontwatch's extraction rules on the territory classes, which the model sees least.

Only texts with a territory cue (the groups marked ``"territory": true`` in ``data/cues.json``) are read by
the rules (``frontwatch.events``), since a reading costs far more than the model's. Where the rules read a
change of control asserted or claimed, and the model is unsure, the label is revised (see ``Revision``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from frontwatch.classify.cues import CUES_FILE, CueMatcher
from frontwatch.classify.model import NO_EVENT, SubEventModel
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


@dataclass(frozen=True)
class Revision:
    """When and how the rules' reading revises the model's label.

    ``policy`` "rules": take the rules' territory type. "model": the rules only say that a territory change
    is reported; the model's most probable territory class is taken. Either applies only where the model's
    top label is no territory class and its probability is below ``below``.
    """

    policy: str = "rules"
    below: float = 1.01  # above 1: whatever the model's confidence


def revise(classes: Sequence[str], probs: np.ndarray, rule_types: Sequence[str | None],
           revision: Revision) -> list[str]:
    """The label of each row (class names, the no-event class included), revised where the rules disagree."""
    territory = [classes.index(c) for c in TERRITORY_SUB_EVENT_TYPES if c in classes]
    labels: list[str] = []
    for row, rule in zip(probs, rule_types):
        best = int(row.argmax())
        label = classes[best]
        if rule is not None and label not in TERRITORY_SUB_EVENT_TYPES and row[best] < revision.below:
            if revision.policy == "rules":
                label = rule
            else:
                label = classes[max(territory, key=lambda j: row[j])]
        labels.append(label)
    return labels


# The setting chosen on out-of-fold predictions over the training part of the stratified split (see
# model/README.md); ON_BY_DEFAULT says whether ``classify_texts`` uses it when not told.
CHOSEN_REVISION = Revision(policy="model", below=0.8)
ON_BY_DEFAULT = False


def predict_with_rules(model: SubEventModel, texts: Sequence[str], revision: Revision) -> list[str | None]:
    """The model's sub-event type of each text revised by the rules' reading (None: no event)."""
    if not texts:
        return []
    labels = revise(model.classes, model.probabilities(list(texts)), rule_territory_types(texts), revision)
    return [None if label == NO_EVENT else label for label in labels]
