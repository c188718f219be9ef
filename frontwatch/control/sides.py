"""Parties in control terms: whose gain a change is (Wagner's gains are Russia's)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

SideOf = Callable[[str], str | None]


@lru_cache(maxsize=4096)
def side_of(name: str) -> str | None:
    """The party ``name`` fights for, from the actor registry; the name itself when the registry lacks it.

    Returns None only for an empty name.
    """
    if not name or not name.strip():
        return None
    try:
        from frontwatch.reading.actors import ActorRegistry
    except ImportError:  # the registry is built by the reading stage; until then a name stands for itself
        return name.strip()
    return ActorRegistry.default().side(name) or name.strip()
