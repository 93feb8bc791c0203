"""Incident matching rules (pure functions)."""

from __future__ import annotations

import pytest

from events.incidents import (
    Candidate,
    IncidentIndex,
    best_match,
    date_window,
    day_number,
    haversine_km,
    same_incident,
)


@pytest.mark.parametrize(("day", "precision", "expected"), [
    ("2014-06-10", "day", ("2014-06-09", "2014-06-11")),
    ("2014-06-10", "week", ("2014-06-03", "2014-06-17")),
    ("2014-06-10", "month", ("2014-06-01", "2014-06-30")),
    ("2014-12-05", "month", ("2014-12-01", "2014-12-31")),
    ("2016-02-10", "month", ("2016-02-01", "2016-02-29")),
    ("2014-06-10", "year", ("2014-01-01", "2014-12-31")),
])
def test_inc001_date_windows(day, precision, expected):
    assert date_window(day, precision) == tuple(day_number(d) for d in expected)


def test_inc002_bad_precision():
    with pytest.raises(ValueError, match="invalid date_precision='hour'"):
        date_window("2014-06-10", "hour")


@pytest.mark.parametrize(("a", "b", "km"), [
    ((36.335, 43.119), (36.335, 43.119), 0.0),
    ((33.3152, 44.3661), (36.335, 43.119), 354.0),   # Baghdad - Mosul
    ((0.0, 0.0), (0.0, 1.0), 111.2),
])
def test_inc003_haversine(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=1.0)


def _cand(id_, report="r1", lat=35.0, lon=40.0, start=0, end=2, a1="ISIS", a2=None,
          etype="clash", incident=None):
    return Candidate(id_, incident or id_, report, etype, lat, lon, start, end, a1, a2)


def test_inc004_nearest_candidate_wins_regardless_of_order():
    me = _cand("me", report="r9")
    near = _cand("near", lat=35.01)
    far = _cand("far", lat=35.05)
    assert best_match(me, [far, near]).id == "near"
    assert best_match(me, [near, far]).id == "near"
    assert best_match(me, [_cand("x", report="r9")]) is None


def test_inc005_index_finds_across_cell_borders():
    idx = IncidentIndex()
    idx.add(_cand("a", lat=35.0999, lon=40.0999))
    hit = idx.match(_cand("b", report="r2", lat=35.1001, lon=40.1001))
    assert hit is not None and hit.id == "a"
    assert idx.match(_cand("c", report="r2", lat=35.3, lon=40.1)) is None
    assert idx.match(_cand("d", report="r2", etype="airstrike", lat=35.1, lon=40.1)) is None


def test_inc006_joined_event_carries_the_incident_id():
    idx = IncidentIndex()
    idx.add(_cand("b", incident="a"))
    assert idx.match(_cand("c", report="r3")).incident_id == "a"


@pytest.mark.parametrize(("other", "expected"), [
    ({}, True),
    ({"a1": None}, True),
    ({"a1": "PMF"}, False),
    ({"a2": "PMF"}, True),      # base has no actor2
    ({"start": 3, "end": 5}, False),
    ({"start": 2, "end": 4}, True),
    ({"report": "r1"}, False),
])
def test_inc007_same_incident_rules(other, expected):
    base = _cand("a")
    fields = {"report": "r2", **other}
    assert same_incident(base, _cand("b", **fields)) is expected
