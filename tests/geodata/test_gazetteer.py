"""The gazetteer index: build, cache, lookups."""

from __future__ import annotations

import pytest

import geodata
from geodata.gazetteer import Gazetteer, load_index


def test_gaz001_shipped_index_contents():
    ix = geodata.get_gazetteer().index
    assert len(ix) > 33_000
    assert set(ix.country) == {"IQ", "SY"}
    assert {"city", "district", "governorate", "site", "region"} <= set(ix.feature)
    # every entry carries an OCHA governorate name
    allowed = {adm1 for _, adm1 in geodata.governorates()}
    assert set(ix.admin1) <= allowed


@pytest.mark.slow
def test_gaz002_cache_written_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("GEODATA_CACHE", str(tmp_path))
    first = load_index()
    files = list(tmp_path.glob("gazetteer-*.pickle"))
    assert len(files) == 1
    again = Gazetteer().index  # from the pickle
    assert again.name == first.name and again.keys == first.keys


def test_gaz003_lookup_pairs():
    gaz = geodata.get_gazetteer()
    hits = gaz.lookup("Bayji")
    assert any(gaz.index.name[e] == "Baiji" for e, _ in hits)
    assert gaz.lookup("Qwertyuiop") == []


@pytest.mark.slow
def test_gaz004_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("GEODATA_CACHE", str(tmp_path))
    load_index()
    (path,) = tmp_path.glob("gazetteer-*.pickle")
    path.write_bytes(b"not a pickle")
    assert len(load_index()) > 33_000
