"""Stage 5, arguments: who did what to whom, where and when, read from the dependency parse.

For a trigger's anchor word the parse gives its slots: the subject (or, in
the passive, the agent after "by"), the object (or the passive subject), and
each prepositional phrase by its preposition. Coordinated verbs share their
subject ("seized Baiji and advanced on Tikrit"), a participle clause takes the
subject of the clause it hangs from ("..., killing 12"), and an event noun
takes the slots of the verb that carries it ("launched strikes on Raqqa",
"clashes broke out in Hawija"). A mention (place, actor, figure) fills the
slot it hangs from, through its noun phrase ("the outskirts of Tikrit"), never
through another clause.

The trigger's frame (``lexicon.tsv``) then says which slots hold the place,
the acting force and the other side: the place is chosen in
:mod:`.place_roles`, the acting sides in :mod:`.agents`, the event's count in
:mod:`.counts`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from events import actors as _actors
from events.dates import MONTHS, WEEKDAYS
from events.extract import syntax
from events.extract.place_words import CITY_KINDS
from events.extract.places import PlaceMention
from events.extract.wordlists import (
    BESIDE,
    CARRIED_OUT,
    EVENT_VERBS,
    HIT_VERBS,
    LEAVING,
    MEMBERS,
    QUANTITY_HEADS,
    RESPONSES,
    ROLE_PARTS,
    SOME,
    SUPPORT_VERBS,
    SUPPORT_WORDS,
    WHERE_PREPS,
)

# Edges that open another clause: a mention below one belongs to that clause's verb.
#: The words a date's phrase hangs on: "in December", "on Sunday".
DAY_WORDS = frozenset((*MONTHS, *WEEKDAYS))
_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "parataxis", "csubj", "xcomp"})


@dataclass(slots=True)
class Arguments:
    """A trigger's anchor and the mentions that fill its slots (slot None: not attached)."""

    anchor: Any
    passive: bool
    slots: dict[int, str]
    frame: str = "act"
    places: list[tuple[Any, str | None]] = field(default_factory=list)
    actors: list[tuple[Any, str | None]] = field(default_factory=list)
    figures: list[tuple[Any, str | None, Any]] = field(default_factory=list)
    subject: list[Any] = field(default_factory=list)  # tokens heading the subject
    object: list[Any] = field(default_factory=list)  # tokens heading the object
    captures: set[int] = field(default_factory=set)  # the sentence's capture triggers' anchors

    def words(self, label: str) -> list[Any]:
        """Return the tokens that head slot ``label``."""
        return [t for t in self.anchor.doc if self.slots.get(t.i) == label]


def _label(child: Any) -> str | None:
    dep = child.dep_
    if dep == "prep":
        word = child.lower_
        inner = next((c for c in child.children if c.dep_ == "prep"), None)
        if word in ("out", "away", "because", "due", "ahead") and inner is not None:
            word = inner.lower_  # "out of", "because of"
        return f"prep:{word}"
    return {
        "nsubj": "subj", "csubj": "subj", "nsubjpass": "subjpass", "dobj": "obj",
        "dative": "obj", "attr": "obj", "oprd": "obj", "agent": "by", "poss": "poss",
        "compound": "compound", "amod": "amod", "nmod": "compound", "appos": "appos",
        "npadvmod": "adv", "advmod": "adv", "pobj": "obj",
    }.get(dep)  # fmt: skip


def _passive(anchor: Any) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in anchor.children):
        return True
    # "militiamen killed 68 worshippers": a participle with its own object is a misparsed
    # active verb, not "militiamen (who were) killed"
    return anchor.tag_ == "VBN" and anchor.dep_ in ("acl", "amod", "relcl") and not any(
        c.dep_ in ("aux", "dobj") for c in anchor.children
    )


def _inherited_subject(anchor: Any) -> tuple[list[Any], str]:
    """Subject tokens a verb takes from the clause it depends on, and their slot label."""
    t = anchor
    for _ in range(4):
        dep = t.dep_
        head = t.head
        if head.i == t.i:
            break
        if dep == "xcomp":
            # "forced the group to withdraw": the object of the governing verb does it
            controller = [c for c in head.children if c.dep_ == "dobj"]
            if controller:
                return controller, "subj"
        if dep == "pcomp" and head.dep_ == "prep":
            head = head.head  # "succeeded in ousting ISIS": the subject of "succeeded"
        if dep in ("conj", "xcomp", "pcomp") or (dep == "advcl" and t.tag_ == "VBG"):
            own = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if own:
                label = "subjpass" if own[0].dep_ == "nsubjpass" and dep == "conj" else "subj"
                if dep != "conj" and own[0].dep_ == "nsubjpass":
                    label = "subjpass" if _passive(t) else "subj"
                return own, label
            t = head
            continue
        if dep in ("relcl", "acl"):
            # "forces which seized X", "areas captured by the SDF", "troops advancing on X"
            return [head], "subjpass" if _passive(anchor) else "subj"
        break
    return [], "subj"


def _slots(anchor: Any, frame: str) -> dict[int, str]:
    slots: dict[int, str] = {}

    def add(token: Any, label: str | None, prefix: str = "") -> None:
        if label and token.i not in slots:
            slots[token.i] = prefix + label

    for c in anchor.children:
        add(c, _label(c))
        if not syntax.is_verb(anchor) and c.dep_ in ("acl", "relcl") and syntax.is_verb(c):
            # "shells targeted Aleppo", "shelling that hit the town", "raids carried out by
            # warplanes": the noun's own clause
            for g in c.children:
                if g.dep_ in ("dobj", "prep") or (
                        g.dep_ == "agent" and syntax.lemma(c) in CARRIED_OUT):
                    add(g, _label(g), "acl:")
        if c.dep_ == "xcomp" and syntax.lemma(c) in LEAVING:
            # "forced 300 families to flee Tuz Khurmatu": the place they left
            for g in c.children:
                if g.dep_ in ("dobj", "prep"):
                    add(g, _label(g))
    if syntax.is_verb(anchor):
        _share_place(anchor, add, "")
    if not any(v in ("subj", "subjpass") for v in slots.values()):
        tokens, label = _inherited_subject(anchor)
        for t in tokens:
            add(t, label)
    if frame in ("noun", "hold") or not syntax.is_verb(anchor):
        gov = anchor.head
        if anchor.dep_ == "pobj" and gov.dep_ == "prep":
            gov = gov.head  # "in the hands of", "a wave of strikes on X"
            if _partitive(gov):
                gov = gov.head  # "one of its suicide bombers struck a checkpoint at X"
        gov = _raised_to(anchor, gov)
        if gov.i != anchor.i and (frame == "hold" or _carries(anchor, gov)):
            if frame == "hold" and not syntax.is_verb(gov):
                slots.setdefault(gov.i, "gov:noun")  # "the town, now in the hands of ISIS"
                if gov.dep_ == "appos":  # "the crossing, an artery in rebel hands since 2015"
                    slots.setdefault(gov.head.i, "gov:noun")
            if frame == "hold" and gov.dep_ == "relcl" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that")
                for c in gov.children
            ):
                slots.setdefault(gov.head.i, "gov:noun")  # "X, which has been in rebel hands"
            if frame == "noun" and anchor.dep_ == "pobj" and not syntax.is_verb(gov):
                slots.setdefault(gov.i, "head")  # "the scene of fighting"
            if _participle_read_as_noun(anchor):
                # "Jinderes ... was overrun on March 8", parsed "was" + a noun: the
                # subject of "was" is what was overrun
                for c in gov.children:
                    if c.dep_ == "nsubj":
                        add(c, "subjpass", "gov:")
            for c in gov.children:
                if c.i != anchor.i and c.i not in slots and (not anchor.is_ancestor(c)):
                    add(c, _label(c), "gov:")
            if syntax.is_verb(gov):
                _share_place(gov, add, "gov:")
            if _where_clause(gov):
                slots.setdefault(gov.head.i, "gov:prep:in")  # "Tikrit, where clashes broke out"
            if syntax.is_verb(gov) and not any(v == "gov:subj" for v in slots.values()):
                tokens, label = _inherited_subject(gov)
                for t in tokens:
                    add(t, label, "gov:")
    elif anchor.dep_ in ("acl", "relcl", "amod"):
        head = anchor.head
        slots.setdefault(head.i, "prep:in" if _where_clause(anchor) else "head")
        located = _located(head) if anchor.dep_ in ("relcl", "acl") else None
        if located is not None:
            slots.setdefault(located.i, slots[head.i])
    supported = _supported_verb(anchor)
    if supported is not None:
        # "forces backed by air strikes retook X": the strikes were over X
        for c in supported.children:
            if c.dep_ in ("dobj", "prep"):
                add(c, _label(c), "gov:")
    return slots


def _partitive(token: Any) -> bool:
    """Tell whether a subject counts some of the noun after its "of" ("one of its bombers")."""
    return (token.dep_ in ("nsubj", "nsubjpass") and syntax.is_verb(token.head)
            and (token.lower_ in SOME or token.tag_ == "CD")
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children))


def _participle_read_as_noun(anchor: Any) -> bool:
    """Tell whether a verb's participle was parsed as a noun after "was" ("was overrun").

    A noun told of a subject comes with its determiner ("was an attack"); a bare one
    straight after the copula is the passive the parser missed.
    """
    return (anchor.dep_ == "attr" and anchor.i > 0 and syntax.lemma(anchor.head) == "be"
            and anchor.head.i == anchor.i - 1 and anchor.tag_ == "NN"
            and not any(c.dep_ in ("det", "poss", "nummod") for c in anchor.children))


def _located(head: Any) -> Any | None:
    """Return the place that the phrase a relative clause hangs from locates, if any.

    "al-Shaddadi in southern Hasakah, which it seized", "Hawija, 55 km to the south-west,
    which IS has controlled since 2014": the clause is about the place, wherever the
    parse hangs it (on the province, on the direction of a measured distance).
    """
    t = head
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ == "in":
            # "Hit, in western Anbar, which ...": the parse may hang "in" on the verb
            before = t.doc[max(0, t.head.i - 2) : t.head.i]
            if t.head.head.tag_ == "NNP" or before.text.endswith(",") and before[0].tag_ == "NNP":
                return t.head.head if t.head.head.tag_ == "NNP" else before[0]
        if t.dep_ == "appos" and t.head.tag_ == "NNP" and any(
                c.dep_ == "nummod" or c.lower_ in CITY_KINDS for c in [t, *t.children]):
            # a measure or a class set beside the name: "55 km to the south-west",
            # "Bashiqa, a town north-east of Mosul still held by IS"
            return t.head
        left = t.left_edge.i
        if t.lower_ in CITY_KINDS and left >= 2 and t.doc[left - 1].text == "," and (
                t.doc[left - 2].tag_ == "NNP"):
            # "Mosul, Iraq's second city, which IS seized", wherever the parse hangs "city"
            return t.doc[left - 2]
        if t.dep_ not in ("pobj", "prep"):
            return None
        t = t.head
    return None


def _raised_to(noun: Any, verb: Any) -> Any:
    """Return the verb that carries a subject raised above it, else ``verb``.

    "Fighting is understood to have continued north of X", "clashes were reported to
    have erupted in X": the event verb is the complement of a verb of saying.
    """
    if noun.dep_ not in ("nsubj", "nsubjpass") or not syntax.is_verb(verb):
        return verb
    if syntax.lemma(verb) in EVENT_VERBS:
        return verb
    return next(
        (c for c in verb.children if c.dep_ == "xcomp" and syntax.lemma(c) in EVENT_VERBS),
        verb,
    )


def _supported_verb(anchor: Any) -> Any:
    """Return the verb an event noun supports ("backed by strikes, troops retook X"), or None.

    The noun sits in a "backed by", "supported by" or "with the support of" phrase that
    hangs on the clause's subject or on its verb.
    """
    if syntax.is_verb(anchor):
        return None
    t = anchor
    for _ in range(6):
        t = t.head
        if t.i == t.head.i:
            return None
        if syntax.lemma(t) in SUPPORT_WORDS or t.lower_ in SUPPORT_WORDS:
            break
    else:
        return None
    if t.tag_ == "VBN" and t.dep_ == "acl":
        noun = t.head
        while noun.dep_ == "conj":  # "the peshmerga and special forces backed by ..."
            noun = noun.head
        # "troops, supported by strikes, recaptured X"
        return noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
    if t.tag_ == "VBN" and t.dep_ == "advcl":
        return t.head  # "Backed by strikes, forces retook X"
    if t.tag_.startswith("NN") and t.head.dep_ == "prep" and t.head.lower_ == "with":
        return t.head.head if syntax.is_verb(t.head.head) else None  # "with the support of"
    return None


def _share_place(verb: Any, add: Any, prefix: str) -> None:
    """Give a verb that names no place the place of a verb told with it.

    "killed 12 and wounded 30 in Kirkuk", "carried out strikes, hitting a base in Tabqa".
    """
    if any(c.dep_ == "prep" and c.lower_ in WHERE_PREPS for c in verb.children):
        return
    for c in verb.children:
        hitting = c.dep_ == "advcl" and c.tag_ == "VBG" and syntax.lemma(c) in HIT_VERBS
        if hitting or c.dep_ == "conj" and syntax.is_verb(c) and not any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children
        ):
            objects = [g for g in c.children if hitting and g.dep_ == "dobj"]
            for g in [*c.children, *(h for o in objects for h in o.children)]:
                if g.dep_ == "prep" and g.lower_ in WHERE_PREPS:
                    add(g, _label(g), prefix)


def _carries(noun: Any, verb: Any) -> bool:
    """Tell whether ``verb`` carries the event noun's arguments.

    "launched strikes on X", "fighting raged in X" - but not "the takeover of Mosul had
    been a setback".
    """
    if not syntax.is_verb(verb):
        return noun.dep_ == "pobj"
    if _participle_read_as_noun(noun):
        return True  # "Jinderes was overrun": the copula is the passive's auxiliary
    lemma = syntax.lemma(verb)
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return lemma in EVENT_VERBS
    if noun.dep_ == "pobj" and (_circumstance(noun) or lemma in RESPONSES):
        return False
    return lemma in SUPPORT_VERBS or noun.dep_ == "pobj"


def _circumstance(noun: Any) -> bool:
    """Tell whether an event noun is the clause's circumstance, an event of its own.

    "With the liberation of Hawija, ISIS holds one stretch", "after the fall of Mosul,
    troops fled": the clause's subject did not do it.
    """
    prep = noun.head.lower_
    if prep in BESIDE:
        return True
    return prep == "with" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _where_clause(verb: Any) -> bool:
    """Tell whether ``verb`` heads a relative clause opened by "where".

    Such a clause locates its verb at the noun it modifies.
    """
    return verb.dep_ == "relcl" and any(
        c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children
    )


def expand(tokens: list[Any]) -> list[Any]:
    """Heads of noun phrases, seen through quantities: "a group of 31 Turks" is Turks."""
    out = []
    for t in tokens:
        out.append(t)
        if syntax.lemma(t) in QUANTITY_HEADS or t.tag_ == "CD" or syntax.lemma(t) in MEMBERS:
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    out.extend(c for c in prep.children if c.dep_ == "pobj")
    for t in list(out):
        if t.lower_ in ("who", "whom", "which"):
            # "escapees, dozens of whom had been recaptured": the noun the clause is about
            clause = next((h for h in syntax.ancestors(t) if h.dep_ == "relcl"), None)
            if clause is not None:
                out.append(clause.head)
                continue
            # misparsed as another clause: the noun just before "dozens of whom"
            start = t.head.head.i if t.head.lower_ == "of" else t.i
            noun = next((t.doc[k] for k in range(start - 1, max(-1, start - 4), -1)
                         if t.doc[k].tag_ in ("NN", "NNS")), None)
            if noun is not None:
                out.append(noun)
    return out


def _names_a_thing(head: Any, anchor: Any) -> bool:
    """Tell whether an actor's name is used as a modifier of a thing: "the government complex"."""
    from events.extract.wordlists import AIRCRAFT, FORCES

    if head.dep_ not in ("compound", "amod", "nmod") or head.head.i == anchor.i:
        return False
    noun = syntax.lemma(head.head)  # "Tahrir al-Sham men": a force's men are the force
    return noun not in FORCES | AIRCRAFT | {"man"} and head.head.tag_.startswith("NN")


def _fronted(token: Any, above: set[int]) -> str | None:
    """Return the slot of a place that hangs from a verb the trigger depends on, or None.

    "In Raqqa, 300 fighters were believed to remain": a place that hangs from a verb the
    trigger depends on locates the trigger too (slot "up:...").
    """
    t = token
    for _ in range(16):
        head = t.head
        if head.i == t.i or t.dep_ in _CLAUSE_DEPS:
            return None
        if syntax.is_verb(head):
            label = _label(t)
            return (
                f"up:{label}" if head.i in above and label and label.startswith("prep:") else None
            )
        t = head
    return None


def slot_of(token: Any, anchor: Any, slots: dict[int, str]) -> str | None:
    """Return the slot of ``anchor`` that ``token`` hangs from, or None if it belongs elsewhere."""
    t = token
    where = None  # "15 people, including 7 children, in Baghdad": the place of the whole count
    for _ in range(16):
        if t.i in slots:
            if where is not None:
                return ("gov:" if slots[t.i].startswith("gov:") else "") + f"prep:{where.lower_}"
            return slots[t.i]
        if t.dep_ == "prep" and t.lower_ in WHERE_PREPS and t.head.dep_ == "pobj" and (
            t.head.head.lower_ in ("including", "among")
        ):
            where = t
        if t.i == anchor.i or t.head.i == t.i:
            return None
        if t.dep_ in _CLAUSE_DEPS or t.dep_ == "conj" and syntax.is_verb(t):
            return None
        head = t.head
        if head.i == anchor.i:
            return _label(t)
        if t.dep_ == "conj" and t.tag_ == "IN" and head.dep_ == "prep" and head.head.i == anchor.i \
                and any(c.lower_ in DAY_WORDS for c in head.children):
            return f"prep:{t.lower_}"  # "to A, to B in December and to C": C's "to", not "in"
        if (syntax.is_verb(head) and head.i not in slots and not _describes(head)
                and head.lower_ != "including"):
            return None
        t = head
    return None


def _describes(verb: Any) -> bool:
    """Tell whether ``verb`` is a participle that only describes a noun.

    "militants operating near Erbil" locates the militants, so a place below it belongs to
    the slot the noun fills.
    """
    return verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and verb.head.tag_.startswith("NN")


def arguments(sentence: Any, trigger: Any, mentions: Any) -> Arguments:
    """Attach a trigger's mentions to its slots.

    Parameters
    ----------
    sentence : Sentence
        The parsed sentence.
    trigger : Trigger
        The trigger.
    mentions : Mentions
        The sentence's places, actors and figures.

    Returns
    -------
    Arguments
    """
    doc = sentence.doc
    anchor = syntax.token_at(doc, trigger.anchor_start)
    slots = _slots(anchor, trigger.frame)
    args = Arguments(anchor, _passive(anchor), slots, trigger.frame,
                     captures={t.anchor_start for t in mentions.triggers if t.kind == "capture"})
    above = {h.i for h in syntax.ancestors(anchor)}
    for p in mentions.places:
        head = syntax.span_head(doc, p.name_start, p.name_end)
        slot = slot_of(head, anchor, slots) if head is not None else None
        if slot is None and head is not None:
            slot = _fronted(head, above)
        args.places.append((p, slot))
    for a in mentions.actors:
        head = syntax.span_head(doc, a.start, a.end)
        if head is not None and _names_a_thing(head, anchor):
            continue  # "the government complex", "an army base": no force acts
        args.actors.append((a, slot_of(head, anchor, slots) if head is not None else None))
    for f in mentions.figures:
        # the number itself: "an estimated 3,000 people" hangs on "people" by "3,000"
        head = next((t for t in syntax.span_tokens(doc, f.start, f.end) if t.tag_ == "CD"),
                    None) or syntax.span_head(doc, f.start, f.end)
        if head is None:
            continue
        counted = head.head if head.dep_ == "nummod" else head
        if any(t.lower_ in ("including", "among") for t in syntax.ancestors(head)) or (
                counted.dep_ == "appos" and any(
                    c.lower_ in ("including", "among") for c in counted.children)):
            # "12 killed, including 7 children", "127 civilians, among them 39 children":
            # the sub-count is not the toll
            continue
        args.figures.append((f, slot_of(counted, anchor, slots), counted))
    subj_label, obj_label = ("by", "subjpass") if args.passive else ("subj", "obj")
    for t in doc:
        label = slots.get(t.i)
        if label in (subj_label, "gov:" + subj_label):
            args.subject.extend(syntax.conjuncts(t))
        elif label in (obj_label, "gov:" + obj_label) or (args.passive and label == "head"):
            args.object.extend(syntax.conjuncts(t))
        elif label == "head" and not args.passive:
            args.subject.append(t)
    if args.passive:
        args.subject = [t for t in args.subject if t.dep_ != "agent"] + [
            p for t in args.subject if t.dep_ == "agent" for p in t.children if p.dep_ == "pobj"
        ]
    if not syntax.is_verb(anchor):
        # an event noun: "the seizure of 49 staff by militants", "ISIS's capture of X"
        for c in anchor.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):
                target = args.object if c.lower_ == "of" else args.subject
                target.extend(
                    q for p in c.children if p.dep_ == "pobj" for q in syntax.conjuncts(p)
                )
            elif c.dep_ in ("poss", "compound"):
                args.subject.append(c)
    if not args.subject and not args.passive and syntax.is_verb(anchor):
        # a misparse left the verb without a subject ("believes 800 fighters remain in X"):
        # the armed force just before it acts
        found = preceding_actor(args)
        head = syntax.span_head(doc, found.start, found.end) if found is not None else None
        if head is not None:
            args.subject.append(head)
            args.actors = [(a, "subj" if a is found else s) for a, s in args.actors]
    args.subject = expand(args.subject)
    args.object = expand(args.object)
    if trigger.frame == "hold" and any(s == "prep:of" and not p.reference for p, s in args.places):
        # "it was in full control of Baiji": the subject controls the place after "of"
        # (against "Baiji is in the hands of ISIS", where the force follows)
        args.frame = "noun"
    _add_pronoun_places(args, trigger, sentence.text)
    return args


def preceding_actor(args: Arguments) -> Any:
    """Return the armed force just before the verb, for a parse that finds no subject.

    When the parse finds no subject at all (a misparse), the armed force just before the
    verb, with no other verb between them, is taken for it.
    """
    anchor = args.anchor
    before = [a for a, s in args.actors if a.end <= anchor.idx and a.actor in _actors.ARMED]
    if not before:
        return None
    last = before[-1]
    between = [t for t in anchor.doc if last.end <= t.idx < anchor.idx]
    if any(syntax.is_verb(t) and t.dep_ not in ("aux", "auxpass") for t in between):
        return None
    return last


def _add_pronoun_places(args: Arguments, trigger: Any, text: str) -> None:
    """Add a place for a pronoun that stands for the town told before.

    "retook it", "it fell", "its capture": the pronoun stands for the town told before.
    """
    if any(s in ("obj", "subjpass", "subj") and not p.reference for p, s in args.places):
        return
    wanted = {"act": ("obj", "subjpass"), "fall": ("subj",), "noun": ("poss",),
              "hold": ("gov:subj",)}.get(args.frame, ())  # fmt: skip
    if trigger.kind not in ("capture", "control", "oust", "seizure", "troop_position", "flight",
                            "withdrawal"):
        return
    for t in args.anchor.doc:
        label = args.slots.get(t.i)
        if label in wanted and t.lower_ in ("it", "its"):
            end = t.idx + len(t.text)
            mention = PlaceMention(t.idx, end, t.idx, end, text[t.idx : end], None, 1,
                                   anaphor="city")  # fmt: skip
            args.places.append((mention, "obj" if label == "poss" else label))
        elif label in wanted and t.lower_ in ROLE_PARTS:
            # "had retaken most of it": part of the town told before (precision 2)
            it = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.lower_ == "it"), None)
            if it is not None:
                end = it.idx + len(it.text)
                mention = PlaceMention(t.idx, end, t.idx, end, text[t.idx : end], None, 2,
                                       anaphor="city")  # fmt: skip
                args.places.append((mention, label))
        elif args.frame == "move" and label == "subj":
            # "almost all of its 50,000 residents fled towards Erbil": they left the town
            its = next((g for g in t.subtree if g.lower_ == "its" and g.dep_ == "poss"), None)
            if its is not None:
                end = its.idx + len(its.text)
                args.places.append((PlaceMention(its.idx, end, its.idx, end, "its", None, 1,
                                                 anaphor="city"), "obj"))


def own_side(subject: Any) -> bool:
    """Tell whether a subject is the speaker's own side: "it", "they", "his fighters"."""
    return subject.tag_ == "PRP" or any(
        c.dep_ == "poss" and c.tag_ == "PRP$" for c in subject.children
    )
