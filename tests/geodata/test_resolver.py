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


@pytest.mark.parametrize("name", ["Xyzzyplace", "", "   ", "12345", "\x00\x01", "Qwertyuiop",
                                  "Asdfghjkl"])
def test_res002_unknown_is_none(name):
    assert resolve(name) is None
    # a hinted governorate does not make a coincidence of letters a place
    assert resolve(name, admin1="Ninewa") is None


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


@pytest.mark.parametrize(("query", "name"), [("al-Rai", "Al-Rai"), ("Rai", "Al-Rai")])
def test_res006b_a_town_s_own_name_beats_a_neighbour_that_lists_it(query, name):
    # Ra'il, 16 km away, has "al-Rai" among its alternate names and a higher prior
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
    ("name", "site"),
    [("Taqba airbase", "Tabqa air base"), ("Shayrat airbse", "Shayrat air base"),
     ("Thaala airbase", None), ("Thaala military airport", None)],
)
def test_res008b_a_site_s_typo_is_in_its_name_not_in_its_ending(name, site):
    # "Thaala" is not a typo of "Tabqa", however alike "airbase" makes the two names
    place = resolve(name)
    assert (place.name if place is not None and place.feature == "site" else None) == site


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


# Each spelling fold of issue 10 on the shipped gazetteer: spellings of our own
# making, the place meant and its point (Wikipedia/GeoNames, ~1 km).
@pytest.mark.parametrize(
    ("name", "near", "lat", "lon"),
    [
        # sun-letter article glued on
        ("Arrastan", None, 34.926, 36.733), ("Assafira", None, 36.077, 37.372),
        ("Ashshaddadi", None, 36.056, 40.731), ("Deir Ezzor", None, 35.336, 40.141),
        ("Essukhnah", None, 34.885, 38.867), ("Ettall", None, 33.610, 36.311),
        # s/z and ss/z
        ("Asas", None, 36.587, 37.046), ("Sabadani", None, 33.725, 36.101),
        ("Deir es-Sor", None, 35.336, 40.141),
        # kh written as h; gh against kh (with the report's places near Qaraqosh)
        ("Han Shaykhun", None, 35.442, 36.651), ("Hanaqin", None, 34.350, 45.390),
        ("Baghdida", [(43.33, 36.30)], 36.27, 43.38),
        # "-at al-" against "-a al-"
        ("Tayyiba al-Imam", None, 35.266, 36.712), ("Maarra al-Numan", None, 35.648, 36.674),
        ("Madina al-Thawra", None, 35.837, 38.548),
        # "A/B" and "A (B)": two names of one place
        ("Tabqa/Thawra", None, 35.837, 38.548), ("Kobani (Ayn al-Arab)", None, 36.891, 38.354),
        ("Ayn al-Arab/Kobani", None, 36.891, 38.354),
    ],
)
def test_res012_spelling_folds_resolve(name, near, lat, lon):
    place = resolve(name, near=near)
    assert place is not None, name
    assert km(lat, lon, place.lat, place.lon) <= 10.0, (name, place)


# Feature words are stripped and used as feature hints.
@pytest.mark.parametrize(
    ("name", "canonical", "feature", "precision"),
    [
        ("Mayadin town", "Mayadin", "city", 1), ("Jarablus village", "Jarabulus", "city", 1),
        ("Manbij city", "Manbij", "city", 1),
        ("Sinjar town", "Sinjar", "city", 1), ("Sinjar district", "Sinjar", "district", 3),
        # a bare name is the town before the sub-district named for it
        ("Habbaniya", "Al Habbaniyah", "city", 1), ("Altun Kupri", "Altun Kubri", "city", 1),
        ("Qayyarah sub-district", "Al-Qayarra", "subdistrict", 3),
        ("Tabqa dam", "Tabqa Dam", "site", 1), ("Tabqa airport", "Tabqa air base", "site", 1),
        ("Mosul dam", "Mosul Dam", "site", 1), ("Badush prison", "Badush prison", "site", 1),
        ("Kuweires air base", "Kuweires air base", "site", 1),
        # no site of that name: the town, and the site is in or by it
        ("Shaddadi camp", "Shaddadi", "city", 2), ("Qayyarah bridge", "Qayyarah", "city", 2),
        ("Tall Abyad farms", "Tall Abyad", "city", 2),
        ("Hawija roundabout", "Hawija", "city", 2),
        # several site words stacked after the name: all peeled
        ("Manbij Thermal Power Plant", "Manbij", "city", 2),
        ("Mayadin Air Defense Base", "Mayadin", "city", 2),
        ("Hasakah Central Prison", "Hasakah", "city", 2),
        ("Jarablus Water Pumping Station", "Jarabulus", "city", 2),
        # peeled one at a time: the site named before the place it is at
        ("Mosul Dam complex", "Mosul Dam", "site", 1),
        ("Badush prison complex", "Badush prison", "site", 1),
        ("Qamishli International", "Kamishly Airport", "site", 1),
    ],
)
def test_res013_feature_words(name, canonical, feature, precision):
    place = resolve(name)
    assert (place.name, place.feature, place.geo_precision) == (canonical, feature, precision)


@pytest.mark.parametrize(
    ("name", "hints", "admin1", "admin2"),
    [
        # the spellings reports, GeoNames and UCDP give governorates and districts
        ("Khalidiya", {"admin1": "Anbar province"}, "Al-Anbar", None),
        ("Khalidiya", {"admin1": "As Suwayda Governorate"}, "As-Sweida", None),
        ("Khalidiya", {"admin1": "Homs Governorate"}, "Homs", None),
        ("Khalidiya", {"admin2": "Shahba district"}, "As-Sweida", "Shahba"),
        ("Mayadin", {"admin2": "Al Mayadin district"}, "Deir-ez-Zor", "Al Mayadin"),
        ("Hamra", {"admin1": "Ninawa"}, "Ninewa", None),
        ("Hamra", {"admin1": "Deir ez Zor Governorate"}, "Deir-ez-Zor", None),
        # a spelling a town of another province bears as well: the province told decides
        ("Thaala", {"admin1": "Sweida province"}, "As-Sweida", None),
        # a single point, given as (lat, lon)
        ("Khalidiya", {"near": (32.71, 36.57)}, "As-Sweida", None),
        ("Khalidiya", {"near": (33.42, 43.30)}, "Al-Anbar", None),
    ],
)
def test_res014_context_hints(name, hints, admin1, admin2):
    place = resolve(name, **hints)
    assert place.admin1 == admin1
    assert admin2 is None or place.admin2 == admin2


@pytest.mark.parametrize(
    ("hints", "message"),
    [({"admin1": "Atlantis"}, "admin1='Atlantis': no governorate"),
     ({"admin2": "Gotham district"}, "admin2='Gotham district': no district"),
     ({"near": (95.0, 36.0)}, r"near=\(95.0, 36.0\): give one point as \(lat, lon\)")],
)
def test_res015_bad_hints_raise(hints, message):
    with pytest.raises(ValueError, match=message):
        resolve("Hamra", **hints)


# Quarters of conflict cities: their own point when the gazetteer has one, else
# the city (geo_precision 2); without the city named, the report's city (near).
ALEPPO, MANBIJ, MOSUL = [(37.16, 36.20)], [(37.95, 36.53)], [(43.13, 36.34)]


@pytest.mark.parametrize(
    ("name", "near", "canonical", "precision"),
    [
        ("al-Zuhur quarter of Mosul", None, "Mosul", 2),
        ("Mosul's al-Zuhur neighbourhood", None, "Mosul", 2),
        ("the Salaheddine district in Aleppo", None, "Aleppo", 2),
        ("Sheikh Maqsoud district of Aleppo", None, "Sheikh Maqsoud", 1),
        ("the eastern districts of Aleppo", None, "Aleppo", 2),
        ("Salaheddine district", ALEPPO, "Aleppo", 2),
        ("Bustan al-Qasr quarter", ALEPPO, "Aleppo", 2),
        ("Hazawneh neighbourhood", MANBIJ, "Manbij", 2),
        ("the neighbourhood of al-Zuhur", MOSUL, "Mosul", 2),
        ("Sadr City district", ALEPPO, "Sadr City", 1),  # a known quarter keeps its point
        ("Sinjar district", MOSUL, "Sinjar", 3),  # an admin district stays one
        # a little-known quarter of another city (Baghdad's) is not this report's quarter
        ("Yarmouk neighbourhood", MOSUL, "Mosul", 2),
        ("Karama neighbourhood", MOSUL, "Mosul", 2),
        # the report's first place decides, not the best-known city it also names
        ("the neighbourhood of al-Kifah", [(42.45, 36.37), *MOSUL], "Tal Afar", 2),
        # a loose district namesake across the border is no admin district either
        ("Shaab district", [(44.36, 33.31)], "Sha'ab", 1),
    ],
)
def test_res016_quarters_of_cities(name, near, canonical, precision):
    place = resolve(name, near=near)
    assert (place.name, place.geo_precision) == (canonical, precision)


@pytest.mark.parametrize(
    "name", ["Salaheddine district", "Hazawneh neighbourhood", "the neighbourhood of al-Zuhur"])
def test_res017_quarter_without_context_is_no_far_village(name):
    # Without the report's city a quarter name matching only a village loosely
    # (or a governorate) is left unresolved rather than sent hundreds of km away.
    assert resolve(name) is None


def test_res018_ambiguity_is_reported():
    clear = resolve("Mosul")
    assert not clear.ambiguous and clear.margin > 5
    # Two villages of this name in Anbar, 80 km apart: the hint cannot separate them.
    torn = resolve("Khalidiya", admin1="Al-Anbar")
    assert torn.ambiguous and torn.margin < 2
    rivals = [a for a in torn.alternatives if a.km > 25]
    assert rivals and rivals[0].admin1 == "Al-Anbar"
    assert all(a.score <= torn.total for a in torn.alternatives)
    # The rival's district separates them.
    sure = resolve("Khalidiya", admin1="Al-Anbar", admin2=rivals[0].admin2)
    assert (sure.lat, sure.lon) == (rivals[0].lat, rivals[0].lon) and not sure.ambiguous


def test_res019_core_is_the_trimmed_name():
    assert resolve("  Mayadin town ").core == "Mayadin"
    assert resolve("outskirts of Tikrit").core == "Tikrit"


# GeoNames' "ay" for the long vowel that reports write "ee" or "e": invented
# spellings of GeoNames villages, with their governorate.
@pytest.mark.parametrize(
    ("name", "admin1", "listed", "lat", "lon"),
    [
        ("Kureem", "Tartus", "Kuraym", 35.066, 36.044),
        ("Sheeha", "Homs", "Shayha", 34.893, 37.410),
        ("Tureedim", "Aleppo", "Turaydim", 36.142, 37.188),
        ("Duleem", "Aleppo", "Dulaym", 36.678, 37.983),
    ],
)
def test_res020_long_vowel_spellings(name, admin1, listed, lat, lon):
    place = resolve(name, admin1=admin1)
    assert place is not None and km(lat, lon, place.lat, place.lon) <= 10.0, (name, place)
    assert place.name == listed


# A village within 5 km of a governorate border fits a hint naming either side:
# sources draw the borders differently. GeoNames villages, one name each.
@pytest.mark.parametrize(
    ("name", "admin1", "own_admin1"),
    [
        ("Shurlin", "Hamah Governorate", "Idleb"),
        ("Khafsin", "Idlib Governorate", "Hama"),
        ("Khutaybilah", "Al Hasakah Governorate", "Deir-ez-Zor"),
        ("Shurlin", "Idlib Governorate", "Idleb"),  # its own side, as before
    ],
)
def test_res021_border_villages_fit_either_side(name, admin1, own_admin1):
    from geodata.resolver import Resolver

    top = Resolver(geodata.get_gazetteer()).explain(name, admin1=admin1, top=1)[0]
    assert top.admin1 == own_admin1 and top.parts["admin1"] > 0


# Two villages whose names fold to one key but are spelt differently: the one
# spelt as written is meant. GeoNames names, each with its own point.
@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Sharikh", 36.695, 38.773),
        ("Umm al Kharaz", 33.010, 36.369),
        ("Tall az Zabib", 35.115, 37.636),
        ("Mahsanah", 36.325, 37.937),
    ],
)
def test_res022_the_namesake_spelt_as_written(name, lat, lon):
    place = resolve(name, country="SY")
    assert km(lat, lon, place.lat, place.lon) <= 1.0, (name, place)
    assert place.core == name


# A governorate hint names its country too: a namesake elsewhere in that country
# beats one abroad. GeoNames villages of Iraq and Syria; the hint names a third
# governorate that has neither.
@pytest.mark.parametrize(
    ("name", "admin1", "country", "own_admin1"),
    [
        ("Umm Ghurbah", "Hamah Governorate", "SY", "Al-Hasakeh"),
        ("Al Fursan", "Hamah Governorate", "SY", "Aleppo"),
        ("Faysaliyah", "Hamah Governorate", "SY", "Aleppo"),
        ("Qizil Kand", "Hamah Governorate", "SY", "Al-Hasakeh"),
    ],
)
def test_res023_a_governorate_hint_names_its_country(name, admin1, country, own_admin1):
    place = resolve(name, admin1=admin1)
    assert (place.country, place.admin1) == (country, own_admin1)


@pytest.mark.parametrize(("name", "major"), [("Tikrit", True), ("Kobani", True),
                                             ("Kuju", False), ("Jafrah", False)])
def test_a_major_city_is_told_from_a_village(name: str, major: bool) -> None:
    """Prominent cities are meant by their names anywhere; villages may be namesakes."""
    assert geodata.is_major_city(geodata.resolve(name)) is major


def test_a_name_after_an_ayn_mark_counts_as_capitalised():
    # "'Adra" (an alternative's name as the gazetteer writes it) is a name in strict mode
    place = resolve("'Adra", country="SY", admin1="Rural Damascus", strict_case=True)
    assert place is not None and place.admin1 == "Rural Damascus"
