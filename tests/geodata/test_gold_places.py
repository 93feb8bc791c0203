"""The real check: place names of the dev corpus gold events, scored by ../shared/eval."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from tests.geodata.test_resolver import km

#: A gold `location` with no capital letter is an anaphor ("the city", "near
#: the town"): it names no place by itself, so the geocoder is not asked.
_NAMED = re.compile(r"[A-Z\u0600-\u06ff]")


def gold_places(shared_dir) -> dict[str, tuple[str, str, float, float]]:
    """location as written -> (canonical, country, lat, lon), anaphors left out."""
    out = {}
    with (shared_dir / "corpus" / "dev" / "gold.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("lat") is not None and _NAMED.search(row["location"]):
                out[row["location"]] = (row["place"], row["country"], row["lat"], row["lon"])
    return out


@pytest.fixture(scope="module")
def gold(shared_dir):
    places = gold_places(shared_dir)
    assert len(places) >= 25
    return places


def test_gold001_resolve_within_10km(gold):
    import geodata

    misses = []
    for name, (canon, _cc, lat, lon) in gold.items():
        place = geodata.resolve(name)
        if place is None or km(lat, lon, place.lat, place.lon) > 10:
            misses.append((name, canon, place and place.name))
    share = 1 - len(misses) / len(gold)
    assert share >= 0.95, misses


@pytest.mark.slow
def test_gold002_shared_scorer_on_cli_output(gold, shared_dir, tmp_path):
    """Run the CLI on the gold names and score its jsonl with score_places.py."""
    tsv = tmp_path / "places.tsv"
    rows = ["name_as_written\tcanonical\tcountry\tlat\tlon"]
    rows += [f"{n}\t{c}\t{cc}\t{lat}\t{lon}" for n, (c, cc, lat, lon) in gold.items()]
    tsv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    names = tmp_path / "names.txt"
    names.write_text("\n".join(gold) + "\n", encoding="utf-8")
    pred = subprocess.run(
        [sys.executable, "-m", "geodata", "resolve", "--file", str(names), "--format", "jsonl"],
        capture_output=True, text=True, check=True, encoding="utf-8",
    ).stdout
    (tmp_path / "pred.jsonl").write_text(pred, encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score_places.py"), "--gold", str(tsv),
         "--pred", str(tmp_path / "pred.jsonl")],
        capture_output=True, text=True, check=True,
    ).stdout
    summary = re.search(r"acc10=([0-9.]+)", scored)
    assert summary, scored
    assert float(summary.group(1)) >= 0.95, scored
