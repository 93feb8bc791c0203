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
    "admin_units",
    "find_place_spans",
    "admin_for_point",
    "admin_for_points",
    "base_layers",
    "study_area",
    "governorates",
    "get_gazetteer",
    "is_major_city",
]


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """Return the shared `Gazetteer` of the shipped data (loaded once)."""
    from geodata.gazetteer import Gazetteer

    return Gazetteer()


@lru_cache(maxsize=1)
def _prominence_by_geonameid() -> dict[int, float]:
    ix = get_gazetteer().index
    return {g: p for g, p in zip(ix.geonameid, ix.prominence, strict=True) if g is not None}


def is_major_city(place: Place) -> bool:
    """Tell whether a resolved place is a city prominent enough to be meant by its name anywhere.

    "Tikrit" named in a report about Syria is Tikrit, not a village that happens to share
    its name: the city's prominence (population, alternate names, being a seat) says so.

    Examples
    --------
    >>> is_major_city(resolve("Tikrit"))  # doctest: +SKIP
    True
    """
    from geodata.resolver import MAJOR_PROMINENCE

    return place.feature == "city" and _prominence_by_geonameid().get(
        place.geonameid, 0.0) >= MAJOR_PROMINENCE


@lru_cache(maxsize=1)
def _resolver() -> Resolver:
    from geodata.resolver import Resolver

    return Resolver(get_gazetteer())


@lru_cache(maxsize=65_536)
def _resolve_cached(name, country, admin1, admin2, near, feature, strict_case, country_only):
    return _resolver().resolve(name, country=country, admin1=admin1, admin2=admin2, near=near,
                               feature=feature, strict_case=strict_case,
                               country_only=country_only)


def resolve(
    name: str,
    *,
    country: str | None = None,
    admin1: str | Sequence[str] | None = None,
    admin2: str | Sequence[str] | None = None,
    near: tuple[float, float] | Sequence[tuple[float, float]] | None = None,
    feature: str | None = None,
    strict_case: bool = False,
    country_only: bool = False,
) -> Place | None:
    """Resolve a place name as a report writes it to one gazetteer entry.

    Every candidate entry is scored jointly -- string similarity graded by the
    kind of variation, prominence, and fit to the hints -- and the best wins;
    the result also lists the runners-up and says whether far-apart namesakes
    are too close to call (`Place.ambiguous`).

    Parameters
    ----------
    name : str
        The place as written: "Bayji", "outskirts of Tikrit", "الموصل",
        "Nineveh province", "Shamarikh village", "Tabqa/Thawra",
        "al-Zuhur district of Mosul". Longer than 200 characters is truncated.
    country : {"IQ", "SY"}, optional
        Prefer entries of this country (the report's); a far better-known place
        of the other country still wins ("Raqqa" in a report about Iraq).
    admin1 : str or list of str, optional
        Prefer entries in this governorate, as reports, OCHA, GeoNames or UCDP
        spell it ("Ninewa", "Nineveh province", "Deir ez Zor Governorate"); a
        list (a report's governorates) prefers entries in any of them.
    admin2 : str or list of str, optional
        Prefer entries in this district ("Al Mayadin district", "Telafar").
    near : (lat, lon) or list of (lon, lat), optional
        One point the place should be near, given as ``(lat, lon)``; or the
        points of the report's other places as ``(lon, lat)`` pairs. Nearer
        candidates score higher; a quarter with no point of its own resolves to
        the city at these points.
    feature : {"city", "governorate", "district", "site"}, optional
        Preferred entry type.
    strict_case : bool
        Text-span mode: the name must be capitalised (or Arabic script), and
        names that are also common words must be.
    country_only : bool
        Make `country` a filter: entries of the other country are never returned.

    Returns
    -------
    Place or None
        None when nothing fits well enough (never a random nearby match).

    Raises
    ------
    ValueError
        For a `country` or `feature` outside the allowed values, an `admin1` or
        `admin2` that names no unit of Iraq or Syria, or a `near` pair whose
        latitude is beyond +-90.

    Examples
    --------
    >>> p = resolve("southwest Kirkuk")  # doctest: +SKIP
    >>> (p.name, p.geo_precision)  # doctest: +SKIP
    ('Kirkuk', 2)
    >>> resolve("Khalidiya", admin1="Anbar province").admin1  # doctest: +SKIP
    'Al-Anbar'
    """
    from geodata.hints import near_points
    from geodata.resolver import ALLOWED_COUNTRIES, ALLOWED_FEATURES

    if country is not None and country not in ALLOWED_COUNTRIES:
        raise ValueError(f"country={country!r}: use one of {ALLOWED_COUNTRIES} or None")
    if feature is not None and feature not in ALLOWED_FEATURES:
        raise ValueError(f"feature={feature!r}: use one of {ALLOWED_FEATURES} or None")
    admin1, admin2 = _unit_hint("admin1", admin1), _unit_hint("admin2", admin2)
    if not isinstance(name, str):
        return None
    return _resolve_cached(name, country, admin1, admin2, near_points(near), feature,
                           bool(strict_case), bool(country_only))


def _unit_hint(label: str, value) -> str | tuple[str, ...] | None:
    # A name, or several (hashable for the cache); empty means no hint.
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, (list, tuple, set, frozenset)) and all(
            isinstance(v, str) for v in value):
        return tuple(sorted(v for v in value if v)) or None
    raise ValueError(f"{label}={value!r}: give the unit's name, or a list of names, as text")


def admin_units(text: str | Sequence[str], *, level: int = 1,
                country: str | None = None) -> list[tuple[str, str, str | None]]:
    """Return the OCHA units (country, admin1, admin2) an admin1/admin2 hint names.

    Use it to check a report's governorates once before passing them to
    `resolve` as hints.

    Parameters
    ----------
    text : str or list of str
        "Nineveh province", "Deir ez Zor Governorate", "Al Mayadin district"...
    level : {1, 2}
        1 governorate, 2 district.
    country : {"IQ", "SY"}, optional
        Keep only units of this country.

    Returns
    -------
    list of (str, str, str or None)
        Sorted; admin2 is None for governorates.

    Raises
    ------
    ValueError
        When a name is no governorate (district) of Iraq or Syria.

    Examples
    --------
    >>> admin_units("Deir ez Zor Governorate")  # doctest: +SKIP
    [('SY', 'Deir-ez-Zor', None)]
    """
    units = _resolver().units(_unit_hint("text", text), level, country)
    return sorted(units, key=lambda u: (u[0], u[1], u[2] or ""))


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

    resolver = _resolver()
    return _find(text, get_gazetteer(), fuzzy=resolver.fuzzy_known, spelled=resolver.spelled)


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
