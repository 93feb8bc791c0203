"""`python -m geodata` through click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geodata.cli import EXTRA_KEYS, JSONL_KEYS, cli


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), catch_exceptions=False)


def test_cli001_jsonl_keys_and_values(run):
    result = run("resolve", "Bayji", "Xyzzyplace", "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    # DESIGN.md's keys first, in order, then the ones issue 10 added
    assert [tuple(r) for r in rows] == [JSONL_KEYS + EXTRA_KEYS] * 2
    assert rows[0]["name"] == "Baiji" and rows[0]["country"] == "IQ"
    assert rows[0]["admin1"] == "Salah Al-Din" and rows[0]["score"] == 1.0
    assert rows[0]["geo_precision"] == 1 and rows[0]["ambiguous"] is False
    assert rows[0]["core"] == "Bayji" and rows[0]["total"] > rows[0]["margin"] > 0
    assert {k: rows[1][k] for k in JSONL_KEYS} == {
        k: ("Xyzzyplace" if k == "query" else None) for k in JSONL_KEYS}
    assert rows[1]["alternatives"] == [] and rows[1]["ambiguous"] is False


def test_cli002_file_and_country(run, tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("\ufeffKobane\n\nالرقة\nMosul\n", encoding="utf-8")  # with a BOM
    result = run("resolve", "--file", str(names), "--country", "SY", "--format", "jsonl")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["query"] for r in rows] == ["Kobane", "الرقة", "Mosul"]
    assert rows[0]["country"] == rows[1]["country"] == "SY"
    assert rows[2]["lat"] is None or rows[2]["country"] == "SY"


def test_cli003_text_format(run):
    result = run("resolve", "outskirts of Tikrit", "Nowhereville")
    lines = result.output.splitlines()
    assert lines[0].startswith("outskirts of Tikrit\tTikrit\tIQ\tSalah Al-Din")
    assert "precision=2" in lines[0]
    assert lines[1] == "Nowhereville\tnot found"


def test_cli004_errors(run):
    runner = CliRunner()
    assert runner.invoke(cli, ["resolve"]).exit_code == 2
    bad = runner.invoke(cli, ["resolve", "Mosul", "--country", "FR"])
    assert bad.exit_code == 2 and "FR" in bad.output


def test_cli005_admin(run):
    assert run("admin", "43.13", "36.34").output.strip() == "IQ\tNinewa\tAl-Mosul"
    assert "outside" in run("admin", "0", "0").output


def test_cli006_hints_and_ambiguity(run):
    rows = [json.loads(line) for line in run(
        "resolve", "Khalidiya", "--admin1", "Homs Governorate", "--format", "jsonl",
    ).output.splitlines()]
    assert rows[0]["admin1"] == "Homs"
    near = json.loads(run("resolve", "Khalidiya", "--near", "32.71,36.57",
                          "--format", "jsonl").output)
    assert near["admin1"] == "As-Sweida"
    torn = json.loads(run("resolve", "Khalidiya", "--admin1", "Anbar province",
                          "--format", "jsonl").output)
    assert torn["ambiguous"] is True and torn["margin"] < 2
    alt = torn["alternatives"][0]
    assert set(alt) == {"name", "country", "admin1", "lat", "lon", "feature", "score", "km"}


def test_cli007_tsv_file_with_hints(run, tmp_path):
    names = tmp_path / "names.tsv"
    names.write_text("name\tadmin1\tadmin2\n"
                     " Khalidiya \tHoms Governorate\n"
                     "Khalidiya\tAs Suwayda Governorate\tShahba district\n"
                     "Mayadin town\n"
                     "Hamra\tAtlantis\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["resolve", "--file", str(names), "--format", "jsonl"])
    assert result.exit_code == 1  # one line names no governorate
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["query"] for r in rows] == ["Khalidiya", "Khalidiya", "Mayadin town", "Hamra"]
    assert [r["admin1"] for r in rows[:3]] == ["Homs", "As-Sweida", "Deir-ez-Zor"]
    assert rows[1]["admin2"] == "Shahba" and rows[2]["core"] == "Mayadin"
    assert rows[3]["lat"] is None and "Atlantis" in rows[3]["error"]
    assert "line 5" in result.stderr


def test_cli008_explain(run):
    text = run("resolve", "Hamra", "--admin1", "Ninewa", "--explain").output.splitlines()
    assert text[0].startswith("Hamra\t")
    assert text[1].lstrip().startswith("1.") and "admin1=+" in text[1] and "sim=+" in text[1]
    row = json.loads(run("resolve", "Hamra", "--explain", "--format", "jsonl").output)
    assert len(row["explain"]) >= 2
    for cand in row["explain"]:
        assert abs(sum(cand["parts"].values()) - cand["total"]) < 0.01


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--near", "36.3"], "LAT,LON"), (["--near", "95,43"], "-90..90"),
     (["--admin1", "Atlantis"], "no governorate"), (["--admin2", "Gotham"], "no district")],
)
def test_cli009_bad_hints(args, message):
    result = CliRunner().invoke(cli, ["resolve", "Hamra", *args])
    assert result.exit_code == 2 and message in result.output
