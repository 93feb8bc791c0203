"""Stage 5b, kinds: the event type of a trigger, once its arguments are known.

Some words name different events depending on who does what: "captured
Tikrit" is a seizure, "captured 48 people" an abduction; "fled" is a
withdrawal for troops and displacement for civilians; "strikes" by a
coalition's aircraft are air strikes, by missiles shelling. The lexicon marks
such words with a pseudo-kind; :func:`resolve` turns it into an event type
from the arguments, or into None when the trigger is no event after all
(captured weapons, captured fighters).
"""

from __future__ import annotations

import re
from typing import Any

from events import actors as _actors
from events.extract import agents, roles, syntax, threats
from events.extract.held import holds_a_town_now, ongoing, siege_broken, since, town_held
from events.extract.place_words import PRISON_WORDS
from events.extract.wordlists import (
    AID,
    AIR_ACTORS,
    AIRCRAFT,
    ATTACK_WORDS,
    CAUSES_NOT_FOUGHT,
    COUNT_NOUNS,
    FORCES,
    FOUND_VERBS,
    GENERIC_PEOPLE,
    NO_GROUND,
    NO_THREAT_MADE,
    NOT_MOVERS,
    PEOPLE,
    PLACE_NOUNS,
    POSTS,
    PRISONERS,
    PROPERTY,
    SPOILS,
    STRONGHOLDS,
    VEHICLES,
)

#: Kinds of trigger that name an attack: said of the future by their author, a threat.
ATTACKING = frozenset({"capture", "oust", "attack", "clash", "strike", "shelling", "bombing",
                       "troop_position", "attack_on_civilians"})  # fmt: skip
#: Event types that can cause deaths told in the same sentence (their toll).
VIOLENT = frozenset({"airstrike", "shelling", "bombing", "clash", "attack_on_civilians"})
_MISSILE_WORDS = frozenset("missile rocket artillery mortar shell ballistic".split())
#: Cruise missiles fly to their target like aircraft; the dev gold codes them as air strikes.
_CRUISE = frozenset({"cruise", "tomahawk", "tomahawks"})
#: Nouns of a declared aim.
_AIMS = frozenset("target objective goal aim destination".split())
#: Moves to a place not yet fought over that an aim declares: "the aim was to reach the
#: crossing" (not "our aim is to take control", said of the battle under way).
AIMED_MOVES = frozenset("reach advance march push".split())
#: Verbs whose object is what was fired.
_FIRING = frozenset("fire launch lob shoot hurl unleash rain".split())
#: Guns that fire shells: their crews' fire is shelling.
_GUNS = frozenset("howitzer cannon gun battery tank".split())
# What a weapon does when it is the one who acts: "a bomb wounded three policemen".
_HARMS = frozenset("kill wound injure maim explode detonate hit destroy damage rip tear "
                   "strike rock claim target".split())
#: Agents of a chemical attack (the lexicon's chemical row): its weapon is told apart.
_CHEMICAL = frozenset("chemical chlorine sarin gas toxic nerve mustard".split())
_AIR_WORDS = AIRCRAFT | {"air", "aerial", "airstrike", "bombing", "bomb"}
#: Shelling words that say nothing of the weapon: aircraft named with them make an airstrike.
_BOMBARD = frozenset({"bombard", "bombardment"})


def _chemical_delivery(anchor: Any) -> str:
    """Type a chemical attack by what delivered it, told in the attack's own phrase.

    "rockets carrying sarin struck Zamalka" is shelling and "a sarin attack carried out
    by regime warplanes" an air strike, as any other rocket or raid; an attack told by
    its agent alone ("jets hit Tiyas after a chlorine attack on Saraqib") stays an
    attack on civilians.
    """
    lemmas = {syntax.lemma(t) for t in anchor.subtree}
    if lemmas & (AIRCRAFT | {"barrel", "airstrike"}):
        return "airstrike"
    if lemmas & (_MISSILE_WORDS | _GUNS):
        return "shelling"
    return "attack_on_civilians"


def _words_near(args: roles.Arguments) -> set[str]:
    """Lemmas of the anchor's modifiers and subject: what says how an attack was made."""
    out = {syntax.lemma(c) for c in args.anchor.children if c.dep_ in ("compound", "amod", "nmod")}
    # what it was done with: "pounded with dozens of artillery and rocket shells"
    out |= {syntax.lemma(t) for c in args.anchor.children if c.dep_ == "prep"
            and c.lower_ == "with" for t in c.subtree}
    out |= {syntax.lemma(t) for t in args.subject}
    out |= {
        syntax.lemma(c) for t in args.subject for c in t.children if c.dep_ in ("compound", "amod")
    }
    if not syntax.is_verb(args.anchor):
        # "raids of warplanes"; not what the strikes hit ("strikes destroyed a tank")
        out |= {syntax.lemma(t) for t in args.object
                if t.head.dep_ == "prep" and t.head.head.i == args.anchor.i}
        # "warplanes carried out dozens of raids", "warplanes retaliated with raids": who
        # made them
        count = args.anchor.head.head if args.anchor.head.lower_ == "of" else None
        doer = (count.head if count is not None and count.lower_ in COUNT_NOUNS
                and count.dep_ == "dobj" else args.anchor.head.head
                if args.anchor.head.lower_ == "with" else None)
        if doer is not None and syntax.is_verb(doer):
            out |= {syntax.lemma(t) for c in doer.children if c.dep_ == "nsubj" for t in c.subtree}
    return out


def _actor_names(args: roles.Arguments, slots: tuple[str, ...], country: str | None) -> set[str]:
    return {
        _actors.canonical_actor(a.actor, country=country, isis_named=True) or ""
        for a, s in args.actors
        if s in slots
    }


def _subject_named(args: roles.Arguments) -> bool:
    """Tell whether the subject is a place named ("Rajo", "the town of Rajo").

    Not a site told before ("the base"), nor a person a village shares its name with
    ("Abu Layla, the commander").
    """
    subject = [c for c in args.anchor.children if c.dep_ == "nsubj" and not any(
        a.dep_ == "appos" and not _place_word(a) for a in c.children)]
    named = [(p.start, p.end) for p, s in args.places
             if s == "subj" and not p.anaphor and not p.reference]
    return any(
        any(a <= t.idx < b for a, b in named)
        or (_place_word(t) and any(t.idx < a < t.right_edge.idx + 1 for a, _ in named))
        for t in subject
    )


def _has_place_object(args: roles.Arguments) -> bool:
    if any(s in ("obj", "subjpass", "gov:subj", "head") for _, s in args.places):
        return True
    # "took it", "seized them" (the towns); not "took them to Hawija": people carried off
    carried = any(s in ("prep:to", "prep:into") for _, s in args.places)
    return any(_place_word(t) or (t.lower_ in ("it", "them") and not carried)
               for t in args.object)


def _place_word(t: Any) -> bool:
    """Tell whether the token is a noun for a place ("the town", "parts of the city").

    A bare "part" is none: "took part in".
    """
    if t.lower_ == "part" and not any(
        c.dep_ in ("det", "poss", "amod", "nummod") or c.lower_ == "of" for c in t.children
    ):
        return False
    return syntax.lemma(t) in PLACE_NOUNS


#: Slots of the place a movement goes to ("poured into Erbil").
_GOAL_SLOTS = ("obj", "prep:into", "prep:to", "prep:towards", "prep:toward", "prep:across")
#: States a place is left in: "left the town in ruins" tells damage, not people leaving.
_LEFT_IN = frozenset("ruin ruins rubble tatters shambles darkness flames chaos".split())


#: Subjects that leave a place in a state, not behind: "weeks of fighting left ...".
_RESULT_CAUSES = ATTACK_WORDS | frozenset(
    "violence bombardment shelling blast explosion siege clash bombing airstrike".split())


def _left_in_a_state(args: roles.Arguments) -> bool:
    """Tell whether "leave" tells a result, not people leaving.

    "Fighting left Baiji in ruins", "the blast left 20 dead", "bombs left by the
    jihadists": "leave" tells a result.
    """
    anchor = args.anchor
    if syntax.lemma(anchor) != "leave":
        return False
    if any(syntax.lemma(t) in _RESULT_CAUSES for t in args.subject):
        return True
    if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and not any(
            s in ("head", "obj", "subjpass") for _, s in args.places):
        return True  # "explosive devices left by the jihadists": things left behind
    # "left leaflets", "left their mark": things left, not a place (an object past a comma
    # is a misparse: "left for Kirkuk on Sunday, fearing attacks")
    things = [t for t in args.object
              if not any(w.text == "," for w in anchor.doc[anchor.i : t.i])]
    if things and not _has_place_in(args, ("obj",)) and not any(
            _place_word(t) or t.tag_ == "NNP"
            or t.lower_ in ("it", "them", "there", "home", "homes", "house", "houses")
            for t in things):
        return True
    return any(
        c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")
        or (c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ in _LEFT_IN for p in c.children))
        for c in anchor.children
    )


def _not_moving(args: roles.Arguments) -> bool:
    """Tell whether a position word tells no force's position.

    "The truce entered into force", "Tehran holds influence over Baghdad": the
    subject moves nowhere, or what is held is no ground.
    """
    if syntax.is_verb(args.anchor) and any(syntax.lemma(t) in NOT_MOVERS for t in args.subject):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "into" and any(
            p.lower_ in ("force", "effect") for p in c.children) for c in args.anchor.children):
        return True
    if syntax.is_verb(args.anchor) and any(syntax.lemma(t) in NO_GROUND for t in args.object):
        return True  # "since Russia entered the war", "entered talks": no ground entered
    held = syntax.lemma(args.anchor) == "hold" and args.object
    return bool(held) and not _has_place_in(args, ("obj",)) and not any(
        _place_word(t) or t.lower_ in ("it", "them", "position", "positions", "ground", "line",
                                       "lines", "territory")
        for t in args.object)


def _from_a_prison(args: roles.Arguments) -> bool:
    """Tell whether the place left is a prison: "hundreds escape Abu Ghraib prison"."""
    return any(
        s in ("obj", "prep:from", "prep:out") and (
            PRISON_WORDS.search(p.location)
            or (p.place is not None and PRISON_WORDS.search(p.place.name)))
        for p, s in args.places
    )


def _into_the_air(anchor: Any) -> bool:
    """Tell whether shots went "into the air" (a salute or a warning).

    The phrase hangs from the trigger or, for a noun, from the verb that governs it
    ("firing rounds of gunfire into the air").
    """
    verb = anchor if syntax.is_verb(anchor) else next(
        (h for h in syntax.ancestors(anchor) if syntax.is_verb(h)), anchor)
    return any(
        c.dep_ == "prep" and c.lower_ in ("into", "in") and any(p.lower_ == "air" and any(
            d.lower_ == "the" for d in p.children) for p in c.children)
        for t in {anchor, verb} for c in t.children
    )


#: Verbs that say who a convoy carries.
_CARRYING = frozenset("carry transport ferry bring evacuate".split())
_HOMES = re.compile(r"\b(?:homes?|houses?)\b", re.IGNORECASE)
#: Attackers who get away after a crime, not forces giving up ground.
_CULPRITS = frozenset("gunman attacker assailant kidnapper perpetrator culprit robber".split())
#: Armed groups whose detentions are kidnappings.
_CAPTORS = frozenset({"ISIS", _actors.MILITANTS, "Nusra Front", "Unidentified armed group"})


def _needs_met(trigger: Any, args: roles.Arguments, country: str | None) -> bool:
    return all(_need_met(need, args, country) for need in trigger.row.needs.split(",") if need)


def _speaker_flies(args: roles.Arguments, country: str | None) -> bool:
    """Tell whether "it" struck, said by an air force ("The coalition said it had struck")."""
    if not agents.pronoun_subject(args):
        return False
    found = agents.speaker(args)
    return found is not None and _actors.canonical_actor(
        found.actor, country=country, isis_named=True) in AIR_ACTORS


def _need_met(needs: str, args: roles.Arguments, country: str | None) -> bool:
    if needs == "place":
        return _has_place_object(args)
    if needs == "goal":
        return any(s in _GOAL_SLOTS for _, s in args.places)
    if needs == "aircraft":
        # the attacker flies ("warplanes hit"), or the target does ("shot down a jet")
        words = _words_near(args) | {syntax.lemma(t) for t in args.object}
        return bool(words & AIRCRAFT) or agents.air_force(args) or bool(
            _actor_names(args, agents.agent_slots(args), country) & AIR_ACTORS
        ) or _speaker_flies(args, country)
    if needs == "people":
        # "civilians arrived", "2,000 arrived"; not "two car bombs ... before reaching"
        return agents.subject_is(args, PEOPLE) or any(t.tag_ == "CD" for t in args.subject)
    if needs == "target":
        return any(s is not None for _, s in args.places) or any(
            c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "against", "toward", "towards")
            for c in args.anchor.children
        )
    if needs == "victims":
        return agents.object_is(args, PEOPLE | FORCES)
    if needs == "fighters":
        # "ISIS fighters left under a deal": the armed force is the one who leaves
        return agents.subject_is(args, FORCES) or any(
            a.actor in _actors.ARMED and a.actor != "Civilians"
            for a, s in args.actors if s in ("subj", "head")
        )
    if needs == "gunners":
        # "a mortar team fired on ISIS positions", "howitzers fired on targets"
        return bool(_words_near(args) & (_MISSILE_WORDS | _GUNS))
    if needs == "origin":
        # "walked out of Raqqa", not "ran out of ammunition"
        return any(s in ("prep:of", "prep:from") for _, s in args.places)
    if needs == "flying":
        # "its Su-34s destroyed a command post", "the Syrian Arab Air Force destroyed
        # hideouts": aircraft, or an air force, are the subject
        return agents.subject_is(args, AIRCRAFT) or agents.air_force(args)
    if needs == "harm":
        # "a bomb ... wounded three policemen", "killed by a bomb", not "a bomb factory"
        anchor = args.anchor
        verb = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "by" \
            else anchor.head
        return anchor.dep_ in ("nsubj", "pobj") and syntax.lemma(verb) in _HARMS
    if needs == "captor":
        # "ISIS detained 35 men": an armed group's detention is a kidnapping; a state's
        # arrest is not an event of the map
        return any(a.actor in _CAPTORS for a, s in args.actors if s in agents.AGENT_SLOTS)
    if needs == "aimed":
        aimed_at = [g for c in args.anchor.children if c.dep_ == "prep"
                    and c.lower_ in ("at", "on", "upon") for g in c.children if g.dep_ == "pobj"]
        return any(a.actor for a, s in args.actors if s in ("prep:at", "prep:on", "prep:upon")) \
            or any(syntax.lemma(t) in PEOPLE | FORCES for t in roles.expand(aimed_at))
    if needs == "fallen":
        # "Rajo, a small town near the border, fell on the 3rd": the place itself falls;
        # not "prices in Mosul fell", nor "the town fell silent", nor "after Tikrit fell"
        # (the fall dates another event)
        return _subject_named(args) and not any(
            c.dep_ in ("acomp", "oprd", "xcomp") or (
                c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "until"))
            for c in args.anchor.children)
    if needs == "named":
        # "Douma will be next"; "could be next" is a guess, not a declared intent
        return _subject_named(args) and not any(
            c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in args.anchor.children)
    if needs == "property":
        return agents.object_is(args, PROPERTY)
    if needs == "force":
        # "troops arrived", or the force sent: "sent reinforcements to Anbar"
        moved = agents.subject_is(args, FORCES) or agents.object_is(args, FORCES)
        return moved or agents.military_convoy(args) or any(
            a.actor in _actors.ARMED and a.actor != "Civilians"
            for a, s in args.actors
            if s in ("subj", "head", "obj")
        )
    return True


def resolve(trigger: Any, args: roles.Arguments, *, country: str | None) -> str | None:
    """Return the event type a trigger reports, or None when it reports none.

    Parameters
    ----------
    trigger : Trigger
        The trigger, with its pseudo-kind.
    args : Arguments
        Its arguments (:func:`events.extract.roles.arguments`).
    country : {"IQ", "SY"} or None
        The report's country, to name government forces.

    Returns
    -------
    str or None
    """
    if not _needs_met(trigger, args, country):
        return None
    kind = trigger.kind
    if kind == "threat" and syntax.lemma(args.anchor) in _AIMS:
        # "their next target is al-Bab", "the aim was to reach the Nassib crossing"; not
        # "their aim is to help civilians"
        verbs = {syntax.lemma(t) for t in threats.complement_tokens(args.anchor)
                 if syntax.is_verb(t)}
        nexted = any(c.lower_ == "next" for c in args.anchor.children)
        return "threat" if nexted or verbs & AIMED_MOVES else None
    if kind == "threat" and trigger.frame == "fall":
        return "threat"  # "Douma will be next": a town named as the next to be attacked
    if kind == "threat" and not threats.threat_has_attack(args.anchor, args.captures):
        return None  # "warned of a swift response": no attack declared
    if kind == "threat" and args.anchor.dep_ in ("dobj", "nsubjpass") and syntax.lemma(
            args.anchor.head) in NO_THREAT_MADE:
        return None  # "ends the threat of attacks", "poses a threat", "kept his promise to"
    if kind in ("capture", "attack", "clash") and _begun(args.anchor) and _has_place_in(
            args, ("obj",)):
        return "troop_position"  # "began storming the Old City": an assault launched
    held = kind == "troop_position" and syntax.lemma(args.anchor) == "hold"
    if (kind == "control" or held) and ongoing(args.anchor):
        if since(args.anchor):
            return "seizure"  # "has remained under ISIL control since June 2014": taken then
        if town_held(args):
            return "seizure"  # "Shaddadi remains in the hands of the gangs": held as told
        return None  # "continues to control large parts of the province": no place named
    if held and (since(args.anchor) or holds_a_town_now(args)):
        return "seizure"  # "had held Palmyra since May 2015"; "the militants hold Garma"
    if kind in ("capture", "control") and trigger.frame != "hold":
        if agents.people_object(args) and not _has_place_in(args, ("obj", "subjpass")):
            return "abduction"
        if agents.object_is(args, SPOILS) or agents.object_is(args, FORCES | PRISONERS):
            if not _has_place_in(args, ("obj", "subjpass")):
                return None  # weapons or fighters taken: no territory changed hands
        return "seizure"
    if kind == "control":
        return "seizure"
    if kind == "troop_position" and siege_broken(args.anchor):
        return "clash"  # "the siege of Amirli ... was broken on 31 August": a fight to end it
    if kind == "troop_position" and agents.nothing_armed_moved(args):
        return None  # "the deployment of UN observers", "an aid convoy entered": no force
    if kind == "troop_position" and _not_moving(args):
        return None
    if kind == "oust":
        if not args.object and not args.passive:
            # "pushing south from Ain Issa": a force moves from there, no one is driven out
            return "troop_position" if _need_met("force", args, country) else None
        if agents.object_is(args, PEOPLE) and not agents.object_is(args, FORCES):
            return "displacement"
        return "seizure"
    if kind == "flight" and _left_in_a_state(args):
        return None
    if kind == "flight":
        if agents.subject_is(args, PRISONERS) or _from_a_prison(args):
            return "prison_break"
        if syntax.lemma(args.anchor) in _CARRYING and not args.passive:
            # "buses carried 2,000 rebel fighters out of Madaya": who was carried
            carried = {syntax.lemma(t) for t in roles.expand(args.object)}
            return ("withdrawal" if carried & FORCES else
                    "displacement" if carried & PEOPLE else None)
        if agents.subject_is(args, VEHICLES):
            # "a convoy carrying ISIS fighters left the city": who was on it says what it was;
            # "a convoy of buses left the town" does not tell
            aboard = {syntax.lemma(g) for t in args.subject for c in t.children
                      if c.dep_ == "acl" and syntax.lemma(c) in _CARRYING
                      for o in c.children if o.dep_ == "dobj" for g in roles.expand([o])}
            if aboard & FORCES:
                return "withdrawal"
            return "displacement" if aboard & PEOPLE else None
        if agents.subject_is(args, _CULPRITS):
            return None  # "gunmen killed a shopkeeper and fled": they held no ground to give up
        # who moved: the subject, or in the passive who was moved ("rebels were evacuated")
        movers = ("subj", "head", "gov:subj") + (("subjpass", "obj") if args.passive else ())
        armed = {a.actor for a, s in args.actors if s in movers}
        if (armed & _actors.ARMED - {"Civilians"}) or agents.subject_is(args, FORCES) or (
                args.passive and agents.object_is(args, FORCES)):
            # "left their homes" is said of families, not of forces giving up ground
            return None if _HOMES.search(trigger.text) else "withdrawal"
        if agents.pronoun_subject(args) and agents.governing_subject_armed(args):
            return "withdrawal"  # "kidnapped civilians before they fled": the kidnappers fled
        return "displacement"
    if kind == "attack_on_civilians" and trigger.text.split()[0].lower() in _CHEMICAL:
        return _chemical_delivery(args.anchor)
    if kind in ("strike", "clash", "attack") and _into_the_air(args.anchor):
        return None  # "fired rounds into the air": a salute or a warning, no strike
    if kind == "attack" and _frees_a_prison(args.anchor.sent.text, args.anchor.subtree):
        # "the July assault on Abu Ghraib and Taji prisons, when militants ... free more
        # than 500 inmates": a prison break
        return "prison_break"
    if kind == "strike":
        if agents.object_is(args, AID):
            return None  # "dropped food parcels over Haditha": an airdrop
        words = _words_near(args)
        # what is fired is the weapon ("fired dozens of mortar rounds"); what is struck
        # is the target ("strikes destroyed an oil storage tank")
        objects = {syntax.lemma(t) for o in args.object
                   for t in (o, *(c for c in o.children if c.dep_ in ("compound", "amod")))
                   } if syntax.lemma(args.anchor) in _FIRING else set()
        airborne = bool(words & _AIR_WORDS) or bool(
            _actor_names(args, agents.agent_slots(args), country) & AIR_ACTORS
        )
        if (words | objects) & (_MISSILE_WORDS | _GUNS) and not (words | objects) & (
                AIRCRAFT | _CRUISE | {"air", "aerial"}):
            return "shelling"  # "fired rockets at", "missile strikes"
        if syntax.lemma(args.anchor) == "raid" and not airborne:
            return "clash"  # a raid on the ground
        return "airstrike"
    if kind in ("kill", "attack") and agents.killed_from_the_air(args):
        return "airstrike"  # "Russian jets killed 12 civilians", "warplanes attacked Ariha"
    if kind == "attack" and syntax.is_verb(args.anchor) and _has_place_in(args, ("obj",)):
        if _attacks_stronghold(args):
            return "clash"  # "attacked Abu Ghraib prison": a fight for a defended site
        return None  # "attacked the northern cities of Mosul and Tikrit": told by other events
    if kind == "attack":
        if agents.object_is(args, PEOPLE) or any(
            a.actor == "Civilians" for a, s in args.actors
            if s in ("obj", "prep:on", "prep:at", "prep:upon", "subjpass")
        ):
            return "attack_on_civilians"
        return "clash"
    bombard = kind == "shelling" and syntax.lemma(args.anchor) in _BOMBARD
    if bombard and _words_near(args) & AIRCRAFT:
        return "airstrike"  # "jets took part in the bombardment of Zamalka": from the air
    if kind == "kill" and any(
        syntax.lemma(t) in CAUSES_NOT_FOUGHT for c in args.anchor.children
        for t in c.subtree if c.dep_ == "prep" and c.lower_ in ("of", "from")
    ):
        # "died of her injuries": the toll of an attack told before; "died of hunger",
        # "of thirst": a siege's or a flight's toll, no attack
        return None
    if kind == "kill":
        victims = args.object  # "killed 12 people", "12 people were killed"
        if syntax.lemma(args.anchor) == "die" or args.anchor.lower_ in ("dead", "deaths"):
            victims = args.subject
        lemmas = {syntax.lemma(t) for v in victims for t in v.subtree  # "bodies of 18 men" too
                  if not syntax.in_possessor(t, v)  # "policemen's relatives": no policemen
                  and not syntax.member_of(t, PEOPLE)}  # "members of the Shaitat tribe": no force
        if lemmas & PEOPLE and lemmas & FORCES:
            return "clash"  # "60 people, civilians and policemen, were killed": a fight
        if syntax.lemma(args.anchor) == "die" and not lemmas & (PEOPLE - GENERIC_PEOPLE):
            return "clash"  # "50 died in Baiji": a toll of fighting, no one's attack named
        if lemmas & PEOPLE or any(a.actor == "Civilians" for a, s in args.actors if s in (
            "obj", "subj", "subjpass")):
            return "attack_on_civilians"
        if syntax.lemma(args.anchor) in FOUND_VERBS and not lemmas & FORCES:
            return "attack_on_civilians"  # bodies found, no fighters' among them: killings
        return "clash"
    return kind


def storming_outcome(args: roles.Arguments) -> str | None:
    """Return what storming a place came to, or None when the sentence leaves it a fight.

    "IS stormed Qaraqosh on Thursday" took the town; "stormed Abu Ghraib prison and freed
    500 inmates" broke them out. "stormed the town, trying to clear a pocket" or "before
    being pushed back" tells an assault that did not (yet) take it, and "stormed a power
    station, killing 13 workers" a raid.
    """
    if not syntax.is_verb(args.anchor) or not _has_place_in(args, ("obj", "subjpass")):
        return None
    text = args.anchor.sent.text
    if _UNFINISHED.search(text):
        return None
    if _frees_a_prison(text, (t for o in args.object for t in o.subtree)):
        return "prison_break"
    return None if _RAID.search(text) else "seizure"


# An assault told as unfinished or thrown back.
_UNFINISHED = re.compile(
    r"\b(?:try|tries|tried|trying|attempt\w*|repel\w*|repuls\w*|fail\w*|before\s+being|"
    r"(?:pushed|driven|beaten|forced)\s+back|counter-?attack\w*|still\s+fighting)\b",
    re.IGNORECASE,
)
# A storming told by its dead or its bombers is a raid: "stormed a power station, killing
# 13 workers, before two of them blew themselves up".
_RAID = re.compile(r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|blew\s+(?:himself|themselves)\s+up|"
                   r"detonat\w*)\b", re.IGNORECASE)
# Prisoners let out: "freeing hundreds of inmates", "free more than 500 prisoners".
_FREED = re.compile(r"\b(?:free\w*|releas\w*|liberat\w*)\b[^.;]{0,40}\b(?:inmates|prisoners|"
                    r"detainees)\b", re.IGNORECASE)


def _frees_a_prison(text: str, tokens: Any) -> bool:
    """Tell whether the sentence lets prisoners out of a prison among ``tokens``."""
    return bool(_FREED.search(text)) and any(syntax.lemma(t) in ("prison", "jail") for t in tokens)


def _has_place_in(args: roles.Arguments, slots: tuple[str, ...]) -> bool:
    """Tell whether the slot's own head is a place, not just a place inside the phrase.

    "took Tikrit", "took the town"; not "captured several insurgents near Manbij".
    """
    heads = {t.i for t in args.object + args.subject}
    doc = args.anchor.doc
    for p, s in args.places:
        if s in slots and not p.reference:
            head = syntax.span_head(doc, p.name_start, p.name_end)
            chain = [head, *syntax.ancestors(head)] if head is not None else []
            # the place is the object itself, or hangs from it only through "of"
            for t in chain:
                if t.i in heads:
                    return True
                if t.dep_ not in ("compound", "pobj", "conj", "appos") and not (
                    t.dep_ == "prep" and t.lower_ == "of"
                ):
                    break
    return any(syntax.lemma(t) in PLACE_NOUNS for t in args.object if t.dep_ != "pobj")


def _attacks_stronghold(args: roles.Arguments) -> bool:
    """Tell whether the object attacked is a defended site ("the Taji prison", "the dam").

    Or a force's post in a town: "attacked a checkpoint of the organisation in Abu Hammam",
    "attacked army positions around the base".
    """
    words = {
        w.lower() for p, s in args.places if s == "obj" and not p.reference
        for w in p.location.split()
    } | {syntax.lemma(t) for t in args.object}  # fmt: skip
    return bool(words & (STRONGHOLDS | POSTS))


def _begun(anchor: Any) -> bool:
    """Tell whether an attack verb is what its subject began ("began storming X")."""
    return anchor.dep_ == "xcomp" and syntax.lemma(anchor.head) in ("begin", "start")


def is_toll(kind: str, trigger: Any) -> bool:
    """Tell whether a killing only gives the toll of another event of its sentence."""
    return trigger.kind == "kill" and kind in VIOLENT
