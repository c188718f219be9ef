"""A web archive (``.warc``/``.warc.gz``) -> Articles: each HTML response is a page read like an ``.html`` file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from frontwatch import config
from frontwatch.errors import BadInput
from frontwatch.ingest.decoding import size_problem
from frontwatch.ingest.webpage import read_html
from frontwatch.records import Article


def read_warc(path: Path, published: str | None = None) -> Iterator[Article | BadInput]:
    """Every HTML response in a WARC file, in order; a record too big or without text is its own BadInput."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    found = records = 0
    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                records += 1
                if not str(record.format).startswith("warc"):
                    # warcio reads any line of words as an old ARC header; a .warc file must hold WARC records.
                    yield BadInput(source, "not a readable WARC file (no WARC record at its start)")
                    return
                if record.rec_type != "response" or not record.http_headers:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if "html" not in content_type.lower():
                    continue
                found += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{source}#record{number}"
                body = record.content_stream().read(config.MAX_ARTICLE_BYTES + 1)
                problem = size_problem(len(body))
                if problem:
                    yield BadInput(where, f"page {problem}")
                    continue
                try:
                    yield read_html(body, source=where, published=published, url=url)
                except BadInput as bad:
                    yield bad
    except (ArchiveLoadFailed, OSError, ValueError) as err:
        yield BadInput(source, f"not a readable WARC file ({' '.join(str(err).split())})")
        return
    if not records:
        yield BadInput(source, "not a readable WARC file (no WARC records in it)")
    elif not found:
        yield BadInput(source, "WARC file holds no HTML responses")
