"""Many writers at once: concurrent ``python -m events ingest`` processes lose and double nothing.

Four processes ingest four folders that overlap: ten reports are in every
folder (the same files), and twenty in each folder are the writer's own, but
report the same twenty happenings as the other writers' (same type, place and
day, another outlet), in the same order, so that events of one incident reach
the database from several processes at the same moment. After each trial the
database must equal a single process's ingest of all four folders: the same
reports, the same events, grouped into the same incidents.

The first trial starts ``python -m events ingest`` four times, as a user would.
Loading the extraction model costs each such process seconds, so the other
trials fork four processes from this one once the model is loaded, and each
runs the same command (``events.cli``) in its own process with its own
database connections: the same race, in a fraction of the time.

The reports are written here, in our own words.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 4
TRIALS = 10
SHARED = 10
OWN = 20
TOWNS = ("Mosul", "Kirkuk", "Tikrit", "Ramadi", "Fallujah", "Baiji", "Samarra", "Raqqa", "Manbij",
         "Kobani", "Palmyra", "Aleppo", "Homs", "Hama", "Idlib", "Sinjar", "Tal Afar", "Haditha",
         "Hit", "Deir ez-Zor")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
OUTLETS = ("North Wire", "River Times", "Desert Post", "Valley News")


def _report(town: str, month: int, year: int, outlet: str) -> str:
    """A short wire story with three events (bombing, clash, air strike) in one town."""
    name = MONTHS[month - 1]
    return (f"published: {year}-{month:02d}-20\nsource: {outlet}\n---\n"
            f"Violence in {town}\n\n"
            f"A car bomb exploded in a market in {town} on 18 {name} {year}, killing 12 people, "
            f"{outlet} was told.\n\n"
            f"Heavy clashes broke out between government forces and Islamic State fighters in "
            f"{town} on 17 {name} {year}.\n\n"
            f"Coalition aircraft carried out air strikes on Islamic State positions in {town} "
            f"on 16 {name} {year}.\n")


def write_folders(root: Path) -> list[Path]:
    """Write the writers' folders: shared reports (2016) and each writer's own (2015)."""
    folders = []
    for w in range(WRITERS):
        folder = root / f"writer{w}"
        folder.mkdir(parents=True)
        for i in range(OWN):
            # Same happening for every writer, told by another outlet: one incident each.
            (folder / f"{i:02d}_own_{w}.txt").write_text(
                _report(TOWNS[i], i % 12 + 1, 2015, OUTLETS[w]), encoding="utf-8")
        for i in range(SHARED):
            (folder / f"{i:02d}_shared.txt").write_text(
                _report(TOWNS[i], i % 12 + 1, 2016, "Shared Agency"), encoding="utf-8")
        folders.append(folder)
    return folders


def start_ingest(url: str, *folders: Path) -> subprocess.Popen:
    """Start ``python -m events ingest`` on the folders, as a user would."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("EVENTS_DB", None)
    return subprocess.Popen([sys.executable, "-m", "events", "--db", url, "ingest",
                             *map(str, folders)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


class ForkedIngest:
    """``events ingest`` run by the command-line code in a process forked from this one.

    The child inherits the loaded extraction model; this process must hold no
    database connection when it forks (every Store here is closed after use).
    """

    def __init__(self, url: str, *folders: Path) -> None:
        self.out, self.err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
        self.pid = os.fork()
        if self.pid == 0:  # the child: run the command, never return into pytest
            code = 1
            try:
                os.dup2(self.out.fileno(), 1)
                os.dup2(self.err.fileno(), 2)
                sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 - flushed below
                sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
                from events.cli import cli

                cli.main(["--db", url, "ingest", *map(str, folders)],
                         prog_name="python -m events")
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
            except BaseException:  # noqa: BLE001 - reported like a crashing process
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        """Wait for the child; return its output and errors, set ``returncode``."""
        _, status = os.waitpid(self.pid, 0)
        self.returncode = os.waitstatus_to_exitcode(status)
        texts = []
        for f in (self.out, self.err):
            f.seek(0)
            texts.append(f.read().decode("utf-8", "replace"))
            f.close()
        return texts[0], texts[1]


def finish(proc: subprocess.Popen | ForkedIngest, timeout: float = 180) -> dict[str, Any]:
    """Wait for an ingest process; return its exit code, output and summary counts."""
    out, err = proc.communicate(timeout=timeout)
    counts = {}
    for line in out.splitlines():
        key, _, value = line.partition(":")
        if key in ("reports read", "events stored", "new incidents", "skipped"):
            counts[key] = int(value.split()[0])
            if key == "reports read":
                counts["seen before"] = int(value.split("(")[1].split()[0])
    return {"code": proc.returncode, "out": out, "err": err, **counts}


def snapshot(url: str) -> dict[str, Any]:
    """What a database holds: report keys, event records and the incidents' member sets."""
    from events.store import Store

    with Store(url) as store:
        reports = {r["report_key"]: r["n_events"] for r in store.reports()}
        events = store.query()
    members: dict[str, set[str]] = {}
    for ev in events:
        members.setdefault(ev.incident_id, set()).add(ev.id)
    records = {ev.id: {k: v for k, v in ev.to_dict().items() if k != "incident_id"}
               for ev in events}
    # Which event came first (and so names the incident) depends on timing; the grouping not.
    incidents = sorted(sorted(m) for m in members.values())
    return {"reports": reports, "events": records, "incidents": incidents,
            "n_events": len(events)}


def difference(got: dict[str, Any], want: dict[str, Any]) -> str | None:
    """Describe how a trial's database differs from the single-process one, or None."""
    lost_reports = set(want["reports"]) - set(got["reports"])
    lost_events = set(want["events"]) - set(got["events"])
    problems = []
    if lost_reports or lost_events:
        problems.append(f"lost {len(lost_reports)} reports, {len(lost_events)} events")
    if got["n_events"] != len(got["events"]) or set(got["reports"]) - set(want["reports"]):
        problems.append("duplicates")
    if got["reports"] != want["reports"] and not lost_reports:
        problems.append("report event counts differ")
    if not lost_events and got["events"] != want["events"]:
        problems.append("event records differ")
    if not lost_events and got["incidents"] != want["incidents"]:
        split = len(got["incidents"]) - len(want["incidents"])
        problems.append(f"incidents differ ({len(got['incidents'])} instead of "
                        f"{len(want['incidents'])}, {split:+d})")
    return "; ".join(problems) or None


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A factory of empty databases, one per trial: SQLite files, or PostgreSQL databases.

    The PostgreSQL variant runs when EVENTS_TEST_PG_URL is set (``.ci/run``).
    """
    if request.param == "sqlite":
        made = iter(range(1_000))
        yield lambda: f"sqlite:///{tmp_path / f'trial{next(made)}.sqlite'}"
        return
    pg_url = request.getfixturevalue("pg_url")
    admin = sa.create_engine(pg_url, isolation_level="AUTOCOMMIT")
    names: list[str] = []

    def make() -> str:
        name = f"events_race_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        names.append(name)
        return sa.make_url(pg_url).set(database=name).render_as_string(hide_password=False)

    try:
        yield make
    finally:
        with admin.connect() as conn:
            for name in names:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="module")
def warm_extractor() -> Iterator[None]:
    """Load the extraction model and gazetteer here, so that forked writers start at once.

    The extractor's wall-clock budget per report is lifted meanwhile: on a loaded machine
    it would cut a report short in one trial and not another, and these tests compare
    what the store keeps, not how fast the extractor reads.
    """
    import events.extract
    from events.extract import extract_events
    from events.reports import read_text

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(events.extract, "TIME_BUDGET_S", 600.0)
        extract_events(read_text(_report("Mosul", 1, 2015, "Warm Wire"), name="warm.txt"))
        yield


@pytest.mark.slow
def test_race001_concurrent_ingests_equal_one_ingest(tmp_path, fresh_url, warm_extractor):
    folders = write_folders(tmp_path / "reports")
    reference_url = fresh_url()
    single = finish(ForkedIngest(reference_url, *folders))
    assert single["code"] == 0, single["err"]
    want = snapshot(reference_url)
    assert len(want["reports"]) == SHARED + WRITERS * OWN
    assert len(want["incidents"]) == 3 * (SHARED + OWN)  # three events per happening

    failures = []
    for trial in range(TRIALS):
        url = fresh_url()
        start = start_ingest if trial == 0 else ForkedIngest
        runs = [finish(p) for p in [start(url, f) for f in folders]]
        got = snapshot(url)
        problems = [difference(got, want)]
        crashed = [r for r in runs if r["code"] != 0 or "Traceback" in r["err"]]
        if crashed:
            errors = [line for line in crashed[0]["err"].splitlines() if "Error" in line]
            problems.append(f"{len(crashed)} writers failed: "
                            + (errors or ["exit code " + str(crashed[0]["code"])])[-1][:160])
        elif [r["reports read"] for r in runs] != [SHARED + OWN] * WRITERS:
            problems.append(f"reports read {[r['reports read'] for r in runs]}")
        else:
            # Each shared report is new to exactly one writer and a duplicate to the others.
            if sum(r["seen before"] for r in runs) != SHARED * (WRITERS - 1):
                problems.append(f"seen before {[r['seen before'] for r in runs]}")
            if sum(r["events stored"] for r in runs) != len(want["events"]):
                problems.append(f"events stored {[r['events stored'] for r in runs]}")
        problems = [p for p in problems if p]
        if problems:
            failures.append(f"trial {trial}: " + "; ".join(problems))
    assert not failures, f"{len(failures)} of {TRIALS} trials failed:\n" + "\n".join(failures)


@pytest.mark.slow
def test_race002_kill_9_loses_no_stored_report(tmp_path):
    """An ingest killed mid-way leaves whole reports only; running it again completes it."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(120):
        (folder / f"{i:03d}.txt").write_text(
            _report(TOWNS[i % len(TOWNS)], i % 12 + 1, 2013 + i // 12, OUTLETS[i % 4]),
            encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'killed.sqlite'}"
    proc = start_ingest(url, folder)
    engine = sa.create_engine(url)
    deadline = time.monotonic() + 120
    stored = 0
    while stored < 10 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with engine.connect() as conn:
                stored = conn.exec_driver_sql("SELECT count(*) FROM reports").scalar()
        except sa.exc.OperationalError:
            stored = 0  # tables not created yet
    engine.dispose()
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    partial = snapshot(url)
    assert 0 < len(partial["reports"]) < 120
    per_report: dict[str, int] = {}
    for record in partial["events"].values():
        per_report[record["report"]] = per_report.get(record["report"], 0) + 1
    assert sum(partial["reports"].values()) == partial["n_events"]
    assert len(per_report) == len(partial["reports"])  # no report without its events

    again = finish(start_ingest(url, folder))
    assert again["code"] == 0, again["err"]
    assert again["seen before"] == len(partial["reports"])
    reference = f"sqlite:///{tmp_path / 'reference.sqlite'}"
    assert finish(start_ingest(reference, folder))["code"] == 0
    assert difference(snapshot(url), snapshot(reference)) is None
