"""Exports: slide-ready images with telling file names, formula-safe CSV, GeoJSON."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest

from dashboard.exporting import (
    events_csv,
    events_geojson,
    export_filename,
    export_image,
    layout_items,
)
from dashboard.filters import EventIndex
from dashboard.state import ViewState


@pytest.mark.parametrize(
    ("kind", "start", "end", "expected"),
    [
        ("events-map", "2014-06-01", "2014-06-30", "events-map_2014-06-01_2014-06-30"),
        ("events-timeline", date(2015, 1, 1), pd.Timestamp("2015-03-31"),
         "events-timeline_2015-01-01_2015-03-31"),
        ("events", None, "2014-06-30", "events_all_2014-06-30"),
        ("../evil name", None, None, "evil-name_all_all"),
    ],
)
def test_export_filename(kind, start, end, expected):
    assert export_filename(kind, start, end) == expected


@pytest.mark.parametrize(("kind", "fmt", "match"), [("events-map", "jpeg", "fmt='jpeg'"),
                                                     ("pie", "png", "kind='pie'")])
def test_export_image_rejects_unknown_kinds_and_formats(kind, fmt, match):
    with pytest.raises(ValueError, match=match):
        export_image(kind, fmt, EventIndex(_frame()), ViewState())


def test_export_image_needs_events():
    with pytest.raises(ValueError, match="no events"):
        export_image("events-map", "png", EventIndex(pd.DataFrame()), ViewState())


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["e1", "e2"], "incident_id": ["e1", "e1"], "report": ["r1.txt", "r2.txt"],
        "source": ["=HYPERLINK(\"http://x\")", "Wire"], "url": [None, "https://example.org/a"],
        "report_date": pd.to_datetime(["2014-06-11", "2014-06-12"]),
        "event_type": pd.Categorical(["seizure", "clash"]), "actor1": ["ISIS", "+cmd"],
        "actor2": [None, "@SUM(1)"], "location": ["Mosul", "Baiji"], "place": ["Mosul", "Baiji"],
        "geonameid": [99072.0, None], "country": ["IQ", "IQ"], "admin1": ["Ninewa", "-2+3"],
        "admin2": [None, None], "lat": pd.Series([36.335, 34.929], dtype="float32"),
        "lon": pd.Series([43.119, 43.493], dtype="float32"), "geo_precision": [1, 2],
        "date": pd.to_datetime(["2014-06-10", "2014-06-12"]), "date_precision": ["day", "day"],
        "magnitude": [None, 12.0], "magnitude_unit": [None, "killed"],
        "certainty": ["reported", "claimed"], "evidence": ["An invented line.", "\tAnother."],
        "evidence_start": [0, 5], "evidence_end": [17, 14],
    })


def test_events_csv_is_formula_safe():
    rows = list(csv.DictReader(io.StringIO(events_csv(_frame()))))
    assert [r["id"] for r in rows] == ["e1", "e2"]
    assert rows[0]["source"].startswith("'=")
    assert rows[1]["actor1"] == "'+cmd"
    assert rows[1]["actor2"] == "'@SUM(1)"
    assert rows[1]["admin1"] == "'-2+3"
    assert rows[1]["evidence"].startswith("'\t")
    assert rows[0]["lat"] == "36.335" and rows[0]["date"] == "2014-06-10"
    assert rows[0]["geonameid"] == "99072"
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values() if v)


def test_events_geojson_points():
    collection = events_geojson(_frame())
    assert collection["type"] == "FeatureCollection"
    first = collection["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [43.119, 36.335]}
    assert first["properties"]["place"] == "Mosul"
    assert first["properties"]["date"] == "2014-06-10"
    assert [f["id"] for f in collection["features"]] == ["e1", "e2"]


def test_layout_items_only_in_toolbar():
    assert layout_items("panel", None) == []
    items = layout_items("toolbar", None)
    assert {type(i).__name__ for i in items} >= {"DropdownMenu", "Loading"}
