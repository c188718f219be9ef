"""The shared spaCy pipeline: loaded once, lean, and splitting wire copy into sentences."""

from __future__ import annotations

from frontwatch.reading.nlp import pipeline


def test_pipeline_is_cached_and_keeps_only_what_the_reading_uses():
    nlp = pipeline()
    assert pipeline() is nlp
    assert set(nlp.pipe_names) == {"senter", "ner"}


def test_pipeline_splits_sentences_and_names_people():
    doc = pipeline()("The Taliban said they had captured Ismail Khan. Government forces pulled out of Herat.")
    assert [s.text for s in doc.sents] == ["The Taliban said they had captured Ismail Khan.",
                                           "Government forces pulled out of Herat."]
    assert "Ismail Khan" in {e.text for e in doc.ents if e.label_ == "PERSON"}
