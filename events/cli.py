"""The ``python -m events`` command line: ingest, extract, export, import (+ sample, synth).

Heavy modules (the extractor, pandas, the store) are imported inside the
commands, and the ``sample``/``synth`` commands are loaded only when used,
so ``python -m events --help`` stays fast and works even when an optional
module is missing.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

#: File suffixes the report reader accepts.
REPORT_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm")
#: Commands defined in other modules: name -> ("module:attribute", short help for the list).
#: The short help is repeated here so that ``--help`` need not import those modules.
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "sample": ("events.sample:sample_command",
               "Load the bundled sample of real 2014-2017 events and demo reports."),
    "synth": ("events.synth:synth_command",
              "Fill the database with N synthetic events (benchmarks, load tests)."),
}
_PROGRESS_OVER = 5


class LazyGroup(click.Group):
    """A click group that imports some commands only when they are run.

    ``--help`` lists them from their registered short help, without importing
    them; a command whose module is missing is left out instead of breaking
    the group.
    """

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def _available(self, name: str) -> bool:
        module_name = self.lazy[name][0].split(":")[0]
        try:
            return importlib.util.find_spec(module_name) is not None
        except (ImportError, ValueError):
            return False

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Return the eager commands and the lazy ones whose module exists."""
        names = set(super().list_commands(ctx))
        names.update(n for n in self.lazy if self._available(n))
        return sorted(names)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Return a command, importing a lazy one on first use; None if unknown."""
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in self.lazy:
            command = self._load(cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands; lazy ones with their registered help, not imported."""
        rows = []
        for name in self.list_commands(ctx):
            if name in self.lazy and name not in self.commands:
                rows.append((name, self.lazy[name][1]))
                continue
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def _load(self, name: str) -> click.Command | None:
        module_name, attr = self.lazy[name][0].split(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            return None
        command = getattr(module, attr, None)
        return command if isinstance(command, click.Command) else None


@click.group(cls=LazyGroup, lazy=LAZY_COMMANDS)
@click.option("--db", "db", default=None, metavar="URL", envvar=None,
              help="Database URL (SQLAlchemy). Default: $EVENTS_DB, else var/events.sqlite.")
@click.version_option(package_name=None, version="0.1.0", prog_name="events")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """Conflict events in Iraq and Syria: read reports, store, import and export events.

    Example: python -m events --db sqlite:///var/events.sqlite ingest reports/
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


def _db_option(command: click.Command) -> click.Command:
    """Also accept ``--db URL`` after a command's name (``ingest PATH --db URL``).

    Given there, it beats the group's ``--db``, which beats $EVENTS_DB.
    """

    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value:
            ctx.ensure_object(dict)["db"] = value

    return click.option("--db", "command_db", default=None, metavar="URL", expose_value=False,
                        is_eager=True, callback=remember,
                        help="Database URL (SQLAlchemy); same as the group's --db.")(command)


def _open_store(ctx: click.Context) -> Any:
    from events.store import Store

    return Store(ctx.find_object(dict).get("db") if ctx.find_object(dict) else None)


def _expand(paths: tuple[str, ...]) -> Iterator[tuple[Path, str | None]]:
    """Yield (file, reason to skip or None) for files and folders given on the command line.

    Nothing here raises: a path that is missing, unreadable, vanishes while
    being listed or is no regular file is yielded with its reason, and the
    other paths go on.
    """
    for raw in paths:
        path = Path(raw)
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            yield path, _os_reason(exc, path)
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield path, _suffix_reason(path)
        else:
            yield path, "not a regular file (a device, pipe or socket)"


def _walk(folder: Path) -> Iterator[tuple[Path, str | None]]:
    """Yield the files under ``folder`` in name order, as :func:`_expand` does.

    Hidden files and folders are left out; links to folders are not followed
    (they could loop), and are reported.
    """
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield folder, _os_reason(exc, folder, folder=True)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path)
                continue
            mode = os.stat(path).st_mode
        except OSError as exc:
            yield path, _os_reason(exc, path)
            continue
        if stat.S_ISDIR(mode):
            yield path, "link to a folder, not followed (name the folder itself)"
        elif stat.S_ISREG(mode):
            yield path, _suffix_reason(path)
        else:
            yield path, "not a regular file (a device, pipe or socket)"


def _os_reason(exc: OSError, path: Path, *, folder: bool = False) -> str:
    """Say why ``path`` cannot be read, in words (no traceback)."""
    if isinstance(exc, FileNotFoundError):
        if not folder and os.path.islink(path):
            return "broken link: its target does not exist"
        return "no such file or folder" if not folder else "folder vanished while being read"
    if isinstance(exc, PermissionError):
        return f"cannot read {'folder' if folder else 'it'}: permission denied"
    return f"cannot read {'folder' if folder else 'it'}: {exc.strerror or exc}"


def _extract_or_none(extract_events: Any, report: Any, path: Path,
                     skipped: list[tuple[Path, str]]) -> list[Any] | None:
    """Run the extractor on one report; on failure note why and return None.

    One report the extractor cannot handle must not stop a folder of hundreds:
    it is skipped with the error, like an unreadable file, and the exit code says so.
    """
    try:
        return extract_events(report)
    except Exception as exc:  # noqa: BLE001 - reported per file, the run goes on
        skipped.append((path, f"extraction failed: {type(exc).__name__}: {exc}"))
        return None


def _suffix_reason(path: Path) -> str | None:
    if path.suffix.lower() in REPORT_SUFFIXES:
        return None
    return f"not a report file (expected {', '.join(REPORT_SUFFIXES)})"


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_db_option
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...]) -> None:
    """Read report files or folders, extract their events and store them.

    Accepts .txt, .html and .htm files; anything else, and empty, binary,
    undecodable or too big files, is skipped with its reason. Ingesting the
    same report again adds nothing. The exit code is 1 when a file was skipped.

    Example: python -m events ingest reports/ extra/mosul-2014-06-10.txt
    """
    from events.extract import extract_events
    from events.reports import ReportError, read_report
    from events.store import StoreBusyError, report_meta

    files = list(_expand(paths))
    skipped: list[tuple[Path, str]] = [(p, r) for p, r in files if r is not None]
    todo = [p for p, r in files if r is None]
    read = stored = incidents = duplicates = 0
    progress: Any = (click.progressbar(todo, label="ingesting", file=sys.stderr, show_pos=True)
                     if len(todo) > _PROGRESS_OVER else contextlib.nullcontext(todo))
    with _open_store(ctx) as store, progress as items:
        for path in items:
            try:
                report = read_report(path)
            except (ReportError, OSError) as exc:
                skipped.append((path, str(exc)))
                continue
            events = _extract_or_none(extract_events, report, path, skipped)
            if events is None:
                continue
            try:
                result = store.add_report(report.raw_sha1 or report.name, events,
                                          meta=report_meta(report))
            except StoreBusyError as exc:
                skipped.append((path, str(exc)))
                continue
            read += 1
            stored += result.new_events
            incidents += result.new_incidents
            duplicates += result.duplicate_report
    click.echo(f"reports read: {read} ({duplicates} seen before)")
    click.echo(f"events stored: {stored}")
    click.echo(f"new incidents: {incidents}")
    click.echo(f"skipped: {len(skipped)}")
    for path, reason in skipped:
        click.echo(f"  {path}: {reason}")
    ctx.exit(1 if skipped else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True, help="Output format: one JSON object a line.")
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Print the events found in report files or folders; touch no database.

    Each line is one event with all of DESIGN.md's fields; ``report`` is the
    file's name. Skipped files are listed on stderr; the exit code stays 0.

    Example: python -m events extract reports/ --format jsonl > events.jsonl
    """
    from events.extract import extract_events
    from events.reports import ReportError, read_report

    files = list(_expand(paths))
    out = click.get_text_stream("stdout")
    for path, reason in files:
        if reason is not None:
            click.echo(f"skipped {path}: {reason}", err=True)
            continue
        try:
            report = read_report(path)
        except (ReportError, OSError) as exc:
            click.echo(f"skipped {path}: {exc}", err=True)
            continue
        failed: list[tuple[Path, str]] = []
        events = _extract_or_none(extract_events, report, path, failed)
        for bad, reason in failed:
            click.echo(f"skipped {bad}: {reason}", err=True)
        for ev in events or []:
            record = ev.to_dict()
            record["report"] = path.name
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _check_day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: expected YYYY-MM-DD") from None


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "geojson", "acled"]), default="csv",
              show_default=True, help="csv (DESIGN.md fields), geojson or acled (ACLED columns).")
@click.option("--from", "start", callback=_check_day, metavar="DATE",
              help="First event date, YYYY-MM-DD.")
@click.option("--to", "end", callback=_check_day, metavar="DATE",
              help="Last event date, YYYY-MM-DD.")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="Event type to keep (repeatable), e.g. --type seizure.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here instead of stdout.")
@_db_option
@click.pass_context
def export(ctx: click.Context, fmt: str, start: str | None, end: str | None,
           types: tuple[str, ...], out: str | None) -> None:
    """Write stored events as CSV, GeoJSON or ACLED-style CSV.

    Cells a spreadsheet would run as formulas are neutralised with a leading '.

    Example: python -m events export --format geojson --from 2014-06-01 --to 2014-06-30
    --type seizure --out june.geojson
    """
    from events.exports import write
    from events.model import EVENT_TYPES

    bad = [t for t in types if t not in EVENT_TYPES]
    if bad:
        raise click.BadParameter(f"{', '.join(bad)}: expected one of {', '.join(EVENT_TYPES)}",
                                 param_hint="--type")
    with _open_store(ctx) as store:
        events = store.query(start=start, end=end, event_types=list(types) or None)
    if out is None:
        n = write(events, click.get_text_stream("stdout"), fmt=fmt)
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            n = write(events, fh, fmt=fmt)
    click.echo(f"exported {n} events", err=True)


@cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["acled", "ucdp", "csv", "jsonl"]),
              required=True, help="acled, ucdp (UCDP GED CSV), csv or jsonl (our record).")
@click.option("--match/--no-match", default=True, show_default=True,
              help="Match imported events to incidents (--no-match is faster).")
@_db_option
@click.pass_context
def import_(ctx: click.Context, file: str, fmt: str, match: bool) -> None:
    """Import an event dataset: ACLED export, UCDP GED CSV, or our CSV / JSON lines.

    Rows that cannot be read are listed with their line numbers and the good
    rows go in; the exit code is 1 when a row could not be read.

    Example: python -m events import ged_syria.csv --format ucdp
    """
    from events.imports import read

    result = read(file, fmt=fmt)
    with _open_store(ctx) as store:
        added = store.add_events(result.events, report_key=f"import:{fmt}:{Path(file).name}",
                                 match_incidents=match,
                                 meta={"name": Path(file).name, "format": fmt})
    click.echo(f"rows read: {result.ok}")
    click.echo(f"events stored: {added.new_events}")
    click.echo(f"new incidents: {added.new_incidents}")
    click.echo(f"rows skipped on purpose: {len(result.skipped)}")
    for line, reason in result.skipped[:10]:
        click.echo(f"  line {line}: {reason}")
    click.echo(f"rows with errors: {len(result.errors)}")
    for line, reason in result.errors[:50]:
        click.echo(f"  line {line}: {reason}", err=True)
    if len(result.errors) > 50:
        click.echo(f"  ... and {len(result.errors) - 50} more", err=True)
    ctx.exit(1 if result.errors else 0)
