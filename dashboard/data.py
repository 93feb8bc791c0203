"""Where the dashboard's events and base layers come from, loaded once and kept fresh.

:class:`EventSource` holds one :class:`~dashboard.filters.EventIndex`. It
asks the store whether the data changed (``Store.data_version()``) at most
every ``reload_seconds``, never on every callback, and rebuilds the index
only when the answer changed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import pandas as pd

from dashboard.config import get_setting
from dashboard.filters import EventIndex

log = logging.getLogger(__name__)


class FrameStore(Protocol):
    """What the dashboard needs of ``events.store.Store``."""

    def load_frame(self) -> pd.DataFrame:  # noqa: D102
        ...

    def data_version(self) -> str:  # noqa: D102
        ...


class EventSource:
    """The events the app shows: a fixed frame, or a store that is re-read when it changes.

    Parameters
    ----------
    data : pandas.DataFrame or FrameStore
        A frame (tests, benchmarks) or an object with ``load_frame()`` and
        ``data_version()`` (``events.store.Store``).
    reload_seconds : float, optional
        Minimum time between two version checks (setting ``reload_seconds``).
    clock : callable, optional
        Monotonic clock, injectable for tests.

    Examples
    --------
    >>> EventSource(pd.DataFrame()).index().size
    0
    """

    def __init__(self, data: pd.DataFrame | FrameStore, *, reload_seconds: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._every = float(get_setting("reload_seconds", reload_seconds))
        self._lock = threading.Lock()
        if isinstance(data, pd.DataFrame):
            self.store: FrameStore | None = None
            self._index = EventIndex(data)
            self.version = "frame"
        elif hasattr(data, "load_frame") and hasattr(data, "data_version"):
            self.store = data
            self.version = str(data.data_version())
            self._index = EventIndex(data.load_frame())
        else:
            raise ValueError(
                f"invalid data={type(data).__name__}: expected a DataFrame or a Store "
                "with load_frame() and data_version()")
        self._checked = self._clock()

    def index(self) -> EventIndex:
        """Return the current index, re-reading the store if its version changed."""
        if self.store is None or self._clock() - self._checked < self._every:
            return self._index
        with self._lock:
            if self._clock() - self._checked >= self._every:
                self._reload_if_changed()
        return self._index

    def refresh(self) -> None:
        """Ask the store now (not after ``reload_seconds``), e.g. right after storing events."""
        if self.store is not None:
            with self._lock:
                self._reload_if_changed()

    def current_version(self) -> str:
        """Return the data version of the events :meth:`index` returns (checking when due)."""
        self.index()
        return self.version

    def _reload_if_changed(self) -> None:
        self._checked = self._clock()
        version = str(self.store.data_version())
        if version != self.version:
            log.info("store changed (%s -> %s): reloading events", self.version, version)
            self._index = EventIndex(self.store.load_frame())
            self.version = version


def open_store(url: str | None = None) -> Any:
    """Return ``events.store.Store(url)`` (imported here so that tests can run without it)."""
    from events.store import Store

    return Store(url)


def load_base_layers() -> dict[str, dict] | None:
    """Return ``geodata.base_layers()``, or None (no base map) when it is not available."""
    try:
        from geodata import base_layers
    except ImportError:
        log.warning("geodata.base_layers is not available: drawing the map without base layers")
        return None
    try:
        return base_layers()
    except Exception as exc:  # noqa: BLE001 - a broken base map must not take the events down
        log.warning("could not load base layers (%r): drawing the map without them", exc)
        return None
