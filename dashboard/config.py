"""Dashboard settings: each one's name, default and help text in one table.

A value comes from the explicit argument first, then the environment
variable ``DASHBOARD_<NAME>`` (upper case), then the default, as in
``dash/_configs.py``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    """One dashboard setting: its name, default value and what it does."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("host", "127.0.0.1", "Address to bind; anything but loopback needs authentication."),
    Setting("port", 8050, "TCP port to serve on."),
    Setting("aggregate_threshold", 50_000,
            "Above this many events in view the map draws a density layer instead of points."),
    Setting("reload_seconds", 30.0,
            "At most this often the app asks the store whether its data changed."),
    Setting("max_points", 50_000, "Never send more raw points than this in one response."),
    Setting("coordinate_decimals", 4, "Coordinates sent to the browser are rounded to this."),
    Setting("compress", True, "Gzip responses for clients that accept it."),
    Setting("cache_mb", 128,
            "Megabytes of finished map/timeline responses each server process keeps, so that "
            "identical views are computed once per data version; 0 turns the cache off."),
    Setting("workers", 2, "Processes of the production server (python -m dashboard serve)."),
    Setting("threads", 4, "Threads per process of the production server."),
    Setting("timeout", 120, "Seconds a production-server request may take before its "
            "process is restarted."),
    Setting("max_upload_mb", 20, "Largest request body in megabytes (Flask's "
            "MAX_CONTENT_LENGTH); a bigger upload is refused before it is read."),
    Setting("max_upload_files", 200, "Most report files one upload may hold."),
    Setting("user", None, "Basic-auth user name (DASHBOARD_USER); auth is off when unset."),
    Setting("password", None, "Basic-auth password (DASHBOARD_PASSWORD)."),
    Setting("title", "Conflict events: Iraq and Syria", "Page title and header."),
    Setting("control_radius_km", 25.0,
            "Estimated areas of control reach at most this far (km) from the towns they rest "
            "on; the rest of the map stays unshaded."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get_setting(name: str, value: Any = None) -> Any:
    """Return a setting: the explicit ``value``, else ``DASHBOARD_<NAME>``, else the default.

    Parameters
    ----------
    name : str
        A name from :data:`SETTINGS`.
    value : Any, optional
        An explicit value (for example from the command line); wins when not None.

    Returns
    -------
    Any
        The value, converted to the default's type when it came from the environment.

    Examples
    --------
    >>> get_setting("port", 9000)
    9000
    """
    if name not in _BY_NAME:
        raise ValueError(f"unknown setting {name!r}: expected one of {', '.join(_BY_NAME)}")
    if value is not None:
        return value
    setting = _BY_NAME[name]
    raw = os.environ.get(f"DASHBOARD_{name.upper()}")
    if raw is None:
        return setting.default
    if isinstance(setting.default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(setting.default, (int, float)):
        try:
            return type(setting.default)(raw)
        except ValueError as exc:
            raise ValueError(
                f"DASHBOARD_{name.upper()}={raw!r} is not a {type(setting.default).__name__}"
            ) from exc
    return raw
