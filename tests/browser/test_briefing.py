"""Briefing exports in Debian's Chromium: slide-size map PNG, the deck, the data download."""

from __future__ import annotations

import csv
import io
import re
import struct

import pytest

pytestmark = pytest.mark.browser


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _wait_export_config(watch, expected: str, timeout: float = 30_000) -> str:
    """Wait until the export callback has named the map's image `expected`; return the name.

    The page first draws its default view and then applies the URL's window, so
    an earlier name (the default range) may show up before the expected one.
    """
    script = (
        "(want) => { const g = document.querySelector('#map .js-plotly-plot');"
        " const o = g && g._context && g._context.toImageButtonOptions;"
        " return o && o.filename === want && o.filename; }"
    )
    try:
        return watch.page.wait_for_function(script, arg=expected, timeout=timeout).json_value()
    except Exception:  # noqa: BLE001 - report what the page holds instead of a bare timeout
        return watch.page.evaluate(
            "() => { const g = document.querySelector('#map .js-plotly-plot');"
            " const o = g && g._context && g._context.toImageButtonOptions;"
            " return o && o.filename; }"
        )


def test_brf001_map_png_export_is_slide_size(watch, tmp_path):
    watch.open("?from=2014-06-01&to=2014-06-30")
    name = _wait_export_config(watch, "events-map_2014-06-01_2014-06-30")
    assert name == "events-map_2014-06-01_2014-06-30"
    page = watch.page
    page.locator("#map").hover()
    with page.expect_download(timeout=60_000) as info:
        page.locator("#map .modebar-btn[data-title^='Download plot']").click()
    download = info.value
    assert download.suggested_filename == "events-map_2014-06-01_2014-06-30.png"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert _png_size(path.read_bytes()) == (3840, 2160)  # 1920x1080 at scale 2
    assert watch.errors == []


def _menu_download(watch, menu: str, item: str, timeout: float = 120_000):
    page = watch.page
    page.locator(f"#{menu}").click()
    with page.expect_download(timeout=timeout) as info:
        page.locator(f"#{item}").click()
    return info.value


def test_brf002_briefing_action_returns_a_deck_of_images_and_tables(watch, tmp_path):
    from pptx import Presentation

    watch.open("?from=2014-01-01&to=2014-12-31")
    download = _menu_download(watch, "brief-menu", "brief-pptx")
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
    download = _menu_download(watch, "export-menu", "export-csv", timeout=30_000)
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
    _wait_export_config(watch, "events-map_2014-06-01_2014-06-30")
    download = _menu_download(watch, "export-menu", item, timeout=60_000)
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
