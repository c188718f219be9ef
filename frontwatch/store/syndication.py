"""Syndicated copies: which stored texts are one wire story carried by several outlets.

Two texts are one story when their word 5-shingles mostly coincide (containment of the shorter in the
longer >= STORY_CONTAINMENT). Candidates come cheaply from an exact hash of the normalised text and from
MinHash signature bands (LSH); only candidates are compared shingle by shingle.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: texts with Jaccard ~0.5 and above usually share a band
STORY_CONTAINMENT = 0.6
EXACT_BAND = -1  # the band that holds the normalised-text hash

_WORD = re.compile(r"\w+")


def text_hash(text: str) -> str:
    """The identity of a text as read: sha256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def words(text: str) -> list[str]:
    """Lower-cased words without accents or punctuation: what copies of one story share."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _WORD.findall(folded)


def shingles(text: str) -> set[str]:
    w = words(text)
    if len(w) <= SHINGLE_WORDS:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + SHINGLE_WORDS]) for i in range(len(w) - SHINGLE_WORDS + 1)}


def bands(text: str) -> list[tuple[int, str]]:
    """(band, digest) pairs to index a text by; copies of one story share at least one."""
    w = words(text)
    out = [(EXACT_BAND, hashlib.sha1(" ".join(w).encode()).hexdigest())]
    sh = shingles(text)
    if not sh:
        return out
    mh = MinHash(num_perm=NUM_PERM, seed=7)
    mh.update_batch([s.encode() for s in sh])
    rows = NUM_PERM // BANDS
    values = mh.hashvalues
    for b in range(BANDS):
        chunk = values[b * rows:(b + 1) * rows].tobytes()
        out.append((b, hashlib.sha1(chunk).hexdigest()[:16]))
    return out


def same_story(a: str, b: str) -> bool:
    """Whether two texts are copies of one story (shared shingles, relative to the shorter text)."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= STORY_CONTAINMENT
