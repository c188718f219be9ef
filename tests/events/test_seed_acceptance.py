"""The issue's acceptance on the seed report (read from ../shared; skipped when it is absent)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.config import SHARED_DATA_DIR

SEED = SHARED_DATA_DIR / "seed" / "000_e5450c948dd22423.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} not present")


@pytest.fixture(scope="module")
def seed_events() -> list[dict]:
    result = CliRunner().invoke(app, ["extract", str(SEED), "--published", "2021-08-13"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _changes(events: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for e in events:
        if e["control"] and e["place"]:
            found.setdefault(e["place"]["admin1"], []).append(e)
    return found


@pytest.mark.parametrize("admin1, date", [("Kandahar", "2021-08-13"), ("Helmand", "2021-08-13"),
                                          ("Logar", "2021-08-13"), ("Herat", "2021-08-12"),
                                          ("Ghazni", "2021-08-12")])
def test_control_passes_to_the_taliban_on_the_day_reported(seed_events, admin1, date):
    changes = _changes(seed_events)[admin1]
    assert all(e["control"]["holder"] == "Taliban" for e in changes)
    assert all(e["place"]["feature"] == "city" for e in changes)
    assert date in {e["date"] for e in changes}
    assert all(e["date"] >= "2021-08-12" for e in changes)


def test_pul_e_alam_is_the_place_taken_in_logar(seed_events):
    [place] = {e["place"]["name"] for e in _changes(seed_events)["Logar"]}
    assert place.replace("‘", "").replace("-", " ").lower() in ("pul e alam", "pul i alam")


def test_no_control_change_at_kabul_or_encircled_mazar(seed_events):
    changes = _changes(seed_events)
    assert "Kabul" not in changes and "Balkh" not in changes
    sieges = [e for e in seed_events if e["mode"] == "siege" and e["place"] and e["place"]["admin1"] == "Balkh"]
    assert sieges and all(e["control"] is None for e in sieges)


def test_no_event_from_the_related_article_headlines(seed_events):
    text = SEED.read_text(encoding="utf-8")
    headlines = [line for line in text.splitlines()
                 if line.startswith(("Taliban detain veteran", "Taliban could isolate", "Taliban control 65%",
                                     "Six EU countries"))]
    assert len(headlines) == 4
    for e in seed_events:
        assert e["sentence"] not in headlines
        assert text[e["span"][0]:e["span"][1]] == e["sentence"]


def test_spokesman_saying_this_is_not_an_evacuation_is_a_denial(seed_events):
    quoted = [e for e in seed_events if "not an evacuation" in e["sentence"] and e["type"] == "AID"]
    assert quoted and all(e["modality"] == "denied" for e in quoted)


def test_lashkar_gah_claimed_by_the_taliban_and_confirmed_by_a_security_source(seed_events):
    helmand = _changes(seed_events)["Helmand"]
    claims = [e for e in helmand if e["modality"] == "claimed"]
    confirmations = [e for e in helmand if e["modality"] == "asserted"
                     and any(a["kind"] == "security source" for a in e["attribution"])]
    assert claims and claims[0]["attribution"][0]["source"] == "Taliban"
    assert claims[0]["attribution"][0]["kind"] == "belligerent"
    assert confirmations


def test_ismail_khan_captured_is_a_detention(seed_events):
    [khan] = [e for e in seed_events if "Ismail Khan" in e["sentence"] and e["type"] == "COERCE"]
    assert khan["mode"] == "arrest" and khan["control"] is None


def test_troop_deployment_to_kabul_is_planned_with_its_number(seed_events):
    [deploy] = [e for e in seed_events if e["type"] == "MOBILIZE" and e["quantities"].get("troops") == 3000]
    assert deploy["modality"] == "planned"
    assert deploy["place"]["name"] == "Kabul"
