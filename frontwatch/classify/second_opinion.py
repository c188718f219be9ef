"""A second opinion from frontwatch's extraction rules on the territory classes, which the model sees least.

Where the rules (``rule_reading.py``) read a change of control asserted or claimed, and the model is unsure,
the label is revised (see ``Revision``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from frontwatch.classify.model import NO_EVENT, SubEventModel
from frontwatch.classify.rule_reading import rule_territory_types
from frontwatch.classify.taxonomy import TERRITORY_SUB_EVENT_TYPES


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
