"""Benchmark extraction end to end on the 804 FA-KES Syrian-war articles.

Run::

    .venv/bin/python benchmarks/bench_extract.py [--csv PATH] [--limit N] [--errors]

Each article goes through ``read_text`` (cleaning, metadata) and
``extract_events`` (triggers, actors, dates, geocoding with geodata). The
gazetteer, the word tables and the parsing model are loaded once before timing,
by a one-line warm-up report (the gazetteer's own load time is geodata's
benchmark). Prints reports/s, events found, the slowest report and the peak
resident memory. Targets (issue 4): >= 100 reports/s on one core, <= 500 MB
resident; every article must go through without an error.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psutil  # noqa: E402

from events.extract import extract_events  # noqa: E402
from events.reports import ReportError, read_text  # noqa: E402

DEFAULT_CSV = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "data"
    / "events"
    / "fakes_syrian_war_news_articles_2011-2018.csv"
)


def load_articles(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    """Rows of the FA-KES CSV (article_title, article_content, source, date)."""
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows[:limit] if limit else rows


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", action="store_true", help="print each failing article")
    args = ap.parse_args()
    if not args.csv.exists():
        print(f"FA-KES CSV not found at {args.csv}", file=sys.stderr)
        return 2
    rows = load_articles(args.csv, args.limit)
    # start-up is not a report's time: the gazetteer, the tables and the parsing model load
    # once per process (a server loads them before its first request)
    extract_events(read_text("Warplanes struck Aleppo on Monday.", name="warm-up",
                             published="2016-02-02"))  # fmt: skip
    process = psutil.Process()
    n_events, failures, refused = 0, 0, 0
    types: Counter[str] = Counter()
    slowest = (0.0, "")
    t0 = time.perf_counter()
    c0 = time.process_time()
    for i, row in enumerate(rows):
        text = f"{row.get('article_title', '')}\n\n{row.get('article_content', '')}"
        t = time.perf_counter()
        try:
            report = read_text(
                text,
                name=f"fakes_{i}",
                source=row.get("source") or None,
                published=row.get("date") or None,
            )
            found = extract_events(report)
        except ReportError:
            refused += 1
            continue
        except Exception as exc:  # noqa: BLE001 - counting every failure is the point here
            failures += 1
            if args.errors:
                print(f"article {i}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        took = time.perf_counter() - t
        if took > slowest[0]:
            slowest = (took, f"fakes_{i}")
        n_events += len(found)
        types.update(e.event_type for e in found)
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    rss_mb = process.memory_info().rss / 1e6
    print(f"articles {len(rows)}  errors {failures}  refused (ReportError) {refused}")
    print(f"wall {elapsed:.2f} s  ->  {len(rows) / elapsed:.1f} reports/s")
    # CPU time is what one core spends; wall time also counts other processes on a shared machine.
    print(f"cpu  {cpu:.2f} s  ->  {len(rows) / cpu:.1f} reports/s per core  (target >= 100)")
    print(f"slowest report {slowest[1]}: {slowest[0] * 1000:.1f} ms")
    print(f"events {n_events}  ({n_events / max(1, len(rows)):.2f} per article)")
    print("by type: " + ", ".join(f"{k} {v}" for k, v in types.most_common()))
    print(f"resident memory {rss_mb:.0f} MB  (target <= 500)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
