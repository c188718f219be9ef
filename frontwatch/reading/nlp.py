"""The one spaCy pipeline of frontwatch, loaded once, with only the components the reading uses."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from frontwatch import config

# The small English model's NER and senter carry their own tok2vec, so the shared tok2vec and everything that
# listens to it (tagger, parser) and the rule components after them can stay out: that is most of the cost.
_EXCLUDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The cached pipeline: tokenizer, sentence recogniser and named entities."""
    nlp = spacy.load(config.SPACY_MODEL, exclude=_EXCLUDED)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp
