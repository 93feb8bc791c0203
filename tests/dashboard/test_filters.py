from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard.filters import EventIndex, date_slice, filter_positions, prepare_frame
from dashboard.state import ViewState


def ids(index, positions):
    return sorted(index.frame["id"].astype(str).to_numpy()[positions])


@pytest.mark.parametrize(("state", "expected"), [
    (ViewState(), ["e01", "e02", "e03", "e04", "e05", "e06", "e07", "e08"]),
    (ViewState(start=date(2014, 6, 10), end=date(2014, 6, 11)), ["e01", "e02", "e04"]),
    (ViewState(start=date(2014, 6, 12)), ["e03", "e05", "e06", "e07", "e08"]),
    (ViewState(end=date(2014, 6, 9)), []),
    (ViewState(types=("seizure",)), ["e01", "e02", "e04", "e07", "e08"]),
    (ViewState(types=("seizure", "clash")), ["e01", "e02", "e04", "e06", "e07", "e08"]),
    (ViewState(types=("no_such_type",)), []),
    (ViewState(actors=("YPG",)), ["e06"]),
    (ViewState(actors=("Iraqi Security Forces",)), ["e01", "e04", "e07"]),  # either side
    (ViewState(countries=("SY",)), ["e05", "e06", "e08"]),
    (ViewState(admin1=("Salah al-Din",)), ["e04", "e07"]),
    (ViewState(certainty=("claimed", "disputed")), ["e02", "e06", "e08"]),
    (ViewState(sources=("Agency C",)), ["e03", "e06"]),
    (ViewState(text="RETOOK"), ["e07"]),
    (ViewState(text="palmyra"), ["e08"]),  # place names are searched too
    (ViewState(types=("seizure",), countries=("IQ",), start=date(2015, 1, 1)), ["e07"]),
])
def test_flt001_filter_positions(index, state, expected):
    assert ids(index, filter_positions(index, state)) == expected


def test_flt002_dates_false_ignores_the_window(index):
    state = ViewState(start=date(2016, 1, 1), types=("seizure",))
    assert ids(index, filter_positions(index, state, dates=False)) == [
        "e01", "e02", "e04", "e07", "e08"]


def test_flt003_date_slice_uses_sorted_days(index):
    window = date_slice(index, date(2014, 6, 11), date(2014, 9, 23))
    assert (window.start, window.stop) == (2, 5)
    assert np.all(np.diff(index.days) >= 0)


def test_flt004_prepare_frame_sorts_types_and_drops_unplaceable():
    raw = pd.DataFrame({"id": ["b", "a", "c"], "date": ["2015-01-02", "2014-01-01", None],
                        "lat": [1, 2, 3], "lon": [1, 2, 3], "event_type": ["clash"] * 3})
    out = prepare_frame(raw)
    assert out["id"].tolist() == ["a", "b"]
    assert out["lat"].dtype == np.float32
    assert isinstance(out["event_type"].dtype, pd.CategoricalDtype)


def test_flt005_empty_frame_is_fine():
    index = EventIndex(pd.DataFrame())
    assert index.size == 0 and index.first_day is None
    assert filter_positions(index, ViewState(types=("clash",), text="x")).size == 0


def test_flt006_values_lists_present_categories(index):
    assert index.values("country") == ["IQ", "SY"]
    with pytest.raises(ValueError, match="invalid column='evidence'"):
        index.values("evidence")


def test_flt007_big_frame_filters_fast(big_index):
    import time

    state = ViewState(types=("clash", "airstrike"), actors=("ISIS",), start=date(2015, 1, 1),
                      end=date(2016, 1, 1))
    t0 = time.perf_counter()
    positions = filter_positions(big_index, state)
    assert time.perf_counter() - t0 < 0.5
    frame = big_index.frame.iloc[positions]
    assert set(frame["event_type"].astype(str)) <= {"clash", "airstrike"}
    assert ((frame["actor1"] == "ISIS") | (frame["actor2"] == "ISIS")).all()
    assert frame["date"].min() >= pd.Timestamp("2015-01-01")
