"""Gzip for responses, so that figures and scripts cross the network small.

Dash's own ``compress=True`` needs Flask-Compress (and brotli, zstandard);
this is the few lines we need with the standard library. Static scripts are
compressed once and kept; callback responses use the fastest level, since
their bytes are mostly coordinates that compress well at any level.
"""

from __future__ import annotations

import gzip
import threading

from flask import Flask, Response, request

COMPRESSIBLE = frozenset({"application/json", "application/javascript", "text/javascript",
                          "text/css", "text/html", "image/svg+xml", "text/plain"})
_STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")


def enable_gzip(server: Flask, *, min_size: int = 1024, dynamic_level: int = 1,
                static_level: int = 6) -> None:
    """Gzip every compressible response of ``server`` for clients that accept it.

    Parameters
    ----------
    server : flask.Flask
        The app's server (``app.server``).
    min_size : int, default 1024
        Smaller bodies are sent as they are.
    dynamic_level, static_level : int
        Gzip levels for callback responses and for cached static files.

    Examples
    --------
    >>> app = Flask("demo")
    >>> enable_gzip(app)
    """
    for name, level in (("dynamic_level", dynamic_level), ("static_level", static_level)):
        if not 1 <= level <= 9:
            raise ValueError(f"invalid {name}={level!r}: expected 1 to 9")
    cache: dict[tuple[str, int], bytes] = {}
    lock = threading.Lock()

    @server.after_request
    def _gzip(response: Response) -> Response:
        if (response.status_code != 200 or response.mimetype not in COMPRESSIBLE
                or "gzip" not in request.headers.get("Accept-Encoding", "").lower()
                or "Content-Encoding" in response.headers):
            return response
        response.direct_passthrough = False
        data = response.get_data()
        if len(data) < min_size:
            return response
        if request.path.startswith(_STATIC_PREFIXES):
            key = (request.full_path, len(data))
            with lock:
                body = cache.get(key)
                if body is None:
                    body = cache[key] = gzip.compress(data, static_level)
        else:
            body = gzip.compress(data, dynamic_level)
        response.set_data(body)
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = str(len(body))
        response.vary.add("Accept-Encoding")
        return response
