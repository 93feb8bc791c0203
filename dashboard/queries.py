"""Questions the callbacks ask of the filtered events, answered with small frames.

Each function takes the :class:`~dashboard.filters.EventIndex` and the
positions that :func:`~dashboard.filters.filter_positions` chose, and returns
only what a figure needs (few columns, rounded coordinates), so that responses
stay small at a million events.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from dashboard.filters import EventIndex, day_number

#: Default map view over Iraq and Syria.
DEFAULT_CENTER: tuple[float, float] = (34.6, 41.6)  # (lat, lon)
DEFAULT_ZOOM = 4.6
#: Assumed map size in pixels for turning centre/zoom into bounds.
VIEW_PX: tuple[int, int] = (1000, 650)
#: Iraq and Syria (west, south, east, north): what the map opens on.
STUDY_BOX: tuple[float, float, float, float] = (34.9, 29.05, 48.65, 37.4)
#: MapLibre's world is 512 px wide at zoom 0.
TILE_PX = 512.0
GEO_PRECISION_TEXT = {1: "the place itself", 2: "near / part of the place",
                      3: "only the governorate or region"}


@dataclass(frozen=True, slots=True)
class Bounds:
    """A lon/lat box: west, south, east, north."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Return a mask of the points inside the box."""
        return (lon >= self.west) & (lon <= self.east) & (lat >= self.south) & (lat <= self.north)


def view_bounds(lat: float | None, lon: float | None, zoom: float | None, *,
                margin: float = 0.0) -> Bounds | None:
    """Return the approximate box a map of :data:`VIEW_PX` shows, or None for the default view.

    Parameters
    ----------
    lat, lon, zoom : float or None
        The map centre and zoom (web-mercator zoom levels).
    margin : float, default 0
        Extra fraction of the box added on every side.

    Examples
    --------
    >>> view_bounds(None, None, None) is None
    True
    """
    if lat is None or lon is None or zoom is None:
        return None
    width = 360.0 * VIEW_PX[0] / (256.0 * 2**zoom) * (1 + 2 * margin)
    height = 360.0 * VIEW_PX[1] / (256.0 * 2**zoom) * math.cos(math.radians(lat)) * (1 + 2 * margin)
    return Bounds(lon - width / 2, lat - height / 2, lon + width / 2, lat + height / 2)


def mercator(lat: np.ndarray | float) -> np.ndarray:
    """Return Web-Mercator y in degree units (so that 1 unit of y = 1 degree of x at the equator).

    Examples
    --------
    >>> abs(round(float(mercator(0.0)), 9))
    0.0
    """
    lat = np.clip(np.asarray(lat, dtype=float), -85.0, 85.0)
    return np.degrees(np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)))


#: Pixels the map's legend covers on the right: fitted views keep clear of it.
LEGEND_PX = 220.0


def inverse_mercator(y: float) -> float:
    """Return the latitude of a Web-Mercator y in degree units.

    Examples
    --------
    >>> round(inverse_mercator(float(mercator(33.3))), 6)
    33.3
    """
    return math.degrees(2 * math.atan(math.exp(math.radians(y))) - math.pi / 2)


def fit_view(box: tuple[float, float, float, float], size: tuple[float, float] | None, *,
             padding: float = 24.0, right: float = LEGEND_PX,
             max_zoom: float = 11.0) -> tuple[float, float, float]:
    """Return (lat, lon, zoom) that shows ``box`` (west, south, east, north) in a map of ``size``.

    Parameters
    ----------
    box : tuple of float
        The area to show.
    size : (width, height) in pixels, or None
        The map's size on screen; None assumes :data:`VIEW_PX`.
    padding : float, default 24
        Pixels kept free on every side.
    right : float, default :data:`LEGEND_PX`
        Pixels kept free on the right (under the legend), when the map is
        wide enough to spare them.
    max_zoom : float, default 11
        Closest zoom (a single point is shown at this zoom).

    Examples
    --------
    >>> lat, lon, zoom = fit_view(STUDY_BOX, (1000, 600), right=0)
    >>> round(lon, 2), 5.0 < zoom < 5.5
    (41.77, True)
    """
    west, south, east, north = box
    full_width, height = size if size else VIEW_PX
    # The legend's strip is kept free only when at least 65 % of the map is left.
    right = right if full_width - right >= 0.65 * full_width else 0.0
    width = max(full_width - 2 * padding - right, 50.0)
    height = max(height - 2 * padding, 50.0)
    y0, y1 = float(mercator(south)), float(mercator(north))
    zooms = [max_zoom]
    if east > west:
        zooms.append(math.log2(width * 360.0 / (TILE_PX * (east - west))))
    if y1 > y0:
        zooms.append(math.log2(height * 360.0 / (TILE_PX * (y1 - y0))))
    lat = inverse_mercator((y0 + y1) / 2)
    zoom = max(1.0, min(zooms))
    # Shift the centre east by half the strip, so that the box sits in the free part.
    lon = (west + east) / 2 + (right / 2) * 360.0 / (TILE_PX * 2 ** zoom)
    return round(lat, 4), round(lon, 4), round(zoom, 2)


def data_box(index: EventIndex, positions: np.ndarray) -> tuple[float, float, float, float] | None:
    """Return the box (west, south, east, north) that holds the given events, or None.

    Past 200 events the outermost half per cent on each side is left out, so
    that one misplaced point does not zoom the map out to the whole region.

    Examples
    --------
    >>> data_box(EventIndex(pd.DataFrame()), np.zeros(0, np.int64)) is None
    True
    """
    if positions.size == 0:
        return None
    lon, lat = index.lon[positions].astype(np.float64), index.lat[positions].astype(np.float64)
    if positions.size > 200:
        (west, east), (south, north) = (np.percentile(lon, [0.5, 99.5]),
                                        np.percentile(lat, [0.5, 99.5]))
    else:
        west, east, south, north = lon.min(), lon.max(), lat.min(), lat.max()
    return float(west), float(south), float(east), float(north)


def near(index: EventIndex, positions: np.ndarray, lat: float, lon: float, *,
         radius_px: float, zoom: float | None) -> np.ndarray:
    """Return the positions within ``radius_px`` screen pixels of (lat, lon), nearest first.

    What lies under a clicked control disc: the events drawn inside it.
    """
    if positions.size == 0:
        return positions
    degrees = radius_px * 360.0 / (TILE_PX * 2 ** (zoom if zoom is not None else DEFAULT_ZOOM))
    dx = (index.lon[positions] - lon) * math.cos(math.radians(lat))
    dy = index.lat[positions] - lat
    dist = np.hypot(dx, dy)
    inside = dist <= degrees
    order = np.argsort(dist[inside], kind="stable")
    return positions[inside][order]


def shown_bounds(box: object) -> Bounds | None:
    """Return the box the browser reported as shown (``[w, s, e, n]``), or None if unusable.

    Examples
    --------
    >>> shown_bounds([40.0, 33.0, 44.0, 36.0]).east
    44.0
    >>> shown_bounds("nonsense") is None
    True
    """
    if not isinstance(box, (list, tuple)) or len(box) != 4:
        return None
    try:
        west, south, east, north = (float(v) for v in box)
    except (TypeError, ValueError):
        return None
    if not (west < east and south < north):
        return None
    return Bounds(west, south, east, north)


def in_view(index: EventIndex, positions: np.ndarray, bounds: Bounds | None) -> np.ndarray:
    """Return the positions whose points fall inside ``bounds`` (all when None)."""
    if bounds is None or positions.size == 0:
        return positions
    return positions[bounds.contains(index.lon[positions], index.lat[positions])]


def marker_size(magnitude: np.ndarray) -> np.ndarray:
    """Return marker diameters in pixels: 7 without a figure, growing with log10 of it.

    Examples
    --------
    >>> marker_size(np.array([np.nan, 0, 1000])).tolist()
    [7.0, 7.0, 19.0]
    """
    size = 7.0 + 4.0 * np.log10(1.0 + np.nan_to_num(magnitude, nan=0.0))
    return np.clip(np.round(size), 7.0, 26.0).astype(np.float32)


def map_points(index: EventIndex, positions: np.ndarray, *, decimals: int = 4) -> pd.DataFrame:
    """Return the columns the point map draws, for the given events.

    Returns
    -------
    pandas.DataFrame
        ``pos`` (int32 position, sent back by clicks), ``event_type``, ``lat``,
        ``lon`` (rounded), ``size`` and ``hover`` (place, date, actors, figure).
    """
    f = index.frame
    pos = positions.astype(np.int64)
    types = f["event_type"].to_numpy()[pos] if pos.size else np.array([], dtype=object)
    out = pd.DataFrame({
        "pos": pos.astype(np.int32),
        "event_type": pd.Series(types, dtype=object).astype(str).to_numpy(),
        "lat": np.round(index.lat[pos], decimals),
        "lon": np.round(index.lon[pos], decimals),
        "size": marker_size(index.magnitude[pos]),
    })
    out["hover"] = _hover_text(index, pos)
    return out


def _hover_text(index: EventIndex, pos: np.ndarray) -> np.ndarray:
    """Build "place<br>date<br>actors<br>figure" per event by indexing label tables.

    Labels are HTML-escaped once per category (plotly renders a small HTML
    subset in hover text) and looked up by code; the pieces are joined by one
    f-string per event, which is several times faster than joining whole
    fixed-width arrays piece by piece (every step copies them at full width).
    Returns a fixed-width unicode array, which plotly serialises fastest.
    """
    if pos.size == 0:
        return np.array([], dtype=str)
    codes = index.codes
    place = index.labels("place", missing="unknown place")[codes["place"][pos] + 1].tolist()
    a1 = index.labels("actor1", missing="actor unknown")[codes["actor1"][pos] + 1].tolist()
    a2 = index.labels("actor2")[codes["actor2"][pos] + 1].tolist()
    versus = np.where(codes["actor2"][pos] >= 0, " vs ", "").tolist()
    mag = index.magnitude[pos]
    figure = np.full(pos.size, "no figure", dtype=object)
    has = ~np.isnan(mag)
    if has.any():
        unit_names = np.strings.replace(index.labels("magnitude_unit"), "_", " ")
        units = unit_names[codes["magnitude_unit"][pos[has]] + 1].tolist()
        figure[has] = [f"{m:,.0f} {u}" for m, u in zip(mag[has].tolist(), units, strict=True)]
    days = index.day_labels(pos).tolist()
    return np.array([f"{p}<br>{d}<br>{x}{v}{y}<br>{f}" for p, d, x, v, y, f
                     in zip(place, days, a1, versus, a2, figure.tolist(), strict=True)], dtype=str)


def density_grid(index: EventIndex, positions: np.ndarray, *, zoom: float | None,
                 bounds: Bounds | None = None, cell_px: float = 8.0) -> pd.DataFrame:
    """Bin events on a lon/lat grid sized for ``zoom``; one row per non-empty cell.

    Returns
    -------
    pandas.DataFrame
        ``lat``, ``lon`` (cell centres, rounded to 3 decimals) and ``count``.

    Examples
    --------
    >>> density_grid(EventIndex(pd.DataFrame()), np.zeros(0, np.int64), zoom=5).shape
    (0, 3)
    """
    positions = in_view(index, positions, bounds)
    if positions.size == 0:
        return pd.DataFrame({"lat": [], "lon": [], "count": []})
    cell = 360.0 * cell_px / (256.0 * 2 ** (zoom if zoom is not None else DEFAULT_ZOOM))
    gx = np.floor(index.lon[positions] / cell).astype(np.int64)
    gy = np.floor(index.lat[positions] / cell).astype(np.int64)
    x0, y0 = gx.min(), gy.min()
    width = int(gx.max() - x0 + 1)
    height = int(gy.max() - y0 + 1)
    key = (gy - y0) * width + (gx - x0)
    if width * height <= 4_000_000:
        # A dense count is O(n); np.unique would sort a million keys.
        dense = np.bincount(key, minlength=width * height)
        cells = np.flatnonzero(dense)
        counts = dense[cells]
    else:
        cells, counts = np.unique(key, return_counts=True)
    return pd.DataFrame({
        "lat": np.round((cells // width + y0 + 0.5) * cell, 3).astype(np.float32),
        "lon": np.round((cells % width + x0 + 0.5) * cell, 3).astype(np.float32),
        "count": counts.astype(np.int32),
    })


def pick_bin(start: date | None, end: date | None, requested: str = "auto") -> str:
    """Return the timeline bin: the requested one, or by span (day <= 120 d, week <= 4 y).

    Examples
    --------
    >>> pick_bin(date(2014, 1, 1), date(2014, 2, 1))
    'day'
    """
    if requested != "auto":
        return requested
    if start is None or end is None:
        return "week"
    span = (end - start).days
    return "day" if span <= 120 else "week" if span <= 4 * 366 else "month"


def timeline_counts(index: EventIndex, positions: np.ndarray, *, bin: str,
                    types: tuple[str, ...]) -> pd.DataFrame:
    """Count events per bin and type: a wide frame, one column per event type.

    Parameters
    ----------
    bin : {"day", "week", "month"}
        Bin width; weeks start on Monday.
    types : tuple of str
        Event types to give a column each (in this order).

    Returns
    -------
    pandas.DataFrame
        Indexed by the bin's first day (datetime64), zero-filled, no gaps.
    """
    if bin not in {"day", "week", "month"}:
        raise ValueError(f"invalid bin={bin!r}: expected day, week or month")
    days = index.days[positions]
    if days.size == 0:
        return pd.DataFrame(columns=list(types), dtype=np.int64)
    if bin == "day":
        key = days
    elif bin == "week":
        key = days - (days + 3) % 7  # 1970-01-01 was a Thursday: shift to Monday
    else:
        months = days.astype("datetime64[D]").astype("datetime64[M]")
        key = months.astype("datetime64[D]").astype(np.int64)
    codes = index.codes["event_type"][positions]
    cats = index.categories["event_type"]
    col = cats.get_indexer(list(types))
    lo = int(key.min())
    if bin == "month":
        labels = np.arange(np.datetime64(int(lo), "D").astype("datetime64[M]"),
                           np.datetime64(int(key.max()), "D").astype("datetime64[M]") + 1)
        slot = (key.astype("datetime64[D]").astype("datetime64[M]") - labels[0]).astype(np.int64)
        starts = labels.astype("datetime64[D]")
    else:
        step = 1 if bin == "day" else 7
        slot = (key - lo) // step
        starts = np.arange(lo, int(key.max()) + 1, step).astype("datetime64[D]")
    n = len(starts)
    ncat = len(cats)
    counts = np.bincount(slot * (ncat + 1) + (codes + 1), minlength=n * (ncat + 1))
    counts = counts.reshape(n, ncat + 1)[:, 1:]
    data = {t: (counts[:, c] if c >= 0 else np.zeros(n, np.int64)) for t, c in zip(types, col,
                                                                                  strict=True)}
    return pd.DataFrame(data, index=pd.DatetimeIndex(starts.astype("datetime64[ns]"), name="bin"))


def summary(index: EventIndex, positions: np.ndarray) -> dict[str, int]:
    """Count what the summary line shows for the given events.

    Returns
    -------
    dict
        ``events``, ``incidents``, ``killed`` (summed figures in "killed"),
        ``displaced`` (people, summed figures in "people_displaced") and
        ``changed_hands`` (places whose controller changed through a seizure
        among these events).
    """
    if positions.size == 0:
        return {"events": 0, "incidents": 0, "killed": 0, "displaced": 0, "changed_hands": 0}
    seen = np.zeros(len(index.incidents), dtype=bool)
    seen[index.incident_codes[positions]] = True
    displaced = unit_total(index, positions, "people_displaced")
    selected = np.zeros(index.size, dtype=bool)
    selected[positions] = True
    s = index.seizures
    changed = s.loc[s["changed"].to_numpy() & selected[s["pos"].to_numpy()], "place"]
    return {
        "events": int(positions.size),
        "incidents": int(seen.sum()),
        "killed": int(unit_total(index, positions, "killed")),
        "displaced": int(displaced),
        "changed_hands": int(changed.nunique()),
    }


def unit_total(index: EventIndex, positions: np.ndarray, unit: str) -> float:
    """Return the sum of the figures given in ``unit`` ("killed", ...) among the events.

    Examples
    --------
    >>> unit_total(EventIndex(pd.DataFrame()), np.zeros(0, np.int64), "killed")
    0.0
    """
    units = index.categories["magnitude_unit"]
    if positions.size == 0 or unit not in units:
        return 0.0
    rows = positions[index.codes["magnitude_unit"][positions] == units.get_loc(unit)]
    return float(np.nansum(index.magnitude[rows])) if rows.size else 0.0


def safe_link(url: object) -> str | None:
    """Return ``url`` if it is an http(s) address with a host, else None.

    Examples
    --------
    >>> safe_link("javascript:alert(1)") is None
    True
    >>> safe_link("https://example.org/a")
    'https://example.org/a'
    """
    if not isinstance(url, str):
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    if any(ord(ch) < 32 for ch in text):
        return None
    return text


def positions_of(index: EventIndex, event_ids: list[str]) -> np.ndarray:
    """Return the positions of events by id (-1 for an unknown id).

    The id lookup table is built once per loaded index (a hash of all ids),
    so a click's detail does not scan a million ids.

    Examples
    --------
    >>> positions_of(EventIndex(pd.DataFrame({"id": ["a"], "lat": [1.0], "lon": [2.0],
    ...     "date": ["2014-01-01"]})), ["a", "b"]).tolist()
    [0, -1]
    """
    lookup = index.cache.get("id_lookup")
    if lookup is None:
        lookup = pd.Index(index.frame["id"].astype(str).to_numpy())
        index.cache["id_lookup"] = lookup
    return np.asarray(lookup.get_indexer([str(i) for i in event_ids]), dtype=np.int64)


def position_of(index: EventIndex, event_id: str | None) -> int | None:
    """Return the position of the event with this id, or None."""
    if not event_id or index.size == 0:
        return None
    pos = int(positions_of(index, [event_id])[0])
    return pos if pos >= 0 else None


def event_detail(index: EventIndex, event_id: str | None) -> dict | None:
    """Return the selected event's record plus the other reports of its incident.

    Returns
    -------
    dict or None
        The record's fields as plain Python values, with ``link`` (safe URL or
        None), ``geo_precision_text`` and ``others`` (list of dicts: source,
        report, date, link, evidence); None when the id is unknown.
    """
    pos = position_of(index, event_id)
    if pos is None:
        return None
    row = index.frame.iloc[pos]
    record = {k: plain(v) for k, v in row.items()}
    record["link"] = safe_link(record.get("url"))
    record["geo_precision_text"] = GEO_PRECISION_TEXT.get(record.get("geo_precision"), "unknown")
    same = np.flatnonzero(index.incident_codes == index.incident_codes[pos])
    others = []
    for other in same[same != pos][:20]:
        o = index.frame.iloc[int(other)]
        others.append({"id": str(o["id"]), "source": plain(o["source"]),
                       "report": plain(o["report"]), "date": plain(o["date"]),
                       "link": safe_link(o["url"]), "evidence": plain(o["evidence"])})
    record["others"] = others
    return record


def plain(value: object) -> object:
    """Return a frame cell as a plain Python value (dates as ISO text, NaN and NaT as None)."""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


#: Event-table columns: (field, header); ``killed`` and ``figure`` are derived.
TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "Date"), ("event_type", "Type"), ("place", "Place"), ("admin1", "Governorate"),
    ("actor1", "Actor"), ("actor2", "Other side"), ("killed", "Killed"),
    ("figure", "Other figure"), ("source", "Source"), ("certainty", "Certainty"),
    ("evidence", "Evidence"),
)
_CATEGORY_SORT = ("event_type", "place", "admin1", "actor1", "actor2", "source", "certainty")


def sort_positions(index: EventIndex, positions: np.ndarray, column: str | None = None, *,
                   descending: bool = False) -> np.ndarray:
    """Return ``positions`` ordered by a table column (date order, the default, is free).

    Categories sort by their text, figures by value (events without one last);
    ties keep date order.

    Examples
    --------
    >>> sort_positions(EventIndex(pd.DataFrame()), np.zeros(0, np.int64), "place").size
    0
    """
    if column in (None, "", "date"):
        return positions[::-1] if descending else positions
    if column == "killed":
        killed = _killed(index, positions)
        key = np.where(np.isnan(killed), -np.inf if descending else np.inf, killed)
    elif column in _CATEGORY_SORT:
        cats = index.categories[column]
        rank = np.empty(len(cats) + 1, dtype=np.int64)
        rank[0] = len(cats) + 1  # missing values sort last
        rank[1:] = np.argsort(np.argsort(np.asarray(cats.astype(str).str.lower())))
        key = rank[index.codes[column][positions] + 1]
        if descending:
            key = np.where(key > len(cats), -1, key)
    else:
        raise ValueError(f"invalid sort column={column!r}: expected date, killed or one of "
                         f"{', '.join(_CATEGORY_SORT)}")
    order = np.argsort(-key if descending else key, kind="stable")
    return positions[order]


def _killed(index: EventIndex, positions: np.ndarray) -> np.ndarray:
    units = index.categories["magnitude_unit"]
    mag = index.magnitude[positions].copy()
    if "killed" not in units:
        return np.full(positions.size, np.nan)
    mag[index.codes["magnitude_unit"][positions] != units.get_loc("killed")] = np.nan
    return mag


def table_rows(index: EventIndex, positions: np.ndarray) -> list[dict]:
    """Return the event-table rows of the given events (plain values, ``id`` for selection).

    Examples
    --------
    >>> table_rows(EventIndex(pd.DataFrame()), np.zeros(0, np.int64))
    []
    """
    f = index.frame
    rows = []
    killed = _killed(index, positions)
    for n, pos in enumerate(positions.tolist()):
        row = f.iloc[pos]
        unit = plain(row["magnitude_unit"])
        mag = plain(row["magnitude"])
        rows.append({
            "id": str(row["id"]), "date": plain(row["date"]),
            "event_type": str(plain(row["event_type"]) or "").replace("_", " "),
            "place": plain(row["place"]), "admin1": plain(row["admin1"]),
            "actor1": plain(row["actor1"]), "actor2": plain(row["actor2"]),
            "killed": None if np.isnan(killed[n]) else int(killed[n]),
            "figure": (f"{mag:,.0f} {str(unit).replace('_', ' ')}"
                       if mag is not None and unit not in (None, "killed") else None),
            "source": plain(row["source"]), "certainty": plain(row["certainty"]),
            "evidence": plain(row["evidence"]),
        })
    return rows


def position_of_day(index: EventIndex, day: date) -> int:
    """Return the offset in days of ``day`` from the first event (for the scrub slider)."""
    first = index.first_day
    return 0 if first is None else day_number(day) - day_number(first)
