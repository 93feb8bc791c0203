"""Administrative boundaries (OCHA COD-AB) and the point -> (country, admin1, admin2) join.

The polygons ship in geodata/data as adm1.geojson/adm2.geojson (Iraq and Syria
together, simplified to ~100 m). Names are OCHA's ``ADM1_EN``/``ADM2_EN`` ("Ninewa",
"Salah Al-Din", "Deir-ez-Zor"); the gazetteer uses the same strings, so a place's
admin1 from `geodata.resolve` equals the one `admin_for_point` gives for its point.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas as gpd

#: Points this close (metres) outside every polygon snap to the nearest unit:
#: coordinate noise along borders and rivers, not real places abroad.
SNAP_METRES = 2000.0
ADMIN = tuple[str | None, str | None, str | None]


def data_file(name: str):
    """Return a Traversable for a shipped data file (geodata/data/`name`)."""
    return resources.files("geodata") / "data" / name


@lru_cache(maxsize=2)
def admin_frame(level: int) -> gpd.GeoDataFrame:
    """Return the OCHA units of `level` (1 governorates, 2 districts) as a GeoDataFrame.

    Parameters
    ----------
    level : int
        1 or 2.

    Returns
    -------
    geopandas.GeoDataFrame
        Columns country, admin1 (+ admin2 for level 2), pcodes, Arabic names and
        geometry, in EPSG:4326.
    """
    import geopandas as gpd

    if level not in (1, 2):
        raise ValueError(f"level must be 1 or 2, got {level!r}")
    with resources.as_file(data_file(f"adm{level}.geojson")) as path:
        gdf = gpd.read_file(path)
    if gdf.crs is None:
        gdf = gdf.set_crs("EPSG:4326")
    return gdf


@lru_cache(maxsize=1)
def governorate_table() -> list[dict]:
    """Return one dict per governorate: country, admin1, admin1_ar, pcode, lat, lon.

    The point is the polygon centroid, or a point surely inside when the centroid
    falls outside (crescent-shaped units). Read with plain json, no geopandas.
    """
    import shapely

    with data_file("adm1.geojson").open(encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    out = []
    for feat in feats:
        geom = shapely.geometry.shape(feat["geometry"])
        point = geom.centroid
        if not geom.contains(point):
            point = geom.representative_point()
        props = feat["properties"]
        out.append(
            {
                "country": props["country"],
                "admin1": props["admin1"],
                "admin1_ar": props.get("admin1_ar"),
                "pcode": props.get("admin1_pcode"),
                "lat": round(point.y, 5),
                "lon": round(point.x, 5),
            }
        )
    return out


def governorates() -> list[tuple[str, str]]:
    """Return every (country, admin1) pair that `admin1` fields can hold.

    Returns
    -------
    list of (str, str)
        Sorted by country then name, e.g. ("IQ", "Al-Anbar") ... ("SY", "Tartous").

    Examples
    --------
    >>> ("IQ", "Ninewa") in governorates()
    True
    """
    return sorted((g["country"], g["admin1"]) for g in governorate_table())


@lru_cache(maxsize=1)
def _metric_units() -> gpd.GeoDataFrame:
    from geodata import joins

    units = admin_frame(2)[["country", "admin1", "admin2", "geometry"]]
    return units.to_crs(joins.METRIC_CRS)


def _check_coords(lons: Sequence[float], lats: Sequence[float]) -> None:
    if len(lons) != len(lats):
        raise ValueError(f"lons and lats differ in length: {len(lons)} != {len(lats)}")


def admin_for_points(lons: Sequence[float], lats: Sequence[float]) -> list[ADMIN]:
    """Return (country, admin1, admin2) for many points at once.

    A spatial join (predicate "within") on the OCHA districts; points outside
    every district but within `SNAP_METRES` of one take the nearest; others, and
    non-finite or out-of-range coordinates, get (None, None, None).

    Parameters
    ----------
    lons, lats : sequence of float
        WGS84 longitudes and latitudes, same length.

    Returns
    -------
    list of (str or None, str or None, str or None)
        One tuple per point, in input order.

    Examples
    --------
    >>> admin_for_points([43.13, 40.14], [36.34, 35.33])
    [('IQ', 'Ninewa', 'Al-Mosul'), ('SY', 'Deir-ez-Zor', 'Deir-ez-Zor')]
    """
    import numpy as np

    import geopandas as gpd

    from geodata import joins

    _check_coords(lons, lats)
    n = len(lons)
    if n == 0:
        return []
    lon = np.asarray(lons, dtype="float64")
    lat = np.asarray(lats, dtype="float64")
    ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    result: list[ADMIN] = [(None, None, None)] * n
    idx = np.flatnonzero(ok)
    if idx.size == 0:
        return result
    points = gpd.GeoDataFrame(
        index=idx, geometry=gpd.points_from_xy(lon[idx], lat[idx]), crs="EPSG:4326"
    )
    units = admin_frame(2)[["country", "admin1", "admin2", "geometry"]]
    cols = ["country", "admin1", "admin2"]
    joined = joins.sjoin(points, units, predicate="within", required=cols)
    missing = joined.index[joined["admin1"].isna()]
    if len(missing):
        # Both sides already in the metric CRS: the polygons are projected once.
        near = joins.sjoin_nearest(points.loc[missing].to_crs(joins.METRIC_CRS),
                                   _metric_units(), max_distance_m=SNAP_METRES, required=cols)
        joined.loc[missing, cols] = near[cols].values
    for i, country, admin1, admin2 in joined[cols].itertuples():
        if isinstance(admin1, str):
            result[i] = (country, admin1, admin2 if isinstance(admin2, str) else None)
    return result


def governorates_near_points(lons: Sequence[float], lats: Sequence[float], *,
                             metres: float) -> list[tuple[tuple[str, str], ...]]:
    """Return, per point, the governorates whose polygon lies within `metres` of it.

    Sources draw governorate borders differently (OCHA's polygons here, simplified
    to ~100 m; the boundaries a report or another data set was coded with), so a
    place this close to a border may be said to lie on either side.

    Parameters
    ----------
    lons, lats : sequence of float
        WGS84 longitudes and latitudes, same length.
    metres : float
        The distance, > 0.

    Returns
    -------
    list of tuple of (country, admin1)
        One tuple per point, in input order, sorted; empty for a point with no
        governorate that close (or with invalid coordinates).

    Examples
    --------
    >>> governorates_near_points([43.13], [36.34], metres=2000.0)
    [(('IQ', 'Ninewa'),)]
    """
    import numpy as np

    import geopandas as gpd

    from geodata import joins

    _check_coords(lons, lats)
    if not metres > 0:
        raise ValueError(f"metres must be > 0, got {metres!r}")
    lon = np.asarray(lons, dtype="float64")
    lat = np.asarray(lats, dtype="float64")
    ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lon) <= 180) & (np.abs(lat) <= 90)
    found: list[set] = [set() for _ in range(len(lon))]
    idx = np.flatnonzero(ok)
    if idx.size:
        discs = gpd.GeoDataFrame(
            index=idx, geometry=gpd.points_from_xy(lon[idx], lat[idx]), crs="EPSG:4326"
        ).to_crs(joins.METRIC_CRS)
        discs["geometry"] = discs.buffer(metres, quad_segs=4)
        units = admin_frame(1)[["country", "admin1", "geometry"]].to_crs(joins.METRIC_CRS)
        joined = joins.sjoin(discs, units, predicate="intersects", how="inner",
                             required=["country", "admin1"], first_only=False)
        for i, country, admin1 in joined[["country", "admin1"]].itertuples():
            found[i].add((country, admin1))
    return [tuple(sorted(s)) for s in found]


@lru_cache(maxsize=4096)
def _admin_for_point_cached(lon: float, lat: float) -> ADMIN:
    return admin_for_points([lon], [lat])[0]


def admin_for_point(lon: float, lat: float) -> ADMIN:
    """Return (country, admin1, admin2) of one point; (None, None, None) outside.

    Parameters
    ----------
    lon, lat : float
        WGS84 degrees.

    Returns
    -------
    (str or None, str or None, str or None)
        E.g. ("IQ", "Salah Al-Din", "Beygee") for Baiji.

    Examples
    --------
    >>> admin_for_point(43.49, 34.93)
    ('IQ', 'Salah Al-Din', 'Beygee')
    """
    try:
        lon, lat = float(lon), float(lat)
    except (TypeError, ValueError):
        return (None, None, None)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return (None, None, None)
    return _admin_for_point_cached(round(lon, 6), round(lat, 6))
