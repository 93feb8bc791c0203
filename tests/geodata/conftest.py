"""Fixtures for the geodata tests."""

from __future__ import annotations

import pytest

from geodata.gazetteer import ALTERNATE, PRIMARY, Gazetteer, _Builder

# name, country, admin1, lat, lon, feature, prominence, alternate names
TOY_PLACES = [
    ("Mosul", "IQ", "Ninewa", 36.34, 43.13, "city", 12.0, ["Al-Mawsil"]),
    ("Mosul", "IQ", "Ninewa", 36.14, 42.96, "district", 3.0, []),
    ("Mosul", "SY", "Aleppo", 36.10, 37.10, "city", 2.5, []),  # a same-named village
    ("Hamra", "IQ", "Ninewa", 36.40, 43.00, "city", 2.8, []),
    ("Hamra", "IQ", "Al-Anbar", 33.40, 43.30, "city", 3.0, []),
    ("Hamra", "SY", "Homs", 34.70, 36.70, "city", 3.1, []),
    ("Ninewa", "IQ", "Ninewa", 36.02, 42.50, "governorate", 8.0, ["Nineveh"]),
    ("Hit", "IQ", "Al-Anbar", 33.63, 42.82, "city", 9.0, ["Heet"]),
    ("Kirkuk", "IQ", "Kirkuk", 35.47, 44.39, "city", 13.0, []),
    ("Kirkut", "SY", "Hama", 35.10, 36.90, "city", 2.5, []),  # one letter from Kirkuk
    # a name that two villages bear: a name of its own, not a slip for Kirkuk
    ("Kirkun", "SY", "Homs", 34.60, 36.80, "city", 2.5, []),
    ("Kirkun", "IQ", "Diyala", 34.10, 45.00, "city", 2.4, []),
]


def toy_gazetteer() -> Gazetteer:
    """A hand-made twelve-entry gazetteer: no files, no IO."""
    b = _Builder()
    for name, cc, adm1, lat, lon, feature, prom, alts in TOY_PLACES:
        e = b.add(name=name, geonameid=None, country=cc, admin1=adm1, admin2=None, lat=lat,
                  lon=lon, feature=feature, prominence=prom)
        b.add_name(e, name, PRIMARY)
        for alt in alts:
            b.add_name(e, alt, ALTERNATE)
    return Gazetteer(index=b.freeze(frozenset({"hit"})))


@pytest.fixture(scope="session")
def toy():
    """A `Resolver` over `toy_gazetteer()` (pure matching, no data files)."""
    from geodata.resolver import Resolver

    return Resolver(toy_gazetteer())
