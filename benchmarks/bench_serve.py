"""Benchmark serving a team: 50 viewers at once, production server against development server.

Run::

    .venv/bin/python benchmarks/bench_serve.py [--n 200000] [--clients 50] [--seconds 60]
        [--workers 2] [--servers serve,run] [--db URL]

Fills a SQLite database with ``--n`` synthetic events (``python -m events
synth``; kept between runs), starts ``python -m dashboard serve --workers N``
(gunicorn) and then ``python -m dashboard run`` (Flask's development server,
the local start), and drives each with ``--clients`` concurrent viewers for
``--seconds`` seconds (``--root DIR`` serves another checkout's code, for
a before/after comparison). Every viewer sends one callback a second, as the
browser does when its view changes: the map callback (two in three) or the
timeline callback, for the view it has just moved to. The views change as
analysts move: the default view that everybody opens first, a month or a
year, one or two event types, a zoom on a town, and runs of play frames week
by week.

Prints, per server: requests, errors, latency p50/p95/p99, how many answers
came from the response cache, and the peak resident memory of all the
server's processes (summed RSS, which counts pages the workers share once
per worker, and PSS, which splits them). Targets (issue 12), for ``serve``:
p95 <= 500 ms, p99 <= 1 s, 0 errors, memory of all processes <= 2 GB.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil  # noqa: E402

from dashboard.state import ViewState  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TIMELINE_OUT = "timeline.figure"
TARGETS = {"p95": 0.5, "p99": 1.0, "errors": 0, "memory": 2e9}

#: Where analysts zoom: (lat, lon) of towns the synthetic events cluster around.
TOWNS = [(36.34, 43.13), (35.47, 44.39), (34.61, 43.68), (33.42, 43.30), (33.35, 43.78),
         (35.95, 39.01), (36.53, 37.95), (36.20, 37.16), (34.56, 38.27), (35.34, 40.14),
         (36.89, 38.35), (33.31, 44.37)]
TYPE_CHOICES = [("seizure",), ("clash",), ("airstrike",), ("seizure", "clash"),
                ("bombing", "attack_on_civilians"), ("displacement",), ("shelling", "airstrike"),
                ("troop_position", "withdrawal")]
FIRST_DAY, LAST_DAY = date(2014, 1, 1), date(2017, 12, 31)


@dataclass
class Viewer:
    """One simulated analyst: the view they are at, and where their play run is."""

    rng: random.Random
    state: ViewState = field(default_factory=ViewState)
    playing: int = 0  # play frames left in the current run
    nav: bool = True

    def next_view(self) -> tuple[ViewState, bool]:
        """Move to the next view, as an analyst would; return it and whether it navigated."""
        rng, s = self.rng, self.state
        if self.playing:
            self.playing -= 1
            start = (s.start or FIRST_DAY) + timedelta(days=7)
            if start > LAST_DAY:
                start = FIRST_DAY
            self.state = s.replace(start=start, end=start + timedelta(days=6))
            return self.state, False
        roll = rng.random()
        if roll < 0.15:
            self.state = ViewState()
        elif roll < 0.35:
            year = rng.choice([2014, 2015, 2016, 2017])
            if rng.random() < 0.7:
                month = rng.randint(1, 12)
                end = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
                self.state = s.replace(start=date(year, month, 1), end=end)
            else:
                self.state = s.replace(start=date(year, 1, 1), end=date(year, 12, 31))
        elif roll < 0.55:
            self.state = s.replace(types=rng.choice(TYPE_CHOICES + [()]))
        elif roll < 0.70:
            lat, lon = rng.choice(TOWNS)
            self.state = s.replace(lat=lat, lon=lon, zoom=float(rng.choice([7, 9, 11])))
            return self.state, True
        else:
            # Start a run of play frames from the start of a year (or of the data).
            self.playing = rng.randint(5, 20)
            start = rng.choice([FIRST_DAY, date(2015, 1, 1), date(2016, 1, 1), date(2017, 1, 1)])
            self.state = s.replace(start=start, end=start + timedelta(days=6), window="week")
        return self.state, False


def callback_body(output: str, state: ViewState, *, nav: bool) -> bytes:
    """The JSON the browser posts for a render callback of ``state``."""
    outputs = [dict(zip(("id", "property"), o.split("."), strict=True))
               for o in output.strip(".").split("...")]
    data = {**state.to_dict(), "nav": nav, "frame": None}
    return json.dumps({"output": output, "outputs": outputs if len(outputs) > 1 else outputs[0],
                       "inputs": [{"id": "view-state", "property": "data", "value": data},
                                  # the map also reads its size (None: the default fit)
                                  *([{"id": "map-size", "property": "data", "value": None}]
                                    if output.startswith("..map.figure") else [])],
                       "state": [], "changedPropIds": ["view-state.data"]}).encode()


@dataclass
class Result:
    """What the viewers saw of one server."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    hits: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def map_output(port: int) -> str:
    """The map callback's output key, as the server names it (it differs between versions)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/_dash-dependencies")
    deps = json.loads(conn.getresponse().read())
    return next(d["output"] for d in deps if d["output"].startswith("..map.figure..."))


def drive(port: int, clients: int, seconds: float, result: Result, *, seed: int = 12) -> None:
    """Run the viewers against ``127.0.0.1:port`` for ``seconds``; fill ``result``."""
    map_out = map_output(port)
    started = time.monotonic()
    stop = started + seconds

    def viewer(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        person = Viewer(rng)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        # Viewers arrive over the first second, as they would open the page.
        tick = started + rng.random()
        while True:
            time.sleep(max(0.0, tick - time.monotonic()))
            if time.monotonic() >= stop:
                break
            state, nav = person.next_view()
            output = map_out if rng.random() < 2 / 3 else TIMELINE_OUT
            body = callback_body(output, state, nav=nav)
            t0 = time.perf_counter()
            try:
                conn.request("POST", "/_dash-update-component", body=body,
                             headers={"Content-Type": "application/json",
                                      "Accept-Encoding": "gzip"})
                response = conn.getresponse()
                response.read()
                elapsed = time.perf_counter() - t0
                with result.lock:
                    result.latencies.append(elapsed)
                    if response.status != 200:
                        result.errors.append(f"HTTP {response.status}")
                    result.hits += response.getheader("X-Cache") == "hit"
            except (OSError, http.client.HTTPException) as exc:
                with result.lock:
                    result.errors.append(f"{type(exc).__name__}: {exc}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            tick += 1.0
        conn.close()

    threads = [threading.Thread(target=viewer, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its children."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += t.user + t.system
    return total


def memory(pid: int) -> tuple[int, int]:
    """(summed RSS, summed PSS) in bytes of a process and its children."""
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    rss = pss = 0
    for p in procs:
        try:
            info = p.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(command: str, url: str, port: int, workers: int, log, *,
                 root: Path = ROOT) -> subprocess.Popen:
    """Start ``python -m dashboard serve --workers N``, or the default local start, and wait.

    The local start is ``python -m dashboard --db URL --port P`` without a command name,
    which every version of the project understands (``root`` may be an older checkout).
    """
    args = [sys.executable, "-m", "dashboard"]
    args += ["serve", "--workers", str(workers)] if command == "serve" else []
    args += ["--db", url, "--port", str(port)]
    env = {**os.environ, "PYTHONPATH": str(root)}
    for name in ("DASHBOARD_USER", "DASHBOARD_PASSWORD", "DASHBOARD_HOST"):
        env.pop(name, None)
    proc = subprocess.Popen(args, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{' '.join(args)} exited with {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/_dash-layout")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.5)
    proc.kill()
    raise RuntimeError("the server did not answer within 180 s")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


def run_one(command: str, url: str, args: argparse.Namespace) -> dict:
    """Serve ``url`` with ``command``, drive the viewers, and return the figures."""
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix=f"bench_serve_{command}_", suffix=".log",
                                      delete=False)
    proc = start_server(command, url, port, args.workers, log, root=Path(args.root))
    try:
        idle = memory(proc.pid)
        cpu_before = cpu_seconds(proc.pid)
        result = Result()
        peak = list(idle)
        driver = threading.Thread(target=drive, args=(port, args.clients, args.seconds, result))
        t0 = time.monotonic()
        driver.start()
        while driver.is_alive():
            rss, pss = memory(proc.pid)
            peak = [max(peak[0], rss), max(peak[1], pss)]
            driver.join(1.0)
        wall = time.monotonic() - t0
        cpu = cpu_seconds(proc.pid) - cpu_before
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    lat = result.latencies
    return {"requests": len(lat), "rate": len(lat) / wall, "errors": result.errors,
            "p50": pct(lat, .5), "p95": pct(lat, .95), "p99": pct(lat, .99),
            "max": max(lat, default=0.0), "hits": result.hits, "idle": idle, "cpu": cpu,
            "peak": tuple(peak), "log": log.name}


def ensure_database(n: int, db: str | None) -> str:
    """Return the URL of a database with ``n`` synthetic events, filling it if needed."""
    url = db or f"sqlite:///{Path(tempfile.gettempdir()) / f'bench_serve_{n}.sqlite'}"
    out = subprocess.run([sys.executable, "-m", "events", "synth", "--n", str(n), "--db", url],
                         cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         capture_output=True, text=True, check=True)
    print(out.stdout.strip())
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000, help="Synthetic events.")
    parser.add_argument("--clients", type=int, default=50, help="Concurrent viewers.")
    parser.add_argument("--seconds", type=float, default=60.0, help="Length of each run.")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers.")
    parser.add_argument("--servers", default="serve,run",
                        help="Which to measure: serve (gunicorn), run (development server).")
    parser.add_argument("--db", default=None, help="Use this database instead of a temp file.")
    parser.add_argument("--root", default=str(ROOT),
                        help="Serve the code of this checkout (e.g. an older version, to "
                             "compare; `git archive main | tar -x -C DIR`).")
    args = parser.parse_args()
    url = ensure_database(args.n, args.db)
    met = True
    for command in [c.strip() for c in args.servers.split(",") if c.strip()]:
        name = (f"python -m dashboard serve --workers {args.workers} (gunicorn)"
                if command == "serve" else "python -m dashboard (development server)")
        if Path(args.root).resolve() != ROOT:
            name += f", code from {args.root}"
        load = psutil.getloadavg()[0]
        r = run_one(command, url, args)
        print(f"\n{name}: {args.n:,} events, {args.clients} viewers x {args.seconds:.0f} s, "
              "one callback a second each")
        print(f"  requests {r['requests']} ({r['rate']:.1f}/s), errors {len(r['errors'])}"
              + (f" (first: {r['errors'][0]})" if r["errors"] else ""))
        print(f"  latency p50 {1000 * r['p50']:.0f} ms, p95 {1000 * r['p95']:.0f} ms, "
              f"p99 {1000 * r['p99']:.0f} ms, max {1000 * r['max']:.0f} ms")
        print(f"  answered from the cache: {r['hits']} of {r['requests']} "
              f"({100 * r['hits'] / max(r['requests'], 1):.0f} %); server CPU "
              f"{r['cpu']:.0f} s ({1000 * r['cpu'] / max(r['requests'], 1):.0f} ms a request)")
        print(f"  memory of all server processes: idle RSS {r['idle'][0] / 1e9:.2f} GB, "
              f"peak RSS {r['peak'][0] / 1e9:.2f} GB (PSS {r['peak'][1] / 1e9:.2f} GB)")
        print(f"  machine load average before the run: {load:.1f} on {psutil.cpu_count()} CPUs;"
              f" server log: {r['log']}")
        if command == "serve":
            ok = (r["p95"] <= TARGETS["p95"] and r["p99"] <= TARGETS["p99"]
                  and len(r["errors"]) <= TARGETS["errors"] and r["peak"][0] <= TARGETS["memory"])
            met &= ok
            print("  targets p95 <= 500 ms, p99 <= 1 s, 0 errors, <= 2 GB:",
                  "met" if ok else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
