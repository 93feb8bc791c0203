"""The map people can read, in Debian's Chromium: each defect of issue 11 and the features it asked.

Every ``test_dsh01x``/``test_brf00x`` here failed on the dashboard before the
fix (see the issue's list); the feature tests check what a user now has.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import date, timedelta

import pytest

from tests.browser.conftest import N_EVENTS, NO_URL_ID

#: Mosul's control disc up to April 2014 (its first seizure, test event 0).
MOSUL_DISC = (36.335, 43.119)

pytestmark = pytest.mark.browser

FIRST_DAY = date(2014, 1, 6)  # the first test event


def _choose_quick_range(page, label: str) -> None:
    page.locator("#date-preset").click()
    page.keyboard.type(label)
    page.get_by_role("option", name=label, exact=True).click()


# -- defects ---------------------------------------------------------------------------------

def test_dsh010_click_on_a_town_disc_shows_its_history_with_evidence(watch):
    """Defect 1: a town that changed hands showed its disc, but a click on it showed nothing.

    In February-March 2014 no Mosul event is in view, yet its disc says who holds it.
    """
    watch.open(f"?from=2014-02-01&to=2014-03-31&lat={MOSUL_DISC[0]}&lon={MOSUL_DISC[1]}"
               "&zoom=12")
    page = watch.page
    page.wait_for_timeout(1500)  # let the map finish moving before clicking its centre
    box = page.locator("#map").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx - 30, cy)
    page.mouse.move(cx + 5, cy, steps=4)
    page.wait_for_function(
        "() => (document.querySelector('#map .hoverlayer') || {textContent: ''})"
        ".textContent.includes('held by ISIS since 2014-01-06')")
    page.mouse.click(cx + 5, cy)
    page.wait_for_function(
        "() => document.querySelector('#detail').innerText.includes('Control of Mosul')")
    detail = page.locator("#detail").inner_text()
    assert "2014-01-06: Iraqi Security Forces → ISIS" in detail  # each change of hands ...
    assert "Test sentence number 0 about Mosul." in detail  # ... with its evidence
    assert "No event of the current view is drawn at this town." in detail
    assert "town=Mosul" in page.url
    assert watch.errors == []


def test_dsh010b_click_inside_a_disc_reaches_the_event_under_it(watch):
    """Where an event is drawn inside a disc, the click reaches the event and the town."""
    watch.open("?lat=36.345&lon=43.119&zoom=12")  # the disc over events 6 and 36
    page = watch.page
    page.wait_for_timeout(1500)
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2 + 2, box["y"] + box["height"] / 2)
    page.wait_for_function(
        "() => /Test sentence number (6|36) about Mosul/.test("
        "document.querySelector('#detail').innerText)")
    assert re.search(r"event=ev_browser_(06|36)", page.url)
    page.locator("#changed-hands-panel", has_text="Who held Mosul").wait_for()
    assert watch.errors == []


def test_dsh011_date_picker_sets_a_range_with_two_clicks(watch):
    """Defect 2: the first click filtered at once and the second replaced the start."""
    watch.open()
    page = watch.page
    page.locator("#date-range").click()
    months = page.locator(".dash-datepicker-calendar")
    months.nth(0).locator("td", has_text=re.compile(r"^\s*13\s*$")).first.click()
    page.wait_for_timeout(1000)
    assert "from=" not in page.url  # it waits for the end date
    months.nth(1).locator("td", has_text=re.compile(r"^\s*10\s*$")).first.click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('to') === '2014-02-10'")
    assert "from=2014-01-13" in page.url
    watch.wait_idle()
    assert [v.input_value() for v in page.locator(".dash-datepicker-input").all()] == [
        "2014-01-13", "2014-02-10"]
    assert watch.errors == []


def test_dsh011b_quick_ranges(watch):
    watch.open()
    _choose_quick_range(watch.page, "June 2014")
    watch.page.wait_for_function(
        "() => location.search.includes('from=2014-06-01')"
        " && location.search.includes('to=2014-06-30')")
    assert watch.errors == []


def _inside(point, ring) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _km(a, b) -> float:
    import math

    dx = math.radians(a[0] - b[0]) * math.cos(math.radians((a[1] + b[1]) / 2))
    return 6371.0 * math.hypot(dx, math.radians(a[1] - b[1]))


def test_brf007_control_areas_stay_near_their_towns_and_off_capitals(watch):
    """Defect 3: nearest-town areas covered the whole country, Baghdad and Damascus included."""
    watch.open("?from=2014-01-01&to=2015-12-31&areas=1")
    page = watch.page
    data = page.wait_for_function(
        "() => { const d = document.querySelector('#map .js-plotly-plot')._fullData;"
        " const a = d.filter(t => t.type === 'choroplethmap');"
        " const towns = d.filter(t => t.meta && t.meta.kind === 'control');"
        " return a.length && towns.length && {areas: a.map(t => t.geojson),"
        " towns: towns.flatMap(t => Array.from(t.lon).map((x, i) => [x, t.lat[i]]))}; }"
    ).json_value()
    rings = [ring for fc in data["areas"] for f in fc["features"]
             for ring in (f["geometry"]["coordinates"] if f["geometry"]["type"] == "Polygon"
                          else [r for poly in f["geometry"]["coordinates"] for r in poly])]
    assert rings
    for ring in rings:
        for vertex in ring:
            assert min(_km(vertex, town) for town in data["towns"]) <= 27.0
    for capital in [(44.329, 33.340), (47.797, 30.533), (36.291, 33.510), (44.011, 36.193)]:
        assert not any(_inside(capital, ring) for ring in rings)
    note = page.locator("#slot-map-options").inner_text()
    assert "within 25 km" in note and "not front lines" in note.lower()
    assert watch.errors == []


def _png_size(data: bytes) -> tuple[int, int]:
    import struct

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_brf001_map_png_export_is_slide_ready_and_named_for_the_filtered_range(watch, tmp_path):
    """Defect 4: the PNG was named for the whole range and the region sat small in a white frame."""
    from PIL import Image

    watch.open()
    _choose_quick_range(watch.page, "June 2014")
    watch.page.wait_for_function("() => location.search.includes('to=2014-06-30')")
    watch.wait_idle()
    download = watch.menu_download("export-menu", "export-png-map")
    assert download.suggested_filename == "events-map_2014-06-01_2014-06-30.png"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert _png_size(path.read_bytes()) == (3840, 2160)  # 1920x1080 at scale 2
    image = Image.open(path).convert("RGB").resize((384, 216))
    pixels = list(image.get_flattened_data())
    land = sum(1 for p in pixels if abs(p[0] - 0xF4) + abs(p[1] - 0xF3) + abs(p[2] - 0xEF) < 12)
    assert land / len(pixels) > 0.25  # the region fills the frame, not a small island in white
    title_band = image.crop((0, 0, 200, 20))
    assert min(sum(p) for p in title_band.get_flattened_data()) < 200  # dark title text at the top
    assert watch.errors == []


def test_brf008_sources_slide_has_no_nan_readable_tables_and_alt_text(watch, tmp_path):
    """Defect 5: "nan" addresses, 10-11 pt tables, pictures described as "image.png"."""
    from pptx import Presentation
    from pptx.util import Pt

    watch.open("?from=2014-06-01&to=2014-06-30")
    download = watch.menu_download("brief-menu", "brief-pptx")
    path = tmp_path / "brief.pptx"
    download.save_as(path)
    deck = Presentation(str(path))
    tables = [sh.table for slide in deck.slides for sh in slide.shapes if sh.has_table]
    cells = [tables[-1].cell(r, c) for r in range(len(tables[-1].rows))
             for c in range(len(tables[-1].columns))]
    texts = [c.text for c in cells]
    assert "nourl.txt" in texts  # the report without an address is listed ...
    assert "nan" not in texts and "None" not in texts  # ... without "nan"
    sizes = {run.font.size or para.font.size for table in tables for row in table.rows
             for cell in row.cells for para in cell.text_frame.paragraphs for run in para.runs}
    assert sizes and min(sizes) >= Pt(14)
    pictures = [sh for slide in deck.slides for sh in slide.shapes if sh.shape_type == 13]
    assert pictures
    for picture in pictures:
        described = picture._element.nvPicPr.cNvPr.get("descr") or ""
        assert described and described != "image.png" and "Jun 2014" in described
    assert watch.errors == []


def test_dsh012_no_button_sends_a_chart_off_the_machine(watch):
    """Defect 6: a "Share chart" button uploads to Plotly's cloud."""
    watch.open()
    page = watch.page
    titles = []
    for graph in ("#map", "#timeline"):
        page.locator(graph).hover()
        page.wait_for_timeout(300)
        titles += page.locator(f"{graph} .modebar-btn").evaluate_all(
            "bs => bs.map(b => (b.getAttribute('data-title') || '') + '|'"
            " + (b.getAttribute('data-attr') || ''))")
    assert titles  # the modebars are there ...
    assert not [t for t in titles if re.search(r"share|cloud|chart studio", t, re.I)]
    assert watch.errors == []


def _frames_and_slider(watch, query: str, frames: int, seconds: float, redrawing=False):
    """Play ``query`` with a slowed map until it drew ``frames`` windows (or ``seconds`` passed).

    With ``redrawing``, play is pressed while the map is still redrawing the view
    before it (after the window was resized). Returns the windows the map was
    asked to draw, the moments the slider and the map's window disagreed, and how
    many moments were sampled.
    """
    page = watch.page
    drawn: list[tuple[str | None, str | None]] = []

    def slow(route):
        body = json.loads(route.request.post_data or "{}")
        if body.get("output", "").startswith("..map.figure"):
            state = next((i.get("value") for i in body.get("inputs", [])
                          if i.get("id") == "view-state"), None) or {}
            drawn.append((state.get("start"), state.get("end")))
            time.sleep(0.6)
        route.continue_()

    watch.open(query)
    page.route("**/_dash-update-component*", slow)
    if redrawing:
        page.set_viewport_size({"width": 1100, "height": 800})
        page.wait_for_function("() => document.querySelector('[data-dash-is-loading=\"true\"]')")
    page.locator("#play").click()
    page.wait_for_function("() => document.querySelector('#play').innerText.includes('Pause')")
    mismatches, samples = [], 0
    ended = time.monotonic() + seconds
    # until the frames are drawn and enough stable moments were read (fewer on a busy machine)
    while time.monotonic() < ended and (len(drawn) < frames + 1 or samples <= 10):
        read = ("() => [document.querySelector('#scrub [role=slider]')"
                ".getAttribute('aria-valuenow'),"
                " document.querySelector('#summary .badge').innerText]")
        shown = page.evaluate(read)
        page.wait_for_timeout(80)
        if page.evaluate(read) != shown:
            continue  # caught mid-update (React draws the slider a moment after the badge)
        samples += 1
        end_on_map = shown[1].split("–")[-1].strip()
        slider_day = (FIRST_DAY + timedelta(days=int(shown[0]))).isoformat()
        if slider_day != end_on_map:
            mismatches.append((slider_day, end_on_map))
        page.wait_for_timeout(150)
    page.locator("#play").click()
    page.unroute("**/_dash-update-component*")
    return drawn, mismatches, samples


@pytest.mark.parametrize("redrawing", [False, True], ids=["idle", "pressed-mid-redraw"])
def test_dsh013_play_by_month_follows_the_calendar_in_order_with_the_slider(watch, redrawing):
    """Defect 7: 30-day blocks, skipped frames at 4 frames/s, a slider running ahead of the map.

    Pressed while the map still redraws, the late figure of the view before must not
    count as the first frame drawn (the first month was skipped that way).
    """
    drawn, mismatches, samples = _frames_and_slider(
        watch, "?window=month&speed=250&type=attack_on_civilians", frames=5, seconds=60,
        redrawing=redrawing)
    frames = list(drawn)
    assert ("2014-08-01", "2014-08-31") in frames, drawn  # the first month with such an event
    first_month = frames.index(("2014-08-01", "2014-08-31"))
    played = frames[first_month:]
    assert len(played) >= 4, drawn
    for (start, end), (next_start, _) in zip(played, played[1:], strict=False):
        s, e, n = date.fromisoformat(start), date.fromisoformat(end), date.fromisoformat(next_start)
        assert s.day == 1 and (e + timedelta(days=1)).day == 1  # calendar months ...
        assert n == e + timedelta(days=1)  # ... one after the other, none skipped
    assert samples > 10 and not mismatches  # the slider shows the month the map shows


def test_dsh019_sample_reads_as_real_reporting(sample_watch, tmp_path):
    """Defect 8: "Summary:" evidence, internal ids as reports, one encyclopaedia page, "Demo"."""
    watch = sample_watch
    watch.open()
    page = watch.page
    page.locator("#filter-source").click()
    options = page.locator("#filter-source").inner_text() + " ".join(
        page.locator("[role=option]").all_inner_texts())
    assert "Demo" not in options
    page.keyboard.press("Escape")
    download = watch.menu_download("export-menu", "export-csv", timeout=60_000)
    path = tmp_path / "events.csv"
    download.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    sample = [r for r in rows if r["report"] and not r["report"].endswith((".txt", ".html"))
              and "UCDP" not in r["source"]]
    assert len(sample) >= 60
    for row in rows:
        assert not row["evidence"].startswith("Summary:")
        assert not row["report"].startswith("sample-")
        assert "demo" not in row["source"].lower()
    for row in sample:
        assert row["url"].startswith("https://") or row["url"].startswith("http://")
        assert "paraphrase" in row["evidence"].lower()
        if "wikipedia.org" in row["url"]:
            assert row["source"] == "Wikipedia"
    by_url: dict[str, set] = {}
    for row in sample:
        by_url.setdefault(row["url"], set()).add(row["report"])
    assert all(len(reports) == 1 for reports in by_url.values())  # one link, one report
    assert watch.errors == []


# -- features ----------------------------------------------------------------------------------

def _label_names(page) -> list[str]:
    return page.evaluate(
        "() => { const m = document.querySelector('#map .js-plotly-plot')"
        "._fullLayout.map._subplot.map; const ids = m.getStyle().layers"
        ".filter(l => l.id.startsWith('place-labels') && l.type === 'symbol').map(l => l.id);"
        " return m.queryRenderedFeatures({layers: ids}).map(f => f.properties.name); }")


@pytest.mark.parametrize("size", [(1600, 1000), (1280, 720)])
def test_dsh014_opens_on_iraq_and_syria_with_place_names(browser, dashboard_url, size):
    from tests.browser.conftest import PageWatch

    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    watch = PageWatch(context.new_page(), dashboard_url)
    try:
        watch.open()
        page = watch.page
        page.wait_for_timeout(1500)
        view = page.evaluate(
            "() => { const g = document.querySelector('#map .js-plotly-plot');"
            " const b = g._fullLayout.map._subplot.map.getBounds();"
            " const wrap = document.querySelector('.map-wrap').getBoundingClientRect();"
            " return {box: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],"
            " plot: g.getBoundingClientRect().height, wrap: wrap.height}; }")
        west, south, east, north = view["box"]
        assert 32.0 < west < 35.7 and east > 48.6 and south < 29.1 and north > 37.3
        assert east - west < 24 and north - south < 13  # Iraq and Syria, not Turkey and Iran
        assert view["plot"] >= 420 and abs(view["plot"] - view["wrap"]) < 2  # fills its card
        page.wait_for_function(
            "() => { const m = document.querySelector('#map .js-plotly-plot')"
            "._fullLayout.map._subplot.map; return m.loaded(); }")
        names = set(_label_names(page))
        assert {"Baghdad", "Damascus", "Aleppo", "Erbil", "Basra", "Mosul"} <= names
        assert watch.errors == [] and watch.foreign == []
    finally:
        context.close()


def test_dsh015_zoom_to_selection_and_fly_to_a_place(watch):
    watch.open("?country=SY")
    page = watch.page
    page.locator("#zoom-to-data").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('zoom')")
    watch.wait_idle()
    page.wait_for_timeout(800)
    west, east = page.evaluate(
        "() => { const b = document.querySelector('#map .js-plotly-plot')"
        "._fullLayout.map._subplot.map.getBounds(); return [b.getWest(), b.getEast()]; }")
    assert west < 38.27 and east > 39.01 and east - west < 6  # the Syrian towns, not Iraq
    search = page.locator("#place-search")
    search.fill("Tall Afar")
    search.press("Enter")
    page.wait_for_function("() => document.querySelector('#place-message').innerText"
                           ".includes('Tal Afar')")
    watch.wait_idle()
    centre = page.evaluate(
        "() => document.querySelector('#map .js-plotly-plot')._fullLayout.map.center")
    assert abs(centre["lat"] - 36.38) < 0.05 and abs(centre["lon"] - 42.45) < 0.05
    search.fill("Atlantis")
    search.press("Enter")
    page.wait_for_function("() => document.querySelector('#place-message').innerText"
                           ".includes('No place')")
    assert watch.errors == []


def test_dsh016_event_table_sorts_pages_and_selects_on_the_map(watch):
    watch.open("?from=2014-01-01&to=2014-12-31")
    page = watch.page
    count = page.locator("#event-table-count")
    count.filter(has_text="events").wait_for()
    total = int(count.inner_text().split()[0])
    assert total == N_EVENTS - 20  # 2015's twenty test events are out of the range
    page.locator("#event-table .ag-header-cell", has_text="Killed").click()
    page.locator("#event-table .ag-header-cell", has_text="Killed").click()  # descending
    page.wait_for_function(
        "() => { const c = document.querySelector('#event-table .ag-row[row-index=\"0\"] "
        "[col-id=killed]'); return c && c.innerText.trim() === '7'; }")
    page.locator("#event-table .ag-row[row-index='1'] [col-id=place]").click()
    page.wait_for_function(f"() => location.search.includes('event={NO_URL_ID}')")
    page.locator("#detail", has_text="three dead").wait_for()
    watch.wait_idle()
    # The same filters: a type filter shrinks the table with the map.
    page.goto(watch.base + "/?from=2014-01-01&to=2014-12-31&type=bombing")
    watch.wait_idle()
    page.locator("#event-table-count", has_text="1 events").wait_for()
    assert watch.errors == []


def test_dsh017_fatalities_in_header_table_and_detail(watch):
    watch.open()
    summary = watch.page.locator("#summary").inner_text()
    assert re.search(r"(?<!\d)10\s*killed", summary)  # 7 + 3 in the test events
    assert watch.errors == []


def test_dsh018_legend_explains_every_mark(watch):
    watch.open()
    legend = watch.page.locator("#legend").inner_text()
    for text in ("seizure", "Marker size", "no figure", "10,000", "Town control", "ISIS",
                 "Control areas", "25 km", "Density", "50,000"):
        assert text in legend
    assert watch.errors == []


def test_dsh020_timeline_axis_follows_the_window(watch):
    watch.open("?from=2014-06-01&to=2014-06-30")
    page = watch.page
    page.wait_for_function(
        "() => { const g = document.querySelector('#timeline .js-plotly-plot');"
        " return g && g._fullLayout.xaxis.range[0].startsWith('2014-05'); }")
    x0, x1 = page.evaluate(
        "() => document.querySelector('#timeline .js-plotly-plot')._fullLayout.xaxis.range")
    assert x0[:10] == "2014-05-02" and x1[:10] == "2014-07-30"
    box = page.locator("#timeline .nsewdrag").first.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.40, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=6)
    page.mouse.up()
    page.wait_for_function("() => new URLSearchParams(location.search).get('from') !== "
                           "'2014-06-01'")
    start = page.locator("#date-range").input_value()
    end = page.locator(".dash-datepicker-input").nth(1).input_value()
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days
    assert start.startswith("2014-06") and 1 <= days <= 6  # a few days, at day resolution
    assert watch.errors == []


def _contrast(fg: str, bg: str) -> float:
    def lum(rgb: str) -> float:
        values = [int(v) / 255 for v in re.findall(r"[\d.]+", rgb)[:3]]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_dsh021_accessibility_basics(watch):
    watch.open()
    page = watch.page
    assert page.evaluate("() => document.documentElement.lang") == "en"
    assert "Map of the events" in page.locator(".map-wrap").get_attribute("aria-label")
    pairs = page.evaluate(
        "() => [...document.querySelectorAll('.hint, .text-muted, .text-secondary, .legend-note')]"
        ".filter(e => e.offsetParent && e.innerText.trim()).map(e => {"
        " let n = e, bg = 'rgba(0, 0, 0, 0)';"
        " const faint = c => c === 'transparent' || /rgba\\(.*, 0(\\.[0-4]\\d*)?\\)$/.test(c);"
        " while (n && faint(bg)) { bg = getComputedStyle(n).backgroundColor;"
        "  n = n.parentElement; }"
        " if (faint(bg)) { bg = 'rgb(255, 255, 255)'; }"
        " return [getComputedStyle(e).color, bg, e.innerText.slice(0, 40)]; })")
    assert pairs
    low = [(text, round(_contrast(fg, bg), 2)) for fg, bg, text in pairs
           if _contrast(fg, bg) < 4.5]
    assert not low
    focused = []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement.id || "
                                     "document.activeElement.tagName"))
    for wanted in ("place-search", "zoom-to-data", "play"):
        assert wanted in focused
    assert watch.errors == []
