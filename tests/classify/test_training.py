"""Training data and splits on the shared ACLED notes (skipped where ../shared is absent)."""

from __future__ import annotations

import pytest

from frontwatch import config
from frontwatch.classify import training
from frontwatch.classify.cues import CueMatcher, load_cue_groups
from frontwatch.classify.model import NO_EVENT

EVENTS = config.SHARED_DATA_DIR / "events"
pytestmark = pytest.mark.skipif(not (EVENTS / "acled_pool_33k.csv").exists(), reason="shared ACLED data absent")


@pytest.fixture(scope="module")
def corpus() -> list[training.Example]:
    return training.load_corpus(EVENTS)


def test_stratified_holdout_is_a_fixed_disjoint_quarter(corpus: list[training.Example]) -> None:
    train, test = training.stratified_split(corpus)
    assert (train, test) == training.stratified_split(corpus)
    assert not set(train) & set(test) and len(train) + len(test) == len(corpus)
    assert abs(len(test) / len(corpus) - 0.25) < 0.01


def test_country_split_keeps_test_countries_out_of_training(corpus: list[training.Example]) -> None:
    train, test = training.country_split(corpus)
    train_countries = {corpus[i].country for i in train if corpus[i].label != NO_EVENT}
    test_countries = {corpus[i].country for i in test if corpus[i].label != NO_EVENT}
    assert train_countries == set(training.TRAIN_COUNTRIES)
    assert not train_countries & test_countries


def test_source_split_tests_only_on_the_2020_exports(corpus: list[training.Example]) -> None:
    _, test = training.source_split(corpus)
    assert {corpus[i].origin for i in test if corpus[i].label != NO_EVENT} == set(training.EXPORT_ORIGINS)


def test_no_event_sentences_hold_no_event_cue(corpus: list[training.Example]) -> None:
    matcher = CueMatcher(load_cue_groups())
    violent = {matcher.names.index(name) for name in ("shelling", "mob", "arrest", "kill_civilian", "death")}
    negatives = [e for e in corpus if e.label == NO_EVENT and e.origin == "indiapoliceevents"]
    assert len(negatives) > 1000
    assert not any(violent & set(matcher.hits(e.text)) for e in negatives)


def test_validation_split_never_touches_the_country_splits_test_part(corpus: list[training.Example]) -> None:
    _, test = training.country_split(corpus)
    fit_idx, val_idx = training.validation_split(corpus, ("Somalia", "Burkina Faso"))
    assert not (set(fit_idx) | set(val_idx)) & set(test) and not set(fit_idx) & set(val_idx)
    assert {corpus[i].country for i in val_idx if corpus[i].label != NO_EVENT} == {"Somalia", "Burkina Faso"}
    assert {corpus[i].country for i in fit_idx if corpus[i].label != NO_EVENT} == {"Kenya", "Sri Lanka", "Bangladesh"}


def test_news_without_events_from_the_benchmarks_name_no_violence(corpus: list[training.Example]) -> None:
    news = [e for e in corpus if e.origin == "geoparsing benchmarks news"]
    assert len(news) == training.NEWS_NON_EVENTS
    assert all(e.label == NO_EVENT for e in news)
    quiet = training.reports_no_event()
    assert all(quiet(e.text) and not training._VIOLENCE.search(e.text) for e in news)


def test_written_news_is_read_with_null_as_the_no_event_class(tmp_path):
    import json

    from frontwatch.classify.model import NO_EVENT
    from frontwatch.classify.training import load_written_news

    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(item) for item in [
        {"id": "x1", "text": "Gunmen kidnapped two engineers on the highway, police said.",
         "label": "Abduction/forced disappearance", "country": "Nigeria"},
        {"id": "x2", "text": "The central bank kept its main rate unchanged.", "label": None, "country": "Kenya"},
    ]) + "\n", encoding="utf-8")
    examples = load_written_news([path])
    assert [(e.label, e.country, e.origin) for e in examples] == [
        ("Abduction/forced disappearance", "Nigeria", "written:news"), (NO_EVENT, "Kenya", "written:news")]
