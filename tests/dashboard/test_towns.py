from datetime import date

import pandas as pd
import pytest

from dashboard.towns import controllers_as_of

SEIZURES = pd.DataFrame({
    "place": ["Mosul", "Tikrit", "Tikrit", "Mosul"],
    "lat": [36.3, 34.6, 34.6, 36.3], "lon": [43.1, 43.7, 43.7, 43.1],
    "date": pd.to_datetime(["2014-06-10", "2014-06-11", "2015-03-31", "2017-07-10"]),
    "actor1": ["ISIS", "ISIS", "Iraqi Security Forces", "Iraqi Security Forces"],
})


@pytest.mark.parametrize(("as_of", "expected"), [
    (date(2014, 6, 9), {}),
    (date(2014, 6, 10), {"Mosul": "ISIS"}),
    (date(2015, 1, 1), {"Mosul": "ISIS", "Tikrit": "ISIS"}),
    (date(2015, 3, 31), {"Mosul": "ISIS", "Tikrit": "Iraqi Security Forces"}),
    (None, {"Mosul": "Iraqi Security Forces", "Tikrit": "Iraqi Security Forces"}),
])
def test_twn001_last_seizure_wins(as_of, expected):
    out = controllers_as_of(SEIZURES, as_of)
    assert dict(zip(out["place"], out["controller"], strict=True)) == expected


def test_twn002_empty():
    assert controllers_as_of(SEIZURES.iloc[:0], date(2015, 1, 1)).empty


def test_twn003_index_flags_changes(index):
    s = index.seizures
    assert s["changed"].tolist() == [True, False, True, True, True]  # e02 repeats e01
