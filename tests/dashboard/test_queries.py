from datetime import date

import numpy as np
import pandas as pd
import pytest

from dashboard import queries
from dashboard.filters import EventIndex, filter_positions
from dashboard.state import ViewState
from events.model import EVENT_TYPES


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org", "http://example.org"),
    ("HTTPS://example.org/x", "HTTPS://example.org/x"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:x", None),
    ("//example.org/a", None),
    ("https:///nohost", None),
    ("http://exa\nmple.org", None),
    ("ftp://example.org/file", None),
    (None, None),
    (float("nan"), None),
])
def test_qry001_safe_link(url, expected):
    assert queries.safe_link(url) == expected


def test_qry002_marker_size_is_logarithmic():
    sizes = queries.marker_size(np.array([np.nan, 9, 99, 999, 1e9]))
    assert sizes.tolist() == [7.0, 11.0, 15.0, 19.0, 26.0]


def test_qry003_map_points_columns_and_rounding(index):
    points = queries.map_points(index, filter_positions(index, ViewState()), decimals=2)
    assert list(points.columns) == ["pos", "event_type", "lat", "lon", "size", "hover"]
    assert points["lat"].round(2).equals(points["lat"])
    assert points["pos"].dtype == np.int32


def test_qry004_hover_text_is_escaped(frame):
    frame["actor1"] = frame["actor1"].cat.add_categories(["<b>x</b>"])
    frame.loc[0, "actor1"] = "<b>x</b>"
    frame["place"] = frame["place"].cat.rename_categories({"Mosul": "Mosul & <i>co</i>"})
    index = EventIndex(frame)
    hover = queries.map_points(index, np.array([0]))["hover"].iloc[0]
    assert hover == "Mosul &amp; &lt;i&gt;co&lt;/i&gt;<br>2014-06-10<br>&lt;b&gt;x&lt;/b&gt; vs " \
                    "Iraqi Security Forces<br>no figure"


def test_qry004b_hover_text_figures(index):
    hover = queries.map_points(index, np.arange(index.size))["hover"].tolist()
    assert "Mosul<br>2014-06-12<br>actor unknown<br>500,000 people displaced" in hover
    assert "Raqqa<br>2014-09-23<br>US-led coalition vs ISIS<br>12 killed" in hover


def test_qry005_density_grid_counts_everything(big_index):
    positions = filter_positions(big_index, ViewState())
    grid = queries.density_grid(big_index, positions, zoom=5)
    assert grid["count"].sum() == positions.size
    assert len(grid) < 5000


def test_qry006_density_grid_respects_bounds(big_index):
    positions = filter_positions(big_index, ViewState())
    bounds = queries.view_bounds(36.3, 43.1, 9)
    grid = queries.density_grid(big_index, positions, zoom=9, bounds=bounds)
    inside = queries.in_view(big_index, positions, bounds)
    assert grid["count"].sum() == inside.size < positions.size


@pytest.mark.parametrize(("bin", "rows", "first"), [
    ("day", 657, "2014-06-10"), ("week", 94, "2014-06-09"), ("month", 22, "2014-06-01")])
def test_qry007_timeline_counts(index, bin, rows, first):
    counts = queries.timeline_counts(index, filter_positions(index, ViewState()), bin=bin,
                                     types=EVENT_TYPES)
    assert len(counts) == rows
    assert str(counts.index[0].date()) == first
    assert counts.to_numpy().sum() == index.size
    assert counts["seizure"].sum() == 5 and list(counts.columns) == list(EVENT_TYPES)


def test_qry008_timeline_counts_rejects_bad_bin(index):
    with pytest.raises(ValueError, match="invalid bin='hour'"):
        queries.timeline_counts(index, np.arange(3), bin="hour", types=EVENT_TYPES)


@pytest.mark.parametrize(("start", "end", "expected"), [
    (date(2014, 1, 1), date(2014, 3, 1), "day"), (date(2014, 1, 1), date(2016, 1, 1), "week"),
    (date(2010, 1, 1), date(2016, 1, 1), "month"), (None, None, "week")])
def test_qry009_pick_bin(start, end, expected):
    assert queries.pick_bin(start, end) == expected


def test_qry010_summary(index):
    counts = queries.summary(index, filter_positions(index, ViewState()))
    # e01/e02 share an incident; Mosul, Tikrit (twice: ISIS then ISF), Palmyra changed hands.
    assert counts == {"events": 8, "incidents": 7, "killed": 12, "displaced": 500000,
                      "changed_hands": 3}
    assert queries.summary(index, np.zeros(0, np.int64))["events"] == 0


def test_qry011_event_detail_lists_other_reports_and_safe_links(index):
    record = queries.event_detail(index, "e01")
    assert record["link"] == "https://example.org/a1"
    assert [o["id"] for o in record["others"]] == ["e02"]
    assert record["others"][0]["link"] is None  # javascript: is not a link
    assert record["geo_precision_text"] == "the place itself"
    assert queries.event_detail(index, "nope") is None
    assert queries.event_detail(index, None) is None


def test_qry012_view_bounds_shrink_with_zoom():
    wide = queries.view_bounds(34.0, 42.0, 4)
    narrow = queries.view_bounds(34.0, 42.0, 8)
    assert wide.east - wide.west > 10 * (narrow.east - narrow.west)
    assert wide.contains(np.array([42.0]), np.array([34.0]))[0]


def test_qry013_in_view_without_bounds_keeps_all(index):
    positions = np.arange(index.size)
    assert queries.in_view(index, positions, None) is positions
    near_mosul = queries.view_bounds(36.3, 43.1, 8)
    assert pd.Series(queries.in_view(index, positions, near_mosul)).size == 3
