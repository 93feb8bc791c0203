"""The map as a slide: one static figure for the toolbar's image export and the briefing.

A plain (SVG) chart in Web-Mercator, so that it renders in a fraction of a
second through kaleido with no WebGL: base layers, estimated areas of
control (within the configured radius of their towns), events, town-control
markers and place labels, fitted to the data's bounds with a margin, with a
title, the date range and filters, a legend, a scale bar and a source line.
Pure: frames in, ``go.Figure`` out.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.labels import label_table, static_labels
from dashboard.palette import BASE_COLOURS, event_colour
from dashboard.queries import STUDY_BOX, TILE_PX, inverse_mercator, mercator
from events.model import EVENT_TYPES

#: Slide size in pixels (16:9); the toolbar renders it at scale 2.
SLIDE_SIZE: tuple[int, int] = (1920, 1080)
#: The map's part of the slide (paper coordinates): title above, legend right, source below.
MAP_DOMAIN_X, MAP_DOMAIN_Y = (0.0, 0.755), (0.075, 0.875)
#: Fraction of the data's extent added on each side, and the smallest span shown (degrees).
MARGIN, MIN_SPAN = 0.08, 1.2
#: Data spread over more than this share of Iraq and Syria's width or height is a theatre-wide
#: view: the slide then shows both countries whole, capitals included, not a cut-off part.
THEATRE_SHARE = 0.4
FONT = {"family": "DejaVu Sans, Arial, sans-serif", "size": 20, "color": "#1f2a33"}
_NICE_KM = (5, 10, 20, 25, 50, 100, 200, 250, 500)


def _paths(geometries: Any) -> tuple[list, list]:
    """Outline paths of (multi)polygons and lines as x/y lists with None between parts."""
    import shapely

    xs: list = []
    ys: list = []
    for geom in geometries:
        if geom is None or geom.is_empty:
            continue
        for part in shapely.get_parts(geom):
            rings = ([part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part])
            for ring in rings:
                coords = shapely.get_coordinates(ring)
                xs += [*np.round(coords[:, 0], 3), None]
                ys += [*np.round(mercator(coords[:, 1]), 3), None]
    return xs, ys


def _layer_traces(base_layers: dict | None) -> list[go.Scatter]:
    from shapely.geometry import shape

    traces: list[go.Scatter] = []
    for name, fill in (("countries", BASE_COLOURS["land"]), ("lakes", BASE_COLOURS["lakes"]),
                       ("rivers", None), ("governorates", None), ("countries", None)):
        layer = (base_layers or {}).get(name)
        if not layer:
            continue
        xs, ys = _paths(shape(f["geometry"]) for f in layer["features"])
        line = {"color": BASE_COLOURS[name], "width": 0 if fill else
                {"rivers": 1.3, "governorates": 0.8, "countries": 1.8}[name]}
        traces.append(go.Scatter(x=xs, y=ys, mode="lines", line=line, hoverinfo="skip",
                                 fill="toself" if fill else None, fillcolor=fill,
                                 showlegend=False))
    return traces


def fit_box(points: pd.DataFrame, control: pd.DataFrame | None = None, *,
            aspect: float) -> tuple[float, float, float, float]:
    """Return the (west, south, east, north) to show: the data's bounds with a margin.

    The events' bounds (else the held towns', else Iraq and Syria), widened
    by :data:`MARGIN` on each side and to at least :data:`MIN_SPAN`, then to
    the map area's ``aspect`` (width / height in pixels), so that the data
    fills the frame. Data that spreads over much of the theatre
    (:data:`THEATRE_SHARE`) is shown with the whole of Iraq and Syria.

    Examples
    --------
    >>> pts = pd.DataFrame({"lon": [43.0, 44.0], "lat": [33.0, 34.5]})
    >>> w, s, e, n = fit_box(pts, aspect=1.0)
    >>> s < 33.0 and n > 34.5 and w < 43.0 and e > 44.0 and e - w < 3
    True
    """
    frames = [f for f in (points, control) if f is not None and len(f)]
    if frames:
        lon = frames[0]["lon"].to_numpy(float)
        lat = frames[0]["lat"].to_numpy(float)
        if len(lon) > 200:  # one misplaced point must not zoom the slide out
            west, east = np.percentile(lon, [0.5, 99.5])
            south, north = np.percentile(lat, [0.5, 99.5])
        else:
            west, east, south, north = lon.min(), lon.max(), lat.min(), lat.max()
    else:
        west, south, east, north = STUDY_BOX
    w0, s0, e0, n0 = STUDY_BOX
    if east - west >= THEATRE_SHARE * (e0 - w0) or north - south >= THEATRE_SHARE * (n0 - s0):
        west, south, east, north = min(west, w0), min(south, s0), max(east, e0), max(north, n0)
    cx, cy = (west + east) / 2, (mercator(south) + mercator(north)) / 2
    dx = max(east - west, MIN_SPAN) * (1 + 2 * MARGIN)
    dy = max(float(mercator(north) - mercator(south)), MIN_SPAN) * (1 + 2 * MARGIN)
    if dx / dy < aspect:
        dx = dy * aspect
    else:
        dy = dx / aspect
    y0, y1 = cy - dy / 2, cy + dy / 2
    return float(cx - dx / 2), inverse_mercator(y0), float(cx + dx / 2), inverse_mercator(y1)


def scale_bar(box: tuple[float, float, float, float], width_px: float) -> tuple[float, str]:
    """Return (length in degrees of longitude, label) of a round-number scale bar.

    About a sixth of the map's width, measured at the map's middle latitude.

    Examples
    --------
    >>> scale_bar((40.0, 32.0, 46.0, 36.0), 1400)[1]
    '50 km'
    """
    west, south, east, north = box
    km_per_degree = 111.32 * math.cos(math.radians((south + north) / 2))
    target = (east - west) * km_per_degree / 6
    km = max([k for k in _NICE_KM if k <= target] or [_NICE_KM[0]])
    return km / km_per_degree, f"{km:g} km"


def _declutter(labels: pd.DataFrame, box: tuple[float, float, float, float],
               size: tuple[float, float], *, font_px: float) -> pd.DataFrame:
    """Keep labels whose boxes do not overlap one already kept (capitals are placed first)."""
    west, south, east, north = box
    y0, y1 = float(mercator(south)), float(mercator(north))
    kept, boxes = [], []
    for row in labels.itertuples(index=False):
        x = (row.lon - west) / (east - west) * size[0]
        y = (float(mercator(row.lat)) - y0) / (y1 - y0) * size[1]
        half = 0.3 * font_px * len(str(row.name)) + 4
        mine = (x - half, y - 1.9 * font_px, x + half, y + 0.4 * font_px)
        if any(not (mine[2] < b[0] or mine[0] > b[2] or mine[3] < b[1] or mine[1] > b[3])
               for b in boxes):
            continue
        boxes.append(mine)
        kept.append(row)
    return pd.DataFrame(kept, columns=labels.columns)


def slide_map_figure(points: pd.DataFrame, control: pd.DataFrame, areas: Any, *,
                     title: str, subtitle: str, source_line: str, radius_km: float,
                     base_layers: dict | None = None, labels: pd.DataFrame | None = None,
                     size: tuple[int, int] = SLIDE_SIZE) -> go.Figure:
    """Return the slide-ready map: fitted to the data, titled, labelled, with legend and scale.

    Parameters
    ----------
    points : pandas.DataFrame
        :func:`dashboard.queries.map_points` output (events in range).
    control : pandas.DataFrame
        :func:`events.control.control_as_of` output (who holds which town at the end).
    areas : geopandas.GeoDataFrame
        :func:`dashboard.control_layer.cached_areas` output (radius-limited estimates).
    title, subtitle, source_line : str
        Heading, the date range and filters line, and the source line under the map.
    radius_km : float
        How far the areas reach from their towns (said in the legend).
    base_layers : dict, optional
        ``geodata.base_layers()``.
    labels : pandas.DataFrame, optional
        :func:`dashboard.labels.label_table` output; the shipped places by default.
    size : (int, int)
        The image size the figure is laid out for.

    Examples
    --------
    >>> empty = pd.DataFrame(columns=["event_type", "lat", "lon", "size", "controller"])
    >>> fig = slide_map_figure(empty, empty, empty.assign(geometry=[]), title="T",
    ...                        subtitle="S", source_line="Source: none", radius_km=25)
    >>> fig.layout.yaxis.scaleanchor, fig.layout.annotations[0].text
    ('x', '<b>T</b>')
    """
    from dashboard.control_layer import AREA_OPACITY, MARKER_GROUP, controller_colour

    width_px = size[0] * (MAP_DOMAIN_X[1] - MAP_DOMAIN_X[0])
    height_px = size[1] * (MAP_DOMAIN_Y[1] - MAP_DOMAIN_Y[0])
    box = fit_box(points, control, aspect=width_px / height_px)
    west, south, east, north = box
    fig = go.Figure(_layer_traces(base_layers))
    for controller, cells in areas.groupby("controller", sort=True):
        xs, ys = _paths(cells.geometry)
        colour = controller_colour(str(controller)).lstrip("#")
        rgb = ",".join(str(int(colour[i:i + 2], 16)) for i in (0, 2, 4))
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", line={"width": 0.5, "color": f"rgb({rgb})"},
            fillcolor=f"rgba({rgb},{AREA_OPACITY + 0.08})", hoverinfo="skip",
            name=f"{controller} (estimate)", legendgroup="areas",
            legendgrouptitle_text=f"Areas of control (estimate, ≤ {radius_km:g} km of a town)"))
    present = set(points["event_type"]) if len(points) else set()
    for event_type in [t for t in EVENT_TYPES if t in present]:
        g = points[points["event_type"] == event_type]
        fig.add_trace(go.Scatter(
            x=g["lon"], y=mercator(g["lat"].to_numpy(float)), mode="markers",
            name=event_type.replace("_", " "), legendgroup="events",
            legendgrouptitle_text="Events in range (size: figure)",
            marker={"size": g["size"].to_numpy(float) * 1.25, "color": event_colour(event_type),
                    "opacity": 0.8, "line": {"width": 0.6, "color": "white"}}))
    for controller, towns in control.groupby("controller", sort=True):
        fig.add_trace(go.Scatter(
            x=towns["lon"], y=mercator(towns["lat"].to_numpy(float)), mode="markers",
            name=str(controller), legendgroup="control",
            legendgrouptitle_text=MARKER_GROUP.replace("Control of towns", "Town held by"),
            marker={"size": 17, "symbol": "square", "color": controller_colour(str(controller)),
                    "line": {"width": 2, "color": "white"}}))
    table = labels if labels is not None else label_table()
    zoom = math.log2(width_px * 360.0 / (TILE_PX * (east - west)))
    shown = _declutter(static_labels(table, box, zoom=zoom + 0.6), box, (width_px, height_px),
                       font_px=FONT["size"] - 2)
    if len(shown):
        fig.add_trace(go.Scatter(
            x=shown["lon"], y=mercator(shown["lat"].to_numpy(float)), mode="markers+text",
            text=shown["name"], textposition="top center", hoverinfo="skip", showlegend=False,
            marker={"size": 6, "color": "#1f2a33", "symbol": "circle-open"},
            textfont={"size": [FONT["size"] if r <= 1 else FONT["size"] - 3
                               for r in shown["rank"]], "color": "#1f2a33",
                      "family": FONT["family"]}))
    fig.update_layout(
        template="plotly_white", paper_bgcolor="white", plot_bgcolor=BASE_COLOURS["lakes"],
        width=size[0], height=size[1], font=FONT, showlegend=True,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        xaxis={"range": [west, east], "visible": False, "domain": list(MAP_DOMAIN_X),
               "fixedrange": True},
        yaxis={"range": [float(mercator(south)), float(mercator(north))], "visible": False,
               "scaleanchor": "x", "scaleratio": 1, "domain": list(MAP_DOMAIN_Y),
               "fixedrange": True},
        legend={"x": MAP_DOMAIN_X[1] + 0.012, "y": MAP_DOMAIN_Y[1], "yanchor": "top",
                "tracegroupgap": 10, "font": {"size": FONT["size"]},
                "grouptitlefont": {"size": FONT["size"], "color": "#1f2a33"},
                "itemsizing": "constant"},
    )
    _frame_text(fig, title, subtitle, source_line)
    _scale(fig, box, width_px)
    return fig


def _frame_text(fig: go.Figure, title: str, subtitle: str, source_line: str) -> None:
    fig.add_annotation(text=f"<b>{title}</b>", x=0.0, y=1.0, xref="paper", yref="paper",
                       xanchor="left", yanchor="top", showarrow=False, xshift=24, yshift=-14,
                       font={"size": 32})
    fig.add_annotation(text=subtitle, x=0.0, y=0.945, xref="paper", yref="paper",
                       xanchor="left", yanchor="top", showarrow=False, xshift=24,
                       font={"size": 21, "color": "#34434f"})
    fig.add_annotation(text=source_line, x=0.0, y=0.0, xref="paper", yref="paper",
                       xanchor="left", yanchor="bottom", showarrow=False, xshift=24, yshift=14,
                       align="left", font={"size": 19, "color": "#34434f"})


def _scale(fig: go.Figure, box: tuple[float, float, float, float], width_px: float) -> None:
    west, south, east, north = box
    length, label = scale_bar(box, width_px)
    x0 = west + (east - west) * 0.03
    y = float(mercator(south)) + (float(mercator(north)) - float(mercator(south))) * 0.04
    fig.add_shape(type="line", x0=x0, x1=x0 + length, y0=y, y1=y, xref="x", yref="y",
                  line={"color": "#1f2a33", "width": 4})
    for x in (x0, x0 + length):
        fig.add_shape(type="line", x0=x, x1=x, y0=y, y1=y, xref="x", yref="y",
                      line={"color": "#1f2a33", "width": 4})
    fig.add_annotation(text=label, x=x0 + length / 2, y=y, xref="x", yref="y", showarrow=False,
                       yanchor="bottom", yshift=6, font={"size": 19},
                       bgcolor="rgba(255,255,255,0.8)")
