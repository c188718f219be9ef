"""ACLED sub-event type classification of short texts (``frontwatch classify --taxonomy acled``).

The public API: ``ACLED_SUB_EVENT_TYPES``, ``classify_texts``, ``score_texts`` and ``classify_jsonl``.
The model is a linear model over word and character n-grams and trigger cue groups, shipped in ``model/``
(see ``model/README.md``) and rebuilt by ``scripts/train_classifier.py``.
"""

from __future__ import annotations

from functools import lru_cache

from frontwatch.classify.jsonl import classify_jsonl
from frontwatch.classify.model import NO_EVENT, SubEventModel
from frontwatch.classify.taxonomy import ACLED_SUB_EVENT_TYPES, TERRITORY_SUB_EVENT_TYPES, event_type_of

__all__ = [
    "ACLED_SUB_EVENT_TYPES",
    "TERRITORY_SUB_EVENT_TYPES",
    "event_type_of",
    "classify_texts",
    "score_texts",
    "classify_jsonl",
    "load_model",
]


@lru_cache(maxsize=1)
def load_model() -> SubEventModel:
    """The shipped model, read once per process."""
    return SubEventModel.load()


def classify_texts(texts: list[str], second_opinion: bool | None = None) -> list[str | None]:
    """The ACLED sub-event type of each text, or None where the text reports no event.

    With ``second_opinion`` (default: ``second_opinion.ON_BY_DEFAULT``) the extraction rules revise the
    territory classes (``second_opinion.py``); texts without a territory cue cost nothing more.
    """
    from frontwatch.classify import second_opinion as rules

    use = rules.ON_BY_DEFAULT if second_opinion is None else second_opinion
    if use:
        return rules.predict_with_rules(load_model(), list(texts), rules.CHOSEN_REVISION)
    return load_model().predict(list(texts))


def score_texts(texts: list[str]) -> list[tuple[str | None, float]]:
    """Each text's label (None: no event) with the model's calibrated probability for it."""
    model = load_model()
    if not texts:
        return []
    probs = model.probabilities(list(texts))
    out: list[tuple[str | None, float]] = []
    for row in probs:
        best = int(row.argmax())
        label = model.classes[best]
        out.append((None if label == NO_EVENT else label, float(row[best])))
    return out
