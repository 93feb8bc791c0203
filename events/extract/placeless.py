"""Stage 6, report context: what a sentence that names no place of its own still tells.

* a toll told alone ("The command said 25 terrorists were killed") is the toll of the
  fight just told, not a fight of its own;
* an offensive named again with no place and no day ("as the operation progresses") is
  the one told before;
* a site it acts on ("seized the Baba Gurgur oil field") is a site of the town in context;
* an event told in the past perfect and set earlier is background, no town to point back to.
"""

from __future__ import annotations

import re

from events.extract import syntax
from events.extract.candidate import Candidate
from events.extract.kinds import VIOLENT
from events.extract.wordlists import SITES, SUPPORT_VERBS

#: Words that set a past-perfect event before the story ("A month earlier they had ...").
_EARLIER = re.compile(r"\b(?:earlier|previously|before(?:hand)?|ago|prior)\b", re.IGNORECASE)


def told_as_before(c: Candidate) -> bool:
    """Tell whether an event is told as background: the past perfect, set earlier.

    A narrative's own events are often told in the past perfect too ("Rebels had
    seized parts of Raqqa on January 6. Eight days later ..."): only one set before
    the story by its words is background.
    """
    doc = c.sentence.doc
    if doc is None or not _EARLIER.search(c.sentence.text):
        return False
    anchor = syntax.token_at(doc, c.trigger.anchor_start)
    return any(t.dep_ in ("aux", "auxpass") and t.lower_ in ("had", "'d") for t in anchor.children)


#: Verbs that start a campaign: its noun as their object is the news of its start.
_LAUNCHES = SUPPORT_VERBS | frozenset("start begin open announce press pursue".split())


def campaign_told_before(c: Candidate) -> bool:
    """Tell whether an offensive named with no place and no day of its own is one told before.

    "Further updates will be provided as the operation progresses", "The advance on the base
    has been swift": the campaign the report is about, not the news of another one;
    "launched an offensive on Tuesday" is news.
    """
    doc = c.sentence.doc
    if c.kind != "troop_position" or c.trigger.frame != "noun" or c.date is not None or (
            doc is None):
        return False
    anchor = syntax.token_at(doc, c.trigger.anchor_start)
    if syntax.is_verb(anchor):
        return False
    # "launched an offensive", "Assad is pressing the offensive": news of the day
    return not (anchor.dep_ in ("dobj", "nsubjpass", "nsubj")
                and syntax.lemma(anchor.head) in _LAUNCHES)


def site_object(c: Candidate) -> str | None:
    """Return the site a trigger acts on that the gazetteer does not know, or None.

    "managed to capture the municipal stadium", "seized the Baba Gurgur oil field".
    """
    doc = c.sentence.doc
    if doc is None:
        return None
    anchor = syntax.token_at(doc, c.trigger.anchor_start)
    for o in anchor.children:
        # (a prison taken is told by its inmates' escape, a prison break)
        # (a site named by a name the gazetteer does not know is still that town's:
        # "seized the Baba Gurgur oil field")
        if o.dep_ in ("dobj", "nsubjpass") and o.tag_ in ("NN", "NNS") and o.lower_ in SITES \
                and o.lower_ not in ("prison", "jail"):
            words = [t for t in o.subtree if t.i <= o.i]
            return doc[words[0].i : o.i + 1].text
    return None


def toll_of_the_event_before(c: Candidate, out: list[Candidate]) -> bool:
    """Fold a toll told alone, with no place or date of its own, into an event told.

    "Security forces repelled an attack on the Tamim district. The command said 25
    terrorists were killed": the 25 are the fight's toll, not another fight. A toll
    that no violent event just before takes is the toll of one told elsewhere in the
    report, unless it says where the dead fell. Returns whether the candidate was
    folded (or dropped).
    """
    if c.trigger.kind != "kill" or c.date is not None:
        return False
    before = [o for o in out if o.sentence.index == c.sentence.index - 1
              and o.sentence.paragraph == c.sentence.paragraph and o.kind in VIOLENT]
    if not before:
        # "The Syrian military said six of its soldiers were killed": a toll of a fight told
        # elsewhere in the report, not a fight of its own (the paragraph's last one, if
        # any, takes its figure); "31 militants killed in action along the bank" says where
        if c.kind != "clash" or _toll_located(c):
            return False
        before = [o for o in out if o.sentence.paragraph == c.sentence.paragraph
                  and o.kind in VIOLENT]
        if not before:
            return True
    if before[-1].magnitude is None and c.magnitude is not None:
        before[-1].magnitude, before[-1].unit = c.magnitude, c.unit
    return True


#: Prepositions of where a toll was taken ("killed along the bank", "died near the dam").
_WHERE = frozenset("in at near along around inside outside on across".split())
#: Nouns after those that say when or how, not where ("in action", "in the fighting").
_NOT_WHERE = frozenset(
    "action combat battle fighting clash clashes attack attacks raid raids strike strikes "
    "week month year day days night weeks months".split())


def _toll_located(c: Candidate) -> bool:
    """Tell whether a toll's deaths are told with where they happened."""
    doc = c.sentence.doc
    if doc is None:
        return False
    anchor = syntax.token_at(doc, c.trigger.anchor_start)
    return any(
        p.dep_ == "prep" and p.lower_ in _WHERE and any(
            o.dep_ == "pobj" and o.lower_ not in _NOT_WHERE for o in p.children)
        for p in (*anchor.subtree, *anchor.head.children)
    )
