"""The demo reports, read end to end, give the control timeline of August 2021 as they tell it.

The demo is what a newcomer sees first (`make run`); its facts are in frontwatch/data/demo/README.md.
A capital may be claimed or contested before it falls (the reports carry claims and denials), but is never
held by the Taliban more than a day before it fell (the measure of issue 2: right within a day), and it is
theirs once it has fallen.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from frontwatch.config import DEMO_REPORTS_DIR
from frontwatch.control import control_as_of
from frontwatch.pipeline import ingest_sources
from frontwatch.places import gazetteer
from frontwatch.store import Store

# When each provincial capital fell, as the demo reports tell it (public chronology).
FELL = {
    "Zaranj": "2021-08-06", "Sheberghan": "2021-08-07", "Kunduz": "2021-08-08", "Taloqan": "2021-08-08",
    "Aybak": "2021-08-09", "Pul-e-Khumri": "2021-08-10", "Farah": "2021-08-10", "Faizabad": "2021-08-11",
    "Ghazni": "2021-08-12", "Herat": "2021-08-12", "Kandahar": "2021-08-13", "Lashkar Gah": "2021-08-13",
    "Pul-e-Alam": "2021-08-13", "Mazar-i-Sharif": "2021-08-14", "Jalalabad": "2021-08-15", "Kabul": "2021-08-15",
}


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    ingest_sources([str(DEMO_REPORTS_DIR)], db_path=db)
    with Store.open(db, readonly=True) as store:
        yield store


def _holding(store, day: date) -> dict[int, tuple[str, str]]:
    return {r.place.geonameid: (r.holder, r.status) for r in control_as_of(store, day.isoformat())}


@pytest.mark.parametrize("capital", sorted(FELL))
def test_a_capital_is_not_held_by_the_taliban_before_it_fell_and_is_theirs_after(demo_store, capital):
    place = gazetteer().lookup(capital, country="AF")
    assert place is not None
    fell = date.fromisoformat(FELL[capital])
    before = _holding(demo_store, fell - timedelta(days=2)).get(place.geonameid)
    assert before != ("Taliban", "held"), f"{capital} held by the Taliban two days before it fell"
    after = _holding(demo_store, fell + timedelta(days=1)).get(place.geonameid)
    assert after is not None and after[0] == "Taliban", after


def test_encircled_mazar_is_not_taken_while_only_encircled(demo_store):
    mazar = gazetteer().lookup("Mazar-i-Sharif", country="AF")
    held = _holding(demo_store, date(2021, 8, 12)).get(mazar.geonameid)
    assert held is None or held[0] != "Taliban"
