"""The event store on in-memory SQLite, a SQLite file and (when available) PostgreSQL."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

from events import config
from events import store as store_mod
from events.store import SCHEMA_VERSION, Store

KM_LAT = 1 / 111.195  # degrees of latitude per kilometre


def test_store001_schema_created_with_version(store):
    with store.engine.connect() as conn:
        version = conn.execute(sa.select(store_mod.schema_table.c.version)).scalar()
        tables = set(sa.inspect(conn).get_table_names())
    assert version == SCHEMA_VERSION
    assert {"events", "reports", "corrections", "schema_version", "store_state"} <= tables


def test_store002_indexes_for_dashboard_queries(store):
    with store.engine.connect() as conn:
        indexed = {tuple(ix["column_names"]) for ix in sa.inspect(conn).get_indexes("events")}
    for cols in [("day",), ("event_type", "win_start", "win_end"), ("country", "admin1"),
                 ("incident_id",)]:
        assert cols in indexed


def test_store003_newer_schema_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    Store(url).close()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(store_mod.schema_table.update().values(version=SCHEMA_VERSION + 1))
    engine.dispose()
    with pytest.raises(ValueError, match="newer than this code"):
        Store(url)


def test_store004_add_report_and_read_back(store, make_event):
    events = [make_event(), make_event(event_type="displacement", magnitude=500,
                                       magnitude_unit="people_displaced", ordinal=1)]
    result = store.add_report("sha-1", events, meta={"name": "mosul-report.txt",
                                                     "title": "A title"})
    assert (result.new_events, result.duplicate_report) == (2, False)
    assert store.count() == 2
    assert store.get(events[0].id) == events[0]
    assert store.get("nope") is None
    (rep,) = store.reports()
    assert rep["report_key"] == "sha-1" and rep["n_events"] == 2
    assert rep["meta"] == {"title": "A title"}


def test_store005_reingest_is_idempotent(store, make_event):
    events = [make_event(), make_event(ordinal=1)]
    store.add_report("sha-1", events)
    version = store.data_version()
    again = store.add_report("sha-1", events)
    assert (again.new_events, again.new_incidents, again.duplicate_report) == (0, 0, True)
    assert store.count() == 2
    assert store.data_version() == version


def test_store006_data_version_changes_when_events_change(store, make_event):
    before = store.data_version()
    store.add_report("r1", [make_event()])
    assert store.data_version() != before


@pytest.mark.parametrize("where", ["row", "version"])
def test_store007_report_is_all_or_nothing(store, make_event, monkeypatch, where):
    events = [make_event(ordinal=i) for i in range(3)]
    if where == "row":
        calls = {"n": 0}
        real = store_mod._row

        def failing(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("injected failure")
            return real(*args, **kwargs)

        monkeypatch.setattr(store_mod, "_row", failing)
    else:
        def boom(self, conn):
            raise RuntimeError("injected failure")

        monkeypatch.setattr(Store, "_bump_version", boom)
    with pytest.raises(RuntimeError, match="injected"):
        store.add_report("r1", events)
    monkeypatch.undo()
    assert store.count() == 0
    assert store.reports() == []
    assert store.add_report("r1", events).new_events == 3


# Second event, from another report unless said otherwise, against the base event
# (seizure of Mosul by ISIS from the ISF on 2014-06-10, day precision).
INCIDENT_CASES = [
    ("identical", {}, True),
    ("9 km north", {"lat": 36.335 + 9 * KM_LAT}, True),
    ("12 km north", {"lat": 36.335 + 12 * KM_LAT}, False),
    ("other type", {"event_type": "clash"}, False),
    ("actor1 missing", {"actor1": None}, True),
    ("actor2 missing", {"actor2": None}, True),
    ("other actor1", {"actor1": "PMF"}, False),
    ("same report", {"report": "mosul-report.txt"}, False),
    ("next day", {"date": "2014-06-11"}, True),
    ("three days later", {"date": "2014-06-13"}, False),
    ("three days later, week precision", {"date": "2014-06-13", "date_precision": "week"}, True),
    ("same month, month precision", {"date": "2014-06-01", "date_precision": "month"}, True),
    ("next month, month precision", {"date": "2014-07-01", "date_precision": "month"}, False),
    ("same year, year precision", {"date": "2014-01-01", "date_precision": "year"}, True),
]


@pytest.mark.parametrize(("case", "overrides", "joins"), INCIDENT_CASES,
                         ids=[c[0] for c in INCIDENT_CASES])
def test_store008_incident_matching(store, make_event, case, overrides, joins):
    first = make_event()
    fields = {"report": "other-report.txt", "source": "Other Wire", **overrides}
    second = make_event(ordinal=7, **fields)
    store.add_report("r1", [first])
    result = store.add_report("r2", [second])
    stored = store.get(second.id)
    assert (stored.incident_id == first.id) is joins
    assert result.new_incidents == (0 if joins else 1)


def test_store009_incidents_count_independent_sources(store, make_event):
    store.add_report("r1", [make_event()])
    store.add_report("r2", [make_event(report="b.txt", source="Other Wire", ordinal=1)])
    store.add_report("r3", [make_event(report="c.txt", source="Other Wire", ordinal=2)])
    store.add_report("r4", [make_event(report="d.txt", event_type="clash", ordinal=3)])
    inc = store.incidents()
    assert list(inc["n_events"]) == [3, 1] or sorted(inc["n_events"]) == [1, 3]
    seizure = inc[inc["event_type"] == "seizure"].iloc[0]
    assert (seizure["n_events"], seizure["n_reports"], seizure["n_sources"]) == (3, 3, 2)
    assert seizure["sources"] == "Other Wire; Test Wire"
    assert len(store.incidents(min_sources=2)) == 1
    assert len(store.incidents(event_types=["clash"])) == 1


def test_store010_incidents_empty(store):
    inc = store.incidents()
    assert inc.empty and "n_sources" in inc.columns


QUERY_CASES = [
    ({}, 4),
    ({"start": "2014-06-11"}, 2),
    ({"end": "2014-06-10"}, 2),
    ({"start": "2014-06-11", "end": "2014-06-11"}, 1),
    ({"event_types": ["clash"]}, 1),
    ({"country": "SY"}, 1),
    ({"admin1": "Ninewa"}, 3),
    ({"admin1": ["Ninewa", "Ar-Raqqa"]}, 4),
    ({"actors": ["PMF"]}, 1),
    ({"certainty": "claimed"}, 1),
    ({"source": "Other Wire"}, 1),
    ({"text": "RAQQA"}, 1),
    ({"text": "took the city"}, 3),
    ({"text": "100%"}, 0),
    ({"text": "t_ok"}, 0),
]


@pytest.mark.parametrize(("filters", "expected"), QUERY_CASES)
def test_store011_query_filters(store, make_event, filters, expected):
    store.add_events([
        make_event(),
        make_event(date="2014-06-09", event_type="clash", actor2="PMF", ordinal=1),
        make_event(date="2014-06-11", certainty="claimed", source="Other Wire", ordinal=2),
        make_event(date="2014-06-12", country="SY", admin1="Ar-Raqqa", place="Raqqa",
                   location="Raqqa city", lat=35.95, lon=39.01, evidence="Raqqa fell.",
                   ordinal=3),
    ], report_key="test")
    found = store.query(**filters)
    assert len(found) == expected
    assert [e.date for e in found] == sorted(e.date for e in found)


def test_store012_bulk_add_events_chunks_and_idempotence(store, make_event):
    events = [make_event(report=f"r{i}.txt", ordinal=i) for i in range(25)]
    result = store.add_events(events, report_key="bulk", chunk_size=10)
    assert result.new_events == 25
    # All 25 describe the same seizure from different reports: one incident.
    assert result.new_incidents == 1
    assert store.incidents()["n_reports"].tolist() == [25]
    again = store.add_events(events, report_key="bulk", chunk_size=10)
    assert (again.new_events, again.duplicate_report) == (0, True)


def test_store013_bulk_without_matching_keeps_incident_ids(store, make_event):
    events = [make_event(report=f"r{i}.txt", ordinal=i) for i in range(5)]
    events.append(make_event(report="r9.txt", ordinal=9, incident_id=events[0].id))
    result = store.add_events(events, report_key="bulk", match_incidents=False)
    assert result.new_incidents == 5
    assert sorted(store.incidents()["n_reports"].tolist()) == [1, 1, 1, 1, 2]


def _sample(make_event):
    return [
        make_event(date="2014-06-12", admin2=None, geonameid=None, ordinal=0),
        make_event(date="2014-06-10", magnitude=1200, magnitude_unit="people_displaced",
                   event_type="displacement", url="https://example.org/a", ordinal=1),
        make_event(date="2014-06-11", country="SY", admin1="Homs", place="Palmyra",
                   actor1=None, lat=34.56, lon=38.27, notes="hand-entered", ordinal=2),
    ]


def test_store014_load_frame_types_and_values(store, make_event):
    events = _sample(make_event)
    store.add_events(events, report_key="t", match_incidents=False)
    df = store.load_frame()
    assert list(df.columns[:26]) == list(events[0].to_dict())
    assert len(df) == 3
    for col in ("event_type", "actor1", "actor2", "country", "admin1", "admin2", "source",
                "certainty", "place", "date_precision"):
        assert isinstance(df[col].dtype, pd.CategoricalDtype), col
    assert str(df["date"].dtype) == "datetime64[ns]"
    assert str(df["report_date"].dtype) == "datetime64[ns]"
    assert str(df["lat"].dtype) == "float32" and str(df["lon"].dtype) == "float32"
    assert df["date"].is_monotonic_increasing
    assert df["date"].dt.strftime("%Y-%m-%d").tolist() == ["2014-06-10", "2014-06-11",
                                                           "2014-06-12"]
    assert df["id"].tolist() == [events[1].id, events[2].id, events[0].id]
    assert pd.isna(df.loc[2, "admin2"]) and pd.isna(df.loc[2, "geonameid"])
    assert df.loc[0, "magnitude"] == 1200 and pd.isna(df.loc[1, "magnitude"])
    assert pd.isna(df.loc[1, "actor1"]) and df.loc[1, "notes"] == "hand-entered"
    assert df.loc[0, "url"] == "https://example.org/a" and pd.isna(df.loc[1, "url"])
    assert df["magnitude_unit"].tolist()[0] == "people_displaced"
    assert pd.isna(df.loc[1, "magnitude_unit"])
    assert df["event_type"].tolist() == ["displacement", "seizure", "seizure"]
    assert df["country"].tolist() == ["IQ", "SY", "IQ"]
    assert set(df["magnitude_unit"].cat.categories) == {"people_displaced"}


@pytest.mark.parametrize("columns", [
    ["event_type"],
    ["country", "lat"],
    ["magnitude_unit", "certainty", "id"],
    ["date_precision", "event_type", "country", "certainty", "magnitude_unit"],
])
def test_store014b_load_frame_column_subsets(store, make_event, columns):
    events = _sample(make_event)
    store.add_events(events, report_key="t", match_incidents=False)
    full = store.load_frame()
    part = store.load_frame(columns=columns)
    assert list(part.columns) == columns
    pd.testing.assert_frame_equal(part, full[columns])


def test_store015_load_frame_empty_and_subset(store):
    df = store.load_frame(columns=["id", "date", "event_type", "lat"])
    assert list(df.columns) == ["id", "date", "event_type", "lat"]
    assert len(df) == 0
    with pytest.raises(ValueError, match="invalid columns"):
        store.load_frame(columns=["win_start"])


def test_store016_load_frame_drivers_agree(tmp_path, make_event):
    pytest.importorskip("adbc_driver_sqlite")
    url = f"sqlite:///{tmp_path / 'frame.sqlite'}"
    # Many rows whose nullable columns start NULL: the first batch must not fix their type.
    events = [make_event(ordinal=i, admin2=None, url=None, magnitude=None, geonameid=None)
              for i in range(300)]
    events += _sample(make_event)
    events.append(make_event(ordinal=999, admin2="Tel Afar", url="https://x.org",
                             magnitude=3, magnitude_unit="killed", geonameid=5))
    with Store(url) as st:
        st.add_events(events, report_key="t", match_incidents=False)
        monkey = store_mod._FRAME_BATCH
        store_mod._FRAME_BATCH = 50  # 306 rows: two reader threads, several batches each
        try:
            via_adbc = st.load_frame(driver="adbc")
            via_dbapi = st.load_frame(driver="dbapi")
        finally:
            store_mod._FRAME_BATCH = monkey
    pd.testing.assert_frame_equal(via_adbc, via_dbapi)
    last = via_adbc.set_index("id").loc[events[-1].id]
    assert (last["admin2"], last["geonameid"], last["magnitude"]) == ("Tel Afar", 5, 3.0)


def test_store017_correct_records_who_changed_what(store, make_event):
    ev = make_event()
    store.add_report("r1", [ev])
    before = store.data_version()
    fixed = store.correct(ev.id, "date", "2014-06-09", user="analyst")
    assert fixed.date == "2014-06-09" and store.get(ev.id).date == "2014-06-09"
    (corr,) = store.corrections(ev.id)
    assert (corr["field"], corr["original"], corr["corrected"], corr["user"]) == (
        "date", "2014-06-10", "2014-06-09", "analyst")
    assert store.data_version() != before
    with pytest.raises(ValueError, match="invalid field 'id'"):
        store.correct(ev.id, "id", "x")
    with pytest.raises(ValueError, match="country"):
        store.correct(ev.id, "country", "TR")
    with pytest.raises(KeyError):
        store.correct("missing", "date", "2014-06-09")


def test_store018_file_database_persists(tmp_path, make_event):
    url = f"sqlite:///{tmp_path / 'p.sqlite'}"
    with Store(url) as st:
        st.add_report("r1", [make_event()])
    with Store(url) as st:
        assert st.count() == 1
    with sa.create_engine(url).connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_store019_unsupported_url():
    with pytest.raises(ValueError, match="unsupported database URL"):
        store_mod.make_engine("mysql://u@h/db")


@pytest.mark.parametrize(("explicit", "env", "expected"), [
    ("sqlite:///a.sqlite", "sqlite:///b.sqlite", "sqlite:///a.sqlite"),
    (None, "sqlite:///b.sqlite", "sqlite:///b.sqlite"),
    (None, None, f"sqlite:///{config.PROJECT_DIR / 'var' / 'events.sqlite'}"),
])
def test_store020_db_url_resolution_order(monkeypatch, explicit, env, expected):
    if env is None:
        monkeypatch.delenv("EVENTS_DB", raising=False)
    else:
        monkeypatch.setenv("EVENTS_DB", env)
    assert config.db_url(explicit) == expected


def test_store021_unknown_setting():
    with pytest.raises(ValueError, match="unknown setting 'NOPE'"):
        config.setting("NOPE")


def test_store022_postgis_point_when_the_extension_exists(request, make_event):
    url = request.getfixturevalue("_pg_database")
    engine = sa.create_engine(url)
    store_mod._metadata.drop_all(engine)
    with engine.begin() as conn:
        available = conn.exec_driver_sql(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").first()
        if not available:
            pytest.skip("PostGIS is not installed: apt-get install postgresql-15-postgis-3")
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
    try:
        with Store(url) as st:
            st.add_report("r1", [make_event()])
            with st.engine.connect() as conn:
                near = conn.exec_driver_sql(
                    "SELECT count(*) FROM events WHERE ST_DWithin(geom::geography, "
                    "ST_SetSRID(ST_MakePoint(43.13, 36.34), 4326)::geography, 5000)").scalar()
            assert near == 1
            assert st.load_frame()["lat"].tolist() == pytest.approx([36.335])
        Store(url).close()  # reopening finds the column and adds nothing
    finally:
        store_mod._metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP EXTENSION IF EXISTS postgis CASCADE")
        engine.dispose()


def _file_or_pg(store_url):
    if store_url == "sqlite://":
        pytest.skip("one in-memory database cannot be shared by two stores")
    return store_url


def test_store023_writers_of_one_incident_take_turns(store_url, make_event):
    """A second writer waits for the first's transaction, then joins its incident."""
    import threading

    url = _file_or_pg(store_url)
    first = make_event()
    second = make_event(ordinal=7, report="other-report.txt", source="Other Wire")
    inside, release = threading.Event(), threading.Event()
    with Store(url) as a, Store(url) as b:
        real = a._assign_incidents

        def paused(*args, **kwargs):
            # The first writer has matched its event but not committed yet.
            out = real(*args, **kwargs)
            inside.set()
            release.wait(10)
            return out

        a._assign_incidents = paused
        results = {}
        ta = threading.Thread(target=lambda: results.setdefault("a", a.add_report("r1", [first])))
        tb = threading.Thread(target=lambda: results.setdefault("b", b.add_report("r2", [second])))
        ta.start()
        assert inside.wait(10)
        tb.start()
        tb.join(0.5)  # the second writer has had time to read the incidents
        release.set()
        ta.join(10)
        tb.join(10)
        assert b.get(second.id).incident_id == first.id
        assert (results["a"].new_incidents, results["b"].new_incidents) == (1, 0)


def test_store024_report_of_another_store_counts_as_duplicate(store_url, make_event):
    """Two stores adding one report: one stores it, the other is told it is known."""
    url = _file_or_pg(store_url)
    events = [make_event(), make_event(ordinal=1)]
    with Store(url) as a, Store(url) as b:
        results = [a.add_report("r1", events), b.add_report("r1", events)]
        assert [r.duplicate_report for r in results] == [False, True]
        assert [r.new_events for r in results] == [2, 0]
        assert a.count() == 2 and len(a.reports()) == 1


def test_store025_locked_database_is_retried_then_reported(locked_sqlite, make_event):
    with Store(locked_sqlite.url) as st:
        with pytest.raises(store_mod.StoreBusyError, match="locked.*nothing was stored"):
            st.add_report("r1", [make_event()])
        locked_sqlite.release()
        assert st.count() == 0 and st.reports() == []
        assert st.add_report("r1", [make_event()]).new_events == 1


def test_store026_lock_freed_during_the_retries(locked_sqlite, make_event, monkeypatch):
    import threading

    monkeypatch.setattr(store_mod, "LOCK_RETRIES", 8)  # waits up to about 2.5 s in all
    threading.Timer(0.2, locked_sqlite.release).start()
    with Store(locked_sqlite.url) as st:
        assert st.add_report("r1", [make_event()]).new_events == 1


def test_store027_schema_created_once_by_concurrent_opens(store_url):
    """Eight stores opening one new database at once all find one complete schema."""
    from concurrent.futures import ThreadPoolExecutor

    url = _file_or_pg(store_url)

    def open_close(_):
        Store(url).close()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(open_close, range(8)))
    with Store(url) as st, st.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(
            store_mod.schema_table)).scalar() == 1
        assert st.data_version() == "0"


def test_store028_frame_follows_writes_of_this_process(tmp_path, make_event):
    """Reloading after this process wrote shows the new events (ADBC's own SQLite lagged)."""
    url = f"sqlite:///{tmp_path / 'reload.sqlite'}"
    with Store(url) as st:
        st.add_events([make_event(ordinal=i) for i in range(3)], report_key="a")
        assert len(st.load_frame()) == 3
        st.add_events([make_event(ordinal=i) for i in range(3, 5)], report_key="b")
        assert len(st.load_frame()) == 5
        first = st.query()[0]
        st.correct(first.id, "date", "2014-06-01")
        frame = st.load_frame(columns=["id", "date"]).set_index("id")
        assert str(frame.loc[first.id, "date"].date()) == "2014-06-01"
