"""Print, day by day, how near each hostile party's closest held place comes to a watch point.

    python scripts/approach_series.py --db frontwatch.db --from 2021-08-06 --to 2021-08-16 [--watch FILE] [--point NAME]
"""

from __future__ import annotations

import argparse

from frontwatch.control.approach import approach_series, load_watch_points
from frontwatch.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--from", dest="date_from", required=True)
    parser.add_argument("--to", dest="date_to", required=True)
    parser.add_argument("--watch", default=None, help="watch points file (default: the demo's)")
    parser.add_argument("--point", default=None, help="one watch point by name (default: the first)")
    args = parser.parse_args()
    points = load_watch_points(args.watch)
    point = next((p for p in points if p.name == args.point), points[0]) if args.point else points[0]
    with Store.open(args.db, readonly=True) as store:
        series = approach_series(store, point, args.date_from, args.date_to)
    print(f"{point.name} ({point.lat}, {point.lon})")
    print("| date | party | nearest held place | status | km | km/day | warning |")
    print("|---|---|---|---|---|---|---|")
    for a in series:
        d = a.to_dict()
        nearest = d["nearest"]["name"] if d["nearest"] else "-"
        rate = "-" if d["km_per_day"] is None else f"{d['km_per_day']:+.1f}"
        km = "-" if d["distance_km"] is None else f"{d['distance_km']:.0f}"
        print(f"| {a.as_of} | {a.party} | {nearest} | {d['status'] or '-'} | {km} | {rate} | "
              f"{'; '.join(a.reasons) or '-'} |")


if __name__ == "__main__":
    main()
