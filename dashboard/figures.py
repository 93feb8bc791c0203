"""Figures: plain functions, small frames in, plotly figures (or traces) out. No dash here.

The map uses the project's own MapLibre style (a plain background and the
place labels, :func:`dashboard.labels.offline_style`) with its GeoJSON base
layers, so that it works with no internet; ``tiles="online"`` adds raster
tiles under them for machines that have a connection. Every trace is drawn
below the label layers, so town names stay readable over the markers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.labels import LABEL_LAYER
from dashboard.palette import BASE_COLOURS, DENSITY_SCALE, actor_colour, event_colour
from dashboard.queries import DEFAULT_CENTER, DEFAULT_ZOOM
from events.model import EVENT_TYPES

#: Raster tiles for ``tiles="online"`` (without their own labels: ours are drawn).
ONLINE_TILES = ["https://a.basemaps.cartocdn.com/light_nolabels/{z}/{x}/{y}.png",
                "https://b.basemaps.cartocdn.com/light_nolabels/{z}/{x}/{y}.png"]
ONLINE_ATTRIBUTION = "© OpenStreetMap contributors © CARTO"
#: Used when no style is given (tests, figures without labels): a plain background.
PLAIN_STYLE: dict = {"version": 8, "sources": {}, "layers": [
    {"id": "background", "type": "background", "paint": {"background-color": "#dfe7ee"}},
    {"id": LABEL_LAYER, "type": "background", "paint": {"background-opacity": 0}}]}
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 12}
_HOVER = "<b>%{fullData.name}</b><br>%{hovertext}<extra></extra>"


def base_layer_specs(layers: dict[str, dict] | None, *, tiles: str = "offline") -> list[dict]:
    """Return ``layout.map.layers`` entries for the GeoJSON base layers (empty when None).

    Parameters
    ----------
    layers : dict or None
        ``geodata.base_layers()``: "countries", "governorates", "rivers", "lakes".
    tiles : {"offline", "online"}
        With online tiles the land fill is left out so that the tiles show.

    Examples
    --------
    >>> base_layer_specs(None)
    []
    """
    if tiles not in {"offline", "online"}:
        raise ValueError(f"invalid tiles={tiles!r}: expected 'offline' or 'online'")
    if not layers:
        return []
    specs: list[dict] = []

    def add(name: str, kind: str, **style: Any) -> None:
        if layers.get(name):
            specs.append({"source": layers[name], "sourcetype": "geojson", "type": kind,
                          "below": "traces", **style})

    if tiles == "offline":
        add("countries", "fill", color=BASE_COLOURS["land"], opacity=1.0)
    add("lakes", "fill", color=BASE_COLOURS["lakes"], opacity=1.0)
    add("rivers", "line", color=BASE_COLOURS["rivers"], line={"width": 1.2})
    add("governorates", "line", color=BASE_COLOURS["governorates"], line={"width": 0.7})
    add("countries", "line", color=BASE_COLOURS["countries"], line={"width": 1.4})
    return specs


def tile_style(style: dict | None, tiles: str = "offline") -> dict:
    """Return ``style`` with raster tiles under everything when ``tiles`` is "online".

    Examples
    --------
    >>> [layer["id"] for layer in tile_style(None, "online")["layers"]][:2]
    ['background', 'online-tiles']
    """
    if tiles not in {"offline", "online"}:
        raise ValueError(f"invalid tiles={tiles!r}: expected 'offline' or 'online'")
    style = dict(style or PLAIN_STYLE)
    if tiles == "offline":
        return style
    sources = {**style.get("sources", {}), "online-tiles": {
        "type": "raster", "tiles": ONLINE_TILES, "tileSize": 256,
        "attribution": ONLINE_ATTRIBUTION}}
    layers = list(style.get("layers", []))
    layers.insert(1, {"id": "online-tiles", "type": "raster", "source": "online-tiles"})
    return {**style, "sources": sources, "layers": layers}


def map_layout(base_layers: dict[str, dict] | None = None, *, center: tuple[float, float] | None
               = None, zoom: float | None = None, tiles: str = "offline",
               uirevision: str = "map", style: dict | None = None) -> dict:
    """Return the map figure's layout: style, base layers, view, margins.

    ``style`` is the MapLibre style with the place labels
    (:func:`dashboard.labels.offline_style`); without it a plain background.

    Examples
    --------
    >>> map_layout()["map"]["style"]["layers"][0]["id"]
    'background'
    """
    lat, lon = center or DEFAULT_CENTER
    return {
        "map": {
            "style": tile_style(style, tiles),
            "layers": base_layer_specs(base_layers, tiles=tiles),
            "center": {"lat": lat, "lon": lon},
            "zoom": DEFAULT_ZOOM if zoom is None else zoom,
        },
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "showlegend": False,
        "uirevision": uirevision,
        "font": FONT,
        "paper_bgcolor": "#dfe7ee",
        "template": None,
        "clickmode": "event",
        "hoverlabel": {"font": FONT},
    }


def point_traces(points: pd.DataFrame) -> list[dict]:
    """Return one marker trace per event type present in ``points``.

    Traces are plain dicts (``go.Figure(data=...)`` accepts them): building
    ``go.Scattermap`` objects would validate and deep-copy tens of thousands
    of hover strings on every callback.

    Parameters
    ----------
    points : pandas.DataFrame
        :func:`dashboard.queries.map_points` output: ``pos``, ``event_type``,
        ``lat``, ``lon``, ``size``, ``hover``.

    Returns
    -------
    list of dict
        ``scattermap`` traces in :data:`events.model.EVENT_TYPES` order;
        ``customdata`` holds ``pos``.

    Examples
    --------
    >>> pts = pd.DataFrame({"pos": [0], "event_type": ["clash"], "lat": [34.0], "lon": [43.0],
    ...                     "size": [7.0], "hover": ["Tikrit"]})
    >>> [t["name"] for t in point_traces(pts)]
    ['clash']
    """
    traces: list[dict] = []
    if points.empty:
        return traces
    groups = points.groupby("event_type", sort=False, observed=True)
    present = set(groups.groups)
    for event_type in [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES)):
        g = groups.get_group(event_type)
        traces.append({
            "type": "scattermap", "name": event_type.replace("_", " "), "mode": "markers",
            "lat": g["lat"].to_numpy(np.float32), "lon": g["lon"].to_numpy(np.float32),
            "marker": {"size": g["size"].to_numpy(np.float32), "color": event_colour(event_type),
                       "opacity": 0.8},
            "customdata": g["pos"].to_numpy(np.int32),
            "hovertext": g["hover"].to_numpy().astype(str),
            "hovertemplate": _HOVER, "below": LABEL_LAYER,
            "meta": {"kind": "events", "event_type": event_type},
        })
    return traces


def density_trace(grid: pd.DataFrame, *, radius: int = 10) -> dict:
    """Return the aggregate layer: a density map of binned event counts (log-weighted).

    Examples
    --------
    >>> density_trace(pd.DataFrame({"lat": [34.0], "lon": [43.0], "count": [5]}))["type"]
    'densitymap'
    """
    counts = grid["count"].to_numpy(np.float64)
    return {
        "type": "densitymap", "name": "events (density)",
        "lat": grid["lat"].to_numpy(np.float32), "lon": grid["lon"].to_numpy(np.float32),
        "z": np.round(np.log10(1.0 + counts), 2).astype(np.float32),
        "radius": radius, "colorscale": DENSITY_SCALE, "showscale": True,
        "colorbar": {"title": {"text": "events"}, "tickvals": [0, 1, 2, 3, 4, 5],
                     "ticktext": ["1", "10", "100", "1k", "10k", "100k"], "thickness": 10,
                     "len": 0.5, "x": 0.99, "xanchor": "right",
                     "bgcolor": "rgba(255,255,255,0.7)"},
        # Counts go in ``text``, not ``customdata``: clicks read customdata as an event position.
        "text": np.array([f"{c:,}" for c in grid["count"].to_numpy()], dtype=str),
        "hovertemplate": "about %{text} events here<extra></extra>", "below": LABEL_LAYER,
        "meta": {"kind": "density"},
    }


#: Diameter (px) of a town-control disc; a click inside it also reaches the events it covers.
CONTROL_DISC_PX = 30
#: Prefix of a control disc's ``customdata``: a click on it names the town, not an event.
TOWN_PREFIX = "town:"


def control_traces(controllers: pd.DataFrame) -> list[dict]:
    """Return town-control markers (large translucent discs) coloured by controller.

    Each disc's ``customdata`` is ``"town:<place>"``: a click on a disc
    selects the town (its history is shown) and the events drawn inside it.

    Parameters
    ----------
    controllers : pandas.DataFrame
        :func:`dashboard.towns.controllers_as_of` output.
    """
    traces: list[dict] = []
    if controllers.empty:
        return traces
    for controller, g in controllers.groupby("controller", sort=True, dropna=False):
        name = controller if isinstance(controller, str) else "unknown"
        since = pd.to_datetime(g["date"]).dt.strftime("%Y-%m-%d")
        traces.append({
            "type": "scattermap", "name": f"held by {name}", "mode": "markers",
            "lat": g["lat"].to_numpy(np.float32), "lon": g["lon"].to_numpy(np.float32),
            "marker": {"size": CONTROL_DISC_PX, "color": actor_colour(name), "opacity": 0.28},
            "customdata": [TOWN_PREFIX + p for p in g["place"].astype(str)],
            "hovertext": [f"{_text(p)}: held by {_text(name)} since {d}<br>"
                          "click for its history and events"
                          for p, d in zip(g["place"].astype(str), since, strict=True)],
            "hovertemplate": "%{hovertext}<extra></extra>", "below": LABEL_LAYER,
            "meta": {"kind": "control"},
        })
    return traces


def selection_trace(lat: float, lon: float, size: float) -> dict:
    """Return a translucent dark disc marking the selected event (drawn above the markers)."""
    return {"type": "scattermap", "name": "selected", "mode": "markers", "lat": [lat],
            "lon": [lon], "marker": {"size": size + 14, "color": "#1a1a1a", "opacity": 0.45},
            "hoverinfo": "skip", "below": LABEL_LAYER, "meta": {"kind": "selection"}}


def _text(value: str) -> str:
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def event_map(points: pd.DataFrame | None = None, *, grid: pd.DataFrame | None = None,
              controllers: pd.DataFrame | None = None, base_layers: dict | None = None,
              center: tuple[float, float] | None = None, zoom: float | None = None,
              tiles: str = "offline", extra_traces: Sequence[Any] = (),
              style: dict | None = None) -> go.Figure:
    """Return the whole map: base layers, extra layers, control discs, then events.

    Parameters
    ----------
    points : pandas.DataFrame, optional
        Raw points (drawn when ``grid`` is None).
    grid : pandas.DataFrame, optional
        Binned counts; when given, the aggregate layer is drawn instead of points.
    controllers : pandas.DataFrame, optional
        Who holds which town as of the window's end.
    extra_traces : sequence
        Layers from extensions (e.g. areas of control), drawn below everything.

    Examples
    --------
    >>> [t.type for t in event_map(grid=pd.DataFrame({"lat": [1], "lon": [2], "count": [3]})).data]
    ['densitymap']
    """
    fig = go.Figure(layout=map_layout(base_layers, center=center, zoom=zoom, tiles=tiles,
                                      style=style))
    fig.add_traces(map_traces(points, grid=grid, controllers=controllers,
                              extra_traces=extra_traces))
    return fig


def map_traces(points: pd.DataFrame | None = None, *, grid: pd.DataFrame | None = None,
               controllers: pd.DataFrame | None = None, extra_traces: Sequence[Any] = (),
               selected: tuple[float, float, float] | None = None) -> list:
    """Return the map's traces in drawing order (what :func:`event_map` adds).

    ``selected`` is the (lat, lon, marker size) of the selected event, marked on top.
    """
    traces: list = list(extra_traces)
    if controllers is not None:
        traces += control_traces(controllers)
    if grid is not None:
        if not grid.empty:
            traces.append(density_trace(grid))
    elif points is not None:
        traces += point_traces(points)
    if selected is not None:
        # On top, translucent: a marker drawn later at the same spot cannot hide the selection.
        traces.append(selection_trace(*selected))
    if not traces:
        # Without any map trace plotly would draw empty cartesian axes instead of the map.
        traces.append({"type": "scattermap", "lat": [], "lon": [], "hoverinfo": "skip",
                       "below": LABEL_LAYER, "meta": {"kind": "anchor"}})
    return traces


def window_shape(start: date, end: date) -> dict:
    """Return the timeline's shaded band over the selected date range, first to last hour.

    Examples
    --------
    >>> window_shape(date(2014, 6, 1), date(2014, 6, 30))["x1"]
    '2014-06-30 23:59'
    """
    return {"type": "rect", "xref": "x", "yref": "paper", "x0": f"{start} 00:00",
            "x1": f"{end} 23:59",
            "y0": 0, "y1": 1, "fillcolor": "rgba(0,114,178,0.12)",
            "line": {"color": "rgba(0,114,178,0.7)", "width": 1}, "layer": "below"}


def timeline_figure(counts: pd.DataFrame, *, window: tuple[date, date] | None = None,
                    bin: str = "week", height: int = 130,
                    x_range: tuple[date, date] | None = None) -> go.Figure:
    """Return the stacked bar chart of events per bin and type, with the window shaded.

    Parameters
    ----------
    counts : pandas.DataFrame
        :func:`dashboard.queries.timeline_counts` output (one column per type).
    window : (date, date), optional
        The selected date range, drawn as a shaded band.
    bin : str
        Bin width, for the hover label.
    height : int, default 130
        Height in pixels.
    x_range : (date, date), optional
        First and last day the x axis shows (the window and its context).

    Returns
    -------
    plotly.graph_objects.Figure
        ``dragmode="select"``: dragging along x selects a date range.

    Examples
    --------
    >>> timeline_figure(pd.DataFrame({"seizure": [1, 2]},
    ...     index=pd.to_datetime(["2014-06-02", "2014-06-09"]))).data[0].type
    'bar'
    """
    fig = go.Figure()
    x = counts.index.strftime("%Y-%m-%d").tolist() if len(counts) else []
    for event_type in counts.columns:
        y = counts[event_type].to_numpy()
        if not y.any():
            continue
        fig.add_trace(go.Bar(
            name=event_type.replace("_", " "), x=x, y=y.astype(np.int32),
            marker={"color": event_colour(event_type), "line": {"width": 0}},
            hovertemplate=f"%{{x}} ({bin}): %{{y}} %{{fullData.name}}<extra></extra>",
        ))
    if not len(counts):
        fig.add_annotation(text="No events to chart", showarrow=False, xref="paper",
                           yref="paper", x=0.5, y=0.5, font={"color": "#6c757d"})
    shapes = [window_shape(*window)] if window is not None else []
    fig.update_layout(
        barmode="stack", bargap=0.05, height=height, autosize=True, showlegend=False,
        template=None, font=FONT,
        margin={"l": 40, "r": 10, "t": 6, "b": 24}, dragmode="select", selectdirection="h",
        plot_bgcolor="white", paper_bgcolor="white", shapes=shapes, uirevision="timeline",
        xaxis={"type": "date", "showgrid": False, "fixedrange": True, "visible": bool(len(counts)),
               **({"range": [f"{x_range[0]} 00:00", f"{x_range[1]} 23:59"]} if x_range else {})},
        yaxis={"showgrid": True, "gridcolor": "#eee", "fixedrange": True, "title": None,
               "visible": bool(len(counts))},
        hovermode="closest",
    )
    return fig
