"""States of control: a place held, since when, and whether it is told as going on.

Part of the argument stage (:mod:`events.extract.kinds`): "has remained under ISIL
control since June 2014" was taken then; "The group still holds al-Bab and Manbij"
holds them as of the report, and "still holds most of Baiji" holds Baiji in part;
"continues to control large parts of the province" names no place to code.
"""

from __future__ import annotations

from typing import Any

from events.extract import roles, syntax
from events.extract.wordlists import ONGOING_WORDS


def since(anchor: Any) -> bool:
    """Tell whether the state's clause says since when it holds ("remained ... since 2014")."""
    verb = anchor
    while not syntax.is_verb(verb) and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "prep" and c.lower_ == "since" for c in (*anchor.children,
                                                                    *verb.children))


#: Words of a share of a place: holding "parts of" or "most of" a province names no town.
_SHARES = frozenset("part parts most much rest half areas area pockets pocket swathes "
                    "swaths stretches neighbourhoods districts villages".split())
#: Words of places that names in front of them pick out ("the X and Y neighbourhoods").
_NAMED_GROUPS = frozenset("neighbourhood neighborhood district village quarter".split())
#: Slots of the place a state of control is about ("X remains in their hands", "holds X").
_HELD_SLOTS = frozenset({"obj", "subj", "subjpass", "head", "gov:subj", "gov:subjpass",
                         "gov:noun"})


def town_held(args: roles.Arguments) -> bool:
    """Tell whether a state of control going on is told of a named town or site.

    "The group still holds al-Bab and Manbij", "Tel Kaif remains in ISIS hands": a
    seizure as of the report (actor1 holds control); "still controls large parts of the
    province" or "areas still held by IS" names no place to code, and "continues to hold
    Shaddadi, which it seized on 19 February" tells its taking, not another event.
    """
    if args.captures - {args.anchor.idx}:
        return False
    named = [p for p, s in args.places if s in _HELD_SLOTS and not p.anaphor
             and not p.reference and p.place is not None
             and p.place.feature not in ("governorate", "region", "country")]
    if not named:
        return False
    heads = [t for t in args.anchor.doc if args.slots.get(t.i) in _HELD_SLOTS]
    return not any((syntax.lemma(t) in _SHARES or t.lower_ in _SHARES)
                   and not _named_by(t, named) and not _of_a_town(t, named) for t in heads)


def _of_a_town(share: Any, named: list[Any]) -> bool:
    """Tell whether a share is of a named town: "most of Baiji", "parts of Ramadi".

    The dev rules code partial control of a town as its seizure; a share of a province
    or of unnamed ground ("areas near Hawija") names no place held.
    """
    of = [g for c in share.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]
    return any(p.place.feature == "city" and p.start <= g.idx < p.end
               for g in of for p in named)


def _named_by(head: Any, named: list[Any]) -> bool:
    """Tell whether names in front of a word of places name them.

    "The Jazira and Tahrir neighbourhoods" are named quarters; "parts of" and "most of"
    stay shares. Place offsets are in the sentence, which is the parsed text.
    """
    if syntax.lemma(head) not in _NAMED_GROUPS:
        return False
    return any(head.left_edge.idx <= p.start and p.end <= head.idx
               for p in named)


def holds_a_town_now(args: roles.Arguments) -> bool:
    """Tell whether a present tense holds a named town itself, not positions near one.

    "The militants also hold nearby Garma" tells a state of control as the report tells
    it; "fighters hold positions on the hills above Sinjar" a position.
    """
    return args.anchor.tag_ in ("VBZ", "VBP") and town_held(args) and bool(args.object) and all(
        any(p.name_start <= t.idx < p.name_end for p, s in args.places if s == "obj")
        for t in args.object)


def ongoing(anchor: Any) -> bool:
    """Tell whether a state is told as going on: "continues to hold", "still controls".

    Not the clause a relative one hangs from ("IS, which has held the town since August,
    continues to hold 230 residents").
    """
    if any(syntax.lemma(c) in ONGOING_WORDS for c in anchor.children):
        return True
    t = anchor
    while t.dep_ != "relcl" and t.head.i != t.i:
        t = t.head
        if syntax.lemma(t) in ONGOING_WORDS:
            return True
    return False


def siege_broken(anchor: Any) -> bool:
    """Tell whether a siege noun is one that was broken or lifted ("the siege ... was broken")."""
    if syntax.lemma(anchor) not in ("siege", "blockade"):
        return False
    while anchor.dep_ == "appos":  # "Further west, the siege of Amirli, ..., was broken"
        anchor = anchor.head
    return (anchor.dep_ in ("nsubjpass", "dobj", "nsubj")
            and syntax.lemma(anchor.head) in ("break", "lift", "breach", "end"))
