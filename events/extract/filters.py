"""Stage 4, the event filter: whether a trigger reports one real happening, and is codable.

A trigger word names an event type, but news text also names events that did
not happen (negated, planned, feared, conditional), that are only a topic
("a dispute over air strikes"), that are many ("over the past month, 300 air
strikes") or that are a state described by a participle ("the surrounding
areas"). :func:`why_not` reads the trigger's place in the dependency parse
and says which of these it is, if any. :func:`why_not_codable` checks a
candidate event once its date and place are known: history before 2013 and
events outside Iraq and Syria are not coded.

Each check returns a short reason, so that a dropped trigger can be explained.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

from events.extract import retold, syntax, tallies
from events.extract.wordlists import (
    ARMED_WITH,
    ATTACK_WORDS,
    DONE_HEADS,
    FORCES,
    FORECAST_HEADS,
    HARDWARE_VERBS,
    INTENT_HEADS,
    MODALS,
    SPEECH_VERBS,
    SUPPORT_WORDS,
    TOPIC_HEADS,
    TOPIC_VERBS,
)

#: Events before this year are background history, never coded.
FIRST_YEAR = 2013
#: How far up the parse a governing word may sit and still make the trigger a plan or topic.
GOVERNOR_DEPTH = 3

# "... in its fourth week": an ongoing fight, not a point in time.
_ONGOING_SINCE = re.compile(r"\bin\s+its\s+\w+\s+(?:day|week|month|year)\b", re.IGNORECASE)
# A record's field line: a label, a colon, then a figure or "none".
_FIELD = re.compile(
    r"^\s*[A-Z][\w ()/-]{2,40}:\s*(?:[\d,.–-]+|none|unknown|n/a)(?:\s*\([^)]*\))?\s*\.?\s*$",
    re.IGNORECASE,
)
# A national total ("3 million Iraqis remain displaced nationwide") is no place's event.
_NATIONWIDE = re.compile(
    r"\b(?:nationwide|country-?wide|across\s+the\s+country|throughout\s+the\s+country|"
    r"across\s+(?:Iraq|Syria)|in\s+(?:Iraq|Syria)\s+as\s+a\s+whole|"
    # "1.2 million Iraqis have been forced from their homes" (not "23,000 Syrians ... from X")
    r"(?:million|\d(?:\.\d+)?m)\s+(?:Iraqis|Syrians))\b",
    re.IGNORECASE,
)
# Prepositions that make their object a subject of talk.
_TOPIC_PREPS = frozenset({"regarding", "about", "concerning", "re"})
# Names of a whole campaign, which "for" or "between" makes a topic: "the years between
# the Zabadani offensive and the population swap", "what it means for the Raqqa campaign".
_CAMPAIGNS = frozenset("offensive campaign operation".split())
# An event noun in these phrases under another event verb tells how that event was done:
# "seized Palmyra in a surprise advance".
_MANNER_PREPS = frozenset({"in", "during", "through", "via"})
# "against" and "for": "vowed to fight against air strikes" - neither a place nor an event.
_NEGATIVE_DETS = frozenset({"no", "neither", "nor", "without"})
#: Adverbs that deny what their phrase names: "with barely a fight", "hardly any fighting".
_SCARCELY = frozenset({"barely", "hardly", "scarcely"})
_KEEPING_OUT = frozenset("refrain abstain decline refuse avoid".split())


def _governors(token: Any) -> list[Any]:
    """Return the words a trigger depends on, nearest first, up to GOVERNOR_DEPTH steps."""
    out = []
    for head in syntax.ancestors(token):
        out.append(head)
        if len(out) >= GOVERNOR_DEPTH:
            break
    return out


def _clause_head(token: Any) -> Any:
    """Return the verb whose clause holds the token (the token itself when it is a verb)."""
    if syntax.is_verb(token) and token.dep_ != "prep":
        return token
    for head in syntax.ancestors(token):
        if syntax.is_verb(head) and head.dep_ != "prep":  # "regarding" is a preposition
            return head
    return token


def _kept_out(anchor: Any) -> bool:
    """Tell whether the trigger is something someone kept out of.

    "stayed out of the operation", "refrained from shelling": it did not take part.
    """
    for g in _governors(anchor):
        if syntax.lemma(g) in _KEEPING_OUT:
            return True
        if g.lower_ == "out" and syntax.lemma(g.head) in ("stay", "keep"):
            return True
    return False


def _negated(anchor: Any, clause: Any) -> bool:
    for t in (anchor, clause):
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in _NEGATIVE_DETS):
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children
            ):
                return True  # "No Iraqi army remains in Kirkuk"
    if not syntax.is_verb(anchor) and _denied_noun(anchor):
        return True
    return anchor.head.lower_ == "without" or anchor.head.head.lower_ == "without"


def _denied_noun(anchor: Any) -> bool:
    """Tell whether a noun trigger's own phrase denies it.

    "ended with buses, not a battle", "retaken with barely a fight", "fell with hardly any
    fighting": no fight took place.
    """
    if any(t.lower_ in _SCARCELY for left in anchor.lefts for t in left.subtree):
        return True
    edge = anchor.left_edge.i
    return edge > 0 and anchor.doc[edge - 1].lower_ == "not"


def _modal(anchor: Any, clause: Any) -> bool:
    for t in (anchor, clause):
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children):
            return True
    return False


#: Marks of a time clause that, in the present under a future, tells what has not happened.
_FUTURE_MARKS = frozenset("once when until after before".split())


def _conditional(clause: Any) -> bool:
    t = clause
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return True
        if (t.dep_ == "advcl" and t.tag_ in ("VBZ", "VBP")
                and any(c.dep_ == "mark" and c.lower_ in _FUTURE_MARKS for c in t.children)
                and any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.head.children)):
            return True  # "would march on Manbij once al-Bab falls": not fallen yet
        if t.dep_ not in ("advcl", "conj", "xcomp", "ccomp") or t.head.i == t.i:
            return False
        t = t.head
    return False


#: Nouns of a campaign whose infinitive is its aim: "operations to retake Mosul".
_CAMPAIGNS = frozenset("operation offensive campaign battle push drive assault".split())
#: Verbs whose object event is wanted, not done.
_WANTING = frozenset("threaten vow pledge promise plan seek demand urge want prepare".split())


def _campaign_aim(anchor: Any) -> bool:
    """Tell whether an infinitive is a campaign's aim the parse made its verb.

    "operations to retake Mosul began on 17 October", read as "operations ... to retake".
    """
    return any(c.tag_ == "TO" for c in anchor.children) and any(
        c.dep_ == "nsubj" and syntax.lemma(c) in _CAMPAIGNS for c in anchor.children)


def _aim(anchor: Any) -> bool:
    """Tell whether an infinitive, gerund or noun says what someone wanted, not what happened."""
    if anchor.dep_ == "dobj" and syntax.is_verb(anchor.head) and (
            syntax.lemma(anchor.head) in _WANTING):
        return True  # "threatening the takeover of more cities", "planned the capture of"
    t = anchor
    for _ in range(3):
        infinitive = any(c.tag_ == "TO" for c in t.children)
        if infinitive and t.tag_ == "VBN" and any(c.lower_ == "have" for c in t.children):
            return False  # "appeared to have fallen": it happened
        if infinitive or t.dep_ in ("pcomp",):
            head = t.head
            if syntax.is_verb(head) and syntax.lemma(head) in DONE_HEADS:
                return False
            if head.dep_ == "dobj" and syntax.lemma(head.head) in DONE_HEADS:
                return False  # "allowed a thousand inmates to escape": they escaped
            if head.dep_ == "prep":
                head = head.head
            return True if infinitive else syntax.lemma(head) in INTENT_HEADS
        if t.dep_ not in ("conj", "xcomp"):
            return False
        t = t.head
    return False


def _forecast(anchor: Any) -> bool:
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("since", "after", "following"):
        return False  # "warned ... since its capture on 12 August": a past that dates things
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in (
            "ahead", "advance"):
        return True  # "massing near Kobani ahead of an assault on the town": still to come
    words = [c for c in anchor.children if c.dep_ in ("amod", "advmod", "acomp")]
    for g in _governors(anchor):
        words.append(g)
        words.extend(
            c for c in g.children if c.dep_ in ("acomp", "advmod", "attr", "oprd", "ccomp")
        )
    return any(
        (w.lower_ in FORECAST_HEADS or syntax.lemma(w) in FORECAST_HEADS)
        # "days away" is a forecast, "took the women away" is not
        and (w.lower_ != "away" or any(c.dep_ == "npadvmod" for c in w.children))
        # "the battle ahead" is to come; "massed ahead of a push" tells when they massed
        and (w.lower_ != "ahead" or not any(c.dep_ == "prep" for c in w.children))
        for w in words
    )


def _topic(anchor: Any, anchors: Any = ()) -> bool:
    """Tell whether the trigger is only what something else is about.

    "a dispute over air strikes"; so is a weapon named inside another trigger's phrase
    that is only a topic ("contains all strikes conducted by aircraft and rocket artillery").
    """
    if _topic_here(anchor):
        return True
    by = False  # the weapon is the means of the other trigger: "strikes conducted by rockets"
    for g in itertools.islice(syntax.ancestors(anchor), 6):
        by = by or g.dep_ == "agent"
        if by and g.i in anchors and g.tag_.startswith("NN"):
            return _topic_here(g)
    return False


#: Arcs by which a verb starts a clause of its own, which a verb of recording above it
#: ("documented the deaths") does not govern as what it recorded.
_OWN_CLAUSE = frozenset({"advcl", "conj", "parataxis"})
_RECORDING = frozenset("document record list film photograph".split())


def _topic_here(anchor: Any) -> bool:
    if anchor.dep_ == "compound" and anchor.head.lower_ in TOPIC_HEADS:
        return True  # "airstrike footage"
    if anchor.dep_ == "pobj" and anchor.head.lower_ in _TOPIC_PREPS:
        return True  # "talks regarding the withdrawal of"
    if (syntax.lemma(anchor) in _CAMPAIGNS and anchor.dep_ in ("pobj", "conj")
            and anchor.head.lower_ in ("for", "between", "and")):
        return True  # "what the fall of Tabqa means for the Raqqa campaign"
    if anchor.dep_ == "pobj" and (
        anchor.head.lower_ in ("like", "unlike")
        or (anchor.head.lower_ == "with" and anchor.head.head.lower_ == "as")
    ):
        return True  # "as with the campaign to recapture Mosul": a comparison
    below = anchor
    for g in _governors(anchor)[:2]:
        if (below.dep_ in _OWN_CLAUSE and syntax.is_verb(below)
                and syntax.lemma(g) in _RECORDING):
            # "SOHR documented 28 deaths, while regime forces shelled Douma, and warplanes
            # carried out strikes": a clause of its own beside what was recorded
            break
        below = g
        if g.dep_ == "prep" or g.tag_ == "IN":
            continue
        low = syntax.lemma(g)
        if low in _REPORTING and syntax.is_verb(anchor) and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in anchor.children):
            continue  # "Reports that Peshmerga forces have left Sinjar": told, as news
        if g.tag_.startswith("NN") and (g.lower_ in TOPIC_HEADS or low in TOPIC_HEADS):
            return True
        if g.tag_.startswith("VB") and (g.lower_ in TOPIC_VERBS or low in TOPIC_VERBS):
            if low == "call" and any(c.lower_ == "in" for c in g.children):
                continue  # "called in airstrikes": ordered them, not asked for them
            if anchor.dep_ == "conj" and anchor.head.i == g.i and syntax.is_verb(anchor):
                continue  # "stopped a convoy and kidnapped 153 boys": a deed of its own
            return True
    return False


def _participle(anchor: Any, trigger: Any) -> bool:
    """Tell whether the trigger is a participle used as an adjective.

    "the surrounding areas", "the besieged town".
    """
    if trigger.frame == "noun" or anchor.tag_ not in ("VBN", "VBG", "JJ"):
        return False
    single = not any(ch.isspace() for ch in trigger.text)  # one word, hyphenated or not
    if anchor.tag_ == "JJ" and not single:
        return False  # "free prisoners" read as an adjective: the pattern says it is a verb
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children) or (
            anchor.i > 0 and anchor.doc[anchor.i - 1].lower_ in _AUXILIARIES):
        return False  # "when ISIL captured Tikrit", "it had massed troops": a verb misparsed
    if trigger.kind == "capture" and any(c.lower_ in _LATELY for c in anchor.children):
        return False  # "the newly liberated city of Tikrit": news of a recent capture
    return anchor.dep_ == "amod" or (
        anchor.dep_ == "conj" and anchor.head.tag_.startswith("NN")  # "Tikrit and surrounding"
    )


#: Nouns whose "that" clause tells news: "reports that the Peshmerga have left Sinjar".
#: Words that tell what follows "that" as news or a fact recalled ("recalls that al-Shirqat
#: fell to Daesh in June 2014"), where the same verb with an object is a topic.
_REPORTING = frozenset("report news word claim recall remember".split())
_AUXILIARIES = frozenset("had has have was were is are been be".split())
_LATELY = frozenset("newly recently just freshly".split())
def _hardware(trigger: Any, anchor: Any) -> bool:
    """Tell whether the weapons are handled, not fired.

    "a mortar was destroyed", "armed with car bombs", "engineers defusing explosive devices".
    """
    if trigger.frame != "noun" or trigger.kind not in ("shelling", "bombing", "strike"):
        return False
    if syntax.lemma(anchor) in _ACTS:
        return False  # "aircraft delivered strikes on a hub": an act is done, not handled
    shell = anchor.head if anchor.dep_ == "compound" else anchor
    if trigger.kind == "shelling" and any(
        c.dep_ == "acl" and c.lower_ in ("filled", "packed", "loaded", "laden")
        for c in shell.children
    ):
        return True  # "artillery shells filled with chlorine": ammunition described
    t = anchor
    for _ in range(6):  # through lists and prepositions: "armed with mortars and suicide vests"
        edge, t = t.dep_, t.head
        # (npadvmod: a list after the verb's object that the parse hung on the verb)
        if edge not in ("conj", "prep", "pobj", "appos", "dobj", "nsubjpass", "npadvmod",
                        "compound", "amod"):  # amod: "dismantled booby-trapped houses"
            return False  # "strikes destroyed a refinery": the weapon acts
        if t.lower_ in SUPPORT_WORDS:
            return False  # "with the support of air strikes, the army seized X": fired
        if syntax.lemma(t) in HARDWARE_VERBS or t.lower_ in ARMED_WITH:
            return True
        if t.head.i == t.i or (syntax.is_verb(t) and t.dep_ != "amod"):
            return False  # the weapon's own verb is not hardware's: no further up
    return False


def _campaign_behind(trigger: Any, anchor: Any, anchors: dict[int, str]) -> bool:
    """Tell whether a campaign is told only as what a capture came after.

    "seized Sharqat on September 22 after a short operation", "freed Hit on April 14,
    following an offensive": the capture is the news. A campaign told with its length
    ("after a five-day offensive") has a start of its own to tell.
    """
    head = anchor.head
    return (trigger.kind == "troop_position" and trigger.frame == "noun"
            and anchor.dep_ == "pobj" and head.lower_ in ("after", "following")
            and anchors.get(head.head.i) in ("capture", "oust", "control")
            and not any(_SPAN_WORD.match(t.lower_) for t in anchor.subtree if t.i < anchor.i))


_SPAN_WORD = re.compile(r"^(?:hours?|days?|weeks?|months?|years?|long)$")


def _manner(trigger: Any, anchor: Any, anchors: dict[int, str]) -> bool:
    """Tell whether an event noun only says how another event of its clause was done.

    "seized Palmyra in a surprise advance"; not the event a toll belongs to ("killed in
    bombing raids").
    """
    if trigger.frame != "noun" or anchor.dep_ != "pobj" or anchor.head.lower_ not in _MANNER_PREPS:
        return False
    verb = anchor.head.head
    return verb.i != anchor.i and anchors.get(verb.i) not in (None, "kill")


def _fled_when_hit(trigger: Any, anchor: Any, anchors: dict[int, str]) -> bool:
    """Tell whether a flight is only when a killing of the clause above happened.

    "six civilians were shot dead by snipers while fleeing the Yarmuk district": the
    killing is the event, the flight its moment.
    """
    return (trigger.kind == "flight" and anchor.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in ("while", "as") for c in anchor.children)
            and anchors.get(anchor.head.i) in ("kill", "attack_on_civilians", "attack"))


#: Nouns of an act of fire, never of weapons handled ("delivered strikes").
_ACTS = frozenset("strike airstrike raid sortie bombardment barrage salvo".split())
#: Nouns an event word may qualify and still tell the event ("shelling victims").
_EVENT_HEADS = frozenset("fire explosion blast raid toll victim casualty survivor death "
                         "strike sortie barrage salvo round shell rocket missile projectile bomb "
                         "shield "
                         # headline verbs the parser reads as plural nouns: "bomb tears through"
                         "tear rip rock".split())


#: Prepositions a gerund follows as a verb ("by bombing", "after shelling").
_GERUND_PREPS = frozenset("by after before while without".split())


def _attribute(trigger: Any, anchor: Any, anchors: dict[int, str]) -> bool:
    """Tell whether an event word only qualifies another noun.

    "fighting positions", "the artillery academy", "rocket launchers", "displacement camps".
    """
    if anchor.dep_ not in ("compound", "amod", "nmod") or not anchor.head.tag_.startswith("NN"):
        return False
    if anchor.tag_ == "VBG" and anchor.i and anchor.doc[anchor.i - 1].lower_ in _GERUND_PREPS:
        return False  # "retaliated by bombing facilities": a gerund the parse took for a noun's
    head = anchor.head
    if head.i == anchor.i or head.i in anchors:
        return False  # "mortar shells": the head is an event word itself
    lemma = syntax.lemma(head)
    nominal = trigger.frame == "noun" or anchor.tag_ == "VBG"  # "fighting positions"
    return nominal and lemma not in ATTACK_WORDS and lemma not in _EVENT_HEADS


def why_not(sentence: Any, trigger: Any, anchors: dict[int, str] | None = None) -> str | None:
    """Say why a trigger reports no single real happening, or None when it does.

    Parameters
    ----------
    sentence : Sentence
        The parsed sentence that holds the trigger.
    trigger : Trigger
        The trigger, already chosen for its part of speech.
    anchors : dict of int to str
        The kind of each trigger of the sentence, by its anchor's token index; None
        for a trigger that reports no event ("took part in").

    Returns
    -------
    str or None
        A short reason ("negated", "aim", "forecast", ...), or None.
    """
    text = sentence.text
    if text.rstrip().rstrip("\"”'’").endswith("?"):
        return "question"
    if _FIELD.match(text):
        return "field"  # "Civilians reported killed: 0 (2 injured)": a record's field
    doc = sentence.doc
    anchor = syntax.token_at(doc, trigger.anchor_start)
    clause = _clause_head(anchor)
    checks = (
        ("imperative", lambda: _imperative(clause)),
        ("participle", lambda: _participle(anchor, trigger)),
        ("negated", lambda: _negated(anchor, clause) or _kept_out(anchor)),
        ("modal", lambda: trigger.kind != "threat" and _modal(anchor, clause)),
        ("conditional", lambda: _conditional(clause)),
        ("aim", lambda: trigger.kind != "threat" and (
            _aim(anchor) or _aim(clause) or _campaign_aim(anchor))),
        ("forecast", lambda: trigger.kind != "threat" and _forecast(anchor)),
        ("topic", lambda: _topic(anchor, anchors or {})),
        ("generic", lambda: _generic_doer(anchor)),
        ("title", lambda: _in_title(anchor)),
        ("description", lambda: _describes_a_force(anchor)),
        ("aggregate", lambda: tallies.aggregate(text, anchor, trigger)),
        ("aggregate", lambda: tallies.toll_to_date(trigger, anchor)),
        ("span", lambda: tallies.over_a_span(text)),
        ("habitual", lambda: tallies.habitual(text, anchor, clause)),
        ("hardware", lambda: _hardware(trigger, anchor)),
        ("ongoing", lambda: trigger.kind == "clash" and bool(_ONGOING_SINCE.search(text))),
        ("cause", lambda: retold.background_cause(trigger, anchor)),
        ("left behind", lambda: retold.dead_left_behind(trigger, anchor)),
        ("witness", lambda: _witness(anchor)),
        ("told before", lambda: retold.told_before(trigger, anchor)),
        ("rhetoric", lambda: retold.quoted_rhetoric(text, trigger, anchor)),
        ("nationwide", lambda: trigger.kind in ("displacement", "flight", "kill", "oust")
         and bool(_NATIONWIDE.search(text))),
        ("manner", lambda: _manner(trigger, anchor, anchors or {})),
        ("campaign behind", lambda: _campaign_behind(trigger, anchor, anchors or {})),
        ("circumstance", lambda: _fled_when_hit(trigger, anchor, anchors or {})),
        ("attribute", lambda: _attribute(trigger, anchor, anchors or {})),
    )
    for reason, check in checks:
        if check():
            return reason
    return None


#: Posts named after what their holder runs: "head of military operations in Anbar".
_POSTS = frozenset("head chief commander director minister ministry deputy officer "
                   "coordinator spokesman spokeswoman".split())


def _in_title(anchor: Any) -> bool:
    """Tell whether an event noun is part of someone's title, not a happening."""
    return (
        anchor.dep_ == "pobj" and anchor.head.lower_ == "of"
        and anchor.tag_.startswith("NN") and syntax.lemma(anchor.head.head) in _POSTS
    )


#: Bodies described by what they keep doing: "the US-led coalition battling IS".
_BODIES = frozenset("coalition alliance group force forces militia militias army faction "
                    "factions organisation organization".split())


def _describes_a_force(anchor: Any) -> bool:
    """Tell whether the trigger only describes a force by what it does, in an -ing clause.

    "The coalition supporting Iraqi forces with air strikes had predicted ...",
    "an alliance backed by the coalition battling IS in Syria and Iraq".
    """
    verb = next((t for t in (anchor, *syntax.ancestors(anchor)) if syntax.is_verb(t)), None)
    return (
        verb is not None and verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG"
        and (syntax.lemma(verb.head) in _BODIES or (
            syntax.lemma(verb.head) in FORCES
            # "targeted militants attacking Yazidis": the militants are described; but
            # "gunmen attacking a checkpoint killed five" and "with fighters entering
            # Mashlab" tell the attack and the entry
            and (verb.dep_ == "relcl" or (
                verb.head.dep_ not in ("nsubj", "nsubjpass")
                and not (verb.head.dep_ == "pobj" and verb.head.head.lower_ == "with")))))
        and not tallies.names_a_day(verb.doc[verb.left_edge.i : verb.right_edge.i + 1].text)
    )


def _generic_doer(anchor: Any) -> bool:
    """Tell whether the trigger says what anyone would do ("help anyone who flees Mosul")."""
    return (
        anchor.dep_ == "relcl" and anchor.tag_ in ("VB", "VBP", "VBZ")
        and anchor.head.lower_ in ("anyone", "anybody", "whoever", "everyone", "everybody")
    )


def _imperative(clause: Any) -> bool:
    """Tell whether the sentence is an order to the reader ("Escape your echo chamber")."""
    first = next((t for t in clause.doc if not t.is_punct), None)
    return (
        clause.dep_ == "ROOT" and clause.tag_ == "VB" and first is not None and first.i == clause.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in clause.children)
    )


def _witness(anchor: Any) -> bool:
    """Tell whether the trigger is a participle that describes a speaker.

    "Families displaced from X reported that ...": the participle describes a speaker.
    """
    if anchor.dep_ not in ("acl", "amod", "relcl"):
        return False
    noun = anchor.head
    return noun.dep_ in ("nsubj", "nsubjpass") and syntax.lemma(noun.head) in SPEECH_VERBS


def why_not_codable(day: date, country: str | None) -> str | None:
    """Say why a dated, placed event is not coded (history, abroad), or None."""
    if day.year < FIRST_YEAR:
        return "before 2013"
    if country not in ("IQ", "SY"):
        return "outside Iraq and Syria"
    return None
