"""``frontwatch classify``: JSONL in, JSONL out, bad lines reported and answered without stopping."""

from __future__ import annotations

import io
import json

from typer.testing import CliRunner

from frontwatch.classify import classify_jsonl
from frontwatch.cli import app

ARREST = "Police arrested four opposition activists at their homes in the capital early on Sunday."
NO_EVENT = "The minister will visit Doha next week to discuss trade."


def test_cli_round_trip_goes_on_past_a_bad_line() -> None:
    stdin = "\n".join([
        json.dumps({"id": "a1", "text": ARREST}),
        "{this is not json",
        json.dumps({"id": 7, "text": NO_EVENT}),
    ]) + "\n"
    result = CliRunner().invoke(app, ["classify", "--taxonomy", "acled"], input=stdin)
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert out[0] == {"id": "a1", "label": "Arrests"}
    assert out[1]["id"] is None and out[1]["label"] is None and "line 2" in out[1]["error"]
    assert out[2] == {"id": 7, "label": None}
    assert "line 2" in result.stderr and "not JSON" in result.stderr


def test_cli_refuses_an_unknown_taxonomy() -> None:
    result = CliRunner().invoke(app, ["classify", "--taxonomy", "cameo"], input="")
    assert result.exit_code == 2


def test_items_without_text_are_named_and_answered_null() -> None:
    messages: list[str] = []
    out = io.StringIO()
    stdin = io.StringIO('{"id": "x"}\n[1, 2]\n{"id": "y", "text": 5}\n{"id": "z", "text": "  "}\n')
    bad = classify_jsonl(stdin, out, on_bad=messages.append)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert bad == 4
    assert [r["id"] for r in records] == ["x", None, "y", "z"]
    assert all(r["label"] is None and r["error"] for r in records)
    assert [m.split(":")[0] for m in messages] == [f"stdin line {n}" for n in (1, 2, 3, 4)]


def test_invalid_utf8_line_is_reported_and_the_rest_classified() -> None:
    raw = (json.dumps({"id": 1, "text": ARREST}) + "\n").encode() + b'{"id": 2, "text": "\xff\xfe"}\n' \
        + (json.dumps({"id": 3, "text": ARREST}) + "\n").encode()
    stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    out, messages = io.StringIO(), []
    classify_jsonl(stdin, out, on_bad=messages.append)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["label"] for r in records] == ["Arrests", None, "Arrests"]
    assert messages == ["stdin line 2: not valid UTF-8"]


def test_blank_lines_are_skipped_and_order_is_kept_across_batches() -> None:
    lines = [json.dumps({"id": i, "text": ARREST if i % 2 else NO_EVENT}) for i in range(600)]
    out = io.StringIO()
    classify_jsonl(io.StringIO("\n\n".join(lines) + "\n"), out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in records] == list(range(600))
    assert {r["label"] for r in records[1::2]} == {"Arrests"}
    assert {r["label"] for r in records[0::2]} == {None}
