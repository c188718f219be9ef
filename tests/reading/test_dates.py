"""Date expressions in wire copy resolve against the report's publication date."""

import datetime as dt

import pytest

from frontwatch.reading.dates import ResolvedDate, date_of_sentence, parse_iso_date, resolve_date

FRIDAY = dt.date(2021, 8, 13)  # a report published on Friday 13 August 2021


def day(y: int, m: int, d: int) -> ResolvedDate:
    return ResolvedDate(dt.date(y, m, d), "day")


@pytest.mark.parametrize("expression, expected", [
    ("on Friday", day(2021, 8, 13)),
    ("Friday", day(2021, 8, 13)),
    ("late Thursday", day(2021, 8, 12)),
    ("earlier Friday", day(2021, 8, 13)),
    ("early Friday", day(2021, 8, 13)),
    ("Thursday night", day(2021, 8, 12)),
    ("on Sunday evening", day(2021, 8, 8)),
    ("last Friday", day(2021, 8, 6)),
])
def test_weekday_is_the_most_recent_such_day_on_or_before_publication(expression, expected):
    assert resolve_date(expression, FRIDAY) == expected


def test_weekday_after_publication_day_falls_in_the_previous_week_for_a_past_event():
    # Published on a Wednesday: "Saturday" can only be the Saturday before.
    assert resolve_date("on Saturday", dt.date(2022, 3, 2)) == day(2022, 2, 26)


@pytest.mark.parametrize("expression, expected", [
    ("13 August", day(2021, 8, 13)),
    ("the 12th of August", day(2021, 8, 12)),
    ("Aug. 12", day(2021, 8, 12)),
    ("August 12, 2021", day(2021, 8, 12)),
    ("2021-08-12", day(2021, 8, 12)),
    ("12/08/2021", day(2021, 8, 12)),
    ("08/12/2021", day(2021, 8, 12)),  # month-first only where day-first would be after publication
    ("25/07/2021", day(2021, 7, 25)),
    ("on Sept. 30", day(2020, 9, 30)),  # year-less, so the last 30 September before publication
])
def test_explicit_dates(expression, expected):
    assert resolve_date(expression, FRIDAY) == expected


@pytest.mark.parametrize("expression, expected", [
    ("today", day(2021, 8, 13)),
    ("this morning", day(2021, 8, 13)),
    ("yesterday", day(2021, 8, 12)),
    ("last night", day(2021, 8, 12)),
    ("two days ago", day(2021, 8, 11)),
    ("last week", ResolvedDate(dt.date(2021, 8, 6), "week")),
    ("this week", ResolvedDate(dt.date(2021, 8, 13), "week")),
    ("last month", ResolvedDate(dt.date(2021, 7, 1), "month")),
    ("since May", ResolvedDate(dt.date(2021, 5, 1), "month")),
    ("in early May", ResolvedDate(dt.date(2021, 5, 1), "month")),
    ("in 2020", ResolvedDate(dt.date(2020, 1, 1), "year")),
])
def test_relative_expressions_record_their_precision(expression, expected):
    assert resolve_date(expression, FRIDAY) == expected


def test_may_the_modal_verb_is_not_a_month():
    assert resolve_date("the city may fall", FRIDAY) is None


def test_year_less_date_rolls_back_a_year_in_january():
    published = dt.date(2022, 1, 4)
    assert resolve_date("on 29 December", published) == day(2021, 12, 29)
    assert resolve_date("in December", published) == ResolvedDate(dt.date(2021, 12, 1), "month")
    assert resolve_date("on Friday", published) == day(2021, 12, 31)


@pytest.mark.parametrize("expression", ["on Friday", "tomorrow", "next week", "by Monday", "on 20 August"])
def test_a_past_event_is_never_dated_after_publication(expression):
    resolved = resolve_date(expression, FRIDAY)
    assert resolved is None or resolved.date <= FRIDAY


def test_year_less_date_days_after_publication_is_refused_not_moved_a_year_back():
    # A plan misread as past ("would pull out from May 25") must not become last May.
    assert resolve_date("from May 25", dt.date(2023, 5, 20)) is None
    assert resolve_date("from May 25", dt.date(2023, 5, 20), past=False) == day(2023, 5, 25)


def test_dotted_day_first_date():
    assert resolve_date("21.05.2023", dt.date(2023, 5, 22)) == day(2023, 5, 21)


@pytest.mark.parametrize("expression, expected", [
    ("within 48 hours", day(2021, 8, 15)),
    ("within the next 24 to 48 hours", day(2021, 8, 15)),
    ("next week", ResolvedDate(dt.date(2021, 8, 20), "week")),
    ("by Monday", day(2021, 8, 16)),
    ("by September 11", day(2021, 9, 11)),
    ("tomorrow", day(2021, 8, 14)),
])
def test_plans_and_forecasts_resolve_forward(expression, expected):
    assert resolve_date(expression, FRIDAY, past=False) == expected


@pytest.mark.parametrize("expression, expected", [
    ("on Monday", day(2021, 8, 16)),
    ("late Thursday", day(2021, 8, 12)),
    ("earlier Friday", day(2021, 8, 13)),
    ("later on Friday", day(2021, 8, 13)),
    ("by Thursday", day(2021, 8, 19)),
])
def test_a_plans_bare_weekday_is_the_nearer_one(expression, expected):
    assert resolve_date(expression, FRIDAY, past=False) == expected


def test_without_publication_date_only_self_contained_dates_resolve():
    assert resolve_date("on Friday", None) is None
    assert resolve_date("August 12, 2021", None) == day(2021, 8, 12)


def test_sentence_with_hours_later_takes_the_previous_sentence_date():
    previous = day(2021, 8, 12)
    sentence = "Hours later, the rebels said they had overrun the district police headquarters."
    assert date_of_sentence(sentence, FRIDAY, previous=previous) == previous


def test_sentence_with_the_next_day_moves_one_day_past_the_previous_date():
    sentence = "The next day, militants stormed the governor's compound."
    assert date_of_sentence(sentence, FRIDAY, previous=day(2021, 8, 11)) == day(2021, 8, 12)


def test_explicit_weekday_beats_a_later_marker():
    sentence = "Insurgents later on Thursday raised their flag over the provincial police headquarters."
    assert date_of_sentence(sentence, FRIDAY, previous=day(2021, 8, 10)) == day(2021, 8, 12)


def test_sentence_without_date_expression_gives_none():
    sentence = "Fighters moved through the bazaar and the main roundabout without meeting resistance."
    assert date_of_sentence(sentence, FRIDAY, previous=day(2021, 8, 12)) is None


def test_later_marker_without_previous_date_gives_none():
    assert date_of_sentence("The governor later fled to the airport.", FRIDAY) is None


def test_date_words_inside_other_words_are_not_dates():
    previous = day(2021, 8, 10)
    assert date_of_sentence("The strike caused collateral damage near the bazaar.", FRIDAY, previous=previous) is None
    assert date_of_sentence("Fighters left the unilaterally declared zone.", FRIDAY, previous=previous) is None


def test_since_then_is_not_a_later_marker():
    assert date_of_sentence("Since then the city has been quiet.", FRIDAY, previous=day(2021, 8, 2)) is None


def test_expression_nearest_the_trigger_governs():
    sentence = ("After weeks of fighting that began in early May, government troops withdrew from the city "
                "on Thursday.")
    trigger = (sentence.index("withdrew"), sentence.index("withdrew") + len("withdrew"))
    assert date_of_sentence(sentence, FRIDAY, trigger=trigger) == day(2021, 8, 12)
    assert date_of_sentence(sentence, FRIDAY) == ResolvedDate(dt.date(2021, 5, 1), "month")


def test_expression_in_the_triggers_own_clause_beats_a_nearer_one_in_another():
    sentence = ("Two days ago, separatist commanders first reported the capture of the depot, and in early "
                "August they had claimed it too.")
    trigger = (sentence.index("capture"), sentence.index("capture") + len("capture"))
    assert date_of_sentence(sentence, FRIDAY, trigger=trigger) == day(2021, 8, 11)


def test_tagger_date_span_adds_a_bare_month():
    sentence = "The heaviest shelling came during what residents called a bloody August."
    start = sentence.index("August")
    assert date_of_sentence(sentence, FRIDAY) is None
    resolved = date_of_sentence(sentence, FRIDAY, date_spans=[(start, start + len("August"))])
    assert resolved == ResolvedDate(dt.date(2021, 8, 1), "month")


def test_planned_deployment_within_48_hours_is_dated_forward():
    sentence = "The ministry said 2,000 soldiers would be flown to the capital within 48 hours."
    assert date_of_sentence(sentence, FRIDAY, past=False) == day(2021, 8, 15)


def test_parse_iso_date_refuses_impossible_dates():
    assert parse_iso_date("2021-08-13") == FRIDAY
    assert parse_iso_date("2021-02-30") is None
    assert parse_iso_date("13 August") is None


def test_run_on_text_is_dated_around_the_event_word():
    text = "Envoys met on Monday. " + "Shops stayed shut. " * 5000 + "Rebels entered the base late Thursday."
    start = text.index("entered")
    assert date_of_sentence(text, FRIDAY, trigger=(start, start + 7)) == day(2021, 8, 12)
    undated = text.replace(" late Thursday", "")
    start = undated.index("entered")
    assert date_of_sentence(undated, FRIDAY, trigger=(start, start + 7)) is None  # Monday is far out of reach
    assert date_of_sentence("", FRIDAY) is None


def test_the_same_day_as_another_event_takes_no_date_from_the_sentence_before():
    sentence = "The fall of Maymana came on the same day that the insurgents captured Mazar-i-Sharif."
    week_ago = ResolvedDate(dt.date(2021, 8, 7), "week")
    tagged = sentence.index("the same day")
    assert date_of_sentence(sentence, dt.date(2021, 8, 14), previous=week_ago,
                            date_spans=[(tagged, tagged + len("the same day"))]) is None
    # plain "the same day" still follows the sentence before
    assert date_of_sentence("Maymana fell the same day.", dt.date(2021, 8, 14),
                            previous=ResolvedDate(dt.date(2021, 8, 12), "day")).date == dt.date(2021, 8, 12)


def test_an_undated_report_names_its_year_in_a_full_date():
    from frontwatch.reading.dates import year_named
    assert year_named("A convoy near Popasna, Ukraine, May 26, 2022. Fighting went on all week.") == 2022
    assert year_named("Fighting went on all week near Popasna.") is None
    # a month and year is history the report recalls, not the year it was written in
    assert year_named("When the port fell on 12 August, the raids that began in October 2017 had grown bolder.") is None
    assert date_of_sentence("On May 7, the town was cut off.", None, year=2022) == day(2022, 5, 7)
    assert date_of_sentence("On Friday, the town was cut off.", None, year=2022) is None


def test_a_date_in_a_relative_clause_closed_before_the_event_dates_something_else():
    sentence = "Russian forces, which captured Kherson in early March, shelled Mykolaiv on Tuesday."
    shelled = sentence.index("shelled")
    assert date_of_sentence(sentence, dt.date(2022, 11, 11), trigger=(shelled, shelled + 7)) == day(2022, 11, 8)


def test_a_deed_n_days_after_is_found_only_at_the_head_of_its_own_clause():
    from frontwatch.reading.dates import DAYS_AFTER_REACH, days_after
    assert days_after("Troops went back in on Thursday, two days after the rebels ")[1:] == (2, "day")
    assert days_after("The army said on Friday, less than two weeks after the rebels ")[1:] == (14, "week")
    assert days_after("Two days after the talks, the army ") is None  # the deed is the main clause's
    assert days_after("two days after " + "x" * DAYS_AFTER_REACH + " the rebels ") is None
