"""Fixtures for the events tests: event factory, store URLs (SQLite, PostgreSQL), stores."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from events.model import Event, event_id

_BASE: dict[str, Any] = {
    "report": "mosul-report.txt", "source": "Test Wire", "url": None,
    "report_date": "2014-06-11", "event_type": "seizure", "actor1": "ISIS",
    "actor2": "Iraqi Security Forces", "location": "Mosul", "place": "Mosul",
    "geonameid": 99072, "country": "IQ", "admin1": "Ninewa", "admin2": "Al-Mosul",
    "lat": 36.335, "lon": 43.119, "geo_precision": 1, "date": "2014-06-10",
    "date_precision": "day", "magnitude": None, "magnitude_unit": None,
    "certainty": "reported", "evidence": "Fighters of the group took the city.",
    "evidence_start": 0, "evidence_end": 35,
}


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """Return a factory of valid events; keyword arguments override fields.

    The id is derived from report, evidence offsets, type, place and an
    ``ordinal`` keyword, so different overrides give different ids.
    """

    def make(ordinal: int = 0, **overrides: Any) -> Event:
        fields = {**_BASE, **overrides}
        if "id" not in fields:
            fields["id"] = event_id(fields["report"], fields["evidence_start"],
                                    fields["evidence_end"], fields["event_type"],
                                    fields["place"], ordinal=ordinal)
        fields.setdefault("incident_id", fields["id"])
        return Event(**fields)

    return make


@pytest.fixture(scope="session")
def _pg_database(pg_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database for this test run, dropped at the end."""
    import sqlalchemy as sa

    name = f"events_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite-memory", "sqlite-file", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """A database URL with empty tables: in-memory SQLite, a SQLite file, PostgreSQL.

    The PostgreSQL variant runs when EVENTS_TEST_PG_URL is set (``.ci/run``)
    and is skipped with a reason otherwise.
    """
    if request.param == "sqlite-memory":
        return "sqlite://"
    if request.param == "sqlite-file":
        return f"sqlite:///{tmp_path / 'events.sqlite'}"
    url = request.getfixturevalue("_pg_database")
    import sqlalchemy as sa

    from events import store as store_mod

    engine = sa.create_engine(url)
    store_mod._metadata.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Any]:
    """An empty :class:`events.store.Store` on each of the ``store_url`` databases."""
    from events.store import Store

    with Store(store_url) as st:
        yield st


@pytest.fixture
def locked_sqlite(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A SQLite file whose write lock another connection holds; ``release()`` frees it.

    The store's waits are shortened so that the retries take a fraction of a second.
    """
    import sqlite3

    from events import store as store_mod
    from events.store import Store

    path = tmp_path / "locked.sqlite"
    url = f"sqlite:///{path}"
    Store(url).close()
    monkeypatch.setattr(store_mod, "BUSY_TIMEOUT", 0.05)
    monkeypatch.setattr(store_mod, "RETRY_WAIT", 0.01)
    monkeypatch.setattr(store_mod, "LOCK_RETRIES", 3)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE store_state SET value = value")

    class Locked:
        def __init__(self) -> None:
            self.url = url

        def release(self) -> None:
            if holder.in_transaction:
                holder.execute("COMMIT")

    yield Locked()
    Locked().release()
    holder.close()
