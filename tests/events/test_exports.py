"""Exports: CSV with DESIGN.md fields, GeoJSON points, ACLED-style CSV; formulas neutralised."""

from __future__ import annotations

import csv
import io
import json

import pytest

from events import exports
from events.imports import read_acled, read_csv
from events.model import RECORD_FIELDS


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"),
    ("+33 1 2345", "'+33 1 2345"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("Mosul", "Mosul"),
    ("", ""),
    (-3.5, -3.5),
    (None, None),
])
def test_exp001_neutralise(value, expected):
    assert exports.neutralise(value) == expected


def _events(make_event):
    return [
        make_event(),
        make_event(event_type="bombing", actor1="Unidentified armed group", actor2=None,
                   evidence="=HYPERLINK(\"http://evil\") a suicide bomber struck.",
                   magnitude=12, magnitude_unit="killed", ordinal=1),
        make_event(event_type="seizure", actor1="Iraqi Security Forces", actor2="ISIS",
                   date="2016-06-26", date_precision="week", location="@Fallujah",
                   ordinal=2),
        make_event(event_type="displacement", country="SY", admin1="Ar-Raqqa",
                   magnitude=4000, magnitude_unit="people_displaced", date_precision="month",
                   ordinal=3),
    ]


def _read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def _write_stored(store, make_event, as_frame, writer):
    """Store the test events, read them back as events or a frame, write; return (events, text)."""
    events = _events(make_event)
    store.add_events(events, report_key="t", match_incidents=False)
    data = store.load_frame() if as_frame else store.query()
    buf = io.StringIO()
    assert writer(data, buf) == 4
    return events, buf.getvalue()


@pytest.mark.parametrize("as_frame", [False, True], ids=["events", "frame"])
def test_exp002_csv_fields_and_formula_safety(make_event, store, as_frame):
    events, text = _write_stored(store, make_event, as_frame, exports.write_csv)
    rows = _read_csv(text)
    assert list(rows[0]) == list(RECORD_FIELDS)
    by_id = {r["id"]: r for r in rows}
    assert by_id[events[1].id]["evidence"].startswith("'=HYPERLINK")
    assert by_id[events[2].id]["location"] == "'@Fallujah"
    assert by_id[events[2].id]["date"] == "2016-06-26"
    assert by_id[events[0].id]["magnitude"] == ""
    assert by_id[events[1].id]["geonameid"] == "99072"
    assert by_id[events[1].id]["lat"] == "36.335"
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_exp003_csv_round_trip(make_event):
    events = _events(make_event)
    buf = io.StringIO()
    exports.write_csv(events, buf)
    back = read_csv(io.StringIO(buf.getvalue()))
    assert back.errors == []
    assert back.events == events


@pytest.mark.parametrize("as_frame", [False, True], ids=["events", "frame"])
def test_exp004_geojson(make_event, store, as_frame):
    events, text = _write_stored(store, make_event, as_frame, exports.write_geojson)
    fc = json.loads(text)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 4
    feat = next(f for f in fc["features"] if f["id"] == events[0].id)
    assert feat["geometry"] == {"type": "Point", "coordinates": [43.119, 36.335]} or (
        feat["geometry"]["coordinates"] == pytest.approx([43.119, 36.335], abs=1e-5))
    assert set(feat["properties"]) == set(RECORD_FIELDS)
    assert feat["properties"]["date"] == "2014-06-10"
    assert feat["properties"]["magnitude"] is None


ACLED_CASES = [
    # index in _events, event_type, sub_event_type, fatalities, time_precision, tags
    (0, "Battles", "Non-state actor overtakes territory", 0, 1, ""),
    (1, "Explosions/Remote violence", "Suicide bomb", 12, 1, ""),
    (2, "Battles", "Government regains territory", 0, 2, ""),
    (3, "Strategic developments", "Other", 0, 3, "displacement"),
]


@pytest.mark.parametrize(("i", "etype", "sub", "fatalities", "tp", "tags"), ACLED_CASES)
def test_exp005_acled_rows(make_event, i, etype, sub, fatalities, tp, tags):
    buf = io.StringIO()
    exports.write_acled(_events(make_event), buf)
    rows = _read_csv(buf.getvalue())
    assert list(rows[0])[:18] == list(exports.ACLED_COLUMNS[:18])
    row = rows[i]
    assert (row["event_type"], row["sub_event_type"]) == (etype, sub)
    assert int(row["fatalities"]) == fatalities
    assert int(row["time_precision"]) == tp
    assert row["tags"] == tags
    assert row["country"] in ("Iraq", "Syria")
    assert row["year"] == row["event_date"][:4]


def test_exp006_acled_formula_safe_and_round_trip(make_event):
    events = _events(make_event)
    buf = io.StringIO()
    exports.write_acled(events, buf)
    rows = _read_csv(buf.getvalue())
    assert rows[1]["notes"].startswith("'=")
    back = read_acled(io.StringIO(buf.getvalue()), geodata_admin=False)
    assert back.errors == [] and back.skipped == []
    assert [e.id for e in back.events] == [e.id for e in events]
    assert [e.event_type for e in back.events] == [e.event_type for e in events]


@pytest.mark.parametrize("etype", ["seizure", "clash", "airstrike", "shelling", "bombing",
                                   "attack_on_civilians", "abduction", "prison_break",
                                   "displacement", "troop_position", "withdrawal", "threat"])
def test_exp007_every_type_has_an_acled_mapping(make_event, etype):
    kind, sub = exports.acled_types(make_event(event_type=etype).to_dict())
    assert kind and sub


def test_exp008_unknown_format():
    with pytest.raises(ValueError, match="invalid format 'xls'"):
        exports.write([], io.StringIO(), fmt="xls")
