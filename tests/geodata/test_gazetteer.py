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
def test_gaz002_corrupt_cache_rebuilt_then_read(tmp_path, monkeypatch):
    from geodata.gazetteer import _source_hash, default_data_dir

    monkeypatch.setenv("GEODATA_CACHE", str(tmp_path))
    path = tmp_path / f"gazetteer-{_source_hash(default_data_dir())}.pickle"
    path.write_bytes(b"not a pickle")  # a truncated write, say
    built = load_index()  # rebuilds and rewrites the pickle
    assert len(built) > 33_000
    assert path.stat().st_size > 1_000_000
    again = Gazetteer().index  # now straight from the pickle
    assert again.name == built.name and again.keys == built.keys


def test_gaz003_lookup_pairs():
    gaz = geodata.get_gazetteer()
    hits = gaz.lookup("Bayji")
    assert any(gaz.index.name[e] == "Baiji" for e, _ in hits)
    assert gaz.lookup("Qwertyuiop") == []

