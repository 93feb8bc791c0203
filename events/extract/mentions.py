"""Stage 3, mentions: what each sentence names — triggers, places, actors, times, figures.

Triggers come from the lexicon (matched on every sentence in stage 2, kept
here when the parse confirms their part of speech). Actors come from the
alias table (:mod:`events.actors`), times from :mod:`events.dates`, figures
from :mod:`events.figures`, places from :mod:`events.extract.places`, which
resolves every name of the report in the report's context: first each name
alone, then the ambiguous ones again with the points of the unambiguous ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from events import actors as _actors
from events.dates import DateMention, find_dates
from events.extract import lexicon, syntax
from events.extract.places import PlaceMention, PlaceReader
from events.figures import Figure, find_figures


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

    Returns
    -------
    list of Mentions
        One per sentence, in order.
    """
    out: list[Mentions] = []
    candidates = []
    for sentence, found in zip(sentences, triggers, strict=True):
        m = Mentions(triggers=confirm_triggers(sentence, found))
        m.actors = _actors.find_actors(sentence.text)
        m.dates = find_dates(sentence.text, published)
        # "Islamic State of Iraq and Syria" holds place names, "in May" a village's: mask them
        blocked = [(a.start, a.end) for a in m.actors if a.actor != "Civilians"]
        blocked += [(d.start, d.end) for d in m.dates]
        candidates.append(reader.candidates(sentence, blocked, m.triggers))
        out.append(m)
    reader.learn([(name, feature) for found in candidates for *_, name, feature in found])
    for sentence, m, found in zip(sentences, out, candidates, strict=True):
        m.places = reader.mentions(sentence, found)
        m.figures = find_figures(sentence.text)
    return out
