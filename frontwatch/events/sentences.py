"""Paragraphs -> sentences: the cheap trigger test first, then spaCy batched over what passes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from frontwatch.events.lexicon import Lexicon, Trigger
from frontwatch.records import Article, Segment
from frontwatch.reading.nlp import pipeline

# spaCy refuses texts over nlp.max_length (1,000,000 characters) and slows on long ones; real paragraphs are
# far shorter than this.
MAX_PIECE_CHARS = 20_000


@dataclass
class Sentence:
    """A sentence of a report's body with what spaCy and the lexicon found in it."""

    text: str
    start: int  # offset in article.text
    offset: int  # where the stripped text starts in the segment's doc
    persons: list[tuple[int, int]] = field(default_factory=list)
    dates: list[tuple[int, int]] = field(default_factory=list)
    ents: list[tuple[int, int, str]] = field(default_factory=list)  # offsets in article.text
    triggers: list[Trigger] = field(default_factory=list)

    def add_entities(self, doc: Doc) -> None:
        """Take the named entities spaCy found in this sentence's own doc (offsets of the raw sentence)."""
        lead = len(doc.text) - len(doc.text.lstrip())
        for ent in doc.ents:
            span = (ent.start_char - lead, ent.end_char - lead)
            self.ents.append((self.start + span[0], self.start + span[1], ent.label_))
            if ent.label_ == "PERSON":
                self.persons.append(span)
            elif ent.label_ in ("DATE", "TIME"):
                self.dates.append(span)


def read_sentences(chunk: list[Article], lexicon: Lexicon) -> dict[int, list[tuple[Segment, list[Sentence]]]]:
    """The sentences of each article's trigger paragraphs (by index in ``chunk``), with their triggers and names."""
    # Only body paragraphs that hold a trigger phrase reach spaCy, and of those only the sentences that hold
    # one reach its NER, by far the dearest component: most of a news page never needs either.
    nlp = pipeline()
    jobs: list[tuple[str, tuple[int, Segment]]] = []
    for i, article in enumerate(chunk):
        for seg in body_segments(article):
            for piece in _pieces(article.text, seg):
                text = article.text[piece.start:piece.end]
                if lexicon.has_trigger(text):
                    jobs.append((text, (i, piece)))
    parsed: dict[int, list[tuple[Segment, list[Sentence]]]] = defaultdict(list)
    to_tag: list[tuple[str, Sentence]] = []
    for doc, (i, seg) in nlp.pipe(jobs, as_tuples=True, batch_size=64, disable=["ner"]):
        sentences = list(_sentences(seg, doc))
        parsed[i].append((seg, sentences))
        for sentence in sentences:
            sentence.triggers = lexicon.triggers(sentence.text)
            # Names matter where a person must be told from a place or a thing ("captured Ismail Khan").
            if any(t.family.object == "person" for t in sentence.triggers):
                to_tag.append((sentence.text, sentence))
    if to_tag and "ner" in nlp.pipe_names:
        # Re-tokenising a sentence costs less than copying it out of its paragraph's doc (Span.as_doc).
        for doc, sentence in nlp.pipe(to_tag, as_tuples=True, batch_size=64, disable=["senter"]):
            sentence.add_entities(doc)
    return parsed


def _pieces(text: str, seg: Segment) -> Iterator[Segment]:
    """A paragraph cut, where it is huge (a page with no line breaks), at sentence ends into pieces spaCy takes."""
    start = seg.start
    while seg.end - start > MAX_PIECE_CHARS:
        window = text[start:start + MAX_PIECE_CHARS]
        cut = max(window.rfind(". "), window.rfind("\n"))
        end = start + (cut + 1 if cut > MAX_PIECE_CHARS // 2 else MAX_PIECE_CHARS)
        yield Segment(start, end, seg.is_body, seg.reason)
        start = end
    yield Segment(start, seg.end, seg.is_body, seg.reason)


def body_segments(article: Article) -> list[Segment]:
    """The body paragraphs; an article not cleaned by ingest is read line by line."""
    if article.segments:
        return [s for s in article.segments if s.is_body]
    segments, pos = [], 0
    for line in article.text.splitlines(keepends=True):
        if line.strip():
            segments.append(Segment(pos, pos + len(line.rstrip())))
        pos += len(line)
    return segments


def _sentences(seg: Segment, doc: Doc) -> Iterator[Sentence]:
    for sent in doc.sents:
        raw = sent.text
        text = raw.strip()
        if text:
            offset = sent.start_char + (len(raw) - len(raw.lstrip()))
            yield Sentence(text, seg.start + offset, offset)
