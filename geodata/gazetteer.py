"""The gazetteer: every place entry and its name index, built once and cached.

`Gazetteer` is given its data folder (the shipped geodata/data by default). The
first use builds a compact index from the shipped files -- Who's On First places,
OCHA governorates and sub-districts, OpenSyria sub-districts, the curated sites
table and the airfields, plus the event-density prior -- and pickles it
under ``data/cache/`` keyed by a hash of the source files; later loads read the
pickle (well under a second). Matching and scoring live in `geodata.resolver`.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import math
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from geodata import config
from geodata.normalize import (
    has_arabic,
    loose_key,
    name_key,
    plain_spelling,
    skeleton_key,
    token_key,
)

CACHE_VERSION = 7
_SOURCES = ("gazetteer.tsv.gz", "sites.csv", "airports.csv", "adm1.geojson", "adm2.geojson",
            "geonames_admin1_IQ_SY.txt", "geonames_admin2_IQ_SY.txt", "opensyria_admin.json",
            "subdistricts.csv", "event_density.csv",
            "ambiguous_names.txt", "aliases.csv", "common_words.txt")
_PLACETYPE_FEATURE = {"locality": "city", "county": "district", "region": "governorate",
                      "neighbourhood": "neighbourhood", "campus": "site"}
_SITE_KIND_FEATURE = {"region": "region", "district": "neighbourhood", "town": "city"}
#: Prominence of entry types without population: a governorate outranks villages
#: and small towns but not a district seat of some size or a city.
_GOVERNORATE_PROMINENCE = 8.0
_DISTRICT_PROMINENCE = 3.0
_SUBDISTRICT_PROMINENCE = 2.5
#: Shortest consonant skeleton indexed: three consonants ("Dibis"/"Dibs" -> "dbs").
MIN_SKELETON = 3
_SITE_PROMINENCE = 10.0
#: The hand-curated table is authoritative for its names: it outranks even big
#: cities whose WOF alternate names stray ("Baghdadi" is listed under Baghdad).
_CURATED_PROMINENCE = 14.0
#: A place this close to another governorate fits a hint naming that one too:
#: sources draw the borders differently (and gazetteer points are rounded).
BORDER_KM = 5.0
#: Index key quality: 0 primary name, 1 alternate name.
PRIMARY, ALTERNATE = 0, 1


def default_data_dir() -> Path:
    """Return the shipped data folder (geodata/data)."""
    return Path(__file__).resolve().parent / "data"


def default_cache_dir(data_dir: Path) -> Path:
    """Return the cache folder: $GEODATA_CACHE if set, else `data_dir`/cache."""
    return config.cache_dir(data_dir)


@dataclass
class GazetteerIndex:
    """The compact, picklable index: parallel entry columns plus name -> entries maps."""

    name: list[str] = field(default_factory=list)
    geonameid: list[int | None] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str | None] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)
    feature: list[str] = field(default_factory=list)
    prominence: list[float] = field(default_factory=list)
    #: first-tier key -> tuple of entry*2 + quality (PRIMARY/ALTERNATE)
    keys: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: consonant skeleton -> tuple of entry*2 + quality (skeletons of MIN_SKELETON+ letters)
    skeletons: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: `loose_key` of each Latin name -> tuple of entry*2 + quality (s/z, kh/gh/h merged)
    loose: dict[str, tuple[int, ...]] = field(default_factory=dict)
    #: per entry: log10(1 + conflict events of 2013-2015 within ~15 km), 0 when none
    centrality: list[float] = field(default_factory=list)
    #: entry -> the other governorates (country, admin1) of its country within
    #: `BORDER_KM` of its point: a place by a border fits a hint naming either side
    border1: dict[int, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    #: per entry: its Latin names as written (`plain_spelling`), for the spelling part
    spellings: list[tuple[str, ...]] = field(default_factory=list)
    #: per entry: prior bonus of a sub-district seat (kept out of `prominence`, which
    #: also decides which names the span finder takes without a cue word)
    seat: list[float] = field(default_factory=list)
    #: key of a governorate or district name -> (country, admin1, admin2 or None) units
    units: dict[str, tuple[tuple[str, str, str | None], ...]] = field(default_factory=dict)
    #: keys that are common words or given names: need context to count as places
    ambiguous: frozenset[str] = frozenset()
    #: common English words (lower case, as written): never a place on their own
    common_words: frozenset[str] = frozenset()
    #: longest key length in tokens, for the span finder
    max_tokens: int = 6

    def __len__(self) -> int:
        return len(self.name)


def _prominence(feature: str, pop: int, n_alt: int, seat: bool, geonameid: bool,
                current: bool) -> float:
    if feature == "governorate":
        return _GOVERNORATE_PROMINENCE
    if feature in ("site", "region"):
        return _SITE_PROMINENCE
    base = {"city": 2.0, "district": _DISTRICT_PROMINENCE, "neighbourhood": 3.0}.get(feature, 2.0)
    if feature == "district":
        return base + 0.02 * min(n_alt, 40)
    return (base + math.log10(pop + 1) + 0.05 * min(n_alt, 40) + 1.5 * seat
            + 0.5 * geonameid + 0.3 * current)


class _Builder:
    """Accumulates entries and names, then freezes them into a `GazetteerIndex`."""

    def __init__(self) -> None:
        self.ix = GazetteerIndex()
        self._keys: dict[str, dict[int, int]] = {}
        self._skel: dict[str, dict[int, int]] = {}
        self._loose: dict[str, dict[int, int]] = {}
        self._spellings: dict[int, set[str]] = {}
        self.seat: dict[int, float] = {}

    def add(self, *, name, geonameid, country, admin1, admin2, lat, lon, feature,
            prominence) -> int:
        ix = self.ix
        ix.name.append(name)
        ix.geonameid.append(geonameid)
        ix.country.append(country)
        ix.admin1.append(admin1)
        ix.admin2.append(admin2)
        ix.lat.append(round(float(lat), 5))
        ix.lon.append(round(float(lon), 5))
        ix.feature.append(feature)
        ix.prominence.append(round(prominence, 3))
        return len(ix.name) - 1

    def add_name(self, entry: int, text: str, quality: int) -> None:
        key = name_key(text)
        if len(key) < 2:
            return
        if not has_arabic(text):
            self._spellings.setdefault(entry, set()).add(plain_spelling(text))
        # Also under the token-by-token key, which the span finder builds.
        for k in {key, token_key(text)}:
            slot = self._keys.setdefault(k, {})
            slot[entry] = min(quality, slot.get(entry, quality))
        skel = skeleton_key(text)
        if len(skel) >= MIN_SKELETON and not has_arabic(skel):
            for table, k in ((self._skel, skel), (self._loose, loose_key(text))):
                slot = table.setdefault(k, {})
                slot[entry] = min(quality, slot.get(entry, quality))

    def lookup_codes(self, text: str) -> list[tuple[int, int]]:
        """(entry, quality) pairs already holding `text`'s key (while building)."""
        return list(self._keys.get(name_key(text), {}).items())

    def freeze(self, ambiguous: frozenset[str]) -> GazetteerIndex:
        ix = self.ix
        ix.keys = {k: tuple(e * 2 + q for e, q in v.items()) for k, v in self._keys.items()}
        ix.skeletons = {k: tuple(sorted(e * 2 + q for e, q in v.items()))
                        for k, v in self._skel.items()}
        ix.loose = {k: tuple(e * 2 + q for e, q in v.items()) for k, v in self._loose.items()}
        ix.seat = [self.seat.get(e, 0.0) for e in range(len(ix.name))]
        ix.spellings = [tuple(sorted(self._spellings.get(e, set()) | {plain_spelling(nm)}))
                        for e, nm in enumerate(ix.name)]
        ix.ambiguous = ambiguous
        return ix


_GOV_WORDS_RE = re.compile(r"(?i)\b(governorate|province|muhafazat|gouvernement|gubernio)\b")


def _display_name(row: dict) -> str:
    # The canonical name as printed: Latin script without diacritics, e.g.
    # "Tikrit" not "Tikrīt"; the English name when the primary one is Arabic.
    name = row["name"]
    if has_arabic(name) or not name:
        name = row["name_eng"] or name
    if has_arabic(name):
        return name
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("‘", "'").replace("’", "'").replace("`", "'")


def _add_admin_names(b: _Builder, data_dir: Path, gov_entry: dict, gov_by_name: dict) -> None:
    """Add GeoNames admin1 and OpenSyria governorate/district names as alternates."""
    by_pcode = {g["pcode"]: gov_entry[key] for key, g in gov_by_name.items() if key in gov_entry}
    # GeoNames admin1: matched through the governorate's point (its centroid) is
    # unreliable for crescent shapes, so through the WOF region's GeoNames id,
    # whose names the governorate entry already carries.
    gn_path = data_dir / "geonames_admin1_IQ_SY.txt"
    if gn_path.exists():
        for line in gn_path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 4:
                continue
            hits = [e for e, q in b.lookup_codes(parts[1]) if b.ix.feature[e] == "governorate"]
            hits = hits or [e for e, q in b.lookup_codes(parts[2])
                            if b.ix.feature[e] == "governorate"]
            for e in hits[:1]:
                b.add_name(e, parts[1], ALTERNATE)
                b.add_name(e, parts[2], ALTERNATE)
    os_path = data_dir / "opensyria_admin.json"
    if not os_path.exists():
        return
    districts: dict[str, list[int]] = {}
    for e, (f, cc, adm2) in enumerate(zip(b.ix.feature, b.ix.country, b.ix.admin2,
                                          strict=True)):
        if f == "district" and cc == "SY" and adm2:
            districts.setdefault(adm2, []).append(e)
    adm2_by_pcode = _adm2_names(data_dir)
    for unit in json.loads(os_path.read_text(encoding="utf-8")):
        if unit["level"] == "governorate":
            targets = [by_pcode[unit["pcode"]]] if unit["pcode"] in by_pcode else []
        else:
            targets = districts.get(adm2_by_pcode.get(unit["pcode"], ""), [])
        for e in targets:
            for name in unit["names"]:
                if name:
                    b.add_name(e, name, ALTERNATE)


def _adm2_names(data_dir: Path) -> dict[str, str]:
    with (data_dir / "adm2.geojson").open(encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    return {f["properties"]["admin2_pcode"]: f["properties"]["admin2"] for f in feats}


def _seat_similarity(unit_names: list[str], town_names: list[str]) -> float:
    """Similarity of an admin unit's names to a town's (Latin names only).

    Same consonants ("Kalar"/"Kelar") count for more than a short near-miss
    ("Kalar"/"Qala"); a match on a long name ("Maarat al-Numan") beats one on a
    short one ("Al Ma'ra" ~ "Marah").
    """
    from rapidfuzz import fuzz

    u_keys = {(name_key(n), skeleton_key(n)) for n in unit_names if not has_arabic(n)}
    t_keys = {(name_key(n), skeleton_key(n)) for n in town_names if not has_arabic(n)}
    return max((fuzz.ratio(a[0], c[0]) + 10.0 * (a[1] == c[1]) + min(len(a[0]), 12)
                for a in u_keys for c in t_keys if a[0] and c[0]), default=0.0)


def _seat_of(b: _Builder, unit_names: list[str], towns) -> int | None:
    """Return the town among `towns` ((entry, names) pairs) named like the unit, or None."""
    best, best_sim = None, 78.0
    for t_entry, t_names in towns:
        sim = _seat_similarity(unit_names, t_names)
        if sim > best_sim or (sim == best_sim and best is not None
                              and b.ix.prominence[t_entry] > b.ix.prominence[best]):
            best, best_sim = t_entry, sim
    return best


def _link_district_seats(b: _Builder, counties: dict, towns: dict) -> None:
    """Give each district's names to its seat town as alternates.

    Reports name a town by its district's spelling ("Telafar", "Menbij",
    "Shirqat") more often than they mean the district polygon; the seat is the
    town of the district whose name is closest to the district's (similarity
    >= 78), ties broken by prominence. Only primary names are compared and
    passed on: WOF's alternate names of districts hold stray neighbours' names.
    """
    for group, (_district, d_names) in counties.items():
        best = _seat_of(b, d_names, towns.get(group, ()))
        if best is None:
            continue
        for n in d_names:
            if not has_arabic(n):  # some districts carry a neighbour's Arabic name
                b.add_name(best, n, ALTERNATE)
        b.ix.prominence[best] = round(max(b.ix.prominence[best], 2.0) + 1.5, 3)


#: Words around a sub-district's name in OCHA and OpenSyria ("Markaz Heet",
#: "Nahiyat ash Shaddadah", "Shadadah Subdistrict", "ناحية مركز الشدادي").
_UNIT_AFFIX_RE = re.compile(
    r"(?i)^(?:(?:markaz|mintaqat|n[aā][hḩ]iyat|nahyt|ناحية|مركز|منطقة)\s+)+"
    r"|\s+(?:sub-?district|subdistrict|nahiya|district|governorate)$")


def unit_bare_name(name: str) -> str:
    """Return an admin unit's name without "Markaz", "Nahiyat", "Subdistrict" and the like."""
    prev = None
    while prev != name:
        prev, name = name, _UNIT_AFFIX_RE.sub("", name).strip()
    return name


def _add_subdistricts(b: _Builder, rows: list[dict], admins: list) -> None:
    """Add sub-districts (OCHA Iraq adm3, OpenSyria) and mark their seat towns.

    The sub-district's point is its centroid (used when no town carries the
    name). Its seat -- the town of the same district named like it -- gets the
    sub-district's Latin names as alternates and a prior bonus (`seat`): a
    nahiya seat is a town of some size even where no population figure exists;
    the sub-district's 2004 population (Syria) adds to it.
    """
    towns: dict[tuple[str, str], list[int]] = {}
    for e, (f, cc, adm1) in enumerate(zip(b.ix.feature, b.ix.country, b.ix.admin1, strict=True)):
        if f == "city" and adm1:
            towns.setdefault((cc, adm1), []).append(e)
    for row, (cc, adm1, adm2) in zip(rows, admins, strict=True):
        if adm1 is None:
            continue
        main = unit_bare_name(row["name"])
        names = [main] + [unit_bare_name(n) for n in (row["name_ar"], *row["aliases"].split("|"))
                          if n]
        e = b.add(name=main, geonameid=None, country=cc, admin1=adm1, admin2=adm2,
                  lat=row["lat"], lon=row["lon"], feature="subdistrict",
                  prominence=_SUBDISTRICT_PROMINENCE)
        for i, n in enumerate(dict.fromkeys(names)):
            b.add_name(e, n, PRIMARY if i == 0 else ALTERNATE)
        # The seat lies in the sub-district, though not always in the same OCHA
        # district (Hammam al-Alil town is joined to Al-Hamdaniya, its nahiya to
        # Al-Mosul): towns of the governorate within `_SEAT_KM` of the centroid.
        lat, lon = float(row["lat"]), float(row["lon"])
        near = [(t, [b.ix.name[t]]) for t in towns.get((cc, adm1), ())
                if abs(b.ix.lat[t] - lat) < 0.3 and abs(b.ix.lon[t] - lon) < 0.35
                and _km(b.ix.lat[t], b.ix.lon[t], lat, lon) <= _SEAT_KM]
        seat = _seat_of(b, [main], near)
        if seat is None:
            continue
        for n in dict.fromkeys(names):
            if not has_arabic(n):
                b.add_name(seat, n, ALTERNATE)
        pop = float(row["population"]) if row["population"] else 0.0
        b.seat[seat] = round(max(b.seat.get(seat, 0.0), 1.0 + 0.3 * math.log10(pop + 1)), 3)


#: A sub-district's seat lies this close to its centroid.
_SEAT_KM = 30.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # equirectangular: good to a few metres at these distances
    return 111.2 * math.hypot(lat1 - lat2, (lon1 - lon2) * math.cos(math.radians(lat1)))


#: Size (degrees) of the event-density cells (see _prepare.DENSITY_CELL).
_DENSITY_CELL = 0.1


def _centrality(ix: GazetteerIndex, path: Path) -> list[float]:
    """Per entry: log10(1 + events of 2013-2015 in its cell and the eight around it)."""
    counts: dict[tuple[int, int], int] = {}
    for row in _read_csv(path):
        cell = (math.floor(float(row["lat"]) / _DENSITY_CELL),
                math.floor(float(row["lon"]) / _DENSITY_CELL))
        counts[cell] = counts.get(cell, 0) + int(row["events"])
    out = []
    for lat, lon in zip(ix.lat, ix.lon, strict=True):
        i, j = math.floor(lat / _DENSITY_CELL), math.floor(lon / _DENSITY_CELL)
        n = sum(counts.get((i + di, j + dj), 0) for di in (-1, 0, 1) for dj in (-1, 0, 1))
        out.append(round(math.log10(1 + n), 3))
    return out


def _border_governorates(ix: GazetteerIndex) -> dict[int, tuple[tuple[str, str], ...]]:
    """Map each place within `BORDER_KM` of another governorate to those governorates."""
    from geodata.boundaries import governorates_near_points

    points = [e for e, f in enumerate(ix.feature) if f in ("city", "neighbourhood", "site")]
    near = governorates_near_points([ix.lon[e] for e in points], [ix.lat[e] for e in points],
                                    metres=BORDER_KM * 1000.0)
    out = {}
    for e, units in zip(points, near, strict=True):
        # internal borders only: the international one is the same in every source
        others = tuple(u for u in units
                       if u[0] == ix.country[e] and u != (ix.country[e], ix.admin1[e]))
        if others:
            out[e] = others
    return out


def _admin_units(ix: GazetteerIndex, data_dir: Path) -> dict:
    """Map the keys of governorate and district names to their OCHA units.

    Sources: the governorate and district entries' own names (OCHA, WOF,
    GeoNames admin1, OpenSyria), OCHA's district names, and GeoNames admin2
    names (matched to the WOF district with the same GeoNames id). Each name is
    also keyed without its unit word ("Tel Afar District" -> "Tel Afar").
    """
    units: dict[str, set] = {}

    def add(text: str, unit: tuple) -> None:
        for t in {text, unit_bare_name(_GOV_WORDS_RE.sub("", text).strip(" -"))}:
            k = name_key(t)
            if len(k) >= 2:
                units.setdefault(k, set()).add(unit)

    by_gid = {}
    for k, codes in ix.keys.items():
        for c in codes:
            e = c >> 1
            if ix.feature[e] == "governorate":
                units.setdefault(k, set()).add((ix.country[e], ix.admin1[e], None))
            elif (ix.feature[e] in ("district", "subdistrict") and ix.admin2[e]
                  and c & 1 == PRIMARY):
                # A sub-district's name stands for its district: older lists (GeoNames,
                # UCDP) made districts of some ("Atarib district").
                units.setdefault(k, set()).add((ix.country[e], ix.admin1[e], ix.admin2[e]))
    for e, (f, gid) in enumerate(zip(ix.feature, ix.geonameid, strict=True)):
        if f == "district" and gid and ix.admin2[e]:
            by_gid[gid] = (ix.country[e], ix.admin1[e], ix.admin2[e])
    with (data_dir / "adm2.geojson").open(encoding="utf-8") as fh:
        for feat in json.load(fh)["features"]:
            p = feat["properties"]
            for text in (p["admin2"], p.get("admin2_ar")):
                if text:
                    add(text, (p["country"], p["admin1"], p["admin2"]))
    gn_path = data_dir / "geonames_admin2_IQ_SY.txt"
    if gn_path.exists():
        for line in gn_path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 4 and parts[3].isdigit() and int(parts[3]) in by_gid:
                for text in parts[1:3]:
                    add(text, by_gid[int(parts[3])])
    return {k: tuple(sorted(v, key=lambda u: (u[0], u[1], u[2] or ""))) for k, v in units.items()}


#: Interchangeable words for the same kind of site ("Tabqa airfield" = "Tabqa air base").
_SITE_SYNONYMS = (
    ("air base", "airbase", "airport", "airfield", "military airport", "air field",
     "military airbase", "air station"),
    ("prison", "jail", "central prison"),
    ("refinery", "oil refinery"),
    ("border crossing", "crossing", "border gate", "checkpoint", "border post"),
    ("mountain", "mountains", "mount"),
)


def _site_variants(name: str) -> list[str]:
    """Return `name` plus its spellings with each synonym of its site word."""
    low = name.lower()
    out = [name]
    for group in _SITE_SYNONYMS:
        for word in sorted(group, key=len, reverse=True):
            if low.endswith(" " + word):
                stem = name[: -len(word)].rstrip()
                out += [f"{stem} {other}" for other in group if other != word]
                return out
    return out


def _read_tsv_gz(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE,
                               escapechar="\\"))


def _read_csv(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if any(row.values())]


def build_index(data_dir: Path) -> GazetteerIndex:
    """Build the index from the files in `data_dir` (slow path: seconds, uses geopandas).

    Parameters
    ----------
    data_dir : pathlib.Path
        Folder holding the shipped files (see data/README.md).

    Returns
    -------
    GazetteerIndex
    """
    from geodata.boundaries import admin_for_points, governorate_table

    b = _Builder()
    rows = _read_tsv_gz(data_dir / "gazetteer.tsv.gz")
    sites = _read_csv(data_dir / "sites.csv")
    airports = [r for r in _read_csv(data_dir / "airports.csv") if r.get("lat")]
    subs = _read_csv(data_dir / "subdistricts.csv")
    lons = ([float(r["longitude"]) for r in rows] + [float(r["lon"]) for r in sites]
            + [float(r["lon"]) for r in airports] + [float(r["lon"]) for r in subs])
    lats = ([float(r["latitude"]) for r in rows] + [float(r["lat"]) for r in sites]
            + [float(r["lat"]) for r in airports] + [float(r["lat"]) for r in subs])
    admins = admin_for_points(lons, lats)
    gov_by_name = {(g["country"], g["admin1"]): g for g in governorate_table()}
    gov_entry = _add_governorates(b, gov_by_name)
    _add_wof_rows(b, rows, admins[: len(rows)], gov_entry)
    _add_admin_names(b, data_dir, gov_entry, gov_by_name)
    offset = len(rows)
    _add_sites(b, sites, admins[offset: offset + len(sites)])
    offset += len(sites)
    _add_airports(b, airports, admins[offset: offset + len(airports)])
    _add_subdistricts(b, subs, admins[offset + len(airports):])
    _add_aliases(b, _read_csv(data_dir / "aliases.csv"))

    words = (data_dir / "ambiguous_names.txt").read_text(encoding="utf-8").split()
    index = b.freeze(frozenset(name_key(w) for w in words))
    index.centrality = _centrality(index, data_dir / "event_density.csv")
    index.border1 = _border_governorates(index)
    index.units = _admin_units(index, data_dir)
    common = data_dir / "common_words.txt"
    if common.exists():
        index.common_words = frozenset(common.read_text(encoding="utf-8").split())
    return index


def _add_governorates(b: _Builder, gov_by_name: dict) -> dict[tuple[str, str], int]:
    """Add one entry per OCHA governorate (its name and centroid); return their ids.

    Governorates come from OCHA, not WOF, so that resolve() and admin_for_point()
    name them the same way; the WOF region records only add their names.
    """
    gov_entry = {}
    for (cc, adm1), g in sorted(gov_by_name.items()):
        e = b.add(name=adm1, geonameid=None, country=cc, admin1=adm1, admin2=None,
                  lat=g["lat"], lon=g["lon"], feature="governorate",
                  prominence=_GOVERNORATE_PROMINENCE)
        gov_entry[(cc, adm1)] = e
        b.add_name(e, adm1, PRIMARY)
        if g.get("admin1_ar"):
            b.add_name(e, g["admin1_ar"], PRIMARY)
    return gov_entry


def _add_wof_rows(b: _Builder, rows: list[dict], admins: list, gov_entry: dict) -> None:
    """Add the Who's On First records: places, districts, and region names."""
    # District (county) records and the towns of each county, to link every
    # district to its seat town at the end.
    counties: dict[tuple[str, str], tuple[int, list[str]]] = {}
    towns: dict[tuple[str, str], list[tuple[int, list[str]]]] = {}
    for row, (cc, adm1, adm2) in zip(rows, admins, strict=True):
        if adm1 is None:  # outside every polygon by more than the snap distance
            continue
        feature = _PLACETYPE_FEATURE.get(row["placetype"], "city")
        alts = [a for a in row["alt_names"].split("|") if a]
        names = [t for t in (row["name"], row["name_eng"], row["name_ara"], row["name_kur"]) if t]
        if feature == "governorate":
            _add_region_names(b, gov_entry.get((cc, adm1)), row, names, alts)
            continue
        pop = int(float(row["population"])) if row["population"] else 0
        seat = bool(row["county_name"]) and name_key(row["county_name"]) in {
            name_key(row["name"]), name_key(row["name_eng"] or row["name"])}
        gid = int(row["geonames_id"]) if row["geonames_id"] not in ("", "0") else None
        prom = _prominence(feature, pop, len(alts), seat, gid is not None,
                           row["mz_is_current"] == "1")
        # The polygon decides country and admin1 (a few WOF records near the
        # border disagree), so that both always come from the same join.
        e = b.add(name=_display_name(row), geonameid=gid, country=cc, admin1=adm1,
                  admin2=adm2, lat=row["latitude"], lon=row["longitude"], feature=feature,
                  prominence=prom)
        for text in names:
            b.add_name(e, text, PRIMARY)
        for alt in alts:
            b.add_name(e, alt, ALTERNATE)
        group = (row["country"], row["county_name"])
        if feature == "district":
            counties[group] = (e, names)
        elif feature == "city" and row["county_name"]:
            towns.setdefault(group, []).append((e, names))
    _link_district_seats(b, counties, towns)


def _add_region_names(b: _Builder, e: int | None, row: dict, names: list[str],
                      alts: list[str]) -> None:
    """Give a WOF region record's names to the OCHA governorate holding its point."""
    if e is None or row["name"] == "Halabja":
        return  # Halabja's WOF region lies inside OCHA's Sulaymaniyah
    for text in names:
        b.add_name(e, text, PRIMARY)
    for alt in alts:
        b.add_name(e, alt, ALTERNATE)
        bare = _GOV_WORDS_RE.sub("", alt).strip(" -")  # "Nineveh Governorate" -> "Nineveh"
        if bare and bare != alt:
            b.add_name(e, bare, ALTERNATE)


def _add_sites(b: _Builder, sites: list[dict], admins: list) -> None:
    """Add the curated sites table (authoritative for its names)."""
    for row, (cc, adm1, adm2) in zip(sites, admins, strict=True):
        feature = _SITE_KIND_FEATURE.get(row["kind"], "site")
        e = b.add(name=row["name"], geonameid=None, country=cc or row["country"],
                  admin1=adm1 or "", admin2=adm2, lat=row["lat"], lon=row["lon"],
                  feature=feature, prominence=_CURATED_PROMINENCE)
        for alias in [row["name"], *row["aliases"].split("|")]:
            for variant in _site_variants(alias):
                b.add_name(e, variant, PRIMARY)


def _add_airports(b: _Builder, airports: list[dict], admins: list) -> None:
    """Add the airportsdata airfields by name.

    Their ICAO/IATA codes are left out: "OSM" folds like ordinary words in text.
    """
    for row, (cc, adm1, adm2) in zip(airports, admins, strict=True):
        if adm1 is None:
            continue
        e = b.add(name=row["name"], geonameid=None, country=cc, admin1=adm1, admin2=adm2,
                  lat=row["lat"], lon=row["lon"], feature="site",
                  prominence=_SITE_PROMINENCE - 0.5)
        b.add_name(e, row["name"], PRIMARY)


def _add_aliases(b: _Builder, rows: list[dict]) -> None:
    """Add hand aliases (alias -> an existing entry's name, country and feature)."""
    by_name: dict[tuple[str, str, str], int] = {}
    for e, (nm, cc, f) in enumerate(zip(b.ix.name, b.ix.country, b.ix.feature, strict=True)):
        k = (name_key(nm), cc, f)
        if k not in by_name or b.ix.prominence[e] > b.ix.prominence[by_name[k]]:
            by_name[k] = e
    for row in rows:
        e = by_name.get((name_key(row["target"]), row["country"], row["feature"]))
        if e is None:
            raise ValueError(f"aliases.csv: target {row['target']!r} ({row['country']}, "
                             f"{row['feature']}) is not a gazetteer name")
        b.add_name(e, row["alias"], PRIMARY)
        if row.get("display") == "yes":
            b.ix.name[e] = row["alias"]  # the spelling English reports use


def _source_hash(data_dir: Path) -> str:
    h = hashlib.sha1(f"v{CACHE_VERSION}".encode())
    # The build code is part of the key too: a changed rule rebuilds the cache.
    here = Path(__file__).resolve().parent
    for module in ("gazetteer.py", "normalize.py"):
        h.update((here / module).read_bytes())
    for name in _SOURCES:
        path = data_dir / name
        if path.exists():
            h.update(name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def load_index(data_dir: Path | None = None, cache_dir: Path | None = None) -> GazetteerIndex:
    """Load the index from the pickle cache, building (and caching) it when stale.

    Parameters
    ----------
    data_dir : pathlib.Path, optional
        Source folder; the shipped geodata/data by default.
    cache_dir : pathlib.Path, optional
        Where the pickle lives; $GEODATA_CACHE or `data_dir`/cache by default.

    Returns
    -------
    GazetteerIndex
    """
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    cache_dir = Path(cache_dir) if cache_dir else default_cache_dir(data_dir)
    path = cache_dir / f"gazetteer-{_source_hash(data_dir)}.pickle"
    if path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError):
            pass  # truncated or stale pickle: rebuild it below
    index = build_index(data_dir)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        # Older indexes (other data or code versions) are dead weight: drop them.
        for stale in cache_dir.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # read-only install: work from memory, rebuild next time
    return index


class Gazetteer:
    """Place entries of Iraq and Syria with their names, given a data source.

    Parameters
    ----------
    data_dir : pathlib.Path, optional
        Folder of source files (default: the shipped geodata/data).
    cache_dir : pathlib.Path, optional
        Folder for the pickled index.
    index : GazetteerIndex, optional
        A ready index (tests pass small hand-made ones); skips all IO.

    Examples
    --------
    >>> gaz = Gazetteer()
    >>> gaz.index.name[gaz.lookup("Mosul")[0][0]]  # doctest: +SKIP
    'Mosul'
    """

    def __init__(self, data_dir: Path | None = None, cache_dir: Path | None = None,
                 *, index: GazetteerIndex | None = None) -> None:
        self.index = index if index is not None else load_index(data_dir, cache_dir)

    def lookup(self, text: str) -> list[tuple[int, int]]:
        """Return (entry, quality) pairs whose name has the same first-tier key as `text`."""
        codes = self.index.keys.get(name_key(text), ())
        return [(c >> 1, c & 1) for c in codes]

    def lookup_key(self, key: str) -> list[tuple[int, int]]:
        """Return (entry, quality) pairs for an already computed first-tier key."""
        return [(c >> 1, c & 1) for c in self.index.keys.get(key, ())]

    def lookup_skeleton(self, text: str) -> list[tuple[int, int]]:
        """Return (entry, quality) pairs whose name has the same consonant skeleton as `text`."""
        skel = skeleton_key(text)
        codes = self.index.skeletons.get(skel, ()) if len(skel) >= MIN_SKELETON else ()
        return [(c >> 1, c & 1) for c in codes]
