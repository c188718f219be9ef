"""Approach warnings: nearest hostile-held place, closing rate, projected days, webhook delivery."""

from __future__ import annotations

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from frontwatch import config
from frontwatch.control.approach import (
    WatchPoint, approach, approach_series, deliver, load_watch_points, run_warn, watch_point,
)
from frontwatch.errors import BadInput, FrontwatchError
from frontwatch.places.distance import great_circle_km
from frontwatch.records import ControlRecord, Place

EMBASSY = WatchPoint("Embassy, Kabul", 34.535, 69.19, ("Taliban",), (50.0, 100.0), alert_days=3, window_days=3)
GHAZNI = Place("Ghazni", 1141269, 33.55391, 68.42096, "Ghazni", "AF")
PUL_E_ALAM = Place("Pul-e Alam", 1131316, 33.99529, 69.02274, "Logar", "AF")
KANDAHAR = Place("Kandahar", 1138336, 31.61332, 65.71013, "Kandahar", "AF")
CHARIKAR = Place("Charikar", 1146676, 35.01361, 69.17139, "Parwan", "AF")


def held(place: Place, holder: str = "Taliban", status: str = "held", since: str = "2021-08-10") -> ControlRecord:
    return ControlRecord(place, holder, since, status, 0.9, 2, ["e1"])


def test_nearest_hostile_place_and_closing_rate():
    now = [held(KANDAHAR), held(GHAZNI, since="2021-08-12"), held(CHARIKAR, holder="Afghan government")]
    before = [held(KANDAHAR)]
    a = approach(now, before, EMBASSY, "Taliban", "2021-08-13")
    assert a.place == GHAZNI and a.status == "held" and a.since == "2021-08-12"
    expected = great_circle_km(EMBASSY.lat, EMBASSY.lon, GHAZNI.lat, GHAZNI.lon)
    assert a.distance_km == pytest.approx(expected)
    earlier = great_circle_km(EMBASSY.lat, EMBASSY.lon, KANDAHAR.lat, KANDAHAR.lon)
    assert a.km_per_day == pytest.approx((earlier - expected) / 3)
    assert a.days_to[50.0] == pytest.approx((expected - 50) / a.km_per_day)
    assert a.days_to[100.0] < a.days_to[50.0]


def test_a_fast_approach_raises_a_warning_before_any_threshold_is_crossed():
    a = approach([held(GHAZNI)], [held(KANDAHAR)], EMBASSY, "Taliban", "2021-08-13")
    assert a.distance_km > 100 and a.warning
    assert any("100 km projected" in r for r in a.reasons)
    assert "WARNING" in a.describe() and "Ghazni" in a.describe()


def test_crossing_a_threshold_raises_a_warning_and_says_the_status():
    a = approach([held(PUL_E_ALAM, status="claimed")], [held(GHAZNI)], EMBASSY, "Taliban", "2021-08-14")
    assert a.distance_km < 100 and a.days_to[100.0] == 0
    assert a.warning and any("within 100 km" in r and "claimed" in r for r in a.reasons)


def test_a_party_moving_away_gives_no_projection_and_no_warning_far_out():
    a = approach([held(KANDAHAR)], [held(GHAZNI)], EMBASSY, "Taliban", "2021-08-14")
    assert a.km_per_day < 0 and a.days_to == {50.0: None, 100.0: None} and not a.warning


def test_without_an_earlier_holding_there_is_no_rate():
    a = approach([held(KANDAHAR)], [], EMBASSY, "Taliban", "2021-08-14")
    assert a.km_per_day is None and not a.warning and "no rate" in a.describe()


def test_places_held_by_parties_not_hostile_are_ignored():
    a = approach([held(CHARIKAR, holder="Afghan government")], [], EMBASSY, "Taliban", "2021-08-14")
    assert a.place is None and a.distance_km is None and not a.warning


def test_a_watch_point_can_name_a_gazetteer_place():
    w = watch_point({"name": "Field office", "place": "Kandahar", "hostile": ["Taliban"]})
    assert (w.lat, w.lon) == pytest.approx((31.61, 65.71), abs=0.05)
    assert w.thresholds_km == (50.0, 100.0)


@pytest.mark.parametrize("item, problem", [
    ({"name": "x", "lat": 95, "lon": 10, "hostile": ["Taliban"]}, "out of range"),
    ({"name": "x", "lat": "north", "lon": 10, "hostile": ["Taliban"]}, "lat must be a number"),
    ({"name": "x", "lat": 34, "lon": 69}, "hostile"),
    ({"name": "x", "lat": 34, "lon": 69, "hostile": ["Taliban"], "thresholds_km": [-5]}, "thresholds_km"),
    ({"name": "Nowhere-at-all-qqq", "hostile": ["Taliban"]}, "no gazetteer place"),
    ({"lat": 34, "lon": 69, "hostile": ["Taliban"]}, "needs a name"),
])
def test_bad_watch_points_are_refused_with_a_message_naming_them(item, problem):
    with pytest.raises(BadInput) as err:
        watch_point(item, "points.json")
    assert problem in str(err.value) and "points.json" in str(err.value)


def test_a_watch_file_that_is_not_json_names_the_file(tmp_path):
    bad = tmp_path / "points.json"
    bad.write_bytes(b"\xff\xfe[{")
    with pytest.raises(BadInput, match="points.json"):
        load_watch_points(bad)
    with pytest.raises(BadInput, match="no such file"):
        load_watch_points(tmp_path / "absent.json")


def test_the_demo_watch_points_load():
    points = load_watch_points()
    assert any("Kabul" in p.name for p in points) and all(p.hostile == ("Taliban",) for p in points)


class _Hook(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Hook.received.append((self.headers["Content-Type"], json.loads(body)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook():
    _Hook.received = []
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", _Hook.received
    server.shutdown()
    server.server_close()


def test_warnings_are_posted_as_json_to_a_webhook(webhook):
    url, received = webhook
    a = approach([held(PUL_E_ALAM)], [held(GHAZNI)], EMBASSY, "Taliban", "2021-08-14")
    assert deliver(url, "2021-08-14", [a]) == 204
    [(content_type, body)] = received
    assert content_type == "application/json" and body["as_of"] == "2021-08-14"
    [sent] = body["warnings"]
    assert sent["watch_point"] == "Embassy, Kabul" and sent["nearest"]["name"] == "Pul-e Alam"
    assert sent["warning"] and sent["thresholds"][1] == {"km": 100.0, "days": 0.0, "crossed": True}


def test_an_unreachable_webhook_is_a_clear_error():
    a = approach([held(PUL_E_ALAM)], [], EMBASSY, "Taliban", "2021-08-14")
    with pytest.raises(FrontwatchError, match="cannot deliver"):
        deliver("http://127.0.0.1:9/hook", "2021-08-14", [a])
    with pytest.raises(FrontwatchError, match="only http"):
        deliver("file:///etc/passwd", "2021-08-14", [a])


# -- on the demo reports ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from frontwatch.pipeline import ingest_sources

    path = tmp_path_factory.mktemp("approach") / "demo.db"
    ingest_sources([str(config.DEMO_REPORTS_DIR)], db_path=path)
    return path


def test_warn_prints_each_watch_point_and_posts_raised_warnings(demo_db, webhook):
    url, received = webhook
    out = io.StringIO()
    found = run_warn(demo_db, "2021-08-15", fmt="text", webhook=url, out=out)
    text = out.getvalue()
    for point in load_watch_points():
        assert point.name in text
    raised = [a for a in found if a.warning]
    assert raised, "by 15 August Taliban-held places are within the Kabul rings"
    assert len(received) == 1 and len(received[0][1]["warnings"]) == len(raised)


def test_warn_as_json_matches_the_assessment(demo_db):
    out = io.StringIO()
    found = run_warn(demo_db, "2021-08-13", fmt="json", out=out)
    assert json.loads(out.getvalue()) == [a.to_dict() for a in found]


def test_the_nearest_taliban_place_to_kabul_comes_closer_over_the_offensive(demo_db):
    from frontwatch.store import Store

    kabul = load_watch_points()[0]
    with Store.open(demo_db, readonly=True) as store:
        series = approach_series(store, kabul, "2021-08-06", "2021-08-16")
    distances = [a.distance_km for a in series if a.distance_km is not None]
    assert len(series) == 11 and distances
    assert distances[-1] < distances[0] and distances[-1] < 100
