"""Review of uploaded reports: reading uploads, rows <-> events, corrections, accepting."""

from __future__ import annotations

import base64
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.review import (
    accept_report,
    blank_row,
    current_user,
    decode_upload,
    event_rows,
    pasted_report,
    place_label,
    read_submissions,
    report_key,
    review_events,
    table_columns,
)
from events.model import Event, event_id
from events.reports import ReportError, read_text
from events.store import Store

TEXT = ("Militants overran the invented town of Qaryat on Monday, a resident said. "
        "Hundreds of families left the area the next day.")
PLACES = {
    "Mosul — Ninewa, IQ": {"place": "Mosul", "geonameid": 99072, "country": "IQ",
                           "admin1": "Ninewa", "admin2": "Al-Mosul", "lat": 36.335,
                           "lon": 43.119},
    "Tikrit — Salah al-Din, IQ": {"place": "Tikrit", "geonameid": 89570, "country": "IQ",
                                  "admin1": "Salah al-Din", "admin2": None, "lat": 34.607,
                                  "lon": 43.678},
}


def _data_url(data: bytes, mime: str = "text/plain") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode()


def _events() -> list[Event]:
    common = {"incident_id": "", "report": "qaryat.txt", "source": "Wire", "url": None,
              "report_date": "2014-06-12", "location": "Qaryat", "place": "Mosul",
              "geonameid": 99072, "country": "IQ", "admin1": "Ninewa", "admin2": "Al-Mosul",
              "lat": 36.335, "lon": 43.119, "geo_precision": 1, "date_precision": "day",
              "certainty": "reported"}
    first_end = TEXT.index(".") + 1
    return [
        Event(id=event_id(TEXT, 0, first_end, "seizure", "Mosul"), event_type="seizure",
              actor1="ISIS", actor2=None, date="2014-06-09", magnitude=None,
              magnitude_unit=None, evidence=TEXT[:first_end], evidence_start=0,
              evidence_end=first_end, **common),
        Event(id=event_id(TEXT, first_end + 1, len(TEXT), "displacement", "Mosul"),
              event_type="displacement", actor1="Civilians", actor2=None, date="2014-06-10",
              magnitude=None, magnitude_unit=None, evidence=TEXT[first_end + 1:],
              evidence_start=first_end + 1, evidence_end=len(TEXT), **common),
    ]


@pytest.mark.parametrize(
    ("contents", "name", "message"),
    [
        (_data_url(TEXT.encode()), "report.pdf", "report.pdf: not a .txt or .html file"),
        ("data:text/plain;base64,@@not base64@@", "a.txt", "a.txt: the upload is not valid"),
        (_data_url(b""), "empty.txt", "empty.txt: "),
        (_data_url(b"\x00\x01\x02\x03" * 200), "binary.txt", "binary.txt: "),
        ("data:text/plain;base64," + "A" * (7 * 1024 * 1024), "big.txt",
         "big.txt: larger than 5 MB"),
    ],
)
def test_decode_upload_errors_name_the_file(contents, name, message):
    with pytest.raises(ReportError, match=message.replace(".", r"\.")):
        decode_upload(contents, name)


@pytest.mark.parametrize("name", ["r.txt", "dir/r.html", "R.HTM"])
def test_decode_upload_reads_text_and_html(name):
    body = b"<html><body><p>" + TEXT.encode() + b"</p></body></html>"
    report = decode_upload(_data_url(body, "text/html"), name)
    assert "Qaryat" in report.text and report.name == name.split("/")[-1]


def test_pasted_report_name_and_key():
    report = pasted_report(TEXT, now=datetime(2024, 5, 6, 7, 8, 9))
    assert report.name == "pasted-20240506-070809"
    assert report_key(report) == report.raw_sha1


def test_event_rows_show_the_fields_reviewed():
    rows = event_rows(_events(), "k1")
    assert [r["event_type"] for r in rows] == ["seizure", "displacement"]
    assert rows[0]["place"] == "Mosul — Ninewa, IQ"
    assert rows[0]["evidence"].startswith("Militants overran")
    columns = {c["field"]: c for c in table_columns()}
    assert set(columns) >= {"event_type", "place", "date", "actor1", "magnitude", "certainty",
                            "evidence"}
    # The report's own sentence is read-only; only an added event's evidence is typed in.
    assert "new-" in columns["evidence"]["editable"]["function"]
    assert "seizure" in columns["event_type"]["cellEditorParams"]["values"]


def _originals() -> list[dict]:
    return [ev.to_dict() for ev in _events()]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        ({}, []),
        ({"event_type": "clash"}, [("event_type", "seizure", "clash")]),
        ({"date": "2014-06-08"}, [("date", "2014-06-09", "2014-06-08")]),
        ({"actor2": "Iraqi Security Forces"}, [("actor2", None, "Iraqi Security Forces")]),
        ({"place": "Tikrit — Salah al-Din, IQ"},
         [("place", "Mosul", "Tikrit"), ("geonameid", 99072, 89570),
          ("admin1", "Ninewa", "Salah al-Din"), ("admin2", "Al-Mosul", None),
          ("lat", 36.335, 34.607), ("lon", 43.119, 43.678)]),
    ],
)
def test_review_records_corrections(edit, expected):
    rows = event_rows(_events(), "k1")
    rows[0].update(edit)
    review = review_events(rows, _originals(), report_text=TEXT, places=PLACES)
    assert not review.errors
    got = [(c["field"], c["original"], c["corrected"]) for c in review.corrections]
    assert got == expected
    assert len(review.events) == 2 and not review.rejected and not review.added


def test_deleted_row_is_rejected_and_added_row_is_new():
    rows = event_rows(_events(), "k1")[1:]
    extra = blank_row("k1", "qaryat.txt", 9)
    extra.update({"event_type": "clash", "place": "Tikrit — Salah al-Din, IQ",
                  "date": "2014-06-10", "actor1": "PMF",
                  "evidence": "Hundreds of families left the area the next day."})
    review = review_events([*rows, extra], _originals(), report_text=TEXT, places=PLACES)
    assert review.rejected == [_events()[0].id]
    added = review.events[-1]
    assert review.added == [added.id] and added.place == "Tikrit"
    assert TEXT[added.evidence_start:added.evidence_end] == extra["evidence"]
    assert added.source == "Wire"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"event_type": "picnic"}, "event_type"),
        ({"date": "someday"}, "date"),
        ({"place": None}, "place is empty"),
        ({"magnitude": 300}, "needs its unit"),
    ],
)
def test_invalid_rows_are_named(edit, message, monkeypatch):
    rows = event_rows(_events(), "k1")
    rows[0].update(edit)
    review = review_events(rows, _originals(), report_text=TEXT, places=PLACES)
    assert len(review.errors) == 1 and message in review.errors[0]
    assert review.errors[0].startswith("row 1 (qaryat.txt)")


def test_added_row_needs_evidence():
    extra = blank_row("k1", "qaryat.txt", 3)
    extra.update({"event_type": "clash", "place": "Mosul — Ninewa, IQ", "date": "2014-06-10"})
    review = review_events([extra], _originals(), report_text=TEXT, places=PLACES)
    assert "evidence" in review.errors[0]


def test_accept_stores_events_corrections_and_who(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'e.sqlite'}")
    rows = event_rows(_events(), "k1")
    rows[0]["event_type"] = "clash"
    rows = rows[:1]  # the displacement is rejected
    review = review_events(rows, _originals(), report_text=TEXT, places=PLACES)
    meta = {"name": "qaryat.txt", "source": "Wire"}
    message = accept_report(store, "k1", meta, review, user="ana",
                            now=datetime(2024, 1, 1, 12, 0))
    assert message.startswith("qaryat.txt: stored 1 event(s) (1 correction(s), 1 rejected")
    assert store.count() == 1
    stored = store.get(_events()[0].id)
    assert stored.event_type == "clash"
    corrections = store.corrections()
    assert [(c["field"], c["original"], c["corrected"], c["user"]) for c in corrections] == [
        ("event_type", "seizure", "clash", "ana")]
    report = next(r for r in store.reports() if r["report_key"] == "k1")
    assert "ana" in str(report) and "2024-01-01T12:00:00" in str(report)

    again = accept_report(store, "k1", meta, review, user="ana")
    assert again == "qaryat.txt: already ingested — nothing stored"
    assert store.count() == 1 and len(store.corrections()) == 1


def test_accept_with_errors_stores_nothing():
    store = Store("sqlite://")
    rows = event_rows(_events(), "k1")
    rows[0]["date"] = "not a date"
    review = review_events(rows, _originals(), report_text=TEXT, places=PLACES)
    assert "not stored" in accept_report(store, "k1", {"name": "q.txt"}, review, user="x")
    assert store.count() == 0


def test_read_submissions_reports_each_problem_and_proceeds():
    good = _data_url(TEXT.encode())
    known = read_text(TEXT, name="old.txt")
    seen = []

    def fake_extract(report):
        seen.append(report.name)
        return _events()

    pending, rows, messages = read_submissions(
        [_data_url(b""), good, good], ["bad.txt", "new.txt", "copy.txt"],
        "Another invented report about Qaryat.", set(), extract=fake_extract)
    assert messages[0].startswith("Could not read bad.txt")
    assert messages[1] == "new.txt: 2 event(s) found — review them below"
    assert messages[2] == "copy.txt: already ingested — nothing new to review"
    assert messages[3].startswith("pasted-") and len(pending) == 2 and len(rows) == 4
    assert seen[0] == "new.txt"
    _, _, again = read_submissions([good], ["x.txt"], None, {report_key(known)},
                                   extract=fake_extract)
    assert again == ["x.txt: already ingested — nothing new to review"]


@pytest.mark.parametrize(
    ("env", "expected"), [({"DASHBOARD_USER": "lina"}, "lina"), ({}, "analyst")])
def test_current_user_from_configuration(monkeypatch, env, expected):
    monkeypatch.delenv("DASHBOARD_USER", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert current_user() == expected


def test_place_label():
    assert place_label("Raqqa", None, "SY") == "Raqqa — ?, SY"


@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.txt", "b.html", "c.htm", "d.doc"]))
@settings(max_examples=60, deadline=None)
def test_decode_upload_any_bytes_reads_or_says_why(data, name):
    try:
        report = decode_upload(_data_url(data), name)
    except ReportError as exc:
        assert str(exc).startswith(name)
    else:
        assert report.name == name and isinstance(report.text, str)


@given(contents=st.text(max_size=300))
@settings(max_examples=60, deadline=None)
def test_decode_upload_any_contents_string(contents):
    try:
        decode_upload(contents, "x.txt")
    except ReportError:
        pass
