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



def test_gaz004_subdistricts_seats_and_priors():
    ix = geodata.get_gazetteer().index
    subs = [e for e, f in enumerate(ix.feature) if f == "subdistrict"]
    assert {ix.country[e] for e in subs} == {"IQ", "SY"} and len(subs) > 500
    assert len(ix.centrality) == len(ix.seat) == len(ix)
    # seats of sub-districts carry a prior bonus, kept out of prominence
    seats = [e for e, bonus in enumerate(ix.seat) if bonus > 0]
    assert len(seats) > 300 and all(ix.feature[e] == "city" for e in seats)
    # the conflict areas of 2013-2015 are central, the empty desert is not
    aleppo = next(e for e, n in enumerate(ix.name) if n == "Aleppo" and ix.feature[e] == "city")
    assert ix.centrality[aleppo] > 3.0
    assert min(ix.centrality) == 0.0


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Shaddadi", "exact"), ("Ashshaddadi", "article"), ("Hanaqin", "loose"),
     ("Khaneqin", "skeleton")],
)
def test_gaz005_name_tables(name, kind):
    from geodata.normalize import loose_key, name_key, skeleton_key, unglue_article

    ix = geodata.get_gazetteer().index
    if kind == "exact":
        assert ix.keys.get(name_key(name))
    elif kind == "article":
        assert ix.keys.get(name_key(unglue_article(name)))
    elif kind == "loose":
        assert ix.loose.get(loose_key(name)) and not ix.keys.get(name_key(name))
    else:
        assert ix.skeletons.get(skeleton_key(name))
