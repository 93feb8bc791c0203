"""The bundled sample: real events, valid records, idempotent loading."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date

import pytest
from click.testing import CliRunner

from events import sample
from events.model import EVENT_TYPES, RECORD_FIELDS, Event
from events.sample import (
    SAMPLE_CSV,
    load_sample,
    read_sample_events,
    sample_event_id,
    sample_is_loaded,
)
from events.store import Store


@pytest.fixture(scope="module")
def events() -> list[Event]:
    """The sample CSV read once."""
    return read_sample_events()


@pytest.fixture
def store(tmp_path):
    """A fresh SQLite file store."""
    with Store(f"sqlite:///{tmp_path / 'sample.sqlite'}") as st:
        yield st


def test_sam001_csv_columns_are_the_record_without_ids():
    with SAMPLE_CSV.open(newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header == [f for f in RECORD_FIELDS if f not in ("id", "incident_id")]


def test_sam002_enough_valid_events_with_unique_ids(events):
    assert len(events) >= 60
    assert all(isinstance(ev, Event) for ev in events)
    assert len({ev.id for ev in events}) == len(events)


def test_sam003_dates_countries_and_evidence(events):
    for ev in events:
        assert date(2014, 1, 1) <= date.fromisoformat(ev.date) <= date(2017, 12, 31), ev
        assert ev.country in ("IQ", "SY")
        # The evidence is our paraphrase of the report, and says so.
        assert ev.evidence.startswith("Paraphrase of the report: "), ev.evidence
        assert ev.evidence_start == 0 and ev.evidence_end == len(ev.evidence)
        # Every row links to its own report, which the outlet it names published.
        assert ev.url and ev.url.startswith(("https://", "http://")), ev
        assert "wikipedia.org" not in ev.url and "demo" not in ev.source.lower()
        assert not ev.report.startswith("sample-"), ev.report
        assert (ev.magnitude is None) == (ev.magnitude_unit is None), ev


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_sam004_every_event_type_is_represented(events, event_type):
    assert any(ev.event_type == event_type for ev in events)


@pytest.mark.parametrize(("place", "event_type", "day", "actor1"), [
    ("Mosul", "seizure", "2014-06-10", "ISIS"),
    ("Mosul", "seizure", "2017-07-10", "Iraqi Security Forces"),
    ("Ramadi", "seizure", "2015-05-17", "ISIS"),
    ("Palmyra", "seizure", "2016-03-27", "Syrian Army"),
    ("Raqqa", "seizure", "2017-10-17", "SDF"),
    ("Amerli", "seizure", "2014-08-31", "Iraqi Security Forces"),
    ("Mosul", "prison_break", "2014-06-10", "ISIS"),
    ("Karrada", "bombing", "2016-07-03", "ISIS"),
    ("Mosul", "abduction", "2014-06-11", "ISIS"),
])
def test_sam005_known_happenings_are_there(events, place, event_type, day, actor1):
    assert any(ev.place == place and ev.event_type == event_type and ev.date == day
               and ev.actor1 == actor1 for ev in events)


def test_sam006_same_happening_from_several_sources_shares_an_incident(events):
    sources = defaultdict(set)
    for ev in events:
        sources[ev.incident_id].add(ev.source)
    multi = [s for s in sources.values() if len(s) > 1]
    assert len(multi) >= 6
    assert {"PBS NewsHour", "VICE News"} in multi  # the fall of Mosul


def test_sam006b_one_link_per_report(events):
    reports = defaultdict(set)
    for ev in events:
        reports[ev.url].add((ev.report, ev.source, ev.report_date))
    assert all(len(r) == 1 for r in reports.values())  # a link names one report
    assert len(reports) >= 40


def test_sam007_points_lie_in_their_country_and_governorate(events):
    geodata = pytest.importorskip("geodata")
    try:
        lookups = [(ev, geodata.admin_for_point(ev.lon, ev.lat)) for ev in events]
    except (ImportError, FileNotFoundError) as exc:  # geodata still without boundaries
        pytest.skip(f"geodata.admin_for_point unavailable: {exc}")
    for ev, (country, admin1, _admin2) in lookups:
        assert (country, admin1) == (ev.country, ev.admin1), ev


def test_sam008_ids_depend_on_content_only():
    row = {"report": "r", "evidence": "Summary: x.", "evidence_start": 0, "evidence_end": 11,
           "event_type": "clash", "place": "Mosul"}
    assert sample_event_id(row) == sample_event_id(dict(row))
    assert sample_event_id(row) != sample_event_id({**row, "place": "Tikrit"})


@pytest.mark.parametrize(("edit", "match"), [
    (lambda rows: rows[1].__setitem__(4, "parade"), r"line 2: invalid event_type='parade'"),
    (lambda rows: rows[1].__setitem__(10, "TR"), r"line 2: invalid country='TR'"),
    (lambda rows: [r.pop(0) for r in rows], r"missing columns \['report'\]"),
])
def test_sam009_bad_csv_is_rejected_naming_the_line(tmp_path, edit, match):
    with SAMPLE_CSV.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))[:3]
    edit(rows)
    bad = tmp_path / "bad.csv"
    with bad.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    with pytest.raises(ValueError, match=match):
        read_sample_events(bad)


def test_sam010_load_twice_adds_nothing(store, events):
    assert not sample_is_loaded(store)
    first = load_sample(store, ucdp=False, reports=False)
    assert first.new_events == len(events) >= 60
    assert store.count() == len(events)
    assert sample_is_loaded(store)
    again = load_sample(store, ucdp=False, reports=False)
    assert (again.new_events, again.new_incidents) == (0, 0)
    assert store.count() == len(events)
    frame = store.load_frame()
    assert set(frame["country"].astype(str)) == {"IQ", "SY"}
    assert frame["date"].min().year == 2014 and frame["date"].max().year == 2017


def test_sam011_ucdp_subset_is_imported_once(store):
    pytest.importorskip("events.imports")
    first = load_sample(store, reports=False)
    assert first.ucdp_events == 300
    assert not [s for s in first.skipped if s[0].startswith("ucdp")]
    assert load_sample(store, reports=False).new_events == 0


def test_sam012_example_reports_are_ingested_and_a_bad_file_is_skipped(store, tmp_path,
                                                                       monkeypatch):
    pytest.importorskip("events.extract")
    demo = tmp_path / "examples"
    demo.mkdir()
    for path in sample.EXAMPLE_DIR.iterdir():
        (demo / path.name).write_bytes(path.read_bytes())
    (demo / "empty.txt").write_bytes(b"")
    (demo / "ignored.pdf").write_bytes(b"%PDF-1.4")
    monkeypatch.setattr(sample, "EXAMPLE_DIR", demo)
    first = load_sample(store, ucdp=False)
    assert first.reports_read == 5
    assert first.report_events > 0
    assert [name for name, _ in first.skipped] == ["empty.txt"]
    again = load_sample(store, ucdp=False)
    assert again.new_events == 0
    reports = {r["name"] for r in store.reports()}
    assert {"example_ramadi_government_complex.txt", "example_manbij_liberated.html"} <= reports
    # They say what they are: examples, with no address, never a news outlet.
    frame = store.load_frame()
    examples = frame[frame["report"].astype(str).str.startswith("example_")]
    assert len(examples) and set(examples["source"].astype(str)) == {sample.EXAMPLE_SOURCE}
    assert examples["url"].isna().all()


def test_sam013_cli_loads_and_if_empty_skips(tmp_path):
    from events.cli import cli

    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", url, "sample", "--no-reports", "--no-ucdp"])
    assert result.exit_code == 0, result.output
    assert "new events" in result.output
    again = runner.invoke(cli, ["sample", "--db", url, "--if-empty"])
    assert again.exit_code == 0, again.output
    assert "already loaded" in again.output
