"""IndiaPoliceEvents (Times of India, March 2002): sentence-level KILL, ARREST and FORCE through our extractor.

Each labelled sentence is read as a body of its own. A sentence is predicted KILL when an event read from it is a
killing (the killing family, mode "kill", or any assault with a count of dead; an attack that kills no one named,
ACLED "Attack" as "attacked the station" is, is force but no killing), ARREST when one is a detention (COERCE arrest), FORCE when one is
physical force (any ASSAULT), each only when reported as done (asserted or claimed; not planned, hypothetical,
forecast or denied). The gold labels are the police's actions, so the headline figures count events whose
actor is read as the police ("were arrested" implies them; "died in police firing" names them); the same
figures for events by anyone, and for events in sentences that name the police, follow.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Callable
from pathlib import Path

from frontwatch.evaluation import Figure
from frontwatch.events import extract_events
from frontwatch.reading.actors import ActorRegistry
from frontwatch.records import Article, Event, Segment

COMMAND = ".venv/bin/python -m frontwatch.evaluation indiapolice"
SENTENCES = Path("events") / "indiapoliceevents" / "sents.csv"
EVALUATION = "events: IndiaPoliceEvents"

# The labels mark what was done: an arrest demanded, feared or denied ("should be arrested", "no arrests were
# made") is not one.
HAPPENED = ("asserted", "claimed")

LABELS: dict[str, Callable[[Event], bool]] = {
    "KILL": lambda e: e.modality in HAPPENED and e.type == "ASSAULT" and (e.mode == "kill" or "killed" in e.quantities),
    "ARREST": lambda e: e.modality in HAPPENED and e.type == "COERCE" and e.mode == "arrest",
    "FORCE": lambda e: e.modality in HAPPENED and e.type == "ASSAULT",
}


def read_sentences(path: Path) -> list[tuple[str, str, dict[str, bool]]]:
    """(id, sentence, gold labels) for every labelled sentence."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            text = (row.get("sent_text") or "").strip()
            if text:
                rows.append((f"{row['doc_id']}:{row['sent_id']}", text,
                             {label: row.get(label) == "1" for label in LABELS}))
    return rows


# The labels are the police's actions; the actor registry names no police yet, so a sentence that names the
# police stands in for an event whose actor is the police.
POLICE = re.compile(r"\b(?:police|policemen|policeman|cops?|constables?|force personnel|rapid action force|rpf|crpf|"
                    r"security forces|army)\b", re.IGNORECASE)


def predict(rows: list[tuple[str, str, dict[str, bool]]], police_only: bool,
            police_actor: bool = False) -> dict[str, dict[str, bool]]:
    """Labels per sentence: by any event, only in sentences naming the police, or only by events the police do."""
    registry = ActorRegistry.default()
    articles = (Article(text=text, url=sid, segments=[Segment(0, len(text))]) for sid, text, _ in rows)
    return {article.url: {label: any(test(e) and (not police_actor or registry.is_police(e.actor)) for e in events)
                          and (not police_only or POLICE.search(article.text) is not None)
                          for label, test in LABELS.items()}
            for article, events in extract_events(articles)}


def run(shared: Path) -> list[Figure]:
    path = shared / SENTENCES
    if not path.exists():
        return [Figure(EVALUATION, "all", "absent", note=f"{path} not found", command=COMMAND)]
    rows = read_sentences(path)
    started = time.perf_counter()
    any_actor = predict(rows, police_only=False)
    elapsed = time.perf_counter() - started
    police = predict(rows, police_only=True)
    by_police = predict(rows, police_only=False, police_actor=True)
    figures = _scores(rows, by_police, "") + _scores(rows, any_actor, ", events by anyone") \
        + _scores(rows, police, ", sentences naming the police")
    figures.append(Figure(EVALUATION, "sentences read per second", len(rows) / elapsed if elapsed else 0.0,
                          command=COMMAND))
    return figures


def _scores(rows, predicted: dict[str, dict[str, bool]], variant: str) -> list[Figure]:
    figures = []
    for label in LABELS:
        tp = sum(1 for sid, _, gold in rows if gold[label] and predicted[sid][label])
        fp = sum(1 for sid, _, gold in rows if not gold[label] and predicted[sid][label])
        fn = sum(1 for sid, _, gold in rows if gold[label] and not predicted[sid][label])
        precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        note = f"{tp + fn} gold sentences of {len(rows)}"
        figures += [Figure(EVALUATION, f"{label} sentence precision{variant}", precision, command=COMMAND, note=note),
                    Figure(EVALUATION, f"{label} sentence recall{variant}", recall, command=COMMAND),
                    Figure(EVALUATION, f"{label} sentence F1{variant}", f1, command=COMMAND)]
    return figures
