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

from events.dates import MONTHS, WEEKDAYS
from events.extract import syntax, tallies
from events.extract.wordlists import (
    ARMED_WITH,
    ATTACK_WORDS,
    DONE_HEADS,
    EVENT_VERBS,
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
# Prepositions that make an event noun a cause or background of something else.
_CAUSE_PREPS = frozenset(
    {"amid", "despite", "because", "due", "from", "among", "after", "following", "by", "since"}
)
_TIMES = frozenset("overnight nighttime night-time dawn morning evening weekend".split())
# A national total ("3 million Iraqis remain displaced nationwide") is no place's event.
_NATIONWIDE = re.compile(
    r"\b(?:nationwide|country-?wide|across\s+the\s+country|throughout\s+the\s+country|"
    r"across\s+(?:Iraq|Syria)|in\s+(?:Iraq|Syria)\s+as\s+a\s+whole)\b",
    re.IGNORECASE,
)
# "days of fighting", "years of war": a span of time filled with the event.
_SPANS_OF = frozenset(
    "day week month year hour decade night series round wave start beginning launch end "
    "outbreak onset".split()
)
# Prepositions that make their object a subject of talk.
_TOPIC_PREPS = frozenset({"regarding", "about", "concerning", "re"})
# An event noun in these phrases under another event verb tells how that event was done:
# "seized Palmyra in a surprise advance".
_MANNER_PREPS = frozenset({"in", "during", "through", "via"})
# "against" and "for": "vowed to fight against air strikes" - neither a place nor an event.
_NEGATIVE_DETS = frozenset({"no", "neither", "nor", "without"})
_KEEPING_OUT = frozenset("refrain abstain decline refuse avoid".split())
_DEFINITE = frozenset({"the", "this", "these", "that", "those", "such"})


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
    return anchor.head.lower_ == "without" or anchor.head.head.lower_ == "without"


def _modal(anchor: Any, clause: Any) -> bool:
    for t in (anchor, clause):
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in t.children):
            return True
    return False


def _conditional(clause: Any) -> bool:
    t = clause
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in t.children):
            return True
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


def _topic_here(anchor: Any) -> bool:
    if anchor.dep_ == "compound" and anchor.head.lower_ in TOPIC_HEADS:
        return True  # "airstrike footage"
    if anchor.dep_ == "pobj" and anchor.head.lower_ in _TOPIC_PREPS:
        return True  # "talks regarding the withdrawal of"
    if anchor.dep_ == "pobj" and (
        anchor.head.lower_ in ("like", "unlike")
        or (anchor.head.lower_ == "with" and anchor.head.head.lower_ == "as")
    ):
        return True  # "as with the campaign to recapture Mosul": a comparison
    for g in _governors(anchor)[:2]:
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
            return True
    return False


def _participle(anchor: Any, trigger: Any) -> bool:
    """Tell whether the trigger is a participle used as an adjective.

    "the surrounding areas", "the besieged town".
    """
    if trigger.frame == "noun" or anchor.tag_ not in ("VBN", "VBG", "JJ"):
        return False
    single = (trigger.start, trigger.end) == (trigger.anchor_start, trigger.anchor_end)
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
_REPORTING = frozenset("report news word claim".split())
_AUXILIARIES = frozenset("had has have was were is are been be".split())
_LATELY = frozenset("newly recently just freshly".split())
def _hardware(trigger: Any, anchor: Any) -> bool:
    """Tell whether the weapons are handled, not fired.

    "a mortar was destroyed", "armed with car bombs", "engineers defusing explosive devices".
    """
    if trigger.frame != "noun" or trigger.kind not in ("shelling", "bombing", "strike"):
        return False
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


def _manner(trigger: Any, anchor: Any, anchors: dict[int, str]) -> bool:
    """Tell whether an event noun only says how another event of its clause was done.

    "seized Palmyra in a surprise advance"; not the event a toll belongs to ("killed in
    bombing raids").
    """
    if trigger.frame != "noun" or anchor.dep_ != "pobj" or anchor.head.lower_ not in _MANNER_PREPS:
        return False
    verb = anchor.head.head
    return verb.i != anchor.i and anchors.get(verb.i) not in (None, "kill")


#: Nouns an event word may qualify and still tell the event ("shelling victims").
_EVENT_HEADS = frozenset("fire explosion blast raid toll victim casualty survivor death "
                         "strike sortie barrage salvo round shell rocket missile projectile bomb "
                         "shield".split())


def _attribute(trigger: Any, anchor: Any, anchors: dict[int, str]) -> bool:
    """Tell whether an event word only qualifies another noun.

    "fighting positions", "the artillery academy", "rocket launchers", "displacement camps".
    """
    if anchor.dep_ not in ("compound", "amod", "nmod") or not anchor.head.tag_.startswith("NN"):
        return False
    head = anchor.head
    if head.i == anchor.i or head.i in anchors:
        return False  # "mortar shells": the head is an event word itself
    lemma = syntax.lemma(head)
    nominal = trigger.frame == "noun" or anchor.tag_ == "VBG"  # "fighting positions"
    return nominal and lemma not in ATTACK_WORDS and lemma not in _EVENT_HEADS


# " on 17 October", " in March", " on Monday": a day or month right after the words before
_ON_A_DAY = (r"\s+(?:on|in)\s+(?:the\s+)?(?:\d|(?:"
             + "|".join(sorted((w.capitalize() for w in (*MONTHS, *WEEKDAYS)), key=len,
                               reverse=True))
             + r")\b)")
_DATED_AFTER = re.compile(_ON_A_DAY)
_BEGAN_ON = re.compile(r"[^,.;]{0,40}?\b(?:began|started|was\s+launched|were\s+launched)"
                       rf"(?={_ON_A_DAY})")


def _background_cause(trigger: Any, anchor: Any) -> bool:
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


def _as_a_time(anchor: Any) -> bool:
    """Tell whether an event noun only says when ("after the raid", "within an hour of")."""
    if anchor.dep_ != "pobj":
        return False
    prep = anchor.head
    if prep.lower_ in ("after", "since", "following", "before"):
        return not any(c.dep_ == "prep" for c in anchor.children)
    return (prep.lower_ == "of" and syntax.lemma(prep.head) in _TIME_SPANS
            and not any(c.dep_ == "prep" for c in anchor.children))


def _told_before(trigger: Any, anchor: Any) -> bool:
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
    if trigger.kind == "strike" and definite and _as_a_time(anchor):
        return True  # "overran the hill within an hour of the raid": the raid told, as a time
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


def _quoted_rhetoric(text: str, trigger: Any, anchor: Any) -> bool:
    """Tell whether a quoted fight word or event noun is rhetoric.

    A fight word, or an event noun, inside quotation marks with no place of its own is
    rhetoric ("We are fighting devils", "A perfectly executed strike").
    """
    if trigger.kind not in ("clash", "attack") and trigger.frame != "noun":
        return False
    before = text[: trigger.start]
    inside = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
    return inside and not any(
        c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "around")
        for t in (anchor, anchor.head)
        for c in t.children
    )


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
        ("habitual", lambda: tallies.habitual(text, anchor, clause)),
        ("hardware", lambda: _hardware(trigger, anchor)),
        ("ongoing", lambda: trigger.kind == "clash" and bool(_ONGOING_SINCE.search(text))),
        ("cause", lambda: _background_cause(trigger, anchor)),
        ("witness", lambda: _witness(anchor)),
        ("told before", lambda: _told_before(trigger, anchor)),
        ("rhetoric", lambda: _quoted_rhetoric(text, trigger, anchor)),
        ("nationwide", lambda: trigger.kind in ("displacement", "flight")
         and bool(_NATIONWIDE.search(text))),
        ("manner", lambda: _manner(trigger, anchor, anchors or {})),
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
