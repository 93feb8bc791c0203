"""New events while the page is open: a button appears, one click redraws with them.

The server notices new events by itself (``EventSource`` asks the store for
its data version at most every ``reload_seconds``). The page asks the server
on the same rhythm; when the events changed since the page was drawn, the
toolbar shows "↻ N new events", and a click redraws every view with them.
Nothing is redrawn under an analyst without that click.

This module is a :mod:`dashboard.extensions` module: :func:`layout_items`
and :func:`register_callbacks` are its hooks.
"""

from __future__ import annotations

from typing import Any

from dashboard import ids
from dashboard.config import get_setting

INTERVAL = "freshness-interval"
SHOWN = "freshness-shown"
BUTTON = "freshness-button"


def news_label(shown: dict[str, Any] | None, version: str, size: int) -> str | None:
    """Return the button text when the events changed since ``shown``, else None.

    Examples
    --------
    >>> news_label({"version": "3", "size": 10}, "5", 14)
    '↻ 4 new events'
    >>> news_label({"version": "5", "size": 14}, "5", 14) is None
    True
    >>> news_label({"version": "5", "size": 14}, "6", 14)
    '↻ events updated'
    """
    if not isinstance(shown, dict) or shown.get("version") == version:
        return None
    added = size - int(shown.get("size") or 0)
    if added > 0:
        return f"↻ {added:,} new event{'s' if added != 1 else ''}"
    return "↻ events updated"


def layout_items(slot: str, source: Any) -> list:
    """Return the (hidden) toolbar button, the poll clock and what the page shows."""
    if slot != "toolbar" or getattr(source, "store", None) is None:
        return []  # a fixed frame never changes
    import dash_bootstrap_components as dbc
    from dash import dcc

    every = float(get_setting("reload_seconds"))
    return [
        dbc.Button("", id=BUTTON, size="sm", color="warning", className="text-nowrap d-none",
                   title="Events were added or corrected since this page was drawn"),
        dcc.Interval(id=INTERVAL, interval=max(1.0, every) * 1000),
        dcc.Store(id=SHOWN, data={"version": source.version, "size": source.index().size}),
    ]


def register_callbacks(app: Any, source: Any) -> None:
    """Poll the data version; on a click, redraw the views and remember what is shown."""
    if getattr(source, "store", None) is None:
        return
    from dash import Input, Output, State

    @app.callback(Output(BUTTON, "children"), Output(BUTTON, "className"),
                  Input(INTERVAL, "n_intervals"), State(SHOWN, "data"),
                  prevent_initial_call=True)
    def _poll(_n, shown):
        version = source.current_version()
        label = news_label(shown, version, source.index().size)
        return label or "", "text-nowrap" + ("" if label else " d-none")

    @app.callback(Output(ids.VIEW_STATE, "data", allow_duplicate=True),
                  Output(SHOWN, "data"), Output(BUTTON, "className", allow_duplicate=True),
                  Input(BUTTON, "n_clicks"), State(ids.VIEW_STATE, "data"),
                  prevent_initial_call=True)
    def _show(_clicks, state_data):
        version = source.current_version()
        # A new value of the view state redraws map, timeline and detail with the new data.
        data = {**(state_data or {}), "data_version": version, "nav": False}
        return data, {"version": version, "size": source.index().size}, "text-nowrap d-none"
