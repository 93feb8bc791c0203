"""Benchmark the dashboard at 1,000,000 events, against the naive one-scatter approach.

Run::

    .venv/bin/python benchmarks/bench_dashboard.py [--n 1000000] [--reps 30] [--naive-reps 3]

Targets (issue 5): main filter/timeline callback server time p50 <= 100 ms and
p95 <= 250 ms, its response <= 2 MB; first page load (layout + first figures)
<= 3 MB; app start <= 5 s; resident memory <= 1.5 GB. Issue 11: a click on an
event or on a town's control disc shows its evidence within 1 s (the click
callback, then the detail and the map with the selection); a page of the event
table sorted by a column comes within 1 s too. The naive approach is
``px.scatter_map`` of every filtered point, serialised, once per callback.

Callbacks are timed through Flask's test client (request parsing, the
callback, JSON encoding: everything but the network).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil  # noqa: E402

from dashboard.state import ViewState  # noqa: E402

GZIP = {"Accept-Encoding": "gzip"}
#: Scripts that Dash loads on demand after the page (dcc's async chunks and plotly.js).
LAZY_ASSETS = ("/_dash-component-suites/plotly/package_data/plotly.min.js",
               "/_dash-component-suites/dash/dcc/async-graph.js",
               "/_dash-component-suites/dash/dcc/async-datepicker.js",
               "/_dash-component-suites/dash/dcc/async-dropdown.js",
               "/_dash-component-suites/dash/dcc/async-slider.js")
MAP_OUT = ("..map.figure...map-mode.children...map-mode.color...summary.children"
           "...scrub.value..")
TIMELINE_OUT = "timeline.figure"

#: Views a user goes through: the opening view, a month, filters, a zoom, a play frame.
SCENARIOS: dict[str, ViewState] = {
    "all events (opening view)": ViewState(),
    "one month": ViewState(start=date(2015, 6, 1), end=date(2015, 6, 30)),
    "seizures+clashes, ISIS, 2015": ViewState(types=("seizure", "clash"), actors=("ISIS",),
                                              start=date(2015, 1, 1), end=date(2015, 12, 31)),
    "Syria, claimed": ViewState(countries=("SY",), certainty=("claimed",)),
    "zoomed on Mosul (density)": ViewState(lat=36.34, lon=43.13, zoom=10.0),
    "zoomed on Mosul, 2015 (points)": ViewState(lat=36.34, lon=43.13, zoom=10.0,
                                                start=date(2015, 1, 1), end=date(2015, 12, 31)),
    "text search 'market'": ViewState(text="market", start=date(2015, 1, 1),
                                      end=date(2015, 12, 31)),
    "play frame (week)": ViewState(start=date(2016, 3, 7), end=date(2016, 3, 13)),
}


def make_frame(n: int):
    """Synthetic events from the project's one generator (events.synth)."""
    from events.synth import synth_events

    return synth_events(n)


def _post(client, dep, output_key, values, changed):
    outputs = [dict(zip(("id", "property"), o.split("."), strict=True))
               for o in output_key.strip(".").split("...")]

    def fill(items):
        return [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

    body = {"output": output_key, "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": fill(dep["inputs"]), "state": fill(dep["state"]), "changedPropIds": changed}
    t0, c0 = time.perf_counter(), time.process_time()
    response = client.post("/_dash-update-component", json=body, headers=GZIP)
    elapsed = (time.perf_counter() - t0, time.process_time() - c0)
    if response.status_code != 200:
        raise RuntimeError(f"callback {output_key} failed: {response.status_code}")
    return elapsed, _sizes(response)


def _sizes(response) -> tuple[int, int]:
    """(bytes on the wire, bytes after decompression)."""
    wire = response.data
    raw = gzip.decompress(wire) if response.headers.get("Content-Encoding") == "gzip" else wire
    return len(wire), len(raw)


def pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bench_app(data, reps: int) -> dict:
    from dashboard.app import create_app

    proc = psutil.Process()
    t0 = time.perf_counter()
    app = create_app(data, reload_seconds=3600)
    client = app.server.test_client()
    page = client.get("/", headers=GZIP)
    layout = client.get("/_dash-layout", headers=GZIP)
    deps = client.get("/_dash-dependencies", headers=GZIP)
    start_s = time.perf_counter() - t0
    dep = {d["output"]: d for d in json.loads(gzip.decompress(deps.data))}
    sync_key = next(k for k in dep if k.startswith("..url.search"))

    # First page load: the HTML, layout, dependencies and the first round of callbacks.
    _, sync_bytes = _post(client, dep[sync_key], sync_key, {"url.search": ""}, ["url.search"])
    state = {**ViewState().to_dict(), "nav": True, "frame": None}
    first = [_post(client, dep[k], k, {"view-state.data": state}, ["view-state.data"])[1]
             for k in (MAP_OUT, TIMELINE_OUT, "detail.children")]
    loads = [_sizes(page), _sizes(layout), _sizes(deps), sync_bytes, *first]
    first_load = (sum(w for w, _ in loads), sum(r for _, r in loads))
    assets = _asset_bytes(client, gzip.decompress(page.data).decode())

    clicks = _bench_clicks(client, dep, reps)
    results = {}
    for name, view in SCENARIOS.items():
        data = {**view.to_dict(), "nav": False, "frame": None}
        times, sizes = [], []
        for _ in range(reps):
            t_map, s_map = _post(client, dep[MAP_OUT], MAP_OUT, {"view-state.data": data},
                                 ["view-state.data"])
            t_tl, s_tl = _post(client, dep[TIMELINE_OUT], TIMELINE_OUT,
                               {"view-state.data": data}, ["view-state.data"])
            times.append((t_map[0] + t_tl[0], t_map[1] + t_tl[1]))
            sizes.append((s_map[0] + s_tl[0], s_map[1] + s_tl[1]))
        results[name] = (times, sizes)
    source = app.server.config["DASHBOARD_SOURCE"]
    return {"start_s": start_s, "first_load": first_load, "layout": _sizes(layout),
            "assets": assets, "scenarios": results, "clicks": clicks,
            "rss": proc.memory_info().rss,
            "frame": source.index().frame, "n": source.index().size}


def _bench_clicks(client, dep, reps: int) -> dict:
    """Time a click on an event and on a town's disc, through to the evidence on screen.

    One click is three round trips: the click callback (which event or town is
    under the pointer), then, fed by the new view state, the detail panel
    (the evidence) and the map (the selection marker); the table's page
    request stands for the table. All on the 1M-event app, zoomed on a city.
    """
    nav_key = next(k for k in dep if k.startswith("..view-state.data@") and "place-message" in k)
    view = {**ViewState(lat=36.34, lon=43.13, zoom=11.0).to_dict(), "nav": False, "frame": None}
    table_key = next(k for k in dep if k.startswith("..event-table.getRowsResponse"))
    results = {}
    for name, click in (("click on an event", {"points": [{"customdata": 123_456}]}),
                        ("click on a town disc", {"points": [{"customdata": "town:Mosul"}]})):
        totals, sizes = [], []
        for _ in range(reps):
            t0 = time.perf_counter()
            picked = _state_after(client, dep[nav_key], nav_key, click, view)
            t_nav = time.perf_counter() - t0
            if not picked:
                raise RuntimeError(f"{name}: the click selected nothing")
            state = {**view, **picked}
            t_det, s_det = _post(client, dep["detail.children"], "detail.children",
                                 {"view-state.data": state}, ["view-state.data"])
            t_map, s_map = _post(client, dep[MAP_OUT], MAP_OUT, {"view-state.data": state},
                                 ["view-state.data"])
            totals.append(t_nav + t_det[0] + t_map[0])
            sizes.append(s_det[1] + s_map[1])
        results[name] = (totals, sizes)
    totals = []
    for i in range(reps):
        sort = [{"colId": ("killed", "place", "date")[i % 3], "sort": "desc"}]
        request = {"startRow": 0, "endRow": 25, "sortModel": sort, "filterModel": {}}
        elapsed, _ = _post(client, dep[table_key], table_key,
                           {"event-table.getRowsRequest": request,
                            "view-state.data": {**ViewState(start=date(2015, 1, 1),
                                                            end=date(2015, 12, 31)).to_dict(),
                                                "nav": False, "frame": None}},
                           ["event-table.getRowsRequest"])
        totals.append(elapsed[0])
    results["event table page, sorted (2015)"] = (totals, [0])
    return results


def _state_after(client, dep, key, click, view) -> dict:
    """The view state the click callback returns (its first output)."""
    outputs = [dict(zip(("id", "property"), o.split("@")[0].split("."), strict=True))
               for o in key.strip(".").split("...")]
    body = {"output": key, "outputs": outputs,
            "inputs": [{**i, "value": click if i["property"] == "clickData" else None}
                       for i in dep["inputs"]],
            "state": [{**i, "value": view if i["id"] == "view-state" else None}
                      for i in dep["state"]],
            "changedPropIds": ["map.clickData"]}
    response = client.post("/_dash-update-component", json=body)
    if response.status_code != 200:
        return {}
    data = response.get_json()["response"].get("view-state", {})
    return {k: v for k, v in (data.get("data") or {}).items() if k in ("event", "town")}


def _asset_bytes(client, page: str) -> tuple[int, int]:
    """Raw and gzip-compressed bytes of the scripts and styles the page loads (cached later)."""
    import re

    urls = re.findall(r'(?:src|href)="(/[^"]+\.(?:js|css)[^"]*)"', page) + list(LAZY_ASSETS)
    wire = raw = 0
    for url in urls:
        w, r = _sizes(client.get(url, headers=GZIP))
        wire, raw = wire + w, raw + r
    return wire, raw


def bench_naive(frame, reps: int) -> dict:
    """One px.scatter_map of all filtered points per callback, as many tutorials do."""
    import plotly.express as px

    from dashboard.filters import EventIndex, filter_positions

    index = EventIndex(frame)
    results = {}
    for name in ("all events (opening view)", "one month"):
        times, size = [], 0
        for _ in range(reps):
            t0 = time.perf_counter()
            rows = index.frame.iloc[filter_positions(index, SCENARIOS[name])]
            fig = px.scatter_map(rows, lat="lat", lon="lon", color="event_type",
                                 hover_data=["place", "date", "actor1", "actor2", "magnitude"],
                                 map_style="white-bg", zoom=4.6)
            body = fig.to_json()
            times.append(time.perf_counter() - t0)
            size = len(body)
            del fig, body
            gc.collect()
        results[name] = (times, size)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--naive-reps", type=int, default=3)
    parser.add_argument("--db", default=None,
                        help="Serve this database (e.g. one filled by `python -m events synth "
                             "--n 1000000 --db URL`) instead of an in-memory frame; app start "
                             "then includes Store.load_frame().")
    args = parser.parse_args()

    if args.db:
        data, what = args.db, f"the database {args.db}"
    else:
        t0 = time.perf_counter()
        data = make_frame(args.n)
        what = "an in-memory frame"
        print(f"{args.n:,} synthetic events made in {time.perf_counter() - t0:.1f} s")
    gc.collect()
    out = bench_app(data, args.reps)
    frame = out.pop("frame")
    mb = 1e6
    print(f"\nDashboard (this implementation), {out['n']:,} events from {what}, "
          f"{args.reps} reps per view")
    print(f"  app start (load, index, layout with first figures): {out['start_s']:.2f} s  "
          f"[target <= 5 s]")
    print(f"  first page load, layout + first callback responses: "
          f"{out['first_load'][0] / mb:.2f} MB sent ({out['first_load'][1] / mb:.2f} MB "
          f"uncompressed)  [target <= 3 MB]")
    print(f"  + scripts and styles (plotly.js included; browser-cached after the first visit): "
          f"{out['assets'][0] / mb:.2f} MB sent ({out['assets'][1] / mb:.2f} MB uncompressed)")
    wall_all, cpu_all = [], []
    print("  server time of the main callbacks (map + timeline), wall clock and CPU of this "
          "process\n  (CPU time is what the callbacks cost when the machine is shared)")
    print(f"  {'view':32} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'CPU p95':>8} "
          f"{'sent MB':>8} {'uncompr. MB':>12}")
    for name, (times, sizes) in out["scenarios"].items():
        wall, cpu = [t[0] for t in times], [t[1] for t in times]
        wall_all += wall
        cpu_all += cpu
        wire, raw = max(s[0] for s in sizes), max(s[1] for s in sizes)
        print(f"  {name:32} {1000 * pct(wall, .5):8.1f} {1000 * pct(wall, .95):8.1f} "
              f"{1000 * pct(cpu, .5):8.1f} {1000 * pct(cpu, .95):8.1f} "
              f"{wire / mb:8.3f} {raw / mb:12.3f}")
    print(f"  {'ALL VIEWS':32} {1000 * pct(wall_all, .5):8.1f} {1000 * pct(wall_all, .95):8.1f} "
          f"{1000 * pct(cpu_all, .5):8.1f} {1000 * pct(cpu_all, .95):8.1f}"
          "   [targets p50 <= 100, p95 <= 250 ms, <= 2 MB]")
    print(f"  machine load average while measuring: {psutil.getloadavg()[0]:.1f} "
          f"on {psutil.cpu_count()} CPUs")
    print("  clicks (click callback + evidence in the detail + map with the selection), and "
          "the event table")
    for name, (times, sizes) in out["clicks"].items():
        print(f"  {name:32} p50 {1000 * pct(times, .5):8.1f} ms   p95 "
              f"{1000 * pct(times, .95):8.1f} ms   responses {max(sizes) / mb:.3f} MB"
              "   [target <= 1000 ms]")
    print(f"  resident memory: {out['rss'] / 1e9:.2f} GB  [target <= 1.5 GB]")

    if args.naive_reps < 1:
        return
    print(f"\nNaive (px.scatter_map of all filtered points per callback), {args.naive_reps} reps")
    naive = bench_naive(frame, args.naive_reps)
    for name, (times, size) in naive.items():
        print(f"  {name:32} p50 {1000 * statistics.median(times):8.0f} ms   "
              f"response {size / mb:8.1f} MB (uncompressed)")
    print(f"  resident memory after naive: {psutil.Process().memory_info().rss / 1e9:.2f} GB")


if __name__ == "__main__":
    main()
