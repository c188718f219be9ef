"""The one place-name normaliser of the project: the key under which two spellings are the same place."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Connecting particles of Persian/Arabic/Pashto names ("Pul-e-Alam", "Mazar-i-Sharif", "Ras al-Ain"): written
# as -e-, -i-, -ye-, -ul-, -al- or glued to the word before ("Puli Alam"), so they carry no identity.
# The Arabic article is also written assimilated to the letter after it ("Ma'arrat an-Nu'man", "Deir ez-Zor",
# "Jisr ash-Shughur"), so its sun-letter forms carry no identity either.
_SUN_ARTICLES = frozenset({"an", "ar", "as", "ash", "at", "ath", "az", "adh", "ed", "er", "es", "ez"})
_INNER_PARTICLES = frozenset({"e", "i", "y", "ye", "yi", "ul", "al", "el", "ol", "ud", "ad"}) | _SUN_ARTICLES
# Only the Arabic article is dropped at the start ("al-Raqqa" = "Raqqa"); "El Paso" keeps its "El". Glued to
# the name by a hyphen ("Ar-Raqqah", "Ad-Dali"), its sun-letter forms are one too ("El-" may start a person's
# name: "El-Erian").
_LEADING_PARTICLES = frozenset({"al"})
_GLUED_ARTICLE = re.compile(r"^(?:a[lnrstdz]|ash|ath|adh)[-‐‑]\w", re.I)
_APOSTROPHES = "'’‘ʼʻʿʾ`´"
_WORD = re.compile(r"[^\W_]+")


# Letters that carry no combining mark for NFKD to strip: Azerbaijani and Turkish dotless ı and schwa
# ("Qubadlı", "Ağdam", "Gəncə"), Polish ł, Nordic ø and æ, and the like.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ə": "a", "Ə": "a", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d",
                               "Đ": "d", "ð": "d", "ħ": "h", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
                               "þ": "th", "ŋ": "ng"})


def _fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes ("Qal‘ah" -> "qalah", "Zmiïnyi" -> "zmiinyi", "Qubadlı" ->
    "qubadli")."""
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for a in _APOSTROPHES:
        text = text.replace(a, "")
    return text.lower()


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """The comparison key of a place name: spellings of one place give one key.

    Lower-cased, without diacritics or apostrophes, particles unified and hyphens/spaces folded away, so that
    Pul-e-Alam = Pul-i-Alam = Puli Alam = Pul-e ‘Alam and Mazar-i-Sharif = Mazar-e Sharif = Mazari Sharif.
    """
    folded = _fold(name)
    tokens = _WORD.findall(folded)
    if len(tokens) > 1 and (tokens[0] in _LEADING_PARTICLES or _GLUED_ARTICLE.match(folded)):
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


# Marks a skeleton key in the gazetteer's index, apart from the plain keys.
SKELETON_MARK = "~"
_DOUBLED = re.compile(r"([a-z])\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h$")


def skeleton(key: str) -> str:
    """A looser key for names transliterated from Arabic, Persian or Somali, where English spellings drop
    doubled letters and a final -h at will: Hodeidah = Hodeida, Shabwah = Shabwa, Tall Afar = Tal Afar,
    Hiiraan = Hiraan. Takes and gives a normalised key."""
    return _FINAL_H.sub("", _DOUBLED.sub(r"\1", key))


# The Arabic article as English reports write it before a name: "El Daein", "Ed Daein" and "Al Daein" are one
# town, so a name's skeleton is also taken without its article.
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ed|ad|an|ar|as|ash|at|ath|az|adh|es|er|ez|en)[ \-‐‑]+(?=\w)", re.I)


def loose_keys(name: str) -> list[str]:
    """The skeletons of a name, with and without a leading Arabic article, unmarked ("Az Zawiyah" ->
    ["azzawiya", "zawiya"]): the keys under which the gazetteer files a loosely transliterated place."""
    keys = [skeleton(normalise(name))]
    if ARABIC_ARTICLE.match(name):
        bare = skeleton(normalise(ARABIC_ARTICLE.sub("", name)))
        if bare not in keys:
            keys.append(bare)
    return keys
