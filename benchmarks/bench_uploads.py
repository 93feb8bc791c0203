"""Benchmark the upload bounds against a running server: a 200 MB body, 10,000 files at once.

Run::

    .venv/bin/python benchmarks/bench_uploads.py [--files 10000] [--file-kb 1] [--body-mb 200]
        [--command serve|run] [--root DIR]

Starts ``python -m dashboard serve --workers 1`` (or ``run``, the development
server; ``--root`` an older checkout) on an empty SQLite database and sends
what a careless or hostile client might:

- a request announcing a ``--body-mb`` body (Content-Length), sent a
  megabyte at a time until the server answers;
- one call of the review dialog's read callback carrying ``--files`` files of
  ``--file-kb`` KB each in one batch (the browser's queue sends ten at a time;
  another client may not).

For each it prints the answer, how long it took and how much the server's
peak resident memory grew (``VmHWM`` of /proc, reset before each request).
Targets (issue 12): the big body refused without being read; the files
refused within 1 s and with at most 50 MB of memory growth.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import select
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_serve import free_port, start_server  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def _status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(field)


def worker_pid(pid: int) -> int:
    """The process that answers: gunicorn's only worker, else the server itself."""
    import psutil

    children = psutil.Process(pid).children()
    return children[0].pid if children else pid


def measured(pid: int, send) -> tuple[object, float, int]:
    """Run ``send()``; return its result, seconds and the server's peak-RSS growth in bytes."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")  # resets VmHWM to the current RSS
    before = _status(pid, "VmRSS")
    t0 = time.perf_counter()
    result = send()
    seconds = time.perf_counter() - t0
    time.sleep(0.2)
    return result, seconds, _status(pid, "VmHWM") - before


def big_body(port: int, size: int) -> tuple[str, int]:
    """Announce ``size`` bytes and send them a megabyte at a time until the server answers.

    Returns the answer's first line and text, and how many bytes were sent before it came.
    """
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=120) as sock:
        sock.sendall(f"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     f"Content-Type: application/json\r\nContent-Length: {size}\r\n\r\n"
                     .encode())
        chunk = b" " * MB
        while sent < size and not select.select([sock], [], [], 0)[0]:
            try:
                sock.sendall(chunk[:size - sent])
            except OSError:
                break  # the server answered and closed
            sent += min(MB, size - sent)
        answer = b""
        while b"\r\n\r\n" not in answer:
            part = sock.recv(65536)
            if not part:
                break
            answer += part
        head, _, body = answer.partition(b"\r\n\r\n")
        line = head.splitlines()[0].decode() if head else "(connection closed)"
        return f"{line} / {body.decode(errors='replace').strip()[:90]}", sent


def many_files(port: int, count: int, kb: int) -> Callable[[], str]:
    """Prepare ``count`` files for one call of the review dialog's read callback.

    Returns the function that sends them and says what came back (the body is
    built beforehand, so that only the server's part is timed).
    """
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", "/_dash-dependencies")
    deps = json.loads(conn.getresponse().read())
    text = ("Fighting went on near the dam for a third day, residents said. " * 20)[:kb * 1024]
    # Distinct files (a report already read would be skipped as a duplicate).
    urls = ["data:text/plain;base64," + base64.b64encode(f"{i}. {text}".encode()).decode()
            for i in range(count)]
    names = [f"r{i}.txt" for i in range(count)]
    queued = [d for d in deps if any(i["id"] == "upload-batch" for i in d["inputs"])]
    if queued:
        dep, changed = queued[0], "upload-batch.data"
        values = {("upload-batch", "data"): {"contents": urls, "names": names, "seq": 1,
                                             "first": True}}
    else:  # versions before the upload queue read dcc.Upload's contents directly
        dep = next(d for d in deps if any(i["id"] == "review-upload" for i in d["inputs"]))
        changed = "review-upload.contents"
        values = {("review-upload", "contents"): urls, ("review-upload", "filename"): names}

    def fill(items):
        return [{**i, "value": values.get((i["id"], i["property"]))} for i in items]

    outputs = [dict(zip(("id", "property"), o.split("@")[0].split(".", 1), strict=True))
               for o in dep["output"].strip(".").split("...")]
    body = json.dumps({"output": dep["output"], "outputs": outputs, "inputs": fill(dep["inputs"]),
                       "state": fill(dep["state"]), "changedPropIds": [changed]})
    body = body.encode()

    def send() -> str:
        conn.request("POST", "/_dash-update-component", body=body,
                     headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        data = response.read()
        if response.status != 200:
            return f"HTTP {response.status}: {data.decode(errors='replace').strip()[:120]}"
        messages = json.loads(data)["response"].get("review-messages", {}).get("children") or []
        first = messages[0]["props"]["children"] if messages else ""
        return f"HTTP 200, {len(messages)} message(s), the first: {first[:120]}"

    return send


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--file-kb", type=int, default=1)
    parser.add_argument("--body-mb", type=int, default=200)
    parser.add_argument("--command", default="serve", choices=["serve", "run"])
    parser.add_argument("--root", default=str(ROOT))
    args = parser.parse_args()
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench_uploads_')) / 'empty.sqlite'}"
    port = free_port()
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        proc = start_server(args.command, url, port, 1, log, root=Path(args.root))
        try:
            pid = worker_pid(proc.pid)
            (answer, sent), seconds, grew = measured(pid,
                                                     lambda: big_body(port, args.body_mb * MB))
            print(f"{args.body_mb} MB body: {answer}")
            print(f"  answered in {seconds:.2f} s, after {sent / MB:.0f} MB had been sent; "
                  f"server peak memory grew {grew / MB:.0f} MB")
            big_ok = answer.startswith("HTTP/1.1 413") and grew < 50 * MB
            answer, seconds, grew = measured(pid, many_files(port, args.files, args.file_kb))
            print(f"{args.files:,} files of {args.file_kb} KB in one request: {answer}")
            print(f"  answered in {seconds:.2f} s; server peak memory grew {grew / MB:.0f} MB")
            files_ok = "at most" in answer and seconds <= 1.0 and grew <= 50 * MB
        finally:
            proc.terminate()
            proc.wait(30)
    print("targets: big body refused unread:", "met" if big_ok else "NOT met",
          "| files refused within 1 s and <= 50 MB:", "met" if files_ok else "NOT met")
    return 0 if big_ok and files_ok else 1


if __name__ == "__main__":
    sys.exit(main())
