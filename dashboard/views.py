"""What each callback shows, composed from the one filter, the queries and the figures.

These functions know nothing of Dash: the callbacks call them with the
current index and state, and the tests and the benchmark call them directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

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


def timeline(index: EventIndex, state: ViewState) -> dict:
    """Return the timeline for ``state``: all dates (other filters applied), window shaded.

    The bars do not depend on the date window, so the figure is built once per
    index and filter combination (as the plain dict the browser receives:
    building and serialising plotly objects costs more than counting);
    moving or playing the window only swaps the shaded band.
    """
    start, end = state.start or index.first_day, state.end or index.last_day
    bin = queries.pick_bin(index.first_day, index.last_day, state.bin)
    key = (bin, *(getattr(state, name) for name in LIST_FILTERS), state.text)
    cache = index.cache.setdefault("timeline", {})
    bars = cache.get(key)
    if bars is None:
        positions = filter_positions(index, state, dates=False)
        counts = queries.timeline_counts(index, positions, bin=bin, types=EVENT_TYPES)
        bars = figures.timeline_figure(counts, bin=bin).to_plotly_json()
        if len(cache) >= _TIMELINE_CACHE:
            cache.pop(next(iter(cache)))
        cache[key] = bars
    shapes = [figures.window_shape(start, end)] if start and end else []
    return {"data": bars["data"], "layout": {**bars["layout"], "shapes": shapes}}


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


def mode_label(view: MapView, threshold: int) -> str:
    """Return the badge text saying whether points or the density layer are shown."""
    if view.mode == "density":
        return f"density: {view.in_view:,} events in view (> {threshold:,}); zoom or filter in"
    return f"points: {view.in_view:,} events in view"
