"""The key a place is stored and followed under: its geonameid, else its normalised name and country."""

from __future__ import annotations

import re
import unicodedata

from frontwatch.records import Place


def _fallback_normalise(name: str) -> str:
    # Used only until frontwatch.places.normalise (the project's one place-name normaliser) is importable.
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.findall(r"[a-z0-9]+", folded))


def normalise_name(name: str) -> str:
    try:
        from frontwatch.places.names import normalise
    except ImportError:
        return _fallback_normalise(name)
    return normalise(name)


def place_key(place: Place | None) -> str | None:
    """"498817" for a gazetteer place; "soledar|UA" for one the gazetteer lacks; None without a place."""
    if place is None:
        return None
    if place.geonameid:
        return str(place.geonameid)
    return f"{normalise_name(place.name)}|{place.country or ''}"
