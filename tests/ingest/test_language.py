"""Language: foreign-language reports are skipped with a clear message; English ones are never dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import SkippedArticle
from frontwatch.ingest import detect_language, read_articles, read_text
from frontwatch.records import Article

GERMAN = ("Taliban nehmen Kandahar ein\n"
          "Die radikalislamischen Taliban haben nach Angaben von Anwohnern die Stadt Kandahar im Süden des Landes "
          "eingenommen. Die Regierungstruppen hätten sich in der Nacht zum Freitag zum Flughafen zurückgezogen, "
          "sagte ein Mitglied des Provinzrates der Nachrichtenagentur.\n")
FRENCH = ("Les talibans s'emparent de Hérat\n"
          "Les talibans ont pris le contrôle de la ville de Hérat, dans l'ouest du pays, après plusieurs semaines "
          "de combats, a indiqué jeudi un responsable local. Les forces gouvernementales se sont repliées vers "
          "une base militaire située près de l'aéroport.\n")
SPANISH = ("Los talibanes toman la ciudad de Ghazni\n"
           "Los talibanes tomaron el control de la ciudad de Ghazni, a unos 150 kilómetros de la capital, según "
           "confirmó el jueves el ministerio del Interior. Las fuerzas del Gobierno abandonaron la ciudad tras "
           "una semana de asedio.\n")
ENGLISH_WITH_NAMES = (
    "Taliban take Pul-e-Alam\n"
    "PUL-E-ALAM: Mullah Abdul Ghani Baradar, Zabihullah Mujahid and Qari Yousuf Ahmadi of the Taliban said on "
    "Friday that Pul-e-Alam, Mohammad Agha, Baraki Barak and Charkh in Logar had fallen, while Hasib Sediqi, "
    "Hamdullah Mohib and Sayed Hamid Gailani of the Kabul government were not available.\n"
    "Oleksandr Syrskyi, Valerii Zaluzhnyi and Hanna Maliar in Kyiv, and Sergei Shoigu and Igor Konashenkov in "
    "Moscow, were quoted on Kupiansk, Balakliia, Izium, Lyman, Sviatohirsk and Vovchansk.\n"
)


@pytest.mark.parametrize("text, code", [(GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es")])
def test_foreign_language_report_is_skipped_with_a_message(tmp_path: Path, text: str, code: str):
    path = tmp_path / f"report_{code}.txt"
    path.write_text(text, encoding="utf-8")
    [item] = list(read_articles([str(path)]))
    assert isinstance(item, SkippedArticle)
    assert str(item) == f"{path}: language '{code}' (not English): skipped"


def test_skipped_report_does_not_stop_the_batch(tmp_path: Path):
    foreign = tmp_path / "a.txt"
    foreign.write_text(GERMAN, encoding="utf-8")
    english = tmp_path / "b.txt"
    english.write_text(ENGLISH_WITH_NAMES, encoding="utf-8")
    items = list(read_articles([str(tmp_path)]))
    assert [type(i) for i in items] == [SkippedArticle, Article]


def test_english_report_full_of_afghan_and_ukrainian_names_is_kept(tmp_path: Path):
    path = tmp_path / "names.txt"
    path.write_text(ENGLISH_WITH_NAMES, encoding="utf-8")
    [item] = list(read_articles([str(path)]))
    assert isinstance(item, Article) and item.language == "en"


def test_short_texts_default_to_english():
    assert detect_language("Kandahar, Herat, Ghazni") == "en"
    assert detect_language("Taliban nehmen Kandahar ein") == "en"


def test_list_of_place_names_defaults_to_english():
    names = "Lashkar Gah, Qala-i-Naw, Pul-e-Khumri, Sar-e Pul, Taloqan, Aybak, Sheberghan, Zaranj, Farah, Kunduz. " * 3
    assert detect_language(names) == "en"


def test_language_is_read_from_the_body_not_the_boilerplate():
    # A page whose furniture is in another language but whose report is English stays English.
    text = ("Startseite\nPolitik\nAusland\nMehr lesen\n"
            "Taliban fighters entered the city of Kunduz on Sunday after government forces withdrew to the airport, "
            "officials said, and residents reported that the market had been closed for the day.\n")
    assert read_text(text).language == "en"


def test_jsonl_foreign_line_is_skipped_by_file_and_line(tmp_path: Path):
    import json

    path = tmp_path / "mixed.jsonl"
    rows = [{"url": "https://a.example/1", "text": FRENCH}, {"url": "https://b.example/2", "text": ENGLISH_WITH_NAMES}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    skipped, kept = list(read_articles([str(path)]))
    assert isinstance(skipped, SkippedArticle) and str(skipped).startswith(f"{path}:1: language 'fr'")
    assert isinstance(kept, Article)


# An English post quoted in full inside a German report (the post's English is quoted, not the outlet's own).
QUOTED_POST = ("Ukrainian special forces have retaken the airfield near the capital. The paratroopers that survived "
               "the counterattack fled into the forests and fields around it, and their vehicles were left behind.")


def test_a_foreign_report_quoting_an_english_post_is_foreign_and_skipped(tmp_path: Path):
    text = GERMAN + QUOTED_POST + "\n"
    assert detect_language(text) == "de"
    path = tmp_path / "quoted.txt"
    path.write_text(text, encoding="utf-8")
    [item] = list(read_articles([str(path)]))
    assert isinstance(item, SkippedArticle) and "'de'" in str(item)


def test_an_english_report_quoting_a_foreign_sentence_stays_english():
    text = (ENGLISH_WITH_NAMES + GERMAN.splitlines()[1] + "\n"
            "The quote above was read out on German television on Friday evening, and officials in Kabul said "
            "they had no comment on the report or on the fighting around the city.\n")
    assert detect_language(text) == "en"
