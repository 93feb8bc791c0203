"""Stage 5, the acting sides: the force that acts and the other side, read from a trigger's slots.

:func:`agent` takes the acting force from the subject (in the passive, the
agent after "by"; "fell to ISIS", the force after "to") and the other side
from the object or a phrase with "against", "with", "on". Where no subject
names a force, a country's adjective ("Turkish F-16s hit ...") or, in a
misparse, the armed force just before the verb stands in; a pronoun ("the SDF
said they had retaken ...") is the speaker's. The tests on the subject and
object ("captured 48 people", "they fled") are what the event type
(:mod:`.kinds`) reads, and :func:`speech_governed` tells reported speech.

The slots are filled in :mod:`.roles`; this module only reads them.
"""

from __future__ import annotations

from typing import Any

from events import actors as _actors
from events.extract import syntax
from events.extract.roles import Arguments, preceding_actor
from events.extract.wordlists import (
    AID,
    AIRCRAFT,
    CIVIL_DEPLOYED,
    DEPLOYED_WEAPONS,
    FORCES,
    NATIONALITIES,
    PEOPLE,
    SPEECH_VERBS,
)

# Slots that hold the acting force, by voice.
# ("Turkey would launch a military operation": who launches it, before what it is called)
AGENT_SLOTS = ("subj", "by", "prep:by", "poss", "compound", "gov:subj", "amod", "gov:by",
               "acl:by")
# Verbs whose object is the force that moves ("sent reinforcements to Anbar").
SENDING = frozenset("send dispatch rush deploy redeploy airlift bring move transfer".split())
# Slots that hold the other side.
OTHER_SLOTS = ("obj", "subjpass", "prep:against", "prep:from", "prep:with", "prep:on",
               "prep:between", "prep:of", "gov:obj", "gov:prep:against", "gov:prep:on")  # fmt: skip


def agent_slots(args: Arguments) -> tuple[str, ...]:
    """Return the slots that hold who acts.

    The subject's, and the noun a relative clause hangs from when the relative pronoun
    is its subject ("the coalition, which struck").
    """
    anchor = args.anchor
    if anchor.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_SUBJECTS
                                      for c in anchor.children):
        return (*AGENT_SLOTS, "head")
    return AGENT_SLOTS


_RELATIVE_SUBJECTS = frozenset({"which", "that", "who"})


def agent(
    args: Arguments, *, frame: str, country: str | None, isis_named: bool, kind: str = ""
) -> tuple[str | None, str | None, bool]:
    """Return (actor1, actor2, pronoun) for the event.

    They are the acting force, the other side, and whether the acting force is only a
    pronoun ("it", "they") that the context must resolve.
    """
    by_slot: dict[str, list[Any]] = {}
    for a, s in args.actors:
        if s is not None:
            by_slot.setdefault(s, []).append(a)
    for found in by_slot.values():
        # "Fighters of the SDF": the force named before the word any side's men are called
        found.sort(key=lambda a: a.actor in _GENERIC)
    agent_slots = ("by", "gov:by", "prep:by") if args.passive else AGENT_SLOTS
    if frame in ("fall", "lose"):
        agent_slots = ("prep:to", "prep:into", "prep:under", *agent_slots)  # "fell to ISIS"
    if frame == "hold":
        agent_slots = ("prep:of", "poss", "compound", "amod")  # "in the hands of ISIS"
    if kind in ("withdrawal", "troop_position") and not syntax.is_verb(args.anchor):
        # "the withdrawal of government troops", "the advance of Kurdish units": a force's
        # movement told as a noun is that force's
        agent_slots = ("prep:of", *agent_slots)
    if frame == "lose":
        agent_slots = tuple(s for s in agent_slots if s != "subj")  # the subject lost it
    first = next((by_slot[s][0] for s in agent_slots if s in by_slot), None)
    if first is None and not args.passive:
        first = next((by_slot[s][0] for s in ("gov:subj", "head") if s in by_slot), None)
    if first is None and not args.passive and not args.subject:
        first = preceding_actor(args)
    if first is None and frame == "lose":
        # "lost control of X to regime forces": the winner follows "to", wherever it hangs
        text = args.anchor.doc.text
        first = next(
            (a for a, _ in args.actors if a.start > args.anchor.idx and a.actor in _actors.ARMED
             and text[max(0, a.start - 4) : a.start].strip().lower() == "to"),
            None,
        )  # fmt: skip
    if first is None and not args.passive and frame != "lose":
        first = _nationality(args)  # not "Kurdish forces lose Mosul Dam": that is the loser
    if first is None and syntax.lemma(args.anchor) in SENDING:
        # "sent fresh Peshmerga units to Rabia": the units sent take up the position
        first = next((a for a in by_slot.get("obj", []) if a.actor in _actors.ARMED), None)
    other_slots = ("subj", *OTHER_SLOTS) if frame == "lose" else OTHER_SLOTS
    other = next(
        (
            a
            for s in other_slots
            for a in by_slot.get(s, [])
            if a is not first and a.actor in _actors.ARMED
        ),
        None,
    )

    def canon(m: Any) -> str | None:
        if m is None:
            return None
        return _actors.canonical_actor(m.actor, country=country, isis_named=isis_named)

    pronoun = first is None and any(
        t.lower_ in ("it", "they", "group", "them", "its", "their") or t.tag_ == "PRP"
        for t in args.subject
    )
    if first is not None and first.actor in _GENERIC and any(
            c.dep_ == "poss" and c.tag_ == "PRP$" for t in args.subject for c in t.children):
        # "the YPG said their fighters had pulled out": whose fighters, the speaker says
        said_by = speaker(args)
        first = said_by if said_by is not None else first
    if pronoun:
        # "the SDF said they had retaken ...": the pronoun is the speaker
        said_by = speaker(args) or _host_subject(args)
        if said_by is not None:
            first, pronoun = said_by, False
    return canon(first), canon(other), pronoun


def _host_subject(args: Arguments) -> Any:
    """Return the force of the clause a relative clause hangs from, or None.

    "The SDF continues to hold al-Shaddadi, which it seized in February": "it" is the SDF.
    """
    clause = next(
        (t for t in [args.anchor, *syntax.ancestors(args.anchor)] if t.dep_ == "relcl"), None)
    verb = next((h for h in syntax.ancestors(clause) if syntax.is_verb(h)), None) if (
        clause is not None) else None
    for _ in range(4):
        if verb is None:
            return None
        subject = [c for c in verb.children if c.dep_ == "nsubj"]
        if subject:
            break
        verb = verb.head if verb.dep_ in ("xcomp", "conj") else None
    else:
        return None
    doc = args.anchor.doc
    heads = {id(a): syntax.span_head(doc, a.start, a.end) for a, _ in args.actors}
    return next((a for a, _ in args.actors if a.actor in _actors.ARMED
                 and heads[id(a)] is not None and heads[id(a)].i == subject[0].i), None)


def _nationality(args: Arguments) -> Any:
    """Return a force named only by its country's adjective, or None.

    "Turkish F-16s hit ...": a force named only by its country's adjective.
    """
    from events.actors import ActorMention

    for t in args.subject + [args.anchor]:
        for c in t.children:
            actor = NATIONALITIES.get(c.lower_)
            if actor and c.dep_ in ("amod", "compound", "npadvmod"):
                return ActorMention(c.idx, c.idx + len(c.text), c.text, actor)
    return None


#: Actor names that say only that someone armed acted ("fighters", "gunmen").
_GENERIC = frozenset({"Unidentified armed group", _actors.MILITANTS})


def siege_breaker(args: Arguments, *, country: str | None, isis_named: bool) -> str | None:
    """Return who broke the siege a noun names: the subject of "broke", or its "by" agent."""
    found = next((a for a, s in args.actors if s in ("gov:subj", "gov:by", "gov:prep:by")), None)
    if found is None:
        return None
    return _actors.canonical_actor(found.actor, country=country, isis_named=isis_named)


def speaker(args: Arguments) -> Any:
    """Return the armed actor that speaks of the trigger, or None.

    It is the subject of the verb of saying the trigger's clause hangs from.
    """
    for head in syntax.ancestors(args.anchor):
        if syntax.lemma(head) in SPEECH_VERBS:
            subj = [t for c in head.children if c.dep_ == "nsubj" for t in c.subtree]
            return next(
                (a for a, _ in args.actors if a.actor in _actors.ARMED and a.actor != "Civilians"
                 and any(t.idx <= a.start < t.idx + len(t.text) for t in subj)),
                None,
            )  # fmt: skip
    return None


def pronoun_subject(args: Arguments) -> bool:
    """Tell whether the subject is a personal pronoun ("they fled")."""
    return bool(args.subject) and all(t.tag_ == "PRP" for t in args.subject)


def governing_subject_armed(args: Arguments) -> bool:
    """Tell whether the subject of the clause the trigger's clause depends on is an armed force."""
    for head in syntax.ancestors(args.anchor):
        if syntax.is_verb(head):
            subj = [c for c in head.children if c.dep_ == "nsubj"]
            if subj:
                span = [t for s in subj for t in s.subtree]
                if any(syntax.lemma(t) in FORCES for t in span):
                    return True
                return any(
                    a.actor in _actors.ARMED and a.actor != "Civilians"
                    for a, _ in args.actors
                    if any(t.idx <= a.start < t.idx + len(t.text) for t in span)
                )
    return False


def subject_is(args: Arguments, words: frozenset[str]) -> bool:
    """Tell whether the subject's head noun (by lemma) is one of ``words``."""
    return any(syntax.lemma(t) in words or t.lower_ in words for t in args.subject)


def object_is(args: Arguments, words: frozenset[str]) -> bool:
    """Tell whether the object's head noun (by lemma) is one of ``words``."""
    return any(syntax.lemma(t) in words or t.lower_ in words for t in args.object)


#: Words that make a convoy a force's: "a Turkish convoy", "a convoy of armoured vehicles".
_MILITARY = frozenset("military army regime armoured armored tank troop fighter soldier "
                      "militia government turkish russian american iraqi syrian iranian "
                      "coalition".split())


def _convoy_words(args: Arguments) -> set[str]:
    """Return the lemmas of a convoy's phrase ("the first aid convoy to reach").

    The convoy that moves is the subject, or the noun a participle hangs from, which the
    parse may give as the object ("the first aid convoy ... entered in June").
    """
    return {syntax.lemma(w) for t in (*args.subject, *args.object)
            if syntax.lemma(t) == "convoy" for w in t.subtree}


def military_convoy(args: Arguments) -> bool:
    """Tell whether the subject is a force's convoy, not an aid or a civilian one."""
    words = _convoy_words(args)
    return bool(words & _MILITARY) and not words & (AID | CIVIL_DEPLOYED)


def nothing_armed_moved(args: Arguments) -> bool:
    """Tell whether what was deployed or moved is no force.

    "the deployment of UN observers", "deployed drones strapped with explosives", "the
    first aid convoy to reach the city entered in June", "WFP dispatched rations".
    """
    if object_is(args, CIVIL_DEPLOYED | DEPLOYED_WEAPONS | AID):
        return True
    words = _convoy_words(args)
    return bool(words & (AID | CIVIL_DEPLOYED)) and not words & _MILITARY


#: Pronouns that can only stand for people.
_PERSONS = frozenset("he she him her".split())


def people_object(args: Arguments) -> bool:
    """Tell whether the object is people: "captured 48 people", "he was seized at a checkpoint"."""
    return object_is(args, PEOPLE) or any(
        t.lower_ in _PERSONS
        # "the consul general": a person named by a compound ("general" alone is a rank)
        or any(c.dep_ == "compound" and syntax.lemma(c) in PEOPLE for c in t.children)
        for t in args.object
    )


def speech_governed(anchor: Any) -> bool:
    """Tell whether the trigger sits in reported speech ("officials said ISIS seized ...")."""
    return any(syntax.lemma(h) in SPEECH_VERBS for h in syntax.ancestors(anchor))


def air_force(args: Arguments) -> bool:
    """Tell whether the subject is an air force ("the Iraqi Air Force struck a convoy")."""
    return any(syntax.lemma(t) == "force" and any(c.lower_ == "air" for c in t.children)
               for t in args.subject)


def killed_from_the_air(args: Arguments) -> bool:
    """Tell whether the killers or attackers named are aircraft ("killed by warplanes")."""
    slots = ("by", "gov:by", "prep:by") if args.passive else ("subj", "by", "prep:by")
    killers = [args.anchor.doc[i] for i, slot in args.slots.items() if slot in slots]
    return any(syntax.lemma(w) in AIRCRAFT for t in killers for w in t.subtree)
