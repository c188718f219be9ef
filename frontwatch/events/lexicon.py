"""The trigger lexicon (frontwatch/data/triggers.json): event families, their trigger phrases and cues."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from frontwatch.config import DATA_DIR

TRIGGERS_FILE = DATA_DIR / "triggers.json"

# "the army's last base in Hsenwi fell": the last post of a town falling is the town's fall.
LAST_POST = re.compile(r"\blast\s+(?:[\w'’-]+\s+){0,3}?(?:base|bases|position|positions|post|posts|outpost|outposts|"
                       r"stronghold|garrison|bastion|foothold|pocket)\s+(?:in|of)\s+(?:the\s+(?:town|city)\s+of\s+)?$",
                       re.IGNORECASE)
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w-])"
_PART = re.compile(r"\{([a-z_]+)\}")  # a named phrase part; regex counts ("{0,3}") are not names


@dataclass(frozen=True, slots=True)
class Family:
    """One kind of event: its PLOVER type and mode, ACLED sub-event type and effect on control."""

    name: str
    type: str
    mode: str | None
    acled: str | None
    acled_by_kind: dict[str, str | None] | None
    control: str | None  # taken | retaken | received (handed to the agent) | handed_over | abandoned
    object: str  # territory | person | any
    yields_to: tuple[str, ...] = ()  # more specific families that, in the same sentence, say it better
    not_after: re.Pattern[str] | None = None  # words just before a trigger that make it no new event of the family

    def acled_for(self, actor_kind: str | None) -> str | None:
        """The ACLED sub-event type, which for territory depends on who acts (a state regains, others overtake)."""
        if self.acled_by_kind is None:
            return self.acled
        return self.acled_by_kind.get(actor_kind or "", self.acled_by_kind.get("default"))


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger phrase found in a sentence (offsets relative to the text searched)."""

    family: Family
    start: int
    end: int
    place_side: str  # after | before | none
    agent_side: str  # before | after | none
    implied_agent: str | None = None  # who acts when the sentence names no one: "police" (tear gas is theirs)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


# Words before a nominal trigger that make it an aim: "a step towards the liberation of X".
_AIMED_AT = re.compile(r"\b(?:towards?|ahead\s+of|prelude\s+to|preparations?\s+for|preparing\s+for|aimed\s+at|"
                       r"aim\s+of|goal\s+of|push\s+for|plans?\s+for|calls?\s+for|battle\s+for|fight\s+for)\s+$",
                       re.IGNORECASE)


class Lexicon:
    """Trigger phrases compiled for finding, plus the cue word lists the argument readers use."""

    def __init__(self, data: dict) -> None:
        self.families: list[Family] = []
        self._patterns: list[tuple[re.Pattern[str], Family, str, str, str | None]] = []
        parts = {name: "(?:" + "|".join(alts) + ")" for name, alts in data.get("phrase_parts", {}).items()}
        for fam in data["families"]:
            not_after = re.compile(r"(?:^|[^\w'’-])(?:" + "|".join(fam["not_after"]) + r")\s+$", re.IGNORECASE) \
                if fam.get("not_after") else None
            family = Family(fam["name"], fam["type"], fam.get("mode"), fam.get("acled"), fam.get("acled_by_kind"),
                            fam.get("control"), fam.get("object", "any"), tuple(fam.get("yields_to", ())), not_after)
            self.families.append(family)
            for pat in fam["patterns"]:
                rx = re.compile(_BEFORE + "(?:" + "|".join(_expanded(p, parts) for p in pat["phrases"]) + ")" + _AFTER,
                                re.IGNORECASE)
                self._patterns.append((rx, family, pat.get("place", "none"), pat.get("agent", "before"),
                                       pat.get("implied_agent")))
        every = [_expanded(p, parts) for fam in data["families"] for pat in fam["patterns"] for p in pat["phrases"]]
        # One alternation over every phrase: the cheap test that lets a paragraph skip the NLP entirely.
        self.prefilter = re.compile(_BEFORE + "(?:" + "|".join(every) + ")" + _AFTER, re.IGNORECASE)
        self.territory_nouns = _words(data.get("territory_nouns", []))
        self.person_nouns = _words(data.get("person_nouns", []))
        self.negotiated = _words(data.get("negotiated", []))
        gap_words = "|".join(re.escape(w) for w in data.get("place_gap_words", []))
        # Besides the listed words: a possessive ("Ukraine's") and a demonym ("the eastern Ukrainian city of",
        # "the Russian-held town of").
        installations = "|".join(re.escape(w).replace("'", "['’]")
                                 for w in sorted(data.get("installation_words", []), key=len, reverse=True))
        # ... and a building or post in the town ("the police headquarters in", "the army camp at"), which makes the
        # event partial.
        # ("the district headquarters of X" is X itself, the district's seat: no post in it)
        installed = r"|(?<!district )(?:" + installations + r")\s+(?:in|of|at)" if installations else ""
        seat = r"|(?:headquarters|seat)\s+of"
        self.place_gap = re.compile(r"^\s*(?:(?:" + gap_words + installed + seat + r"|[A-Z][\w-]*['’]s"
                                    r"|(?-i:[A-Z][a-z]+(?:ian|ean|an|ese|ish|ic|i)"
                                    r"(?:-[a-z]+)?))\s+){0,7}"
                                    # the Arabic article glued to the name, outside its span: "taken al-Ajaylat"
                                    r"(?:(?:al|el|ad|an|ar|as|ash|at|az)[-‐‑])?$", re.IGNORECASE) \
            if gap_words else re.compile(r"^\s*$")
        self.installation = re.compile(_BEFORE + r"(?<!district )(?:" + installations + r")\s+(?:in|of|at)" + _AFTER,
                                       re.IGNORECASE) \
            if installations else re.compile(r"(?!x)x")
        self.installation_after = re.compile(r"\s+(?:" + installations + r")" + _AFTER, re.IGNORECASE) \
            if installations else re.compile(r"(?!x)x")
        self.participle_cue = re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in data.get("participle_cues", []))
                                         + r")\s+$|\w-$", re.IGNORECASE)
        self.infinitive_cues = [(modality, re.compile(r"(?:^|\W)(?:" + "|".join(p if modality == "done" else re.escape(p)
                                                                              for p in phrases)
                                                      + r")\s+(?:[a-z]+\s+(?:and|or)\s+)?$", re.IGNORECASE))
                                for modality, phrases in data.get("infinitive_cues", {}).items()]
        self.bare_forces = _words(data.get("bare_forces", []))
        self.partial = _words(data.get("partial_words", []))
        # Optionally past an apposition: "the capture of Soledar, a salt-mining town, would mark ...".
        self.nominal_outlook = [(modality, re.compile(r"(?:\s*,[^,]{0,80},)?\s*(?:" + "|".join(re.escape(p) for p in phrases)
                                                      + r")" + _AFTER, re.IGNORECASE))
                                for modality, phrases in data.get("nominal_outlook", {}).items()]
        self.number_words: dict[str, int] = {w.lower(): n for w, n in data.get("number_words", {}).items()}
        words = "|".join(re.escape(w) for w in sorted(self.number_words, key=len, reverse=True))
        number = r"(?<![\w-])(?P<n>\d[\d,]*" + (r"|(?i:" + words + r")" if words else "") + ")"
        self.quantities = {unit: [re.compile(p.replace("{n}", number)) for p in pats]
                           for unit, pats in data.get("quantities", {}).items()}

    @classmethod
    def from_file(cls, path: Path) -> Lexicon:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def is_participle(self, text: str, trigger: Trigger) -> bool:
        """Whether a one-word trigger is used as an adjective ("the seized building", "Russian-occupied")."""
        word = text[trigger.start:trigger.end]
        if " " in word:
            return False
        # "Liberated Izium today: ..." opens a caption-like sentence with the adjective.
        if not text[:trigger.start].strip() and re.match(r"\s+[A-Z]", text[trigger.end:]):
            return True
        return self.participle_cue.search(text[max(0, trigger.start - 20):trigger.start]) is not None

    def infinitive_modality(self, text: str, trigger: Trigger) -> str | None:
        """The modality an infinitive gives its trigger ("failed to capture": denied; "to liberate": planned)."""
        before = text[max(0, trigger.start - 40):trigger.start]  # room for "to block and seize"
        # "the rebels claimed to have taken the town": a perfect infinitive tells of a deed done, not one aimed at
        perfect = re.match(r"have\s", text[trigger.start:trigger.end], re.IGNORECASE) is not None
        for modality, rx in self.infinitive_cues:
            if rx.search(before):
                return None if modality == "done" or (perfect and modality == "planned") else modality
        return None

    def nominal_modality(self, text: str, trigger: Trigger, place_end: int) -> str | None:
        """The modality the words after a nominal trigger's place give it ("the capture of X would ...")."""
        if trigger.agent_side != "none" or trigger.place_side != "after":
            return None
        if _AIMED_AT.search(text, max(0, trigger.start - 40), trigger.start):
            return "planned"  # "a step towards the liberation of Raqqa", "the battle for the capture of X"
        for modality, rx in self.nominal_outlook:
            if rx.match(text, place_end):
                return modality
        return None

    def is_partial(self, text: str, trigger: Trigger, place_start: int, place_end: int | None = None) -> bool:
        """Whether the event takes only part of its place: the words between a trigger and its place ("captured
        most of X", "the police headquarters in X"), or a post the place's name qualifies ("fled the Kutkai
        base", "seized the Kherson airport")."""
        if place_end is not None and self.installation_after.match(text, place_end):
            return True
        if trigger.end <= place_start and LAST_POST.search(text, 0, place_start):
            return False  # "captured the last army position in Hsenwi": the town's last post, so the town
        return trigger.end <= place_start and (self.partial.search(text, trigger.end, place_start) is not None
                                               or self.installation.search(text, trigger.end, place_start) is not None)

    def has_trigger(self, text: str) -> bool:
        """Whether text holds any trigger phrase at all."""
        return self.prefilter.search(text) is not None

    def triggers(self, text: str) -> list[Trigger]:
        """Every trigger in text; where phrases overlap inside a family, the longest wins."""
        found: list[Trigger] = []
        for rx, family, place_side, agent_side, implied in self._patterns:
            for m in rx.finditer(text):
                # "sentenced for killing", "the attack on the train": an old deed recalled, not news.
                if family.not_after is not None and family.not_after.search(text, max(0, m.start() - 60), m.start()):
                    continue
                found.append(Trigger(family, m.start(), m.end(), place_side, agent_side, implied))
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
        kept: list[Trigger] = []
        for t in found:
            if any(k.family is t.family and k.start < t.end and t.start < k.end for k in kept):
                continue
            kept.append(t)
        return kept


def _expanded(phrase: str, parts: dict[str, str]) -> str:
    """The phrase with each {name} replaced by its phrase part (the verb lists several phrases share)."""
    return _PART.sub(lambda m: parts[m.group(1)], phrase)


def _words(phrases: list[str]) -> re.Pattern[str]:
    if not phrases:
        return re.compile(r"(?!x)x")
    return re.compile(_BEFORE + "(?:" + "|".join(re.escape(p) for p in phrases) + ")" + _AFTER, re.IGNORECASE)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in frontwatch/data/triggers.json (cached)."""
    return Lexicon.from_file(TRIGGERS_FILE)
