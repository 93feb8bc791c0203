"""Attacks a side says it will make: a declared intent, coded as a threat.

Part of the argument stage: "ISIS said it would open up the province", "Erdogan said
Turkey would launch an operation against Manbij", "the group announced it would kill
any man of the tribe" declare an attack; one that others fear or expect ("officials
warned the Hashd could attack Erbil", "residents said the army would push on") does not.
"""

from __future__ import annotations

from typing import Any

from events.extract import agents, kinds, roles, syntax
from events.extract.wordlists import FORCES, SUPPORT_VERBS

_WILL = frozenset({"will", "would", "shall", "'ll"})
#: Verbs of attempting, whose complement a side declares it will attempt.
_ATTEMPTS = frozenset("try attempt seek".split())
_ARMY = frozenset("army troops force military soldier".split())
_OFFICERS = frozenset("military army commander officer general".split())
#: Verbs that declare what the speaker's side will do, whoever speaks for it.
_DECLARING = frozenset("announce vow pledge declare threaten promise swear".split())
#: Words a report names a side by once it has named it: "the group's fighters".
_GROUPS = frozenset("group organisation organization movement faction".split())
#: Speakers who speak for a state or a group ("President Erdogan said Turkey would ...").
_LEADERS = frozenset(
    "president leader commander spokesman spokeswoman spokesperson minister emir chief "
    "general".split())


def declared(sentence: Any, trig: Any) -> bool:
    """Tell whether the trigger is an attack a party says it will make."""
    if trig.kind not in kinds.ATTACKING | {"kill"}:
        return False
    anchor = syntax.token_at(sentence.doc, trig.anchor_start)
    verb = anchor
    if not syntax.is_verb(anchor) and anchor.dep_ == "dobj" and syntax.lemma(
            anchor.head) in SUPPORT_VERBS:
        verb = anchor.head  # "would launch a new military operation"
    if anchor.dep_ == "xcomp" and syntax.lemma(anchor.head) in _ATTEMPTS:
        verb = anchor.head  # "said they would try to retake Qusayr"
    if not any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children):
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "they will be killed": what will befall the enemy, no attack declared
    subject = [c for c in verb.children if c.dep_ == "nsubj"]
    return agents.speech_governed(verb) and all(
        roles.own_side(s) or _armys_own_word(s, verb) or _side_named(s, verb)
        for s in subject)


def declared_advance(anchor: Any) -> bool:
    """Tell whether a side says it is on its way to attack a place.

    "ISIL said in a statement it was now advancing on Baghdad": the speaker's own march on
    a place it has not reached is a declared intent; "troops were advancing on Raqqa",
    told by others, is a troop movement.
    """
    return (
        syntax.lemma(anchor) in kinds.AIMED_MOVES and anchor.tag_ == "VBG"
        and any(c.dep_ == "prep" and c.lower_ == "on" for c in anchor.children)
        and agents.speech_governed(anchor)
        and any(c.dep_ == "nsubj" and roles.own_side(c) for c in anchor.children)
    )  # fmt: skip


def _speech(verb: Any) -> Any:
    """Return the verb of saying a clause hangs from, or None."""
    return next((h for h in syntax.ancestors(verb) if syntax.is_verb(h)), None)


def _armys_own_word(subject: Any, verb: Any) -> bool:
    """Tell whether a military speaker tells its own army's plan.

    "A military source said the army would now push towards Jisr al-Shughur".
    """
    if syntax.lemma(subject) not in _ARMY:
        return False
    said = _speech(verb)
    speakers = [c for c in said.children if c.dep_ == "nsubj"] if said is not None else []
    return any(syntax.lemma(t) in _OFFICERS for s in speakers for t in s.subtree)


def _side_named(subject: Any, verb: Any) -> bool:
    """Tell whether a named side's plan is declared for it.

    "The organisation announced that ISIS would ...", "President Erdogan said Turkey would
    launch ...": a side named by its name, declared by a verb of declaring or by one who
    leads or speaks for a side; not "analysts said Russia would strike".
    """
    # "the group's fighters would march on Baghdad": the group, named before; "Turkish-backed
    # forces would march on Manbij": a force of a side named by its adjective
    owned = any(c.dep_ == "poss" and syntax.lemma(c) in _GROUPS for c in subject.children)
    named = syntax.lemma(subject) in FORCES and any(
        t.text[:1].isupper() for c in subject.children if c.dep_ in ("amod", "compound")
        for t in c.subtree)
    if subject.tag_ not in ("NNP", "NNPS") and not owned and not named:
        return False
    said = _speech(verb)
    if said is None:
        return False
    if syntax.lemma(said) in _DECLARING:
        return True
    speakers = [t for c in said.children if c.dep_ == "nsubj" for t in c.subtree]
    return any(syntax.lemma(t) in _LEADERS for t in speakers)
