"""Layout pieces: plain functions that return Dash components (no callbacks here)."""

from __future__ import annotations

from datetime import date
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.filters import EventIndex
from dashboard.palette import EVENT_COLOURS
from dashboard.state import SPEEDS
from events.model import ACTORS, CERTAINTIES, EVENT_TYPES

_GRAPH_CONFIG = {"displaylogo": False, "scrollZoom": True, "responsive": True}


def _label(text: str) -> html.Label:
    return html.Label(text, className="form-label small fw-semibold text-secondary mb-1")


def _multi(component_id: str, label: str, options: list[str], *, placeholder: str = "All",
           pretty: bool = False) -> html.Div:
    opts = [{"label": o.replace("_", " ") if pretty else o, "value": o} for o in options]
    return html.Div([
        _label(label),
        dcc.Dropdown(id=component_id, options=opts, value=[], multi=True,
                     placeholder=placeholder, className="dash-dropdown-sm"),
    ], className="mb-2")


def filter_panel(index: EventIndex) -> dbc.Card:
    """Return the filter panel: date range, list filters and free-text search."""
    first, last = index.first_day, index.last_day
    present_types = set(index.values("event_type"))
    types = [t for t in EVENT_TYPES if t in present_types]
    types += sorted(present_types - set(EVENT_TYPES))
    actors = sorted(set(index.values("actor1")) | set(index.values("actor2")),
                    key=lambda a: (a not in ACTORS, ACTORS.index(a) if a in ACTORS else 0, a))
    body = [
        html.Div([
            _label("Date range"),
            dcc.DatePickerRange(
                id=ids.DATE_RANGE, start_date=_iso(first), end_date=_iso(last),
                min_date_allowed=_iso(first), max_date_allowed=_iso(last),
                display_format="YYYY-MM-DD", first_day_of_week=1, className="w-100",
                initial_visible_month=_iso(first)),
        ], className="mb-2"),
        _multi(ids.TYPES, "Event type", types, pretty=True),
        _multi(ids.ACTORS, "Actor (either side)", actors),
        _multi(ids.COUNTRIES, "Country", index.values("country")),
        _multi(ids.ADMIN1, "Governorate", index.values("admin1")),
        _multi(ids.CERTAINTY, "Certainty", [c for c in CERTAINTIES
                                           if c in set(index.values("certainty"))]),
        _multi(ids.SOURCES, "Source", index.values("source")),
        html.Div([
            _label("Search evidence"),
            dbc.Input(id=ids.SEARCH, type="search", placeholder="words in the evidence or place",
                      debounce=True, size="sm", value=""),
        ], className="mb-3"),
        dbc.Button("Reset filters", id=ids.RESET, color="secondary", outline=True, size="sm",
                   className="w-100"),
    ]
    return dbc.Card(dbc.CardBody(body, className="p-2"), className="h-100 panel-scroll")


def legend() -> html.Div:
    """Return the legend of event types (the same palette as the markers)."""
    items = [html.Span([html.Span(className="legend-dot", style={"backgroundColor": colour}),
                        event_type.replace("_", " ")], className="legend-item")
             for event_type, colour in EVENT_COLOURS.items()]
    items.append(html.Span([html.Span(className="legend-disc"), "town control (as of end)"],
                           className="legend-item"))
    items.append(html.Span("marker size: figure (log)", className="legend-item text-muted"))
    return html.Div(items, id=ids.LEGEND, className="legend")


def map_options(extra: list) -> html.Div:
    """Return the map options: control discs, areas of control, online tiles, extension items."""
    return html.Div([
        dbc.Switch(id=ids.CONTROL, label="Town control", value=True, className="me-3 mb-0"),
        dbc.Switch(id=ids.AREAS, label="Control areas (estimate)", value=False,
                   className="me-3 mb-0"),
        dbc.Switch(id=ids.TILES, label="Online tiles", value=False, className="me-3 mb-0"),
        html.Div(extra, id=ids.SLOT_MAP_OPTIONS, className="d-flex"),
    ], className="d-flex flex-wrap align-items-center small map-options")


def map_card(figure: Any, extra_options: list) -> dbc.Card:
    """Return the map with its mode badge, options and legend."""
    return dbc.Card([
        html.Div([
            dcc.Graph(id=ids.MAP, figure=figure, config=_GRAPH_CONFIG, className="map-graph",
                      clear_on_unhover=True),
            dbc.Badge("points", id=ids.MAP_MODE, color="light", text_color="dark",
                      className="map-mode"),
        ], className="map-wrap"),
        dbc.CardFooter([map_options(extra_options), legend()], className="py-1 px-2"),
    ], className="map-card")


def timeline_card(index: EventIndex, figure: Any) -> dbc.Card:
    """Return the timeline: play controls, the scrub slider and the stacked bar chart."""
    first, last = index.first_day, index.last_day
    span = (last - first).days if first and last else 0
    marks = {}
    if first and last:
        for year in range(first.year, last.year + 1):
            day = date(year, 1, 1)
            if first <= day <= last:
                marks[(day - first).days] = str(year)
    controls = html.Div([
        dbc.Button("▶ Play", id=ids.PLAY, color="primary", size="sm", className="me-2 play-btn",
                   n_clicks=0),
        dbc.Select(id=ids.WINDOW, size="sm", value="week", className="me-2 w-auto", options=[
            {"label": "window: day", "value": "day"}, {"label": "window: week", "value": "week"},
            {"label": "window: month", "value": "month"},
            {"label": "growing window", "value": "grow"}]),
        dbc.Select(id=ids.SPEED, size="sm", value="1000", className="me-2 w-auto", options=[
            {"label": f"{1000 / s:g} frame/s", "value": str(s)} for s in SPEEDS]),
        dbc.Select(id=ids.BIN, size="sm", value="auto", className="me-3 w-auto", options=[
            {"label": "bars: auto", "value": "auto"}, {"label": "bars: day", "value": "day"},
            {"label": "bars: week", "value": "week"}, {"label": "bars: month", "value": "month"}]),
        html.Div(dcc.Slider(id=ids.SCRUB, min=0, max=max(span, 1), step=1, value=span,
                            marks=marks, updatemode="mouseup", allow_direct_input=False,
                            tooltip={"placement": "top", "always_visible": False}),
                 className="flex-grow-1 scrub"),
    ], className="d-flex align-items-center timeline-controls")
    return dbc.Card([
        dbc.CardBody([
            controls,
            dcc.Graph(id=ids.TIMELINE, figure=figure, className="timeline-graph",
                      style={"height": "130px"},
                      config={**_GRAPH_CONFIG, "scrollZoom": False,
                              "modeBarButtonsToRemove": ["lasso2d", "zoom2d", "pan2d"]}),
            html.Div("Drag across the bars to choose dates.", className="hint"),
        ], className="p-2"),
    ], className="timeline-card")


def detail_panel(extra: list) -> dbc.Card:
    """Return the detail panel (filled by a callback) and the extension panel slot."""
    return dbc.Card(dbc.CardBody([
        html.H6("Selected event", className="text-secondary"),
        html.Div(empty_detail(), id=ids.DETAIL),
        html.Div(extra, id=ids.SLOT_PANEL),
    ], className="p-2"), className="h-100 panel-scroll")


def empty_detail() -> html.P:
    """Return the detail panel's text when nothing is selected."""
    return html.P("Click a marker on the map to read its evidence and sources.",
                  className="text-muted small")


def header(title: str, toolbar: list) -> dbc.Navbar:
    """Return the top bar: title, summary line and the toolbar slot for extensions."""
    return dbc.Navbar(dbc.Container([
        html.Span(title, className="navbar-brand mb-0 h1 fs-5"),
        html.Div(id=ids.SUMMARY, className="summary text-light small flex-grow-1"),
        html.Div(toolbar, id=ids.SLOT_TOOLBAR, className="d-flex gap-2"),
    ], fluid=True, className="gap-3"), color="dark", dark=True, className="py-1 topbar")


def empty_note(index: EventIndex) -> html.Div | None:
    """Return a friendly note when the database holds no events yet."""
    if index.size:
        return None
    return dbc.Alert([
        html.Strong("No events yet. "),
        "Load the bundled sample with ",
        html.Code("python -m events sample"),
        ", ingest reports with ",
        html.Code("python -m events ingest PATH"),
        ", then reload this page.",
    ], color="info", className="m-2 mb-0 py-2", id=ids.EMPTY_NOTE)


def stores() -> list:
    """Return the non-visual components: URL, state stores and the play clock."""
    return [
        dcc.Location(id=ids.LOCATION, refresh=False),
        dcc.Store(id=ids.VIEW_STATE),
        dcc.Store(id=ids.PLAY_STATE, data={"playing": False, "run": 0}),
        dcc.Store(id=ids.FRAME_REQUEST),
        dcc.Store(id=ids.FRAME_ACK),
        dcc.Interval(id=ids.INTERVAL, interval=1000, disabled=True, n_intervals=0,
                     max_intervals=-1),
    ]


def page(index: EventIndex, *, title: str, map_figure: Any, timeline_figure: Any,
         slots: dict[str, list]) -> html.Div:
    """Return the whole page."""
    note = empty_note(index)
    return html.Div([
        *stores(),
        header(title, slots.get("toolbar", [])),
        *([note] if note else []),
        html.Div([
            html.Aside(filter_panel(index), className="sidebar"),
            html.Main([map_card(map_figure, slots.get("map-options", [])),
                       timeline_card(index, timeline_figure)], className="centre"),
            html.Aside(detail_panel(slots.get("panel", [])), className="detailbar"),
        ], className="workspace"),
        html.Div(slots.get("modals", []), id=ids.SLOT_MODALS),
    ], className="app-root")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _row(label: str, value: Any) -> html.Tr:
    return html.Tr([html.Th(label, className="pe-2 fw-normal text-secondary"),
                    html.Td("—" if value in (None, "") else str(value))])


def _source_link(source: Any, link: str | None) -> Any:
    # Links only for http(s) addresses (checked by queries.safe_link); the rest is plain text.
    if link:
        return html.A(str(source or link), href=link, target="_blank", rel="noopener noreferrer")
    return html.Span(str(source or "unknown source"))


def detail_view(record: dict | None) -> Any:
    """Return the detail of one event; all report text is rendered as text, never HTML.

    Parameters
    ----------
    record : dict or None
        :func:`dashboard.queries.event_detail` output.
    """
    if record is None:
        return empty_detail()
    event_type = str(record.get("event_type") or "")
    figure = record.get("magnitude")
    unit = str(record.get("magnitude_unit") or "").replace("_", " ")
    others = record.get("others") or []
    return html.Div([
        html.Div([
            html.Span(className="legend-dot",
                      style={"backgroundColor": EVENT_COLOURS.get(event_type, "#888")}),
            html.Strong(event_type.replace("_", " ")),
            html.Span(f" · {record.get('place') or ''}", className="text-secondary"),
        ], className="mb-1"),
        html.Blockquote(str(record.get("evidence") or ""), className="evidence"),
        html.Table(html.Tbody([
            _row("Date", f"{record.get('date')} ({record.get('date_precision') or '?'} precision)"),
            _row("Place", f"{record.get('location') or ''} → {record.get('place') or ''}, "
                          f"{record.get('admin1') or ''} ({record.get('country') or ''})"),
            _row("Place precision", record.get("geo_precision_text")),
            _row("Actors", " vs ".join(str(a) for a in (record.get("actor1"),
                                                         record.get("actor2")) if a)),
            _row("Figure", f"{figure:,.0f} {unit}" if isinstance(figure, (int, float)) else None),
            _row("Certainty", record.get("certainty")),
            _row("Report", f"{record.get('report') or ''} ({record.get('report_date') or ''})"),
        ]), className="table table-sm small mb-2 detail-table"),
        html.Div(["Source: ", _source_link(record.get("source"), record.get("link"))],
                 className="small mb-2 detail-source"),
        html.Div([
            html.H6(f"Other reports of this incident ({len(others)})",
                    className="text-secondary small mt-2"),
            html.Ul([html.Li([_source_link(o.get("source"), o.get("link")),
                              f" · {o.get('date') or ''} · ",
                              html.Span(str(o.get("evidence") or ""), className="text-muted")])
                     for o in others], className="small ps-3 others"),
        ]) if others else html.Div("No other report of this incident.",
                                   className="small text-muted"),
    ], className="detail")


def summary_line(counts: dict[str, int], start: date | None, end: date | None) -> list:
    """Return the summary: events, incidents, people displaced, places that changed hands."""
    window = f"{_iso(start)} – {_iso(end)}" if start and end else "no dates"
    parts = [
        (f"{counts['events']:,}", " events"),
        (f"{counts['incidents']:,}", " incidents"),
        (f"{counts['displaced']:,}", " people displaced"),
        (f"{counts['changed_hands']:,}", " places changed hands"),
    ]
    items: list = []
    for number, text in parts:
        items += [html.Strong(number), html.Span(text, className="me-3")]
    items.append(html.Span(window, className="badge bg-secondary"))
    return items
