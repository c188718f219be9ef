"""The shipped model: loads without pickle, and holds feature vocabularies rather than sentences."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest

from frontwatch.classify.model import MODEL_DIR, MODEL_NAME, NO_EVENT, SubEventModel
from frontwatch.classify.taxonomy import ACLED_SUB_EVENT_TYPES


def test_model_files_load_without_pickle(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the model must not be unpickled")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    with np.load(MODEL_DIR / f"{MODEL_NAME}.npz", allow_pickle=False) as arrays:
        assert arrays["coef"].ndim == 2
    model = SubEventModel.load()
    assert model.coef.shape == (model.featuriser.n_features, len(model.classes))
    assert model.predict(["Police arrested four opposition activists in the capital."]) == ["Arrests"]


def test_model_classes_are_acled_types_and_the_no_event_class() -> None:
    classes = json.loads((MODEL_DIR / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))["classes"]
    assert NO_EVENT in classes
    assert set(classes) - {NO_EVENT} <= set(ACLED_SUB_EVENT_TYPES)
    assert len(classes) >= 24


def test_model_vocabulary_is_ngrams_not_sentences() -> None:
    meta = json.loads((MODEL_DIR / f"{MODEL_NAME}.json").read_text(encoding="utf-8"))
    assert max(len(term.split()) for term in meta["word_vocab"]) <= 2
    assert max(len(term) for term in meta["char_vocab"]) <= 5


def test_model_is_small_enough_to_ship() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.glob(f"{MODEL_NAME}.*"))
    assert size < 8 * 1024 * 1024
