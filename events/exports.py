"""Writing events out: CSV (DESIGN.md fields), GeoJSON points, ACLED-style CSV.

Each writer takes events (an iterable of :class:`~events.model.Event`, or a
DataFrame with the record's columns such as :meth:`Store.load_frame` returns)
and an open text file, and returns the number of events written. CSV cells
that a spreadsheet would run as a formula are neutralised with a leading
apostrophe.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from events.model import RECORD_FIELDS, Event

if TYPE_CHECKING:
    import pandas as pd

FORMATS: tuple[str, ...] = ("csv", "geojson", "acled")

#: ACLED's column names, in ACLED's order, plus ``tags`` (used for displacement).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities", "tags",
)
#: Our event_type -> (ACLED event_type, sub_event_type), as DESIGN.md's table says.
#: ``seizure`` and ``bombing`` are decided per event in :func:`acled_types`.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "clash": ("Battles", "Armed clash"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "attack_on_civilians": ("Violence against civilians", "Attack"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance"),
    "prison_break": ("Strategic developments", "Other"),
    "displacement": ("Strategic developments", "Other"),
    "troop_position": ("Strategic developments", "Other"),
    "withdrawal": ("Strategic developments", "Non-violent transfer of territory"),
    "threat": ("Strategic developments", "Other"),
}
#: Forces of a state (or under its command) for ACLED's "Government regains territory".
STATE_FORCES: frozenset[str] = frozenset(
    {"Iraqi Security Forces", "Syrian Army", "PMF", "Peshmerga"}
)
COUNTRY_NAMES: dict[str, str] = {"IQ": "Iraq", "SY": "Syria"}
_ISO3 = {"IQ": "IRQ", "SY": "SYR"}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Return ``value`` safe for a spreadsheet cell: text starting like a formula gets a ``'``.

    Examples
    --------
    >>> neutralise("=SUM(A1:A9)")
    "'=SUM(A1:A9)"
    >>> neutralise("Mosul"), neutralise(-3)
    ('Mosul', -3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _clean(value: Any) -> Any:
    """Turn pandas/numpy scalars into plain JSON-able Python values (NaN/NaT -> None)."""
    if value is None:
        return None
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    return value


def records(events: Iterable[Event] | pd.DataFrame) -> Iterator[dict[str, Any]]:
    """Yield each event as a plain dict with DESIGN.md's fields (plus ``notes`` if present).

    Parameters
    ----------
    events : iterable of Event, or pandas.DataFrame
        Events, or a frame with the record's columns (missing columns become null).

    Yields
    ------
    dict
        Field name -> plain Python value; dates as ``YYYY-MM-DD``.
    """
    if hasattr(events, "to_dict") and hasattr(events, "columns"):
        cols = [c for c in (*RECORD_FIELDS, "notes") if c in events.columns]
        frame = events[cols]
        # float32 coordinates would print as 36.33499908447266; their shortest
        # decimal form gives back the value that was stored (36.335).
        narrow = [c for c in cols if str(frame[c].dtype) == "float32"]
        if narrow:
            frame = frame.assign(**{c: frame[c].astype(str).astype("float64") for c in narrow})
        for row in frame.itertuples(index=False, name=None):
            rec = {f: None for f in RECORD_FIELDS}
            rec.update({c: _clean(v) for c, v in zip(cols, row, strict=True)})
            for key in ("geonameid", "geo_precision", "evidence_start", "evidence_end"):
                if isinstance(rec.get(key), float):
                    rec[key] = int(rec[key])
            yield rec
        return
    for ev in events:
        rec = ev.to_dict()
        rec["notes"] = ev.notes
        yield rec


def write_csv(events: Iterable[Event] | pd.DataFrame, out: IO[str]) -> int:
    """Write events as CSV with DESIGN.md's field names, formula-safe.

    Parameters
    ----------
    events : iterable of Event, or pandas.DataFrame
        What to write.
    out : text file
        Opened with ``newline=""``.

    Returns
    -------
    int
        Number of events written.

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> write_csv([], buf)
    0
    >>> buf.getvalue().split(",")[:3]
    ['id', 'incident_id', 'report']
    """
    writer = csv.writer(out)
    writer.writerow(RECORD_FIELDS)
    n = 0
    for rec in records(events):
        writer.writerow([neutralise(rec[f]) for f in RECORD_FIELDS])
        n += 1
    return n


def to_geojson(events: Iterable[Event] | pd.DataFrame) -> dict[str, Any]:
    """Return events as a GeoJSON FeatureCollection of points; properties are the record.

    Examples
    --------
    >>> to_geojson([])
    {'type': 'FeatureCollection', 'features': []}
    """
    features = [
        {
            "type": "Feature",
            "id": rec["id"],
            "geometry": {"type": "Point", "coordinates": [rec["lon"], rec["lat"]]},
            "properties": {f: rec[f] for f in RECORD_FIELDS},
        }
        for rec in records(events)
    ]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: Iterable[Event] | pd.DataFrame, out: IO[str]) -> int:
    """Write events as a GeoJSON FeatureCollection; return the number written."""
    collection = to_geojson(events)
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")
    return len(collection["features"])


def acled_types(rec: dict[str, Any]) -> tuple[str, str]:
    """Return ACLED's (event_type, sub_event_type) for one record.

    A seizure by a state force is "Government regains territory", by anyone
    else "Non-state actor overtakes territory"; a bombing whose evidence says
    "suicide" is "Suicide bomb".

    Examples
    --------
    >>> acled_types({"event_type": "seizure", "actor1": "Syrian Army", "evidence": ""})
    ('Battles', 'Government regains territory')
    >>> acled_types({"event_type": "seizure", "actor1": "ISIS", "evidence": ""})
    ('Battles', 'Non-state actor overtakes territory')
    """
    etype = rec["event_type"]
    if etype == "seizure":
        if rec.get("actor1") in STATE_FORCES:
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if etype == "bombing" and "suicide" in (rec.get("evidence") or "").lower():
        return "Explosions/Remote violence", "Suicide bomb"
    if etype not in ACLED_TYPES:
        raise ValueError(f"invalid event_type {etype!r}: expected one of "
                         f"seizure, {', '.join(ACLED_TYPES)}")
    return ACLED_TYPES[etype]


def acled_row(rec: dict[str, Any]) -> dict[str, Any]:
    """Return one record as an ACLED-style row (keys :data:`ACLED_COLUMNS`)."""
    etype, sub = acled_types(rec)
    fatalities = rec.get("magnitude") if rec.get("magnitude_unit") == "killed" else 0
    return {
        "event_id_cnty": f"{_ISO3.get(rec['country'], rec['country'])}-{rec['id']}",
        "event_date": rec["date"],
        "year": int(str(rec["date"])[:4]),
        "time_precision": _TIME_PRECISION[rec["date_precision"]],
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": rec.get("actor1") or "",
        "actor2": rec.get("actor2") or "",
        "country": COUNTRY_NAMES.get(rec["country"], rec["country"]),
        "admin1": rec.get("admin1") or "",
        "admin2": rec.get("admin2") or "",
        "location": rec.get("place") or rec.get("location") or "",
        "latitude": rec["lat"],
        "longitude": rec["lon"],
        "geo_precision": rec["geo_precision"],
        "source": rec.get("source") or "",
        "notes": rec.get("evidence") or "",
        "fatalities": int(fatalities or 0),
        "tags": "displacement" if rec["event_type"] == "displacement" else "",
    }


def write_acled(events: Iterable[Event] | pd.DataFrame, out: IO[str]) -> int:
    """Write events as an ACLED-style CSV (ACLED's column names), formula-safe.

    Returns
    -------
    int
        Number of events written.
    """
    writer = csv.writer(out)
    writer.writerow(ACLED_COLUMNS)
    n = 0
    for rec in records(events):
        row = acled_row(rec)
        writer.writerow([neutralise(row[c]) for c in ACLED_COLUMNS])
        n += 1
    return n


WRITERS = {"csv": write_csv, "geojson": write_geojson, "acled": write_acled}


def write(events: Iterable[Event] | pd.DataFrame, out: IO[str], *, fmt: str) -> int:
    """Write events in format ``fmt`` (``csv``, ``geojson`` or ``acled``); return the count."""
    if fmt not in WRITERS:
        raise ValueError(f"invalid format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return WRITERS[fmt](events, out)
