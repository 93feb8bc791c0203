"""Counts, habits and trends: triggers that tell no single dated happening.

Part of the event filter (:mod:`events.extract.filters`): "300 air strikes over
the past month" and "conducted 94 strikes this week" are tallies, "the assault
has killed 219 civilians" a toll to date, "regularly targeted" and "almost every
day" a habit, "have become more frequent" a trend.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from events.dates import MONTH_PATTERN, WEEKDAYS, find_dates
from events.extract import syntax
from events.extract.wordlists import AGGREGATE_MARKS, COUNT_NOUNS
from events.figures import parse_number

#: Trigger kinds whose nouns name events ("fighting", "strikes", "bombings").
EVENT_NOUN_KINDS = frozenset({"clash", "strike", "shelling", "bombing", "attack", "kill"})
# A time span that makes counted events an aggregate ("over the past month", "so far").
_SPAN = re.compile(
    r"\b(?:over|during|in|throughout|for)\s+(?:the|its|their)\s+(?:past|last|previous|first)\s+"
    r"(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|years?)\b|\bso\s+far\b|\bto\s+date\b|\bin\s+total\b|"
    r"\bsince\s+(?:the\s+(?:start|beginning|launch)|(?:early|late|mid-?)?\s*\w+\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d)\b|\beach\s+(?:day|week|month)\b|"
    # "50 strikes a day", not "a day after the army announced": that is a time, no rate
    r"\ba\s+(?:day|week|month)\b(?!\s+(?:after|before|later|earlier|ago|into)\b)|"
    # "between April 12 and April 18", "over the reporting period": a report's period
    r"\bbetween\s+(?:[a-z]+\s+\d{1,2}|\d{1,2}(?:\s+[a-z]+)?)\s+and\s+(?:[a-z]+\s+)?\d{1,2}\b|"
    r"\b(?:over|during|in|throughout|for)\s+(?:the\s+)?(?:reporting\s+)?period\b|"
    # "some 4,000 strikes in that time", "since then": the span told before
    r"\b(?:over|during|in|throughout|for)\s+(?:that|this)\s+(?:time|period)\b|\bsince\s+then\b|"
    # "killed 48 during August": the whole month's toll
    r"\b(?:during|throughout)\s+(?:the\s+month\s+of\s+)?(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)
# "has fired across the border in the past": no point in time.
_IN_THE_PAST = re.compile(
    r"\bin\s+the\s+past(?=\s*[,.;]|\s*$)"
    # "almost every day", "have become more frequent": a habit or a trend
    r"|\b(?:almost|nearly)\s+every\s+(?:day|night|week)\b"
    r"|\b(?:become|grown|becoming|growing)\s+(?:more|less|increasingly)\s+(?:frequent|common|rare)\b",
    re.IGNORECASE,
)
#: So many events counted at once, with no day named, are a tally.
TALLY_MIN = 10
# Kinds of event that come in numbers ("300 air strikes over the past month").
_COUNTABLE = EVENT_NOUN_KINDS | {"airstrike", "attack_on_civilians", "abduction", "displacement"}
_PERIODS = frozenset("day night morning evening afternoon week month year days nights "
                     "weekend friday".split())


def habitual(text: str, anchor: Any, clause: Any) -> bool:
    """Tell whether the trigger tells a habit rather than one event.

    "Idlib is regularly targeted by air strikes", "has shelled Zabadani in the past";
    ``clause`` is the head of the trigger's clause.
    """
    for t in (anchor, clause):
        if any(
            c.lower_ in AGGREGATE_MARKS and c.dep_ in ("advmod", "npadvmod") for c in t.children
        ):
            return True
        if any(
            c.dep_ in ("npadvmod", "advmod", "dobj") and c.lower_ in _PERIODS
            and any(d.lower_ in ("every", "each") for d in c.children)
            for c in t.children
        ):
            return True  # "shells Daraya every day"
        if any(c.lower_ == "times" and c.dep_ in ("npadvmod", "advmod", "dobj") and any(
                d.lower_ in _MANY for d in c.children) for c in t.children
               ) and not names_a_day(text):
            return True  # "has come under attack several times in recent years"
    return bool(_IN_THE_PAST.search(text))


#: Counts of times that make a habit of what no day is told for (not "three times in a
#: week": a fight over days).
_MANY = frozenset("several many multiple numerous countless".split())


#: Nouns that group events: "a wave of bombings", "a series of strikes".
_GROUPS = frozenset("series wave spate string succession".split())


def names_a_day(text: str) -> bool:
    """Tell whether a text names a day ("on Monday", "on 3 May")."""
    return any(d.precision == "day" for d in find_dates(text, date.today()))


def names_a_period(text: str) -> bool:
    """Tell whether a sentence's times are a week, a month or a year, and never a day."""
    found = {d.precision for d in find_dates(text, date.today())}
    return bool(found) and "day" not in found


#: A span from one month to another: "December 2019 - March 2020", "June-July 2015",
#: "(August 15 - September 4)".
_MONTH_SPAN = re.compile(
    rf"\b{MONTH_PATTERN}(?:\s+\d{{1,2}})?(?:,?\s+(?:19|20)\d\d)?\s*[-–—]\s*{MONTH_PATTERN}\b"
    rf"(?:\s+\d{{1,2}}\b)?(?:,?\s+(?:19|20)\d\d)?")


def over_a_span(text: str) -> bool:
    """Tell whether a sentence sums up months, not one happening.

    "The Pro-Regime Campaign in Idlib: December 2019 - March 2020", "Phase II (September 5
    - November 10): Opposition forces advanced south": a heading over a span, unless the
    sentence names a day of its own besides.
    """
    span = _MONTH_SPAN.search(text)
    return span is not None and not names_a_day(text[: span.start()] + text[span.end() :])


def aggregate(text: str, anchor: Any, trigger: Any) -> bool:
    """Tell whether counted events make a tally ("300 air strikes over the past month")."""
    if trigger.kind not in _COUNTABLE:
        return False  # "in rebel hands since 2014" counts nothing
    # "at least one airstrike ... on a hospital supported since 2012": one is no tally
    counted = any(c.dep_ == "nummod" and (parse_number(c.text) or 2) >= 2
                  for c in anchor.children) or anchor.tag_ in ("NNS", "NNPS")
    marks = any(
        c.lower_ in AGGREGATE_MARKS
        for t in (anchor, anchor.head)
        for c in t.children
        if c.dep_ in ("advmod", "amod", "nummod", "npadvmod")
    )
    if anchor.head.lower_ == "of" and anchor.head.head.lower_ in AGGREGATE_MARKS:
        # "a series of strikes over the past week"; but "a wave of seven car bombs on
        # Monday" ("dozens of raids yesterday on al-Muri'iya") is one attack (one day's
        # raids) on one day, whatever span the sentence names besides
        if anchor.head.head.lower_ in _GROUPS | COUNT_NOUNS and names_a_day(text):
            return False
        marks = True
    if counted and anchor.tag_.startswith("NN") and any(
        c.dep_ == "nummod" and (parse_number(c.text) or 0) >= TALLY_MIN for c in anchor.children
    ) and names_a_period(text):  # the date scan last: it is the costly test
        return True  # "conducted 94 strikes in Iraq this week": a tally of the period
    span = _SPAN.search(text) if counted and anchor.tag_.startswith("NN") else None
    if span is not None and span.group(0).lower() == "so far" and names_a_day(
            text[anchor.idx : span.start()]):
        # "6 air raids on al-Nabk this morning ..., with no reports of casualties so far":
        # the raids of one day, and the count to date is of something else
        span = None
    return marks or span is not None


#: "Since Saturday": this week's fighting, told as it goes on.
_THIS_WEEK = frozenset(WEEKDAYS) | {"yesterday"}
#: Nouns of a whole campaign: what they "have killed" is a toll to date.
#: (plural "attacks" and "strikes" only: one strike that "has killed 12" is one event)
_CAMPAIGNS = frozenset("assault offensive campaign bombardment violence war conflict operation "
                       "siege battle fighting attacks strikes raids airstrikes".split())


#: Nouns of the whole war, whose dead are a country's toll: "killed in the conflict".
_WHOLE_WARS = frozenset("war conflict violence insurgency uprising revolution crisis".split())


#: A campaign's length written before it: "the three-week operation", "a 13-day offensive".
_SPELLED = re.compile(r"^(?:\w+|\d+)-(?:day|week|month|year)$", re.IGNORECASE)


def _spelled_campaign(noun: Any) -> bool:
    """Tell whether a noun is a campaign told with its length ("the three-week operation")."""
    return noun.lower_ in _CAMPAIGNS and any(
        _SPELLED.match("".join(t.text for t in c.subtree)) for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod"))


def toll_to_date(trigger: Any, anchor: Any) -> bool:
    """Tell whether a toll is counted to date over a campaign, not told of one event.

    "The assault has killed 219 civilians", "their attacks have killed 27 since the
    offensive began", "2,500 have been killed since April".
    """
    if trigger.kind == "kill" and syntax.is_verb(anchor):
        verb = anchor
    elif trigger.frame == "noun" and anchor.dep_ == "nsubj" and syntax.lemma(anchor.head) == "kill":
        verb = anchor.head  # the campaign itself: "the assault has killed 219"
    else:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
            syntax.lemma(w) in _WHOLE_WARS or _spelled_campaign(w)
            for o in c.children if o.dep_ == "pobj"
            for w in (o, *(g for p in o.children if p.lower_ == "of" for g in p.children)))
           for c in verb.children) and not names_a_day(verb.doc.text):
        # "80,000 killed in the two-year conflict", "in acts of violence in April"; not
        # "killed in violence in Ramadi on Monday", one day's toll
        return True
    if _SPAN.search(verb.doc.text) and any(
        c.dep_ == "nsubj" and c.tag_ == "NNS" and c.lower_ in _CAMPAIGNS for c in verb.children
    ):
        return True  # "ISIS attacks killed 48 members of the security forces during August"
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in verb.children):
        return False  # not the present perfect
    if any(
        c.dep_ == "prep" and c.lower_ == "since"
        and not any(g.lower_ in _THIS_WEEK for g in c.children)
        for c in verb.children
    ) or any(
        c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children if m.dep_ == "mark")
        for c in verb.children
    ):
        return True
    return any(c.dep_ == "nsubj" and c.lower_ in _CAMPAIGNS for c in verb.children)
