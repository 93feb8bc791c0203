"""Fixtures for the dashboard tests: small hand-made event frames typed like the store's."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.filters import CATEGORICAL, EventIndex

# Invented events (our own words), spread over two countries and a few weeks.
ROWS: list[dict] = [
    dict(id="e01", incident_id="i01", source="Wire A", url="https://example.org/a1",
         event_type="seizure", actor1="ISIS", actor2="Iraqi Security Forces", place="Mosul",
         country="IQ", admin1="Ninewa", lat=36.335, lon=43.119, date="2014-06-10",
         magnitude=None, magnitude_unit=None, certainty="reported",
         evidence="Militants took the city after two days of fighting."),
    dict(id="e02", incident_id="i01", source="Wire B", url="javascript:alert(1)",
         event_type="seizure", actor1="ISIS", actor2=None, place="Mosul", country="IQ",
         admin1="Ninewa", lat=36.34, lon=43.12, date="2014-06-10", magnitude=None,
         magnitude_unit=None, certainty="claimed",
         evidence="A statement said the group controls the city <script>alert(1)</script>."),
    dict(id="e03", incident_id="i03", source="Agency C", url=None, event_type="displacement",
         actor1=None, actor2=None, place="Mosul", country="IQ", admin1="Ninewa", lat=36.3,
         lon=43.1, date="2014-06-12", magnitude=500000.0, magnitude_unit="people_displaced",
         certainty="reported", evidence="Half a million residents fled toward the north."),
    dict(id="e04", incident_id="i04", source="Wire A", url="http://example.org/a4",
         event_type="seizure", actor1="ISIS", actor2="Iraqi Security Forces", place="Tikrit",
         country="IQ", admin1="Salah al-Din", lat=34.607, lon=43.678, date="2014-06-11",
         magnitude=None, magnitude_unit=None, certainty="reported",
         evidence="Tikrit was overrun in the afternoon."),
    dict(id="e05", incident_id="i05", source="Wire B", url=None, event_type="airstrike",
         actor1="US-led coalition", actor2="ISIS", place="Raqqa", country="SY",
         admin1="Ar-Raqqa", lat=35.95, lon=39.009, date="2014-09-23", magnitude=12.0,
         magnitude_unit="killed", certainty="reported", evidence="Jets hit targets in the city."),
    dict(id="e06", incident_id="i06", source="Agency C", url=None, event_type="clash",
         actor1="YPG", actor2="ISIS", place="Kobani", country="SY", admin1="Aleppo",
         lat=36.891, lon=38.353, date="2014-10-05", magnitude=None, magnitude_unit=None,
         certainty="disputed", evidence="Street fighting went on in the town."),
    dict(id="e07", incident_id="i07", source="Wire A", url=None, event_type="seizure",
         actor1="Iraqi Security Forces", actor2="ISIS", place="Tikrit", country="IQ",
         admin1="Salah al-Din", lat=34.607, lon=43.678, date="2015-03-31", magnitude=None,
         magnitude_unit=None, certainty="reported", evidence="Government troops retook Tikrit."),
    dict(id="e08", incident_id="i08", source="Wire B", url=None, event_type="seizure",
         actor1="Syrian Army", actor2="ISIS", place="Palmyra", country="SY", admin1="Homs",
         lat=34.56, lon=38.267, date="2016-03-27", magnitude=None, magnitude_unit=None,
         certainty="claimed", evidence="State media said the army entered Palmyra."),
]


def make_frame(rows: list[dict]) -> pd.DataFrame:
    """Build a frame typed like ``Store.load_frame()`` from partial records."""
    frame = pd.DataFrame(rows)
    defaults = {"report": "report.txt", "location": None, "geonameid": None, "admin2": None,
                "geo_precision": 1, "date_precision": "day", "evidence_start": 0,
                "evidence_end": 10}
    for col, value in defaults.items():
        if col not in frame:
            frame[col] = value
    frame["location"] = frame["location"].fillna(frame["place"])
    frame["report_date"] = frame["date"]
    for col in CATEGORICAL:
        frame[col] = frame[col].astype("category")
    for col in ("date", "report_date"):
        frame[col] = pd.to_datetime(frame[col])
    frame["lat"] = frame["lat"].astype("float32")
    frame["lon"] = frame["lon"].astype("float32")
    frame["id"] = frame["id"].astype("string")
    frame["evidence"] = frame["evidence"].astype("string")
    return frame.sort_values("date", kind="stable").reset_index(drop=True)


@pytest.fixture
def frame() -> pd.DataFrame:
    """Eight invented events typed like the store's frame (two incidents share reports)."""
    return make_frame(ROWS)


@pytest.fixture
def index(frame: pd.DataFrame) -> EventIndex:
    """The small frame, indexed for filtering."""
    return EventIndex(frame)


@pytest.fixture(scope="session")
def big_index() -> EventIndex:
    """60,000 synthetic events: enough to cross the 50,000-point aggregate threshold."""
    from events.synth import synth_events

    return EventIndex(synth_events(60_000, seed=1))


@pytest.fixture
def make_store_events():
    """Return ``make(a, b)``: the synthetic events a..b-1 of one fixed set, for a Store."""
    from events.synth import iter_events, synth_events

    events = list(iter_events(synth_events(60, seed=12)))
    return lambda a, b: events[a:b]
