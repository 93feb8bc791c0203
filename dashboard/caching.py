"""A response cache for callbacks: identical view states are computed once per data version.

Many viewers open the same default view, play the same frames and pick the
same months. The callbacks that draw the map, the timeline and the detail
panel are pure functions of the view state and the events, so their finished
responses (JSON, and its gzip) are kept in a bounded LRU, keyed by the
callback, the *normalised* view state (:func:`dashboard.urlstate.coerce`,
which is what the callbacks read) and the data version. When the store's
version changes (new events ingested or corrected) every entry is dropped.

Only callbacks named in an allow-list are cached: the upload, review and
export callbacks change things or depend on more than their inputs, and must
always run. Each gunicorn worker keeps its own cache.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from flask import Flask, Response, g, request

from dashboard import ids
from dashboard.state import LIST_FILTERS, ViewState
from dashboard.uploads import CALLBACK_PATH
from dashboard.urlstate import coerce

#: Keys of the view-state store that are no view-state field but change a callback's output.
_NAV = "nav"


class ResponseCache:
    """A thread-safe LRU of response bodies, bounded by their total size in bytes.

    Parameters
    ----------
    max_bytes : int
        Entries are evicted, least recently used first, above this total.

    Examples
    --------
    >>> cache = ResponseCache(max_bytes=100)
    >>> cache.put("k", b"{}")
    >>> cache.get("k", gzipped=False)
    b'{}'
    """

    def __init__(self, max_bytes: int) -> None:
        if max_bytes < 0:
            raise ValueError(f"invalid max_bytes={max_bytes!r}: expected 0 or more")
        self.max_bytes = max_bytes
        self.hits = self.misses = 0
        self._entries: OrderedDict[str, dict[str, bytes]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        """Total bytes held."""
        return self._size

    def get(self, key: str, *, gzipped: bool) -> bytes | None:
        """Return the body stored under ``key`` (its gzip if ``gzipped``), or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            if not gzipped:
                return entry["raw"]
            body = entry.get("gzip")
        if body is None:
            # Compressed once, on the first hit that asks for it, outside the lock.
            body = gzip.compress(entry["raw"], 1)
            with self._lock:
                if key in self._entries and "gzip" not in entry:
                    entry["gzip"] = body
                    self._grow(len(body))
        return body

    def put(self, key: str, body: bytes) -> None:
        """Store an uncompressed body (nothing happens if it alone exceeds the bound)."""
        if len(body) > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= sum(map(len, old.values()))
            self._entries[key] = {"raw": body}
            self._grow(len(body))

    def clear(self) -> None:
        """Drop every entry."""
        with self._lock:
            self._entries.clear()
            self._size = 0

    def _grow(self, n: int) -> None:
        self._size += n
        while self._size > self.max_bytes and self._entries:
            _, entry = self._entries.popitem(last=False)
            self._size -= sum(map(len, entry.values()))


#: View-state fields each render callback reads (None: all); the others are left out of its
#: key, so that e.g. zooming the map reuses the timeline. tests/dashboard/test_caching.py
#: checks that changing a left-out field does not change the callback's answer.
READS: dict[str, tuple[str, ...] | None] = {
    "map": tuple(f for f in ViewState.__dataclass_fields__
                 if f not in ("speed", "window", "bin")),
    "timeline": ("start", "end", "bin", *LIST_FILTERS, "text"),
    "detail": ("event",),
}


def view_key(body: dict[str, Any], *, reads: tuple[str, ...] | None = None,
             with_nav: bool = False) -> str | None:
    """Return the cache key of a render callback's request, or None if it cannot be cached.

    The key is the callback's output and its view-state input, normalised the
    way the callback reads it (bad or missing fields become defaults, so two
    spellings of one view share an entry). ``reads`` keeps only those fields
    (the ones the callback uses); ``with_nav`` adds the ``nav`` flag (the map
    re-centres on navigation).

    Examples
    --------
    >>> a = view_key({"output": "timeline.figure", "inputs": [
    ...     {"id": "view-state", "property": "data", "value": {"types": ["clash"]}}]})
    >>> b = view_key({"output": "timeline.figure", "inputs": [
    ...     {"id": "view-state", "property": "data",
    ...      "value": {"types": ["clash"], "window": "nonsense", "frame": {"n": 3}}}]})
    >>> a == b
    True
    """
    inputs = body.get("inputs")
    if not isinstance(inputs, list) or len(inputs) != 1 or body.get("state"):
        return None
    (item,) = inputs
    if not isinstance(item, dict) or item.get("id") != ids.VIEW_STATE:
        return None
    data = item.get("value")
    if not isinstance(data, dict):
        return None
    state = coerce(data).to_dict()
    if reads is not None:
        state = {name: state[name] for name in reads}
    if with_nav:
        state[_NAV] = bool(data.get(_NAV))
    return _digest(body.get("output"), state)


def request_key(body: dict[str, Any]) -> str | None:
    """Return the cache key of a callback whose output follows from its whole request.

    For callbacks that read several controls (the sync callback): the key is
    every input, state and which of them changed, in a canonical order.
    """
    if not isinstance(body.get("inputs"), list):
        return None
    parts = {k: body.get(k) for k in ("inputs", "state", "changedPropIds")}
    return _digest(body.get("output"), parts)


def _digest(output: Any, value: Any) -> str:
    text = json.dumps([output, value], sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


#: The callbacks that are cached: output key (as Dash names it) -> key function.
KeyFunction = Callable[[dict[str, Any]], "str | None"]


def enable_response_cache(server: Flask, version: Callable[[], str],
                          callbacks: dict[str, KeyFunction], *, max_bytes: int) -> ResponseCache:
    """Answer repeated callback requests from a :class:`ResponseCache`.

    Register it after any authentication check (before-request hooks run in
    order): a cached answer is only given to a request that got that far.

    Parameters
    ----------
    server : flask.Flask
        The app's server.
    version : callable
        Returns the current data version (``EventSource.current_version``);
        when it changes, the cache is emptied.
    callbacks : dict
        Output key of each cacheable callback -> function that returns the
        request's key, or None to compute it as usual.
    max_bytes : int
        Bound of the cache (setting ``cache_mb``); 0 turns caching off.

    Returns
    -------
    ResponseCache
        The cache (its ``hits``/``misses`` are what the benchmark reports).
    """
    cache = ResponseCache(max_bytes)
    seen = {"version": None}
    lock = threading.Lock()

    @server.before_request
    def _answer_from_cache() -> Response | None:
        if max_bytes == 0 or request.path != CALLBACK_PATH or request.method != "POST":
            return None
        body = request.get_json(silent=True)  # Flask keeps it: Dash does not parse it again
        if not isinstance(body, dict) or body.get("output") not in callbacks:
            return None
        current = version()
        with lock:
            if current != seen["version"]:
                cache.clear()
                seen["version"] = current
        key = callbacks[body["output"]](body)
        if key is None:
            return None
        key = f"{current}:{key}"
        gzipped = "gzip" in request.headers.get("Accept-Encoding", "").lower()
        hit = cache.get(key, gzipped=gzipped)
        if hit is None:
            g.response_cache_key = key
            return None
        response = Response(hit, 200, mimetype="application/json")
        if gzipped:
            response.headers["Content-Encoding"] = "gzip"
            response.vary.add("Accept-Encoding")
        response.headers["X-Cache"] = "hit"
        return response

    @server.after_request
    def _keep_in_cache(response: Response) -> Response:
        key = g.pop("response_cache_key", None)
        if (key is not None and response.status_code == 200
                and "Content-Encoding" not in response.headers
                and response.mimetype == "application/json"):
            cache.put(key, response.get_data())
            response.headers["X-Cache"] = "miss"
        return response

    return cache


def cacheable_callbacks(output_keys: Iterable[str]) -> dict[str, KeyFunction]:
    """Pick the app's cacheable callbacks from its output keys; return their key functions.

    The map, timeline and detail callbacks are keyed by the view state; the
    sync callback (which reads the URL and every control) by its whole request.
    A map callback that also answers the play clock (``frame-ack``, each
    viewer's own) is left out: a shared answer would acknowledge the wrong frame.
    """
    chosen: dict[str, KeyFunction] = {}
    for key in output_keys:
        outputs = key.strip(".").split("...")
        if f"{ids.MAP}.figure" in outputs:
            if not any(o.startswith(f"{ids.FRAME_ACK}.") for o in outputs):
                chosen[key] = partial(view_key, reads=READS["map"], with_nav=True)
        elif key == f"{ids.TIMELINE}.figure":
            chosen[key] = partial(view_key, reads=READS["timeline"])
        elif key == f"{ids.DETAIL}.children":
            chosen[key] = partial(view_key, reads=READS["detail"])
        elif key.startswith(f"..{ids.LOCATION}.search..."):
            chosen[key] = request_key
    return chosen
