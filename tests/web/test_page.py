"""The map page in a real browser (Debian's chromium driven by Playwright), offline, on the demo store."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from frontwatch.pipeline import ingest_sources

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]

# A report whose text carries markup, as a hostile or broken feed might: it must show as text and never run.
HOSTILE = {
    "url": "https://hostile-feed.example/2021/08/14/gardez",
    "published": "2021-08-14",
    "title": "Gardez falls <script>alert('title')</script>",
    "outlet": "Feed <b>Desk</b>",
    "text": ("GARDEZ, Afghanistan (Feed Desk) - Taliban fighters took control of Gardez <img src=x "
             "onerror=alert(2)> on Saturday after government forces withdrew, a security source said "
             "<script>alert(1)</script>.\n\nThe provincial governor could not be reached for comment."),
}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed "
                                                              "(make browser, or apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def page_db(demo_db, tmp_path_factory) -> Path:
    """The demo store plus the hostile report, ingested through the real pipeline."""
    folder = tmp_path_factory.mktemp("page-store")
    db = folder / "page.db"
    shutil.copy(demo_db, db)
    feed = folder / "hostile.jsonl"
    feed.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    assert ingest_sources([str(feed)], db_path=db).new == 1
    return db


@pytest.fixture(scope="module")
def server(page_db):
    import uvicorn

    from frontwatch.web import create_app

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(page_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def offline_page(browser):
    """A page whose every request beyond 127.0.0.1 is refused and recorded; dialogs are recorded too."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.outside, page.dialogs, page.errors = [], [], []

    def route(r):
        if urlparse(r.request.url).hostname == "127.0.0.1" or r.request.url.startswith("data:"):
            r.continue_()
        else:
            page.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def _open(page, server: str, fragment: str) -> None:
    page.goto(f"{server}/#{fragment}")
    page.wait_for_selector("body[data-ready]", timeout=20000)


def _places(page) -> dict[str, tuple[str, str]]:
    return page.eval_on_selector_all(
        "path.fw-place", "els => Object.fromEntries(els.map(e => [e.dataset.place, [e.getAttribute('fill'), "
                         "e.dataset.status]]))")


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name))


def _key_of(server: str, name: str, as_of: str) -> str:
    with urllib.request.urlopen(f"{server}/api/control?as_of={as_of}") as r:
        return next(c["key"] for c in json.load(r) if c["place"]["name"] == name)


def test_page_loads_and_draws_the_map_with_no_network(offline_page, server):
    _open(offline_page, server, "date=2021-08-13")
    assert offline_page.outside == []
    assert offline_page.errors == []
    assert len(_places(offline_page)) >= 10
    # Country borders (world-atlas) and provinces (Natural Earth admin-1) are drawn from the vendored files.
    assert offline_page.locator(".leaflet-countries-pane path").count() > 100
    assert offline_page.locator(".leaflet-provinces-pane path").count() >= 34
    assert "Leaflet" in offline_page.locator(".leaflet-control-attribution").inner_text()
    assert offline_page.locator(".leaflet-control-attribution svg").count() == 0  # no flag in the prefix
    assert offline_page.locator(".leaflet-marker-pane .watch-icon").count() == 3  # the demo's watch points, with their rings
    assert offline_page.locator("#timeline rect").count() > 10
    _shot(offline_page, "map-offline.png")


def test_moving_the_slider_recolours_the_places(offline_page, server):
    _open(offline_page, server, "date=2021-08-07")
    before = _places(offline_page)
    index = offline_page.eval_on_selector("#date", "el => el.max")
    offline_page.eval_on_selector("#date", "(el, v) => { el.value = v; el.dispatchEvent(new Event('input')); }",
                                  index)
    offline_page.wait_for_selector("body[data-ready='2021-08-16']", timeout=20000)
    after = _places(offline_page)
    assert "Kandahar" not in before and "Kandahar" in after
    taliban_fill = after["Ghazni"][0]
    assert after["Kandahar"][0] == taliban_fill
    assert len(after) > len(before)
    assert "date=2021-08-16" in offline_page.url  # the view can be shared
    _shot(offline_page, "map-slider-16-aug.png")


def test_clicking_a_place_shows_its_history_and_sources(offline_page, server):
    _open(offline_page, server, "date=2021-08-13")
    offline_page.click("path.fw-place[data-place='Ghazni']")
    offline_page.wait_for_selector("#panel .evidence")
    panel = offline_page.locator("#panel")
    assert panel.locator("h2").inner_text() == "Ghazni"
    assert "Taliban" in panel.locator("table").inner_text()
    links = panel.locator(".evidence a")
    assert links.count() >= 1
    assert all(h.startswith("https://") for h in links.evaluate_all("els => els.map(e => e.href)"))
    with urllib.request.urlopen(f"{server}/api/places/{_key_of(server, 'Ghazni', '2021-08-13')}/history") as r:
        history = json.load(r)
    shown = panel.inner_text()
    for item in history["evidence"]:
        assert item["event"]["sentence"] in shown
        assert all(s["outlet"] in shown for s in item["sources"])
    assert "sel=p%3A" in offline_page.url or "sel=p:" in offline_page.url
    _shot(offline_page, "place-evidence.png")


def test_hostile_markup_in_a_report_stays_inert_text(offline_page, server):
    key = _key_of(server, "Gardez", "2021-08-14")
    _open(offline_page, server, f"date=2021-08-14&sel=p:{key}")
    offline_page.wait_for_selector("#panel .evidence")
    offline_page.click("path.fw-place[data-place='Gardez']")
    offline_page.wait_for_selector("#panel .evidence")
    offline_page.wait_for_timeout(300)
    panel = offline_page.locator("#panel")
    text = panel.inner_text()
    assert "<img src=x onerror=alert(2)>" in text and "<script>alert(1)</script>" in text
    assert "<script>alert('title')</script>" in text and "Feed <b>Desk</b>" in text
    assert offline_page.dialogs == []
    assert offline_page.locator("#panel img, #panel script, #panel b").count() == 0
    assert offline_page.locator("img[src='x']").count() == 0
    assert offline_page.errors == []
    _shot(offline_page, "hostile-report-inert.png")


def test_filtering_by_event_type_keeps_only_those_markers_and_the_url_remembers(offline_page, server):
    _open(offline_page, server, "date=2021-08-13")
    assert offline_page.locator("[data-event]:not(.ev-ASSAULT)").count() > 0
    offline_page.select_option("#type", "ASSAULT")
    offline_page.wait_for_selector("[data-event]:not(.ev-ASSAULT)", state="detached")
    assert "type=ASSAULT" in offline_page.url
    assert offline_page.locator("[data-event]").count() > 0
    assert offline_page.locator("[data-event]:not(.ev-ASSAULT)").count() == 0
    shared = offline_page.url
    offline_page.goto("about:blank")
    offline_page.goto(shared)
    offline_page.wait_for_selector("body[data-ready]")
    assert offline_page.eval_on_selector("#type", "el => el.value") == "ASSAULT"
    assert offline_page.locator("[data-event]:not(.ev-ASSAULT)").count() == 0


def test_clicking_an_event_shows_its_sentence_and_sources(offline_page, server):
    _open(offline_page, server, "date=2021-08-13")
    marker = offline_page.locator("[data-event]").first
    event_id = marker.get_attribute("data-event")
    marker.dispatch_event("click")  # event squares may sit under a place circle; the click goes to the square
    offline_page.wait_for_selector("#panel .evidence")
    with urllib.request.urlopen(f"{server}/api/events/{event_id}") as r:
        stored = json.load(r)
    shown = offline_page.locator("#panel").inner_text()
    assert stored["event"]["sentence"] in shown
    assert all(s["outlet"] in shown for s in stored["sources"])
    assert f"sel=e%3A{event_id}" in offline_page.url or f"sel=e:{event_id}" in offline_page.url


def test_known_at_replays_what_the_store_knew_then(offline_page, server):
    _open(offline_page, server, "date=2021-08-16")
    assert len(_places(offline_page)) > 10
    offline_page.goto("about:blank")
    _open(offline_page, server, "date=2021-08-16&known_at=2000-01-01")  # before any report was ingested
    assert _places(offline_page) == {}
    assert offline_page.eval_on_selector("#known", "el => el.value") == "2000-01-01"


def test_a_view_pasted_into_an_open_page_is_taken_up(offline_page, server):
    _open(offline_page, server, "date=2021-08-16")
    offline_page.evaluate("location.hash = 'date=2021-08-07&type=ASSAULT'")
    offline_page.wait_for_selector("#date-label:text-is('2021-08-07')")
    offline_page.wait_for_selector("path.fw-place[data-place='Kandahar']", state="detached")
    assert offline_page.eval_on_selector("#type", "el => el.value") == "ASSAULT"


def test_play_steps_through_the_days(offline_page, server):
    _open(offline_page, server, "date=2021-08-06")
    offline_page.click("#play")
    offline_page.wait_for_selector("#date-label:text-is('2021-08-08')", timeout=20000)
    offline_page.click("#play")  # pause
    assert "date=2021-08-0" in offline_page.url and "date=2021-08-06" not in offline_page.url
