"""Numbers in news text: "more than 500,000", "1.6 million", "Forty-nine", "around a thousand".

Vague plurals ("hundreds", "thousands", "dozens") are found but carry no value:
the corpus leaves such magnitudes null. Ranges ("between 300 and 500") keep
the lower bound. Population figures ("a city of 1.6 million", "home to 2
million people") are flagged so that the extractor does not read them as an
event's toll.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Number words below twenty (also used by ``events.dates`` for "two weeks ago").
SMALL_NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = (
    r"(?:hundreds|thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|millions)"
)

_WORD_NUMBER = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(k for k in SMALL_NUMBERS if k != 'zero')}))?"
    rf"|{'|'.join(sorted(SMALL_NUMBERS, key=len, reverse=True))})"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
_NUMBER = (
    rf"(?:(?:{_DIGITS})(?:\s+(?:million|billion|thousand))?"
    rf"|(?:an?|one)\s+(?:hundred|thousand|million)"
    rf"|{_WORD_NUMBER}(?:\s+(?:hundred|thousand|million))?)"
)
_FIGURE_RX = re.compile(
    rf"""(?<![\w$£€.,-])
    (?P<lead>(?:more\s+than|over|at\s+least|about|around|some|nearly|almost|up\s+to|approximately|roughly|an\s+estimated|as\s+many\s+as)\s+)?
    (?:between\s+(?P<lo>{_NUMBER})\s+(?:and|to)\s+(?P<hi>{_NUMBER})
      |(?P<n>{_NUMBER})(?:\s*(?:-|–|to)\s*(?P<n2>{_NUMBER}))?
      |(?P<vague>{_VAGUE}))
    (?![\w$%])""",
    re.IGNORECASE | re.VERBOSE,
)
# "killing one soldier", "one Marine was wounded": one person counted
_ONE_PERSON = re.compile(
    r"\s+(?:[A-Za-z]+\s+)?(?:person|man|woman|child|civilian|soldier|fighter|policeman|"
    r"officer|marine|member|militant|guard|boy|girl|worker|journalist|resident)\b",
    re.IGNORECASE)
# "city of 1.6 million", "home to 2 million people", "population of 300,000"
_POPULATION_BEFORE = re.compile(
    r"(?:\b(?:city|town|village|district|province|country|region|population|nation)\s+of|home\s+to|"
    r"inhabitants|"
    r"population\s+of\s+(?:about|some|around|over|more\s+than)?)\s*$",
    re.IGNORECASE,
)
_POPULATION_AFTER = re.compile(r"^\s*(?:inhabitants|population)\b", re.IGNORECASE)
# "a town with 8,000 residents" counts its people; "8,000 residents fled" counts the event's
_RESIDENTS_AFTER = re.compile(r"^\s*residents\b", re.IGNORECASE)
_HOLDING_BEFORE = re.compile(
    r"\b(?:with|has|had|have|housed|houses)\s+(?:about|some|around|nearly|over|more\s+than|"
    r"roughly|an\s+estimated)?\s*$",
    re.IGNORECASE,
)
_NOT_COUNT_AFTER = re.compile(
    r"^\s*(?:%|per\s*cent|percent|km|kilomet|miles?|metres|meters|hours?|days?|weeks?|months?|"
    r"years?|minutes?|dollars?|billion|am\b|pm\b|a\.m|p\.m|kg|tons?|tonnes|square|-(?:year|day|"
    r"week|month|hour|minute|mile|kilomet)|times\b|o'clock|feet|\.\d|,\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number found in a text; ``value`` is None for vague plurals ("hundreds")."""

    start: int
    end: int
    text: str
    value: float | None
    population: bool = False
    note: str | None = None


def parse_number(text: str) -> float | None:
    """Parse one number written with digits or words.

    Parameters
    ----------
    text : str
        "1,000", "1.6 million", "forty-nine", "a thousand", "two hundred".

    Returns
    -------
    float or None
        The value, or None when ``text`` is not a number.

    Examples
    --------
    >>> parse_number("1.6 million")
    1600000.0
    >>> parse_number("Forty-nine")
    49.0
    """
    words = text.lower().replace(",", "").replace("-", " ").split()
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for word in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
            seen = True
        elif word in ("a", "an"):
            current += 1
        elif word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def find_figures(text: str) -> list[Figure]:
    """Find the counts in ``text``.

    Parameters
    ----------
    text : str
        A sentence.

    Returns
    -------
    list of Figure
        In text order, without years, percentages, distances and durations.

    Examples
    --------
    >>> [f.value for f in find_figures("More than 500,000 people fled; 48 were taken.")]
    [500000.0, 48.0]
    """
    out: list[Figure] = []
    for m in _FIGURE_RX.finditer(text):
        after = text[m.end() : m.end() + 14]
        if _NOT_COUNT_AFTER.match(after):
            continue
        note = None
        if m.group("vague"):
            value = None
            note = f"vague figure {m.group('vague')!r}: magnitude left null"
        elif m.group("lo"):
            value = parse_number(m.group("lo"))
            note = f"range {m.group(0).strip()!r}: lower bound"
        else:
            raw = m.group("n")
            if re.fullmatch(r"(?:19|20)\d\d", raw) and not m.group("lead"):
                continue  # a year
            if raw.lower() in ("a", "an") or raw.lower() == "one" and not _ONE_PERSON.match(
                    text[m.end() :]):
                continue  # "one of", "a day": not a count; "killing one soldier" is
            value = parse_number(raw)
            if m.group("n2"):
                note = f"range {m.group(0).strip()!r}: lower bound"
        if value is None and not m.group("vague"):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        population = bool(
            _POPULATION_BEFORE.search(before)
            or _POPULATION_AFTER.match(after)
            or (_RESIDENTS_AFTER.match(after) and _HOLDING_BEFORE.search(before))
        )
        out.append(Figure(m.start(), m.end(), m.group(0), value, population, note))
    return out
