"""``control --as-of --known-at``: who held each place on a date, as the store knew it at a time."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.control import control_as_of, place_history
from frontwatch.records import Article
from frontwatch.store import Store
from control.control_samples import KHERSON, SOLEDAR, claim, concession


def _ingest(store: Store, stored, ingested_at: str) -> None:
    """Store each hand-built event as a report of its own, ingested at ``ingested_at``."""
    with store.batch():
        for s in stored:
            e = s.event
            article = Article(text=f"{e.sentence} ({e.event_id})", url=e.article["url"], published=e.date)
            store.add_report(article, [e], ingested_at=ingested_at)


def _soledar_store(path) -> None:
    with Store.open(path) as store:
        _ingest(store, [claim(SOLEDAR, "2023-01-11", "Wagner Group")], "2023-01-11T20:00:00Z")
        _ingest(store, [concession(SOLEDAR, "2023-01-25", "Russia", "Ukraine")], "2023-01-25T15:00:00Z")
        _ingest(store, [claim(KHERSON, "2022-03-02", "Russia"),
                        concession(KHERSON, "2022-11-11", "Ukraine", "Russia")], "2022-11-11T18:00:00Z")


def test_as_of_gives_the_holder_whose_change_came_on_or_before_the_date(tmp_path):
    db = tmp_path / "fw.db"
    _soledar_store(db)
    with Store.open(db, readonly=True) as store:
        before = {r.place.name: r for r in control_as_of(store, "2023-01-10")}
        assert before["Kherson"].holder == "Ukraine" and before["Kherson"].since == "2022-11-11"
        assert "Soledar" not in before
        spring = {r.place.name: r for r in control_as_of(store, "2022-03-20")}
        assert (spring["Kherson"].holder, spring["Kherson"].status) == ("Russia", "claimed")
        # a claim nobody confirmed or repeated for months is no longer given as the holder
        assert "Kherson" not in {r.place.name for r in control_as_of(store, "2022-07-01")}
        after = {r.place.name: r for r in control_as_of(store, "2023-02-01")}
        # claimed on the 11th, conceded on the 25th: held, and dated from the concession
        assert (after["Soledar"].holder, after["Soledar"].since, after["Soledar"].status) == \
            ("Russia", "2023-01-25", "held")
        assert len(after["Soledar"].evidence) == 2


def test_as_of_between_claim_and_confirmation_says_claimed(tmp_path):
    db = tmp_path / "fw.db"
    _soledar_store(db)
    with Store.open(db, readonly=True) as store:
        [soledar] = [r for r in control_as_of(store, "2023-01-20") if r.place.name == "Soledar"]
        assert soledar.status == "claimed"


def test_known_at_replays_what_was_known_then(tmp_path):
    db = tmp_path / "fw.db"
    _soledar_store(db)
    with Store.open(db, readonly=True) as store:
        autumn = {r.place.name for r in control_as_of(store, "2023-02-01", known_at="2022-12-01")}
        assert autumn == {"Kherson"}  # no Soledar report had been ingested yet
        then = {r.place.name: r for r in control_as_of(store, "2023-02-01", known_at="2023-01-12T00:00:00+00:00")}
        assert then["Soledar"].status == "claimed"
        assert len(then["Soledar"].evidence) == 1
        now = {r.place.name: r for r in control_as_of(store, "2023-02-01", known_at="2023-01-25T15:00:00Z")}
        assert now["Soledar"].status == "held"


def test_place_history_lists_each_change_in_date_order(tmp_path):
    db = tmp_path / "fw.db"
    _soledar_store(db)
    with Store.open(db, readonly=True) as store:
        history = place_history(store, KHERSON.geonameid)
        assert [(r.holder, r.since) for r in history] == [("Russia", "2022-03-02"), ("Ukraine", "2022-11-11")]
        assert [r.holder for r in place_history(store, "Kherson")] == ["Russia", "Ukraine"]


def test_control_command_prints_contract_records(tmp_path):
    db = tmp_path / "fw.db"
    _soledar_store(db)
    result = CliRunner().invoke(app, ["control", "--as-of", "2023-02-01", "--db", str(db)])
    assert result.exit_code == 0, result.output
    records = {r["place"]["name"]: r for r in json.loads(result.output)}
    assert set(records["Soledar"]) == {"place", "holder", "since", "status", "confidence", "sources", "evidence"}
    assert records["Soledar"]["place"]["geonameid"] == SOLEDAR.geonameid
    assert records["Soledar"]["status"] == "held"


def test_control_command_names_a_bad_known_at(tmp_path):
    db = tmp_path / "fw.db"
    _soledar_store(db)
    result = CliRunner().invoke(app, ["control", "--as-of", "2023-02-01", "--known-at", "yesterday",
                                      "--db", str(db)])
    assert result.exit_code == 2
    assert "yesterday" in result.output
