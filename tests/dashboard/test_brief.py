"""The briefing pack: slide content (pure), deck and PDF writers, the CLI command."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from shapely.geometry import box

from dashboard.brief import (
    Slide,
    brief_command,
    brief_slides,
    build_brief,
    describe_filters,
    describe_range,
    displacement_figure,
    page_image,
    write_pdf,
    write_pptx,
)

OUTLINE = box(35.5, 29.0, 48.8, 37.5)
TOWNS = {"Mosul": (43.13, 36.34), "Tikrit": (43.68, 34.60), "Raqqa": (39.01, 35.95),
         "Kirkuk": (44.39, 35.47)}


def _row(i: int, day: str, kind: str, place: str, actor1: str | None = None,
         actor2: str | None = None, *, country: str = "IQ", magnitude: float | None = None,
         unit: str | None = None, source: str = "Wire A") -> dict:
    lon, lat = TOWNS[place]
    return {
        "id": f"ev{i}", "incident_id": f"ev{i}", "report": f"report-{i}.txt", "source": source,
        "url": f"https://example.org/{i}", "report_date": day, "event_type": kind,
        "actor1": actor1, "actor2": actor2, "location": place, "place": place,
        "geonameid": None, "country": country, "admin1": f"{place} governorate", "admin2": None,
        "lat": lat, "lon": lon, "geo_precision": 1, "date": day, "date_precision": "day",
        "magnitude": magnitude, "magnitude_unit": unit, "certainty": "reported",
        "evidence": f"Invented sentence number {i}.", "evidence_start": 0, "evidence_end": 10,
    }


def _frame(extra: tuple[dict, ...] = ()) -> pd.DataFrame:
    rows = [
        _row(1, "2014-05-20", "seizure", "Raqqa", "ISIS", "Syrian rebels", country="SY"),
        _row(2, "2014-06-10", "seizure", "Mosul", "ISIS", "Iraqi Security Forces"),
        _row(3, "2014-06-11", "seizure", "Tikrit", "ISIS", source="Wire B"),
        _row(4, "2014-06-12", "displacement", "Mosul", magnitude=500_000.0,
             unit="people_displaced", source="Agency C"),
        _row(5, "2014-06-20", "clash", "Kirkuk", "Peshmerga", "ISIS"),
        _row(6, "2014-06-25", "seizure", "Tikrit", "Iraqi Security Forces", "ISIS"),
        _row(7, "2014-07-05", "airstrike", "Raqqa", "US-led coalition", country="SY"),
        *extra,
    ]
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(frame["date"])
    frame["report_date"] = pd.to_datetime(frame["report_date"])
    return frame


@pytest.fixture(scope="module")
def slides() -> list[Slide]:
    """The slides of a June 2014 brief over an invented scenario, unfiltered."""
    return brief_slides(_frame(), start="2014-06-01", end="2014-06-30", outline=OUTLINE)


def test_slide_sequence(slides):
    assert [s.kind for s in slides] == ["title", "map", "figure", "figure", "table", "table"]
    assert slides[1].title == "Map as of 30 Jun 2014"
    assert slides[4].title == "Places that changed hands"
    assert slides[5].title.startswith("Sources")


def test_title_slide_states_range_filters_and_counts(slides):
    text = " ".join(slides[0].lines)
    assert "1 Jun 2014 – 30 Jun 2014" in text
    assert "Filters: none" in text
    assert "500,000 people reported displaced" in text
    assert "people reported killed" in text
    assert "2 places changed hands" in text


def test_every_caption_has_range_filters_and_source(slides):
    for slide in slides[2:5]:
        assert "1 Jun 2014 – 30 Jun 2014 · Filters: none" in slide.caption
        assert "Source:" in slide.caption
    # The map carries its own title, range, filters, legend and source line.
    assert "estimates from reported events" in slides[1].caption
    notes = " ".join(a.text for a in slides[1].figure.layout.annotations)
    assert "1 Jun 2014 – 30 Jun 2014 · Filters: none" in notes and "Source:" in notes
    assert "within 25 km" in notes


def test_changed_hands_rows(slides):
    assert slides[4].columns == ["Place", "Date", "From → to", "Sources"]
    assert slides[4].rows == [
        ["Mosul", "2014-06-10", "Iraqi Security Forces → ISIS", "Wire A"],
        ["Tikrit", "2014-06-11", "unknown → ISIS", "Wire B"],
        ["Tikrit", "2014-06-25", "ISIS → Iraqi Security Forces", "Wire A"],
    ]


def test_sources_list_every_report_cited(slides):
    reports = [row[2] for row in slides[5].rows]
    assert sorted(reports) == [f"report-{i}.txt" for i in (2, 3, 4, 5, 6)]


def test_map_holds_areas_events_and_control(slides):
    names = [t.name for t in slides[1].figure.data]
    assert names.index("ISIS (estimate)") < names.index("seizure")  # areas below events
    assert names.index("seizure") < names.index("ISIS")  # town markers above events
    assert {"Iraqi Security Forces", "clash", "displacement"} <= set(names)
    assert slides[1].figure.layout.yaxis.scaleanchor == "x"


@pytest.mark.parametrize(
    ("filters", "n_events", "changed"),
    [
        ({"types": ["seizure"]}, 3, 3),
        ({"countries": ["SY"]}, 0, 0),
        ({"actors": ["Peshmerga"]}, 1, 3),
        ({"text": "number 4"}, 1, 3),
    ],
)
def test_filters_apply(filters, n_events, changed):
    slides = brief_slides(_frame(), start="2014-06-01", end="2014-06-30", filters=filters,
                          outline=OUTLINE)
    assert f"{n_events:,} events" in slides[0].lines[2]
    assert len(slides[4].rows) == changed
    assert describe_filters(filters) in slides[0].lines[1]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"filters": {"colour": ["red"]}}, "colour"),
        ({"start": "2014-07-01"}, "must not follow"),
        ({"end": "soon"}, "end='soon'"),
    ],
)
def test_bad_arguments_are_named(kwargs, match):
    args = {"start": "2014-06-01", "end": "2014-06-30", "outline": OUTLINE, **kwargs}
    with pytest.raises(ValueError, match=match):
        brief_slides(_frame(), **args)


def test_unknown_format_is_named(tmp_path):
    with pytest.raises(ValueError, match="fmt='docx'"):
        build_brief(_frame(), start="2014-06-01", end="2014-06-30", out=tmp_path / "b.docx")


def test_describe_range_and_filters():
    assert describe_range(pd.Timestamp("2014-06-01").date(),
                          pd.Timestamp("2015-01-31").date()) == "1 Jun 2014 – 31 Jan 2015"
    assert describe_filters({}) == "none"


def test_displacement_figure_groups_by_governorate():
    fig = displacement_figure(_frame())
    assert [t.name for t in fig.data] == ["Mosul governorate (IQ)"]
    assert list(fig.data[0].y) == [500_000.0]
    empty = displacement_figure(_frame().iloc[:1])
    assert not empty.data and "No displacement" in empty.layout.annotations[0].text


def _fake_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (160, 90), "#88aacc").save(buffer, format="PNG")
    return buffer.getvalue()


def test_write_pptx_holds_pictures_and_tables(slides, tmp_path):
    from pptx import Presentation

    for slide in slides:
        slide.image = _fake_png() if slide.figure is not None else None
    path = write_pptx(slides, tmp_path / "brief.pptx")
    deck = Presentation(str(path))
    assert len(deck.slides) == len(slides)
    pictures = [sum(sh.shape_type == 13 for sh in s.shapes) for s in deck.slides]
    tables = [sum(sh.has_table for sh in s.shapes) for s in deck.slides]
    assert pictures == [0, 1, 1, 1, 0, 0]
    assert tables == [0, 0, 0, 0, 1, 1]
    table = next(sh for sh in deck.slides[4].shapes if sh.has_table).table
    assert table.cell(1, 2).text == "Iraqi Security Forces → ISIS"
    texts = " ".join(sh.text_frame.text for sh in deck.slides[2].shapes if sh.has_text_frame)
    assert "Source:" in texts and "1 Jun 2014" in texts
    # A picture's alternative text is its caption, not "image.png".
    for number in (1, 2):
        picture = next(sh for sh in deck.slides[number].shapes if sh.shape_type == 13)
        assert picture._element.nvPicPr.cNvPr.get("descr") == slides[number].caption


def test_write_pdf_one_page_per_slide(slides, tmp_path):
    for slide in slides:
        slide.image = _fake_png() if slide.figure is not None else None
    data = write_pdf(slides, tmp_path / "brief.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == len(slides)
    assert page_image(slides[4])[:8] == b"\x89PNG\r\n\x1a\n"


def test_table_pages_split_long_lists():
    frame = _frame(tuple(_row(100 + i, "2014-06-15", "clash", "Kirkuk") for i in range(40)))
    slides = brief_slides(frame, start="2014-06-01", end="2014-06-30", outline=OUTLINE)
    sources = [s for s in slides if s.title.startswith("Sources")]
    assert len(sources) > 1 and sources[0].title.endswith(f"(1/{len(sources)})")
    assert sum(len(s.rows) for s in sources) == 45


@pytest.mark.slow
def test_brief_command_writes_deck(tmp_path, chromium_path, monkeypatch):
    from pptx import Presentation

    import geodata

    if not hasattr(geodata, "study_area"):
        pytest.skip("geodata.study_area is not available yet")
    from events.model import Event
    from events.store import Store

    url = f"sqlite:///{tmp_path / 'events.sqlite'}"
    events = [Event.from_dict({**row, "date": str(row["date"])[:10],
                               "report_date": str(row["report_date"])[:10]})
              for row in _frame().astype(object).where(_frame().notna(), None).to_dict("records")]
    with Store(url) as store:
        store.add_events(events, report_key="test")
    out = tmp_path / "brief.pptx"
    result = CliRunner().invoke(brief_command, ["--from", "2014-06-01", "--to", "2014-06-30",
                                                "--country", "IQ", "--db", url, "--out", str(out)])
    assert result.exit_code == 0, result.output
    deck = Presentation(str(out))
    pictures = [sh for s in deck.slides for sh in s.shapes if sh.shape_type == 13]
    assert len(pictures) == 3
    assert all(p.image.size[0] >= 1600 for p in pictures)
    assert Path(out).stat().st_size > 50_000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "yesterday", "--to", "2014-06-30", "--out", "b.pptx"], "start='yesterday'"),
        (["--from", "2014-07-01", "--to", "2014-06-30", "--out", "b.pptx"], "must not follow"),
        (["--from", "2014-06-01", "--to", "2014-06-30", "--out", "b.docx"], "pptx or .pdf"),
        (["--from", "2014-06-01", "--to", "2014-06-30", "--type", "picnic", "--out", "b.pdf"],
         "picnic"),
    ],
)
def test_brief_command_rejects_bad_arguments(args, message, tmp_path):
    result = CliRunner().invoke(brief_command, [*args, "--db", f"sqlite:///{tmp_path}/e.db"])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "b.pptx").exists()


def test_brief_from_the_dashboards_index_matches_the_frame(slides):
    from dashboard.filters import EventIndex

    again = brief_slides(EventIndex(_frame()), start="2014-06-01", end="2014-06-30",
                         outline=OUTLINE)
    assert [s.rows for s in again] == [s.rows for s in slides]
    assert again[0].lines[:3] == slides[0].lines[:3]


def test_sources_table_has_no_nan_and_readable_type():
    from dashboard.brief import TABLE_PT

    frame = _frame()
    frame["url"] = [None, float("nan"), "https://example.org/ok", "javascript:alert(1)", None,
                    None, None]
    slides = brief_slides(frame, start="2014-06-01", end="2014-06-30", outline=OUTLINE)
    cells = [cell for row in slides[-1].rows for cell in row]
    assert "nan" not in cells and "None" not in cells
    assert "https://example.org/ok" in cells and "—" in cells
    assert TABLE_PT >= 14
