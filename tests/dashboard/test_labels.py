"""Place labels: capitals always, towns by zoom, the data's busiest places earlier."""

from __future__ import annotations

import pandas as pd

from dashboard.labels import (
    BUSY_MINZOOM,
    LABEL_LAYER,
    event_places,
    label_table,
    load_places,
    offline_style,
    static_labels,
)


def test_every_governorate_capital_is_a_label():
    capitals = set(load_places().query("rank <= 1")["name"])
    assert {"Baghdad", "Damascus", "Basra", "Erbil", "Aleppo", "Mosul", "Raqqa",
            "Deir ez-Zor", "Kirkuk", "Sulaymaniyah", "Homs", "Hama"} <= capitals
    assert len(capitals) >= 31


def test_busy_places_of_the_data_are_named_earlier():
    frame = pd.DataFrame({"place": ["Tall Hamis"] * 6 + ["Mosul"] * 6,
                          "lat": [36.64] * 6 + [36.34] * 6, "lon": [41.69] * 6 + [43.13] * 6,
                          "geo_precision": 1})
    table = label_table(event_places(frame))
    hamis = table[table["name"] == "Tall Hamis"]
    assert len(hamis) == 1 and float(hamis["minzoom"].iloc[0]) == BUSY_MINZOOM
    assert (table["name"] == "Mosul").sum() == 1  # merged with the shipped label


def test_offline_style_has_label_layers_on_top_and_no_remote_source():
    style = offline_style(label_table(), glyphs="/glyphs/{fontstack}/{range}.pbf")
    ids = [layer["id"] for layer in style["layers"]]
    assert ids[0] == "background" and LABEL_LAYER in ids and ids[-1] == "place-labels-capitals"
    assert all(src["type"] == "geojson" for src in style["sources"].values())
    assert style["glyphs"].startswith("/glyphs/")


def test_static_labels_show_capitals_and_more_towns_when_zoomed():
    box = (35.0, 29.0, 49.0, 38.0)
    far = set(static_labels(label_table(), box, zoom=4.5)["name"])
    near = set(static_labels(label_table(), box, zoom=8.0)["name"])
    assert {"Baghdad", "Basra", "Erbil", "Damascus", "Aleppo"} <= far < near
