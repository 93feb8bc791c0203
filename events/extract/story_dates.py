"""Stage 6b, the narrative's dates: the day each event is told at, from the whole report.

* An event dated in its own clause keeps that date; one in a sentence dated
  elsewhere (an attribution, "officials said on Tuesday") takes the sentence's
  date; "a day later" counts from the date the narrative is at.
* A day written without its year is in the year the paragraph's story is at;
  a spell ("for 15 months") is dated by the tense it is told in.
* An undated event in a timeline's entry ("January 2015 - ...") takes the entry's
  date; one in a sentence whose every date is before 2013 takes that date (history,
  dropped later); one in a sentence that continues a dated one (same paragraph,
  the next sentence) takes that date; any other undated event is of the days
  before publication (the publication date, precision ``week``).
* A date after "since" tells when a state began, not the year a paragraph's story
  is at.
* A count since a day ("have fled since Friday") is a count to date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from events.dates import MONTHS, PRECISIONS, WEEKDAYS, find_dates
from events.extract import syntax
from events.extract.candidate import Candidate
from events.extract.clause_dates import since
from events.extract.context import paragraph_headings
from events.extract.filters import FIRST_YEAR
from events.extract.sentences import LIST_ITEM

#: The note of a figure counted up to the report's day ("have fled since Friday").
COUNT_TO_DATE = "count to date"
#: How many sentences back an undated sentence may borrow its year (in its paragraph).
DATE_SENTENCES = 1
#: How many sentences back an undated sentence may take the day its paragraph's story is
#: at: "the assault began on Sunday. Armed men then entered the camp. Survivors said 52
#: residents were shot dead": all Sunday's. A casualty record's heading line holds its day,
#: then three field lines (place, belligerent, toll) before the summary that tells it.
NARRATIVE_SENTENCES = 4
_RANK = {p: i for i, p in enumerate(PRECISIONS)}
# "9,000 people are currently displaced": a count on the report's day.
_CURRENT = re.compile(r"\b(?:currently|now|still|remain|remains|remained)\s+(?:\w+\s+)?$", re.I)
# "continues to besiege", "is still surrounding": a state at the report's time.
_ONGOING = re.compile(
    r"\b(?:continues?\s+to|continuing\s+to|keeps?|still|is\s+now|are\s+now|remains?|currently"
    # "the troops have since won back the buildings": after the day told, up to now
    r"|ha(?:s|ve)\s+since)\b",
    re.IGNORECASE,
)
_NIGHT = re.compile(r"night", re.IGNORECASE)
#: A line that only names a section ("Homs", "Damascus Countryside"); not a record's field
#: line ("Location: ...") nor a headline.
_SECTION = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}")


#: The open "since" clause a date is told in: "since a truck bomb killed 320 people in".
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:an?|the|its|their)\s[^,;()]*$", re.IGNORECASE)
#: The open relative clause a date is told in: ", which the fighters stormed last Wednesday".
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whom|where)\b[^,;()]*$", re.IGNORECASE)


def _anchor_dates(sentences: list[Any], mentions: list[Any]) -> dict[int, Any]:
    """Return the date each sentence is about, for the ones that name one.

    Of a sentence's dates, the most exact is taken, and the last of equals.
    """
    out = {}
    for s, m in zip(sentences, mentions, strict=True):
        # "in Adra, which the fighters stormed last Wednesday", "killed since Sunday": a
        # relative clause's time and a count's start are background, not the story's day
        # nor a "since" clause's ("the deadliest attack since a truck bomb killed 320 people
        # in Karrada in July 2016")
        dated = [d for d in m.dates if not d.relative_to_anchor
                 and not _RELATIVE_ASIDE.search(s.text, 0, d.start) and not since(s.text, d)
                 and not _SINCE_CLAUSE.search(s.text, 0, d.start)]
        if dated:
            best = min(_RANK[d.precision] for d in dated)
            out[s.index] = [d for d in dated if _RANK[d.precision] == best][-1]
    return out


#: A campaign's launch told with its day: "launched their offensive ... on 9 October".
_LAUNCH = re.compile(
    r"\b(?:launch|begin|began|begun|start|open)\w*\b[^.;]{0,80}?\b(?:offensive|operation|"
    r"campaign|battle|assault)\b|\b(?:offensive|operation|campaign|battle|assault)\b[^.;]{0,60}?"
    r"\b(?:was\s+launched|began|started|opened|got\s+under\s+way)\b", re.IGNORECASE)
#: A day counted within the campaign: "on the second day of the offensive".
_NTH_DAY = re.compile(
    r"\bthe\s+(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+day\s+of\s+"
    r"(?:the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:offensive|operation|campaign|battle|assault)\b",
    re.IGNORECASE)
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth").split()


def _launch_days(sentences: list[Any], mentions: list[Any]) -> list[tuple[int, date]]:
    """Return (sentence index, day) of each campaign launch the report tells with its day."""
    return [(s.index, d.date) for s, m in zip(sentences, mentions, strict=True)
            if _LAUNCH.search(s.text)
            for d in m.dates[:1] if d.precision == "day" and not d.relative_to_anchor]


def _day_of_the_campaign(text: str, launches: list[tuple[int, date]], index: int) -> Any:
    """Return the day a sentence counts within the campaign launched before it, or None."""
    nth = _NTH_DAY.search(text)
    told = [day for i, day in launches if i < index]
    if nth is None or not told:
        return None
    return told[-1] + timedelta(days=_ORDINALS.index(nth.group(1).lower()))


def _record_days(sentences: list[Any], anchors: dict[int, Any]) -> dict[int, Any]:
    """Return the day of each paragraph that opens with a dated heading line.

    A log or live blog opens each entry with a line such as "RS002 | 30 September
    2015 | Al Rastan, Homs" or "Tuesday 4 March, 10:45": the entry's undated
    sentences tell that day; a line that is only a day heads every entry below it.
    """
    out: dict[int, Any] = {}
    heads = {s.index for s in paragraph_headings(sentences)}
    day_line = None
    for s in sentences:
        d = anchors.get(s.index)
        if s.index in heads and d is not None and d.precision == "day":
            out[s.paragraph] = d
            # "Monday 16 October" on a line of its own heads the entries below it, up to
            # the next such line
            rest = (s.text[: d.start] + s.text[d.end :]).strip(" ,.:;|-–—")
            day_line = d if not rest or rest.lower() in WEEKDAYS else None
        elif day_line is not None:
            out.setdefault(s.paragraph, day_line)
    return out




def _lead_in_days(sentences: list[Any], anchors: dict[int, Any]) -> dict[int, Any]:
    """Return the day of each list item that the paragraph leading into its list tells.

    "Coalition forces conducted 21 strikes on 21 October. ... Strikes in Iraq: - Near
    Baiji, three strikes struck ...": the items tell that day, under headings too.
    """
    out: dict[int, Any] = {}
    lead = None
    seen: set[int] = set()
    items: set[int] = set()  # paragraphs that open with an item's mark: items all through
    for s in sentences:
        opens = s.paragraph not in seen
        seen.add(s.paragraph)
        if opens and LIST_ITEM.match(s.text):
            items.add(s.paragraph)
        if s.paragraph in items:
            if lead is not None:
                out[s.paragraph] = lead
        elif not s.headline:
            d = anchors.get(s.index)
            if opens and not (d is None and s.text.rstrip().endswith(":")):
                # a new paragraph of prose leads into what follows it; an undated line that
                # only announces the list ("The following is a summary of the strikes:")
                # leaves the day told before it
                lead = None
            lead = d if d is not None and d.precision == "day" else lead
    return out


def resolve_dates(
    cands: list[Candidate], sentences: list[Any], mentions: list[Any], published: date
) -> None:
    """Set every candidate's ``day`` and ``precision`` (see the module's rules)."""
    anchors = _anchor_dates(sentences, mentions)
    launches = _launch_days(sentences, mentions)
    paragraph = {s.index: s.paragraph for s in sentences}
    text = {s.index: s.text for s in sentences}
    headline = {s.index: s.headline for s in sentences}
    items = {s.index for s in sentences if LIST_ITEM.match(s.text)}
    records = _record_days(sentences, anchors)
    lead_ins = _lead_in_days(sentences, anchors)

    def narrative(index: int) -> Any:
        # only a day the story is at carries on; a month or a year is background. A list's
        # items and headings do not move the story on for an item: "On Dec. 29, coalition
        # forces conducted 28 strikes. Strikes in Syria / -- Near Abu Kamal, ... / -- Near
        # Palmyra, ..." are all of 29 December, however long the list
        prev, counted = index, 0
        while counted < NARRATIVE_SENTENCES and paragraph.get(prev - 1) == paragraph.get(index):
            prev -= 1
            if prev in anchors:
                return anchors[prev] if anchors[prev].precision == "day" else None
            if headline[prev] and index not in items and _SECTION.fullmatch(text[prev].strip()):
                return None  # "Damascus Countryside": prose under a new heading starts afresh
            counted += not (index in items and (prev in items or headline[prev]))
        return None

    def story_date(c: Candidate) -> Any:
        # the date, written with its year, that the paragraph's story is at: one before
        # the day in its own sentence ("August 2014 - IS seizes ... Shaddadi on 19
        # August"), else the date of the sentence or of the one before
        index = c.sentence.index
        own = [d for d in mentions[index].dates if not d.relative_to_anchor
               and d.end <= c.date.start and _YEAR.search(d.text)
               and not _in_a_clause_aside(c, d)]
        if own:
            return own[-1], True
        # "freed Til Berak on 23 February and Til Hemis on 27 February this year": the
        # year of a day written later in the sentence is the year of the day before it too
        # (not that of a month told as background: "since June 2014")
        later = [d for d in mentions[index].dates if not d.relative_to_anchor
                 and d.start >= c.date.end and d.precision == "day"
                 and _names_a_month(d.text)
                 and (_YEAR.search(d.text) or _THIS_YEAR.search(d.text))]
        if later:
            return later[0], True
        if any(_NOW.search(d.text) for d in mentions[index].dates):
            # "after the liberation of the airbase in July and of the town last month": a
            # sentence told from the report's day is in the report's year, not the story's
            return None
        for back in range(0, DATE_SENTENCES + 1):
            d = anchors.get(index - back)
            if (d is not None and paragraph.get(index - back) == paragraph.get(index)
                    and _YEAR.search(d.text) and not _SINCE.search(text[index - back][: d.start])):
                return d, back == 0
        return None

    def latest_anchor(c: Candidate) -> date:
        # "in December, after having been driven out eight months before": the sentence's own
        # date first, else the date the narrative is at; "overnight" only the night before
        # the day this paragraph is at, else before publication
        if _NIGHT.search(c.date.text):
            # (a story at yesterday is at the report's last night: "an attack on Monday ...
            # mortar rounds hit Samarra overnight", published on Tuesday)
            told = narrative(c.sentence.index)
            return told.date if told is not None and (
                told.date < published - timedelta(days=1)) else published
        same = [
            d for d in mentions[c.sentence.index].dates
            if not d.relative_to_anchor and d.end <= c.date.start
        ]  # fmt: skip
        if same:
            return same[-1].date
        earlier = [d for i, d in anchors.items() if i < c.sentence.index]
        # "the same day" counts from the last day told, not a background month between
        # ("..., which Kurdish forces had recaptured in November 2015.")
        days = [d for d in earlier if d.precision == "day"]
        earlier = days if days and re.search(r"\bday\b", c.date.text, re.I) else earlier
        return earlier[-1].date if earlier else published

    for c in cands:
        d = c.date
        i = c.sentence.index
        if c.kind == "displacement" and _SINCE_AN_EVENT.search(c.sentence.text):
            # "have been displaced from Serekaniye since the start of the attack": a count
            # up to the report's day, whatever day the attack began
            c.day, c.precision, c.explicit_date = published, "week", False
            c.notes.append(f"{COUNT_TO_DATE} (since an event)")
            continue
        if d is not None and d.relative_to_anchor:
            again = find_dates(d.text, published, anchor=latest_anchor(c))
            d = again[0] if again else None
        if d is not None and not d.relative_to_anchor and _LATER.search(c.sentence.text):
            d = _in_the_story_s_year(d, latest_anchor(c), published)
        elif d is not None and _names_a_month(d.text):
            # "... around August 9-10, 2014. U.S. aircraft struck near the mountain on
            # August 9": the year of the story the paragraph tells
            told = story_date(c)
            d = (_in_the_story_s_year(d, told[0].date, published, told[0].precision, told[1])
                 if told is not None else d)
        if d is not None and _SPELL.match(d.text):
            d = _spell_of(c, d, latest_anchor(c))
        if d is not None:
            c.day, c.precision, c.explicit_date = d.date, d.precision, not c.attributed_date
            if c.kind in ("displacement", "attack_on_civilians", "clash") and (
                _since(c, d) or _CURRENT.search(c.sentence.text[: c.trigger.start][-30:])
            ):
                # "have fled since Friday", "60 killed since Saturday": a count to date
                c.day, c.precision, c.explicit_date = published, "week", False
                if d.precision == "month" and _since(c, d):
                    # "have left Manbij since June": a count of the months since then, dated
                    # from the month it began
                    c.day, c.precision = d.date, "month"
                c.notes.append(f"{COUNT_TO_DATE} ({d.text})")
            continue
        written = [d for d in mentions[i].dates if not d.relative_to_anchor]
        counted = _day_of_the_campaign(c.sentence.text, launches, i)
        if counted is not None:
            # "shelled Qamishli on the second day of the offensive", launched on 9 October
            c.day, c.precision = counted, "day"
            continue
        entry = [d for d in written if d.start == 0 and _ENTRY.match(c.sentence.text[d.end :])]
        if entry:
            # "January 2015 - Kurdish fighters ... drive IS out of Kobane, after a four-month
            # siege": a timeline's entry dates what it tells that no date of its own does
            c.day, c.precision = entry[0].date, entry[0].precision
            continue
        if written and all(d.date.year < FIRST_YEAR for d in written):
            # "Marines fought some of the fiercest battles of the 2003-2011 occupation in
            # Ramadi": a sentence that names only years before the war tells of those years
            c.day, c.precision = written[-1].date, written[-1].precision
            continue
        before = c.sentence.text[: c.trigger.start]
        told = narrative(i) or records.get(paragraph[i])
        carried = (told or lead_ins.get(paragraph[i])
                   if not _ONGOING.search(before[-40:]) else None)
        if carried is not None:
            c.day, c.precision = carried.date, carried.precision
            # a list's items are told on the day their lead-in gives: "strikes on Friday
            # not included in the previous release: - Near Fallujah, ..." is not Saturday's
            # strike near Fallujah of the list before
            c.explicit_date = told is None
        else:
            c.day, c.precision = published, "week"
    for c in cands:
        if c.earlier_by is not None and not (c.date is not None and not c.attributed_date):
            c.day, c.precision = _earlier(c.day, c.precision, *c.earlier_by)
        if c.precision == "month":
            c.day = c.day.replace(day=1)
        elif c.precision == "year":
            c.day = c.day.replace(month=1, day=1)
        c.day = min(c.day, published)


#: People counted as displaced since an event, not since a day: "have been displaced ...
#: since the start of the attack", "have fled ... since operations began on 26 October".
_SINCE_AN_EVENT = re.compile(
    r"\bha(?:s|ve)\s+(?:been\s+)?(?:\w+\s+)?(?:displaced|fled|left|streamed|crossed)\b[^.;]*?"
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak|launch)\b|(?:the\s+)?(?:operations?|"
    r"offensive|attacks?|assault|fighting|battle|campaign)\s+(?:began|started)\b)",
    re.IGNORECASE)
# "Three months later, on 23 November": the story moves on from the date it was at
_LATER = re.compile(r"\b(?:days|weeks|months|a\s+(?:week|month)|\w+\s+(?:weeks|months))\s+later\b",
                    re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: Times counted from the report's day: "last month", "this week", "yesterday".
_NOW = re.compile(r"\b(?:(?:last|this|past|previous)\s+(?:week|month|year)|yesterday|today|ago)\b",
                  re.IGNORECASE)
_THIS_YEAR = re.compile(r"\b(?:this|last|the\s+previous)\s+year\b", re.IGNORECASE)
# The dash or colon after a timeline entry's date: "January 2015 - ", "10 May 2017: "
_ENTRY = re.compile(r"\s*[-–—:]\s")
# "encircled since early 2015. In January, ...": when a state began is not the year the
# story is at
_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid)-?\s*)?$", re.IGNORECASE)


# "for two months", "for more than a week": how long a state lasted
_SPELL = re.compile(r"for\b", re.IGNORECASE)


def _names_a_month(text: str) -> bool:
    """Tell whether a time expression names a month ("on August 9"), not a weekday."""
    return any(word in MONTHS for word in re.findall(r"[a-z]+", text.lower()))


def _spell_of(c: Candidate, d: Any, told: date) -> Any:
    """Date a state that lasted a while by the tense it is told in.

    "have been surrounded for two months" began that long before publication (as read);
    "which had been held by ISIS for 15 months" that long before the date the story is
    at; "surrounded the mountain for more than a week", in the simple past, tells no
    start of its own: the narrative's date carries it (None).
    """
    anchor = syntax.token_at(c.sentence.doc, c.trigger.anchor_start)
    verb = anchor if syntax.is_verb(anchor) else next(
        (h for h in syntax.ancestors(anchor) if syntax.is_verb(h)), anchor)
    aux = {a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")}
    if "had" in aux:
        again = find_dates(d.text, told)
        return again[0] if again else d
    if verb.tag_ == "VBD" and not aux & {"has", "have", "'ve", "is", "are", "am"}:
        return None
    return d


def _in_a_clause_aside(c: Candidate, d: Any) -> bool:
    """Tell whether a date is told in a clause that describes a noun, beside the event.

    "The siege, imposed by IS in January 2015, was broken on September 5": the year of
    the siege's start is no year of its breaking.
    """
    doc = c.sentence.doc
    if doc is None:
        return False
    head = syntax.span_head(doc, d.start, d.end)
    if head is None:
        return False
    clause = next((t for t in (head, *syntax.ancestors(head)) if t.dep_ in ("acl", "relcl")),
                  None)
    return clause is not None and not any(
        t.idx <= c.date.start < t.idx + len(t.text) for t in clause.subtree)


def _in_the_story_s_year(d: Any, told: date, published: date, told_precision: str = "day",
                         heading: bool = False) -> Any:
    """Read a day or a month written without a year in the year of the story told.

    "IS drove the Peshmerga out on 11 August 2014 ... Three months later, on 23 November,
    Peshmerga units recaptured Jalawla" (in a 2016 report) is 23 November 2014, the first
    such day after the story's date, not the latest before publication. Under a month
    or a year that heads its own sentence ("July-August 2014 - ... in late July ... on
    24 August", a timeline's entry), it is that year.
    """
    if d.precision not in ("day", "month") or _YEAR.search(d.text) or (
            d.date - told).days < 200:
        return d
    if d.precision == "month" and told_precision == "day":
        return d  # "in March", after a day told: the months of the year before publication
    day = d.date.replace(year=told.year)
    if day < told and not (heading and told_precision != "day"):
        day = day.replace(year=told.year + 1)
    return replace(d, date=day) if day <= published else d


def _earlier(day: date, precision: str, n: int, unit: str) -> tuple[date, str]:
    """Go back ``n`` units from a day; the result is no more exact than the unit.

    Examples
    --------
    >>> _earlier(date(2017, 8, 20), "day", 6, "week")
    (datetime.date(2017, 7, 9), 'week')
    >>> _earlier(date(2016, 12, 1), "month", 8, "month")
    (datetime.date(2016, 4, 1), 'month')
    """
    if unit in ("day", "week"):
        day = day - timedelta(days=n * (7 if unit == "week" else 1))
    else:
        months = day.year * 12 + day.month - 1 - n * (12 if unit == "year" else 1)
        day = date(months // 12, months % 12 + 1, 1)
    coarser = max(_RANK[precision], _RANK[unit])
    return day, PRECISIONS[coarser]


def _since(c: Candidate, d: Any) -> bool:
    text = c.sentence.text
    return d.text.lower().startswith("since") or bool(
        re.search(r"\bsince\s+$", text[max(0, d.start - 8) : d.start], re.IGNORECASE)
    ) or bool(_SINCE_START.search(text[max(0, d.start - 90) : d.start]))


# "since the start of military operations on 17 October": a count to date from then
_SINCE_START = re.compile(
    r"\bsince\s+(?:the\s+)?(?:start|beginning|launch|outset)\s+of\b[^,.;]{0,60}$|"
    # "since military operations to retake Mosul began on 17 October"
    r"\bsince\s+[^,.;]{0,60}\b(?:began|started|were\s+launched|was\s+launched)\s+"
    r"(?:on|in)\s+$", re.I)
