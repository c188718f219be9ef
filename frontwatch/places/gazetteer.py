"""The offline gazetteer: GeoNames places shipped in the package, looked up by normalised name."""

from __future__ import annotations

import gzip
import math
import re
import threading
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from frontwatch.places.distance import great_circle_km
from frontwatch.places.names import ARABIC_ARTICLE, SKELETON_MARK, loose_keys, normalise, skeleton
from frontwatch.places.recognise import mentions
from frontwatch.places.seats import curated_seats, rule_seats
from frontwatch.records import Place

DATA = Path(__file__).resolve().parent / "data"
GAZETTEER_FILE = DATA / "gazetteer.tsv.gz"


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer place and what ranks it: whether it is a national capital, its own name's key."""

    place: Place
    capital: bool = False
    key: str = ""  # normalise(place.name): a mention of its own name, not of an old or foreign one
    spellings: int = 0  # how many spellings GeoNames gives it: a town written about in many languages


def _data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data file, without comments and blank lines."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


class Gazetteer:
    """Places by normalised name, from the shipped GeoNames extract and the data files beside it."""

    def __init__(self, path: Path = GAZETTEER_FILE):
        # The file holds the places, then the keys and, line for line, the rows each key names; zipping the
        # two blocks into a dict runs at C speed (a loop over 500,000 names would take a second).
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        places, rest = text.split("\n#keys\n", 1)
        keys, rows = rest.split("\n#rows\n", 1)
        self._rows = places.split("\n")[1:]
        # values stay "3,17" strings until a key is asked for
        self._index: dict[str, str | list[int]] = dict(zip(keys.split("\n"), rows.rstrip("\n").split("\n")))
        self._entries: dict[int, Entry] = {}
        self._twins: dict[str, dict[int, int]] = {}  # key -> {row: the more populous row of the same town}
        self._by_country: dict[str, int] = {}
        self._by_admin1: dict[tuple[str, str], int] = {}
        for i, line in enumerate(self._rows):
            if "\tcountry\t" in line or "\tadmin1\t" in line:
                f = line.split("\t")
                if f[6] == "country":
                    self._by_country[f[4]] = i
                elif f[6] == "admin1":
                    self._by_admin1[(f[4], normalise(f[5]))] = i
        self._curated: set[str] = set()
        self._seats: dict[tuple[str, str], int] | None = None  # built on the first capital_of()
        self._load_country_names()
        self._load_additions()
        self._load_admin1_aliases()
        self._load_admin1_points()
        self._demonyms: dict[str, str] = {}
        for demonym, target in _data_rows("demonyms.tsv"):
            row = self._by_country.get(target) if len(target) == 2 and target.isupper() \
                else self._best(self._rows_of(normalise(target)), None)
            if row is not None:
                self._demonyms[normalise(demonym)] = key = "=" + target
                self._index[key] = [row]  # the key a demonym mention resolves through

    # -- loading the data files -------------------------------------------------------------------------

    def _add_keys(self, row: int, names: list[str]) -> None:
        for n in names:
            key = normalise(n)
            if n.endswith(".") and len(key) <= 4:
                key += "."  # "Kan.", "Ga.": an abbreviation is one only with its dot
            self._curated.add(key)
            if key:
                got = self._rows_of(key)
                self._index[key] = got
                if row not in got:
                    got.append(row)

    def _load_country_names(self) -> None:
        for cc, aliases, *centre in _data_rows("country_names.tsv"):
            row = self._by_country.get(cc)
            if row is None:
                continue
            if len(centre) == 2 and centre[0] and centre[1]:
                f = self._rows[row].split("\t")
                f[2], f[3] = centre
                self._rows[row] = "\t".join(f)
            self._add_keys(row, [a for a in aliases.split("|") if a])

    def _load_additions(self) -> None:
        for r in _data_rows("additions.tsv"):
            kind, name, aliases, country = r[:4]
            names = [name, *[a for a in aliases.split("|") if a]]
            if kind == "alias":
                target = self._best(self._rows_of(normalise(name)), country)
                if target is not None:
                    self._add_keys(target, names)
                continue
            admin1, lat, lon, feature, population = r[4:9]
            self._rows.append("\t".join(["", name, lat, lon, country, admin1, feature, population, "0"]))
            self._add_keys(len(self._rows) - 1, names)

    def _load_admin1_aliases(self) -> None:
        """Abbreviations and spellings of admin-1 names that the build did not know ("NSW", "Kan.")."""
        for code, name, *rest in _data_rows("admin1_names.tsv"):
            row = self._by_admin1.get((code[:2], normalise(name)))
            if row is not None and rest and rest[0]:
                self._add_keys(row, rest[0].split("|"))

    def _load_admin1_points(self) -> None:
        """Points for units whose towns' box sits far from their middle (Canada's provinces, the UK's nations)."""
        for country, name, lat, lon in _data_rows("admin1_points.tsv"):
            row = self._by_admin1.get((country, normalise(name)))
            if row is not None:
                f = self._rows[row].split("\t")
                f[2], f[3] = lat, lon
                self._rows[row] = "\t".join(f)

    def _best(self, rows: list[int], country: str | None) -> int | None:
        """The most populous of these rows in that country."""
        found = [r for r in rows if not country or self.entry(r).place.country == country]
        return max(found, key=lambda r: self.entry(r).place.population, default=None)

    # -- lookups ----------------------------------------------------------------------------------------

    def _rows_of(self, key: str) -> list[int]:
        """The rows a key names (parsed from the file's "3,17" on first use)."""
        got = self._index.get(key)
        if got is None:
            return []
        if isinstance(got, str):
            got = self._index[key] = [int(r) for r in got.split(",")]
        return got

    def entry(self, row: int) -> Entry:
        """The place of a row, built on first use (most rows are never asked for); a town GeoNames lists twice
        is always its more populous row."""
        got = self._entries.get(row)
        if got is None:
            got = self._entries[row] = self._parse(row)
            twin = self._twin(row, got)
            if twin is not None:
                got = self._entries[row] = self.entry(twin)
        return got

    def _parse(self, row: int) -> Entry:
        f = self._rows[row].split("\t")
        place = Place(name=f[1], geonameid=int(f[0]) if f[0] else None, lat=float(f[2]), lon=float(f[3]),
                      admin1=f[5] or None, country=f[4] or None, feature=f[6], population=int(f[7] or 0))
        return Entry(place, f[8] == "1", normalise(f[1]), int(f[9]) if len(f) > 9 else 0)

    def _twin(self, row: int, entry: Entry) -> int | None:
        """A more populous row of the same town: GeoNames lists some towns twice, under two spellings of one
        name a few hundred metres apart ("Zawiya" and "Az Zawiyah"). Read apart, the reports of one town
        would make two histories of control."""
        if entry.place.feature != "city":
            return None
        loose = SKELETON_MARK + skeleton(entry.key)
        if loose not in self._index:
            return None  # only the countries whose names English transliterates loosely are filed twice so
        keys = [entry.key, loose]
        if ARABIC_ARTICLE.match(entry.place.name):
            keys += [SKELETON_MARK + k for k in loose_keys(entry.place.name)[1:]]
        for key in keys:
            twin = self._twins_under(key).get(row)
            if twin is not None:
                return twin
        return None

    def _twins_under(self, key: str) -> dict[int, int]:
        """Row -> the more populous row of the same town, among the towns filed under one key (worked out once)."""
        got = self._twins.get(key)
        if got is None:
            rows = self._rows_of(key)
            cities = [(r, p) for r in rows if (p := self._parse(r).place).feature == "city"] if len(rows) > 1 else []
            got = {}
            for r, p in cities:
                best = max((q.population, -s) for s, q in cities if q.country == p.country
                           and great_circle_km(p.lat, p.lon, q.lat, q.lon) <= TWIN_KM)
                if -best[1] != r:
                    got[r] = -best[1]
            self._twins[key] = got
        return got

    def entries(self, key: str) -> list[Entry]:
        """Every place under a normalised name (a town listed twice, once)."""
        found = [self.entry(r) for r in self._rows_of(key)]
        return [e for i, e in enumerate(found) if not any(e is f for f in found[:i])]

    def has_key(self, key: str) -> bool:
        return key in self._index

    def notable(self, key: str) -> bool:
        """Whether a name may mean a place of note: a country, province, region, capital or city of 100,000+."""
        return any(e.place.feature in ("country", "admin1", "region") or e.capital or e.place.population >= 100_000
                   for e in self.entries(key))

    def own_name(self, key: str) -> bool:
        """Whether some place bears this name as its own (or its skeleton: "Tal Afar" for "Tall Afar"), or as
        another spelling of a town of 10,000+ or of one written in many languages ("Bint Jbeil", uncounted)."""
        loose = key[1:] if key.startswith(SKELETON_MARK) else skeleton(key)
        return any(e.key == key or e.place.population >= 10_000 or e.spellings >= WELL_KNOWN_SPELLINGS
                   or skeleton(e.key) == loose for e in self.entries(key))

    def spelling_key(self, key: str) -> str | None:
        """The skeleton key of a name the gazetteer lacks as written ("hodeidah" -> "hodeida"), if it has that."""
        loose = SKELETON_MARK + skeleton(key)
        return loose if loose in self._index else None

    def curated(self, key: str) -> bool:
        """Whether a key comes from the data files (so a short acronym like "DRC" or "NSW" is meant)."""
        return key in self._curated

    def demonym_key(self, key: str) -> str | None:
        """The key of the place a demonym names ("afghan", "russians" -> Afghanistan, Russia), or None."""
        got = self._demonyms.get(key)
        if got is None and key.endswith("s"):
            got = self._demonyms.get(key[:-1])
        return got

    def _key(self, name: str) -> str:
        """The index key of a name as written: "Kan." keeps its dot (an abbreviation only with it); a name
        the gazetteer lacks falls back on its skeleton ("Hodeidah")."""
        key = normalise(name)
        if name.endswith(".") and (key + ".") in self._index:
            return key + "."
        return key if key in self._index else self.spelling_key(key) or key

    def candidates(self, name: str) -> list[Place]:
        """Every place this name may mean, most important first."""
        return [e.place for e in sorted(self.entries(self._key(name)), key=importance, reverse=True)]

    def lookup(self, name: str, country: str | None = None, admin1: str | None = None) -> Place | None:
        """The place this name most likely means, within a country and admin-1 unit when given."""
        found = cities_before_their_units(self.entries(self._key(name)))
        if country:
            found = [e for e in found if e.place.country == country]
        if admin1:
            a1 = normalise(admin1)
            found = [e for e in found if e.place.admin1 and normalise(e.place.admin1) == a1]
        return max(found, key=importance).place if found else None

    def district_town(self, district: Place) -> Place | None:
        """The town a district is named after, in its province ("Musa Qala district" -> Musa Qala): its seat in
        Afghanistan's, Syria's or Somalia's districts, as in most countries that name districts after towns."""
        if district.feature != "admin2" or not district.country:
            return None
        keys = [normalise(district.name)] + [SKELETON_MARK + k for k in loose_keys(district.name)]
        towns = [e.place for key in keys for e in self.entries(key)
                 if e.place.feature == "city" and e.place.country == district.country
                 and e.place.admin1 == district.admin1]
        return max(towns, key=lambda p: p.population) if towns else None

    def admin1_place(self, country: str, admin1_name: str) -> Place | None:
        """The admin-1 unit (province, oblast, state) of that name in that country."""
        row = self._by_admin1.get((country, normalise(admin1_name)))
        if row is not None:
            return self.entry(row).place
        found = [e for e in self.entries(normalise(admin1_name))
                 if e.place.feature == "admin1" and e.place.country == country]
        return found[0].place if found else None

    def _unit_key(self, country: str, admin1: str) -> str | None:
        bare = _UNIT_WORD.sub("", admin1)  # "Logar province" -> "Logar"
        # GeoNames keeps "State" in some units' names ("Borno State") that reports leave out
        unit = self.admin1_place(country, admin1) or self.admin1_place(country, bare) \
            or self.admin1_place(country, bare + " State")
        return normalise(unit.admin1 or unit.name) if unit else None

    def _towns(self, country: str, name: str) -> list[tuple[int, str | None, int]]:
        return [(r, normalise(e.place.admin1 or ""), e.place.population) for r in self._rows_of(normalise(name))
                if (e := self.entry(r)).place.feature == "city" and e.place.country == country]

    def capital_of(self, country: str, admin1: str) -> Place | None:
        """The seat of an admin-1 unit ("AF", "Logar" -> Pul-e-Alam), or None for a unit it does not know."""
        if self._seats is None:
            with _seats_lock:
                if self._seats is None:
                    seats = rule_seats(self._rows)
                    seats.update(curated_seats(self._unit_key, self._towns))
                    self._seats = seats
        unit = self._unit_key(country, admin1)
        row = self._seats.get((country, unit or normalise(admin1)))
        return self.entry(row).place if row is not None else None

    def country(self, iso2: str) -> Place | None:
        """The country of that ISO code."""
        row = self._by_country.get(iso2)
        return self.entry(row).place if row is not None else None

    def find(self, text: str) -> list[tuple[int, int, list[Place]]]:
        """Raw gazetteer matches in text: longest first at each point, never overlapping, in text order."""
        return [(m.start, m.end, self.candidates(text[m.start:m.end])) for m in mentions(text, self)]


_UNIT_WORD = re.compile(r"\s+(province|oblast|state|region|governorate|prefecture|county)$", re.I)
_FEATURE_WEIGHT = {"country": 4.0, "region": 3.0, "admin1": 1.5, "city": 0.0, "site": 1.0, "admin2": -1.0}


CAPITAL_BONUS = 3.0
TWIN_KM = 5.0  # GeoNames' double listings of a town lie under a kilometre apart; namesake villages, farther


def cities_before_their_units(found: list[Entry]) -> list[Entry]:
    """Drop a province or district whose own city bears its name: "Kandahar" alone is the city, and so is
    "Hama", whose city GeoNames spells "Hamah"."""
    cities: dict[tuple[str | None, str | None], list[str]] = {}
    for e in found:
        if e.place.feature == "city":
            cities.setdefault((e.place.country, e.place.admin1), []).append(e.key)
    return [e for e in found if not (e.place.feature in ("admin1", "admin2")
                                     and any(key == e.key or (e.place.feature == "admin1" and _namesakes(e.key, key))
                                             for key in cities.get((e.place.country, e.place.admin1), [])))] or found


def _namesakes(a: str, b: str) -> bool:
    """One name in two spellings ("hama", "hamah"; "daraa", "dar'a")."""
    # a letter or two apart, not a longer name ("New York City" is not the state)
    return abs(len(a) - len(b)) <= 2 and 100 * SequenceMatcher(None, a, b).ratio() >= NAMESAKE_SIMILARITY


NAMESAKE_SIMILARITY = 80  # "hamah" for "hama" (89), "dara" for "daraa" (89); "taloqan" for "takhar" is 46


def importance(e: Entry, capital: bool = True) -> float:
    """How prominent a place is, other things being equal: countries, capitals and populous places first."""
    p = e.place
    bonus = CAPITAL_BONUS if capital and e.capital else 0.0
    return _FEATURE_WEIGHT.get(p.feature, 0.0) + bonus + math.log10(p.population + 10)


WELL_KNOWN_SPELLINGS = 12  # Bint Jbeil has 13; a hamlet one to three

_lock = threading.Lock()
_seats_lock = threading.Lock()
_gazetteer: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    global _gazetteer
    if _gazetteer is None:
        with _lock:
            if _gazetteer is None:
                _gazetteer = Gazetteer()
    return _gazetteer
