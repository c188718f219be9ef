"""Wire-style reports written for these tests (our own words; places, dates and sides are public facts)."""

from __future__ import annotations

import pytest

from frontwatch.events import extract_text

AFGHAN_REPORT = """Insurgents tighten their grip on the south as more provincial capitals fall
KANDAHAR: Government troops pulled out of Tarinkot late Thursday and retreated to an army base outside the city, two officials said.
Taliban fighters captured the city of Qalat on Friday, a provincial council member told reporters, the latest in a string of losses for Kabul.
Taliban seize Kunduz airport as government forces flee
Hours later, the Taliban said they had also taken control of Chaghcharan, the capital of Ghor province.
A security official confirmed the fall of the city, saying the garrison had left after elders brokered a local deal with the insurgents.
The militants have also encircled Kunduz, where heavy fighting continued on Friday.
In Sheberghan, the Taliban detained the provincial police chief, residents said.
An embassy spokesman said: "We are not leaving." He added: "This is not an evacuation."
Britain said 600 troops would be deployed to Kabul within 48 hours to help its citizens leave.
"""

UKRAINE_REPORT = """Ukraine retakes Lyman as Russian troops pull back
KYIV: Ukrainian forces recaptured the town of Lyman on Saturday, Ukraine's defence ministry said, dealing a blow to Moscow a day after it annexed four regions.
Russia's defence ministry said its troops had withdrawn from Lyman to more advantageous lines because of the threat of encirclement.
Russian forces shell Kharkiv as Kyiv reports new gains
Separately, Russia's defence ministry claimed on Friday that its forces had captured the village of Opytne near Bakhmut.
Ukraine's general staff denied that Bakhmut had fallen, saying its troops had repelled attacks.
Russian artillery shelled Nikopol overnight, killing 2 civilians, the regional governor said.
Russian forces have surrounded Bakhmut on three sides, according to a Ukrainian commander.
"""


@pytest.fixture(scope="session")
def afghan_events():
    return extract_text(AFGHAN_REPORT, published="2021-08-13", url="https://example.test/af")


@pytest.fixture(scope="session")
def ukraine_events():
    return extract_text(UKRAINE_REPORT, published="2022-10-01", url="https://example.test/ua")


@pytest.fixture(scope="session")
def afghan_report() -> str:
    return AFGHAN_REPORT


@pytest.fixture(scope="session")
def ukraine_report() -> str:
    return UKRAINE_REPORT
