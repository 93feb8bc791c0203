"""How the places of one sentence qualify each other.

A place may only say where the one before it lies ("As-Sousah, Deir Ez-Zor",
"the Habbaniyah base in Anbar province", "Tikrit, north of Baghdad"); the
places listed after a source or a destination are sources or destinations too;
and "the Barzeh district of Damascus" is one place, not two.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import geodata
from events.extract.place_words import (
    APPOSITIVE_DIRECTION,
    DIRECTION_OF,
    IN_PROVINCE,
    IN_REGION_BEFORE,
    IN_REGION_OF,
    MEASURED_OFFSET,
    REGION_AFTER,
    bearing_of,
    offset_of,
    offset_point,
)
from geodata.normalize import skeleton_key

# Between a province and the town it holds: "the Anbar town of al-Baghdadi".
_UNIT_OF = re.compile(r"\s+(?:town|city|village|district|sub-district|area)\s+of\s+(?:the\s+)?",
                      re.IGNORECASE)
#: "X district of Y" with X farther than this from Y: X is a namesake elsewhere.
PART_KM = 30.0
#: How far a place may lie from where "50 km south of Y" puts it (or half that distance).
MEASURED_SLACK_KM = 25.0


def _unit_key(name: str) -> str:
    """Return a spelling-free key of a unit's name ("Deir Ez-Zor", "Deir-ez-Zor": "deirezzor")."""
    key = re.sub(r"[^a-z]", "", name.lower())
    return key[2:] if key.startswith("al") and len(key) > 5 else key


def encloses(outer: Any, inner: Any) -> bool:
    """Tell whether ``outer`` is the governorate of ``inner``, or its namesake city.

    "As-Sousah, Deir Ez-Zor" names the province of As-Sousah, as a postal address would.
    """
    if outer is None or inner is None or outer is inner or not inner.admin1:
        return False
    if getattr(outer, "feature", "") == getattr(inner, "feature", None) == "governorate":
        return False
    # "Kafr Nabl (Idleb)": the city is spelt Idlib, its governorate Idleb
    same = skeleton_key(outer.name) == skeleton_key(inner.admin1)
    return ((same or _unit_key(outer.name) == _unit_key(inner.admin1))
            and _unit_key(inner.name) != _unit_key(outer.name))


def link_places(text: str, out: list[Any]) -> None:
    """Mark the sentence's places that only locate, or continue, the one before them."""
    for a, b in zip(out, out[1:], strict=False):
        # "the Anbar town of al-Baghdadi": the province only says where the town lies
        if a.place.feature == "governorate" and _UNIT_OF.fullmatch(text[a.end : b.start]):
            a.reference = "appositive"
    for m in APPOSITIVE_DIRECTION.finditer(text):
        # "Tikrit, north of Baghdad": only after a place named just before the comma
        if any(p.end == m.start() for p in out):
            for p in out:
                if p.name_start >= m.end() and p.name_start - m.end() <= 4:
                    p.reference = "appositive"
    for a, b, c in zip(out, out[1:], [*out[2:], None], strict=False):
        # "a mosque in As-Sousah, Deir Ez-Zor": the second names the first's province
        # (not when a list goes on: "in Mayadin, Deir ez-Zor and Raqqa")
        listed = c is not None and re.fullmatch(
            r"\s*(?:,|and|or|,\s*and)\s*", text[b.end : c.start])
        # "Muqdadiya (Diyala)" is the same address in brackets
        if (re.fullmatch(r",\s*|\s*\(\s*", text[a.end : b.start]) and not listed
                and encloses(b.place, a.place)):
            b.reference = "appositive"
    for a, b in zip(out, out[1:], strict=False):
        # "the Habbaniyah base in Anbar province", "the Jurf al-Sakhar area in the north of
        # Babil province": the province only says where the place named first lies
        if (b.place.feature == "governorate" and encloses(b.place, a.place)
                and IN_PROVINCE.fullmatch(text[a.end : b.start])):
            b.reference = "appositive"
    for a, b in zip(out, out[1:], strict=False):
        # "al-Qaryatayn in the eastern desert of Homs": the second only says where the
        # first lies, whatever it is read as
        if a.place.feature not in ("governorate", "region") and (
            IN_REGION_OF.fullmatch(text[a.end : b.start])
            # "Qalaat al-Madiq in northwestern Hama countryside"
            or (IN_REGION_BEFORE.fullmatch(text[a.end : b.start])
                and REGION_AFTER.match(text[b.name_end : b.name_end + 20]))
        ):
            b.reference = "appositive"
    for a, b in zip(out, out[1:], strict=False):
        # "officials in Erbil and Baghdad said": a source's list are sources too
        if a.reference == "source" and not b.reference and re.fullmatch(
                r"\s*(?:,|and|,\s*and)\s*", text[a.end : b.start]):
            b.reference = "source"
    for a, b in zip(out, out[1:], strict=False):
        # "cities from Fallujah and Ramadi in the west to Mosul in the north": the list and
        # the far end of a range are its ends too
        if a.reference == "range" and re.fullmatch(
                r"\s*(?:,|and|or|,\s*and)\s*|[^.;:]{0,30}?\bto\s+(?:the\s+)?",
                text[a.end : b.start]):
            b.reference = "range"
    for a, b in zip(out, out[1:], strict=False):
        # "towards Jarablus and al-Bab": a list after a destination is destinations too
        if a.destination and re.fullmatch(r"\s*(?:,|and|,\s*and|or)\s*", text[a.end : b.start]):
            b.destination = True


def points_of(places: Any) -> list[tuple[float, float]]:
    """Return the distinct (lon, lat) points of the places in Iraq or Syria."""
    out: list[tuple[float, float]] = []
    for p in places:
        if p is None or p.country not in ("IQ", "SY"):
            continue
        point = (float(p.lon), float(p.lat))
        if point not in out:
            out.append(point)
    return out


def spread_of(places: Any) -> float:
    """Return the greatest distance in km between any two of the places."""
    found = list(places)
    return max((km_apart(a, b) for i, a in enumerate(found) for b in found[i + 1 :]), default=0.0)


def km_apart(a: Any, b: Any) -> float:
    """Return the distance in km between two places (equirectangular, fine at these scales)."""
    lat = math.radians((float(a.lat) + float(b.lat)) / 2)
    return 111.0 * math.hypot(
        float(a.lat) - float(b.lat), (float(a.lon) - float(b.lon)) * math.cos(lat)
    )



def km_to_points(place: Any, points: list[tuple[float, float]]) -> float:
    """Return the km from a place to the nearest of (lon, lat) points, its own point aside."""
    own = (float(place.lon), float(place.lat))
    others = [SimpleNamespace(lon=x, lat=y) for x, y in points if (x, y) != own]
    return min((km_apart(place, o) for o in others), default=0.0)


def beside_reading(place: Any, near: list[tuple[float, float]], beside_km: float) -> Any:
    """Return the looser namesake right beside the report's places, or None.

    "al-Baghaliyah, a suburb on the edge of the city" in a story of Deir ez-Zor: a looser
    spelling beside the report's places beats an exact one far away.
    """
    beside = [a for a in getattr(place, "alternatives", ())
              if a.feature not in ("governorate", "region", "subdistrict")
              and km_to_points(a, near) <= beside_km]
    found = reading_of(beside[0]) if beside else None
    if found is None or km_to_points(found, near) > beside_km:
        return None
    return replace(found, query=place.query, core=place.core)


def one_place_per_part(text: str, found: list[Any]) -> list[Any]:
    """Keep one mention of "the Barzeh district of Damascus".

    The part is kept when the gazetteer puts it inside the whole, else the
    whole (a namesake of the part elsewhere is no help).
    """
    drop: set[int] = set()
    for a, b in zip(found, found[1:], strict=False):
        if a.anaphor or b.anaphor or a.place is None or b.place is None:
            continue
        if a.place.feature in ("governorate", "region"):
            continue
        glue_ok = b.start < a.end or re.fullmatch(
            r"\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?", text[a.end : b.start]
        )
        if not glue_ok or not re.search(
            r"\b(?:district|neighbou?rhood|quarter|suburb)s?$", a.location, re.I
        ):
            continue
        drop.add(id(b) if km_apart(a.place, b.place) <= PART_KM else id(a))
    return [p for p in found if id(p) not in drop]


#: A district's seat town of the same name lies at most this far from its centroid.
SEAT_KM = 120.0


def seat_town(mention: Any, plain: Callable[[str], Any]) -> Any:
    """Return an event's district as the town it is named for, if one lies near.

    "liberated the western district of Rutba": the town, not the centroid of a desert
    district 100 km away (precision 2: the district's seat stands for it). `plain`
    resolves a name alone.
    """
    place = mention.place
    if place is None or place.feature not in ("district", "subdistrict"):
        return mention
    town = plain(place.name)
    if town is None or town.feature != "city" or km_apart(town, place) > SEAT_KM:
        return mention
    return replace(mention, place=town, geo_precision=2)


def looser_namesake(reading: Any, plain: Any, near: list[tuple[float, float]] | None = None
                    ) -> bool:
    """Tell whether a reading in context is a looser namesake of a likely name.

    The report's places choose among a name's namesakes; they do not turn "Baghdad" into
    "Al-Baghdadi" or "Khazir" into "Al Khadhra'a", spelt more loosely but nearer. Nor, for
    a name with namesakes, into another name spelt loosely alike, where the name alone is
    likely: "Sinjar" named in a report on Aleppo is Iraq's Sinjar, not the village of
    Sinnarah there; "al-Sukhnah" beside Palmyra is not Surkan in Nineveh. A name read alone
    far off and obscure ("Tel Goran" as a hamlet 500 km away) still gives way.
    """
    if (reading.name != plain.name or reading.country != plain.country) and (
            geodata.is_major_city(plain) and not geodata.is_major_city(reading)
            and reading.score <= plain.score):
        return True  # "Albu Kamal" told among Iraq's places is still the Syrian town
    if not getattr(plain, "ambiguous", False):
        return reading.score < min(plain.score, 0.9)
    return near is not None and reading.score < LOOSE_SPELLING <= plain.score and (
        geodata.is_major_city(plain) or km_to_points(plain, near) <= LIKELY_KM)


#: A reading scored below this is another name spelt loosely alike, not the name's own.
LOOSE_SPELLING = 0.8
#: A name read alone this near (km) to the report's places is a likely reading of it.
LIKELY_KM = 100.0


def reading_of(alternative: Any) -> Any:
    """Return the full reading of one of a reading's alternatives (by name, in its unit)."""
    return geodata.resolve(alternative.name, country=alternative.country,
                           admin1=alternative.admin1, strict_case=True)


#: How far (km) a place told only as lying some way of another may be from it.
DIRECTION_KM = 60.0
#: How far off the told bearing a place may lie and still lie that way.
BEARING_SLACK = 67.5


def lies_towards(ref: Any, place: Any, bearing: float) -> bool:
    """Tell whether ``place`` lies roughly on ``bearing`` (degrees) from ``ref``."""
    if km_apart(ref, place) < MEASURED_SLACK_KM / 2:
        return True  # beside the reference: no bearing to tell
    dy = float(place.lat) - float(ref.lat)
    dx = (float(place.lon) - float(ref.lon)) * math.cos(math.radians(float(ref.lat)))
    actual = math.degrees(math.atan2(dx, dy)) % 360
    return abs((actual - bearing + 180) % 360 - 180) <= BEARING_SLACK


def told_offset(gap: str) -> tuple[float | None, float] | None:
    """Read how the words between two names place the first from the second.

    Returns (km, bearing): "Iskandariyah, about 50 km south of" gives (50.0, 180);
    "Adra, north-east of" gives (None, 45); any other gap None.
    """
    m = MEASURED_OFFSET.search(gap)
    if m is None:
        d = DIRECTION_OF.fullmatch(gap)
        return (None, bearing_of(d["dir"])) if d is not None else None
    # "Iskandariyah, about 50 km south of", "Kocho, a village some 15 km south of"
    if m.end() != len(gap) or not re.fullmatch(r",\s*(?:\w+\s+){0,3}", gap[: m.start()]):
        return None
    return offset_of(m)


def lies_as_told(place: Any, ref: Any, told: tuple[float | None, float]) -> bool:
    """Tell whether ``place`` lies where ``told`` (see :func:`told_offset`) puts it from ``ref``."""
    km, bearing = told
    if km is None:
        return km_apart(place, ref) <= DIRECTION_KM and lies_towards(ref, place, bearing)
    lat, lon = offset_point(float(ref.lat), float(ref.lon), km, bearing)
    return km_apart(place, SimpleNamespace(lat=lat, lon=lon)) <= max(MEASURED_SLACK_KM, km / 2)


def measured_namesakes(
    text: str,
    found: list[tuple[int, int, str, str | None]],
    plain: Callable[[str], Any],
    near: Callable[[str, str, tuple[float, float]], Any],
) -> dict[str, Any]:
    """Return the readings, by name, of names that their distance from the next one places.

    "Iskandariyah, about 50 km south of Baghdad" is the Iraqi town, not the Syrian
    village of that name; "Sulaiman Bek, 170 km north of Baghdad" is the town read
    alone, not a namesake that the report's other places make likelier; "the industrial
    town of Adra, north-east of Douma" is near Douma, not Daraa, and a namesake near
    Douma that lies another way is not meant. ``found`` holds a sentence's (start, end,
    name, feature); ``plain(name)`` reads a name alone, ``near(name, country, (lon,
    lat))`` near a point. A reading as far off as the first is no help and is not taken.
    """
    out: dict[str, Any] = {}
    for (_, end, name, _), (ref_start, _, ref_name, _) in zip(found, found[1:], strict=False):
        told = told_offset(text[end:ref_start])
        ref = plain(ref_name) if told is not None else None
        if ref is None or ref.country not in ("IQ", "SY"):
            continue
        km, bearing = told
        if km is None:
            point = ref
        else:
            lat, lon = offset_point(float(ref.lat), float(ref.lon), km, bearing)
            point = SimpleNamespace(lat=lat, lon=lon)
        alone = plain(name)
        if km is None and alone is not None and km_apart(alone, ref) <= DIRECTION_KM:
            continue  # near enough, whichever way it lies
        if km is not None and alone is not None and lies_as_told(alone, ref, told):
            out[name] = alone
            continue
        other = near(name, ref.country, (float(point.lon), float(point.lat)))
        close = [a for a in getattr(other, "alternatives", ()) if lies_as_told(a, ref, told)]
        if km is None and other is not None and not lies_as_told(other, ref, told) and close:
            other = reading_of(close[0])
        if other is not None and lies_as_told(other, ref, told):
            out[name] = replace(other, query=name)
    return out


def told_by_direction(text: str, loose: list[tuple], found: list[tuple],
                      plain: Callable[[str, str | None], Any]) -> list[tuple]:
    """Return the loosely spelt names that the place they are told to lie some way of vouches for.

    "positions near Mekeshifa, north of Samarra": the village the gazetteer spells
    Mukayshifah lies 20 km north-west of Samarra, so the looser spelling is the place
    meant. One that lies elsewhere is no such place. ``loose`` and ``found`` hold a
    sentence's (start, end, name, feature), ``plain(name, feature)`` reads a name alone.
    """
    kept = []
    for c in loose:
        ref = next((o for o in found if o[0] >= c[1]), None)
        told = told_offset(text[c[1] : ref[0]]) if ref is not None else None
        place = plain(c[2], c[3]) if told is not None else None
        anchor = plain(ref[2], ref[3]) if place is not None else None
        if anchor is not None and lies_as_told(place, anchor, told):
            kept.append(c)
    return kept


def province_namesakes(text: str, found: list[Any]) -> None:
    """Give a town named before "in <province>" its namesake in that province, if exact.

    "the outskirts of Hit, in western Anbar", in a report that also tells of Syria, is
    Iraq's Hit, not a Syrian village that the report's other places made likelier.
    """
    for a, b in zip(found, found[1:], strict=False):
        if (b.place.feature == "governorate" and a.place.feature == "city"
                and not encloses(b.place, a.place)
                and IN_PROVINCE.fullmatch(text[a.end : b.start])):
            inside = geodata.resolve(text[a.name_start : a.name_end], admin1=b.place.name,
                                     strict_case=True)
            if inside is not None and inside.score >= 0.95 and encloses(b.place, inside):
                a.place = inside


def far_namesakes(text: str, towns: list[Any], far_km: float, close_km: float) -> None:
    """Read a town far (``far_km``) from all the sentence's other towns near them, if close.

    "Attacked Tal Abyad and nearby Suluk": the Syrian Suluk, not the Iraqi Solawk.
    """
    for p in towns:
        others = [o for o in towns if o is not p]
        if not others or min(km_apart(p.place, o.place) for o in others) <= far_km:
            continue
        name = text[p.name_start : p.name_end]
        try:
            other = geodata.resolve(
                name, near=[(float(o.place.lon), float(o.place.lat)) for o in others],
                strict_case=True,
            )
        except ValueError:
            continue
        if (
            other is not None and other.score >= 0.95
            and other.feature not in ("governorate", "region")
            and min(km_apart(other, o.place) for o in others) <= close_km
        ):  # fmt: skip
            p.place = other


#: Towns listed together farther apart than this (km) are not the neighbours a list names.
LIST_KM = 40.0
#: A namesake this close (km) to a town listed with it is the neighbour meant.
NEIGHBOUR_OF_KM = 15.0
_LISTED = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")


def neighbour_namesakes(text: str, towns: list[Any]) -> None:
    """Give a town read far from the towns listed with it its namesake beside one of them.

    "Rebels fired rockets on Fuaa and Kefraya": the Kafraya next to Fuaa, not the
    Kafrayya 45 km away that the name alone reads best as.
    """
    listed: dict[int, list[Any]] = {}
    for a, b in zip(towns, towns[1:], strict=False):
        if a.end <= b.start and _LISTED.fullmatch(text[a.end : b.start]):
            listed.setdefault(id(a), []).append(b.place)
            listed.setdefault(id(b), []).append(a.place)
    for p in towns:
        others = listed.get(id(p))
        if not others or min(km_apart(p.place, o) for o in others) <= LIST_KM:
            continue
        beside = [a for a in getattr(p.place, "alternatives", ())
                  if a.feature not in ("governorate", "region", "subdistrict")
                  and min(km_apart(a, o) for o in others) <= NEIGHBOUR_OF_KM]
        if not beside:
            continue
        found = reading_of(beside[0])
        if found is not None and min(km_apart(found, o) for o in others) <= NEIGHBOUR_OF_KM:
            p.place = replace(found, query=p.place.query, core=p.place.core)
