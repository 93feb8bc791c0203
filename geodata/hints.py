"""Context hints for resolution: the governorate or district a report names, nearby points.

Reports and data sets spell admin units their own way: "Deir ez Zor
governorate", "Al Mayadin district", "Mintaqat Markaz Hamah district" (UCDP,
from GeoNames), "Nineveh province". `admin_units` maps such text to OCHA units
-- (country, admin1, admin2) triples, the names `Place.admin1`/`admin2` use --
through the gazetteer's table of governorate and district names.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from geodata.gazetteer import GazetteerIndex, unit_bare_name
from geodata.normalize import clean_query, name_key

Unit = tuple[str, str, "str | None"]
#: Unit words around a governorate or district name, dropped before lookup.
_UNIT_WORDS = re.compile(
    r"(?i)\b(?:governorate|province|muhafazat|muhafazah|wilayat?|district|sub-?district|"
    r"qadh?a|qadaa|nahiyah?|county)\b")
_CENTRE_WORDS = re.compile(r"(?i)^(?:(?:mintaqat|mantiqat|markaz|center|centre|central)\s+)+")
#: Unit names this similar (rapidfuzz ratio of keys) count when no key matches.
FUZZY_UNIT_MIN = 85.0


def _readings(text: str) -> list[str]:
    """Return the hint without unit words, then also without "Mintaqat"/"Markaz"."""
    base = " ".join(_UNIT_WORDS.sub(" ", text).split()).strip(" -,")
    out = [base, unit_bare_name(base), _CENTRE_WORDS.sub("", base)]
    return [t for t in dict.fromkeys(out) if t]


def admin_units(index: GazetteerIndex, text: str, level: int, *,
                country: str | None = None) -> frozenset[Unit]:
    """Return the OCHA units a governorate (`level` 1) or district (2) hint names.

    Parameters
    ----------
    index : GazetteerIndex
        The gazetteer index (its ``units`` table).
    text : str
        The hint as written: "Aleppo Governorate", "Al Mayadin district", "Ninewa".
    level : {1, 2}
        1 governorate, 2 district.
    country : {"IQ", "SY"}, optional
        Keep only units of this country when the name exists in both.

    Returns
    -------
    frozenset of (country, admin1, admin2)
        admin2 is None for governorates. Several units when the name is shared
        ("Ath Thawrah": a district of Baghdad and of Ar-Raqqa).

    Raises
    ------
    ValueError
        When no governorate (district) of Iraq or Syria has that name.
    """
    if level not in (1, 2):
        raise ValueError(f"level must be 1 or 2, got {level!r}")
    what = "governorate" if level == 1 else "district"
    cleaned = clean_query(text) if isinstance(text, str) else ""
    for reading in _readings(cleaned):
        found = _lookup(index, name_key(reading), level, country)
        if found:
            return found
    for reading in _readings(cleaned):
        found = (_fuzzy_lookup(index, name_key(reading), level, country)
                 or _entry_units(index, name_key(reading), level, country))
        if found:
            return found
    example = "Ninewa, Deir ez Zor Governorate" if level == 1 else "Al Mayadin district"
    raise ValueError(f"admin{level}={text!r}: no {what} of Iraq or Syria is called that "
                     f"(give its name as OCHA, GeoNames or UCDP spell it, e.g. {example})")


def _keep(units, level: int, country: str | None) -> frozenset[Unit]:
    return frozenset(u for u in units if (u[2] is None) == (level == 1)
                     and (country is None or u[0] == country))


def _lookup(index: GazetteerIndex, key: str, level: int, country: str | None):
    return _keep(index.units.get(key, ()), level, country) if key else frozenset()


def _fuzzy_lookup(index: GazetteerIndex, key: str, level: int, country: str | None):
    from rapidfuzz import fuzz, process

    if len(key) < 4:
        return frozenset()
    pool = [k for k, units in index.units.items() if _keep(units, level, country)]
    hit = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_UNIT_MIN)
    return _keep(index.units[hit[0]], level, country) if hit else frozenset()


def _entry_units(index: GazetteerIndex, key: str, level: int, country: str | None):
    """Units named as in the entries' own admin1/admin2 fields (indexes without a unit table)."""
    names = index.admin1 if level == 1 else index.admin2
    return frozenset(
        (cc, a1, a2 if level == 2 else None)
        for cc, a1, a2, nm in zip(index.country, index.admin1, index.admin2, names, strict=True)
        if nm and name_key(nm) == key and (country is None or cc == country))


def near_points(near) -> tuple[tuple[float, float], ...] | None:
    """Normalise the `near` hint to a tuple of (lon, lat) points, or None.

    Two forms are accepted: one point as a pair of numbers ``(lat, lon)`` (how
    a user types a position), or a sequence of ``(lon, lat)`` points (the
    report's other places, as the extractor passes them). Points that are not
    two finite numbers are dropped; a latitude beyond +-90 in the pair form
    raises, as it means the order was swapped.

    Examples
    --------
    >>> near_points((36.34, 43.13))
    ((43.13, 36.34),)
    >>> near_points([(43.13, 36.34), ("x", 1)])
    ((43.13, 36.34),)
    """
    if near is None or isinstance(near, (str, bytes)):
        return None
    if isinstance(near, Sequence) and len(near) == 2 and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in near):
        lat, lon = float(near[0]), float(near[1])
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return None
        if abs(lat) > 90 or abs(lon) > 180:
            raise ValueError(f"near={tuple(near)!r}: give one point as (lat, lon) in degrees")
        return ((lon, lat),)
    out = []
    try:
        points = list(near)
    except TypeError:
        return None
    for point in points:
        try:
            lon, lat = (float(v) for v in point)
        except (TypeError, ValueError):
            continue
        if math.isfinite(lon) and math.isfinite(lat):
            out.append((lon, lat))
    return tuple(out) or None
