"""Myanmar's township seats, named in war reports, resolve into Myanmar's right state or region."""

from __future__ import annotations

import pytest

from frontwatch.places import geoparse

# Wire-style sentences written for this test; each names towns and the state/region they lie in.
REPORTS = [
    ("Resistance fighters said they had taken Kawlin and were advancing on Pinlebu on Monday.",
     {"Kawlin": "Sagaing", "Pinlebu": "Sagaing"}),
    ("The Arakan Army said it had captured Paletwa, a town on the Kaladan river, after weeks of fighting.",
     {"Paletwa": "Chin State"}),
    ("Troops withdrew from Kunlong as the alliance shelled positions near Namhsan and Hsipaw.",
     {"Kunlong": "Shan State", "Namhsan": "Shan State", "Hsipaw": "Shan State"}),
    ("Air strikes hit Mindat and Matupi overnight, residents told reporters.",
     {"Mindat": "Chin State", "Matupi": "Chin State"}),
    ("Fighting spread from Maungdaw to Thandwe and Ramree, the rebels said in a statement.",
     {"Maungdaw": "Rakhine", "Thandwe": "Rakhine", "Ramree": "Rakhine"}),
    ("The Kachin Independence Army, headquartered in Laiza, said it had seized a base near Waingmaw.",
     {"Laiza": "Kachin State", "Waingmaw": "Kachin State"}),
    ("Refugees fled Bawlakhe for Thai border camps while clashes were reported in Hlaingbwe.",
     {"Bawlakhe": "Kayah State", "Hlaingbwe": "Kayin State"}),
    ("Anti-junta forces attacked outposts around Mong Hsat and Loilem on Thursday.",
     {"Mong Hsat": "Shan State", "Loilem": "Shan State"}),
    ("Boats stopped running from Nyaungshwe on Inle Lake after shelling near Pinlaung.",
     {"Nyaungshwe": "Shan State", "Pinlaung": "Shan State"}),
    ("Gangaw and Thabeikkyin were bombed, local media said.",
     {"Gangaw": "Magway", "Thabeikkyin": "Mandalay"}),
]

# Spellings news uses, each beside the spelling of the same town that the gazetteer files it under.
SPELLINGS = [("Laukkaing", "Laukkai"), ("Theinni", "Hsenwi"), ("Kutkhaing", "Kutkai"), ("Kyaukphyu", "Kyaukpyu"),
             ("Toungup", "Taungup"), ("Hpapun", "Papun"), ("Myohaung", "Mrauk-U"), ("Kyaingtong", "Kengtung"),
             ("Depayin", "Tabayin"), ("Momeik", "Mongmit"), ("Sandoway", "Thandwe"),
             ("Akyab", "Sittwe"), ("Maymyo", "Pyin Oo Lwin"), ("Haka", "Hakha"), ("Demoso", "Dimawso")]


def _resolved(sentence: str) -> dict[str, tuple[str | None, str | None]]:
    return {t.text: (t.place.country, t.place.admin1) for t in geoparse(sentence) if t.place is not None}


@pytest.mark.parametrize("sentence, towns", REPORTS, ids=[r[0][:30] for r in REPORTS])
def test_township_seats_resolve_into_their_state(sentence: str, towns: dict[str, str]) -> None:
    got = _resolved(sentence)
    for town, state in towns.items():
        assert got.get(town) == ("MM", state), (town, got.get(town))


@pytest.mark.parametrize("news, other", SPELLINGS)
def test_news_spelling_finds_the_same_town(news: str, other: str) -> None:
    def place(name: str):
        found = [t.place for t in geoparse(f"Clashes were reported in {name} on Tuesday.") if t.text == name]
        assert found and found[0] is not None, name
        return found[0]

    a, b = place(news), place(other)
    assert a.country == "MM" and (a.lat, a.lon) == (b.lat, b.lon), (news, a, b)
