"""The report's journey end to end: read -> clean -> read sentences -> place -> events -> store.

Each stage lives in its own package; this module only strings them together for the commands.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch import config

from frontwatch.errors import BadInput
from frontwatch.records import Article, Event, Toponym

OnBad = Callable[[BadInput], None]


def _articles(sources: Sequence[str], published: str | None, on_bad: OnBad | None) -> Iterator[Article]:
    from frontwatch.ingest import read_articles

    for item in read_articles(sources, published=published):
        if isinstance(item, BadInput):
            if on_bad:
                on_bad(item)
            continue
        yield item


def extract_articles(sources: Sequence[str], published: str | None = None,
                     on_bad: OnBad | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """Every article in ``sources`` with the events read from it (bad inputs go to ``on_bad``)."""
    from frontwatch.events import extract_events

    yield from extract_events(_articles(sources, published, on_bad))


def geoparse_articles(sources: Sequence[str], on_bad: OnBad | None = None) -> Iterator[list[Toponym]]:
    """The toponyms of every article in ``sources``, one list per article."""
    from frontwatch.places import geoparse

    for article in _articles(sources, None, on_bad):
        yield geoparse(article.text, segments=article.segments or None)


# What reads a report into events: its code and its field knowledge. A change to any of them means the
# store's events may no longer be what frontwatch would read, so the next ingest reads those reports again.
_EXTRACTOR_PARTS = ("ingest", "reading", "places", "events", "data")


@functools.cache
def extractor_fingerprint() -> str:
    """A digest of the extractor's code and data files (demo reports excluded)."""
    digest = hashlib.sha256()
    for part in _EXTRACTOR_PARTS:
        root = config.PACKAGE_DIR / part
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix != ".pyc" and config.DEMO_REPORTS_DIR not in path.parents:
                digest.update(str(path.relative_to(config.PACKAGE_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class IngestSummary:
    reports: int = 0
    new: int = 0
    duplicates: int = 0
    reread: int = 0
    new_sources: int = 0
    events: int = 0
    bad: int = 0
    bad_inputs: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (f"ingested {self.reports} reports: {self.new} new, {self.new_sources} new sources of known text, "
                f"{self.duplicates} already stored, {self.reread} read again by a newer extractor; "
                f"{self.events} events; {self.bad} skipped")


def ingest_sources(sources: Sequence[str], db_path: Path, published: str | None = None,
                   progress: bool = False, on_bad: OnBad | None = None, batch_size: int = 64,
                   backfill: bool = False) -> IngestSummary:
    """Read ``sources`` into the store at ``db_path``; one transaction per batch of reports.

    ``backfill`` stamps each dated report as known at the end of its publication day rather than now, so that
    an archive read today replays (``--known-at``) as it was known when it was published.
    """
    from frontwatch.events import extract_events
    from frontwatch.store import Store

    summary = IngestSummary()

    def bad(err: BadInput) -> None:
        summary.bad += 1
        summary.bad_inputs.append(str(err))
        if on_bad:
            on_bad(err)

    extractor = extractor_fingerprint()
    with Store.open(db_path) as store:

        def unread(articles: Iterable[Article]) -> Iterator[Article]:
            # A report stored with this extractor's events is not read again: a second ingest is cheap.
            for article in articles:
                if store.is_current(article, extractor):
                    summary.reports += 1
                    summary.duplicates += 1
                    continue
                yield article

        batch: list[tuple[Article, list[Event]]] = []
        stream: Iterable[tuple[Article, list[Event]]] = extract_events(unread(_articles(sources, published, bad)))
        if progress:
            stream = _with_progress(stream)
        for article, events in stream:
            batch.append((article, events))
            if len(batch) >= batch_size:
                _store_batch(store, batch, summary, extractor, on_bad, backfill)
                batch = []
        if batch:
            _store_batch(store, batch, summary, extractor, on_bad, backfill)
    return summary


def _store_batch(store, batch, summary: IngestSummary, extractor: str, on_bad: OnBad | None = None,
                 backfill: bool = False) -> None:
    from frontwatch.errors import StoreError

    with store.batch():
        for article, events in batch:
            try:
                # Each report is its own savepoint: a report the store refuses is undone alone, the batch goes on.
                with store.batch():
                    known = f"{article.published}T23:59:59Z" if backfill and article.published else None
                    outcome = store.add_report(article, events, ingested_at=known, extractor=extractor)
            except (StoreError, ValueError) as err:
                summary.bad += 1
                problem = BadInput(article.source or article.url or "<report>", f"not stored: {err}")
                summary.bad_inputs.append(str(problem))
                if on_bad:
                    on_bad(problem)
                continue
            summary.reports += 1
            if outcome == "new":
                summary.new += 1
                summary.events += len(events)
            elif outcome == "new-source":
                summary.new_sources += 1
            elif outcome == "reread":
                summary.reread += 1
                summary.events += len(events)
            else:
                summary.duplicates += 1


def _with_progress(stream: Iterable) -> Iterator:
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} reports"),
                  TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task("reading reports", total=None)
        for item in stream:
            yield item
            bar.advance(task)
