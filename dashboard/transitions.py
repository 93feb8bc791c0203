"""How the view state moves: one pure function per kind of user action.

The sync callback finds which control fired and calls :func:`transition`;
everything here is plain Python over :class:`~dashboard.state.ViewState`, so
the tests drive it without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dashboard import ids
from dashboard.state import LIST_FILTERS, WINDOWS, ViewState
from dashboard.urlstate import coerce, parse_query

#: Frames a growing window takes to cover the whole span.
GROW_FRAMES = 60


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


def play_step(window: str, bounds: Bounds) -> int:
    """Return the days one play frame advances."""
    if window == "grow":
        if bounds.first is None or bounds.last is None:
            return 1
        return max(1, (bounds.last - bounds.first).days // GROW_FRAMES)
    return WINDOWS[window]


def frame_count(state: ViewState, play: dict[str, Any], bounds: Bounds) -> int:
    """Return how many frames are left from the play anchor to the data's end."""
    anchor = _parse_axis_date(play.get("anchor_end"))
    if anchor is None or bounds.last is None:
        return 0
    return max(0, -(-(bounds.last - anchor).days // play_step(state.window, bounds)))


def start_play(state: ViewState, bounds: Bounds, run: int) -> Transition:
    """Start playing from the window's start (from the data's first day when at the end)."""
    start, end = window_bounds(state, bounds)
    if start is None or bounds.last is None:
        return Transition(state, {"playing": False, "run": run}, push_url=False)
    length = WINDOWS[state.window]
    if state.window == "grow" and end is not None and end >= bounds.last:
        start = bounds.first  # a grown window at the end starts over
    elif start + timedelta(days=max(length - 1, 0)) >= bounds.last:
        start = bounds.first  # nothing left to play from here: start over
    if state.window == "grow":
        first_end = min(start + timedelta(days=play_step("grow", bounds) - 1), bounds.last)
    else:
        first_end = min(start + timedelta(days=length - 1), bounds.last)
    new = _normalise(state.replace(start=start, end=first_end), bounds)
    play = {"playing": True, "run": run, "anchor_start": start.isoformat(),
            "anchor_end": first_end.isoformat()}
    return Transition(new, play, push_url=False, frame={"run": run, "n": 0})


def play_frame(state: ViewState, play: dict[str, Any], n: int, bounds: Bounds) -> Transition:
    """Return the window of frame ``n``; frames are computed from the anchor, not stacked.

    Because frame ``n`` is derived from the anchor and ``n`` alone, a frame
    dropped by the browser's guard is simply skipped: the next one lands
    where wall-clock time says it should.
    """
    anchor_end = _parse_axis_date(play.get("anchor_end"))
    anchor_start = _parse_axis_date(play.get("anchor_start"))
    if not play.get("playing") or anchor_end is None or bounds.last is None:
        return Transition(state, play, push_url=False)
    end = anchor_end + timedelta(days=n * play_step(state.window, bounds))
    playing = end < bounds.last
    end = min(end, bounds.last)
    if state.window == "grow":
        start = anchor_start
    else:
        start = max(end - timedelta(days=WINDOWS[state.window] - 1), bounds.first)
    new = _normalise(state.replace(start=start, end=end), bounds)
    return Transition(new, {**play, "playing": playing}, push_url=not playing,
                      frame={"run": int(play.get("run", 0)), "n": n})


def transition(state: ViewState, trigger: str | None, value: Any, controls: dict[str, Any], *,
               bounds: Bounds, play: dict[str, Any] | None = None,
               event_at: Any = None) -> Transition:
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
        Maps a clicked point's ``customdata`` to an event id.

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
        return start_play(state, bounds, run + 1)
    if trigger == ids.FRAME_REQUEST:
        if not isinstance(value, dict) or value.get("run") != run:
            return Transition(state, play, push_url=False)
        return play_frame(state, play, int(value.get("n", 0)), bounds)
    if trigger == ids.MAP and isinstance(value, dict) and "relayout" in value:
        return Transition(_relayout(state, value["relayout"]), play,
                          push_url=not play.get("playing"))
    if trigger == ids.MAP and isinstance(value, dict) and "click" in value:
        event = event_at(value["click"]) if event_at is not None else None
        return Transition(state.replace(event=event) if event else state, play)
    if trigger == ids.TIMELINE:
        return Transition(_selected_range(state, value, bounds), stopped)
    if trigger == ids.SCRUB:
        return Transition(_scrub(state, value, bounds), stopped)
    new = from_controls(controls, state)
    if trigger == ids.DATE_RANGE:
        new = new.replace(start=_clamp(new.start, bounds), end=_clamp(new.end, bounds)) \
            if new.start is None or new.end is None or new.start <= new.end else new
    return Transition(_normalise(new, bounds), stopped)


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
