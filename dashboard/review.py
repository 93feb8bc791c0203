"""Reports in through the browser: upload or paste, review the extracted events, accept.

The analyst uploads files (.txt, .html; several at once; at most 5 MB each)
or pastes text. Each report is read (:func:`events.reports.read_bytes`) and
its events extracted; they appear in an editable review table (type, place
from the gazetteer with type-ahead, date, actors, figure, certainty; the
evidence sentence is shown as is). Deleting a row rejects an event; "Add a
missed event" adds one. "Accept" stores only the rows left, with who and
when, and keeps every correction with its original value (through
``Store.correct``, and in the report's ``meta``) so that extraction quality
can be measured later. A report already in the database is reported as
such and nothing is stored twice; an unreadable file gets a clear message
and the others proceed.

The helpers are pure and tested directly; :func:`layout_items` and
:func:`register_callbacks` are the :mod:`dashboard.extensions` hooks.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from dashboard import uploads
from events.model import (
    ACTORS,
    CERTAINTIES,
    EVENT_TYPES,
    MAGNITUDE_UNITS,
    Event,
    EventValidationError,
    event_id,
)
from events.reports import MAX_BYTES, Report, ReportError, read_bytes, read_text

#: File types the upload accepts.
ALLOWED_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm")
#: Review-table columns: (id, header, editable).
COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("report", "Report", False),
    ("event_type", "Type", True),
    ("place", "Place", True),
    ("date", "Date (YYYY-MM-DD)", True),
    ("actor1", "Actor", True),
    ("actor2", "Other side", True),
    ("magnitude", "Figure", True),
    ("magnitude_unit", "Unit", True),
    ("certainty", "Certainty", True),
    ("evidence", "Evidence", False),
)
#: Fields a review can change, and so the fields a correction can name.
EDITABLE: tuple[str, ...] = tuple(c for c, _, editable in COLUMNS if editable)
#: Record fields that follow from the place chosen in the gazetteer.
PLACE_FIELDS: tuple[str, ...] = ("place", "geonameid", "country", "admin1", "admin2", "lat", "lon")
#: How many gazetteer places the type-ahead offers (most prominent first).
PLACE_OPTIONS = 4000
_ADDED_NOTE = "added by analyst in review"


# -- reading uploads ---------------------------------------------------------------------------

def decode_upload(contents: str, filename: str) -> Report:
    """Read one ``dcc.Upload`` item (a ``data:...;base64,...`` URL) as a report.

    Parameters
    ----------
    contents : str
        The data URL the browser sent.
    filename : str
        The file's name; only its basename is kept.

    Returns
    -------
    Report

    Raises
    ------
    ReportError
        Wrong file type, bad encoding, empty, binary or bigger than 5 MB; the
        message names the file and says why.

    Examples
    --------
    >>> data = "data:text/plain;base64," + base64.b64encode(b"Militants took the town.").decode()
    >>> decode_upload(data, "a.txt").name
    'a.txt'
    >>> decode_upload(data, "a.pdf")
    Traceback (most recent call last):
    ...
    events.reports.ReportError: a.pdf: not a .txt or .html file (allowed: .txt, .html, .htm)
    """
    name = PurePath(str(filename or "upload")).name
    if PurePath(name).suffix.lower() not in ALLOWED_SUFFIXES:
        raise ReportError(
            f"{name}: not a .txt or .html file (allowed: {', '.join(ALLOWED_SUFFIXES)})")
    _, _, payload = str(contents or "").partition(",")
    if len(payload) * 3 // 4 > MAX_BYTES + 3:
        raise ReportError(f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ReportError(f"{name}: the upload is not valid base64 data") from exc
    try:
        return read_bytes(data, name=name)
    except ReportError as exc:
        raise ReportError(f"{name}: {exc}") from exc


def report_key(report: Report) -> str:
    """Return the key a report is stored under (the same as ``events ingest`` uses)."""
    return report.raw_sha1 or report.name


def pasted_report(text: str, *, now: datetime | None = None) -> Report:
    """Read pasted text as a report named after the moment it was pasted.

    Examples
    --------
    >>> pasted_report("Clashes broke out in the town.", now=datetime(2024, 1, 2, 3, 4, 5)).name
    'pasted-20240102-030405'
    """
    moment = now or datetime.now(UTC)
    return read_text(text or "", name=f"pasted-{moment:%Y%m%d-%H%M%S}")


# -- the gazetteer's places for the type-ahead ------------------------------------------------

def place_label(place: str, admin1: str | None, country: str | None) -> str:
    """Return the option text of a place: ``"Mosul — Ninewa, IQ"``.

    Examples
    --------
    >>> place_label("Mosul", "Ninewa", "IQ")
    'Mosul — Ninewa, IQ'
    """
    return f"{place} — {admin1 or '?'}, {country or '?'}"


@lru_cache(maxsize=1)
def place_options() -> dict[str, dict[str, Any]]:
    """Return the type-ahead's places: label -> record fields, most prominent first."""
    import geodata

    index = geodata.get_gazetteer().index
    order = sorted(range(len(index)), key=lambda i: -index.prominence[i])[:PLACE_OPTIONS]
    options: dict[str, dict[str, Any]] = {}
    for i in order:
        label = place_label(index.name[i], index.admin1[i], index.country[i])
        options.setdefault(label, {
            "place": index.name[i], "geonameid": index.geonameid[i],
            "country": index.country[i], "admin1": index.admin1[i], "admin2": index.admin2[i],
            "lat": index.lat[i], "lon": index.lon[i],
        })
    return options


def _place_fields(label: str, known: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Record fields of a chosen place label: from the options, else by resolving its name."""
    if label in known:
        return known[label]
    name, _, rest = label.partition(" — ")
    country = rest.rsplit(", ", 1)[-1] if ", " in rest else None
    import geodata

    place = geodata.resolve(name.strip(), country=country if country in ("IQ", "SY") else None)
    if place is None or place.lat is None:
        return None
    return {"place": place.name, "geonameid": place.geonameid, "country": place.country,
            "admin1": place.admin1, "admin2": place.admin2, "lat": place.lat, "lon": place.lon}


# -- table rows <-> events -------------------------------------------------------------------

def event_rows(events: Iterable[Event], key: str) -> list[dict[str, Any]]:
    """Return the review-table rows of a report's events (``id`` is the event id).

    Examples
    --------
    >>> event_rows([], "r1")
    []
    """
    rows = []
    for ev in events:
        rows.append({
            "id": ev.id, "report_key": key, "report": ev.report, "event_type": ev.event_type,
            "place": place_label(ev.place, ev.admin1, ev.country), "date": ev.date,
            "actor1": ev.actor1, "actor2": ev.actor2, "magnitude": ev.magnitude,
            "magnitude_unit": ev.magnitude_unit, "certainty": ev.certainty,
            "evidence": ev.evidence,
        })
    return rows


def set_dates(rows: list[dict[str, Any]], selected: Iterable[int], day: str) -> list[dict]:
    """Return ``rows`` with the date of the rows at positions ``selected`` set to ``day``.

    Examples
    --------
    >>> set_dates([{"date": "2014-06-01"}, {"date": None}], [1], "2014-06-09T00:00:00")
    [{'date': '2014-06-01'}, {'date': '2014-06-09'}]
    """
    chosen = set(selected)
    return [{**row, "date": str(day)[:10]} if i in chosen else row
            for i, row in enumerate(rows)]


def blank_row(key: str, report_name: str, n: int) -> dict[str, Any]:
    """Return an empty row for an event the extractor missed (``id`` marks it as new)."""
    return {"id": f"new-{n}", "report_key": key, "report": report_name, "event_type": None,
            "place": None, "date": None, "actor1": None, "actor2": None, "magnitude": None,
            "magnitude_unit": None, "certainty": "reported", "evidence": ""}


def _normal(field_name: str, value: Any) -> Any:
    """Bring a table cell to the record's type (empty -> None, numbers as float)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if field_name == "magnitude":
        return float(value)
    if field_name == "date":
        return str(value).strip()[:10]
    return value


@dataclass
class Review:
    """What accepting one report's reviewed rows gives: events to store, and the audit trail."""

    events: list[Event] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def review_events(rows: list[dict[str, Any]], originals: list[dict[str, Any]], *,
                  report_text: str, places: dict[str, dict[str, Any]] | None = None) -> Review:
    """Turn one report's reviewed rows back into events, with corrections and rejections.

    Parameters
    ----------
    rows : list of dict
        The table rows left for this report (deleted rows are rejections).
    originals : list of dict
        The extracted events (``Event.to_dict()``), as shown before review.
    report_text : str
        The report's text: an added event's evidence is looked up in it.
    places : dict, optional
        Place label -> record fields (:func:`place_options`); other labels are
        resolved through ``geodata.resolve``.

    Returns
    -------
    Review
        ``events``: the accepted events as the analyst left them;
        ``corrections``: one ``{event_id, field, original, corrected}`` per
        changed field (a new place changes every place field); ``rejected``
        and ``added``: event ids; ``errors``: rows that are not valid events,
        each naming the row and the problem (nothing is stored then).
    """
    places = places if places is not None else {}
    by_id = {o["id"]: o for o in originals}
    kept = {row.get("id") for row in rows}
    review = Review(rejected=[i for i in by_id if i not in kept])
    for n, row in enumerate(rows, start=1):
        original = by_id.get(row.get("id"))
        try:
            record = dict(original) if original else _new_record(row, n, report_text, originals)
            changes = _apply_row(record, row, places)
            event = Event.from_dict(record)
        except (EventValidationError, ValueError, TypeError) as exc:
            review.errors.append(f"row {n} ({row.get('report', '')}): {exc}")
            continue
        review.events.append(event)
        if original is None:
            review.added.append(event.id)
            continue
        for name, value in changes.items():
            before = original.get(name)
            if _normal(name, before) != _normal(name, value) and not (
                    name in ("lat", "lon") and before is not None and value is not None
                    and abs(float(before) - float(value)) < 1e-9):
                review.corrections.append({"event_id": event.id, "field": name,
                                           "original": before, "corrected": value})
    return review


def _new_record(row: dict[str, Any], n: int, text: str,
                originals: list[dict[str, Any]]) -> dict[str, Any]:
    """Start the record of an event the analyst added: report fields from its siblings."""
    evidence = str(row.get("evidence") or "").strip()
    if not evidence:
        raise ValueError("an added event needs its evidence sentence (copy it from the report)")
    start = text.find(evidence)
    span = (start, start + len(evidence)) if start >= 0 else (0, 0)
    sibling = originals[0] if originals else {}
    return {
        "id": event_id(text, span[0], span[1], str(row.get("event_type")),
                       str(row.get("place")), ordinal=1000 + n),
        "incident_id": "", "report": row.get("report") or sibling.get("report"),
        "source": sibling.get("source") or "analyst", "url": sibling.get("url"),
        "report_date": sibling.get("report_date") or row.get("date"),
        "location": str(row.get("place") or "").partition(" — ")[0],
        "geo_precision": 1, "date_precision": "day", "evidence": evidence,
        "evidence_start": span[0], "evidence_end": span[1], "notes": _ADDED_NOTE,
    }


def _apply_row(record: dict[str, Any], row: dict[str, Any],
               places: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Write the row's editable cells into ``record``; return the fields it set."""
    changes: dict[str, Any] = {}
    for name in EDITABLE:
        value = _normal(name, row.get(name))
        if name == "place":
            current = place_label(record.get("place", ""), record.get("admin1"),
                                  record.get("country"))
            if value is None:
                raise ValueError("place is empty: choose one from the gazetteer")
            if value != current or "lat" not in record:
                fields = _place_fields(value, places)
                if fields is None:
                    raise ValueError(f"place {value!r} is not in the gazetteer")
                changes.update(fields)
            continue
        changes[name] = value
    record.update(changes)
    if record.get("magnitude") is not None and not record.get("magnitude_unit"):
        raise ValueError("a figure needs its unit")
    return changes


# -- accepting -------------------------------------------------------------------------------

def current_user() -> str:
    """Return who is reviewing: the basic-auth user, else ``DASHBOARD_USER``, else "analyst"."""
    try:
        from flask import has_request_context, request

        if has_request_context() and request.authorization and request.authorization.username:
            return str(request.authorization.username)
    except ImportError:  # pragma: no cover - flask comes with dash
        pass
    return os.environ.get("DASHBOARD_USER") or "analyst"


def accept_report(store: Any, key: str, meta: dict[str, Any], review: Review, *, user: str,
                  now: datetime | None = None) -> str:
    """Store one reviewed report and its corrections; return a message for the analyst.

    The extracted events are stored as extracted, then each correction is
    applied through ``Store.correct`` (which keeps the original value); the
    report's ``meta`` records who accepted it, when, the corrections, the
    rejected and the added events. A report already stored is left alone.
    """
    name = meta.get("name") or key
    if review.errors:
        return f"{name}: not stored — " + "; ".join(review.errors)
    accepted_at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    full_meta = {**meta, "user": user, "accepted_at": accepted_at,
                 "corrections": _jsonable(review.corrections), "rejected": review.rejected,
                 "added": review.added}
    # Store what the extractor read, then correct it: the store keeps both values.
    before = {(c["event_id"], c["field"]): c["original"] for c in review.corrections}
    result = store.add_report(key, [_as_extracted(ev, before) for ev in review.events],
                              meta=full_meta)
    if result.duplicate_report:
        return f"{name}: already ingested — nothing stored"
    for correction in review.corrections:
        store.correct(correction["event_id"], correction["field"], correction["corrected"],
                      user=user)
    return (f"{name}: stored {result.new_events} event(s) ({len(review.corrections)} "
            f"correction(s), {len(review.rejected)} rejected, {len(review.added)} added)")


def _as_extracted(ev: Event, originals: dict[tuple[str, str], Any]) -> Event:
    """Return the event with its corrected fields put back to the extractor's values."""
    record = ev.to_dict()
    for (event_id_, name), value in originals.items():
        if event_id_ == ev.id:
            record[name] = value
    return Event.from_dict({**record, "notes": ev.notes})


def _jsonable(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: (v if isinstance(v, (str, int, float, bool)) or v is None else str(v))
             for k, v in item.items()} for item in items]


# -- extension hooks -------------------------------------------------------------------------

OPEN = "review-open"
MODAL = "review-modal"
UPLOAD = "review-upload"
PASTE = "review-paste"
READ_PASTE = "review-read-paste"
MESSAGES = "review-messages"
TABLE = "review-table"
ADD_ROW = "review-add-row"
REJECT_ROWS = "review-reject-rows"
ACCEPT = "review-accept"
PENDING = "review-pending"
DATE_PICK = "review-date"


#: Columns whose cells are chosen from a fixed list, with the list.
_CHOICES: dict[str, tuple[str, ...]] = {
    "event_type": EVENT_TYPES, "actor1": ACTORS, "actor2": ACTORS,
    "magnitude_unit": MAGNITUDE_UNITS, "certainty": CERTAINTIES,
}


def table_columns() -> list[dict[str, Any]]:
    """Return the review grid's column definitions (AG Grid): editors per field.

    Fixed lists (type, actors, unit, certainty) are chosen from a list; the
    place is typed and checked against the gazetteer when the report is
    accepted; the figure is a number; the date is picked or typed as
    YYYY-MM-DD. The evidence of an extracted event is read-only (it is the
    report's own sentence); that of an added event is typed in.
    """
    columns: list[dict[str, Any]] = [{"field": "select", "headerName": "", "width": 44,
                                      "checkboxSelection": True,
                                      "headerCheckboxSelection": True, "editable": False,
                                      "sortable": False, "suppressMovable": True}]
    for column_id, header, editable in COLUMNS:
        spec: dict[str, Any] = {"field": column_id, "headerName": header, "editable": editable,
                                "resizable": True, "wrapText": column_id == "evidence",
                                "autoHeight": column_id == "evidence"}
        if column_id in _CHOICES:
            spec["cellEditor"] = "agSelectCellEditor"
            spec["cellEditorParams"] = {"values": ["", *_CHOICES[column_id]]}
        if column_id == "magnitude":
            spec["cellEditor"] = "agNumberCellEditor"
        if column_id == "date":
            spec["cellEditor"] = "agDateStringCellEditor"
        if column_id == "evidence":
            # Only an event the analyst adds has evidence to type in.
            spec["editable"] = {"function": "String(params.data.id).startsWith('new-')"}
            spec["minWidth"] = 380
            spec["flex"] = 1
        columns.append(spec)
    return columns


def layout_items(slot: str, source: Any) -> list:
    """Return the "Add reports" toolbar button, and the upload-and-review dialog."""
    import dash_ag_grid as dag
    import dash_bootstrap_components as dbc
    from dash import dcc, html

    if slot == "toolbar":
        return [dbc.Button("Add reports", id=OPEN, size="sm", color="primary",
                           className="text-nowrap")]
    if slot != "modals":
        return []
    body = [
        # No accept= or max_size=: the browser would drop such files silently; the
        # server reads every file and says why one is refused.
        dcc.Upload(
            id=UPLOAD, multiple=True,
            children=html.Div(["Drop .txt or .html reports here, or ",
                               html.A("choose files", href="#"),
                               f" (5 MB each, {uploads.max_files()} files at most)"]),
            className="border border-2 border-secondary-subtle rounded p-3 text-center mb-2",
        ),
        *uploads.status_items(),
        dbc.Textarea(id=PASTE, placeholder="…or paste a report's text here",
                     style={"height": "6rem"}, className="mb-1"),
        dbc.Button("Read pasted text", id=READ_PASTE, size="sm", color="secondary",
                   className="mb-2"),
        html.Div(id=MESSAGES, className="small mb-2"),
        html.Div([
            html.Span("Date of the ticked rows: ", className="small me-2"),
            dcc.DatePickerSingle(id=DATE_PICK, display_format="YYYY-MM-DD",
                                 placeholder="pick a date", clearable=True),
        ], className="d-flex align-items-center mb-2"),
        dag.AgGrid(
            id=TABLE, columnDefs=table_columns(), rowData=[], getRowId="params.data.id",
            defaultColDef={"minWidth": 96, "singleClickEdit": True},
            dashGridOptions={"rowSelection": "multiple", "suppressRowClickSelection": True,
                             "stopEditingWhenCellsLoseFocus": True, "pagination": True,
                             "paginationPageSize": 20, "paginationPageSizeSelector": False,
                             "domLayout": "autoHeight"},
            className="ag-theme-alpine review-grid", style={"width": "100%"}),
        dcc.Store(id=PENDING, data={}),
    ]
    footer = [
        html.Span("Tick rows to reject them or to set their date. Places are checked against "
                  "the gazetteer; dates as YYYY-MM-DD.", className="small hint me-auto"),
        dbc.Button("Reject ticked rows", id=REJECT_ROWS, size="sm", color="danger",
                   outline=True),
        dbc.Button("Add a missed event", id=ADD_ROW, size="sm", color="secondary"),
        dbc.Button("Accept", id=ACCEPT, size="sm", color="success"),
    ]
    return [dbc.Modal([dbc.ModalHeader(dbc.ModalTitle("Add reports")), dbc.ModalBody(body),
                       dbc.ModalFooter(footer)], id=MODAL, size="xl", is_open=False,
                      scrollable=True)]


def read_submissions(files: list[str] | None, names: list[str] | None, pasted: str | None,
                     known_keys: set[str], *, extract: Callable[[Report], list[Event]],
                     max_files: int | None = None) -> tuple[dict, list, list[str]]:
    """Read uploaded and pasted reports: pending entries, their table rows, messages.

    Unreadable files and reports already stored give a message each; the
    others proceed. More than ``max_files`` files (setting
    ``max_upload_files``) are refused whole, before any is decoded.
    """
    refusal = uploads.too_many_files(len(files or []), uploads.max_files(max_files))
    if refusal:
        return {}, [], [f"Could not read the upload: {refusal}"]
    items: list[tuple[str, Callable[[], Report]]] = []
    for contents, name in zip(files or [], names or [], strict=False):
        items.append((str(name), lambda c=contents, n=name: decode_upload(c, n)))
    if pasted and pasted.strip():
        items.append(("pasted text", lambda: pasted_report(pasted)))
    pending: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    messages: list[str] = []
    for label, read in items:
        try:
            report = read()
        except ReportError as exc:
            reason = str(exc) if str(exc).startswith(label) else f"{label}: {exc}"
            messages.append(f"Could not read {reason}")
            continue
        key = report_key(report)
        if key in known_keys or key in pending:
            messages.append(f"{report.name}: already ingested — nothing new to review")
            continue
        try:
            found = extract(report)
        except Exception as exc:  # noqa: BLE001 - one report must not stop the others
            messages.append(f"Could not read {report.name}: extraction failed: "
                            f"{type(exc).__name__}: {exc}")
            continue
        from events.store import report_meta

        pending[key] = {"meta": report_meta(report), "text": report.text,
                        "events": [ev.to_dict() for ev in found]}
        rows += event_rows(found, key)
        messages.append(f"{report.name}: {len(found)} event(s) found — review them below")
    return pending, rows, messages


def register_review_callbacks(app: Any, store_getter: Callable[[], Any],
                              on_stored: Callable[[], None] | None = None) -> None:
    """Register the dialog's callbacks; ``store_getter()`` returns the ``Store`` (or None)."""
    from dash import Input, Output, State, ctx, html, no_update

    @app.callback(Output(MODAL, "is_open"), Input(OPEN, "n_clicks"), State(MODAL, "is_open"),
                  prevent_initial_call=True)
    def _toggle(_clicks: int | None, is_open: bool) -> bool:
        return not is_open

    @app.callback(
        Output(PENDING, "data"), Output(TABLE, "rowData"),
        Output(MESSAGES, "children"), Output(uploads.BATCH_DONE, "data"), Output(PASTE, "value"),
        Input(uploads.BATCH, "data"), Input(READ_PASTE, "n_clicks"), Input(ADD_ROW, "n_clicks"),
        Input(ACCEPT, "n_clicks"), Input(DATE_PICK, "date"), Input(REJECT_ROWS, "n_clicks"),
        State(PASTE, "value"), State(PENDING, "data"),
        State(TABLE, "rowData"), State(TABLE, "selectedRows"), State(MESSAGES, "children"),
        prevent_initial_call=True,
    )
    def _review(batch, _read, _add, _accept, picked, _reject, pasted, pending, rows, ticked,
                shown):
        # Uploaded files come a few at a time from the browser's queue (dashboard.uploads).
        batch = batch if isinstance(batch, dict) else {}
        contents, names = batch.get("contents"), batch.get("names")
        pending, rows = dict(pending or {}), list(rows or [])
        trigger = ctx.triggered_id
        store = store_getter()
        messages: list[str] = []
        chosen = {r.get("id") for r in ticked or [] if isinstance(r, dict)}
        selected = [i for i, row in enumerate(rows) if row.get("id") in chosen]
        if trigger == REJECT_ROWS:
            if not selected:
                return (no_update, no_update, _messages(["Tick the rows to reject first."]),
                        no_update, no_update)
            return (pending, [r for r in rows if r.get("id") not in chosen], no_update,
                    no_update, no_update)
        if trigger == DATE_PICK:
            if not picked or not selected:
                return (no_update, no_update,
                        _messages(["Tick the rows whose date to set, then pick the date."])
                        if picked else no_update, no_update, no_update)
            return pending, set_dates(rows, selected, picked), no_update, no_update, no_update
        if trigger == ADD_ROW:
            if not pending:
                return (no_update, no_update,
                        _messages(["Read a report first: an added event belongs to one."]),
                        no_update, no_update)
            key = list(pending)[-1]
            rows.append(blank_row(key, pending[key]["meta"].get("name") or key, len(rows) + 1))
            return pending, rows, no_update, no_update, no_update
        if trigger == ACCEPT:
            if store is None:
                return (no_update, no_update, _messages(
                    ["This dashboard shows a fixed set of events: nothing can be stored."]),
                    no_update, no_update)
            user, places = current_user(), place_options()
            left: dict[str, Any] = {}
            for key, entry in pending.items():
                mine = [r for r in rows if r.get("report_key") == key]
                review = review_events(mine, entry["events"], report_text=entry["text"],
                                       places=places)
                message = accept_report(store, key, entry["meta"], review, user=user)
                messages.append(message)
                if review.errors:
                    left[key] = entry
            if on_stored is not None:
                on_stored()
            kept_rows = [r for r in rows if r.get("report_key") in left]
            return left, kept_rows, _messages(messages), no_update, no_update
        from events.extract import extract_events

        known = {r.get("report_key") for r in store.reports()} if store is not None else set()
        known |= set(pending)
        new, new_rows, messages = read_submissions(
            contents if trigger == uploads.BATCH else None,
            names if trigger == uploads.BATCH else None,
            pasted if trigger == READ_PASTE else None, known, extract=extract_events)
        pending.update(new)
        rows += new_rows
        # The messages of one upload's batches add up; a new upload or paste starts afresh.
        earlier = (list(shown or []) if trigger == uploads.BATCH and not batch.get("first")
                   else [])
        return (pending, rows, earlier + _messages(messages),
                uploads.batch_done(batch) if trigger == uploads.BATCH else no_update,
                "" if new and trigger == READ_PASTE else no_update)

    uploads.register_queue(app, UPLOAD, limit=uploads.max_files())

    def _messages(lines: list[str]) -> list:
        return [html.Div(line, className="text-danger" if line.startswith(
            ("Could not", "This dashboard")) or "not stored" in line else "") for line in lines]


def register_callbacks(app: Any, source: Any) -> None:
    """Extension hook: review callbacks on the app's store (``source.store``)."""
    refresh = getattr(source, "refresh", None)
    register_review_callbacks(app, lambda: getattr(source, "store", None),
                              on_stored=refresh if callable(refresh) else None)
