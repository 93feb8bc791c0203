"""Resolution of real-world spellings (our own tables) and the resolver's rules."""

from __future__ import annotations

import math

import pytest

import geodata
from geodata import resolve
from tests.geodata.spellings import RELATIVE, SPELLINGS


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


@pytest.mark.parametrize(("name", "lat", "lon"), SPELLINGS)
def test_res001_spellings_within_10km(name, lat, lon):
    place = resolve(name)
    assert place is not None, name
    assert km(lat, lon, place.lat, place.lon) <= 10.0, (name, place)


@pytest.mark.parametrize(("name", "lat", "lon", "precision"), RELATIVE)
def test_res005_relative_and_regional(name, lat, lon, precision):
    place = resolve(name)
    assert place is not None, name
    assert km(lat, lon, place.lat, place.lon) <= 10.0, (name, place)
    assert place.geo_precision == precision, place


@pytest.mark.parametrize("name", ["Xyzzyplace", "", "   ", "12345", "\x00\x01"])
def test_res002_unknown_is_none(name):
    assert resolve(name) is None


def test_res003_bad_country_raises():
    with pytest.raises(ValueError, match="country='FR'"):
        resolve("Mosul", country="FR")


def test_res004_find_place_spans_offsets():
    text = "Fighters entered Bayji and later reached the outskirts of Tikrit."
    spans = geodata.find_place_spans(text)
    assert [s[2] for s in spans] == ["Bayji", "Tikrit"]
    assert all(text[a:b] == s for a, b, s in spans)


@pytest.mark.parametrize(
    ("query", "name"),
    [("Bayji", "Baiji"), ("Ar Ramadi", "Ramadi"), ("Ayn al-Arab", "Kobani"),
     ("Madinat ath Thawrah", "Tabqa"), ("Albukamal", "Abu Kamal"), ("Tikrīt", "Tikrit"),
     ("Deir el-Zour", "Deir ez-Zor"), ("الرقة", "Raqqa")],
)
def test_res006_canonical_names(query, name):
    assert resolve(query).name == name


@pytest.mark.parametrize(
    "name",
    ["London", "Moscow", "Amman", "Cairo", "Ankara", "Kuwait", "Saudi Arabia", "Coalition",
     "Kurds", "Pentagon", "Springfield", "Atlantis", "the army", "a village", "Syria"],
)
def test_res007_not_places_here(name):
    assert resolve(name) is None


@pytest.mark.parametrize(
    ("typo", "name"),
    [("Ibril", "Erbil"), ("Irbill", "Erbil"), ("Tikreet", "Tikrit"), ("Kirkouk", "Kirkuk"),
     ("Fallujaa", "Fallujah"), ("Ramadee", "Ramadi"), ("Mosel", "Mosul")],
)
def test_res008_typos_of_known_places(typo, name):
    assert resolve(typo).name == name


@pytest.mark.parametrize(
    "near", [None, [], [(43.1, 36.3)], [[43.1, 36.3]], [(None, 1)], [("x", "y"), (43.1, 36.3)],
             [(float("nan"), 1.0)], [(1, 2, 3)]],
)
def test_res009_near_is_forgiving(near):
    assert resolve("Mosul", near=near).name == "Mosul"


@pytest.mark.parametrize(
    ("name", "near", "admin1"),
    [("Khalidiya", [(43.30, 33.42)], "Al-Anbar"),  # near Ramadi
     ("Khalidiya", [(36.57, 32.71)], "As-Sweida"),  # near Sweida
     ("Mosul الموصل", None, "Ninewa"),  # mixed scripts
     ("الرقة Raqqa", None, "Ar-Raqqa")],
)
def test_res010_context_and_mixed_scripts(name, near, admin1):
    assert resolve(name, near=near).admin1 == admin1


def test_res011_admin1_checked():
    assert resolve("Khalidiya", admin1="Al-Anbar").admin1 == "Al-Anbar"
    assert resolve("Khalidiya", admin1="As-Sweida").admin1 == "As-Sweida"
    with pytest.raises(ValueError, match="admin1='Atlantis': no governorate"):
        resolve("Mosul", admin1="Atlantis")
    with pytest.raises(ValueError, match="feature='town'"):
        resolve("Mosul", feature="town")
