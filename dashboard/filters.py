"""The one filtering function, over a date-sorted, pre-indexed event frame.

:class:`EventIndex` is built once per data load: the frame sorted by date,
dates as day numbers for ``searchsorted``, and the integer codes of every
categorical column, so that each filter is a table lookup over a slice
instead of a string comparison over the whole frame. :func:`filter_positions`
is what every callback uses.
"""

from __future__ import annotations

import threading
from datetime import date

import numpy as np
import pandas as pd

from dashboard.state import LIST_FILTERS, ViewState

#: Columns the dashboard reads; missing ones are added empty by :func:`prepare_frame`.
COLUMNS: tuple[str, ...] = (
    "id", "incident_id", "report", "source", "url", "report_date", "event_type", "actor1",
    "actor2", "location", "place", "geonameid", "country", "admin1", "admin2", "lat", "lon",
    "geo_precision", "date", "date_precision", "magnitude", "magnitude_unit", "certainty",
    "evidence", "evidence_start", "evidence_end",
)
CATEGORICAL: tuple[str, ...] = (
    "event_type", "actor1", "actor2", "country", "admin1", "admin2", "source", "certainty",
    "place", "date_precision", "magnitude_unit",
)
_EPOCH = np.datetime64("1970-01-01", "D")


def prepare_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with the dashboard's dtypes, sorted by date, with a fresh RangeIndex.

    Accepts what ``Store.load_frame()`` returns (already typed: cheap) or a
    loosely typed frame (tests, CSV); adds any missing record column as empty.

    Parameters
    ----------
    frame : pandas.DataFrame
        Event records, one row per event (DESIGN.md field names).

    Returns
    -------
    pandas.DataFrame
        Categoricals for :data:`CATEGORICAL`, ``datetime64[ns]`` date, float32 lat/lon.

    Examples
    --------
    >>> prepare_frame(pd.DataFrame()).shape[0]
    0
    """
    # A shallow copy: columns are replaced below, never written into, so the caller's
    # frame is untouched without paying for a deep copy of a million rows.
    out = frame.copy(deep=False) if len(frame.columns) else pd.DataFrame(columns=list(COLUMNS))
    for col in COLUMNS:
        if col not in out.columns:
            out[col] = None
    for col in CATEGORICAL:
        if not isinstance(out[col].dtype, pd.CategoricalDtype):
            out[col] = out[col].astype("category")
    for col in ("date", "report_date"):
        if not pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = pd.to_datetime(out[col], errors="coerce")
    for col, dtype in (("lat", "float32"), ("lon", "float32"), ("magnitude", "float64")):
        if out[col].dtype != dtype:
            out[col] = pd.to_numeric(out[col], errors="coerce").astype(dtype)
    usable = out["date"].notna() & out["lat"].notna() & out["lon"].notna()
    if not usable.all():
        out = out[usable]
    if not out["date"].is_monotonic_increasing:
        out = out.sort_values("date", kind="stable")
    return out.reset_index(drop=True)


class EventIndex:
    """A date-sorted event frame with the arrays that make filtering cheap.

    Parameters
    ----------
    frame : pandas.DataFrame
        Event records; passed through :func:`prepare_frame`.

    Examples
    --------
    >>> EventIndex(pd.DataFrame()).size
    0
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = prepare_frame(frame)
        f = self.frame
        self.size = len(f)
        self.days = f["date"].to_numpy().astype("datetime64[D]").astype(np.int64)
        self.codes = {c: f[c].cat.codes.to_numpy() for c in CATEGORICAL}
        self.categories = {c: f[c].cat.categories for c in CATEGORICAL}
        self.lat = f["lat"].to_numpy(np.float32)
        self.lon = f["lon"].to_numpy(np.float32)
        self.magnitude = f["magnitude"].to_numpy(np.float64)
        # Hashing a million incident ids takes most of a second: do it beside the
        # first page load (pyarrow releases the GIL) and wait only when counted.
        self._incident_result: list = []
        self._incident_thread = threading.Thread(target=self._factorize_incidents, daemon=True,
                                                 name="incident-codes")
        self._incident_thread.start()
        self._labels: dict[str, np.ndarray] = {}
        #: Results that depend only on this data (cleared with it on reload).
        self.cache: dict[str, dict] = {}
        self._day_labels: np.ndarray | None = None
        self.seizures = self._seizure_history()

    def _factorize_incidents(self) -> None:
        inc = self.frame["incident_id"]
        if inc.isna().any():
            inc = inc.where(inc.notna(), self.frame["id"])
        try:
            self._incident_result = list(pd.factorize(inc))
        except (TypeError, ValueError) as exc:  # re-raised in the caller's thread
            self._incident_result = [exc]

    def _incident_pair(self) -> list:
        self._incident_thread.join()
        if len(self._incident_result) == 1:
            raise self._incident_result[0]
        return self._incident_result

    @property
    def incident_codes(self) -> np.ndarray:
        """Integer code of each event's incident (events without one are their own)."""
        return self._incident_pair()[0]

    @property
    def incidents(self) -> pd.Index:
        """The distinct incident ids, indexed by :attr:`incident_codes`."""
        return self._incident_pair()[1]

    # -- bounds -------------------------------------------------------------
    @property
    def first_day(self) -> date | None:
        """The earliest event date, or None when there are no events."""
        return _to_date(self.days[0]) if self.size else None

    @property
    def last_day(self) -> date | None:
        """The latest event date, or None when there are no events."""
        return _to_date(self.days[-1]) if self.size else None

    def values(self, column: str) -> list[str]:
        """Return the distinct values of a categorical column that occur, sorted."""
        if column not in self.codes:
            raise ValueError(f"invalid column={column!r}: expected one of {', '.join(CATEGORICAL)}")
        present = np.unique(self.codes[column])
        return sorted(str(self.categories[column][c]) for c in present if c >= 0)

    def labels(self, column: str, *, missing: str = "") -> np.ndarray:
        """Return a table of HTML-escaped category labels, indexed by ``code + 1``.

        Slot 0 holds ``missing`` (for code -1). Built once per column, so that
        hover texts are assembled by indexing instead of per-row formatting.
        """
        key = f"{column}\0{missing}"
        if key not in self._labels:
            cats = [_escape(str(c)) for c in self.categories[column]]
            self._labels[key] = np.array([missing, *cats], dtype=str)
        return self._labels[key]

    def day_labels(self, positions: np.ndarray) -> np.ndarray:
        """Return the ``YYYY-MM-DD`` strings of the events at ``positions``."""
        if self._day_labels is None:
            first = self.days[0] if self.size else 0
            last = self.days[-1] if self.size else -1
            days = np.arange(first, last + 1).astype("datetime64[D]")
            self._day_labels = np.datetime_as_string(days, unit="D")
        offset = self.days[0] if self.size else 0
        return self._day_labels[self.days[positions] - offset]

    def text_hits(self, positions: np.ndarray, needle: str) -> np.ndarray:
        """Return which of ``positions`` mention ``needle`` in their evidence or place.

        Case-insensitive, literal (no regex). Categorical columns are matched
        once per category; pyarrow strings in C; only the given rows are read.
        """
        needle = needle.lower()
        place = self.categories["place"].astype(str).str.lower().str.contains(needle,
                                                                              regex=False)
        table = np.concatenate([[False], np.asarray(place, dtype=bool)])
        hits = table[self.codes["place"][positions] + 1]
        evidence = self.frame["evidence"].take(positions)
        if isinstance(evidence.dtype, pd.CategoricalDtype):
            evidence = evidence.cat.remove_unused_categories()
        found = evidence.str.contains(needle, case=False, regex=False, na=False)
        return hits | found.to_numpy(dtype=bool)

    def _seizure_history(self) -> pd.DataFrame:
        """Seizure events sorted by date, flagged where the place changed controller."""
        f = self.frame
        seized = f.loc[f["event_type"] == "seizure", ["place", "lat", "lon", "date", "actor1"]]
        seized = seized[seized["place"].notna()].copy()
        seized["pos"] = seized.index.to_numpy()
        previous = seized.groupby("place", observed=True)["actor1"].shift(1)
        seized["changed"] = previous.astype(object).ne(seized["actor1"].astype(object)).to_numpy()
        return seized.reset_index(drop=True)


def _escape(text: str) -> str:
    # Plotly renders a small HTML subset in hover text: neutralise it.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _to_date(day: np.int64) -> date:
    return (_EPOCH + np.timedelta64(int(day), "D")).astype(object)


def day_number(value: date) -> int:
    """Return the day number (days since 1970-01-01) of a date."""
    return int((np.datetime64(value, "D") - _EPOCH).astype(np.int64))


def _lookup(categories: pd.Index, wanted: tuple[str, ...]) -> np.ndarray:
    """Boolean table indexed by code + 1 (slot 0 is the missing value, never wanted)."""
    table = np.zeros(len(categories) + 1, dtype=bool)
    positions = categories.get_indexer(list(wanted))
    table[positions[positions >= 0] + 1] = True
    return table


def date_slice(index: EventIndex, start: date | None, end: date | None) -> slice:
    """Return the positions of events from ``start`` to ``end`` inclusive, by binary search."""
    lo = 0 if start is None else int(np.searchsorted(index.days, day_number(start), "left"))
    hi = index.size if end is None else int(np.searchsorted(index.days, day_number(end), "right"))
    return slice(lo, max(lo, hi))


def filter_positions(index: EventIndex, state: ViewState, *, dates: bool = True) -> np.ndarray:
    """Return the positions (into ``index.frame``) of the events ``state`` selects.

    The date range is found by binary search on the sorted dates; each list
    filter is a lookup of category codes in a boolean table; the free-text
    search runs last, only over the events that passed everything else.

    Parameters
    ----------
    index : EventIndex
        The pre-indexed events.
    state : ViewState
        The filters to apply.
    dates : bool, default True
        Apply the date range; the timeline passes False to draw its context.

    Returns
    -------
    numpy.ndarray
        Sorted int64 positions.

    Examples
    --------
    >>> filter_positions(EventIndex(pd.DataFrame()), ViewState()).size
    0
    """
    window = date_slice(index, state.start, state.end) if dates else slice(0, index.size)
    mask = np.ones(window.stop - window.start, dtype=bool)
    for name, columns in LIST_FILTERS.items():
        wanted = getattr(state, name)
        if not wanted:
            continue
        hit = np.zeros_like(mask)
        for col in columns:
            table = _lookup(index.categories[col], wanted)
            hit |= table[index.codes[col][window] + 1]
        mask &= hit
    positions = np.flatnonzero(mask) + window.start
    if state.text and positions.size:
        positions = positions[index.text_hits(positions, state.text)]
    return positions.astype(np.int64)
