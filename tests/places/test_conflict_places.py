"""Geoparsing wire copy from wars the benchmarks do not cover: the probe set in conflict_places.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from frontwatch.places import geoparse, normalise
from frontwatch.places.distance import great_circle_km
from frontwatch.records import Place, Toponym

PROBES = Path(__file__).with_name("conflict_places.tsv")
TOWN_KM = 25.0
# Floors a little under what the geoparser reaches, so that a regression fails (see the report for figures).
FOUND_FLOOR = 0.93
PLACED_FLOOR = 0.91
STRAY_CEILING = 11  # resolved toponyms that are no expected place ("Al" of "Al-Shabaab" as a Norwegian village)
_UNIT_WORD = re.compile(r"^(?:muhafazat)\s+|\s+(?:state|province|region|governorate|oblast|department)$", re.I)


@dataclass(frozen=True)
class Probe:
    """One place a sentence names, and where it lies."""

    sentence: str
    mention: str
    country: str
    target: str


def load_probes(path: Path = PROBES) -> list[Probe]:
    """The probe rows; an empty sentence column repeats the sentence above."""
    probes: list[Probe] = []
    sentence = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, mention, country, target = line.split("\t")
        sentence = text or sentence
        assert mention in sentence, mention
        probes.append(Probe(sentence, mention, country, target))
    return probes


def _unit_key(name: str) -> str:
    return normalise(_UNIT_WORD.sub("", name))


def right_place(probe: Probe, place: Place) -> bool:
    """Whether a resolved place is the one the probe expects."""
    if probe.target == "country":
        return place.feature == "country" and place.country == probe.country
    if probe.target.startswith("admin1="):
        names = {_unit_key(n) for n in probe.target[len("admin1="):].split("|")}
        return place.feature in ("admin1", "region") and place.country == probe.country \
            and _unit_key(place.name) in names
    lat, lon = map(float, probe.target.split(","))
    if place.feature == "admin2" and place.country == probe.country \
            and _unit_key(place.name) == normalise(probe.mention):
        return True  # "Masisi territory": the district of the town's name
    return great_circle_km(lat, lon, place.lat, place.lon) <= TOWN_KM


@dataclass
class Score:
    """How many probes were found (resolved to some place) and placed right, with the misses and strays."""

    total: int = 0
    found: int = 0
    placed: int = 0
    misses: list[str] | None = None
    strays: list[str] | None = None


def score(probes: list[Probe]) -> Score:
    """Geoparse each sentence once and compare its toponyms with the expected places."""
    by_sentence: dict[str, list[Probe]] = {}
    for p in probes:
        by_sentence.setdefault(p.sentence, []).append(p)
    out = Score(misses=[], strays=[])
    for sentence, expected in by_sentence.items():
        toponyms = [t for t in geoparse(sentence) if t.place is not None]
        spans = []
        for p in expected:
            start = sentence.index(p.mention)
            end = start + len(p.mention)
            spans.append((start, end))
            hit: Toponym | None = next((t for t in toponyms if t.start < end and start < t.end), None)
            if p.target == "-":
                continue
            out.total += 1
            if hit is None:
                out.misses.append(f"not found: {p.mention!r} in {sentence!r}")
                continue
            out.found += 1
            if right_place(p, hit.place):
                out.placed += 1
            else:
                q = hit.place
                out.misses.append(f"misplaced: {p.mention!r} ({p.country} {p.target}) -> {q.name}, {q.country}, "
                                  f"{q.feature} ({q.lat:.2f},{q.lon:.2f}) in {sentence!r}")
        for t in toponyms:
            if not any(t.start < e and s < t.end for s, e in spans):
                out.strays.append(f"stray: {t.text!r} -> {t.place.name}, {t.place.country} in {sentence!r}")
    return out


@pytest.fixture(scope="module")
def probe_score() -> Score:
    return score(load_probes())


def test_probe_set_is_large_and_covers_many_wars():
    probes = load_probes()
    assert len({p.sentence for p in probes}) >= 200
    assert len({p.country for p in probes}) >= 25


def test_places_of_todays_wars_are_found(probe_score):
    assert probe_score.found / probe_score.total >= FOUND_FLOOR, "\n".join(probe_score.misses)


def test_places_of_todays_wars_are_placed_within_tolerance(probe_score):
    assert probe_score.placed / probe_score.total >= PLACED_FLOOR, "\n".join(probe_score.misses)


def test_group_names_and_other_words_are_not_read_as_places(probe_score):
    assert len(probe_score.strays) <= STRAY_CEILING, "\n".join(probe_score.strays)


if __name__ == "__main__":  # print the score and every miss: python tests/places/test_conflict_places.py
    s = score(load_probes())
    print("\n".join(s.misses + s.strays))
    print(f"{s.total} places: found {s.found} ({s.found / s.total:.1%}), placed {s.placed} "
          f"({s.placed / s.total:.1%}), {len(s.strays)} strays")
