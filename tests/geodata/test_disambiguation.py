"""Ranking rules of the resolver, tested on a hand-made gazetteer (no IO)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ("Mosul", "IQ", "city")),  # prominence: the city, not the district
        ({"feature": "district"}, ("Mosul", "IQ", "district")),
        ({"country": "SY"}, ("Mosul", "IQ", "city")),  # a preference: the big city still wins
        ({"country": "SY", "country_only": True}, ("Mosul", "SY", "city")),
        ({"near": [(37.1, 36.1)]}, ("Mosul", "IQ", "city")),  # nearness can't beat a big city
    ],
)
def test_dis001_mosul(toy, kwargs, expected):
    place = toy.resolve("Mosul", **kwargs)
    assert (place.name, place.country, place.feature) == expected


@pytest.mark.parametrize(
    ("kwargs", "admin1"),
    [
        ({}, "Homs"),  # equal villages: the most prominent
        ({"admin1": "Ninewa"}, "Ninewa"),
        ({"admin1": "Al-Anbar"}, "Al-Anbar"),
        ({"near": [(43.1, 36.3)]}, "Ninewa"),  # close to the report's other places
        ({"near": [(43.2, 33.5)]}, "Al-Anbar"),
        ({"country": "IQ"}, "Al-Anbar"),
    ],
)
def test_dis002_same_name_villages(toy, kwargs, admin1):
    assert toy.resolve("Hamra", **kwargs).admin1 == admin1


@pytest.mark.parametrize(
    ("query", "name", "precision"),
    [
        ("Nineveh", "Ninewa", 3),
        ("Nineveh province", "Ninewa", 3),
        ("the province of Nineveh", "Ninewa", 3),
        ("outskirts of Mosul", "Mosul", 2),
        ("north of Mosul", "Mosul", 2),
        ("eastern Mosul", "Mosul", 2),
        ("the city of Mosul", "Mosul", 1),
        ("Al-Mawsil", "Mosul", 1),
    ],
)
def test_dis003_wording(toy, query, name, precision):
    place = toy.resolve(query)
    assert (place.name, place.geo_precision) == (name, precision)


@pytest.mark.parametrize(
    ("query", "strict", "found"),
    [
        ("Hit", True, True),
        ("hit", True, False),  # the verb
        ("HIT", True, False),  # a shouted headline is no evidence
        ("hit", False, True),  # a user typing a name at the CLI
        ("mosul", True, False),
        ("Heet", True, True),
    ],
)
def test_dis004_common_words_need_capitals(toy, query, strict, found):
    assert (toy.resolve(query, strict_case=strict) is not None) is found


def test_dis005_unknown_never_nearest(toy):
    assert toy.resolve("Qwertyuiop") is None
    assert toy.resolve("Mosul Mosul Mosul") is None
