"""The command line: parse arguments, call a stage, print records. No logic of its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from frontwatch import config
from frontwatch.errors import BadInput, FrontwatchError

app = typer.Typer(
    help="frontwatch: read conflict reports into sourced events and a control timeline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"frontwatch: {message}", err=True)
    raise typer.Exit(code)


def _report_bad(err: BadInput) -> None:
    typer.echo(f"frontwatch: skipped {err}", err=True)


def _write_jsonl(records) -> None:
    out = sys.stdout
    for r in records:
        out.write(json.dumps(r.to_dict() if hasattr(r, "to_dict") else r, ensure_ascii=False) + "\n")


def _check_date(value: Optional[str], name: str) -> Optional[str]:
    if value is None:
        return None
    from frontwatch.reading.dates import parse_iso_date

    parsed = parse_iso_date(value)
    if parsed is None:
        _fail(f"{name} {value!r} is not a date (YYYY-MM-DD)")
    return parsed.isoformat()


@app.command()
def extract(
    files: list[str] = typer.Argument(..., help="Articles: .txt, .html, .jsonl files or folders."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for .txt articles."),
    format: str = typer.Option("jsonl", help="Output format (jsonl)."),
) -> None:
    """Read articles and print one event record per line (no database)."""
    from frontwatch.pipeline import extract_articles

    if format != "jsonl":
        _fail(f"--format {format!r} is not supported (jsonl)")
    published = _check_date(published, "--published")
    bad: list[BadInput] = []

    def on_bad(err: BadInput) -> None:
        bad.append(err)
        _report_bad(err)

    read = 0
    for _article, events in extract_articles(files, published=published, on_bad=on_bad):
        read += 1
        _write_jsonl(events)
    if bad and not read:
        raise typer.Exit(2)


@app.command()
def ingest(
    sources: list[str] = typer.Argument(..., help="Articles, folders of them, JSONL files, or a feed file."),
    db: Path = typer.Option(config.DEFAULT_DB, help="The store (SQLite file)."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for .txt articles."),
    progress: bool = typer.Option(True, help="Show a progress bar."),
    backfill: bool = typer.Option(False, help="Record each report as known at the end of its publication day "
                                              "(replaying an archive with --known-at)."),
) -> None:
    """Read articles into the store; the same article twice adds nothing."""
    from frontwatch.pipeline import ingest_sources

    published = _check_date(published, "--published")
    try:
        summary = ingest_sources(sources, db_path=db, published=published, progress=progress,
                                 on_bad=_report_bad, backfill=backfill)
    except FrontwatchError as err:
        _fail(str(err))
    typer.echo(summary.describe())


@app.command()
def control(
    as_of: str = typer.Option(..., "--as-of", help="Date YYYY-MM-DD."),
    known_at: Optional[str] = typer.Option(None, "--known-at", help="Only reports ingested by this ISO time."),
    db: Path = typer.Option(config.DEFAULT_DB, help="The store (SQLite file)."),
    format: str = typer.Option("json", help="Output format (json)."),
) -> None:
    """Print who holds each place as of a date, with status, confidence and evidence."""
    from frontwatch.control import control_as_of
    from frontwatch.store import Store

    as_of = _check_date(as_of, "--as-of")
    if not db.exists():
        _fail(f"{db}: no such store (run `frontwatch ingest` first)")
    try:
        with Store.open(db, readonly=True) as store:
            records = control_as_of(store, as_of, known_at=known_at)
    except (FrontwatchError, ValueError) as err:
        _fail(str(err))
    typer.echo(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=1))


@app.command()
def geoparse(
    files: list[str] = typer.Argument(..., help="Plain text or articles."),
    format: str = typer.Option("jsonl", help="Output format (jsonl)."),
) -> None:
    """Print one toponym record per place mention."""
    from frontwatch.pipeline import geoparse_articles

    bad: list[BadInput] = []
    read = 0
    for toponyms in geoparse_articles(files, on_bad=lambda err: (bad.append(err), _report_bad(err))):
        read += 1
        _write_jsonl(toponyms)
    if bad and not read:
        raise typer.Exit(2)


@app.command()
def classify(
    taxonomy: str = typer.Option("acled", help="Taxonomy (acled)."),
) -> None:
    """Read {"id","text"} JSONL on stdin; print {"id","label"} with the ACLED sub-event type or null."""
    from frontwatch.classify import classify_jsonl

    if taxonomy != "acled":
        _fail(f"--taxonomy {taxonomy!r} is not supported (acled)")
    classify_jsonl(sys.stdin, sys.stdout, on_bad=lambda msg: typer.echo(f"frontwatch: {msg}", err=True))


@app.command()
def serve(
    db: Path = typer.Option(config.DEFAULT_DB, help="The store (SQLite file)."),
    host: str = typer.Option(config.DEFAULT_HOST, help="Interface to bind."),
    port: int = typer.Option(config.DEFAULT_PORT, help="Port."),
    public: bool = typer.Option(False, "--public", help="Allow binding an interface other than loopback."),
    watch: Optional[Path] = typer.Option(None, help="Watch points file (JSON)."),
) -> None:
    """Serve the map and the HTTP API."""
    if host not in ("127.0.0.1", "localhost", "::1") and not public:
        _fail(f"--host {host}: serving beyond loopback needs --public")
    from frontwatch.web import serve as run_server

    run_server(db, host=host, port=port, watch_file=watch)


@app.command()
def export(
    format: str = typer.Option(..., help="acled-csv, plover-jsonl or geojson."),
    db: Path = typer.Option(config.DEFAULT_DB, help="The store (SQLite file)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="For geojson: control as of this date."),
) -> None:
    """Write the store's events (or control) in a field format on stdout."""
    from frontwatch.export import EXPORTERS
    from frontwatch.store import Store

    if format not in EXPORTERS:
        _fail(f"--format {format!r} is not one of {', '.join(EXPORTERS)}")
    as_of = _check_date(as_of, "--as-of")
    if not db.exists():
        _fail(f"{db}: no such store (run `frontwatch ingest` first)")
    with Store.open(db, readonly=True) as store:
        EXPORTERS[format](store, sys.stdout, as_of=as_of)


@app.command()
def warn(
    as_of: str = typer.Option(..., "--as-of", help="Date YYYY-MM-DD."),
    watch: Optional[Path] = typer.Option(None, help="Watch points file (JSON); default: the demo watch points."),
    db: Path = typer.Option(config.DEFAULT_DB, help="The store (SQLite file)."),
    format: str = typer.Option("text", help="text or json."),
    webhook: Optional[str] = typer.Option(None, help="POST raised warnings to this URL."),
) -> None:
    """For each watch point: the nearest hostile-held place, its distance, km/day and time to thresholds."""
    from frontwatch.control.approach import run_warn

    as_of = _check_date(as_of, "--as-of")
    if not db.exists():
        _fail(f"{db}: no such store (run `frontwatch ingest` first)")
    try:
        run_warn(db, as_of, watch_file=watch, fmt=format, webhook=webhook, out=sys.stdout)
    except FrontwatchError as err:
        _fail(str(err))


@app.command()
def bench(
    corpus: Optional[Path] = typer.Option(None, help="JSONL corpus; default: the development reports."),
    limit: Optional[int] = typer.Option(None, help="Use at most this many reports."),
    repeat: int = typer.Option(1, help="Pass over the corpus this many times."),
    api: bool = typer.Option(False, help="Also measure the HTTP API under a loopback load."),
) -> None:
    """Measure ingest throughput beside a plain spaCy pass over the same texts; print one JSON line."""
    from frontwatch.bench import run_bench

    try:
        result = run_bench(corpus=corpus, limit=limit, repeat=repeat, api=api)
    except FrontwatchError as err:
        _fail(str(err))
    typer.echo(json.dumps(result))


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
