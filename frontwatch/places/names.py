"""The one place-name normaliser of the project: the key under which two spellings are the same place."""

from __future__ import annotations

import re
import unicodedata

# Connecting particles of Persian/Arabic/Pashto names ("Pul-e-Alam", "Mazar-i-Sharif", "Ras al-Ain"): written
# as -e-, -i-, -ye-, -ul-, -al- or glued to the word before ("Puli Alam"), so they carry no identity.
_INNER_PARTICLES = frozenset({"e", "i", "y", "ye", "yi", "ul", "al", "el", "ol", "ud", "ad", "ud"})
# Only the Arabic article is dropped at the start ("al-Raqqa" = "Raqqa"); "El Paso" keeps its "El".
_LEADING_PARTICLES = frozenset({"al"})
_APOSTROPHES = "'’‘ʼʻʿʾ`´"
_WORD = re.compile(r"[^\W_]+")


def _fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes ("Qal‘ah" -> "qalah", "Zmiïnyi" -> "zmiinyi")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    for a in _APOSTROPHES:
        text = text.replace(a, "")
    return text.lower()


def normalise(name: str) -> str:
    """The comparison key of a place name: spellings of one place give one key.

    Lower-cased, without diacritics or apostrophes, particles unified and hyphens/spaces folded away, so that
    Pul-e-Alam = Pul-i-Alam = Puli Alam = Pul-e ‘Alam and Mazar-i-Sharif = Mazar-e Sharif = Mazari Sharif.
    """
    tokens = _WORD.findall(_fold(name))
    if len(tokens) > 1 and tokens[0] in _LEADING_PARTICLES:
        tokens = tokens[1:]
    out: list[str] = []
    for i, tok in enumerate(tokens):
        last = i == len(tokens) - 1
        if 0 < i and not last and tok in _INNER_PARTICLES:
            continue
        if not last and len(tok) >= 4 and tok.endswith("i") and i + 1 < len(tokens) \
                and tokens[i + 1] not in _INNER_PARTICLES:
            tok = tok[:-1]  # "Puli Alam": the particle glued to the word before it
        out.append(tok)
    return "".join(out)
