"""Admin-1 seats: the town that is a province's, oblast's or state's capital ("the capital of Logar")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from frontwatch.places.names import normalise

SEATS_FILE = Path(__file__).resolve().parent / "data" / "admin1_seats.tsv"

# A town of the unit's own name is its seat unless it is much smaller than the unit's biggest town
# ("Kharkiv" of Kharkiv oblast; but a village "Logar" would not outrank the province's real towns).
_OWN_NAME_SHARE = 0.25


def rule_seats(rows: list[str]) -> dict[tuple[str, str], int]:
    """(country, normalised admin-1 name) -> row of its seat by rule: the town of its name, else its biggest.

    GeoNames marks seats with feature code PPLA, which the shipped extract lacks; this rule stands in for it
    where admin1_seats.tsv says nothing.
    """
    towns: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for i, line in enumerate(rows):
        if "\tcity\t" in line:
            f = line.split("\t")
            if f[5]:
                towns.setdefault((f[4], f[5]), []).append((int(f[7] or 0), i))
    seats = {}
    for (country, admin1), found in towns.items():
        unit = normalise(admin1)
        found.sort(reverse=True)
        biggest = found[0][0]
        own = next((i for pop, i in found if pop >= biggest * _OWN_NAME_SHARE
                    and normalise(rows[i].split("\t", 2)[1]) == unit), None)
        seats[(country, unit)] = own if own is not None else found[0][1]
    return seats


def curated_seats(unit_key: Callable[[str, str], str | None],
                  towns: Callable[[str, str], list[tuple[int, str | None, int]]]) -> dict[tuple[str, str], int]:
    """The seats named in admin1_seats.tsv, as (country, normalised admin-1 name) -> row.

    ``unit_key(country, name)`` gives a unit's normalised common name (None if unknown); ``towns(country,
    name)`` gives (row, normalised admin-1, population) of the towns of that name in that country.
    """
    seats = {}
    for line in SEATS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, admin1, seat = line.split("\t")[:3]
        unit = unit_key(country, admin1)
        found = towns(country, seat)
        if unit is None or not found:
            continue
        # the town of that name inside the unit, else the country's (Kyiv oblast's seat is the city of Kyiv)
        inside = [t for t in found if t[1] == unit] or found
        seats[(country, unit)] = max(inside, key=lambda t: t[2])[0]
    return seats
