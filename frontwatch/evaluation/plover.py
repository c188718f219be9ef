"""PLOVER event types on the PLOVER gold standard records, read through our extractor sentence by sentence."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from frontwatch.evaluation import Figure
from frontwatch.events import extract_events
from frontwatch.records import Article, Segment

COMMAND = ".venv/bin/python -m frontwatch.evaluation plover"
GOLD = Path("events") / "plover_gold_standard_records.json"
EVALUATION = "events: PLOVER gold standard"

# The gold records use the 2016 PLOVER draft; the contract uses the later type names.
DRAFT_TO_CONTRACT = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def read_gold(path: Path) -> list[tuple[str, str, str]]:
    """(id, text, contract type) of every record that is an event (DOCUMENT records are documentation)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    gold = []
    for r in records:
        event = r.get("event")
        if not event or event == "DOCUMENT" or not r.get("text"):
            continue
        gold.append((r["id"], r["text"], DRAFT_TO_CONTRACT.get(event, event)))
    return gold


def predict(gold: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    """Our event types for each record, in the order their triggers appear."""
    # Each record is one edited sentence, read as a whole body (no page cleaning: there is no page).
    articles = (Article(text=text, url=rid, segments=[Segment(0, len(text))]) for rid, text, _ in gold)
    return {article.url: [e.type for e in events] for article, events in extract_events(articles)}


def run(shared: Path) -> list[Figure]:
    path = shared / GOLD
    if not path.exists():
        return [Figure(EVALUATION, "all", "absent", note=f"{path} not found", command=COMMAND)]
    gold = read_gold(path)
    started = time.perf_counter()
    predicted = predict(gold)
    elapsed = time.perf_counter() - started
    first = sum(1 for rid, _, t in gold if predicted.get(rid) and predicted[rid][0] == t)
    anywhere = sum(1 for rid, _, t in gold if t in predicted.get(rid, []))
    covered = sum(1 for rid, _, _ in gold if predicted.get(rid))
    missed = Counter(t for rid, _, t in gold if not predicted.get(rid))
    n = len(gold)
    note = f"{n} event records; types with no event read most often: " + \
        ", ".join(f"{t} {c}" for t, c in missed.most_common(4))
    return [
        Figure(EVALUATION, f"type accuracy, first event (n={n})", first / n, command=COMMAND, note=note),
        Figure(EVALUATION, "type among the events read", anywhere / n, command=COMMAND),
        Figure(EVALUATION, "records with any event read", covered / n, command=COMMAND),
        Figure(EVALUATION, "type accuracy where an event is read", first / max(covered, 1), command=COMMAND),
        Figure(EVALUATION, "records read per second", n / elapsed if elapsed else 0.0, command=COMMAND),
    ]
