from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.state import ViewState
from dashboard.urlstate import coerce, parse_query, to_query

FULL = ViewState(start=date(2014, 6, 1), end=date(2014, 6, 30), types=("seizure", "clash"),
                 actors=("ISIS", "Iraqi Security Forces"), countries=("IQ",),
                 admin1=("Ninewa",), certainty=("reported",), sources=("Wire, A",),
                 text="mosul dam", window="month", speed=250, bin="day", tiles="online",
                 control=False, areas=True, lat=36.1, lon=43.25, zoom=7.5, event="e01")


@pytest.mark.parametrize("state", [ViewState(), FULL, ViewState(types=("seizure",)),
                                   ViewState(lat=0.0, lon=0.0, zoom=0.0)])
def test_url001_round_trip(state):
    assert parse_query(to_query(state)) == state


def test_url002_defaults_leave_the_query_empty():
    assert to_query(ViewState()) == ""


@pytest.mark.parametrize("search", [
    None, "", "?", "???", "?from=yesterday", "?from=2014-02-30", "?zoom=lots", "?lat=91",
    "?lat=nan&lon=inf", "?speed=3", "?window=fortnight", "?bin=hour", "?tiles=satellite",
    "?%zz=%%", "?type=" + "x," * 5000, "?q=" + "a" * 50_000, "?control=maybe", "&&&=&=",
])
def test_url003_malformed_gives_defaults_without_error(search):
    state = parse_query(search)
    assert isinstance(state, ViewState)
    assert state.window == "week" and state.speed == 1000 and state.lat is None


def test_url004_bad_fields_default_one_by_one():
    state = parse_query("?from=2014-06-01&to=garbage&type=seizure&zoom=99")
    assert state.start == date(2014, 6, 1) and state.end is None
    assert state.types == ("seizure",) and state.zoom is None


def test_url005_reversed_range_is_swapped():
    state = parse_query("?from=2015-01-01&to=2014-01-01")
    assert (state.start, state.end) == (date(2014, 1, 1), date(2015, 1, 1))


def test_url006_lists_are_capped_and_deduplicated():
    state = coerce({"types": ["a", "a", "b"] + [str(i) for i in range(500)]})
    assert state.types[:2] == ("a", "b") and len(state.types) == 100


@given(st.text(max_size=300))
def test_url007_any_text_parses(search):
    assert isinstance(parse_query(search), ViewState)


def test_url008_state_validates_at_the_edge():
    with pytest.raises(ValueError, match="invalid window='year'"):
        ViewState(window="year")
    with pytest.raises(ValueError, match="start must not follow end"):
        ViewState(start=date(2015, 1, 1), end=date(2014, 1, 1))


def test_url009_store_dict_round_trip():
    assert ViewState.from_dict(FULL.to_dict()) == FULL
    assert ViewState.from_dict("not a dict") == ViewState()
