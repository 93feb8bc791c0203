"""The Dash app: :func:`create_app` builds it; ``server`` is its Flask server for WSGI hosts.

Everything is served from this process: Bootstrap's CSS from ``assets/``,
plotly.js and Dash's scripts locally (``serve_locally=True``), base layers as
GeoJSON inside the figure. The page makes no request to another host.
"""

from __future__ import annotations

import base64
import hmac
import logging
import os
from typing import Any

import pandas as pd
from dash import Dash
from flask import Response, request

from dashboard import callbacks, components, figures, labels, views
from dashboard.caching import cacheable_callbacks, enable_response_cache
from dashboard.compression import enable_gzip
from dashboard.config import get_setting
from dashboard.data import EventSource, load_base_layers, open_store
from dashboard.extensions import layout_items, load_extensions, register_extensions
from dashboard.glyphs import register_glyph_route
from dashboard.state import ViewState
from dashboard.uploads import bound_requests, max_body_bytes, max_files

#: The page's HTML: Dash's own, in English (screen readers pick the language from it).
INDEX_STRING = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <footer>
            {%config%}
            {%scripts%}
            {%renderer%}
        </footer>
    </body>
</html>"""

log = logging.getLogger(__name__)


def create_app(data: Any = None, *, base_layers: dict | None | bool = True,
               reload_seconds: float | None = None, aggregate_threshold: int | None = None,
               title: str | None = None, auth: tuple[str, str] | None = None,
               extensions: bool = True, cache_mb: float | None = None) -> Dash:
    """Build the dashboard app.

    Parameters
    ----------
    data : pandas.DataFrame, Store, EventSource, str or None
        The events: a frame, an ``events.store.Store``, a ready source, or a
        database URL (None: the store's default database).
    base_layers : dict, None or True
        GeoJSON base layers; True loads ``geodata.base_layers()`` (falls back
        to no base layer when geodata cannot give them), None draws none.
    reload_seconds : float, optional
        How often at most to ask the store whether the data changed.
    aggregate_threshold : int, optional
        Events in view above which the map draws a density layer.
    title : str, optional
        Page title.
    auth : (user, password), optional
        Require HTTP basic authentication; by default taken from
        ``DASHBOARD_USER`` / ``DASHBOARD_PASSWORD`` when both are set.
    extensions : bool, default True
        Load the optional modules of :mod:`dashboard.extensions`.
    cache_mb : float, optional
        Size of the response cache (setting ``cache_mb``); 0 turns it off.

    Returns
    -------
    dash.Dash

    Examples
    --------
    >>> app = create_app(pd.DataFrame(), base_layers=None)
    >>> app.title
    'Conflict events: Iraq and Syria'
    """
    if isinstance(data, EventSource):
        source = data
    elif isinstance(data, pd.DataFrame) or hasattr(data, "load_frame"):
        source = EventSource(data, reload_seconds=reload_seconds)
    elif data is None or isinstance(data, str):
        source = EventSource(open_store(data), reload_seconds=reload_seconds)
    else:
        raise ValueError(f"invalid data={type(data).__name__}: expected a DataFrame, a Store, "
                         "an EventSource, a database URL or None")
    layers = load_base_layers() if base_layers is True else (base_layers or None)
    threshold = int(get_setting("aggregate_threshold", aggregate_threshold))
    title = get_setting("title", title)
    modules = load_extensions() if extensions else []

    app = Dash(__name__, title=title, serve_locally=True, update_title=None,
               suppress_callback_exceptions=True, external_stylesheets=[],
               assets_ignore=r".*\.txt$", index_string=INDEX_STRING)
    # Extensions and tests reach the events through the Flask config.
    app.server.config["DASHBOARD_SOURCE"] = source
    register_glyph_route(app.server)
    glyphs = app.config.requests_pathname_prefix + "glyphs/{fontstack}/{range}.pbf"
    style = labels.offline_style(labels.label_table(labels.event_places(source.index().frame)),
                                 glyphs=glyphs)

    # The base map (600 KB of GeoJSON layers) is validated once, not on every page load.
    base_layout = figures.event_map(base_layers=layers, style=style).to_plotly_json()["layout"]
    radius = float(get_setting("control_radius_km"))

    def layout():
        index = source.index()
        views.warm_up(index)
        state = ViewState()
        first = views.map_view(index, state, threshold=threshold,
                               max_points=int(get_setting("max_points")),
                               decimals=int(get_setting("coordinate_decimals")),
                               with_summary=False)
        map_fig = {"data": first.traces, "layout": base_layout}
        slots = {slot: layout_items(modules, slot, source)
                 for slot in ("toolbar", "map-options", "panel", "modals")}
        return components.page(index, title=title, map_figure=map_fig,
                               timeline_figure=views.timeline(index, state), slots=slots,
                               threshold=threshold, radius_km=radius)

    app.layout = layout
    land = bool(base_layout["map"].get("layers")) and base_layout["map"]["layers"][0].get(
        "type") == "fill"
    callbacks.register_callbacks(app, source, modules=modules, threshold=threshold,
                                 max_points=int(get_setting("max_points")),
                                 decimals=int(get_setting("coordinate_decimals")),
                                 land_layer=land, style=style)
    register_extensions(app, source, modules)
    # First of the request hooks: a body over the limit is refused before anything reads it.
    bound_requests(app.server, max_bytes=max_body_bytes(), max_files=max_files())
    if get_setting("compress"):
        enable_gzip(app.server)
    credentials = auth or _env_credentials()
    if credentials:
        _require_basic_auth(app, *credentials)
    # After the auth check: only a request that passed it gets a cached answer.
    app.server.config["DASHBOARD_CACHE"] = enable_response_cache(
        app.server, source.current_version, cacheable_callbacks(app.callback_map),
        max_bytes=int(float(get_setting("cache_mb", cache_mb)) * 1_000_000))
    return app


def _env_credentials() -> tuple[str, str] | None:
    user, password = get_setting("user"), get_setting("password")
    return (user, password) if user and password else None


def _require_basic_auth(app: Dash, user: str, password: str) -> None:
    """Refuse every request without the configured HTTP basic credentials."""
    expected = base64.b64encode(f"{user}:{password}".encode()).decode()

    @app.server.before_request
    def _check() -> Response | None:
        header = request.headers.get("Authorization", "")
        if header.startswith("Basic ") and hmac.compare_digest(header[6:].strip(), expected):
            return None
        return Response("Authentication required.", 401,
                        {"WWW-Authenticate": 'Basic realm="dashboard", charset="UTF-8"'})


def _wsgi_app() -> Any:
    """Build the app from ``EVENTS_DB`` for WSGI servers (``dashboard.app:server``)."""
    server = create_app(os.environ.get("EVENTS_DB")).server
    # With gunicorn --preload the workers fork from here: they must open their own connections.
    server.config["DASHBOARD_SOURCE"].store.engine.dispose()
    return server


def __getattr__(name: str) -> Any:
    # ``server`` is built on first access, so importing this module stays light.
    if name == "server":
        return _wsgi_app()
    raise AttributeError(name)
