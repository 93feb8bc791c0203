"""Incident matching: when two events from different reports are the same happening.

Two events are one incident when they have the same ``event_type``, lie
within :data:`MAX_KM` kilometres of each other, their date windows overlap
and their actors are compatible (each actor equal, or missing on one side),
and they come from different reports. The date window of an event depends on
its precision: a day-precise date stands for the day +/- 1 day (reports often
date an event by the day they were filed), a week for +/- 7 days, a month or
a year for the whole calendar month or year.

Everything here is pure: the store asks the database for candidates (same
type, overlapping window, bounding box) and this module decides.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

#: Events further apart than this (great-circle kilometres) are never one incident.
MAX_KM = 10.0
_EARTH_KM = 6371.0088
_EPOCH = _date(1970, 1, 1).toordinal()
#: Half-widths in days of the date window for the precise precisions.
_HALF_WINDOW = {"day": 1, "week": 7}


@lru_cache(maxsize=65536)
def day_number(day: str) -> int:
    """Return the number of days since 1970-01-01 of a ``YYYY-MM-DD`` date.

    Examples
    --------
    >>> day_number("1970-01-02")
    1
    """
    return _date.fromisoformat(day[:10]).toordinal() - _EPOCH


@lru_cache(maxsize=65536)
def date_window(day: str, precision: str) -> tuple[int, int]:
    """Return the first and last day (days since 1970-01-01) an event's date may mean.

    Parameters
    ----------
    day : str
        The event's date, ``YYYY-MM-DD``.
    precision : str
        ``"day"``, ``"week"``, ``"month"`` or ``"year"``.

    Returns
    -------
    tuple of int
        Inclusive window ``(start, end)``.

    Examples
    --------
    >>> date_window("1970-01-10", "day")
    (8, 10)
    >>> date_window("1970-02-15", "month")
    (31, 58)
    """
    d = _date.fromisoformat(day[:10])
    n = d.toordinal() - _EPOCH
    if precision in _HALF_WINDOW:
        half = _HALF_WINDOW[precision]
        return n - half, n + half
    if precision == "month":
        first = d.replace(day=1)
        nxt = first.replace(year=first.year + 1, month=1) if first.month == 12 else first.replace(
            month=first.month + 1)
        return first.toordinal() - _EPOCH, nxt.toordinal() - _EPOCH - 1
    if precision == "year":
        return (d.replace(month=1, day=1).toordinal() - _EPOCH,
                d.replace(month=12, day=31).toordinal() - _EPOCH)
    raise ValueError(f"invalid date_precision={precision!r}: expected day, week, month or year")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres between two points.

    Examples
    --------
    >>> round(haversine_km(36.34, 43.13, 36.34, 43.13), 3)
    0.0
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def bbox(lat: float, lon: float, km: float = MAX_KM) -> tuple[float, float, float, float]:
    """Return ``(lat_min, lat_max, lon_min, lon_max)`` enclosing a circle of ``km`` around a point.

    Used to ask the database for candidates with plain indexed comparisons.

    Examples
    --------
    >>> [round(v, 2) for v in bbox(0.0, 0.0, 111.2)]
    [-1.0, 1.0, -1.0, 1.0]
    """
    dlat = math.degrees(km / _EARTH_KM)
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


@dataclass(frozen=True, slots=True)
class Candidate:
    """What incident matching needs to know about one event."""

    id: str
    incident_id: str
    report: str
    event_type: str
    lat: float
    lon: float
    win_start: int
    win_end: int
    actor1: str | None
    actor2: str | None


def _actor_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def same_incident(a: Candidate, b: Candidate) -> bool:
    """Return True when two events describe the same happening (see the module's rules).

    Examples
    --------
    >>> a = Candidate("a", "a", "r1", "seizure", 36.34, 43.13, 10, 12, "ISIS", None)
    >>> same_incident(a, Candidate("b", "b", "r2", "seizure", 36.35, 43.14, 12, 14, "ISIS", "PMF"))
    True
    >>> same_incident(a, Candidate("c", "c", "r1", "seizure", 36.34, 43.13, 10, 12, "ISIS", None))
    False
    """
    return (
        a.report != b.report
        and a.event_type == b.event_type
        and a.win_start <= b.win_end
        and b.win_start <= a.win_end
        and _actor_ok(a.actor1, b.actor1)
        and _actor_ok(a.actor2, b.actor2)
        and haversine_km(a.lat, a.lon, b.lat, b.lon) <= MAX_KM
    )


def best_match(event: Candidate, candidates: Iterable[Candidate]) -> Candidate | None:
    """Return the candidate ``event`` joins: the nearest matching one, or None.

    Ties in distance go to the candidate whose window starts first, then to
    the smaller id, so the result does not depend on the candidates' order.
    """
    best: tuple[float, int, str] | None = None
    chosen = None
    for cand in candidates:
        if cand.id == event.id or not same_incident(event, cand):
            continue
        key = (haversine_km(event.lat, event.lon, cand.lat, cand.lon), cand.win_start, cand.id)
        if best is None or key < best:
            best, chosen = key, cand
    return chosen


class IncidentIndex:
    """An in-memory grid of events for matching many new events at once.

    Cells are about 0.1 degree high, so a 10 km circle touches at most the
    3 x 3 cells around its own, and a month long, so only events whose date
    windows can overlap are compared (a year-precise event sits in 12 or 13).

    Examples
    --------
    >>> idx = IncidentIndex()
    >>> idx.add(Candidate("a", "a", "r1", "clash", 35.0, 40.0, 0, 2, None, None))
    >>> idx.match(Candidate("b", "b", "r2", "clash", 35.01, 40.0, 1, 3, "ISIS", None)).id
    'a'
    """

    _CELL = 0.1
    _DAYS = 30

    def __init__(self) -> None:
        self._cells: dict[tuple[str, int, int, int], list[Candidate]] = defaultdict(list)

    def _rc(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self._CELL), math.floor(lon / self._CELL)

    def _months(self, cand: Candidate) -> range:
        return range(cand.win_start // self._DAYS, cand.win_end // self._DAYS + 1)

    def add(self, cand: Candidate) -> None:
        """Add an event that later events may join."""
        r, c = self._rc(cand.lat, cand.lon)
        for m in self._months(cand):
            self._cells[(cand.event_type, r, c, m)].append(cand)

    def match(self, event: Candidate) -> Candidate | None:
        """Return the indexed event that ``event`` joins, or None (see :func:`best_match`)."""
        lat_min, lat_max, lon_min, lon_max = bbox(event.lat, event.lon)
        r0, c0 = self._rc(lat_min, lon_min)
        r1, c1 = self._rc(lat_max, lon_max)
        seen: dict[str, Candidate] = {}
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                for m in self._months(event):
                    for cand in self._cells.get((event.event_type, r, c, m), ()):
                        seen[cand.id] = cand
        return best_match(event, seen.values())


INCIDENT_COLUMNS: tuple[str, ...] = (
    "incident_id", "event_type", "place", "country", "admin1", "lat", "lon", "date",
    "date_end", "actor1", "actor2", "n_events", "n_reports", "n_sources", "sources",
)


def incident_table(events: pd.DataFrame, *, start: str | None = None, end: str | None = None,
                   event_types: Sequence[str] | None = None,
                   min_sources: int = 1) -> pd.DataFrame:
    """Return one row per incident of an events frame, with its number of sources.

    Parameters
    ----------
    events : pandas.DataFrame
        Events with at least ``incident_id, event_type, place, country, admin1,
        lat, lon, date, actor1, actor2, report, source`` (as
        :meth:`events.store.Store.load_frame` returns them).
    start, end : str, optional
        Count only events dated in this inclusive range (``YYYY-MM-DD``).
    event_types : sequence of str, optional
        Count only these types.
    min_sources : int
        Keep incidents reported by at least this many distinct outlets.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`INCIDENT_COLUMNS`: the first event's type, place, country,
        governorate and actors; the mean point; first and last date; the number
        of events, of distinct reports, of distinct outlets (``n_sources``) and
        the outlets joined by ``"; "``. Sorted by date.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"incident_id": ["a", "a"], "event_type": ["seizure"] * 2,
    ...     "place": ["Mosul"] * 2, "country": ["IQ"] * 2, "admin1": ["Ninewa"] * 2,
    ...     "lat": [36.3, 36.4], "lon": [43.1, 43.1], "actor1": ["ISIS", None],
    ...     "actor2": [None, None], "date": pd.to_datetime(["2014-06-10", "2014-06-11"]),
    ...     "report": ["r1", "r2"], "source": ["CNN", "BBC"]})
    >>> incident_table(df)[["incident_id", "n_events", "n_sources", "sources"]].values.tolist()
    [['a', 2, 2, 'BBC; CNN']]
    """
    import pandas as pd

    df = events
    dates = pd.to_datetime(df["date"])
    keep = pd.Series(True, index=df.index)
    if start:
        keep &= dates >= pd.Timestamp(start)
    if end:
        keep &= dates <= pd.Timestamp(end)
    if event_types:
        keep &= df["event_type"].isin(list(event_types))
    df = df.loc[keep]
    if df.empty:
        return pd.DataFrame(columns=list(INCIDENT_COLUMNS))
    df = df.assign(incident_id=df["incident_id"].astype(str), date=pd.to_datetime(df["date"]),
                   source=df["source"].astype(str), report=df["report"].astype(str))
    out = df.groupby("incident_id", sort=False, observed=True).agg(
        event_type=("event_type", "first"), place=("place", "first"),
        country=("country", "first"), admin1=("admin1", "first"),
        lat=("lat", "mean"), lon=("lon", "mean"), date=("date", "min"),
        date_end=("date", "max"), actor1=("actor1", "first"), actor2=("actor2", "first"),
        n_events=("report", "size"), n_reports=("report", "nunique"),
        n_sources=("source", "nunique"))
    # Joining strings is a Python call per group: do it only where there is more
    # than one outlet, which is rare; a single outlet is its own list.
    pairs = df[["incident_id", "source"]].drop_duplicates()
    several = pairs["incident_id"].duplicated(keep=False)
    sources = pairs.loc[~several].set_index("incident_id")["source"]
    if several.any():
        joined = (pairs.loc[several].sort_values("source")
                  .groupby("incident_id", sort=False)["source"].agg("; ".join))
        sources = pd.concat([sources, joined])
    out["sources"] = sources.reindex(out.index)
    out = out.reset_index()
    out = out[out["n_sources"] >= int(min_sources)]
    return out.sort_values(["date", "incident_id"]).reset_index(drop=True)[
        list(INCIDENT_COLUMNS)]
