"""Map pieces for control of towns: coloured town markers and estimated areas.

Pure figure functions (frames in, plotly traces out, no dash import). The
map puts :func:`control_area_traces` first so the areas are drawn below the
event markers, and :func:`control_marker_traces` after them. Every trace
carries ``meta="control"`` so a callback can find and replace or hide them
as one layer. The legend says that areas are estimates from reported events.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.palette import actor_colour
from events.control import DISPUTED, control_areas, control_as_of, control_changes

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

#: Legend group titles: the area one says what the areas are.
MARKER_GROUP = "Control of towns (from reported seizures)"
AREA_GROUP = "Areas of control: estimates from reported events"
#: Colour of places claimed by several forces on the same day.
DISPUTED_COLOUR = "#CC79A7"
#: Fill opacity of the areas: light, so that events and base layers stay readable.
AREA_OPACITY = 0.22
#: Simplification tolerance of area outlines in degrees (~1 km): keeps payloads small.
_SIMPLIFY = 0.01
_AREA_CACHE: OrderedDict[tuple, gpd.GeoDataFrame] = OrderedDict()
_AREA_CACHE_SIZE = 64


def controller_colour(controller: str) -> str:
    """Return the map colour of a controller, with one colour for disputed places.

    Examples
    --------
    >>> controller_colour("Disputed")
    '#CC79A7'
    """
    return DISPUTED_COLOUR if controller == DISPUTED else actor_colour(controller)


def control_marker_traces(control: pd.DataFrame, *, size: int = 13) -> list[go.Scattermap]:
    """Return town markers coloured by who holds each town: one trace per controller.

    Parameters
    ----------
    control : pandas.DataFrame
        Output of :func:`events.control.control_as_of`.
    size : int, default 13
        Marker diameter in pixels.

    Returns
    -------
    list of plotly.graph_objects.Scattermap
        Legend-grouped under :data:`MARKER_GROUP`; hover tells place, holder,
        since when and, for disputed places, who claims it.

    Examples
    --------
    >>> state = pd.DataFrame({"place": ["Mosul"], "lon": [43.1], "lat": [36.3],
    ...     "controller": ["ISIS"], "since": pd.to_datetime(["2014-06-10"]),
    ...     "claimants": [("ISIS",)], "disputed": [False]})
    >>> [t.name for t in control_marker_traces(state)]
    ['ISIS']
    """
    traces = []
    for controller, towns in control.groupby("controller", sort=True, observed=True):
        held = (
            "Claimed by " + towns["claimants"].map(" / ".join)
            if controller == DISPUTED
            else pd.Series("Held by " + str(controller), index=towns.index)
        )
        hover = (
            towns["place"].astype(str) + "<br>" + held
            + " since " + pd.to_datetime(towns["since"]).dt.strftime("%Y-%m-%d")
        )
        traces.append(
            go.Scattermap(
                lon=towns["lon"].round(4).tolist(),
                lat=towns["lat"].round(4).tolist(),
                mode="markers",
                marker={"size": size, "color": controller_colour(str(controller)),
                        "opacity": 0.95},
                name=str(controller),
                legendgroup="control-markers",
                legendgrouptitle_text=MARKER_GROUP,
                text=hover.tolist(),
                hovertemplate="%{text}<extra></extra>",
                meta="control",
            )
        )
    return traces


def cached_areas(control: pd.DataFrame, outline: BaseGeometry) -> gpd.GeoDataFrame:
    """Return dissolved control areas for ``control``, cached on towns and holders.

    Playing the timeline asks for the same control state many frames in a
    row; the Voronoi diagram is only recomputed when a town changes hands.
    """
    key = (id(outline), tuple(zip(control["place"], control["controller"], strict=True)))
    if key in _AREA_CACHE:
        _AREA_CACHE.move_to_end(key)
        return _AREA_CACHE[key]
    areas = control_areas(control, outline, dissolve=True)
    areas["geometry"] = areas.geometry.simplify(_SIMPLIFY, preserve_topology=True)
    _AREA_CACHE[key] = areas
    if len(_AREA_CACHE) > _AREA_CACHE_SIZE:
        _AREA_CACHE.popitem(last=False)
    return areas


def control_area_traces(areas: gpd.GeoDataFrame) -> list[go.Choroplethmap]:
    """Return filled areas, one trace per controller, to be drawn below the event markers.

    Parameters
    ----------
    areas : geopandas.GeoDataFrame
        Output of :func:`events.control.control_areas` (``controller``,
        ``geometry``), dissolved or per town.

    Returns
    -------
    list of plotly.graph_objects.Choroplethmap
        Legend-grouped under :data:`AREA_GROUP`, which says they are estimates.
    """
    from shapely.geometry import mapping

    traces = []
    for controller, cells in areas.groupby("controller", sort=True):
        features = [
            {"type": "Feature", "id": str(i), "properties": {},
             "geometry": _rounded(mapping(geom))}
            for i, geom in enumerate(cells.geometry)
            if geom is not None and not geom.is_empty
        ]
        if not features:
            continue
        colour = controller_colour(str(controller))
        traces.append(
            go.Choroplethmap(
                geojson={"type": "FeatureCollection", "features": features},
                locations=[f["id"] for f in features],
                z=[1] * len(features),
                colorscale=[[0, colour], [1, colour]],
                showscale=False,
                marker={"opacity": AREA_OPACITY, "line": {"width": 0}},
                name=f"{controller} (estimate)",
                legendgroup="control-areas",
                legendgrouptitle_text=AREA_GROUP,
                showlegend=True,
                hovertemplate=(
                    f"Area nearest to towns held by {controller}"
                    "<br>estimate from reported events<extra></extra>"
                ),
                meta="control",
            )
        )
    return traces


def _rounded(geometry: dict[str, Any], decimals: int = 3) -> dict[str, Any]:
    """Round GeoJSON coordinates (3 decimals ~ 100 m) to shrink what the browser receives."""

    def walk(coords: Any) -> Any:
        if isinstance(coords[0], (int, float)):
            return [round(c, decimals) for c in coords]
        return [walk(c) for c in coords]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def control_layer(
    changes: pd.DataFrame,
    when: Any,
    *,
    outline: BaseGeometry | None = None,
    markers: bool = True,
    areas: bool = True,
) -> tuple[list[go.Choroplethmap], list[go.Scattermap]]:
    """Return both control pieces as of ``when``: areas (for below) and markers (for above).

    Parameters
    ----------
    changes : pandas.DataFrame
        Output of :func:`events.control.control_changes`.
    when : date-like
        The map's "as of" day.
    outline : shapely geometry, optional
        Clip areas to this; defaults to ``geodata.study_area()``.
    markers, areas : bool
        Switch each piece on or off (off gives an empty list).

    Returns
    -------
    tuple of (list, list)
        Area traces and marker traces.
    """
    control = control_as_of(changes, when)
    below: list[go.Choroplethmap] = []
    if areas and not control.empty:
        if outline is None:
            from geodata import study_area

            outline = study_area()
        below = control_area_traces(cached_areas(control, outline))
    above = control_marker_traces(control) if markers else []
    return below, above


# -- dashboard extension hook (see dashboard.extensions) ------------------------------------

_CHANGES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def changes_for(index: Any) -> pd.DataFrame:
    """Return the control changes of an ``EventIndex``, computed once per loaded index.

    The index is replaced when the store changes, so caching on it keeps the
    changes current without recomputing them on every timeline frame.
    """
    changes = _CHANGES.get(index)
    if changes is None:
        changes = control_changes(index.frame)
        _CHANGES[index] = changes
    return changes


def map_traces(index: Any, state: Any) -> list:
    """Extension hook: the estimated areas of control as of the view's end, when switched on.

    Parameters
    ----------
    index : dashboard.filters.EventIndex
        The loaded events.
    state : dashboard.state.ViewState
        The view; ``state.areas`` switches the layer, ``state.end`` (else the
        last event's day) is the "as of" day.

    Returns
    -------
    list of plotly.graph_objects.Choroplethmap
        Empty when the switch is off or no town has a known controller.
    """
    if not getattr(state, "areas", False) or not index.size:
        return []
    below, _ = control_layer(changes_for(index), state.end or index.last_day, markers=False)
    return below
