"""Reading reports from .txt, .html, .jsonl, folders, feeds and web archives into Articles."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from frontwatch import config
from frontwatch.errors import BadInput
from frontwatch.ingest import clean, read_articles, read_text
from frontwatch.records import Article

REPORT = (
    "Insurgents overrun provincial capital after week of fighting\n"
    "FAIZABAD: Insurgent fighters took control of the provincial capital on Wednesday after government troops "
    "withdrew to the airport overnight, two local officials said.\n"
    "A spokesman for the provincial governor said the administration had moved to a district north of the city.\n"
    "The defence ministry in Kabul did not respond to requests for comment.\n"
)

PAGE = """<!DOCTYPE html>
<html><head>
<title>Militants seize border crossing - Northern Wire</title>
<meta property="og:title" content="Militants seize border crossing">
<meta property="og:site_name" content="Northern Wire">
<meta property="article:published_time" content="2021-08-07T09:30:00+00:00">
<link rel="canonical" href="https://www.northernwire.example/world/militants-seize-border-crossing">
<style>p { color: red }</style>
<script>window.tracker = "do not keep this";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Militants seize border crossing</h1>
<p>Militant fighters seized a busy border crossing in the north of the country on Saturday, cutting a trade
route used by hundreds of lorries a day, customs officials said.</p>
<p><a href="/world/other-story">Army chief replaced after string of defeats</a></p>
<p>Officials said border guards had crossed into the neighbouring country overnight and asked for shelter,
and that talks on their return were under way.</p>
<img src="x.png" onerror="alert('x')">
<p>Comments are closed.</p>
</article>
<footer><p>Copyright 2021 Northern Wire. All rights reserved.</p></footer>
</body></html>
"""


def _only_article(sources: list[str], **kw) -> Article:
    items = list(read_articles(sources, **kw))
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def _line_of(article: Article, needle: str):
    start = article.text.index(needle)
    return next(s for s in article.segments if s.start <= start < s.end)


def test_txt_file_is_one_article_with_its_first_line_as_title(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    article = _only_article([str(path)])
    assert article.text == REPORT
    assert article.title == "Insurgents overrun provincial capital after week of fighting"
    assert article.source == str(path)
    assert article.language == "en"
    assert _line_of(article, "Insurgents overrun").reason == "title"
    assert _line_of(article, "FAIZABAD").is_body


def test_txt_date_comes_from_published_then_file_name_then_contents(tmp_path: Path):
    named = tmp_path / "2021-08-11_faizabad.txt"
    named.write_text(REPORT, encoding="utf-8")
    stamped = tmp_path / "faizabad.txt"
    stamped.write_text("Faizabad falls\ndate 2021-08-12\n" + REPORT, encoding="utf-8")
    plain = tmp_path / "undated.txt"
    plain.write_text(REPORT, encoding="utf-8")
    assert _only_article([str(named)]).published == "2021-08-11"
    assert _only_article([str(named)], published="2021-08-13").published == "2021-08-13"
    assert _only_article([str(stamped)]).published == "2021-08-12"
    assert _only_article([str(plain)]).published is None


def test_txt_opening_with_a_long_paragraph_keeps_it_as_body(tmp_path: Path):
    lede = ("Insurgent fighters took control of the provincial capital on Wednesday after government troops "
            "withdrew to the airport overnight, two local officials said on condition of anonymity because they "
            "were not allowed to speak to the press.")
    path = tmp_path / "lede.txt"
    path.write_text(lede + "\nThe defence ministry did not comment.\n", encoding="utf-8")
    article = _only_article([str(path)])
    assert article.title is None
    assert all(s.is_body for s in article.segments)


def test_segments_point_into_the_text_as_read(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text("\n\n  " + REPORT.replace("\n", "\r\n"), encoding="utf-8")
    article = _only_article([str(path)])
    lines = [line.strip() for line in article.text.splitlines() if line.strip()]
    assert [article.text[s.start:s.end] for s in article.segments] == lines
    assert all(a.end <= b.start for a, b in zip(article.segments, article.segments[1:]))


def test_html_page_gives_main_text_title_date_and_outlet(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = _only_article([str(path)])
    assert article.title == "Militants seize border crossing"
    assert article.published == "2021-08-07"
    assert article.outlet == "Northern Wire"
    assert article.url == "https://www.northernwire.example/world/militants-seize-border-crossing"
    assert "seized a busy border crossing" in article.text
    assert "talks on their return were under way" in article.text
    for hostile in ("tracker", "alert(", "onerror", "color: red", "<"):
        assert hostile not in article.text
    body = " ".join(article.text[s.start:s.end] for s in article.body_segments())
    assert "Comments are closed" not in body
    assert "Army chief replaced" not in body
    assert "seized a busy border crossing" in body


def test_html_outlet_falls_back_to_the_canonical_host(tmp_path: Path):
    page = PAGE.replace('<meta property="og:site_name" content="Northern Wire">', "")
    page = page.replace("<title>Militants seize border crossing - Northern Wire</title>", "")
    path = tmp_path / "page.htm"
    path.write_text(page, encoding="utf-8")
    assert _only_article([str(path)]).outlet == "northernwire.example"


def test_html_page_that_talks_about_script_tags_keeps_them_as_text(tmp_path: Path):
    page = ("<html><body><article><p>Investigators said the attackers had hidden a &lt;script&gt; tag in the "
            "ministry's web page to steal passwords from staff during the offensive last month.</p>"
            "<p>The ministry said the page had been repaired and that no military data had been taken.</p>"
            "</article></body></html>")
    path = tmp_path / "cyber.html"
    path.write_text(page, encoding="utf-8")
    assert "a <script> tag" in _only_article([str(path)]).text


def test_jsonl_reads_each_line_with_contract_fields(tmp_path: Path):
    rows = [
        {"url": "https://www.frontline-daily.example/a/1", "published": "2022-03-02", "title": "Port city falls",
         "text": "Russian forces took control of the port city on Wednesday, the defence ministry said."},
        {"url": "https://news.example.org/b", "published": "2022-02-30", "title": None, "outlet": "Example Radio",
         "text": "Ukrainian troops said they had pushed Russian units back from two villages on Thursday."},
        {"url": "https://paper.example.net/c", "published": None,
         "html": "<html><head><title>Town retaken</title></head><body><article><p>Ukrainian forces retook the "
                 "eastern town on Friday after a week of street fighting, the regional governor said.</p>"
                 "</article></body></html>"},
    ]
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second, third = list(read_articles([str(path)]))
    assert (first.url, first.published, first.title, first.outlet) == (
        "https://www.frontline-daily.example/a/1", "2022-03-02", "Port city falls", "frontline-daily.example")
    assert first.source == f"{path}:1"
    # 30 February is not a date: the report is kept, its date unknown.
    assert second.published is None and second.outlet == "Example Radio" and second.source == f"{path}:2"
    assert "retook the eastern town" in third.text and "<" not in third.text
    assert third.title == "Town retaken" and third.outlet == "paper.example.net"


def test_jsonl_published_date_fills_in_only_when_the_line_has_none(tmp_path: Path):
    path = tmp_path / "reports.jsonl"
    path.write_text(json.dumps({"url": None, "published": None, "title": None,
                                "text": "Government troops withdrew from the district centre on Monday."}) + "\n",
                    encoding="utf-8")
    assert _only_article([str(path)], published="2021-08-09").published == "2021-08-09"


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("First report\nTroops withdrew from the town on Monday.\n", encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text("Second report\nFighters entered the city on Tuesday.\n",
                                          encoding="utf-8")
    (tmp_path / "b" / "notes.csv").write_text("not,a,report\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\nNot to be read at all.\n", encoding="utf-8")
    titles = [a.title for a in read_articles([str(tmp_path)])]
    assert titles == ["First report", "Second report"]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Frontier Bulletin</title><link>https://bulletin.example/</link>
<item><title>Rebels enter district centre</title><link>https://bulletin.example/1</link>
<pubDate>Tue, 10 Aug 2021 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Rebel fighters entered the district centre on Monday evening after police withdrew, a
local elder said.&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;</description></item>
<item><title>Airport reopens</title><link>https://bulletin.example/2</link>
<pubDate>Wed, 11 Aug 2021 08:00:00 GMT</pubDate>
<description>Flights resumed at the provincial airport on Wednesday, officials said.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Eastern Desk</title>
<entry><title>Bridge destroyed near front line</title><link href="https://eastern.example/x"/>
<updated>2022-09-10T12:00:00Z</updated><id>x</id>
<content type="html">&lt;p&gt;Retreating troops blew up a road bridge over the river on Saturday, the regional
governor said.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_feed_entries_become_articles(tmp_path: Path):
    path = tmp_path / "bulletin.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = list(read_articles([str(path)]))
    assert first.title == "Rebels enter district centre"
    assert first.url == "https://bulletin.example/1"
    assert first.published == "2021-08-10"
    assert first.outlet == "Frontier Bulletin"
    assert "entered the district centre" in first.text and "steal" not in first.text
    assert second.published == "2021-08-11"


def test_atom_feed_entries_become_articles(tmp_path: Path):
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    article = _only_article([str(path)])
    assert article.published == "2022-09-10"
    assert "blew up a road bridge" in article.text
    assert _line_of(article, "blew up").is_body


def test_warc_html_responses_become_articles(tmp_path: Path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            "https://www.northernwire.example/p", "response", payload=io.BytesIO(PAGE.encode()),
            http_headers=headers))
    article = _only_article([str(path)])
    assert "seized a busy border crossing" in article.text
    assert article.url == "https://www.northernwire.example/p"


def test_read_text_cleans_and_sets_language():
    article = read_text(REPORT, source="api", published="2021-08-11", url="https://x.example/1", outlet="X")
    assert article.title.startswith("Insurgents overrun")
    assert article.segments and article.language == "en"
    assert (article.published, article.source, article.outlet) == ("2021-08-11", "api", "X")


def test_read_text_keeps_a_first_sentence_that_is_not_a_title():
    article = read_text("Fighters entered the town on Monday, residents said.\nPolice had left a day before.")
    assert article.title is None
    assert all(s.is_body for s in article.segments)


def test_clean_is_idempotent():
    article = read_text(REPORT)
    before = list(article.segments)
    assert clean(clean(article)).segments == before


SEED = config.SHARED_DATA_DIR / "seed" / "000_e5450c948dd22423.txt"


@pytest.mark.skipif(not SEED.exists(), reason="shared development data not present")
def test_seed_report_keeps_its_paragraphs_and_drops_headlines_and_comment_footer():
    article = _only_article([str(SEED)], published="2021-08-13")
    lines = article.text.split("\n")
    marked = {i for i, line in enumerate(lines, start=1) if line.strip()
              and not _line_of(article, line.strip()).is_body}
    # The four inline related-article headlines and the two comment lines are not body.
    assert {8, 15, 24, 33, 37, 38} <= marked
    # Every real paragraph (a line ending a sentence) stays body.
    sentences = {i for i, line in enumerate(lines, start=1) if line.rstrip().endswith((".", '"'))
                 and not line.startswith("Comments")}
    assert len(sentences) >= 25
    assert not (sentences & marked)
    assert article.published == "2021-08-13"


def test_read_articles_never_raises_on_a_bad_source(tmp_path: Path):
    items = list(read_articles([str(tmp_path / "missing.txt")]))
    assert len(items) == 1 and isinstance(items[0], BadInput)


@pytest.mark.parametrize("head, date", [
    ("Published: 13 Aug 2021 10:45 GMT\n", "2021-08-13"),
    ("Friday, 13 August 2021\n", "2021-08-13"),
    ("", None),
    ("Fighters recall the 2 May 2020 ceasefire that never held\n", None),
])
def test_txt_date_from_a_stamp_line_not_from_a_headline(tmp_path: Path, head: str, date: str | None):
    path = tmp_path / "report.txt"
    path.write_text(head + REPORT, encoding="utf-8")
    assert _only_article([str(path)]).published == date


def test_txt_date_from_a_wire_dateline(tmp_path: Path):
    path = tmp_path / "report.txt"
    path.write_text("Herat falls\nHERAT, Aug 12, 2021 (AFP) - Insurgents took the western city on Thursday after "
                    "weeks of fighting on its outskirts, officials said.\n", encoding="utf-8")
    assert _only_article([str(path)]).published == "2021-08-12"


@pytest.fixture()
def feed_server(monkeypatch: pytest.MonkeyPatch):
    """A feed served over HTTP from this machine (tests never reach the network, nor a proxy)."""
    import http.server
    import threading

    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the name http.server calls)
            body = RSS.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # keep test output clean
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/feed.rss"
    server.shutdown()
    server.server_close()


def test_feed_url_entries_become_articles(feed_server: str):
    items = list(read_articles([feed_server]))
    assert [a.title for a in items] == ["Rebels enter district centre", "Airport reopens"]
    assert items[0].source == f"{feed_server}#entry1"


def test_feed_url_that_cannot_be_fetched_is_a_bad_input_and_the_batch_goes_on(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch):
    import socket

    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    bad, article = list(read_articles([f"http://127.0.0.1:{port}/feed.xml", str(good)]))
    assert isinstance(bad, BadInput) and "feed cannot be fetched" in str(bad) and "\n" not in str(bad)
    assert isinstance(article, Article)


def test_html_page_without_a_date_in_its_markup_is_dated_by_its_own_stamp_line(tmp_path: Path):
    page = ("<html><head><title>Ferry service resumes</title></head><body><article>"
            "<p>Published on: Saturday, March 12, 2022, 09:40 AM</p>"
            "<p>The ferry between the two ports resumed on Saturday after a week of storms, the harbour office "
            "said, adding that the first crossing carried forty lorries and several hundred passengers.</p>"
            "<p>Officials expected traffic to return to normal by the middle of next week.</p>"
            "</article></body></html>")
    path = tmp_path / "ferry.html"
    path.write_text(page, encoding="utf-8")
    assert _only_article([str(path)]).published == "2022-03-12"
