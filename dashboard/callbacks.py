"""Callbacks: thin wiring from component properties to the view functions.

Flow: every control -> ``sync`` (one callback, so that the URL, the date
picker, the timeline selection and the play clock stay consistent without
circular chains) -> the view-state store -> ``render_map``,
``render_timeline``, ``render_detail`` and the event table. Map moves,
clicks, table rows, "zoom to selection" and the place search go through
``navigate``, which writes the same store.
"""

from __future__ import annotations

from datetime import date
from types import ModuleType
from typing import Any

import numpy as np
from dash import Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard import components, figures, ids, queries, views
from dashboard.data import EventSource
from dashboard.extensions import extra_map_traces
from dashboard.filters import EventIndex, filter_positions
from dashboard.state import ViewState
from dashboard.transitions import Bounds, control_values, transition
from dashboard.urlstate import to_query

_LIST_IDS = {"types": ids.TYPES, "actors": ids.ACTORS, "countries": ids.COUNTRIES,
             "admin1": ids.ADMIN1, "certainty": ids.CERTAINTY, "sources": ids.SOURCES}
_SCALAR = (("text", ids.SEARCH), ("window", ids.WINDOW), ("speed", ids.SPEED), ("bin", ids.BIN),
           ("tiles", ids.TILES), ("control", ids.CONTROL), ("areas", ids.AREAS))
#: Zoom a place found by the place search is shown at.
PLACE_ZOOM = 9.0

# The play clock asks for the next frame only once the last one asked for is on the map,
# so frames come in order and none is skipped, however slow the drawing (clientside).
# A frame still not drawn RETRY ticks after it was asked for is asked for again: the
# browser drops a draw that would close a loop of callbacks (a play pressed while the
# map's answer to a resize comes back is one), and the clock must not wait forever.
_FRAME_GUARD = """
function(n, ack, req, play) {
    const nu = window.dash_clientside.no_update;
    if (!n || !play || !play.playing) { return nu; }
    const run = play.run || 0;
    const mine = req && req.run === run;
    const last = mine ? req.n : 0;
    if (ack && ack.run === run && ack.n >= last) { return {run: run, n: last + 1, at: n}; }
    const asked = mine ? (req.at || 0) : 0;
    return n - asked >= RETRY ? {run: run, n: last, at: n} : nu;
}
""".replace("RETRY", "16")

# A frame is acknowledged only by the figure drawn for its own window: a figure asked for
# before the play began (the map's first draw, say) can arrive after the first frame was set,
# and acknowledging that frame then would let the clock move on before it was ever drawn.
_FRAME_ACK = """
function(figure, data) {
    const drawn = (figure && figure.layout && figure.layout.meta) || {};
    if (!data || drawn.start !== (data.start || null) || drawn.end !== (data.end || null)) {
        return window.dash_clientside.no_update;
    }
    return data.frame || null;
}
"""

# The map's size on screen, so that the server can fit views to it exactly.
_MAP_SIZE = """
function(_path, _relayout, _state, current) {
    const el = document.getElementById("MAP_ID");
    if (!el) { return window.dash_clientside.no_update; }
    const box = el.getBoundingClientRect();
    const size = [Math.round(box.width), Math.round(box.height)];
    if (!size[0] || !size[1] || (current && current[0] === size[0] && current[1] === size[1])) {
        return window.dash_clientside.no_update;
    }
    return size;
}
""".replace("MAP_ID", ids.MAP)

# A new view state empties the table's cache, so that it asks again for the rows in view.
_TABLE_REFRESH = """
function(_data, play) {
    if (play && play.playing) { return window.dash_clientside.no_update; }
    try {
        dash_ag_grid.getApi("TABLE_ID").purgeInfiniteCache();
    } catch (e) {
        // Not drawn yet: its first request will read the current view anyway.
    }
    return window.dash_clientside.no_update;
}
""".replace("TABLE_ID", ids.EVENT_TABLE)


def _controls(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    out["tiles"] = "online" if values.get("tiles") else "offline"
    return out


def register_callbacks(app: Dash, source: EventSource, *, modules: list[ModuleType] = (),
                       threshold: int = 50_000, max_points: int = 50_000,
                       decimals: int = 4, land_layer: bool = False,
                       style: dict | None = None) -> None:
    """Register the dashboard's callbacks on ``app``.

    Parameters
    ----------
    app : dash.Dash
        The app (from :func:`dashboard.app.create_app`).
    source : EventSource
        Where the events come from.
    modules : list of module
        Loaded extensions; their ``map_traces`` hooks add map layers.
    threshold, max_points, decimals : int
        Aggregate switch, point cap and coordinate rounding (settings).
    land_layer : bool
        The map's first layer is the opaque land fill (hidden under online tiles).
    style : dict, optional
        The map's offline style (labels); online tiles are added under it.
    """
    control_inputs = [Input(ids.DATE_RANGE, "start_date"), Input(ids.DATE_RANGE, "end_date")]
    control_inputs += [Input(cid, "value") for cid in _LIST_IDS.values()]
    control_inputs += [Input(cid, "value") for _, cid in _SCALAR]
    control_outputs = [Output(ids.DATE_RANGE, "start_date"), Output(ids.DATE_RANGE, "end_date")]
    control_outputs += [Output(cid, "value") for cid in _LIST_IDS.values()]
    control_outputs += [Output(cid, "value") for _, cid in _SCALAR]

    @app.callback(
        Output(ids.LOCATION, "search"), *control_outputs, Output(ids.DATE_PRESET, "value"),
        Output(ids.VIEW_STATE, "data"), Output(ids.PLAY_STATE, "data"),
        Output(ids.INTERVAL, "disabled"), Output(ids.INTERVAL, "interval"),
        Output(ids.INTERVAL, "n_intervals"), Output(ids.PLAY, "children"),
        Input(ids.LOCATION, "search"), *control_inputs,
        Input(ids.TIMELINE, "selectedData"), Input(ids.FRAME_REQUEST, "data"),
        Input(ids.PLAY, "n_clicks"), Input(ids.RESET, "n_clicks"), Input(ids.SCRUB, "value"),
        Input(ids.DATE_PRESET, "value"),
        State(ids.VIEW_STATE, "data"), State(ids.PLAY_STATE, "data"),
    )
    def sync(search, start, end, *rest):
        n_lists = len(_LIST_IDS)
        lists, scalars = rest[:n_lists], rest[n_lists:n_lists + len(_SCALAR)]
        selected, frame, _play, _reset, scrub, preset, state_data, play = \
            rest[n_lists + len(_SCALAR):]
        controls = _controls({
            "start": start, "end": end, **dict(zip(_LIST_IDS, lists, strict=True)),
            **{name: v for (name, _), v in zip(_SCALAR, scalars, strict=True)}})
        trigger, _prop = _main_trigger(ctx.triggered_prop_ids)
        if trigger is None and search is None:
            # dcc.Location reports the real query string as soon as it mounts; drawing the
            # defaults first would race with that view and could land after it.
            raise PreventUpdate
        index = source.index()
        bounds = Bounds(index.first_day, index.last_day)
        before = ViewState.from_dict(state_data)
        if trigger == ids.SCRUB and scrub == control_values(before, bounds)["scrub"]:
            raise PreventUpdate  # the map moved the slider to where the view already is
        if trigger == ids.DATE_PRESET and not preset:
            raise PreventUpdate  # the choice was cleared (by the callback itself)
        value = {ids.LOCATION: search, ids.TIMELINE: selected, ids.FRAME_REQUEST: frame,
                 ids.SCRUB: scrub, ids.DATE_PRESET: preset}.get(trigger)
        result = transition(before, trigger, value, controls, bounds=bounds, play=play,
                            first_event=lambda day: _first_event(index, before, day))
        if result.hold or (trigger == ids.TIMELINE and result.state == before):
            raise PreventUpdate
        state = result.state
        values = control_values(state, bounds)
        query = to_query(state)
        playing = bool(result.play.get("playing"))
        data = {**state.to_dict(), "nav": result.navigated, "frame": result.frame}
        return (
            query if result.push_url and query != (search or "") else no_update,
            values["start"], values["end"],
            *[values[name] for name in _LIST_IDS],
            *[(values[name] == "online") if name == "tiles" else
              str(values[name]) if name == "speed" else values[name] for name, _ in _SCALAR],
            None if preset else no_update,
            data, result.play,
            not playing, state.speed,
            0 if trigger == ids.PLAY else no_update,
            "■ Pause" if playing else "▶ Play",
        )

    # Map moves and clicks have their own callback: Dash answers only the latest request of
    # a callback, so a relayout fired during a play click would otherwise swallow the click.
    @app.callback(
        Output(ids.VIEW_STATE, "data", allow_duplicate=True),
        Output(ids.LOCATION, "search", allow_duplicate=True),
        Output(ids.PLACE_MESSAGE, "children"),
        Input(ids.MAP, "relayoutData"), Input(ids.MAP, "clickData"),
        Input(ids.EVENT_TABLE, "selectedRows"), Input(ids.ZOOM_DATA, "n_clicks"),
        Input(ids.PLACE_SEARCH, "value"),
        State(ids.VIEW_STATE, "data"), State(ids.PLAY_STATE, "data"),
        State(ids.LOCATION, "search"), State(ids.MAP_SIZE, "data"),
        prevent_initial_call=True,
    )
    def navigate(relayout, click, rows, _zoom, place, state_data, play, search, size):
        index = source.index()
        before = ViewState.from_dict(state_data)
        trigger = ctx.triggered_id
        message: Any = no_update
        nav = False
        if trigger == ids.ZOOM_DATA:
            new, nav = _zoom_to(index, before, size), True
        elif trigger == ids.PLACE_SEARCH:
            new, message = _fly_to(before, place, size)
            nav = new != before
        elif trigger == ids.EVENT_TABLE:
            new = _select_row(index, before, rows, size)
            nav = (new.lat, new.lon) != (before.lat, before.lon)
        else:
            value = {"click": click} if "clickData" in "".join(ctx.triggered_prop_ids) \
                else {"relayout": relayout}
            result = transition(before, ids.MAP, value, {},
                                bounds=Bounds(index.first_day, index.last_day), play=play,
                                event_at=lambda p: _event_at(index, before, p))
            new = result.state
            if not result.push_url:
                new = new.replace(extra={**new.extra, "quiet": True})
        if new == before and new.extra.get("bounds") == before.extra.get("bounds"):
            if message is not no_update:
                return no_update, no_update, message
            raise PreventUpdate  # autosize relayouts, clicks on no event
        quiet = bool(new.extra.pop("quiet", False)) or bool((play or {}).get("playing"))
        query = to_query(new)
        data = {**new.to_dict(), "nav": nav, "frame": (state_data or {}).get("frame")}
        if new == before:  # only the shown box changed: no new history entry
            return data, no_update, message
        return data, (query if not quiet and query != (search or "") else no_update), message

    app.clientside_callback(
        _FRAME_GUARD, Output(ids.FRAME_REQUEST, "data"),
        Input(ids.INTERVAL, "n_intervals"), State(ids.FRAME_ACK, "data"),
        State(ids.FRAME_REQUEST, "data"), State(ids.PLAY_STATE, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        _MAP_SIZE, Output(ids.MAP_SIZE, "data"),
        Input(ids.LOCATION, "pathname"), Input(ids.MAP, "relayoutData"),
        Input(ids.VIEW_STATE, "data"), State(ids.MAP_SIZE, "data"),
    )

    # The map's answer depends on the view state and the map's size alone (so identical
    # views can share one cached response, see dashboard.caching); the play clock's
    # acknowledgement, which is each viewer's own, is given here in the browser once the
    # new figure has arrived.
    app.clientside_callback(
        _FRAME_ACK, Output(ids.FRAME_ACK, "data"), Input(ids.MAP, "figure"),
        State(ids.VIEW_STATE, "data"), prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.MAP, "figure"), Output(ids.MAP_MODE, "children"),
        Output(ids.MAP_MODE, "color"), Output(ids.SUMMARY, "children"),
        Output(ids.SCRUB, "value"),
        Input(ids.VIEW_STATE, "data"), Input(ids.MAP_SIZE, "data"),
        prevent_initial_call=True,
    )
    def render_map(data, size):
        state = ViewState.from_dict(data)
        index = source.index()
        view = views.map_view(index, state, threshold=threshold, max_points=max_points,
                              decimals=decimals,
                              extra_traces=extra_map_traces(list(modules), index, state))
        patch = Patch()
        patch["data"] = view.traces
        # The window this figure shows, for the play clock's acknowledgement (_FRAME_ACK).
        patch["layout"]["meta"] = {key: (data or {}).get(key) for key in ("start", "end")}
        fit_default = state.lat is None and (
            (data or {}).get("nav") or ctx.triggered_id == ids.MAP_SIZE)
        if fit_default:
            lat, lon, zoom = queries.fit_view(queries.STUDY_BOX, size)
            patch["layout"]["map"]["center"] = {"lat": lat, "lon": lon}
            patch["layout"]["map"]["zoom"] = zoom
            patch["layout"]["uirevision"] = f"fit{to_query(state)}{size}"
        elif (data or {}).get("nav") and state.lat is not None and state.lon is not None:
            patch["layout"]["map"]["center"] = {"lat": state.lat, "lon": state.lon}
            patch["layout"]["map"]["zoom"] = state.zoom if state.zoom is not None else 5
            patch["layout"]["uirevision"] = to_query(state)
        bounds = Bounds(index.first_day, index.last_day)
        # The slider moves with the map (same response), never ahead of it.
        return (patch, views.mode_label(view, threshold),
                "warning" if view.mode == "density" else "light",
                components.summary_line(view.counts, *view.window),
                control_values(state, bounds)["scrub"])

    @app.callback(Output(ids.MAP, "figure", allow_duplicate=True), Input(ids.TILES, "value"),
                  prevent_initial_call=True)
    def render_tiles(online):
        patch = Patch()
        patch["layout"]["map"]["style"] = figures.tile_style(style,
                                                             "online" if online else "offline")
        if land_layer:
            patch["layout"]["map"]["layers"][0]["opacity"] = 0.0 if online else 1.0
        return patch

    @app.callback(Output(ids.TIMELINE, "figure"), Input(ids.VIEW_STATE, "data"),
                  prevent_initial_call=True)
    def render_timeline(data):
        return views.timeline(source.index(), ViewState.from_dict(data))

    @app.callback(Output(ids.DETAIL, "children"), Input(ids.VIEW_STATE, "data"),
                  prevent_initial_call=True)
    def render_detail(data):
        index, state = source.index(), ViewState.from_dict(data)
        return components.detail_view(views.detail(index, state), views.town_detail(index, state))

    app.clientside_callback(_TABLE_REFRESH, Output(ids.EVENT_TABLE, "id"),
                            Input(ids.VIEW_STATE, "data"), State(ids.PLAY_STATE, "data"),
                            prevent_initial_call=True)

    @app.callback(Output(ids.EVENT_TABLE, "getRowsResponse"),
                  Output(ids.EVENT_TABLE_COUNT, "children"),
                  Input(ids.EVENT_TABLE, "getRowsRequest"), State(ids.VIEW_STATE, "data"),
                  prevent_initial_call=True)
    def table_rows(request, data):
        if not isinstance(request, dict):
            raise PreventUpdate
        index, state = source.index(), ViewState.from_dict(data)
        rows, total = views.table_page(index, state, request)
        return {"rowData": rows, "rowCount": total}, f"{total:,} events"


#: When several inputs fire in one call (Dash batches them), the most deliberate wins:
#: navigation, then buttons and the play clock, then the controls, then map movements.
_PRIORITY = (ids.LOCATION, ids.RESET, ids.PLAY, ids.FRAME_REQUEST, ids.DATE_PRESET, ids.TIMELINE,
             ids.SCRUB)


def _main_trigger(triggered: dict[str, Any]) -> tuple[str | None, str]:
    """Return (component id, property) of the input that decides this sync call."""
    if not triggered:
        return None, ""
    pairs = [(str(cid), key.rsplit(".", 1)[-1]) for key, cid in triggered.items()]
    for wanted in _PRIORITY:
        for cid, prop in pairs:
            if cid == wanted:
                return cid, prop
    for cid, prop in pairs:
        if cid != ids.MAP:
            return cid, prop
    clicks = [p for p in pairs if p[1] == "clickData"]
    return (clicks or pairs)[0]


def _first_event(index: EventIndex, state: ViewState, day: date) -> date | None:
    """Return the first day on or after ``day`` with an event under the view's filters."""
    positions = filter_positions(index, state.replace(start=day, end=None))
    return index.day_labels(positions[:1]).astype("datetime64[D]").astype(object)[0] \
        if positions.size else None


def _event_at(index: EventIndex, state: ViewState, click: Any) -> Any:
    """Return what a click selects: the event behind a point, or a town and its events.

    A point's ``customdata`` is its position in the index; a control disc's
    is ``"town:<place>"``, and the click then also reaches the events drawn
    inside the disc (the latest of the nearest is selected).
    """
    try:
        data = click["points"][0]["customdata"]
    except (KeyError, IndexError, TypeError):
        return None
    if isinstance(data, str) and data.startswith(figures.TOWN_PREFIX):
        town = data[len(figures.TOWN_PREFIX):]
        under = views.town_positions(index, state.replace(town=town))
        return {"town": town, "event": _latest_nearest(index, under, state) if under.size
                else None}
    try:
        pos = int(data)
    except (TypeError, ValueError):
        return None
    if not 0 <= pos < index.size:
        return None
    return str(index.frame["id"].iat[pos])


def _latest_nearest(index: EventIndex, positions: np.ndarray, state: ViewState) -> str:
    town = index.seizures[index.seizures["place"].astype(str) == state.town] \
        if state.town else None
    if town is not None and len(town):
        lat, lon = float(town["lat"].iat[-1]), float(town["lon"].iat[-1])
        dist = np.hypot(index.lat[positions] - lat, index.lon[positions] - lon)
        positions = positions[dist <= dist.min() + 1e-4]
    return str(index.frame["id"].iat[int(positions.max())])


def _zoom_to(index: EventIndex, state: ViewState, size: Any) -> ViewState:
    """Return the state with the map fitted to the events in view (the study area if none)."""
    box = queries.data_box(index, filter_positions(index, state)) or queries.STUDY_BOX
    lat, lon, zoom = queries.fit_view(box, size)
    return state.replace(lat=lat, lon=lon, zoom=zoom)


def _fly_to(state: ViewState, name: Any, size: Any) -> tuple[ViewState, str]:
    """Return the state centred on the place named (through the gazetteer) and a message."""
    name = str(name or "").strip()
    if not name:
        return state, ""
    import geodata

    place = geodata.resolve(name)
    if place is None or place.lat is None or place.lon is None:
        return state, f"No place called {name!r} in the gazetteer."
    return (state.replace(lat=round(float(place.lat), 4), lon=round(float(place.lon), 4),
                          zoom=max(PLACE_ZOOM, state.zoom or 0.0)),
            f"{place.name}, {place.admin1 or ''} ({place.country})")


def _select_row(index: EventIndex, state: ViewState, rows: Any, size: Any) -> ViewState:
    """Return the state with the table's selected event selected, the map following it."""
    if not rows or not isinstance(rows, list) or not isinstance(rows[0], dict):
        return state
    event = str(rows[0].get("id") or "")
    pos = queries.position_of(index, event)
    if pos is None:
        return state
    new = state.replace(event=event, town=None)
    lat, lon = float(index.lat[pos]), float(index.lon[pos])
    shown = queries.shown_bounds(state.extra.get("bounds"))
    if shown is None and state.lat is None:
        shown = queries.Bounds(*queries.STUDY_BOX)  # the opening view shows all of it
    if shown is not None and bool(shown.contains(np.array([lon]), np.array([lat]))[0]):
        return new
    zoom = state.zoom if state.zoom is not None else queries.fit_view(queries.STUDY_BOX, size)[2]
    return new.replace(lat=round(lat, 4), lon=round(lon, 4), zoom=zoom)
