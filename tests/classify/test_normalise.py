"""Normalisation: ACLED coder formatting goes, the sentence a reader sees stays."""

from __future__ import annotations

from frontwatch.classify.normalise import first_sentence, normalise


def test_leading_date_clause_and_coder_brackets_are_removed() -> None:
    note = ("On 14 July 2021, villagers (coded as Farmers) held a sit-in outside the district office in "
            "Wadi Town (Wadi, North Province). [size=no report]")
    assert normalise(note) == "Villagers held a sit-in outside the district office in Wadi Town."


def test_reported_dates_section_labels_and_fatality_counts_are_removed() -> None:
    note = ("Movement of forces: Around 3 May 2019 (as reported), the militia moved fighters into Hill 12. "
            "2 fatalities.")
    assert normalise(note) == "The militia moved fighters into Hill 00."


def test_a_news_sentence_keeps_its_words() -> None:
    sentence = "Rebels shelled the airport on Tuesday, a spokesman said."
    assert normalise(sentence) == sentence


def test_first_sentence_is_the_lede() -> None:
    text = "Troops clashed with gunmen near the bridge. Two soldiers were hurt. The road was closed."
    assert first_sentence(text) == "Troops clashed with gunmen near the bridge."
