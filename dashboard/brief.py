"""The briefing pack: a PowerPoint deck or a PDF of what the dashboard shows.

:func:`brief_slides` is pure: events in, a list of :class:`Slide` out (title,
map as of the end of the range, timeline, displacement, places that changed
hands, sources). :func:`build_brief` renders the figures with kaleido through
Debian's Chromium, keeping one export server warm for the whole batch (and
for later briefs in the same process), and writes the deck with python-pptx
or the pages, composed with Pillow, into a PDF with img2pdf.
``python -m dashboard brief`` is :func:`brief_command`.
"""

from __future__ import annotations

import functools
import io
import os
import threading
import warnings
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import click
import pandas as pd
import plotly.graph_objects as go

from dashboard import queries
from dashboard.control_layer import cached_areas, changes_for
from dashboard.figures import timeline_figure
from dashboard.filters import EventIndex, filter_positions
from dashboard.queries import map_points, pick_bin, timeline_counts
from dashboard.slide_map import SLIDE_SIZE
from dashboard.state import LIST_FILTERS, ViewState
from events.control import changed_hands, control_as_of, control_changes
from events.model import EVENT_TYPES

#: Filters a brief accepts: the dashboard's list filters plus the free-text search.
FILTER_NAMES: tuple[str, ...] = (*LIST_FILTERS, "text")
FORMATS: tuple[str, ...] = ("pptx", "pdf")
#: Size of the rendered chart images (16:9), and of a PDF page.
IMAGE_SIZE: tuple[int, int] = (1600, 900)
PAGE_SIZE: tuple[int, int] = (1920, 1080)
#: Rows per table slide and the tables' font size (pt), so that text stays readable.
TABLE_ROWS = 11
SOURCE_ROWS = 9
TABLE_PT = 14
CHROMIUM = "/usr/bin/chromium"
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: Accent colour of the title slide (the palette's seizure vermillion).
ACCENT = "#D55E00"


@dataclass
class Slide:
    """One slide of the brief: a title, then a figure or a table or lines of text.

    ``caption`` goes under figures and tables (range, filters, "Source:").
    ``image`` is filled by the renderer (PNG bytes of ``figure``).
    """

    title: str
    kind: str  # "title", "figure", "map" (full-bleed picture) or "table"
    lines: list[str] = field(default_factory=list)
    figure: go.Figure | None = None
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    caption: str = ""
    image: bytes | None = None


def _day(value: Any, name: str) -> date:
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError) as exc:
        raise ValueError(f"invalid {name}={value!r}: expected a date as YYYY-MM-DD") from exc


def _check_range(start: Any, end: Any) -> tuple[date, date]:
    first, last = _day(start, "start"), _day(end, "end")
    if first > last:
        raise ValueError(f"invalid range {first} > {last}: start must not follow end")
    return first, last


def _check_filters(filters: dict[str, Any] | None) -> dict[str, Any]:
    filters = dict(filters or {})
    unknown = sorted(set(filters) - set(FILTER_NAMES))
    if unknown:
        raise ValueError(f"invalid filters {unknown}: expected keys among {list(FILTER_NAMES)}")
    clean: dict[str, Any] = {}
    for name, value in filters.items():
        if name == "text":
            if value:
                clean[name] = str(value)
        elif value:
            clean[name] = tuple([value] if isinstance(value, str) else value)
    return clean


def describe_range(start: date, end: date) -> str:
    """Return a date range as briefers write it.

    Examples
    --------
    >>> describe_range(date(2014, 6, 1), date(2014, 6, 30))
    '1 Jun 2014 – 30 Jun 2014'
    """
    return f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"


def describe_filters(filters: dict[str, Any]) -> str:
    """Return the active filters as one line ("none" when there are none).

    Examples
    --------
    >>> describe_filters({"types": ("seizure", "clash"), "countries": ("IQ",)})
    'type: seizure, clash; country: IQ'
    """
    labels = {"types": "type", "actors": "actor", "countries": "country",
              "admin1": "governorate", "certainty": "certainty", "sources": "source",
              "text": "text"}
    parts = []
    for name in FILTER_NAMES:
        value = filters.get(name)
        if value:
            shown = value if isinstance(value, str) else ", ".join(map(str, value))
            parts.append(f"{labels[name]}: {shown}")
    return "; ".join(parts) or "none"


def _source_line(events: pd.DataFrame) -> str:
    events = _news_only(events)
    outlets = events["source"].dropna().astype(str).value_counts()
    n_reports = events["report"].nunique()
    named = ", ".join(outlets.index[:6])
    more = f" and {len(outlets) - 6} more" if len(outlets) > 6 else ""
    if not n_reports:
        return "Source: events database (no reports in range)"
    return f"Source: {n_reports} reports ({named}{more}); events read by conflictmap"


def displacement_figure(events: pd.DataFrame, *, start: Any = None, end: Any = None,
                        top: int = 8) -> go.Figure:
    """Return people displaced per week by governorate (stacked bars).

    Parameters
    ----------
    events : pandas.DataFrame
        Events; rows with ``magnitude_unit == "people_displaced"`` count.
    start, end : date-like, optional
        The range the x axis spans (every week of it, empty ones too).
    top : int, default 8
        Governorates shown by name; the rest are summed as "other".

    Returns
    -------
    plotly.graph_objects.Figure
        An annotated empty chart when no figure of displacement was reported.

    Examples
    --------
    >>> rows = pd.DataFrame({"magnitude_unit": ["people_displaced"], "magnitude": [500.0],
    ...     "admin1": ["Ninawa"], "country": ["IQ"], "date": pd.to_datetime(["2014-06-11"])})
    >>> [t.name for t in displacement_figure(rows).data]
    ['Ninawa (IQ)']
    """
    fig = go.Figure()
    fig.update_layout(template="plotly_white", barmode="stack", font={"size": 15},
                      yaxis_title="people displaced (reported figures)",
                      legend={"title": {"text": "governorate"}},
                      margin={"l": 80, "r": 20, "t": 20, "b": 60})
    shown = events[(events["magnitude_unit"].astype(object) == "people_displaced")
                   & events["magnitude"].notna()]
    if shown.empty:
        fig.add_annotation(text="No displacement figures were reported in this range",
                           showarrow=False, font={"size": 22}, x=0.5, y=0.5,
                           xref="paper", yref="paper")
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return fig
    where = shown["admin1"].astype(str) + " (" + shown["country"].astype(str) + ")"
    week = pd.to_datetime(shown["date"]).dt.to_period("W-SUN").dt.start_time
    totals = where.groupby(where).size().index  # all governorates named
    ranked = shown["magnitude"].groupby(where).sum().sort_values(ascending=False)
    keep = set(ranked.index[:top])
    label = where.where(where.isin(keep), "other")
    table = shown["magnitude"].groupby([week, label]).sum().unstack(fill_value=0)
    if start is not None and end is not None:
        weeks = pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq="W-SUN").start_time
        table = table.reindex(weeks.union(table.index), fill_value=0)
    order = [g for g in ranked.index if g in keep] + (["other"] if len(totals) > top else [])
    palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
               "#F0E442", "#882255", "#999999"]
    for i, name in enumerate(order):
        fig.add_trace(go.Bar(x=table.index, y=table[name], name=name,
                             marker={"color": palette[i % len(palette)]},
                             width=6 * 86_400_000))  # six days, in ms: a gap between weeks
    first, last = table.index.min(), table.index.max()
    fig.update_xaxes(title="week starting", type="date",
                     range=[first - pd.Timedelta(days=4), last + pd.Timedelta(days=10)])
    fig.update_layout(showlegend=True)
    return fig


#: Where the map's base layers and place names come from (the slide's source line).
MAP_CREDIT = ("Boundaries: OCHA COD-AB; rivers, lakes: Natural Earth; "
              "places: GeoNames, Who's On First, Natural Earth")


def map_export_figure(index: EventIndex, *, start: Any, end: Any,
                      filters: dict[str, Any] | None = None, outline: Any = None,
                      base_layers: dict | None = None, radius_km: float | None = None,
                      title: str | None = None) -> go.Figure:
    """Return the slide-ready map of a view: the toolbar's image export and the brief's map.

    Parameters
    ----------
    index : dashboard.filters.EventIndex
        All events.
    start, end : date-like
        The range; control of towns is shown as of ``end``.
    filters : dict, optional
        As for :func:`brief_slides`.
    outline, base_layers : optional
        ``geodata.study_area()`` and ``geodata.base_layers()``.
    radius_km : float, optional
        Reach of the estimated areas (setting ``control_radius_km``).
    title : str, optional
        Heading; by default "Events and control of towns".

    Returns
    -------
    plotly.graph_objects.Figure
        :func:`dashboard.slide_map.slide_map_figure`, fitted to the events in range.
    """
    from dashboard.control_layer import area_radius_km
    from dashboard.slide_map import slide_map_figure

    first, last = _check_range(start, end)
    chosen = _check_filters(filters)
    positions = filter_positions(index, ViewState(start=first, end=last, **chosen))
    events = index.frame.iloc[positions]
    changes = _changes(index, chosen)
    control = control_as_of(changes, last)
    radius = area_radius_km(radius_km)
    if outline is None:
        import geodata

        outline = geodata.study_area()
    areas = cached_areas(control, outline, radius) if not control.empty else pd.DataFrame(
        {"controller": [], "geometry": []})
    cited = _cited_reports(events, index.frame, changed_hands(changes, first, last))
    sources = _source_line(pd.concat([events[["source", "report", "url"]],
                                      cited[["source", "report", "url"]]]))
    return slide_map_figure(
        map_points(index, positions), control, areas,
        title=title or "Events and control of towns",
        subtitle=(f"{describe_range(first, last)} · Filters: {describe_filters(chosen)} · "
                  f"Towns held as of {last.day} {last:%b %Y}"),
        source_line=f"{sources}<br>{MAP_CREDIT}. Areas: estimates within {radius:g} km of "
                    "a town whose holder is reported, not front lines.",
        radius_km=radius, base_layers=base_layers)


def timeline_export_figure(index: EventIndex, *, start: Any, end: Any,
                           filters: dict[str, Any] | None = None) -> go.Figure:
    """Return the slide-ready timeline of a view: bars per type, title, range, legend, source.

    The same chart serves the toolbar's image export and the briefing's slide.
    """
    first, last = _check_range(start, end)
    chosen = _check_filters(filters)
    positions = filter_positions(index, ViewState(start=first, end=last, **chosen))
    bin_ = pick_bin(first, last)
    fig = timeline_figure(timeline_counts(index, positions, bin=bin_, types=EVENT_TYPES), bin=bin_)
    events = index.frame.iloc[positions]
    fig.update_layout(
        showlegend=True, font={"size": 18}, dragmode=False, height=None,
        title={"text": f"<b>Events per {bin_} by type</b><br><span style='font-size:18px'>"
                       f"{describe_range(first, last)} · Filters: {describe_filters(chosen)}"
                       "</span>", "x": 0.02, "font": {"size": 28}},
        legend={"orientation": "h", "y": -0.12, "font": {"size": 17}},
        margin={"l": 70, "r": 30, "t": 110, "b": 150})
    fig.add_annotation(text=_source_line(events), x=0.0, y=-0.3, xref="paper", yref="paper",
                       xanchor="left", yanchor="top", showarrow=False,
                       font={"size": 17, "color": "#34434f"})
    return fig


def _changes(index: EventIndex, chosen: dict[str, Any]) -> pd.DataFrame:
    """Control changes within the chosen area: who holds a town does not depend on the types."""
    area_state = ViewState(countries=chosen.get("countries", ()), admin1=chosen.get("admin1", ()))
    if area_state == ViewState():
        return changes_for(index)  # computed once per loaded index, shared with the map
    return control_changes(index.frame.iloc[filter_positions(index, area_state)])


def _table_pages(title: str, columns: list[str], rows: list[list[str]], caption: str,
                 per_page: int, empty: str) -> list[Slide]:
    if not rows:
        return [Slide(title=title, kind="table", columns=columns, rows=[], caption=caption,
                      lines=[empty])]
    pages = [rows[i:i + per_page] for i in range(0, len(rows), per_page)]
    return [
        Slide(title=title if len(pages) == 1 else f"{title} ({n}/{len(pages)})", kind="table",
              columns=columns, rows=page, caption=caption)
        for n, page in enumerate(pages, start=1)
    ]


def brief_slides(
    frame: pd.DataFrame | EventIndex,
    *,
    start: Any,
    end: Any,
    filters: dict[str, Any] | None = None,
    outline: Any = None,
    base_layers: dict | None = None,
) -> list[Slide]:
    """Return the briefing's slides for the events of ``frame`` from ``start`` to ``end``.

    Parameters
    ----------
    frame : pandas.DataFrame or dashboard.filters.EventIndex
        All events (``Store.load_frame()``, or the dashboard's loaded index);
        filtered here.
    start, end : date-like
        The range, inclusive.
    filters : dict, optional
        Keys among :data:`FILTER_NAMES` (``types``, ``actors``, ``countries``,
        ``admin1``, ``certainty``, ``sources``: lists; ``text``: str).
    outline : shapely geometry, optional
        Clip of the areas of control; ``geodata.study_area()`` by default.
    base_layers : dict, optional
        ``geodata.base_layers()`` for the map.

    Returns
    -------
    list of Slide
        Title, map as of ``end``, timeline, displacement, changed-hands
        table(s) and sources table(s).

    Raises
    ------
    ValueError
        For an unknown filter or a range that ends before it starts.
    """
    first, last = _check_range(start, end)
    chosen = _check_filters(filters)
    # The dashboard passes its loaded index: no second copy of a million events.
    index = frame if isinstance(frame, EventIndex) else EventIndex(frame)
    state = ViewState(start=first, end=last, **chosen)
    positions = filter_positions(index, state)
    events = index.frame.iloc[positions]
    span = describe_range(first, last)
    filter_text = describe_filters(chosen)

    # Control uses every seizure up to the end, within the chosen area only.
    changes = _changes(index, chosen)
    hands = changed_hands(changes, first, last)
    cited = _cited_reports(events, index.frame, hands)
    source_line = _source_line(pd.concat([events[["source", "report"]], cited]))
    caption = f"{span} · Filters: {filter_text} · {source_line}"

    displaced = queries.unit_total(index, positions, "people_displaced")
    killed = queries.unit_total(index, positions, "killed")
    slides = [
        Slide(title="Conflict events briefing: Iraq and Syria", kind="title", lines=[
            span,
            f"Filters: {filter_text}",
            f"{len(events):,} events in {events['incident_id'].nunique():,} incidents; "
            f"{int(killed):,} people reported killed; "
            f"{int(displaced):,} people reported displaced; "
            f"{hands['place'].nunique():,} places changed hands",
            f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC from "
            f"{len(cited):,} reports",
        ]),
        Slide(title=f"Map as of {last.day} {last:%b %Y}", kind="map",
              figure=map_export_figure(index, start=first, end=last, filters=chosen,
                                       outline=outline, base_layers=base_layers),
              caption=f"Map of events and control of towns, {span}. Filters: {filter_text}. "
                      "Areas of control are estimates from reported events."),
    ]
    bin_ = pick_bin(first, last)
    timeline = timeline_export_figure(index, start=first, end=last, filters=chosen)
    slides.append(Slide(title=f"Events per {bin_} by type", kind="figure", figure=timeline,
                        caption=f"Events per {bin_} by type, {span}. {caption}"))
    slides.append(Slide(title="People displaced by governorate", kind="figure",
                        figure=displacement_figure(events, start=first, end=last),
                        caption=f"People displaced by governorate, {span}. {caption}"))
    hand_rows = [
        [str(place), f"{day:%Y-%m-%d}", f"{old} → {new}", str(sources)]
        for place, day, old, new, sources in zip(
            hands["place"], hands["date"], hands["from"], hands["to"], hands["sources"],
            strict=True)
    ]
    slides += _table_pages("Places that changed hands", ["Place", "Date", "From → to", "Sources"],
                           hand_rows, caption, TABLE_ROWS,
                           "No place changed hands in this range.")
    source_rows = [
        [str(r.source), str(r.report_date), str(r.report), queries.safe_link(r.url) or "—"]
        for r in cited.itertuples()
    ]
    slides += _table_pages("Sources: every report cited",
                           ["Outlet", "Published", "Report", "Address"], source_rows,
                           f"{span} · Filters: {filter_text}", SOURCE_ROWS,
                           "No report is cited in this range.")
    return slides


def _news_only(events: pd.DataFrame) -> pd.DataFrame:
    """Leave out the project's example reports: they are not sources and are never counted."""
    from events.sample import is_example

    return events[~events["source"].astype(object).map(is_example).astype(bool)]


def _cited_reports(events: pd.DataFrame, frame: pd.DataFrame, hands: pd.DataFrame) -> pd.DataFrame:
    """Return the reports behind the events shown and the changes of hands listed."""
    ids = {i for ids in hands["event_ids"] for i in ids}
    used = _news_only(pd.concat([events, frame[frame["id"].isin(ids)]]))
    cols = ["source", "report_date", "report", "url"]
    reports = used[cols].astype(object).drop_duplicates("report")
    reports["report_date"] = pd.to_datetime(reports["report_date"]).dt.strftime("%Y-%m-%d")
    return reports.sort_values(["source", "report_date", "report"]).reset_index(drop=True)


# -- rendering -------------------------------------------------------------------------------

_RENDER_LOCK = threading.Lock()


def warm_up() -> None:
    """Start the export server (Chromium) in the background if it is not running.

    It returns at once: Chromium starts while the caller loads and prepares
    the data, so a brief does not wait for it twice.
    """
    import kaleido
    import plotly.io as pio

    with _RENDER_LOCK:
        if not os.environ.get("BROWSER_PATH") and Path(CHROMIUM).exists():
            os.environ["BROWSER_PATH"] = CHROMIUM
        # No MathJax: nothing uses LaTeX, and its default is a CDN address.
        pio.defaults.mathjax = False
        kaleido.start_sync_server(n=1, mathjax=False, timeout=120, silence_warnings=True)


def render_image(fig: go.Figure, *, fmt: str = "png", width: int = IMAGE_SIZE[0],
                 height: int = IMAGE_SIZE[1], scale: float = 1.0) -> bytes:
    """Render a figure to PNG or SVG bytes through one warm kaleido server (Debian's Chromium).

    The server starts on first use (or at :func:`warm_up`) and stays up until
    the process ends, so a deck (or a dashboard that exports many briefs)
    pays Chromium's start-up once. Calls are serialised: the server handles
    one figure at a time.
    """
    import plotly.io as pio

    if fmt not in ("png", "svg"):
        raise ValueError(f"invalid fmt={fmt!r}: expected 'png' or 'svg'")
    warm_up()
    with _RENDER_LOCK:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return pio.to_image(fig, format=fmt, width=width, height=height, scale=scale)


def render_png(fig: go.Figure, *, width: int = IMAGE_SIZE[0], height: int = IMAGE_SIZE[1],
               scale: float = 1.0) -> bytes:
    """Render a figure to PNG bytes (:func:`render_image`)."""
    return render_image(fig, fmt="png", width=width, height=height, scale=scale)


def render_slides(slides: list[Slide], *, scale: float = 1.0) -> list[Slide]:
    """Fill ``image`` on every figure slide (in place) and return the slides."""
    for slide in slides:
        if slide.figure is not None and slide.image is None:
            size = SLIDE_SIZE if slide.kind == "map" else IMAGE_SIZE
            slide.image = render_png(slide.figure, width=size[0], height=size[1], scale=scale)
    return slides


def write_pptx(slides: list[Slide], out: Path) -> Path:
    """Write rendered slides as a 16:9 PowerPoint deck: pictures, native tables, captions."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]

    def text(slide: Any, left: float, top: float, width: float, height: float, lines: list[str],
             size: int, bold: bool = False) -> None:
        frame = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width),
                                         Inches(height)).text_frame
        frame.word_wrap = True
        for i, line in enumerate(lines):
            para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            para.text = line
            para.font.size = Pt(size)
            para.font.bold = bold

    for item in slides:
        slide = deck.slides.add_slide(blank)
        if item.kind == "title":
            band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(1.7), Inches(0.35),
                                          Inches(3.4))
            band.fill.solid()
            band.fill.fore_color.rgb = RGBColor.from_string(ACCENT.lstrip("#"))
            band.line.fill.background()
            text(slide, 0.8, 2.0, 11.7, 1.2, [item.title], 36, bold=True)
            text(slide, 0.8, 3.3, 11.7, 3.0, item.lines, 18)
            continue
        if item.kind in ("figure", "map") and item.image is None:
            raise ValueError(f"slide {item.title!r} has no image: call render_slides first")
        if item.kind == "map":
            # The map carries its own title, range, legend and source line: full bleed.
            picture = slide.shapes.add_picture(io.BytesIO(item.image), 0, 0,
                                               deck.slide_width, deck.slide_height)
            _alt_text(picture, item.caption)
            continue
        text(slide, 0.4, 0.2, 12.5, 0.6, [item.title], 26, bold=True)
        if item.kind == "figure":
            height = 5.85
            width = height * 16 / 9
            picture = slide.shapes.add_picture(io.BytesIO(item.image),
                                               Inches((13.333 - width) / 2), Inches(0.85),
                                               Inches(width), Inches(height))
            _alt_text(picture, item.caption)
        elif item.rows:
            shape = slide.shapes.add_table(len(item.rows) + 1, len(item.columns), Inches(0.4),
                                           Inches(0.9), Inches(12.5), Inches(0.3))
            table = shape.table
            for c, (name, share) in enumerate(zip(item.columns, _column_shares(item.columns),
                                                  strict=True)):
                table.cell(0, c).text = name
                table.columns[c].width = int(Inches(12.5) * share)
            for r, row in enumerate(item.rows, start=1):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            for cell in (table.cell(r, c) for r in range(len(item.rows) + 1)
                         for c in range(len(item.columns))):
                for para in cell.text_frame.paragraphs:
                    para.font.size = Pt(TABLE_PT)
        else:
            text(slide, 0.8, 1.2, 11.7, 1.0, item.lines, 18)
        text(slide, 0.4, 6.75, 12.5, 0.7, [item.caption], 12)
    deck.save(str(out))
    return out


def _alt_text(picture: Any, text: str) -> None:
    """Set a picture's alternative text (what a screen reader says) to the slide's caption."""
    picture._element.nvPicPr.cNvPr.set("descr", text)


@functools.lru_cache(maxsize=16)
def _font(size: int, bold: bool = False) -> Any:
    from PIL import ImageFont

    path = _FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _wrap(draw: Any, text: str, font: Any, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def _clip(draw: Any, text: str, font: Any, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def page_image(slide: Slide, *, fmt: str = "PNG") -> bytes:
    """Compose one rendered slide as a 1920×1080 page image (title, content, caption).

    ``fmt`` is "PNG" or "JPEG"; the PDF uses JPEG, which img2pdf embeds as is
    and Pillow encodes several times faster than PNG.
    """
    from PIL import Image, ImageDraw

    width, height = PAGE_SIZE
    page = Image.new("RGB", PAGE_SIZE, "white")
    draw = ImageDraw.Draw(page)
    if slide.kind == "title":
        draw.rectangle((0, 250, 50, 660), fill=ACCENT)
        draw.text((110, 330), slide.title, font=_font(60, bold=True), fill="#1a1a1a")
        y = 460
        for line in slide.lines:
            for part in _wrap(draw, line, _font(30), width - 220):
                draw.text((110, y), part, font=_font(30), fill="#333333")
                y += 46
        return _encode(page, fmt)
    if slide.kind == "map" and slide.image is not None:
        chart = Image.open(io.BytesIO(slide.image)).convert("RGB").resize(PAGE_SIZE)
        return _encode(chart, fmt)
    draw.text((60, 30), slide.title, font=_font(44, bold=True), fill="#1a1a1a")
    if slide.kind == "figure" and slide.image is not None:
        chart = Image.open(io.BytesIO(slide.image)).convert("RGB")
        chart.thumbnail((width - 120, 860))
        page.paste(chart, ((width - chart.width) // 2, 105))
    elif slide.rows:
        share = _column_shares(slide.columns)
        lefts = [60 + int(sum(share[:i]) * (width - 120)) for i in range(len(share))]
        y = 120
        for c, name in enumerate(slide.columns):
            draw.text((lefts[c], y), name, font=_font(24, bold=True), fill="#1a1a1a")
        y += 44
        for row in slide.rows:
            draw.line((60, y - 6, width - 60, y - 6), fill="#dddddd", width=1)
            for c, value in enumerate(row):
                room = int(share[c] * (width - 120)) - 16
                draw.text((lefts[c], y), _clip(draw, value, _font(26), room), font=_font(26),
                          fill="#222222")
            y += 64
    else:
        draw.text((110, 160), " ".join(slide.lines), font=_font(30), fill="#333333")
    y = height - 96
    for part in _wrap(draw, slide.caption, _font(19), width - 120)[:3]:
        draw.text((60, y), part, font=_font(19), fill="#555555")
        y += 26
    return _encode(page, fmt)


def _column_shares(columns: list[str]) -> list[float]:
    if columns and columns[-1] == "Address":
        return [0.16, 0.1, 0.3, 0.44]
    if len(columns) == 4:
        return [0.2, 0.12, 0.38, 0.3]
    return [1 / len(columns)] * len(columns)


def _encode(image: Any, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, format="JPEG", quality=90)
    elif fmt == "PNG":
        image.save(buffer, format="PNG", compress_level=3)
    else:
        raise ValueError(f"invalid fmt={fmt!r}: expected 'PNG' or 'JPEG'")
    return buffer.getvalue()


def write_pdf(slides: list[Slide], out: Path) -> Path:
    """Write rendered slides as a PDF, one 16:9 page image per slide (img2pdf)."""
    import img2pdf

    layout = img2pdf.get_layout_fun((img2pdf.in_to_pt(13.333), img2pdf.in_to_pt(7.5)))
    out.write_bytes(img2pdf.convert([page_image(s, fmt="JPEG") for s in slides], layout_fun=layout))
    return out


def build_brief(
    frame: pd.DataFrame | EventIndex,
    *,
    start: Any,
    end: Any,
    filters: dict[str, Any] | None = None,
    out: Path | str,
    fmt: str | None = None,
    outline: Any = None,
    base_layers: dict | None = None,
) -> Path:
    """Build the briefing for ``start``..``end`` and write it to ``out``.

    Parameters
    ----------
    frame : pandas.DataFrame or dashboard.filters.EventIndex
        All events (``Store.load_frame()`` or the dashboard's index).
    start, end : date-like
        The range, inclusive.
    filters : dict, optional
        See :func:`brief_slides`.
    out : path
        File to write.
    fmt : {"pptx", "pdf"}, optional
        Defaults to ``out``'s suffix.
    outline, base_layers : optional
        Default to ``geodata.study_area()`` and ``geodata.base_layers()``.

    Returns
    -------
    pathlib.Path
        ``out``.

    Examples
    --------
    >>> build_brief(pd.DataFrame(), start="2014-06-01", end="2014-06-30", out="b.doc")
    Traceback (most recent call last):
    ...
    ValueError: invalid fmt='doc': expected one of pptx, pdf
    """
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"invalid fmt={fmt!r}: expected one of {', '.join(FORMATS)}")
    _check_range(start, end)
    warm_up()  # Chromium starts while the slides are prepared
    if outline is None or base_layers is None:
        import geodata

        outline = geodata.study_area() if outline is None else outline
        base_layers = geodata.base_layers() if base_layers is None else base_layers
    slides = brief_slides(frame, start=start, end=end, filters=filters, outline=outline,
                          base_layers=base_layers)
    render_slides(slides)
    return write_pptx(slides, out) if fmt == "pptx" else write_pdf(slides, out)


# -- dashboard extension hooks (see dashboard.extensions) ---------------------------------

BRIEF_MENU = "brief-menu"
BRIEF_PPTX = "brief-pptx"
BRIEF_PDF = "brief-pdf"
BRIEF_DOWNLOAD = "brief-download"


def layout_items(slot: str, source: Any) -> list:
    """Return the "Export briefing" toolbar menu (PowerPoint or PDF) and its download."""
    if slot != "toolbar":
        return []
    import dash_bootstrap_components as dbc
    from dash import dcc

    return [
        dbc.DropdownMenu(
            [dbc.DropdownMenuItem("Briefing of the current view", header=True),
             dbc.DropdownMenuItem("PowerPoint (.pptx)", id=BRIEF_PPTX),
             dbc.DropdownMenuItem("PDF", id=BRIEF_PDF)],
            label="Export briefing", id=BRIEF_MENU, size="sm", color="light", align_end=True,
        ),
        dcc.Loading(dcc.Download(id=BRIEF_DOWNLOAD), type="circle",
                    overlay_style={"visibility": "visible"}),
    ]


def register_callbacks(app: Any, source: Any) -> None:
    """Build the briefing of the current view (range and filters) when asked, and send it."""
    import tempfile

    from dash import Input, Output, State, ctx, dcc, no_update

    from dashboard import ids
    from dashboard.data import load_base_layers

    @app.callback(
        Output(BRIEF_DOWNLOAD, "data"),
        Input(BRIEF_PPTX, "n_clicks"), Input(BRIEF_PDF, "n_clicks"),
        State(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def _brief(_pptx: int | None, _pdf: int | None, data: dict | None):
        if ctx.triggered_id not in (BRIEF_PPTX, BRIEF_PDF):
            return no_update
        from dashboard.exporting import export_filename
        from geodata import study_area

        state = ViewState.from_dict(data)
        index = source.index()
        start, end = state.start or index.first_day, state.end or index.last_day
        if start is None or end is None:
            return no_update  # no events at all: nothing to brief
        fmt = "pptx" if ctx.triggered_id == BRIEF_PPTX else "pdf"
        filters = {name: getattr(state, name) for name in FILTER_NAMES}
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / f"brief.{fmt}"
            build_brief(index, start=start, end=end, filters=filters, out=out,
                        outline=study_area(), base_layers=load_base_layers() or {})
            payload = out.read_bytes()
        return dcc.send_bytes(payload, f"{export_filename('briefing', start, end)}.{fmt}")


@click.command("brief")
@click.option("--from", "start", required=True, help="First day of the range (YYYY-MM-DD).")
@click.option("--to", "end", required=True, help="Last day of the range (YYYY-MM-DD).")
@click.option("--type", "types", multiple=True, type=click.Choice(EVENT_TYPES),
              help="Event type to include (repeatable).")
@click.option("--actor", "actors", multiple=True, help="Actor to include (repeatable).")
@click.option("--country", "countries", multiple=True, type=click.Choice(["IQ", "SY"]),
              help="Country to include (repeatable).")
@click.option("--governorate", "admin1", multiple=True,
              help="Governorate (admin1) to include (repeatable).")
@click.option("--certainty", multiple=True, type=click.Choice(["reported", "claimed", "disputed"]),
              help="Certainty to include (repeatable).")
@click.option("--source", "sources", multiple=True, help="Outlet to include (repeatable).")
@click.option("--text", default="", help="Only events whose evidence contains this text.")
@click.option("--db", "db_url", default=None, help="Database URL (default: EVENTS_DB or SQLite).")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file: .pptx or .pdf.")
def brief_command(start: str, end: str, types: tuple, actors: tuple, countries: tuple,
                  admin1: tuple, certainty: tuple, sources: tuple, text: str,
                  db_url: str | None, out: Path) -> None:
    """Write a briefing deck (.pptx) or PDF for a date range and filters."""
    import time

    from events.store import Store

    began = time.perf_counter()
    try:
        _check_range(start, end)
        if out.suffix.lower().lstrip(".") not in FORMATS:
            raise ValueError(f"invalid --out {out}: expected a .pptx or .pdf file")
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    warm_up()  # Chromium starts while the events load
    frame = Store(db_url).load_frame()
    filters = {"types": types, "actors": actors, "countries": countries, "admin1": admin1,
               "certainty": certainty, "sources": sources, "text": text}
    try:
        path = build_brief(frame, start=start, end=end, filters=filters, out=out)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    click.echo(f"wrote {path} in {time.perf_counter() - began:.1f} s")
