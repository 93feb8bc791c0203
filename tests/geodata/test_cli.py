"""`python -m geodata` through click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geodata.cli import JSONL_KEYS, cli


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), catch_exceptions=False)


def test_cli001_jsonl_keys_and_values(run):
    result = run("resolve", "Bayji", "Xyzzyplace", "--format", "jsonl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [tuple(r) for r in rows] == [JSONL_KEYS, JSONL_KEYS]
    assert rows[0]["name"] == "Baiji" and rows[0]["country"] == "IQ"
    assert rows[0]["admin1"] == "Salah Al-Din" and rows[0]["score"] == 1.0
    assert rows[1] == {k: ("Xyzzyplace" if k == "query" else None) for k in JSONL_KEYS}


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
