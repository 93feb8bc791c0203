"""The view state: every filter, the time window, the map position and the selection.

One frozen dataclass is the single source of truth that the URL, the controls
and the figures are derived from (see :mod:`dashboard.urlstate` for the query
string). Dates are ``datetime.date``; ``None`` means "the data's own bound".
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: Play windows: calendar days, Monday-to-Sunday weeks, calendar months; "grow" keeps
#: the start fixed and moves the end month by month.
WINDOWS: tuple[str, ...] = ("day", "week", "month", "grow")
#: Play speeds in milliseconds per frame.
SPEEDS: tuple[int, ...] = (2000, 1000, 500, 250)
#: Timeline bin widths ("auto" picks by the span shown).
BINS: tuple[str, ...] = ("auto", "day", "week", "month")
TILE_STYLES: tuple[str, ...] = ("offline", "online")
#: List filters: state attribute -> frame column(s) it matches.
LIST_FILTERS: dict[str, tuple[str, ...]] = {
    "types": ("event_type",),
    "actors": ("actor1", "actor2"),
    "countries": ("country",),
    "admin1": ("admin1",),
    "certainty": ("certainty",),
    "sources": ("source",),
}


@dataclass(frozen=True, slots=True)
class ViewState:
    """What one dashboard view shows; equal states give identical pages.

    Empty tuples mean "no restriction". ``lat``/``lon``/``zoom`` are ``None``
    until the user moves the map. ``event`` is the id of the selected event.

    Examples
    --------
    >>> ViewState(types=("seizure",)).types
    ('seizure',)
    """

    start: date | None = None
    end: date | None = None
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    certainty: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    text: str = ""
    window: str = "week"
    speed: int = 1000
    bin: str = "auto"
    tiles: str = "offline"
    control: bool = True
    areas: bool = False
    lat: float | None = None
    lon: float | None = None
    zoom: float | None = None
    event: str | None = None
    town: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.window not in WINDOWS:
            raise ValueError(
                f"invalid window={self.window!r}: expected one of {', '.join(WINDOWS)}")
        if self.speed not in SPEEDS:
            raise ValueError(f"invalid speed={self.speed!r}: expected one of {SPEEDS}")
        if self.bin not in BINS:
            raise ValueError(f"invalid bin={self.bin!r}: expected one of {', '.join(BINS)}")
        if self.tiles not in TILE_STYLES:
            raise ValueError(f"invalid tiles={self.tiles!r}: expected one of {TILE_STYLES}")
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"invalid range {self.start} > {self.end}: start must not follow end")

    def replace(self, **changes: Any) -> ViewState:
        """Return a copy with ``changes`` applied (validated again)."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-able dict (dates as ISO strings), for ``dcc.Store``."""
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        for key in ("start", "end"):
            out[key] = out[key].isoformat() if out[key] else None
        for key in LIST_FILTERS:
            out[key] = list(out[key])
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ViewState:
        """Rebuild a state from :meth:`to_dict` output; bad or missing values become defaults."""
        if not isinstance(data, dict):
            return cls()
        from dashboard.urlstate import coerce  # one place that validates field by field

        return coerce(data)
