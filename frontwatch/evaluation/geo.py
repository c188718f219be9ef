"""Geoparsing on LGL, TR-News and GeoVirus: detection against gold spans and accuracy within 161 km."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.evaluation import Figure
from frontwatch.places import geoparse, gazetteer
from frontwatch.places.distance import great_circle_km

COMMAND = ".venv/bin/python -m frontwatch.evaluation geo"
KM = 161.0
# Which corpora annotate demonyms ("Russian", "Turkish") as toponyms of their country.
CORPORA = (
    ("LGL", "lgl.xml", True, "Mordecai 3: 82.7; CamCoder 76; most populous 70; plain gazetteer ~54"),
    ("TR-News", "TR-News.xml", True, "Mordecai 3: 87.3; plain gazetteer ~63"),
    ("GeoVirus", "GeoVirus.xml", False, "CamCoder 82; most populous 80; plain gazetteer ~64"),
)


@dataclass
class Gold:
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass
class Doc:
    text: str
    gold: list[Gold] = field(default_factory=list)


def _float(node: ET.Element | None) -> float | None:
    try:
        return float(node.text) if node is not None and node.text else None
    except ValueError:
        return None


def read_corpus(path: Path) -> list[Doc]:
    """LGL/TR-News (<toponyms><toponym><start>..<gaztag><lat>) or GeoVirus (<locations><location>)."""
    docs = []
    for art in ET.parse(path).getroot():
        text = art.findtext("text") or ""
        doc = Doc(text)
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            doc.gold.append(Gold(int(t.findtext("start")), int(t.findtext("end")),
                                 _float(gaz.find("lat")) if gaz is not None else None,
                                 _float(gaz.find("lon")) if gaz is not None else None))
        for t in art.iter("location"):
            doc.gold.append(Gold(int(t.findtext("start")), int(t.findtext("end")),
                                 _float(t.find("lat")), _float(t.find("lon"))))
        docs.append(doc)
    return docs


@dataclass
class Score:
    predicted: int = 0
    predicted_right: int = 0
    gold: int = 0
    found: int = 0
    found_with_coords: int = 0
    within: int = 0
    gold_with_coords: int = 0
    chars: int = 0
    seconds: float = 0.0


def score_corpus(docs: list[Doc], demonyms: bool) -> Score:
    s = Score()
    for doc in docs:
        started = time.perf_counter()
        got = geoparse(doc.text, demonyms=demonyms)
        s.seconds += time.perf_counter() - started
        s.chars += len(doc.text)
        s.predicted += len(got)
        s.predicted_right += sum(any(g.start < t.end and t.start < g.end for g in doc.gold) for t in got)
        for g in doc.gold:
            s.gold += 1
            has = g.lat is not None and g.lon is not None
            s.gold_with_coords += has
            hit = next((t for t in got if g.start < t.end and t.start < g.end), None)
            if hit is None:
                continue
            s.found += 1
            if has:
                s.found_with_coords += 1
                if hit.place and great_circle_km(hit.place.lat, hit.place.lon, g.lat, g.lon) <= KM:
                    s.within += 1
    return s


def run(shared: Path) -> list[Figure]:
    """Figures per corpus; none (with a note) when the data is absent."""
    root = shared / "geo"
    if not root.exists():
        return [Figure("geoparsing", "all", "absent", note=f"{root} not found", command=COMMAND)]
    gazetteer()  # loaded once, outside the timed geoparse
    figures = []
    total_chars, total_seconds = 0, 0.0
    for name, filename, demonyms, anchor in CORPORA:
        path = root / filename
        if not path.exists():
            figures.append(Figure(f"geoparsing: {name}", "all", "absent", note=f"{path} not found",
                                  command=COMMAND))
            continue
        s = score_corpus(read_corpus(path), demonyms)
        total_chars += s.chars
        total_seconds += s.seconds
        ev = f"geoparsing: {name}"
        figures += [
            Figure(ev, "detection precision (overlap)", s.predicted_right / max(s.predicted, 1), command=COMMAND),
            Figure(ev, "detection recall (overlap)", s.found / max(s.gold, 1), "goal >= 0.85", command=COMMAND),
            Figure(ev, "accuracy within 161 km (detected)", 100 * s.within / max(s.found_with_coords, 1),
                   anchor, command=COMMAND),
            Figure(ev, "end to end: found and within 161 km", 100 * s.within / max(s.gold_with_coords, 1),
                   command=COMMAND, note="gold toponyms with coordinates"),
        ]
    if total_seconds:
        figures.append(Figure("geoparsing: all", "geoparse rate (chars/s, 1 process)",
                              f"{total_chars / total_seconds:,.0f}", command=COMMAND))
    return figures
