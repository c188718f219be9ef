"""An HTML page -> Article: main text by trafilatura, title, date and outlet from the page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import trafilatura

from frontwatch.errors import BadInput
from frontwatch.ingest.decoding import read_bytes
from frontwatch.ingest.published import date_from_text, normalise_date
from frontwatch.records import Article

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
               "article", "header", "footer", "figcaption", "pre", "ul", "ol", "table")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def read_html_file(path: Path, published: str | None = None) -> Article:
    """The report in an HTML file; ``published`` is used only when the page carries no date."""
    data = read_bytes(path)
    source = str(path)
    if not data.strip():
        raise BadInput(source, "empty file")
    if b"\x00" in data[:65536]:
        raise BadInput(source, "binary data (NUL bytes), not HTML")
    return read_html(data, source=source, published=published)


def read_html(html: bytes | str, *, source: str, published: str | None = None, url: str | None = None,
              outlet: str | None = None, title: str | None = None) -> Article:
    """The main text and metadata of a page; a page with no article text is a BadInput."""
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False, favor_recall=True)
    except Exception as err:  # trafilatura raises lxml's and its own errors on hostile input
        raise BadInput(source, f"HTML cannot be parsed ({type(err).__name__})") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise BadInput(source, "no article text found in the HTML")
    page_url = url or getattr(doc, "url", None)
    date = normalise_date(getattr(doc, "date", None)) or _htmldate(html) or published or date_from_text(text)
    return Article(
        text=text,
        url=page_url,
        published=date,
        title=title or getattr(doc, "title", None) or None,
        outlet=outlet or getattr(doc, "sitename", None) or outlet_of(page_url),
        source=source,
    )


def _htmldate(html: bytes | str) -> str | None:
    """The page's own date by htmldate, without guessing from the running text."""
    from htmldate import find_date

    try:
        return normalise_date(find_date(html, extensive_search=False, original_date=True))
    except Exception:  # htmldate gives up on broken markup by raising; no date is the honest answer
        return None


def outlet_of(url: str | None) -> str | None:
    """``https://www.example.com/a`` -> ``example.com``."""
    if not url:
        return None
    host = urlparse(url).hostname
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def fragment_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed entry's summary): scripts and styles dropped, blocks on lines."""
    import lxml.html
    from lxml_html_clean import Cleaner

    if not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml rejects some garbage outright; treat it as no text rather than crash
        return ""
    root = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=True, embedded=True,
                   frames=True, meta=True, page_structure=False).clean_html(root)
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
