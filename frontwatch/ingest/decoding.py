"""Bytes -> text: the checks every file passes before it is read as an article."""

from __future__ import annotations

from pathlib import Path

from frontwatch import config
from frontwatch.errors import BadInput

# Share of control characters above which bytes are taken for binary data, not text.
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def size_problem(size: int, limit: int | None = None) -> str | None:
    """The one-line complaint for an input over the size limit, or None when it fits."""
    limit = config.MAX_ARTICLE_BYTES if limit is None else limit
    if size <= limit:
        return None
    return f"is {_megabytes(size)}, over the {_megabytes(limit)} limit"


def _megabytes(size: int) -> str:
    mb = size / (1024 * 1024)
    return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, refused (before reading them) when missing, not a file, or over the limit."""
    source = str(path)
    if not path.exists():
        raise BadInput(source, "no such file or folder")
    if not path.is_file():
        raise BadInput(source, "not a regular file")
    problem = size_problem(path.stat().st_size, limit)
    if problem:
        raise BadInput(source, problem)
    try:
        return path.read_bytes()
    except OSError as err:
        raise BadInput(source, f"cannot be read ({err.strerror or err})") from None


def decode_text(data: bytes, source: str) -> str:
    """Bytes of a text file -> str; empty, binary or undecodable input is a BadInput naming ``source``."""
    if not data:
        raise BadInput(source, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = _utf16_as_utf8(data, source)  # Windows tools save "Unicode" text as UTF-16 with a BOM
    if b"\x00" in data[:65536]:
        raise BadInput(source, "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        text = _legacy_decode(data)
        if text is None:
            raise BadInput(source, f"not valid UTF-8 at byte {err.start}") from None
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise BadInput(source, "binary data (control characters), not text")
    if not text.strip():
        raise BadInput(source, "only whitespace, no text")
    return text


def _utf16_as_utf8(data: bytes, source: str) -> bytes:
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError as err:
        raise BadInput(source, f"not valid UTF-16 at byte {err.start}") from None


def _legacy_decode(data: bytes) -> str | None:
    """Windows-1252 text, only when the bytes plausibly are such text (old newsroom exports)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = sum(1 for b in data if b >= 0x80)
    # Real cp1252 prose has few non-ASCII bytes; a high share means some other encoding or binary data.
    if high / len(data) > 0.1:
        return None
    return text


def _control_share(text: str) -> float:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _TEXT_CONTROLS)
    return controls / max(len(sample), 1)
