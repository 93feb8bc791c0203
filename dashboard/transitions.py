"""How the view state moves: one pure function per kind of user action.

The sync callback finds which control fired and calls :func:`transition`;
everything here is plain Python over :class:`~dashboard.state.ViewState`, so
the tests drive it without a browser.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dashboard import ids
from dashboard.state import LIST_FILTERS, WINDOWS, ViewState
from dashboard.urlstate import coerce, parse_query


@dataclass(frozen=True, slots=True)
class Bounds:
    """First and last day of the data (None when there are no events)."""

    first: date | None
    last: date | None


@dataclass(slots=True)
class Transition:
    """The outcome of one action: the new state, the play state, and what to tell the browser."""

    state: ViewState
    play: dict[str, Any] = field(default_factory=dict)
    push_url: bool = True
    navigated: bool = False
    frame: dict[str, int] | None = None
    #: Nothing to do yet (the date picker has a start and waits for its end).
    hold: bool = False


def window_bounds(state: ViewState, bounds: Bounds) -> tuple[date | None, date | None]:
    """Return the window actually shown: the state's dates or the data's."""
    return state.start or bounds.first, state.end or bounds.last


def _parse_axis_date(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _clamp(day: date | None, bounds: Bounds) -> date | None:
    if day is None or bounds.first is None or bounds.last is None:
        return day
    return min(max(day, bounds.first), bounds.last)


def _normalise(state: ViewState, bounds: Bounds) -> ViewState:
    """Store dates equal to the data's bounds as None, so links follow new data."""
    start = None if state.start == bounds.first else state.start
    end = None if state.end == bounds.last else state.end
    return state.replace(start=start, end=end)


def from_controls(values: dict[str, Any], base: ViewState) -> ViewState:
    """Merge the filter controls' values over ``base`` (map view and selection are kept)."""
    merged = base.to_dict()
    merged.update({k: v for k, v in values.items() if k in merged})
    return coerce(merged)


def calendar_window(day: date, window: str) -> tuple[date, date]:
    """Return the calendar window of kind ``window`` that holds ``day``.

    Days are days, weeks run Monday to Sunday and months from the first to
    the last of the month, so that play frames match how people count time.

    Examples
    --------
    >>> calendar_window(date(2014, 6, 18), "month")
    (datetime.date(2014, 6, 1), datetime.date(2014, 6, 30))
    >>> calendar_window(date(2014, 6, 18), "week")
    (datetime.date(2014, 6, 16), datetime.date(2014, 6, 22))
    """
    if window == "day":
        return day, day
    if window == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if window in ("month", "grow"):
        first = day.replace(day=1)
        return first, _add_months(first, 1) - timedelta(days=1)
    raise ValueError(f"invalid window={window!r}: expected one of {', '.join(WINDOWS)}")


def _add_months(day: date, months: int) -> date:
    """Return the first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def nth_window(anchor: date, window: str, n: int) -> tuple[date, date]:
    """Return the ``n``-th calendar window after the one that starts at ``anchor``.

    Examples
    --------
    >>> nth_window(date(2014, 1, 1), "month", 1)
    (datetime.date(2014, 2, 1), datetime.date(2014, 2, 28))
    """
    if window == "day":
        day = anchor + timedelta(days=n)
    elif window == "week":
        day = anchor + timedelta(days=7 * n)
    else:
        day = _add_months(anchor, n)
    return calendar_window(day, window)


def frame_count(state: ViewState, play: dict[str, Any], bounds: Bounds) -> int:
    """Return how many frames follow the first one, up to the window that holds the data's end."""
    anchor = _parse_axis_date(play.get("anchor_start"))
    if anchor is None or bounds.last is None:
        return 0
    window = state.window
    if window == "day":
        return max(0, (bounds.last - anchor).days)
    if window == "week":
        return max(0, (bounds.last - anchor).days // 7)
    return max(0, (bounds.last.year - anchor.year) * 12 + bounds.last.month - anchor.month)


def start_play(state: ViewState, bounds: Bounds, run: int,
               first_event: Callable[[date], date | None] | None = None) -> Transition:
    """Start playing at the first calendar window with events, from the window's start on.

    Parameters
    ----------
    state : ViewState
        The view when Play is pressed.
    bounds : Bounds
        The data's first and last day.
    run : int
        The new play run's number (frames of older runs are ignored).
    first_event : callable, optional
        ``first_event(day)`` gives the first day on or after ``day`` with an
        event under the view's filters (None when there is none); without it
        every day counts as having events.
    """
    start, end = window_bounds(state, bounds)
    if start is None or bounds.last is None:
        return Transition(state, {"playing": False, "run": run}, push_url=False)
    find = first_event or (lambda day: day if day <= bounds.last else None)
    if state.window == "grow" and end is not None and end >= bounds.last:
        start = bounds.first  # a grown window at the end starts over
    elif state.window != "grow" and calendar_window(start, state.window)[1] >= bounds.last:
        start = bounds.first  # nothing left to play from here: start over
    day = find(start) or find(bounds.first) or start
    anchor, first_end = calendar_window(day, state.window)
    if state.window == "grow":
        anchor = min(start, day)
    new = _normalise(state.replace(start=max(anchor, bounds.first),
                                   end=min(first_end, bounds.last)), bounds)
    play = {"playing": first_end < bounds.last, "run": run,
            "anchor_start": calendar_window(day, state.window)[0].isoformat(),
            "grow_start": anchor.isoformat()}
    return Transition(new, play, push_url=False, frame={"run": run, "n": 0})


def play_frame(state: ViewState, play: dict[str, Any], n: int, bounds: Bounds) -> Transition:
    """Return frame ``n``: the ``n``-th calendar window after the first one played.

    The browser asks for frame ``n`` only once frame ``n - 1`` is on the map
    (see ``_FRAME_GUARD`` in :mod:`dashboard.callbacks`), so frames come in
    order and none is skipped however slow the drawing is.
    """
    anchor = _parse_axis_date(play.get("anchor_start"))
    if not play.get("playing") or anchor is None or bounds.last is None:
        return Transition(state, play, push_url=False)
    start, end = nth_window(anchor, state.window, n)
    playing = end < bounds.last
    if state.window == "grow":
        start = _parse_axis_date(play.get("grow_start")) or anchor
    new = _normalise(state.replace(start=max(start, bounds.first), end=min(end, bounds.last)),
                     bounds)
    return Transition(new, {**play, "playing": playing}, push_url=not playing,
                      frame={"run": int(play.get("run", 0)), "n": n})


def transition(state: ViewState, trigger: str | None, value: Any, controls: dict[str, Any], *,
               bounds: Bounds, play: dict[str, Any] | None = None,
               event_at: Callable[[Any], Any] | None = None,
               first_event: Callable[[date], date | None] | None = None) -> Transition:
    """Return the state after the action ``trigger`` (a component id) with its ``value``.

    Parameters
    ----------
    state : ViewState
        The state before the action.
    trigger : str or None
        Id of the component that fired; None on the first call of a page.
    value : Any
        The fired property's new value.
    controls : dict
        Current values of the filter controls (state field names).
    bounds : Bounds
        The data's first and last day.
    play : dict, optional
        The play state (``playing``, ``run``, ``anchor_start``, ``anchor_end``).
    event_at : callable, optional
        Maps a click to what it selects: an event id, or a dict with
        ``event`` (the event under the pointer, or None) and ``town`` (the
        town whose control disc was clicked).
    first_event : callable, optional
        ``first_event(day)``: the first day on or after ``day`` with an event
        under the current filters (where play starts).

    Returns
    -------
    Transition
    """
    play = dict(play or {})
    run = int(play.get("run", 0))
    stopped = {**play, "playing": False}
    if trigger in (None, ids.LOCATION):
        return Transition(parse_query(value), stopped, push_url=False, navigated=True)
    if trigger == ids.RESET:
        return Transition(ViewState(), stopped)
    if trigger == ids.PLAY:
        if play.get("playing"):
            return Transition(state, stopped)
        return start_play(state, bounds, run + 1, first_event)
    if trigger == ids.FRAME_REQUEST:
        if not isinstance(value, dict) or value.get("run") != run:
            return Transition(state, play, push_url=False)
        return play_frame(state, play, int(value.get("n", 0)), bounds)
    if trigger == ids.MAP and isinstance(value, dict) and "relayout" in value:
        return Transition(_relayout(state, value["relayout"]), play,
                          push_url=not play.get("playing"))
    if trigger == ids.MAP and isinstance(value, dict) and "click" in value:
        picked = event_at(value["click"]) if event_at is not None else None
        if isinstance(picked, dict):
            return Transition(state.replace(event=picked.get("event"), town=picked.get("town")),
                              play)
        return Transition(state.replace(event=picked, town=None) if picked else state, play)
    if trigger == ids.DATE_PRESET:
        window = preset_range(value, bounds)
        if window is None:
            return Transition(state, play, push_url=False, hold=True)
        return Transition(_normalise(state.replace(start=window[0], end=window[1]), bounds),
                          stopped)
    if trigger == ids.TIMELINE:
        return Transition(_selected_range(state, value, bounds), stopped)
    if trigger == ids.SCRUB:
        return Transition(_scrub(state, value, bounds), stopped)
    if trigger == ids.DATE_RANGE and (controls.get("start") is None) != (
            controls.get("end") is None):
        # The picker sends its start alone after the first click: wait for the end.
        return Transition(state, play, push_url=False, hold=True)
    new = from_controls(controls, state)
    if trigger == ids.DATE_RANGE:
        new = new.replace(start=_clamp(new.start, bounds), end=_clamp(new.end, bounds)) \
            if new.start is None or new.end is None or new.start <= new.end else new
    return Transition(_normalise(new, bounds), stopped)


def preset_range(preset: Any, bounds: Bounds) -> tuple[date, date] | None:
    """Return the dates of a quick-range choice: last 7/30 days of the data, a year, a month.

    Examples
    --------
    >>> b = Bounds(date(2014, 1, 3), date(2017, 12, 16))
    >>> preset_range("last30", b)
    (datetime.date(2017, 11, 17), datetime.date(2017, 12, 16))
    >>> preset_range("month:2014-06", b)
    (datetime.date(2014, 6, 1), datetime.date(2014, 6, 30))
    >>> preset_range("year:2014", b)
    (datetime.date(2014, 1, 3), datetime.date(2014, 12, 31))
    >>> preset_range("fortnight", b) is None
    True
    """
    if not isinstance(preset, str) or bounds.first is None or bounds.last is None:
        return None
    kind, _, arg = preset.partition(":")
    try:
        if kind in ("last7", "last30"):
            days = 7 if kind == "last7" else 30
            start, end = bounds.last - timedelta(days=days - 1), bounds.last
        elif kind == "year":
            start, end = date(int(arg), 1, 1), date(int(arg), 12, 31)
        elif kind == "month":
            start, end = calendar_window(date.fromisoformat(f"{arg}-01"), "month")
        else:
            return None
    except ValueError:
        return None
    start, end = max(start, bounds.first), min(end, bounds.last)
    return (start, end) if start <= end else None


def preset_options(bounds: Bounds) -> list[dict[str, str]]:
    """Return the quick-range choices for the data's span: last 7/30 days, years, months."""
    if bounds.first is None or bounds.last is None:
        return []
    options = [{"label": "Last 7 days of the data", "value": "last7"},
               {"label": "Last 30 days of the data", "value": "last30"}]
    options += [{"label": f"Year {y}", "value": f"year:{y}"}
                for y in range(bounds.first.year, bounds.last.year + 1)]
    month = bounds.first.replace(day=1)
    while month <= bounds.last:
        options.append({"label": f"{month:%B %Y}", "value": f"month:{month:%Y-%m}"})
        month = _add_months(month, 1)
    return options


def _relayout(state: ViewState, relayout: Any) -> ViewState:
    if not isinstance(relayout, dict):
        return state
    center = relayout.get("map.center")
    zoom = relayout.get("map.zoom")
    changes: dict[str, Any] = {}
    if isinstance(center, dict):
        changes.update(lat=center.get("lat"), lon=center.get("lon"))
    if zoom is not None:
        changes["zoom"] = zoom
    if not changes:
        return state
    merged = {**state.to_dict(), **changes}
    corners = (relayout.get("map._derived") or {}).get("coordinates")
    if isinstance(corners, list) and len(corners) == 4:
        # The exact box the browser shows (w, s, e, n): kept in the state, not in the URL.
        try:
            lons = [float(c[0]) for c in corners]
            lats = [float(c[1]) for c in corners]
        except (TypeError, ValueError, IndexError):
            lons = lats = []
        if lons:
            merged["extra"] = {**merged.get("extra", {}), "bounds": [
                round(min(lons), 4), round(min(lats), 4), round(max(lons), 4), round(max(lats), 4)]}
    for key in ("lat", "lon", "zoom"):
        if isinstance(merged[key], float):
            merged[key] = round(merged[key], 4 if key != "zoom" else 2)
    return coerce(merged)


def _selected_range(state: ViewState, selected: Any, bounds: Bounds) -> ViewState:
    if not isinstance(selected, dict):
        return state
    x = (selected.get("range") or {}).get("x")
    if not isinstance(x, list) or len(x) != 2:
        return state
    days = [_parse_axis_date(v) for v in x]
    if None in days:
        return state
    start, end = sorted(days)
    return _normalise(state.replace(start=_clamp(start, bounds), end=_clamp(end, bounds)), bounds)


def _scrub(state: ViewState, offset: Any, bounds: Bounds) -> ViewState:
    if not isinstance(offset, (int, float)) or bounds.first is None or bounds.last is None:
        return state
    start, end = window_bounds(state, bounds)
    length = (end - start).days if start and end else 0
    new_end = _clamp(bounds.first + timedelta(days=int(offset)), bounds)
    new_start = max(new_end - timedelta(days=length), bounds.first)
    return _normalise(state.replace(start=new_start, end=new_end), bounds)


def control_values(state: ViewState, bounds: Bounds) -> dict[str, Any]:
    """Return the value every filter control should show for ``state``."""
    start, end = window_bounds(state, bounds)
    values = {name: list(getattr(state, name)) for name in LIST_FILTERS}
    values.update(
        start=start.isoformat() if start else None, end=end.isoformat() if end else None,
        text=state.text, window=state.window, speed=state.speed, bin=state.bin,
        tiles=state.tiles, control=state.control, areas=state.areas,
        scrub=(end - bounds.first).days if end and bounds.first else 0,
    )
    return values
