"""Text normalisation shared by training and classification: ACLED notes and news read alike.

ACLED notes carry coder formatting that no news sentence has ("On 21 March 2020, ...", "(coded as ...)",
"[size=no report]", "3 fatalities.", "Movement of forces: ..."). A model that learns those tells apart
note styles, not events, so they are removed on both sides before features are taken.
"""

from __future__ import annotations

import re

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}\.?(?:,? \d{{4}})?|{_MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|{_MONTH} \d{{4}}|\d{{4}})"

# Coders' section labels at the start of a note: "Movement of forces: ", "Property destruction: ".
_LEAD_LABEL = re.compile(r"^\s*[A-Z][A-Za-z/ -]{2,40}:\s+(?=[A-Z0-9])")
# Leading date clauses: "On 21 March 2020,", "Around 5 April 2021 (as reported),", "As reported on June 15,".
_LEAD_DATE = re.compile(
    rf"^\s*(?:(?:as )?reported )?(?:on|around|about|as reported on|as of|between|by|during|since|from|until|"
    rf"(?:early|late|in the (?:early|late) hours of|on the (?:night|morning|evening|afternoon) of|"
    rf"overnight(?: on)?|the night of)|in)?\s*(?:the (?:night|morning|evening) of )?{_DATE}"
    rf"(?:\s*(?:-|to|and|–)\s*{_DATE})?\s*,\s*",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\[[^\]]*\]")
_PARENS = re.compile(r"\([^()]*\)")
# Whole sentences that only count the dead for the coder ("3 fatalities.", "Casualties unknown.").
_FATALITY_SENTENCE = re.compile(
    r"(?:(?<=[.!?])|^)\s*[^.!?]*\b(?:fatalit(?:y|ies)|casualties unknown|coded as)\b[^.!?]*(?:[.!?]|$)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\"'][.!?])\s+(?=[A-Z])")


def normalise(text: str) -> str:
    """Remove ACLED coder formatting, parentheticals and digit values; collapse whitespace."""
    text = _SPACES.sub(" ", text).strip()
    text = _LEAD_LABEL.sub("", text)
    text = _BRACKETS.sub(" ", text)
    text = _PARENS.sub(" ", _PARENS.sub(" ", text))  # twice: one level of nesting
    text = _LEAD_DATE.sub("", text)
    text = _FATALITY_SENTENCE.sub(" ", text)
    text = _DIGITS.sub("0", text)
    text = _SPACES.sub(" ", text).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    return text[:1].upper() + text[1:]


def first_sentence(text: str) -> str:
    """The first sentence of a (normalised) text: where a note, like a news lede, states the event."""
    return _SENTENCE_END.split(text, maxsplit=1)[0]
