"""Dates: ISO parsing and resolving date expressions against a report's publication date.

Expressions are found by a small family of patterns (explicit, weekday, relative, "later" markers)
and resolved here; nothing searches raw text with a general date parser, because wire copy's
"Friday" means the Friday of the report's week, not the next one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_iso_date(value: str | None) -> dt.date | None:
    """``YYYY-MM-DD`` -> date; anything else (including impossible dates) -> None."""
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


@dataclass(frozen=True)
class ResolvedDate:
    """A calendar date and how precisely the text gave it (the date starts the week, month or year)."""

    date: dt.date
    precision: str  # "day" | "week" | "month" | "year"


@dataclass(frozen=True)
class _Later:
    """A marker that dates an event from the previous sentence's date: "hours later", "the next day"."""

    days: int
    precision: str


_NEAR_FUTURE_DAYS = 14
_MAX_SENTENCE = 2000  # characters of a run-on "sentence" read around its event word
_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whom|where|whose)\b[^,]*$")
_CLAUSE_BREAK = re.compile(r"[;:—]|\s--\s|,\s+(?:and|but|while|whereas|as|when|after|before|although)\b"
                           r"|\b(?:after|before|since|when|while)\s", re.IGNORECASE)

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-eight": 48,
    "twenty-four": 24, "seventy-two": 72, "several": 3, "a few": 3, "few": 3,
}

_MONTH = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_FULL_MONTH = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December" \
              r"|Sept\.)"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<n>\d{1,3}|" + "|".join(sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True)) + ")"
_UNIT = r"(?P<unit>hour|minute|day|week|month|year)s?"

Resolver = Callable[[re.Match[str], dt.date | None, bool, bool], "ResolvedDate | _Later | None"]


def _number(word: str) -> int | None:
    """12 or "twelve" -> 12."""
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _capitalised(m: re.Match[str], group: str) -> bool:
    # "may" and "march" are also verbs; only the capitalised word is the month.
    value = m.group(group)
    return value is None or value[:1].isupper()


def _day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None where it does not exist (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(date: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` away from ``date``'s."""
    index = date.year * 12 + date.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _anchor(date: dt.date | None, precision: str, published: dt.date | None, past: bool,
            year_given: bool) -> ResolvedDate | None:
    """Keep a past event on or before publication: a year-less date goes back a year, else it is refused."""
    if date is None:
        return None
    if published is not None:
        if past and date > published:
            # Weeks ahead is a plan read as past ("would withdraw from May 25"), not last year's date.
            if year_given or (date - published).days <= _NEAR_FUTURE_DAYS:
                return None
            date = _day(date.year - 1, date.month, date.day) or date.replace(year=date.year - 1, day=28)
        elif not past and not year_given and date < published - dt.timedelta(days=183):
            # A plan or forecast "by March" said in November means next March.
            date = _day(date.year + 1, date.month, date.day) or date.replace(year=date.year + 1, day=28)
    return ResolvedDate(date, precision)


def _year(m: re.Match[str], published: dt.date | None) -> tuple[int | None, bool]:
    """The year a match names (and True), else the publication year (and False)."""
    raw = m.groupdict().get("year")
    if raw:
        year = int(raw)
        return (year + 2000 if year < 100 else year), True
    return (published.year if published else None), False


def _iso(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """2021-08-13."""
    return _anchor(_day(int(m["y"]), int(m["m"]), int(m["d"])), "day", published, past, True)


def _numeric(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """13/08/2021 (day first, as most wire services write it) unless only month-first is a real date."""
    a, b = int(m["a"]), int(m["b"])
    year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
    options = [d for d in (_day(year, b, a), _day(year, a, b)) if d]
    if not options:
        return None
    if len(options) == 2 and options[0] != options[1] and published is not None:
        # Both readings are real dates: take the one a report published then can mean.
        fitting = [d for d in options if (d <= published) == past] or options
        options = [min(fitting, key=lambda d: abs((d - published).days))]
    return _anchor(options[0], "day", published, past, True)


def _day_month(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """13 August, Aug. 13, August 13, 2021: the publication year when none is given."""
    if not _capitalised(m, "mon"):
        return None
    year, given = _year(m, published)
    if year is None:
        return None
    return _anchor(_day(year, _MONTHS[m["mon"].lower().rstrip(".")], int(m["d"])), "day", published, past, given)


def _month(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """since May, in early May, May 2021, last December: the month's first day, precision month."""
    if not _capitalised(m, "mon"):
        return None
    year, given = _year(m, published)
    if year is None:
        return None
    date = dt.date(year, _MONTHS[m["mon"].lower().rstrip(".")], 1)
    qualifier = (m.groupdict().get("q") or "").lower()
    if not given and published is not None:
        if qualifier == "last" and date >= dt.date(published.year, published.month, 1):
            date = date.replace(year=year - 1)
        elif qualifier == "next" and date <= published:
            date = date.replace(year=year + 1)
    return _anchor(date, "month", published, past, given or qualifier in ("last", "next"))


def _bare_month(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """A month name alone ("a bloody August"): only where a tagger marked it as a date."""
    return _month(m, published, past, bare) if bare else None


def _year_only(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """in 2020, since 2014: the year's first day, precision year."""
    return _anchor(dt.date(int(m["year"]), 1, 1), "year", published, past, True)


def _weekday(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """Friday, late Thursday, last Sunday: counted from the publication date."""
    if published is None or not _capitalised(m, "wd"):
        return None
    target = _WEEKDAYS[m["wd"].lower()]
    qualifier = (m["q"] or "").lower()
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if qualifier == "last":
        return ResolvedDate(published - dt.timedelta(days=back or 7), "day")
    if qualifier == "next":
        return ResolvedDate(published + dt.timedelta(days=ahead or 7), "day")
    if past or qualifier in ("since", "earlier"):
        # The most recent such day on or before publication: a Friday report's "Friday" is that day.
        return ResolvedDate(published - dt.timedelta(days=back), "day")
    if qualifier in ("by", "until", "before", "later", "from"):
        return ResolvedDate(published + dt.timedelta(days=ahead), "day")
    # A plan's bare weekday is the nearer one: wire copy names weekdays only within a week either side,
    # and the announcement itself ("announced late Thursday plans to...") is usually the day before.
    return ResolvedDate(published + (dt.timedelta(days=ahead) if ahead <= back else -dt.timedelta(days=back)), "day")


def _offset(days: int, precision: str) -> Resolver:
    """A resolver for a fixed day offset from publication (today, yesterday, tomorrow)."""
    def resolve(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
        if published is None or (past and days > 0):
            return None
        return ResolvedDate(published + dt.timedelta(days=days), precision)
    return resolve


def _ago(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """two days ago, a week ago."""
    n = _number(m["n"])
    if published is None or n is None:
        return None
    unit = m["unit"].lower()
    if unit in ("hour", "minute"):
        return ResolvedDate(published, "day")
    if unit == "day":
        return ResolvedDate(published - dt.timedelta(days=n), "day")
    if unit == "week":
        return ResolvedDate(published - dt.timedelta(weeks=n), "week")
    if unit == "month":
        return ResolvedDate(_shift_month(published, -n), "month")
    return ResolvedDate(dt.date(published.year - n, 1, 1), "year")


def _period(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """last/this/next/past/coming week, month, year."""
    if published is None:
        return None
    q, unit = m["q"].lower().split()[-1], m["unit"].lower()
    step = {"last": -1, "previous": -1, "past": 0, "this": 0, "coming": 1, "next": 1}[q]
    if past and step > 0:
        return None
    if unit == "week":
        return ResolvedDate(published + dt.timedelta(weeks=step), "week")
    if unit == "weekend":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 or (7 if step < 0 else 0))
        return ResolvedDate(saturday + dt.timedelta(weeks=max(step, 0)), "week")
    if unit == "month":
        return ResolvedDate(_shift_month(published, step), "month")
    return ResolvedDate(dt.date(published.year + step, 1, 1), "year")


def _recent(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """in recent days, over the past three days: the publication week."""
    return ResolvedDate(published, "week") if published else None


def _within(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> ResolvedDate | None:
    """"within 48 hours", "in 30 days", "within weeks": forward from publication, for plans and forecasts."""
    if past or published is None:
        return None
    n = _number(m["n2"] or m["n"]) if m["n"] else None
    unit = m["unit"].lower()
    if n is None:
        n = 3 if unit == "day" else 2
        precision = "week" if unit in ("day", "week") else "month"
    else:
        precision = {"hour": "day", "minute": "day", "day": "day" if n <= 7 else "week",
                     "week": "week", "month": "month", "year": "year"}[unit]
    days = {"hour": n / 24, "minute": 0, "day": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}[unit]
    return ResolvedDate(published + dt.timedelta(days=int(-(-days // 1))), precision)


def _later(m: re.Match[str], published: dt.date | None, past: bool, bare: bool) -> _Later:
    """hours later, the next day, then: an offset from the previous sentence's date."""
    if m.groupdict().get("unit") and m["n"]:
        n = _number(m["n"]) or 1
        unit = m["unit"].lower()
        if unit == "day":
            return _Later(n, "day")
        if unit == "week":
            return _Later(7 * n, "week")
        return _Later(0, "day")
    text = m.group().lower()
    if any(w in text for w in ("next", "following", "after")) and "shortly" not in text and "soon" not in text:
        return _Later(1, "day")
    return _Later(0, "day")


_B, _E = r"(?<![\w-])", r"(?![\w-])"
_PATTERNS: list[tuple[str, Resolver]] = [
    (r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", _iso),
    (r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})", _numeric),
    (r"(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})", _numeric),
    (r"(?:the\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?", _day_month),
    (_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>\d{4}))?", _day_month),
    (r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]*)?" + _MONTH
     + r",?\s+(?P<year>\d{4})", _month),
    (r"(?:(?P<q>in|since|during|by|until|till|from|through|throughout|of|last|next|this|before|after)\s+)"
     r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]*)?" + _FULL_MONTH
     + r"(?!\s*\d)", _month),
    (r"(?:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]*" + _FULL_MONTH + r"(?!\s*\d)",
     _month),
    (_FULL_MONTH + r"(?!\s*\d)", _bare_month),
    (r"(?:in|since|during|by|until|from|of|throughout|before|after)\s+(?:(?:early|late|mid)[\s-]*)?"
     r"(?P<year>(?:19|20)\d\d)", _year_only),
    (r"(?:(?P<q>last|next|this|on|by|until|before|since|from|later|earlier|late|early)\s+(?:on\s+)?)?"
     r"(?:(?:late|early|earlier|later)\s+(?:on\s+)?)?" + _WEEKDAY
     + r"(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?", _weekday),
    (r"(?:earlier\s+|later\s+)?(?:today|tonight|this\s+(?:morning|afternoon|evening))", _offset(0, "day")),
    (r"yesterday|last\s+night|last\s+evening|the\s+previous\s+(?:day|night)", _offset(-1, "day")),
    (r"the\s+day\s+before\s+yesterday", _offset(-2, "day")),
    (r"tomorrow", _offset(1, "day")),
    (_NUM + r"\s+" + _UNIT + r"\s+ago", _ago),
    (r"(?:(?:earlier|later)\s+)?(?P<q>last|previous|this|next|past|coming|the\s+past|the\s+coming)\s+"
     r"(?P<unit>week|weekend|month|year)", _period),
    (r"(?:in\s+)?recent\s+days|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:few\s+|" + _NUM + r"\s+)?days",
     _recent),
    (r"(?:within|in|over)\s+(?:the\s+next\s+|the\s+coming\s+)?(?:(?:" + _NUM + r"(?:\s+(?:to|or|-)\s+"
     + _NUM.replace("?P<n>", "?P<n2>") + r")?)\s+)?" + _UNIT, _within),
    (r"(?:" + _NUM + r"\s+" + _UNIT + r"\s+later)|later\s+that\s+(?:day|night|evening|morning|afternoon)"
     r"|the\s+same\s+day(?!\s+(?:that|as|when)\b)|the\s+next\s+day|the\s+following\s+(?:day|morning)|the\s+day\s+after"
     r"|shortly\s+(?:after(?:wards)?|afterwards)|soon\s+after(?:wards)?|afterwards|subsequently|later"
     r"|(?:(?:^|(?<=[,;]\s)|(?<=\band\s))then)(?!\s*-)", _later),
]
_RULES = [(re.compile(_B + "(?:" + p + ")" + _E, re.IGNORECASE), f) for p, f in _PATTERNS]


def _scan(text: str, published: dt.date | None, past: bool, bare_month: bool = False,
          year: int | None = None) -> list[tuple[int, int, ResolvedDate | _Later]]:
    """Every date expression in ``text``: the longest resolvable match wherever matches overlap.

    ``year`` (for a report with no publication date) is the year a day and month with none of their own
    fall in; relative expressions ("on Friday") stay unresolved without a publication date.
    """
    found: list[tuple[int, int, ResolvedDate | _Later]] = []
    for pattern, resolve in _RULES:
        for m in pattern.finditer(text):
            value = resolve(m, published, past, bare_month)
            if value is None and published is None and year is not None and resolve is _day_month:
                value = _day_month(m, dt.date(year, 12, 31), past, bare_month)
            if value is not None:
                found.append((m.start(), m.end(), value))
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, ResolvedDate | _Later]] = []  # in text order, non-overlapping
    for item in found:
        i = bisect.bisect_right(kept, item[0], key=lambda k: k[0])
        if (i > 0 and kept[i - 1][1] > item[0]) or (i < len(kept) and kept[i][0] < item[1]):
            continue
        kept.insert(i, item)
    return kept


def resolve_date(expression: str, published: dt.date | None, *, past: bool = True) -> ResolvedDate | None:
    """The date an expression ("late Thursday", "since May", "Aug. 13") means in a report published then.

    ``past`` (an event that has happened) never gives a date after publication; ``past=False``
    (a plan or forecast) may resolve forward ("next week", "within 48 hours").
    """
    for _, _, value in _scan(expression, published, past, bare_month=True):
        if isinstance(value, ResolvedDate):
            return value
    return None


# "... on Wednesday, eleven days after the militants occupied the town": the deed after "after" came that many
# days before the day the main clause names (a bounded stretch between: the subordinate clause's subject).
DAYS_AFTER_REACH = 160
_DAYS_AFTER = re.compile(r"(?:\b(?P<about>about|some|nearly|almost|roughly|around|less\s+than|more\s+than|over|under|"
                         r"just|only|barely)\s+)?\b" + _NUM + r"\s+(?P<unit>day|week)s?\s+after\s+[^,;:.!?()]{0,80}$",
                         re.IGNORECASE)


def days_after(before_deed: str) -> tuple[int, int, str] | None:
    """Where "N days after" opens the clause a deed is told in, how many days before the main clause's day the
    deed came, and how precisely: (offset of the phrase in ``before_deed``, days, "day" or "week" for weeks
    and rounded counts such as "less than two weeks"), or None."""
    # the phrase and its clause's subject lie within this many characters of the deed
    reach = max(0, len(before_deed) - DAYS_AFTER_REACH)
    m = _DAYS_AFTER.search(before_deed, reach)
    if m is None:
        return None
    n = _number(m.group("n"))
    if n is None:
        return None
    weeks = m.group("unit").lower() == "week"
    rounded = weeks or (m.group("about") or "").lower() not in ("", "just", "only", "barely")
    return m.start(), n * (7 if weeks else 1), "week" if rounded else "day"


def year_named(text: str) -> int | None:
    """The year a report's own full dates name most often ("May 26, 2022" in a caption), for an undated report.

    Only dates to the day count: a month and year ("the first attacks of October 2017") is history recalled."""
    years = Counter(v.date.year for s, e, v in _scan(text, None, True)
                    if isinstance(v, ResolvedDate) and v.precision == "day" and re.search(r"\d{4}", text[s:e]))
    return years.most_common(1)[0][0] if years else None


def date_of_sentence(sentence: str, published: dt.date | None, *,
                     date_spans: list[tuple[int, int]] | None = None,
                     previous: ResolvedDate | None = None, past: bool = True,
                     trigger: tuple[int, int] | None = None, year: int | None = None) -> ResolvedDate | None:
    """The date of the event a sentence reports, or None when the sentence gives none.

    ``date_spans`` are extra sentence-relative spans a tagger marked as dates; ``previous`` is the date
    of the sentence before, which "hours later" or "then" refer to; with ``trigger`` (the event
    word's span) the expression nearest it governs, else the first one.
    """
    if len(sentence) > _MAX_SENTENCE:
        # No sentence is this long: read the stretch around the event word, not a whole run-on text.
        lo = max(0, (trigger[0] if trigger else 0) - _MAX_SENTENCE // 2)
        hi = lo + _MAX_SENTENCE
        spans = [(s - lo, e - lo) for s, e in date_spans or [] if lo <= s and e <= hi]
        shifted = (trigger[0] - lo, trigger[1] - lo) if trigger else None
        return date_of_sentence(sentence[lo:hi], published, date_spans=spans, previous=previous, past=past,
                                trigger=shifted, year=year)
    found = _scan(sentence, published, past, year=year)
    for start, end in date_spans or []:
        if any(start < e and s < end for s, e, _ in found):
            continue
        # A few words past the span let an expression see what follows it ("the same day that ...").
        for s, e, value in _scan(sentence[start:end + 8], published, past, bare_month=True, year=year):
            if e <= end - start:
                found.append((start + s, start + e, value))
    dates = [f for f in found if isinstance(f[2], ResolvedDate)]
    markers = [f for f in found if isinstance(f[2], _Later)]
    if not dates and markers and previous is not None:
        dates = [(s, e, _from_previous(previous, v, published, past))  # type: ignore[arg-type]
                 for s, e, v in markers]
    if not dates:
        return None
    if trigger is None:
        return dates[0][2]  # type: ignore[return-value]

    def distance(item: tuple[int, int, object]) -> tuple[bool, int, int]:
        s, e, _ = item
        between = sentence[e:trigger[0]] if e <= trigger[0] else sentence[trigger[1]:s] if s >= trigger[1] else ""
        gap = len(between)
        # An expression in another clause ("..., and in early December they claimed") governs another verb; so
        # does one in a relative clause closed before the event word ("forces, which took it in March, shelled").
        other = _CLAUSE_BREAK.search(between) is not None \
            or (e <= trigger[0] and "," in between and _RELATIVE_OPEN.search(sentence, 0, s) is not None)
        return other, gap, 0 if e <= trigger[0] else 1

    return min(dates, key=distance)[2]  # type: ignore[return-value]


def _from_previous(previous: ResolvedDate, later: _Later, published: dt.date | None, past: bool) -> ResolvedDate:
    date = previous.date + dt.timedelta(days=later.days)
    if past and published is not None and date > published:
        date = max(previous.date, published)
    precision = later.precision if later.days else previous.precision
    return ResolvedDate(date, precision)
