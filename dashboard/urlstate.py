"""The view state in the URL's query string, both ways.

Every filter, the time window and the map position go into the query string
so that a copied link reopens the same view. Parsing never raises: a value
that does not fit is replaced by its default, field by field.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date
from typing import Any
from urllib.parse import parse_qs, urlencode

from dashboard.state import BINS, LIST_FILTERS, SPEEDS, TILE_STYLES, WINDOWS, ViewState

#: Query key for each state field (short keys keep links readable).
KEYS: dict[str, str] = {
    "start": "from",
    "end": "to",
    "types": "type",
    "actors": "actor",
    "countries": "country",
    "admin1": "gov",
    "certainty": "certainty",
    "sources": "source",
    "text": "q",
    "window": "window",
    "speed": "speed",
    "bin": "bin",
    "tiles": "tiles",
    "control": "control",
    "areas": "areas",
    "lat": "lat",
    "lon": "lon",
    "zoom": "zoom",
    "event": "event",
    "town": "town",
}
_MAX_ITEMS = 100
_MAX_TEXT = 200
_LIMITS = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0), "zoom": (0.0, 22.0)}
_DEFAULT = ViewState()


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _as_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)):
        return ()
    items = [str(v).strip()[:_MAX_TEXT] for v in value if isinstance(v, (str, int, float))]
    return tuple(dict.fromkeys(v for v in items if v))[:_MAX_ITEMS]


def _as_float(value: Any, name: str) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    lo, hi = _LIMITS[name]
    if math.isnan(number) or not lo <= number <= hi:
        return None
    return number


def _as_bool(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in {"1", "true", "yes", "on"}:
        return True
    if isinstance(value, str) and value.lower() in {"0", "false", "no", "off"}:
        return False
    return default


def _as_choice(value: Any, allowed, default):
    if isinstance(value, str) and value.isdigit() and default in SPEEDS:
        value = int(value)
    return value if value in allowed else default


def coerce(values: dict[str, Any]) -> ViewState:
    """Build a :class:`ViewState` from loosely typed values, defaulting each bad field.

    Parameters
    ----------
    values : dict
        Field name -> value (strings from a URL, or :meth:`ViewState.to_dict` output).

    Returns
    -------
    ViewState
        Never raises; a reversed date range is swapped into order.

    Examples
    --------
    >>> coerce({"window": "fortnight", "types": "seizure,clash"}).window
    'week'
    """
    start, end = _as_date(values.get("start")), _as_date(values.get("end"))
    if start and end and start > end:
        start, end = end, start
    fields: dict[str, Any] = {"start": start, "end": end}
    for name in LIST_FILTERS:
        fields[name] = _as_list(values.get(name))
    text = values.get("text")
    fields["text"] = text.strip()[:_MAX_TEXT] if isinstance(text, str) else ""
    fields["window"] = _as_choice(values.get("window"), WINDOWS, _DEFAULT.window)
    fields["speed"] = _as_choice(values.get("speed"), SPEEDS, _DEFAULT.speed)
    fields["bin"] = _as_choice(values.get("bin"), BINS, _DEFAULT.bin)
    fields["tiles"] = _as_choice(values.get("tiles"), TILE_STYLES, _DEFAULT.tiles)
    fields["control"] = _as_bool(values.get("control"), _DEFAULT.control)
    fields["areas"] = _as_bool(values.get("areas"), _DEFAULT.areas)
    for name in _LIMITS:
        fields[name] = _as_float(values.get(name), name)
    for name in ("event", "town"):
        value = values.get(name)
        value = value.strip()[:_MAX_TEXT] if isinstance(value, str) else ""
        fields[name] = value or None
    extra = values.get("extra")
    fields["extra"] = extra if isinstance(extra, dict) else {}
    return ViewState(**fields)


def parse_query(search: str | None) -> ViewState:
    """Return the state a query string describes; malformed input gives defaults.

    Parameters
    ----------
    search : str or None
        ``location.search``, with or without the leading ``?``.

    Examples
    --------
    >>> parse_query("?from=2014-06-01&to=2014-06-30&type=seizure").types
    ('seizure',)
    >>> parse_query("?from=yesterday&zoom=lots") == ViewState()
    True
    """
    if not isinstance(search, str):
        return ViewState()
    try:
        raw = parse_qs(search.lstrip("?")[:10_000], keep_blank_values=False)
    except ValueError:
        return ViewState()
    by_key = {key: name for name, key in KEYS.items()}
    values: dict[str, Any] = {}
    for key, items in raw.items():
        name = by_key.get(key)
        if name is None:
            continue
        values[name] = items if name in LIST_FILTERS else items[-1]
    return coerce(values)


def to_query(state: ViewState) -> str:
    """Return the query string (with ``?``, or ``""``) for ``state``; defaults are left out.

    Examples
    --------
    >>> to_query(ViewState(types=("seizure", "clash"), zoom=6.0))
    '?type=seizure&type=clash&zoom=6'
    """
    pairs: list[tuple[str, str]] = []
    for f in dataclasses.fields(state):
        if f.name not in KEYS:
            continue
        value = getattr(state, f.name)
        if value == getattr(_DEFAULT, f.name):
            continue
        if isinstance(value, tuple):
            # Repeated keys, so that names holding commas survive the round trip.
            pairs.extend((KEYS[f.name], item) for item in value)
            continue
        if isinstance(value, bool):
            text = "1" if value else "0"
        elif isinstance(value, float):
            text = f"{value:.4f}".rstrip("0").rstrip(".")
        elif isinstance(value, date):
            text = value.isoformat()
        else:
            text = str(value)
        pairs.append((KEYS[f.name], text))
    return "?" + urlencode(pairs) if pairs else ""
