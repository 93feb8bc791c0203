"""The slide map: fitted to the data, titled, labelled, with legend, scale bar and source line."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.labels import label_table
from dashboard.slide_map import fit_box, scale_bar, slide_map_figure

EMPTY = pd.DataFrame(columns=["event_type", "lat", "lon", "size", "controller", "place"])


def _points(lons, lats, kind="seizure"):
    return pd.DataFrame({"event_type": kind, "lon": lons, "lat": lats, "size": 7.0})


@pytest.mark.parametrize(("lons", "lats", "whole"), [
    ([43.1, 43.7], [36.3, 34.6], False),  # Mosul and Tikrit: fitted close
    ([37.2, 44.4], [36.2, 33.3], True),  # Aleppo to Baghdad: the whole theatre
])
def test_fit_box_fits_the_data_or_shows_the_theatre(lons, lats, whole):
    west, south, east, north = fit_box(_points(lons, lats), aspect=1.6)
    assert west < min(lons) and east > max(lons) and south < min(lats) and north > max(lats)
    shows_basra_and_damascus = west < 36.3 and east > 47.8 and south < 30.5
    assert shows_basra_and_damascus is whole
    assert (east - west) < (20 if whole else 4)


def test_scale_bar_is_a_round_number():
    length, label = scale_bar((40.0, 32.0, 46.0, 36.0), 1400)
    assert label == "50 km" and 0.5 < length < 0.6


def test_slide_map_carries_title_range_legend_labels_scale_and_source():
    fig = slide_map_figure(
        _points([37.2, 44.4, 43.1], [36.2, 33.3, 36.3]), EMPTY, EMPTY.assign(geometry=[]),
        title="Events", subtitle="1 Jun 2014 – 31 Aug 2014 · Filters: none",
        source_line="Source: 3 reports", radius_km=25, labels=label_table())
    notes = [a.text for a in fig.layout.annotations]
    assert notes[0] == "<b>Events</b>" and "1 Jun 2014" in notes[1]
    assert any(t.startswith("Source:") for t in notes) and any(t.endswith(" km") for t in notes)
    labels = next(t for t in fig.data if t.mode == "markers+text")
    assert {"Baghdad", "Basra", "Erbil", "Damascus", "Aleppo"} <= set(labels.text)
    assert fig.layout.showlegend and fig.layout.legend.font.size >= 18
    assert [t.name for t in fig.data if t.name] == ["seizure"]
