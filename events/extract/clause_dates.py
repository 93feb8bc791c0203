"""Which date of a sentence dates which of its events: a date belongs to the event above it.

A sentence often tells several times: the day of the news, the day an attribution was
made ("officials said on Tuesday"), when a siege began, how long an offensive lasted.
:func:`own_date` gives each candidate event the time expression that dates it, by
where the date hangs in the parse; :func:`measured_after` the span an event is told
before its clause's date ("six weeks after routing ISIS").
"""

from __future__ import annotations

import re
from typing import Any

from events.extract import roles, syntax
from events.extract.candidate import Candidate
from events.extract.wordlists import SPEECH_VERBS
from events.figures import SMALL_NUMBERS


def own_date(
    sentence: Any,
    c: Candidate,
    args: roles.Arguments,
    mentions: Any,
    anchors: dict[int, int],
    campaigns: list[int],
    words: set[int],
) -> tuple[Any, bool]:
    """Return the time expression that dates a candidate: its own, else the sentence's free one.

    A date belongs to the nearest event trigger above it in the parse;
    coordinated verbs share their head's ("On Monday, X seized A and withdrew
    from B"); in a list of places, a date inside one place's phrase is that
    place's ("recaptured Shirqat last month, and the airbase in July"); a date
    below no trigger (an attribution, "officials said on Tuesday") is the
    sentence's, for every trigger that has none of its own.
    """
    doc = sentence.doc
    owners: dict[int, list[Any]] = {}
    for d in mentions.dates:
        head = syntax.span_head(doc, d.start, d.end)
        if head is None:
            continue
        owners.setdefault(_date_owner(head, anchors, campaigns, words), []).append(d)
    own = owners.get(args.anchor.i, [])
    if syntax.lemma(args.anchor) in _ENDINGS:
        # "broke a two-month siege": the siege began two months ago, its breaking is now
        own = [d for d in own if not d.spell]
    # a campaign's length dates the campaign's start, not an event told after it, which
    # takes its clause's date instead ("fell in May, when troops abandoned their positions
    # after a three-day assault")
    own = [d for d in own if not _campaign_length(sentence.text, d, c)]
    own = _this_place(doc, own, c.place, args)
    # "19 were killed in strikes on Hamouriyah today, raising to 274 the toll since the
    # evening of Sunday the 18th": a count's start dates no strike where the sentence tells
    # its day (a state's start, "held" or "besieged since June", is its date; "fighting has
    # raged since Tuesday" alone is dated by when it began)
    told_since = [d for d in mentions.dates if since(sentence.text, d)]
    starts = [] if c.kind in _STATES or len(told_since) == len(mentions.dates) else told_since
    own = [d for d in own if d not in starts]
    ending = args.anchor.head
    if syntax.lemma(ending) in _ENDINGS and args.anchor.dep_ in ("nsubjpass", "nsubj", "dobj"):
        # "the siege, imposed in January 2015, was broken on September 5": the day of its
        # breaking, not of the clause that tells when it began
        own = [d for d in mentions.dates if _hangs_on(doc, d, ending, args.anchor)] or own
    shared: list[Any] = []
    if not own and args.anchor.head.i != args.anchor.i:
        # an event inside another's clause shares its date unless it has its own:
        # "seized X on Monday and withdrew", "backed by Russian air strikes, troops
        # recaptured Palmyra on Sunday", "kidnapped 30 on Monday before they fled"
        above = _date_owner(args.anchor.head, anchors, campaigns, words)
        shared = owners.get(above, []) if above >= 0 or above <= _CLAUSE else []
        for _ in range(4):
            # up a chain of coordinated verbs: "entered X on Monday but came under attack
            # and pulled back" - the last two share the first's Monday
            if shared or above < 0 or doc[above].dep_ != "conj":
                break
            above = _date_owner(doc[above].head, anchors, campaigns, words)
            shared = owners.get(above, []) if above >= 0 else []
    if not own and not shared:
        # "under the campaigns of the 1970s, families were pushed out", "during the 2014
        # offensive, ISIS seized X": the time of the frame the event is told in; "when the
        # Peshmerga withdrew in October 2017, the army moved in": the time of the event
        # that a "when" clause of the trigger tells
        shared = [d for a, found in owners.items() if a >= 0 and (
            _frames(doc[a], args.anchor) or _at_the_time_of(doc[a], args.anchor)
            or _right_after(doc[a], args.anchor))
            for d in found] or _when_of_the_date(doc, args.anchor, mentions.dates)
    if not own and not shared:
        # "succeeded on August 11 in ousting IS": the day of the verb that carries the
        # event is the event's own, unlike an attribution's ("officials said on Tuesday")
        own = [d for d in owners.get(-1, []) if _carrier_date(doc, d, args.anchor)]
    # a state's "since" dates it in its own phrase, not from another clause ("declared a
    # caliphate in June after sweeping through Mosul, and has been the target of strikes
    # since August 8": the sweep is June's)
    sentence_wide = [d for d in owners.get(-1, []) if d not in starts]
    if len(sentence_wide) > len(told_since):
        sentence_wide = [d for d in sentence_wide if d not in told_since]
    pool = own or [d for d in shared if d not in starts] or sentence_wide
    if not pool:
        # "On January 6, drones were launched at the base; the defences shot down seven":
        # the day a clause before the event told, as the sentence before would have
        pool = [d for a, found in owners.items() if a <= _CLAUSE for d in found
                if d.end <= c.trigger.start and d.precision == "day"][-1:]
    if c.kind == "threat":
        # "the aim was to reach the crossing, in rebel hands since 2015": a threat is made
        # when it is said, not in the time of what it names
        pool = [d for d in pool if not since(sentence.text, d)]
    pool = [d for d in pool if not _campaign_length(sentence.text, d, c)]
    if not pool:
        return None, False
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    # "overnight on Saturday": a date told outright before one counted from another,
    # unless that one holds the trigger ("after a three-day offensive")
    # "In April this year, they fought for three days": the month told dates the fighting;
    # a duration counts back from publication only when nothing else dates it
    best = min(pool, key=lambda d: (
        d.duration, rank[d.precision],
        d.relative_to_anchor and not d.start <= c.trigger.start < d.end,
        abs(d.start - c.trigger.start)))
    return best, not own


#: Kinds told as states, which "since" may date: "held since 2014", "besieged since June",
#: "have fled since Wednesday" (gold is split between the day told and the count to date).
_STATES = frozenset({"seizure", "troop_position", "displacement"})
_SINCE = re.compile(r"\bsince\s+(?:the\s+(?:early\s+|late\s+)?(?:evening|morning|night|dawn|"
                    r"afternoon|start|beginning|end)\s+of\s+)?"
                    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?)?$",
                    re.IGNORECASE)


def since(text: str, d: Any) -> bool:
    """Tell whether a date starts a count or a state: "since 2015", "since the evening of"."""
    return d.text.lower().startswith("since") or _SINCE.search(text, 0, d.start) is not None


def _frames(noun: Any, anchor: Any) -> bool:
    """Tell whether an event noun frames the trigger: "under/during/amid the campaigns"."""
    return (noun.dep_ == "pobj" and noun.head.lower_ in ("under", "during", "amid", "throughout")
            and noun.head.head.i == anchor.i)


def _when_of_the_date(doc: Any, anchor: Any, dates: list[Any]) -> list[Any]:
    """Return the date whose "when" clause tells the event, if it is one.

    "Operations started on 19 September, when the ISF launched an offensive on Anah": the
    clause hangs on the date, and the offensive (carried by "launched") is of that day.
    """
    verb = anchor if anchor.dep_ == "relcl" else anchor.head
    if verb.dep_ != "relcl" or not any(c.lower_ == "when" for c in verb.children):
        return []
    return [d for d in dates if (h := syntax.span_head(doc, d.start, d.end)) is not None
            and h.i == verb.head.i]


def _at_the_time_of(verb: Any, anchor: Any) -> bool:
    """Tell whether an event verb heads a "when" or "as" clause of the trigger."""
    return verb.dep_ == "advcl" and verb.head.i == anchor.i and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as") for c in verb.children)


def _right_after(event: Any, anchor: Any) -> bool:
    """Tell whether a past event follows, untimed, an "after" phrase that tells an event.

    "After overrunning the air base in August 2014, IS executed dozens", "after the
    withdrawal of the troops on Saturday, rebels moved in": the execution and the move
    are told at the time of what they followed. Not when a span parts them ("six weeks
    after"), nor for a state told in the present ("since then it holds").
    """
    if event.dep_ in ("pobj", "pcomp") and event.head.lower_ == "after":
        held, holder = event.head.head, event.head
    elif event.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "after" for c in event.children):
        held, holder = event.head, event
    else:
        return False
    past = anchor.tag_ == "VBD" or (anchor.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had")
        for c in anchor.children))
    spaced = any(c.dep_ == "npadvmod" for c in holder.children)
    return held.i == anchor.i and past and not spaced


def _carrier_date(doc: Any, d: Any, anchor: Any) -> bool:
    """Tell whether a free date hangs on a verb above the trigger that carries it."""
    head = syntax.span_head(doc, d.start, d.end)
    verb = next((t for t in (head, *syntax.ancestors(head)) if syntax.is_verb(t)), None)
    return (
        verb is not None
        and verb.i in {t.i for t in syntax.ancestors(anchor)}
        and syntax.lemma(verb) in _CARRIERS
    )


def _hangs_on(doc: Any, d: Any, verb: Any, besides: Any) -> bool:
    """Tell whether a date hangs on ``verb`` itself, not through ``besides``."""
    head = syntax.span_head(doc, d.start, d.end)
    for t in (head, *syntax.ancestors(head)) if head is not None else ():
        if t.i == besides.i:
            return False
        if t.i == verb.i:
            return True
    return False


#: Verbs whose day is the day of the event they carry: "succeeded on 11 August in ousting".
_CARRIERS = frozenset("succeed manage complete finish begin start continue resume".split())


#: Verbs that end a campaign, whose length dates its start, not their own day.
_ENDINGS = frozenset("break breach lift end finish".split())
_SPAN_UNITS = frozenset("day week month year".split())


def _campaign_length(text: str, d: Any, c: Candidate) -> bool:
    """Tell whether a date is the length of a campaign an event is told after.

    "drove IS out of Shaddadi after a three-week offensive", "liberates Palmyra after
    three-week offensive": the span dates the offensive's start (a trigger inside it), not
    the event told after it.
    """
    after = d.text.lower().startswith(("after", "following")) or _AFTER.search(text, 0, d.start)
    return ((d.relative_to_anchor or d.spell) and bool(after)
            and not d.start <= c.trigger.start < d.end)


_AFTER = re.compile(r"\b(?:after|following)\s+$", re.IGNORECASE)


def measured_after(anchor: Any) -> tuple[int, str] | None:
    """Return how long before its clause's date an event is told, or None.

    "Six weeks after routing ISIS from Mosul, troops attacked Tal Afar on
    Sunday", "less than two weeks after the offensive began": the routing and
    the offensive are that span before the Sunday and the recapture.
    """
    if anchor.dep_ in ("pobj", "pcomp") and anchor.head.lower_ == "after":
        holder = anchor.head
    elif anchor.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "mark" and c.lower_ == "after" for c in anchor.head.children
    ):
        holder = anchor.head
    elif any(c.dep_ == "mark" and c.lower_ == "after" for c in anchor.children):
        holder = anchor  # "eleven days after the jihadists seized the dam"
    else:
        return None
    for m in holder.children:
        if m.dep_ != "npadvmod" or syntax.lemma(m) not in _SPAN_UNITS:
            continue
        for n in m.children:
            if n.dep_ == "nummod":
                value = n.text if n.text.isdigit() else SMALL_NUMBERS.get(n.lower_)
                if value is not None and 0 < int(value) <= 60:
                    return int(value), syntax.lemma(m)
            if n.dep_ == "det" and n.lower_ in ("a", "an", "one"):
                return 1, syntax.lemma(m)  # "a day after dozens of jihadists stormed the city"
    return None


_STARTS = frozenset("begin start launch commence kick".split())
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose", "when", "where", "while"})


def _date_owner(
    head: Any, anchors: dict[int, int], campaigns: list[int] = (), words: set[int] = frozenset()
) -> int:
    """Return the anchor a date hangs from, or what else owns it.

    -1 is the sentence's, -2 a clause that is no event, ``_CLAUSE - i`` the clause of
    its own whose verb is token i.
    ``anchors`` maps the token of each event trigger, and the verb that carries an
    event noun ("carried out strikes overnight"), to the trigger's anchor;
    ``campaigns`` lists the offensives, whose start a "which began on" clause dates;
    ``words`` holds every trigger word of the sentence, events or not.
    """
    t = head
    for _ in range(32):
        if t.i in anchors:
            return anchors[t.i]
        if t.head.i == t.i:
            return -1
        if t.dep_ == "relcl" and t.head.i in anchors:
            return anchors[t.head.i]  # "shelling that targeted the city on Thursday"
        if t.dep_ == "relcl" and syntax.lemma(t) in _STARTS:
            # "the operation to retake Hit, which began on 2 May": the offensive's start;
            # "after fighting that began on May 28": the start of what is no event here
            if t.head.i in words:
                return -2
            before = [i for i in campaigns if i < t.i]
            if before:
                return before[-1]
            return next((anchors[h.i] for h in syntax.ancestors(t) if h.i in anchors), -2)
        if (
            t.dep_ in ("relcl", "advcl")
            and syntax.lemma(t) not in SPEECH_VERBS
            and any(c.lower_ in _RELATIVES and c.dep_ in ("nsubj", "mark", "advmod", "dobj")
                    for c in t.children)
            # "took place in June, when militants executed them": the same time
            and not any(c.lower_ == "when" for c in t.children)
        ):
            return -2  # "fighting that began on May 28": the date of a clause that is no event
        if t.dep_ in ("parataxis", "ccomp") and syntax.is_verb(t) and not _attribution(t) and (
                t.dep_ == "parataxis" or _semicolon_between(t, t.head)):
            # "the push was announced on 9 February; Hajin fell in mid-December": a clause
            # of its own, not an attribution ("..., officials said on Tuesday"); an event
            # told inside it shares its date (:data:`_CLAUSE`)
            return _CLAUSE - t.i
        t = t.head
    return -1


#: Owners below this are clauses of their own: "on 8 November, three were killed when mortar
#: rounds landed; the source could not be determined" dates the rounds of its clause.
_CLAUSE = -3


def _semicolon_between(a: Any, b: Any) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[lo:hi])


def _attribution(verb: Any) -> bool:
    """Tell whether a verb attributes what it governs: "officials said", active speech."""
    return syntax.lemma(verb) in SPEECH_VERBS and not any(
        c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _this_place(doc: Any, dates: list[Any], place: Any, args: roles.Arguments) -> list[Any]:
    """Of a trigger's dates, those that belong to this place of a list, if any do."""
    if place is None or len(dates) < 2:
        return dates
    heads = {id(p): syntax.span_head(doc, p.name_start, p.name_end) for p, _ in args.places}

    def inside(d: Any, p: Any) -> bool:
        head, at = syntax.span_head(doc, d.start, d.end), heads.get(id(p))
        return head is not None and at is not None and at.is_ancestor(head)

    mine = [d for d in dates if inside(d, place)]
    if mine:
        return mine
    # "captured A on 8 May and B on 9 May", "occupied Afrin in March 2018 and the cities of
    # Ras al-Ain and Tal Abyad in October 2019": each place's day is the first told after it,
    # when every place has one after it and every day follows a place
    # (the places named: "Its liberation follows that of A on 9 July and B on 25 August"
    # tells no day of "its")
    listed = sorted((p for p, _ in args.places if not p.reference and not p.anaphor),
                    key=lambda p: p.name_start)
    dated = sorted(dates, key=lambda d: d.start)
    after = {p.name_start: next((d for d in dated if d.start >= p.name_end), None)
             for p in listed}
    if (place.name_start in after and dated[0].start >= listed[0].name_end
            and all(after.values())
            and all(any(a.end <= p.name_start and p.name_end <= b.start for p in listed)
                    for a, b in zip(dated, dated[1:], strict=False))):
        return [after[place.name_start]]  # (a place between each two times)
    others = [p for p, _ in args.places if p is not place and not p.reference]
    return [d for d in dates if not any(inside(d, p) for p in others)] or dates
