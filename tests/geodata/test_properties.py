"""Bad input never raises: property tests with hypothesis, and a light import."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geodata
from geodata import Place

_scripts = st.sampled_from(["Mosul", "الموصل", "Тикрит", "Deir ez-Zor", "١٢٣", "42", "\x00",
                            "\u200f", "near ", " province", "'s ", "-", "al-"])
names = st.one_of(
    st.text(max_size=300),
    st.lists(_scripts, max_size=12).map("".join),
    st.text(alphabet=st.characters(whitelist_categories=("Cc", "Cf", "Zs", "Nd")), max_size=50),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names, strict=st.booleans())
def test_prop001_resolve_never_raises(name, strict):
    place = geodata.resolve(name, strict_case=strict)
    assert place is None or isinstance(place, Place)
    if place is not None:
        assert place.country in ("IQ", "SY") and place.geo_precision in (1, 2, 3)
        assert len(place.query) <= 200


@settings(max_examples=150, deadline=None)
@given(text=st.one_of(st.text(max_size=500), st.lists(_scripts, max_size=30).map(" ".join)))
def test_prop002_spans_are_substrings(text):
    for start, end, surface in geodata.find_place_spans(text):
        assert text[start:end] == surface and start < end


def test_prop003_long_query_truncated():
    place = geodata.resolve("Mosul" + " " * 10 + "x" * 1000)
    assert place is None or len(place.query) <= 200


def test_prop004_import_is_light():
    code = (
        "import sys, geodata\n"
        "heavy = [m for m in ('geopandas', 'pandas', 'shapely', 'rapidfuzz', 'pyproj') "
        "if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "assert geodata.get_gazetteer.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


_hints = st.one_of(st.none(), st.text(max_size=40),
                   st.sampled_from(["Ninewa", "Aleppo Governorate", "Al Mayadin district", ""]))
_near = st.one_of(
    st.none(),
    st.tuples(st.floats(allow_nan=True), st.floats(allow_nan=True)),
    st.lists(st.tuples(st.floats(-180, 180), st.floats(-90, 90)), max_size=5),
    st.lists(st.one_of(st.text(max_size=3), st.integers()), max_size=3),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names, admin1=_hints, admin2=_hints, near=_near)
def test_prop005_hints_give_a_place_or_the_documented_error(name, admin1, admin2, near):
    try:
        place = geodata.resolve(name, admin1=admin1, admin2=admin2, near=near)
    except ValueError as exc:
        assert "admin1=" in str(exc) or "admin2=" in str(exc) or "near=" in str(exc)
        return
    assert place is None or (isinstance(place, Place) and place.geo_precision in (1, 2, 3))
