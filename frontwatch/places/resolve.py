"""Choosing which place a mention means: explicit patterns, then the report's country focus, then importance."""

from __future__ import annotations

import re
from collections import Counter

from frontwatch.places.distance import great_circle_km
from frontwatch.places.gazetteer import Entry, Gazetteer, cities_before_their_units, importance
from frontwatch.places.names import normalise, skeleton
from frontwatch.places.recognise import Mention

# The word after a name that says it is the province, not its capital city ("Logar province").
_ADMIN_WORD = re.compile(r"^[ -]?(?:provinces?|oblasts?|regions?|state|governorates?|districts?|county|counties|parish)\b",
                         re.I)
# The first names of a list that one plural unit word ends: "Luhansk and Donetsk regions", "Kunduz, Baghlan and
# Takhar provinces".
_LISTED_UNITS = re.compile(r"^(?:\s*,\s*[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)?)*,?\s+(?:and|or)\s+[A-Z][\w'’-]*"
                           r"(?:[ -][A-Z][\w'’-]*)?\s+(?:provinces|oblasts|regions|governorates|districts|counties)\b")
# What lies between a place and the unit that contains it: "X, Y", "X in Y", "X, the capital of Y province".
_CONTAINED_IN = re.compile(
    r"^(?:,\s*|\s+in\s+(?:the\s+)?|\s+of\s+|,\s*(?:the\s+)?(?:provincial\s+)?capital\s+of\s+(?:the\s+)?"
    r"|,\s*(?:a|the)\s+(?:\w+\s+){0,2}(?:city|town|village|district)\s+(?:in|of)\s+(?:the\s+)?)$", re.I)

_IN = re.compile(r"^\s+in\s+(?:the\s+)?$")

FOCUS_BONUS = 4.0  # in the report's country: outweighs a thousandfold population, not a country's name
MENTIONED_COUNTRY_BONUS = 1.5
MENTIONED_ADMIN1_BONUS = 2.0
NEAR_BONUS = 2.0  # close to the other places the report names (local news names places near each other)
OWN_NAME_BONUS = 1.5  # "Columbia" is a place called Columbia before one that was once called so
PAIR_BONUS = 2.0  # a candidate beside a candidate of another name in the report ("Huntsville", "Walker County")
PAIR_KM = 30.0
_PAIR_MAX_CANDIDATES = 60  # a name with more namesakes ("Washington") has one near almost anything: left out


def _candidates(text: str, m: Mention, gaz: Gazetteer) -> list[Entry]:
    """The places a mention may mean; a province only where the text says so or no city shares its name."""
    found = gaz.entries(m.key)
    loose = gaz.spelling_key(m.key)
    if loose:  # "Shabwa": a Burmese village as written, Yemen's Shabwah by its loose spelling
        found = found + [e for e in gaz.entries(loose) if e not in found]
    admin_word = bool(_ADMIN_WORD.match(text[m.end:m.end + 14]) or _LISTED_UNITS.match(text[m.end:m.end + 120]))
    if admin_word:
        admins = [e for e in found if e.place.feature in ("admin1", "admin2")]
        if admins:
            return admins
        return found
    # A country's own name is the country (or a province of that name: "Georgia"), never a city that bears
    # it as another name ("Mexico" is not Mexico City, "China" not a town in Texas).
    if any(e.key == m.key and e.place.feature == "country" for e in found):
        return [e for e in found if e.key == m.key and e.place.feature in ("country", "admin1")]
    # A notable place of this very name outranks small places that once bore it or bear it in another
    # language ("Samangan" is the province, not Aibak, whose old name it is).
    own = [e for e in found if e.key == m.key and _significant(e)]
    if own:
        # nor is a unit that bears the name only as another one: "Dnipro" is the city, not Dnipropetrovsk oblast
        found = [e for e in found if e.key == m.key or (_significant(e) and not (
            e.place.feature in ("admin1", "admin2") and any(o.place.country == e.place.country for o in own)))
            or _city_of_unit(e, own)]
    return cities_before_their_units(found)


def _city_of_unit(e: Entry, units: list[Entry]) -> bool:
    """A town that bears, in a loose spelling of it, the name of a unit it lies in ("Dar'a" of Daraa province;
    not Minneota of Minnesota)."""
    return e.place.feature == "city" and any(
        u.place.feature == "admin1" and u.place.country == e.place.country and u.place.admin1 == e.place.admin1
        and skeleton(u.key) == skeleton(e.key) for u in units)


def _significant(e: Entry) -> bool:
    """A candidate a reader would think of first: a country, a province or state, a region, a big city."""
    p = e.place
    return p.feature in ("country", "admin1", "region") or e.capital or p.population >= 100_000


def _clear_country(entries: list[Entry], key: str = "") -> tuple[str | None, float]:
    """The country a mention names without doubt, and how strongly: 2 for a country or province name."""
    if not entries:
        return None, 0.0
    significant = [e for e in entries if _significant(e)]
    pool = significant or entries
    countries = {e.place.country for e in pool}
    if len(countries) != 1 or None in countries:
        return None, 0.0  # "Georgia": the country or the US state
    if significant and all(e.place.feature == "city" and e.key != key for e in pool) \
            and any(e.key == key and e.place.country not in countries for e in entries):
        return None, 0.0  # "Mora": a big town bears it only as another name; towns elsewhere bear it as their own
    top = max(pool, key=importance).place
    return top.country, (2.0 if top.feature in ("country", "admin1") else 1.0)


def _clear_admin1(entries: list[Entry]) -> tuple[str, str] | None:
    """The admin-1 unit a mention lies in without doubt (its own name, or all candidates in one unit)."""
    units = {(e.place.country, e.place.admin1) for e in entries}
    if len(units) == 1 and entries[0].place.admin1:
        return units.pop()
    return None


def focus_counts(text: str, mentions: list[Mention], cands: list[list[Entry]], gaz: Gazetteer) -> Counter:
    """Votes for the report's country: country names, places that exist in only one country, demonyms."""
    votes: Counter = Counter()
    for m, entries in zip(mentions, cands):
        cc, weight = _clear_country(entries, m.key)
        if cc:
            votes[cc] += weight
    for word in re.findall(r"\b[A-Z][a-z]+\b", text):
        country = _country_of_demonym(word, gaz)
        if country:
            votes[country] += 0.5
    return votes


def _country_of_demonym(word: str, gaz: Gazetteer) -> str | None:
    """The country a people's adjective names ("Malian" -> ML), if it names one."""
    key = gaz.demonym_key(normalise(word))
    entries = gaz.entries(key) if key else []
    return entries[0].place.country if entries and entries[0].place.feature == "country" else None


# "the central Malian town of Konna": a people's adjective on a word of place says where the place lies ("Russian
# troops" says nothing of where they are; "the Russian-held town" is in another country, and is no match)
_DEMONYM_PLACE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[a-z]+\s+)?(?:town|city|village|capital|region|province|district|"
                            r"port|border\s+town|countryside)\b")


def place_demonym_votes(text: str, gaz: Gazetteer) -> Counter:
    """Two votes, as a country's own name has, for the country each "<people's> town" lies in."""
    votes: Counter = Counter()
    for m in _DEMONYM_PLACE.finditer(text):
        country = _country_of_demonym(m.group(1), gaz)
        if country:
            votes[country] += 2.0
    return votes


def resolve(text: str, mentions: list[Mention], gaz: Gazetteer, focus: str | None = None) -> list[Entry | None]:
    """The place each mention means, or None when the gazetteer has nothing for it."""
    cands = [_candidates(text, m, gaz) for m in mentions]
    # Explicit containment: "Pul-e-Alam, the capital of Logar province", "Herat, Afghanistan".
    for k in range(len(mentions) - 1):
        inner, outer = mentions[k], mentions[k + 1]
        if not _CONTAINED_IN.match(text[inner.end:outer.start]):
            continue
        # the container may be the unit that candidate filtering set aside for its city ("Fresnillo in
        # Zacatecas", "Tumaco in Narino")
        outer_units = [e for e in gaz.entries(outer.key) if e.place.feature == "admin1" and e not in cands[k + 1]] \
            if _IN.match(text[inner.end:outer.start]) else []  # not "Colorado, California": a list
        pairs = [(a, b) for a in cands[k] for b in cands[k + 1] + outer_units
                 if b.place.feature in ("admin1", "country", "admin2") and a.place.country == b.place.country
                 and a is not b and (b.place.feature == "country" or a.place.admin1 == b.place.admin1)]
        if pairs:
            a, b = max(pairs, key=lambda p: importance(p[0]) + importance(p[1]))
            cands[k] = [a]
            cands[k + 1] = [b]
    paired = _paired(mentions, cands)
    votes = focus_counts(text, mentions, cands, gaz)
    if focus is None and votes:
        focus = votes.most_common(1)[0][0]
    # Provinces and states named without doubt, by the name that names them: a name does not vouch for
    # itself ("New York" does not make New York City likelier by naming New York State).
    unit_by_name: dict[str, Counter] = {}
    for m, entries in zip(mentions, cands):
        unit = _clear_admin1(entries)
        if unit:
            unit_by_name.setdefault(m.key, Counter())[unit] += 2.0 if entries[0].place.feature == "admin1" else 1.0
    all_units = sum(unit_by_name.values(), Counter())

    def admin1_votes(m: Mention) -> Counter:
        return all_units - unit_by_name.get(m.key, Counter())

    chosen = [_best(m, entries, focus, set(votes), admin1_votes(m), paired=paired)
              for m, entries in zip(mentions, cands)]
    # Second pass: the places chosen for the other mentions say which province or state the report is in
    # ("Paris" beside Texas towns is Paris, Texas). Mentions of the same name do not vouch for each other.
    admin1_by_name: dict[str, Counter] = {}
    country_by_name: dict[str, Counter] = {}
    point_names: dict[tuple[float, float], set[str]] = {}
    for m, c in zip(mentions, chosen):
        if c is None:
            continue
        if c.place.admin1:
            admin1_by_name.setdefault(m.key, Counter())[(c.place.country, c.place.admin1)] += 1
        if c.place.country:
            country_by_name.setdefault(m.key, Counter())[c.place.country] += 1
        if c.place.feature in ("city", "admin2", "site"):
            point_names.setdefault((c.place.lat, c.place.lon), set()).add(m.key)
    all_admin1 = sum(admin1_by_name.values(), Counter())
    all_countries = sum(country_by_name.values(), Counter())
    decided: dict[tuple, Entry | None] = {}
    for k, (m, entries) in enumerate(zip(mentions, cands)):
        if len(entries) < 2:
            continue
        ident = (m.key, tuple(id(e) for e in entries))
        if ident not in decided:
            near_admin1 = all_admin1 - admin1_by_name.get(m.key, Counter())
            near_country = all_countries - country_by_name.get(m.key, Counter())
            points = [p for p, names in point_names.items() if names != {m.key}]
            decided[ident] = _best(m, entries, focus, set(near_country) | set(votes), admin1_votes(m) + near_admin1,
                                   points,
                                   paired)
        chosen[k] = decided[ident]
    return chosen


def _paired(mentions: list[Mention], cands: list[list[Entry]]) -> set[int]:
    """Candidates (by id) that lie close to a candidate of another name in the report, in the same admin-1.

    Two ambiguous names rarely have namesakes side by side by chance: "Huntsville" and "Walker County" both
    in Texas, a few kilometres apart, say which Huntsville and which Walker County the report means.
    """
    cells: dict[tuple[int, int], list[tuple[str, Entry]]] = {}
    seen: set[str] = set()
    for m, entries in zip(mentions, cands):
        if m.key in seen or len(entries) > _PAIR_MAX_CANDIDATES:
            continue
        seen.add(m.key)
        for e in entries:
            if e.place.feature in ("city", "admin2", "site"):
                cells.setdefault((int(e.place.lat * 2 // 1), int(e.place.lon * 2 // 1)), []).append((m.key, e))
    paired: set[int] = set()
    for (la, lo), here in cells.items():
        near = [x for dla in (-1, 0, 1) for dlo in (-1, 0, 1) for x in cells.get((la + dla, lo + dlo), ())]
        for key, e in here:
            for other_key, o in near:
                if other_key != key and o.place.admin1 == e.place.admin1 and o.place.country == e.place.country \
                        and great_circle_km(e.place.lat, e.place.lon, o.place.lat, o.place.lon) < PAIR_KM:
                    paired.add(id(e))
                    break
    return paired




def _best(m: Mention, entries: list[Entry], focus: str | None, countries: set[str],
          admin1_votes: Counter, points: list[tuple[float, float]] | None = None,
          paired: set[int] | None = None) -> Entry | None:
    """The candidate with the highest score in the report's context."""
    if not entries:
        return None
    top_admin1 = admin1_votes.most_common(1)[0][0] if admin1_votes else None
    focus_namesake = any(e.place.country == focus for e in entries)

    def score(e: Entry) -> float:
        p = e.place
        # A capital stands out unless the report's own country has a namesake and the capital's country is not
        # in view: "Dublin" in a report on Ohio is Dublin, Ohio; "Washington" in a report on Russia is the capital.
        s = importance(e, capital=not focus or p.country == focus or p.country in countries
                       or not focus_namesake)
        if e.key == m.key:
            s += OWN_NAME_BONUS
        if focus and p.country == focus:
            s += FOCUS_BONUS
        elif p.country in countries:
            s += MENTIONED_COUNTRY_BONUS
        if p.feature != "admin1" and (p.country, p.admin1) in admin1_votes:
            s += MENTIONED_ADMIN1_BONUS + (1.0 if (p.country, p.admin1) == top_admin1 else 0.0)
        if paired and id(e) in paired:
            s += PAIR_BONUS
        if points and p.feature in ("city", "admin2", "site"):
            nearest = min(great_circle_km(p.lat, p.lon, *q) for q in points)
            s += NEAR_BONUS if nearest < 100 else NEAR_BONUS / 2 if nearest < 300 else 0.0
        return s

    return max(entries, key=score)
