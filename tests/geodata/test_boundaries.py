"""Spatial join: point -> (country, admin1, admin2), snapping, vectorised form."""

from __future__ import annotations

import math

import pytest

import geodata
from geodata.boundaries import SNAP_METRES, admin_for_point, admin_for_points, governorates
from tests.geodata.spellings import SPELLINGS


@pytest.mark.parametrize(
    ("lon", "lat", "expected"),
    [
        (43.13, 36.34, ("IQ", "Ninewa", "Al-Mosul")),
        (43.49, 34.93, ("IQ", "Salah Al-Din", "Beygee")),
        (40.14, 35.33, ("SY", "Deir-ez-Zor", "Deir-ez-Zor")),
        (39.01, 35.95, ("SY", "Ar-Raqqa", "Ar-Raqqa")),
        (44.37, 33.31, ("IQ", "Baghdad", None)),  # admin2 varies by side of the Tigris
        (35.93, 31.95, (None, None, None)),  # Amman
        (0.0, 0.0, (None, None, None)),
        (math.nan, 33.0, (None, None, None)),
    ],
)
def test_adm001_known_points(lon, lat, expected):
    got = admin_for_point(lon, lat)
    if expected[2] is None and expected[0] is not None:
        assert got[:2] == expected[:2] and got[2]
    else:
        assert got == expected


def test_adm002_snaps_within_2km_only():
    # The westernmost point of Syria's outline is on the coast: step out to sea.
    area = geodata.study_area()
    west = min(area.exterior.coords if area.geom_type == "Polygon"
               else (c for g in area.geoms for c in g.exterior.coords))
    lon, lat = west
    deg_per_km = 1 / (111.32 * math.cos(math.radians(lat)))
    near = admin_for_point(lon - 0.8 * SNAP_METRES / 1000 * deg_per_km, lat)
    far = admin_for_point(lon - 5 * deg_per_km, lat)
    assert near[0] == "SY" and near[1] is not None
    assert far == (None, None, None)


def test_adm003_vectorised_matches_single():
    lons = [lon for _, _, lon in SPELLINGS[:60]] + [10.0]
    lats = [lat for _, lat, _ in SPELLINGS[:60]] + [10.0]
    many = admin_for_points(lons, lats)
    assert many == [admin_for_point(lo, la) for lo, la in zip(lons, lats, strict=True)]
    assert many[-1] == (None, None, None)


def test_adm004_length_mismatch_raises():
    with pytest.raises(ValueError, match="differ in length"):
        admin_for_points([1.0, 2.0], [1.0])


@pytest.mark.parametrize(("name", "_lat", "_lon"), SPELLINGS[::4])
def test_adm005_resolve_and_join_agree(name, _lat, _lon):
    place = geodata.resolve(name)
    assert (place.country, place.admin1) == admin_for_point(place.lon, place.lat)[:2]


def test_adm006_governorate_names():
    govs = governorates()
    assert len(govs) == 32
    for pair in [("IQ", "Ninewa"), ("IQ", "Salah Al-Din"), ("IQ", "Al-Anbar"),
                 ("SY", "Ar-Raqqa"), ("SY", "Deir-ez-Zor")]:
        assert pair in govs
    assert {geodata.resolve(n).admin1 for n in ["Anbar", "Nineveh", "Salahuddin"]} == {
        "Al-Anbar", "Ninewa", "Salah Al-Din"}


#: (lon, lat, governorates within 5 km), one call for all: the join is vectorised.
NEAR_BORDERS = [
    (43.13, 36.34, (("IQ", "Ninewa"),)),  # Mosul: far from any other governorate
    (36.3447, 34.8902, (("SY", "Hama"), ("SY", "Homs"), ("SY", "Tartous"))),  # Barshin
    (36.4042, 35.5686, (("SY", "Hama"), ("SY", "Idleb"))),  # Shurlin
    (float("nan"), 35.0, ()),
]


def test_adm007_governorates_near_points():
    from geodata.boundaries import governorates_near_points

    lons, lats, expected = zip(*NEAR_BORDERS, strict=True)
    assert governorates_near_points(lons, lats, metres=5000.0) == list(expected)
    with pytest.raises(ValueError, match="metres must be > 0"):
        governorates_near_points([43.13], [36.34], metres=0)
