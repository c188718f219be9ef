"""Template sentences for thin classes: well-formed, repeatable, labelled with ACLED types."""

from __future__ import annotations

import random

from frontwatch.classify.synthetic import template_sentences, with_attribution
from frontwatch.classify.taxonomy import ACLED_SUB_EVENT_TYPES, TERRITORY_SUB_EVENT_TYPES


def test_templates_fill_every_slot_and_label_territory_classes() -> None:
    pairs = template_sentences(seed=3)
    assert pairs == template_sentences(seed=3)
    assert set(TERRITORY_SUB_EVENT_TYPES) <= {label for _, label in pairs}
    assert all(label in ACLED_SUB_EVENT_TYPES for _, label in pairs)
    assert not any("{" in text or "}" in text for text, _ in pairs)
    assert all(text[0].isupper() and text.endswith(".") for text, _ in pairs)


def test_attribution_turns_a_note_into_reported_speech() -> None:
    out = with_attribution("Militants attacked a checkpoint near the river.", random.Random(1))
    assert out.startswith("Militants attacked a checkpoint near the river, ")
    assert out.endswith(" said.") or out.endswith(" reported.") or "according to" in out
