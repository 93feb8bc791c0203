"""The event record: one dated, geocoded happening read from one report.

The field names and their meaning are fixed by DESIGN.md; they are what
``extract --format jsonl`` prints and what CSV export writes. Validation
happens here, at the edge, so that nothing downstream has to re-check.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Any

EVENT_TYPES: tuple[str, ...] = (
    "seizure",
    "clash",
    "airstrike",
    "shelling",
    "bombing",
    "attack_on_civilians",
    "abduction",
    "prison_break",
    "displacement",
    "troop_position",
    "withdrawal",
    "threat",
)
MAGNITUDE_UNITS: tuple[str, ...] = (
    "people_displaced",
    "hostages",
    "prisoners_freed",
    "killed",
    "wounded",
    "troops",
)
COUNTRIES: tuple[str, ...] = ("IQ", "SY")
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")
GEO_PRECISIONS: tuple[int, ...] = (1, 2, 3)
CERTAINTIES: tuple[str, ...] = ("reported", "claimed", "disputed")

#: Canonical actor names (DESIGN.md). Aliases live in ``events.actors``.
ACTORS: tuple[str, ...] = (
    "ISIS",
    "Iraqi Security Forces",
    "Peshmerga",
    "PMF",
    "YPG",
    "SDF",
    "Syrian Army",
    "Syrian rebels",
    "Nusra Front",
    "US-led coalition",
    "Russia",
    "Turkey",
    "Iran",
    "Hezbollah",
    "Kurdish fighters",
    "Local militia",
    "Civilians",
    "Unidentified armed group",
)


class EventValidationError(ValueError):
    """An event field holds a value outside what DESIGN.md allows."""


def _fail(name: str, value: Any, allowed: str) -> None:
    raise EventValidationError(f"invalid {name}={value!r}: expected {allowed}")


def _check_day(name: str, value: Any) -> str:
    """Return ``value`` as a canonical YYYY-MM-DD string or raise naming the field."""
    if isinstance(value, _date):
        return value.isoformat()
    if not isinstance(value, str):
        _fail(name, value, "a date as YYYY-MM-DD")
    try:
        return _date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        _fail(name, value, "a date as YYYY-MM-DD")
    raise AssertionError("unreachable")


@dataclass(slots=True)
class Event:
    """One event: what happened, where, when, by whom, and the sentence that says so.

    An instance is one happening as told by one report. The same happening
    told by several reports gives several ``Event`` instances that share an
    ``incident_id``. Constructing an instance validates every field and
    normalises dates to ``YYYY-MM-DD`` strings; invalid values raise
    :class:`EventValidationError` naming the field and the value.

    Examples
    --------
    >>> ev = Event(id="e1", incident_id="e1", report="r.txt", source="CNN", url=None,
    ...            report_date="2014-06-12", event_type="seizure", actor1="ISIS",
    ...            actor2="Iraqi Security Forces", location="Mosul", place="Mosul",
    ...            geonameid=99072, country="IQ", admin1="Ninewa", admin2="Al-Mosul",
    ...            lat=36.335, lon=43.119, geo_precision=1, date="2014-06-10",
    ...            date_precision="day", magnitude=None, magnitude_unit=None,
    ...            certainty="reported", evidence="ISIS seized Mosul.",
    ...            evidence_start=0, evidence_end=18)
    >>> ev.event_type
    'seizure'
    """

    id: str
    incident_id: str
    report: str
    source: str
    url: str | None
    report_date: str
    event_type: str
    actor1: str | None
    actor2: str | None
    location: str
    place: str
    geonameid: int | None
    country: str
    admin1: str
    admin2: str | None
    lat: float
    lon: float
    geo_precision: int
    date: str
    date_precision: str
    magnitude: float | None
    magnitude_unit: str | None
    certainty: str
    evidence: str
    evidence_start: int
    evidence_end: int
    # Extra, optional provenance that is not part of the fixed record.
    notes: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.event_type not in EVENT_TYPES:
            _fail("event_type", self.event_type, f"one of {', '.join(EVENT_TYPES)}")
        if self.country not in COUNTRIES:
            _fail("country", self.country, "IQ or SY")
        for name, lo, hi in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
            value = getattr(self, name)
            try:
                number = float(value)
            except (TypeError, ValueError, OverflowError):
                _fail(name, value, f"a number in [{lo:g}, {hi:g}]")
            if math.isnan(number) or not lo <= number <= hi:
                _fail(name, value, f"a number in [{lo:g}, {hi:g}]")
            setattr(self, name, number)
        self.date = _check_day("date", self.date)
        self.report_date = _check_day("report_date", self.report_date)
        if self.date_precision not in DATE_PRECISIONS:
            _fail("date_precision", self.date_precision, f"one of {', '.join(DATE_PRECISIONS)}")
        try:
            self.geo_precision = int(self.geo_precision)
        except (TypeError, ValueError, OverflowError):
            _fail("geo_precision", self.geo_precision, "1, 2 or 3")
        if self.geo_precision not in GEO_PRECISIONS:
            _fail("geo_precision", self.geo_precision, "1, 2 or 3")
        if self.certainty not in CERTAINTIES:
            _fail("certainty", self.certainty, f"one of {', '.join(CERTAINTIES)}")
        if self.magnitude_unit is not None and self.magnitude_unit not in MAGNITUDE_UNITS:
            _fail("magnitude_unit", self.magnitude_unit, f"one of {', '.join(MAGNITUDE_UNITS)}")
        if self.magnitude is not None:
            try:
                self.magnitude = float(self.magnitude)
            except (TypeError, ValueError, OverflowError):
                _fail("magnitude", self.magnitude, "a number or null")
            if math.isnan(self.magnitude) or self.magnitude < 0:
                _fail("magnitude", self.magnitude, "a non-negative number or null")
        if self.geonameid is not None:
            try:
                self.geonameid = int(self.geonameid)
            except (TypeError, ValueError, OverflowError):
                _fail("geonameid", self.geonameid, "an integer or null")
        for name in ("id", "report", "source", "evidence"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                _fail(name, getattr(self, name), "a non-empty string")
        if not self.incident_id:
            self.incident_id = self.id
        for name in ("evidence_start", "evidence_end"):
            try:
                setattr(self, name, int(getattr(self, name)))
            except (TypeError, ValueError, OverflowError):
                _fail(name, getattr(self, name), "a character offset (int)")
        if not 0 <= self.evidence_start <= self.evidence_end:
            _fail(
                "evidence_start",
                (self.evidence_start, self.evidence_end),
                "0 <= evidence_start <= evidence_end",
            )

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a plain dict with exactly DESIGN.md's fields.

        Examples
        --------
        >>> list(Event.field_names())[:3]
        ['id', 'incident_id', 'report']
        """
        return {name: getattr(self, name) for name in RECORD_FIELDS}

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """Return the record's field names in DESIGN.md's order."""
        return RECORD_FIELDS

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Event:
        """Build and validate an event from a mapping with the record's fields.

        Unknown keys are ignored; a missing required field raises
        :class:`EventValidationError` naming it.
        """
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name in row:
                kwargs[f.name] = row[f.name]
            elif f.default is dataclasses.MISSING:
                if f.name in _NULLABLE:
                    kwargs[f.name] = None
                elif f.name == "incident_id":
                    kwargs[f.name] = ""
                else:
                    raise EventValidationError(f"missing field {f.name!r}")
        return cls(**kwargs)


RECORD_FIELDS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Event) if f.name != "notes"
)
_NULLABLE = frozenset(
    {"url", "actor1", "actor2", "geonameid", "admin2", "magnitude", "magnitude_unit"}
)


def event_id(report_text: str, evidence_start: int, evidence_end: int, event_type: str,
             place: str, *, ordinal: int = 0) -> str:
    """Derive a stable event id from the report's content and the event's evidence span.

    The same report ingested twice yields the same ids, so re-ingesting adds
    nothing. ``ordinal`` separates several events of the same type and place
    read from one sentence.

    Examples
    --------
    >>> event_id("text", 0, 4, "seizure", "Mosul") == event_id("text", 0, 4, "seizure", "Mosul")
    True
    """
    digest = hashlib.sha1(report_text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    key = f"{digest}:{evidence_start}:{evidence_end}:{event_type}:{place}:{ordinal}"
    return "ev_" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]
