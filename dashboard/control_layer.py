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


def area_radius_km(value: float | None = None) -> float:
    """Return how far (km) an estimated area reaches from its towns (setting ``control_radius_km``).

    Examples
    --------
    >>> area_radius_km(10)
    10.0
    """
    from dashboard.config import get_setting

    radius = float(get_setting("control_radius_km", value))
    if radius <= 0:
        raise ValueError(f"invalid control_radius_km={radius!r}: expected a positive distance")
    return radius


def area_note(radius_km: float) -> str:
    """Return the sentence that says what the estimated areas are, radius included."""
    return (f"Control areas are estimates from reported events: the land within "
            f"{radius_km:g} km of a town whose holder is reported, given to the nearest such "
            "town; the rest is left unshaded. Not front lines.")


def _capitals() -> pd.DataFrame:
    from dashboard.labels import load_places

    places = load_places()
    return places[places["rank"] <= 1].rename(columns={"name": "place"})


def cached_areas(control: pd.DataFrame, outline: BaseGeometry,
                 radius_km: float | None = None) -> gpd.GeoDataFrame:
    """Return dissolved control areas for ``control``, cached on towns and holders.

    Areas reach at most ``radius_km`` (setting ``control_radius_km``) from
    the towns they rest on, and never cover a national or governorate
    capital that is not itself a reported town. Playing the timeline asks
    for the same control state many frames in a row; the diagram is only
    recomputed when a town changes hands.
    """
    radius = area_radius_km(radius_km)
    key = (id(outline), radius,
           tuple(zip(control["place"], control["controller"], strict=True)))
    if key in _AREA_CACHE:
        _AREA_CACHE.move_to_end(key)
        return _AREA_CACHE[key]
    areas = control_areas(control, outline, dissolve=True, radius_km=radius,
                          keep_clear=_capitals())
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
                    f"Within {area_radius_km():g} km of towns held by {controller}"
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


HANDS_PANEL = "changed-hands-panel"
#: Rows shown in the panel's table (the briefing lists them all).
HANDS_ROWS = 60


def hands_table_rows(changes: pd.DataFrame, start: Any, end: Any) -> list[dict[str, str]]:
    """Return the panel's changed-hands rows for a range: date, place, from → to, sources.

    Examples
    --------
    >>> hands_table_rows(control_changes(pd.DataFrame({
    ...     "event_type": ["seizure"], "actor1": ["ISIS"], "actor2": ["Syrian Army"],
    ...     "place": ["Palmyra"], "lat": [34.56], "lon": [38.27],
    ...     "date": pd.to_datetime(["2015-05-20"])})), "2015-05-01", "2015-05-31")
    [{'date': '2015-05-20', 'place': 'Palmyra', 'change': 'Syrian Army → ISIS', 'sources': ''}]
    """
    from events.control import changed_hands

    table = changed_hands(changes, start, end)
    return [
        {"date": f"{day:%Y-%m-%d}", "place": str(place), "change": f"{old} → {new}",
         "sources": str(sources)}
        for day, place, old, new, sources in zip(
            table["date"], table["place"], table["from"], table["to"], table["sources"],
            strict=True)
    ]


def history_rows(changes: pd.DataFrame, place: str) -> list[dict[str, str]]:
    """Return who held ``place`` when, as panel rows (``until`` empty while still held)."""
    from events.control import place_history

    history = place_history(changes, place)
    return [
        {"controller": str(holder), "since": f"{pd.Timestamp(since):%Y-%m-%d}",
         "until": "" if pd.isna(until) else f"{pd.Timestamp(until):%Y-%m-%d}",
         "sources": str(sources)}
        for holder, since, until, sources in zip(
            history["controller"], history["since"], history["until"], history["sources"],
            strict=True)
    ]


def _table(header: list[str], rows: list[tuple[str, str, str, str]]) -> Any:
    """Two compact columns for the narrow panel: (main, detail) over (main, detail)."""
    from dash import html

    def cell(main: str, detail: str) -> Any:
        return html.Td([html.Div(main), html.Div(detail, className="text-secondary")])

    return html.Table(
        [html.Thead(html.Tr([html.Th(h) for h in header])),
         html.Tbody([html.Tr([cell(a, b), cell(c, d)]) for a, b, c, d in rows])],
        className="table table-sm small mb-1",
    )


def panel_children(index: Any, state: Any) -> list:
    """Return the panel's content: changed hands in range, and the selected place's history.

    Everything is plain text in ``html`` components, so report text stays inert.
    """
    from dash import html

    if not index.size:
        return [html.Div("No events loaded.", className="small text-secondary")]
    changes = changes_for(index)
    start, end = state.start or index.first_day, state.end or index.last_day
    rows = hands_table_rows(changes, start, end)
    children: list = [html.H6("Places that changed hands", className="mb-1")]
    if rows:
        shown = rows[:HANDS_ROWS]
        children.append(_table(["Place, date", "From → to, sources"],
                               [(r["place"], r["date"], r["change"], r["sources"])
                                for r in shown]))
        if len(rows) > HANDS_ROWS:
            children.append(html.Div(f"and {len(rows) - HANDS_ROWS} more: narrow the range "
                                     "or export the briefing", className="small text-secondary"))
    else:
        children.append(html.Div("No place changed hands in this range.",
                                 className="small text-secondary"))
    place = _selected_place(index, getattr(state, "event", None))
    if place:
        history = history_rows(changes, place)
        children.append(html.H6(f"Who held {place}", className="mt-2 mb-1"))
        if history:
            children.append(_table(["Held by", "From – until, sources"],
                                   [(h["controller"], "", f"{h['since']} – {h['until'] or 'now'}",
                                     h["sources"]) for h in history]))
        else:
            children.append(html.Div("No seizure of this place is reported.",
                                     className="small text-secondary"))
    return children


def _selected_place(index: Any, event: str | None) -> str | None:
    if not event:
        return None
    hits = index.frame.index[index.frame["id"] == event]
    return str(index.frame.at[hits[0], "place"]) if len(hits) else None


def layout_items(slot: str, source: Any) -> list:
    """Extension hook: the areas' caveat beside the map switches, and the changed-hands panel."""
    import dash_bootstrap_components as dbc

    if slot == "map-options":
        from dash import html

        return [html.Span(area_note(area_radius_km()), className="small hint ms-2 area-note")]
    if slot != "panel":
        return []

    return [dbc.Card(dbc.CardBody(id=HANDS_PANEL, className="p-2",
                                  style={"maxHeight": "45vh", "overflowY": "auto"}),
                     className="mt-2")]


def register_callbacks(app: Any, source: Any) -> None:
    """Extension hook: refill the changed-hands panel when the view changes (not while playing)."""
    from dash import Input, Output, State, no_update

    from dashboard import ids
    from dashboard.state import ViewState

    @app.callback(Output(HANDS_PANEL, "children"), Input(ids.VIEW_STATE, "data"),
                  State(ids.PLAY_STATE, "data"))
    def _panel(data: dict | None, play: dict | None):
        if isinstance(play, dict) and play.get("playing"):
            return no_update  # the map animates; the table follows when play stops
        return panel_children(source.index(), ViewState.from_dict(data))
