"""Who holds a place since when, from the events: claims stay claims until independent sources agree."""

from __future__ import annotations

from frontwatch.control import timeline
from frontwatch.records import Place
from control.control_samples import FARAH, KANDAHAR, KHERSON, LYMAN, SOLEDAR, change, claim, concession


def _only(histories):
    assert len(histories) == 1
    return histories[0]


def test_single_belligerent_claim_stays_claimed():
    history = _only(timeline([claim(SOLEDAR, "2023-01-11", "Russia")]))
    [record] = [c.record() for c in history.changes]
    assert (record.holder, record.since, record.status) == ("Russia", "2023-01-11", "claimed")
    assert record.confidence < 0.5


def test_claim_never_confirmed_is_never_held_however_often_repeated_by_the_claimant():
    events = [claim(SOLEDAR, f"2023-01-{d}", "Russia") for d in (11, 12, 13, 14, 15)]
    [change_] = _only(timeline(events)).changes
    assert change_.status == "claimed"
    assert change_.confirmed is None


def test_claim_becomes_held_when_the_losing_side_concedes():
    events = [claim(SOLEDAR, "2023-01-11", "Russia"), concession(SOLEDAR, "2023-01-12", "Russia", "Ukraine")]
    [c] = _only(timeline(events)).changes
    assert (c.holder, c.status, c.since) == ("Russia", "held", "2023-01-11")
    assert c.first_claim == "2023-01-11" and c.confirmed == "2023-01-12"
    assert c.sources == 2


def test_claim_made_long_before_the_confirmation_does_not_date_the_change():
    # claimed on 24 March, conceded on 1 April: the claim was premature, the change dates from April
    events = [claim(SOLEDAR, "2022-03-24", "Russia"), concession(SOLEDAR, "2022-04-01", "Russia", "Ukraine")]
    [c] = _only(timeline(events)).changes
    assert (c.since, c.first_claim, c.confirmed) == ("2022-04-01", "2022-03-24", "2022-04-01")


def _kherson_retaken_told_on(published: str, **kw):
    # a report of ``published`` telling that Russian troops left on 9 November; two wires say so on the 12th
    # and 13th, and only then is the change confirmed
    told = change(KHERSON, "2022-11-09", "Ukraine", loser="Russia", story="looking-back", published=published, **kw)
    return [told] + [change(KHERSON, day, "Ukraine", loser="Russia", story=s)
                     for day, s in (("2022-11-12", "wire"), ("2022-11-13", "paper"))]


def test_a_report_days_later_naming_the_day_of_the_change_dates_it_however_late_the_confirmation():
    [c] = _only(timeline(_kherson_retaken_told_on("2022-11-20"))).changes
    assert (c.since, c.confirmed) == ("2022-11-09", "2022-11-12")


def test_news_of_the_moment_days_before_the_confirmation_is_still_premature():
    [c] = _only(timeline(_kherson_retaken_told_on("2022-11-10"))).changes
    assert c.since == "2022-11-12"


def test_a_partys_claim_retold_days_later_is_still_only_a_claim_and_does_not_date_the_change():
    [c] = _only(timeline(_kherson_retaken_told_on("2022-11-20", by=[("Ukraine", "belligerent")],
                                                  modality="claimed"))).changes
    assert c.since == "2022-11-12"


def test_claim_becomes_held_when_a_named_independent_source_confirms_it():
    events = [claim(KHERSON, "2022-11-11", "Ukraine", loser="Russia"),
              change(KHERSON, "2022-11-11", "Ukraine", loser="Russia", by=[("residents", "resident")])]
    [c] = _only(timeline(events)).changes
    assert c.status == "held"


def test_unnamed_officials_speak_for_the_state_side_of_a_state_against_rebels():
    # "a security source confirmed the fall of the city": the government's own people concede it
    fall = change(KANDAHAR, "2021-08-13", "Taliban", loser="Afghan government",
                  by=[("a security source", "security source")])
    [c] = _only(timeline([fall])).changes
    assert (c.status, c.holder) == ("held", "Taliban")
    # "officials said the city is under the control of security forces": the government's own claim
    hold = change(FARAH, "2021-08-09", "Afghan government", loser="Taliban", by=[("officials", "official")])
    [c] = _only(timeline([hold])).changes
    assert c.status == "claimed"


def test_two_independent_stories_make_a_change_held_but_syndicated_copies_count_once():
    copies = [change(KHERSON, "2022-11-11", "Ukraine", story="wire-story") for _ in range(3)]
    [c] = _only(timeline(copies)).changes
    assert c.status == "claimed" and c.sources == 1
    second = change(KHERSON, "2022-11-12", "Ukraine", story="other-paper")
    [c] = _only(timeline(copies + [second])).changes
    assert c.status == "held" and c.sources == 2


def test_denial_by_the_other_side_makes_the_change_contested():
    events = [claim(SOLEDAR, "2023-01-11", "Russia"),
              change(SOLEDAR, "2023-01-12", "Russia", by=[("Ukraine", "belligerent")], modality="denied")]
    [c] = _only(timeline(events)).changes
    assert (c.holder, c.status) == ("Russia", "contested")


def test_confirmation_after_a_denial_settles_it_and_the_denied_claim_does_not_date_the_change():
    events = [claim(SOLEDAR, "2023-01-03", "Russia"),
              change(SOLEDAR, "2023-01-04", "Russia", by=[("Ukraine", "belligerent")], modality="denied"),
              claim(SOLEDAR, "2023-01-12", "Russia")]
    [c] = _only(timeline(events)).changes
    assert (c.status, c.since) == ("contested", "2023-01-12")
    [c] = _only(timeline(events + [concession(SOLEDAR, "2023-01-13", "Russia", "Ukraine")])).changes
    assert (c.status, c.since) == ("held", "2023-01-12")


def test_retaking_changes_the_holder():
    events = [change(LYMAN, "2022-05-28", "Russia", by=[("a regional official", "local official")]),
              claim(LYMAN, "2022-10-01", "Ukraine"),
              concession(LYMAN, "2022-10-01", "Ukraine", "Russia")]
    history = _only(timeline(events))
    assert [(c.holder, c.since) for c in history.changes] == [("Russia", "2022-05-28"), ("Ukraine", "2022-10-01")]
    assert history.changes[-1].status == "held"
    assert history.changes[-1].from_ == "Russia"
    assert history.as_of("2022-09-30").holder == "Russia"
    assert history.as_of("2022-10-01").holder == "Ukraine"
    assert history.as_of("2022-05-27") is None


def test_unconfirmed_counter_claim_contests_but_does_not_hand_the_place_over():
    events = [change(LYMAN, "2022-05-28", "Russia", by=[("a regional official", "local official")]),
              claim(LYMAN, "2022-06-02", "Ukraine")]
    [c] = _only(timeline(events)).changes
    assert (c.holder, c.status) == ("Russia", "contested")


def test_fighting_by_the_losing_side_right_after_the_change_keeps_it_contested():
    events = [change(KHERSON, "2022-03-02", "Russia", by=[("the mayor", "local official")]),
              change(KHERSON, "2022-03-04", None, actor="Ukraine", type="ASSAULT")]
    [c] = _only(timeline(events)).changes
    assert c.status == "contested"
    later = change(KHERSON, "2022-06-20", None, actor="Ukraine", type="ASSAULT")
    [c] = _only(timeline(events[:1] + [later])).changes
    assert c.status == "held"


def test_encirclement_without_a_control_change_gives_no_holder():
    besieged = change(LYMAN, "2022-09-30", None, actor="Ukraine", type="COERCE",
                      sentence="Ukrainian forces encircled Lyman.")
    assert timeline([besieged]) == []


def test_planned_forecast_and_hypothetical_changes_never_change_control():
    events = [change(KHERSON, "2022-10-20", "Ukraine", modality=m) for m in ("planned", "forecast", "hypothetical")]
    assert timeline(events) == []


def test_wagner_gain_is_held_by_russia():
    events = [claim(SOLEDAR, "2023-01-11", "Wagner Group"),
              concession(SOLEDAR, "2023-01-25", "Wagner Group", "Ukraine")]
    [c] = _only(timeline(events)).changes
    assert (c.holder, c.status) == ("Russia", "held")


def test_claim_by_the_gaining_side_under_another_name_is_still_its_claim():
    # The Russian defence ministry speaks for Russia: its word alone does not confirm a Russian gain.
    events = [change(SOLEDAR, "2023-01-13", "Russia", by=[("Russian defence ministry", "official")])]
    [c] = _only(timeline(events)).changes
    assert c.status == "claimed"


def test_background_dated_only_to_a_year_does_not_date_the_change():
    background = change(KHERSON, "2015-01-01", "Russia", by=[("residents", "resident")])
    background.event.date_precision = "year"
    taken = concession(KHERSON, "2022-03-02", "Russia", "Ukraine")
    [c] = _only(timeline([background, taken])).changes
    assert c.since == "2022-03-02"


def test_claim_made_while_the_defenders_still_fight_there_does_not_date_the_change():
    events = [claim(SOLEDAR, "2023-01-04", "Russia", loser="Ukraine"),
              change(SOLEDAR, "2023-01-04", None, actor="Ukraine", type="ASSAULT",
                     sentence="Ukrainian units repelled assaults on the town's northern edge."),
              claim(SOLEDAR, "2023-01-12", "Russia", loser="Ukraine")]
    [c] = _only(timeline(events)).changes
    assert (c.since, c.status) == ("2023-01-12", "contested")


def test_one_contrary_report_amid_many_confirming_the_holder_contests_but_does_not_hand_over():
    # A single report, read as the town changing hands, while several independent outlets confirm the holder.
    events = [change(SOLEDAR, "2023-01-12", "Russia", loser="Ukraine", by=[("residents", "resident")],
                     story=f"paper-{i}") for i in range(3)]
    events.append(concession(SOLEDAR, "2023-01-13", "Ukraine", "Russia", story="odd-one"))
    [c] = _only(timeline(events)).changes
    assert (c.holder, c.status) == ("Russia", "contested")


def test_unconfirmed_claim_lapses_and_the_confirmed_holder_stands_again():
    events = [concession(LYMAN, "2022-05-28", "Russia", "Ukraine"),
              claim(LYMAN, "2022-06-02", "Ukraine"),
              claim(LYMAN, "2022-09-30", "Ukraine"), concession(LYMAN, "2022-10-01", "Ukraine", "Russia")]
    history = _only(timeline(events))
    assert history.as_of("2022-06-20").holder == "Russia"
    assert [(c.holder, c.since) for c in history.changes] == [("Russia", "2022-05-28"), ("Ukraine", "2022-09-30")]


def test_claim_repeated_after_it_lapsed_is_a_new_change_with_its_own_date():
    events = [claim(SOLEDAR, "2022-08-01", "Russia"), claim(SOLEDAR, "2023-01-11", "Russia")]
    history = _only(timeline(events))
    assert [c.since for c in history.changes] == ["2022-08-01", "2023-01-11"]
    assert history.as_of("2022-12-01") is None
    assert history.as_of("2023-01-12").since == "2023-01-11"


def test_a_whole_country_is_never_given_to_a_side():
    ukraine = Place("Ukraine", 690791, 49.0, 32.0, None, "UA", feature="country")
    assert timeline([concession(ukraine, "2022-02-24", "Russia", "Ukraine")]) == []


def test_report_dated_only_to_a_week_supports_but_does_not_date_the_change():
    last_week = concession(KHERSON, "2022-02-24", "Russia", "Ukraine")
    last_week.event.date_precision = "week"
    events = [last_week, change(KHERSON, "2022-03-02", "Russia", loser="Ukraine")]
    [c] = _only(timeline(events)).changes
    assert (c.since, c.status) == ("2022-03-02", "held")
    [alone] = _only(timeline([last_week])).changes
    assert alone.since == "2022-02-24"


def _held_by_russia_since_march():
    return [change(KHERSON, "2022-03-02", "Russia", loser="Ukraine", story="first-paper"),
            change(KHERSON, "2022-03-03", "Russia", loser="Ukraine", story="second-paper")]


def test_undated_reports_of_the_same_change_confirm_the_one_dated_report_of_it():
    dated = _held_by_russia_since_march() + [claim(KHERSON, "2022-11-11", "Ukraine", loser="Russia")]
    undated = [change(KHERSON, None, "Ukraine", loser="Russia", story=f"undated-{i}") for i in range(2)]
    alone = _only(timeline(dated)).as_of("2022-11-12")
    assert (alone.holder, alone.status) == ("Ukraine", "claimed")
    now = _only(timeline(dated + undated)).as_of("2022-11-12")
    assert (now.holder, now.status, now.since) == ("Ukraine", "held", "2022-11-11")
    assert now.sources == 3


def test_undated_reports_never_confirm_a_change_before_its_last_dated_report():
    events = [change(SOLEDAR, "2023-01-10", "Russia", loser="Ukraine", story="early-report"),
              claim(SOLEDAR, "2023-01-12", "Russia", loser="Ukraine")]
    undated = [change(SOLEDAR, None, "Russia", loser="Ukraine", story=f"undated-{i}") for i in range(3)]
    [c] = _only(timeline(events + undated)).changes
    assert c.confirmed == "2023-01-12" and c.since == "2023-01-12"


def test_undated_reports_are_left_out_when_the_holder_gained_the_place_twice():
    events = [claim(LYMAN, "2022-05-27", "Russia", loser="Ukraine"),
              concession(LYMAN, "2022-10-01", "Ukraine", "Russia"),
              claim(LYMAN, "2024-06-01", "Russia", loser="Ukraine")]
    undated = [change(LYMAN, None, "Russia", loser="Ukraine", story=f"undated-{i}") for i in range(3)]
    last = _only(timeline(events + undated)).as_of("2024-06-02")
    assert (last.holder, last.status) == ("Russia", "claimed")


def test_a_fresh_claim_where_the_holder_is_unheard_of_for_months_stands_as_a_claim_then_lapses_back():
    events = _held_by_russia_since_march() + [claim(KHERSON, "2022-09-10", "Ukraine", loser="Russia")]
    history = _only(timeline(events))
    claimed = history.as_of("2022-09-11")
    assert (claimed.holder, claimed.status) == ("Ukraine", "claimed")
    back = history.as_of("2022-10-20")
    assert (back.holder, back.status) == ("Russia", "held")


def test_a_claim_days_after_the_holder_was_reported_there_does_not_replace_it():
    events = _held_by_russia_since_march() + [change(KHERSON, "2022-03-20", "Russia", loser="Ukraine"),
                                             claim(KHERSON, "2022-03-25", "Ukraine", loser="Russia")]
    now = _only(timeline(events)).as_of("2022-03-26")
    assert (now.holder, now.status) == ("Russia", "contested")


def _in_report(stored, url: str, day_without_year: str | None = None):
    """The same event as read from one undated report at ``url``, naming a day without a year."""
    import dataclasses
    event = dataclasses.replace(stored.event, article={**stored.event.article, "url": url},
                                day_without_year=day_without_year)
    return dataclasses.replace(stored, event=event)


ISLAND = Place("Snake Island", 0, 45.255, 30.204, "Odesa", "UA", feature="site")


def test_an_undated_report_takes_the_year_of_the_episode_it_tells_for_the_days_it_names():
    # dated: the island retaken on 30 June 2022; undated: one report telling that retreat, and that Russia
    # "captured the island on Feb. 24" (no year anywhere in it)
    retaken = [change(ISLAND, "2022-06-30", "Ukraine", loser="Russia", story=s) for s in ("wire", "paper")]
    url = "https://undated.example/island"
    retreat = _in_report(change(ISLAND, None, "Ukraine", loser="Russia", story="undated"), url)
    captured = _in_report(change(ISLAND, None, "Russia", loser="Ukraine", story="undated"), url, "02-24")
    history = _only(timeline(retaken + [retreat, captured]))
    assert [(c.holder, c.since) for c in history.changes] == [("Russia", "2022-02-24"), ("Ukraine", "2022-06-30")]
    # without the report that ties it to 2022, a day without a year places nothing
    alone = _only(timeline(retaken + [_in_report(change(ISLAND, None, "Russia", story="other"), "https://x.example",
                                                 "02-24")]))
    assert [c.holder for c in alone.changes] == ["Ukraine"]


def _retaken_by_wires_and_an_undated_report_naming(day: str):
    """Kherson retaken as two wires tell it on the 12th and 13th, and an undated report naming ``day``."""
    dated = [change(KHERSON, "2022-11-12", "Ukraine", loser="Russia", story="wire"),
             change(KHERSON, "2022-11-13", "Ukraine", loser="Russia", story="paper")]
    undated = _in_report(change(KHERSON, None, "Ukraine", loser="Russia", story="undated"),
                         "https://undated.example/k", day)
    [c] = _only(timeline(dated + [undated])).changes
    return c


def test_a_day_without_a_year_inside_the_episode_dates_the_undated_report_to_that_day():
    c = _retaken_by_wires_and_an_undated_report_naming("11-11")
    assert [e.date for e in c.support] == ["2022-11-11", "2022-11-12", "2022-11-13"]
    assert c.since == "2022-11-11"


def test_an_undated_report_naming_a_day_before_the_confirmation_dates_the_change_as_told_in_hindsight():
    # "On November 9 the last Russian units left the city", in a report with no date: it tells the episode
    # the wires confirm on the 12th and 13th, so it was written once the outcome was known
    c = _retaken_by_wires_and_an_undated_report_naming("11-09")
    assert (c.since, c.confirmed) == ("2022-11-09", "2022-11-12")


def test_a_claim_the_other_side_denies_leaves_the_place_with_that_side_contested():
    events = [claim(SOLEDAR, "2023-01-11", "Russia", loser="Ukraine"),
              change(SOLEDAR, "2023-01-12", "Russia", loser="Ukraine", by=[("Ukraine", "belligerent")],
                     modality="denied")]
    record = _only(timeline(events)).as_of("2023-01-13").record()
    assert (record.holder, record.status) == ("Ukraine", "contested")
    # before the denial the claim is shown as the claimant's, as a claim
    early = _only(timeline(events[:1])).as_of("2023-01-11").record()
    assert (early.holder, early.status) == ("Russia", "claimed")


def test_a_denied_claim_that_an_outlet_also_reports_in_its_own_voice_stays_the_claimants_contested():
    events = [claim(SOLEDAR, "2023-01-11", "Russia", loser="Ukraine"),
              change(SOLEDAR, "2023-01-11", "Russia", loser="Ukraine", story="own-voice"),
              change(SOLEDAR, "2023-01-12", "Russia", loser="Ukraine", by=[("Ukraine", "belligerent")],
                     modality="denied")]
    record = _only(timeline(events)).as_of("2023-01-13").record()
    assert (record.holder, record.status) == ("Russia", "contested")


def test_a_story_that_tells_a_fall_and_the_return_next_day_counts_for_the_return():
    official = [("a district official", "local official")]
    events = [change(LYMAN, "2022-05-23", "Russia", by=official, story="raid-story"),
              change(LYMAN, "2022-05-23", "Russia", by=official, story="first-wire"),
              change(LYMAN, "2022-05-24", "Ukraine", by=official, story="raid-story", loser="Russia"),
              change(LYMAN, "2022-05-25", "Ukraine", by=official, story="second-wire", loser="Russia")]
    history = _only(timeline(events))
    assert [(c.holder, c.since) for c in history.changes] == [("Russia", "2022-05-23"), ("Ukraine", "2022-05-24")]


def test_a_challenge_that_failed_and_went_quiet_does_not_date_a_change_months_later():
    official = [("a district official", "local official")]
    events = [change(LYMAN, "2022-05-28", "Russia", by=official), change(LYMAN, "2022-06-01", "Russia", by=official),
              change(LYMAN, "2022-06-02", "Ukraine", by=official, loser="Russia"),
              change(LYMAN, "2022-06-03", "Russia", by=official),
              change(LYMAN, "2022-10-01", "Ukraine", by=official, loser="Russia")]
    history = _only(timeline(events))
    assert [(c.holder, c.since) for c in history.changes] == [("Russia", "2022-05-28"), ("Ukraine", "2022-10-01")]
    assert history.as_of("2022-07-01").holder == "Russia"


def test_an_undated_report_naming_its_day_joins_that_episode_where_the_holder_gained_the_place_twice():
    # Russia took Lyman in April 2022, lost it in October and took it again in June 2024; an undated report
    # "LYMAN, June 1 - Russian troops entered the town" is the second gain's, and confirms it.
    events = [change(LYMAN, "2022-04-10", "Russia", loser="Ukraine", story="first"),
              concession(LYMAN, "2022-10-01", "Ukraine", "Russia"),
              change(LYMAN, "2024-06-01", "Russia", loser="Ukraine", story="wire")]
    dateline = _in_report(change(LYMAN, None, "Russia", loser="Ukraine", story="undated"),
                          "https://undated.example/lyman", day_without_year="06-01")
    alone = _only(timeline(events)).as_of("2024-06-02")
    assert (alone.holder, alone.status) == ("Russia", "claimed")
    now = _only(timeline(events + [dateline])).as_of("2024-06-02")
    assert (now.holder, now.status, now.since) == ("Russia", "held", "2024-06-01")
    # a day that no episode lies near places nothing
    stray = _in_report(change(LYMAN, None, "Russia", loser="Ukraine", story="undated"),
                       "https://undated.example/lyman-2", day_without_year="01-15")
    assert _only(timeline(events + [stray])).as_of("2024-06-02").status == "claimed"


def test_stories_of_the_capture_do_not_gainsay_a_retaking_days_later():
    # Kherson taken on 2 March by two stories; on 5 March one independent report and one more story tell of its
    # retaking: what was written on 2 March says nothing of the 5th, so the retaking stands.
    events = _held_by_russia_since_march() + [
        change(KHERSON, "2022-03-05", "Ukraine", loser="Russia", by=[("a UN official", "official")], story="wire"),
        change(KHERSON, "2022-03-05", "Ukraine", loser="Russia", story="paper")]
    history = _only(timeline(events))
    assert [(c.holder, c.since) for c in history.changes] == [("Russia", "2022-03-02"), ("Ukraine", "2022-03-05")]
    # more stories the same days still telling of Russia's hold do gainsay it
    doubted = events + [change(KHERSON, "2022-03-06", "Russia", loser="Ukraine", story=s) for s in ("a", "b", "c")]
    assert _only(timeline(doubted)).as_of("2022-03-07").holder == "Russia"
