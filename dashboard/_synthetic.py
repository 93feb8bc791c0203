"""Synthetic but plausible events for tests and benchmarks (not real data).

Points cluster around real town coordinates of Iraq and Syria with a little
jitter; dates spread over 2014-2017; seizures move control between actors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from events.model import ACTORS, EVENT_TYPES

# (place, country, admin1, lat, lon): public coordinates of well-known towns.
TOWNS: tuple[tuple[str, str, str, float, float], ...] = (
    ("Mosul", "IQ", "Ninewa", 36.335, 43.119),
    ("Tikrit", "IQ", "Salah al-Din", 34.607, 43.678),
    ("Baiji", "IQ", "Salah al-Din", 34.929, 43.493),
    ("Sinjar", "IQ", "Ninewa", 36.322, 41.876),
    ("Ramadi", "IQ", "Anbar", 33.425, 43.299),
    ("Fallujah", "IQ", "Anbar", 33.348, 43.784),
    ("Tal Afar", "IQ", "Ninewa", 36.377, 42.449),
    ("Kirkuk", "IQ", "Kirkuk", 35.468, 44.392),
    ("Baghdad", "IQ", "Baghdad", 33.315, 44.366),
    ("Samarra", "IQ", "Salah al-Din", 34.198, 43.874),
    ("Palmyra", "SY", "Homs", 34.560, 38.267),
    ("Kobani", "SY", "Aleppo", 36.891, 38.353),
    ("Raqqa", "SY", "Ar-Raqqa", 35.950, 39.009),
    ("Deir ez-Zor", "SY", "Deir-ez-Zor", 35.336, 40.140),
    ("Aleppo", "SY", "Aleppo", 36.202, 37.134),
    ("Homs", "SY", "Homs", 34.731, 36.710),
    ("Idlib", "SY", "Idleb", 35.931, 36.634),
    ("Hasakah", "SY", "Al-Hasakeh", 36.502, 40.747),
)
SOURCES: tuple[str, ...] = ("Reuters", "AP", "AFP", "BBC", "CNN", "IOM", "UNHCR", "Al Jazeera")


def synthetic_frame(n: int, *, seed: int = 0, start: str = "2014-01-01",
                    days: int = 4 * 365) -> pd.DataFrame:
    """Return ``n`` synthetic events typed like ``Store.load_frame()``, sorted by date.

    Parameters
    ----------
    n : int
        Number of events (0 or more).
    seed : int, default 0
        Random seed: the same seed gives the same frame.
    start : str, default "2014-01-01"
        First possible date.
    days : int, default 1460
        Span of dates.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> synthetic_frame(5).shape[0]
    5
    """
    if n < 0:
        raise ValueError(f"invalid n={n!r}: expected 0 or more")
    rng = np.random.default_rng(seed)
    town = rng.integers(0, len(TOWNS), n)
    towns = pd.DataFrame(TOWNS, columns=["place", "country", "admin1", "lat", "lon"])
    spread = rng.exponential(0.15, n) * rng.choice([0.3, 1.0, 4.0], n, p=[0.5, 0.4, 0.1])
    angle = rng.uniform(0, 2 * np.pi, n)
    day = np.sort(rng.integers(0, days, n))
    types = rng.choice(len(EVENT_TYPES), n, p=_type_weights())
    mag = np.where(rng.random(n) < 0.4, np.round(rng.lognormal(3, 1.6, n)), np.nan)
    ids = np.char.add("syn_", np.arange(n).astype(str))
    incident = np.char.add("syn_", (np.arange(n) - (rng.random(n) < 0.2)).clip(0).astype(str))
    actors = list(ACTORS)
    frame = pd.DataFrame({
        "id": ids,
        "incident_id": incident,
        "report": np.char.add("synthetic-", (np.arange(n) // 3).astype(str)),
        "source": pd.Categorical.from_codes(rng.integers(0, len(SOURCES), n), SOURCES),
        "url": None,
        "event_type": pd.Categorical.from_codes(types, EVENT_TYPES),
        "actor1": pd.Categorical.from_codes(rng.integers(0, 8, n), actors),
        "actor2": pd.Categorical.from_codes(rng.integers(-1, 8, n), actors),
        "location": towns["place"].to_numpy()[town],
        "place": pd.Categorical.from_codes(town, towns["place"].to_numpy()),
        "geonameid": None,
        "country": pd.Categorical(towns["country"].to_numpy()[town]),
        "admin1": pd.Categorical(towns["admin1"].to_numpy()[town]),
        "admin2": pd.Categorical([None] * n),
        "lat": (towns["lat"].to_numpy()[town] + spread * np.sin(angle)).astype(np.float32),
        "lon": (towns["lon"].to_numpy()[town] + spread * np.cos(angle)).astype(np.float32),
        "geo_precision": rng.choice([1, 2, 3], n, p=[0.7, 0.25, 0.05]).astype(np.int8),
        "date": pd.to_datetime(start) + pd.to_timedelta(day, "D"),
        "date_precision": pd.Categorical(["day"] * n, categories=["day", "week", "month", "year"]),
        "magnitude": mag,
        "magnitude_unit": pd.Categorical(
            np.where(np.isnan(mag), None, np.where(types == 8, "people_displaced", "killed"))),
        "certainty": pd.Categorical.from_codes(
            rng.choice(3, n, p=[0.8, 0.15, 0.05]), ["reported", "claimed", "disputed"]),
        "evidence": "Synthetic event for load testing.",
        "evidence_start": 0,
        "evidence_end": 33,
    })
    frame["report_date"] = frame["date"]
    return frame


def _type_weights() -> np.ndarray:
    weights = np.array([8, 20, 15, 15, 10, 6, 4, 1, 6, 8, 4, 3], dtype=float)
    return weights / weights.sum()
