"""A ``.txt`` file -> Article: the whole file is one report, its first line the title."""

from __future__ import annotations

import re
from pathlib import Path

from frontwatch.ingest.decoding import decode_text, read_bytes
from frontwatch.ingest.published import date_from_filename, date_from_text
from frontwatch.records import Article

# Headlines do not end in a full stop; a first line that does is the report's lede, not a title (contract: the
# first line is the title; a file that has no title line must not lose its first paragraph to it).
_FULL_STOP_END = re.compile(r"\.[\"'\u201d\u2019)]*$")


def read_txt(path: Path, published: str | None = None) -> Article:
    """The report in a plain-text file; its date from ``published``, else its name, else a stamp in its text."""
    text = decode_text(read_bytes(path), str(path))
    return Article(
        text=text,
        published=published or date_from_filename(path.name) or date_from_text(text),
        title=title_line(text),
        source=str(path),
    )


def title_line(text: str) -> str | None:
    """The first non-blank line, when it is shaped like a title rather than a paragraph."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if _FULL_STOP_END.search(line) and not line.endswith(".."):
            return None
        return line
    return None
