"""The town a sentence's quarters belong to (events/extract/quarter_towns.py)."""

from types import SimpleNamespace

import geodata
from events.extract.place_links import km_apart
from events.extract.places import PlaceReader
from events.extract.quarter_towns import QuarterTowns

CITIES = {"Aleppo", "Palmyra", "Baqubah", "Khalis"}
UNITS = {"Khanaqin"}


def plain(name, feature=None):
    """A stand-in resolver: the cities above, and Khanaqin as a district with its word."""
    if feature and name in UNITS:
        return SimpleNamespace(feature="district", country="IQ")
    if name in CITIES:
        return SimpleNamespace(feature="city", country="SY")
    return None


def names(text, *spans):
    """(start, end, name, feature) of each (name, feature) as found in the text."""
    return [(text.index(n), text.index(n) + len(n), n, f) for n, f in spans]


def test_the_town_the_sentence_names_besides_its_quarters():
    text = "Troops seized the Sheikh Saeed district of Aleppo."
    found = names(text, ("Sheikh Saeed", "quarter:district"), ("Aleppo", None))
    assert QuarterTowns(plain).city_of(text, found, 0, "SY") == "Aleppo"


def test_the_town_the_paragraph_last_told_of():
    towns = QuarterTowns(plain)
    told = "Troops pressed an offensive in the city of Aleppo."
    towns.city_of(told, names(told, ("Aleppo", None)), 3, "SY")
    text = "On Monday, troops seized the Sheikh Saeed district."
    found = names(text, ("Sheikh Saeed", "quarter:district"))
    assert towns.city_of(text, found, 3, "SY") == "Aleppo"
    # in another paragraph the report's own town is meant (left to the resolver)
    assert towns.city_of(text, found, 4, "SY") is None


def test_a_destination_holds_no_quarter():
    text = "Families fled the Mashlab district towards Khalis."
    found = names(text, ("Mashlab", "quarter:district"), ("Khalis", None))
    assert QuarterTowns(plain).city_of(text, found, 0, "SY") is None


def test_the_capital_and_a_unit_of_its_own():
    text = "Mortars hit the capital, in the Bab Touma quarter."
    found = names(text, ("Bab Touma", "quarter:quarter"))
    assert QuarterTowns(plain).city_of(text, found, 0, "SY") == "Damascus"
    towns = QuarterTowns(plain)
    assert towns.own_unit("Khanaqin", "quarter:district")
    assert not towns.own_unit("Sheikh Saeed", "quarter:district")
    assert not towns.own_unit("Khanaqin", None)


def test_a_quarter_read_far_from_the_report_s_city_is_that_city_s():
    # "the Nashwa district" of a report on Hasakah: no subdistrict of Basra
    reader = PlaceReader("SY")
    reader.learn([("Hasakah", None), ("Qamishli", None), ("Hasakah", None)])
    far = geodata.resolve("Nashwa district", strict_case=True)
    assert far.country == "IQ"
    towns = reader.quarter_towns
    near = towns.far_quarter("Nashwa", "quarter:district", far, reader.own_city, "SY")
    assert near.country == "SY" and km_apart(near, reader.own_city) < 15


def test_an_administrative_district_of_the_report_s_country_stays_itself():
    reader = PlaceReader("IQ")
    reader.learn([("Dibis", None), ("Dibis", None), ("Kirkuk", None)])
    unit = geodata.resolve("Hawija district", country="IQ", strict_case=True)
    towns = reader.quarter_towns
    assert towns.far_quarter("Hawija", "quarter:district", unit, reader.own_city, "IQ") is unit


def test_an_exact_name_does_not_give_way_to_a_looser_namesake_near_the_report_s_places():
    # "Khazir" is a village's own name; "Al Khadhra'a", a looser reading of it, lies by
    # Baghdad, which the report names too: the name as written wins
    reader = PlaceReader("IQ")
    reader.learn([("Mosul", None), ("Baghdad", None), ("Khazir", None)])
    exact = geodata.resolve("Khazir", country="IQ", strict_case=True)
    assert reader.resolve("Khazir").name == exact.name == "Khazir"


def test_a_name_read_by_another_spelling_gives_way_to_its_exact_namesake_in_the_report_s_province():
    # alone, "Adra" is Daraa, which is also called so; in a report of Damascus's eastern
    # suburbs the village spelt "Adra" is meant. A misspelling ("Ibril") keeps its city.
    alone = geodata.resolve("Adra", country="SY", strict_case=True)
    assert alone.name == "Daraa"
    reader = PlaceReader("SY")
    reader.learn([("Douma", None), ("Harasta", None), ("Adra", None)])
    assert reader.resolve("Adra").admin1 == "Rural Damascus"
    reader = PlaceReader("IQ")
    reader.learn([("Tikrit", None), ("Amerli", None), ("Ibril", None)])
    assert reader.resolve("Ibril").name == "Erbil"


def test_a_place_beside_the_report_s_places_is_not_traded_for_one_in_its_governorates():
    # a report on Syria's desert names al-Qaim, across the border beside Abu Kamal; the
    # report's governorates (Homs) hold a village spelt like it 430 km away
    reader = PlaceReader("SY")
    reader.learn([("Palmyra", None), ("Sukhnah", None), ("Qaryatayn", None), ("Homs", None),
                  ("Abu Kamal", None), ("Deir ez-Zor", None), ("al-Qaim", None)])
    assert reader.resolve("al-Qaim").name == "Al-Qaim"


def test_a_major_town_read_among_the_other_country_s_places_is_still_that_town():
    # a report on rocket and drone attacks across Iraq, whose places make a village near
    # Baghdad, spelt "Albu Kamal" exactly, the likelier reading: the Syrian border town
    # is meant by its name anywhere
    reader = PlaceReader("IQ")
    reader.learn([(n, None) for n in (
        "Ain al-Asad air base", "Albu Kamal", "Anbar", "Baghdad", "Balad air base", "Bashiqa",
        "Camp Taji", "Erbil", "Erbil International Airport", "Green Zone", "Jurf al-Sakhar",
        "Kurdistan Region", "Mosul", "Nineveh")])
    town = reader.resolve("Albu Kamal")
    assert (town.name, town.country) == ("Abu Kamal", "SY"), (town.name, town.country)
