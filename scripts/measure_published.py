"""How well an undated report's publication date is estimated from its text, on the ua2022 development reports.

    python scripts/measure_published.py [--corpus PATH] [--today YYYY-MM-DD]

On the dated rows (their date hidden) it counts estimates within a day, early and late; on the undated rows, how
many get an estimate at all. Where the IndiaPoliceEvents documents are present, it checks the same on them, held
out (never looked at while the stamp patterns were written): whole texts, and their bodies without the stamp line
they open with, which should give no date. It prints figures only, never the reports' text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from frontwatch import config
from frontwatch.ingest.published import _FULL_DATES, _date_of, date_from_head, date_from_text, estimate_published
from frontwatch.ingest.published import normalise_date


def measure(rows: list[dict], estimate: Callable[[str], str | None]) -> dict[str, object]:
    """Counts for one way of estimating: dated rows (hidden date) against their date, undated rows' coverage."""
    dated = [(r, normalise_date(r.get("published"))) for r in rows]
    early: list[int] = []
    late: list[int] = []
    within = estimated = 0
    for row, true in (pair for pair in dated if pair[1]):
        guess = estimate(row.get("text") or "")
        if not guess:
            continue
        estimated += 1
        delta = (dt.date.fromisoformat(guess) - dt.date.fromisoformat(true)).days
        if abs(delta) <= 1:
            within += 1
        (early if delta < -1 else late if delta > 1 else []).append(delta)
    undated = [r for r, true in dated if not true]
    return {
        "dated rows": sum(1 for _, true in dated if true),
        "estimated": estimated,
        "within a day": within,
        "early by >1 day (days)": sorted(early),
        "late by >1 day (days)": sorted(late),
        "undated rows": len(undated),
        "undated estimated": sum(1 for r in undated if estimate(r.get("text") or "")),
    }


def latest_full_date(text: str, today: dt.date) -> str | None:
    """The baseline: the latest full date written anywhere in the text, stamp or not (not after today)."""
    found = (_date_of(m) for pattern in _FULL_DATES for m in pattern.finditer(text))
    return max((d for d in found if d and d <= today.isoformat()), default=None)


def held_out_rows(path: Path) -> list[dict]:
    """IndiaPoliceEvents documents as rows: the whole text, and the body after its opening stamp line."""
    import csv

    csv.field_size_limit(1 << 26)
    with path.open(encoding="utf-8", newline="") as handle:
        docs = [(row["date"], row["full_text"]) for row in csv.DictReader(handle)]
    return ([{"published": date, "text": text} for date, text in docs]
            + [{"published": date, "text": text.partition("\n")[2], "body only": True} for date, text in docs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=config.SHARED_DATA_DIR / "corpora" / "ua2022.jsonl")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="no estimate may be after this day (default: today)")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    ways: dict[str, Callable[[str], str | None]] = {
        "baseline: latest full date anywhere": lambda text: latest_full_date(text, args.today),
        "head only (date_from_head)": date_from_head,
        "stamps anywhere (estimate_published)": lambda text: estimate_published(text, today=args.today),
        "head, then stamps (date_from_text, as ingest uses)": lambda text: date_from_text(text, today=args.today),
    }
    for name, estimate in ways.items():
        print(name)
        for key, value in measure(rows, estimate).items():
            print(f"  {key}: {value}")
    held_out = config.SHARED_DATA_DIR / "events" / "indiapoliceevents" / "metadata.csv"
    if held_out.is_file():
        docs = held_out_rows(held_out)
        for label, subset in (("whole texts", [d for d in docs if not d.get("body only")]),
                              ("bodies without their stamp line", [d for d in docs if d.get("body only")])):
            print(f"held out: IndiaPoliceEvents, {label} (date_from_text)")
            figures = measure(subset, ways["head, then stamps (date_from_text, as ingest uses)"])
            for key in ("dated rows", "estimated", "within a day", "early by >1 day (days)", "late by >1 day (days)"):
                print(f"  {key}: {figures[key]}")


if __name__ == "__main__":
    main()
