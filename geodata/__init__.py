"""Geodata: the gazetteer of Iraq and Syria, place resolution, boundaries and map layers.

Importing this package is cheap: the gazetteer loads on the first call to
`resolve` or `find_place_spans`, the polygons on the first `admin_for_point`,
and geopandas is imported only by the functions that need it.

Examples
--------
>>> import geodata
>>> geodata.resolve("Bayji").name  # doctest: +SKIP
'Baiji'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from geodata.place import Place

if TYPE_CHECKING:
    from geodata.gazetteer import Gazetteer
    from geodata.resolver import Resolver

__all__ = [
    "Place",
    "resolve",
    "find_place_spans",
    "admin_for_point",
    "admin_for_points",
    "base_layers",
    "study_area",
    "governorates",
    "get_gazetteer",
]


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """Return the shared `Gazetteer` of the shipped data (loaded once)."""
    from geodata.gazetteer import Gazetteer

    return Gazetteer()


@lru_cache(maxsize=1)
def _resolver() -> Resolver:
    from geodata.resolver import Resolver

    return Resolver(get_gazetteer())


@lru_cache(maxsize=65_536)
def _resolve_cached(name, country, admin1, near, feature, strict_case):
    return _resolver().resolve(name, country=country, admin1=admin1, near=near,
                               feature=feature, strict_case=strict_case)


def resolve(
    name: str,
    *,
    country: str | None = None,
    admin1: str | None = None,
    near: Sequence[tuple[float, float]] | None = None,
    feature: str | None = None,
    strict_case: bool = False,
) -> Place | None:
    """Resolve a place name as a report writes it to one gazetteer entry.

    Parameters
    ----------
    name : str
        The place as written: "Bayji", "outskirts of Tikrit", "الموصل",
        "Nineveh province". Longer than 200 characters is truncated.
    country : {"IQ", "SY"}, optional
        Prefer entries of this country (the report's); a far better-known place
        of the other country still wins ("Raqqa" in a report about Iraq).
    admin1 : str, optional
        Prefer entries in this governorate (OCHA name, see `governorates`;
        others raise ValueError).
    near : list of (lon, lat), optional
        Points of the report's other places; nearer candidates win ties.
    feature : {"city", "governorate", "district", "site"}, optional
        Preferred entry type.
    strict_case : bool
        Text-span mode: the name must be capitalised (or Arabic script), and
        names that are also common words must be.

    Returns
    -------
    Place or None
        None when nothing fits well enough (never a random nearby match).

    Raises
    ------
    ValueError
        For a `country`, `feature` or `admin1` outside the allowed values.

    Examples
    --------
    >>> p = resolve("southwest Kirkuk")  # doctest: +SKIP
    >>> (p.name, p.geo_precision)  # doctest: +SKIP
    ('Kirkuk', 2)
    """
    from geodata.resolver import ALLOWED_COUNTRIES, ALLOWED_FEATURES

    if country is not None and country not in ALLOWED_COUNTRIES:
        raise ValueError(f"country={country!r}: use one of {ALLOWED_COUNTRIES} or None")
    if feature is not None and feature not in ALLOWED_FEATURES:
        raise ValueError(f"feature={feature!r}: use one of {ALLOWED_FEATURES} or None")
    if admin1 is not None and admin1 not in _admin1_names():
        raise ValueError(f"admin1={admin1!r} is not an OCHA governorate name; use one of "
                         f"{sorted(_admin1_names())}")
    if not isinstance(name, str):
        return None
    return _resolve_cached(name, country, admin1, _near_key(near), feature, bool(strict_case))


@lru_cache(maxsize=1)
def _admin1_names() -> frozenset[str]:
    return frozenset(a for a in get_gazetteer().index.admin1 if a)


def _near_key(near) -> tuple[tuple[float, float], ...] | None:
    # Hashable for the cache; points that are not two finite numbers are dropped.
    if not near:
        return None
    out = []
    for point in near:
        try:
            lon, lat = (float(v) for v in point)
        except (TypeError, ValueError):
            continue
        if math.isfinite(lon) and math.isfinite(lat):
            out.append((lon, lat))
    return tuple(out) or None


def find_place_spans(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, surface) spans of known place names in `text`.

    Longest match wins; a span must be capitalised unless it is Arabic script,
    and common-word names ("Hit") or obscure villages need a cue before them
    ("in", "near", "town of"). Feed each surface string to `resolve`.

    Parameters
    ----------
    text : str
        Running text.

    Returns
    -------
    list of (int, int, str)
        Character offsets into `text` and the text between them.

    Examples
    --------
    >>> find_place_spans("Fighters entered Bayji on Friday.")  # doctest: +SKIP
    [(17, 22, 'Bayji')]
    """
    from geodata.spans import find_place_spans as _find

    return _find(text, get_gazetteer(), fuzzy=_resolver().fuzzy_known)


def admin_for_point(lon: float, lat: float) -> tuple[str | None, str | None, str | None]:
    """Return (country, admin1, admin2) for a point; see `geodata.boundaries`."""
    from geodata.boundaries import admin_for_point as _afp

    return _afp(lon, lat)


def admin_for_points(lons: Sequence[float], lats: Sequence[float]):
    """Return a (country, admin1, admin2) tuple per point; vectorised spatial join."""
    from geodata.boundaries import admin_for_points as _afps

    return _afps(lons, lats)


def governorates() -> list[tuple[str, str]]:
    """Return every (country, admin1) pair used in `admin1` fields."""
    from geodata.boundaries import governorates as _gov

    return _gov()


def base_layers() -> dict[str, dict]:
    """Return GeoJSON FeatureCollections "countries", "governorates", "rivers", "lakes"."""
    from geodata.layers import base_layers as _bl

    return _bl()


def study_area():
    """Return the union of the Iraq and Syria outlines (a shapely geometry)."""
    from geodata.layers import study_area as _sa

    return _sa()
