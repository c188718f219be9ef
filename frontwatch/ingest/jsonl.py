"""A ``.jsonl`` file -> Articles: one report a line, in the contract's fields; a bad line is its own BadInput."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from frontwatch import config
from frontwatch.errors import BadInput
from frontwatch.ingest.decoding import size_problem
from frontwatch.ingest.published import date_from_text, normalise_date
from frontwatch.ingest.webpage import outlet_of, read_html
from frontwatch.records import Article

_CHUNK = 1 << 20


def read_jsonl(path: Path, published: str | None = None,
               limit: int | None = None) -> Iterator[Article | BadInput]:
    """Every article of a JSONL file in order; a malformed or oversized line yields a BadInput naming ``file:line``."""
    limit = config.MAX_ARTICLE_BYTES if limit is None else limit
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield BadInput(source, f"cannot be read ({err.strerror or err})")
        return
    with handle:
        seen_any = False
        for number, raw, size in _lines(handle, limit):
            where = f"{source}:{number}"
            if raw is None:
                seen_any = True
                yield BadInput(where, f"line {size_problem(size, limit)}")
                continue
            if not raw.strip():
                continue
            seen_any = True
            try:
                yield _article(raw, where, published)
            except BadInput as bad:
                yield bad
        if not seen_any:
            yield BadInput(source, "empty file" if handle.tell() == 0 else "only whitespace, no JSON lines")


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, bytes, size) of each line; a line over ``limit`` is skipped unread and given as None."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while True:  # skip the rest of the line in chunks, never holding it whole
                chunk = handle.readline(_CHUNK)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, None, size
            continue
        yield number, raw, len(raw)


def _article(raw: bytes, where: str, published: str | None) -> Article:
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadInput(where, f"not valid UTF-8 at byte {err.start}") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise BadInput(where, f"not valid JSON ({err.msg} at column {err.colno})") from None
    if not isinstance(record, dict):
        raise BadInput(where, f"a JSON {type(record).__name__}, not an object with a 'text' field")
    url = _string(record.get("url"))
    title = _string(record.get("title"))
    outlet = _string(record.get("outlet")) or outlet_of(url)
    # A date that is not a real YYYY-MM-DD is unknown, like a missing one: the report is still worth reading.
    date = normalise_date(_string(record.get("published"))) or published
    text = record.get("text")
    if text is None and record.get("html") is not None:
        html = record["html"]
        if not isinstance(html, str):
            raise BadInput(where, f"'html' is {_json_kind(html)}, not a string")
        article = read_html(html, source=where, published=date, url=url, outlet=outlet, title=title)
        # The page's own metadata comes before a date estimated from the stamps printed in its text.
        article.published = date or article.published or date_from_text(article.text)
        return article
    if text is None:
        raise BadInput(where, "no 'text' (or 'html') field")
    if not isinstance(text, str):
        raise BadInput(where, f"'text' is {_json_kind(text)}, not a string")
    if not text.strip():
        raise BadInput(where, "'text' is empty")
    if "\x00" in text:
        raise BadInput(where, "'text' holds binary data (NUL characters)")
    # An undated line (and no caller's date) is dated from a stamp printed in its own text, if it has one.
    return Article(text=text, url=url, published=date or date_from_text(text), title=title, outlet=outlet,
                   source=where)


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _json_kind(value: object) -> str:
    """What a JSON value is, in JSON's words: "a number", "an array"."""
    kinds = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}
    return "null" if value is None else kinds.get(type(value), f"a {type(value).__name__}")
