"""Benchmark the briefing pack: a full deck for one month of events.

Run::

    .venv/bin/python benchmarks/bench_brief.py [--n 100000] [--month 2015-06] [--format pptx]

Builds ``--n`` synthetic events over several years (``events.synth``), then
times :func:`dashboard.brief.build_brief` for one calendar month, first with a
cold export server (Chromium start-up included) and then warm, as a
dashboard that exports several briefs would run it. Target (issue 6): the
full deck for a month <= 15 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

import geodata  # noqa: E402
from dashboard.brief import build_brief  # noqa: E402
from events.synth import synth_events  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic events in total")
    parser.add_argument("--month", default=None, help="YYYY-MM (default: the busiest month)")
    parser.add_argument("--format", default="pptx", choices=["pptx", "pdf", "both"])
    args = parser.parse_args(argv)

    began = time.perf_counter()
    frame = synth_events(args.n, seed=7)
    frame["date"] = pd.to_datetime(frame["date"].astype(str))
    frame["report_date"] = pd.to_datetime(frame["report_date"].astype(str))
    month = pd.Period(args.month, "M") if args.month else frame["date"].dt.to_period("M").mode()[0]
    start, end = month.start_time.date(), month.end_time.date()
    in_month = frame[(frame["date"] >= str(start)) & (frame["date"] <= str(end))]
    outline, layers = geodata.study_area(), geodata.base_layers()
    print(f"{len(frame):,} events made in {time.perf_counter() - began:.1f} s; {month}: "
          f"{len(in_month):,} events from {in_month['report'].nunique():,} reports")

    formats = ["pptx", "pdf"] if args.format == "both" else [args.format]
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for label in ("cold", "warm"):
            for fmt in formats:
                out = Path(tmp) / f"brief-{label}.{fmt}"
                t0 = time.perf_counter()
                build_brief(frame, start=start, end=end, out=out, outline=outline,
                            base_layers=layers)
                took = time.perf_counter() - t0
                worst = max(worst, took)
                print(f"{label:4} {fmt:4}: {took:5.2f} s  ({out.stat().st_size / 1e6:.1f} MB)")
    verdict = "OK" if worst <= 15.0 else "OVER"
    print(f"slowest deck {worst:.2f} s (target <= 15 s): {verdict}")
    return 0 if worst <= 15.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
