"""The app's own glyph server: MapLibre's PBF ranges, any font name, no request leaves."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.app import create_app
from dashboard.glyphs import distance_field, encode_range, glyph_range


def test_shipped_ranges_hold_latin_glyphs():
    data = glyph_range("Open Sans Regular,Arial Unicode MS Regular", "0-255")
    assert data.startswith(b"\n") and len(data) > 50_000
    assert glyph_range("DejaVu Sans Bold", "0-255") != data  # the bold face is its own


def test_unknown_range_is_an_empty_valid_answer_and_bad_names_are_refused():
    assert glyph_range("x", "9728-9983") == encode_range("x", 9728, 9983, [])
    with pytest.raises(ValueError, match="invalid glyph range 'abc'"):
        glyph_range("x", "abc")


def test_distance_field_is_negative_inside_and_positive_outside():
    square = np.pad(np.full((6, 6), 255, np.uint8), 5)
    field = distance_field(square)
    assert field[8, 8] < 0 < field[0, 0] and field[0, 0] > field[4, 4]


def test_route_serves_glyphs():
    client = create_app(pd.DataFrame(), base_layers=None, extensions=False).server.test_client()
    response = client.get("/glyphs/Open%20Sans%20Regular/0-255.pbf")
    assert response.status_code == 200 and response.mimetype == "application/x-protobuf"
    assert client.get("/glyphs/Open%20Sans%20Regular/zero.pbf").status_code == 404
