"""Who holds a place after an event: the control change of territory taken, retaken, handed over or abandoned."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from frontwatch.events.arguments import LOCAL_FEATURES
from frontwatch.events.lexicon import Family
from frontwatch.records import Actor, ControlChange, Place, Toponym
from frontwatch.reading.actors import ActorRegistry

# Control kinds whose agent gains the place ("received": "the town was handed over to X", "surrendered to X");
# in the others the agent hands it over or leaves it.
GAINS = ("taken", "retaken", "received")
# Only these modalities say something about the ground; plans, forecasts and ifs change nobody's holding.
_MODALITIES_WITH_CONTROL = ("asserted", "claimed", "denied")


class Parties:
    """The sides fighting in one report, by how often they are named: who is whose opponent."""

    def __init__(self, registry: ActorRegistry, mentions: list[Actor], focus: str | None = None) -> None:
        self.registry = registry
        # Police of no named country (the registry has none for the report's) serve the report country's state.
        state = registry.state_of(focus)
        self._focus = focus
        self._police_side = registry.side(state) if state is not None else None
        self.counts: Counter[str] = Counter()
        for actor in mentions:
            if registry.is_party(actor):
                self.counts[self.side(actor)] += 1

    def side(self, actor: Actor | None, where: str | None = None) -> str | None:
        """The side an actor's gains count for, in the war of ``where`` (a place's country) or else of the
        report's focus: Russia's gains at Palmyra are the Syrian government's, in a report from Moscow too."""
        if actor is None:
            return None
        if self._police_side and actor.country is None and self.registry.is_police(actor):
            return self._police_side
        return self.registry.side(actor, where or self._focus) or actor.name

    def opponent(self, side: str | None, where: str | None = None, allies: Sequence[str] = ()) -> str | None:
        """The most named other side of the report, if there is one (in the war of ``where``, when given: not
        a side fighting for ``side`` there; nor one of ``allies``, named as fighting beside it)."""
        if side is None:
            return None
        for name, _count in self.counts.most_common():
            if name != side and name not in allies and (where is None or self.registry.side(name, where) != side):
                return name
        return None


def control_change(family: Family, actor: Actor | None, place: Place | None, modality: str,
                   parties: Parties, background: bool = False, partial: bool = False,
                   beside: Sequence[Actor] = (), allies: Sequence[Actor] = ()) -> ControlChange | None:
    """The change of holder the event states, or None when it states none.

    ``background`` marks an event dated only vaguely and long before the report ("held since 2014"):
    history the report recalls, not a change it reports, and too coarse to date one. ``partial`` marks
    ground taken in part ("most of the town", "its outskirts"): fighting for the place, which it does not change.
    ``beside`` are the actors the sentence names: a side that leaves a place leaves it to the enemy named there
    ("government forces withdrew from Zinjibar after al-Qaeda fighters entered"), else to the report's other side.
    ``allies`` are the groups named as acting with the actor: never the side it takes the place from.
    """
    if family.control is None or place is None or place.feature not in LOCAL_FEATURES:
        return None
    if modality not in _MODALITIES_WITH_CONTROL or background or partial:
        return None
    if actor is None or not parties.registry.is_party(actor):
        return None
    where = place.country
    side = parties.side(actor, where)
    if side is None:
        return None
    if family.control in GAINS:
        friends = [parties.side(a, where) for a in allies]
        return ControlChange(side, parties.opponent(side, where, [f for f in friends if f]))
    # A holder that hands over or leaves a place leaves it to the enemy the sentence names, else to the other
    # side of the report.
    named = [parties.side(a, where) for a in beside if parties.registry.is_party(a)]
    opponent = next((other for other in named if other and other != side), None) or parties.opponent(side, where)
    return ControlChange(opponent, side) if opponent else None


def acled_type(family: Family, actor: Actor | None, place: Place | None, negotiated: bool,
               focus: str | None = None) -> str | None:
    """The ACLED sub-event type; a state regaining its own ground differs from anyone else taking it."""
    if family.control and negotiated:
        return "Non-violent transfer of territory"
    kind = actor.kind if actor else None
    where = place.country if place is not None and place.country else focus
    # (police of no named country, as an arrest implies them, are the local state's)
    if kind == "state" and actor is not None and where and actor.country and actor.country != where:
        kind = "foreign state"
    return family.acled_for(kind)


# Words a report uses for who holds a town as it names it: "rebel-held Kilinochchi", "the LTTE-controlled town
# of Mullaitivu", "the Tigers' political capital, Kilinochchi", "the rebel stronghold of X", "X, the
# Taliban's main bastion", "X, held by the rebels since 1998".
_STRONGHOLD = r"(?:(?:de\s+facto|political|administrative|main|last|key|northern|southern|eastern|western)\s+)*" \
              r"(?:stronghold|bastion|capital|headquarters|heartland)"
_WHO = r"(?P<who>[A-Za-z][\w'’]*(?:\s[A-Z][\w'’]*)?)"
_HELD_BEFORE = re.compile(_WHO + r"[-‐](?:held|controlled|occupied|run)\s+(?:(?:town|city|village|port|district|"
                          r"enclave|stronghold)\s+(?:of\s+)?)?$")
_STRONGHOLD_BEFORE = re.compile(r"\b(?:[Tt]he\s+)?" + _WHO + r"(?:['’]s|s['’]|['’])?\s+" + _STRONGHOLD
                                + r"(?:\s+of|,)?\s+$")
_STRONGHOLD_AFTER = re.compile(r",\s+(?:[Tt]he\s+)?" + _WHO + r"(?:['’]s|s['’]|['’])?\s+" + _STRONGHOLD + r"\b")
_HELD_BY_AFTER = re.compile(r",\s+(?:(?:which|that)\s+(?:had\s+been|has\s+been|was)\s+|long\s+)?(?:held|controlled)"
                            r"\s+by\s+(?:the\s+)?" + _WHO)


def described_holders(text: str, toponyms: Sequence[Toponym],
                      side_of_word: Callable[[str], str | None]) -> list[tuple[int, str, str]]:
    """(where, place name, side) for each town the report names with its holder of the moment: "rebel-held
    Kilinochchi" is the rebels' as the report speaks of it. ``side_of_word`` reads the holder's word ("rebel",
    "LTTE", "Tigers'", "Russian") as a side of the report, or None."""
    found = []
    for t in toponyms:
        if t.place is None:
            continue
        lo = max(0, t.start - 60)
        for m in (_HELD_BEFORE.search(text, lo, t.start), _STRONGHOLD_BEFORE.search(text, lo, t.start),
                  _STRONGHOLD_AFTER.match(text, t.end, t.end + 80), _HELD_BY_AFTER.match(text, t.end, t.end + 80)):
            side = side_of_word(m.group("who")) if m else None
            if side:
                found.append((t.start, t.place.name, side))
                break
    return found

