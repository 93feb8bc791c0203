"""Callbacks: thin wiring from component properties to the view functions.

Flow: every control -> ``sync`` (one callback, so that the URL, the date
picker, the timeline selection and the play clock stay consistent without
circular chains) -> the view-state store -> ``render_map``,
``render_timeline``, ``render_detail``.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from dash import Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard import components, ids, views
from dashboard.data import EventSource
from dashboard.extensions import extra_map_traces
from dashboard.state import ViewState
from dashboard.transitions import Bounds, control_values, frame_count, transition
from dashboard.urlstate import to_query

_LIST_IDS = {"types": ids.TYPES, "actors": ids.ACTORS, "countries": ids.COUNTRIES,
             "admin1": ids.ADMIN1, "certainty": ids.CERTAINTY, "sources": ids.SOURCES}
_SCALAR = (("text", ids.SEARCH), ("window", ids.WINDOW), ("speed", ids.SPEED), ("bin", ids.BIN),
           ("tiles", ids.TILES), ("control", ids.CONTROL), ("areas", ids.AREAS))

# Drops a play frame while the previous one is still being drawn (clientside, no round trip).
_FRAME_GUARD = """
function(n, ack, req, play) {
    const nu = window.dash_clientside.no_update;
    if (!n || !play || !play.playing) { return nu; }
    const run = play.run || 0;
    if (req && req.run === run && req.n < n && (!ack || ack.run !== run || ack.n < req.n)) {
        return nu;
    }
    return {run: run, n: n};
}
"""


def _controls(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    out["tiles"] = "online" if values.get("tiles") else "offline"
    return out


def register_callbacks(app: Dash, source: EventSource, *, modules: list[ModuleType] = (),
                       threshold: int = 50_000, max_points: int = 50_000,
                       decimals: int = 4, land_layer: bool = False) -> None:
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
    """
    control_inputs = [Input(ids.DATE_RANGE, "start_date"), Input(ids.DATE_RANGE, "end_date")]
    control_inputs += [Input(cid, "value") for cid in _LIST_IDS.values()]
    control_inputs += [Input(cid, "value") for _, cid in _SCALAR]
    control_outputs = [Output(ids.DATE_RANGE, "start_date"), Output(ids.DATE_RANGE, "end_date")]
    control_outputs += [Output(cid, "value") for cid in _LIST_IDS.values()]
    control_outputs += [Output(cid, "value") for _, cid in _SCALAR]

    @app.callback(
        Output(ids.LOCATION, "search"), *control_outputs, Output(ids.SCRUB, "value"),
        Output(ids.VIEW_STATE, "data"), Output(ids.PLAY_STATE, "data"),
        Output(ids.INTERVAL, "disabled"), Output(ids.INTERVAL, "interval"),
        Output(ids.INTERVAL, "max_intervals"), Output(ids.INTERVAL, "n_intervals"),
        Output(ids.PLAY, "children"),
        Input(ids.LOCATION, "search"), *control_inputs,
        Input(ids.TIMELINE, "selectedData"), Input(ids.FRAME_REQUEST, "data"),
        Input(ids.PLAY, "n_clicks"), Input(ids.RESET, "n_clicks"), Input(ids.SCRUB, "value"),
        State(ids.VIEW_STATE, "data"), State(ids.PLAY_STATE, "data"),
    )
    def sync(search, start, end, *rest):
        n_lists = len(_LIST_IDS)
        lists, scalars = rest[:n_lists], rest[n_lists:n_lists + len(_SCALAR)]
        selected, frame, _play, _reset, scrub, state_data, play = rest[n_lists + len(_SCALAR):]
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
        value = {ids.LOCATION: search, ids.TIMELINE: selected, ids.FRAME_REQUEST: frame,
                 ids.SCRUB: scrub}.get(trigger)
        before = ViewState.from_dict(state_data)
        result = transition(before, trigger, value, controls, bounds=bounds, play=play)
        if trigger == ids.TIMELINE and result.state == before:
            raise PreventUpdate
        state = result.state
        values = control_values(state, bounds)
        query = to_query(state)
        playing = bool(result.play.get("playing"))
        frames = frame_count(state, result.play, bounds) if playing else -1
        data = {**state.to_dict(), "nav": result.navigated, "frame": result.frame}
        return (
            query if result.push_url and query != (search or "") else no_update,
            values["start"], values["end"],
            *[values[name] for name in _LIST_IDS],
            *[(values[name] == "online") if name == "tiles" else
              str(values[name]) if name == "speed" else values[name] for name, _ in _SCALAR],
            values["scrub"],
            data, result.play,
            not playing, state.speed, frames + 1 if playing else -1,
            0 if trigger == ids.PLAY else no_update,
            "■ Pause" if playing else "▶ Play",
        )

    # Map moves and clicks have their own callback: Dash answers only the latest request of
    # a callback, so a relayout fired during a play click would otherwise swallow the click.
    @app.callback(
        Output(ids.VIEW_STATE, "data", allow_duplicate=True),
        Output(ids.LOCATION, "search", allow_duplicate=True),
        Input(ids.MAP, "relayoutData"), Input(ids.MAP, "clickData"),
        State(ids.VIEW_STATE, "data"), State(ids.PLAY_STATE, "data"),
        State(ids.LOCATION, "search"),
        prevent_initial_call=True,
    )
    def map_moved(relayout, click, state_data, play, search):
        index = source.index()
        before = ViewState.from_dict(state_data)
        value = {"click": click} if ctx.triggered_id == ids.MAP and \
            "clickData" in "".join(ctx.triggered_prop_ids) else {"relayout": relayout}
        result = transition(before, ids.MAP, value, {},
                            bounds=Bounds(index.first_day, index.last_day), play=play,
                            event_at=lambda p: _event_at(index, p))
        if result.state == before:
            raise PreventUpdate  # autosize relayouts, clicks on no event
        query = to_query(result.state)
        data = {**result.state.to_dict(), "nav": False, "frame": (state_data or {}).get("frame")}
        return data, (query if result.push_url and query != (search or "") else no_update)

    app.clientside_callback(
        _FRAME_GUARD, Output(ids.FRAME_REQUEST, "data"),
        Input(ids.INTERVAL, "n_intervals"), State(ids.FRAME_ACK, "data"),
        State(ids.FRAME_REQUEST, "data"), State(ids.PLAY_STATE, "data"),
        prevent_initial_call=True,
    )

    # The map's answer depends on the view state alone (so identical views can share one
    # cached response, see dashboard.caching); the play clock's acknowledgement, which is
    # each viewer's own, is given here in the browser once the new figure has arrived.
    app.clientside_callback(
        "function(_figure, data) { return (data && data.frame) || null; }",
        Output(ids.FRAME_ACK, "data"), Input(ids.MAP, "figure"), State(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.MAP, "figure"), Output(ids.MAP_MODE, "children"),
        Output(ids.MAP_MODE, "color"), Output(ids.SUMMARY, "children"),
        Input(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def render_map(data):
        state = ViewState.from_dict(data)
        index = source.index()
        view = views.map_view(index, state, threshold=threshold, max_points=max_points,
                              decimals=decimals,
                              extra_traces=extra_map_traces(list(modules), index, state))
        patch = Patch()
        patch["data"] = view.traces
        online = state.tiles == "online"
        patch["layout"]["map"]["style"] = "carto-positron" if online else "white-bg"
        if land_layer:
            patch["layout"]["map"]["layers"][0]["opacity"] = 0.0 if online else 1.0
        if (data or {}).get("nav") and state.lat is not None and state.lon is not None:
            patch["layout"]["map"]["center"] = {"lat": state.lat, "lon": state.lon}
            patch["layout"]["map"]["zoom"] = state.zoom if state.zoom is not None else 5
            patch["layout"]["uirevision"] = to_query(state)
        return (patch, views.mode_label(view, threshold),
                "warning" if view.mode == "density" else "light",
                components.summary_line(view.counts, *view.window))

    @app.callback(Output(ids.TIMELINE, "figure"), Input(ids.VIEW_STATE, "data"),
                  prevent_initial_call=True)
    def render_timeline(data):
        return views.timeline(source.index(), ViewState.from_dict(data))

    @app.callback(Output(ids.DETAIL, "children"), Input(ids.VIEW_STATE, "data"),
                  prevent_initial_call=True)
    def render_detail(data):
        return components.detail_view(views.detail(source.index(), ViewState.from_dict(data)))


#: When several inputs fire in one call (Dash batches them), the most deliberate wins:
#: navigation, then buttons and the play clock, then the controls, then map movements.
_PRIORITY = (ids.LOCATION, ids.RESET, ids.PLAY, ids.FRAME_REQUEST, ids.TIMELINE, ids.SCRUB)


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


def _event_at(index, click: Any) -> str | None:
    """Return the id of the event behind a clicked point (its customdata is a position)."""
    try:
        pos = int(click["points"][0]["customdata"])
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    if not 0 <= pos < index.size:
        return None
    return str(index.frame["id"].iat[pos])

