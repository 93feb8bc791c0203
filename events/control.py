"""Control of towns over time, read from ``seizure`` events.

A ``seizure`` event says that its ``actor1`` now holds its place. Sorting
those events by date gives, for every place, a sequence of controllers; a
*change* is a day on which the controller differs from the one before. When
different forces claim the same place on the same day the change is marked
*disputed* and its controller is :data:`DISPUTED`: the claims are shown, not
resolved.

All functions are pure (DataFrame in, DataFrame out) so the dashboard can
call them on every timeline frame and tests can call them directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

#: Controller shown for a place that several forces claimed on the same day.
DISPUTED = "Disputed"

#: Columns of the frame returned by :func:`control_changes`.
CHANGE_COLUMNS: tuple[str, ...] = (
    "place",
    "geonameid",
    "country",
    "admin1",
    "lat",
    "lon",
    "date",
    "controller",
    "previous",
    "disputed",
    "claimants",
    "lost_by",
    "event_ids",
    "sources",
    "reports",
    "urls",
)

_REQUIRED = ("event_type", "actor1", "place", "lat", "lon", "date")


def _place_key(frame: pd.DataFrame) -> pd.Series:
    """Identify a place by gazetteer id when known, else by its canonical name."""
    name = frame["place"].astype(str)
    if "geonameid" not in frame:
        return "name:" + name
    gid = pd.to_numeric(frame["geonameid"], errors="coerce")
    key = "name:" + name
    known = gid.notna()
    key[known] = "gid:" + gid[known].astype("int64").astype(str)
    return key


def _uniq(values: Any) -> tuple:
    """Return the distinct non-null values in first-seen order, as a tuple."""
    seen: dict = {}
    for value in values:
        if value is None or (isinstance(value, float) and np.isnan(value)):
            continue
        seen.setdefault(value, None)
    return tuple(seen)


def _empty_changes() -> pd.DataFrame:
    frame = pd.DataFrame({name: pd.Series(dtype=object) for name in CHANGE_COLUMNS})
    frame["date"] = pd.Series(dtype="datetime64[ns]")
    frame["lat"] = pd.Series(dtype=float)
    frame["lon"] = pd.Series(dtype=float)
    frame["disputed"] = pd.Series(dtype=bool)
    return frame


def control_changes(frame: pd.DataFrame) -> pd.DataFrame:
    """Derive every change of control of a place from its ``seizure`` events.

    Parameters
    ----------
    frame : pandas.DataFrame
        Events with at least the columns ``event_type``, ``actor1``, ``place``,
        ``lat``, ``lon`` and ``date`` (datetime64 or YYYY-MM-DD strings);
        ``geonameid``, ``actor2``, ``id``, ``source``, ``report``, ``url``,
        ``country`` and ``admin1`` are used when present. Other event types
        are ignored, as are seizures without ``actor1``.

    Returns
    -------
    pandas.DataFrame
        One row per change with the columns of :data:`CHANGE_COLUMNS`, sorted
        by date then place: ``controller`` is the force that holds the place
        from ``date`` on (:data:`DISPUTED` when several forces claimed it that
        day, listed in ``claimants``), ``previous`` the controller before
        (``None`` for the first known one), ``lost_by`` the sides the reports
        name as losing it (``actor2``), and ``event_ids``, ``sources``,
        ``reports`` and ``urls`` the evidence (tuples). A later seizure by the
        force that already holds a place confirms it and is not a change.

    Raises
    ------
    ValueError
        If a required column is missing.

    Examples
    --------
    >>> events = pd.DataFrame({
    ...     "event_type": ["seizure", "seizure"], "actor1": ["ISIS", "Peshmerga"],
    ...     "place": ["Sinjar", "Sinjar"], "lat": [36.3, 36.3], "lon": [41.9, 41.9],
    ...     "date": pd.to_datetime(["2014-08-03", "2015-11-13"])})
    >>> control_changes(events)[["date", "previous", "controller"]].to_dict("records")[1]
    {'date': Timestamp('2015-11-13 00:00:00'), 'previous': 'ISIS', 'controller': 'Peshmerga'}
    """
    missing = [name for name in _REQUIRED if name not in frame.columns]
    if missing:
        raise ValueError(
            f"events frame lacks columns {missing}: control_changes needs {list(_REQUIRED)}"
        )
    seized = frame[(frame["event_type"].astype(str) == "seizure") & frame["actor1"].notna()]
    if seized.empty:
        return _empty_changes()
    seized = seized.assign(
        _key=_place_key(seized).to_numpy(),
        _day=pd.to_datetime(seized["date"]).dt.normalize(),
        actor1=seized["actor1"].astype(str),
    )
    # One row per place and day with the distinct claimants, then keep the
    # days whose controller differs from the day before. Done with group-wise
    # vector operations because the dashboard runs this on a million events.
    day_groups = seized.groupby(["_key", "_day"], sort=True)
    daily = day_groups.size().rename("n").reset_index()
    daily["claimants"] = _tuples_by_group(day_groups.ngroup(), seized["actor1"])
    daily["controller"] = [c[0] if len(c) == 1 else DISPUTED for c in daily["claimants"]]
    daily["previous"] = daily.groupby("_key", sort=False)["controller"].shift(1)
    daily = daily[daily["controller"] != daily["previous"]]
    daily["previous"] = daily["previous"].astype(object).where(daily["previous"].notna(), None)
    wanted = seized.merge(daily[["_key", "_day"]], on=["_key", "_day"], how="inner")
    evidence = wanted.groupby(["_key", "_day"], sort=True)
    first = evidence.first()
    changes = daily.set_index(["_key", "_day"])
    out = pd.DataFrame(
        {
            "place": first["place"].astype(str),
            "geonameid": _optional_column(first, "geonameid", int),
            "country": _optional_column(first, "country", str),
            "admin1": _optional_column(first, "admin1", str),
            "lat": first["lat"].astype(float),
            "lon": first["lon"].astype(float),
            "date": first.index.get_level_values("_day"),
            "controller": changes["controller"],
            "previous": changes["previous"],
            "disputed": changes["claimants"].map(len) > 1,
            "claimants": changes["claimants"],
        }
    )
    codes = evidence.ngroup()
    for name, column in (("lost_by", "actor2"), ("event_ids", "id"), ("sources", "source"),
                         ("reports", "report"), ("urls", "url")):
        if column in wanted.columns:
            out[name] = _tuples_by_group(codes, wanted[column])
        else:
            out[name] = [()] * len(out)
    # The losing side is never one of that day's claimants.
    out["lost_by"] = [
        tuple(v for v in lost if v not in claims)
        for lost, claims in zip(out["lost_by"], out["claimants"], strict=True)
    ]
    out = out.reset_index(drop=True)[list(CHANGE_COLUMNS)]
    return out.sort_values(["date", "place"], kind="stable").reset_index(drop=True)


def _tuples_by_group(codes: pd.Series, values: pd.Series) -> list[tuple]:
    """Distinct values per group, for groups numbered 0..n-1 by ``GroupBy.ngroup``.

    One sort and one split instead of a Python call per pandas group, which
    is what keeps :func:`control_changes` fast on large frames.
    """
    group = codes.to_numpy()
    order = np.argsort(group, kind="stable")
    bounds = np.flatnonzero(np.diff(group[order])) + 1
    parts = np.split(values.astype(object).to_numpy()[order], bounds)
    return [_uniq(part) for part in parts]


def _optional_column(frame: pd.DataFrame, name: str, kind: type) -> list:
    if name not in frame.columns:
        return [None] * len(frame)
    return [None if pd.isna(v) else kind(v) for v in frame[name]]


def control_as_of(changes: pd.DataFrame, when: Any) -> pd.DataFrame:
    """Return who holds each place on the day ``when``.

    Parameters
    ----------
    changes : pandas.DataFrame
        The output of :func:`control_changes`.
    when : date-like
        The day to look at (inclusive: a seizure on ``when`` counts).

    Returns
    -------
    pandas.DataFrame
        One row per place seized on or before ``when``, with ``place``,
        ``geonameid``, ``country``, ``admin1``, ``lat``, ``lon``,
        ``controller``, ``since`` (day of the last change), ``previous``,
        ``disputed`` and ``claimants``. Places never seized are absent.

    Examples
    --------
    >>> events = pd.DataFrame({
    ...     "event_type": ["seizure"], "actor1": ["ISIS"], "place": ["Mosul"],
    ...     "lat": [36.3], "lon": [43.1], "date": pd.to_datetime(["2014-06-10"])})
    >>> control_as_of(control_changes(events), "2014-06-30")["controller"].tolist()
    ['ISIS']
    """
    day = pd.Timestamp(when).normalize()
    upto = changes[changes["date"] <= day]
    key = upto["geonameid"].astype(object).where(upto["geonameid"].notna(), "name:" + upto["place"])
    latest = upto.assign(_key=key.astype(str)).drop_duplicates("_key", keep="last")
    columns = ["place", "geonameid", "country", "admin1", "lat", "lon", "controller",
               "date", "previous", "disputed", "claimants"]
    result = latest[columns].rename(columns={"date": "since"})
    return result.sort_values("place", kind="stable").reset_index(drop=True)


def changed_hands(changes: pd.DataFrame, start: Any = None, end: Any = None) -> pd.DataFrame:
    """Table of the places that changed hands between ``start`` and ``end`` (inclusive).

    Parameters
    ----------
    changes : pandas.DataFrame
        The output of :func:`control_changes`.
    start, end : date-like, optional
        The range; ``None`` leaves that side open.

    Returns
    -------
    pandas.DataFrame
        Columns ``place``, ``date`` (datetime64), ``from`` (the previous
        controller, or the side the reports say lost it when no earlier
        seizure is known, or ``"unknown"``), ``to`` (the new controller,
        :data:`DISPUTED` with the claimants named for contested days),
        ``sources`` (comma-separated outlets) and ``event_ids`` (tuple),
        sorted by date.

    Examples
    --------
    >>> events = pd.DataFrame({
    ...     "event_type": ["seizure"], "actor1": ["ISIS"], "actor2": ["Iraqi Security Forces"],
    ...     "place": ["Mosul"], "lat": [36.3], "lon": [43.1], "source": ["CNN"],
    ...     "date": pd.to_datetime(["2014-06-10"])})
    >>> changed_hands(control_changes(events))[["from", "to"]].values.tolist()
    [['Iraqi Security Forces', 'ISIS']]
    """
    picked = changes
    if start is not None:
        picked = picked[picked["date"] >= pd.Timestamp(start).normalize()]
    if end is not None:
        picked = picked[picked["date"] <= pd.Timestamp(end).normalize()]
    table = pd.DataFrame(
        {
            "place": picked["place"].astype(str),
            "date": picked["date"],
            "from": [
                _from_side(prev, lost)
                for prev, lost in zip(picked["previous"], picked["lost_by"], strict=True)
            ],
            "to": [
                f"{DISPUTED} ({' / '.join(claims)})" if disputed else controller
                for controller, disputed, claims in zip(
                    picked["controller"], picked["disputed"], picked["claimants"], strict=True
                )
            ],
            "sources": [", ".join(map(str, s)) for s in picked["sources"]],
            "event_ids": list(picked["event_ids"]),
        }
    )
    return table.reset_index(drop=True)


def _from_side(previous: str | None, lost_by: tuple) -> str:
    if previous:
        return previous
    if lost_by:
        return " / ".join(map(str, lost_by))
    return "unknown"


def place_history(changes: pd.DataFrame, place: str) -> pd.DataFrame:
    """Who held ``place`` when: one row per holding with ``controller``, ``since`` and ``until``.

    Parameters
    ----------
    changes : pandas.DataFrame
        The output of :func:`control_changes`.
    place : str
        Canonical place name (the ``place`` column).

    Returns
    -------
    pandas.DataFrame
        Columns ``controller``, ``since``, ``until`` (``NaT`` while still held)
        and ``sources``, oldest first; empty when the place was never seized.
    """
    rows = changes[changes["place"] == place].sort_values("date", kind="stable")
    until = rows["date"].shift(-1)
    return pd.DataFrame(
        {
            "controller": rows["controller"].to_numpy(),
            "since": rows["date"].to_numpy(),
            "until": until.to_numpy(),
            "sources": [", ".join(map(str, s)) for s in rows["sources"]],
        }
    )


def _discs(lon: np.ndarray, lat: np.ndarray, radius_km: float) -> np.ndarray:
    """Return circles of ``radius_km`` around points, as lon/lat polygons (ellipses in degrees)."""
    import shapely

    unit = shapely.buffer(shapely.points(0.0, 0.0), 1.0, quad_segs=16)
    ring = shapely.get_coordinates(unit)
    dlat = radius_km / _KM_PER_DEGREE
    dlon = dlat / np.maximum(np.cos(np.radians(lat)), 0.05)
    return np.array([shapely.polygons(np.column_stack([x + ring[:, 0] * dx, y + ring[:, 1] * dlat]))
                     for x, y, dx in zip(lon, lat, dlon, strict=True)], dtype=object)


#: Kilometres per degree of latitude (mean Earth radius 6371 km).
_KM_PER_DEGREE = 111.195


def control_areas(
    control: pd.DataFrame,
    outline: BaseGeometry,
    *,
    dissolve: bool = False,
    radius_km: float | None = None,
    keep_clear: pd.DataFrame | None = None,
    clear_km: float = 12.0,
) -> gpd.GeoDataFrame:
    """Approximate areas of control: Voronoi cells of held towns, clipped to ``outline``.

    Each town with a known controller gets the part of ``outline`` that is
    nearer to it than to any other such town and, with ``radius_km``, no
    farther than that from it: an estimate stays near its evidence and the
    rest of the map is left unshaded. These are estimates from reported
    events, not front lines.

    Parameters
    ----------
    control : pandas.DataFrame
        Output of :func:`control_as_of` (needs ``place``, ``lon``, ``lat``,
        ``controller``).
    outline : shapely geometry
        The study area to clip to, e.g. ``geodata.study_area()`` (EPSG:4326).
    dissolve : bool, default False
        Merge the cells of each controller into one (multi)polygon.
    radius_km : float, optional
        Cut each cell to this distance around its town (e.g. 25 km).
    keep_clear : pandas.DataFrame, optional
        Places (``place``, ``lon``, ``lat``; e.g. capitals) that no area may
        cover unless the place itself is one of the held towns: absence of
        data never paints a city.
    clear_km : float, default 12
        Radius kept clear around each of ``keep_clear``.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326, one row per town (``place``, ``controller``, ``geometry``)
        or, with ``dissolve=True``, one row per controller. Towns outside
        ``outline`` or sharing a point with an earlier town get no cell.

    Examples
    --------
    >>> from shapely.geometry import box
    >>> towns = pd.DataFrame({"place": ["A", "B"], "lon": [40.0, 44.0],
    ...                       "lat": [34.0, 34.0], "controller": ["ISIS", "PMF"]})
    >>> areas = control_areas(towns, box(38, 32, 46, 36))
    >>> [round(cell.area, 1) for cell in areas.geometry]
    [16.0, 16.0]
    """
    import geopandas as gpd  # imported lazily: geopandas is heavy
    import shapely
    from shapely.geometry import MultiPoint

    columns = ["place", "controller", "geometry"]
    towns = control[control["controller"].notna()]
    towns = towns.drop_duplicates(["lon", "lat"], keep="first")
    if towns.empty:
        return gpd.GeoDataFrame(columns=columns, geometry="geometry", crs="EPSG:4326")
    points = shapely.points(towns["lon"].to_numpy(float), towns["lat"].to_numpy(float))
    if len(points) == 1:
        cells = np.array([outline])
    else:
        diagram = shapely.voronoi_polygons(
            MultiPoint(list(points)), extend_to=outline.envelope, ordered=True
        )
        cells = np.array(shapely.get_parts(diagram))
    clipped = shapely.intersection(cells, outline)
    lon, lat = towns["lon"].to_numpy(float), towns["lat"].to_numpy(float)
    if radius_km is not None:
        if radius_km <= 0:
            raise ValueError(f"invalid radius_km={radius_km!r}: expected a positive distance")
        clipped = shapely.intersection(clipped, _discs(lon, lat, radius_km))
    if keep_clear is not None and len(keep_clear):
        held = set(towns["place"].astype(str))
        free = keep_clear[~keep_clear["place"].astype(str).isin(held)]
        if len(free):
            holes = shapely.union_all(_discs(free["lon"].to_numpy(float),
                                             free["lat"].to_numpy(float), clear_km))
            clipped = shapely.difference(clipped, holes)
    areas = gpd.GeoDataFrame(
        {"place": towns["place"].astype(str).to_numpy(),
         "controller": towns["controller"].astype(str).to_numpy()},
        geometry=clipped,
        crs="EPSG:4326",
    )
    areas = areas[~areas.geometry.is_empty & shapely.contains(outline, points)]
    if dissolve:
        areas = areas.dissolve(by="controller", as_index=False)[["controller", "geometry"]]
    return areas.reset_index(drop=True)
