"""Stages 4 and 5 for one sentence: its filtered triggers, read as candidate events.

For each trigger the event filter (:mod:`.filters`) decides whether it reports
a happening; its arguments (:mod:`.roles`), acting sides (:mod:`.agents`),
count (:mod:`.counts`) and event type (:mod:`.kinds`) make a candidate per
place. Then what the sentence says as a whole: deaths told beside a strike or
a bombing are that event's toll, not another event; a generic "attack" beside
a specific one is that one; a date belongs to the nearest event above it in
the parse.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from events import actors as _actors
from events.extract import (
    agents,
    counts,
    declared,
    filters,
    kinds,
    place_roles,
    roles,
    syntax,
)
from events.extract.candidate import Candidate
from events.extract.wordlists import CLAIM_CUES, SPEECH_VERBS
from events.figures import SMALL_NUMBERS


@lru_cache(maxsize=256)
def _certainty(text: str) -> str:
    # asked for each candidate of a sentence: the cue scan is done once a sentence
    return "claimed" if CLAIM_CUES.search(text) else "reported"


def sentence_candidates(
    sentence: Any, mentions: Any, *, country: str | None, isis_named: bool
) -> list[Candidate]:
    """Stages 4 and 5 for one parsed sentence: its filtered triggers as candidate events.

    Parameters
    ----------
    sentence : Sentence
        A parsed sentence.
    mentions : Mentions
        Its mentions (stage 3).
    country : {"IQ", "SY"} or None
        The report's country, to name government forces.
    isis_named : bool
        Whether the report names ISIS (then generic "militants" are ISIS).

    Returns
    -------
    list of Candidate
        One per trigger and place, with what the sentence says of actors, date and figure.
    """
    out: list[Candidate] = []
    tolls: list[tuple[Any, tuple]] = []
    found: dict[int, roles.Arguments] = {}
    readings = [_reading(sentence, trig, mentions, country) for trig in mentions.triggers]
    # each trigger's kind by its anchor, None for one that reports nothing ("took part in")
    anchors = {
        syntax.token_at(sentence.doc, t.anchor_start).i: (t.kind if r[2] else None)
        for t, r in zip(mentions.triggers, readings, strict=True)
    }
    for trig, (reading, args, kind) in zip(mentions.triggers, readings, strict=True):
        why = filters.why_not(sentence, trig, anchors)
        if why is not None and not (why == "modal" and declared.declared(sentence, trig)):
            continue
        if kind is None:
            continue
        trig = reading
        if why == "modal" or kind == "troop_position" and declared.declared_advance(args.anchor):
            kind = "threat"  # "ISIS said it would march on Baghdad": a declared intent
        figure = counts.magnitude(args, kind, sentence.text)
        if kinds.is_toll(kind, trig):
            tolls.append((args.anchor, figure))
        places = place_roles.choose_places(args, args.frame, kind) or [None]
        # "government forces" are the army of the country the event is in
        where = next((p.place.country for p in places if p is not None and p.place), country)
        actor1, actor2, pronoun = agents.agent(
            args, frame=args.frame, country=where, isis_named=isis_named, kind=kind
        )
        if kind == "clash" and kinds.siege_broken(args.anchor):
            # "troops broke a three-year IS siege": the breakers fought the besiegers
            breaker = agents.siege_breaker(args, country=where, isis_named=isis_named)
            if breaker is not None and breaker != actor1:
                actor1, actor2 = breaker, actor1
        if kind == "displacement":
            actor1, actor2, pronoun = "Civilians", None, False
        elif kind in ("abduction", "attack_on_civilians"):
            actor2 = "Civilians"
        if actor1 == "Civilians" and kind in ("seizure", "troop_position", "clash", "withdrawal"):
            actor1 = None
        if kind == "clash" and actor1 is None and not pronoun:
            # "34 soldiers were killed in clashes": the side named is the one the report is on
            actor1, actor2 = _named_side(args, mentions, where, isis_named) or actor2, None
        if actor2 is None and actor1 is not None:
            actor2 = _actors.OPPONENTS.get((actor1, where or ""))
        for place in places:
            c = Candidate(
                sentence, trig, kind, place, actor1, actor2 if actor2 != actor1 else None,
                pronoun, None, figure[0], figure[1], _certainty(sentence.text),
                [n for n in (figure[2],) if n],
            )  # fmt: skip
            found[id(c)] = args
            out.append(c)
    out = _fold_tolls(out, tolls)
    # "repelled an IS attack": the attack is the object of the fight told, no event of its own
    told = {_anchor_i(c) for c in out if c.trigger.kind == "clash"}
    out = [c for c in out if not (
        c.trigger.kind == "attack" and _anchor(c).head.i in told and _anchor_i(c) not in told)]
    for c in out:
        if c.kind == "clash" and _lemma_of(c) in _ASSAULTS and c.place is not None:
            # a storming told with no toll of its own took what it stormed ("stormed the
            # town after a siege in which it was shelled" too)
            c.kind = kinds.storming_outcome(found[id(c)]) or c.kind
    specific = {c.kind for c in out} & (kinds.VIOLENT - {"clash"})
    if specific:
        # "The deadliest attack was in Sadr City, where a car bomb exploded": the generic
        # word names the specific event of the same sentence; "stormed al-Baghaliyah,
        # killing 135 civilians": the assault is how it was done
        out = [c for c in out if not (c.kind == "clash" and (
            c.trigger.kind == "attack" or _lemma_of(c) in _ASSAULTS))]
    if sentence.headline:
        # a headline is read alone: its events need a place it names itself, attached or not
        named = [p for p in mentions.places if p.place is not None and not p.reference]
        for c in out:
            if c.place is None and named:
                c.place = min(named, key=lambda p: abs(p.name_start - c.trigger.start))
        out = [c for c in out if c.place is not None and not c.place.anaphor]
    # dates last: a date belongs to the nearest trigger above it that is still an event
    kept: dict[int, int] = {}
    for c in out:
        anchor = found[id(c)].anchor
        kept[anchor.i] = anchor.i
    # an offensive's start: "the operation to retake Hit, which began on 2 May"
    campaigns = [
        found[id(c)].anchor.i for c in out
        if c.kind == "troop_position" and not syntax.is_verb(found[id(c)].anchor)
    ]  # fmt: skip
    for c in out:
        anchor = found[id(c)].anchor
        # a gerund subject is a noun too: "Fighting continued on Tuesday"
        nominal = not syntax.is_verb(anchor) or (
            anchor.tag_ == "VBG" and anchor.dep_ in ("nsubj", "nsubjpass"))
        if nominal and syntax.is_verb(anchor.head) and anchor.dep_ in (
            "dobj", "nsubj", "nsubjpass", "attr"
        ):
            kept.setdefault(anchor.head.i, anchor.i)  # the verb that carries an event noun
        if c.trigger.frame == "hold" and anchor.dep_ == "pobj" and anchor.head.dep_ == "prep":
            # "had been in rebel hands since 2014", "an artery in rebel hands since 2015"
            kept.setdefault(anchor.head.head.i, anchor.i)
    for c in out:
        c.date, c.attributed_date = _own_date(
            sentence, c, found[id(c)], mentions, kept, campaigns, set(anchors)
        )
        c.earlier_by = _measured_after(found[id(c)].anchor)
        anchor = found[id(c)].anchor
        if c.date is None and anchor.dep_ == "conj":
            # "..., when army units punched through and entered the town": a verb coordinated
            # with an event's takes the date that event was given, wherever it came from
            head = next((o for o in out if found[id(o)].anchor.i == anchor.head.i), None)
            if head is not None:
                c.date, c.attributed_date = head.date, head.attributed_date
    out = [c for c in out if not (c.date is None and _told_as_background(found[id(c)].anchor)
                                  and not _WITHIN_THE_DAY.search(sentence.text))]
    return _drop_background_seizures(out)


#: Verbs of an assault that a specific event of the same sentence tells the outcome of.
_ASSAULTS = frozenset({"storm"})


def _anchor(c: Candidate) -> Any:
    """Return the token a candidate's trigger hangs its arguments on."""
    return syntax.token_at(c.sentence.doc, c.trigger.anchor_start)


def _lemma_of(c: Candidate) -> str:
    return syntax.lemma(_anchor(c))


def _reading(sentence: Any, trig: Any, mentions: Any, country: str | None) -> tuple:
    """Return a trigger's first reading whose arguments fit, its arguments and its kind.

    "arrived in" said of people is no troop move; the kind is None when no reading fits.
    """
    for reading in (trig, *trig.alternatives):
        args = roles.arguments(sentence, reading, mentions)
        kind = kinds.resolve(reading, args, country=country)
        if kind is not None:
            return reading, args, kind
    return trig, args, None


#: A time counted within the day told: "Within hours the militants had overrun the
#: village", "by nightfall the district had passed under their control" tell the news in
#: the past perfect, not its background.
_WITHIN_THE_DAY = re.compile(
    # ("Within two days, the fighters had retaken most of it": counted from the day told)
    r"\b(?:within\s+(?:hours|minutes|an?\s+hour|the\s+hour|(?:a|one|two|three|four|a\s+few|"
    r"\d)\s+days?)|by\s+(?:early\s+|late\s+|the\s+)?"
    r"(?:evening|nightfall|dusk|dawn|noon|midday|morning|afternoon|sunset|sundown|"
    r"next\s+(?:morning|afternoon|day)))\b",
    re.IGNORECASE,
)


def _told_as_background(anchor: Any) -> bool:
    """Tell whether the anchor is told in the past perfect as background, not as the news.

    "ISIS had already captured Mosul": the past perfect with no date of its own is the
    background of the news, told elsewhere; reported speech ("they said they had taken
    it") is the news itself.
    """
    return any(
        any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
        and not agents.speech_governed(verb)
        for verb in _clause_verbs(anchor)
    )


def _clause_verbs(anchor: Any) -> list[Any]:
    """Return the verbs whose tense tells an anchor's: its own clause's and their carriers'.

    "had managed to fend off attacks by IS fighters, who encircled the town": the attacks
    are the object of "fend", which "had managed" carries; the encircling describes the
    fighters of that clause.
    """
    verbs: list[Any] = []
    t = anchor
    for _ in range(8):
        if not syntax.is_verb(t):
            t = next((h for h in syntax.ancestors(t) if syntax.is_verb(h)), None)
            if t is None:
                break
        verbs.append(t)
        if t.dep_ in ("xcomp", "relcl") and t.head.i != t.i:
            t = t.head  # the carrier, or the noun a relative clause describes
            continue
        break
    return verbs


def _drop_background_seizures(cands: list[Candidate]) -> list[Candidate]:
    """Drop the earlier seizure of the same place, told as background.

    "retook Palmyra from IS, ten months after IS overran it": the earlier seizure of the
    same place by the other side, told as background, is not a second event here.
    """
    seizures = [c for c in cands if c.kind == "seizure"]
    if len(seizures) < 2:
        return cands
    main = seizures[0]
    return [
        c for c in cands
        if c is main or c.kind != "seizure" or (c.date is not None and not c.attributed_date)
        or c.earlier_by is not None  # "eleven days after IS seized it": dated, so an event
        or c.actor1 in (None, main.actor1)
        or c.place is None or main.place is None
        or c.place.anaphor is None and c.place.place is not main.place.place
    ]  # fmt: skip


def _named_side(
    args: roles.Arguments, mentions: Any, country: str | None, isis_named: bool
) -> str | None:
    attached = [a for a, s in args.actors if s is not None]
    side = next(
        (a for a in attached + list(mentions.actors) if a.actor in _actors.ARMED
         and a.actor != "Civilians"),
        None,
    )  # fmt: skip
    if side is None:
        return None
    return _actors.canonical_actor(side.actor, country=country, isis_named=isis_named)


def _massacre(c: Candidate) -> bool:
    """Tell whether the candidate is a "massacre" that may be the outcome of a strike.

    "A massacre in Douma ... in the first raids of warplanes": the outcome of a strike.
    """
    return c.kind == "attack_on_civilians" and c.trigger.frame == "noun" and (
        _lemma_of(c) in ("massacre", "killing"))


def _fold_tolls(cands: list[Candidate], tolls: list[tuple[Any, tuple]]) -> list[Candidate]:
    """Fold the deaths told beside a strike, bombing or clash into that event's toll.

    Deaths told beside a strike, bombing or clash are that event's toll, not another event;
    so is a "massacre" that a strike or shell made.
    """
    violent = [c for c in cands if c.kind in kinds.VIOLENT and c.trigger.kind != "kill"]
    if not violent:
        return cands
    weapons = [c for c in violent if c.kind in ("airstrike", "shelling", "bombing")]
    massacres = [c for c in cands if weapons and _massacre(c)]
    for c in massacres:
        tolls.append((_anchor(c), (c.magnitude, c.unit, None)))
    violent = weapons or violent
    out = [
        c for c in cands
        if not (c.trigger.kind == "kill" and c.kind in kinds.VIOLENT) and c not in massacres
    ]  # fmt: skip
    civilians = {_anchor_i(c) for c in cands
                 if c.trigger.kind == "kill" and c.kind == "attack_on_civilians"}
    for anchor, (value, unit, note) in tolls:
        if value is None or unit not in ("killed", "wounded"):
            continue
        owner = next(
            (c for c in violent for h in syntax.ancestors(anchor) if h.i == _anchor_i(c)),
            violent[0],
        )
        if anchor.i in civilians and owner.kind == "clash" and (
                owner.trigger.kind == "attack" or _lemma_of(owner) in _ASSAULTS):
            # "stormed the village, killing 12 civilians": an attack on them
            owner.kind, owner.actor2 = "attack_on_civilians", "Civilians"
        if owner.magnitude is None or (owner.unit == "wounded" and unit == "killed"):
            owner.magnitude, owner.unit = value, unit
            if note:
                owner.notes.append(note)
    return out


def _anchor_i(c: Candidate) -> int:
    return _anchor(c).i


def _own_date(
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
    own = _this_place(doc, own, c.place, args)
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
            for d in found]
    if not own and not shared:
        # "succeeded on August 11 in ousting IS": the day of the verb that carries the
        # event is the event's own, unlike an attribution's ("officials said on Tuesday")
        own = [d for d in owners.get(-1, []) if _carrier_date(doc, d, args.anchor)]
    pool = own or shared or owners.get(-1, [])
    if not pool:
        # "On January 6, drones were launched at the base; the defences shot down seven":
        # the day a clause before the event told, as the sentence before would have
        pool = [d for a, found in owners.items() if a <= _CLAUSE for d in found
                if d.end <= c.trigger.start and d.precision == "day"][-1:]
    if c.kind == "threat":
        # "the aim was to reach the crossing, in rebel hands since 2015": a threat is made
        # when it is said, not in the time of what it names
        pool = [d for d in pool if not d.text.lower().startswith("since")]
    # "drove IS out of Shaddadi after a three-week offensive": the spell dates the
    # offensive's start, not the event told after it
    pool = [d for d in pool if not (d.relative_to_anchor and d.text.lower().startswith("after"))
            or d.start <= c.trigger.start < d.end]
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


def _frames(noun: Any, anchor: Any) -> bool:
    """Tell whether an event noun frames the trigger: "under/during/amid the campaigns"."""
    return (noun.dep_ == "pobj" and noun.head.lower_ in ("under", "during", "amid", "throughout")
            and noun.head.head.i == anchor.i)


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


def _measured_after(anchor: Any) -> tuple[int, str] | None:
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
    others = [p for p, _ in args.places if p is not place and not p.reference]
    return [d for d in dates if not any(inside(d, p) for p in others)] or dates
