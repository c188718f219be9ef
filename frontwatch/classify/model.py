"""The shipped ACLED sub-event model: a linear model over ``Featuriser`` rows, stored as npz + json.

The format executes no code on load (no pickle): weights in ``acled.npz`` (read with
``allow_pickle=False``), vocabularies, classes and settings in ``acled.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from frontwatch.classify.features import Featuriser
from frontwatch.classify.normalise import normalise

MODEL_DIR = Path(__file__).resolve().parent / "model"
MODEL_NAME = "acled"
NO_EVENT = "none"  # the class of texts that report no event; answered as null


@dataclass
class SubEventModel:
    """Scores each class for a text; the best class, or null for the no-event class."""

    featuriser: Featuriser
    classes: list[str]
    coef: np.ndarray  # (n_features, n_classes)
    intercept: np.ndarray  # (n_classes,)
    temperature: float = 1.0  # softmax temperature fitted on held-out scores, for calibrated confidences
    # Added to the no-event score: out of the training sources the model calls too many events "none".
    no_event_bias: float = 0.0
    info: dict = field(default_factory=dict)

    def scores(self, texts: list[str]) -> np.ndarray:
        """Raw decision scores, one row per text."""
        X = self.featuriser.transform([normalise(t) for t in texts])
        scores = np.asarray(X @ self.coef, dtype=np.float32) + self.intercept
        if NO_EVENT in self.classes:
            scores[:, self.classes.index(NO_EVENT)] += self.no_event_bias
        return scores

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Calibrated class probabilities, one row per text."""
        z = self.scores(texts) / self.temperature
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, texts: list[str]) -> list[str | None]:
        """The sub-event type of each text, or None when it reports no event."""
        if not texts:
            return []
        best = self.scores(texts).argmax(axis=1)
        return [None if self.classes[i] == NO_EVENT else self.classes[i] for i in best]

    def save(self, directory: Path = MODEL_DIR, name: str = MODEL_NAME) -> None:
        """Write ``<name>.npz`` (weights) and ``<name>.json`` (vocabularies, classes, settings)."""
        directory.mkdir(parents=True, exist_ok=True)
        f = self.featuriser
        np.savez_compressed(directory / f"{name}.npz", coef=self.coef.astype(np.float16),
                            intercept=self.intercept.astype(np.float32),
                            word_idf=f.word_idf.astype(np.float16), char_idf=f.char_idf.astype(np.float16))
        meta = {
            "format": 1,
            "classes": self.classes,
            "no_event_class": NO_EVENT,
            "temperature": self.temperature,
            "no_event_bias": self.no_event_bias,
            "weights": {"word": f.word_weight, "char": f.char_weight, "cue": f.cue_weight, "rules": f.rule_weight},
            "cue_groups": f.cue_groups,
            "info": self.info,
            "word_vocab": f.word_vocab,
            "char_vocab": f.char_vocab,
        }
        if f.known_words is not None:
            meta["known_words"] = f.known_words
        (directory / f"{name}.json").write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")),
                                                encoding="utf-8")

    @classmethod
    def load(cls, directory: Path = MODEL_DIR, name: str = MODEL_NAME) -> "SubEventModel":
        """Read a model written by ``save`` (no pickle)."""
        meta = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        with np.load(directory / f"{name}.npz", allow_pickle=False) as arrays:
            coef = arrays["coef"].astype(np.float32)
            intercept = arrays["intercept"].astype(np.float32)
            word_idf = arrays["word_idf"].astype(np.float32)
            char_idf = arrays["char_idf"].astype(np.float32)
        w = meta["weights"]
        featuriser = Featuriser(meta["word_vocab"], word_idf, meta["char_vocab"], char_idf, meta["cue_groups"],
                                word_weight=w["word"], char_weight=w["char"], cue_weight=w["cue"],
                                rule_weight=w.get("rules", 0.0), known_words=meta.get("known_words"))
        return cls(featuriser, list(meta["classes"]), coef, intercept, float(meta["temperature"]),
                   float(meta.get("no_event_bias", 0.0)), meta["info"])
