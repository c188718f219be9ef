"""RSS and Atom feeds (files or http/https URLs) -> Articles: each entry is a report."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import feedparser

from frontwatch import config
from frontwatch.errors import BadInput
from frontwatch.ingest.decoding import read_bytes, size_problem
from frontwatch.ingest.published import normalise_date
from frontwatch.ingest.webpage import fragment_text, outlet_of
from frontwatch.records import Article

FETCH_TIMEOUT_S = 30


def read_feed_file(path: Path, published: str | None = None) -> Iterator[Article | BadInput]:
    """Every entry of a feed file."""
    source = str(path)
    try:
        data = read_bytes(path)
    except BadInput as bad:
        yield bad
        return
    if not data.strip():
        yield BadInput(source, "empty file")
        return
    yield from _entries(feedparser.parse(data), source, published)


def read_feed_url(url: str, published: str | None = None) -> Iterator[Article | BadInput]:
    """Every entry of a feed fetched over http(s), within a time limit and the size limit of a file."""
    try:
        data = _fetch(url)
    except BadInput as bad:
        yield bad
        return
    yield from _entries(feedparser.parse(data), url, published)


def _fetch(url: str) -> bytes:
    # Fetched here rather than by feedparser so that a dead or endless server cannot hang or flood a batch.
    request = urllib.request.Request(url, headers={"User-Agent": "frontwatch feed reader"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_S) as response:
            data = response.read(config.MAX_ARTICLE_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise BadInput(url, f"feed cannot be fetched ({' '.join(str(err).split())})") from None
    problem = size_problem(len(data))
    if problem:
        raise BadInput(url, f"feed {problem}")
    if not data.strip():
        raise BadInput(url, "feed is empty")
    return data


def _entries(feed: feedparser.FeedParserDict, source: str, published: str | None) -> Iterator[Article | BadInput]:
    entries = feed.get("entries") or []
    if not entries:
        if feed.get("bozo"):
            problem = " ".join(str(feed.get("bozo_exception") or "malformed").split())
            yield BadInput(source, f"not a readable RSS/Atom feed ({problem})")
        else:
            yield BadInput(source, "a feed with no entries")
        return
    outlet = (feed.get("feed") or {}).get("title") or None
    items = [_entry(entry, f"{source}#entry{number}", outlet, published)
             for number, entry in enumerate(entries, start=1)]
    if feed.get("bozo") and not any(isinstance(item, Article) for item in items):
        # Broken XML that feedparser half-recovered into empty entries: one error for the file says it best.
        problem = " ".join(str(feed.get("bozo_exception") or "malformed").split())
        yield BadInput(source, f"not a readable RSS/Atom feed ({problem})")
        return
    yield from items


def _entry(entry: feedparser.FeedParserDict, where: str, outlet: str | None,
           published: str | None) -> Article | BadInput:
    text = fragment_text(_entry_html(entry))
    title = " ".join((entry.get("title") or "").split()) or None
    if not text:
        return BadInput(where, "feed entry has no text")
    if title and not text.startswith(title):
        # The entry's text is its summary; its title leads it as the first line, as in a .txt report.
        text = f"{title}\n{text}"
    link = entry.get("link") or None
    date = normalise_date(entry.get("published_parsed") or entry.get("updated_parsed")
                          or entry.get("published") or entry.get("updated")) or published
    return Article(text=text, url=link, published=date, title=title, outlet=outlet or outlet_of(link), source=where)


def _entry_html(entry: feedparser.FeedParserDict) -> str:
    """The fullest HTML an entry carries: its content, else its summary."""
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary
