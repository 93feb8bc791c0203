"""Benchmark the event store: bulk storing speed and the million-row DataFrame load.

Run::

    .venv/bin/python benchmarks/bench_store.py [--n 100000] [--load-n 1000000] [--db URL]

Targets (issue 2): storing >= 20,000 events/s on SQLite; loading 1,000,000 events
into the typed DataFrame in <= 3 s and <= 600 MB of extra memory.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil  # noqa: E402

from events.model import ACTORS, EVENT_TYPES, Event, event_id  # noqa: E402
from events.store import Store  # noqa: E402

_PLACES = [("Mosul", "Ninewa", 36.34, 43.13, "IQ"),
           ("Tikrit", "Salah al-Din", 34.6, 43.68, "IQ"),
           ("Ramadi", "Anbar", 33.42, 43.3, "IQ"),
           ("Raqqa", "Ar-Raqqa", 35.95, 39.01, "SY"),
           ("Palmyra", "Homs", 34.56, 38.27, "SY"), ("Kobani", "Aleppo", 36.89, 38.36, "SY"),
           ("Deir ez-Zor", "Deir-ez-Zor", 35.33, 40.14, "SY"),
           ("Fallujah", "Anbar", 33.35, 43.78, "IQ")]


def make_events(n: int, *, seed: int = 1, report_size: int = 5) -> list[Event]:
    """Return ``n`` plausible synthetic events, ``report_size`` per fake report."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        place, admin1, lat, lon, country = rng.choice(_PLACES)
        etype = rng.choice(EVENT_TYPES)
        report = f"synthetic-{i // report_size}.txt"
        evidence = f"Synthetic sentence {i} about {etype} near {place}, for benchmarking only."
        eid = event_id(report, i, i + len(evidence), etype, place)
        day = f"{rng.randint(2014, 2017)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        out.append(Event(
            id=eid, incident_id=eid, report=report, source=rng.choice(["CNN", "Reuters", "IOM"]),
            url=f"https://example.org/{i // report_size}", report_date=day, event_type=etype,
            actor1=rng.choice(ACTORS), actor2=rng.choice((None, *ACTORS)), location=place,
            place=place, geonameid=rng.choice((None, 99072, 1000 + i % 50)), country=country,
            admin1=admin1, admin2=None, lat=lat + rng.uniform(-0.5, 0.5),
            lon=lon + rng.uniform(-0.5, 0.5), geo_precision=rng.choice((1, 2, 3)), date=day,
            date_precision=rng.choice(("day", "day", "week", "month")),
            magnitude=rng.choice((None, float(rng.randint(1, 5000)))),
            magnitude_unit=rng.choice((None, "killed", "people_displaced")),
            certainty=rng.choice(("reported", "claimed")), evidence=evidence,
            evidence_start=i, evidence_end=i + len(evidence)))
    return out


def _rss_mb() -> float:
    return psutil.Process().memory_info().rss / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="events to store")
    parser.add_argument("--load-n", type=int, default=1_000_000, help="events to load")
    parser.add_argument("--db", default=None,
                        help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        events = make_events(max(args.n, args.load_n))
        for match in (False, True):
            url = args.db or f"sqlite:///{tmp}/bench-{match}.sqlite"
            with Store(url) as store:
                t0, c0 = time.perf_counter(), time.process_time()
                res = store.add_events(events[:args.n], report_key="bench",
                                       match_incidents=match)
                dt, cpu = time.perf_counter() - t0, time.process_time() - c0
            print(f"store {args.n:,} events (match_incidents={match}): {dt:.2f} s wall "
                  f"({cpu:.2f} s CPU), {args.n / dt:,.0f} events/s, "
                  f"{res.new_incidents:,} incidents")
            if args.db:
                break
        with Store(args.db or f"sqlite:///{tmp}/bench-False.sqlite") as store:
            store.add_events(events[args.n:], report_key="bench-rest", match_incidents=False)
            del events
            # The dashboard has pandas and pyarrow loaded already: measure the load only.
            import pandas  # noqa: F401
            import pyarrow  # noqa: F401

            for attempt in (1, 2):
                gc.collect()
                before = _rss_mb()
                t0, c0 = time.perf_counter(), time.process_time()
                frame = store.load_frame()
                dt, cpu = time.perf_counter() - t0, time.process_time() - c0
                after = _rss_mb()
                print(f"load_frame {len(frame):,} events (run {attempt}): {dt:.2f} s wall "
                      f"({cpu:.2f} s CPU, all threads), RSS +{after - before:.0f} MB, "
                      f"frame {frame.memory_usage(deep=True).sum() / 1e6:.0f} MB")
                del frame
    print(f"machine load average while measuring: {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores (other processes slow the wall-clock figures)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
