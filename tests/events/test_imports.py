"""Importers: UCDP GED, ACLED, our CSV and JSON lines; broken rows reported by line."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events import imports
from events.imports import ImportReport, canonical_dataset_actor, read
from events.model import RECORD_FIELDS

UCDP_HEADER = ("id,year,type_of_violence,dyad_name,side_a,side_b,source_office,source_date,"
               "source_headline,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,"
               "country,date_prec,date_start,date_end,best")
UCDP_ROWS = [
    # line 2: good, state-based
    '9001,2016,1,Government of Syria - IS,Government of Syria,IS,SOHR,2016-03-27,'
    'Army enters the old city,1,Tadmur town,Homs Governorate,Tadmur district,34.56,38.27,'
    'Syria,1,2016-03-27,2016-03-27,12',
    # line 3: good, one-sided, headline with an embedded newline (spans lines 3-4)
    '9002,2016,3,IS - Civilians,IS,Civilians,SANA,2016-05-02,"Two lines\nof headline",'
    '2,Raqqa city,Ar Raqqah Governorate,Ar Raqqah district,35.95,39.01,Syria,4,'
    '2016-05-01,2016-05-31,0',
    # line 5: bad date
    '9003,2016,1,x,Government of Iraq,IS,,,,1,Mosul,Ninawa,,36.34,43.13,Iraq,1,someday,,3',
    # line 6: bad where_prec
    '9004,2016,1,x,Government of Iraq,IS,,,,9,Mosul,Ninawa,,36.34,43.13,Iraq,1,2016-01-01,,3',
    # line 7: another country: skipped on purpose, not an error
    '9005,2016,1,x,Government of Turkey,PKK,,,,1,Cizre,Sirnak,,37.3,42.2,Turkey,1,2016-01-01,,1',
    # line 8: too few cells
    '9006,2016,1',
    # line 9: latitude not a number
    '9007,2016,2,x,SDF,IS,,,,1,Manbij,Aleppo,,north,37.9,Syria,1,2016-06-01,,5',
]


def _ucdp_text():
    return UCDP_HEADER + "\n" + "\n".join(UCDP_ROWS) + "\n"


def test_imp001_ucdp_good_and_broken_rows():
    rep = imports.read_ucdp(io.StringIO(_ucdp_text()), geodata_admin=False)
    assert [e.id for e in rep.events] == ["ucdp_9001", "ucdp_9002"]
    assert [line for line, _ in rep.errors] == [5, 6, 8, 9]
    assert "date_start='someday'" in rep.errors[0][1]
    assert "where_prec='9'" in rep.errors[1][1]
    assert "latitude='north'" in rep.errors[3][1]
    assert rep.skipped == [(7, "country 'Turkey' is outside Iraq and Syria")]
    assert rep.ok == 2


def test_imp002_ucdp_mapping():
    a, b = imports.read_ucdp(io.StringIO(_ucdp_text()), geodata_admin=False).events
    assert (a.event_type, a.actor1, a.actor2) == ("clash", "Syrian Army", "ISIS")
    assert (a.geo_precision, a.date_precision, a.date) == (1, "day", "2016-03-27")
    assert (a.magnitude, a.magnitude_unit) == (12, "killed")
    assert (a.location, a.place, a.admin1, a.admin2) == ("Tadmur town", "Tadmur", "Homs",
                                                         "Tadmur")
    assert a.source == "UCDP GED" and a.evidence == "Army enters the old city"
    assert (b.event_type, b.actor2, b.date_precision, b.geo_precision) == (
        "attack_on_civilians", "Civilians", "month", 2)
    assert b.magnitude is None
    assert b.evidence == "Two lines\nof headline"


@pytest.mark.parametrize(("name", "canonical"), [
    ("Government of Syria", "Syrian Army"),
    ("Government of Iraq", "Iraqi Security Forces"),
    ("IS", "ISIS"),
    ("SDF", "SDF"),
    ("Syrian insurgents", "Syrian rebels"),
    ("Ahrar al-Sham, HTS, Southern Front", "Nusra Front"),
    ("Hawar Kilis Operations Room", "Syrian rebels"),
    ("Government of Turkey", "Turkey"),
    ("Military Forces of Iraq (2014-)", "Iraqi Security Forces"),
    ("Military Forces of Iraq (2014-) Kurdistan Regional Government - Peshmerga", "Peshmerga"),
    ("Islamic State (Iraq)", "ISIS"),
    ("PMF: Popular Mobilization Forces", "PMF"),
    ("Civilians (Syria)", "Civilians"),
    ("Unidentified Armed Group (Iraq)", "Unidentified armed group"),
    ("Government of Israel", "Government of Israel"),
    ("", None),
])
def test_imp003_dataset_actor_names(name, canonical):
    assert canonical_dataset_actor(name) == canonical


def test_imp004_real_ucdp_file(shared_dir):
    path = shared_dir / "data" / "events" / "ucdp_ged_syria_2016-2019.csv"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    rep = imports.read_ucdp(path)
    assert rep.errors == []
    assert rep.ok == 16566
    types = {}
    for ev in rep.events:
        types[ev.event_type] = types.get(ev.event_type, 0) + 1
    assert types == {"clash": 11507 + 4577, "attack_on_civilians": 482}
    assert sum(e.date_precision == "day" for e in rep.events) == 15480
    assert sum(e.geo_precision == 1 for e in rep.events) == 9010
    assert {e.country for e in rep.events} == {"SY"}
    assert sum(e.actor1 == "Syrian Army" for e in rep.events) == 11308
    assert not any(a.endswith("Governorate") for a in {e.admin1 for e in rep.events})
    geodata = pytest.importorskip("geodata")
    # admin1 comes from geodata's spatial join, so it uses the app's governorate names.
    names = {a for c, a in geodata.governorates() if c == "SY"}
    assert {e.admin1 for e in rep.events} <= names


ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,"
                "actor1,actor2,country,admin1,admin2,location,latitude,longitude,"
                "geo_precision,source,notes,fatalities,tags")
ACLED_ROWS = [
    'IRQ101,2017-07-09,2017,1,Battles,Government regains territory,'
    'Military Forces of Iraq (2014-),Islamic State (Iraq),Iraq,Ninewa,Mosul,Mosul,36.34,'
    '43.13,1,Test Wire,Forces announce the city retaken.,25,',
    'SYR102,15 October 2017,2017,2,Explosions/Remote violence,Air/drone strike,'
    'Military Forces of Russia,,Syria,Deir ez Zor,,Al Mayadin,35.02,40.45,2,Test Wire,,0,',
    'SYR103,2017-10-16,2017,1,Protests,Peaceful protest,Protesters (Syria),,Syria,Idlib,,'
    'Idlib,35.93,36.63,1,Test Wire,People gathered.,0,',
    'IRQ104,2017-13-01,2017,1,Battles,Armed clash,PMF,IS,Iraq,Anbar,,Rawa,34.47,41.92,1,'
    'x,y,0,',
    'SYR105,2017-10-20,2017,1,Strategic developments,Other,Civilians (Syria),,Syria,'
    'Ar Raqqa,,Raqqa,35.95,39.01,1,Test Wire,Families fled the city,0,displacement',
]


def test_imp005_acled_good_skipped_and_broken():
    text = ACLED_HEADER + "\n" + "\n".join(ACLED_ROWS) + "\n"
    rep = imports.read_acled(io.StringIO(text), geodata_admin=False)
    assert [e.id for e in rep.events] == ["acled_IRQ101", "acled_SYR102", "acled_SYR105"]
    first, second, third = rep.events
    assert (first.event_type, first.actor1, first.actor2) == (
        "seizure", "Iraqi Security Forces", "ISIS")
    assert (first.magnitude, first.magnitude_unit) == (25, "killed")
    assert (second.event_type, second.date, second.date_precision, second.actor2) == (
        "airstrike", "2017-10-15", "week", None)
    assert second.evidence == "Air/drone strike at Al Mayadin"
    assert third.event_type == "displacement"
    assert rep.skipped == [(4, "ACLED type 'Protests' / 'Peaceful protest' has no "
                               "counterpart here")]
    assert [line for line, _ in rep.errors] == [5]
    assert "event_date='2017-13-01'" in rep.errors[0][1]


def test_imp006_missing_columns_and_empty_file():
    rep = imports.read_ucdp(io.StringIO("id,year\n1,2016\n"))
    assert rep.events == [] and rep.errors[0][0] == 1 and "missing columns" in rep.errors[0][1]
    assert imports.read_acled(io.StringIO("")).errors == [(1, "empty file: expected a header row")]


def test_imp007_jsonl_broken_lines(make_event):
    good = make_event().to_dict()
    lines = [json.dumps(good), "", "{not json", json.dumps([1, 2]),
             json.dumps({**good, "id": "x2", "lat": 123}), json.dumps({**good, "id": "x3"})]
    rep = imports.read_jsonl(io.StringIO("\n".join(lines) + "\n"))
    assert [e.id for e in rep.events] == [good["id"], "x3"]
    assert [line for line, _ in rep.errors] == [3, 4, 5]
    assert "lat=123" in rep.errors[2][1]


def test_imp008_our_csv_broken_rows(make_event):
    from events.exports import write_csv

    buf = io.StringIO()
    write_csv([make_event(), make_event(ordinal=1)], buf)
    lines = buf.getvalue().splitlines()
    bad = lines[2].replace(",IQ,", ",TR,")
    text = "\n".join([lines[0], lines[1], bad, "a,b,c"]) + "\n"
    rep = imports.read_csv(io.StringIO(text))
    assert rep.ok == 1
    assert [line for line, _ in rep.errors] == [3, 4]
    assert "country='TR'" in rep.errors[0][1]


def test_imp009_files_by_path(tmp_path):
    path = tmp_path / "ged.csv"
    path.write_text(_ucdp_text(), encoding="utf-8")
    assert read(path, fmt="ucdp").ok == 2
    missing = read(tmp_path / "none.csv", fmt="csv")
    assert missing.ok == 0 and missing.errors[0][0] == 0
    with pytest.raises(ValueError, match="invalid format 'xml'"):
        read(path, fmt="xml")


@pytest.mark.parametrize("fmt", imports.FORMATS)
@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400))
def test_imp010_arbitrary_text_never_crashes(fmt, text):
    rep = read(io.StringIO(text), fmt=fmt)
    assert isinstance(rep, ImportReport)
    assert all(isinstance(line, int) and isinstance(reason, str) for line, reason in rep.errors)


@pytest.mark.parametrize("fmt", ["acled", "ucdp"])
@settings(max_examples=40, deadline=None)
@given(cells=st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]),
                              max_size=12), min_size=1, max_size=25))
def test_imp011_arbitrary_cells_under_a_valid_header(fmt, cells):
    header = ACLED_HEADER if fmt == "acled" else UCDP_HEADER
    row = ",".join(json.dumps(c) for c in cells)
    rep = read(io.StringIO(header + "\n" + row + "\n"), fmt=fmt)
    assert rep.ok + len(rep.errors) + len(rep.skipped) <= 1


_JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                         st.text(max_size=20), st.lists(st.integers(), max_size=2))


@settings(max_examples=150, deadline=None)
@given(changes=st.dictionaries(st.sampled_from(sorted(RECORD_FIELDS)), _JSON_VALUES,
                               max_size=6))
def test_imp012_records_with_arbitrary_values(changes):
    base = {"id": "e1", "incident_id": "e1", "report": "r.txt", "source": "S", "url": None,
            "report_date": "2014-06-11", "event_type": "seizure", "actor1": "ISIS",
            "actor2": None, "location": "Mosul", "place": "Mosul", "geonameid": 1,
            "country": "IQ", "admin1": "Ninewa", "admin2": None, "lat": 36.3, "lon": 43.1,
            "geo_precision": 1, "date": "2014-06-10", "date_precision": "day",
            "magnitude": None, "magnitude_unit": None, "certainty": "reported",
            "evidence": "x", "evidence_start": 0, "evidence_end": 1}
    line = json.dumps({**base, **changes})
    rep = read(io.StringIO(line + "\n" + line.replace("1e999", "1") + "\n"), fmt="jsonl")
    assert rep.ok + len(rep.errors) == 2
