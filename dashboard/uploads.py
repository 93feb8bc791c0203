"""Bounds on what a browser may send: body size, files per upload, files per request.

Three guards, so that one upload can neither exhaust the server nor hang it:

- :func:`bound_requests` sets Flask's ``MAX_CONTENT_LENGTH`` (setting
  ``max_upload_mb``) and refuses a bigger request from its Content-Length
  header alone, before a byte of the body is read; and a request with more
  than ``max_upload_files`` files before it is parsed;
- :func:`too_many_files` words the refusal, which the review dialog also
  gives for an upload of too many files, before any of them is decoded;
- the upload queue: the browser keeps the dropped files and sends them to the
  server a few at a time (:data:`BATCH_FILES` files, at most
  :data:`BATCH_BYTES`), each request bounded in size and time, while a
  progress bar says how far it got. Nothing is kept on the server between
  requests, so this works the same behind several gunicorn workers.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, Response, request

from dashboard.config import get_setting

#: Dash's one endpoint for callbacks.
CALLBACK_PATH = "/_dash-update-component"
#: A file of an upload inside a callback's JSON: a string that starts a data URL.
_DATA_URL = re.compile(rb'(?<!\\)"data:[^",]{0,200};base64,')
#: Files (and bytes of their data URLs) the browser sends in one request.
BATCH_FILES = 10
BATCH_BYTES = 4 * 1024 * 1024

QUEUE = "upload-queue"
BATCH = "upload-batch"
BATCH_DONE = "upload-batch-done"
PROGRESS = "upload-progress"
NOTICE = "upload-notice"
CLOCK = "upload-clock"


def max_body_bytes(value: float | None = None) -> int:
    """Return the request-body limit in bytes (setting ``max_upload_mb``)."""
    return int(float(get_setting("max_upload_mb", value)) * 1024 * 1024)


def max_files(value: int | None = None) -> int:
    """Return the most files one upload may hold (setting ``max_upload_files``)."""
    return int(get_setting("max_upload_files", value))


def bound_requests(server: Flask, *, max_bytes: int, max_files: int) -> None:
    """Refuse, with 413 and a message, bodies over ``max_bytes`` and more than ``max_files`` files.

    A body over the limit is refused from its Content-Length header alone,
    without reading it (Flask's ``MAX_CONTENT_LENGTH``, also set here, stops
    a body without a length once it passes the limit). A callback request
    carrying more than ``max_files`` files (the browser sends each as a
    ``data:`` URL) is refused after reading it but before parsing it: the
    browser's own queue never sends that many, so this only meets other clients.

    Examples
    --------
    >>> app = Flask("demo")
    >>> bound_requests(app, max_bytes=1024, max_files=2)
    >>> app.test_client().post("/", data=b"x" * 2000).status_code
    413
    """
    if max_bytes < 1 or max_files < 1:
        raise ValueError(f"invalid max_bytes={max_bytes!r}, max_files={max_files!r}: "
                         "expected 1 or more")
    server.config["MAX_CONTENT_LENGTH"] = max_bytes

    def refuse(size: int | None) -> Response:
        said = f"{size / 1048576:,.1f} MB" if size else "more than that"
        return Response(
            f"Request too large: {said}; the limit is {max_bytes / 1048576:,.0f} MB "
            "(setting DASHBOARD_MAX_UPLOAD_MB). Nothing was read or stored.\n",
            413, mimetype="text/plain")

    @server.before_request
    def _refuse_big_bodies() -> Response | None:
        size = request.content_length
        if size is not None and size > max_bytes:
            # Said from the header alone; the connection is closed unread.
            response = refuse(size)
            response.headers["Connection"] = "close"
            return response
        if request.method == "POST" and request.path == CALLBACK_PATH:
            count = len(_DATA_URL.findall(request.get_data(cache=True)))
            refusal = too_many_files(count, max_files)
            if refusal:
                return Response(refusal.replace("upload", "request") + "\n", 413,
                                mimetype="text/plain")
        return None

    @server.errorhandler(413)
    def _too_large(_error: Exception) -> Response:
        return refuse(request.content_length)


def too_many_files(count: int, limit: int) -> str | None:
    """Return the refusal for an upload of ``count`` files, or None when it is allowed.

    Examples
    --------
    >>> too_many_files(10_000, 200)[:50]
    '10,000 files in one upload: at most 200 at a time.'
    >>> too_many_files(3, 200) is None
    True
    """
    if count <= limit:
        return None
    return _REFUSAL.format(count=f"{count:,}", limit=limit)


_REFUSAL = ("{count} files in one upload: at most {limit:,} at a time. "
            "Nothing was read; add them in smaller groups.")


def batch_done(batch: dict[str, Any] | None) -> dict[str, int]:
    """Return the server's answer to a batch: which one it was, and how many files it held.

    Examples
    --------
    >>> batch_done({"seq": 3, "contents": ["a", "b"], "names": ["a.txt", "b.txt"]})
    {'seq': 3, 'count': 2}
    """
    batch = batch if isinstance(batch, dict) else {}
    return {"seq": int(batch.get("seq") or 0), "count": len(batch.get("contents") or [])}


def status_items() -> list:
    """Return the queue's stores and clock, its progress bar and the place for its refusals."""
    import dash_bootstrap_components as dbc
    from dash import dcc, html

    return [
        dcc.Store(id=QUEUE), dcc.Store(id=BATCH), dcc.Store(id=BATCH_DONE),
        dcc.Interval(id=CLOCK, interval=TICK_MS, disabled=True),
        dbc.Progress(id=PROGRESS, value=0, max=1, label="", striped=True, animated=True,
                     className="mb-2 d-none", style={"height": "1.2rem"}),
        html.Div(id=NOTICE, className="small text-danger mb-2"),
    ]


#: Runs in the browser on each new upload and on each tick of the queue's clock (which
#: runs only while files wait): sends the next batch once the server answered the last.
#: Outputs: the upload's contents (cleared), the queue, the next batch, the progress bar
#: (value, label, class, max), the refusal notice and whether the clock stops.
_QUEUE_JS = """
function(contents, _tick, names, done, queue) {
    const dc = window.dash_clientside, nu = dc.no_update;
    const fired = (dc.callback_context.triggered || []).map(t => t.prop_id);
    const dropped = fired.some(p => p.startsWith('%(upload)s.'));
    let q = queue || {items: [], total: 0, read: 0, seq: 0, inflight: false, sent: 0};
    let notice = nu;
    if (dropped) {
        if (!contents || !contents.length) { return [nu, nu, nu, nu, nu, nu, nu, nu, nu]; }
        if (contents.length > %(max_files)d) {
            notice = '%(refusal)s'.replace('{count}', contents.length.toLocaleString('en'));
            return [null, nu, nu, nu, nu, nu, nu, notice, nu];
        }
        if (!q.items.length && !q.inflight) { q = {...q, total: 0, read: 0}; }
        q = {...q, items: q.items.concat(contents.map((c, i) => ({name: names[i], contents: c}))),
             total: q.total + contents.length};
        notice = '';
    } else if (q.inflight && done && done.seq === q.seq) {
        q = {...q, inflight: false, read: q.read + done.count};
    } else if (q.inflight && Date.now() - q.sent > %(patience)d) {
        notice = 'The server did not answer for ' + %(patience)d / 1000 + ' s: ' +
            (q.total - q.read) + ' file(s) were not read. Add them again.';
        return [nu, null, nu, q.read, '', 'mb-2 d-none', q.total, notice, true];
    } else if (q.inflight) {
        return [nu, nu, nu, nu, nu, nu, nu, nu, nu];
    }
    const upload = dropped ? null : nu;
    const label = q.read + ' of ' + q.total + ' files read';
    if (q.inflight || !q.items.length) {
        const busy = q.inflight || q.items.length > 0;
        return [upload, q, nu, q.read, label, busy ? 'mb-2' : 'mb-2 d-none', q.total, notice,
                !busy];
    }
    const batch = {contents: [], names: [], seq: q.seq + 1, first: q.read === 0};
    let size = 0;
    const items = q.items.slice();
    while (items.length && batch.contents.length < %(batch_files)d &&
           (!batch.contents.length || size + items[0].contents.length <= %(batch_bytes)d)) {
        const item = items.shift();
        size += item.contents.length;
        batch.contents.push(item.contents);
        batch.names.push(item.name);
    }
    q = {...q, items: items, seq: batch.seq, inflight: true, sent: Date.now()};
    return [upload, q, batch, q.read, label, 'mb-2', q.total, notice, false];
}
"""
#: Milliseconds the queue waits for the server to answer one batch before giving up.
PATIENCE_MS = 300_000
#: Milliseconds between two looks of the queue at whether the server has answered.
TICK_MS = 250


def register_queue(app: Any, upload_id: str, *, limit: int) -> None:
    """Register the browser-side queue that feeds ``upload_id``'s files in batches.

    The server callback that reads the files takes ``Input(BATCH, "data")``
    (``contents``, ``names``, ``seq``; ``first`` on an upload's first batch)
    and answers ``Output(BATCH_DONE, "data")`` with :func:`batch_done`. The
    queue reads that answer as state on its clock's next tick (a callback
    answering its own trigger would be a loop, which Dash refuses to run).
    """
    from dash import Input, Output, State

    app.clientside_callback(
        _QUEUE_JS % {"upload": upload_id, "max_files": limit, "batch_files": BATCH_FILES,
                     "batch_bytes": BATCH_BYTES, "patience": PATIENCE_MS,
                     "refusal": _REFUSAL.format(count="{count}", limit=limit)},
        Output(upload_id, "contents"), Output(QUEUE, "data"), Output(BATCH, "data"),
        Output(PROGRESS, "value"), Output(PROGRESS, "label"), Output(PROGRESS, "className"),
        Output(PROGRESS, "max"), Output(NOTICE, "children"), Output(CLOCK, "disabled"),
        Input(upload_id, "contents"), Input(CLOCK, "n_intervals"),
        State(upload_id, "filename"), State(BATCH_DONE, "data"), State(QUEUE, "data"),
        prevent_initial_call=True,
    )
