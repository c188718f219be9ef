"""``python -m frontwatch.evaluation [NAME ...]``: run the evaluations and write EVALUATION.md."""

from __future__ import annotations

import importlib
import os
import sys
import time
from pathlib import Path

from frontwatch import config
from frontwatch.evaluation import EVALUATIONS, Figure


def _fmt(value: float | str) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"
    return str(value)


def main(argv: list[str]) -> int:
    shared = config.SHARED_DATA_DIR
    names = argv or list(EVALUATIONS)
    figures: list[Figure] = []
    for name in names:
        try:
            module = importlib.import_module(f"frontwatch.evaluation.{name}")
        except ModuleNotFoundError as err:
            if err.name != f"frontwatch.evaluation.{name}":
                raise
            print(f"[{name}] not built yet", file=sys.stderr)
            continue
        started = time.perf_counter()
        got = module.run(shared)
        print(f"[{name}] {len(got)} figures in {time.perf_counter() - started:.0f}s", file=sys.stderr)
        for f in got:
            print(f"{f.evaluation:38} {f.measure:44} {_fmt(f.value):>10}   {f.anchor or ''}")
        figures.extend(got)
    if argv:  # a partial run does not rewrite the whole table
        return 0
    lines = [
        "# EVALUATION",
        "",
        f"Written by `make eval` (`python -m frontwatch.evaluation`) on the development data in "
        f"`{os.path.relpath(shared)}`.",
        "Figures beside the anchors the field reports; reproduce any row with its command.",
        "",
        "| evaluation | measure | frontwatch | anchor | command | note |",
        "|---|---|---|---|---|---|",
    ]
    for f in figures:
        lines.append(f"| {f.evaluation} | {f.measure} | {_fmt(f.value)} | {f.anchor or ''} | `{f.command}` | "
                     f"{(f.note or '').replace('|', '/')} |")
    Path("EVALUATION.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote EVALUATION.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
