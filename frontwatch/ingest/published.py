"""When a report was published: a file's name, a page's or feed's stamp, a stamp at its head or anywhere in it."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: i + 1
    for i, names in enumerate((
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
        ("october", "oct"), ("november", "nov"), ("december", "dec"),
    ))
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_ISO_IN_TEXT = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[-_./](?P<month>\d{1,2})[-_./](?P<day>\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})(?!\d)")
_DAY_MONTH_YEAR = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b",
                             re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b",
                             re.IGNORECASE)

# How far into a text a date line may sit and still be the report's own stamp, not a date it reports.
_HEAD_LINES = 4
_HEAD_CHARS = 400
# A stamp line is short and holds little besides its date ("Published on", a weekday, a time, an agency);
# a line with more words around its date is a headline or a sentence about that date.
_MAX_STAMP_LINE = 120
_MAX_STAMP_WORDS = 5
_WORDS = re.compile(r"[^\W\d_]{2,}")
# A wire dateline: the place in capitals, maybe a country, then the date ("KABUL, ", "KYIV, Ukraine, ").
_DATELINE_PREFIX = re.compile(r"^[A-Z][A-Z .'\u2019-]+,?(\s+[A-Z][a-z]+,)?\s*(\(\w+\)\s*)?$")


def iso_date(year: int | str, month: int | str, day: int | str) -> str | None:
    """A real calendar date as ``YYYY-MM-DD``, or None (30 February is no date)."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def normalise_date(value: object) -> str | None:
    """Any date stamp a source gives (ISO, ISO with time, "13 August 2021", a struct_time) -> ``YYYY-MM-DD`` or None."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "tm_year"):  # time.struct_time, as feedparser gives
        return iso_date(value.tm_year, value.tm_mon, value.tm_mday)  # type: ignore[attr-defined]
    if not isinstance(value, str):
        return None
    return _find_date(value.strip())


def _find_date(text: str) -> str | None:
    for pattern in (_ISO_IN_TEXT, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        m = pattern.search(text)
        found = _date_of(m) if m else None
        if found:
            return found
    return None


def _date_of(m: re.Match[str]) -> str | None:
    month = m["month"]
    return iso_date(m["year"], int(month) if month.isdigit() else _MONTHS[month.lower()], m["day"])


def date_from_filename(name: str) -> str | None:
    """``2021-08-13_kabul.txt`` or ``20210813-kabul.txt`` -> ``2021-08-13``."""
    for pattern in (_ISO_IN_TEXT, _COMPACT):
        m = pattern.search(name)
        if m:
            found = iso_date(m["year"], m["month"], m["day"])
            if found:
                return found
    return None


def date_from_head(text: str) -> str | None:
    """The date of a stamp among the first lines of a report ("date 2022-09-10", "Published: 13 Aug 2021",
    a "KABUL, Aug 13, 2021 (AFP) -" dateline); a date inside a headline or a sentence is not the report's own."""
    for line in text[:_HEAD_CHARS].splitlines()[:_HEAD_LINES]:
        line = line.strip()
        for pattern in (_ISO_IN_TEXT, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
            m = pattern.search(line)
            if not m:
                continue
            before, after = line[:m.start()], line[m.end():]
            is_stamp = len(line) <= _MAX_STAMP_LINE and len(_WORDS.findall(before + " " + after)) <= _MAX_STAMP_WORDS
            found = _date_of(m) if is_stamp or _DATELINE_PREFIX.match(before) else None
            if found:
                return found
    return None


# --- Estimating an undated report's date from the stamps printed in its text -----------------------------------
#
# Pages print their own stamp in a few recurring shapes, and any of them may sit anywhere in the extracted text
# (a page's header, its footer, an embedded post). A date is taken as a stamp only in one of those shapes; a date
# in a running sentence or a photo caption is what the report talks about and is often days or years older, and
# an estimate that is too early resolves "on Friday" too early, which is worse than no estimate at all.

_WEEKDAY_NUMBERS = {
    name: i
    for i, names in enumerate((
        ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
    ))
    for name in names
}
_NUMERIC_DAY_FIRST = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?![\d])")
_FULL_DATES = (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _ISO_IN_TEXT, _NUMERIC_DAY_FIRST)

_SEP = r"[\s,;|/\u2022\u00b7\-\u2013\u2014]"  # what pages print between a stamp's parts: | / • · - – —
# A clock time with its am/pm and zone: "07:48 AM IST", "1:00:08 PM", "19:23", "11:22 JST".
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+\(?[A-Z]{2,5}\)?(?![\w']))?"
_WEEKDAY_BEFORE = re.compile(r"\b(?P<weekday>" + "|".join(sorted(_WEEKDAY_NUMBERS, key=len, reverse=True))
                             + r")\.?,?\s*(?:the\s+)?\(?\s*$", re.IGNORECASE)  # "Monday, 7 March", "Monday (March 7"
# "since Monday, 24 February 2022": a date that opens or closes a span is what the report looks back on.
_SPAN_BEFORE = re.compile(r"\b(?:since|after|before|until|till|from|between|through|of)\s*$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"^(?:T|" + _SEP + r"*)" + _CLOCK + r"(?!\d)")  # "2022-03-07T10:15", "7 March 2022, 10:15"
_AT_CLOCK_LINE_END = re.compile(r"^,?\s+at\s+" + _CLOCK + r"\W*$")
_CLOCK_BEFORE = re.compile(r"(?<![\d:])" + _CLOCK + _SEP + r"*$")
# "Published on:", "Updated", "Last updated", "Publish date :", capitalised as a label is, never "was published on".
_LABEL_BEFORE = re.compile(
    r"(?:^|[|\u2022\u00b7)/:\-\u2013\u2014]\s*|\s{2,})(?:Last\s+|First\s+)?"
    r"(?:Published|PUBLISHED|Updated|UPDATED|Posted|POSTED|Publish\s+date|Publication\s+date|Date|DATE|Modified)"
    r"(?:\s+on)?\s*[:\-\u2013\u2014]?\s*(?:" + _CLOCK + _SEP + r"*)?$")
_SIGNATURE_BEFORE = re.compile(r"\(@\w{1,30}\)\s*$")  # an embedded post's "— Agency (@handle) March 3, 2022"
_SEPARATOR_BEFORE = re.compile(r"\s[|/\u2022\u00b7]\s*$|^\s*[|\u2022\u00b7]\s*$")
_SEPARATOR_AFTER = re.compile(r"^\s*[|\u2022\u00b7]")
_BYLINE_BEFORE = re.compile(r"^\s*(?:[Bb]y\s+)?(?:[A-Z][\w'\u2019.\-]*\s+){1,4}$")  # "By Jane Doe ", "Steve "
# Agencies mark an old photo reused with a new story "FILE - ..." or "File photo: ...": its date is the photo's.
_FILE_PHOTO = re.compile(r"\W*(?:FILE\b|File\s+(?:photo|picture|image)\b)")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+[A-Z\u201c\"]")
_IN_SENTENCE_BEFORE = re.compile(r"\b[a-z]{2,}\s+(?:on|in|at|by|as\s+of)\s*$")  # "began on", "captured by"
_NOTHING_MORE = re.compile(r"^" + _SEP + r"*\.?\s*$")
# A dateline in title case, as many outlets print it: "Kyiv, 7 March 2022 (Agency) - ...".
_TITLE_DATELINE_PREFIX = re.compile(r"^[A-Z][a-z'\u2019\-]+(?:[ -][A-Z][a-z'\u2019\-]+)?,(?:\s+[A-Z][a-z]+,)?\s*$")
_WIRE_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()]{1,30}\))?\s*[-\u2013\u2014]")
_STAMP_LINE = 120  # a line with a separator in it is a stamp bar only while it is short
_MAX_BARE_DATES = 2  # distinct bare date lines a page may print of itself (a header and a footer)
_CONTEXT = 80  # characters either side of a date that decide whether it is a stamp
_SCAN_CHARS = 1 << 20  # of a huge text, only its first and last megabyte are searched for a stamp


def estimate_published(text: str, *, today: dt.date | None = None) -> str | None:
    """The latest stamp-like full date printed anywhere in a report, as ``YYYY-MM-DD``, or None.

    Stamps are a date alone on its line, a date next to a clock time, a "Published"/"Updated" label, an embedded
    post's signature, a byline, a wire dateline, or a weekday written with the full date; a date inside a sentence
    about the past, or one after ``today`` (default: the machine's date), is never taken.
    """
    if not isinstance(text, str) or not text:
        return None
    last_day = (today or dt.date.today()).isoformat()
    parts = [text] if len(text) <= 2 * _SCAN_CHARS else [text[:_SCAN_CHARS], text[-_SCAN_CHARS:]]
    stamps: set[str] = set()
    bare: set[str] = set()
    for part in parts:
        for pattern in _FULL_DATES:
            for m in pattern.finditer(part):
                found = _date_of(m)
                if not found or found > last_day or found in stamps:
                    continue
                kind = _stamp_kind(part, m)
                if kind == _STAMP:
                    stamps.add(found)
                elif kind == _BARE:
                    bare.add(found)
    # A page prints its own bare date once or twice; a column of them is a timeline or a list of other stories.
    if len(bare) <= _MAX_BARE_DATES:
        stamps |= bare
    return max(stamps, default=None)


_STAMP, _BARE = "stamp", "bare"


def _stamp_kind(text: str, m: re.Match[str]) -> str | None:
    """Whether the date matched in text is the page's own stamp (or a bare date line), or something the report tells."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    end = end if end >= 0 else len(text)
    # Only the stretch next to the date is looked at, so a huge line full of dates costs no more than a short one.
    whole_line = m.start() - start <= _CONTEXT and end - m.end() <= _CONTEXT
    before = text[max(start, m.start() - _CONTEXT):m.start()]
    after = text[m.end():min(end, m.end() + _CONTEXT)]
    if m.start() - start > _CONTEXT:
        before = "\x00" + before  # not the line's start: no cue anchored there may match
    if _FILE_PHOTO.match(text, start, end) and not _SENTENCE_END.search(text, start, m.start()):
        return None  # the file photo's own caption; a later sentence of it may tell the new story's day
    weekday = _WEEKDAY_BEFORE.search(before)
    if weekday:
        # A weekday that is not the date's own means the two belong to different things; trust neither.
        if _WEEKDAY_NUMBERS[weekday["weekday"].lower()] != dt.date.fromisoformat(_date_of(m) or "").weekday():
            return None
        before = before[:weekday.start()]
    if _SPAN_BEFORE.search(before):
        return None
    if whole_line and _NOTHING_MORE.match(before) and _NOTHING_MORE.match(after):
        return _BARE
    if (weekday  # writers name the weekday only of days that are this week's news
            or _LABEL_BEFORE.search(before) or _SIGNATURE_BEFORE.search(before)
            or ((_DATELINE_PREFIX.match(before) or _TITLE_DATELINE_PREFIX.match(before))
                and _WIRE_DATELINE_AFTER.match(after))):
        return _STAMP
    if _IN_SENTENCE_BEFORE.search(before):
        return None  # "started on 24 February 2022 04:50": a clock time does not make a sentence's date a stamp
    short = whole_line and end - start <= _STAMP_LINE
    clock = _CLOCK_AFTER.match(after) or (whole_line and _AT_CLOCK_LINE_END.match(after))
    if (clock or _CLOCK_BEFORE.search(before)
            or (short and (_SEPARATOR_BEFORE.search(before) or _SEPARATOR_AFTER.match(after)))
            or (_BYLINE_BEFORE.match(before) and (clock or whole_line and _NOTHING_MORE.match(after)))):
        return _STAMP
    return None


def date_from_text(text: str, *, today: dt.date | None = None) -> str | None:
    """An undated report's date from its own text: the later of its head's stamp and its latest stamp anywhere."""
    head = date_from_head(text) if isinstance(text, str) else None
    head = head if head and head <= (today or dt.date.today()).isoformat() else None
    return max(filter(None, (head, estimate_published(text, today=today))), default=None)
