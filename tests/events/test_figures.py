"""Counts in news text."""

import pytest

from events.figures import find_figures, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("2.5 million", 2_500_000),
        ("Thirty-one", 31),
        ("a thousand", 1000),
        ("seventeen", 17),
        ("two hundred", 200),
        ("40", 40),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen seized more than 2,300 people in the raid.", [(2300, False)]),
        (
            "Some 700 families left, and nearly 1.2 million remain.",
            [(700, False), (1_200_000, False)],
        ),
        ("The town of 250,000 inhabitants was shelled.", [(250_000, True)]),
        ("a district of 90,000 came under fire", [(90_000, True)]),
        ("home to 3 million people", [(3_000_000, True)]),
        # residents who do something are the event's count; those a town has are its people
        ("Around 8,000 residents fled the city on Sunday.", [(8_000, False)]),
        ("a town with some 40,000 residents", [(40_000, True)]),
        ("between 150 and 400 fighters", [(150, False)]),
        ("hundreds of detainees escaped", [(None, False)]),
        ("Dozens were hurt.", [(None, False)]),
        ("It is 80 km north of the capital, in 2016, at 40 percent.", []),
    ],
)
def test_find_figures(sentence, expected):
    assert [(f.value, f.population) for f in find_figures(sentence)] == expected


def test_range_note():
    (fig,) = find_figures("between 150 and 400 fighters")
    assert "lower bound" in fig.note
