"""Stage 4b, events told elsewhere: a trigger naming an event told as something else.

An event noun may only be the cause of what is told ("fled the fighting"), its time
("within an hour of the raid", "since the start of the offensive"), a verdict on it
("the takeover of Mosul was a setback"), a pointer back to it ("the clashes come as
..."), the dead of a killing told when it happened ("the bodies of 1,700 soldiers
killed"), or rhetoric in a quote. :mod:`events.extract.filters` asks these checks
among its others.
"""

from __future__ import annotations

import re
from typing import Any

from events.dates import MONTHS, WEEKDAYS
from events.extract import syntax, tallies
from events.extract.wordlists import EVENT_VERBS, SUPPORT_WORDS

# Prepositions that make an event noun a cause or background of something else.
_CAUSE_PREPS = frozenset(
    {"amid", "despite", "because", "due", "from", "among", "after", "following", "by", "since"}
)
_TIMES = frozenset("overnight nighttime night-time dawn morning evening weekend".split())
# "days of fighting", "years of war": a span of time filled with the event.
_SPANS_OF = frozenset(
    "day week month year hour decade night series round wave start beginning launch end "
    "outbreak onset".split()
)
_DEFINITE = frozenset({"the", "this", "these", "that", "those", "such"})


# " on 17 October", " in March", " on Monday": a day or month right after the words before
_ON_A_DAY = (r"\s+(?:on|in)\s+(?:the\s+)?(?:\d|(?:"
             + "|".join(sorted((w.capitalize() for w in (*MONTHS, *WEEKDAYS)), key=len,
                               reverse=True))
             + r")\b)")
_DATED_AFTER = re.compile(_ON_A_DAY)
_BEGAN_ON = re.compile(r"[^,.;]{0,40}?\b(?:began|started|was\s+launched|were\s+launched)"
                       rf"(?={_ON_A_DAY})")


#: Words for the dead a side leaves behind or mourns: what an event told elsewhere cost.
_THE_DEAD = frozenset("dead body corpse".split())


def dead_left_behind(trigger: Any, anchor: Any) -> bool:
    """Tell whether the dead are only what an event told elsewhere left.

    "fled the town, leaving behind their dead", "left dozens of bodies": no killing of
    its own; the dead of a side ("their dead") are the toll of the fight that made them.
    """
    return trigger.kind == "kill" and syntax.lemma(anchor) in _THE_DEAD and (
        any(c.dep_ == "poss" for c in anchor.children)
        or syntax.lemma(anchor.head) == "leave" and anchor.dep_ == "dobj")


def background_cause(trigger: Any, anchor: Any) -> bool:
    """Tell whether an event noun is told as the cause of something else ("fled the fighting")."""
    if trigger.frame != "noun":
        return False
    head = anchor.head
    while head.lower_ == "of" and syntax.lemma(head.head) in _SPANS_OF:
        head = head.head.head  # "after days of sustained fighting"
    if trigger.kind not in tallies.EVENT_NOUN_KINDS | {"clash"}:
        # an offensive named only as a point in time: "since the start of the offensive",
        # "since the offensive began" (not "since it began on 2 May": that dates it)
        since_began = anchor.dep_ == "nsubj" and any(
            c.dep_ == "mark" and c.lower_ == "since" for c in head.children
        ) and not any(c.dep_ in ("prep", "npadvmod") for c in head.children)
        # "since the start of operations on 17 October" dates the start: that is an event
        after = anchor.doc.text[trigger.end :]
        # ... and so does "since operations to retake Mosul began on 17 October"
        dated = bool(_DATED_AFTER.match(after) or _BEGAN_ON.match(after))
        return trigger.kind == "troop_position" and not dated and (
            head.lower_ == "since" or since_began)
    cause = head.lower_ in _CAUSE_PREPS or (
        syntax.lemma(head) in ("flee", "escape") and anchor.dep_ == "dobj"
    )
    if head.lower_ == "by" and (
        syntax.lemma(head.head) in SUPPORT_WORDS | EVENT_VERBS
        or any(c.dep_ == "prep" and c.lower_ == "under" for c in head.head.children)
    ):
        # "backed by Russian air strikes", "hit by air strikes", "came under attack by
        # seven car bombs": the strikes and the bombs are the news
        return False
    if not cause:
        return False
    # with a place or a time of its own it is an event worth coding ("fled clashes in
    # Saqlawiya", "following fierce overnight fighting")
    return not any(
        (c.dep_ == "prep" and c.lower_ in ("in", "on", "near", "at"))
        or (c.dep_ in ("amod", "compound", "npadvmod") and c.lower_ in _TIMES)
        for c in anchor.children
    )


_TIME_SPANS = frozenset("minute hour day week month".split())
#: The start of an event, a time only as the object of a time's preposition ("since the
#: start of the battle"; not "announced the start of the operation").
_OPENINGS = frozenset("start beginning outset eve".split())
_TIME_PREPS = frozenset("since at from before after until by on".split())


def _as_a_time(anchor: Any) -> bool:
    """Tell whether an event noun only says when ("after the raid", "within an hour of")."""
    if anchor.dep_ != "pobj":
        return False
    prep = anchor.head
    if prep.lower_ in ("after", "since", "following", "before"):
        return not any(c.dep_ == "prep" for c in anchor.children)
    # "on the second day of the offensive", "four weeks into the operation"
    span = prep.head
    timed = syntax.lemma(span) in _TIME_SPANS or (
        syntax.lemma(span) in _OPENINGS and span.dep_ == "pobj"
        and span.head.lower_ in _TIME_PREPS)
    return (prep.lower_ in ("of", "into") and timed
            and not any(c.dep_ == "prep" for c in anchor.children))


def told_before(trigger: Any, anchor: Any) -> bool:
    """Tell whether an event noun refers back to one told before.

    "The clashes come as ...", "the fighting had caused casualties": an event noun with a
    definite article and nothing of its own (no place, no time) refers back to one told.
    """
    if _bodies_of(anchor):
        return True
    if trigger.frame != "noun":
        return False
    if any(c.dep_ == "det" and c.lower_ in ("that", "those", "this") for c in anchor.children):
        # "accused Damascus of that chemical attack in Douma", "suffered for far longer
        # than this siege": pointing back
        return True
    if any(c.lower_ in ("both", "these") and c.dep_ in ("det", "predet", "preconj")
           for c in anchor.children):
        return True  # "its fighters carried out both attacks": the ones just told
    if _judged(anchor) and any(c.dep_ == "det" and c.lower_ in _DEFINITE
                               for c in anchor.children):
        return True  # "the bombing in Karada was the deadliest this year": judged, not told
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in anchor.children)
    if trigger.kind in ("capture", "oust") and definite and not any(
            c.dep_ in ("prep", "compound", "poss", "amod", "npadvmod") for c in anchor.children):
        return True  # "in the weeks after the recapture": the capture told, as a time
    if trigger.kind == "troop_position" and definite and _framing_only(anchor):
        return True  # "during the operation the forces killed 55": the operation told before
    if trigger.kind in ("strike", "troop_position", "clash") and definite and _as_a_time(anchor):
        # "overran the hill within an hour of the raid", "shelled Qamishli on the second day
        # of the offensive": the event told, as a time
        return True
    if trigger.kind not in ("clash", "attack"):
        return False
    if not definite:
        return False
    own = [c for c in anchor.children if c.dep_ in ("prep", "npadvmod", "amod", "compound")]
    return not any(
        c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "on", "around", "for", "over")
        for c in own
    )


def _framing_only(anchor: Any) -> bool:
    """Tell whether an event noun is only the time frame of a clause ("during the operation")."""
    return (anchor.dep_ == "pobj"
            and anchor.head.lower_ in ("during", "after", "since", "following", "throughout")
            and not any(c.dep_ in ("prep", "compound", "amod", "npadvmod", "acl", "relcl")
                        for c in anchor.children))


_REMAINS = frozenset("body remains corpse grave".split())


def _bodies_of(anchor: Any) -> bool:
    """Tell whether a killing only describes the dead whose bodies are found.

    "Mass graves hold the bodies of 1,700 soldiers killed by ISIS": the finding is the
    news, the killing was told when it happened.
    """
    if anchor.dep_ != "acl" or anchor.tag_ != "VBN":
        return False
    noun = anchor.head
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and syntax.lemma(
        noun.head.head) in _REMAINS


def _judged(anchor: Any) -> bool:
    """Tell whether an event noun is judged: "the attack was the worst", "was a setback"."""
    if anchor.dep_ != "nsubj" or syntax.lemma(anchor.head) != "be":
        return False
    return any(
        c.dep_ in ("attr", "acomp")
        and (c.tag_ == "JJS" or any(d.tag_ == "JJS" for d in c.children)
             or syntax.lemma(c) in _VERDICTS)
        for c in anchor.head.children
    )


#: Nouns that judge an event told elsewhere ("the takeover of Mosul was a major setback").
_VERDICTS = frozenset(
    "setback blow victory defeat disaster catastrophe tragedy humiliation embarrassment "
    "success failure triumph shock turning".split()
)


def quoted_rhetoric(text: str, trigger: Any, anchor: Any) -> bool:
    """Tell whether a quoted fight word or event noun is rhetoric.

    A fight word, or an event noun, inside quotation marks with no place of its own is
    rhetoric ("We are fighting devils", "A perfectly executed strike").
    """
    if trigger.kind not in ("clash", "attack") and trigger.frame != "noun":
        return False
    before = text[: trigger.start]
    inside = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
    # the place may hang lower in the clause: "Clashes continue with great intensity near
    # the municipal stadium"
    return inside and not any(
        c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "around")
        for c in anchor.head.subtree
    )
