"""Map base layers and the study area."""

from __future__ import annotations

import json

import pytest

from shapely.geometry import Point, shape

import geodata
from geodata.layers import LAYER_NAMES, MAX_LAYER_BYTES, layer_bytes


@pytest.fixture(scope="module")
def layers():
    return geodata.base_layers()


def test_lay001_four_feature_collections(layers):
    assert tuple(sorted(layers)) == tuple(sorted(LAYER_NAMES))
    for layer in layers.values():
        assert layer["type"] == "FeatureCollection" and layer["features"]


def test_lay002_under_budget(layers):
    assert sum(layer_bytes(layers).values()) < MAX_LAYER_BYTES
    assert len(json.dumps(layers, separators=(",", ":"))) < MAX_LAYER_BYTES


def test_lay003_content(layers):
    iso = {f["properties"]["iso3"] for f in layers["countries"]["features"]}
    assert {"IRQ", "SYR", "TUR", "IRN", "JOR", "SAU"} <= iso
    govs = {(f["properties"]["country"], f["properties"]["admin1"])
            for f in layers["governorates"]["features"]}
    assert govs == set(geodata.governorates())
    rivers = " ".join(str(f["properties"]["name"]) for f in layers["rivers"]["features"])
    assert "Tigris" in rivers and "Euphrates" in rivers


def test_lay004_valid_geometries(layers):
    for name in ("countries", "governorates", "lakes"):
        for feat in layers[name]["features"]:
            assert shape(feat["geometry"]).is_valid, (name, feat["properties"])


def test_lay005_cached_identity():
    assert geodata.base_layers() is geodata.base_layers()


@pytest.mark.parametrize(
    ("lon", "lat", "inside"),
    [(43.13, 36.34, True), (36.29, 33.51, True), (40.14, 35.33, True),
     (35.93, 31.95, False), (44.0, 41.0, False)],
)
def test_lay006_study_area(lon, lat, inside):
    assert geodata.study_area().contains(Point(lon, lat)) is inside
