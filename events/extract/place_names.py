"""Stage 3b, where place names are in a sentence: gazetteer spans and event arguments.

The span scan (:func:`geodata.find_place_spans`) finds the names a cue word or a
known name marks; the parse finds more, the proper nouns in an event word's
argument slots ("fled Hawija"). Names that are part of a person's name or title
are set apart here too; resolving the names is :mod:`.places`'s work.
"""

from __future__ import annotations

import re
from typing import Any

import geodata
from events.extract import syntax
from events.extract.place_words import (
    COMMON_NOUNS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    MEDIA_AFTER,
    NOT_NAMES,
    NOT_PLACES,
    OF_PLACES,
    PERSON_AFTER,
    PERSON_APPOSITIVE,
    PERSON_BEFORE,
    SITE_NOUNS,
    TITLE_AFTER,
)


def overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    """Tell whether the span s..e overlaps any of `spans`."""
    return any(s < e2 and s2 < e for s2, e2 in spans)


def name_spans(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer names in a sentence, also where a capitalised first word hides one."""
    try:
        spans = list(geodata.find_place_spans(text))
        first = re.match(r"\s*([A-Z][a-z]+)\s+(?=[A-Z])", text)
        if first and first.group(1).lower() in FUNCTION_WORDS:
            i = first.start(1)
            # "In Hilla, ...": a name that swallowed the function word is not the place
            spans = [s for s in spans if s[0] != i]
            lowered = text[:i] + text[i].lower() + text[i + 1 :]
            for span in geodata.find_place_spans(lowered):
                if not overlaps(span[0], span[1], [(s, e) for s, e, _ in spans]):
                    spans.append(span)
    except ValueError:
        return []
    return sorted(spans)


_WORD = r"(?:(?:[Aa][lsdzrt]h?|[Ee][lsz])-)?[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?"
_NAME = rf"{_WORD}(?:\s+{_WORD})?"  # "Haidaria", "Bustan al-Basha", "Al-Kifah North"
_QUARTER_NAMES = re.compile(
    rf"\b(?:neighbou?rhoods?|quarters?|districts?)\s+of\s+(?:the\s+)?(?P<first>{_NAME})"
    rf"(?P<rest>(?:\s*(?:,|and|,\s*and)\s*{_NAME})*)"
    rf"|(?<![\w'’-])(?P<before>{_NAME})\s+(?:neighbou?rhood|quarter|district)\b"
    # "the Samah and al-Intisar neighbourhoods": a plural word tells the list before it
    rf"|(?<![\w'’-])(?P<listed>{_NAME}(?:\s*(?:,|and|,\s*and)\s*{_NAME})+)"
    r"\s+(?:neighbou?rhoods|quarters|districts)\b"
)


# "the town of al-Shifonia", "Otaya town": a settlement word vouches for a name spelt loosely.
_SETTLEMENT_NAMES = re.compile(
    rf"\b(?:towns?|villages?|hamlets?)\s+of\s+(?P<first>{_NAME})"
    rf"|(?<![\w'’-])(?P<before>{_NAME})\s+(?:town|village)\b(?!\s+of\b)"
)


# A digest's entry label: "• Khanaser, Tue 23 Feb:", "Muqdadiya (Diyala):", "* Homs:",
# "Homs province:".
_LABEL = re.compile(
    rf"^\s*(?:[•*·▪–-]\s*)?(?P<name>{_NAME}(?:\s+(?:province|governorate|countryside))?)"
    rf"(?:\s*\((?P<unit>{_NAME})\))?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+)?\d{1,2}(?:\s+[A-Z][a-z]{2,8}\.?)?)?\s*:\s"
)


# Iraq's Kurdistan Region by its description: "their semi-autonomous region".
_KURDISTAN = re.compile(
    r"\b(?:the|their|its)\s+(?:Kurdish\s+)?semi-autonomous\s+(?:Kurdish\s+)?region\b",
    re.IGNORECASE,
)


# Sites of two places named together: "the Abu Ghraib and Taji prisons".
_SITE_PAIR = re.compile(
    rf"\bthe\s+(?P<a>{_NAME})\s+and\s+(?P<b>{_NAME})\s+"
    r"(?P<site>prison|airport|air base|base|dam|refinerie|oilfield|bridge|crossing)s\b"
)


def described_names(text: str, taken: list[tuple[int, int]]) -> list[tuple]:
    """Return places named only by a description ("the semi-autonomous Kurdish region").

    Sites named in the plural after their places ("the Abu Ghraib and Taji prisons")
    are each asked for as that site ("Abu Ghraib prison", "Taji prison").
    """
    out = [(m.start(), m.end(), "Kurdistan Region", "slot") for m in _KURDISTAN.finditer(text)]
    for m in _SITE_PAIR.finditer(text):
        site = m.group("site").replace("refinerie", "refinery")
        out += [(m.start(g), m.end(g), f"{m.group(g)} {site}", "slot") for g in ("a", "b")]
    return [c for c in out if not overlaps(c[0], c[1], taken)]


def entry_label(text: str) -> str | None:
    """Return the place name that labels a digest's entry ("Deir Ezzor: ..."), or None."""
    m = _LABEL.match(text)
    return m.group("name") if m else None


def label_names(text: str, taken: list[tuple[int, int]]) -> list[tuple]:
    """Return the place that labels a digest's entry, and its province in brackets.

    The label is where the entry's events happen ("the town" is it), so it is read
    like a name in an event's slot: looked up directly, with no cue word.
    """
    m = _LABEL.match(text)
    if m is None:
        return []
    return [(m.start(g), m.end(g), m.group(g), "slot") for g in ("name", "unit")
            if m.group(g) and not overlaps(m.start(g), m.end(g), taken)]


def quarter_names(text: str, taken: list[tuple[int, int]]) -> list[tuple]:
    """Names a quarter word introduces ("the districts of Haidaria and al-Shaar").

    The gazetteer has few of a city's quarters, so such a name is read even when
    it knows no place of that name: the quarter word is cue enough, and the
    reader places it in its city.
    """
    out = []
    for m in _QUARTER_NAMES.finditer(text):
        if m.group("before"):
            found = [(m.start("before"), m.end("before"))]
        elif m.group("listed"):
            found = [(n.start() + m.start("listed"), n.end() + m.start("listed"))
                     for n in re.finditer(_NAME, m.group("listed"))]
        else:
            found = [(m.start("first"), m.end("first"))]
            found += [(n.start() + m.start("rest"), n.end() + m.start("rest"))
                      for n in re.finditer(_NAME, m.group("rest"))]
        for start, end in found:
            word = text[start:end].lower()
            if not overlaps(start, end, taken) and word not in NOT_PLACES | FUNCTION_WORDS:
                out.append((start, end, text[start:end], "quarter"))
    return out


def settlement_names(text: str, taken: list[tuple[int, int]]) -> list[tuple]:
    """Names a settlement word introduces ("the town of al-Shifonia", "Otaya town").

    Like a trigger's slot, the word is a cue that lets a loosely spelt name count
    (the reader asks a closer match of a name with no cue at all).
    """
    out = []
    for m in _SETTLEMENT_NAMES.finditer(text):
        g = "before" if m.group("before") else "first"
        start, end = m.start(g), m.end(g)
        word = text[start:end].lower()
        if not overlaps(start, end, taken) and word not in NOT_PLACES | FUNCTION_WORDS:
            out.append((start, end, text[start:end], "settlement"))
    return out


def slot_names(sentence: Any, triggers: list[Any], taken: list[tuple[int, int]]) -> list[tuple]:
    """Proper names in a trigger's argument slots ("fled Hawija"): places the cue-less scan missed.

    The span scan asks obscure villages for a cue word ("in", "town of"); being
    the object, subject or prepositional object of an event word is as good a
    cue, so such a name is looked up directly.
    """
    doc = sentence.doc
    out = []
    for trig in triggers:
        anchor = syntax.token_at(doc, trig.anchor_start)
        slots = list(anchor.children)
        if not syntax.is_verb(anchor) and syntax.is_verb(anchor.head):
            # "Shells target Daraa city": the verb an event noun is the subject of
            slots += [c for c in anchor.head.children if c.i != anchor.i]
        if trig.frame == "hold":  # "Hit has been under ISIS control": the place is the subject
            gov = anchor.head.head if anchor.head.dep_ == "prep" else anchor.head
            slots += [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
        for word in syntax.span_tokens(doc, trig.start, trig.end):
            # "took control of the villages of ...": the phrase after the trigger's last word
            if word.i != anchor.i:
                slots += [c for c in word.children if c.dep_ == "pobj" and word.dep_ == "prep"]
        for child in slots:
            if child.dep_ not in ("prep", "dobj", "nsubj", "nsubjpass", "pobj"):
                continue
            # the argument's own proper nouns, through its lists and "including", "of", "in"
            for target in _argument_names(child):
                if _capital_only_for_the_sentence(target):
                    continue  # "Attack, fighter and bomber aircraft conducted 19 strikes"
                left = min([target.idx] + [t.idx for t in target.subtree
                                            if t.tag_ in ("NNP", "NNPS") or t.dep_ == "compound"])
                start, end = left, target.idx + len(target.text)
                if start > target.idx or overlaps(start, end, taken):
                    continue
                out.append((start, end, sentence.text[start:end], "slot"))
                taken = taken + [(start, end)]
    return out


def _capital_only_for_the_sentence(t: Any) -> bool:
    """Tell whether a word is capitalised only because it opens the sentence.

    A common English word there ("Attack, fighter, bomber and remotely piloted aircraft
    conducted 19 strikes") is no name, though a village may be spelt like it; a major
    town's name is ("Hit has been under IS control").
    """
    if not all(w.is_punct for w in t.doc[: t.i]) or (
            t.lower_ not in geodata.get_gazetteer().index.common_words):
        return False
    place = geodata.resolve(t.text)
    return place is None or not geodata.is_major_city(place)  # "Hit has been under ..."


def _argument_names(top: Any) -> list[Any]:
    """Head proper nouns of an argument phrase: "nine villages ..., including Badana"."""
    out, todo = [], [top]
    while todo:
        t = todo.pop()
        # (a name read as an adjective still heads its phrase: "Rankous fell", tagged JJ)
        named = t.tag_ in ("NNP", "NNPS") or (
            t.tag_ == "JJ" and t.text[:1].isupper() and t.dep_ in ("nsubj", "dobj", "pobj"))
        if named and t.dep_ != "compound" and t.lower_ not in COMMON_NOUNS:
            out.append(t)
        elif t.tag_.startswith("NN") and (
            t.lower_ in SITE_NOUNS or syntax.lemma(t) in SITE_NOUNS
        ):
            # "the Rabia border crossing", "Tishrin Dam": the name before the site's noun
            names = [c for c in t.subtree if c.dep_ == "compound" and c.tag_ == "NNP"
                     and c.i < t.i]  # fmt: skip
            out.extend(names[:1])
        todo.extend(
            c for c in t.children
            if (c.dep_ in ("conj", "appos", "dobj")
                or c.dep_ == "prep" and c.lower_ in ("including", "in", "near", "at", "to")
                or c.dep_ == "prep" and c.lower_ == "of" and syntax.lemma(t) in OF_PLACES
                or c.dep_ == "pobj" and t.dep_ == "prep")
            and (not syntax.is_verb(c) or c.lower_ == "including")  # tagged VBG
        )  # fmt: skip
    return out


#: A person's name whose last part is a place's: "Abu Bakr al-Baghdadi", "Sheikh Ahmed
#: al-Assir". The last part alone, later in the report, is the person still.
_NAMED_PERSON = re.compile(
    r"\b(?:Abu|Umm|Sheikh|Imam|Gen\.?|General|Colonel|Col\.?|Dr\.?|President|Minister|"
    r"commander|leader|spokesman)\s+(?:[A-Z][a-z]+\s+){1,2}(?P<last>(?:al|el)-[A-Z][\w'’-]+)"
)


_TOWN_OF = re.compile(r"\b(?:town|city|village|district)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def person_surnames(sentences: list[Any]) -> set[str]:
    """Return the last parts of the people a report names ("al-Baghdadi")."""
    return {m.group("last").lower() for s in sentences for m in _NAMED_PERSON.finditer(s.text)}


def drop_surnames(sentence: Any, found: list[tuple], surnames: set[str]) -> list[tuple]:
    """Drop the names that are the last part of a person named in the report.

    "Abu Bakr al-Baghdadi ... al-Baghdadi fled into a tunnel": the man, not the town of
    al-Baghdadi; "the town of al-Baghdadi" stays a place.
    """
    if not surnames:
        return found
    return [c for c in found if c[2].lower() not in surnames
            or _TOWN_OF.search(sentence.text[max(0, c[0] - 20) : c[0]])]


def repeated_names(sentences: list[Any], found: list[list[tuple]],
                   blocked: list[list[tuple[int, int]]], eventful: list[bool]
                   ) -> list[list[tuple]]:
    """Add the names a report has shown to be places wherever they stand again.

    "They fled east to Busra al-Harir ... Busra al-Harir was retaken six days later":
    a small town needs a cue ("to", "town of") the first time, not once the report
    has named it. Only names of two words or more, or of six letters or more, as
    written (short ones are too often something else), and only in the sentences
    that tell events (``eventful``): each name found costs its resolution.
    """
    known = {n for names in found for _, _, n, f in names
             if not f and (" " in n or "-" in n or len(n) >= 6) and n[:1].isupper()}
    if not known:
        return found
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(n) for n in sorted(known, key=len, reverse=True)) + r")(?![\w-])")
    out = []
    for sentence, names, taken, told in zip(sentences, found, blocked, eventful, strict=True):
        if not told:
            out.append(names)
            continue
        spans = [(s, e) for s, e, *_ in names] + list(taken)
        # not where the name is an outlet's ("Deir ez-Zor 24") or a person's
        text = sentence.text
        extra = [(m.start(), m.end(), m.group(0), None) for m in rx.finditer(text)
                 if not overlaps(m.start(), m.end(), spans)
                 and not MEDIA_AFTER.match(text[m.end() : m.end() + 4])
                 and not is_person(text, m.start(), m.end())]
        out.append(sorted(names + extra) if extra else names)
    return out


def is_person(text: str, start: int, end: int) -> bool:
    """Tell whether words around a name make it a person's.

    A title or a given name before it ("Gen.", "Salam Jassim"), a credit ("photo:"), a name
    part after it ("al-Hamdani").
    """
    given = re.search(r"\b([A-Z][a-z]+)\s+$", text[max(0, start - 20) : start])
    return bool(
        (given is not None and given.group(1).lower() in GIVEN_NAMES)
        or PERSON_BEFORE.search(text[max(0, start - 40) : start])
        or PERSON_AFTER.match(text[end : end + 30])
        or TITLE_AFTER.match(text[end : end + 60])
        or PERSON_APPOSITIVE.match(text[end : end + 60])
    )


def people_suspects(
    sentence: Any, found: list[tuple], blocked: list[tuple[int, int]], nlp: Any
) -> list[tuple]:
    """Return the names of a parsed sentence that may be part of a person's name.

    "Jassim Mohammed said": a village called Jassim is not meant. Only a
    name that stands beside another proper noun is a suspect; only the
    named-entity recogniser convicts (:func:`drop_people`).
    """
    if sentence.doc is None or nlp is None:
        return []
    text = sentence.text
    taken = [(c[0], c[1]) for c in found] + list(blocked)

    def namelike(m: re.Match[str] | None, offset: int) -> bool:
        # a capitalised word that is no place, actor, kind word or function word
        if m is None:
            return False
        start = offset + m.start(1)
        word = m.group(1).lower()
        return not (
            word in FUNCTION_WORDS or word in NOT_NAMES
            or overlaps(start, start + len(word), taken)
        )

    return [
        c
        for c in found
        if namelike(re.match(r"\s+([A-Z][a-z]+)", text[c[1] : c[1] + 20]), c[1])
        or namelike(
            re.search(r"([A-Z][a-z]+)\s+$", text[max(0, c[0] - 20) : c[0]]),
            max(0, c[0] - 20),
        )
    ]  # fmt: skip

def drop_people(
    sentence: Any, found: list[tuple], suspects: list[tuple], nlp: Any
) -> list[tuple]:
    """Drop the suspects inside the recogniser's longer PERSON or ORG entity."""
    if not suspects:
        return found
    ents = syntax.entities(sentence.doc, nlp)
    people = {
        c
        for c in suspects
        for s, e, label in ents
        if label in ("PERSON", "ORG") and s <= c[0] and c[1] <= e and (s, e) != (c[0], c[1])
    }
    return [c for c in found if c not in people]
