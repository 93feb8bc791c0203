"""Map base layers for the dashboard and the study-area outline.

`base_layers` returns four GeoJSON FeatureCollections -- country outlines (Iraq,
Syria and their neighbours, Natural Earth 1:50m), governorate borders (OCHA),
rivers and lakes (Natural Earth 1:10m) -- simplified for display with
topology-preserving simplification and coordinates rounded to ~10 m, so that
all four together stay under `MAX_LAYER_BYTES`. The result is built once and
cached as JSON beside the gazetteer cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from geodata.boundaries import data_file
from geodata.gazetteer import default_cache_dir, default_data_dir

#: Budget for all base layers together (bytes of compact GeoJSON).
MAX_LAYER_BYTES = 600_000
LAYER_NAMES = ("countries", "governorates", "rivers", "lakes")
#: Simplification tolerance in degrees per layer (~1 km for outlines: the map
#: shows the region at zoom 5-8, where a pixel is 0.5-5 km).
_TOLERANCE = {"countries": 0.005, "governorates": 0.005, "rivers": 0.005, "lakes": 0.005}
_KEEP_PROPS = {
    "countries": {"NAME": "name", "ADM0_A3": "iso3", "ISO_A2": "iso2"},
    "governorates": {"country": "country", "admin1": "admin1", "admin1_ar": "admin1_ar"},
    "rivers": {"name": "name", "name_en": "name_en"},
    "lakes": {"name": "name"},
}
_SOURCE = {"countries": "countries.geojson", "governorates": "adm1.geojson",
           "rivers": "rivers.geojson", "lakes": "lakes.geojson"}
_LAYER_VERSION = 2


def _round_coords(obj, ndigits: int = 4):
    if isinstance(obj, float):
        return round(obj, ndigits)
    if isinstance(obj, list | tuple):
        return [_round_coords(x, ndigits) for x in obj]
    return obj


def _polygonal(geom):
    # make_valid may return a collection with stray lines or points; keep the
    # polygons (a line layer passes through unchanged).
    if geom.geom_type != "GeometryCollection":
        return geom
    import shapely

    parts = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else geom


def _simplify_layer(name: str) -> dict:
    import shapely
    from shapely.geometry import mapping, shape

    with data_file(_SOURCE[name]).open(encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    geoms = [_polygonal(shapely.make_valid(shape(f["geometry"]))) for f in feats]
    tol = _TOLERANCE[name]
    if name in ("countries", "governorates"):
        # Coverage simplification keeps shared borders shared (no slivers or gaps
        # between neighbours); fall back to per-shape topology-preserving mode if
        # GEOS rejects the coverage.
        try:
            simple = list(shapely.coverage_simplify(geoms, tol))
        except (shapely.errors.GEOSException, TypeError):
            simple = [g.simplify(tol, preserve_topology=True) for g in geoms]
    else:
        simple = [g.simplify(tol, preserve_topology=True) for g in geoms]
    out = []
    for feat, geom in zip(feats, simple, strict=True):
        if geom.is_empty:
            continue
        props = {new: feat["properties"].get(old) for old, new in _KEEP_PROPS[name].items()}
        gj = mapping(geom)
        out.append({"type": "Feature", "properties": props,
                    "geometry": {"type": gj["type"],
                                 "coordinates": _round_coords(gj["coordinates"])}})
    return {"type": "FeatureCollection", "features": out}


def _cache_path() -> Path:
    h = hashlib.sha1(f"layers-v{_LAYER_VERSION}".encode())
    for name in LAYER_NAMES:
        h.update(data_file(_SOURCE[name]).read_bytes())
    return default_cache_dir(default_data_dir()) / f"base_layers-{h.hexdigest()[:16]}.json"


@lru_cache(maxsize=1)
def base_layers() -> dict[str, dict]:
    """Return the map base layers as GeoJSON FeatureCollections.

    Returns
    -------
    dict of str to dict
        Keys "countries", "governorates", "rivers", "lakes"; each a
        FeatureCollection in EPSG:4326. Together under 600 KB as compact JSON.

    Examples
    --------
    >>> layers = base_layers()  # doctest: +SKIP
    >>> sorted(layers)  # doctest: +SKIP
    ['countries', 'governorates', 'lakes', 'rivers']
    """
    path = _cache_path()
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    layers = {name: _simplify_layer(name) for name in LAYER_NAMES}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(layers, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # read-only install: rebuild next time
    return layers


def layer_bytes(layers: dict[str, dict]) -> dict[str, int]:
    """Return the compact-JSON size in bytes of each layer."""
    return {k: len(json.dumps(v, separators=(",", ":"))) for k, v in layers.items()}


@lru_cache(maxsize=1)
def study_area():
    """Return the union of the Iraq and Syria outlines as one shapely geometry.

    Built from the OCHA governorates (the same polygons the spatial join uses),
    so every point that gets an admin1 lies inside it (up to the 2 km snap).

    Returns
    -------
    shapely.geometry.base.BaseGeometry
        A (Multi)Polygon in lon/lat.
    """
    import shapely
    from shapely.geometry import shape

    with data_file("adm1.geojson").open(encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    geoms = [shapely.make_valid(shape(f["geometry"])) for f in feats]
    return shapely.union_all(geoms).buffer(0)
