"""A response cache for callbacks: identical view states are computed once per data version.

Many viewers open the same default view, play the same frames and pick the
same months. The callbacks that draw the map, the timeline and the detail
panel are pure functions of the view state and the events, so their finished
responses (gzipped JSON) are kept in a bounded LRU, keyed by the callback,
the *normalised* view state (:func:`dashboard.urlstate.coerce`, which is
what the callbacks read) and the data version. When the store's version
changes (new events ingested or corrected) every entry is dropped.

Only callbacks named in an allow-list are cached: the upload, review and
export callbacks change things or depend on more than their inputs, and must
always run. Each gunicorn worker keeps its own cache, and all of them share
their entries through files in a temporary folder (``python -m dashboard
serve`` makes it), so that a view is computed once per server, not per worker.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from flask import Flask, Response, g, request

from dashboard import ids
from dashboard.state import LIST_FILTERS, ViewState
from dashboard.uploads import CALLBACK_PATH
from dashboard.urlstate import coerce

#: Keys of the view-state store that are no view-state field but change a callback's output.
_NAV = "nav"
#: Inputs besides the view state that a cached callback may read (the map's size in pixels);
#: their values, and which input changed, go into the key.
_SIDE_INPUTS = frozenset({ids.MAP_SIZE})
_SIDE, _CHANGED = "side inputs", "changed"


class ResponseCache:
    """A thread-safe LRU of gzipped response bodies, bounded by their total size in bytes.

    With :meth:`share`, entries also go to files in a folder that the other
    server processes read too (gunicorn's workers): a view computed by one
    worker is then not computed again by the others.

    Parameters
    ----------
    max_bytes : int
        Entries are evicted, least recently used first, above this total (in
        memory, and in the shared folder).

    Examples
    --------
    >>> cache = ResponseCache(max_bytes=100)
    >>> cache.put("k", b"gz")
    >>> cache.get("k")
    b'gz'
    """

    #: Puts between two trims of the shared folder.
    _TRIM_EVERY = 64

    def __init__(self, max_bytes: int) -> None:
        if max_bytes < 0:
            raise ValueError(f"invalid max_bytes={max_bytes!r}: expected 0 or more")
        self.max_bytes = max_bytes
        self.hits = self.misses = 0
        self.folder: Path | None = None
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._puts = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        """Total bytes held in this process."""
        return self._size

    def share(self, folder: str | os.PathLike[str]) -> None:
        """Also keep entries as files in ``folder`` (one per server; it must exist)."""
        self.folder = Path(folder)

    def get(self, key: str) -> bytes | None:
        """Return the gzipped body stored under ``key``, or None."""
        with self._lock:
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return body
        if self.folder is not None:
            try:
                body = (self.folder / _file_name(key)).read_bytes()
            except OSError:
                body = None
            if body is not None:
                self._remember(key, body)
                with self._lock:
                    self.hits += 1
                return body
        with self._lock:
            self.misses += 1
        return None

    def put(self, key: str, body: bytes) -> None:
        """Store a gzipped body (nothing happens if it alone exceeds the bound)."""
        if len(body) > self.max_bytes:
            return
        self._remember(key, body)
        if self.folder is None:
            return
        # Written aside and renamed: another process never reads half a file.
        path = self.folder / _file_name(key)
        part = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.part")
        try:
            part.write_bytes(body)
            os.replace(part, path)
        except OSError:  # a full disk costs the sharing, not the answer
            part.unlink(missing_ok=True)
        with self._lock:
            self._puts += 1
            trim = self._puts % self._TRIM_EVERY == 0
        if trim:
            self._trim_folder()

    def clear(self, *, keep: str | None = None) -> None:
        """Drop every entry (in the shared folder: those whose key does not start with ``keep``)."""
        with self._lock:
            self._entries.clear()
            self._size = 0
        if self.folder is None:
            return
        for entry in _scan(self.folder):
            if keep is None or not entry.name.startswith(_file_name(keep)):
                Path(entry.path).unlink(missing_ok=True)

    def _remember(self, key: str, body: bytes) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old)
            self._entries[key] = body
            self._size += len(body)
            while self._size > self.max_bytes and self._entries:
                _, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped)

    def _trim_folder(self) -> None:
        """Delete the oldest shared files beyond :attr:`max_bytes`."""
        files = []
        for entry in _scan(self.folder):
            try:
                st = entry.stat()
            except OSError:
                continue
            files.append((st.st_mtime, st.st_size, entry.path))
        total = sum(size for _, size, _ in files)
        for _, size, path in sorted(files):
            if total <= self.max_bytes:
                break
            Path(path).unlink(missing_ok=True)
            total -= size


def _file_name(key: str) -> str:
    return key.replace(":", "-").replace(os.sep, "_")


def _scan(folder: Path | None) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return [e for e in it if e.is_file() and not e.name.endswith(".part")]
    except OSError:
        return []


#: View-state fields each render callback reads (None: all); the others are left out of its
#: key, so that e.g. zooming the map reuses the timeline. tests/dashboard/test_caching.py
#: checks that changing a left-out field does not change the callback's answer.
READS: dict[str, tuple[str, ...] | None] = {
    "map": tuple(f for f in ViewState.__dataclass_fields__
                 if f not in ("speed", "window", "bin")),
    "timeline": ("start", "end", "bin", *LIST_FILTERS, "text"),
    "detail": ("event", "town"),
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
    if not isinstance(inputs, list) or body.get("state"):
        return None
    if not all(isinstance(i, dict) for i in inputs):
        return None
    views = [i for i in inputs if i.get("id") == ids.VIEW_STATE]
    others = [i for i in inputs if i.get("id") != ids.VIEW_STATE]
    if len(views) != 1 or any(i.get("id") not in _SIDE_INPUTS for i in others):
        return None
    data = views[0].get("value")
    if not isinstance(data, dict):
        return None
    state = coerce(data).to_dict()
    if reads is not None:
        state = {name: state[name] for name in reads}
    if with_nav:
        state[_NAV] = bool(data.get(_NAV))
    if others:
        # The map also fits itself to its size when the size alone changes.
        state[_SIDE] = [[i.get("id"), i.get("value")] for i in others]
        state[_CHANGED] = sorted(str(c) for c in body.get("changedPropIds") or [])
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
                cache.clear(keep=f"{current}:")
                seen["version"] = current
        key = callbacks[body["output"]](body)
        if key is None:
            return None
        key = f"{current}:{key}"
        hit = cache.get(key)
        if hit is None:
            g.response_cache_key = key
            return None
        response = _json_response(hit, gzipped=_accepts_gzip())
        response.headers["X-Cache"] = "hit"
        return response

    @server.after_request
    def _keep_in_cache(response: Response) -> Response:
        key = g.pop("response_cache_key", None)
        if (key is None or response.status_code != 200
                or "Content-Encoding" in response.headers
                or response.mimetype != "application/json"):
            return response
        # Compressed once here, for the cache and for this answer (the gzip hook then skips it).
        body = gzip.compress(response.get_data(), 1)
        cache.put(key, body)
        if _accepts_gzip():
            response.set_data(body)
            response.headers["Content-Encoding"] = "gzip"
            response.vary.add("Accept-Encoding")
        response.headers["X-Cache"] = "miss"
        return response

    return cache


def _accepts_gzip() -> bool:
    return "gzip" in request.headers.get("Accept-Encoding", "").lower()


def _json_response(gzipped_body: bytes, *, gzipped: bool) -> Response:
    if not gzipped:
        return Response(gzip.decompress(gzipped_body), 200, mimetype="application/json")
    response = Response(gzipped_body, 200, mimetype="application/json")
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    return response


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
