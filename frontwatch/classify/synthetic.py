"""News-style training sentences: templates for thin classes, attributions for real notes (training only)."""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path

TEMPLATES_FILE = Path(__file__).resolve().parent / "data" / "news_templates.json"
_SLOT = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=4)
def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def template_sentences(seed: int, path: Path = TEMPLATES_FILE) -> list[tuple[str, str]]:
    """(sentence, label) pairs filled from the templates, ``per_label`` per label, the same for one seed."""
    spec = _load(path)
    slots = {**spec["slots"], **spec.get("extra_slots", {})}
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for label, templates in spec["labels"].items():
        made: set[str] = set()
        for _ in range(spec["per_label"] * 20):
            if len(made) >= spec["per_label"]:
                break
            sentence = _SLOT.sub(lambda m: rng.choice(slots[m[1]]), rng.choice(templates))
            made.add(sentence[:1].upper() + sentence[1:])
        out.extend((s, label) for s in sorted(made))
    return out


def with_attribution(text: str, rng: random.Random, path: Path = TEMPLATES_FILE) -> str:
    """The text as reported speech: ``..., officials said.`` appended to its last sentence."""
    return re.sub(r"[.!?]?\s*$", "", text) + f", {rng.choice(_load(path)['attributions'])}."
