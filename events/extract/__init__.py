r"""Finding events in a report: a pipeline of stages, each adding one kind of annotation.

1. reading (:mod:`events.reports`): the report's clean text, title, outlet, date;
2. sentences (:mod:`.sentences`, :mod:`.lexicon`, :mod:`.syntax`): sentences with
   their words and lemmas, the lexicon's candidate triggers, and a dependency
   parse of the sentences that hold one;
3. mentions (:mod:`.mentions`, :mod:`.place_names`, :mod:`.places`, :mod:`.quarter_towns`,
   :mod:`.place_links`, :mod:`.place_words`): triggers the parse confirms, places resolved in the
   report's context, actors, times, figures;
4. the event filter (:mod:`.filters`, :mod:`.tallies`, :mod:`.retold`): is a trigger
   one real happening, not a plan, a forecast, a topic, an aggregate, a negation, an
   event told elsewhere;
5. arguments (:mod:`.roles`, :mod:`.place_roles`, :mod:`.agents`, :mod:`.counts`,
   :mod:`.kinds`, :mod:`.held`, :mod:`.threats`, :mod:`.declared`, :mod:`.assign`,
   :mod:`.clause_dates`): who did what to whom, where, when, how many, read from the
   parse, and the event type that follows;
6. report context (:mod:`.context`, :mod:`.placeless`, :mod:`.story_dates`): the topic
   place for "the city" and place-less sentences, the narrative's dates, "it" and "they";
7. merging (:mod:`.merging`): one event per happening told several times.

Beside stages 3-5, :mod:`.tables` reads the lists of figures by place that
humanitarian updates give under a displacement heading, one event a line.

Every stage is pure: text in, annotations out; no I/O, no database.
"""

from __future__ import annotations

import re
import time
from datetime import date
from functools import lru_cache
from typing import Any

from events.date_sections import section_dates
from events.extract import (
    assign,
    context,
    filters,
    lexicon,
    merging,
    story_dates,
    syntax,
    tables,
)
from events.extract.candidate import Candidate
from events.extract.mentions import find_mentions
from events.extract.place_words import report_country
from events.extract.places import PlaceReader
from events.extract.sentences import split_sentences
from events.extract.syntax import load_nlp
from events.model import Event, event_id
from events.reports import Report

#: Wall-clock budget for one report; what is found by then is returned.
TIME_BUDGET_S = 2.0
#: Longest text read from one report.
MAX_TEXT_CHARS = 200_000
#: Most sentences parsed in one report (a news report has a few dozen with triggers).
MAX_PARSED_SENTENCES = 600
#: Most candidate events read from one report.
MAX_CANDIDATES = 1_000

_ISIS_RX = re.compile(r"\b(?:ISIS|ISIL|Isis|Isil|Daesh|Islamic\s+State)\b")


@lru_cache(maxsize=4)
def _warm_up(nlp: Any) -> None:
    import geodata

    geodata.resolve("Baghdad")
    split_sentences("ISIS seized Mosul.")
    syntax.parse(["ISIS seized Mosul."], nlp)


def extract_events(report: Report, *, nlp: Any = None) -> list[Event]:
    r"""Find the events a report tells, each dated, geocoded and tied to its sentence.

    Parameters
    ----------
    report : Report
        A report from :func:`events.reports.read_report` / ``read_text``.
    nlp : spacy.language.Language, optional
        The parsing pipeline (:func:`load_nlp`); loaded once when None.

    Returns
    -------
    list of Event
        In text order; ``incident_id`` equals ``id`` (the store groups incidents).
        Stops early and returns what it has when :data:`TIME_BUDGET_S` runs out.

    Examples
    --------
    >>> from events.reports import read_text
    >>> r = read_text("published: 2014-06-12\n---\nOn Tuesday ISIS seized Mosul.", name="r")
    >>> [(e.event_type, e.place, e.date) for e in extract_events(r)]  # doctest: +SKIP
    [('seizure', 'Mosul', '2014-06-10')]
    """
    nlp = nlp if nlp is not None else load_nlp()
    _warm_up(nlp)  # loading the gazetteer and the tables is not this report's time
    deadline = time.monotonic() + TIME_BUDGET_S
    text = report.text[:MAX_TEXT_CHARS]
    try:
        published = date.fromisoformat(report.report_date)
    except (TypeError, ValueError):
        published = date.today()
    country = report_country(text)
    isis_named = bool(_ISIS_RX.search(text))

    # 2. sentences, their candidate triggers, and the parse of those that hold one
    sentences = split_sentences(text)
    found = [lexicon.find_triggers(s.text, s.words) for s in sentences]
    to_parse = [s for s, t in zip(sentences, found, strict=True) if t][:MAX_PARSED_SENTENCES]
    for start in range(0, len(to_parse), syntax.BATCH):
        if time.monotonic() > deadline:
            break
        batch = to_parse[start : start + syntax.BATCH]
        for s, doc in zip(batch, syntax.parse([s.text for s in batch], nlp), strict=True):
            s.doc = doc
    # 3. mentions
    reader = PlaceReader(country, nlp)
    sections = section_dates(text, published)
    mentions = find_mentions(
        sentences, found, published, reader=reader, deadline=deadline, sections=sections
    )
    country = reader.country or country
    # 4-5. filtered triggers with their arguments
    cands: list[Candidate] = []
    for s, m in zip(sentences, mentions, strict=True):
        if s.doc is None or len(cands) >= MAX_CANDIDATES or time.monotonic() > deadline:
            continue
        cands.extend(assign.sentence_candidates(s, m, country=country, isis_named=isis_named))
    rows, headings = tables.table_candidates(sentences, mentions, published, reader)
    cands = [c for c in cands if c.sentence.index not in headings] + rows
    cands = merging.drop_list_summaries(cands, sentences)
    # 6. report context
    cands = context.resolve_places(cands, sentences, mentions, reader)
    story_dates.resolve_dates(cands, sentences, mentions, published)
    context.resolve_actors(cands)
    cands = [
        c
        for c in cands
        if filters.why_not_codable(c.day, c.place.place.country) is None
    ]
    # 7. merging
    return _records(report, merging.merge(cands, published))


def _records(report: Report, cands: list[Candidate]) -> list[Event]:
    events: list[Event] = []
    ordinals: dict[tuple, int] = {}
    for c in cands:
        place = c.place.place
        s = c.sentence
        key = (s.start, s.end, c.kind, place.name)
        ordinal = ordinals.get(key, 0)
        ordinals[key] = ordinal + 1
        eid = event_id(report.text, s.start, s.end, c.kind, place.name, ordinal=ordinal)
        events.append(
            Event(
                id=eid,
                incident_id=eid,
                report=report.name,
                source=report.source or "unknown",
                url=report.url,
                report_date=report.report_date,
                event_type=c.kind,
                actor1=c.actor1,
                actor2=c.actor2 if c.actor2 != c.actor1 else None,
                location=c.place.location,
                place=place.name,
                geonameid=place.geonameid,
                country=place.country,
                admin1=place.admin1 or "",
                admin2=place.admin2,
                lat=round(float(place.lat), 5),
                lon=round(float(place.lon), 5),
                geo_precision=c.place.geo_precision,
                date=c.day.isoformat(),
                date_precision=c.precision,
                magnitude=c.magnitude,
                magnitude_unit=c.unit if c.magnitude is not None else None,
                certainty=c.certainty,
                evidence=s.text,
                evidence_start=s.start,
                evidence_end=s.end,
                notes="; ".join(c.notes) or None,
            )
        )
    return events


__all__ = ["extract_events", "load_nlp"]
