"""Stage 5, the event's place: which of the trigger's slots holds where it happened.

Each frame (``lexicon.tsv``) ranks the slots that hold an event's place: a
seizure's object ("took Tikrit"), a flight's origin ("fled Mosul"), a noun's
prepositional phrase ("clashes in Hawija"). The first slot of that order that
holds a place wins; a list in that slot is one event per place; a place that
only locates another ("Tiyas air base near Homs") and references ("80 km west
of X") never count.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from events.extract import roles, syntax, threats
from events.extract.place_words import measured_offset, offset_point

# Prepositions that locate an event.
_LOCATIVE = (
    "in", "at", "near", "on", "across", "around", "outside", "inside", "throughout", "along",
    "over", "into", "within", "against", "for", "of", "between", "through", "towards", "toward",
    "to",
)  # fmt: skip
# Slots that hold the place, by frame, in order of preference.
PLACE_SLOTS: dict[str, tuple[str, ...]] = {
    "act": ("obj", "subjpass", "head", *(f"prep:{p}" for p in _LOCATIVE if p != "to"),
            "gov:obj", *(f"gov:prep:{p}" for p in _LOCATIVE)),
    "fall": ("subj", "subjpass", "head", "prep:in", "prep:at", "prep:near"),
    "lose": ("obj", "prep:in", "prep:at", "prep:near"),
    "hold": ("gov:subj", "gov:subjpass", "gov:noun", "subj", "obj", "prep:of", "prep:in"),
    "noun": (*(f"prep:{p}" for p in _LOCATIVE), "acl:obj", *(f"acl:prep:{p}" for p in _LOCATIVE),
             "compound", "poss", "gov:subjpass", "gov:obj", *(f"gov:prep:{p}" for p in _LOCATIVE),
             "head"),
    "intent": ("sub:place",),
}  # fmt: skip
_COMPASS_POINTS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")
# Where a moving force or crowd went, and where it left.
MOVE_TO = ("obj", "prep:into", "prep:to", "prep:towards", "prep:toward", "prep:on", "prep:in",
           "prep:at", "prep:near", "prep:for", "prep:inside", "prep:around", "prep:outside",
           "prep:through", "prep:across", "prep:within", "head")  # fmt: skip
# ("people from the two towns have registered as displaced in Khanaqin": the people's town)
MOVE_FROM = ("obj", "prep:from", "prep:out", "prep:of", "subjpass", "subj", "prep:in",
             "prep:at", "prep:near", "head")  # fmt: skip


def place_slots(frame: str, kind: str) -> tuple[str, ...]:
    """Return the slots that hold an event's place, in order of preference."""
    if frame == "move" or kind in ("withdrawal", "displacement") and frame == "act":
        if kind in ("withdrawal", "displacement", "flight"):
            return MOVE_FROM if kind == "withdrawal" else MOVE_FROM + MOVE_TO
        return MOVE_TO
    return PLACE_SLOTS.get(frame, PLACE_SLOTS["act"])


def choose_places(args: roles.Arguments, frame: str, kind: str) -> list[Any]:
    """Return the place mentions of the event, one event per place (several for a list).

    The first slot of the frame's preference order that holds a place wins;
    references ("80 km west of X") never count, and for departures
    destinations ("fled to Erbil") only when nothing else is named. A town that
    a direction names ("the desert east of Samarra") is more exact than a province
    ("In Salah al-Din, militants kidnapped two shepherds in the desert east of Samarra").
    """
    chosen = _not_the_area_of_a_list(args, _choose(args, frame, kind))
    near = _direction_towns(args)
    if near and chosen and all(
            p.place is not None and p.place.feature in ("governorate", "region") for p in chosen):
        return near
    return _one_per_place(chosen or near)


def _not_the_area_of_a_list(args: roles.Arguments, places: list[Any]) -> list[Any]:
    """Drop a place whose own towns an "including" list names with it.

    "took the communities of the western Aleppo countryside, including Haritan and
    Anadan": the towns were taken, the countryside only says where they lie.
    """
    doc = args.anchor.doc
    heads = {id(p): syntax.span_head(doc, p.name_start, p.name_end) for p in places}

    def area_of_list(p: Any) -> bool:
        h = heads[id(p)]
        phrase = {h.i} if h is not None else set()
        for t in syntax.ancestors(h) if h is not None else ():
            if not (t.tag_.startswith("NN") or t.lower_ == "of"):
                break
            phrase.add(t.i)  # "the communities of the Hama countryside, including ..."
        for q in places:
            g = heads[id(q)] if q is not p else None
            including = next((t for t in syntax.ancestors(g) if t.lower_ == "including"),
                             None) if g is not None else None
            if including is not None and including.head.i in phrase:
                return True
        return False

    return [p for p in places if not area_of_list(p)] if len(places) > 1 else places


def _one_per_place(chosen: list[Any]) -> list[Any]:
    """Keep one mention of each place: "the Tamim district south of Ramadi" is one event."""
    seen: set[tuple] = set()
    out = []
    for p in chosen:
        key = (p.place.name, p.place.lat, p.place.lon) if p.place is not None else (id(p),)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _direction_towns(args: roles.Arguments) -> list[Any]:
    """Return the town attached to the trigger that a direction phrase names, as near it."""
    near = [p for p, s in args.places if s is not None and p.reference == "direction"
            and p.place is not None and p.place.feature not in ("governorate", "region")]
    return [replace(p, reference="", geo_precision=max(2, p.geo_precision)) for p in near[:1]]


def _choose(args: roles.Arguments, frame: str, kind: str) -> list[Any]:
    order = place_slots(frame, kind)
    # "struck a gathering of commanders in al-Sousa": people the event befalls are
    # where it happened, though "commanders in X" elsewhere only says where a source is
    usable = [(p, s) for p, s in args.places
              if not p.reference or p.reference == "source" and s == "obj"]
    # "the Qayyarah West airbase, about 15 km west of the town, which Iraqi forces retook":
    # a clause after a distance is about the place the distance locates
    usable += [(before, s) for (before, _), (p, s) in zip(args.places, args.places[1:],
                                                              strict=False)
               if s == "head" and p.reference in ("distance", "direction")
               and before.end <= p.start and not before.reference]
    usable = _ungapped(args, usable)
    leaving = kind in ("withdrawal", "flight", "displacement")
    if leaving:
        origins = [(p, s) for p, s in usable if not p.destination]
        if origins or kind == "withdrawal":
            usable = origins
    if frame == "intent":
        inside = threats.complement_tokens(args.anchor)
        chosen = [
            p for p, _ in usable
            if any(t.idx <= p.name_start < t.idx + len(t.text) for t in inside)
        ]  # fmt: skip
        # "al-Bab, the last stronghold in the Aleppo countryside": the province only locates
        return _outermost(args, chosen)
    for label in order:
        hit = _outermost(args, [p for p, s in usable if s == label])
        if hit:
            return _inner_town(args, hit)
    if kind == "troop_position" and not syntax.is_verb(args.anchor):
        # "the operation to retake Tal Afar": the offensive's target is its place
        aims = _aim_tokens(args.anchor)
        hit = [p for p, _ in usable if any(t.idx <= p.name_start < t.idx + len(t.text)
                                          for t in aims)]  # fmt: skip
        if hit:
            return hit[:1]
    attached = [(p, s) for p, s in usable if s is not None and not s.startswith("up:")]
    if attached:
        # a preposition said again is one event a place: "restored security to Qara on 19
        # November, to Deir Attiyeh later that month and to al-Nabk in December"
        again = [p for p, s in attached if s == attached[0][1]]
        preps = {_preposition(args, p) for p in again}
        said = {args.anchor.doc[i].lower_ for i in preps if i is not None}
        return (again if len(preps) == len(again) and said == {attached[0][1].split(":")[-1]}
                else again[:1])
    for label in order:
        hit = [p for p, s in usable if s == "up:" + label]
        if hit:
            return hit
    # last, "clashed in the countryside north of Hama": near the place the direction names
    near = [p for p, s in args.places if s is not None and p.reference == "direction"]
    if near:
        return [replace(p, reference="", geo_precision=max(2, p.geo_precision)) for p in near[:1]]
    # "a roadside bomb killed three soldiers 20 km south of Kirkuk": that far that way
    measured = [p for p, s in args.places if s is not None and p.reference == "distance"]
    found = [m for m in (_measured_point(args, p) for p in measured[:1]) if m is not None]
    if found:
        return found
    # "an IED detonated on the road between Jalawla and Saadiya", and no other place: on
    # that road, near its first end
    road = [p for p, s in args.places if s is not None and p.reference == "road"]
    return [replace(p, reference="", geo_precision=max(2, p.geo_precision)) for p in road[:1]]


def _aim_tokens(anchor: Any) -> list[Any]:
    """Return the object of an offensive's purpose: "to retake X", "to drive ISIS out of X"."""
    out = []
    for c in anchor.children:
        if c.dep_ in ("acl", "relcl") and any(g.tag_ == "TO" for g in c.children):
            out.extend(t for t in c.subtree if t.dep_ in ("dobj", "pobj") or t.head.dep_ == "dobj")
    return out


def _preposition(args: roles.Arguments, mention: Any) -> int | None:
    """Return the index of the preposition a place's phrase hangs on, if any."""
    t = syntax.span_head(args.anchor.doc, mention.name_start, mention.name_end)
    for _ in range(4):
        if t is None or t.i == args.anchor.i:
            return None
        if t.tag_ == "IN" and t.dep_ in ("prep", "conj"):
            return t.i
        t = t.head
    return None


def _ungapped(args: roles.Arguments, usable: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Give a gapped second object the first one's slot.

    "captured Kafr Nabudah on 8 May and Qalaat al-Madiq on 9 May": the parse hangs the
    second town on the first one's date, as if it were a second day; it is a second town
    taken, on the day written after it.
    """
    firsts = [s for _, s in usable if s in ("obj", "subjpass")]
    if not firsts:
        return usable
    out = []
    for p, s in usable:
        h = syntax.span_head(args.anchor.doc, p.name_start, p.name_end)
        day = h.head if h is not None and h.dep_ == "conj" else None
        if (day is not None and day.dep_ == "pobj" and day.lower_ in roles.DAY_WORDS
                and day.head.head.i == args.anchor.i):
            s = firsts[0]
        elif s is None and _second_object(h, args.anchor):
            s = firsts[0]
        out.append((p, s))
    return out


def _second_object(head: Any, anchor: Any) -> bool:
    """Tell whether a place is a second object the parse hung on the verb as its conjunct.

    One told with its own time: "captured Khan Sheikhoun in August 2019 and Kafr Nabl in
    February 2020", "occupied Afrin in March 2018 and the cities of Ras al-Ain and Tal
    Abyad in October 2019"; not "fled Rawa towards Anah and the camps of Haditha".
    """
    t = head
    for _ in range(4):
        if t is None or t.i == anchor.i:
            return False
        if t.dep_ == "conj" and t.head.i == anchor.i:
            after = t.doc[t.i + 1 : t.i + 12]
            return t.tag_.startswith("NN") and any(
                w.lower_ in roles.DAY_WORDS and w.dep_ == "pobj" for w in after)
        if t.dep_ not in ("pobj", "prep", "conj", "compound") or (
                t.dep_ == "prep" and t.lower_ != "of"):
            return False
        t = t.head
    return False


def _measured_point(args: roles.Arguments, mention: Any) -> Any:
    """Return the mention moved to the point its distance phrase gives, or None."""
    text = args.anchor.doc.text
    offset = measured_offset(text[max(0, mention.name_start - 80) : mention.name_start])
    if offset is None or mention.place is None:
        return None
    km, bearing = offset
    place = mention.place
    lat, lon = offset_point(place.lat, place.lon, km, bearing)
    where = replace(place, name=f"{km:g} km {_COMPASS_POINTS[bearing // 45]} of {place.name}",
                    geonameid=None, lat=round(lat, 5), lon=round(lon, 5))  # fmt: skip
    return replace(mention, place=where, reference="", geo_precision=2)


def _outermost(args: roles.Arguments, places: list[Any]) -> list[Any]:
    """Drop the places that only locate another of the list ("Tiyas air base near Homs").

    Coordinated ones ("Falluja and Ramadi") all stay.
    """
    if len(places) < 2:
        return places
    doc = args.anchor.doc
    heads = {id(p): syntax.span_head(doc, p.name_start, p.name_end) for p in places}

    def under(p: Any) -> bool:
        h = heads[id(p)]
        if _described(h, [heads[id(q)] for q in places if q is not p]):
            return True
        if _province_of_town(p, [(q, heads[id(q)]) for q in places if q is not p], h):
            return True
        for q in places:
            g = heads[id(q)]
            if q is p or h is None or g is None or not g.is_ancestor(h):
                continue
            path = [h, *syntax.ancestors(h)]
            path = path[: path.index(g)] if g in path else path
            if not any(t.dep_ == "conj" for t in path):
                return True  # a locating phrase, not a list
        return False

    return [p for p in places if not under(p)]


def _described(h: Any, others: list[Any]) -> bool:
    """Tell whether a place only describes another in an appositive.

    "Baiji, the site of Iraq's largest refinery", however the parse attached the
    appositive; not a list that goes on after it ("Ramadi, the capital of Anbar, and
    parts of Fallujah").
    """
    if h is None:
        return False
    for t in [h, *syntax.ancestors(h)]:
        if t.dep_ == "conj":
            return False
        if t.dep_ == "appos" and t.tag_ in ("NN", "NNS") and t is not h:
            return any(g is not None and g.i < t.i and not t.is_ancestor(g) for g in others)
    return False


def _province_of_town(p: Any, others: list[tuple[Any, Any]], h: Any) -> bool:
    """Tell whether a province only says where a town of the same phrase lies.

    "seized Anbar's capital, Ramadi": Ramadi; "took Mosul and much of Nineveh": both.
    """
    if p.place is None or p.place.feature not in ("governorate", "region") or h is None:
        return False
    for q, g in others:
        if (g is None or q.place is None or q.place.feature in ("governorate", "region")
                or q.place.admin1 != p.place.admin1):
            continue
        up_h, up_g = [h, *syntax.ancestors(h)], [g, *syntax.ancestors(g)]
        common = next((t for t in up_h if t in up_g), None)
        if common is None:
            continue
        path = up_h[: up_h.index(common)] + up_g[: up_g.index(common)]
        if not any(t.dep_ == "conj" for t in path):
            return True
    return False


def _countryside(args: roles.Arguments, mention: Any) -> bool:
    """Tell whether a city is named for its countryside, the province's rural land.

    "in the western countryside of Aleppo", "in Idlib countryside": not the city.
    """
    text = args.anchor.doc.text
    return bool(_OF_COUNTRYSIDE.search(text[max(0, mention.name_start - 40):mention.name_start])
                or _COUNTRYSIDE.match(text[mention.name_end:]))


_OF_COUNTRYSIDE = re.compile(r"\bcountryside\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_COUNTRYSIDE = re.compile(r"\s+countryside\b", re.IGNORECASE)


def _inner_town(args: roles.Arguments, chosen: list[Any]) -> list[Any]:
    """Prefer the town named inside the province the event is placed in.

    "In Homs province, gunmen kidnapped engineers near Palmyra": the town named inside the
    province the event is placed in is where it happened.
    """
    if len(chosen) != 1 or chosen[0].place is None:
        return chosen
    gov = chosen[0].place
    if gov.feature not in ("governorate", "region") and not _countryside(args, chosen[0]):
        return chosen
    towns = [
        (p, s) for p, s in args.places
        if s is not None and not p.reference and p.place is not None and p is not chosen[0]
        and p.place.feature not in ("governorate", "region") and p.place.admin1 == gov.admin1
    ]  # fmt: skip
    if not towns:
        return chosen
    # "died across the Ghouta, with the heaviest losses in Jisreen, Misraba and Arbin"
    return _outermost(args, [p for p, s in towns if s == towns[0][1]])
