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


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        # A close variant of a much better-known place beats an exact match on an
        # obscure village...
        ({}, "Kirkuk"),
        # ...and the other way round when the context says so.
        ({"admin1": "Hama"}, "Kirkut"),
        ({"country": "SY"}, "Kirkut"),
        ({"near": [(36.9, 35.1)]}, "Kirkut"),
        ({"near": (35.1, 36.9)}, "Kirkut"),  # one point as (lat, lon)
    ],
)
def test_dis006_joint_scoring(toy, kwargs, expected):
    assert toy.resolve("Kirkut", **kwargs).name == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Kirkut", "Kirkuk"),  # one village's name: maybe a typo of the city
        ("Kirkun", "Kirkun"),  # two villages' name: a name in its own right
    ],
)
def test_dis006b_a_shared_name_is_no_typo(toy, query, expected):
    assert toy.resolve(query).name == expected


def test_dis007_explain_parts_add_up(toy):
    cands = toy.explain("Kirkut", top=3)
    assert [c.name for c in cands[:2]] == ["Kirkuk", "Kirkut"]
    for c in cands:
        assert abs(sum(c.parts.values()) - c.total) < 0.01
    kirkuk, kirkut = cands[0], cands[1]
    assert kirkut.parts["sim"] > kirkuk.parts["sim"]  # the exact name
    assert kirkuk.parts["prior"] > kirkut.parts["prior"]  # the better-known place
    assert toy.explain("Kirkut", admin1="Hama", top=1)[0].parts["admin1"] > 0


@pytest.mark.parametrize(
    ("kwargs", "ambiguous"),
    [
        ({}, True),  # three villages 300+ km apart, equally obscure
        ({"admin1": "Ninewa"}, False),
        ({"near": [(43.1, 36.3)]}, False),
    ],
)
def test_dis008_namesakes_far_apart_are_ambiguous(toy, kwargs, ambiguous):
    place = toy.resolve("Hamra", **kwargs)
    assert place.ambiguous is ambiguous
    assert len(place.alternatives) == 2
    assert place.margin == round(place.total - place.alternatives[0].score, 3)


def test_dis009_a_clear_winner_is_not_ambiguous(toy):
    # The city, its district's centroid and a Syrian village share the name; the
    # city is far ahead of both.
    place = toy.resolve("Mosul")
    assert not place.ambiguous and place.feature == "city"


def test_dis008_spelling_orders_folded_namesakes_only(toy):
    # "Al-Mawsil" folds onto Mosul's key like "Mosul" does; spelt as written it costs nothing
    mosul = toy.explain("Mosul", top=3)
    assert all(c.parts["spelling"] == 0.0 for c in mosul if c.name == "Mosul")
    # a lone folded match has no better-spelt rival: no penalty
    assert toy.explain("Ninewa", top=1)[0].parts["spelling"] == 0.0
