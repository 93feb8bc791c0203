"""The event record's validation: bad values are refused naming the field and the value."""

from __future__ import annotations

import pytest

from events.model import RECORD_FIELDS, Event, EventValidationError, event_id

BAD_VALUES = [
    ("event_type", "riot", "event_type='riot'"),
    ("country", "TR", "country='TR'"),
    ("lat", 91.5, "lat=91.5"),
    ("lat", -90.01, "lat=-90.01"),
    ("lon", 181, "lon=181"),
    ("lat", "north", "lat='north'"),
    ("date", "2014-13-40", "date='2014-13-40'"),
    ("date", "yesterday", "date='yesterday'"),
    ("report_date", None, "report_date=None"),
    ("date_precision", "hour", "date_precision='hour'"),
    ("geo_precision", 4, "geo_precision=4"),
    ("certainty", "sure", "certainty='sure'"),
    ("magnitude_unit", "tanks", "magnitude_unit='tanks'"),
    ("magnitude", -5, "magnitude=-5"),
    ("evidence", "", "evidence=''"),
    ("evidence_start", float("inf"), "evidence_start=inf"),
    ("geo_precision", float("inf"), "geo_precision=inf"),
    ("magnitude", 10**400, "magnitude=1000"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_VALUES)
def test_model001_invalid_values_name_field_and_value(make_event, field, value, message):
    with pytest.raises(EventValidationError, match=f"invalid {message.replace('.', '[.]')}"):
        make_event(**{field: value})


def test_model002_validation_error_is_value_error():
    assert issubclass(EventValidationError, ValueError)


@pytest.mark.parametrize(("value", "expected"), [
    ("2014-06-10", "2014-06-10"),
    ("2014-06-10T08:00:00", "2014-06-10"),
    (" 2014-06-10 ", "2014-06-10"),
])
def test_model003_dates_normalised(make_event, value, expected):
    assert make_event(date=value).date == expected


def test_model004_round_trip_through_dict(make_event):
    ev = make_event(magnitude=12, magnitude_unit="killed")
    d = ev.to_dict()
    assert tuple(d) == RECORD_FIELDS
    assert Event.from_dict(d) == ev
    assert d["magnitude"] == 12.0


def test_model005_from_dict_missing_field():
    with pytest.raises(EventValidationError, match="missing field 'report'"):
        Event.from_dict({"id": "x"})


def test_model006_ids_are_stable_and_distinct():
    a = event_id("text of a report", 0, 10, "seizure", "Mosul")
    assert a == event_id("text of a report", 0, 10, "seizure", "Mosul")
    assert a != event_id("text of a report", 0, 10, "seizure", "Mosul", ordinal=1)
    assert a != event_id("text of another report", 0, 10, "seizure", "Mosul")
