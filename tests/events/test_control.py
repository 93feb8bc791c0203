"""Control of towns over time: changes, state at a date, changed-hands table, Voronoi areas."""

from __future__ import annotations

import pandas as pd
import pytest

import shapely
from shapely.geometry import Point, box

from events.control import (
    DISPUTED,
    changed_hands,
    control_areas,
    control_as_of,
    control_changes,
    place_history,
)

TOWNS = {
    "Mosul": (43.13, 36.34, 99072),
    "Tikrit": (43.68, 34.60, 89570),
    "Baiji": (43.49, 34.93, 98463),
    "Kirkuk": (44.39, 35.47, 94787),
    "Raqqa": (39.01, 35.95, 163345),
}


def _event(i: int, day: str, place: str, actor1: str | None, *, kind: str = "seizure",
           actor2: str | None = None, source: str = "Outlet") -> dict:
    lon, lat, gid = TOWNS[place]
    return {"id": f"ev{i}", "event_type": kind, "actor1": actor1, "actor2": actor2,
            "place": place, "geonameid": gid, "lat": lat, "lon": lon,
            "date": pd.Timestamp(day), "source": source, "report": f"r{i}.txt",
            "url": None, "country": "IQ", "admin1": "Somewhere"}


def _frame(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    frame["event_type"] = frame["event_type"].astype("category")
    frame["actor1"] = frame["actor1"].astype("category")
    return frame


SCENARIO = _frame(
    _event(1, "2014-06-10", "Mosul", "ISIS", actor2="Iraqi Security Forces", source="A"),
    _event(2, "2014-06-11", "Mosul", "ISIS", source="B"),          # confirmation, no change
    _event(3, "2014-06-11", "Tikrit", "ISIS", source="A"),
    _event(4, "2015-03-31", "Tikrit", "Iraqi Security Forces", source="C"),   # recapture
    _event(5, "2014-06-18", "Baiji", "ISIS", source="A"),
    _event(6, "2014-06-18", "Baiji", "Iraqi Security Forces", source="D"),    # same-day claim
    _event(7, "2014-06-12", "Kirkuk", "Peshmerga", kind="troop_position"),    # never seized
    _event(8, "2014-06-20", "Raqqa", None),                                   # no actor: ignored
)


@pytest.fixture(scope="module")
def changes() -> pd.DataFrame:
    """Control changes of the shared scenario."""
    return control_changes(SCENARIO)


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Mosul", [(None, "ISIS", False)]),
        ("Tikrit", [(None, "ISIS", False), ("ISIS", "Iraqi Security Forces", False)]),
        ("Baiji", [(None, DISPUTED, True)]),
        ("Kirkuk", []),
        ("Raqqa", []),
    ],
)
def test_control_changes_per_place(changes, place, expected):
    rows = changes[changes["place"] == place]
    got = zip(rows["previous"], rows["controller"], rows["disputed"], strict=True)
    assert list(got) == expected


def test_control_changes_keep_evidence_and_claimants(changes):
    baiji = changes[changes["place"] == "Baiji"].iloc[0]
    assert set(baiji["claimants"]) == {"ISIS", "Iraqi Security Forces"}
    assert set(baiji["event_ids"]) == {"ev5", "ev6"}
    assert set(baiji["sources"]) == {"A", "D"}
    mosul = changes[changes["place"] == "Mosul"].iloc[0]
    assert mosul["event_ids"] == ("ev1",)
    assert mosul["lost_by"] == ("Iraqi Security Forces",)
    assert mosul["geonameid"] == 99072
    assert list(changes["date"]) == sorted(changes["date"])


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2014-06-09", {}),
        ("2014-06-10", {"Mosul": "ISIS"}),
        ("2014-06-30", {"Mosul": "ISIS", "Tikrit": "ISIS", "Baiji": DISPUTED}),
        ("2015-04-01", {"Mosul": "ISIS", "Tikrit": "Iraqi Security Forces", "Baiji": DISPUTED}),
    ],
)
def test_control_as_of(changes, when, expected):
    state = control_as_of(changes, when)
    assert dict(zip(state["place"], state["controller"], strict=True)) == expected


def test_control_as_of_disputed_then_resolved():
    frame = _frame(
        _event(1, "2014-06-18", "Baiji", "ISIS"),
        _event(2, "2014-06-18", "Baiji", "Iraqi Security Forces"),
        _event(3, "2014-06-25", "Baiji", "ISIS"),
    )
    changes = control_changes(frame)
    assert list(changes["controller"]) == [DISPUTED, "ISIS"]
    assert control_as_of(changes, "2014-06-20")["disputed"].tolist() == [True]
    assert control_as_of(changes, "2014-06-30")["controller"].tolist() == ["ISIS"]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (None, None, [("Mosul", "Iraqi Security Forces", "ISIS"), ("Tikrit", "unknown", "ISIS"),
                      ("Baiji", "unknown", f"{DISPUTED} (ISIS / Iraqi Security Forces)"),
                      ("Tikrit", "ISIS", "Iraqi Security Forces")]),
        ("2015-01-01", "2015-12-31", [("Tikrit", "ISIS", "Iraqi Security Forces")]),
        ("2016-01-01", None, []),
    ],
)
def test_changed_hands(changes, start, end, expected):
    table = changed_hands(changes, start, end)
    assert list(zip(table["place"], table["from"], table["to"], strict=True)) == expected
    assert list(table.columns[:5]) == ["place", "date", "from", "to", "sources"]


def test_place_history(changes):
    history = place_history(changes, "Tikrit")
    assert history["controller"].tolist() == ["ISIS", "Iraqi Security Forces"]
    assert history["until"].isna().tolist() == [False, True]
    assert place_history(changes, "Kirkuk").empty


def test_no_seizures_gives_empty_typed_frame():
    changes = control_changes(_frame(_event(1, "2014-06-12", "Kirkuk", "PMF", kind="clash")))
    assert changes.empty
    assert control_as_of(changes, "2014-07-01").empty
    assert changed_hands(changes).empty


def test_missing_column_is_named():
    with pytest.raises(ValueError, match="actor1"):
        control_changes(SCENARIO.drop(columns="actor1"))


OUTLINE = box(38.0, 32.0, 46.0, 37.5).difference(box(45.0, 32.0, 46.0, 33.0))


@pytest.mark.parametrize(
    "towns",
    [
        ["Mosul"],
        ["Mosul", "Raqqa"],
        ["Mosul", "Tikrit", "Baiji", "Kirkuk", "Raqqa"],
    ],
)
def test_control_areas_one_clipped_cell_per_town(towns):
    control = pd.DataFrame({
        "place": towns,
        "lon": [TOWNS[t][0] for t in towns],
        "lat": [TOWNS[t][1] for t in towns],
        "controller": ["ISIS" if i % 2 else "PMF" for i in range(len(towns))],
    })
    areas = control_areas(control, OUTLINE)
    assert list(areas["place"]) == towns
    assert all(areas.geometry.within(OUTLINE.buffer(1e-9)))
    assert shapely.area(areas.geometry.values).sum() == pytest.approx(OUTLINE.area)
    for town, cell in zip(towns, areas.geometry, strict=True):
        assert cell.contains(Point(TOWNS[town][:2]))  # each cell holds its own town
    assert areas.crs.to_epsg() == 4326


def test_control_areas_dissolve_and_outside_points():
    control = pd.DataFrame({
        "place": ["Mosul", "Tikrit", "Baiji", "Far"],
        "lon": [43.13, 43.68, 43.49, 10.0],
        "lat": [36.34, 34.60, 34.93, 10.0],
        "controller": ["ISIS", "PMF", "PMF", "PMF"],
    })
    areas = control_areas(control, OUTLINE)
    assert "Far" not in set(areas["place"])
    merged = control_areas(control, OUTLINE, dissolve=True)
    assert sorted(merged["controller"]) == ["ISIS", "PMF"]
    assert shapely.union_all(merged.geometry).area == pytest.approx(
        shapely.union_all(areas.geometry).area)


def test_control_areas_empty():
    empty = pd.DataFrame(columns=["place", "lon", "lat", "controller"])
    assert control_areas(empty, OUTLINE).empty


def test_control_areas_stay_within_the_radius_of_their_towns():
    control = pd.DataFrame({"place": ["Mosul", "Tikrit"], "lon": [43.13, 43.68],
                            "lat": [36.34, 34.60], "controller": ["ISIS", "PMF"]})
    areas = control_areas(control, OUTLINE, radius_km=25)
    for (lon, lat), cell in zip([(43.13, 36.34), (43.68, 34.60)], areas.geometry, strict=True):
        assert cell.contains(Point(lon, lat))
        # 0.3 degrees of latitude is about 33 km: outside the 25 km disc.
        assert not cell.intersects(Point(lon, lat + 0.3))
        assert cell.intersects(Point(lon, lat + 0.2))
    assert shapely.union_all(areas.geometry).area < 0.05 * OUTLINE.area


def test_control_areas_never_cover_a_capital_by_absence_of_data():
    control = pd.DataFrame({"place": ["Abu Ghraib", "Ramadi"], "lon": [44.08, 43.30],
                            "lat": [33.29, 33.42], "controller": ["ISIS", "ISIS"]})
    capitals = pd.DataFrame({"place": ["Baghdad", "Ramadi"], "lon": [44.33, 43.30],
                             "lat": [33.34, 33.42]})
    areas = control_areas(control, OUTLINE, radius_km=25, keep_clear=capitals)
    covered = shapely.union_all(areas.geometry)
    assert not covered.intersects(Point(44.33, 33.34))  # Baghdad: not reported, kept clear
    assert covered.contains(Point(43.30, 33.42))  # Ramadi is itself a reported town
    with pytest.raises(ValueError, match="radius_km=0"):
        control_areas(control, OUTLINE, radius_km=0)
