"""Stage 2a, sentences: the report's text cut into sentences, each with its words and lemmas.

Every sentence gets a cheap analysis: words with their offsets, lower-case
forms and dictionary lemmas (``spacy-lookups-data``), which is all the trigger
lexicon needs. Only the sentences that hold a trigger are parsed later
(:mod:`events.extract.syntax`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from events.extract.wordlists import AIRCRAFT, FORCES, PEOPLE, PRISONERS, VEHICLES

#: Longest sentence kept whole; longer runs of text are cut into pieces of this size.
MAX_SENTENCE_CHARS = 1_200
#: A line without closing punctuation and with at most this many words is a headline.
HEADLINE_MAX_WORDS = 25

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt adm rear rep sen gov prof st no u.s u.n u.k e.u "
    "jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m i.e e.g vs etc jr sr inc co "
    "corp ltd brig cmdr cpl pvt mt ft gens sheikh rev".split()
)
#: A list item's mark: "- ", "-- ", "• ", "(b) ", "3. ": a line that opens with one is an item.
LIST_ITEM = re.compile(r"\s*(?:--?|[•*·–—]|\(?[a-z0-9]{1,2}[.)])\s")
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_HEADLINE_END = re.compile(r"[.!?:;\"”’')]\s*$")
# Words (hyphenated ones whole: "pro-government", "al-Nusra"), a possessive 's, or one symbol.
_WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|[^\W_]+(?:[-.][^\W_]+)*|['’]s\b|\S")


@dataclass(slots=True)
class Words:
    """The words of one sentence: offsets in the sentence, lower-case forms and lemmas."""

    starts: list[int]
    ends: list[int]
    lower: list[str]
    lemma: list[str]

    def __len__(self) -> int:
        return len(self.lower)


@dataclass(slots=True)
class Sentence:
    """One sentence of a report: its text, offsets in the report and place in the layout."""

    start: int
    end: int
    text: str
    paragraph: int
    index: int
    headline: bool
    words: Words = field(default=None)  # type: ignore[assignment]
    doc: Any = None  # the parse (spaCy Doc), for sentences that hold a trigger


@lru_cache(maxsize=1)
def _lemma_table() -> Any:
    from spacy.lookups import load_lookups

    return load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")


# Forms the lookup table lacks or reads in a sense news of war does not use.
_LEMMA_FIXES = {"torched": "torch", "torches": "torch", "torching": "torch",
                "routed": "rout", "routs": "rout",
                "bases": "base",  # military bases, not the plural of "basis"
                "barraged": "barrage", "barraging": "barrage"}  # fmt: skip


#: Nouns of the word lists, whose plurals the lemma table may lack.
_KNOWN_NOUNS = PEOPLE | AIRCRAFT | FORCES | PRISONERS | VEHICLES


@lru_cache(maxsize=65_536)
def lemma(word: str) -> str:
    """Return the dictionary lemma of a lower-case word ("seized" -> "seize").

    Plurals the table lacks of the nouns the rules and the lexicon know ("yazidis",
    "warplanes", "firefights", "svbieds") lose their "s".

    Examples
    --------
    >>> lemma("fell"), lemma("airstrikes"), lemma("yazidis"), lemma("svbieds")
    ('fall', 'airstrike', 'yazidi', 'svbied')
    """
    if word in _LEMMA_FIXES:
        return _LEMMA_FIXES[word]
    found = _lemma_table().get(word)
    if found is None and word.endswith("s") and word[:-1] in _KNOWN_NOUNS:
        return word[:-1]
    if found is None and word.endswith("s") and not word.endswith("ss"):
        from events.extract.lexicon import nouns  # the lexicon is read with these lemmas

        if word[:-1] in nouns():
            return word[:-1]  # "firefights", "gunbattles", "SVBIEDs"
    return found or word


def analyse_words(text: str) -> Words:
    """Cut ``text`` into words and give each its lower-case form and lemma."""
    starts, ends, lower, lemmas = [], [], [], []
    for m in _WORD.finditer(text):
        w = m.group(0).lower().replace("’", "'")
        starts.append(m.start())
        ends.append(m.end())
        lower.append(w)
        lemmas.append(lemma(w))
    return Words(starts, ends, lower, lemmas)


def _line_spans(line: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _SENTENCE_END.finditer(line):
        before = line[begin : m.start() + 1]
        last_word = re.search(r"([\w.]+)\.?$", before.rstrip(".!?\"”’')]"))
        word = (last_word.group(1) if last_word else "").lower().rstrip(".")
        # "Gen.", "U.S.", and initials: "J. Smith", "J.M. Rahim"
        if line[m.start()] == "." and (
            word in _ABBREVIATIONS or re.fullmatch(r"[a-z](?:\.[a-z])*", word)
        ):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
    spans.append((begin, len(line)))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Cut a report's text into sentences; each line of the text is a paragraph.

    Parameters
    ----------
    text : str
        The report's clean text.

    Returns
    -------
    list of Sentence
        In text order, with offsets into ``text``, words and lemmas. Paragraphs
        are separated by blank lines. A line with no closing punctuation and at
        most :data:`HEADLINE_MAX_WORDS` words is a headline (a title, a caption,
        a one-line alert), unless it is the last line of a text cut short.

    Examples
    --------
    >>> [s.text for s in split_sentences("Gen. Ali spoke. ISIS seized Mosul.")]
    ['Gen. Ali spoke.', 'ISIS seized Mosul.']
    """
    out: list[Sentence] = []
    pos = 0
    lines = text.split("\n")
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    paragraph = 0
    for number, line in enumerate(lines):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            paragraph += 1  # a blank line ends a paragraph; a single line break does not
            continue
        # the last line of a page cut short also lacks its full stop: it is no headline
        headline = (
            not _HEADLINE_END.search(line)
            and len(line.split()) <= HEADLINE_MAX_WORDS
            and (number != last or number == 0)
        )
        for s, e in _line_spans(line):
            while s < e and line[s].isspace():
                s += 1
            while e > s and line[e - 1].isspace():
                e -= 1
            while e > s:
                piece_end = min(e, s + MAX_SENTENCE_CHARS)
                if piece_end < e:
                    # cut a run-on line between words, not inside one
                    space = line.rfind(" ", s + 1, piece_end + 1)
                    piece_end = space if space > s else piece_end
                piece = line[s:piece_end]
                out.append(
                    Sentence(
                        line_start + s,
                        line_start + piece_end,
                        piece,
                        paragraph,
                        len(out),
                        headline,
                        analyse_words(piece),
                    )
                )
                s = piece_end
                while s < e and line[s].isspace():
                    s += 1
    return out
