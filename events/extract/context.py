"""Stage 6, report context: what a sentence leaves unsaid, taken from the rest of the report.

* The topic place: the place the report is about — named in its headline or
  first lines, and named most often. "The city", "it" and a sentence that
  names no place mean it, unless the sentence itself or the one just before
  names another town for the anaphor to point back to (the town the sentence
  before told its event at, in the same paragraph, unless it was where people
  went or a town of background).
* What a sentence with no place of its own still tells: see :mod:`.placeless`.
* Dates: see :mod:`.story_dates`.
* Actors: "it" and "they" are the force the previous event was about; "the group"
  the armed group told last, never a state's force.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from events.extract import placeless, syntax
from events.extract.candidate import Candidate
from events.extract.place_links import km_apart, seat_town
from events.extract.place_words import CITY_KINDS, NAMED_SITE_KINDS, TOWNS, dateline_end
from events.extract.places import PlaceMention
from events.extract.quarter_towns import QUARTER_FAR_KM
from events.extract.sentences import LIST_ITEM

#: Words one airfield is called by: "the Kuweires military airport ... the air base".
_AIRFIELD = ("airport", "airbase", "airfield")
_SITE_SYNONYMS = {"airport": _AIRFIELD, "airbase": _AIRFIELD}
#: Actors that are a state's forces, never "the group".
STATE_FORCES = frozenset({"Iraqi Security Forces", "Syrian Army", "US-led coalition", "Russia",
                          "Turkey", "Peshmerga"})
#: Places no "the city" or "the town" can stand for: a dam, a base, a province.
_NO_TOWN = frozenset({"site", "governorate", "region"})
#: How many sentences back "there" or "the area" may reach for its place.
LOCAL_SENTENCES = 2
#: How many sentences back a sentence that names no place may borrow its place.
FALLBACK_SENTENCES = 1
#: A sentence sharing this share of its words with one of the few before it repeats it.
REPEAT_SHARE = 0.9
REPEAT_REACH = 3
#: ... and is not much shorter than it (a headline is not repeated by its lede).
REPEAT_LENGTH = 0.6
REPEAT_MIN_WORDS = 8
# "captured large areas of northern Iraq": a country is no place to code; "twin bombings
# outside a football stadium in Istanbul": a city abroad is no place in Iraq or Syria.
_COUNTRY_RX = re.compile(
    r"\b(?:Iraq|Syria|Turkey|Iran|Jordan|Lebanon)\b(?!i|n)|\bthe\s+country(?:'?s)?\b|\belsewhere\b"
    # a city abroad told as where it happened, not a government ("Ankara said") nor where
    # someone spoke ("speaking in London")
    r"|(?<!peaking )\b(?:in|at|near|outside)\s+(?:Istanbul|Ankara|Gaziantep|Kilis|Suruc|"
    r"Reyhanli|Akcakale|Diyarbakir|Beirut|Amman|Tehran|Moscow|Washington|London|Paris|"
    r"Brussels|Geneva|Vienna|Riyadh|Doha)\b"
)


# "toward the city centre": the sentence is inside the report's city
_CITY_CENTRE = re.compile(r"\bthe\s+city(?:['’]s)?\s+(?:centre|center)\b", re.IGNORECASE)


def topic_place(sentences: list[Any], mentions: list[Any]) -> PlaceMention | None:
    """Return the place the report is mainly about, or None.

    Each named place (not a reference) scores one point a mention, three more in
    the headline or the first sentence; a governorate, or a destination told in
    the body, half as much.
    """
    scores: dict[str, float] = {}
    first: dict[str, PlaceMention] = {}
    repeated = _repeats(sentences)
    named = [(s, p) for s, m in zip(sentences, mentions, strict=True) for p in m.places
             if p.place is not None and not p.reference and s.index not in repeated]  # fmt: skip
    # "rebel-held Idlib province ... it has lost everything except Idlib": once the
    # report names a province, its namesake city's bare name may be the province too
    provinces = {
        _surface(s, p) for s, p in named if p.place.feature == "governorate"
    }
    counted: set[tuple[int, str]] = set()
    for s, p in named:
        key = p.place.name
        if (s.index, key) in counted:
            continue  # "in the Huweiqa and al-Ardi neighbourhoods of Deir ez-Zor": one vote
        counted.add((s.index, key))
        weight = 1.0 + (3.0 if s.headline or s.index == 0 else 0.0)
        # a destination is where people went; in a headline ("push into east Mosul")
        # it is what the story is about
        if (
            p.place.feature in ("governorate", "region")
            or (p.destination and not s.headline)
            or (p.place.feature != "governorate" and _surface(s, p) in provinces)
        ):
            weight *= 0.5
        scores[key] = scores.get(key, 0.0) + weight
        first.setdefault(key, p)
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -list(first).index(k)))
    return first[best]


def _repeats(sentences: list[Any]) -> set[int]:
    """Return the sentences that restate one just before them word for word.

    A picture's caption is often scraped twice, as alt text and as caption, with a
    few words more in one of them; its places should count once.
    """
    out: set[int] = set()
    words = [set(re.findall(r"\w+", s.text.lower())) for s in sentences]
    for i, w in enumerate(words):
        for j in range(max(0, i - REPEAT_REACH), i):
            small, large = sorted((len(w), len(words[j])))
            if (
                small >= REPEAT_MIN_WORDS
                and small >= REPEAT_LENGTH * large
                and len(w & words[j]) >= REPEAT_SHARE * small
            ):
                out.add(i)
                break
    return out


def _surface(sentence: Any, p: PlaceMention) -> str:
    """Return a mention's name as written, folded ("Idlib" of "Idlib province")."""
    return re.sub(r"[^a-z]", "", sentence.text[p.name_start:p.name_end].lower())


def _as_borrowed(p: PlaceMention, location: str | None = None, precision: int | None = None):
    return replace(
        p,
        start=-1,
        end=-1,
        location=location if location is not None else p.location,
        geo_precision=precision if precision is not None else p.geo_precision,
        anaphor=None,
    )


class _History:
    """The named places of the sentences read so far, newest last."""

    def __init__(self) -> None:
        self.named: list[tuple[int, PlaceMention]] = []
        self.towns: list[tuple[int, PlaceMention]] = []
        # named sites, also those gone to ("broke through to the Kuweires airport")
        self.sites: list[PlaceMention] = []
        # the place of each sentence's first event, once resolved
        self.events: dict[int, PlaceMention] = {}
        # every named place, destinations too
        self.told: list[tuple[int, PlaceMention]] = []
        # the paragraph of each sentence read, and the events each told (with a place)
        self.paragraphs: dict[int, int] = {}
        self.told_events: dict[int, list[Candidate]] = {}

    def add(self, index: int, places: list[PlaceMention]) -> None:
        self.sites += [p for p in places if p.place is not None and not p.anaphor
                       and p.place.feature == "site" and p.reference != "source"]
        for p in places:
            if p.place is not None and not p.reference and not p.destination and not p.anaphor:
                self.named.append((index, p))
        # "troops moved back into the town of X after gunmen who had seized it pulled out":
        # a town gone to is what "it" later in that sentence means
        self.told += [(index, p) for p in places
                      if p.place is not None and not p.reference and not p.anaphor]
        # "The militias' reach now extends to Baiji. ... entered the town": a town gone to
        # is a town told of, for "the town" after it
        self.towns += [(index, p) for p in places if p.place is not None and not p.reference
                       and not p.anaphor and p.place.feature not in ("governorate", "region",
                                                                     "site")]

    def first_town(self, index: int, reach: int) -> PlaceMention | None:
        """Return the first town of the latest sentence before ``index`` that names one.

        The first named is what that sentence is about ("at Jurf al-Sakhar, a belt of
        groves south of Baghdad that the militants used to shell Karbala").
        """
        before = [(i, p) for i, p in self.towns if i < index and index - i <= reach]
        if not before:
            return None
        latest = before[-1][0]
        return next(p for i, p in before if i == latest)

    def towns_together(self, index: int, position: int) -> list[PlaceMention]:
        """Return the towns of the latest sentence before ``index`` that names two or more.

        Within a few sentences: "both towns", "the two villages" mean them; first those
        named earlier in the sentence itself ("seized Jalawla and al-Saadiya in August,
        before ... liberated the two towns in November").
        """
        for back in range(0, LOCAL_SENTENCES + 2):
            named: dict[str, PlaceMention] = {}
            for i, p in self.towns:
                if i == index - back and (back or p.end <= position):
                    named.setdefault(p.place.name, p)
            if len(named) >= 2:
                return list(named.values())
        return []

    def last(self, index: int, reach: int, *, city: bool = False,
             position: int | None = None) -> PlaceMention | None:
        """Return the latest named place within ``reach`` sentences of ``index``.

        With ``position``, not one named later in that sentence ("fled the district,
        heading for the towns of Nubl and Zahraa": the district is no town after it).
        """
        for i, p in reversed(self.named):
            if index - i > reach:
                return None
            if city and p.place.feature in ("governorate", "region"):
                continue
            if position is not None and i == index and p.start >= position:
                continue
            return p
        return None

    def city_before(self, index: int, position: int) -> PlaceMention | None:
        """Return the latest town named earlier in the same sentence."""
        for i, p in reversed(self.told):
            if i < index:
                return None
            if (
                i == index
                and p.end <= position
                and p.place.feature not in ("governorate", "region")
            ):
                return p
        return None

    def event_before(self, index: int) -> PlaceMention | None:
        """Return the town of the first event the sentence before ``index`` told of."""
        p = self.events.get(index - 1)
        return p if p is not None and p.place.feature not in ("governorate", "region") else None

    def town_told_before(self, index: int, paragraph: int,
                         topic: PlaceMention | None) -> PlaceMention | None:
        """Return the town the sentence just before, in the paragraph, told its events at.

        None when one of them is the report's topic: "the city" is then that.
        """
        if self.paragraphs.get(index - 1) != paragraph:
            return None
        told = self.told_events.get(index - 1, [])
        if topic is not None and any(c.place.place is topic.place for c in told):
            return None
        # not where people went ("Residents fled towards Erbil"), nor a town of the
        # background ("A month earlier they had routed the militants from Mosul")
        first = next(iter(told), None)
        if first is None or placeless.told_as_before(first) or (
                first.place.destination and first.kind in ("displacement", "withdrawal")):
            return None
        if first.place.place is not None and first.place.place.feature in _NO_TOWN:
            return None  # "crossed the Euphrates from the Tishrin Dam ... around the city"
        return self.event_before(index)

    def only_city_in(self, index: int) -> PlaceMention | None:
        cities = {
            p.place.name: p
            for i, p in self.named
            if i == index and p.place.feature not in ("governorate", "region")
        }
        return next(iter(cities.values())) if len(cities) == 1 else None


def _resolve_anaphor(
    c: Candidate, topic: PlaceMention | None, history: _History, reader: Any,
    heading: PlaceMention | None = None,
) -> PlaceMention | None:
    a = c.place
    kind = a.anaphor
    i = c.sentence.index
    target: PlaceMention | None = None
    if a.place is not None:
        return a
    if kind in CITY_KINDS and a.location.lower() in ("it", "its"):
        # a pronoun is the town just named ("The city of Tikrit was ... Just a day earlier,
        # it appeared to have fallen"), before the town the report is about
        # "retook the city ..., while attention was fixed on Aleppo. Its recapture": the
        # town the sentence before told an event at, before a town it named in passing
        target = (history.city_before(i, a.start) or history.event_before(i)
                  or history.last(i, 1, city=True) or topic)
    elif kind in CITY_KINDS:
        target = (
            history.city_before(i, a.start)
            or heading  # "RS000 | 29 September | Kafr Nabl, Idlib ... the town's eastern edge"
            # "in Kocho, a village south of Sinjar ... after holding the village": the
            # village just told of, not the town the report is about
            or (history.first_town(i, 2) if kind == "village" else None)
            # "Militants stormed Qaraqosh on Wednesday. Most residents fled the town": the
            # town the sentence before told its event at, in the same paragraph
            or history.town_told_before(i, c.sentence.paragraph, topic)
            # a report about a district or province ("Sinjar district") names no town
            # nor one about a site ("the Baiji refinery"): the town is no refinery
            or (topic if topic is not None and topic.place.feature not in (
                "governorate", "region", "district", "subdistrict", "site") else None)
            or history.first_town(i, 8)
        )
    elif kind == "province":
        base = history.last(i, 8) or topic
        if base is not None and base.place.admin1:
            gov = base.place if base.place.feature == "governorate" else reader.plain(
                base.place.admin1, "governorate"
            )
            if gov is not None:
                return replace(a, place=gov, geo_precision=3)
        return None
    elif kind in NAMED_SITE_KINDS:
        words = _SITE_SYNONYMS.get(kind.replace(" ", ""), (kind.replace(" ", ""),))
        site = next(
            (p for p in reversed(history.sites)
             if any(w in p.location.lower().replace(" ", "") for w in words)),
            None,
        )
        if site is not None:
            return replace(a, place=site.place, geo_precision=site.geo_precision)
        town = history.last(i, 8, city=True) or topic
        if town is not None:
            named = reader.plain(f"{town.place.name} {kind}", "site")
            if named is not None and named.feature == "site":
                return replace(a, place=named, geo_precision=1)
            return replace(a, place=town.place, geo_precision=2)
        return None
    else:  # "there", "the area", "the base": the place just talked about
        target = history.last(i, LOCAL_SENTENCES, position=a.start) or topic
    if target is None:
        return None
    precision = max(a.geo_precision, target.geo_precision if target.geo_precision == 3 else 1)
    return replace(a, place=target.place, geo_precision=precision)


def resolve_places(
    cands: list[Candidate], sentences: list[Any], mentions: list[Any], reader: Any
) -> list[Candidate]:
    """Give every candidate a resolved place, or drop it when the report gives none."""
    topic = topic_place(sentences, mentions)
    headings = _heading_towns(sentences, mentions)
    history = _History()
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence.index, []).append(c)
    out: list[Candidate] = []
    for s, m in zip(sentences, mentions, strict=True):
        history.add(s.index, m.places)
        history.paragraphs[s.index] = s.paragraph
        for c in by_sentence.get(s.index, []):
            heading = headings.get(s.paragraph)
            heading = heading[1] if heading is not None and heading[0] < s.index else None
            if c.place is not None and not c.place.anaphor and _quarter_of_topic(c, m, topic):
                # "residents fleeing Samah ... toward the city centre": a quarter of the
                # report's city, not a namesake village far away
                c.place = _as_borrowed(topic, location=c.place.location, precision=2)
            if c.place is not None and c.place.anaphor == TOWNS:
                # "Both towns had been under ISIL control since August 2014": each town
                towns = history.towns_together(s.index, c.place.start)
                for town in towns:
                    out.append(replace(c, place=_as_borrowed(town, location=c.place.location),
                                       notes=list(c.notes)))
                if towns:
                    continue
                c.place = replace(c.place, anaphor="town")  # none told together: as "the town"
            if c.place is not None and c.place.anaphor:
                c.place = _resolve_anaphor(c, topic, history, reader, heading)
                if c.place is None:
                    continue
            elif c.place is None:
                if placeless.toll_of_the_event_before(c, out) or (
                        placeless.campaign_told_before(c)):
                    continue
                if _NAMED_ITEM.match(s.text) and not any(p.place is not None for p in m.places):
                    continue  # "-- Near Kisik, one strike ...": its own place, one not known
                if _COUNTRY_RX.search(_outside_places(s.text, m.places)):
                    # "large areas of northern Iraq": no place to code ("Iraq's largest dam"
                    # and "ERBIL, Iraq -" are no such area)
                    continue
                # "captured the dam after Kurdish fighters pulled out": the one place the
                # sentence's other events are at
                siblings = {
                    o.place.place.name: o.place for o in by_sentence[s.index]
                    if o.place is not None and o.place.place is not None
                }  # fmt: skip
                if len(siblings) == 1:
                    c.place = _as_borrowed(next(iter(siblings.values())))
                    c.borrowed_place = True
                    out.append(c)
                    continue
                # "entered a quarter ... and headed toward the centre of the city": the
                # sentence's own city, not the last place the sentence before named
                own = next((p for p in m.places if p.anaphor in CITY_KINDS), None)
                named = any(p.place is not None and not p.anaphor for p in m.places)
                if own is not None and not named:
                    told = _resolve_anaphor(replace(c, place=own), topic, history, reader)
                    if told is not None:
                        c.place = _as_borrowed(told, precision=2)
                        c.borrowed_place = True
                        out.append(c)
                        continue
                before = history.last(s.index - 1, FALLBACK_SENTENCES)
                if before is not None and before.place.feature in ("governorate", "region"):
                    # a town of that province the report is about is more exact
                    if topic is not None and topic.place.admin1 == before.place.admin1:
                        before = topic
                if before is not None and not _same_paragraph(
                    sentences, s.index, before_index(history)
                ):
                    before = None  # a new paragraph: back to what the report is about
                fallback = before or heading or topic
                if fallback is None:
                    continue
                # "managed to capture the municipal stadium": a site of that town, told as
                # such (another event than the town's own capture)
                site = placeless.site_object(c)
                if site and fallback.place.feature == "site" and topic is not None and (
                        topic.place.feature == "city"):
                    # "took the airport ... entered the governorate building": another site
                    # of the town, not of the airport
                    fallback = topic
                c.place = (_as_borrowed(fallback, location=site, precision=2) if site
                           else _as_borrowed(fallback))
                c.borrowed_place = True
            out.append(c)
            if c.place is not None and c.place.place is not None:
                history.events.setdefault(s.index, c.place)
                history.told_events.setdefault(s.index, []).append(c)
    for c in out:
        c.place = seat_town(c.place, reader.plain)
    return out


#: A list item that opens with where it happened: "-- Near Kisik, one strike engaged".
_NAMED_ITEM = re.compile(LIST_ITEM.pattern + r"\s*(?:Near|In|At|Around|Outside)\s+[A-Z]")


def _outside_places(text: str, places: list[PlaceMention]) -> str:
    """Return the text with its dateline and place phrases blanked ("Iraq's largest dam")."""
    chars = list(text)
    for start, end in [(0, dateline_end(text))] + [(p.start, p.end) for p in places]:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _quarter_of_topic(c: Candidate, m: Any, topic: PlaceMention | None) -> bool:
    """Tell whether a sentence set in "the city centre" names a quarter of the report's city.

    Its names then read as far namesakes: none of them lies near the city the report
    is about, and the sentence names no other town for "the city" to mean.
    """
    if topic is None or topic.place.feature != "city" or not _CITY_CENTRE.search(
            c.sentence.text):
        return False
    named = [p for p in m.places if p.place is not None and not p.anaphor and not p.reference]
    return bool(named) and all(km_apart(p.place, topic.place) > QUARTER_FAR_KM for p in named)


_CAPS_LABEL = re.compile(r"[*•\-\s]*[A-Z][A-Z'’ -]{1,40}[.:]?")


def _heading_towns(sentences: list[Any], mentions: list[Any]) -> dict[int, tuple[int, Any]]:
    """Return, by paragraph, the town its heading line names (and the line's index).

    A log or digest entry opens with a line naming its place ("RS000 | 29 September
    2015 | Kafr Nabl, Idlib"); "the town" in the entry is that town.
    """
    out: dict[int, tuple[int, Any]] = {}
    for s in paragraph_headings(sentences):
        towns = [p for p in mentions[s.index].places if p.place is not None and not p.reference
                 and not p.anaphor and p.place.feature not in ("governorate", "region")]
        if towns:
            out[s.paragraph] = (s.index, towns[0])
    return out


def paragraph_headings(sentences: list[Any]) -> list[Any]:
    """Return the heading lines that open a paragraph (not the report's title).

    A bulletin's capitalised lead-in ("* RAMADI. Security forces repelled ...") heads its
    paragraph too.
    """
    seen: set[int] = set()
    out = []
    for s in sentences:
        if s.paragraph not in seen and (s.headline or _CAPS_LABEL.fullmatch(s.text)) and (
                s.index > 0):
            out.append(s)
        seen.add(s.paragraph)
    return out


def before_index(history: _History) -> int:
    """Return the sentence index of the latest named place."""
    return history.named[-1][0] if history.named else -1


def _same_paragraph(sentences: list[Any], a: int, b: int) -> bool:
    return 0 <= b < len(sentences) and sentences[a].paragraph == sentences[b].paragraph


def resolve_actors(cands: list[Candidate]) -> None:
    """Give "it"/"they" the force the sentence before was about.

    That is the acting force of its first event (its main clause), not the last one named
    ("ISIS seized Baiji after police abandoned their posts. The group said it ...": the
    group is ISIS).
    """
    last: str | None = None
    current: str | None = None
    # "the group" is an armed group told before, never a state's forces told since
    group: str | None = None
    sentence = None
    for c in cands:
        if c.sentence is not sentence:
            sentence, last = c.sentence, current or last
            current = None
        if c.actor1 is None and c.pronoun:
            # "kidnapped 30 before they fled": this sentence's force
            c.actor1 = group if _subject_is_group(c) else current or last
        if current is None and c.actor1 and c.actor1 != "Civilians" and c.kind != "displacement":
            current = c.actor1
        if c.actor1 and c.actor1 not in STATE_FORCES | {"Civilians"}:
            group = c.actor1


def _subject_is_group(c: Candidate) -> bool:
    """Tell whether a pronoun-like subject is "the group" ("The group took Qayyarah")."""
    doc = c.sentence.doc
    if doc is None:
        return False
    anchor = syntax.token_at(doc, c.trigger.anchor_start)
    return any(t.lower_ == "group" for s in anchor.children if s.dep_ in ("nsubj", "nsubjpass")
               for t in s.subtree)

