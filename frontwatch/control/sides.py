"""Parties in control terms: whose gain a change is (Wagner's gains are Russia's), and who speaks for whom."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

# The party a name fights for, or None when it is not a known actor.
SideOf = Callable[[str], str | None]

# Unnamed speakers of these kinds ("officials said", "a security source confirmed") are, in conflict reporting,
# almost always the state's own people: they speak for the state side when exactly one side is a state.
STATE_VOICES = ("official", "security source", "local official")


def _registry():
    try:
        from frontwatch.reading.actors import ActorRegistry
    except ImportError:  # the registry is built by the reading stage; without it no name has a known side
        return None
    return ActorRegistry.default()


@lru_cache(maxsize=4096)
def side_of(name: str) -> str | None:
    """The party ``name`` fights for, from the actor registry; None when the registry does not know it."""
    registry = _registry()
    if registry is None or not name or not name.strip():
        return None
    return registry.side(name.strip())


@lru_cache(maxsize=1024)
def is_state(side: str) -> bool:
    """Whether a side is a state (rather than rebels, militias or others)."""
    registry = _registry()
    actor = registry.resolve(side) if registry else None
    return actor is not None and actor.kind == "state"


def state_side(*sides: str | None) -> str | None:
    """The one side among ``sides`` that is a state, if exactly one is."""
    states = {s for s in sides if s and is_state(s)}
    return states.pop() if len(states) == 1 else None


@lru_cache(maxsize=1024)
def is_armed_group(side: str) -> bool:
    """Whether a side is a named non-state armed group (rebels, a militia), not a state or a stand-in."""
    registry = _registry()
    actor = registry.resolve(side) if registry else None
    return actor is not None and actor.kind in ("rebel", "militia") and side not in registry.unnamed_groups()


def unnamed_groups() -> frozenset[str]:
    """The stand-in sides of armed groups that their reports do not name."""
    registry = _registry()
    return registry.unnamed_groups() if registry else frozenset()


def alliances() -> dict[str, frozenset[str]]:
    """Each alliance of the registry with its members (a town an alliance takes is one member's gain)."""
    registry = _registry()
    return registry.alliances() if registry else {}
