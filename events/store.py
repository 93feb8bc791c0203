"""The event database: the only module that talks SQL.

One code path serves SQLite (the default file, or ``sqlite://`` in memory for
tests) and PostgreSQL (``postgresql+psycopg://...``), through SQLAlchemy 2
Core rather than the ORM, because bulk inserts and the million-row load for
the dashboard must be fast.

Tables: ``events`` (the record of DESIGN.md plus matching helpers),
``reports`` (one row per ingested report or imported file), ``corrections``
(hand edits of events: who changed which field from what to what, when),
``store_state`` (a change counter behind :meth:`Store.data_version`) and
``schema_version`` (the version number :func:`_migrate` upgrades from).

Many processes may write at once (scheduled ingests beside uploads through the
dashboard). Every write is one transaction that first takes the database's
write lock (:func:`_write`), so incident matching always sees the events other
writers committed; reports and events are inserted with ``ON CONFLICT DO
NOTHING``, so a report stored by someone else meanwhile is a duplicate, not an
error; and the schema is created once, under its own lock.
"""

from __future__ import annotations

import json
import operator
import queue
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from events import config
from events.incidents import (
    Candidate,
    IncidentIndex,
    bbox,
    date_window,
    day_number,
)
from events.model import RECORD_FIELDS, Event

if TYPE_CHECKING:
    import pandas as pd

#: Version of the schema this code writes; :func:`_migrate` brings older databases here.
SCHEMA_VERSION = 1

_metadata = sa.MetaData()

events_table = sa.Table(
    "events",
    _metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("incident_id", sa.String(64), nullable=False),
    sa.Column("report", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("report_date", sa.String(10), nullable=False),
    sa.Column("event_type", sa.String(32), nullable=False),
    sa.Column("actor1", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("location", sa.Text, nullable=False),
    sa.Column("place", sa.Text, nullable=False),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("country", sa.String(2), nullable=False),
    sa.Column("admin1", sa.Text, nullable=False),
    sa.Column("admin2", sa.Text),
    sa.Column("lat", sa.Float, nullable=False),
    sa.Column("lon", sa.Float, nullable=False),
    sa.Column("geo_precision", sa.SmallInteger, nullable=False),
    sa.Column("date", sa.String(10), nullable=False),
    sa.Column("date_precision", sa.String(8), nullable=False),
    sa.Column("magnitude", sa.Float),
    sa.Column("magnitude_unit", sa.String(32)),
    sa.Column("certainty", sa.String(16), nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("notes", sa.Text),
    # Not part of the record: which reports row the event came with, when, and the
    # date as day numbers so that window queries and the frame load stay numeric.
    sa.Column("report_key", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(32), nullable=False),
    sa.Column("day", sa.Integer, nullable=False),
    sa.Column("win_start", sa.Integer, nullable=False),
    sa.Column("win_end", sa.Integer, nullable=False),
    sa.Index("ix_events_date", "day"),
    sa.Index("ix_events_type_window", "event_type", "win_start", "win_end"),
    sa.Index("ix_events_country_admin1", "country", "admin1"),
    sa.Index("ix_events_incident", "incident_id"),
)

reports_table = sa.Table(
    "reports",
    _metadata,
    sa.Column("report_key", sa.Text, primary_key=True),
    sa.Column("sha1", sa.String(40)),
    sa.Column("name", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("report_date", sa.String(10)),
    sa.Column("ingested_at", sa.String(32), nullable=False),
    sa.Column("n_events", sa.Integer, nullable=False, default=0),
    sa.Column("meta", sa.JSON),
)

corrections_table = sa.Table(
    "corrections",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(64), nullable=False, index=True),
    sa.Column("field", sa.String(32), nullable=False),
    sa.Column("original", sa.Text),
    sa.Column("corrected", sa.Text),
    sa.Column("user", sa.Text),
    sa.Column("at", sa.String(32), nullable=False),
)

state_table = sa.Table(
    "store_state",
    _metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
)

schema_table = sa.Table(
    "schema_version",
    _metadata,
    sa.Column("version", sa.Integer, nullable=False),
)

_EXTRA = ("notes",)
_DERIVED = ("report_key", "ingested_at", "day", "win_start", "win_end")
_CHUNK = 5000
#: Largest number of bound parameters in one ``IN (...)`` (SQLite allows 32766).
_IN_CHUNK = 900
#: Seconds SQLite waits for another process's write lock before answering "database is locked".
BUSY_TIMEOUT = 5.0
#: Write transactions that met "database is locked" are tried again this many times, after
#: waits that double from :data:`RETRY_WAIT` up to :data:`RETRY_WAIT_MAX` seconds; then
#: :class:`StoreBusyError`. With the busy timeout the bound is about 40 s.
LOCK_RETRIES = 6
RETRY_WAIT = 0.05
RETRY_WAIT_MAX = 2.0
#: PostgreSQL advisory-lock keys (any fixed 64-bit numbers, unique to this project):
#: one serialises schema creation, the other every write that matches incidents.
_SCHEMA_LOCK = 0x6576_6E74_7301
_WRITE_LOCK = 0x6576_6E74_7302
#: Columns that become pandas categoricals in :meth:`Store.load_frame`.
CATEGORICAL_COLUMNS: tuple[str, ...] = (
    "report", "source", "url", "event_type", "actor1", "actor2", "location", "place",
    "country", "admin1", "admin2", "date_precision", "magnitude_unit", "certainty",
)
_STRING_COLUMNS = ("id", "incident_id", "evidence", "notes")
#: The rules :meth:`Store.correct` may change, with the record field they touch.
_CORRECTABLE = frozenset(RECORD_FIELDS) - {"id", "incident_id", "report", "evidence",
                                           "evidence_start", "evidence_end"}

# Steps that bring a database from version N-1 to N; each runs in one transaction.
# There is only version 1 so far: add ``2: _to_v2`` here when the schema changes.
_MIGRATIONS: dict[int, Any] = {}


class StoreBusyError(RuntimeError):
    """Another process held the database's write lock for longer than the retries wait."""


@dataclass(frozen=True)
class AddResult:
    """What one :meth:`Store.add_report` or :meth:`Store.add_events` call changed."""

    new_events: int
    new_incidents: int
    duplicate_report: bool


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # WAL lets the dashboard read while a CLI ingest writes; NORMAL is safe under WAL
    # and much faster than FULL for the bulk paths.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> sa.Engine:
    """Return an engine for ``url`` with this project's SQLite settings.

    In-memory SQLite (``sqlite://``) shares one connection across threads so
    that every caller sees the same database.
    """
    sa_url = sa.make_url(url)
    if sa_url.get_backend_name() == "sqlite":
        in_memory = sa_url.database in (None, "", ":memory:")
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False,
                                                   "timeout": BUSY_TIMEOUT}}
        if in_memory:
            kwargs["poolclass"] = StaticPool
        engine = sa.create_engine(url, **kwargs)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if sa_url.get_backend_name() == "postgresql":
        return sa.create_engine(url, pool_pre_ping=True)
    raise ValueError(f"unsupported database URL {url!r}: expected sqlite:/// or postgresql+psycopg://")


def _migrate(engine: sa.Engine) -> int:
    """Create missing tables and bring the schema to :data:`SCHEMA_VERSION`; return it.

    Several processes may open a new database at once (scheduled ingests beside
    the dashboard), so the check and the creation run as one locked transaction:
    ``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL. The lock is
    only taken when something is missing: an up-to-date database is merely read.
    """
    try:
        with engine.connect() as conn:
            if _schema_current(conn):
                return SCHEMA_VERSION
    except sa.exc.OperationalError as exc:
        if not _is_locked(exc):
            raise
    return _write(engine, _migrate_locked, lock_key=_SCHEMA_LOCK)


def _schema_current(conn: sa.Connection) -> bool:
    """Return True when the schema needs no change (raise if it is newer than this code)."""
    if not sa.inspect(conn).has_table(schema_table.name):
        return False
    version = _stored_version(conn)
    if version != SCHEMA_VERSION:
        return False
    return conn.dialect.name != "postgresql" or not _postgis_pending(conn)


def _stored_version(conn: sa.Connection) -> int | None:
    """Return the database's schema version (None when new); refuse one newer than this code."""
    version = conn.execute(sa.select(sa.func.max(schema_table.c.version))).scalar()
    if version is not None and version > SCHEMA_VERSION:
        raise ValueError(
            f"database schema version {version} is newer than this code's {SCHEMA_VERSION}: "
            "upgrade the project"
        )
    return version


def _migrate_locked(conn: sa.Connection) -> int:
    """Create and upgrade the schema inside the schema lock's transaction."""
    _metadata.create_all(conn, checkfirst=True)
    version = _stored_version(conn)
    if version is None:
        conn.execute(schema_table.insert().values(version=SCHEMA_VERSION))
        conn.execute(_insert_ignore(conn, state_table, ["key"]),
                     [{"key": "data_version", "value": 0}])
        version = SCHEMA_VERSION
    # All steps in the one transaction: an upgrade that fails half-way leaves the old schema.
    for target in range(version + 1, SCHEMA_VERSION + 1):
        _MIGRATIONS[target](conn)
        conn.execute(schema_table.update().values(version=target))
    if conn.dialect.name == "postgresql":
        _add_postgis_point(conn)
    return SCHEMA_VERSION


def _is_locked(exc: BaseException) -> bool:
    """Return True for SQLite's "database is locked/busy": worth waiting and trying again."""
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "database is busy" in text


def _write(engine: sa.Engine, work: Callable[[sa.Connection], Any], *,
           lock_key: int = _WRITE_LOCK) -> Any:
    """Run ``work(conn)`` in one write transaction that holds the database's write lock.

    On SQLite the transaction starts with ``BEGIN IMMEDIATE``, which takes the
    write lock before the first read; on PostgreSQL it first takes the advisory
    lock ``lock_key``. Either way, what ``work`` reads (stored reports, incident
    candidates) cannot change under it until it commits: two processes that
    store events of one incident at once are served one after the other, and
    the second one matches against the first one's events.

    "database is locked" (another process kept the SQLite write lock past
    :data:`BUSY_TIMEOUT`) is retried with growing waits, :data:`LOCK_RETRIES`
    times, then raised as :class:`StoreBusyError`.
    """
    wait = RETRY_WAIT
    for attempt in range(LOCK_RETRIES + 1):
        try:
            with engine.begin() as conn:
                if conn.dialect.name == "sqlite":
                    # pysqlite opens no transaction for reads, and lets an explicit BEGIN stand.
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                else:
                    conn.execute(sa.select(sa.func.pg_advisory_xact_lock(lock_key)))
                return work(conn)
        except sa.exc.OperationalError as exc:
            if not _is_locked(exc):
                raise
            if attempt == LOCK_RETRIES:
                raise StoreBusyError(
                    f"database is locked: another process kept writing to "
                    f"{engine.url.render_as_string(hide_password=True)} through "
                    f"{LOCK_RETRIES + 1} attempts of {BUSY_TIMEOUT:g} s; nothing was stored, "
                    "try again when it has finished") from exc
            time.sleep(wait)
            wait = min(wait * 2, RETRY_WAIT_MAX)
    raise AssertionError("unreachable")  # pragma: no cover


def _postgis_pending(conn: sa.Connection) -> bool:
    """Return True when the database has PostGIS but ``events`` lacks its point column."""
    if not conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").first():
        return False
    return not conn.exec_driver_sql(
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = 'events' AND column_name = 'geom' "
        "AND table_schema = current_schema()").first()


def _add_postgis_point(conn: sa.Connection) -> bool:
    """Give ``events`` a PostGIS point column and GiST index when the database has PostGIS.

    The column is generated from lat/lon, so no write path changes; it serves
    spatial SQL from other tools (``ST_DWithin(geom, ...)``). Nothing happens
    when the extension is not installed in the database. Returns whether it was added.
    """
    if not _postgis_pending(conn):
        return False
    conn.exec_driver_sql(
        "ALTER TABLE events ADD COLUMN geom geometry(Point, 4326) GENERATED ALWAYS AS "
        "(ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED")
    conn.exec_driver_sql("CREATE INDEX ix_events_geom ON events USING GIST (geom)")
    return True


def _insert_ignore(conn: sa.Connection, table: sa.Table, keys: list[str]) -> Any:
    """Return an INSERT that skips rows whose primary key exists, for this dialect."""
    name = conn.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - make_engine admits only the two above
        raise ValueError(f"unsupported dialect {name!r}: expected sqlite or postgresql")
    return insert(table).on_conflict_do_nothing(index_elements=keys)


def _raw_insert(conn: sa.Connection) -> tuple[str, tuple[str, ...] | None]:
    """Return the dialect's insert-or-ignore SQL for events and its positional key order."""
    cols = [c.name for c in events_table.columns]
    compiled = _insert_ignore(conn, events_table, ["id"]).compile(
        dialect=conn.dialect, column_keys=cols)
    order = tuple(compiled.positiontup) if compiled.positional else None
    return str(compiled), order


_ROW_KEYS = (*RECORD_FIELDS, "notes")
_ROW_VALUES = operator.attrgetter(*_ROW_KEYS)


def _row(ev: Event, report_key: str, at: str) -> dict[str, Any]:
    row = dict(zip(_ROW_KEYS, _ROW_VALUES(ev), strict=True))
    start, end = date_window(ev.date, ev.date_precision)
    row.update(report_key=report_key, ingested_at=at, day=day_number(ev.date),
               win_start=start, win_end=end)
    return row


def _candidate(row: dict[str, Any] | Any) -> Candidate:
    get = row.get if isinstance(row, dict) else row._mapping.get
    return Candidate(get("id"), get("incident_id"), get("report"), get("event_type"),
                     get("lat"), get("lon"), get("win_start"), get("win_end"),
                     get("actor1"), get("actor2"))


_CAND_COLS = [events_table.c[n] for n in ("id", "incident_id", "report", "event_type", "lat",
                                          "lon", "win_start", "win_end", "actor1", "actor2")]


def _chunks(seq: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


class Store:
    """The event database at one URL.

    Parameters
    ----------
    url : str or None
        SQLAlchemy URL. None takes ``EVENTS_DB`` or else the project's SQLite
        file (see :mod:`events.config`). The schema is created on first use.

    Examples
    --------
    >>> with Store("sqlite://") as store:
    ...     store.count()
    0
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = config.db_url(url)
        self.engine = make_engine(self.url)
        self._lock = threading.Lock()
        _migrate(self.engine)

    # -- life cycle ---------------------------------------------------------------
    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # -- writing ------------------------------------------------------------------
    def add_report(self, report_key: str, events: list[Event], *,
                   meta: dict[str, Any] | None = None) -> AddResult:
        """Store one report's events in one transaction, matching them to incidents.

        Re-adding the same report adds nothing: event ids come from the report
        text and the evidence span, and existing ids are skipped. If anything
        fails, neither the report nor any of its events is stored.

        Parameters
        ----------
        report_key : str
            Identity of the report (its content hash, or a pasted-text id).
        events : list of Event
            The events read from it (``incident_id`` is reassigned here).
        meta : dict, optional
            Stored with the report: ``sha1``, ``name``, ``source``, ``url``,
            ``report_date`` go to columns, everything else to ``meta``.

        Returns
        -------
        AddResult
            Counts of new events and new incidents, and whether the report was known.

        Examples
        --------
        >>> with Store("sqlite://") as store:
        ...     store.add_report("r1", []).duplicate_report
        False
        """
        meta = dict(meta or {})
        first = events[0] if events else None
        at = _now()
        row = {
            "report_key": report_key,
            "sha1": meta.pop("sha1", None),
            "name": meta.pop("name", first.report if first else None),
            "source": meta.pop("source", first.source if first else None),
            "url": meta.pop("url", first.url if first else None),
            "report_date": meta.pop("report_date", first.report_date if first else None),
            "ingested_at": at,
            "n_events": len(events),
            "meta": meta or None,
        }

        def work(conn: sa.Connection) -> AddResult:
            known = not self._claim_report(conn, row)
            new_events, new_incidents = self._insert(conn, events, report_key, at,
                                                     per_event_query=True)
            if new_events:
                self._bump_version(conn)
            return AddResult(new_events, new_incidents, known)

        with self._lock:
            return _write(self.engine, work)

    def _claim_report(self, conn: sa.Connection, row: dict[str, Any]) -> bool:
        """Insert the ``reports`` row unless its key is stored; return whether it was new.

        The database's own conflict handling decides (``ON CONFLICT DO NOTHING``),
        so a report stored by another process at the same moment is "already
        stored", never an error.
        """
        insert = _insert_ignore(conn, reports_table, ["report_key"])
        # RETURNING rather than rowcount: psycopg reports no rowcount for this statement.
        return conn.execute(insert.returning(reports_table.c.report_key), row).first() is not None

    def add_events(self, events: Iterable[Event], *, report_key: str = "bulk",
                   match_incidents: bool = True, meta: dict[str, Any] | None = None,
                   chunk_size: int = 50_000) -> AddResult:
        """Store many events fast (imports, the sample, synthetic data).

        Events are written in chunks of ``chunk_size``, each chunk in one
        transaction with ``executemany``; existing ids are skipped.

        Parameters
        ----------
        events : iterable of Event
            The events; each keeps its own ``report`` field.
        report_key : str
            The ``reports`` row these events are filed under (e.g. ``"import:ucdp:x.csv"``).
        match_incidents : bool
            True (default) matches every new event to incidents, against the
            stored events and the others in the chunk, through an in-memory grid
            (:class:`events.incidents.IncidentIndex`). False keeps
            ``incident_id`` as given: use it for synthetic data or when the
            source already groups events, it is about twice as fast.
        meta : dict, optional
            Stored with the ``reports`` row.
        chunk_size : int
            Events per transaction.

        Returns
        -------
        AddResult
            Totals over all chunks; ``duplicate_report`` says whether ``report_key`` existed.
        """
        at = _now()
        total_new = total_inc = 0
        known: bool | None = None
        iterator = iter(events)

        def work(conn: sa.Connection, batch: list[Event]) -> tuple[int, int, bool]:
            stored_before = not self._claim_report(conn, {
                "report_key": report_key, "name": report_key, "ingested_at": at,
                "n_events": 0, "meta": meta or None})
            new, inc = self._insert(conn, batch, report_key, at,
                                    per_event_query=False, match=match_incidents)
            if new:
                conn.execute(reports_table.update()
                             .where(reports_table.c.report_key == report_key)
                             .values(n_events=reports_table.c.n_events + new))
                self._bump_version(conn)
            return new, inc, stored_before

        while True:
            batch = [ev for _, ev in zip(range(chunk_size), iterator, strict=False)]
            if not batch and known is not None:
                break
            with self._lock:
                new, inc, was_known = _write(self.engine, lambda c, b=batch: work(c, b))
            # Whether the key existed before this call: the first chunk's answer.
            known = was_known if known is None else known
            total_new += new
            total_inc += inc
            if len(batch) < chunk_size:
                break
        return AddResult(total_new, total_inc, bool(known))

    def _existing_ids(self, conn: sa.Connection, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for part in _chunks(ids, _IN_CHUNK):
            found.update(conn.execute(
                sa.select(events_table.c.id).where(events_table.c.id.in_(part))).scalars())
        return found

    def _insert(self, conn: sa.Connection, events: list[Event], report_key: str, at: str, *,
                per_event_query: bool, match: bool = True) -> tuple[int, int]:
        """Insert the events not yet stored; return (new events, new incidents)."""
        if not events:
            return 0, 0
        existing = self._existing_ids(conn, [ev.id for ev in events])
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        for ev in events:
            if ev.id in existing or ev.id in seen:
                continue
            seen.add(ev.id)
            rows.append(_row(ev, report_key, at))
        if not rows:
            return 0, 0
        if match:
            new_incidents = self._assign_incidents(conn, rows, per_event_query)
        else:
            new_incidents = sum(r["incident_id"] == r["id"] for r in rows)
        sql, order = _raw_insert(conn)
        for part in _chunks(rows, _CHUNK):
            # Driver-level executemany: SQLAlchemy's per-row parameter processing
            # costs more than SQLite's own insert work at these volumes.
            if order is not None:
                values = operator.itemgetter(*order)
                conn.exec_driver_sql(sql, [values(r) for r in part])
            else:
                conn.exec_driver_sql(sql, list(part))
        return len(rows), new_incidents

    def _assign_incidents(self, conn: sa.Connection, rows: list[dict[str, Any]],
                          per_event_query: bool) -> int:
        """Set each row's incident_id to the incident it joins, or to its own id."""
        index = IncidentIndex()
        if per_event_query:
            stored: list[Candidate] = []
            for row in rows:
                stored.extend(self._stored_candidates(conn, [row]))
        else:
            stored = self._stored_candidates(conn, rows)
        for cand in stored:
            index.add(cand)
        new = 0
        for row in rows:
            row["incident_id"] = row["id"]
            me = _candidate(row)
            hit = index.match(me)
            if hit is None:
                new += 1
            else:
                row["incident_id"] = hit.incident_id
                me = _candidate(row)
            index.add(me)
        return new

    def _stored_candidates(self, conn: sa.Connection,
                           rows: list[dict[str, Any]]) -> list[Candidate]:
        """Ask the database for stored events that ``rows`` might join.

        One query per event type, bounded by that type's date windows and
        bounding box, so a chunk of one kind does not pull in every other kind.
        """
        t = events_table.c
        by_type: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            by_type.setdefault(r["event_type"], []).append(r)
        found: list[Candidate] = []
        for etype, group in by_type.items():
            boxes = [bbox(r["lat"], r["lon"]) for r in group]
            query = sa.select(*_CAND_COLS).where(
                t.event_type == etype,
                t.win_start <= max(r["win_end"] for r in group),
                t.win_end >= min(r["win_start"] for r in group),
                t.lat.between(min(b[0] for b in boxes), max(b[1] for b in boxes)),
                t.lon.between(min(b[2] for b in boxes), max(b[3] for b in boxes)),
            )
            found.extend(_candidate(r) for r in conn.execute(query))
        return found

    def _bump_version(self, conn: sa.Connection) -> None:
        conn.execute(state_table.update().where(state_table.c.key == "data_version")
                     .values(value=state_table.c.value + 1))

    def correct(self, event_id: str, field: str, value: Any, *, user: str | None = None) -> Event:
        """Change one field of a stored event and record who changed it from what.

        The corrected event is validated like any other; the change and the
        original value go to the ``corrections`` table.

        Parameters
        ----------
        event_id : str
            The event's id.
        field : str
            A record field other than ids, report and evidence.
        value : Any
            The new value.
        user : str, optional
            Who made the correction.

        Returns
        -------
        Event
            The event as stored now.
        """
        if field not in _CORRECTABLE:
            raise ValueError(f"invalid field {field!r}: expected one of "
                             f"{', '.join(sorted(_CORRECTABLE))}")

        def work(conn: sa.Connection) -> Event:
            row = conn.execute(sa.select(events_table).where(events_table.c.id == event_id)).first()
            if row is None:
                raise KeyError(f"no event with id {event_id!r}")
            data = dict(row._mapping)
            original = data[field]
            data[field] = value
            ev = Event.from_dict(data)
            new_row = _row(ev, data["report_key"], data["ingested_at"])
            conn.execute(events_table.update().where(events_table.c.id == event_id).values(
                **{k: new_row[k] for k in (field, "day", "win_start", "win_end")}))
            conn.execute(corrections_table.insert().values(
                event_id=event_id, field=field,
                original=None if original is None else str(original),
                corrected=None if value is None else str(value), user=user, at=_now()))
            self._bump_version(conn)
            return ev

        with self._lock:
            return _write(self.engine, work)

    def corrections(self, event_id: str | None = None) -> list[dict[str, Any]]:
        """Return the recorded corrections (of one event, or all), oldest first."""
        query = sa.select(corrections_table).order_by(corrections_table.c.id)
        if event_id is not None:
            query = query.where(corrections_table.c.event_id == event_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    # -- reading ------------------------------------------------------------------
    def count(self) -> int:
        """Return the number of stored events."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(events_table)).scalar())

    def data_version(self) -> str:
        """Return a token that changes whenever events change (one indexed row read).

        Examples
        --------
        >>> with Store("sqlite://") as store:
        ...     store.data_version()
        '0'
        """
        with self.engine.connect() as conn:
            value = conn.execute(sa.select(state_table.c.value)
                                 .where(state_table.c.key == "data_version")).scalar()
        return str(value or 0)

    def reports(self) -> list[dict[str, Any]]:
        """Return the stored reports' rows (key, name, source, dates, event count, meta)."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(reports_table).order_by(reports_table.c.ingested_at))
            return [dict(r._mapping) for r in rows]

    def _where(self, *, start: str | None = None, end: str | None = None,
               event_types: Sequence[str] | None = None, country: str | None = None,
               admin1: str | Sequence[str] | None = None, actors: Sequence[str] | None = None,
               certainty: Sequence[str] | str | None = None, source: str | None = None,
               text: str | None = None) -> list[Any]:
        t = events_table.c
        conds: list[Any] = []
        if start:
            conds.append(t.day >= day_number(str(start)))
        if end:
            conds.append(t.day <= day_number(str(end)))
        if event_types:
            conds.append(t.event_type.in_(list(event_types)))
        if country:
            conds.append(t.country == country)
        if admin1:
            conds.append(t.admin1.in_([admin1] if isinstance(admin1, str) else list(admin1)))
        if actors:
            names = list(actors)
            conds.append(sa.or_(t.actor1.in_(names), t.actor2.in_(names)))
        if certainty:
            wanted = [certainty] if isinstance(certainty, str) else list(certainty)
            conds.append(t.certainty.in_(wanted))
        if source:
            conds.append(t.source == source)
        if text:
            needle = text.lower()
            # autoescape: a % or _ typed by the user is a character, not a wildcard.
            conds.append(sa.or_(*[sa.func.lower(col).contains(needle, autoescape=True)
                                  for col in (t.evidence, t.place, t.location)]))
        return conds

    def query(self, *, start: str | None = None, end: str | None = None,
              event_types: Sequence[str] | None = None, country: str | None = None,
              admin1: str | Sequence[str] | None = None, actors: Sequence[str] | None = None,
              certainty: Sequence[str] | str | None = None, source: str | None = None,
              text: str | None = None, limit: int | None = None) -> list[Event]:
        """Return stored events matching every given filter, by date then id.

        Parameters
        ----------
        start, end : str, optional
            Inclusive date range ``YYYY-MM-DD`` on the event's date.
        event_types : sequence of str, optional
            Keep these types.
        country : str, optional
            ``"IQ"`` or ``"SY"``.
        admin1 : str or sequence of str, optional
            Governorate name(s).
        actors : sequence of str, optional
            Keep events where actor1 or actor2 is one of these.
        certainty : str or sequence of str, optional
            ``reported``, ``claimed``, ``disputed``.
        source : str, optional
            Exact outlet name.
        text : str, optional
            Case-insensitive substring of evidence, place or location.
        limit : int, optional
            At most this many events.

        Returns
        -------
        list of Event

        Examples
        --------
        >>> with Store("sqlite://") as store:
        ...     store.query(start="2014-06-01", event_types=["seizure"])
        []
        """
        t = events_table.c
        stmt = (sa.select(*[t[n] for n in (*RECORD_FIELDS, *_EXTRA)])
                .where(*self._where(start=start, end=end, event_types=event_types,
                                    country=country, admin1=admin1, actors=actors,
                                    certainty=certainty, source=source, text=text))
                .order_by(t.day, t.id))
        if limit is not None:
            stmt = stmt.limit(int(limit))
        with self.engine.connect() as conn:
            return [Event(**r._mapping) for r in conn.execute(stmt)]

    def get(self, event_id: str) -> Event | None:
        """Return the event with this id, or None."""
        t = events_table.c
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*[t[n] for n in (*RECORD_FIELDS, *_EXTRA)])
                               .where(t.id == event_id)).first()
        return None if row is None else Event(**row._mapping)

    def load_frame(self, *, columns: Sequence[str] | None = None,
                   driver: str = "auto") -> pd.DataFrame:
        """Load all events into a typed DataFrame, fast (a million events in about 3 s).

        With the ADBC driver installed (``adbc-driver-postgresql``) the rows of
        a PostgreSQL database arrive as Arrow columns without a Python object per
        cell; otherwise they are fetched through the DB-API cursor in chunks.
        Both paths end in the same Arrow-to-pandas typing. SQLite files are read
        through the DB-API unless ``driver="adbc"`` is asked for: ADBC's driver
        brings its own copy of SQLite, and two copies in one process that also
        writes break each other's locks (one deletes the WAL the other still
        uses), so a running dashboard would stop seeing new events.

        Parameters
        ----------
        columns : sequence of str, optional
            Record fields to load (default: all of them plus ``notes``).
        driver : str
            ``"auto"`` (ADBC for PostgreSQL when installed), ``"adbc"`` (also for a
            SQLite file, in a process that does not write to it: benchmarks) or ``"dbapi"``.

        Returns
        -------
        pandas.DataFrame
            Categoricals for the repeated text columns (:data:`CATEGORICAL_COLUMNS`),
            ``datetime64[ns]`` ``date`` and ``report_date``, ``float32`` lat/lon,
            pyarrow strings for ids and evidence; sorted by date (ties in insertion
            order), index 0..n-1.

        Examples
        --------
        >>> with Store("sqlite://") as store:
        ...     store.load_frame(columns=["id", "date"]).dtypes.astype(str).to_dict()
        {'id': 'string', 'date': 'datetime64[ns]'}
        """
        wanted = list(columns) if columns is not None else [*RECORD_FIELDS, *_EXTRA]
        bad = [c for c in wanted if c not in events_table.c or c in _DERIVED]
        if bad:
            raise ValueError(f"invalid columns {bad!r}: expected record fields "
                             f"{', '.join(RECORD_FIELDS)}")
        if driver not in ("auto", "adbc", "dbapi"):
            raise ValueError(f"invalid driver={driver!r}: expected auto, adbc or dbapi")
        # The date travels as its day number (converting integers beats parsing text).
        # NULLs travel as sentinels ('' or -1, impossible values in those columns):
        # ADBC's SQLite driver infers a column's type from its first batch, and a
        # batch of NULLs would make a text column look like integers.
        # On SQLite the rowid comes along: it orders same-day events by insertion and
        # lets several threads read disjoint rowid ranges at once.
        # Each cell costs the driver about the same whatever its type, so cells are
        # saved where it is safe: the closed-vocabulary text columns travel as one
        # joined string, and on SQLite day and rowid as one sort key.
        sqlite = self.engine.url.get_backend_name() == "sqlite"
        packed = [c for c in _PACKED if c in wanted]
        if len(packed) < 2:
            packed = []
        select_cols = [c for c in ("day" if c == "date" else c for c in wanted)
                       if c not in packed and c != "day"]
        select_cols.append("_key" if sqlite else "day")
        if packed:
            select_cols.append("_packed")
        exprs = []
        for c in select_cols:
            if c == "_key":
                exprs.append("((day << 33) | rowid)")
            elif c == "_packed":
                exprs.append(f" || '{_SEP}' || ".join(f"coalesce({p}, '')" for p in packed))
            elif c in _SENTINEL:
                exprs.append(f"coalesce({c}, {_SENTINEL[c]!r})")
            else:
                exprs.append(c)
        sql = f"SELECT {', '.join(exprs)} FROM events"
        queries = [sql]
        if sqlite:
            with self.engine.connect() as conn:
                top = conn.exec_driver_sql("SELECT max(rowid) FROM events").scalar() or 0
            k = _FRAME_THREADS if top >= 4 * _FRAME_BATCH else 1
            bounds = [top * i // k for i in range(k + 1)]
            queries = [f"{sql} WHERE rowid > {lo} AND rowid <= {hi}"
                       for lo, hi in zip(bounds, bounds[1:], strict=False)]
        builder = _FrameBuilder(select_cols, packed)
        done = False
        if sqlite and driver == "auto":
            driver = "dbapi"  # one copy of SQLite per process: see the docstring
        if driver == "adbc" and sqlite and not _adbc_is_current(self.engine.url,
                                                                 self.data_version()):
            raise RuntimeError("the ADBC SQLite driver sees an older snapshot of "
                               f"{self.engine.url.database} than this process wrote: "
                               "read with driver='dbapi'")
        if driver != "dbapi":
            try:
                done = _adbc_batches(self.engine.url, queries, builder,
                                     required=driver == "adbc")
            except _adbc_errors() as exc:
                if driver == "adbc":
                    raise
                # The generic path is slower but shares SQLAlchemy's connection
                # settings; a driver hiccup must not keep the dashboard from starting.
                warnings.warn(f"ADBC read failed ({exc}); reading through the DB-API",
                              RuntimeWarning, stacklevel=2)
                builder, done = _FrameBuilder(select_cols, packed), False
        if not done:
            _dbapi_batches(self.engine, sql, builder)
        frame = builder.frame(wanted)
        _release_arrow_memory()
        return frame

    def incidents(self, *, start: str | None = None, end: str | None = None,
                  event_types: Sequence[str] | None = None,
                  min_sources: int = 1) -> pd.DataFrame:
        """Return one row per incident with how many independent sources report it.

        Parameters
        ----------
        start, end : str, optional
            Keep incidents with an event dated in this range.
        event_types : sequence of str, optional
            Keep these types.
        min_sources : int
            Keep incidents with at least this many distinct outlets.

        Returns
        -------
        pandas.DataFrame
            Columns ``incident_id, event_type, place, country, admin1, lat, lon,
            date, date_end, actor1, actor2, n_events, n_reports, n_sources,
            sources``; ``n_sources`` counts distinct outlets (``source``),
            ``n_reports`` distinct reports. Sorted by date.
        """
        from events.incidents import incident_table

        frame = self.load_frame(columns=["incident_id", "event_type", "place", "country",
                                         "admin1", "lat", "lon", "date", "actor1", "actor2",
                                         "report", "source"])
        return incident_table(frame, start=start, end=end, event_types=event_types,
                              min_sources=min_sources)


def _arrow_type(name: str) -> Any:
    import pyarrow as pa

    if name == "_key":
        return pa.int64()
    if name == "_packed":
        return pa.string()
    col = events_table.c[name]
    if isinstance(col.type, sa.Float):
        return pa.float64()
    if isinstance(col.type, sa.Integer):
        return pa.int64()
    return pa.string()


#: Stand-ins for NULL while rows travel to :meth:`Store.load_frame` (see there).
_SENTINEL: dict[str, Any] = {
    **{c.name: "" for c in events_table.columns
       if c.nullable and c.name in (*CATEGORICAL_COLUMNS, *_STRING_COLUMNS)},
    "magnitude": -1.0,
    "geonameid": -1,
}
_FRAME_BATCH = 100_000
#: Text columns with a closed vocabulary, read as one joined string (see load_frame).
_PACKED = ("event_type", "country", "certainty", "date_precision", "magnitude_unit")
_SEP = "\x1f"  # ASCII unit separator: never part of those vocabularies
#: Threads that read a SQLite file at once in :meth:`Store.load_frame`.
_FRAME_THREADS = 2


def _release_arrow_memory() -> None:
    """Hand the fetch buffers Arrow's allocator keeps back to the system (smaller RSS)."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()


def _adbc_errors() -> tuple[type[BaseException], ...]:
    try:
        from adbc_driver_manager import Error
    except ImportError:
        return ()
    return (Error,)


def _adbc_connect(url: sa.URL, *, required: bool) -> Any:
    """Return an ADBC connection for ``url``, or None when no driver fits."""
    try:
        if url.get_backend_name() == "sqlite":
            if url.database in (None, "", ":memory:"):
                if required:
                    raise ValueError("driver='adbc' cannot read an in-memory SQLite database")
                return None
            import adbc_driver_sqlite.dbapi as adbc

            conn = adbc.connect(url.database)
            # Readers may meet a WAL recovery or checkpoint in progress: wait, don't fail.
            cur = conn.cursor()
            cur.execute("PRAGMA busy_timeout = 30000")
            cur.fetchall()
            cur.close()
            return conn
        import adbc_driver_postgresql.dbapi as adbc

        return adbc.connect(url.set(drivername="postgresql").render_as_string(hide_password=False))
    except ImportError:
        if required:
            raise
        return None


def _adbc_is_current(url: sa.URL, version: str) -> bool:
    """Return False when an ADBC connection reads another data version than ``version``.

    True when ADBC is not installed or cannot open the database (the caller's
    own fallback handles those).
    """
    try:
        conn = _adbc_connect(url, required=False)
    except _adbc_errors():
        return True
    if conn is None:
        return True
    try:
        cur = conn.cursor()
        cur.execute("SELECT value FROM store_state WHERE key = 'data_version'")
        row = cur.fetchone()
        cur.close()
    except _adbc_errors():
        return True
    finally:
        conn.close()
    return str(row[0] if row and row[0] is not None else 0) == version


def _adbc_batches(url: sa.URL, queries: list[str], builder: _FrameBuilder, *,
                  required: bool) -> bool:
    """Stream the queries through ADBC into ``builder``; False if ADBC is unavailable.

    Each query runs in its own thread on its own connection (the drivers release
    the GIL), while this thread shrinks the batches already fetched.
    """
    conns = []
    for _ in queries:
        conn = _adbc_connect(url, required=required)
        if conn is None:
            return False
        conns.append(conn)
    batches: queue.Queue[Any] = queue.Queue(maxsize=len(queries))
    done = object()

    def produce(conn: Any, sql: str) -> None:
        try:
            cur = conn.cursor()
            if url.get_backend_name() == "sqlite":
                cur.adbc_statement.set_options(
                    **{"adbc.sqlite.query.batch_rows": str(_FRAME_BATCH)})
            cur.execute(sql)
            for batch in cur.fetch_record_batch():
                batches.put(batch)
            cur.close()
            batches.put(done)
        except Exception as exc:  # noqa: BLE001 - handed to the consuming thread, re-raised there
            batches.put(exc)

    workers = [threading.Thread(target=produce, args=(conn, sql), daemon=True,
                                name=f"load_frame-fetch-{i}")
               for i, (conn, sql) in enumerate(zip(conns, queries, strict=True))]
    for worker in workers:
        worker.start()
    try:
        finished = 0
        while finished < len(workers):
            item = batches.get()
            if item is done:
                finished += 1
            elif isinstance(item, Exception):
                raise item
            else:
                builder.add(item)
    finally:
        # Let the producers finish even if a batch failed here.
        while any(w.is_alive() for w in workers):
            try:
                batches.get(timeout=0.1)
            except queue.Empty:
                continue
        for worker, conn in zip(workers, conns, strict=True):
            worker.join()
            conn.close()
    return True


def _dbapi_batches(engine: sa.Engine, sql: str, builder: _FrameBuilder) -> None:
    """Stream ``sql`` through the DB-API cursor into ``builder`` in chunks."""
    import pyarrow as pa

    types = [_arrow_type(n) for n in builder.names]
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(sql)
        while rows := cur.fetchmany(_FRAME_BATCH // 4):
            arrays = [pa.array(values, type=t)
                      for values, t in zip(zip(*rows, strict=True), types, strict=True)]
            del rows
            builder.add(pa.RecordBatch.from_arrays(arrays, names=builder.names))
        cur.close()
    finally:
        raw.close()


class _FrameBuilder:
    """Turns Arrow record batches of event columns into the typed frame, batch by batch.

    Each batch is shrunk at once (text to codes into one growing dictionary per
    column, numbers to their final width), so peak memory stays near the final
    frame's size.
    """

    def __init__(self, names: list[str], packed: list[str] | None = None) -> None:
        self.names = names
        self.packed = list(packed or [])
        self.parts: dict[str, list[Any]] = {n: [] for n in names}

    def _categorical(self, name: str) -> tuple[Any, Any]:
        """Return (codes, categories) of a text column from its batches' dictionaries.

        All batch dictionaries are encoded together once (Arrow's hash, in C++),
        which gives each batch entry its code in the column-wide dictionary.
        """
        import numpy as np
        import pandas as pd
        import pyarrow as pa
        import pyarrow.compute as pc

        parts = self.parts[name]
        if not parts:
            return np.zeros(0, np.int32), pd.Index([], dtype=object)
        merged = pc.dictionary_encode(pa.concat_arrays([d for d, _ in parts]))
        positions = merged.indices.to_numpy(zero_copy_only=False).astype(np.int32)
        categories = merged.dictionary.to_numpy(zero_copy_only=False)
        blank = np.flatnonzero(categories == "") if _SENTINEL.get(name) == "" else []
        if len(blank):
            # '' stands for NULL in the nullable text columns: code -1, not a category.
            k = int(blank[0])
            categories = np.delete(categories, k)
            positions = np.where(positions == k, -1, positions - (positions > k))
        codes, offset = [], 0
        for dictionary, idx in parts:
            mapping = np.append(positions[offset:offset + len(dictionary)], np.int32(-1))
            codes.append(mapping[idx])
            offset += len(dictionary)
        return np.concatenate(codes), pd.Index(categories, dtype=object)

    def add(self, batch: Any) -> None:
        """Shrink one record batch into the column parts."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        for i, name in enumerate(self.names):
            col = batch.column(i).cast(_arrow_type(name))
            if name in CATEGORICAL_COLUMNS or name in ("report_date", "_packed"):
                enc = pc.dictionary_encode(col)
                # Nulls point one past the dictionary: the -1 that _categorical appends.
                idx = enc.indices.fill_null(len(enc.dictionary)).to_numpy(zero_copy_only=False)
                self.parts[name].append((enc.dictionary, idx))
            elif name in _STRING_COLUMNS:
                if _SENTINEL.get(name) == "":
                    col = pc.if_else(pc.equal(col, ""), pa.scalar(None, pa.string()), col)
                self.parts[name].append(col)
            elif name == "magnitude":
                values = col.to_numpy(zero_copy_only=False).astype(np.float64)
                values[values < 0] = np.nan
                self.parts[name].append(values)
            elif name in ("geonameid", "day", "_key"):
                self.parts[name].append(col.to_numpy(zero_copy_only=False).astype(np.int64))
            elif name in ("lat", "lon"):
                self.parts[name].append(col.to_numpy().astype(np.float32))
            elif name == "geo_precision":
                self.parts[name].append(col.to_numpy().astype(np.int8))
            else:
                self.parts[name].append(col.to_numpy().astype(np.int32))

    def frame(self, wanted: list[str]) -> pd.DataFrame:
        """Return the typed frame of the ``wanted`` columns, sorted by date."""
        import numpy as np
        import pandas as pd
        import pyarrow as pa

        # Sort by day, then by rowid where known (batches may arrive from several
        # threads in any order), else by arrival.
        if "_key" in self.parts:
            parts = self.parts.pop("_key")
            key = np.concatenate(parts) if parts else np.zeros(0, np.int64)
            day = key >> 33
        else:
            parts = self.parts.pop("day")
            key = day = np.concatenate(parts) if parts else np.zeros(0, np.int64)
        self.parts["day"] = []
        unpacked = self._unpack()
        order = None
        if len(key) > 1 and not bool(np.all(key[1:] >= key[:-1])):
            order = np.argsort(key, kind="stable")
        data: dict[str, Any] = {}
        for name in wanted:
            source = "day" if name == "date" else name
            parts = self.parts.get(source, [])
            if source == "day":
                values = day
            elif name in _STRING_COLUMNS:
                values = (pa.concat_arrays(parts) if parts else pa.array([], pa.string()))
                if order is not None and values.null_count < len(values):
                    values = values.take(pa.array(order))
            elif name in unpacked:
                values, cats = unpacked.pop(name)
            elif name in CATEGORICAL_COLUMNS or name == "report_date":
                values, cats = self._categorical(name)
            else:
                values = (np.concatenate(parts) if parts
                          else np.zeros(0, np.float32 if name in ("lat", "lon") else np.int32))
            if order is not None and name not in _STRING_COLUMNS:
                values = values[order]
            if name == "date":
                values = values.astype("datetime64[D]").astype("datetime64[ns]")
            elif name == "report_date":
                days = pd.to_datetime(cats, format="%Y-%m-%d").values.astype("datetime64[ns]")
                values = days[values] if len(days) else np.zeros(0, "datetime64[ns]")
            elif name in CATEGORICAL_COLUMNS:
                values = pd.Categorical.from_codes(values, dtype=pd.CategoricalDtype(cats))
            elif name in _STRING_COLUMNS:
                values = pd.arrays.ArrowStringArray(values)
            elif name == "geonameid":
                values = pd.arrays.IntegerArray(np.where(values < 0, 0, values), values < 0)
            data[name] = values
            if source in self.parts:
                self.parts[source] = []
        return pd.DataFrame(data, columns=wanted)

    def _unpack(self) -> dict[str, tuple[Any, Any]]:
        """Split the joined closed-vocabulary column into (codes, categories) per column."""
        import numpy as np
        import pandas as pd

        if not self.packed:
            return {}
        codes, combos = self._categorical("_packed")
        self.parts["_packed"] = []
        fields = [str(c).split(_SEP) for c in combos]
        out = {}
        for i, name in enumerate(self.packed):
            values = np.array([f[i] if i < len(f) else "" for f in fields], dtype=object)
            local, cats = pd.factorize(values)
            cats = pd.Index(cats, dtype=object)
            if "" in cats:  # NULL's stand-in (magnitude_unit): missing, not a category
                k = cats.get_loc("")
                cats = cats.delete(k)
                local = np.where(local == k, -1, local - (local > k))
            mapping = np.append(local, -1).astype(np.int32)
            out[name] = (mapping[np.where(codes < 0, len(local), codes)], cats)
        return out


def report_meta(report: Any) -> dict[str, Any]:
    """Return the ``meta`` for :meth:`Store.add_report` from an ``events.reports.Report``."""
    meta = {k: getattr(report, k, None) for k in ("name", "source", "url", "report_date",
                                                    "title", "date_estimated")}
    meta["sha1"] = getattr(report, "raw_sha1", None)
    return json.loads(json.dumps(meta, default=str))
