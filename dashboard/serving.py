"""The production server: gunicorn, with the app built once before the workers start.

``python -m dashboard serve`` builds the app (the events loaded into one
frame, the figures' base layout) in gunicorn's master process, then forks
the workers. They share the loaded frame's memory copy-on-write, so N
workers cost far less than N times one; they share their response cache
(:mod:`dashboard.caching`) through a temporary folder, and each asks the
store for new events on its own (setting ``reload_seconds``). gunicorn runs
on Unix only; on other systems use ``python -m dashboard`` (the development
server).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def gunicorn_options(*, host: str, port: int, workers: int, threads: int,
                     timeout: int) -> dict[str, Any]:
    """Return gunicorn's settings for the dashboard.

    Parameters
    ----------
    host, port : str, int
        Where to listen.
    workers, threads : int
        Processes, and threads in each (the ``gthread`` worker: a cached
        answer is sent while another thread computes).
    timeout : int
        Seconds before a silent worker is restarted.

    Returns
    -------
    dict
        Settings for :class:`DashboardServer`.

    Examples
    --------
    >>> gunicorn_options(host="127.0.0.1", port=8050, workers=2, threads=4, timeout=60)["bind"]
    ['127.0.0.1:8050']
    """
    for name, value, least in (("workers", workers, 1), ("threads", threads, 1),
                               ("timeout", timeout, 1), ("port", port, 0)):
        if not isinstance(value, int) or value < least:
            raise ValueError(f"invalid {name}={value!r}: expected an integer >= {least}")
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return {
        "bind": [bind],
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "timeout": timeout,
        # Build the app once in the master: the workers share its memory.
        "preload_app": True,
        # No socket in $HOME: two dashboards on one machine must not meet there.
        "control_socket_disable": True,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
    }


class DashboardServer:
    """gunicorn serving the WSGI app that ``build()`` returns, built once in the master.

    Parameters
    ----------
    build : callable
        Returns the WSGI application (the Dash app's Flask server).
    options : dict
        gunicorn settings (:func:`gunicorn_options`).
    after_fork : callable, optional
        Called in each worker after the fork (to drop database connections
        inherited from the master: a connection must not be shared by processes).
    on_exit : callable, optional
        Called in the master when the server stops (to remove what it made).
    """

    def __init__(self, build: Callable[[], Any], options: dict[str, Any], *,
                 after_fork: Callable[[], None] | None = None,
                 on_exit: Callable[[], None] | None = None) -> None:
        from gunicorn.app.base import BaseApplication

        outer = self

        class _Application(BaseApplication):
            def load_config(self) -> None:
                for key, value in options.items():
                    self.cfg.set(key, value)
                if after_fork is not None:
                    self.cfg.set("post_fork", lambda _server, _worker: after_fork())
                if on_exit is not None:
                    self.cfg.set("on_exit", lambda _server: on_exit())

            def load(self) -> Any:
                return outer.build()

        self.build = build
        self.application = _Application()

    def run(self) -> None:
        """Start the master and the workers; return when the server is stopped."""
        self.application.run()
