"""Briefing exports in Debian's Chromium: the deck, SVG images, the data download, control panel.

The map's slide-ready PNG export is ``test_brf001`` in ``test_readable.py``.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

pytestmark = pytest.mark.browser


def test_brf002_briefing_action_returns_a_deck_of_images_and_tables(watch, tmp_path):
    from pptx import Presentation

    watch.open("?from=2014-01-01&to=2014-12-31")
    download = watch.menu_download("brief-menu", "brief-pptx")
    assert download.suggested_filename == "briefing_2014-01-01_2014-12-31.pptx"
    path = tmp_path / "brief.pptx"
    download.save_as(path)
    deck = Presentation(str(path))
    pictures = [sh for slide in deck.slides for sh in slide.shapes if sh.shape_type == 13]
    tables = [sh.table for slide in deck.slides for sh in slide.shapes if sh.has_table]
    assert len(pictures) == 3  # map, timeline, displacement
    assert len(tables) >= 2  # places that changed hands, sources
    header = [tables[0].cell(0, c).text for c in range(4)]
    assert header == ["Place", "Date", "From → to", "Sources"]
    texts = " ".join(sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame)
    assert "1 Jan 2014 – 31 Dec 2014" in texts
    assert watch.errors == []


def test_brf003_download_data_as_formula_safe_csv(watch, tmp_path):
    watch.open("?from=2014-01-01&to=2014-12-31")
    download = watch.menu_download("export-menu", "export-csv", timeout=30_000)
    assert re.fullmatch(r"events_2014-01-01_2014-12-31\.csv", download.suggested_filename)
    path = tmp_path / "events.csv"
    download.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    assert rows and all(r["date"].startswith("2014") for r in rows)
    assert {"id", "evidence", "source", "lat", "lon"} <= set(rows[0])
    bad = next(r for r in rows if r["id"] == "ev_browser_xss")
    assert bad["source"] == "<b>Bad Source</b>"
    assert watch.errors == []


@pytest.mark.parametrize(("item", "name"), [("export-svg-timeline", "events-timeline"),
                                            ("export-svg-map", "events-map")])
def test_brf004_svg_export_from_the_menu(watch, tmp_path, item, name):
    watch.open("?from=2014-06-01&to=2014-06-30")
    download = watch.menu_download("export-menu", item, timeout=60_000)
    assert download.suggested_filename == f"{name}_2014-06-01_2014-06-30.svg"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    head = path.read_text()[:400]
    assert "<svg" in head and 'width="1920"' in head and 'height="1080"' in head
    assert watch.errors == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?from=2014-01-01&to=2014-01-31",
         ["Places that changed hands", "Mosul", "Iraqi Security Forces → ISIS"]),
        ("?from=2014-02-01&to=2014-02-28", ["No place changed hands in this range."]),
        ("?from=2014-01-01&to=2014-12-31&event=ev_browser_06",
         ["Who held Mosul", "ISIS", "2014-01-06 – now"]),
    ],
)
def test_brf005_changed_hands_panel_and_place_history(watch, query, expected):
    watch.open(query)
    panel = watch.page.locator("#changed-hands-panel")
    panel.locator("h6").first.wait_for()
    for text in expected:
        watch.page.locator("#changed-hands-panel", has_text=text).wait_for()
    assert watch.errors == []


def test_brf006_areas_of_control_drawn_below_events(watch):
    watch.open("?from=2014-01-01&to=2014-12-31&areas=1")
    kinds = watch.page.wait_for_function(
        "() => { const d = document.querySelector('#map .js-plotly-plot')._fullData;"
        " const k = d.map(t => t.type); return k.includes('choroplethmap') && k; }").json_value()
    assert kinds.index("choroplethmap") < kinds.index("scattermap")
    assert "estimates from reported events" in watch.page.locator("#slot-map-options").inner_text()
    assert watch.errors == []
