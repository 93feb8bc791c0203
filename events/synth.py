"""Synthetic events for load tests: realistic-looking, clearly labelled, fast to make.

The dashboard must stay quick at a million events and the store must write
them fast; real data of that size is not bundled, so :func:`synth_events`
makes it. Events sit around the real towns of the bundled sample (with a few
kilometres of jitter for some), cluster in time around the sample's real
happenings (offensives come in bursts) on top of a steady background, and use
actors that fight in the right country. Every synthetic event says so: its
``source`` starts with "Synthetic" and its evidence with "Synthetic event".
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import click
import numpy as np
import pandas as pd

from events.model import RECORD_FIELDS, Event

if TYPE_CHECKING:
    from events.store import Store

#: Event types and how often they occur (fractions add up to 1).
TYPE_WEIGHTS: dict[str, float] = {
    "clash": 0.24, "airstrike": 0.20, "shelling": 0.14, "bombing": 0.08, "seizure": 0.06,
    "attack_on_civilians": 0.06, "displacement": 0.06, "troop_position": 0.05,
    "withdrawal": 0.04, "abduction": 0.03, "threat": 0.02, "prison_break": 0.02,
}
#: Actors active in each country, with weights (actor1 and actor2 are drawn from these).
COUNTRY_ACTORS: dict[str, dict[str, float]] = {
    "IQ": {"ISIS": 0.38, "Iraqi Security Forces": 0.30, "PMF": 0.12, "Peshmerga": 0.10,
           "US-led coalition": 0.08, "Turkey": 0.02},
    "SY": {"ISIS": 0.22, "Syrian Army": 0.24, "Syrian rebels": 0.14, "SDF": 0.10,
           "YPG": 0.06, "Nusra Front": 0.07, "Russia": 0.07, "US-led coalition": 0.06,
           "Turkey": 0.02, "Hezbollah": 0.02},
}
#: Magnitude unit and log-normal (median, sigma) per type; other types carry no figure.
MAGNITUDES: dict[str, tuple[str, float, float]] = {
    "displacement": ("people_displaced", 2000.0, 1.6),
    "attack_on_civilians": ("killed", 6.0, 1.0),
    "bombing": ("killed", 8.0, 1.1),
    "airstrike": ("killed", 4.0, 1.0),
    "abduction": ("hostages", 10.0, 1.2),
    "prison_break": ("prisoners_freed", 150.0, 1.0),
    "troop_position": ("troops", 400.0, 1.0),
}
SOURCES: tuple[str, ...] = ("Synthetic Wire", "Synthetic Press", "Synthetic Monitor",
                            "Synthetic NGO")
START, END = np.datetime64("2014-01-01"), np.datetime64("2019-12-31")
#: Share of events in bursts around the sample's real happenings.
BURST_SHARE = 0.45
#: Standard deviation of the position jitter, degrees (about 3 km).
JITTER_DEG = 0.03


@lru_cache(maxsize=1)
def _towns() -> pd.DataFrame:
    """Towns of the bundled sample with a weight (how often they appear there)."""
    from events.sample import SAMPLE_CSV

    cols = ["place", "country", "admin1", "admin2", "lat", "lon", "geo_precision", "date"]
    df = pd.read_csv(SAMPLE_CSV, usecols=cols, dtype={"admin2": str})
    df = df[df["geo_precision"] < 3]
    towns = (df.groupby("place", sort=True)
             .agg(country=("country", "first"), admin1=("admin1", "first"),
                  admin2=("admin2", "first"), lat=("lat", "first"), lon=("lon", "first"),
                  n=("date", "size"))
             .reset_index())
    towns["weight"] = np.sqrt(towns["n"]) / np.sqrt(towns["n"]).sum()
    return towns


@lru_cache(maxsize=1)
def _happenings() -> pd.DataFrame:
    """Dates and towns of the sample's events: the centres of the bursts."""
    from events.sample import SAMPLE_CSV

    df = pd.read_csv(SAMPLE_CSV, usecols=["place", "date", "geo_precision"])
    df = df[df["geo_precision"] < 3]
    return df[["place", "date"]].reset_index(drop=True)


def _inside_mask(lon: np.ndarray, lat: np.ndarray) -> np.ndarray | None:
    """Which points lie in Iraq or Syria (None when geodata offers no outline)."""
    try:
        from geodata import study_area

        area = study_area()
    except ImportError:  # geodata without its outline layer: keep the points as drawn
        return None
    import shapely

    shapely.prepare(area)
    return shapely.contains_xy(area, lon, lat)


def _numbered(prefix: str, numbers: np.ndarray) -> np.ndarray:
    """Return ``prefix`` + zero-padded numbers, vectorised (1M in well under a second)."""
    if numbers.size == 0:  # numpy's zfill cannot reduce over an empty array
        return np.array([], dtype=object)
    return np.strings.add(prefix, np.strings.zfill(numbers.astype("U8"), 8))


def synth_events(n: int, *, seed: int = 0) -> pd.DataFrame:
    """Make ``n`` synthetic events across Iraq and Syria.

    Parameters
    ----------
    n : int
        Number of events (>= 0).
    seed : int
        Seed of the random generator: the same ``n`` and ``seed`` give the same
        events, ids included, so writing them twice adds nothing.

    Returns
    -------
    pandas.DataFrame
        One row per event with exactly DESIGN.md's record fields, sorted by
        date. Repeated strings (types, actors, places, dates as ``YYYY-MM-DD``,
        evidence) are categoricals. A few seconds per million rows.

    Raises
    ------
    ValueError
        If ``n`` is negative.

    Examples
    --------
    >>> frame = synth_events(1000, seed=1)
    >>> len(frame), sorted(frame["country"].unique())
    (1000, ['IQ', 'SY'])
    """
    if n < 0:
        raise ValueError(f"invalid n={n!r}: expected a number of events >= 0")
    rng = np.random.default_rng(seed)
    towns = _towns()
    hap = _happenings()
    span = int((END - START).astype(int)) + 1

    # Place and date: a burst around a real happening, or background anywhere/any day.
    burst = rng.random(n) < BURST_SHARE
    town_idx = rng.choice(len(towns), size=n, p=towns["weight"].to_numpy())
    day = rng.integers(0, span, size=n)
    n_burst = int(burst.sum())
    if n_burst:
        pick = rng.integers(0, len(hap), size=n_burst)
        place_pos = pd.Index(towns["place"]).get_indexer(hap["place"].to_numpy()[pick])
        centre = (pd.to_datetime(hap["date"].to_numpy()[pick]).to_numpy().astype("datetime64[D]")
                  - START).astype(int)
        town_idx[burst] = place_pos
        day[burst] = np.clip(centre + np.round(rng.normal(0, 12, n_burst)).astype(int),
                             0, span - 1)
    country = towns["country"].to_numpy()[town_idx]
    lat = towns["lat"].to_numpy()[town_idx].astype(float)
    lon = towns["lon"].to_numpy()[town_idx].astype(float)
    jitter = rng.random(n) < 0.35
    lat = np.where(jitter, lat + rng.normal(0, JITTER_DEG, n), lat)
    lon = np.where(jitter, lon + rng.normal(0, JITTER_DEG, n), lon)
    inside = _inside_mask(lon, lat)
    if inside is not None:
        # Jitter must not push a border or coastal town's events abroad or into the sea.
        back = ~inside & jitter
        lat[back] = towns["lat"].to_numpy()[town_idx[back]]
        lon[back] = towns["lon"].to_numpy()[town_idx[back]]
        jitter &= ~back

    types = list(TYPE_WEIGHTS)
    type_code = rng.choice(len(types), size=n, p=list(TYPE_WEIGHTS.values()))
    event_type = np.asarray(types, dtype=object)[type_code]
    actor1 = np.empty(n, dtype=object)
    actor2 = np.empty(n, dtype=object)
    for cc, weights in COUNTRY_ACTORS.items():
        sel = np.flatnonzero(country == cc)
        names = np.array(list(weights), dtype=object)
        p = np.array(list(weights.values()))
        a1 = rng.choice(len(names), size=len(sel), p=p)
        # actor2 is a different force: shift by 1..len-1 places in the list.
        a2 = (a1 + rng.integers(1, len(names), size=len(sel))) % len(names)
        actor1[sel] = names[a1]
        actor2[sel] = names[a2]
    actor2[np.isin(event_type, ["attack_on_civilians", "abduction"])] = "Civilians"
    actor1[event_type == "displacement"] = "Civilians"
    actor2[np.isin(event_type, ["displacement", "withdrawal", "troop_position"])] = None

    magnitude = np.full(n, np.nan)
    unit = np.full(n, None, dtype=object)
    for etype, (u, median, sigma) in MAGNITUDES.items():
        sel = np.flatnonzero((event_type == etype) & (rng.random(n) < 0.7))
        magnitude[sel] = np.round(rng.lognormal(np.log(median), sigma, len(sel)))
        unit[sel] = u
    report_lag = rng.integers(0, 4, size=n)
    precision = rng.choice(3, size=n, p=[0.85, 0.10, 0.05])
    certainty = rng.choice(3, size=n, p=[0.75, 0.2, 0.05])
    source = rng.integers(0, len(SOURCES), size=n)

    # Sort by date once, on the integer day, then build every column in that order.
    order = np.argsort(day, kind="stable")
    day, town_idx, type_code, jitter = day[order], town_idx[order], type_code[order], jitter[order]
    days = np.arange(span + 4).astype("timedelta64[D]") + START
    day_names = days.astype(str)
    # Strings repeat a lot: categoricals keep a million rows small and quick to build.
    text_code = type_code * len(towns) + town_idx
    texts = np.array([f"Synthetic event: {t.replace('_', ' ')} at {p}."
                      for t in types for p in towns["place"]], dtype=object)
    lengths = np.array([len(t) for t in texts])
    prefix = f"syn_s{seed}_n{n}_"
    ids = _numbered(prefix, np.arange(n))
    reports = _numbered(prefix + "r", np.arange(n) // 10)
    cat = pd.Categorical.from_codes

    def nullable(values: np.ndarray) -> pd.Categorical:
        return pd.Categorical(values[order])

    def per_town(column: str) -> pd.Categorical:
        codes, uniques = pd.factorize(towns[column])
        return cat(codes[town_idx], uniques)

    places = per_town("place")
    return pd.DataFrame({
        "id": ids,
        "incident_id": ids,
        "report": reports,  # ten events share a synthetic report
        "source": cat(source[order], list(SOURCES)),
        "url": None,
        "report_date": cat(day + report_lag[order], day_names, ordered=True),
        "event_type": cat(type_code, types),
        "actor1": nullable(actor1),
        "actor2": nullable(actor2),
        "location": places,
        "place": places,
        "geonameid": None,
        "country": per_town("country"),
        "admin1": per_town("admin1"),
        "admin2": per_town("admin2"),
        "lat": np.round(lat[order], 4),
        "lon": np.round(lon[order], 4),
        "geo_precision": np.where(jitter, 2, 1).astype(np.int8),
        "date": cat(day, day_names, ordered=True),
        "date_precision": cat(precision[order], ["day", "week", "month"]),
        "magnitude": magnitude[order],
        "magnitude_unit": nullable(unit),
        "certainty": cat(certainty[order], ["reported", "claimed", "disputed"]),
        "evidence": cat(text_code, texts),
        "evidence_start": np.zeros(n, dtype=np.int32),
        "evidence_end": lengths[text_code].astype(np.int32),
    }, columns=list(RECORD_FIELDS))


def iter_events(frame: pd.DataFrame) -> Iterator[Event]:
    """Yield validated :class:`Event` objects from a :func:`synth_events` frame."""
    cols = list(RECORD_FIELDS)
    for values in frame[cols].itertuples(index=False, name=None):
        # pandas gives NaN for missing cells; the record wants None.
        row = {k: (None if v is None or v != v else v) for k, v in zip(cols, values, strict=True)}
        yield Event(**row)


def write_synth(store: Store, n: int, *, seed: int = 0, chunk_size: int = 50_000) -> int:
    """Write ``n`` synthetic events to ``store`` on the fast path; return how many were new.

    No incident matching is done: each synthetic event is its own incident.
    """
    frame = synth_events(n, seed=seed)
    result = store.add_events(iter_events(frame), report_key=f"synth:seed={seed}:n={n}",
                              match_incidents=False, chunk_size=chunk_size,
                              meta={"name": "synthetic events", "seed": seed, "n": n})
    return result.new_events


@click.command("synth")
@click.option("--n", "n", type=click.IntRange(min=0), default=100_000, show_default=True,
              help="Number of synthetic events.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed.")
@click.option("--db", "db", default=None, metavar="URL",
              help="Database URL (default: the group --db, EVENTS_DB, or the SQLite file).")
@click.pass_context
def synth_command(ctx: click.Context, n: int, seed: int, db: str | None) -> None:
    """Fill the database with N synthetic events across Iraq and Syria (load testing).

    The events cluster around the bundled sample's towns and dates, are
    labelled "Synthetic" in source and evidence, and are written without
    incident matching. The same --n and --seed twice add nothing.

    Example: python -m events synth --n 1000000 --db sqlite:///var/bench.sqlite
    """
    from events.sample import group_db
    from events.store import Store

    started = time.perf_counter()
    with Store(db or group_db(ctx)) as store:
        new = write_synth(store, n, seed=seed)
        total = store.count()
    seconds = time.perf_counter() - started
    click.echo(f"synthetic events: {n} made, {new} new stored in {seconds:.1f} s; "
               f"database now holds {total} events")
