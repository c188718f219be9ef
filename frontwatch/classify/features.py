"""Features of a normalised text: word 1-2 grams, character 3-5 grams (TF-IDF), cue groups, and optionally
the extraction rules' reading of a territory change."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from frontwatch.classify.cues import CueMatcher
from frontwatch.classify.rule_reading import rule_territory_types
from frontwatch.classify.taxonomy import TERRITORY_SUB_EVENT_TYPES

WORD_TOKENS = r"(?u)\b\w[\w'-]*\b"
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)
# A name: a capitalised or upper-case word. Masked when training never saw it written in lower case, so that
# the model learns event words, not the places and groups of the countries it was trained on.
_NAME = re.compile(r"\b[A-Z][\w'-]*")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]*\b")
NAME_MASK = "xname"


def common_words(texts: list[str], min_count: int = 2) -> list[str]:
    """Words written in lower case at least ``min_count`` times in the texts: the words that are no name."""
    counts = Counter(m.group() for t in texts for m in _LOWER_WORD.finditer(t))
    return sorted(w for w, n in counts.items() if n >= min_count)


def mask_names(text: str, known: frozenset[str] | set[str]) -> str:
    """The text with every capitalised word whose lower case is not a known word replaced by ``NAME_MASK``."""
    return _NAME.sub(lambda m: m.group() if m.group().lower() in known else NAME_MASK, text)


def word_counter(vocabulary: list[str] | None = None, **kw) -> CountVectorizer:
    """The word n-gram counter (fixed vocabulary when given)."""
    vocab = {term: i for i, term in enumerate(vocabulary)} if vocabulary is not None else None
    return CountVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, token_pattern=WORD_TOKENS,
                           lowercase=True, vocabulary=vocab, dtype=np.float32, **kw)


def char_counter(vocabulary: list[str] | None = None, **kw) -> CountVectorizer:
    """The character n-gram counter, within word boundaries (fixed vocabulary when given)."""
    vocab = {term: i for i, term in enumerate(vocabulary)} if vocabulary is not None else None
    return CountVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, lowercase=True,
                           vocabulary=vocab, dtype=np.float32, **kw)


def tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear TF times IDF, L2-normalised per text."""
    counts = counts.tocsr(copy=True)
    counts.data = 1.0 + np.log(counts.data)
    return normalize(counts @ sp.diags(idf.astype(np.float32)), copy=False)


def idf_of(counts: sp.csr_matrix) -> np.ndarray:
    """Smoothed inverse document frequency, as scikit-learn's TfidfTransformer computes it."""
    df = np.bincount(counts.tocsr().indices, minlength=counts.shape[1])  # column of each stored count
    return (np.log((1 + counts.shape[0]) / (1 + df)) + 1.0).astype(np.float32)


@dataclass
class Featuriser:
    """Turns normalised texts into one sparse row each; the vocabularies come from training."""

    word_vocab: list[str]
    word_idf: np.ndarray
    char_vocab: list[str]
    char_idf: np.ndarray
    cue_groups: dict[str, list[str]]
    word_weight: float = 1.0
    char_weight: float = 1.0
    cue_weight: float = 0.5
    # The extraction rules' reading as features (``rule_reading.py``): 0 leaves them out.
    rule_weight: float = 0.0
    # Words seen in lower case in training (``common_words``); when given, other capitalised words are masked.
    known_words: list[str] | None = None

    def __post_init__(self) -> None:
        self._known = frozenset(self.known_words) if self.known_words is not None else None
        self._words = word_counter(self.word_vocab)
        self._chars = char_counter(self.char_vocab)
        self._cues = CueMatcher(self.cue_groups)

    @property
    def n_features(self) -> int:
        return len(self.word_vocab) + len(self.char_vocab) + len(self.cue_groups) + self.n_rule_features

    @property
    def n_rule_features(self) -> int:
        return 1 + len(TERRITORY_SUB_EVENT_TYPES) if self.rule_weight else 0

    def cue_matrix(self, texts: list[str]) -> sp.csr_matrix:
        """One column per cue group: 1 where the group occurs."""
        rows, cols = [], []
        for r, text in enumerate(texts):
            hits = self._cues.hits(text)
            rows.extend([r] * len(hits))
            cols.extend(hits)
        data = np.ones(len(rows), dtype=np.float32)
        return sp.csr_matrix((data, (rows, cols)), shape=(len(texts), len(self.cue_groups)))

    def rule_matrix(self, texts: list[str]) -> sp.csr_matrix:
        """A column for "the rules read a change of control", and one per territory type they read."""
        rows, cols = [], []
        for r, found in enumerate(rule_territory_types(texts)):
            if found is not None:
                rows.extend([r, r])
                cols.extend([0, 1 + TERRITORY_SUB_EVENT_TYPES.index(found)])
        data = np.ones(len(rows), dtype=np.float32)
        return sp.csr_matrix((data, (rows, cols)), shape=(len(texts), self.n_rule_features))

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        """Feature rows for normalised texts."""
        if self._known is not None:
            texts = [mask_names(t, self._known) for t in texts]
        words = tfidf(self._words.transform(texts), self.word_idf) * self.word_weight
        chars = tfidf(self._chars.transform(texts), self.char_idf) * self.char_weight
        cues = self.cue_matrix(texts) * self.cue_weight
        blocks = [words, chars, cues]
        if self.rule_weight:
            blocks.append(self.rule_matrix(texts) * self.rule_weight)
        return sp.hstack(blocks, format="csr", dtype=np.float32)
