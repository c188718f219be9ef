"""Attribution and modality: who says an event happened, and whether it happened, is claimed, denied or only planned.

The words come from ``frontwatch/data/attribution.json``; actors from the actor registry. A party's own
report of its gain is a claim; a party conceding a loss, or an independent source, confirms.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from frontwatch.config import DATA_DIR
from frontwatch.reading.actors import ActorRegistry
from frontwatch.records import Actor, Attribution

ATTRIBUTION_FILE = DATA_DIR / "attribution.json"

# A possessive owner right before a generic phrase: "the SNA's ministry of defence" (the owner's own body).
_OWNER = re.compile(r"\b([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})['’]s?\s+$")
# Speakers joined in one subject: "the army and a war monitor said", "officials and residents told".
_JOINED_SPEAKERS = re.compile(r"\s+and\s+|\s+as well as\s+")
# Independent voices: one of these beside a party's claim makes the event confirmed.
_INDEPENDENT = ("official", "security source", "local official", "resident", "media")
_QUOTES = "\"“”‘’'«»"
# Where a clause ends: the speaker of a verb is named after it, and modal words do not reach past it.
_CLAUSE_END = re.compile(r"[;:—–]|,\s|\s--\s|[\"“”«»]|\b(?:after|as|when|while|but|because|before|although|"
                         r"though|who|which|where|whereas)\b", re.IGNORECASE)
# "Igor Konashenkov, the ministry's spokesman, has claimed": only an auxiliary between the apposition and its verb.
# Words that open a clause set against the one before: its speaker speaks of something else.
_CONTRAST_BEFORE = re.compile(r"\b(?:but|while|whereas|although|though|however|yet)[\s,]*$", re.IGNORECASE)
_CONTRAST_AT = re.compile(r"[\s,]*(?:but|while|whereas|although|though|however|yet)\b", re.IGNORECASE)
# Words between a speaker's apposition and the verb that name no one: "Yevgeny Prigozhin, on Saturday, claimed".
_AUXILIARIES = re.compile(r"\s*(?:(?:has|have|had|also|again|then|later|earlier|previously|however|now|already)\s+"
                          r"|(?:on|late|early|earlier|later|last|this)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
                          r"morning|afternoon|evening|night|week|month)s?,?\s+)+", re.IGNORECASE)
_INVERTING_VERBS = frozenset({"said", "says", "added", "adds", "wrote", "stated", "noted", "reported"})
# A finite verb after "said" means a reported clause ("said the town had fallen"), not an inverted speaker.
_FINITE = re.compile(r"\b(?:had|has|have|was|were|is|are|would|will|could|been|did|does)\b|n't", re.IGNORECASE)
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that|these|those|such|initial|earlier|"
                          r"media|news|unconfirmed|false)|['’]s)\s+$", re.IGNORECASE)
# When two adjacent phrases name one source ("a police spokesman"), the more specific kind holds.
_SPECIFICITY = ("security source", "local official", "resident", "media", "official", "other")
_STATE_KINDS = ("official", "security source", "local official")
_PARTISANS = re.compile(r"\b(?:bloggers?|channels?|accounts?|commentators?|war correspondents?)\b", re.IGNORECASE)
_DEMONYM_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[a-z]+\s+){0,2}$")
_TAIL = ":"  # the pseudo-verb of a headline's trailing source
_WORD = re.compile(r"[\w'’-]+")
_MAX_SENTENCE = 2000  # characters of a run-on "sentence" read around its event word
_MARKER_WINDOW = 8  # words between a modal marker and the event word it governs


@dataclass
class Attributed:
    """The modality of an event and the sources it is attributed to."""

    modality: str  # asserted | claimed | denied | planned | forecast | hypothetical
    attribution: list[Attribution] = field(default_factory=list)
    speaker: Actor | None = None  # the actor speaking, when it is a known actor
    quote_open: bool = False  # the sentence ends inside a quotation that the next sentence continues


def _phrases_re(phrases: list[str], plural: bool = False) -> re.Pattern[str] | None:
    """One case-insensitive whole-word pattern for a phrase list, longest phrase first."""
    if not phrases:
        return None
    suffix = r"(?:s|es)?" if plural else ""
    body = "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body}){suffix}(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class _Lexicon:
    """The words of attribution.json, compiled."""

    speech: re.Pattern[str]
    concession: frozenset[str]
    denial: re.Pattern[str]
    negation: re.Pattern[str]
    negation_exceptions: re.Pattern[str] | None
    markers: dict[str, re.Pattern[str]]
    sources: list[tuple[re.Pattern[str], str]]
    pronouns: frozenset[str]
    loss: re.Pattern[str]
    refutation: re.Pattern[str] | None
    own_loss: frozenset[str] = frozenset()  # "lost": told by a party with no taker, its own loss
    # "a claim that Konna had been recaptured was premature": the event a claim told, called untrue after it
    claim_that: re.Pattern[str] | None = None
    proved_false: re.Pattern[str] | None = None


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    with open(ATTRIBUTION_FILE, encoding="utf-8") as fh:
        data = json.load(fh)
    negations = [n for n in data["negations"] if n != "n't"]
    negation = re.compile(r"n['’]t(?![\w])|(?<![\w-])(?:" + "|".join(re.escape(n) for n in negations) + r")(?![\w-])",
                          re.IGNORECASE)
    sources = []
    for group in data["sources"]:
        # Proper names (Reuters, AFP) match as written; common nouns in any case, singular or plural.
        common = [p for p in group["phrases"] if not any(c.isupper() for c in p)]
        proper = [p for p in group["phrases"] if any(c.isupper() for c in p)]
        if common:
            sources.append((_phrases_re(common, plural=True), group["kind"]))
        if proper:
            sources.append((re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(p) for p in proper) + r")(?![\w-])"),
                            group["kind"]))
    return _Lexicon(
        speech=_phrases_re(data["speech_verbs"]),
        concession=frozenset(data["concession_verbs"]),
        denial=_phrases_re(data["denial_verbs"]),
        negation=negation,
        negation_exceptions=_phrases_re(data.get("negation_exceptions", [])),
        markers={kind: _phrases_re(data[kind]) for kind in ("planned", "forecast", "hypothetical")},
        sources=sources,
        pronouns=frozenset(p.lower() for p in data.get("pronouns", [])),
        loss=re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in data["loss_words"]) + ")", re.IGNORECASE),
        refutation=re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in data["denial_verbs"]) + r")\s+(?:[\w'’-]+\s+){0,3}?(?:"
            + "|".join(re.escape(n) for n in data.get("refuted_nouns", [])) + r")(?![\w-])(?!\s+(?:that|of)\b)",
            re.IGNORECASE) if data.get("refuted_nouns") else None,
        own_loss=frozenset(w.lower() for w in data.get("own_loss_words", [])),
        claim_that=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in data.get("refuted_nouns", []))
                              + r")\s+(?:[\w'’-]+\s+){0,4}?that\s+(?:[\w'’,-]+\s+){0,8}$", re.IGNORECASE)
        if data.get("refuted_nouns") else None,
        proved_false=re.compile(r"\s*(?:[\w'’-]+\s+){0,6}?(?:was|were|is|are|had\s+been|has\s+been|proved|"
                                r"proved\s+to\s+be|turned\s+out\s+to\s+be)\s+"
                                r"(?:(?:also|clearly|entirely|completely|quite)\s+)?(?:"
                                + "|".join(re.escape(w) for w in data.get("false_words", [])) + r")(?![\w-])",
                                re.IGNORECASE) if data.get("false_words") else None,
    )


def _speaker_regions(sentence: str) -> list[tuple[int, int, str, int]]:
    """Spans of the sentence that name a speaker, each with its speech verb and where that verb starts."""
    lex = _lexicon()
    regions: list[tuple[int, int, str, int]] = []
    for verb in lex.speech.finditer(sentence):
        if verb.group()[:1].isupper() and sentence[:verb.start()].strip(_QUOTES + " "):
            continue  # "the United States" is no speech verb; "According to" opens a sentence
        if _NOUN_BEFORE.search(sentence[max(0, verb.start() - 20):verb.start()]):
            continue  # "the Taliban's claim", "a claim": a noun, whose owner is not the sentence's speaker
        word = verb.group().lower()
        if word == "according to":
            rest = sentence[verb.end():]
            end = _CLAUSE_END.search(rest)
            regions.append((verb.end(), verb.end() + (end.start() if end else len(rest.rstrip(". "))), word,
                            verb.start()))
            continue
        before = sentence[:verb.start()]
        bounds = list(_CLAUSE_END.finditer(before))
        start = bounds[-1].end() if bounds else 0
        if re.fullmatch(r"\s*(?:(?:and|but|then|also|later)\s+)+", before[start:], re.IGNORECASE) and regions:
            # "Kyiv rejected this, and said ...": coordinated verbs share their subject.
            regions.append((regions[-1][0], regions[-1][1], word, verb.start()))
            continue
        if before[start:].strip() and not _AUXILIARIES.fullmatch(before[start:]):
            regions.append((start, verb.start(), word, verb.start()))
            continue
        # Inverted: '..., said the spokesman.' names the speaker after the verb, at the sentence's end.
        rest = sentence[verb.end():].rstrip(". " + _QUOTES)
        if word in _INVERTING_VERBS and rest.strip() and not _CLAUSE_END.search(rest) \
                and len(_WORD.findall(rest)) <= 8 and not re.match(r"\s*(?:that|on|in|at|late|earlier|during|by|to|"
                                                                   r"it|they|he|she)\b", rest) \
                and not _FINITE.search(rest):
            regions.append((verb.end(), verb.end() + len(rest), word, verb.start()))
            continue
        # "Serhiy Haidai, head of the regional administration, said": the speaker is the apposition before.
        if bounds and bounds[-1].group().startswith(","):
            segment_start = bounds[-3].end() if len(bounds) >= 3 else 0
            if len(bounds) >= 2 and not bounds[-2].group().startswith(","):
                segment_start = bounds[-2].end()
            words = len(_WORD.findall(before[segment_start:bounds[-1].start()]))
            if 0 < words <= 14:
                regions.append((segment_start, bounds[-1].start(), word, verb.start()))
                continue
    # A headline's trailing source: "Taliban could take Kabul in 90 days: US intelligence".
    tail = re.search(r":\s*([^:]{2,60}?)\s*$", sentence)
    if tail and len(tail.group(1).split()) <= 5:
        regions.append((tail.start(1), tail.end(1), _TAIL, tail.start(1)))
    return regions


def _governing_regions(regions: list[tuple[int, int, str, int]], trigger: tuple[int, int] | None,
                       sentence: str = "") -> list[tuple[int, int, str, int]]:
    """The speakers that report the event at ``trigger``: the nearest speech verb before it and the first after.

    Others belong to other clauses ("..., officials said, a day after the Taliban warned ..."), and so does a
    speaker after a contrast ("the Taliban said they had taken X, but the army said fighting went on").
    """
    if trigger is None:
        return regions
    # The speaker's own act ("the Taliban rejected the offer") is the event, not its source.
    regions = [r for r in regions if not (r[0] <= trigger[0] < r[1] or r[3] == trigger[0])]
    before = [r for r in regions if r[3] < trigger[0]]
    after = [r for r in regions if r[3] >= trigger[1] and not _contrasted(sentence, trigger[1], r[0])]
    chosen = []
    if before:
        last = max(r[3] for r in before)
        chosen += [r for r in before if r[3] == last]
    if after:
        first = min(r[3] for r in after)
        chosen += [r for r in after if r[3] == first]
        # "..., the army said, and residents and the French defence ministry confirmed": sources joined on
        verb_end = first + len(chosen[-1][2])
        for r in sorted(after, key=lambda r: r[3]):
            if r[3] > first and _JOINED_SOURCE.fullmatch(sentence, verb_end, r[0] + len(_AND_OPENING.match(
                    sentence, r[0]).group())):
                chosen.append(r)
                verb_end = r[3] + len(r[2])
    return chosen


_JOINED_SOURCE = re.compile(r"\s*,?\s*(?:(?:and|as)\s+(?:also\s+)?)?")
_AND_OPENING = re.compile(r"(?:(?:and|as)\s+(?:also\s+)?)?")


def _contrasted(sentence: str, trigger_end: int, region_start: int) -> bool:
    """Whether the speaker's clause at ``region_start`` opens with a contrast to the clause of the event word
    ("..., but a government spokesman said"); not a contrast further back ("..., while X withdrew, officials said")."""
    return _CONTRAST_BEFORE.search(sentence, trigger_end, region_start) is not None \
        or _CONTRAST_AT.match(sentence, region_start) is not None


def _joint_sources(region: str, verb: str, registry: ActorRegistry, focus_country: str | None,
                   protagonist: Actor | None) -> list[tuple[str, str | None, Actor | None]]:
    """The speakers of a region, each of "the Syrian National Army and a war monitor said" read on its own (a
    named party found in the region would otherwise hide the monitor beside it)."""
    parts = _JOINED_SPEAKERS.split(region)
    if len(parts) == 1:
        return _sources_in(region, verb, registry, focus_country, protagonist)
    found: list[tuple[str, str | None, Actor | None]] = []
    for part in parts:
        for source in _sources_in(part, verb, registry, focus_country, protagonist):
            if source not in found:
                found.append(source)
    return found


def _sources_in(region: str, verb: str, registry: ActorRegistry, focus_country: str | None,
                protagonist: Actor | None) -> list[tuple[str, str | None, Actor | None]]:
    """(source, kind or None for a party, actor) for each speaker named in a region."""
    found: list[tuple[str, str | None, Actor | None]] = []
    # The verb goes along so that a capital speaking ("Kyiv said") is read as its government.
    for start, _, actor in registry.find(f"{region} {verb}", focus_country):
        if start >= len(region):
            continue
        if actor.kind == "civilians":
            continue  # "residents told AFP": the source phrases below name them as residents
        if registry.is_party(actor):
            found.append((actor.name, None, actor))
        else:
            found.append((actor.name, "official", actor))
    if found:
        return found
    for start, _, phrase in registry.find_generic(region, focus_country):
        owner = _OWNER.search(region, 0, start)
        if owner:
            # "the SNA's ministry of defence", "Hamas's interior ministry": the owner's body, not the state's.
            # a capital stands for its government here too ("Kyiv's defence ministry")
            actor = registry.resolve(owner.group(1)) or next(
                (a for s, _, a in registry.find(f"{owner.group(1)} said") if s == 0), None)
            if actor is not None:
                return [(actor.name, None if registry.is_party(actor) else "official", actor)]
            continue
        actor = registry.resolve_generic(phrase, focus_country=focus_country, protagonist=protagonist)
        if actor is not None:
            return [(actor.name, None if registry.is_party(actor) else "official", actor)]
        if registry.generic_role(phrase) == "protagonist":
            return [(re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE), None, None)]
    # Longest phrase first across kinds: "social media" (other) over the "media" inside it.
    matches = sorted(((m, kind) for pattern, kind in _lexicon().sources for m in pattern.finditer(region)),
                     key=lambda mk: (mk[0].start() - mk[0].end(), mk[0].start()))
    taken: list[tuple[int, int, str]] = []
    for m, kind in matches:
        if any(m.start() < e and s < m.end() for s, e, _ in taken):
            continue
        taken.append((m.start(), m.end(), kind))
    # Adjacent phrases name one source: "a ministry spokesman", "a police official".
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(taken):
        if merged and not region[merged[-1][1]:start].strip():
            last = merged[-1]
            merged[-1] = (last[0], end, min(last[2], kind, key=_SPECIFICITY.index))
        else:
            merged.append((start, end, kind))
    for s, e, kind in merged:
        # "a Russian official", "a senior Ukrainian military source": the demonym says whose voice it is.
        # "Russian military bloggers", "pro-Ukrainian Telegram channels": a side's partisans claim for it.
        if _PARTISANS.search(region, s, e):
            actor = _partisans_side(region[:s], registry)
        else:
            demonym = _DEMONYM_BEFORE.search(region, 0, s)
            actor = registry.of_demonym(demonym.group(1)) if demonym and kind in _STATE_KINDS else None
        if actor is not None and registry.is_party(actor):
            found.append((actor.name, None, actor))
        else:
            found.append((region[s:e], kind, None))
    return _dedupe(found)


def _partisans_side(before: str, registry: ActorRegistry) -> Actor | None:
    """The side of partisans named by a people's adjective within the three words before them ("several
    Russian military bloggers", "pro-Ukrainian Telegram channels"), if any."""
    for word in reversed(before.split()[-3:]):
        actor = registry.of_demonym(word.removeprefix("pro-").removeprefix("Pro-"))
        if actor is not None:
            return actor
    return None


def _names_only_a_source(region: str, named: list[tuple[str, str | None, Actor | None]],
                         registry: ActorRegistry) -> bool:
    """Whether a headline's tail is just a source ("US intelligence", "EU official"), ending on its name."""
    tail = region.rstrip(" .")
    if not named:
        return False
    ends = [end for _, end, _ in registry.find(tail)]
    ends += [m.end() for pattern, _ in _lexicon().sources for m in pattern.finditer(tail)]
    return len(tail) in ends


def _dedupe(found: list[tuple[str, str | None, Actor | None]]) -> list[tuple[str, str | None, Actor | None]]:
    """Each source once, in the order named."""
    seen, out = set(), []
    for source, kind, actor in found:
        key = (actor.name if actor else source.lower(), kind)
        if key not in seen:
            seen.add(key)
            out.append((source, kind, actor))
    return out


def _marker_modality(sentence: str, trigger: tuple[int, int] | None) -> str | None:
    """hypothetical, denied, planned or forecast, from the words before the event word; else None."""
    lex = _lexicon()
    end = trigger[0] if trigger else len(_main_clause(sentence))
    head = sentence[:end]
    if _modal_words(lex.markers["hypothetical"], sentence, 0, len(sentence), opening_only=True):
        return "hypothetical"
    clause_start = max([m.end() for m in _CLAUSE_END.finditer(head)] or [0]) if trigger else 0
    near = end - len(_last_words(head[clause_start:], _MARKER_WINDOW)) if trigger else 0
    if _modal_words(lex.markers["hypothetical"], sentence, near, end):
        return "hypothetical"
    if _denied(sentence, head, trigger):
        return "denied"
    if _negated(head[clause_start:], trigger is not None):
        return "denied"
    found = sorted((m.start(), kind) for kind in ("planned", "forecast")
                   for m in _modal_words(lex.markers[kind], sentence, near, end))
    if not found:
        return None
    # The marker nearest the event word governs it; a sentence read whole goes by its first.
    return found[-1][1] if trigger else found[0][1]


def _modal_words(pattern: re.Pattern[str] | None, sentence: str, start: int, end: int,
                 opening_only: bool = False) -> list[re.Match[str]]:
    """Matches of a marker list in ``sentence[start:end]``; capitalised only where the sentence opens.

    "May" inside a sentence is the month, not the modal; "If" opens a conditional sentence.
    """
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(sentence, start, end):
        opens = not sentence[:m.start()].strip(_QUOTES + " ")
        if opening_only and not opens:
            continue
        if m.group()[:1].isupper() and not opens:
            continue
        found.append(m)
    return found


def _main_clause(sentence: str) -> str:
    """The sentence up to the end of its first clause of some length: what is read when no event word is given."""
    start = 0
    for m in _CLAUSE_END.finditer(sentence):
        if len(_WORD.findall(sentence[start:m.start()])) >= 5:
            return sentence[:m.start()]
        start = m.end()
    return sentence


def _last_words(text: str, n: int) -> str:
    """The tail of ``text`` holding its last ``n`` words."""
    words = list(_WORD.finditer(text))
    return text[words[-n].start():] if len(words) > n else text


def _denied(sentence: str, head: str, trigger: tuple[int, int] | None) -> bool:
    """A denial verb whose complement holds the event: "denied that the city had fallen", "rejected claims"."""
    lex = _lexicon()
    denials = list(lex.denial.finditer(head))
    if not denials:
        return False
    last = denials[-1]
    if trigger and last.end() >= trigger[0]:
        return False  # the denial is the event itself ("rejected the offer")
    between = head[last.end():]
    # "Kyiv rejected this, and said it had driven them out": the event is asserted in a new clause.
    return not re.search(r"[;:]|,\s+and\b|\b(?:said|says|added|told|saying)\b", between)


def _negated(text: str, before_trigger: bool) -> bool:
    """A negation governing the event: close before its word, or anywhere in a sentence read whole."""
    lex = _lexicon()
    for m in lex.negation.finditer(text):
        if lex.negation_exceptions and lex.negation_exceptions.match(text, m.start()):
            continue
        if not before_trigger:
            return True
        if len(_WORD.findall(text[m.end():])) <= 4:
            return True
    return False


def attribute(sentence: str, trigger: tuple[int, int] | None = None, *,
              previous: Attributed | None = None, registry: ActorRegistry | None = None,
              focus_country: str | None = None, protagonist: Actor | None = None,
              holder: str | None = None, quoted: bool | None = None) -> Attributed:
    """The modality and sources of the event at ``trigger`` (sentence-relative), else of the main clause.

    ``previous`` is the attribution of the sentence before: a quotation or "he said" with no speaker of its
    own inherits it. ``quoted`` says whether the sentence lies inside a quotation (see ``inside_quotation``);
    by default a sentence that opens or closes with a quotation mark counts. ``holder`` (the side the event
    favours, e.g. a control change's new holder) tells a party's claim of its own gain from its concession
    of a loss; without it, a party speaking is a claim unless it confirms a loss ("confirmed the fall of").
    """
    if len(sentence) > _MAX_SENTENCE:
        # No sentence is this long: read the stretch around the event word, not a whole run-on text.
        lo = max(0, (trigger[0] if trigger else 0) - _MAX_SENTENCE // 2)
        shifted = (trigger[0] - lo, trigger[1] - lo) if trigger else None
        return attribute(sentence[lo:lo + _MAX_SENTENCE], shifted, previous=previous, registry=registry,
                         focus_country=focus_country, protagonist=protagonist, holder=holder, quoted=quoted)
    registry = registry or ActorRegistry.default()
    lex = _lexicon()
    attribution: list[Attribution] = []
    speaker: Actor | None = None
    claimed = independent = False
    inherited = False
    refuted = False
    for start, end, verb, verb_start in _governing_regions(_speaker_regions(sentence), trigger, sentence):
        if trigger is not None and verb_start >= trigger[1] and lex.denial.fullmatch(verb):
            # "..., Kyiv rejected the claim": a speaker who denies the event after it is no source for it.
            refuted = True
            continue
        region = sentence[start:end].strip(" ,")
        if region.lower().strip(_QUOTES + " ") in lex.pronouns:
            inherited = True
            continue
        named = _joint_sources(region, "said" if verb == _TAIL else verb, registry, focus_country, protagonist)
        if verb == _TAIL and not _names_only_a_source(region, named, registry):
            continue  # "Read more: the Taliban's advance since May" names no source
        trigger_word = sentence[trigger[0]:trigger[1]] if trigger else ""
        for source, kind, actor in named:
            if kind is None:
                kind = _party_kind(actor, verb, trigger_word, holder, registry)
            if any(a.source == source and a.kind == kind for a in attribution):
                continue
            attribution.append(Attribution(source, kind))
            speaker = speaker or actor
            claimed |= kind == "belligerent"
            independent |= kind in _INDEPENDENT
    was_open = previous.quote_open if previous is not None else False
    if quoted is None:
        quoted = was_open or _is_quotation(sentence)
    if not attribution and previous is not None and (inherited or quoted):
        attribution = list(previous.attribution)
        speaker = previous.speaker
        claimed = any(a.kind == "belligerent" for a in attribution)
        independent = any(a.kind in _INDEPENDENT for a in attribution)
    modality = _marker_modality(sentence, trigger)
    if modality is None and refuted and not attribution:
        modality = "denied"
    if modality is None and trigger is not None and _called_false(sentence, trigger):
        modality = "denied"
    if modality is None:
        modality = "claimed" if claimed and not independent else "asserted"
    return Attributed(modality, attribution, speaker, quote_open=_ends_inside_quotation(sentence, was_open))


def _called_false(sentence: str, trigger: tuple[int, int]) -> bool:
    """Whether the event is told as the content of a claim that the sentence then calls untrue: "an earlier army
    claim that Konna had been recaptured was premature"."""
    lex = _lexicon()
    if lex.claim_that is None or lex.proved_false is None:
        return False
    return lex.claim_that.search(sentence, max(0, trigger[0] - 120), trigger[0]) is not None \
        and lex.proved_false.match(sentence, trigger[1], trigger[1] + 120) is not None


@lru_cache(maxsize=1)
def media_names() -> tuple[str, ...]:
    """The outlets and agencies attribution.json names ("Reuters", "Kyiv Independent"), as written."""
    with open(ATTRIBUTION_FILE, encoding="utf-8") as fh:
        data = json.load(fh)
    return tuple(p for group in data["sources"] if group["kind"] == "media" for p in group["phrases"]
                 if any(c.isupper() for c in p))


def refutes_earlier(sentence: str) -> bool:
    """Whether the sentence denies a claim made before it ("Kyiv rejected the claim"), not an event it names.

    "denied claims that the town had fallen" names its event, and is read as a denial of that event instead.
    """
    rx = _lexicon().refutation
    return rx is not None and rx.search(sentence) is not None


def tells_own_loss(trigger_word: str) -> bool:
    """Whether an event word told by a party, with no one named taking the place, is that party's loss ("the
    rebels confirmed Brega had been lost")."""
    words = trigger_word.lower().split()
    return bool(words) and words[-1] in _lexicon().own_loss


def tells_a_loss(trigger_word: str) -> bool:
    """Whether an event word names a loss for the side it happens to ("fell", "withdrew", "lost"): told by a
    party with no taker named, it may be that party's own loss; "was captured" may not."""
    return _lexicon().loss.search(trigger_word) is not None


def _party_kind(actor: Actor | None, verb: str, trigger_word: str, holder: str | None,
                registry: ActorRegistry) -> str:
    """A party speaking: "belligerent" when it claims its own gain, "official" when it concedes a loss."""
    if holder is not None:
        concedes = actor is not None and registry.side(actor) != holder
    else:
        concedes = verb in _lexicon().concession and tells_a_loss(trigger_word)
    return "official" if concedes else "belligerent"


def _is_quotation(sentence: str) -> bool:
    """A sentence that opens with a quotation mark, or closes a quotation it did not open."""
    text = sentence.strip()
    if not text:
        return False
    if text[0] in "\"“«":
        return True
    return text[-1] in "\"”»" and not _ends_inside_quotation(text[:-1], False)


def _ends_inside_quotation(sentence: str, open_before: bool) -> bool:
    """Whether a quotation is still open after ``sentence``, given whether one was open before it."""
    state = open_before
    for char in sentence:
        if char == '"':
            state = not state
        elif char in "“«":
            state = True
        elif char in "”»":
            state = False
    return state


def inside_quotation(text: str, offset: int) -> bool:
    """Whether ``offset`` in ``text`` (a paragraph or article) lies inside an open quotation."""
    return _ends_inside_quotation(text[:offset], False)
