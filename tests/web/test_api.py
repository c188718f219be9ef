"""The HTTP API against a real store built from the demo reports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from frontwatch.control import control_as_of
from frontwatch.places.distance import great_circle_km
from frontwatch.export import ACLED_COLUMNS
from frontwatch.records import PLOVER_TYPES
from frontwatch.store import Store
from frontwatch.web import create_app

CONTROL_FIELDS = {"place", "holder", "since", "status", "confidence", "sources", "evidence"}
EVENT_FIELDS = {"event_id", "article", "type", "mode", "acled", "control", "actor", "target", "place", "date",
                "date_precision", "modality", "attribution", "quantities", "sentence", "span"}


def test_control_as_of_a_date_matches_the_control_stage_and_has_contract_fields(client, demo_db):
    records = client.get("/api/control", params={"as_of": "2021-08-13"}).json()
    with Store.open(demo_db, readonly=True) as store:
        expected = [r.to_dict() for r in control_as_of(store, "2021-08-13")]
    assert records, "no control on 13 August 2021"
    assert [{k: r[k] for k in CONTROL_FIELDS} for r in records] == expected
    holders = {r["place"]["name"]: r["holder"] for r in records}
    assert holders.get("Ghazni") == "Taliban"
    for r in records:
        assert CONTROL_FIELDS <= r.keys() and r["status"] in ("held", "contested", "claimed")


def test_control_replays_the_offensive_day_by_day(client):
    early = client.get("/api/control", params={"as_of": "2021-08-07"}).json()
    late = client.get("/api/control", params={"as_of": "2021-08-16"}).json()
    taliban = lambda rs: {r["place"]["name"] for r in rs if r["holder"] == "Taliban"}  # noqa: E731
    assert len(taliban(early)) < len(taliban(late))
    assert "Kandahar" not in taliban(early) and "Kandahar" in taliban(late)


def test_control_known_before_anything_was_ingested_is_empty(client):
    assert client.get("/api/control", params={"as_of": "2021-08-16", "known_at": "2000-01-01"}).json() == []


def test_events_filter_by_type_actor_and_date_range(client):
    page = client.get("/api/events", params={"type": "ASSAULT", "actor": "Taliban", "date_from": "2021-08-10",
                                             "date_to": "2021-08-12", "limit": 500}).json()
    assert page["items"]
    for item in page["items"]:
        e = item["event"]
        assert EVENT_FIELDS <= e.keys()
        assert e["type"] == "ASSAULT" and "2021-08-10" <= e["date"] <= "2021-08-12"
        names = {(e["actor"] or {}).get("name"), (e["target"] or {}).get("name"),
                 (e["control"] or {}).get("holder")}
        assert "Taliban" in names


def test_events_in_a_bounding_box_lie_inside_it(client):
    box = (64.0, 30.5, 66.5, 32.5)  # Helmand and Kandahar
    items = client.get("/api/events", params={"bbox": ",".join(map(str, box)), "limit": 500}).json()["items"]
    assert items
    for item in items:
        p = item["event"]["place"]
        assert box[0] <= p["lon"] <= box[2] and box[1] <= p["lat"] <= box[3]
    names = {i["event"]["place"]["name"] for i in items}
    assert "Kandahar" in names and "Kabul" not in names


def test_events_at_a_place_name_only_that_place(client):
    items = client.get("/api/events", params={"place": "Ghazni", "limit": 500}).json()["items"]
    assert items and all(i["event"]["place"]["name"] == "Ghazni" or i["event"]["place"]["admin1"] == "Ghazni"
                         for i in items)


def test_event_pages_cover_every_event_once(client):
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert everything["next_offset"] is None
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 40, "offset": offset}).json()
        assert len(page["items"]) <= 40
        seen += [i["event"]["event_id"] for i in page["items"]]
        offset = page["next_offset"]
    assert seen == [i["event"]["event_id"] for i in everything["items"]]
    assert len(set(seen)) == len(seen)


def test_an_event_comes_with_every_report_carrying_it(client):
    first = client.get("/api/events", params={"place": "Ghazni", "limit": 1}).json()["items"][0]
    one = client.get(f"/api/events/{first['event']['event_id']}").json()
    assert one["event"]["sentence"] == first["event"]["sentence"]
    assert one["sources"] and all(s["url"].startswith("https://") and s["outlet"] for s in one["sources"])
    assert one["independent_sources"] >= 1


def test_an_unknown_event_is_404_with_a_message(client):
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404 and "no-such-event" in r.json()["detail"]


def test_place_history_gives_each_change_and_the_sentences_behind_it(client):
    control = client.get("/api/control", params={"as_of": "2021-08-16"}).json()
    ghazni = next(r for r in control if r["place"]["name"] == "Ghazni")
    history = client.get(f"/api/places/{ghazni['key']}/history").json()
    assert history["changes"] and history["changes"][-1]["holder"] == "Taliban"
    evidence_ids = {e["event"]["event_id"] for e in history["evidence"]}
    assert set(ghazni["evidence"]) <= evidence_ids
    assert any("Ghazni" in e["event"]["sentence"] for e in history["evidence"])


def test_places_list_every_place_once_with_its_key(client):
    places = client.get("/api/places").json()
    keys = [p["key"] for p in places]
    assert len(keys) == len(set(keys))
    assert {"Kandahar", "Ghazni", "Herat"} <= {p["name"] for p in places}


def test_timeline_counts_events_per_day_and_type(client):
    bins = client.get("/api/timeline", params={"date_from": "2021-08-06", "date_to": "2021-08-16"}).json()
    events = client.get("/api/events", params={"date_from": "2021-08-06", "date_to": "2021-08-16",
                                               "limit": 500}).json()["items"]
    assert sum(b["count"] for b in bins) == len(events)
    assert all(b["type"] in PLOVER_TYPES for b in bins)


def test_meta_gives_the_slider_range_and_the_filters(client):
    meta = client.get("/api/meta").json()
    assert meta["day_dates"]["first"] >= "2021-08-01" and meta["day_dates"]["last"] == "2021-08-16"
    assert "Taliban" in meta["actors"] and "ASSAULT" in meta["types"]
    assert meta["reports"] == 47


def test_warnings_give_the_nearest_taliban_held_place_to_each_watch_point(client):
    approaches = client.get("/api/warnings", params={"as_of": "2021-08-13"}).json()
    control = client.get("/api/control", params={"as_of": "2021-08-13"}).json()
    held = [r for r in control if r["holder"] == "Taliban"]
    names = {w["name"] for w in client.get("/api/watchpoints").json()}
    assert {a["watch_point"] for a in approaches} == names
    for a in approaches:
        nearest = min(great_circle_km(a["lat"], a["lon"], r["place"]["lat"], r["place"]["lon"]) for r in held)
        assert a["distance_km"] == pytest.approx(nearest, abs=0.1)
        assert len(a["trend"]) == 8 and a["trend"][-1]["distance_km"] == a["distance_km"]
        assert a["warning"] == bool(a["reasons"])


@pytest.mark.parametrize("url", [
    "/api/control?as_of=2021-02-30",
    "/api/control?as_of=yesterday",
    "/api/control?known_at=soon",
    "/api/events?limit=100000",
    "/api/events?limit=0",
    "/api/events?offset=-1",
    "/api/events?type=EXPLODE",
    "/api/events?bbox=1,2,3",
    "/api/events?bbox=a,b,c,d",
    "/api/events?bbox=200,0,210,10",
    "/api/events?bbox=70,35,60,30",
    "/api/events?date_from=2021-08-16&date_to=2021-08-01",
    "/api/warnings?trend_days=1000",
    "/api/export/xlsx",
])
def test_bad_parameters_get_422_with_a_message(client, url):
    r = client.get(url)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, str) and detail


def test_openapi_document_describes_every_endpoint_with_the_contract_records(client):
    doc = client.get("/openapi.json").json()
    for path in ("/api/control", "/api/events", "/api/events/{event_id}", "/api/places", "/api/places/{key}/history",
                 "/api/warnings", "/api/watchpoints", "/api/ingest", "/api/export/{fmt}", "/api/timeline"):
        assert path in doc["paths"], path
    schemas = doc["components"]["schemas"]
    assert EVENT_FIELDS <= set(schemas["EventModel"]["properties"])
    assert CONTROL_FIELDS <= set(schemas["ControlRecordModel"]["properties"])
    assert "from" in schemas["ControlChangeModel"]["properties"]


def test_exports_are_served_in_each_format(client):
    r = client.get("/api/export/acled-csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert tuple(next(csv.reader(io.StringIO(r.text)))) == ACLED_COLUMNS
    lines = client.get("/api/export/plover-jsonl").text.splitlines()
    assert lines and all(json.loads(line)["event"] in PLOVER_TYPES for line in lines)
    geo = client.get("/api/export/geojson", params={"as_of": "2021-08-13"}).json()
    assert geo["type"] == "FeatureCollection" and geo["as_of"] == "2021-08-13"


def test_the_page_is_served_with_a_policy_that_forbids_other_origins_and_inline_script(client):
    r = client.get("/")
    assert r.status_code == 200 and "app.js" in r.text
    policy = r.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy and "unsafe-eval" not in policy


REPORT = {  # a place the demo reports never mention
    "url": "https://frontier-desk.example/2021/08/14/khost",
    "published": "2021-08-14",
    "title": "Taliban take Khost",
    "outlet": "Frontier Desk",
    "text": ("KHOST, Afghanistan (Frontier Desk) - Taliban fighters took control of Khost, the capital of "
             "Khost province, on Saturday after government troops pulled back to their base, a security "
             "source said.\n\nResidents said the streets were quiet by the evening."),
}


def test_ingest_is_forbidden_without_a_configured_token(client):
    r = client.post("/api/ingest", json=REPORT, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "token" in r.json()["detail"]


def test_ingest_is_forbidden_with_a_wrong_token(writable_db):
    app = TestClient(create_app(writable_db, ingest_token="s3cret"))
    assert app.post("/api/ingest", json=REPORT).status_code == 403
    assert app.post("/api/ingest", json=REPORT, headers={"Authorization": "Bearer wrong"}).status_code == 403


def test_ingested_report_shows_in_events_and_control(writable_db):
    app = TestClient(create_app(writable_db, ingest_token="s3cret"))
    auth = {"Authorization": "Bearer s3cret"}
    control = lambda: {c["place"]["name"]: c["holder"]  # noqa: E731
                       for c in app.get("/api/control", params={"as_of": "2021-08-14"}).json()}
    assert "Khost" not in control()  # asked before: what the map had cached must not hide the new report
    r = app.post("/api/ingest", json=REPORT, headers=auth)
    assert r.status_code == 200 and r.json()["new"] == 1 and r.json()["events"] >= 1
    items = app.get("/api/events", params={"place": "Khost"}).json()["items"]
    assert items and all(s["outlet"] == "Frontier Desk" for i in items for s in i["sources"])
    assert control().get("Khost") == "Taliban"
    again = app.post("/api/ingest", json=REPORT, headers=auth).json()
    assert again["items"][0]["outcome"] == "duplicate" and again["events"] == 0


def test_ingest_batch_goes_on_past_a_bad_report(writable_db):
    app = TestClient(create_app(writable_db, ingest_token="s3cret"))
    r = app.post("/api/ingest", json=[{"text": "   "}, REPORT], headers={"Authorization": "Bearer s3cret"})
    body = r.json()
    assert r.status_code == 200 and body["reports"] == 2 and body["new"] == 1 and body["skipped"] == 1
    assert body["items"][0]["outcome"] == "skipped" and "report 1" in body["items"][0]["error"]


def test_ingest_skips_a_report_not_in_english_with_a_message(writable_db):
    app = TestClient(create_app(writable_db, ingest_token="s3cret"))
    german = {"text": "Die Taliban haben am Freitag die Stadt Kandahar eingenommen, wie Behörden mitteilten. "
                      "Die Regierungstruppen zogen sich in eine Kaserne außerhalb der Stadt zurück.",
              "url": "https://zeitung.example/kandahar", "published": "2021-08-13"}
    body = app.post("/api/ingest", json=[german, REPORT], headers={"Authorization": "Bearer s3cret"}).json()
    assert [i["outcome"] for i in body["items"]] == ["skipped", "new"]
    assert "not English" in body["items"][0]["error"]


def test_ingest_rejects_a_body_that_is_not_a_report(writable_db):
    app = TestClient(create_app(writable_db, ingest_token="s3cret"))
    r = app.post("/api/ingest", content=b"\xff\xfe not json", headers={"Authorization": "Bearer s3cret",
                                                                      "Content-Type": "application/json"})
    assert r.status_code in (400, 422) and r.json()["detail"]  # a body that is not JSON at all is a 400
    r = app.post("/api/ingest", json={"text": 42}, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 422 and "text" in r.json()["detail"]


def test_an_oversized_ingest_body_is_refused_and_stores_nothing(writable_db):
    app = TestClient(create_app(writable_db, ingest_token="s3cret"))
    huge = [dict(REPORT, text=REPORT["text"] + " " + "x" * (4 * 1024 * 1024))] * 6
    r = app.post("/api/ingest", json=huge, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 413
    assert app.get("/api/events", params={"place": "Khost"}).json()["items"] == []


def test_a_watch_point_added_through_the_api_gets_warnings(writable_db):
    app = TestClient(create_app(writable_db, ingest_token="s3cret"))
    point = {"name": "Field office, Kandahar", "place": "Kandahar", "hostile": ["Taliban"], "thresholds_km": [20]}
    r = app.post("/api/watchpoints", json=point, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200 and r.json()["lat"] == pytest.approx(31.6, abs=0.2)
    found = [a for a in app.get("/api/warnings", params={"as_of": "2021-08-16"}).json()
             if a["watch_point"] == "Field office, Kandahar"]
    assert found and found[0]["nearest"]["name"] == "Kandahar" and found[0]["warning"]
