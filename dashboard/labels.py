"""Place labels for the map and its exports: which names to write, and where.

The names come from ``dashboard/data/places.csv`` (Natural Earth populated
places and the project's gazetteer; its README says how it was made), in
four ranks: 0 national capitals, 1 governorate capitals, 2 cities, 3
towns. Capitals are always labelled; cities and towns appear as the map
zooms in; and the places that the events in the data name most often get a
label at a lower zoom, so that the towns a briefing is about are named.

The live map writes them with MapLibre symbol layers inside the offline
style (:func:`offline_style`), drawn above the event markers with a white
halo; the static exports write them as plotly text (:func:`static_labels`).
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

PLACES_CSV = Path(__file__).resolve().parent / "data" / "places.csv"
#: MapLibre style layer the map's traces are drawn below (labels stay readable on top).
LABEL_LAYER = "place-labels-towns"
#: Zoom from which each rank is labelled on the live map (capitals always).
RANK_MINZOOM: dict[int, float] = {0: 0.0, 1: 0.0, 2: 6.0, 3: 7.5}
#: Places of the data with at least this many events are labelled from ``BUSY_MINZOOM``.
BUSY_EVENTS, BUSY_MINZOOM = 5, 5.5
#: How many of the data's places get a label of their own (the most reported first).
EVENT_PLACES = 80
#: Two labels closer than this (km) name the same place: the higher rank is kept.
SAME_PLACE_KM = 4.0
BACKGROUND = "#dfe7ee"


@lru_cache(maxsize=1)
def load_places(path: Path = PLACES_CSV) -> pd.DataFrame:
    """Return the shipped place table: ``name``, ``country``, ``lat``, ``lon``, ``rank``.

    Examples
    --------
    >>> places = load_places()
    >>> sorted(places.loc[places["rank"] == 0, "name"])
    ['Baghdad', 'Damascus']
    """
    table = pd.read_csv(path)
    missing = {"name", "country", "lat", "lon", "rank"} - set(table.columns)
    if missing:
        raise ValueError(f"{path.name}: missing columns {sorted(missing)}")
    return table


def _km(lat1: np.ndarray, lon1: np.ndarray, lat2: float, lon2: float) -> np.ndarray:
    """Equirectangular distance in km: exact enough at town scale."""
    x = np.radians(lon1 - lon2) * math.cos(math.radians(lat2))
    y = np.radians(lat1 - lat2)
    return 6371.0 * np.hypot(x, y)


def event_places(frame: pd.DataFrame, *, top: int = EVENT_PLACES) -> pd.DataFrame:
    """Return the places the events name most: ``name``, ``lat``, ``lon``, ``events``.

    Only places fixed to the town itself or near it (``geo_precision`` 1 or
    2) count: a governorate's centroid is no town to label. One pass of
    integer counting, so a million events take a few tens of milliseconds.

    Examples
    --------
    >>> frame = pd.DataFrame({"place": ["Hit", "Hit", "Anbar"], "lat": [33.6, 33.6, 33.0],
    ...     "lon": [42.8, 42.8, 42.0], "geo_precision": [1, 2, 3]})
    >>> event_places(frame)[["name", "events"]].values.tolist()
    [['Hit', 2]]
    """
    columns = ["name", "lat", "lon", "events"]
    if frame.empty or "place" not in frame:
        return pd.DataFrame(columns=columns)
    place = frame["place"]
    if isinstance(place.dtype, pd.CategoricalDtype):
        codes, names = place.cat.codes.to_numpy(), place.cat.categories
    else:
        codes, names = pd.factorize(place)
    keep = codes >= 0
    if "geo_precision" in frame:
        keep &= pd.to_numeric(frame["geo_precision"], errors="coerce").fillna(3).to_numpy() < 3
    lat = frame["lat"].to_numpy(np.float64)[keep]
    lon = frame["lon"].to_numpy(np.float64)[keep]
    codes = codes[keep]
    counts = np.bincount(codes, minlength=len(names))
    order = [c for c in np.argsort(-counts, kind="stable")[:top] if counts[c] > 0]
    if not order:
        return pd.DataFrame(columns=columns)
    # Mean position of each place's events (they share the gazetteer's point, give or take).
    sum_lat = np.bincount(codes, weights=lat, minlength=len(names))
    sum_lon = np.bincount(codes, weights=lon, minlength=len(names))
    return pd.DataFrame({"name": [str(names[c]) for c in order],
                         "lat": [sum_lat[c] / counts[c] for c in order],
                         "lon": [sum_lon[c] / counts[c] for c in order],
                         "events": [int(counts[c]) for c in order]})[columns]


def label_table(events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return every label with its minimum zoom: shipped places, then busy places of the data.

    A place of the data within :data:`SAME_PLACE_KM` of a shipped one takes
    the lower of the two zooms (a busy town is named earlier) and keeps the
    shipped name.

    Returns
    -------
    pandas.DataFrame
        ``name``, ``lat``, ``lon``, ``rank``, ``minzoom``, ``events``.
    """
    places = load_places().copy()
    places["minzoom"] = places["rank"].map(RANK_MINZOOM).astype(float)
    places["events"] = 0
    extra = []
    for row in (events if events is not None else pd.DataFrame()).itertuples(index=False):
        near = _km(places["lat"].to_numpy(float), places["lon"].to_numpy(float),
                   float(row.lat), float(row.lon))
        minzoom = BUSY_MINZOOM if row.events >= BUSY_EVENTS else RANK_MINZOOM[3]
        hit = np.flatnonzero(near < SAME_PLACE_KM)
        if hit.size:
            i = places.index[hit[np.argmin(near[hit])]]
            places.at[i, "minzoom"] = min(places.at[i, "minzoom"], minzoom)
            places.at[i, "events"] = max(int(places.at[i, "events"]), int(row.events))
            continue
        extra.append({"name": row.name, "country": None, "lat": float(row.lat),
                      "lon": float(row.lon), "rank": 3, "minzoom": minzoom,
                      "events": int(row.events)})
    table = pd.concat([places, pd.DataFrame(extra)], ignore_index=True) if extra else places
    return table[["name", "lat", "lon", "rank", "minzoom", "events"]]


def _features(table: pd.DataFrame) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": str(name)},
         "geometry": {"type": "Point", "coordinates": [round(float(lon), 4),
                                                        round(float(lat), 4)]}}
        for name, lat, lon in zip(table["name"], table["lat"], table["lon"], strict=True)]}


def offline_style(table: pd.DataFrame, *, glyphs: str = "/glyphs/{fontstack}/{range}.pbf") -> dict:
    """Return the offline MapLibre style: a plain background and the place-label layers.

    One layer per minimum zoom keeps the zoom rules in MapLibre (no round
    trip when the user zooms). Capitals come last, so MapLibre places them
    first and a town never hides a capital's name.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`label_table` output.
    glyphs : str
        The address of the app's glyph server (:mod:`dashboard.glyphs`).

    Examples
    --------
    >>> style = offline_style(label_table())
    >>> [layer["id"] for layer in style["layers"]][-1]
    'place-labels-capitals'
    """
    layers: list[dict] = [{"id": "background", "type": "background",
                           "paint": {"background-color": BACKGROUND}}]
    sources: dict[str, dict] = {}
    towns = table[table["rank"] >= 2]
    groups = [(f"place-labels-z{str(z).replace('.', '_')}", towns[towns["minzoom"] == z], z,
               12, "DejaVu Sans Book") for z in sorted(towns["minzoom"].unique(), reverse=True)]
    groups.append(("place-labels-capitals", table[table["rank"] <= 1], 0.0, 13,
                   "DejaVu Sans Bold"))
    # The traces go below the first label layer; it always exists (empty if need be).
    layers.append({"id": LABEL_LAYER, "type": "background", "paint": {"background-opacity": 0}})
    for layer_id, rows, minzoom, size, font in groups:
        if rows.empty:
            continue
        sources[layer_id] = {"type": "geojson", "data": _features(rows)}
        layers.append({
            "id": layer_id, "type": "symbol", "source": layer_id, "minzoom": float(minzoom),
            # MapLibre tries each anchor in turn, so that close towns (Mosul and Erbil at
            # low zoom) both find room instead of one hiding the other.
            "layout": {"text-field": ["get", "name"], "text-font": [font],
                       "text-size": size, "text-variable-anchor": ["top", "bottom", "left",
                                                                   "right"],
                       "text-radial-offset": 0.45, "text-justify": "auto",
                       "text-max-width": 9, "text-padding": 2},
            "paint": {"text-color": "#1f2a33" if size > 12 else "#34434f",
                      "text-halo-color": "rgba(255,255,255,0.92)", "text-halo-width": 1.6},
        })
    return {"version": 8, "name": "offline", "sources": sources, "glyphs": glyphs,
            "layers": layers}


def static_labels(table: pd.DataFrame, bounds: tuple[float, float, float, float], *,
                  zoom: float) -> pd.DataFrame:
    """Return the labels an export of ``bounds`` (west, south, east, north) at ``zoom`` shows.

    Capitals always; other places when their minimum zoom is reached, the
    most reported first.

    Examples
    --------
    >>> shown = static_labels(label_table(), (35.0, 29.0, 49.0, 38.0), zoom=5.0)
    >>> {"Baghdad", "Basra", "Erbil", "Damascus", "Aleppo"} <= set(shown["name"])
    True
    """
    west, south, east, north = bounds
    inside = ((table["lon"] >= west) & (table["lon"] <= east) & (table["lat"] >= south)
              & (table["lat"] <= north))
    shown = table[inside & ((table["rank"] <= 1) | (table["minzoom"] <= zoom))]
    return shown.sort_values(["rank", "events"], ascending=[True, False],
                             kind="stable").reset_index(drop=True)
