"""Measuring frontwatch on the development data in ../shared (``make eval``).

Each evaluation is a module here with ``run(shared: Path) -> list[Figure]``; it returns no figures (and says
why in ``Figure.note``) when its data is absent. ``python -m frontwatch.evaluation`` runs them all, prints
the figures and writes EVALUATION.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Figure:
    """One measured figure, beside the anchor's where the field has one."""

    evaluation: str  # e.g. "geoparsing: LGL"
    measure: str  # e.g. "accuracy within 161 km"
    value: float | str
    anchor: str | None = None  # e.g. "Mordecai 3: 82.7"
    command: str = "make eval"
    note: str | None = None


# Module names under frontwatch.evaluation, run in this order.
EVALUATIONS = ("control", "geo", "acled", "plover", "indiapolice", "blind")
