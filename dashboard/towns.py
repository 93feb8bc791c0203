"""Who held each town "as of" a date, from seizure events.

One function, :func:`controllers_as_of`, so that a fuller model of control
(``events.control``: disputed claims, evidence per change) can replace it
without touching the callbacks.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd


def controllers_as_of(seizures: pd.DataFrame, as_of: date | None) -> pd.DataFrame:
    """Return the last seizure of each place up to ``as_of``: who took it and when.

    Parameters
    ----------
    seizures : pandas.DataFrame
        Seizure events with ``place``, ``lat``, ``lon``, ``date``, ``actor1``,
        sorted by date (``EventIndex.seizures``).
    as_of : datetime.date or None
        Last day counted; None counts every seizure.

    Returns
    -------
    pandas.DataFrame
        One row per place: ``place``, ``lat``, ``lon``, ``date``, ``controller``.

    Examples
    --------
    >>> rows = pd.DataFrame({"place": ["A", "A"], "lat": [1.0, 1.0], "lon": [2.0, 2.0],
    ...     "date": pd.to_datetime(["2014-06-10", "2015-03-01"]), "actor1": ["ISIS", "PMF"]})
    >>> controllers_as_of(rows, date(2014, 12, 31))["controller"].tolist()
    ['ISIS']
    """
    columns = ["place", "lat", "lon", "date", "controller"]
    if seizures.empty:
        return pd.DataFrame(columns=columns)
    dates = seizures["date"].to_numpy()
    stop = len(seizures) if as_of is None else int(
        np.searchsorted(dates, np.datetime64(as_of, "D") + np.timedelta64(1, "D"), "left"))
    upto = seizures.iloc[:stop]
    last = upto.drop_duplicates("place", keep="last")
    out = last[["place", "lat", "lon", "date"]].copy()
    out["controller"] = last["actor1"].astype(object).to_numpy()
    return out.reset_index(drop=True)
