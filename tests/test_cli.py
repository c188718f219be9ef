"""The command line as a user meets it: every command explains itself, bad input fails in one clear line."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app

runner = CliRunner()

COMMANDS = ["extract", "ingest", "control", "geoparse", "classify", "serve", "export", "bench", "warn"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_extract_of_a_missing_file_exits_2_naming_it(tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = runner.invoke(app, ["extract", str(missing)])
    assert result.exit_code == 2
    assert "nowhere.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_extract_rejects_a_published_date_that_is_not_a_date(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Title\nRebels took the town on Friday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(report), "--published", "2021-13-45"])
    assert result.exit_code == 2
    assert "--published" in result.stderr


def test_extract_goes_on_past_a_bad_file_and_prints_events_of_the_good_one(tmp_path):
    bad = tmp_path / "a_bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00")
    good = tmp_path / "b_good.txt"
    good.write_text(
        "Taliban take Ghazni\n"
        "KABUL: Taliban fighters captured the city of Ghazni on Thursday, a provincial council member said, "
        "after government forces withdrew to a nearby army base.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(bad), str(good), "--published", "2021-08-13"])
    assert result.exit_code == 0
    assert "a_bad.txt" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert any(e["control"] and e["place"] and e["place"]["name"] == "Ghazni" for e in events)


def test_control_on_a_missing_store_says_how_to_make_one(tmp_path):
    result = runner.invoke(app, ["control", "--as-of", "2021-08-13", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "frontwatch ingest" in result.stderr


def test_serve_refuses_a_public_interface_without_the_flag():
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--public" in result.stderr
