"""Articles -> event records: each trigger sentence read in the context of its report (places, parties, dates)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import islice

from frontwatch.events import arguments as args
from frontwatch.events.holding import GAINS, Parties, acled_type, control_change, described_holders
from frontwatch.events.credits import credit_spans, dateline_starts
from frontwatch.events.lexicon import Family, Lexicon, Trigger, default_lexicon
from frontwatch.events.sentences import Sentence, body_segments, read_sentences
from frontwatch.records import Actor, Article, Attribution, Event, Place, Segment, Toponym
from frontwatch.reading.actors import ActorRegistry, protagonist
from frontwatch.reading.attribution import Attributed, attribute, refutes_earlier, tells_a_loss, tells_own_loss
from frontwatch.reading.dates import ResolvedDate, date_of_sentence, days_after, parse_iso_date, year_named

# Articles whose paragraphs go through spaCy together (nlp.pipe batches across articles).
ARTICLES_PER_BATCH = 32

_RELATIVE_DEED = re.compile(r"\b(?:who|which)\s")
_LATER_CLAUSE = re.compile(r",\s*(?:which|who|where|since|after|before|when|while)\b|\s(?:since|after|before)\s|\s(?:—|--|–)\s|\(")
_OWNER_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")
_OWNED = re.compile(r"(?:\b(?:its|their|his|her|our)|['’]s|\d)\s+$")
# "the capital of", "the administrative centre of the": a province named for its seat.
_SEAT_OF = re.compile(r"\b(?:capital|centre|center|seat)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "the Upper Nile state capital", "the Helmand provincial capital": the unit's seat, named by its unit.
_THE_BEFORE_UNIT = re.compile(r"\bthe\s+$", re.IGNORECASE)
_UNIT_CAPITAL_AFTER = re.compile(
    r"(?:'s)?\s+(?:(?:state|provincial|province|regional|region|governorate)\s+)?capital\b", re.IGNORECASE)
# A report that opens by saying it is a party's statement: "[TNLA statement, translated]", "Statement of the Islamic
# Emirate:", "Telegram post by the MNDAA:".
_STATEMENT_HEADER = re.compile(r"\W{0,3}(?:(?:statement|communiqu[eé]|press\s+release|post|message)\s+(?:by|of|from)\s+"
                               r"(?:the\s+)?(?P<who>[^\]\n:.]{2,60}?)|(?P<whose>[^\]\n:.\[]{2,60}?)\s+(?:statement|"
                               r"communiqu[eé]|press\s+release|(?:Telegram\s+)?post|video\s+message))"
                               r"(?:,\s*translated)?\s*[\]:]", re.IGNORECASE)
_PROPER_NAME_BEFORE = re.compile(r"\b[A-Z][a-z][\w'’-]*\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“]\s+)(?:[A-Z][a-z]+\s+)?$")
# An armed group's name the registry lacks, as the subject right before the deed: "The Arakha Army (AA) took".
_NAMED_GROUP_BEFORE = re.compile(r"\b(?:[A-Z][\w'’-]+\s+){1,4}(?:Army|Front|Brigades?|Movement|Alliance|Militia)"
                                 r"(?:\s*\([A-Z]{2,6}\))?\s+(?:(?:has|have|had|then|now|also|later)\s+){0,2}$")
# A deed followed by its taker: "was captured by the forces of ...".
_BY_SOMEONE = re.compile(r"\s+(?:by|to)\s+(?!the\s+end\b)\w")
# A street named after another town ("Tripoli Street" in Misrata, "Jalalabad Road" in Kabul).
_STREET_AFTER = re.compile(r" (?:Street|Road|Avenue|Boulevard|Highway|Expressway)\b")
# "liberated the town from the terrorist PKK/YPG gangs": the party named right after "from".
_FROM_PARTY = re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w'’/-]+\s+){0,3}$")
# A live-blog entry's time stamp: "15:55 ...", "08.15 GMT - ...", "9:05am: ...".
_TIME_STAMP = re.compile(r"\s*\d{1,2}[:.]\d{2}(?:\s?(?:am|pm|a\.m\.|p\.m\.))?(?:\s?(?:GMT|UTC|BST|CET|EET|[A-Z]{3}))?\b")
# "Officials had denied on Friday that ...": a flashback, which dates itself but does not move the report's clock.
_FLASHBACK = re.compile(r"^\W*(?:[A-Z][\w'’-]*\s+){1,4}had\s+(?!been\s+\w+ing)")
# Armed groups whose names are never a place in a report about them.
_GROUP_KINDS = ("rebel", "militia")
# Segments that head what follows them (ingest marks them not body): "the city" under them may mean their town.
_HEADING_REASONS = ("title", "headline")
# A date named in an earlier paragraph dates the undated sentences after it only if it is this recent, in days
# before the report's publication; older, it is background.
BORROWED_DATE_MAX_DAYS = 30
# Control kinds told of the side that was at a place, with no object: "withdrew", "surrendered to the Taliban".
_LEFT_WHERE_THEY_WERE = ("abandoned", "received")
# "Our forces have today liberated ...", "our heroic fighters stormed", "we are in control of": a party speaking
# of its own forces.
_OUR_FORCES = re.compile(r"(?:\b[Oo]ur\s+(?:[\w-]+\s+){0,2}(?:forces|fighters|troops|units|soldiers|men|army|"
                         r"mujahideen|heroes|lions)|(?<![\w'’])[Ww]e)"
                         r"\s+(?:(?:have|has|had|are|were|today|now|also|fully|successfully|firmly|completed|carried\s+out|"
                         r"conducted|made)\s+){0,3}(?:an?\s+)?$")
# "freed from Russian troops", "fought against the Taliban": a side named after these words is the one losing.
_LOSER_BEFORE = re.compile(r"\b(?:from|against|of)\s+(?:the\s+)?$", re.IGNORECASE)
# After the deed, "from the terrorist PKK/YPG gangs": the side it was taken from.
_TAKEN_FROM = re.compile(r"\b(?:from|against)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")


def extract_events(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """Each article with the events read from its body; spaCy runs batched (nlp.pipe) over the stream."""
    lexicon = default_lexicon()
    stream = iter(articles)
    while chunk := list(islice(stream, ARTICLES_PER_BATCH)):
        yield from _extract_chunk(chunk, lexicon)


def _extract_chunk(chunk: list[Article], lexicon: Lexicon) -> Iterator[tuple[Article, list[Event]]]:
    parsed = read_sentences(chunk, lexicon)
    for i, article in enumerate(chunk):
        yield article, _ArticleReader(article, lexicon).events(parsed.get(i, []))


class _ArticleReader:
    """The context one article gives its sentences: places, parties, protagonist, dates and speakers so far."""

    def __init__(self, article: Article, lexicon: Lexicon) -> None:
        self.article = article
        self.lexicon = lexicon
        self.registry = ActorRegistry.default()
        self.key = article.url or hashlib.sha1(article.text.encode("utf-8")).hexdigest()
        self.published = parse_iso_date(article.published)

    def events(self, parsed: list[tuple[Segment, list[Sentence]]]) -> list[Event]:
        if not parsed:
            return []
        from frontwatch.places import country_focus, geoparse

        article = self.article
        body = body_segments(article)
        ents = [ent for _, sentences in parsed for sentence in sentences for ent in sentence.ents]
        actor_spans_found = self.registry.find(article.text)
        # A capital speaking ("Kyiv rejected the claim") is its government, not a place.
        actor_spans = [(s, e, a.kind in _GROUP_KINDS) for s, e, a in actor_spans_found] \
            + [(s, e, True) for s, e, _ in self.registry.find_metonyms(article.text)]
        # "the Donetsk People's Republic" names a party, not the city of Donetsk; and an armed group's own name
        # ("Wagner", "Azov") is the group, though some village bears it.
        credits = credit_spans(article)

        def places_in(segments: list[Segment]) -> list[Toponym]:
            return sorted((t for t in geoparse(article.text, segments=segments, ents=ents)
                           if t.place is not None and not any(
                               s <= t.start and t.end <= e and (e - s > t.end - t.start or group)
                               for s, e, group in actor_spans)
                           and not any(s <= t.start and t.end <= e for s, e in credits)),
                          key=lambda t: t.start)

        self.toponyms = places_in(article.segments or body)
        self._referable: list[Toponym] | None = None
        self._referable_ends: list[int] = []
        # A town named in the title or a subheading ("Shoigu reports the capture of X") is what "the city" of
        # the paragraph under it means, though the heading itself is no body and gives no event.
        headings = [dataclasses.replace(s, is_body=True) for s in article.segments
                    if not s.is_body and s.reason in _HEADING_REASONS]
        self.heading_toponyms = places_in(headings) if headings else []
        # "KANDAHAR (Reuters) -": where the story was filed, which "the town" of its first sentence need not be.
        self.datelines = dateline_starts(article.text, self.toponyms, body)
        body_text = "\n".join(article.text[s.start:s.end] for s in body)
        self.focus = country_focus(self.toponyms, body_text)
        self.protagonist = protagonist(self.registry, body_text, self.focus)
        self.parties = Parties(self.registry, [m.actor for m in self._mentions(body_text)], self.focus)
        # Whose ministry "the defence ministry said" is: the state that last spoke in the report, else its focus.
        self.fighting = {name for name, _ in self.parties.counts.most_common(2)}
        # "[TNLA statement, translated] ...", "Statement of the Islamic Emirate:": a party's own text throughout
        self.statement_of = self._statement_of(article.text[body[0].start:body[0].end] if body else "")
        # "rebel-held Kilinochchi": who holds a town as the report names it, to tell who took it from them
        self.described: dict[str, list[tuple[int, str]]] = {}
        for where, name, side in described_holders(article.text, self.toponyms, self._side_of_word):
            self.described.setdefault(name, []).append((where, side))
        self.voice: str | None = None
        # An undated report's own full dates ("May 26, 2022") give the year its "September 10" falls in.
        self.year = year_named(article.text) if self.published is None else None
        self.lead_date = date_of_sentence(article.text[body[0].start:body[0].end], self.published,
                                          year=self.year) if body else None
        self.previous_date: ResolvedDate | None = None
        self.blog_entry = False  # the paragraph read is a time-stamped live-blog entry
        self.previous_said: Attributed | None = None
        self.last_claims: list[Event] = []  # the changes claimed in the latest sentence that claimed any
        events: list[Event] = []
        seen: set[str] = set()
        pieces = sorted(parsed, key=lambda p: p[0].start)
        for seg in body:
            inside = [sentences for piece, sentences in pieces if seg.start <= piece.start < seg.end]
            # "15:55 The Observatory now says ...": a live blog's entry is news of the page's day; the day an
            # earlier entry recalled ("since taking the town on Sunday") is not its date.
            self.blog_entry = _TIME_STAMP.match(article.text, seg.start) is not None
            if self.blog_entry:
                self.previous_date = None
            if not inside:
                for event in self._pass_by(seg):
                    if event.event_id not in seen:
                        seen.add(event.event_id)
                        events.append(event)
                continue
            for sentence in (s for sentences in inside for s in sentences):
                for event in self._read_sentence(sentence):
                    if event.event_id not in seen:
                        seen.add(event.event_id)
                        events.append(event)
        return events

    def _pass_by(self, seg: Segment) -> list[Event]:
        """A paragraph with no event word still sets the date and speaker that "hours later" or a quote lean on,
        and may deny the claim before it ("Kyiv rejected the claim.")."""
        paragraph = self.article.text[seg.start:seg.end]
        refuted = self._refutations(paragraph, seg.start)
        resolved = date_of_sentence(paragraph, self.published, previous=self.previous_date, year=self.year)
        if resolved is not None:
            self.previous_date = resolved
        # The whole paragraph, so that a quotation opened and closed in it leaves no quote open.
        self.previous_said = self._heard(attribute(paragraph, previous=self.previous_said, registry=self.registry,
                                                   focus_country=self._voice_country()))
        return refuted

    def _refutations(self, text: str, start: int) -> list[Event]:
        """Denials of the changes claimed just before, when ``text`` rejects "the claim" without naming it."""
        if not self.last_claims or not refutes_earlier(text):
            return []
        said = attribute(text, previous=self.previous_said, registry=self.registry,
                         focus_country=self._voice_country())
        when = date_of_sentence(text, self.published, previous=self.previous_date, year=self.year)
        denials = []
        for claim in self.last_claims:
            if said.speaker is not None and self.parties.side(said.speaker) == claim.control.holder:
                continue  # a party does not deny its own gain
            raw = "\x1f".join([self.key, str(start), text, claim.type, claim.mode or "", claim.place.name, "denied"])
            denials.append(dataclasses.replace(
                claim, event_id=hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20], modality="denied",
                attribution=list(said.attribution), sentence=text, span=(start, start + len(text)),
                date=when.date.isoformat() if when else claim.date,
                date_precision=when.precision if when else claim.date_precision))
        self.last_claims = []
        return denials

    def _read_sentence(self, sentence: Sentence) -> list[Event]:
        triggers = sentence.triggers
        if not triggers:
            refuted = self._refutations(sentence.text, sentence.start)
            self.previous_said = self._heard(attribute(sentence.text, previous=self.previous_said,
                                                       registry=self.registry, focus_country=self._voice_country()))
            return refuted
        s0, s1 = sentence.start, sentence.start + len(sentence.text)
        toponyms = [(t.start - s0, t.end - s0, t) for t in self.toponyms if s0 <= t.start and t.end <= s1]
        mentions = self._mentions(sentence.text)
        events: list[tuple[Family, Event]] = []
        taken_spans: list[tuple[int, int]] = []
        place_keys: set[tuple[str, str | None]] = set()
        said_first: Attributed | None = None
        for trigger in triggers:
            # One word is one event: "captured" is a place taken or else a person detained, never both.
            if any(s < trigger.end and trigger.start < e for s, e in taken_spans):
                continue
            read, said = self._read_event(sentence, trigger, toponyms, mentions)
            for event in read:
                key = (trigger.family.name, event.place.name if event.place else None)
                if key in place_keys:
                    # "took control of Kidal airport, then entered the town": the whole town, told after a post
                    # in it, is the event of the two
                    kept = next(k for k, (f, e) in enumerate(events)
                                if (f.name, e.place.name if e.place else None) == key)
                    if event.control is not None and events[kept][1].control is None:
                        events[kept] = (trigger.family, event)
                        taken_spans.append(trigger.span)
                    continue
                place_keys.add(key)
                taken_spans.append(trigger.span)
                events.append((trigger.family, event))
                said_first = said_first or said
        found = _without_echoes(events)
        claims = [e for e in found if e.control and e.place and e.modality in ("claimed", "asserted")]
        if not any(e.control for e in found):
            found += self._refutations(sentence.text, sentence.start)
        elif claims:
            self.last_claims = claims
        if said_first is not None:
            self.previous_said = self._heard(said_first)
        return found

    def _read_event(self, sentence: Sentence, trigger: Trigger, toponyms,
                    mentions) -> tuple[list[Event], Attributed | None]:
        """The events of one trigger: one per place it names ("captured Gardez and Sharana"), or none."""
        family, text, lex = trigger.family, sentence.text, self.lexicon
        antecedent = self._antecedent(sentence.start + trigger.start)
        if family.control and lex.is_participle(text, trigger):
            return [], None  # "the seized building", "in occupied Kherson": a state described, no event
        top = self._seat_for(text, sentence.start,
                             args.place_of(text, trigger, toponyms, antecedent, lex.place_gap,
                                           loose=family.control is None))
        if top is not None and top.start - sentence.start > trigger.end \
                and lex.has_trigger(text[trigger.end:top.start - sentence.start]):
            top = None  # the place belongs to the other event named in between
        if top is not None and _STREET_AFTER.match(text, top.end - sentence.start):
            top = None  # "pushed them out of Tripoli Street": a street of the town told of, not Tripoli
        # "captured two more provincial capitals on Tuesday, Farah in the west and Pul-e-Khumri in the north"
        listed = args.listed_places(text, trigger, toponyms) \
            if top is None and family.object == "territory" and trigger.place_side == "after" else []
        top = listed[0] if listed else top
        if family.object == "territory":
            if top is None and trigger.place_side != "none" and family.control in _LEFT_WHERE_THEY_WERE \
                    and (trigger.agent_side == "after" or not args.has_object(text, trigger)):
                # "troops in Kunduz withdrew", "... surrendered to the Taliban" (the words after name who gets
                # it): where they were is what changes hands
                top = args.locative_place(text, toponyms)
            if top is None and args.names_person(text, trigger, sentence.persons, lex):
                return [], None  # "captured the city's strongman": a person, left to the detention family
            if top is None and not args.names_territory(text, trigger, lex):
                if not (family.control in _LEFT_WHERE_THEY_WERE and not args.has_object(text, trigger)):
                    return [], None
        elif family.object == "person":
            if not args.names_person(text, trigger, sentence.persons, lex):
                return [], None
        if top is None and family.object != "territory":
            top = args.locative_place(text, toponyms)
        places: list[Toponym | None] = [top] if top else [None]
        if listed:
            places = list(listed)
        elif top is not None and trigger.place_side == "after":
            places += args.coordinated_places(text, top, toponyms, sentence.start)
        elif top is not None and trigger.place_side == "before":
            places = args.coordinated_places_before(text, top, toponyms, sentence.start) + places
        said = attribute(text, trigger.span, previous=self.previous_said, registry=self.registry,
                         focus_country=self._voice_country())
        # With no agent in the clause, a party that claims a liberation claims its own gain (the Taliban and
        # Russia's ministry say "liberated" of towns they took); else the attacker takes and the state retakes.
        speaker = said.speaker if family.control == "retaken" and trigger.agent_side != "before" \
            and said.modality == "claimed" and said.speaker and self.registry.is_party(said.speaker) else None
        agent = args.agent_of(text, trigger, mentions, demonym=self._party_of_demonym)
        if agent is not None and said.speaker and self.registry.is_party(said.speaker) \
                and lex.bare_forces.fullmatch(text[agent.start:agent.end]):
            # "A Russian official said troops took the city": bare "troops" are the speaker's own.
            agent = args.Mention(agent.start, agent.end, said.speaker)
        if agent is None and _OUR_FORCES.search(text, 0, trigger.start):
            # "Our forces liberated the city", quoted: the speaker's forces, else the one party the sentence names.
            speaker = said.speaker if said.speaker and self.registry.is_party(said.speaker) \
                else self._sole_party(text, trigger, mentions)
        if agent is None and speaker is None and family.control == "retaken":
            speaker = self._sole_liberator(text, trigger, mentions)
        # "Four days after the fall of Damascus, ...": a deed named only to count from says nothing of its taker
        recalled = trigger.agent_side == "none" and days_after(_event_clause(text, trigger)[:trigger.start]) is not None
        actor = agent.actor if agent else speaker \
            or (None if recalled else self._implied_agent(family.control, _freed_from(text, trigger, mentions))) \
            or (self.registry.police_of(self.focus) if trigger.implied_agent == "police" else None)
        if agent is None and speaker is None and family.control == "taken":
            actor = self._unnamed_taker(actor, sentence, trigger, top, mentions, said, recalled)
        holder = self._new_holder(family.control, actor)
        if holder is not None or self.protagonist is not None:
            # Knowing whose gain it is tells a party's claim from its concession, and "the insurgents said"
            # names the report's insurgents.
            said = attribute(text, trigger.span, previous=self.previous_said, registry=self.registry,
                             focus_country=self._voice_country(),
                             protagonist=self.protagonist, holder=holder)
        if not said.attribution and said.modality in ("asserted", "claimed") and self.statement_of is not None:
            # "[MNDAA statement, translated] Our forces have entered Lashio": the whole report is the party's word
            own = holder is None or holder == self.parties.side(self.statement_of)
            said = Attributed("claimed" if own else "asserted",
                              [Attribution(self.statement_of.name, "belligerent" if own else "official")],
                              self.statement_of, said.quote_open)
        aim = lex.infinitive_modality(text, trigger) \
            or (lex.nominal_modality(text, trigger, top.end - sentence.start) if top else None)
        if aim and said.modality in ("asserted", "claimed"):
            said = dataclasses.replace(said, modality=aim)
        when = self._date_of(sentence, trigger, past=said.modality not in ("planned", "forecast", "hypothetical"))
        date = when.date.isoformat() if when else (self.published.isoformat() if self.published else None)
        precision = when.precision if when else ("day" if self.published else None)
        negotiated = lex.negotiated.search(text) is not None
        # "the town" standing for a name told earlier ("landed at Kidal airport ..., then entered the town"):
        # the words around that earlier name say nothing of this deed
        anaphoric = top is not None and trigger.place_side == "after" and top.end <= sentence.start + trigger.start
        partial = top is not None and not anaphoric and lex.is_partial(text, trigger, top.start - sentence.start,
                                                                       top.end - sentence.start)
        allies = args.allies_of(text, agent, mentions) if agent is not None else []
        made = [self._event(sentence, trigger, top.place if top else None, actor, mentions, said, when, date,
                            precision, negotiated, partial, allies) for top in places]
        if date is None and self.year is None:
            day = self._day_without_year(sentence, trigger)
            if day:
                made = [dataclasses.replace(e, day_without_year=day) for e in made]
        return made, said

    def _day_without_year(self, sentence: Sentence, trigger: Trigger) -> str | None:
        """"On September 10" in a report that names no year and has no date of its own: "09-10"."""
        text = _event_clause(sentence.text, trigger)
        # Any leap year serves to read the day and month (29 February included); the year itself is discarded.
        resolved = date_of_sentence(text, None, trigger=trigger.span, year=2000)
        if resolved is None or resolved.precision != "day":
            return None
        return f"{resolved.date.month:02d}-{resolved.date.day:02d}"

    def _event(self, sentence: Sentence, trigger: Trigger, place: Place | None, actor: Actor | None,
               mentions: list[args.Mention], said: Attributed, when: ResolvedDate | None, date: str | None,
               precision: str | None, negotiated: bool, partial: bool = False,
               allies: list[Actor] | None = None) -> Event:
        family, text = trigger.family, sentence.text
        return Event(
            event_id=self._event_id(sentence, family.type, family.mode, place.name if place else None),
            article=self.article.ref(),
            type=family.type,
            mode=family.mode,
            acled=acled_type(family, actor, place, negotiated, self.focus),
            control=control_change(family, actor, place, said.modality, self.parties,
                                   background=self._is_background(when), partial=partial,
                                   beside=[m.actor for m in mentions], allies=allies or []),
            actor=actor,
            target=args.target_of(trigger, mentions, actor),
            place=place,
            date=date,
            date_precision=precision,
            modality=said.modality,
            attribution=list(said.attribution),
            quantities=args.quantities_of(text, self.lexicon),
            sentence=text,
            span=(sentence.start, sentence.start + len(text)),
        )

    def _date_of(self, sentence: Sentence, trigger: Trigger, past: bool) -> ResolvedDate | None:
        """The event's date: the sentence's own, else the running day of the paragraphs before, else the lead's."""
        clause = _event_clause(sentence.text, trigger)
        after = days_after(clause[:trigger.start])
        if after is not None:
            # "..., eleven days after the militants occupied the town": counted back from the main clause's day
            start, days, precision = after
            main = date_of_sentence(clause[:start], self.published, year=self.year) \
                or (ResolvedDate(self.published, "day") if self.published else None)
            if main is None:
                return None
            return ResolvedDate(main.date - dt.timedelta(days=days),
                                precision if main.precision == "day" else main.precision)
        text = _relative_deed_hidden(clause, trigger, sentence.triggers)
        spans = [(s, e) for s, e in sentence.dates if e <= len(text) and text[s:e].strip()]
        resolved = date_of_sentence(text, self.published, date_spans=spans,
                                    previous=self.previous_date, trigger=trigger.span, past=past, year=self.year)
        if resolved is not None:
            if not (_FLASHBACK.match(sentence.text) and self.previous_date and resolved.date < self.previous_date.date):
                self.previous_date = resolved
            return resolved
        if text != clause:
            return None  # the day just read was the other deed's: this one is news of the report's day
        borrowed = self.previous_date if self.previous_date and self.previous_date.precision == "day" \
            else None if self.blog_entry \
            else self.lead_date if self.lead_date and self.lead_date.precision == "day" else None
        if borrowed is not None and self.published is not None \
                and (self.published - borrowed.date).days > BORROWED_DATE_MAX_DAYS:
            # "On 24 February 2022 Russia launched ...", then undated news: history recalled in an earlier
            # paragraph does not date what the report tells as news; its own date does.
            return None
        if borrowed is not None and self.published is None:
            # A report without a date of its own: a date named elsewhere in it (a photo caption, an earlier
            # paragraph) bounds the event but does not give its day.
            return dataclasses.replace(borrowed, precision="week")
        return borrowed

    def _is_background(self, when: ResolvedDate | None) -> bool:
        """A month or year named for a time well before publication: history recalled, not news."""
        if when is None or when.precision in ("day", "week") or self.published is None:
            return False
        return (self.published - when.date).days > 31

    def _mentions(self, text: str) -> list[args.Mention]:
        """Named actors and generic references resolved in this report's context, in text order."""
        found = [args.Mention(s, e, a) for s, e, a in self.registry.find(text, self.focus)]
        named_ends = {m.end for m in found}
        named_at = {m.start: m for m in found}
        for s, e, phrase in self.registry.find_generic(text, self.focus):
            owner = _OWNER_AFTER.match(text, e)
            if owner and owner.end() in named_at:
                # "the armed forces of the Russian Federation": one mention, the named owner's.
                named = named_at[owner.end()]
                found[found.index(named)] = args.Mention(s, named.end, named.actor)
                continue
            # "US troops", "its forces", "Russia's defence ministry", "600 troops": the words before already
            # say whose they are (or that they are counted, not named), so the report's state is not meant.
            before = text[max(0, s - 12):s]
            if _OWNED.search(before) or any(0 <= s - end <= 3 for end in named_ends):
                continue
            if phrase[:1].isupper() and _PROPER_NAME_BEFORE.search(before) and not _SENTENCE_START.search(before):
                continue  # "the Arakha Army", "Kachin Army": the last word of a name, not "the army"
            actor = self.registry.resolve_generic(phrase, focus_country=self.focus, protagonist=self.protagonist)
            if actor is not None:
                found.append(args.Mention(s, e, actor))
        return sorted(found, key=lambda m: m.start)

    def _seat_for(self, text: str, offset: int, top: Toponym | None) -> Toponym | None:
        """"The capital of Logar province", "the Upper Nile state capital", "Musa Qala district": the unit's seat,
        the town the event happens at."""
        if top is not None and top.place is not None and top.place.feature == "admin2":
            from frontwatch.places import gazetteer

            town = gazetteer().district_town(top.place)  # "took Musa Qala district": its seat, the town
            return dataclasses.replace(top, place=town) if town is not None else top
        if top is None or top.place is None or top.place.feature != "admin1" or not top.place.country:
            return top
        if not _SEAT_OF.search(text, 0, top.start - offset) \
                and not (_THE_BEFORE_UNIT.search(text, max(0, top.start - offset - 8), top.start - offset)
                         and _UNIT_CAPITAL_AFTER.match(text, top.end - offset)):
            return top
        from frontwatch.places import gazetteer

        seat = gazetteer().capital_of(top.place.country, top.place.admin1 or top.place.name)
        return dataclasses.replace(top, place=seat) if seat is not None else top

    def _new_holder(self, control: str | None, actor: Actor | None) -> str | None:
        """The side an event of this control kind by ``actor`` leaves holding the place, if it says."""
        side = self.parties.side(actor) if actor is not None and self.registry.is_party(actor) else None
        if side is None or control is None:
            return None
        return side if control in GAINS else self.parties.opponent(side)

    def _party_of_demonym(self, word: str) -> Actor | None:
        """The fighting state a people's adjective names ("a Russian air strike"), if it is a party."""
        actor = self.registry.of_demonym(word)
        return actor if actor is not None and self.registry.is_party(actor) else None

    def _voice_country(self) -> str | None:
        """Whose officials an unnamed "ministry" or "military" are: the fighting state that last spoke, else the
        report's focus country."""
        return self.voice or self.focus

    def _heard(self, said: Attributed) -> Attributed:
        """Remember a fighting state speaking, for the unnamed ministry of the sentences after."""
        speaker = said.speaker
        if speaker is not None and speaker.kind == "state" and speaker.country \
                and self.parties.side(speaker) in self.fighting:
            self.voice = speaker.country
        return said

    def _implied_agent(self, control: str | None, freed_from: Actor | None = None) -> Actor | None:
        """Who "the fall of X" falls to when the sentence does not say: the report's attacker, or its state.

        A place "liberated from" an armed group, in a report whose fighting is between armed groups (the
        state is not among its two most named sides), is liberated by the other side the report names most."""
        if control == "taken":
            state = self.registry.state_of(self.focus)
            # A militia fighting for the state (Azov in a Ukrainian report) is no attacker.
            if self.protagonist is not None and (state is None
                                                 or self.parties.side(self.protagonist) != self.parties.side(state)):
                return self.protagonist
            attacker = self.parties.opponent(self.parties.side(state)) if state else None
            return self.registry.resolve(attacker) if attacker else None
        if control == "retaken":
            state = self.registry.state_of(self.focus)
            loser = self.parties.side(freed_from) if freed_from is not None else None
            if loser is not None and loser != self.parties.side(state) and self.parties.side(state) not in self.fighting:
                other = next((name for name, _ in self.parties.counts.most_common() if name != loser), None)
                liberator = self.registry.resolve(other) if other else None
                if liberator is not None and self.registry.is_party(liberator):
                    return liberator
            return state
        if control == "handed_over":
            # "The mayor surrendered the city": a place is handed over by those who held it, the report's state.
            return self.registry.state_of(self.focus)
        return None

    def _unnamed_taker(self, guess: Actor | None, sentence: Sentence, trigger: Trigger, top: Toponym | None,
                       mentions: list[args.Mention], said: Attributed, recalled: bool) -> Actor | None:
        """Who took a town when the sentence names no taker we know, rather than the report's main armed group
        (``guess``): a group of a name the registry lacks, the enemy of the town's named holder, or the party
        telling of the capture (its gain) or of the town lost (its loss)."""
        text = sentence.text
        if trigger.agent_side == "before":
            named_group = _NAMED_GROUP_BEFORE.search(text, max(0, trigger.start - 80), trigger.start)
            if named_group and not any(m.end > named_group.start() and m.start < trigger.start for m in mentions):
                # "The Arakha Army (AA) took control of Thandwe": an armed group of a name we do not know acted
                guess = self.registry.resolve_generic("rebels", focus_country=self.focus, protagonist=None) or guess
        if recalled or top is None:
            return guess
        guess = self._taker_from_holder(guess, top, sentence.start + len(text))
        word = text[trigger.start:trigger.end]
        speaker = said.speaker if said.speaker is not None and self.registry.is_party(said.speaker) else None
        if speaker is None or args.NAMES_ITS_TAKER.search(word) or _BY_SOMEONE.match(text, trigger.end):
            return guess  # "in the hands of the forces of Peter Gadet": a taker is named, only not known to us
        if tells_own_loss(word):
            # "the rebels confirmed that Brega had been lost": the speaker's loss, its enemy's gain
            enemy = self.parties.opponent(self.parties.side(speaker))
            taker = self.registry.resolve(enemy) if enemy else None
            return taker if taker is not None and self.registry.is_party(taker) else guess
        if not tells_a_loss(word) and trigger.agent_side != "before":
            # "Azerbaijan's president said Jabrayil had been captured": a party tells of its own capture (an active
            # deed of someone unnamed, "the attackers who entered the town", is not the speaker's)
            return speaker
        return guess

    def _statement_of(self, lead: str) -> Actor | None:
        """The party whose statement the report is, when its first words say so ("[MNDAA statement, translated]",
        "Statement by the Taliban:")."""
        m = _STATEMENT_HEADER.match(lead)
        if m is None:
            return None
        who = (m.group("who") or m.group("whose")).strip()
        named = [a for s, e, a in self.registry.find(who, self.focus) if e - s >= len(who) - 4]
        return named[0] if named and self.registry.is_party(named[0]) else None

    def _side_of_word(self, word: str) -> str | None:
        """The side of the report a holder's word names: "rebel", "LTTE", "Tigers'", "Russian", "government"."""
        word = re.sub(r"^[Tt]he\s+|(?:['’]s|['’])$", "", word)
        named = [a for s, e, a in self.registry.find(word, self.focus) if e - s == len(word)]
        actor = named[0] if named else self._party_of_demonym(word)
        for phrase in (word, f"{word}s", f"{word} forces", f"the {word}"):
            if actor is not None:
                break
            actor = self.registry.resolve_generic(phrase, focus_country=self.focus, protagonist=self.protagonist)
        return self.parties.side(actor) if actor is not None and self.registry.is_party(actor) else None

    def _taker_from_holder(self, guess: Actor | None, top: Toponym, before: int) -> Actor | None:
        """Who took a town the sentence does not say who took, when the report named its holder before ("rebel-held
        Kilinochchi ... the town fell"): not that holder, whatever the report's main armed group, but its enemy."""
        if top.place is None:
            return guess
        held = [side for where, side in self.described.get(top.place.name, []) if where < before]
        if not held or (guess is not None and self.parties.side(guess) != held[-1]):
            return guess
        enemy = self.parties.opponent(held[-1])
        taker = self.registry.resolve(enemy) if enemy else None
        return taker if taker is not None and self.registry.is_party(taker) else guess

    def _sole_party(self, text: str, trigger: Trigger, mentions: list[args.Mention]) -> Actor | None:
        """The one fighting side a sentence names, not as the loser after the deed ("liberated the town from
        the PKK/YPG gangs"), if it names only one."""
        parties = [m.actor for m in mentions if self.registry.is_party(m.actor)
                   and not (m.start > trigger.end and _TAKEN_FROM.search(text, max(0, m.start - 40), m.start))]
        return parties[0] if len({self.parties.side(a) for a in parties}) == 1 else None

    def _sole_liberator(self, text: str, trigger: Trigger, mentions: list[args.Mention]) -> Actor | None:
        """Whose "liberation" it is when no agent is given: the one fighting side the sentence names, if only
        one is named and no other change of holder is told ("Putin congratulated the army and Wagner on the
        liberation of the city" is Russia's; "Kyiv hailed the liberation of Kherson" Ukraine's)."""
        if any(t.start != trigger.start and t.family.control for t in self.lexicon.triggers(text)):
            return None  # "Russian troops fled before the liberation of X": the named side lost it
        # Only a side named before the word: "the liberation of Bucha from Russian troops" names the loser.
        parties = [m.actor for m in mentions if m.end <= trigger.start and self.registry.is_party(m.actor)
                   and not _LOSER_BEFORE.search(text, max(0, m.start - 12), m.start)]
        sides = {self.parties.side(a) for a in parties}
        return parties[0] if len(sides) == 1 else None

    def _antecedent(self, position: int) -> Toponym | None:
        """The town last named before ``position``: what "the city" refers to."""
        if self._referable is None:  # the towns "the city" may stand for, found once per report
            self._referable = [t for t in self.toponyms
                               if t.start not in self.datelines and args.may_be_referred_back(self.article.text, t)]
            self._referable_ends = [t.end for t in self._referable]
        k = bisect_right(self._referable_ends, position)
        last = self._referable[k - 1] if k else None
        for top in self.heading_toponyms:
            if top.end > position:
                break
            if (last is None or top.start > last.start) and args.may_be_referred_back(self.article.text, top):
                last = top
        return last

    def _event_id(self, sentence: Sentence, type_: str, mode: str | None, place: str | None) -> str:
        raw = "\x1f".join([self.key, str(sentence.start), sentence.text, type_, mode or "", place or ""])
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def _freed_from(text: str, trigger: Trigger, mentions: list[args.Mention]) -> Actor | None:
    """The party a place is "liberated from", named in the clause after the trigger, if any."""
    for m in mentions:
        if trigger.end <= m.start <= trigger.end + 80 and _FROM_PARTY.search(text, trigger.end, m.start):
            return m.actor
    return None


def _event_clause(text: str, trigger: Trigger) -> str:
    """The sentence up to the end of the event's clause: a clause after it ("..., which began last week",
    "since May") dates something else."""
    tail = _LATER_CLAUSE.search(text, trigger.end)
    return text[: tail.start()] if tail else text


def _relative_deed_hidden(text: str, trigger: Trigger, triggers: list[Trigger]) -> str:
    """The clause with a relative clause that tells another deed just before the trigger blanked out: in
    "militants who seized the town on Monday pulled out overnight", Monday is the day of the seizure."""
    relative = None
    for m in _RELATIVE_DEED.finditer(text, 0, trigger.start):
        relative = m
    if relative is None or not any(relative.end() <= t.start < trigger.start for t in triggers if t is not trigger):
        return text
    return text[:relative.start()] + " " * (trigger.start - relative.start()) + text[trigger.start:]


def _without_echoes(events: list[tuple[Family, Event]]) -> list[Event]:
    """Drop what another event of the sentence already says: a placeless repeat of a placed event, or a
    general family ("killing") beside a more specific one ("shelled")."""
    placed = {f.name for f, e in events if e.place is not None}
    present = {f.name for f, _ in events}
    return [e for f, e in events
            if not (e.place is None and f.name in placed) and not any(y in present for y in f.yields_to)]


def extract_text(text: str, published: str | None = None, **article_fields) -> list[Event]:
    """The events of one text read as an article (cleaned by ingest when it is available)."""
    from frontwatch.ingest import read_text

    article = read_text(text, published=published, **article_fields)
    return next(extract_events([article]))[1]
