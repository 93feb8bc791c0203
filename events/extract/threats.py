"""What a threat declares: its complement, and whether that is the speaker's own attack.

Part of the argument stage (:mod:`events.extract.kinds`): "vowed to march on Baghdad"
and "warned it would attack" declare an attack; "warned that the militia could attack
Erbil" tells one others might make.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from events.extract import syntax
from events.extract.roles import own_side
from events.extract.wordlists import ATTACK_WORDS

#: Words a side menaces with besides naming an attack: "would pray in the citadel of
#: Kirkuk", "will be wiped off the mountain", "turn every village into a graveyard".
_MENACE = frozenset(
    "pray wipe pursue hunt crush annihilate eradicate flatten raze purge punish "
    "graveyard cemetery grave rubble hell harvest".split()
)


def complement_tokens(anchor: Any) -> list[Any]:
    """Return what a threat or vow is about: its object, infinitive or "of"/"on" phrase."""
    out = []
    for c in anchor.children:
        if c.dep_ in ("dobj", "xcomp", "ccomp", "attr") or (
            c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "to")
        ) or (c.dep_ == "acl" and c.tag_ == "VB"):  # "a threat to attack Karbala"
            out.extend(c.subtree)
    if anchor.dep_ == "nsubj" and syntax.lemma(anchor.head) == "be":
        # "the next objective would be Rutba": what the aim is
        out.extend(t for c in anchor.head.children if c.dep_ in ("attr", "xcomp", "ccomp")
                   for t in c.subtree)  # "the aim was to reach the Nassib crossing"
    return out



def threat_has_attack(anchor: Any, captures: Collection[int] = ()) -> bool:
    """Tell whether a threat's complement declares the speaker's own attack.

    "vowed to march on Baghdad", "warned it would attack"; not one others might make
    ("warned that the militia could attack Erbil"). ``captures`` holds where the
    sentence's capture triggers are anchored (character offsets).
    """
    for c in anchor.children:
        if c.dep_ == "ccomp" and _met_with_force(c):
            return True  # "warned that any advance on Erbil will be met with full force"
        if c.dep_ == "ccomp":
            # a passive attack's subject is its target ("vowed that regime forces would be
            # driven out of Saraqib"); its doer, if named, follows "by"
            target = syntax.lemma(c) in ATTACK_WORDS | _MENACE
            subject = [s for s in c.children if s.dep_ == "nsubj"
                       or (s.dep_ == "nsubjpass" and not target)] + [
                g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
            if subject and not all(own_side(s) for s in subject):
                return False
            if any(a.dep_ == "aux" and a.lower_ in ("could", "may", "might") for a in c.children):
                return False
    # "vowed to raise the banner over Erbil": a capture trigger of the sentence
    told = complement_tokens(anchor)
    if any(syntax.lemma(t) in ATTACK_WORDS or t.idx in captures for t in told):
        return True
    # a menace needs a named place to be an attack's ("vowed to eradicate the militants")
    return any(syntax.lemma(t) in _MENACE for t in told) and any(t.tag_ == "NNP" for t in told)


#: What a move "will be met with" when a side threatens it: the speaker's own force.
_MET_WITH = frozenset("force response resistance fire".split())


def _met_with_force(verb: Any) -> bool:
    """Tell whether a clause says its subject will be met with force.

    "... will be met with full force", "would be met with a decisive response".
    """
    if syntax.lemma(verb) != "meet" or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    return any(syntax.lemma(g) in _MET_WITH for c in verb.children
               if c.dep_ == "prep" and c.lower_ == "with"
               for g in c.children if g.dep_ == "pobj")
