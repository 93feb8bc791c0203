"""Stages 4 and 5 for one sentence: its filtered triggers, read as candidate events.

For each trigger the event filter (:mod:`.filters`) decides whether it reports
a happening; its arguments (:mod:`.roles`), acting sides (:mod:`.agents`),
count (:mod:`.counts`) and event type (:mod:`.kinds`) make a candidate per
place. Then what the sentence says as a whole: deaths told beside a strike or
a bombing are that event's toll, not another event; a generic "attack" beside
a specific one is that one; a date belongs to the nearest event above it in
the parse (:mod:`.clause_dates`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from events import actors as _actors
from events.extract import (
    agents,
    clause_dates,
    counts,
    declared,
    filters,
    held,
    kinds,
    place_roles,
    roles,
    syntax,
)
from events.extract.candidate import Candidate
from events.extract.wordlists import CLAIM_CUES


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
        if why is not None and not (why in _DECLARABLE and declared.declared(sentence, trig)):
            continue
        if kind is None:
            continue
        trig = reading
        if why in _DECLARABLE or (
                kind == "troop_position" and declared.declared_advance(args.anchor)):
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
        if kind == "clash" and held.siege_broken(args.anchor):
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
        c.date, c.attributed_date = clause_dates.own_date(
            sentence, c, found[id(c)], mentions, kept, campaigns, set(anchors)
        )
        c.earlier_by = clause_dates.measured_after(found[id(c)].anchor)
        anchor = found[id(c)].anchor
        if c.date is None and (anchor.dep_ == "conj" or anchor.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _JUST_BEFORE for m in anchor.children)):
            # "..., when army units punched through and entered the town": a verb coordinated
            # with an event's takes the date that event was given, wherever it came from; so
            # does what happened just before it ("took Kirkuk after the army fled")
            head = next((o for o in out if found[id(o)].anchor.i == anchor.head.i), None)
            if head is not None:
                c.date, c.attributed_date = head.date, head.attributed_date
    out = [c for c in out if not (c.date is None and _told_as_background(found[id(c)].anchor)
                                  and not _WITHIN_THE_DAY.search(sentence.text))]
    return _drop_background_seizures(out)


#: Why a trigger is no event that a side's declaring it makes a threat: "said it would
#: take X" (modal), "said they would try to retake X" (an aim).
_DECLARABLE = frozenset({"modal", "aim"})
#: Marks of a clause that tells what happened just before the event it hangs on.
_JUST_BEFORE = frozenset({"after", "as"})
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
        owner = next(
            (c for c in violent for h in syntax.ancestors(anchor) if h.i == _anchor_i(c)),
            violent[0],
        )
        if anchor.i in civilians and owner.kind == "clash" and (
                owner.trigger.kind == "attack" or _lemma_of(owner) in _ASSAULTS):
            # "stormed the village, killing 12 civilians", "a man was killed by sniper fire":
            # an attack on them, however many
            owner.kind, owner.actor2 = "attack_on_civilians", "Civilians"
        if value is None or unit not in ("killed", "wounded"):
            continue
        if owner.magnitude is None or (owner.unit == "wounded" and unit == "killed"):
            owner.magnitude, owner.unit = value, unit
            if note:
                owner.notes.append(note)
    return out


def _anchor_i(c: Candidate) -> int:
    return _anchor(c).i
