"""Exports from the dashboard: chart images at slide size and the filtered events as data.

Pure helpers (:func:`graph_config`, :func:`export_filename`, :func:`events_csv`,
:func:`events_geojson`) plus the extension hooks of :mod:`dashboard.extensions`:
``layout_items`` puts an "Export" menu in the toolbar, ``register_callbacks``
keeps each graph's PNG button set to 1920×1080 at scale 2 with a file name
that says what and when, adds SVG downloads, and serves CSV and GeoJSON.
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from typing import Any

import pandas as pd

#: Graphs that export, by component id -> the file-name stem.
GRAPH_KINDS: dict[str, str] = {"map": "events-map", "timeline": "events-timeline"}
IMAGE_FORMATS: tuple[str, ...] = ("png", "svg")
#: Slide size: 16:9 at 1920×1080, rendered at twice the pixels for sharp projection.
EXPORT_WIDTH, EXPORT_HEIGHT, EXPORT_SCALE = 1920, 1080, 2

MENU = "export-menu"
SVG_MAP = "export-svg-map"
SVG_TIMELINE = "export-svg-timeline"
CSV = "export-csv"
GEOJSON = "export-geojson"
DOWNLOAD = "export-download"
SVG_SINK = "export-svg-sink"


def _day(value: Any) -> str:
    if value is None or value == "":
        return "all"
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def export_filename(kind: str, start: Any = None, end: Any = None) -> str:
    """Return a file name stem that says what and when, e.g. ``events-map_2014-06-01_2014-06-30``.

    Parameters
    ----------
    kind : str
        What is exported ("events-map", "events-timeline", "events", ...);
        anything but letters, digits and ``-`` is replaced.
    start, end : date-like or None
        The range; None gives ``all``.

    Examples
    --------
    >>> export_filename("events-map", "2014-06-01", date(2014, 6, 30))
    'events-map_2014-06-01_2014-06-30'
    >>> export_filename("events", None, None)
    'events_all_all'
    """
    stem = re.sub(r"[^A-Za-z0-9-]+", "-", str(kind)).strip("-") or "export"
    return f"{stem}_{_day(start)}_{_day(end)}"


def graph_config(kind: str, start: Any = None, end: Any = None, *, fmt: str = "png",
                 base: dict | None = None) -> dict[str, Any]:
    """Return a ``dcc.Graph`` config whose camera button saves a slide-size image.

    Parameters
    ----------
    kind : str
        File-name stem of the graph ("events-map").
    start, end : date-like or None
        The range shown, for the file name.
    fmt : {"png", "svg"}
        Format of the toolbar's download button.
    base : dict, optional
        Config to extend (the app's own keys are kept).

    Returns
    -------
    dict
        ``toImageButtonOptions`` with format, 1920×1080, scale 2 and the file name.

    Examples
    --------
    >>> graph_config("events-map", "2014-06-01", "2014-06-30")["toImageButtonOptions"]["filename"]
    'events-map_2014-06-01_2014-06-30'
    """
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"invalid fmt={fmt!r}: expected one of {', '.join(IMAGE_FORMATS)}")
    config = dict(base or {})
    config.setdefault("displaylogo", False)
    # No "share to Chart Studio": the dashboard works air-gapped and data stays here.
    removed = list(config.get("modeBarButtonsToRemove") or [])
    config["modeBarButtonsToRemove"] = [*removed, *(["sendDataToCloud"]
                                                    if "sendDataToCloud" not in removed else [])]
    config["toImageButtonOptions"] = {
        "format": fmt,
        "width": EXPORT_WIDTH,
        "height": EXPORT_HEIGHT,
        "scale": EXPORT_SCALE,
        "filename": export_filename(kind, start, end),
    }
    return config


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Round float32 coordinates so that exports show 36.335, not 36.33500289916992."""
    out = frame.copy()
    for name in ("lat", "lon"):
        if name in out.columns:
            out[name] = pd.to_numeric(out[name], errors="coerce").astype("float64").round(5)
    return out


def events_csv(frame: pd.DataFrame) -> str:
    """Return events as CSV text with DESIGN.md's columns, safe to open in a spreadsheet.

    Cells that a spreadsheet would evaluate (starting ``=``, ``+``, ``-``,
    ``@``, tab or carriage return) get a leading apostrophe.

    Examples
    --------
    >>> events_csv(pd.DataFrame()).splitlines()[0].split(",")[:3]
    ['id', 'incident_id', 'report']
    """
    from events.exports import write_csv

    buffer = io.StringIO(newline="")
    write_csv(_plain(frame), buffer)
    return buffer.getvalue()


def events_geojson(frame: pd.DataFrame) -> dict[str, Any]:
    """Return events as a GeoJSON FeatureCollection of points (properties: the record).

    Examples
    --------
    >>> events_geojson(pd.DataFrame())["features"]
    []
    """
    from events.exports import to_geojson

    return to_geojson(_plain(frame))


# -- extension hooks -------------------------------------------------------------------------

def layout_items(slot: str, source: Any) -> list:
    """Return the "Export" toolbar menu (SVG images, CSV, GeoJSON) and its download sink."""
    if slot != "toolbar":
        return []
    import dash_bootstrap_components as dbc
    from dash import dcc, html

    return [
        dbc.DropdownMenu(
            [
                dbc.DropdownMenuItem("Images: use the camera button of the map or timeline "
                                     "(PNG, 1920×1080)", header=True),
                dbc.DropdownMenuItem("Map as SVG", id=SVG_MAP),
                dbc.DropdownMenuItem("Timeline as SVG", id=SVG_TIMELINE),
                dbc.DropdownMenuItem(divider=True),
                dbc.DropdownMenuItem("Download data", header=True),
                dbc.DropdownMenuItem("Events in view as CSV", id=CSV),
                dbc.DropdownMenuItem("Events in view as GeoJSON", id=GEOJSON),
            ],
            label="Export", id=MENU, size="sm", color="light", align_end=True,
        ),
        dcc.Download(id=DOWNLOAD),
        html.Div(id=SVG_SINK, hidden=True),
    ]


def _state_range(data: dict | None, source: Any) -> tuple[date | None, date | None, Any]:
    from dashboard.state import ViewState

    state = ViewState.from_dict(data)
    index = source.index()
    return state.start or index.first_day, state.end or index.last_day, state


# Plotly's own downloadImage with the graph's current options, in SVG.
_SVG_SCRIPT = """
function(mapClicks, timelineClicks, mapConfig, timelineConfig) {
    const trigger = (dash_clientside.callback_context.triggered[0] || {}).prop_id || "";
    const isMap = trigger.startsWith("SVG_MAP_ID");
    const graphId = isMap ? "MAP_ID" : "TIMELINE_ID";
    const config = (isMap ? mapConfig : timelineConfig) || {};
    const opts = Object.assign({}, config.toImageButtonOptions || {}, {format: "svg"});
    const gd = document.querySelector("#" + graphId + " .js-plotly-plot");
    if (gd && window.Plotly) { window.Plotly.downloadImage(gd, opts); }
    return opts.filename || "";
}
"""


def register_callbacks(app: Any, source: Any) -> None:
    """Register the export callbacks: graph configs, SVG downloads, CSV/GeoJSON downloads."""
    from dash import Input, Output, State, ctx, dcc, no_update

    from dashboard import ids
    from dashboard.filters import filter_positions

    @app.callback(
        Output(ids.MAP, "config"), Output(ids.TIMELINE, "config"),
        Input(ids.VIEW_STATE, "data"),
        State(ids.MAP, "config"), State(ids.TIMELINE, "config"), State(ids.PLAY_STATE, "data"),
    )
    def _configs(data: dict | None, map_config: dict | None, timeline_config: dict | None,
                 play: dict | None):
        if isinstance(play, dict) and play.get("playing"):
            # While playing, the file name would change every frame: set it when play stops.
            return no_update, no_update
        start, end, _ = _state_range(data, source)
        out = []
        for graph_id, current in ((ids.MAP, map_config), (ids.TIMELINE, timeline_config)):
            wanted = graph_config(GRAPH_KINDS[graph_id], start, end, base=current)
            # Unchanged config: skip, so that playing the timeline does not redraw for it.
            out.append(no_update if wanted == current else wanted)
        return tuple(out)

    script = (_SVG_SCRIPT.replace("SVG_MAP_ID", SVG_MAP).replace("MAP_ID", ids.MAP)
              .replace("TIMELINE_ID", ids.TIMELINE))
    app.clientside_callback(
        script,
        Output(SVG_SINK, "children"),
        Input(SVG_MAP, "n_clicks"), Input(SVG_TIMELINE, "n_clicks"),
        State(ids.MAP, "config"), State(ids.TIMELINE, "config"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(DOWNLOAD, "data"),
        Input(CSV, "n_clicks"), Input(GEOJSON, "n_clicks"),
        State(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def _download(_csv: int | None, _geojson: int | None, data: dict | None):
        if ctx.triggered_id not in (CSV, GEOJSON):
            return no_update
        start, end, state = _state_range(data, source)
        index = source.index()
        frame = index.frame.iloc[filter_positions(index, state)]
        name = export_filename("events", start, end)
        if ctx.triggered_id == CSV:
            return dcc.send_string(events_csv(frame), f"{name}.csv", type="text/csv")
        return dcc.send_string(json.dumps(events_geojson(frame), ensure_ascii=False),
                               f"{name}.geojson", type="application/geo+json")
