"""Control layer figure pieces: markers per controller, estimated areas below events."""

from __future__ import annotations

import pandas as pd
import pytest

from shapely.geometry import box

from dashboard.control_layer import (
    AREA_GROUP,
    DISPUTED_COLOUR,
    cached_areas,
    control_area_traces,
    control_layer,
    control_marker_traces,
)
from events.control import DISPUTED, control_as_of, control_changes

OUTLINE = box(38.0, 32.0, 46.0, 37.5)


def _events() -> pd.DataFrame:
    rows = [
        ("Mosul", 43.13, 36.34, "2014-06-10", "ISIS"),
        ("Tikrit", 43.68, 34.60, "2014-06-11", "ISIS"),
        ("Tikrit", 43.68, 34.60, "2015-03-31", "Iraqi Security Forces"),
        ("Baiji", 43.49, 34.93, "2014-06-18", "ISIS"),
        ("Baiji", 43.49, 34.93, "2014-06-18", "PMF"),
        ("Raqqa", 39.01, 35.95, "2014-01-13", "ISIS"),
    ]
    return pd.DataFrame(
        [{"id": f"e{i}", "event_type": "seizure", "place": p, "lon": lon, "lat": lat,
          "date": pd.Timestamp(d), "actor1": a, "source": "S"}
         for i, (p, lon, lat, d, a) in enumerate(rows)]
    )


@pytest.fixture(scope="module")
def changes() -> pd.DataFrame:
    """Control changes of a small invented scenario."""
    return control_changes(_events())


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2014-06-30", {"ISIS": 3, DISPUTED: 1}),
        ("2015-06-30", {"ISIS": 2, DISPUTED: 1, "Iraqi Security Forces": 1}),
        ("2013-01-01", {}),
    ],
)
def test_marker_traces_one_per_controller(changes, when, expected):
    traces = control_marker_traces(control_as_of(changes, when))
    assert {t.name: len(t.lon) for t in traces} == expected
    assert all(t.type == "scattermap" and t.meta == "control" for t in traces)


def test_disputed_marker_names_claimants(changes):
    traces = control_marker_traces(control_as_of(changes, "2014-06-30"))
    disputed = next(t for t in traces if t.name == DISPUTED)
    assert disputed.marker.color == DISPUTED_COLOUR
    assert "ISIS / PMF" in disputed.text[0]


def test_area_traces_cover_outline_and_say_estimate(changes):
    areas = cached_areas(control_as_of(changes, "2015-06-30"), OUTLINE)
    traces = control_area_traces(areas)
    assert sorted(t.name for t in traces) == [
        "Disputed (estimate)", "ISIS (estimate)", "Iraqi Security Forces (estimate)"]
    assert all(t.type == "choroplethmap" for t in traces)
    assert all(t.legendgrouptitle.text == AREA_GROUP for t in traces)
    assert "estimate" in AREA_GROUP
    assert sum(len(t.geojson["features"]) for t in traces) == 3


def test_cached_areas_reuse_same_state(changes):
    state = control_as_of(changes, "2014-07-01")
    assert cached_areas(state, OUTLINE) is cached_areas(state.copy(), OUTLINE)


@pytest.mark.parametrize(
    ("markers", "areas", "n_below", "n_above"),
    [(True, True, 2, 2), (False, True, 2, 0), (True, False, 0, 2), (False, False, 0, 0)],
)
def test_control_layer_toggles(changes, markers, areas, n_below, n_above):
    below, above = control_layer(changes, "2014-06-30", outline=OUTLINE,
                                 markers=markers, areas=areas)
    assert (len(below), len(above)) == (n_below, n_above)


@pytest.mark.parametrize(("areas", "end", "expected"), [
    (False, "2015-06-30", 0),
    (True, "2013-01-01", 0),
    (True, "2014-06-30", 2),
    (True, "2015-06-30", 3),
])
def test_map_traces_hook(areas, end, expected):
    from datetime import date

    import geodata
    from dashboard.control_layer import changes_for, map_traces
    from dashboard.filters import EventIndex
    from dashboard.state import ViewState

    if not hasattr(geodata, "study_area"):
        pytest.skip("geodata.study_area is not available")
    index = EventIndex(_events())
    state = ViewState(areas=areas, end=date.fromisoformat(end))
    traces = map_traces(index, state)
    assert len(traces) == expected
    assert all(t.type == "choroplethmap" for t in traces)
    assert changes_for(index) is changes_for(index)


def test_hands_and_history_rows(changes):
    from dashboard.control_layer import hands_table_rows, history_rows

    rows = hands_table_rows(changes, "2014-06-01", "2014-06-30")
    assert [(r["date"], r["place"], r["change"]) for r in rows] == [
        ("2014-06-10", "Mosul", "unknown → ISIS"),
        ("2014-06-11", "Tikrit", "unknown → ISIS"),
        ("2014-06-18", "Baiji", f"unknown → {DISPUTED} (ISIS / PMF)"),
    ]
    assert history_rows(changes, "Tikrit") == [
        {"controller": "ISIS", "since": "2014-06-11", "until": "2015-03-31", "sources": "S"},
        {"controller": "Iraqi Security Forces", "since": "2015-03-31", "until": "",
         "sources": "S"},
    ]


@pytest.mark.parametrize(("event", "history_of"), [(None, None), ("e1", "Tikrit"),
                                                    ("e0", "Mosul"), ("nope", None)])
def test_panel_children_lists_changes_and_selected_history(event, history_of):
    from datetime import date

    from dashboard.control_layer import panel_children
    from dashboard.filters import EventIndex
    from dashboard.state import ViewState

    index = EventIndex(_events())
    state = ViewState(start=date(2014, 6, 1), end=date(2014, 6, 30), event=event)
    text = str(panel_children(index, state))
    assert "Places that changed hands" in text and "Mosul" in text
    assert "2015-03-31" not in text.split("Who held")[0]  # outside the range
    if history_of:
        assert f"Who held {history_of}" in text
    else:
        assert "Who held" not in text


@pytest.mark.parametrize(("slot", "expected"), [("map-options", "estimates from reported events"),
                                                ("panel", "changed-hands-panel"),
                                                ("toolbar", "[]")])
def test_layout_items(slot, expected):
    from dashboard.control_layer import layout_items

    assert expected in str(layout_items(slot, None))
