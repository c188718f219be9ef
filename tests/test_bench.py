"""``frontwatch bench`` reports both sides of one run (no timing is asserted: these machines are noisy)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from frontwatch.cli import app

REPORTS = [
    {"url": f"https://desk.example/{i}", "published": "2021-08-13", "title": "Update",
     "text": f"KABUL: Taliban fighters took control of the city of Ghazni on Thursday, officials said, "
             f"as government forces withdrew to an army base. Report {i} of the bench corpus."}
    for i in range(4)
]


def test_bench_measures_ingest_beside_a_plain_spacy_pass_on_the_same_texts(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in REPORTS) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "--corpus", str(corpus), "--repeat", "2"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["reports"] == 8  # the repeated copies are new work for both sides
    assert figures["ingest_events"] >= 8
    for key in ("ingest_reports_per_s", "spacy_full_reports_per_s", "ratio", "ingest_peak_mb",
                "spacy_full_peak_mb"):
        assert figures[key] > 0


def test_bench_on_a_missing_corpus_fails_in_one_line(tmp_path):
    result = CliRunner().invoke(app, ["bench", "--corpus", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
    assert "none.jsonl" in result.stderr
