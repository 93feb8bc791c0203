"""The bundled sample: real 2014–2017 events and example reports for the first start.

``make run`` on an empty database loads this sample so that the map shows
something real. Three parts, all under ``events/data`` (see its README for
sources and licences):

- ``sample_events.csv``: records of real events in Iraq and Syria, one row per
  event and published report, each linking to that report; the evidence is
  our own paraphrase of the report and says so;
- ``ucdp_ged_sample.csv``: a subset of UCDP GED rows (CC BY 4.0), imported when
  the UCDP importer is available;
- ``example_reports/``: short example texts written by the team, read and
  extracted like any ingested report; their source says they are examples
  (:data:`EXAMPLE_SOURCE`), and briefings do not count them as sources.

Loading is idempotent: ids are derived from the content, so a second load adds
nothing.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from events.model import RECORD_FIELDS, Event, event_id

if TYPE_CHECKING:
    from events.store import Store

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
SAMPLE_CSV = DATA_DIR / "sample_events.csv"
UCDP_CSV = DATA_DIR / "ucdp_ged_sample.csv"
EXAMPLE_DIR = DATA_DIR / "example_reports"
#: The ``source`` of the example reports: not a news outlet, never counted as a source.
EXAMPLE_SOURCE = "Example text written for this project (not a news report)"
#: ``reports`` row the CSV events are filed under; its presence marks a loaded sample.
SAMPLE_REPORT_KEY = "sample:sample_events.csv"
UCDP_REPORT_KEY = "sample:ucdp_ged_sample.csv"
EXAMPLE_SUFFIXES = (".txt", ".html", ".htm")

_NULLABLE = ("url", "actor1", "actor2", "geonameid", "admin2", "magnitude", "magnitude_unit")


@dataclass
class SampleSummary:
    """What :func:`load_sample` did.

    Attributes
    ----------
    csv_events : int
        Rows read from ``sample_events.csv``.
    ucdp_events : int
        UCDP GED rows stored (0 when the importer is unavailable).
    reports_read : int
        Example reports read and extracted.
    report_events : int
        Events extracted from the example reports.
    new_events : int
        Events that were not stored before this call (all parts together).
    new_incidents : int
        Incidents created by this call.
    skipped : list of (str, str)
        Parts or files left out, each with the reason.
    """

    csv_events: int = 0
    ucdp_events: int = 0
    reports_read: int = 0
    report_events: int = 0
    new_events: int = 0
    new_incidents: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Return the summary as short human-readable lines."""
        out = [
            f"sample events: {self.csv_events} in sample_events.csv",
            f"UCDP GED rows: {self.ucdp_events}",
            f"example reports: {self.reports_read} read, {self.report_events} events extracted",
            f"stored: {self.new_events} new events, {self.new_incidents} new incidents",
        ]
        out += [f"skipped {name}: {reason}" for name, reason in self.skipped]
        return out


def _cell(name: str, value: str | None) -> Any:
    """Turn one CSV cell into the record's value (empty nullable cells become None)."""
    if value is None:
        return None
    value = value.strip()
    if name in _NULLABLE and value == "":
        return None
    return value


def sample_event_id(row: dict[str, Any]) -> str:
    """Return the stable id of one sample row.

    The "report text" of a sample row is its report key and its evidence
    summary, so the id changes only when the row's wording or place changes.

    Parameters
    ----------
    row : dict
        A row of ``sample_events.csv`` (record fields without ``id``).

    Returns
    -------
    str
        An id in the form produced by :func:`events.model.event_id`.

    Examples
    --------
    >>> row = {"report": "r", "evidence": "Paraphrase: x.", "evidence_start": 0,
    ...        "evidence_end": 14, "event_type": "clash", "place": "Mosul"}
    >>> sample_event_id(row) == sample_event_id(dict(row))
    True
    """
    text = f"{row['report']}\n{row['evidence']}"
    return event_id(text, int(row["evidence_start"]), int(row["evidence_end"]),
                    str(row["event_type"]), str(row["place"]))


def read_sample_events(path: Path | str = SAMPLE_CSV) -> list[Event]:
    """Read the bundled sample CSV into validated events.

    Rows describing the same happening (same type, place and date, from
    different sources) share an ``incident_id``: the smallest id among them.
    The store may still regroup them when it matches incidents.

    Parameters
    ----------
    path : path-like
        A CSV with DESIGN.md's record fields except ``id`` and ``incident_id``.

    Returns
    -------
    list of Event
        One event per row, in file order.

    Raises
    ------
    ValueError
        When a column is missing or a row does not validate (the message names
        the line).

    Examples
    --------
    >>> len(read_sample_events()) >= 60
    True
    """
    path = Path(path)
    wanted = [f for f in RECORD_FIELDS if f not in ("id", "incident_id")]
    rows: list[dict[str, Any]] = []
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [f for f in wanted if f not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path.name}: missing columns {missing}; expected {wanted}")
        for raw in reader:
            row = {name: _cell(name, raw.get(name)) for name in wanted}
            row["id"] = sample_event_id(row)
            rows.append(row)
    groups: dict[tuple[str, str, str], str] = {}
    for row in rows:
        key = (row["event_type"], row["place"], row["date"])
        groups[key] = min(groups.get(key, row["id"]), row["id"])
    events = []
    for line, row in enumerate(rows, start=2):
        row["incident_id"] = groups[(row["event_type"], row["place"], row["date"])]
        try:
            events.append(Event.from_dict(row))
        except ValueError as exc:
            raise ValueError(f"{path.name} line {line}: {exc}") from exc
    return events


def is_example(source: object) -> bool:
    """Return True for the source of the bundled example reports (not a news outlet).

    Examples
    --------
    >>> is_example(EXAMPLE_SOURCE), is_example("Reuters")
    (True, False)
    """
    return source == EXAMPLE_SOURCE


def sample_is_loaded(store: Store) -> bool:
    """Return True when the bundled sample has already been loaded into ``store``.

    One indexed lookup of the sample's ``reports`` row, so ``make run`` starts
    fast on a database that already holds it.

    Examples
    --------
    >>> from events.store import Store
    >>> with Store("sqlite://") as store:
    ...     sample_is_loaded(store)
    False
    """
    return any(r.get("report_key") == SAMPLE_REPORT_KEY for r in store.reports())


#: Alias kept for callers that ask about the database rather than the sample.
sample_db_is_loaded = sample_is_loaded


def _load_ucdp(store: Store, summary: SampleSummary) -> None:
    """Import the bundled UCDP subset through the UCDP importer."""
    if not UCDP_CSV.exists():
        summary.skipped.append((UCDP_CSV.name, "file not bundled"))
        return
    from events.imports import read_ucdp

    result = read_ucdp(UCDP_CSV)
    events = list(result.events)
    for line, reason in result.errors:
        summary.skipped.append((f"{UCDP_CSV.name} line {line}", reason))
    added = store.add_events(events, report_key=UCDP_REPORT_KEY,
                             meta={"name": UCDP_CSV.name, "licence": "CC BY 4.0 (UCDP)"})
    summary.ucdp_events = len(events)
    summary.new_events += added.new_events
    summary.new_incidents += added.new_incidents


def _load_example_reports(store: Store, summary: SampleSummary) -> None:
    """Read and extract every example report; a failing file is skipped with its reason."""
    from events.extract import extract_events
    from events.reports import read_report
    from events.store import report_meta

    for path in sorted(p for p in EXAMPLE_DIR.iterdir() if p.suffix.lower() in EXAMPLE_SUFFIXES):
        try:
            report = read_report(path)
            events = extract_events(report)
        # One bad example file must not stop the rest: record why and go on.
        except (ValueError, OSError, RuntimeError, KeyError, IndexError, TypeError) as exc:
            summary.skipped.append((path.name, f"{type(exc).__name__}: {exc}"))
            continue
        meta = report_meta(report)
        key = getattr(report, "raw_sha1", None) or report.name  # as `ingest` files it
        added = store.add_report(key, events, meta=meta)
        summary.reports_read += 1
        summary.report_events += len(events)
        summary.new_events += added.new_events
        summary.new_incidents += added.new_incidents


def load_sample(store: Store, *, ucdp: bool = True, reports: bool = True) -> SampleSummary:
    """Load the bundled sample into ``store``; loading twice adds nothing.

    Parameters
    ----------
    store : events.store.Store
        Where to write.
    ucdp : bool
        Also import the bundled UCDP GED subset (when the importer exists).
    reports : bool
        Also read and extract the example reports (when the extractor exists).

    Returns
    -------
    SampleSummary
        Counts of what was read and stored, and what was skipped and why.

    Examples
    --------
    >>> from events.store import Store
    >>> with Store("sqlite://") as store:
    ...     first = load_sample(store, ucdp=False, reports=False)
    ...     again = load_sample(store, ucdp=False, reports=False)
    >>> first.new_events >= 60, again.new_events
    (True, 0)
    """
    summary = SampleSummary()
    events = read_sample_events()
    summary.csv_events = len(events)
    added = store.add_events(events, report_key=SAMPLE_REPORT_KEY,
                             meta={"name": SAMPLE_CSV.name,
                                   "note": "real events; evidence paraphrased in the "
                                           "project's words, each row linking its report"})
    summary.new_events += added.new_events
    summary.new_incidents += added.new_incidents
    if ucdp:
        _load_ucdp(store, summary)
    if reports:
        _load_example_reports(store, summary)
    return summary


def group_db(ctx: click.Context) -> str | None:
    """Return the ``--db`` given to the parent ``events`` group, if any."""
    obj = ctx.find_object(dict)
    if obj and obj.get("db"):
        return str(obj["db"])
    root = ctx.find_root()
    value = root.params.get("db") if root is not ctx else None
    return str(value) if value else None


@click.command("sample")
@click.option("--db", "db", default=None, metavar="URL",
              help="Database URL (default: the group --db, EVENTS_DB, or the SQLite file).")
@click.option("--no-ucdp", is_flag=True, help="Leave out the bundled UCDP GED rows.")
@click.option("--no-reports", is_flag=True, help="Leave out the example reports.")
@click.option("--if-empty", is_flag=True, help="Do nothing when the sample is already loaded.")
@click.pass_context
def sample_command(ctx: click.Context, db: str | None, no_ucdp: bool, no_reports: bool,
                   if_empty: bool) -> None:
    """Load the bundled sample of real 2014–2017 events and example reports.

    Running it again adds nothing (ids are derived from the content).

    Example: python -m events sample --db sqlite:///var/demo.sqlite
    """
    from events.store import Store

    with Store(db or group_db(ctx)) as store:
        if if_empty and sample_is_loaded(store):
            click.echo(f"sample already loaded ({store.count()} events stored)")
            return
        summary = load_sample(store, ucdp=not no_ucdp, reports=not no_reports)
        for line in summary.lines():
            click.echo(line)
        click.echo(f"database now holds {store.count()} events")
