"""Stage 3, mentions: what each sentence names — triggers, places, actors, times, figures.

Triggers come from the lexicon (matched on every sentence in stage 2, kept
here when the parse confirms their part of speech). Actors come from the
alias table (:mod:`events.actors`), times from :mod:`events.dates`, figures
from :mod:`events.figures`, places from :mod:`events.extract.places`, which
resolves every name of the report in the report's context: first each name
alone, then the ambiguous ones again with the points of the unambiguous ones.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from events import actors as _actors
from events.date_sections import as_of
from events.dates import DateMention, find_dates
from events.extract import lexicon, syntax
from events.extract.place_links import measured_namesakes
from events.extract.place_names import (
    drop_people,
    drop_surnames,
    people_suspects,
    person_surnames,
    repeated_names,
)
from events.extract.place_words import dateline_end, reference_kind
from events.extract.places import PlaceMention, PlaceReader
from events.extract.sentences import LIST_ITEM
from events.extract.wordlists import SPEECH_VERBS
from events.figures import Figure, find_figures

#: Most triggers read from one sentence (a real sentence tells a handful of events).
MAX_TRIGGERS = 24


@dataclass(slots=True)
class Mentions:
    """Everything one sentence names, with offsets in the sentence."""

    triggers: list[Any] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[_actors.ActorMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)


def confirm_triggers(sentence: Any, found: list[Any]) -> list[Any]:
    """Keep, for each lexicon match, the first reading whose part of speech the parse confirms."""
    if sentence.doc is None:
        return []
    out = []
    for trig in found:
        tag = syntax.token_at(sentence.doc, trig.anchor_start).tag_
        anchor = syntax.token_at(sentence.doc, trig.anchor_start)
        if (
            sentence.headline
            and tag.startswith("NN")
            and trig.row.pos == "V"
            and (anchor.dep_ == "ROOT" or (
                # not "mass graves excavated in Tikrit": the noun it qualifies has a verb
                # and it has no subject of its own ("Warplanes pound Douma" has)
                anchor.dep_ == "compound" and (
                    anchor.head.dep_ not in ("nsubj", "nsubjpass")
                    or any(c.dep_ == "nsubj" for c in anchor.children))))
        ):
            tag = "VBZ"  # headlines drop articles: "Warplanes pound Douma" reads as a noun
        readings = [t for t in (trig, *trig.alternatives) if t.fits(tag)]
        if not readings:
            continue
        if tag.startswith("NN"):
            # a verb's lemma used as a noun: "the fighting in X", "an attack on Y"
            readings = [r.as_noun() if r.frame in ("act", "move") else r for r in readings]
        out.append(replace(readings[0], alternatives=tuple(readings[1:])))
    return lexicon.non_overlapping(out)


def find_mentions(
    sentences: list[Any],
    triggers: list[list[Any]],
    published: date,
    *,
    reader: PlaceReader,
    deadline: float = math.inf,
    sections: list[tuple[int, date]] = (),
) -> list[Mentions]:
    """Find the mentions of every sentence of a report.

    Parameters
    ----------
    sentences : list of Sentence
        The report's sentences, the parsed ones with their ``doc``.
    triggers : list of list of Trigger
        The lexicon's matches per sentence.
    published : datetime.date
        Publication date, against which times are resolved.
    reader : PlaceReader
        Finds and resolves place names with the report's context.
    deadline : float
        ``time.monotonic()`` past which the remaining sentences are left without mentions.
    sections : list of (int, date)
        A timeline's year headings (:func:`events.date_sections.section_dates`): the times of
        the sentences below one are resolved as of that year.

    Returns
    -------
    list of Mentions
        One per sentence, in order.
    """
    out: list[Mentions] = []
    candidates, blocks = [], []
    for sentence, found in zip(sentences, triggers, strict=True):
        if time.monotonic() > deadline:
            out.append(Mentions())
            candidates.append([])
            blocks.append([])
            continue
        m = Mentions(triggers=confirm_triggers(sentence, found)[:MAX_TRIGGERS])
        # "BEIRUT/AKCAKALE, Turkey, June 16 -": where the story was filed names no side
        filed = dateline_end(sentence.text)
        m.actors = [a for a in _actors.find_actors(sentence.text) if a.start >= filed]
        # under a timeline's year heading ("2014"), its day and month are of that year
        m.dates = find_dates(sentence.text, as_of(sentence.start, sections, published))
        # "Islamic State of Iraq and Syria" holds place names, "in May" a village's: mask them
        blocked = [(a.start, a.end) for a in m.actors if a.actor != "Civilians"]
        blocked += [(d.start, d.end) for d in m.dates]
        candidates.append(reader.candidates(sentence, blocked, m.triggers))
        blocks.append(blocked)
        out.append(m)
    candidates = repeated_names(sentences, candidates, blocks, [bool(m.triggers) for m in out])
    suspects = [people_suspects(s, names, blocked, reader.nlp)
                for s, names, blocked in zip(sentences, candidates, blocks, strict=True)]
    # names that may be part of a person's name: the recogniser reads their sentences at once
    suspected = [s.doc for s, found in zip(sentences, suspects, strict=True) if found]
    syntax.recognise(suspected, reader.nlp)
    surnames = person_surnames(sentences)
    candidates = [
        drop_surnames(sentence, drop_people(sentence, names, found, reader.nlp), surnames)
        for sentence, names, found in zip(sentences, candidates, suspects, strict=True)
    ]
    for sentence, found in zip(sentences, candidates, strict=True):
        reader.measured.update(measured_namesakes(sentence.text, found, reader.plain_anywhere,
                                                  reader.near_point))
    reader.learn(
        [
            (name, feature)
            for sentence, found in zip(sentences, candidates, strict=True)
            for start, _, name, feature in found
            # "80 km west of Baghdad", "officials in Erbil", "BAGHDAD, July 2 (Xinhua) --":
            # no evidence of where events are
            if not reference_kind(sentence.text[max(0, start - 80) : start], sentence.text)
            and start >= dateline_end(sentence.text)
        ]
    )
    countries = section_countries(sentences)
    for sentence, m, found, country in zip(sentences, out, candidates, countries, strict=True):
        if time.monotonic() > deadline:
            m.triggers = []
            continue
        with reader.in_country(country):
            m.places = reader.mentions(sentence, found)
        _mark_speakers(sentence, m.places)
        # "on October 21" is a day, not 21 of anything
        m.figures = [f for f in find_figures(sentence.text)
                     if not any(d.start <= f.start < d.end for d in m.dates)]
    return out


#: "In Iraq, Coalition forces conducted seven strikes ...", "SYRIA:": a section of a
#: report that covers both countries; its list items below are in that country.
_SECTION = re.compile(
    r"^\s*(?:In\s+)?(?P<c>Iraq|Syria|IRAQ|SYRIA)\s*[,:]"
    # a brief's dateline: "SINJAR, Iraq:", "HASAKEH, Syria (AP) -"
    r"|^\s*[A-Z][A-Za-z'’. -]{1,30},\s*(?P<d>Iraq|Syria)\s*(?:\([^)]*\)\s*)?[:—–-]"
)
_CODES = {"iraq": "IQ", "syria": "SY"}


def section_countries(sentences: list[Any]) -> list[str | None]:
    """Return the country of the section each sentence is in, None outside one.

    A section opens with a sentence that starts "In Iraq," or "Syria:", or with a dateline
    that names the country ("SINJAR, Iraq:"), and runs over the rest of its paragraph and
    the list items that follow it.
    """
    out: list[str | None] = []
    current, paragraph = None, None
    for s in sentences:
        m = _SECTION.match(s.text)
        if m:
            current, paragraph = _CODES[(m["c"] or m["d"]).lower()], s.paragraph
        elif current is not None and s.paragraph != paragraph and not LIST_ITEM.match(s.text):
            current = None
        elif current is not None:
            paragraph = s.paragraph  # a list item carries the section on
        out.append(current)
    return out


def _mark_speakers(sentence: Any, places: list[PlaceMention]) -> None:
    """Mark a capital that speaks as no place of an event ("Baghdad says", "Ankara denied")."""
    if sentence.doc is None:
        return
    for p in places:
        head = syntax.span_head(sentence.doc, p.name_start, p.name_end)
        if (head is not None and head.dep_ == "nsubj" and not p.reference
                and syntax.lemma(head.head) in SPEECH_VERBS):
            p.reference = "source"
