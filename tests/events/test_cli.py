"""The ``python -m events`` command line through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json

import click
import pytest
from click.testing import CliRunner

from events.cli import LazyGroup, cli
from events.model import RECORD_FIELDS

REPORT_A = """url: https://example.org/news/1
published: 2014-06-11
---
Militants overrun northern city

Islamic State fighters seized the city of Mosul on Tuesday, officials said.
"""
REPORT_B = """published: 2014-06-12
---
Second outlet on the fall of Mosul

ISIS militants captured Mosul on June 10, residents said.
"""


@pytest.fixture
def fake_extract(monkeypatch):
    """Replace the extractor by a fixed rule: one Mosul seizure per report, dated 2014-06-10.

    The CLI's own behaviour (files, skips, summary, storage) is then tested
    independently of how the extraction rules evolve.
    """
    from events import extract
    from events.model import Event, event_id

    def fake(report, *, nlp=None):
        sentence = report.text.strip().splitlines()[-1]
        start = report.text.index(sentence)
        eid = event_id(report.text, start, start + len(sentence), "seizure", "Mosul")
        return [Event(id=eid, incident_id=eid, report=report.name, source=report.source,
                      url=report.url, report_date=report.report_date, event_type="seizure",
                      actor1="ISIS", actor2=None, location="Mosul", place="Mosul",
                      geonameid=99072, country="IQ", admin1="Ninewa", admin2=None,
                      lat=36.34, lon=43.13, geo_precision=1, date="2014-06-10",
                      date_precision="day", magnitude=None, magnitude_unit=None,
                      certainty="reported", evidence=sentence, evidence_start=start,
                      evidence_end=start + len(sentence))]

    monkeypatch.setattr(extract, "extract_events", fake)
    monkeypatch.setattr(extract, "load_nlp", lambda: None)


@pytest.fixture
def reports(tmp_path):
    """A folder with two readable reports, an empty one and a file of another kind."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "b.txt").write_text(REPORT_B, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    return folder


@pytest.fixture
def db(tmp_path):
    """URL of a SQLite file that does not exist yet."""
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


def run(*args, db_url=None):
    runner = CliRunner()
    argv = (["--db", db_url] if db_url else []) + list(args)
    return runner.invoke(cli, argv, catch_exceptions=False)


@pytest.mark.parametrize("command", ["ingest", "extract", "export", "import"])
def test_cli001_help_has_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example: python -m events" in result.output


def test_cli002_group_lists_commands():
    result = run("--help")
    for name in ("ingest", "extract", "export", "import"):
        assert name in result.output


def test_cli003_ingest_summary_skips_and_idempotence(reports, db, fake_extract):
    first = run("ingest", str(reports), db_url=db)
    assert first.exit_code == 1
    assert "reports read: 2" in first.output
    assert "skipped: 2" in first.output
    assert "scan.pdf: not a report file" in first.output
    assert "empty.txt: empty" in first.output
    # The two reports describe one seizure: two events, one incident.
    assert "events stored: 2" in first.output
    assert "new incidents: 1" in first.output
    again = run("ingest", str(reports / "a.txt"), str(reports / "b.txt"), db_url=db)
    assert again.exit_code == 0
    assert "events stored: 0" in again.output and "(2 seen before)" in again.output


def test_cli004_ingest_progress_bar_for_many_files(tmp_path, db, fake_extract):
    for i in range(7):
        (tmp_path / f"r{i}.txt").write_text(REPORT_B.replace("June 10", f"June {i + 1}"),
                                            encoding="utf-8")
    result = run("ingest", *[str(tmp_path / f"r{i}.txt") for i in range(7)], db_url=db)
    assert result.exit_code == 0
    assert "ingesting" in result.stderr
    assert "reports read: 7" in result.output


def test_cli005_extract_prints_records_and_touches_no_database(reports, tmp_path, db,
                                                               fake_extract):
    result = run("extract", str(reports), "--format", "jsonl", db_url=db)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2 and all(tuple(rec) == RECORD_FIELDS for rec in lines)
    assert [rec["report"] for rec in lines] == ["a.txt", "b.txt"]
    assert lines[0]["url"] == "https://example.org/news/1"
    assert lines[0]["evidence"].startswith("Islamic State fighters seized the city of Mosul")
    assert "skipped" in result.stderr and "scan.pdf" in result.stderr
    assert not (tmp_path / "cli.sqlite").exists()


def test_cli005b_extract_with_the_real_extractor(reports):
    result = run("extract", str(reports / "a.txt"), str(reports / "b.txt"))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(tuple(rec) == RECORD_FIELDS for rec in lines)
    assert {rec["report"] for rec in lines} <= {"a.txt", "b.txt"}


@pytest.fixture
def filled_db(db, make_event):
    """A database holding four events of different dates and types."""
    from events.store import Store

    with Store(db) as st:
        st.add_events([
            make_event(),
            make_event(date="2014-07-01", event_type="clash", ordinal=1,
                       evidence="=cmd|' /C calc'!A0 fighting went on."),
            make_event(date="2015-05-17", place="Ramadi", admin1="Anbar", lat=33.42,
                       lon=43.3, ordinal=2),
            make_event(date="2016-06-26", event_type="displacement", magnitude=8000,
                       magnitude_unit="people_displaced", ordinal=3),
        ], report_key="t", match_incidents=False)
    return db


@pytest.mark.parametrize(("args", "expected"), [
    ([], 4),
    (["--from", "2014-07-01"], 3),
    (["--to", "2014-12-31"], 2),
    (["--from", "2015-01-01", "--to", "2015-12-31"], 1),
    (["--type", "seizure"], 2),
    (["--type", "seizure", "--type", "clash"], 3),
])
def test_cli006_export_csv_filters(filled_db, args, expected):
    result = run("export", "--format", "csv", *args, db_url=filled_db)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == expected
    assert f"exported {expected} events" in result.stderr
    assert not any(v.startswith("=") for r in rows for v in r.values())


@pytest.mark.parametrize("fmt", ["csv", "geojson", "acled"])
def test_cli007_export_formats_to_file(filled_db, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = run("export", "--format", fmt, "--out", str(out), db_url=filled_db)
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "geojson":
        assert len(json.loads(text)["features"]) == 4
    else:
        header = text.splitlines()[0]
        assert header.startswith("id,incident_id" if fmt == "csv" else "event_id_cnty,")
        assert "'=cmd" in text


@pytest.mark.parametrize("args", [["--from", "2014-13-01"], ["--type", "riot"]])
def test_cli008_export_bad_options(filled_db, args):
    result = run("export", *args, db_url=filled_db)
    assert result.exit_code == 2


def test_cli009_import_reports_bad_lines(tmp_path, db):
    from tests.events.test_imports import _ucdp_text

    path = tmp_path / "ged.csv"
    path.write_text(_ucdp_text(), encoding="utf-8")
    result = run("import", str(path), "--format", "ucdp", db_url=db)
    assert result.exit_code == 1
    assert "rows read: 2" in result.output and "events stored: 2" in result.output
    assert "line 5:" in result.stderr and "line 9:" in result.stderr
    assert "rows skipped on purpose: 1" in result.output
    again = run("import", str(path), "--format", "ucdp", db_url=db)
    assert "events stored: 0" in again.output


def test_cli010_import_jsonl_round_trip(reports, tmp_path, db, fake_extract):
    extracted = run("extract", str(reports / "a.txt"))
    path = tmp_path / "events.jsonl"
    path.write_text(extracted.stdout, encoding="utf-8")
    result = run("import", str(path), "--format", "jsonl", db_url=db)
    assert result.exit_code == 0
    assert len(extracted.stdout.splitlines()) == 1
    assert "events stored: 1" in result.output


def test_cli011_lazy_group_skips_missing_modules():
    @click.group(cls=LazyGroup, lazy={"ghost": ("events.no_such_module:cmd", "Ghost."),
                                      "bad": ("events.model:RECORD_FIELDS", "Not a command."),
                                      "sample": ("events.sample:sample_command", "Sample.")})
    def group():
        """Test group."""

    @group.command()
    def real():
        """A real command."""

    runner = CliRunner()
    result = runner.invoke(group, ["--help"])
    assert result.exit_code == 0
    assert "real" in result.output and "Sample." in result.output
    assert "ghost" not in result.output
    assert runner.invoke(group, ["ghost"]).exit_code == 2
    assert runner.invoke(group, ["bad"]).exit_code == 2


def test_cli011b_help_imports_no_lazy_module():
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from events.cli import cli; "
            "CliRunner().invoke(cli, ['--help']); "
            "print(sorted(m for m in ('events.sample', 'events.synth', 'pandas') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_cli012_db_option_beats_environment(tmp_path, monkeypatch, fake_extract, reports):
    env_db = tmp_path / "env.sqlite"
    opt_db = tmp_path / "opt.sqlite"
    monkeypatch.setenv("EVENTS_DB", f"sqlite:///{env_db}")
    run("ingest", str(reports / "a.txt"), db_url=f"sqlite:///{opt_db}")
    assert opt_db.exists() and not env_db.exists()
    run("ingest", str(reports / "b.txt"))
    assert env_db.exists()


def test_cli012b_db_option_after_the_command_name(tmp_path, monkeypatch, fake_extract, reports):
    env_db = tmp_path / "env.sqlite"
    opt_db = tmp_path / "opt.sqlite"
    monkeypatch.setenv("EVENTS_DB", f"sqlite:///{env_db}")
    run("ingest", str(reports / "a.txt"), "--db", f"sqlite:///{opt_db}")
    assert opt_db.exists() and not env_db.exists()
    result = run("export", "--format", "csv", "--db", f"sqlite:///{opt_db}")
    assert "exported 0 events" not in result.output
    assert len(result.output.strip().splitlines()) > 2  # header + events + summary


@pytest.mark.parametrize(("name", "content"), [
    ("empty.txt", b""),
    ("binary.txt", bytes(range(256)) * 40),
    ("huge.txt", b"Fighting went on near the town. " * 170_000),
    ("scan.pdf", b"%PDF-1.4"),
])
def test_cli013_bad_files_are_skipped_with_a_reason(tmp_path, db, fake_extract, name, content):
    (tmp_path / "good.txt").write_text(REPORT_B, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    result = run("ingest", str(tmp_path / "good.txt"), str(tmp_path / name), db_url=db)
    assert result.exit_code == 1
    assert "reports read: 1" in result.output and "skipped: 1" in result.output
    reason = result.output.split(f"{name}: ")[1].splitlines()[0]
    assert reason.strip()


def test_cli014_extractor_failure_skips_only_that_report(reports, db, monkeypatch, fake_extract):
    from events import extract

    working = extract.extract_events

    def flaky(report, *, nlp=None):
        if report.name == "a.txt":
            raise RuntimeError("rule table broken")
        return working(report, nlp=nlp)

    monkeypatch.setattr(extract, "extract_events", flaky)
    result = run("ingest", str(reports / "a.txt"), str(reports / "b.txt"), db_url=db)
    assert result.exit_code == 1
    assert "a.txt: extraction failed: RuntimeError: rule table broken" in result.output
    assert "reports read: 1" in result.output and "events stored: 1" in result.output
    printed = run("extract", str(reports / "a.txt"), str(reports / "b.txt"))
    assert printed.exit_code == 0 and len(printed.stdout.splitlines()) == 1
    assert "extraction failed" in printed.stderr


def test_cli015_locked_database_skips_with_the_reason(reports, locked_sqlite, fake_extract):
    result = run("ingest", str(reports / "a.txt"), db_url=locked_sqlite.url)
    assert result.exit_code == 1
    assert "reports read: 0" in result.output and "skipped: 1" in result.output
    assert "a.txt: database is locked" in result.output
    locked_sqlite.release()
    again = run("ingest", str(reports / "a.txt"), db_url=locked_sqlite.url)
    assert again.exit_code == 0 and "events stored: 1" in again.output


@pytest.fixture
def awkward_paths(tmp_path, monkeypatch):
    """A good report among paths that cannot be read, each for another reason.

    Permissions are simulated (tests often run as root, who reads anything):
    the walk's ``os.scandir``/``os.stat`` raise for the chosen paths.
    """
    import os

    good = tmp_path / "good.txt"
    good.write_text(REPORT_B, encoding="utf-8")
    locked_dir, gone_dir, folder = tmp_path / "locked", tmp_path / "gone", tmp_path / "folder"
    for d in (locked_dir, gone_dir, folder):
        d.mkdir()
    (locked_dir / "inside.txt").write_text(REPORT_A, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(REPORT_A, encoding="utf-8")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop").symlink_to(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    real_scandir, real_stat = os.scandir, os.stat

    def scandir(path="."):
        if os.fspath(path) == str(locked_dir):
            raise PermissionError(13, "Permission denied", str(path))
        if os.fspath(path) == str(gone_dir):
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real_scandir(path)

    def fake_stat(path, *args, **kwargs):
        if os.fspath(path) == str(secret):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", fake_stat)
    expected = {
        "secret.txt": "cannot read it: permission denied",
        "locked": "cannot read folder: permission denied",
        "gone": "folder vanished while being read",
        "vanished.txt": "no such file or folder",
        "dangling.txt": "broken link: its target does not exist",
        "loop": "link to a folder, not followed",
        "pipe.txt": "not a regular file",
    }
    paths = [good, secret, locked_dir, gone_dir, tmp_path / "vanished.txt", folder]
    return [str(p) for p in paths], expected


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_cli016_unreadable_and_vanished_paths_are_skipped(awkward_paths, db, fake_extract,
                                                          command):
    paths, expected = awkward_paths
    result = run(command, *paths, db_url=db if command == "ingest" else None)
    assert result.exit_code == (1 if command == "ingest" else 0)
    if command == "ingest":
        assert "reports read: 1" in result.output and "events stored: 1" in result.output
        assert f"skipped: {len(expected)}" in result.output
        text = result.output
    else:
        assert len(result.stdout.splitlines()) == 1  # the good report's event
        text = result.stderr
    for name, reason in expected.items():
        assert f"{name}: {reason}" in text, name
