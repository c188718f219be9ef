"""Syndicated copies of one wire story are one story; different reports of one event are not."""

from __future__ import annotations

from frontwatch.store import Store
from store.store_samples import SOLEDAR, WIRE, event, report

OTHER = ("Ukrainian commanders said on Friday that their troops still held parts of Soledar and denied that the "
         "town had fallen, describing heavy losses among the attackers and continued supply by road from the west. "
         "A spokesman for the eastern command said the situation was difficult but under control.")


def test_copy_with_other_boilerplate_is_the_same_story(db_path):
    copy = ("Home | World | Europe\n" + WIRE.replace("KYIV, Jan 13 - ", "KYIV (Wire) - ") +
            "\nRead more: prices rise in the capital\nShare this article")
    with Store.open(db_path) as store:
        store.add_report(report(WIRE, "https://wire.example/a"), [])
        assert store.add_report(report(copy, "https://portal.example/b"), []) == "new"
        store.add_report(report(OTHER, "https://paper.example/c"), [])
        stories = [r["story_id"] for r in store.reports()]
        assert stories[0] == stories[1]
        assert stories[2] != stories[0]


def test_copy_differing_only_in_case_and_punctuation_is_the_same_story(db_path):
    with Store.open(db_path) as store:
        store.add_report(report(WIRE, "https://wire.example/a"), [])
        store.add_report(report(WIRE.upper().replace(",", ""), "https://shout.example/b"), [])
        stories = {r["story_id"] for r in store.reports()}
        assert len(stories) == 1


def test_event_in_a_syndicated_copy_is_one_event_with_both_reports_as_sources(db_path):
    copy_text = "Home | World\n" + WIRE.replace("KYIV, Jan 13 - ", "KYIV (Wire) - ") + "\nShare this article"
    sentence = WIRE.split(". ")[0].replace("KYIV, Jan 13 - ", "")
    first, copy = report(WIRE, "https://wire.example/a"), report(copy_text, "https://portal.example/b")
    with Store.open(db_path) as store:
        store.add_report(first, [event(first, sentence, SOLEDAR, holder="Russia", modality="claimed")])
        store.add_report(copy, [event(copy, sentence, SOLEDAR, holder="Russia", modality="claimed"),
                                event(copy, "Artillery fire continued", SOLEDAR)])
        stored = store.events()
        assert len(stored) == 2
        [taken] = [e for e in stored if e.event.control]
        assert [s["url"] for s in taken.sources] == ["https://wire.example/a", "https://portal.example/b"]
        assert len(taken.stories()) == 1
