"""The JSONL edge of classification: ``{"id","text"}`` lines in, ``{"id","label"}`` lines out."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import IO, Any

BATCH = 256
# Longer texts are cut before features are taken: a snippet is a sentence or a paragraph, not a book.
MAX_TEXT_CHARS = 20000


def _read_item(line: str, number: int) -> tuple[Any, str | None, str | None]:
    """(id, text, error) for one input line; error is set when the line cannot be classified."""
    try:
        item = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        return None, None, f"stdin line {number}: not JSON ({err.__class__.__name__}: {str(err)[:80]})"
    if not isinstance(item, dict):
        return None, None, f"stdin line {number}: expected a JSON object with \"id\" and \"text\""
    ident = item.get("id")
    text = item.get("text")
    if not isinstance(text, str):
        what = "no \"text\"" if text is None else "\"text\" is not a string"
        return ident, None, f"stdin line {number}: {what}"
    if not text.strip():
        return ident, None, f"stdin line {number}: \"text\" is empty"
    return ident, text[:MAX_TEXT_CHARS], None


def _lines(stdin: IO[str]) -> Iterator[str | None]:
    """Lines of ``stdin`` decoded one by one, so that one line of bad UTF-8 does not end the batch (None)."""
    binary = getattr(stdin, "buffer", None)
    if binary is None:
        yield from stdin
        return
    for raw in binary:
        try:
            yield raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            yield None


def classify_jsonl(
    stdin: IO[str],
    stdout: IO[str],
    on_bad: Callable[[str], None] = lambda msg: None,
    classify: Callable[[list[str]], list[str | None]] | None = None,
) -> int:
    """Classify every line of ``stdin``; returns how many lines were bad.

    Every non-blank input line gives one output line, in order. A bad line (not JSON, no text) is
    reported through ``on_bad`` and answered ``{"id": ..., "label": null, "error": "..."}``; the batch goes on.
    """
    if classify is None:
        from frontwatch.classify import classify_texts as classify
    pending: list[tuple[Any, str | None, str | None]] = []
    bad = 0

    def flush() -> None:
        texts = [text for _, text, err in pending if err is None]
        labels = iter(classify(texts)) if texts else iter(())
        for ident, _, err in pending:
            record = {"id": ident, "label": None, "error": err} if err else {"id": ident, "label": next(labels)}
            stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        stdout.flush()
        pending.clear()

    for number, raw in enumerate(_lines(stdin), start=1):
        if raw is None:
            ident, text, err = None, None, f"stdin line {number}: not valid UTF-8"
        elif not raw.strip():
            continue
        else:
            ident, text, err = _read_item(raw.strip(), number)
        if err:
            bad += 1
            on_bad(err)
        pending.append((ident, text, err))
        if len(pending) >= BATCH:
            flush()
    flush()
    return bad
