"""The checked sjoin wrappers."""

from __future__ import annotations

import pytest

gpd = pytest.importorskip("geopandas")
from shapely.geometry import Point, box  # noqa: E402

from geodata import joins  # noqa: E402


@pytest.fixture
def frames():
    polys = gpd.GeoDataFrame({"admin1": ["A", "B"]}, geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
                             crs="EPSG:4326")
    points = gpd.GeoDataFrame(geometry=[Point(0.5, 0.5), Point(1.5, 0.5), Point(5, 5)],
                              crs="EPSG:4326")
    return points, polys


def test_jn001_within(frames):
    points, polys = frames
    out = joins.sjoin(points, polys, predicate="within", required=["admin1"])
    assert out["admin1"].tolist()[:2] == ["A", "B"]
    assert out["admin1"].isna().tolist()[2]


def test_jn002_crs_mismatch(frames):
    points, polys = frames
    with pytest.raises(ValueError, match="CRS mismatch"):
        joins.sjoin(points.to_crs("EPSG:3857"), polys, predicate="within")


def test_jn003_bad_predicate_and_columns(frames):
    points, polys = frames
    with pytest.raises(ValueError, match="predicate 'inside'"):
        joins.sjoin(points, polys, predicate="inside")
    with pytest.raises(ValueError, match=r"lacks columns \['admin2'\]"):
        joins.sjoin(points, polys, predicate="within", required=["admin2"])


def test_jn004_nearest_respects_distance(frames):
    points, polys = frames
    near_pt = gpd.GeoDataFrame(geometry=[Point(2.01, 0.5), Point(2.5, 0.5)], crs="EPSG:4326")
    out = joins.sjoin_nearest(near_pt, polys, max_distance_m=2000, required=["admin1"])
    assert out["admin1"].tolist()[0] == "B"
    assert out["admin1"].isna().tolist()[1]
    with pytest.raises(ValueError, match="max_distance_m"):
        joins.sjoin_nearest(near_pt, polys, max_distance_m=0)
