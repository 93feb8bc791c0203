"""Synthetic events: valid records, plausible values, deterministic, fast path into the store."""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from events.model import ACTORS, EVENT_TYPES, MAGNITUDE_UNITS, RECORD_FIELDS
from events.store import Store
from events.synth import COUNTRY_ACTORS, TYPE_WEIGHTS, iter_events, synth_events, write_synth


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    """Twenty thousand synthetic events, made once."""
    return synth_events(20_000, seed=7)


@pytest.mark.parametrize("n", [0, 1, 37, 5000])
def test_syn001_n_rows_with_the_record_columns(n):
    out = synth_events(n, seed=1)
    assert len(out) == n
    assert list(out.columns) == list(RECORD_FIELDS)


def test_syn002_every_row_validates_as_an_event(frame):
    events = list(iter_events(frame))
    assert len(events) == len(frame)
    assert len({ev.id for ev in events}) == len(events)
    assert {ev.country for ev in events} == {"IQ", "SY"}


def test_syn003_values_stay_in_the_allowed_sets(frame):
    assert set(frame["event_type"].astype(str)) == set(EVENT_TYPES)
    actors = set(frame["actor1"].dropna().astype(str)) | set(frame["actor2"].dropna().astype(str))
    assert actors <= set(ACTORS)
    units = frame["magnitude_unit"].dropna().astype(str)
    assert set(units) <= set(MAGNITUDE_UNITS)
    assert (frame["magnitude"].notna() == frame["magnitude_unit"].notna()).all()
    assert (frame["magnitude"].dropna() >= 0).all()
    both = frame[frame["actor1"].notna() & frame["actor2"].notna()]
    assert (both["actor1"].astype(str) != both["actor2"].astype(str)).all()
    assert frame["source"].astype(str).str.startswith("Synthetic").all()
    assert frame["evidence"].astype(str).str.startswith("Synthetic event").all()


@pytest.mark.parametrize("country", sorted(COUNTRY_ACTORS))
def test_syn004_actors_fight_in_their_own_country(frame, country):
    rows = frame[(frame["country"] == country) & (frame["event_type"] == "clash")]
    assert set(rows["actor1"].astype(str)) <= set(COUNTRY_ACTORS[country])


def test_syn005_dates_in_range_sorted_and_bursty(frame):
    dates = pd.to_datetime(frame["date"].astype(str))
    assert dates.min() >= pd.Timestamp("2014-01-01")
    assert dates.max() <= pd.Timestamp("2019-12-31")
    assert dates.is_monotonic_increasing
    assert (pd.to_datetime(frame["report_date"].astype(str)) >= dates).all()
    # bursts: the busiest week holds far more than an even spread would give
    weekly = dates.dt.to_period("W").value_counts()
    assert weekly.max() > 4 * len(frame) / (6 * 52)


def test_syn006_type_mix_follows_the_weights(frame):
    share = frame["event_type"].astype(str).value_counts(normalize=True)
    for etype, weight in TYPE_WEIGHTS.items():
        assert share[etype] == pytest.approx(weight, abs=0.02)


def test_syn007_points_inside_iraq_and_syria(frame):
    assert frame["lat"].between(29.0, 37.5).all() and frame["lon"].between(35.5, 48.7).all()
    geodata = pytest.importorskip("geodata")
    shapely = pytest.importorskip("shapely")
    try:
        area = geodata.study_area()
    except ImportError as exc:
        pytest.skip(f"geodata.study_area unavailable: {exc}")
    # A town's own point may sit just off a simplified coastline: allow ~1 km.
    inside = shapely.contains_xy(area.buffer(0.01), frame["lon"].to_numpy(),
                                 frame["lat"].to_numpy())
    assert inside.all(), frame.loc[~inside, ["place", "lat", "lon"]].head()


def test_syn008_same_seed_same_events_other_seed_other_events():
    a, b = synth_events(2000, seed=3), synth_events(2000, seed=3)
    pd.testing.assert_frame_equal(a, b)
    c = synth_events(2000, seed=4)
    assert not np.array_equal(a["lat"].to_numpy(), c["lat"].to_numpy())
    assert set(a["id"]).isdisjoint(c["id"])


@pytest.mark.parametrize("n", [-1, -1000])
def test_syn009_negative_n_is_rejected(n):
    with pytest.raises(ValueError, match=f"n={n}"):
        synth_events(n)


def test_syn010_a_hundred_thousand_in_seconds():
    started = time.perf_counter()
    synth_events(100_000, seed=2)
    # generous: the shared CI machine is slow; a million takes a few seconds
    assert time.perf_counter() - started < 10


def test_syn011_write_twice_adds_nothing(tmp_path):
    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        assert write_synth(store, 3000, seed=5) == 3000
        assert write_synth(store, 3000, seed=5) == 0
        assert store.count() == 3000
        loaded = store.load_frame()
    assert loaded["incident_id"].nunique() == 3000  # no matching on the fast path


def test_syn012_cli_fills_the_database(tmp_path):
    from events.cli import cli

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    result = CliRunner().invoke(cli, ["--db", url, "synth", "--n", "500", "--seed", "9"])
    assert result.exit_code == 0, result.output
    assert "500 new stored" in result.output
    with Store(url) as store:
        assert store.count() == 500
    bad = CliRunner().invoke(cli, ["synth", "--n", "-5", "--db", url])
    assert bad.exit_code == 2
