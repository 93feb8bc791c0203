"""Exports from the dashboard: slide-ready images of the map and timeline, and the events as data.

Pure helpers (:func:`export_filename`, :func:`events_csv`,
:func:`events_geojson`, :func:`export_image`) plus the extension hooks of
:mod:`dashboard.extensions`: ``layout_items`` puts an "Export" menu in the
toolbar, ``register_callbacks`` answers it. Images are drawn on the server
from the view at the moment of the click (so they are named for the range
shown), fitted to the data, with a title, the range and filters, a legend
and a source line (:func:`dashboard.brief.map_export_figure`), at 1920×1080
(PNG at twice the pixels for projection). Nothing is drawn by the browser's
WebGL, and nothing leaves the machine.
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
PNG_MAP = "export-png-map"
SVG_MAP = "export-svg-map"
PNG_TIMELINE = "export-png-timeline"
SVG_TIMELINE = "export-svg-timeline"
CSV = "export-csv"
GEOJSON = "export-geojson"
DOWNLOAD = "export-download"


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


def export_image(kind: str, fmt: str, index: Any, state: Any, *, outline: Any = None,
                 base_layers: dict | None = None) -> tuple[bytes, str]:
    """Return the image of the map or the timeline for a view, and its file name.

    Parameters
    ----------
    kind : {"events-map", "events-timeline"}
        What to draw.
    fmt : {"png", "svg"}
        PNG at 1920×1080 × 2, or SVG at 1920×1080.
    index : dashboard.filters.EventIndex
        The events.
    state : dashboard.state.ViewState
        The view: its range (the data's own when open) and filters.
    outline, base_layers : optional
        ``geodata.study_area()`` and ``geodata.base_layers()``.

    Returns
    -------
    (bytes, str)
        The image and ``<kind>_<start>_<end>.<fmt>``.
    """
    from dashboard.brief import (
        FILTER_NAMES,
        map_export_figure,
        render_image,
        timeline_export_figure,
    )

    if kind not in GRAPH_KINDS.values():
        raise ValueError(f"invalid kind={kind!r}: expected one of "
                         f"{', '.join(GRAPH_KINDS.values())}")
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"invalid fmt={fmt!r}: expected one of {', '.join(IMAGE_FORMATS)}")
    start, end = state.start or index.first_day, state.end or index.last_day
    if start is None or end is None:
        raise ValueError("no events: nothing to draw")
    filters = {name: getattr(state, name) for name in FILTER_NAMES}
    if kind == "events-map":
        fig = map_export_figure(index, start=start, end=end, filters=filters, outline=outline,
                                base_layers=base_layers)
    else:
        fig = timeline_export_figure(index, start=start, end=end, filters=filters)
    scale = EXPORT_SCALE if fmt == "png" else 1
    data = render_image(fig, fmt=fmt, width=EXPORT_WIDTH, height=EXPORT_HEIGHT, scale=scale)
    return data, f"{export_filename(kind, start, end)}.{fmt}"


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
    from dash import dcc

    return [
        dbc.DropdownMenu(
            [
                dbc.DropdownMenuItem("Slide images of the current view (1920×1080)",
                                     header=True),
                dbc.DropdownMenuItem("Map as PNG", id=PNG_MAP),
                dbc.DropdownMenuItem("Map as SVG", id=SVG_MAP),
                dbc.DropdownMenuItem("Timeline as PNG", id=PNG_TIMELINE),
                dbc.DropdownMenuItem("Timeline as SVG", id=SVG_TIMELINE),
                dbc.DropdownMenuItem(divider=True),
                dbc.DropdownMenuItem("Download data", header=True),
                dbc.DropdownMenuItem("Events in view as CSV", id=CSV),
                dbc.DropdownMenuItem("Events in view as GeoJSON", id=GEOJSON),
            ],
            label="Export", id=MENU, size="sm", color="light", align_end=True,
        ),
        dcc.Loading(dcc.Download(id=DOWNLOAD), type="circle",
                    overlay_style={"visibility": "visible"}),
    ]


def _state_range(data: dict | None, source: Any) -> tuple[date | None, date | None, Any]:
    from dashboard.state import ViewState

    state = ViewState.from_dict(data)
    index = source.index()
    return state.start or index.first_day, state.end or index.last_day, state


#: Menu item -> (what, format) of the image it downloads.
_IMAGE_ITEMS: dict[str, tuple[str, str]] = {
    PNG_MAP: ("events-map", "png"), SVG_MAP: ("events-map", "svg"),
    PNG_TIMELINE: ("events-timeline", "png"), SVG_TIMELINE: ("events-timeline", "svg"),
}


def register_callbacks(app: Any, source: Any) -> None:
    """Register the export callbacks: images of the view, CSV and GeoJSON downloads."""
    from dash import Input, Output, State, ctx, dcc, no_update

    from dashboard import ids
    from dashboard.data import load_base_layers
    from dashboard.filters import filter_positions

    @app.callback(
        Output(DOWNLOAD, "data"),
        *[Input(item, "n_clicks") for item in (CSV, GEOJSON, *_IMAGE_ITEMS)],
        State(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def _download(*args: Any):
        data = args[-1]
        trigger = ctx.triggered_id
        if trigger not in (CSV, GEOJSON, *_IMAGE_ITEMS):
            return no_update
        start, end, state = _state_range(data, source)
        index = source.index()
        if trigger in _IMAGE_ITEMS:
            from geodata import study_area

            kind, fmt = _IMAGE_ITEMS[trigger]
            try:
                image, name = export_image(kind, fmt, index, state, outline=study_area(),
                                           base_layers=load_base_layers() or {})
            except ValueError:
                return no_update  # no events at all: nothing to draw
            return dcc.send_bytes(image, name)
        frame = index.frame.iloc[filter_positions(index, state)]
        name = export_filename("events", start, end)
        if trigger == CSV:
            return dcc.send_string(events_csv(frame), f"{name}.csv", type="text/csv")
        return dcc.send_string(json.dumps(events_geojson(frame), ensure_ascii=False),
                               f"{name}.geojson", type="application/geo+json")

