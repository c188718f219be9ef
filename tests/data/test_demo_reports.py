"""Data checks on the bundled demo reports and watch points (frontwatch/data/demo).

What frontwatch extracts from these reports is tested with the extraction stages; here we pin down that
the set is well formed and tells the story the demo and the approach warnings rely on.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, timedelta
from difflib import SequenceMatcher
from itertools import combinations
from urllib.parse import urlparse

import pytest

from frontwatch.config import DEMO_REPORTS_DIR, SHARED_DATA_DIR
from frontwatch.records import Article

REPORTS_FILE = DEMO_REPORTS_DIR / "afghanistan-2021-08.jsonl"
WATCH_FILE = DEMO_REPORTS_DIR / "watchpoints.json"
CONTRACT_FIELDS = {"url", "published", "title", "text", "outlet"}
FIRST_DAY, LAST_DAY = date(2021, 8, 6), date(2021, 8, 16)

# The public chronology the reports follow: provincial capital -> day it fell.
CAPITAL_FALLS = {
    "Zaranj": "2021-08-06", "Sheberghan": "2021-08-07", "Kunduz": "2021-08-08", "Sar-e-Pul": "2021-08-08",
    "Taloqan": "2021-08-08", "Aybak": "2021-08-09", "Pul-e-Khumri": "2021-08-10", "Farah": "2021-08-10",
    "Faizabad": "2021-08-11", "Ghazni": "2021-08-12", "Herat": "2021-08-12", "Qala-i-Naw": "2021-08-12",
    "Kandahar": "2021-08-13", "Lashkar Gah": "2021-08-13", "Pul-e-Alam": "2021-08-13",
    "Chaghcharan": "2021-08-13", "Tarinkot": "2021-08-13", "Qalat": "2021-08-13",
    "Mazar-i-Sharif": "2021-08-14", "Gardez": "2021-08-14", "Asadabad": "2021-08-14", "Sharana": "2021-08-14",
    "Maymana": "2021-08-14", "Mehtarlam": "2021-08-14", "Jalalabad": "2021-08-15", "Bamyan": "2021-08-15",
    "Kabul": "2021-08-15",
}
# Public coordinates (degrees) of the places the Kabul watch point should see approach.
COORDINATES = {"Ghazni": (33.5536, 68.4269), "Pul-e-Alam": (33.9953, 69.0227), "Kabul": (34.5281, 69.1723)}

# Wording that says a place changed hands: active, passive and nominal forms, the place next to the verb.
TAKING_VERBS = (
    r"(?:fell|falls|captured?|capturing|took|takes?|taken|seized?|overran|overrun|entered|enter|handed|"
    r"pulled out of|withdrew from|withdrawn from|abandoned|left)"
)


def _taking(place: str) -> re.Pattern[str]:
    name = re.escape(place)
    return re.compile(
        rf"\b{TAKING_VERBS} (?:control of |over |the city of |the centre of |most of )?{name}\b"
        rf"|\b{name}(?:,[^,]+,)? (?:has |had |have )?(?:fell|fallen|falls|was captured|was taken|is lost)\b"
        rf"|\b(?:fall|capture|loss) of {name}\b"
        rf"|\b{name} (?:becomes|falls|fell)\b",
        re.IGNORECASE,
    )


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?\"])\s+|\n+", text) if s.strip()]


@pytest.fixture(scope="module")
def reports() -> list[dict]:
    with REPORTS_FILE.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def watch_points() -> list[dict]:
    return json.loads(WATCH_FILE.read_text(encoding="utf-8"))


def _mentions_taking(report: dict, place: str) -> bool:
    return bool(_taking(place).search(report["title"] + "\n" + report["text"]))


def _great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_every_line_is_an_article_with_exactly_the_contract_fields(reports):
    for number, report in enumerate(reports, 1):
        assert set(report) == CONTRACT_FIELDS, f"line {number}"
        assert all(isinstance(report[key], str) and report[key].strip() for key in CONTRACT_FIELDS), f"line {number}"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", report["published"]), f"line {number}"
        assert Article(**report).text == report["text"]


def test_the_set_holds_at_least_forty_reports(reports):
    assert len(reports) >= 40


def test_reports_are_published_between_6_and_16_august_2021(reports):
    days = {date.fromisoformat(r["published"]) for r in reports}
    assert min(days) >= FIRST_DAY and max(days) <= LAST_DAY
    # Every day of the story has something to show on the map's slider.
    assert days == {FIRST_DAY + timedelta(n) for n in range((LAST_DAY - FIRST_DAY).days + 1)}


def test_urls_are_unique_and_on_reserved_example_domains(reports):
    urls = [r["url"] for r in reports]
    assert len(set(urls)) == len(urls)
    for url in urls:
        parts = urlparse(url)
        assert parts.scheme == "https" and parts.hostname.endswith(".example") and parts.path.strip("/"), url


def test_each_report_is_between_80_and_400_words(reports):
    for report in reports:
        assert 80 <= len(report["text"].split()) <= 400, report["url"]


def test_reports_are_written_as_wire_copy_with_a_dateline(reports):
    dateline = re.compile(r"^[A-Z][A-Z' -]+(, [A-Za-z]+)?( \([^)]+\) —|:) ")
    for report in reports:
        assert dateline.match(report["text"]), report["url"]


@pytest.mark.parametrize("capital", sorted(CAPITAL_FALLS))
def test_each_capital_is_reported_taken_on_the_day_it_fell(reports, capital):
    fell = date.fromisoformat(CAPITAL_FALLS[capital])
    # A capital lost late in the day may first be reported the next morning.
    reporting_days = {fell.isoformat(), (fell + timedelta(1)).isoformat()}
    assert any(r["published"] in reporting_days and _mentions_taking(r, capital) for r in reports)


def test_no_capital_is_reported_taken_before_it_fell(reports):
    for capital, fell in CAPITAL_FALLS.items():
        for report in (r for r in reports if r["published"] < fell):
            for sentence in _sentences(report["title"] + "\n" + report["text"]):
                # Only claims, denials, forecasts and history (an earlier year) may speak of an early capture.
                if _taking(capital).search(sentence):
                    assert re.search(r"claim|said|say|denied|false|could|if confirmed|\b(19|20)\d\d\b",
                                     sentence, re.I), (report["url"], sentence)


def test_two_outlets_carry_the_same_story_at_least_twice(reports):
    pairs = [
        (a["url"], b["url"])
        for a, b in combinations(reports, 2)
        if a["outlet"] != b["outlet"] and SequenceMatcher(None, a["text"], b["text"]).quick_ratio() > 0.9
        and SequenceMatcher(None, a["text"], b["text"]).ratio() > 0.9
    ]
    assert len(pairs) >= 2
    assert all(urlparse(a).hostname != urlparse(b).hostname for a, b in pairs)


def test_a_belligerent_claim_is_confirmed_by_a_later_report(reports):
    confirmed = []
    for claim, later in combinations(reports, 2):
        if later["published"] < claim["published"]:
            claim, later = later, claim
        for capital in CAPITAL_FALLS:
            claimed = re.search(rf"Taliban (said|say|claim)[^.]*{re.escape(capital)}", claim["text"])
            if claimed and "confirm" not in claim["text"] and re.search(
                rf"confirm[^.]*{re.escape(capital)}|{re.escape(capital)}[^.]*confirm", later["text"]
            ) and (date.fromisoformat(later["published"]) - date.fromisoformat(claim["published"])).days <= 1:
                confirmed.append((capital, claim["url"], later["url"]))
    assert confirmed


def test_a_claim_of_capture_is_denied_by_officials(reports):
    denial = re.compile(r"\b(denied|rejected)\b[^.]*\bclaim\b", re.IGNORECASE)
    assert any(denial.search(r["text"]) and re.search(r"ministry|officials|spokesman", r["text"]) for r in reports)


def test_a_government_counter_attack_claim_is_left_unconfirmed(reports):
    counter = re.compile(r"\b(retaken|retook|recaptured|pushed the Taliban (back|out)|pushed the insurgents back)\b")
    unverified = re.compile(r"could not be (independently )?(verified|confirmed)")
    assert any(
        "defence ministry" in r["text"] and counter.search(r["text"]) and unverified.search(r["text"])
        for r in reports
    )


def test_an_encirclement_is_reported_before_the_city_falls(reports):
    encircled = [
        (r["published"], capital)
        for r in reports
        for capital, fell in CAPITAL_FALLS.items()
        if re.search(r"encircl|surrounded", r["text"]) and capital in r["title"] and r["published"] < fell
    ]
    assert any(capital == "Mazar-i-Sharif" for _, capital in encircled)


def test_a_forecast_puts_a_time_horizon_on_kabul(reports):
    forecast = re.compile(r"could[^.]*Kabul[^.]*within \d+ days|Kabul[^.]*could[^.]*within \d+", re.IGNORECASE)
    assert any(forecast.search(r["text"]) for r in reports)


def test_embassy_drawdown_is_announced_and_denied_to_be_an_evacuation(reports):
    assert any(
        "embassy" in r["text"] and "troops" in r["text"] and re.search(r"not an evacuation", r["text"])
        for r in reports
    )


@pytest.mark.parametrize(
    "kind, wording",
    [
        ("detention of a local strongman", r"\bdetain(ed|s)? (Ismail Khan|the governor)"),
        ("local ceasefire deal", r"local ceasefire|brokered a deal"),
        ("air strikes", r"\bair strikes?\b"),
        ("talks in Doha", r"\bDoha\b[^.]*\b(talks|meetings|envoys)\b|\b(talks|meetings|envoys)\b[^.]*\bDoha\b"),
    ],
)
def test_the_other_required_story_kinds_appear(reports, kind, wording):
    assert any(re.search(wording, r["title"] + "\n" + r["text"]) for r in reports), kind


@pytest.mark.parametrize(
    "furniture",
    [r"^Photo( caption)?: .+\)$", r"^(RELATED|Related): [^.]+$", r"^Read more: [^.]+$", r"^Also on [^:]+: [^.]+$"],
)
def test_some_reports_carry_page_furniture_on_its_own_line(reports, furniture):
    # Cleaning can only mark furniture as not-body if it stands on a line of its own.
    assert any(re.search(furniture, r["text"], re.MULTILINE) for r in reports)


def test_watch_points_follow_the_documented_schema(watch_points):
    assert isinstance(watch_points, list) and len(watch_points) >= 3
    names = [w["name"] for w in watch_points]
    assert len(set(names)) == len(names)
    for point in watch_points:
        assert set(point) == {"name", "lat", "lon", "hostile", "thresholds_km", "alert_days"}
        assert -90 <= point["lat"] <= 90 and -180 <= point["lon"] <= 180
        assert point["hostile"] and all(isinstance(actor, str) for actor in point["hostile"])
        thresholds = point["thresholds_km"]
        assert thresholds == sorted(thresholds) and all(t > 0 for t in thresholds)
        assert isinstance(point["alert_days"], int) and point["alert_days"] > 0


def test_hostile_actors_of_watch_points_are_known_actors(watch_points):
    # Control records name holders by the actor's canonical name, so a watch point must use it too.
    actors = json.loads((DEMO_REPORTS_DIR.parent / "actors.json").read_text(encoding="utf-8"))["actors"]
    names = {actor["name"] for actor in actors}
    for point in watch_points:
        assert set(point["hostile"]) <= names, point["name"]


def test_kabul_watch_point_sees_each_threshold_crossed_as_the_story_unfolds(reports, watch_points):
    kabul = next(w for w in watch_points if w["name"] == "Kabul diplomatic quarter")
    here = (kabul["lat"], kabul["lon"])
    inner, outer = kabul["thresholds_km"]
    ghazni, pul_e_alam, city = (_great_circle_km(here, COORDINATES[p]) for p in ("Ghazni", "Pul-e-Alam", "Kabul"))
    # Ghazni (12 Aug) is still beyond the outer ring, Pul-e-Alam (13 Aug) inside it, Kabul (15 Aug) inside both.
    assert outer < ghazni < 150
    assert inner < pul_e_alam < outer
    assert city < inner
    # And the reports bring those captures in that order, one headline at a time.
    unsure = re.compile(r"could|claim|say", re.IGNORECASE)
    first_taken = {
        place: min(r["published"] for r in reports
                   if _taking(place).search(r["title"]) and not unsure.search(r["title"]))
        for place in ("Ghazni", "Pul-e-Alam", "Kabul")
    }
    assert first_taken == {"Ghazni": "2021-08-12", "Pul-e-Alam": "2021-08-13", "Kabul": "2021-08-15"}


def test_no_run_of_eight_words_is_shared_with_the_real_reports():
    if not SHARED_DATA_DIR.exists():
        pytest.skip(f"{SHARED_DATA_DIR} is absent")
    real: list[str] = [p.read_text(encoding="utf-8") for p in SHARED_DATA_DIR.glob("seed/*.txt")]
    for path in SHARED_DATA_DIR.glob("corpora/*.jsonl"):
        real += [json.loads(line).get("text") or "" for line in path.read_text(encoding="utf-8").splitlines()]
    if not real:
        pytest.skip(f"no reports under {SHARED_DATA_DIR}")

    def runs(text: str) -> set[str]:
        words = re.findall(r"[a-z0-9']+", text.lower())
        return {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}

    theirs = set().union(*(runs(t) for t in real))
    with REPORTS_FILE.open(encoding="utf-8") as handle:
        ours = [json.loads(line) for line in handle]
    for report in ours:
        shared = runs(report["text"]) & theirs
        assert not shared, (report["url"], sorted(shared))


def test_every_report_the_readme_points_to_exists(reports):
    readme = (DEMO_REPORTS_DIR / "README.md").read_text(encoding="utf-8")
    pointed = re.findall(r"`([a-z-]+\.example/[^`]+)`", readme)
    assert pointed
    assert set(pointed) <= {r["url"].removeprefix("https://") for r in reports}
