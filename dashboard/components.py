"""Layout pieces: plain functions that return Dash components (no callbacks here)."""

from __future__ import annotations

from datetime import date
from typing import Any

import dash_bootstrap_components as dbc
import numpy as np
from dash import dcc, html

from dashboard import ids
from dashboard.filters import EventIndex
from dashboard.palette import DENSITY_SCALE, EVENT_COLOURS, actor_colour
from dashboard.queries import TABLE_COLUMNS, marker_size
from dashboard.state import SPEEDS
from dashboard.transitions import Bounds, preset_options
from events.model import ACTORS, CERTAINTIES, EVENT_TYPES

#: Modebar buttons no graph shows: nothing may leave an air-gapped machine ("Share chart"
#: uploads to a plotly server; "Edit in Chart Studio" opens one), and images come from the
#: Export menu, drawn for slides (the camera would save the bare WebGL canvas).
NO_CLOUD_BUTTONS: tuple[str, ...] = ("sendDataToCloud", "sendChartToCloud", "editInChartStudio")
GRAPH_CONFIG: dict[str, Any] = {"displaylogo": False, "scrollZoom": True, "responsive": True,
                                "showSendToCloud": False, "showEditInChartStudio": False,
                                "modeBarButtonsToRemove": [*NO_CLOUD_BUTTONS, "toImage"]}


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
            html.Div("Click the first day, then the last.", className="hint mt-1"),
            dcc.Dropdown(id=ids.DATE_PRESET, options=preset_options(Bounds(first, last)),
                         placeholder="Quick range: last 7/30 days, a month, a year",
                         clearable=True, searchable=True, className="dash-dropdown-sm mt-1"),
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


def _legend_section(title: str, items: list) -> html.Div:
    return html.Div([html.Span(title, className="legend-title"), *items],
                    className="legend-section")


def legend(index: EventIndex | None = None, *, threshold: int = 50_000,
           radius_km: float = 25.0) -> html.Div:
    """Return the legend: every mark the map can draw, each with what it means.

    Event colours (the same palette as the markers), marker sizes (log of
    the figure), the town-control discs coloured by who holds each town
    (the forces that hold a town in the data), the estimated areas and the
    density layer that replaces points past ``threshold`` events in view.
    """
    def dot(colour: str) -> html.Span:
        return html.Span(className="legend-dot", style={"backgroundColor": colour})

    types = [html.Span([dot(colour), event_type.replace("_", " ")], className="legend-item")
             for event_type, colour in EVENT_COLOURS.items()]
    sizes = []
    for figure in (0, 100, 10_000):
        px = float(marker_size(np.array([figure], dtype=float))[0])
        sizes.append(html.Span([
            html.Span(className="legend-size", style={"width": f"{px:.0f}px",
                                                      "height": f"{px:.0f}px"}),
            "no figure" if figure == 0 else f"{figure:,}"], className="legend-item"))
    holders = sorted({str(a) for a in (index.seizures["actor1"].dropna().astype(str)
                                       if index is not None and index.size else [])})
    discs = [html.Span([html.Span(className="legend-disc",
                                  style={"backgroundColor": actor_colour(a)}), a],
                       className="legend-item") for a in holders]
    discs.append(html.Span("disc: who holds the town at the window's end (click it for its "
                           "history)", className="legend-item legend-note"))
    scale = ", ".join(f"{c} {int(p * 100)}%" for p, c in DENSITY_SCALE)
    return html.Div([
        _legend_section("Events", types),
        _legend_section("Marker size: figure (killed, displaced…)", sizes),
        _legend_section("Town control", discs),
        _legend_section("Control areas", [html.Span(
            f"estimates, shaded only within {radius_km:g} km of the towns they rest on",
            className="legend-item legend-note")]),
        _legend_section("Density", [
            html.Span(className="legend-ramp",
                      style={"background": f"linear-gradient(to right, {scale})"}),
            html.Span(f"events per area, drawn instead of points past {threshold:,} events "
                      "in view", className="legend-item legend-note")]),
    ], id=ids.LEGEND, className="legend")


def map_options(extra: list) -> html.Div:
    """Return the map options: place search, zoom to selection, layer switches, extension items."""
    return html.Div([
        html.Div([
            html.Label("Find a place and fly the map to it", htmlFor=ids.PLACE_SEARCH,
                       className="visually-hidden"),
            dbc.Input(id=ids.PLACE_SEARCH, type="search", size="sm", debounce=True, value="",
                      placeholder="Find a place (e.g. Tal Afar)", className="place-search"),
            html.Span(id=ids.PLACE_MESSAGE, className="small ms-1 hint", role="status"),
        ], className="d-flex align-items-center me-2"),
        dbc.Button("Zoom to selection", id=ids.ZOOM_DATA, size="sm", color="secondary",
                   outline=True, className="me-3 text-nowrap", n_clicks=0),
        dbc.Switch(id=ids.CONTROL, label="Town control", value=True, className="me-3 mb-0"),
        dbc.Switch(id=ids.AREAS, label="Control areas (estimate)", value=False,
                   className="me-3 mb-0"),
        dbc.Switch(id=ids.TILES, label="Online tiles", value=False, className="me-3 mb-0"),
        html.Div(extra, id=ids.SLOT_MAP_OPTIONS, className="d-flex"),
    ], className="d-flex flex-wrap align-items-center small map-options")


def map_card(figure: Any, extra_options: list, legend_box: html.Div | None = None) -> dbc.Card:
    """Return the map with its mode badge, options and legend."""
    return dbc.Card([
        html.Div([
            dcc.Graph(id=ids.MAP, figure=figure, config=GRAPH_CONFIG, className="map-graph",
                      clear_on_unhover=True),
            dbc.Badge("points", id=ids.MAP_MODE, color="light", text_color="dark",
                      className="map-mode"),
            html.Details([html.Summary("Legend"), legend_box or legend()], open=True,
                         className="map-legend"),
        ], className="map-wrap", role="region",
            **{"aria-label": "Map of the events in view, with town control and place names; "
                             "the event table below lists the same events"}),
        dbc.CardFooter(map_options(extra_options), className="py-1 px-2"),
    ], className="map-card")


def table_card() -> dbc.Card:
    """Return the event table: the events in view, sortable and paged, rows select on the map."""
    import dash_ag_grid as dag

    widths = {"date": 105, "event_type": 120, "place": 120, "admin1": 120, "actor1": 140,
              "actor2": 140, "killed": 80, "figure": 150, "source": 120, "certainty": 95}
    columns = [{"field": name, "headerName": header, "sortable": name not in (
        "figure", "evidence"), **({"width": widths[name]} if name in widths else
                                  {"flex": 1, "minWidth": 300, "tooltipField": "evidence"})}
               for name, header in TABLE_COLUMNS]
    columns[0]["sort"] = "desc"
    return dbc.Card([
        dbc.CardHeader([html.Span("Events in view", className="fw-semibold me-2"),
                        html.Span(id=ids.EVENT_TABLE_COUNT, className="small hint"),
                        html.Span(" · click a row to select the event on the map",
                                  className="small hint")], className="py-1 px-2"),
        dag.AgGrid(
            id=ids.EVENT_TABLE, columnDefs=columns, rowModelType="infinite",
            defaultColDef={"resizable": True, "filter": False},
            dashGridOptions={"pagination": True, "paginationPageSize": 25,
                             "cacheBlockSize": 25, "maxBlocksInCache": 8,
                             "paginationPageSizeSelector": False,
                             "rowSelection": {"mode": "singleRow", "checkboxes": False,
                                              "enableClickSelection": True},
                             "tooltipShowDelay": 300, "domLayout": "normal",
                             "suppressCellFocus": False},
            getRowId="params.data.id", className="ag-theme-alpine event-table",
            style={"height": "360px", "width": "100%"}),
    ], className="table-card")


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
                      config={**GRAPH_CONFIG, "scrollZoom": False, "modeBarButtonsToRemove": [
                          *GRAPH_CONFIG["modeBarButtonsToRemove"], "lasso2d", "zoom2d",
                          "pan2d"]}),
            html.Div("Drag across the bars to choose dates.", className="hint"),
        ], className="p-2"),
    ], className="timeline-card")


def detail_panel(extra: list) -> dbc.Card:
    """Return the detail panel (filled by a callback) and the extension panel slot."""
    return dbc.Card(dbc.CardBody([
        html.H2("Selected event", className="h6 text-secondary"),
        html.Div(empty_detail(), id=ids.DETAIL),
        html.Div(extra, id=ids.SLOT_PANEL),
    ], className="p-2"), className="h-100 panel-scroll")


def empty_detail() -> html.P:
    """Return the detail panel's text when nothing is selected."""
    return html.P("Click a marker or a town's disc on the map, or a row of the event table, "
                  "to read the evidence and sources.", className="small hint")


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
        dcc.Store(id=ids.MAP_SIZE),
        dcc.Interval(id=ids.INTERVAL, interval=1000, disabled=True, n_intervals=0,
                     max_intervals=-1),
    ]


def page(index: EventIndex, *, title: str, map_figure: Any, timeline_figure: Any,
         slots: dict[str, list], threshold: int = 50_000, radius_km: float = 25.0) -> html.Div:
    """Return the whole page."""
    note = empty_note(index)
    return html.Div([
        *stores(),
        header(title, slots.get("toolbar", [])),
        *([note] if note else []),
        html.Div([
            html.Aside(filter_panel(index), className="sidebar",
                       **{"aria-label": "Filters"}),
            html.Main([map_card(map_figure, slots.get("map-options", []),
                                legend(index, threshold=threshold, radius_km=radius_km)),
                       timeline_card(index, timeline_figure), table_card()], className="centre"),
            html.Aside(detail_panel(slots.get("panel", [])), className="detailbar",
                       **{"aria-label": "Selected event and town"}),
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


def detail_view(record: dict | None, town: dict | None = None) -> Any:
    """Return the detail of one event and of a clicked town; report text stays text, never HTML.

    Parameters
    ----------
    record : dict or None
        :func:`dashboard.queries.event_detail` output.
    town : dict or None
        :func:`dashboard.views.town_detail` output (a clicked control disc).
    """
    if record is None:
        return html.Div([empty_detail(), town_view(town)]) if town else empty_detail()
    if town:
        return html.Div([_event_detail(record), town_view(town)])
    return _event_detail(record)


def _event_detail(record: dict) -> Any:
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
            _row("Killed" if unit == "killed" else "Figure",
                 f"{figure:,.0f}" if unit == "killed" and isinstance(figure, (int, float))
                 else f"{figure:,.0f} {unit}" if isinstance(figure, (int, float)) else None),
            _row("Certainty", record.get("certainty")),
            _row("Report", f"{record.get('report') or ''} (published "
                           f"{record.get('report_date') or '?'})"),
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


def town_view(town: dict | None) -> Any:
    """Return a clicked town's section: each change of hands with its evidence, and its events.

    Parameters
    ----------
    town : dict or None
        :func:`dashboard.views.town_detail` output.
    """
    if town is None:
        return None
    place = str(town.get("place") or "")
    changes = town.get("changes") or []
    items = []
    for change in changes:
        evidence = [html.Li([
            html.Span(str(e.get("evidence") or ""), className="d-block"),
            html.Span(["— ", _source_link(e.get("source"), e.get("link"))], className="hint"),
        ]) for e in change.get("evidence") or []]
        if change.get("more"):
            evidence.append(html.Li(f"and {change['more']:,} more reports", className="hint"))
        items.append(html.Li([
            html.Strong(f"{change.get('date')}: {change.get('from')} → {change.get('to')}"),
            html.Ul(evidence, className="ps-3 mb-1") if evidence else None,
        ], className="mb-1"))
    events = town.get("events") or []
    earlier = town.get("earlier") or 0
    return html.Div([
        html.H6(f"Control of {place}", className="mt-2 mb-1"),
        html.Div(f"{earlier:,} earlier changes of hands are not listed.",
                 className="small hint") if earlier else None,
        html.Ol(items, className="small ps-3 town-history") if items else html.Div(
            "No change of hands is reported for this town.", className="small hint"),
        html.H6(f"Events here in view ({town.get('in_view', 0):,})", className="mt-2 mb-1"),
        html.Ul([html.Li([html.Span(f"{e.get('date')} · "
                                    f"{str(e.get('event_type')).replace('_', ' ')} · ",
                                    className="hint"), str(e.get("evidence") or "")])
                 for e in events], className="small ps-3 town-events") if events else html.Div(
            "No event of the current view is drawn at this town.", className="small hint"),
    ], className="town-detail")


def summary_line(counts: dict[str, int], start: date | None, end: date | None) -> list:
    """Return the summary: events, incidents, killed, displaced, places that changed hands."""
    window = f"{_iso(start)} – {_iso(end)}" if start and end else "no dates"
    parts = [
        (f"{counts['events']:,}", " events"),
        (f"{counts['incidents']:,}", " incidents"),
        (f"{counts.get('killed', 0):,}", " killed"),
        (f"{counts['displaced']:,}", " displaced"),
        (f"{counts['changed_hands']:,}", " places changed hands"),
    ]
    items: list = []
    for number, text in parts:
        items += [html.Strong(number), html.Span(text, className="me-3")]
    items.append(html.Span(window, className="badge bg-secondary"))
    return items
