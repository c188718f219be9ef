"""Blind test sets written for frontwatch by an author who never saw its code (``evaluation/blind/``).

Two sets, in our own words (no third-party text), kept beside the code so that ``make eval`` measures them
with or without ``../shared``:

- ``af2021.jsonl`` + ``af2021_gold.csv``: 84 Afghanistan reports of July-September 2021 in many outlets' styles,
  with the control timeline they support (34 changes at 32 towns), scored like the Ukraine set;
- ``acled_news.jsonl``: 400 news snippets from 67 countries labelled with ACLED sub-event types (or null):
  the classifier on news text, not on ACLED's own notes. The round-4 classifier was trained before the set
  existed; round 5 added news without events to its training after its errors here were read (one look: see
  ``classify/model/README.md``).

See ``blind/README.md`` for how they were written and the traps they hold.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from frontwatch.evaluation import Figure
from frontwatch.evaluation import control

BLIND = Path(__file__).resolve().parent / "blind"
COMMAND = ".venv/bin/python -m frontwatch.evaluation blind"


def run(shared: Path) -> list[Figure]:
    return _control() + _acled()


def _control() -> list[Figure]:
    return control.run_corpus(BLIND / "af2021.jsonl", BLIND / "af2021_gold.csv", name="control: af2021 (blind)",
                              initial_holder="Afghan government", command=COMMAND)


def read_snippets(path: Path = BLIND / "acled_news.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _acled() -> list[Figure]:
    from sklearn.metrics import f1_score

    from frontwatch.classify import classify_texts
    from frontwatch.classify.model import NO_EVENT
    from frontwatch.evaluation.acled import events_weighted_f1

    rows = read_snippets()
    started = time.perf_counter()
    predicted = classify_texts([r["text"] for r in rows])
    elapsed = time.perf_counter() - started
    name = "ACLED sub-event types: blind news"
    gold = [r["label"] or NO_EVENT for r in rows]
    guess = [p or NO_EVENT for p in predicted]
    figures = [
        Figure(name, f"weighted F1 (n={len(rows)}, 67 countries)", f1_score(gold, guess, average="weighted"),
               anchor="goal: >= 0.85 on other sources; CASE 2021 best 0.839", command=COMMAND,
               note="null (no event) is a class"),
        Figure(name, "weighted F1 on the event snippets", events_weighted_f1(gold, guess), command=COMMAND),
        Figure(name, "no-event recall",
               sum(g == p == NO_EVENT for g, p in zip(gold, guess)) / max(1, gold.count(NO_EVENT)), command=COMMAND),
    ]
    figures.append(Figure(name, "snippets per second", len(rows) / elapsed if elapsed else 0.0, command=COMMAND))
    return figures
