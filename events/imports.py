"""Reading event datasets in: ACLED exports, UCDP GED CSVs, our own CSV and JSON lines.

Every reader takes a path or an open text file and returns an
:class:`ImportReport`: the events it could read, the rows it could not read
(``errors``: line number and reason) and the rows it read but left out on
purpose (``skipped``: another country, an ACLED type with no counterpart
here). A broken row never stops the others, and no input makes a reader
raise: arbitrary text gives a report with errors.

Governorate names: when :mod:`geodata` is installed, admin1/admin2 come from
its spatial join on the point, so they match the names used everywhere else
in the app; otherwise the file's names are kept.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from events.model import RECORD_FIELDS, Event, EventValidationError

FORMATS: tuple[str, ...] = ("acled", "ucdp", "csv", "jsonl")


@dataclass
class ImportReport:
    """What one import read: good events, unreadable rows, deliberately skipped rows."""

    events: list[Event] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> int:
        """Number of events read."""
        return len(self.events)


# -- actors --------------------------------------------------------------------------
#: Dataset actor names (UCDP sides, ACLED actors) -> canonical actors, first match wins.
#: Specific groups come before the generic "rebel" words so that coalitions naming
#: HTS count as Nusra Front and Peshmerga units of the Iraqi forces as Peshmerga.
_ACTOR_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), actor)
    for p, actor in (
        (r"peshmerga|kurdistan regional", "Peshmerga"),
        (r"popular mobili[sz]ation|\bpmf\b|\bpmu\b|hashd", "PMF"),
        (r"\bsdf\b|syrian democratic", "SDF"),
        (r"\bypg\b|\bypj\b|people'?s protection|\bpyd\b", "YPG"),
        (r"\bhts\b|tahrir al-?\s*sham|nusra|fateh al-?\s*sham", "Nusra Front"),
        (r"^\s*is\s*$|islamic state|\bisis\b|\bisil\b|daesh", "ISIS"),
        (r"hezbollah|hizbullah|hizballah", "Hezbollah"),
        (r"(government|forces|police) of iraq", "Iraqi Security Forces"),
        (r"(government|forces|police) of syria", "Syrian Army"),
        (r"russia", "Russia"),
        (r"turkey|t[üu]rkiye", "Turkey"),
        (r"\biran\b", "Iran"),
        (r"united states|coalition", "US-led coalition"),
        (r"civilians", "Civilians"),
        (r"unidentified", "Unidentified armed group"),
        (r"insurgent|rebel|opposition|free syrian|\bfsa\b|\bsna\b|ahrar|jaysh|jaish|liwa|"
         r"faylaq|front|brigade|division|legion|corps|army|operations room|fatah halab|zenki",
         "Syrian rebels"),
    )
)


def canonical_dataset_actor(name: str | None) -> str | None:
    """Return the canonical actor for a UCDP side or ACLED actor name.

    Names that fit no rule are kept as they are (DESIGN.md lets the actor list grow).

    Examples
    --------
    >>> canonical_dataset_actor("Government of Syria"), canonical_dataset_actor("IS")
    ('Syrian Army', 'ISIS')
    >>> canonical_dataset_actor("Military Forces of Iraq (2014-)")
    'Iraqi Security Forces'
    >>> canonical_dataset_actor("") is None
    True
    """
    if name is None or not name.strip():
        return None
    for pattern, actor in _ACTOR_RULES:
        if pattern.search(name):
            return actor
    return name.strip()


# -- shared helpers ------------------------------------------------------------------
_COUNTRY = {"iraq": "IQ", "syria": "SY", "iq": "IQ", "sy": "SY", "irq": "IQ", "syr": "SY"}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y")


class _RowError(ValueError):
    """A row cannot be read; the message says why."""


class _RowSkipped(ValueError):
    """A row is readable but deliberately left out; the message says why."""


def _open_text(source: str | Path | IO[str]) -> tuple[IO[str], str, bool]:
    """Return (text file, basename, whether we opened it)."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        return path.open(encoding="utf-8-sig", errors="replace", newline=""), path.name, True
    return source, getattr(source, "name", None) or "stdin", False


def _csv_rows(fh: IO[str], required: tuple[str, ...],
              report: ImportReport) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number of the row's start, row) from a CSV with a header.

    Missing required columns or a CSV syntax error become errors in ``report``.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(fh)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        report.errors.append((1, f"unreadable header: {exc}"))
        return
    if header is None:
        report.errors.append((1, "empty file: expected a header row"))
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        report.errors.append((1, f"missing columns {', '.join(missing)}"))
        return
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            report.errors.append((start, f"CSV syntax error: {exc}"))
            return
        line, start = start, reader.line_num + 1
        if not values or all(not v.strip() for v in values):
            continue
        if len(values) != len(header):
            report.errors.append((line, f"{len(values)} cells, expected {len(header)}"))
            continue
        yield line, dict(zip(header, values, strict=True))


def _collect(rows: Iterator[tuple[int, Any]], convert: Callable[[Any], Event],
             report: ImportReport) -> None:
    for line, row in rows:
        try:
            report.events.append(convert(row))
        except _RowSkipped as exc:
            report.skipped.append((line, str(exc)))
        except (EventValidationError, _RowError, ValueError, TypeError, KeyError,
                ArithmeticError) as exc:
            report.errors.append((line, str(exc) or type(exc).__name__))


def _day(value: str, name: str) -> str:
    text = (value or "").strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise _RowError(f"invalid {name}={value!r}: expected a date such as 2014-06-10")


def _number(value: str, name: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise _RowError(f"invalid {name}={value!r}: expected a number") from None


def _country(value: str) -> str:
    code = _COUNTRY.get((value or "").strip().lower())
    if code is None:
        raise _RowSkipped(f"country {value!r} is outside Iraq and Syria")
    return code


def _strip_suffix(name: str, words: tuple[str, ...]) -> str:
    name = (name or "").strip()
    for word in words:
        if name.lower().endswith(" " + word):
            return name[: -len(word) - 1].strip()
    return name


def _read(source: str | Path | IO[str], body: Callable[[IO[str], str, ImportReport], None]
          ) -> ImportReport:
    report = ImportReport()
    try:
        fh, name, owned = _open_text(source)
    except OSError as exc:
        report.errors.append((0, f"cannot open {source}: {exc}"))
        return report
    try:
        body(fh, name, report)
    finally:
        if owned:
            fh.close()
    return report


def _fill_admin(events: list[Event]) -> None:
    """Replace admin1/admin2 with geodata's spatial join, when geodata is available."""
    if not events:
        return
    try:
        from geodata import admin_for_points
    except ImportError:
        return
    try:
        found = admin_for_points([e.lon for e in events], [e.lat for e in events])
    except (OSError, ValueError, ImportError):
        # Boundary files missing or unreadable: keep the dataset's own names.
        return
    for ev, (country, admin1, admin2) in zip(events, found, strict=True):
        if admin1 and country == ev.country:
            ev.admin1, ev.admin2 = admin1, admin2


# -- UCDP GED ------------------------------------------------------------------------
_UCDP_REQUIRED = ("id", "type_of_violence", "side_a", "side_b", "latitude", "longitude",
                  "where_prec", "date_prec", "date_start", "best", "country")
#: UCDP where_prec (1 exact .. 7 international waters) -> our geo_precision.
UCDP_GEO_PRECISION = {1: 1, 2: 2, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3}
#: UCDP date_prec (1 exact day .. 5 more than a month) -> our date_precision.
UCDP_DATE_PRECISION = {1: "day", 2: "week", 3: "week", 4: "month", 5: "year"}
#: UCDP type_of_violence -> our event_type (1 state-based, 2 non-state, 3 one-sided).
UCDP_EVENT_TYPES = {1: "clash", 2: "clash", 3: "attack_on_civilians"}


def _int_code(value: str, name: str, table: dict[int, Any]) -> Any:
    try:
        return table[int(float(value))]
    except (ValueError, KeyError):
        raise _RowError(f"invalid {name}={value!r}: expected one of "
                        f"{', '.join(map(str, table))}") from None


def ucdp_event(row: dict[str, str], *, report: str = "ucdp_ged.csv") -> Event:
    """Build one event from a UCDP GED row (dict of its CSV columns).

    Raises
    ------
    ValueError
        When a required value is missing or malformed (message names it).
    """
    country = _country(row.get("country", ""))
    etype = _int_code(row["type_of_violence"], "type_of_violence", UCDP_EVENT_TYPES)
    date = _day(row["date_start"], "date_start")
    best = _number(row["best"], "best")
    where = (row.get("where_coordinates") or "").strip()
    place = _strip_suffix(where, ("village", "town", "city", "district", "governorate",
                                  "province", "area", "region"))
    admin1 = _strip_suffix(row.get("adm_1") or "", ("governorate", "province"))
    admin2 = _strip_suffix(row.get("adm_2") or "", ("district",)) or None
    headline = (row.get("source_headline") or "").strip()
    evidence = headline or f"{row.get('dyad_name') or 'UCDP event'}: {best:g} killed"
    ucdp_id = (row.get("id") or "").strip()
    if not ucdp_id:
        raise _RowError("invalid id='': expected the UCDP event id")
    source_date = (row.get("source_date") or "").strip()
    try:
        report_date = _day(source_date, "source_date") if source_date else date
    except _RowError:
        report_date = date
    return Event(
        id=f"ucdp_{ucdp_id}", incident_id="", report=report, source="UCDP GED", url=None,
        report_date=report_date, event_type=etype,
        actor1=canonical_dataset_actor(row.get("side_a")),
        actor2=canonical_dataset_actor(row.get("side_b")),
        location=where or admin1 or country, place=place or admin1 or country, geonameid=None,
        country=country, admin1=admin1 or country, admin2=admin2,
        lat=_number(row["latitude"], "latitude"), lon=_number(row["longitude"], "longitude"),
        geo_precision=_int_code(row["where_prec"], "where_prec", UCDP_GEO_PRECISION),
        date=date, date_precision=_int_code(row["date_prec"], "date_prec", UCDP_DATE_PRECISION),
        magnitude=best if best > 0 else None, magnitude_unit="killed" if best > 0 else None,
        certainty="reported", evidence=evidence, evidence_start=0, evidence_end=len(evidence),
        notes=f"UCDP GED event {ucdp_id}; {row.get('dyad_name', '')}; "
              f"sources: {row.get('source_office') or 'n/a'}",
    )


def read_ucdp(source: str | Path | IO[str], *, geodata_admin: bool = True) -> ImportReport:
    r"""Read a UCDP GED CSV (the full GED columns) into events.

    ``type_of_violence`` 1 and 2 become ``clash``, 3 ``attack_on_civilians``;
    ``where_prec`` and ``date_prec`` map onto geo/date precision
    (:data:`UCDP_GEO_PRECISION`, :data:`UCDP_DATE_PRECISION`); ``best`` is the
    number killed; the sides become canonical actors.

    Parameters
    ----------
    source : path or text file
        The CSV.
    geodata_admin : bool
        Take admin1/admin2 from geodata's spatial join when available.

    Returns
    -------
    ImportReport

    Examples
    --------
    >>> import io
    >>> read_ucdp(io.StringIO("id,year\n1,2016\n")).errors[0][1][:15]
    'missing columns'
    """
    def body(fh: IO[str], name: str, report: ImportReport) -> None:
        _collect(_csv_rows(fh, _UCDP_REQUIRED, report),
                 lambda row: ucdp_event(row, report=name), report)
    report = _read(source, body)
    if geodata_admin:
        _fill_admin(report.events)
    return report


# -- ACLED ---------------------------------------------------------------------------
_ACLED_REQUIRED = ("event_date", "event_type", "sub_event_type", "actor1", "country",
                   "latitude", "longitude")
#: ACLED (event_type, sub_event_type) -> ours; "Strategic developments / Other" is
#: decided from the notes in :func:`acled_event`.
ACLED_TO_EVENT_TYPE: dict[tuple[str, str], str] = {
    ("Battles", "Armed clash"): "clash",
    ("Battles", "Government regains territory"): "seizure",
    ("Battles", "Non-state actor overtakes territory"): "seizure",
    ("Explosions/Remote violence", "Air/drone strike"): "airstrike",
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): "shelling",
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): "bombing",
    ("Explosions/Remote violence", "Suicide bomb"): "bombing",
    ("Explosions/Remote violence", "Grenade"): "bombing",
    ("Violence against civilians", "Attack"): "attack_on_civilians",
    ("Violence against civilians", "Sexual violence"): "attack_on_civilians",
    ("Violence against civilians", "Abduction/forced disappearance"): "abduction",
    ("Strategic developments", "Non-violent transfer of territory"): "withdrawal",
    ("Strategic developments", "Headquarters or base established"): "troop_position",
}
_OTHER_RULES = (
    (re.compile(r"prison|jail|inmates", re.I), "prison_break"),
    (re.compile(r"displac|fled|refugee|\bidps?\b", re.I), "displacement"),
    (re.compile(r"threat|vow|warn", re.I), "threat"),
)
_ACLED_DATE_PRECISION = {1: "day", 2: "week", 3: "month"}


def acled_event(row: dict[str, str], *, report: str = "acled.csv") -> Event:
    """Build one event from an ACLED export row (dict of its CSV columns).

    Raises
    ------
    ValueError
        Malformed values (an error), or an ACLED type with no counterpart here
        such as protests (a deliberate skip).
    """
    country = _country(row.get("country", ""))
    key = ((row.get("event_type") or "").strip(), (row.get("sub_event_type") or "").strip())
    notes = (row.get("notes") or "").strip()
    etype = ACLED_TO_EVENT_TYPE.get(key)
    if etype is None and key == ("Strategic developments", "Other"):
        tags = (row.get("tags") or "").lower()
        etype = "displacement" if "displacement" in tags else next(
            (t for rx, t in _OTHER_RULES if rx.search(notes)), "troop_position")
    if etype is None:
        raise _RowSkipped(f"ACLED type {key[0]!r} / {key[1]!r} has no counterpart here")
    date = _day(row["event_date"], "event_date")
    precision = _int_code(row.get("time_precision") or "1", "time_precision",
                          _ACLED_DATE_PRECISION)
    geo = _int_code(row.get("geo_precision") or "1", "geo_precision", {1: 1, 2: 2, 3: 3})
    fatalities = _number(row.get("fatalities") or "0", "fatalities")
    location = (row.get("location") or "").strip()
    admin1 = (row.get("admin1") or "").strip()
    cid = (row.get("event_id_cnty") or "").strip()
    if not cid:
        raise _RowError("invalid event_id_cnty='': expected ACLED's event id")
    evidence = notes or f"{key[1]} at {location or admin1}"
    # Our own ACLED export prefixes ids with the country (IRQ-ev_...); importing it
    # back keeps the original id so a round trip does not duplicate events.
    eid = cid.split("-", 1)[1] if cid[:4] in ("IRQ-", "SYR-") else f"acled_{cid}"
    return Event(
        id=eid, incident_id="", report=report, source=(row.get("source") or "ACLED").strip(),
        url=None, report_date=date, event_type=etype,
        actor1=canonical_dataset_actor(row.get("actor1")),
        actor2=canonical_dataset_actor(row.get("actor2")),
        location=location or admin1 or country, place=location or admin1 or country,
        geonameid=None, country=country, admin1=admin1 or country,
        admin2=(row.get("admin2") or "").strip() or None,
        lat=_number(row["latitude"], "latitude"), lon=_number(row["longitude"], "longitude"),
        geo_precision=geo, date=date, date_precision=precision,
        magnitude=fatalities if fatalities > 0 else None,
        magnitude_unit="killed" if fatalities > 0 else None,
        certainty="reported", evidence=evidence, evidence_start=0, evidence_end=len(evidence),
        notes=f"ACLED {cid}",
    )


def read_acled(source: str | Path | IO[str], *, geodata_admin: bool = True) -> ImportReport:
    """Read an ACLED export CSV (ACLED's column names) into events.

    Types map back through :data:`ACLED_TO_EVENT_TYPE`; ``time_precision``
    1/2/3 becomes day/week/month; ``fatalities`` the number killed. Rows
    outside Iraq and Syria, and protests, riots and other types with no
    counterpart, are skipped (``ImportReport.skipped``), not errors.

    Examples
    --------
    >>> import io
    >>> read_acled(io.StringIO("")).errors
    [(1, 'empty file: expected a header row')]
    """
    def body(fh: IO[str], name: str, report: ImportReport) -> None:
        _collect(_csv_rows(fh, _ACLED_REQUIRED, report),
                 lambda row: acled_event(row, report=name), report)
    report = _read(source, body)
    if geodata_admin:
        _fill_admin(report.events)
    return report


# -- our CSV and JSON lines ----------------------------------------------------------
_NULLABLE = {"url", "actor1", "actor2", "geonameid", "admin2", "magnitude", "magnitude_unit",
             "notes"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(name: str, value: str) -> Any:
    # Undo the apostrophe that export put before formula-like text.
    if value.startswith("'") and value[1:2] and value[1:2] in _FORMULA_START:
        value = value[1:]
    if value == "" and name in _NULLABLE:
        return None
    return value


def read_csv(source: str | Path | IO[str]) -> ImportReport:
    r"""Read a CSV with DESIGN.md's field names (what ``export --format csv`` writes).

    Examples
    --------
    >>> import io
    >>> read_csv(io.StringIO("id\n")).errors[0][0]
    1
    """
    required = tuple(f for f in RECORD_FIELDS if f not in _NULLABLE and f != "incident_id")

    def body(fh: IO[str], name: str, report: ImportReport) -> None:
        _collect(_csv_rows(fh, required, report),
                 lambda row: Event.from_dict({k: _csv_value(k, v) for k, v in row.items()}),
                 report)
    return _read(source, body)


def _json_lines(fh: IO[str], report: ImportReport) -> Iterator[tuple[int, dict[str, Any]]]:
    for n, line in enumerate(fh, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as exc:
            report.errors.append((n, f"invalid JSON: {getattr(exc, 'msg', exc)}"))
            continue
        if not isinstance(obj, dict):
            report.errors.append((n, f"expected a JSON object, got {type(obj).__name__}"))
            continue
        yield n, obj


def read_jsonl(source: str | Path | IO[str]) -> ImportReport:
    r"""Read JSON lines with DESIGN.md's fields (what ``extract --format jsonl`` prints).

    Examples
    --------
    >>> import io
    >>> read_jsonl(io.StringIO("[1]\n")).errors
    [(1, 'expected a JSON object, got list')]
    """
    def body(fh: IO[str], name: str, report: ImportReport) -> None:
        _collect(_json_lines(fh, report), Event.from_dict, report)
    return _read(source, body)


READERS: dict[str, Callable[..., ImportReport]] = {
    "acled": read_acled, "ucdp": read_ucdp, "csv": read_csv, "jsonl": read_jsonl,
}


def read(source: str | Path | IO[str], *, fmt: str) -> ImportReport:
    """Read ``source`` in format ``fmt`` (``acled``, ``ucdp``, ``csv`` or ``jsonl``).

    Examples
    --------
    >>> import io
    >>> read(io.StringIO(""), fmt="jsonl").ok
    0
    """
    if fmt not in READERS:
        raise ValueError(f"invalid format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return READERS[fmt](source)
