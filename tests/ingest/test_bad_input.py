"""Bad input: each kind gives one clear line naming the input, and the batch goes on to the next report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch import config
from frontwatch.errors import BadInput
from frontwatch.ingest import read_articles
from frontwatch.records import Article

GOOD = ("Army withdraws from border district\n"
        "Government troops withdrew from the border district on Tuesday after insurgents cut the main road, "
        "the district chief said.\n")


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    path = tmp_path / "zz_good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _bad_then_good(bad: Path | str, good: Path) -> BadInput:
    """Read a bad source then a good one; the bad one is a one-line BadInput naming it, the good one is read."""
    items = list(read_articles([str(bad), str(good)]))
    assert len(items) == 2, items
    error, article = items
    assert isinstance(error, BadInput), error
    assert isinstance(article, Article) and article.title == "Army withdraws from border district"
    message = str(error)
    assert "\n" not in message
    assert message.startswith(str(bad))
    return error


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_empty_file(tmp_path: Path, good: Path):
    assert "empty file" in str(_bad_then_good(_write(tmp_path / "empty.txt", b""), good))


def test_whitespace_only_file(tmp_path: Path, good: Path):
    err = _bad_then_good(_write(tmp_path / "blank.txt", b"  \n\t\n   \r\n"), good)
    assert "only whitespace" in str(err)


def test_binary_file_with_nul_bytes(tmp_path: Path, good: Path):
    err = _bad_then_good(_write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), good)
    assert "binary" in str(err)


def test_mostly_control_characters_is_binary(tmp_path: Path, good: Path):
    data = bytes(range(1, 9)) * 50 + b"some words"
    assert "binary" in str(_bad_then_good(_write(tmp_path / "dump.txt", data), good))


def test_invalid_utf8_names_the_byte(tmp_path: Path, good: Path):
    data = "Fighters entered the town".encode() + bytes([0x81, 0x8D, 0xC3, 0x28, 0xFF, 0xFE, 0x90]) * 10
    err = _bad_then_good(_write(tmp_path / "garbled.txt", data), good)
    assert str(err).endswith("not valid UTF-8 at byte 25")


def test_windows_1252_text_is_read(tmp_path: Path):
    data = ("Troops left the caf\u00e9 district on Monday, officials said \u2013 residents confirmed it.\n"
            "Police returned on Tuesday.").encode("cp1252")
    [article] = list(read_articles([str(_write(tmp_path / "legacy.txt", data))]))
    assert isinstance(article, Article) and "caf\u00e9" in article.text and "\u2013" in article.text


def test_utf8_with_byte_order_mark_is_read(tmp_path: Path):
    [article] = list(read_articles([str(_write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + GOOD.encode()))]))
    assert isinstance(article, Article) and article.text == GOOD


def test_utf16_text_with_byte_order_mark_is_read(tmp_path: Path):
    [article] = list(read_articles([str(_write(tmp_path / "unicode.txt", GOOD.encode("utf-16")))]))
    assert isinstance(article, Article) and article.text == GOOD


def test_binary_html_file(tmp_path: Path, good: Path):
    err = _bad_then_good(_write(tmp_path / "page.html", b"<html>\x00\x01\x02" * 100), good)
    assert "binary data" in str(err)


def test_path_that_does_not_exist(tmp_path: Path, good: Path):
    err = _bad_then_good(tmp_path / "nowhere" / "report.txt", good)
    assert "no such file or folder" in str(err)


def test_empty_source_name_does_not_read_the_working_folder(good: Path):
    items = list(read_articles(["", str(good)]))
    assert isinstance(items[0], BadInput) and "empty source name" in str(items[0])
    assert isinstance(items[1], Article)


def test_path_with_control_characters_is_named_escaped(tmp_path: Path, good: Path):
    items = list(read_articles([f"{tmp_path}/bad\x00na\nme.txt", str(good)]))
    assert isinstance(items[0], BadInput) and isinstance(items[1], Article)
    message = str(items[0])
    assert message.isprintable() and "bad\\x00na\\nme.txt" in message and "no such file" in message


def test_over_long_path(tmp_path: Path, good: Path):
    err = _bad_then_good(str(tmp_path / ("x" * 5000 + ".txt")), good)
    assert "no such file" in str(err) or "not a usable path" in str(err)


def test_folder_with_nothing_readable(tmp_path: Path, good: Path):
    folder = tmp_path / "pictures"
    folder.mkdir()
    (folder / "map.png").write_bytes(b"\x89PNG")
    err = _bad_then_good(folder, good)
    assert "no readable reports" in str(err)


def test_folder_goes_on_past_a_bad_file(tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_good.txt").write_text(GOOD, encoding="utf-8")
    items = list(read_articles([str(folder)]))
    assert [type(i) for i in items] == [BadInput, Article]


def test_huge_file_is_refused_without_reading_it(tmp_path: Path, good: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(int(12.3 * 1024 * 1024))  # sparse: its size is all that is looked at
    err = _bad_then_good(path, good)
    assert str(err).endswith("is 12.3 MB, over the 5 MB limit")


def test_huge_html_file_is_refused(tmp_path: Path, good: Path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(config.MAX_ARTICLE_BYTES + 1)
    assert "over the 5 MB limit" in str(_bad_then_good(path, good))


def test_html_without_body_text(tmp_path: Path, good: Path):
    path = _write(tmp_path / "shell.html", b"<html><head><title>Loading</title></head><body></body></html>")
    assert "no article text found" in str(_bad_then_good(path, good))


def test_html_of_scripts_only_gives_no_text_and_no_script(tmp_path: Path, good: Path):
    page = (b"<html><body><script>document.write('Rebels captured the city on Monday, officials said in a "
            b"statement to reporters.')</script><style>body{}</style></body></html>")
    assert "no article text found" in str(_bad_then_good(_write(tmp_path / "js.html", page), good))


def test_malformed_html_still_gives_its_text(tmp_path: Path):
    page = (b"<html><body><div><p>Rebel fighters captured the district centre on Monday after a night of "
            b"clashes with police, <b>two residents said.<p>The governor <i>denied the report and said police "
            b"still held the compound.</div></span></table>")
    [article] = list(read_articles([str(_write(tmp_path / "broken.html", page))]))
    assert isinstance(article, Article)
    assert "captured the district centre" in article.text and "still held the compound" in article.text
    assert "<" not in article.text


def test_hostile_markup_never_reaches_the_text(tmp_path: Path):
    page = (b"<html><body><article><p>Fighters entered the provincial capital on Monday evening, officials "
            b"said, after the army withdrew to its base.<img src=x onerror=\"alert('pwned')\"></p>"
            b"<p><a href=\"javascript:alert(1)\">Officials said</a> talks with elders went on overnight and a "
            b"curfew was announced for the city.</p><script>alert('pwned')</script>"
            b"<iframe src=\"javascript:alert(2)\"></iframe><style>p{display:none}</style></article></body></html>")
    [article] = list(read_articles([str(_write(tmp_path / "hostile.html", page))]))
    assert isinstance(article, Article)
    for hostile in ("alert", "javascript:", "onerror", "pwned", "display:none", "<", ">"):
        assert hostile not in article.text
    assert "curfew was announced" in article.text


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD_ROW = json.dumps({"url": "https://wire.example/1", "published": "2022-03-03", "title": "City falls",
                       "text": "Russian forces took control of the city on Thursday, the mayor said."})


@pytest.mark.parametrize("line, problem", [
    ('{"url": "https://wire.example/2", "text": "unterminated', "not valid JSON"),
    ('["a", "list", "not", "an", "object"]', "a JSON list, not an object"),
    ('{"url": "https://wire.example/3", "title": "No text here"}', "no 'text' (or 'html') field"),
    ('{"url": "https://wire.example/4", "text": 42}', "'text' is a number, not a string"),
    ('{"url": "https://wire.example/6", "text": ["a", "list"]}', "'text' is an array, not a string"),
    ('{"url": "https://wire.example/5", "text": "   "}', "'text' is empty"),
    ('{"url": "https://wire.example/6", "html": "<html><body></body></html>"}', "no article text found"),
])
def test_malformed_jsonl_line_names_file_and_line_and_batch_goes_on(tmp_path: Path, line: str, problem: str):
    path = _jsonl(tmp_path, [GOOD_ROW, line, GOOD_ROW])
    first, bad, third = list(read_articles([str(path)]))
    assert isinstance(first, Article) and isinstance(third, Article)
    assert isinstance(bad, BadInput)
    assert str(bad).startswith(f"{path}:2: ") and problem in str(bad) and "\n" not in str(bad)
    assert third.source == f"{path}:3"


def test_jsonl_line_of_invalid_utf8(tmp_path: Path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes(GOOD_ROW.encode() + b"\n" + b'{"text": "caf\xe9 \xff"}\n' + GOOD_ROW.encode() + b"\n")
    items = list(read_articles([str(path)]))
    assert [type(i) for i in items] == [Article, BadInput, Article]
    assert str(items[1]).startswith(f"{path}:2: not valid UTF-8 at byte")


def test_jsonl_huge_line_is_refused_and_the_next_line_read(tmp_path: Path):
    big = json.dumps({"url": None, "text": "x" * (config.MAX_ARTICLE_BYTES + 10)})
    path = _jsonl(tmp_path, [big, GOOD_ROW])
    bad, good_item = list(read_articles([str(path)]))
    assert isinstance(bad, BadInput) and str(bad).startswith(f"{path}:1: line is 5.0 MB, over the 5 MB limit")
    assert isinstance(good_item, Article)


def test_empty_jsonl_file(tmp_path: Path, good: Path):
    assert "empty file" in str(_bad_then_good(_write(tmp_path / "none.jsonl", b""), good))


def test_jsonl_with_only_blank_lines(tmp_path: Path, good: Path):
    assert "only whitespace" in str(_bad_then_good(_write(tmp_path / "blank.jsonl", b"\n\n  \n"), good))


def test_malformed_feed(tmp_path: Path, good: Path):
    path = _write(tmp_path / "broken.xml", b"<?xml version='1.0'?><rss><channel><item><title>Half a feed")
    err = _bad_then_good(path, good)
    assert "not a readable RSS/Atom feed" in str(err)


def test_xml_that_is_not_a_feed(tmp_path: Path, good: Path):
    path = _write(tmp_path / "other.xml", b"<?xml version='1.0'?><inventory><item sku='1'/></inventory>")
    err = _bad_then_good(path, good)
    assert "feed" in str(err)


def test_binary_feed_file(tmp_path: Path, good: Path):
    assert "feed" in str(_bad_then_good(_write(tmp_path / "blob.rss", bytes(range(256)) * 8), good))


def test_corrupt_warc(tmp_path: Path, good: Path):
    err = _bad_then_good(_write(tmp_path / "crawl.warc", b"this is not an archive\n"), good)
    assert "not a readable WARC file" in str(err)
