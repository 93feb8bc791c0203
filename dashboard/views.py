"""What each callback shows, composed from the one filter, the queries and the figures.

These functions know nothing of Dash: the callbacks call them with the
current index and state, and the tests and the benchmark call them directly.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import figures, queries, towns
from dashboard.filters import EventIndex, filter_positions
from dashboard.state import LIST_FILTERS, ViewState
from events.model import EVENT_TYPES

_TIMELINE_CACHE = 64
_CONTROL_CACHE = 512


@dataclass(slots=True)
class MapView:
    """The map's content for one state: traces, which mode, and the summary counts."""

    traces: list
    mode: str  # "points" or "density"
    in_view: int
    counts: dict[str, int]
    window: tuple[date | None, date | None]


def map_view(index: EventIndex, state: ViewState, *, threshold: int = 50_000,
             max_points: int = 50_000, decimals: int = 4,
             extra_traces: Sequence[Any] = (), with_summary: bool = True) -> MapView:
    """Return the map's traces for ``state``: points, or a density layer above ``threshold``.

    The mode is chosen by the number of filtered events inside the map's
    current view, so zooming or filtering in switches back to points.
    ``with_summary=False`` skips the summary counts (the served layout does
    not show them; the first callback does).

    Examples
    --------
    >>> import pandas as pd
    >>> map_view(EventIndex(pd.DataFrame()), ViewState()).mode
    'points'
    """
    positions = filter_positions(index, state)
    bounds = queries.shown_bounds(state.extra.get("bounds")) or \
        queries.view_bounds(state.lat, state.lon, state.zoom)
    visible = queries.in_view(index, positions, bounds)
    # Control discs go right after the extensions' layers, as map_traces would draw them.
    extra_traces = [*extra_traces,
                    *(_control_traces(index, state.end or index.last_day) if state.control
                      else [])]
    pos = queries.position_of(index, state.event)
    selected = None
    if pos is not None:
        size = float(queries.marker_size(index.magnitude[pos:pos + 1])[0])
        selected = (float(index.lat[pos]), float(index.lon[pos]), size)
    if visible.size > threshold:
        padded = queries.view_bounds(state.lat, state.lon, state.zoom, margin=0.5)
        grid = queries.density_grid(index, positions, zoom=state.zoom, bounds=padded)
        traces = figures.map_traces(grid=grid, extra_traces=extra_traces, selected=selected)
        mode = "density"
    else:
        nearby = queries.in_view(index, positions, queries.view_bounds(
            state.lat, state.lon, state.zoom, margin=0.5))
        if nearby.size > max_points:
            # Keep the drawing bounded: an even sample, never more than max_points.
            nearby = nearby[np.linspace(0, nearby.size - 1, max_points).astype(np.int64)]
        points = queries.map_points(index, nearby, decimals=decimals)
        traces = figures.map_traces(points, extra_traces=extra_traces, selected=selected)
        mode = "points"
    counts = queries.summary(index, positions) if with_summary else {}
    return MapView(traces, mode, int(visible.size), counts,
                   (state.start or index.first_day, state.end or index.last_day))


def timeline_range(index: EventIndex, state: ViewState) -> tuple[date, date] | None:
    """Return the days the timeline's x axis shows: the window with as much again on each side.

    The axis follows the selected window, so that a short window is drawn
    in day bars and can be refined by dragging at day resolution; the
    context on each side (at least two weeks) lets a drag widen it again.

    Examples
    --------
    >>> import pandas as pd
    >>> timeline_range(EventIndex(pd.DataFrame()), ViewState()) is None
    True
    """
    first, last = index.first_day, index.last_day
    if first is None or last is None:
        return None
    start, end = state.start or first, state.end or last
    pad = timedelta(days=max((end - start).days + 1, 14))
    return max(first, start - pad), min(last, end + pad)


def timeline(index: EventIndex, state: ViewState) -> go.Figure:
    """Return the timeline for ``state``: the window and its context (other filters applied).

    The counts do not depend on the date window, so they are cached per
    index, bin and filter combination: moving or playing the window only
    slices and redraws.
    """
    start, end = state.start or index.first_day, state.end or index.last_day
    shown = timeline_range(index, state)
    bin = queries.pick_bin(*(shown or (None, None)), state.bin)
    key = (bin, *(getattr(state, name) for name in LIST_FILTERS), state.text)
    cache = index.cache.setdefault("timeline", {})
    counts = cache.get(key)
    if counts is None:
        positions = filter_positions(index, state, dates=False)
        counts = queries.timeline_counts(index, positions, bin=bin, types=EVENT_TYPES)
        if len(cache) >= _TIMELINE_CACHE:
            cache.pop(next(iter(cache)))
        cache[key] = counts
    if shown is not None and len(counts):
        # Bins that overlap the shown days (a week or month bin may start before them).
        lo = pd.Timestamp(shown[0]) - pd.Timedelta(days=31)
        counts = counts[(counts.index >= lo) & (counts.index <= pd.Timestamp(shown[1]))]
    return figures.timeline_figure(counts, window=(start, end) if start and end else None,
                                   bin=bin, x_range=shown)


def _control_traces(index: EventIndex, as_of: date | None) -> list:
    """Return the town-control discs as of a day, built once per day and index."""
    cache = index.cache.setdefault("control", {})
    traces = cache.get(as_of)
    if traces is None:
        traces = figures.control_traces(towns.controllers_as_of(index.seizures, as_of))
        if len(cache) >= _CONTROL_CACHE:
            cache.pop(next(iter(cache)))
        cache[as_of] = traces
    return traces


def detail(index: EventIndex, state: ViewState) -> dict | None:
    """Return the selected event's record with its incident's other reports, or None."""
    return queries.event_detail(index, state.event)


def town_detail(index: EventIndex, state: ViewState, *, limit: int = 20,
                per_change: int = 3) -> dict | None:
    """Return the clicked town's control history, each change with its evidence, and its events.

    Returns
    -------
    dict or None
        ``place``; ``changes``: one dict per change of hands, the latest
        ``limit`` in date order (``date``, ``from``, ``to``, ``evidence``:
        up to ``per_change`` dicts with ``id``, ``source``, ``link``,
        ``evidence``, and ``more``: how many reports are not shown);
        ``earlier``: how many older changes are not shown; ``events``: the
        events in view drawn at the town (``id``, ``date``, ``event_type``,
        ``evidence``), latest first, at most ``limit``; ``in_view``: how many
        there are. None when no town is selected.
    """
    if not state.town or not index.size:
        return None
    from dashboard.control_layer import changes_for
    from events.control import changed_hands

    changes = changes_for(index)
    table = changed_hands(changes[changes["place"].astype(str) == state.town])
    earlier = max(0, len(table) - limit)
    table = table.iloc[earlier:]
    f = index.frame
    rows = []
    for day, old, new, event_ids in zip(table["date"], table["from"], table["to"],
                                        table["event_ids"], strict=True):
        ids = [str(i) for i in event_ids]
        positions = queries.positions_of(index, ids[:per_change])
        evidence = [{"id": ids[n], "source": queries.plain(f["source"].iat[int(pos)]),
                     "link": queries.safe_link(f["url"].iat[int(pos)]),
                     "evidence": queries.plain(f["evidence"].iat[int(pos)])}
                    for n, pos in enumerate(positions) if pos >= 0]
        rows.append({"date": f"{pd.Timestamp(day):%Y-%m-%d}", "from": str(old), "to": str(new),
                     "evidence": evidence, "more": max(0, len(ids) - per_change)})
    here = town_positions(index, state)
    events = [{"id": str(f["id"].iat[p]), "date": str(index.day_labels(np.array([p]))[0]),
               "event_type": str(f["event_type"].iat[p]),
               "evidence": queries.plain(f["evidence"].iat[p])}
              for p in here[::-1][:limit]]
    return {"place": state.town, "changes": rows, "earlier": earlier, "events": events,
            "in_view": int(here.size)}


def town_positions(index: EventIndex, state: ViewState) -> np.ndarray:
    """Return the positions of the events in view drawn inside the selected town's disc."""
    if not state.town:
        return np.zeros(0, np.int64)
    seized = index.seizures[index.seizures["place"].astype(str) == state.town]
    if seized.empty:
        return np.zeros(0, np.int64)
    last = seized.iloc[-1]
    found = queries.near(index, filter_positions(index, state), float(last["lat"]),
                         float(last["lon"]), radius_px=figures.CONTROL_DISC_PX / 2,
                         zoom=state.zoom)
    return np.sort(found)


_TABLE_CACHE = 16


def warm_up(index: EventIndex) -> None:
    """Build, beside the first page load, the tables a first click needs (once per index).

    The id lookup of :func:`dashboard.queries.positions_of` and the control
    changes of every town take about a second at a million events: built in
    a background thread, the first click on an event or a town does not wait
    for them.
    """
    if index.cache.setdefault("warm", {}).get("started"):
        return
    index.cache["warm"]["started"] = True

    def build() -> None:
        from dashboard.control_layer import changes_for

        queries.positions_of(index, [])
        changes_for(index)

    # A short delay: the first page's own callbacks come first, the tables right after.
    timer = threading.Timer(1.5, build)
    timer.daemon = True
    timer.name = "click-tables"
    timer.start()


def table_page(index: EventIndex, state: ViewState, request: dict) -> tuple[list[dict], int]:
    """Return one page of the event table for an AG Grid ``getRowsRequest``, and the total.

    The table holds the same events as the map (the one filter); its sort
    order is computed once per view and sort and then sliced per page.
    """
    start = max(0, int(request.get("startRow") or 0))
    end = max(start, min(int(request.get("endRow") or start + 100), start + 500))
    sort = (request.get("sortModel") or [{}])[0] if request.get("sortModel") else {}
    column, descending = sort.get("colId"), sort.get("sort") == "desc"
    key = (to_key(state), column, descending)
    cache = index.cache.setdefault("table", {})
    order = cache.get(key)
    if order is None:
        try:
            order = queries.sort_positions(index, filter_positions(index, state), column,
                                           descending=descending)
        except ValueError:
            order = filter_positions(index, state)
        if len(cache) >= _TABLE_CACHE:
            cache.pop(next(iter(cache)))
        cache[key] = order
    return queries.table_rows(index, order[start:end]), int(order.size)


def to_key(state: ViewState) -> tuple:
    """Return what the filtered events depend on (dates, list filters, text)."""
    return (state.start, state.end, *(getattr(state, name) for name in LIST_FILTERS), state.text)


def mode_label(view: MapView, threshold: int) -> str:
    """Return the badge text saying whether points or the density layer are shown."""
    if view.mode == "density":
        return f"density: {view.in_view:,} events in view (> {threshold:,}); zoom or filter in"
    return f"points: {view.in_view:,} events in view"
