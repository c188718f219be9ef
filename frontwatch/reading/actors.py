"""Actors: who is named in a report, by name, alias, metonym or generic reference.

The knowledge lives in ``frontwatch/data/actors.json`` (its ``schema`` key documents every field);
this module only matches it against text.
"""

from __future__ import annotations

import bisect
import json
import re
import string
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontwatch.config import DATA_DIR
from frontwatch.records import Actor

ACTORS_FILE = DATA_DIR / "actors.json"

# A hyphen before a name makes it a modifier ("pro-Taliban accounts", "anti-Taliban bastion"), not a mention.
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w-])"
# Folded for matching: case, and the typographic apostrophe ("Sudan’s army" is "Sudan's army").
_FOLD = str.maketrans(string.ascii_uppercase + "\u2019", string.ascii_lowercase + "'")


@dataclass(frozen=True)
class _Entry:
    actor: Actor
    side: str
    primary: bool
    sides_in: dict[str, str] | None = None  # country -> the side it fights for in that country's war


def _variants(phrase: str) -> list[str]:
    """The written forms an alias matches: itself, and capitalised when it starts lowercase."""
    forms = [phrase]
    if phrase[:1].islower():
        forms.append(phrase[:1].upper() + phrase[1:])
    return forms


def _trie(forms: set[str]) -> str:
    """One regex for many phrases, their common prefixes shared: a flat alternation tries every phrase at
    every position, which grows with the registry."""
    root: dict = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        # Greedy: the longest phrase first, a shorter one only when the longer fails (as the flat list did).
        return body + "?" if "" in node else body

    return emit(root)


def _alternation(phrases: list[str], flags: int = 0) -> re.Pattern[str] | None:
    forms = {f for p in phrases for f in _variants(p)}
    if not forms:
        return None
    return re.compile(_BEFORE + _trie(forms) + _AFTER, flags)


class ActorRegistry:
    """The actors of a data file, with lookups by alias, metonym and generic phrase."""

    def __init__(self, data: dict) -> None:
        self._entries: dict[str, _Entry] = {}
        self._by_alias: dict[str, str] = {}
        self._by_phrase: dict[str, str] = {}
        self._by_metonym: dict[str, str] = {}
        self._by_demonym: dict[str, str] = {}
        self._police: dict[str | None, Actor] = {}  # country (None: unnamed) -> its police force
        self._members: dict[str, frozenset[str]] = {}  # alliance -> the actors it is made of
        # (country, folded name) -> the actor a name means in a report about that country, though elsewhere it
        # means another ("al-Shabaab" in Cabo Delgado is not Somalia's group)
        self._local: dict[tuple[str, str], Actor] = {}
        for item in data.get("actors", []):
            actor = Actor(item["name"], item.get("kind") or "other", item.get("country"))
            self._entries[actor.name] = _Entry(actor, item.get("side") or actor.name, bool(item.get("primary")),
                                               item.get("sides_in"))
            if item.get("role") == "police":
                self._police.setdefault(actor.country, actor)
            if item.get("members"):
                self._members[actor.name] = frozenset(item["members"])
            for alias in [actor.name, *item.get("aliases", [])]:
                if " " in alias:
                    # "Russian Armed Forces" and "Russian armed forces" are one alias; "US" and "us" are not.
                    self._by_phrase.setdefault(alias.translate(_FOLD), actor.name)
                for form in _variants(alias):
                    self._by_alias.setdefault(form, actor.name)
            for name in item.get("local_aliases", []):
                if actor.country:
                    self._local[(actor.country, name.translate(_FOLD))] = actor
            for metonym in item.get("metonyms", []):
                self._by_metonym[metonym] = actor.name
            for demonym in item.get("demonyms", []):
                self._by_demonym.setdefault(demonym, actor.name)
        self._generic: dict[str, str] = {}
        self._unnamed: dict[str, str] = {}  # generic phrase -> the actor it stands for when the report names none
        for group in data.get("generic", []):
            for phrase in group.get("phrases", []):
                for form in _variants(phrase):
                    self._generic.setdefault(form, group["refers_to"])
                    if group.get("unnamed") in self._entries:
                        self._unnamed.setdefault(form, group["unnamed"])
        # a local name no actor holds everywhere ("Rwandan troops" in Cabo Delgado) is looked for only there
        only_local: dict[str, list[str]] = {}
        held = set(self._by_phrase) | {f.translate(_FOLD) for f in self._by_alias}
        for country, name in self._local:
            if name not in held:
                only_local.setdefault(country, []).extend(_variants(name))
        self._local_re = {country: _alternation(forms, re.IGNORECASE) for country, forms in only_local.items()}
        self._alias_re = _alternation([a for a in self._by_alias if " " not in a])
        # Matched against ASCII-folded text: same offsets, and far faster than an IGNORECASE alternation.
        self._phrase_re = _alternation(list(self._by_phrase))
        self._generic_re = _alternation(list(self._generic))
        verbs = "|".join(re.escape(v) for v in data.get("metonym_verbs", []))
        metonyms = "|".join(re.escape(m) for m in self._by_metonym)
        # "Kyiv said", "Washington and London announced", "Moscow on Friday denied", "Kyiv has warned".
        self._metonym_re = re.compile(
            rf"{_BEFORE}({metonyms})((?:(?:,| and) (?:{metonyms}))*)"
            rf"(?:,? (?:on|late|early|earlier|later) \w+,?)?(?: (?:has|have|had|also|again|already|earlier|now|later|then|\w+ly))*"
            rf" (?:{verbs}){_AFTER}"
        ) if metonyms and verbs else None

    @classmethod
    def from_file(cls, path: Path) -> ActorRegistry:
        """A registry read from an actors JSON file."""
        with open(path, encoding="utf-8") as fh:
            return cls(json.load(fh))

    @classmethod
    def default(cls) -> ActorRegistry:
        """The registry of the shipped ``actors.json``, loaded once."""
        return _default_registry()

    @property
    def actors(self) -> list[Actor]:
        return [e.actor for e in self._entries.values()]

    def find(self, text: str, country: str | None = None) -> list[tuple[int, int, Actor]]:
        """Actor mentions by name, alias or speaking metonym: longest match, non-overlapping, in text order.

        ``country`` is the report's (ISO2): a name that means another actor there (``local_aliases``) is read so.
        """
        found: list[tuple[int, int, Actor]] = []
        if self._phrase_re:
            found = [(m.start(), m.end(), self._entries[self._by_phrase[m.group()]].actor)
                     for m in self._phrase_re.finditer(text.translate(_FOLD))]
        if self._alias_re:
            found = _add_free(found, [(m.start(), m.end(), self._entries[self._by_alias[m.group()]].actor)
                                      for m in self._alias_re.finditer(text)])
        found = _add_free(found, self.find_metonyms(text))
        if country and self._local:
            local_re = self._local_re.get(country)
            if local_re is not None:
                found = _add_free([(m.start(), m.end(), self._local[(country, m.group().translate(_FOLD))])
                                   for m in local_re.finditer(text)], found)
            found = [(s, e, self._local.get((country, text[s:e].translate(_FOLD)), a)) for s, e, a in found]
        return found

    def find_metonyms(self, text: str) -> list[tuple[int, int, Actor]]:
        """Capital names standing for a government: only as the subject of a speech or decision verb."""
        if not self._metonym_re:
            return []
        found = []
        for m in self._metonym_re.finditer(text):
            for name in re.finditer("|".join(re.escape(k) for k in self._by_metonym), m.group(1) + m.group(2)):
                start = m.start() + name.start()
                found.append((start, start + len(name.group()), self._entries[self._by_metonym[name.group()]].actor))
        return found

    def is_metonym(self, text: str, start: int, end: int) -> bool:
        """Whether the name at ``text[start:end]`` (e.g. "Kyiv") stands for a government there, not a place."""
        return any(s == start and e == end for s, e, _ in self.find_metonyms(text))

    def find_generic(self, text: str, country: str | None = None) -> list[tuple[int, int, str]]:
        """Generic references ("the insurgents", "government forces") that need context to resolve, outside the
        names ``find(text, country)`` reads."""
        if not self._generic_re:
            return []
        named = self.find(text, country)
        generic = [(m.start(), m.end(), m.group()) for m in self._generic_re.finditer(text)]
        return [g for g in _add_free(named, generic) if isinstance(g[2], str)]

    def resolve(self, name: str, *, metonym: bool = False) -> Actor | None:
        """The actor a name or alias stands for; a capital ("Kyiv") only with ``metonym=True``.

        A capital is a place unless the text makes it speak (see ``is_metonym``), so by default it is none.
        """
        key = name.strip()
        canonical = self._by_alias.get(key) or self._by_phrase.get(key.translate(_FOLD))
        if canonical is None and metonym:
            canonical = self._by_metonym.get(key)
        if canonical is None and key.lower().startswith("the "):
            canonical = self._by_alias.get(key[4:]) or self._by_phrase.get(key[4:].translate(_FOLD))
        return self._entries[canonical].actor if canonical else None

    def side(self, actor: Actor | str, country: str | None = None) -> str | None:
        """The party an actor's gains count for in control terms (Wagner Group -> Russia); in a report about
        ``country``, the side it fights for there (Russia's gains in Syria are the Syrian government's)."""
        name = actor.name if isinstance(actor, Actor) else actor
        entry = self._entries.get(name)
        if entry is None:
            resolved = self.resolve(name)
            entry = self._entries.get(resolved.name) if resolved else None
        if entry is None:
            return None
        return (entry.sides_in or {}).get(country or "", entry.side)

    def of_demonym(self, word: str) -> Actor | None:
        """The actor whose people a demonym names ("Russian" -> Russia), if one is recorded."""
        name = self._by_demonym.get(word)
        return self._entries[name].actor if name else None

    def is_party(self, actor: Actor | str) -> bool:
        """Whether the actor fights in its conflict (rebels, militias, states), rather than watching from outside."""
        found = actor if isinstance(actor, Actor) else self.resolve(actor)
        return found is not None and found.kind in ("state", "rebel", "militia")

    def state_of(self, country: str | None) -> Actor | None:
        """The primary state actor of a country (AF -> Afghan government)."""
        if not country:
            return None
        for entry in self._entries.values():
            if entry.primary and entry.actor.country == country:
                return entry.actor
        return None

    def generic_role(self, phrase: str) -> str | None:
        """What a generic phrase refers to: "protagonist", "state", "police", or None when it is not generic."""
        key = phrase.strip()
        return self._generic.get(key) or self._generic.get(key[:1].lower() + key[1:])

    def resolve_generic(self, phrase: str, *, focus_country: str | None,
                        protagonist: Actor | None) -> Actor | None:
        """The actor a generic reference means in this report, or None when that is not clear."""
        role = self.generic_role(phrase)
        if role == "protagonist":
            if protagonist is not None:
                return protagonist if protagonist.kind in ("rebel", "militia") else None
            # "Rebels took the town" in a report that names no group: an armed group all the same, whose name
            # other reports may give (control/unnamed.py).
            key = phrase.strip()
            unnamed = self._unnamed.get(key) or self._unnamed.get(key[:1].lower() + key[1:])
            return self._entries[unnamed].actor if unnamed else None
        if role == "state":
            return self.state_of(focus_country)
        if role == "police":
            return self.police_of(focus_country)
        return self.resolve(phrase)

    def unnamed_groups(self) -> frozenset[str]:
        """The names of the stand-ins for armed groups a report does not name."""
        return frozenset(self._unnamed.values())

    def alliances(self) -> dict[str, frozenset[str]]:
        """Each alliance's name, with the names of the actors it is made of (``members`` in the data file)."""
        return {name: frozenset(m for m in members if m in self._entries) for name, members in self._members.items()}

    def is_police(self, actor: Actor | None) -> bool:
        """Whether the actor is a police force."""
        return actor is not None and any(actor.name == p.name for p in self._police.values())

    def police_of(self, country: str | None) -> Actor | None:
        """A country's police force; police of no named country where the registry has none for it."""
        return self._police.get(country) or self._police.get(None)


def _add_free(kept: list[tuple[int, int, Any]], extra: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """``kept`` (in text order, non-overlapping) with those of ``extra`` that overlap none of it, in text order."""
    starts = [k[0] for k in kept]
    merged = list(kept)
    for item in extra:
        i = bisect.bisect_right(starts, item[0])
        if (i > 0 and kept[i - 1][1] > item[0]) or (i < len(kept) and kept[i][0] < item[1]):
            continue
        merged.append(item)
    merged.sort(key=lambda f: f[0])
    return merged


@lru_cache(maxsize=1)
def _default_registry() -> ActorRegistry:
    return ActorRegistry.from_file(ACTORS_FILE)


def protagonist(registry: ActorRegistry, text: str, focus_country: str | None = None) -> Actor | None:
    """The non-state actor a report is about: the most named rebel or militia, when it clearly leads.

    ``focus_country`` breaks a tie in favour of an actor of that country. Returns None when no non-state
    actor is named or the two most named are named equally often.
    """
    counts = Counter(a.name for _, _, a in registry.find(text, focus_country) if a.kind in ("rebel", "militia"))
    if not counts:
        return None
    actors = {a.name: a for a in registry.actors}
    ranked = counts.most_common()
    leaders = [name for name, c in ranked if c == ranked[0][1]]
    if len(leaders) > 1 and focus_country:
        leaders = [n for n in leaders if actors[n].country == focus_country] or leaders
    return actors[leaders[0]] if len(leaders) == 1 else None
