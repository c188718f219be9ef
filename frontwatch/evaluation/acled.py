"""ACLED sub-event types: the shipped classifier on held-out ACLED notes and on unseen countries.

Two measures of the same recipe:
- the stratified holdout: the shipped model (trained on the other 75% of the fixed split; see
  ``frontwatch/classify/model/README.md``) on the 25% it never saw;
- two splits by origin, each with a model fitted here with the shipped settings (about a minute each):
  by country (trained on the five largest single-country exports: Somalia, Kenya, Sri Lanka, Bangladesh,
  Burkina Faso; tested on every other country's notes, which come from other exports) and by source
  (trained on the pool; tested on the two 2020 exports). Text from places and sources the model never saw.
Each split is measured three ways: the model alone; with the extraction rules' second opinion on the
territory classes (``frontwatch/classify/second_opinion.py``); and a model fitted with the rules' reading as
features (``TrainSettings.rule_weight``). The settings of both were chosen out of fold on the training part of
the stratified split (``scripts/train_classifier.py --second-opinion``), never on these figures.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sklearn.metrics import f1_score

from frontwatch.classify import load_model
from frontwatch.classify import training
from frontwatch.classify.model import NO_EVENT, SubEventModel
from frontwatch.classify.second_opinion import CHOSEN_REVISION, predict_with_rules
from frontwatch.classify.taxonomy import TERRITORY_SUB_EVENT_TYPES
from frontwatch.evaluation import Figure

NAME = "ACLED sub-event types"
COMMAND = "python -m frontwatch.evaluation acled"
CASE_2021 = "CASE 2021 best (RoBERTa, GPU): 0.839"
BASELINE = "TF-IDF linear on other-source text: ~0.55"
WITH_RULES = " + rules' second opinion"
WITH_FEATURES = " + rules as features"

Predictor = Callable[[list[str]], list[str | None]]


def _predictors(plain: SubEventModel, featured: SubEventModel) -> tuple[tuple[str, Predictor], ...]:
    """The model alone, with the rules' second opinion (the setting chosen in training), with rule features."""
    return (("", plain.predict),
            (WITH_RULES, lambda texts: predict_with_rules(plain, texts, CHOSEN_REVISION)),
            (WITH_FEATURES, featured.predict))


def _models(train: list[training.Example], shipped: SubEventModel | None) -> tuple[SubEventModel, SubEventModel]:
    """The model without and with the rules' features: the shipped one where it is either, else fitted here."""
    settings = training.TrainSettings()
    out = []
    for weight in (0.0, training.RULE_FEATURE_WEIGHT):
        if shipped is not None and shipped.featuriser.rule_weight == weight:
            out.append(shipped)
            continue
        model = training.fit(train, replace(settings, rule_weight=weight))
        # The shipped temperature: the second opinion's threshold is a probability on its scale.
        model.temperature = shipped.temperature if shipped is not None else load_model().temperature
        out.append(model)
    return out[0], out[1]


def _per_class(where: str, gold: list[str], pred: list[str]) -> list[Figure]:
    figures = []
    for label in (*TERRITORY_SUB_EVENT_TYPES, NO_EVENT):
        n = gold.count(label)
        f1 = f1_score(gold, pred, labels=[label], average="macro", zero_division=0)
        shown = "no event (null)" if label == NO_EVENT else label
        figures.append(Figure(f"{NAME}: {where}", f"F1 {shown} (n={n})", float(f1), command=COMMAND))
    return figures


def _split_figures(where: str, models: tuple[SubEventModel, SubEventModel], examples: list[training.Example],
                   anchor: str, note: str) -> list[Figure]:
    """Weighted, macro and per-class F1 of the model alone and with the rules, on one held-out split."""
    gold = [e.label for e in examples]
    texts = [e.text for e in examples]
    figures: list[Figure] = []
    for suffix, predict in _predictors(*models):
        pred = [p or NO_EVENT for p in predict(texts)]
        at = f"{NAME}: {where}{suffix}"
        figures.append(Figure(at, "weighted F1", float(f1_score(gold, pred, average="weighted")), anchor=anchor,
                              command=COMMAND, note=note))
        figures.append(Figure(at, "macro F1", float(f1_score(gold, pred, average="macro")), command=COMMAND))
        # The no-event texts are many and easy: the events alone show what more of them would hide.
        figures.append(Figure(at, "weighted F1 on the events (no-event texts left out)",
                              events_weighted_f1(gold, pred), command=COMMAND))
        figures.extend(_per_class(f"{where}{suffix}", gold, pred))
    return figures


def events_weighted_f1(gold: list[str], pred: list[str]) -> float:
    """Weighted F1 over the texts whose gold label is an event (a prediction of none there is an error)."""
    events = [(g, p) for g, p in zip(gold, pred) if g != NO_EVENT]
    return float(f1_score([g for g, _ in events], [p for _, p in events], average="weighted"))


def _throughput(predict: Predictor, texts: list[str]) -> float:
    started = time.perf_counter()
    for i in range(0, len(texts), 256):
        predict(texts[i:i + 256])
    return len(texts) / (time.perf_counter() - started)


def run(shared: Path) -> list[Figure]:
    """Weighted F1 on the stratified holdout and on the country split, per-class F1, snippets/s."""
    events = shared / "events"
    if not (events / "acled_pool_33k.csv").exists():
        print(f"[acled] {events}: ACLED notes absent, nothing measured", file=sys.stderr)
        return []
    examples = training.load_corpus(events)
    figures: list[Figure] = []

    train_idx, test_idx = training.stratified_split(examples)
    held = [examples[i] for i in test_idx]
    model = load_model()
    models = _models([examples[i] for i in train_idx], model)
    note = (f"shipped model (the variant it is not: fitted here on the same 75%); {len(held)} held-out texts "
            f"(25%, seed {training.SEED}), ACLED notes and no-event sentences")
    figures.extend(_split_figures("stratified holdout", models, held, "BERT in-domain micro F1: 0.94", note))
    pred = [p or NO_EVENT for p in model.predict([e.text for e in held])]
    figures.append(Figure(f"{NAME}: stratified holdout", "micro F1 (accuracy)",
                          float(f1_score([e.label for e in held], pred, average="micro")),
                          anchor="BERT in-domain micro F1: 0.94", command=COMMAND))
    for suffix, predict in _predictors(*models):
        figures.append(Figure(f"{NAME}: speed{suffix}", "snippets/s (one CPU core, batches of 256)",
                              float(_throughput(predict, [e.text for e in held])), anchor="goal: >= 200",
                              command=COMMAND))

    splits = (
        ("unseen countries", training.country_split,
         f"trained on {', '.join(training.TRAIN_COUNTRIES)}; tested on every other country's notes"),
        ("unseen sources", training.source_split,
         "trained on the pool's nine exports; tested on the two 2020 exports (world, Afghanistan)"),
    )
    for where, split, how in splits:
        train_idx, test_idx = split(examples)
        unseen = [examples[i] for i in test_idx]
        models = _models([examples[i] for i in train_idx], None)
        note = f"{how} ({len(unseen)} texts, with a fixed quarter of the no-event sentences); models fitted here"
        figures.extend(_split_figures(where, models, unseen, f"{CASE_2021}; {BASELINE}", note))
    return figures
