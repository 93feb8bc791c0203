"""Benchmark one-line reports: UCDP GED Syria headlines read as whole reports.

Run::

    .venv/bin/python benchmarks/bench_headlines.py [--years 2016-2017] [--csv PATH] [--show N]

SOHR bulletins, wire flashes, RSS items and alerts are often a single line.
This takes the UCDP GED Syria rows of the given years whose place is exact
(``where_prec`` 1) and named in the row's ``source_headline``, and gives each
distinct headline to the extractor as a report whose whole text is that line,
published on the row's ``source_date``. It prints the share of headlines that
give any event, and the share with an event within 10 km of one of UCDP's
points for that headline. Target (issue 9): >= 0.75 within 10 km on
2016-2017. The 2018-2019 rows are the check set: do not tune on them.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.extract import extract_events, load_nlp  # noqa: E402
from events.reports import ReportError, read_text  # noqa: E402

DEFAULT_CSV = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "data"
    / "events"
    / "ucdp_ged_syria_2016-2019.csv"
)
#: Feature words UCDP writes after a place name ("Shamarikh village").
_FEATURE = re.compile(
    r"\s+(?:village|town|city|area|district|neighbou?rhood|quarter|camp|hill|mountain|farms?|"
    r"airport|air\s*base|base|dam|bridge|prison|checkpoint|crossing|roundabout|plain|"
    r"valley|region|countryside|subdistrict|sub-district|governorate|province)\s*$",
    re.IGNORECASE,
)
KM = 10.0


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def place_name(where: str) -> str:
    """UCDP's place without its trailing feature word: "Shamarikh village" -> "Shamarikh"."""
    return _FEATURE.sub("", where.strip())


def load_headlines(path: Path, years: tuple[int, int]) -> dict[tuple[str, str], list]:
    """Distinct (headline, date) -> UCDP points of rows whose place the headline names."""
    out: dict[tuple[str, str], list] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["where_prec"] != "1" or not years[0] <= int(row["year"]) <= years[1]:
                continue
            headline = (row["source_headline"] or "").strip()
            name = place_name(row["where_coordinates"] or "")
            if not headline or not name or _fold(name) not in _fold(headline):
                continue
            day = (row["source_date"] or row["date_start"] or "").split(";")[0].strip()[:10]
            point = (float(row["latitude"]), float(row["longitude"]))
            if point not in out[(headline, day)]:
                out[(headline, day)].append(point)
    return out


def km(a: tuple[float, float], lat: float, lon: float) -> float:
    p1, p2 = math.radians(a[0]), math.radians(lat)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - a[1]) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--years", default="2016-2017", help="first-last year, e.g. 2018-2019")
    ap.add_argument("--show", type=int, default=0, help="print this many misses")
    args = ap.parse_args()
    if not args.csv.exists():
        print(f"UCDP CSV not found at {args.csv}", file=sys.stderr)
        return 2
    first, _, last = args.years.partition("-")
    headlines = load_headlines(args.csv, (int(first), int(last or first)))
    nlp = load_nlp()
    extract_events(read_text("published: 2016-01-01\n---\nISIS seized Mosul.", name="w"), nlp=nlp)
    any_event = near = 0
    misses = []
    t0, c0 = time.perf_counter(), time.process_time()
    for i, ((headline, day), points) in enumerate(sorted(headlines.items())):
        try:
            report = read_text(f"published: {day}\n---\n{headline}", name=f"h{i}")
        except ReportError:
            continue
        events = extract_events(report, nlp=nlp)
        any_event += bool(events)
        hit = any(km(p, e.lat, e.lon) <= KM for e in events for p in points)
        near += hit
        if not hit:
            misses.append((headline, [(e.event_type, e.place) for e in events]))
    n = len(headlines)
    cpu = time.process_time() - c0
    print(f"years {args.years}: {n} distinct headlines naming UCDP's place (where_prec 1)")
    print(f"any event:                {any_event / n:.3f}  ({any_event})")
    print(f"event within {KM:.0f} km of UCDP: {near / n:.3f}  ({near})  (target >= 0.75)")
    print(f"time: {time.perf_counter() - t0:.1f} s wall, {cpu:.1f} s cpu, {n / cpu:.0f} lines/s")
    for headline, found in misses[: args.show]:
        print(f"  MISS {headline[:140]!r} -> {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
