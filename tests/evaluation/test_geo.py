"""The geoparsing evaluation: reading the annotated corpora and scoring geoparse against them."""

from pathlib import Path

import pytest

from frontwatch import config
from frontwatch.evaluation import geo

LGL_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Flooding closed roads in Kandahar on Monday, and officials in Herat said the river rose.]]></text>
    <toponyms>
      <toponym><start>25</start><end>33</end><phrase>Kandahar</phrase>
        <gaztag geonameid="1138336"><lat>31.61332</lat><lon>65.71013</lon></gaztag></toponym>
      <toponym><start>60</start><end>65</end><phrase>Herat</phrase>
        <gaztag geonameid="1140026"><lat>34.34817</lat><lon>62.19967</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""

GEOVIRUS_STYLE = """<articles>
  <article>
    <text>Health workers in Kenya traced the outbreak to a market in Nairobi.</text>
    <locations>
      <location><name>Kenya</name><start>18</start><end>23</end><lat>1.0</lat><lon>38.0</lon></location>
      <location><name>Nairobi</name><start>58</start><end>65</end><lat>-1.28</lat><lon>36.82</lon></location>
      <location><name>Mombasa</name><start>0</start><end>6</end><lat>-4.05</lat><lon>39.67</lon></location>
    </locations>
  </article>
</articles>
"""


def test_reads_gold_spans_and_coordinates_of_both_formats(tmp_path: Path):
    (tmp_path / "a.xml").write_text(LGL_STYLE, encoding="utf-8")
    (tmp_path / "b.xml").write_text(GEOVIRUS_STYLE, encoding="utf-8")
    lgl = geo.read_corpus(tmp_path / "a.xml")
    virus = geo.read_corpus(tmp_path / "b.xml")
    assert [(g.start, g.end) for g in lgl[0].gold] == [(25, 33), (60, 65)]
    assert lgl[0].text[25:33] == "Kandahar"
    assert virus[0].gold[1].lat == pytest.approx(-1.28)


def test_scores_detection_and_distance(tmp_path: Path):
    (tmp_path / "b.xml").write_text(GEOVIRUS_STYLE, encoding="utf-8")
    s = geo.score_corpus(geo.read_corpus(tmp_path / "b.xml"), demonyms=False)
    assert s.gold == 3
    assert s.found == 2  # Kenya and Nairobi; the third gold span is not a place in the text
    assert s.within == 2
    assert s.predicted_right == s.predicted == 2



def test_reports_absent_data_instead_of_failing(tmp_path: Path):
    figures = geo.run(tmp_path)
    assert figures and all(f.value == "absent" for f in figures)


@pytest.mark.skipif(not (config.SHARED_DATA_DIR / "geo" / "TR-News.xml").exists(), reason="shared data absent")
def test_tr_news_recall_and_accuracy_hold():
    docs = geo.read_corpus(config.SHARED_DATA_DIR / "geo" / "TR-News.xml")
    s = geo.score_corpus(docs, demonyms=True)
    assert s.found / s.gold >= 0.85
    assert s.within / s.found_with_coords >= 0.85
