"""Stage 3b, places: the place phrases of each sentence, geocoded in the report's context.

A place phrase is a gazetteer name ("Bayji", "Deir ez-Zor province") or an
anaphor ("the city", "there"). The words around a name qualify it, by local
phrase patterns that hold in any report (the tables and patterns are in
:mod:`.place_words`):

* part of / near it ("the outskirts of Tikrit", "near Mosul"): geo_precision 2;
* a site of it ("Mosul's airport", "the Baiji refinery"): the named site if the
  gazetteer knows one, else the town with geo_precision 2;
* only a reference ("80 km west of Baghdad", "officials in Erbil", "the road
  between A and B", "Tikrit, north of Baghdad"): not where anything happened;
* a destination ("fled to Erbil"): where people went, not where they fled.

Names are resolved once per report, with the report's country and the points
of its unambiguous places as context, so that a name means the same place in
every sentence of the report. Anaphors are left for the context stage.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import geodata
from events.extract.place_links import (
    beside_reading,
    far_namesakes,
    km_to_points,
    link_places,
    looser_namesake,
    neighbour_namesakes,
    one_place_per_part,
    points_of,
    province_namesakes,
    spread_of,
    told_by_direction,
)
from events.extract.place_names import (
    described_names,
    is_person,
    label_names,
    name_spans,
    overlaps,
    quarter_names,
    settlement_names,
    slot_names,
)
from events.extract.place_words import (
    ANAPHOR,
    CAPITALS,
    COUNTRY_NAMES,
    DATELINE,
    DESTINATION_BEFORE,
    LIST_GAP,
    MEDIA_AFTER,
    MEDIA_NAMES,
    NAMED_QUARTER_BEFORE,
    NEAR_BEFORE,
    NOT_PLACES,
    ORG_AFTER,
    PLURAL_ANAPHOR,
    PRISON_WORDS,
    PROVINCE_AFTER,
    PROVINCE_BEFORE,
    QUARTER_AFTER,
    QUARTER_BEFORE,
    QUARTERS_BEFORE,
    SITE_AFTER,
    SITE_BEFORE,
    SITE_KINDS,
    TOWNS,
    listed_before,
    reference_kind,
    resolver_query,
)
from events.extract.quarter_towns import QuarterTowns
from geodata.normalize import skeleton_key

#: Places of the other country, read alone, that outvote the report's words for its country.
PLACE_VOTES_MIN = 3
#: A name read this far (km) from all the report's places yields to a namesake within CLOSE_KM.
FAR_KM = 150.0
CLOSE_KM = 60.0
#: An inexact namesake counts only this close to the report's places.
BESIDE_KM = 15.0
#: A loose match in the other country this far from the report's places is dropped.
STRAY_KM = 250.0
#: A name found by its syntactic slot alone must match this well when listed with a place.
LISTED_SCORE = 0.9
#: A name a settlement word ("the town of al-Shifonia") or a direction from a place vouches
#: for must match this well.
SETTLEMENT_SCORE = 0.75
#: Places a sentence names together this close are neighbours ("Tal Abyad and nearby Suluk").
NEIGHBOUR_KM = 40.0
#: Points of the report's places given to the resolver as context.
MAX_NEAR = 8


@dataclass(slots=True)
class PlaceMention:
    """A place phrase in a sentence; offsets are in the sentence.

    ``place`` is None for an anaphor until the context stage resolves it.
    ``reference`` says how the place only locates something else ("distance",
    "direction", "source", "road", "site", "relation", "appositive",
    "dateline"; "" when it does not); ``destination`` marks one that people or
    forces went to.
    """

    start: int
    end: int
    name_start: int
    name_end: int
    location: str
    place: Any
    geo_precision: int
    reference: str = ""
    destination: bool = False
    anaphor: str | None = None


class PlaceReader:
    """Find and resolve the place phrases of one report's sentences.

    Parameters
    ----------
    country : {"IQ", "SY"} or None
        The report's country, from how often it names each.
    nlp : spacy.language.Language or None
        For the named-entity check of names that may be people's.
    """

    def __init__(self, country: str | None, nlp: Any = None) -> None:
        self.country = country
        self.nlp = nlp
        self.near: list[tuple[float, float]] = []
        # the city the report names most: the one its quarters are in, unless told otherwise
        self.own_city: Any = None
        self.admin1_by_name: dict[str, set[str]] = {}
        # prisons named in the report, by their town's name: "Abu Ghraib" in a sentence
        # about inmates means the prison
        self.prisons: dict[str, Any] = {}
        # how many of the report's names read alone lie in each country
        self.country_votes: Counter = Counter()
        self._plain: dict[tuple[str, str | None], Any] = {}
        self._final: dict[tuple[str, str | None], Any] = {}
        self.measured: dict[str, Any] = {}  # names read by their distance from another
        # the same caches for the sections of a report set in the other country
        self._by_country: dict[str, tuple[dict, dict]] = {}
        # the towns the report's quarters belong to, sentence by sentence
        self.quarter_towns = QuarterTowns(self.plain)

    # -- resolution ------------------------------------------------------------------
    @contextmanager
    def in_country(self, country: str | None) -> Iterator[None]:
        """Resolve names as in `country` meanwhile ("In Iraq, ... * Near Tal Afar, ...")."""
        if country is None or country == self.country:
            yield
            return
        saved = self.country, self._plain, self._final
        self.country = country
        self._plain, self._final = self._by_country.setdefault(country, ({}, {}))
        try:
            yield
        finally:
            self.country, self._plain, self._final = saved

    def plain(self, name: str, feature: str | None = None) -> Any:
        """Resolve a name with only the report's country as context."""
        key = (name, feature)
        if key not in self._plain:
            query, feature = resolver_query(name, feature)
            try:
                self._plain[key] = geodata.resolve(
                    query, country=self.country, feature=feature, strict_case=True
                )
            except ValueError:
                self._plain[key] = None
        return self._plain[key]

    def plain_anywhere(self, name: str) -> Any:
        """Resolve a name with no context at all, not even the report's country."""
        key = (name, "anywhere")
        if key not in self._plain:
            try:
                self._plain[key] = geodata.resolve(name, strict_case=True)
            except ValueError:
                self._plain[key] = None
        return self._plain[key]

    def learn(self, names: list[tuple[str, str | None]]) -> None:
        """Take the report's places as context for its ambiguous names.

        Each name is read alone, then again with the points of the other names'
        readings; the second readings are the context the report's names are
        finally resolved with, so that one wrong reading does not pull the others.
        """
        # a quarter tells nothing of where the report is: its reading needs that context
        names = [(n, f) for n, f in names if not (f or "").startswith("quarter:")]
        self._country_of_places(names)
        first = [(n, f, self.plain(n, f)) for n, f in names]
        first = [(n, f, p) for n, f, p in first if p is not None and p.score >= 1.0]
        if self.country is None:
            countries = [p.country for *_, p in first if p.country in ("IQ", "SY")]
            if countries:
                # the most named country; between equals, the first named
                self.country = max(
                    countries, key=lambda c: (countries.count(c), -countries.index(c))
                )
        # the governorates the report's unambiguous names lie in ("Mosul", "Nineveh province"),
        # counted by name, so that a name's own reading is no evidence for itself
        for n, _, p in first:
            # only the report's country's: a hint outside the country names no unit
            if (not getattr(p, "ambiguous", False) and p.admin1 and p.country in ("IQ", "SY")
                    and self.country in (None, p.country)):
                self.admin1_by_name.setdefault(n, set()).add(p.admin1)
        # the most named places first: they are the report's own, and the city of its quarters
        times = Counter(n for n, _, _ in first)
        first.sort(key=lambda item: -times[item[0]])
        points = points_of(p for *_, p in first)
        second = []
        for n, f, p in first:
            own = (float(p.lon), float(p.lat))
            hinted = self._hinted(n, f, [pt for pt in points if pt != own])
            if hinted is not None and looser_namesake(hinted, p):
                hinted = None  # "Baghdad" does not give way to "Al-Baghdadi" nearby
            second.append(hinted or p)
        self.near = points_of(second)
        self.own_city = next((p for p in second if p.feature == "city"
                              and p.country in ("IQ", "SY")), None)

    def _country_of_places(self, names: list[tuple[str, str | None]]) -> None:
        """Let the report's places outvote the count of "Iraq" and "Syria" in its words.

        A story of Yazidis fleeing Sinjar into Syria names Syria more often than
        Iraq, but its places, each read with no country preferred, are Iraqi.
        """
        votes = Counter()
        for n, f in names:
            query, feature = resolver_query(n, f)
            try:
                p = geodata.resolve(query, feature=feature, strict_case=True)
            except ValueError:
                continue
            if p is not None and p.score >= 1.0 and not getattr(p, "ambiguous", False):
                votes[p.country] += 1
        self.country_votes = votes
        other = "SY" if self.country == "IQ" else "IQ"
        if self.country and votes[other] >= PLACE_VOTES_MIN and votes[other] >= 2 * votes[
                self.country]:
            self.country = other
            self._plain.clear()

    def _hinted(self, name: str, feature: str | None, near: list, *, units: bool = True) -> Any:
        admin1 = sorted(self._units_besides(name)) if units else []
        if not near and not admin1:
            return None
        name, feature = resolver_query(name, feature)
        try:
            return geodata.resolve(
                name, country=self.country, admin1=admin1 or None,
                near=near[:MAX_NEAR] or None, feature=feature, strict_case=True,
            )  # fmt: skip
        except ValueError:
            return None

    def near_point(self, name: str, country: str, point: tuple[float, float]) -> Any:
        """Resolve a name in a country, near a point."""
        try:
            return geodata.resolve(name, country=country, near=[point], strict_case=True)
        except ValueError:
            return None

    def resolve(self, name: str, feature: str | None = None) -> Any:
        """Resolve a name in the report's context: the same answer wherever it appears."""
        key = (name, feature)
        if key in self._final:
            return self._final[key]
        if name in self.measured:  # "Sulaiman Bek, 170 km north of Baghdad", anywhere
            self._final[key] = self.measured[name]
            return self.measured[name]
        plain = self.plain(name, feature)
        own = (float(plain.lon), float(plain.lat)) if plain is not None else None
        near = [pt for pt in self.near if pt != own]
        # The resolver weighs the spelling, the place's prominence and the report's context
        # together. The report's governorates decide only for a name that is ambiguous or
        # loose alone; its places' points break ties for every name.
        unsure = plain is None or getattr(plain, "ambiguous", False)
        place = self._hinted(name, feature, near, units=unsure) or plain
        if not unsure and self._loose_outside(name, plain):
            inside = self._hinted(name, feature, near)
            place = inside if inside is not None and inside.score >= 1.0 else place
        if plain is not None and (looser_namesake(place, plain, near) or km_to_points(
                plain, near) <= BESIDE_KM < km_to_points(place, near)):
            # "Khazir" does not give way to "Al Khadhra'a" by Baghdad, nor al-Qaim beside
            # Abu Kamal to a village in the governorates of a report on Syria
            place = plain
        if place is not None and near:
            if self._stray(name, place):
                place = None
            else:
                place = self._closer_namesake(name, feature, place)
        if (feature is None and place is not None and place.feature == "city"
                and not geodata.is_major_city(place)):
            # "in western Anbar" in a report set in Syria: the governorate, not a village
            # (asked only of small towns: each reading anywhere costs a resolution)
            anywhere = self.plain_anywhere(name)
            if (anywhere is not None and anywhere.feature == "governorate"
                    and anywhere.country != place.country and anywhere.score >= 0.95):
                place = anywhere
        place = self.quarter_towns.far_quarter(name, feature, place, self.own_city,
                                               self.country)
        self._final[key] = place
        return place

    def _loose_outside(self, name: str, plain: Any) -> bool:
        """Tell whether a name read by a looser spelling lies outside the report's governorates.

        "Adra" alone is Daraa, whose other names include it; in a report of Damascus's
        suburbs the village spelt exactly so is meant (a place spelt so in them, not
        another loose spelling: "Ibril" stays Erbil).
        """
        units = self._units_besides(name)
        return plain.score < 1.0 and bool(units) and plain.admin1 not in units

    def _km_to_report(self, place: Any) -> float:
        return km_to_points(place, self.near)

    def _units_besides(self, name: str) -> set[str]:
        """Return the governorates the report's other unambiguous names lie in."""
        return {a for n, found in self.admin1_by_name.items() if n != name for a in found}

    def _stray(self, name: str, place: Any) -> bool:
        """Tell whether a reading across the border, far from the report, is a stray namesake.

        A village across the border, far from every place of the report, is a namesake of
        the place meant, not the place: better no point than a wrong one 700 km away.
        """
        if not self.country or place.country == self.country:
            return False
        if place.feature in ("governorate", "region", "site") or geodata.is_major_city(place):
            return False  # "Tikrit" in a report about Syria is the city
        if self.country_votes[place.country] >= 2 and not any(
                a.country == self.country for a in getattr(place, "alternatives", ())):
            return False  # "Khanaser" in a digest of both countries: no namesake at home
        if place.admin1 in self._units_besides(name):
            return False  # other places of the report lie in that governorate too
        return self._km_to_report(place) > STRAY_KM

    def _closer_namesake(self, name: str, feature: str | None, place: Any) -> Any:
        """Prefer the namesake near the report's places to a reading far from all of them."""
        if (place.feature in ("governorate", "region", "site") or geodata.is_major_city(place)
                or self._km_to_report(place) <= FAR_KM):  # a major town is meant anywhere
            return place
        name, feature = resolver_query(name, feature)
        try:
            other = geodata.resolve(
                name, country=self.country, near=self.near[:MAX_NEAR], feature=feature,
                strict_case=True,
            )
        except ValueError:
            return place
        if (
            other is not None
            and other.name != place.name
            and other.score >= 0.95
            and other.feature not in ("governorate", "region")
            and self._km_to_report(other) <= CLOSE_KM
        ):
            return other
        return beside_reading(place, self.near, BESIDE_KM) or place

    def _sentence_namesakes(self, text: str, found: list[PlaceMention]) -> None:
        """Prefer a namesake beside the sentence's other places to one far from all of them.

        "Attacked Tal Abyad and nearby Suluk": in a report on both countries, the Iraqi
        Solawk that the report's country picked is not meant, the Syrian Suluk is.
        """
        province_namesakes(text, found)
        towns = [p for p in found if p.place.feature not in ("governorate", "region")]
        spread = spread_of(t.place for t in towns)
        if self.country and len(towns) > 1 and spread > NEIGHBOUR_KM:
            # read without the report's country, are they neighbours? then that is meant
            alone = [self.plain_anywhere(text[t.name_start : t.name_end]) for t in towns]
            if (all(a is not None and a.score >= 0.95 for a in alone)
                    and spread_of(alone) <= NEIGHBOUR_KM < spread / 2):
                for t, a in zip(towns, alone, strict=True):
                    t.place = a
                return
        far_namesakes(text, towns, FAR_KM, CLOSE_KM)
        neighbour_namesakes(text, sorted(towns, key=lambda t: t.start))

    # -- finding -----------------------------------------------------------------------
    def candidates(
        self, sentence: Any, blocked: list[tuple[int, int]], triggers: list[Any]
    ) -> list[tuple[int, int, str, str | None]]:
        """Return (start, end, name, feature) of the names in a sentence, before resolution."""
        text = sentence.text
        spans = [(s, e, n, "") for s, e, n in name_spans(text)]
        for finder in (quarter_names, label_names, described_names, settlement_names):
            spans += finder(text, [(s, e) for s, e, *_ in spans] + blocked)
        if sentence.doc is not None:
            spans += slot_names(sentence, triggers, [(s, e) for s, e, *_ in spans] + blocked)
        out, loose = [], []
        plural: set[int] = set()
        for start, end, name, source in sorted(spans):
            low = name.lower()
            if (overlaps(start, end, blocked) or low in COUNTRY_NAMES or low in NOT_PLACES
                    or MEDIA_NAMES.search(text[max(0, start - 4) : end])
                    or MEDIA_AFTER.match(text[end : end + 4])):
                continue
            if out and not text[out[-1][1] : start].strip() and self._capital(out[-1][2]):
                continue  # "Daraa al-Balad": the name after a capital is its quarter's
            if is_person(text, start, end) and not self._capital(name):
                continue  # "Daraa al-Balad" is a quarter of Daraa; "Ali al-Hamdani" a man
            if ORG_AFTER.match(text[end : end + 60]):
                continue  # "the Nineveh Operations Command": a body, not a place
            before, after = text[max(0, start - 80) : start], text[end : end + 60]
            feature = None
            if PROVINCE_AFTER.match(after) or PROVINCE_BEFORE.search(before):
                feature = "governorate"
            elif (quarter := QUARTER_AFTER.match(after) or (
                    not NAMED_QUARTER_BEFORE.search(before) and QUARTER_BEFORE.search(before))
                  ) and not self.quarter_towns.own_point(name, quarter):
                # of the report's city, unless it has a point of its own or is an admin district
                word = next(g for g in quarter.groups() if g).lower()
                feature = "quarter:" + word
                if quarter.re is QUARTER_AFTER and (quarter.group(2) or word.endswith("s")):
                    # the apposition, or the plural word, tells them all ("the Samah and
                    # al-Intisar neighbourhoods")
                    for k in listed_before(text, out, start):
                        out[k] = (*out[k][:3], feature)
            elif quarter := QUARTERS_BEFORE.search(before):
                feature = "quarter:" + quarter.group(1).lower()
                plural.add(start)
            elif out and (out[-1][3] or "").startswith("quarter:") and LIST_GAP.fullmatch(
                    text[out[-1][1] : start]):
                feature = out[-1][3]  # "the districts of Hamdaniya and al-Zahraa"
            if name.isupper() and re.match(r"-[A-Za-z]", text[end : end + 2]):
                continue  # "DISPLACEMENT BY SUB-DISTRICT": part of a heading's word
            if source == "quarter" and not (feature or "").startswith("quarter:"):
                continue  # a name known only by its quarter word needs the word
            if source == "settlement":
                plain = self.plain(name, feature)
                if (plain is None or plain.country not in ("IQ", "SY")
                        or plain.score < SETTLEMENT_SCORE
                        or plain.feature in ("governorate", "region")):
                    continue
            if source == "slot":
                plain = self.plain(name, feature)
                if plain is None or plain.country not in ("IQ", "SY"):
                    continue
                if plain.score < 0.95:
                    # only an exact name without a cue word, or a close one listed with a place
                    # ("on Saqba and Kafr Batna") or told to lie some way of one ("north of")
                    if plain.score >= SETTLEMENT_SCORE:
                        loose.append((start, end, name, feature, plain.score))
                    continue
            out.append((start, end, name, feature))
        listed = [c[:4] for c in loose if c[4] >= LISTED_SCORE and any(
            LIST_GAP.fullmatch(text[c[1] : o[0]]) or LIST_GAP.fullmatch(text[o[1] : c[0]])
            for o in out)]
        out = sorted(out + listed + told_by_direction(text, [c[:4] for c in loose], out,
                                                      self.plain))
        for i, (start, end, name, feature) in enumerate(out):
            listed = i + 1 < len(out) and out[i + 1][3] == feature
            if start in plural and not listed:
                out[i] = (start, end, name, None)  # "several districts of Tal Afar"
        known = {(s, e) for s, e, _, source in spans if source != "quarter"}
        out = [c for c in out if c[3] or (c[0], c[1]) in known]
        return out

    def _capital(self, name: str) -> bool:
        """Tell whether a name is exactly a governorate's capital of the same name ("Homs")."""
        place = self.plain(name)
        return (
            place is not None and place.score >= 0.95 and place.feature == "city"
            and skeleton_key(place.name) == skeleton_key(place.admin1 or "")
        )  # fmt: skip

    def mentions(self, sentence: Any, found: list[tuple]) -> list[PlaceMention]:
        """Resolve and qualify the names of one sentence, then add its anaphors."""
        text = sentence.text
        out: list[PlaceMention] = []
        dateline = DATELINE.match(text)
        prisoners = bool(PRISON_WORDS.search(text))
        city = self.quarter_towns.city_of(text, found, sentence.paragraph, self.country)
        for start, end, name, feature in found:
            if city and (feature or "").startswith("quarter:") and not (
                    self.quarter_towns.own_unit(name, feature)):
                feature = f"{feature}:{city}"  # the sentence's own city holds its quarters
            feature = feature or self.quarter_towns.told_as_quarter(name)
            place = self.resolve(name, feature)
            self.quarter_towns.remember(name, feature, place)
            if prisoners and name in self.prisons:
                place = self.prisons[name]
            if place is not None and place.feature == "site" and PRISON_WORDS.search(place.name):
                self.prisons.setdefault(PRISON_WORDS.sub("", name).strip(), place)
            if place is None or place.country not in ("IQ", "SY") or place.feature == "country":
                continue
            if place.name.lower() in COUNTRY_NAMES:
                continue
            out.append(self._qualify(text, start, end, name, place, dateline))
        self._sentence_namesakes(text, out)
        link_places(text, out)
        taken = [(p.start, p.end) for p in out]
        for m in ANAPHOR.finditer(text):
            if overlaps(m.start(), m.end(), taken):
                continue
            out.append(self._anaphor(text, m, out))
        for m in PLURAL_ANAPHOR.finditer(text):
            # "both towns": the towns told together before, one event each (see context)
            if not overlaps(m.start(), m.end(), taken):
                out.append(PlaceMention(m.start(), m.end(), m.start(), m.end(), m.group(0),
                                        None, 1, anaphor=TOWNS))
        out.sort(key=lambda p: p.start)
        return one_place_per_part(text, out)

    def _qualify(
        self, text: str, start: int, end: int, name: str, place: Any, dateline: Any
    ) -> PlaceMention:
        precision = int(getattr(place, "geo_precision", 1) or 1)
        if place.feature in ("governorate", "region"):
            precision = 3
        before, after = text[max(0, start - 80) : start], text[end : end + 40]
        loc_start, loc_end = start, end
        near = NEAR_BEFORE.search(before) or SITE_BEFORE.search(before)
        site = SITE_AFTER.match(after)
        if precision < 3 and near:
            precision = 2
            loc_start = start - (len(before) - near.start())
        if site and precision < 3:
            word = site.group(0).lower()
            precision = 2
            loc_end = end + site.end()
            kind_word = re.sub(r"^(?:'s|’s)?\s*", "", word)
            named_site = self.plain(f"{name} {kind_word}", "site")
            if named_site is not None and named_site.feature == "site":
                place, precision = named_site, 1
                if PRISON_WORDS.search(kind_word):
                    self.prisons[name] = named_site
        province = PROVINCE_AFTER.match(after)
        if precision == 3 and province:
            loc_end = end + province.end()
        reference = reference_kind(before, text, name, after) or (
            "dateline" if dateline and end <= dateline.end() else ""
        )
        if site and re.search(r"(?:road|highway)$", site.group(0), re.IGNORECASE):
            reference = reference or "road"  # "the Jarabulus road" leads to Jarabulus
        destination = bool(DESTINATION_BEFORE.search(text[max(0, loc_start - 40) : loc_start]))
        return PlaceMention(
            loc_start, loc_end, start, end, text[loc_start:loc_end], place, precision,
            reference=reference, destination=destination,
        )  # fmt: skip

    def _anaphor(self, text: str, m: re.Match[str], named: list[PlaceMention]) -> PlaceMention:
        kind = re.sub(r"\s+", " ", (m.group("kind") or "there").lower())
        before = text[max(0, m.start() - 80) : m.start()]
        reference = reference_kind(before, text)
        start = m.start()
        precision = 1
        near = NEAR_BEFORE.search(before)
        if near:
            precision = 2
            start = m.start() - (len(before) - near.start())  # "outside the city"
        if kind in SITE_KINDS or m.group(0).endswith(("'s", "’s")):
            precision = 2
        # "the airport in the key city of Tal Afar": the named place that follows is meant
        # (not one a road leads to: "the city on the highway to Baghdad")
        follower = next(
            (
                p
                for p in named
                if 0 <= p.start - m.end() <= 45
                and re.fullmatch(
                    r"\s+(?:in|at|near|of|outside|on)\s+(?:the\s+)?"
                    r"(?:(?!(?:to|towards?|from|road|highway|route)\b)[\w-]+\s+){0,3}",
                    text[m.end() : p.start],
                    re.I,
                )
            ),
            None,
        )
        place = None
        if follower is not None:
            place, precision = follower.place, max(precision, 2 if kind in SITE_KINDS else 1)
            follower.reference = "relation"  # the phrase is one mention, told by the anaphor
        elif kind == "capital" and self.country in CAPITALS:
            place = self.plain(CAPITALS[self.country])
        destination = bool(DESTINATION_BEFORE.search(text[max(0, start - 40) : start]))
        return PlaceMention(
            start, m.end(), m.start(), m.end(), text[start : m.end()], place, precision,
            reference=reference, destination=destination, anaphor=kind)  # fmt: skip
