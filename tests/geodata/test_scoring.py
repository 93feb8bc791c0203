"""The joint score's parts (pure functions, no gazetteer)."""

from __future__ import annotations

import pytest

from geodata import scoring


def _parts(**changes):
    base = {"quality": 1.0, "prominence": 3.0, "centrality": 0.0, "in_country": False,
            "in_admin1": False, "in_admin2": False, "near_km": None, "feature": 0.0,
            "reading": 0, "agrees": False}
    return scoring.score_parts(**{**base, **changes})


@pytest.mark.parametrize(
    ("changes", "part", "value"),
    [
        ({}, "sim", scoring.W_SIM),
        ({"quality": scoring.QUALITY["loose"]}, "sim", scoring.W_SIM * 0.9),
        ({"centrality": 2.0}, "prior", 3.0 + 2.0 * scoring.W_CENTRALITY),
        ({"in_country": True}, "country", scoring.COUNTRY_BONUS),
        ({"in_admin1": True}, "admin1", scoring.ADMIN1_BONUS),
        ({"in_admin2": True}, "admin2", scoring.ADMIN2_BONUS),
        ({"near_km": 0.0}, "near", scoring.NEAR_BONUS),
        ({"reading": 2}, "reading", -2 * scoring.READING_PENALTY),
        ({"reading": 1, "agrees": True}, "reading",
         scoring.AGREE_BONUS - scoring.READING_PENALTY),
    ],
)
def test_sco001_parts(changes, part, value):
    assert _parts(**changes)[part] == pytest.approx(value)


def test_sco002_quality_grades_the_kinds_of_variation():
    q = scoring.QUALITY
    assert q["exact"] > q["alternate"] >= q["article"] > q["loose"] > q["skeleton"] \
        > q["skeleton3"] > q["partial"]
    assert scoring.fuzzy_quality(100) == pytest.approx(0.9)
    assert scoring.fuzzy_quality(80, same_consonants=False) < scoring.fuzzy_quality(80)


@pytest.mark.parametrize(
    ("asked", "actual", "implied", "points"),
    [
        (None, "city", None, 0.0),
        ("city", "city", None, scoring.FEATURE_BONUS),
        ("city", "neighbourhood", None, scoring.FEATURE_BONUS),
        ("site", "region", None, scoring.FEATURE_RELATED),
        ("district", "city", None, 0.0),
        # what the wording implies only ranks within its own reading
        (None, "governorate", "governorate", 0.0),
        (None, "city", "governorate", -scoring.FEATURE_BONUS),
        (None, "subdistrict", "district", scoring.FEATURE_RELATED - scoring.FEATURE_BONUS),
    ],
)
def test_sco003_feature_fit(asked, actual, implied, points):
    assert scoring.feature_fit(asked, actual, implied=implied) == pytest.approx(points)


def test_sco004_near_fit_decays():
    assert scoring.near_fit(None) == 0.0
    assert scoring.near_fit(0) > scoring.near_fit(30) > scoring.near_fit(300) > 0


@pytest.mark.parametrize(
    ("best", "others", "margin", "ambiguous"),
    [
        ((30.0, 36.0, 37.0), [], None, False),
        ((30.0, 36.0, 37.0), [(29.9, 36.05, 37.0)], None, False),  # 5 km away: same place
        ((30.0, 36.0, 37.0), [(29.0, 33.0, 44.0)], 1.0, True),
        ((30.0, 36.0, 37.0), [(29.5, 35.0, 37.0), (20.0, 33.0, 44.0)], 0.5, True),
        ((30.0, 36.0, 37.0), [(25.0, 33.0, 44.0)], 5.0, False),
    ],
)
def test_sco005_margin_over_far_rivals(best, others, margin, ambiguous):
    assert scoring.margin_and_ambiguity(best, others) == (margin, ambiguous)


@pytest.mark.parametrize(
    ("spelling", "part"),
    [(0.0, 0.0), (0.5, -0.5 * scoring.SPELLING_PENALTY), (1.0, -scoring.SPELLING_PENALTY)],
)
def test_sco003_spelling_part(spelling, part):
    assert _parts(spelling=spelling)["spelling"] == pytest.approx(part)


@pytest.mark.parametrize(
    ("ratio", "fit"), [(100.0, 1.0), (80.0, 0.5), (scoring.SPELLING_FLOOR, 0.0), (20.0, 0.0)],
)
def test_sco004_literal_fit(ratio, fit):
    assert scoring.literal_fit(ratio) == pytest.approx(fit)
