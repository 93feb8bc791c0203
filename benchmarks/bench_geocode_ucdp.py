"""Benchmark the resolver on the place names of UCDP GED Syria 2016-2019 (village scale).

Run::

    .venv/bin/python benchmarks/bench_geocode_ucdp.py [--shared ../shared] [--show 20]

The rows of ``data/events/ucdp_ged_syria_2016-2019.csv`` with ``where_prec = 1``
name their place in ``where_coordinates`` and locate it in ``latitude`` /
``longitude``. The trailing feature word is removed ("Shamarikh village" ->
"Shamarikh"), which leaves 1,323 distinct names; each is scored against the
point its rows give most often (with that row's ``adm_1`` and ``adm_2``).

Printed, per way of asking: the share of names resolved within 10 km, how many
got an answer, how many answers say ``ambiguous``, and the time per name
(a fresh resolver, no result cache). Targets (issue 10): >= 0.80 with the
``adm_1`` hint, >= 0.70 with only ``country="SY"`` (a filter, as the CLI's
``--country``), >= 0.66 with no hint.

These names and points are an evaluation set only: nothing in geodata/data is
drawn from them (the event-density prior uses other years of another file).
"""

from __future__ import annotations

import argparse
import collections
import csv
import math
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The feature words UCDP appends to a name (the last word, any case).
FEATURE_WORD = re.compile(r"\s+(?:town|village|city|suburb|camp|farm|area|base|airbase|airport|"
                          r"field|dam)$", re.I)
#: Ways of asking: label -> keyword arguments of Resolver.resolve (hints filled per name).
MODES = {
    "adm_1 hint": {"admin1": True},
    "adm_1 + adm_2 hints": {"admin1": True, "admin2": True},
    "country SY only": {"country": "SY", "country_only": True},
    "no hint": {},
}
TARGETS = {"adm_1 hint": 0.80, "country SY only": 0.70, "no hint": 0.66}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def ucdp_names(path: Path) -> list[tuple[str, float, float, str, str]]:
    """Return (name, lat, lon, adm_1, adm_2) per distinct feature-stripped name."""
    groups: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["where_prec"] != "1":
                continue
            name = FEATURE_WORD.sub("", " ".join(row["where_coordinates"].split()))
            groups[name][(row["latitude"], row["longitude"], row["adm_1"], row["adm_2"])] += 1
    out = []
    for name, counts in groups.items():
        (lat, lon, adm1, adm2), _ = counts.most_common(1)[0]
        out.append((name, float(lat), float(lon), adm1, adm2))
    return out


def run_mode(names, mode: dict) -> dict:
    """Resolve every name one way; return accuracy, answered, ambiguous, misses, time."""
    import geodata
    from geodata.resolver import Resolver

    resolver = Resolver(geodata.get_gazetteer())  # fresh: no memo from other modes
    ok = answered = ambiguous = ambiguous_wrong = 0
    misses = []
    t0 = time.perf_counter()
    for name, lat, lon, adm1, adm2 in names:
        kwargs = {k: v for k, v in mode.items() if k in ("country", "country_only")}
        if mode.get("admin1"):
            kwargs["admin1"] = adm1
        if mode.get("admin2") and adm2:
            kwargs["admin2"] = adm2
        place = resolver.resolve(name, **kwargs)
        if place is None:
            misses.append((name, adm1, None, None))
            continue
        answered += 1
        err = km(lat, lon, place.lat, place.lon)
        ambiguous += place.ambiguous
        if err <= 10.0:
            ok += 1
        else:
            ambiguous_wrong += place.ambiguous
            misses.append((name, adm1, place, err))
    seconds = time.perf_counter() - t0
    return {"accuracy": ok / len(names), "answered": answered, "ambiguous": ambiguous,
            "ambiguous_wrong": ambiguous_wrong, "misses": misses,
            "ms_per_name": 1000 * seconds / len(names)}


def coverage(names) -> dict[str, float]:
    """Share of names with a gazetteer entry within 10 km named alike (any of its names).

    The ceiling any ranking can reach with the shipped data: "exact" has an
    entry of the same key there, ">= 80" / ">= 70" one whose key is that similar
    (rapidfuzz ratio). Diagnostics only: nothing here feeds the resolver.
    """
    import numpy as np
    from rapidfuzz import fuzz

    import geodata
    from geodata.normalize import name_key

    ix = geodata.get_gazetteer().index
    keys_of: dict[int, list[str]] = collections.defaultdict(list)
    for key, codes in ix.keys.items():
        for c in codes:
            keys_of[c >> 1].append(key)
    lat, lon = np.array(ix.lat), np.array(ix.lon)
    counts = collections.Counter()
    for name, tlat, tlon, _, _ in names:
        dist = 111.2 * np.hypot(lat - tlat, (lon - tlon) * math.cos(math.radians(tlat)))
        query = name_key(name)
        best = max((fuzz.ratio(query, k) for e in np.nonzero(dist <= 10.0)[0]
                    for k in keys_of[int(e)]), default=0.0)
        counts["exact"] += best == 100
        counts[">= 80"] += best >= 80
        counts[">= 70"] += best >= 70
    return {k: v / len(names) for k, v in counts.items()}


def main(argv: list[str] | None = None) -> None:
    """Print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared data folder (holding data/events/)")
    ap.add_argument("--show", type=int, default=0, help="list this many misses per mode")
    ap.add_argument("--mode", choices=sorted(MODES), action="append",
                    help="run only these modes (default: all)")
    ap.add_argument("--ceiling", action="store_true",
                    help="also print how many names the gazetteer has within 10 km at all")
    args = ap.parse_args(argv)
    path = args.shared / "data" / "events" / "ucdp_ged_syria_2016-2019.csv"
    if not path.exists():
        sys.exit(f"{path} not found: pass --shared with the folder holding data/events/")
    names = ucdp_names(path)
    print(f"{len(names)} distinct where_prec=1 place names (feature word removed)")
    for label in args.mode or MODES:
        res = run_mode(names, MODES[label])
        target = TARGETS.get(label)
        print(f"{label:22s} within 10 km {res['accuracy']:.3f}"
              f"{f' (target >= {target:.2f})' if target else '':19s}  answered "
              f"{res['answered']:4d}  ambiguous {res['ambiguous']:3d} "
              f"({res['ambiguous_wrong']} of them wrong)  {res['ms_per_name']:.2f} ms/name")
        for name, adm1, place, err in res["misses"][: args.show]:
            got = "no answer" if place is None else (
                f"{place.name} ({place.admin1}, {place.feature}) {err:.0f} km"
                f"{' ambiguous' if place.ambiguous else ''}")
            print(f"    {name} [{adm1}] -> {got}")
    if args.ceiling:
        shares = coverage(names)
        print("names with a gazetteer entry within 10 km named alike: "
              + ", ".join(f"{k} {v:.3f}" for k, v in shares.items()))


if __name__ == "__main__":
    main()
