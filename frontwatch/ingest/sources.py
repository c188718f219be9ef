"""Which reader reads a source: a file by its extension, a folder by its files, a URL as a feed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from frontwatch.errors import BadInput
from frontwatch.ingest.feeds import read_feed_file, read_feed_url
from frontwatch.ingest.jsonl import read_jsonl
from frontwatch.ingest.plaintext import read_txt
from frontwatch.ingest.webpage import read_html_file
from frontwatch.records import Article

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
FEED_SUFFIXES = (".xml", ".rss", ".atom")
WARC_SUFFIXES = (".warc", ".warc.gz")
READABLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES


def read_source(source: str, published: str | None = None) -> Iterator[Article | BadInput]:
    """The raw (uncleaned) articles of one source, in order; problems are yielded, never raised."""
    if not source.strip():
        yield BadInput(repr(source), "empty source name")
        return
    if source.startswith(("http://", "https://")):
        yield from read_feed_url(source, published)
        return
    path = Path(source)
    # A name with control characters is shown escaped, so the one-line message stays one printable line.
    name = source if source.isprintable() else ascii(source)
    try:
        is_dir, exists = path.is_dir(), path.exists()
    except (OSError, ValueError) as err:  # an over-long name in the path
        yield BadInput(name, f"not a usable path ({_one_line(err)})")
        return
    if is_dir:
        yield from _read_folder(path, published)
    elif not exists:
        yield BadInput(name, "no such file or folder")
    else:
        yield from _read_file(path, published)


def _read_folder(folder: Path, published: str | None) -> Iterator[Article | BadInput]:
    try:
        files = sorted(p for p in folder.rglob("*")
                       if _suffix(p) in READABLE_SUFFIXES and p.is_file()
                       and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    except OSError as err:
        yield BadInput(str(folder), f"folder cannot be listed ({_one_line(err)})")
        return
    if not files:
        yield BadInput(str(folder), "folder holds no readable reports (" + ", ".join(READABLE_SUFFIXES) + ")")
        return
    for path in files:
        yield from _read_file(path, published)


def _read_file(path: Path, published: str | None) -> Iterator[Article | BadInput]:
    suffix = _suffix(path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, published)
        elif suffix in FEED_SUFFIXES:
            yield from read_feed_file(path, published)
        elif suffix in HTML_SUFFIXES:
            yield read_html_file(path, published)
        elif suffix in WARC_SUFFIXES:
            from frontwatch.ingest.warc import read_warc

            yield from read_warc(path, published)
        else:
            # Files named on the command line are read as text whatever their name (a report.md, a dump).
            yield read_txt(path, published)
    except BadInput as bad:
        yield bad


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()
