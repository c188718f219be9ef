"""Reports in: read articles from files, folders, JSONL and feeds, clean them, and keep the English ones.

``read_articles`` is the stage's entry point: every Article it yields is cleaned (segments set) and has its
language set; a bad input or a foreign-language report is yielded as a ``BadInput`` and the batch goes on.

A ``published`` date given by the caller (``--published``) is the date of ``.txt`` reports; for pages, JSONL
lines and feed entries it fills in only where the source gives no date of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from frontwatch.errors import BadInput, SkippedArticle
from frontwatch.ingest.cleaning import clean
from frontwatch.ingest.language import ENGLISH, detect_language
from frontwatch.ingest.plaintext import title_line
from frontwatch.ingest.published import date_from_text
from frontwatch.ingest.sources import read_source
from frontwatch.records import Article

__all__ = ["read_articles", "read_text", "clean", "detect_language"]


def read_articles(sources: Sequence[str], published: str | None = None) -> Iterator[Article | BadInput]:
    """Every article in sources, in order; a bad input is yielded as a BadInput (never raised) and the batch goes on."""
    for source in sources:
        for item in read_source(source, published):
            if isinstance(item, BadInput):
                yield item
                continue
            _prepare(item)
            if item.language != ENGLISH:
                yield SkippedArticle(item.source or source, f"language '{item.language}' (not English): skipped")
            else:
                yield item


def read_text(text: str, *, source: str = "<text>", published: str | None = None, title: str | None = None,
              url: str | None = None, outlet: str | None = None) -> Article:
    """A report given as a string, read like a ``.txt`` file (first line as title unless ``title`` is given).

    Its date is ``published``, else the date of a stamp printed in its text (``published.date_from_text``), else None.
    """
    article = Article(
        text=text,
        url=url,
        published=published or date_from_text(text),
        title=title if title is not None else title_line(text),
        outlet=outlet,
        source=source,
    )
    return _prepare(article)


def _prepare(article: Article) -> Article:
    """Clean the article and set its language from its body text."""
    clean(article)
    body = "\n".join(article.text[s.start:s.end] for s in article.body_segments())
    article.language = detect_language(body or article.text)
    return article
