import re
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import figures, queries, views
from dashboard.filters import filter_positions
from dashboard.palette import ACTOR_COLOURS, EVENT_COLOURS
from dashboard.state import ViewState
from events.model import EVENT_TYPES

LAYERS = {
    "countries": {"type": "FeatureCollection", "features": []},
    "governorates": {"type": "FeatureCollection", "features": []},
    "rivers": {"type": "FeatureCollection", "features": []},
    "lakes": {"type": "FeatureCollection", "features": []},
}


def test_fig001_palette_covers_every_type_with_distinct_hex_colours():
    assert set(EVENT_COLOURS) == set(EVENT_TYPES)
    assert len(set(EVENT_COLOURS.values())) == len(EVENT_COLOURS)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in [*EVENT_COLOURS.values(),
                                                          *ACTOR_COLOURS.values()])


def test_fig002_point_traces_one_per_type_coloured_from_palette(index):
    points = queries.map_points(index, filter_positions(index, ViewState()))
    traces = go.Figure(data=figures.point_traces(points)).data  # validates the dicts
    assert [t.type for t in traces] == ["scattermap"] * 4
    assert [t.meta["event_type"] for t in traces] == ["seizure", "clash", "airstrike",
                                                       "displacement"]
    for trace in traces:
        assert trace.marker.color == EVENT_COLOURS[trace.meta["event_type"]]
    seizure = traces[0]
    assert len(seizure.lat) == 5
    assert set(np.asarray(seizure.customdata).tolist()) == set(
        np.flatnonzero(index.frame["event_type"] == "seizure"))


def test_fig003_displacement_marker_is_bigger(index):
    traces = figures.point_traces(queries.map_points(index, np.arange(index.size)))
    sizes = {t["meta"]["event_type"]: np.asarray(t["marker"]["size"]).max() for t in traces}
    assert sizes["displacement"] > sizes["seizure"]


def test_fig004_event_map_is_offline_with_base_layers():
    fig = figures.event_map(base_layers=LAYERS)
    style = fig.layout.map.style
    assert isinstance(style, dict) and not style["sources"]  # nothing fetched from elsewhere
    kinds = [(layer.type, layer.sourcetype) for layer in fig.layout.map.layers]
    assert ("fill", "geojson") in kinds and ("line", "geojson") in kinds
    assert len(fig.layout.map.layers) == 5


@pytest.mark.parametrize(("tiles", "raster", "n_layers"), [("offline", False, 5),
                                                           ("online", True, 4)])
def test_fig005_tile_option(tiles, raster, n_layers):
    layout = figures.map_layout(LAYERS, tiles=tiles)
    kinds = [layer["type"] for layer in layout["map"]["style"]["layers"]]
    assert ("raster" in kinds) is raster and len(layout["map"]["layers"]) == n_layers


def test_fig006_no_base_layers_still_draws():
    assert figures.base_layer_specs(None) == []
    with pytest.raises(ValueError, match="invalid tiles='satellite'"):
        figures.base_layer_specs(LAYERS, tiles="satellite")


def test_fig007_aggregate_switch_at_threshold(big_index):
    state = ViewState()
    above = views.map_view(big_index, state, threshold=50_000)
    assert above.mode == "density" and above.in_view == 60_000
    assert [t["type"] for t in above.traces if t["meta"]["kind"] != "control"] == ["densitymap"]
    below = views.map_view(big_index, state, threshold=60_000, max_points=60_000)
    assert below.mode == "points"
    assert {t["type"] for t in below.traces} == {"scattermap"}
    assert sum(len(t["lat"]) for t in below.traces if t["meta"]["kind"] == "events") == 60_000
    capped = views.map_view(big_index, state, threshold=60_000, max_points=1000)
    assert sum(len(t["lat"]) for t in capped.traces if t["meta"]["kind"] == "events") == 1000


def test_fig008_zooming_in_switches_back_to_points(big_index):
    zoomed = views.map_view(big_index, ViewState(lat=36.33, lon=43.12, zoom=10), threshold=50_000)
    assert zoomed.mode == "points" and zoomed.in_view < 50_000
    filtered = views.map_view(big_index, ViewState(types=("prison_break",)), threshold=50_000)
    assert filtered.mode == "points"


def test_fig009_mode_label_says_which_layer(big_index):
    view = views.map_view(big_index, ViewState(), threshold=50_000)
    assert views.mode_label(view, 50_000).startswith("density: 60,000 events in view")


def test_fig010_control_traces_coloured_by_controller(index):
    view = views.map_view(index, ViewState(end=date(2014, 12, 31)))
    control = [t for t in view.traces if t["meta"]["kind"] == "control"]
    assert [t["name"] for t in control] == ["held by ISIS"]
    assert control[0]["marker"]["color"] == ACTOR_COLOURS["ISIS"]
    later = views.map_view(index, ViewState())
    names = {t["name"] for t in later.traces if t["meta"]["kind"] == "control"}
    assert names == {"held by ISIS", "held by Iraqi Security Forces", "held by Syrian Army"}
    off = views.map_view(index, ViewState(control=False))
    assert not [t for t in off.traces if t["meta"]["kind"] == "control"]


def test_fig011_extra_traces_drawn_first(index):
    extra = go.Scattermap(lat=[1], lon=[2], meta={"kind": "areas"})
    fig = figures.event_map(queries.map_points(index, np.arange(3)), extra_traces=[extra])
    assert fig.data[0].meta["kind"] == "areas"


def test_fig012_timeline_stacked_by_type_with_window(index):
    fig = go.Figure(views.timeline(index, ViewState(start=date(2014, 6, 10),
                                                    end=date(2014, 6, 30))))
    assert {t.type for t in fig.data} == {"bar"}
    assert fig.layout.barmode == "stack" and fig.layout.dragmode == "select"
    # The axis follows the window (three weeks, with three weeks of context after it),
    # in day bars: the autumn's clash and airstrike are off the axis.
    assert {t.name for t in fig.data} == {"seizure", "displacement"}
    assert fig.data[0].marker.color == EVENT_COLOURS["seizure"]
    assert tuple(fig.layout.xaxis.range) == ("2014-06-10 00:00", "2014-07-21 23:59")
    assert "(day)" in fig.data[0].hovertemplate
    shape = fig.layout.shapes[0]
    assert (shape.x0, shape.x1) == ("2014-06-10 00:00", "2014-06-30 23:59")


def test_fig013_timeline_ignores_date_filter_but_keeps_others(index):
    fig = views.timeline(index, ViewState(types=("seizure",), start=date(2015, 1, 1)))
    assert [t.name for t in fig.data] == ["seizure"]
    assert sum(int(np.asarray(t.y).sum()) for t in fig.data) == 5


def test_fig014_empty_inputs():
    empty = pd.DataFrame(columns=["lat", "lon", "count"])
    anchor = figures.map_traces(grid=empty)  # keeps the map subplot when nothing is drawn
    assert [(t["type"], t["meta"]["kind"]) for t in anchor] == [("scattermap", "anchor")]
    assert figures.point_traces(pd.DataFrame(columns=["event_type"])) == []
    assert figures.control_traces(pd.DataFrame(columns=["controller"])) == []
    assert len(figures.timeline_figure(pd.DataFrame()).data) == 0


def test_fig015_density_counts_in_text_not_customdata():
    trace = figures.density_trace(pd.DataFrame({"lat": [1.0], "lon": [2.0], "count": [1500]}))
    assert "customdata" not in trace and list(trace["text"]) == ["1,500"]


def test_fig016_selected_event_is_marked_above_the_markers(index):
    view = views.map_view(index, ViewState(event="e05"))
    kinds = [t["meta"]["kind"] for t in view.traces]
    halo = view.traces[kinds.index("selection")]
    assert kinds[-1] == "selection"
    assert halo["lat"] == [pytest.approx(35.95, abs=1e-4)]
    assert "selection" not in [t["meta"]["kind"] for t in views.map_view(index, ViewState()).traces]


def test_fig017_shown_box_decides_the_mode(big_index):
    tight = ViewState(lat=36.3, lon=43.1, zoom=5, extra={"bounds": [43.0, 36.2, 43.2, 36.4]})
    assert views.map_view(big_index, tight, threshold=50_000).mode == "points"
    assert views.map_view(big_index, tight.replace(extra={}), threshold=50_000).mode == "density"
