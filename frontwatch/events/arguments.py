"""Reading an event's arguments around its trigger: the place it happens at, who acts, and the numbers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from frontwatch.events.lexicon import LAST_POST, Lexicon, Trigger
from frontwatch.records import Actor, Toponym

# Places where fighting changes hands; a country or province is never "taken" by one sentence.
LOCAL_FEATURES = ("city", "site", "admin2")

# (after an optional other name in brackets: "Theinni (Hsenwi) fell")
_GAP_BEFORE = re.compile(r"^\)?(?:\s*\([^()]{1,40}\))?[\s,]*(?:(?:[a-z][\w'’-]*|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\s+){0,5}$")
# "the city" standing for the city last named ("a security source confirmed the fall of the city").
# One word may describe it ("entered the ancient city"), unless the word points to another town ("the nearby
# town", "the next village", "the biggest city in the north").
_ANAPHOR_AFTER = re.compile(r"^\s*(?:the|this|that|his|its|their) (?:(?!(?:nearby|neighbou?ring|other|next|new|"
                            r"second|third|first|last|only|same-named|[a-z-]+est)\b)[a-z-]+ )?"
                            r"(?:city|town|village|provincial capital|settlement)(?![\w'’-])(?! of)")
_ANAPHOR_BEFORE = re.compile(r"(?<!of )(?:[Tt]he|[Tt]his|[Tt]hat) (?:city|town|village|provincial capital|settlement)"
                             r"\s+(?:[a-z]+\s+){0,3}$")
# A trigger with no object of its own ("government forces pulled out early Friday").
_NO_OBJECT = re.compile(r"^\s*(?:$|[.,;:!?\")—–-]|(?:on|in|at|after|before|early|late|earlier|later|overnight|"
                        r"last|this|yesterday|today|and|as|when|while|following|amid|en|under|without|by|to)\b)")
_CLAUSE_END = re.compile(r"[,;:.!?\"()—–]| -- ")
_PREPOSITION = re.compile(r"\b(?:in|into|inside|across|against|from|to|towards|near|at|for|with|of|over|on)\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)
# "units of the Armed Forces of Ukraine entered ...", "forces loyal to the Government of National Accord seized
# ...": a party's own troops, or those fighting for it, act for it.
_FORCES_OF = re.compile(r"\b(?:units?|troops|soldiers|forces|fighters|members|elements|detachments|servicemen|"
                        r"brigades?|battalions?|regiments?|divisions?|formations?|militias?|groups?|gunmen|men|"
                        r"islamists|militants|rebels|insurgents|jihadists|combatants|volunteers|mercenaries|"
                        r"paratroopers|commandos|special\s+forces)\s+"
                        r"(?:of|(?:loyal|allied|aligned|affiliated|linked)\s+(?:to|with))\s+(?:the\s+)?$",
                        re.IGNORECASE)
# A clause whose subject is armed men the sentence does not name: "..., days after fighters took Kibumba".
_UNNAMED_SUBJECT = re.compile(r"(?:[,;]|\b(?:after|as|when|while|before|since|until|and|but))\s+(?:the\s+)?"
                              r"(?:fighters|gunmen|militants|militiamen|insurgents|jihadists|assailants|attackers)\s+"
                              r"(?:(?:have|has|had|then|later|also|reportedly|eventually|finally)\s+){0,2}$")
_WHERE_BEFORE = re.compile(r"\b(?:in|inside|into|near|at|from|across|around|outside)\s+(?:the\s+)?$", re.IGNORECASE)
# "east of Kyiv, implying some settlements had been recaptured": the passive's subject is the plural ground.
_PLURAL_GROUND = re.compile(r"\b(?:settlements|villages|towns|cities|localities|areas|districts|positions)\b")
_MODIFIER_OF = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}of\s+")
# "60 km from Kabul", "left for Kabul", "fleeing to Benghazi": a town named as a bearing is not the one "the city"
# goes back to.
_REFERENCE_POINT = re.compile(r"\b(?:for|towards?|near|outside|beyond|than|(?:north|south|east|west)(?:-?(?:east|west))?"
                              r"\s+of|(?:km|kilometres|kilometers|miles)\s+(?:of|from)|(?:roads?|routes?|highways?|"
                              r"way|lines?|corridors?)\s+(?:to|from|into|linking)|(?:fled|flee|flees|fleeing|escaped|escaping|"
                              r"evacuated|retreated|retreating|headed|heading)\s+(?:back\s+)?to)\s+(?:the\s+)?$",
                              re.IGNORECASE)
# "the Balkh provincial council", "the Luhansk region": the name stands for a region, not a town.
_REGION_AFTER = re.compile(r"\s+(?:province|provincial|region|regional|oblast|district|governor)\b", re.IGNORECASE)
_BY_AGENT = re.compile(r"^\s+by\s+(?:the\s+)?$")
_CAUSE_BEFORE = re.compile(r"\s(?:in|during|after)\s+(?:an?\s+|the\s+)?$")
_CAUSES = (r"(?:firing|fire|shooting|gunfire|shelling|strikes?|air\s?strikes?|drone\s+strikes?|raids?|crackdown|action|"
           r"operations?|attacks?|bombing|bombardment|offensive)\b")
_CAUSE_AFTER = re.compile(r"\s*(?:[\w-]+\s+)?" + _CAUSES, re.IGNORECASE)
_DEMONYM_CAUSE = re.compile(r"\s+(?:in|during|after)\s+(?:an?\s+|the\s+)?([A-Z][a-z]+)\s+(?:[\w-]+\s+)?" + _CAUSES)
_DEMONYM_JUST_BEFORE = re.compile(r"(?:^|\s)(?:an?\s+|the\s+)?([A-Z][a-z]+)\s+$")
# "civilians were killed", "three men were detained": the name is the subject of the passive, whom it befell.
_PASSIVE_SUBJECT = re.compile(r"\s+(?:was|were|have been|has been|had been|are|is)\s+(?:[a-z]+ly\s+|also\s+)?$",
                              re.IGNORECASE)
# "Druze groups are taking over the city" (a progressive), "the army was in control of" (a state): a be-verb
# before these is no passive.
_NOT_PARTICIPLE = re.compile(r"(?:[A-Za-z]+ing|in|under|inside)\b")
# "... thousands who fled Khartoum": a relative pronoun just before the deed; its antecedent is what stands just
# before the pronoun, so a party named earlier acts only when it is that antecedent ("the RSF, who took ...").
_RELATIVE = re.compile(r"\b(?:who|that|which)\s+(?:(?:had|has|have|also|then|later|reportedly)\s+){0,2}$")
_ANTECEDENT_GAP = re.compile(r"\s*,?\s*")
# ", the (strategic) town that": an apposition whose relative clause tells of the town just named.
_TOWN_WHICH = re.compile(r"\s*,\s*(?:the|a)\s+(?:[a-z-]+\s+){0,2}(?:town|city|village|capital|settlement|hub|port)"
                         r"\s+(?:that|which)\s+(?:(?:had|has|have)\s+)?(?:(?:also|finally|already)\s+)?")
# "Ansar Dine, whose leader Iyad Ag Ghaly comes from Kidal, entered the town", "the group's fighters, alongside
# MUJAO men, had taken the town": a relative clause or a company set off by commas just before the deed describes
# the subject; a party named inside it does not act.
_RELATIVE_ASIDE = re.compile(r",\s+(?:whose|who|which|alongside|along\s+with|together\s+with|backed\s+by|"
                             r"supported\s+by|aided\s+by|with\s+the\s+(?:help|support|backing)\s+of)"
                             r"\s[^,;]{1,100},\s*$")
# "Minova, a town that supplies Goma", "Goma, which relies on boats from Bukavu": a town named inside a relative
# clause about another is not what "the town" later means.
_INSIDE_RELATIVE = re.compile(r"(?:,\s*(?:which|where|whose)|\b(?:town|city|village|settlement|hub|port|area|road|"
                              r"route|region|district)(?:\s+[\w'’-]+){0,4}?\s+that)\s[^,;.:!?\"“”()]*$")
# "Syrian troops backed by Russian air strikes retook Palmyra": the backer named after "backed by" does not act.
_BACKER = re.compile(r"\b(?:backed|supported|aided|assisted|helped|covered|escorted)\s+by\s+(?:the\s+)?(?:[\w-]+\s+)?$"
                     r"|\bwith\s+(?:the\s+)?(?:help|support|backing|cover)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# A deed whose words end by naming its taker after them: "fell to", "in the hands of", "captured by".
NAMES_ITS_TAKER = re.compile(r"\b(?:to|by|of)$")
_DETERMINERS = re.compile(r"^\s*(?:the\s+|their\s+|its\s+)?$")
_AGENT_LINK = re.compile(r"^\s*(?:to|by|into the hands of|in the hands of|under (?:the )?(?:full |complete |total )?"
                         r"control of)\s+(?:the\s+)?$")
# "took two more capitals on Tuesday, Farah and ...", "seized the towns of Rastan and Talbiseh"
_PLURAL_OBJECT = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:provincial capitals|capitals|cities|towns|villages|settlements|"
                            r"district centres|district centers|districts)\b(?:\s+of|[^.;:]{0,40}?(?:,|:|\s—|\s–|\s-))\s+")
_LIST_GAP = re.compile(r"(?:\s+in the (?:far )?(?:north|south|east|west|north-?east|north-?west|south-?east|"
                       r"south-?west|centre|center)(?:ern)?)?\s*(?:,|and|, and)\s+$")
_LAST_JOINED = re.compile(r"\s*,?\s+and\s+$")
_LISTED = re.compile(r"\s*,\s+$")
_WORD = re.compile(r"[\w'’-]+")
_COORDINATED = re.compile(r"^(?:\s*,[^,;.]{0,60},)?\s*(?:,|and|, and|as well as)\s+(?:the (?:city|town|village) of\s+)?$")
_LOCATIVE = re.compile(r"(?:^|\W)(?:in|In|at|At|on|On|near|Near|around|Around)\s+(?:the (?:city|town|village) of\s+)?$")


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named or referred to in the sentence (offsets relative to the sentence)."""

    start: int
    end: int
    actor: Actor


def object_text(sentence: str, trigger: Trigger) -> str:
    """The words after the trigger up to the end of its clause."""
    rest = sentence[trigger.end:]
    m = _CLAUSE_END.search(rest)
    return rest[: m.start()] if m else rest


def has_object(sentence: str, trigger: Trigger) -> bool:
    return _NO_OBJECT.match(sentence[trigger.end:]) is None


def place_of(sentence: str, trigger: Trigger, toponyms: list[tuple[int, int, Toponym]],
             antecedent: Toponym | None, gap: re.Pattern[str], loose: bool = False) -> Toponym | None:
    """The toponym the trigger's event happens at; ``toponyms`` are sentence-relative and resolved."""
    if trigger.place_side == "after":
        gap_from = trigger.end
        for start, end, top in toponyms:
            if start < trigger.end:
                continue
            # Only words that describe the place may come between ("the key eastern town of"): "the
            # building of the city council" is not the city.
            if not gap.match(sentence[gap_from:start]):
                break
            if sentence[end:end + 2] in ("'s", "’s"):
                continue  # "Ukraine's Kherson city": the possessive names where, not what
            modifier = _MODIFIER_OF.match(sentence, end)
            if modifier and top.place and top.place.feature not in LOCAL_FEATURES:
                gap_from = modifier.end()  # "the Black Sea outpost of Snake Island": the sea only says where
                continue
            return top
        if _ANAPHOR_AFTER.match(sentence[trigger.end:]):
            return antecedent
        if loose:
            # Events that move no holder may take a place named a little further on, past an apposition
            # ("encircled the biggest city in the north, the bastion of Mazar-i-Sharif").
            for start, _end, top in toponyms:
                if trigger.end <= start <= trigger.end + 90 and top.place and top.place.feature in LOCAL_FEATURES:
                    return top
    elif trigger.place_side == "before":
        before = [(s, e, t) for s, e, t in toponyms if e <= trigger.start]
        head = _apposition_head(sentence, before, trigger.start)
        if head is not None:
            return head  # "Pul-e-Khumri, the capital on the highway linking Kabul to the north, had fallen"
        if before:
            start, end, top = before[-1]
            gap_text = sentence[end:trigger.start]
            if _TOWN_WHICH.fullmatch(gap_text):
                return top  # "clashes near Sake, the town that fell to the rebels on Thursday"
            # "pictures said to be taken in Soledar had been taken elsewhere": a place after a preposition is
            # where, not the subject the passive takes.
            if _GAP_BEFORE.match(gap_text) and (not _WHERE_BEFORE.search(sentence[:start])
                                                 or LAST_POST.search(sentence[:start])) \
                    and not _PLURAL_GROUND.search(gap_text):
                return top
        if _ANAPHOR_BEFORE.search(sentence[: trigger.start]):
            return antecedent
    return None


def _apposition_head(sentence: str, before: list[tuple[int, int, Toponym]], trigger_start: int) -> Toponym | None:
    """The place an apposition closed just before the trigger describes: the passive's subject, not the places
    named inside the apposition."""
    closing = sentence[:trigger_start].rstrip()
    if not closing.endswith(",") or not before:
        return None
    inner_start = before[-1][0]
    opening = sentence.rfind(",", 0, inner_start)
    inside = sentence[opening + 1:len(closing) - 1]
    if opening < 0 or "," in inside or len(_WORD.findall(inside)) > 16:
        return None
    heads = [(s, e, t) for s, e, t in before if e <= opening and not sentence[e:opening].strip()]
    if not heads or _WHERE_BEFORE.search(sentence[:heads[-1][0]]):
        return None
    return heads[-1][2]


def coordinated_places_before(sentence: str, first: Toponym, toponyms: list[tuple[int, int, Toponym]],
                              offset: int) -> list[Toponym]:
    """Places listed before the first with it as the subject ("Farah and Pul-e-Khumri were taken", "Kunduz,
    Sar-e Pul and Taloqan fell"): the last joined by "and", any before it by commas."""
    found: list[Toponym] = []
    start = first.start - offset
    joiner = _LAST_JOINED
    for s, e, top in reversed([t for t in toponyms if t[1] <= start]):
        if not joiner.match(sentence, e, start) or not top.place or top.place.feature not in LOCAL_FEATURES:
            break
        found.append(top)
        start, joiner = s, _LISTED
    if found and _WHERE_BEFORE.search(sentence[:start]):
        return []  # "fighting in Herat and Kandahar": where, not what
    return list(reversed(found))


def listed_places(sentence: str, trigger: Trigger, toponyms: list[tuple[int, int, Toponym]]) -> list[Toponym]:
    """The towns listed after a counted plural object ("took two more provincial capitals on Tuesday, Farah in
    the west and Pul-e-Khumri in the north"), in order; none when no list follows."""
    m = _PLURAL_OBJECT.match(sentence, trigger.end)
    if not m:
        return []
    found: list[Toponym] = []
    end = m.end()
    for s, e, top in toponyms:
        if s < m.end():
            continue
        if (s != end) if not found else not _LIST_GAP.match(sentence, end, s):
            break
        if top.place is None or top.place.feature not in LOCAL_FEATURES:
            break
        found.append(top)
        end = e
    return found


def may_be_referred_back(text: str, top: Toponym) -> bool:
    """Whether "the city" after ``top`` (article offsets) may mean it: a town, not a bearing, a province, or a
    town named inside a relative clause about another ("Minova, a town that supplies Goma", "Goma, which depends
    on boats from Bukavu")."""
    return top.place is not None and top.place.feature in LOCAL_FEATURES \
        and not _REFERENCE_POINT.search(text, max(0, top.start - 24), top.start) \
        and not _REGION_AFTER.match(text, top.end) \
        and not _INSIDE_RELATIVE.search(text, max(0, top.start - 120), top.start)


def coordinated_places(sentence: str, first: Toponym, toponyms: list[tuple[int, int, Toponym]],
                       offset: int) -> list[Toponym]:
    """Places joined to the first by "and" or commas ("captured Gardez, the capital of Paktia, and Sharana")."""
    found: list[Toponym] = []
    end = first.end - offset
    for start, stop, top in toponyms:
        if start < end:
            continue
        if not _COORDINATED.match(sentence[end:start]):
            continue  # e.g. the province inside an apposition: look past it
        if sentence[stop:stop + 2] in ("'s", "’s"):
            break  # "Soledar, Moscow's defence ministry said": whose ministry, not another town taken
        if top.place and top.place.feature in LOCAL_FEATURES:
            found.append(top)
            end = stop
    return found


def locative_place(sentence: str, toponyms: list[tuple[int, int, Toponym]]) -> Toponym | None:
    """A place the sentence sets its scene in ("In Kandahar, ...", "fighting in Bakhmut")."""
    for start, _end, top in toponyms:
        if top.place and top.place.feature in LOCAL_FEATURES and _LOCATIVE.search(sentence[max(0, start - 30):start]):
            return top
    return None


def agent_of(sentence: str, trigger: Trigger, mentions: list[Mention],
             demonym: Callable[[str], Actor | None] | None = None) -> Mention | None:
    """The party acting: the nearest mention before an active trigger, or after a passive one ("fell to X").

    ``demonym`` reads a people's adjective as its state ("in a Russian air strike": Russia)."""
    if trigger.agent_side == "before":
        # "was detained by Russian soldiers", "were killed by the militants": a passive names its agent after "by";
        # "died in police firing", "were killed in a Russian air strike" name it by the deed's cause
        for m in mentions:
            if trigger.end <= m.start <= trigger.end + 12 and _BY_AGENT.match(sentence[trigger.end:m.start]):
                return m
            if trigger.start < m.start <= trigger.end + 16 and _CAUSE_BEFORE.search(sentence, 0, m.start) \
                    and _CAUSE_AFTER.match(sentence, m.end):
                return m
        if demonym is not None:
            # "killed in a Russian air strike"; "a Russian air strike" (the adjective just before the deed)
            for cause in (_DEMONYM_CAUSE.match(sentence, trigger.end),
                          _DEMONYM_JUST_BEFORE.search(sentence, 0, trigger.start)):
                actor = demonym(cause.group(1)) if cause else None
                if actor is not None:
                    return Mention(cause.start(1), cause.end(1), actor)
        # "As Russian forces advance in Ukraine, its military said it had captured ...": a name after a
        # preposition is where or against whom, not who acts.
        before = [m for m in mentions if m.end <= trigger.start and (not _PREPOSITION.search(sentence[:m.start])
                                                                      or _FORCES_OF.search(sentence[:m.start]))
                  and not _BACKER.search(sentence, max(0, m.start - 40), m.start)]
        if before and trigger.family.control != "abandoned" and not _NOT_PARTICIPLE.match(sentence, trigger.start) \
                and _PASSIVE_SUBJECT.match(sentence, before[-1].end, trigger.start):
            return None  # "Five civilians were killed": whom the deed befell ("troops were withdrawn" did leave)
        if before and _UNNAMED_SUBJECT.search(sentence, before[-1].end, trigger.start):
            return None  # "... any attack by the army, days after fighters took Kibumba": unnamed men acted
        aside = _RELATIVE_ASIDE.search(sentence, 0, trigger.start)
        if aside and before and before[-1].start > aside.start():
            before = [m for m in before if m.end <= aside.start()]
        relative = _RELATIVE.search(sentence, 0, trigger.start)
        if before and relative and not _ANTECEDENT_GAP.fullmatch(sentence, before[-1].end, relative.start()):
            return None  # "a refuge for thousands who fled Khartoum": the pronoun's people, not the named party
        if not before:
            return None
        return _lead_of_allies(sentence, before)
    if trigger.agent_side == "after":
        # Only a party the trigger hands the place to ("fell to X", "captured by X", "under X's control"):
        # "had fallen after government forces withdrew" names who lost it.
        linked = NAMES_ITS_TAKER.search(sentence, trigger.start, trigger.end) is not None
        for m in mentions:
            if m.start < trigger.end or m.start - trigger.end > 60:
                continue
            gap = sentence[trigger.end:m.start]
            if (linked and _DETERMINERS.match(gap)) or _AGENT_LINK.match(gap):
                return m
    return None


# "the joint forces of the TNLA and the Mandalay People's Defence Force captured": armed groups named together
_ALLIED_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+with|,?\s+alongside)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?")
_GROUP_KINDS = ("rebel", "militia")


def _lead_of_allies(sentence: str, before: list[Mention]) -> Mention:
    """The acting party among those named just before the deed: the nearest, unless armed groups are named
    together ("the KIA and the Kachin PDF captured"), where the first named leads."""
    lead = before[-1]
    for m in reversed(before[:-1]):
        if lead.actor.kind not in _GROUP_KINDS or m.actor.kind not in _GROUP_KINDS \
                or not _ALLIED_GAP.fullmatch(sentence, m.end, lead.start):
            break
        lead = m
    return lead


def allies_of(sentence: str, agent: Mention, mentions: list[Mention]) -> list[Actor]:
    """The armed groups named together with the acting one ("the KIA and the Kachin PDF"): not its enemies."""
    run = [agent]
    for m in mentions:
        if m.start >= run[-1].end and m.actor.kind in _GROUP_KINDS and agent.actor.kind in _GROUP_KINDS \
                and _ALLIED_GAP.fullmatch(sentence, run[-1].end, m.start):
            run.append(m)
    return [m.actor for m in run[1:]]


def target_of(trigger: Trigger, mentions: list[Mention], actor: Actor | None) -> Actor | None:
    """The party acted upon: the first other actor named after the trigger in its clause."""
    if trigger.agent_side != "before":
        return None
    for m in mentions:
        if m.start >= trigger.end and m.start - trigger.end <= 80 and (actor is None or m.actor.name != actor.name):
            return m.actor
    return None


def names_person(sentence: str, trigger: Trigger, persons: list[tuple[int, int]], lexicon: Lexicon) -> bool:
    """Whether the trigger's object (or passive subject) is a person: a detention, not a place taken."""
    obj = object_text(sentence, trigger)
    # "seized by their fighters": the agent of a passive follows, not whom it seized.
    if not re.match(r"\s*by\b", obj):
        if lexicon.person_nouns.search(obj):
            return True
        if any(trigger.end <= s <= trigger.end + len(obj) + 1 for s, _ in persons):
            return True
    # "Ismail Khan was detained", "three persons were arrested": a person just before a passive trigger.
    before = sentence[max(0, trigger.start - 40):trigger.start]
    passive = re.search(r"\b(?:was|were|been|being|are|is)\s+(?:\w+\s+)?$", before)
    if passive and lexicon.person_nouns.search(before[: passive.start()]):
        return True
    return any(0 <= trigger.start - e <= 20 and re.search(r"\b(?:was|were|been)\s*$", sentence[e:trigger.start])
               for _, e in persons)


def names_territory(sentence: str, trigger: Trigger, lexicon: Lexicon) -> bool:
    """Whether the trigger's object is ground ("seized more cities"), not the agent of a passive ("by ...")."""
    obj = object_text(sentence, trigger)
    return not re.match(r"\s*by\b", obj) and lexicon.territory_nouns.search(obj) is not None


def quantities_of(sentence: str, lexicon: Lexicon) -> dict[str, float | int]:
    """Numbers the sentence gives for its units: {"troops": 3000, "killed": 12, "km": 50}."""
    found: dict[str, float | int] = {}
    for unit, patterns in lexicon.quantities.items():
        for rx in patterns:
            m = rx.search(sentence)
            if m:
                raw = m.group("n").replace(",", "").rstrip(".")
                if raw.lower() in lexicon.number_words:
                    found[unit] = lexicon.number_words[raw.lower()]
                    break
                try:
                    found[unit] = int(raw) if raw.isdigit() else float(raw)
                except ValueError:
                    continue
                break
    return found
