"""Context hints: admin unit names as reports and data sets write them; near points."""

from __future__ import annotations

import math

import pytest

import geodata
from geodata.hints import admin_units, near_points


@pytest.fixture(scope="module")
def index():
    return geodata.get_gazetteer().index


@pytest.mark.parametrize(
    ("text", "level", "unit"),
    [
        ("Ninewa", 1, ("IQ", "Ninewa", None)),
        ("Nineveh province", 1, ("IQ", "Ninewa", None)),
        ("Ninawa", 1, ("IQ", "Ninewa", None)),  # near miss: fuzzy
        ("Deir ez Zor Governorate", 1, ("SY", "Deir-ez-Zor", None)),
        ("Ar Raqqah Governorate", 1, ("SY", "Ar-Raqqa", None)),
        ("Rif Dimashq Governorate", 1, ("SY", "Rural Damascus", None)),
        ("Salahuddin", 1, ("IQ", "Salah Al-Din", None)),
        ("محافظة حلب", 1, ("SY", "Aleppo", None)),
        ("Al Mayadin district", 2, ("SY", "Deir-ez-Zor", "Al Mayadin")),
        ("Mintaqat Markaz Hamah district", 2, ("SY", "Hama", "Hama")),
        ("Markaz Idlib district", 2, ("SY", "Idleb", "Idleb")),
        ("Jabal Saman district", 2, ("SY", "Aleppo", "Jebel Saman")),
        ("Albu Kamal district", 2, ("SY", "Deir-ez-Zor", "Abu Kamal")),
        ("Telafar", 2, ("IQ", "Ninewa", "Telafar")),
        ("Tel Afar District", 2, ("IQ", "Ninewa", "Telafar")),
        ("Atarib district", 2, ("SY", "Aleppo", "Jebel Saman")),  # a sub-district, older lists
    ],
)
def test_hin001_admin_units(index, text, level, unit):
    assert unit in admin_units(index, text, level)


def test_hin002_country_narrows_shared_names(index):
    both = admin_units(index, "Ath Thawrah district", 2)
    assert {u[0] for u in both} == {"IQ", "SY"}
    assert {u[0] for u in admin_units(index, "Ath Thawrah district", 2, country="SY")} == {"SY"}


@pytest.mark.parametrize(
    ("text", "level"), [("Atlantis", 1), ("", 1), ("Gotham district", 2), ("Ninewa", 2)])
def test_hin003_unknown_units_raise(index, text, level):
    with pytest.raises(ValueError, match=f"admin{level}="):
        admin_units(index, text, level)


@pytest.mark.parametrize(
    ("near", "points"),
    [
        (None, None), ([], None), ("36,43", None),
        ((36.34, 43.13), ((43.13, 36.34),)),  # one point, (lat, lon)
        ([(43.13, 36.34)], ((43.13, 36.34),)),  # the report's places, (lon, lat)
        ([(43.13, 36.34), (42.0, 35.0)], ((43.13, 36.34), (42.0, 35.0))),
        ([("x", 1), (None, 2), (1, 2, 3), (43.13, 36.34)], ((43.13, 36.34),)),
        ((math.nan, 43.0), None),
    ],
)
def test_hin004_near_points(near, points):
    assert near_points(near) == points


def test_hin005_swapped_pair_raises():
    with pytest.raises(ValueError, match=r"\(lat, lon\)"):
        near_points((120.0, 36.0))


def test_hin006_public_admin_units_and_lists():
    assert geodata.admin_units("Deir ez Zor Governorate") == [("SY", "Deir-ez-Zor", None)]
    assert geodata.admin_units(["Ninewa", "Aleppo province"]) == [
        ("IQ", "Ninewa", None), ("SY", "Aleppo", None)]
    assert geodata.admin_units("Al Mayadin district", level=2) == [
        ("SY", "Deir-ez-Zor", "Al Mayadin")]
    # a report's governorates as one hint: the place in any of them
    assert geodata.resolve("Hamra", admin1=["Ninewa", "Al-Anbar"]).admin1 in (
        "Ninewa", "Al-Anbar")
    assert geodata.resolve("Khalidiya", admin1=("Homs",)).admin1 == "Homs"
    with pytest.raises(ValueError, match="admin1=5"):
        geodata.resolve("Hamra", admin1=5)
    with pytest.raises(ValueError, match="admin1='Atlantis'"):
        geodata.resolve("Hamra", admin1=["Ninewa", "Atlantis"])


def test_hin007_unknown_unit_raises_every_time():
    # the failure is remembered (finding it scans the gazetteer) and raised again
    for _ in range(2):
        with pytest.raises(ValueError, match="admin1='Anbar'"):
            geodata.resolve("Hamra", country="SY", admin1=["Aleppo", "Anbar"])
