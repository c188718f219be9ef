"""Control against the Ukraine 2022-24 gold timeline: changes right within a day, called early, wrongly given.

The development reports (``corpora/ua2022.jsonl``) are ingested into a temporary store through the real
pipeline; the control timeline computed from it is compared with ``corpora/ua_control_gold.csv`` town by town.
A gold change is CALLED TOO EARLY when any change of ours, of any status (a claim too), gives the town to that
holder more than a day before the gold date, while the gold has another holder; otherwise it is RIGHT when one
of our changes gives the town to that holder within a day of the gold date, and MISSED otherwise (late
included). One of our changes is WRONG when it gives the town to a side the gold never gives it at that time
(and does not give it later). Our places are matched to gold towns by name, or by distance when they are
spelling variants of the town (centres within ``SAME_TOWN_KM``) or sites in it (an airport, a plant:
``SITE_KM``); a village near a town is another place, left unscored.
"""

from __future__ import annotations

import csv
import datetime as dt
import statistics
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.control import PlaceHistory, timeline
from frontwatch.control.sides import side_of
from frontwatch.control.timeline import Change
from frontwatch.evaluation import Figure
from frontwatch.places.distance import great_circle_km
from frontwatch.store.place_keys import normalise_name

CORPUS = "corpora/ua2022.jsonl"
GOLD = "corpora/ua_control_gold.csv"
COMMAND = "python -m frontwatch.evaluation control"
# ua_README.md: every town of the gold table was Ukrainian-held on 2022-02-24, before its first row.
GOLD_INITIAL_HOLDER = "Ukraine"
DAY_TOLERANCE = 1
# Two spellings of one town (Izyum, Izium) lie within a couple of km in any gazetteer; a neighbouring village
# (Bilohorivka beside Lysychansk) or city (Donetsk beside Avdiivka) lies further and is another place.
SAME_TOWN_KM = 3.0
SITE_KM = 8.0


@dataclass(frozen=True)
class GoldChange:
    town: str
    lat: float
    lon: float
    date: str
    holder: str
    previous: str = GOLD_INITIAL_HOLDER  # who held the town before this change


@dataclass
class Verdict:
    """What became of one gold change, and of our changes at its town."""

    gold: GoldChange
    outcome: str  # right | early | missed
    ours: list[Change] = field(default_factory=list)
    note: str = ""


@dataclass
class Scorecard:
    verdicts: list[Verdict]
    wrong: list[tuple[str, Change, str]]  # (town, our change, why)
    unscored: list[PlaceHistory]  # places of ours that no gold town matches

    def count(self, outcome: str) -> int:
        return sum(v.outcome == outcome for v in self.verdicts)


def read_gold(path: Path, initial_holder: str = GOLD_INITIAL_HOLDER) -> list[GoldChange]:
    """The gold rows that change a town's holder (baseline and 'siege lifted' rows change nothing).

    Every town is ``initial_holder``'s before its first row, unless that row names another in an optional
    ``holder_before`` column (a town one armed group held before the period, taken by another)."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows.sort(key=lambda r: (r["town"], r["date"]))
    changes: list[GoldChange] = []
    holder: dict[str, str] = {}
    for r in rows:
        town = r["town"]
        if town not in holder:
            holder[town] = (r.get("holder_before") or "").strip() or initial_holder
        if same_side(r["holder_after"], holder[town]):
            continue
        changes.append(GoldChange(town, float(r["lat"]), float(r["lon"]), r["date"][:10], r["holder_after"],
                                  previous=holder[town]))
        holder[town] = r["holder_after"]
    return changes


def same_side(a: str, b: str) -> bool:
    """Whether two holder names are one party: the same name, or names the actor registry gives one side
    ("HTS" and "Hayat Tahrir al-Sham"; "Assad's forces" and "Syrian government")."""
    if a == b:
        return True
    side_a, side_b = side_of(a), side_of(b)
    return side_a is not None and side_a == side_b


def score(histories: Iterable[PlaceHistory], gold: list[GoldChange]) -> Scorecard:
    """Compare our per-place changes with the gold changes (``read_gold`` says who held each town before)."""
    towns: dict[str, list[GoldChange]] = {}
    for g in gold:
        towns.setdefault(g.town, []).append(g)
    ours: dict[str, list[Change]] = {t: [] for t in towns}
    unscored = []
    for history in histories:
        town = _gold_town(history, towns)
        if town is None:
            unscored.append(history)
        else:
            ours[town].extend(history.changes)
    verdicts: list[Verdict] = []
    wrong: list[tuple[str, Change, str]] = []
    for town, changes in towns.items():
        changes.sort(key=lambda g: g.date)
        mine = sorted(ours[town], key=lambda c: c.since)
        by_gold: dict[GoldChange, list[tuple[str, Change]]] = {g: [] for g in changes}
        for c in mine:
            kind, target, why = _judge(c, changes) if c.shown_holder == c.holder \
                else ("late", None, "")
            if kind == "wrong":
                wrong.append((town, c, why))
            elif target is not None:
                by_gold[target].append((kind, c))
        for g in changes:
            kinds = [k for k, _ in by_gold[g]]
            outcome = "early" if "early" in kinds else "right" if "right" in kinds else "missed"
            note = ""
            if outcome == "early":
                first = min(c.since for k, c in by_gold[g] if k == "early")
                note = f"called {_days(first, g.date)} days early" + (", then right" if "right" in kinds else "")
            elif outcome == "missed" and "late" in kinds:
                first = min(c.since for k, c in by_gold[g] if k == "late")
                note = f"late by {_days(g.date, first)} days"
            verdicts.append(Verdict(g, outcome, [c for _, c in by_gold[g]], note))
    return Scorecard(verdicts, wrong, unscored)


def _judge(c: Change, changes: list[GoldChange]) -> tuple[str, GoldChange | None, str]:
    """right/early/late against one gold change of the town (sorted by date), or wrong."""
    for g in changes:
        if same_side(g.holder, c.holder) and abs(_days(g.date, c.since)) <= DAY_TOLERANCE:
            return "right", g, ""
    before = [g for g in changes if g.date <= c.since]
    holder_then = before[-1].holder if before else changes[0].previous
    if same_side(holder_then, c.holder):
        return "late", before[-1] if before else None, ""
    later = [g for g in changes if g.date > c.since and same_side(g.holder, c.holder)]
    if later:
        return "early", later[0], ""
    return "wrong", None, f"gold holder then: {holder_then}, never {c.holder} afterwards"


def _gold_town(history: PlaceHistory, towns: dict[str, list[GoldChange]]) -> str | None:
    name = normalise_name(history.place.name)
    for town in towns:
        if normalise_name(town) == name:
            return town
    radius = SITE_KM if history.place.feature == "site" else SAME_TOWN_KM
    near = [(great_circle_km(history.place.lat, history.place.lon, gs[0].lat, gs[0].lon), town) for town, gs in towns.items()]
    near = [(d, t) for d, t in near if d <= radius]
    return min(near)[1] if near else None


def _days(start: str, end: str) -> int:
    return (dt.date.fromisoformat(end[:10]) - dt.date.fromisoformat(start[:10])).days


@dataclass
class ClaimFigures:
    first_seen_as_claim: int
    later_held: int
    days_to_held: list[int]
    never_confirmed_but_held: int  # must stay 0


def claim_figures(histories: Iterable[PlaceHistory]) -> ClaimFigures:
    """For each change first seen as a party's claim: was it later held, and how long did that take."""
    seen = held = bad = 0
    days: list[int] = []
    for history in histories:
        for c in history.changes:
            if c.confirmed is None and c.status == "held":
                bad += 1
            if c.first_claim is None:
                continue
            seen += 1
            if c.confirmed is not None:
                held += 1
                days.append(_days(c.first_claim, c.confirmed))
    return ClaimFigures(seen, held, days, bad)


def explain_claims(histories: Iterable[PlaceHistory]) -> list[str]:
    """Each change first seen as a party's claim: when it was claimed, and when (if ever) it was held."""
    lines = []
    for history in histories:
        for c in history.changes:
            if c.first_claim:
                held = f"held from {c.confirmed} ({_days(c.first_claim, c.confirmed)} days)" if c.confirmed \
                    else f"never confirmed, now {c.status}"
                lines.append(f"CLAIM   {history.place.name} -> {c.holder}: claimed {c.first_claim}, {held}")
    return lines


def explain(card: Scorecard) -> list[str]:
    """Per gold change: the verdict, what we said, and the evidence (event ids with dates)."""
    lines = []
    for v in sorted(card.verdicts, key=lambda v: (v.gold.town, v.gold.date)):
        g = v.gold
        head = f"{v.outcome.upper():7} {g.town} -> {g.holder} on {g.date}"
        lines.append(head + (f" ({v.note})" if v.note else ""))
        for c in v.ours:
            said = c.holder if c.shown_holder == c.holder else f"{c.shown_holder} (a {c.holder} claim, denied)"
            lines.append(f"        we said {said} since {c.since}, {c.status}, {c.sources} independent "
                         f"stories; first claim {c.first_claim or '-'}, confirmed {c.confirmed or '-'}")
            for e in sorted(c.support, key=lambda e: e.date)[:4]:
                lines.append(f"          {e.date} {e.grade:12} {e.event_id}")
        if not v.ours:
            lines.append("        we said nothing about this change")
    for town, c, why in card.wrong:
        lines.append(f"WRONG   {town}: we said {c.holder} since {c.since} ({c.status}; {why}); evidence "
                     + ", ".join(f"{e.date} {e.event_id}" for e in c.support[:4]))
    if card.unscored:
        lines.append(f"(not in the gold table, unscored: {len(card.unscored)} places, e.g. "
                     + ", ".join(h.place.name for h in card.unscored[:8]) + ")")
    return lines


def run(shared: Path) -> list[Figure]:
    corpus, gold_path = shared / CORPUS, shared / GOLD
    name = "control: ua2022"
    if not corpus.is_file() or not gold_path.is_file():
        return [Figure(name, "changes right within a day", "n/a", command=COMMAND,
                       note=f"{corpus} or {gold_path} absent")]
    return run_corpus(corpus, gold_path, name=name)


def run_corpus(corpus: Path, gold_path: Path, *, name: str, initial_holder: str = GOLD_INITIAL_HOLDER,
               command: str = COMMAND) -> list[Figure]:
    """Ingest ``corpus`` into a temporary store and score its control timeline against ``gold_path``."""
    from frontwatch.pipeline import ingest_sources
    from frontwatch.store import Store

    gold = read_gold(gold_path, initial_holder)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "control-eval.db"
        summary = ingest_sources([str(corpus)], db_path=db)
        with Store.open(db, readonly=True) as store:
            histories = timeline(store.control_evidence())
    card = score(histories, gold)
    for line in explain(card) + explain_claims(histories):
        print(line)
    n = len(gold)
    right, early, missed = card.count("right"), card.count("early"), card.count("missed")
    claims = claim_figures(histories)
    median = statistics.median(claims.days_to_held) if claims.days_to_held else "n/a"
    held_share = claims.later_held / claims.first_seen_as_claim if claims.first_seen_as_claim else "n/a"
    ingest_note = f"{summary.reports} reports read, {summary.bad} skipped, {summary.events} events"
    return [
        Figure(name, "changes right within a day (of gold)", f"{right}/{n} ({100 * right / n:.0f}%)",
               anchor="goal: >= 90%", command=command, note=ingest_note),
        Figure(name, "changes called too early", str(early), anchor="goal: 0", command=command),
        Figure(name, "changes given to a wrong side", str(len(card.wrong)), anchor="goal: 0", command=command),
        Figure(name, "changes missed (incl. late)", str(missed), command=command),
        Figure(name, "changes first seen as a party's claim", str(claims.first_seen_as_claim), command=command),
        Figure(name, "  of those later held", f"{claims.later_held}/{claims.first_seen_as_claim}"
               + (f" ({100 * held_share:.0f}%)" if isinstance(held_share, float) else ""), command=command),
        Figure(name, "  median days from claim to held", median if isinstance(median, str) else f"{median:g}",
               command=command, note=f"each: {sorted(claims.days_to_held)}"),
        Figure(name, "never-confirmed changes shown held", str(claims.never_confirmed_but_held),
               anchor="must be 0", command=command),
    ]


def main(argv: list[str] | None = None) -> int:
    """Score any corpus with a gold table in the same columns: ``python -m frontwatch.evaluation.control
    --corpus reports.jsonl --gold gold.csv --initial-holder "Afghan government"``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m frontwatch.evaluation.control", description=main.__doc__)
    parser.add_argument("--corpus", type=Path, required=True, help="reports (JSONL, HTML, text, ...)")
    parser.add_argument("--gold", type=Path, required=True, help="gold table (columns of ua_control_gold.csv)")
    parser.add_argument("--initial-holder", default=GOLD_INITIAL_HOLDER,
                        help="who holds every town before its first gold row")
    args = parser.parse_args(argv)
    for path in (args.corpus, args.gold):
        if not path.is_file():
            parser.error(f"{path}: no such file")
    for f in run_corpus(args.corpus, args.gold, name=f"control: {args.corpus.stem}",
                        initial_holder=args.initial_holder):
        print(f"{f.evaluation:38} {f.measure:44} {f.value!s:>10}   {f.anchor or ''}")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main())
