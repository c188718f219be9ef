"""Which language a report is in: py3langid on its body, defaulting to English whenever unsure.

Reports full of Afghan or Ukrainian names can fool a character-n-gram model, and dropping an English report
costs more than reading a foreign one, so a report counts as foreign only when the model is confident, the
text is long enough to judge, and English function words are rare in it.
"""

from __future__ import annotations

import re
from functools import lru_cache

ENGLISH = "en"
# Below this many letters a guess is noise (a headline, a caption).
MIN_LETTERS = 60
# The model must be at least this sure of another language ...
MIN_CONFIDENCE = 0.9
# ... or, where English function words are all but absent, at least this sure.
MIN_CONFIDENCE_NO_ENGLISH = 0.5
# English prose has a fifth or more of its words among these; other languages almost none (short words
# shared with other languages, such as "a", "in", "is", "to", are left out on purpose).
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and was were that for with from its has have had said says been which their they this "
    "after than who would could there these those".split()
)
_ENGLISH_SHARE = 0.08
_NO_ENGLISH_SHARE = 0.02
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 5000


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language; ``en`` unless another language is clear.

    Judged paragraph by paragraph: a Hungarian page quoting an English tweet is a Hungarian report (the tweet is
    quoted material, not the outlet's own English). A report is foreign when most of the letters of its
    paragraphs long enough to judge are in paragraphs of other languages; English otherwise."""
    letters: dict[str, int] = {}
    for paragraph in text[:_SAMPLE_CHARS].splitlines():
        size = sum(len(w) for w in _WORD.findall(paragraph))
        if size >= MIN_LETTERS:  # headlines, captions and bylines are too short to judge
            language = _language_of(paragraph)
            letters[language] = letters.get(language, 0) + size
    if len(letters) < 2:
        return _language_of(text)
    english = letters.pop(ENGLISH, 0)
    # Mostly foreign (Croatian and Bosnian paragraphs of one page count together): its main foreign language.
    return max(letters, key=letters.__getitem__) if sum(letters.values()) > english else ENGLISH


def _language_of(text: str) -> str:
    """One stretch of text's language: ``en`` unless another language is clear."""
    sample = text[:_SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if sum(len(w) for w in words) < MIN_LETTERS:
        return ENGLISH
    share = sum(1 for w in words if w.lower() in _ENGLISH_FUNCTION_WORDS) / len(words)
    if share >= _ENGLISH_SHARE:
        return ENGLISH
    language, confidence = _identifier().classify(sample)
    threshold = MIN_CONFIDENCE_NO_ENGLISH if share < _NO_ENGLISH_SHARE else MIN_CONFIDENCE
    if language == ENGLISH or confidence < threshold:
        return ENGLISH
    return str(language)
