"""Maintenance script: rebuild the shipped files in geodata/data from ../shared/data.

Run by hand when the upstream data changes (never at import or at run time)::

    .venv/bin/python -m geodata._prepare /work/shared/data

It writes:
- ``gazetteer.tsv.gz``: the Who's On First rows, alternate names cut to Latin and
  Arabic script (the scripts reports use), population filled in from Natural Earth
  populated places where WOF has none (matched on GeoNames id);
- ``adm1.geojson``/``adm2.geojson``: OCHA governorates and districts of Iraq and
  Syria, simplified (topology-preserving, ~100 m) for the spatial join;
- ``countries.geojson``, ``rivers.geojson``, ``lakes.geojson``: Natural Earth layers;
- ``airports.csv``: the airportsdata rows for IQ and SY;
- ``geonames_admin1_IQ_SY.txt``: GeoNames admin1 names of IQ and SY;
- ``opensyria_admin.json``: OpenSyria governorate and district names and aliases
  with their OCHA P-codes;
- ``geonames_admin2_IQ_SY.txt``: GeoNames admin2 (district) names of IQ and SY, the
  spellings UCDP and GeoNames-based reports give districts in;
- ``subdistricts.csv``: Iraqi sub-districts (OCHA adm3: names and polygon centroid)
  and Syrian sub-districts (OpenSyria: names, aliases, centroid, 2004 population);
- ``event_density.csv``: UCDP GED events of 2013-2015 with a town-level point,
  counted per 0.1-degree cell (the prior of where conflict events happen; the
  2016-2019 place names used to evaluate the resolver are never read);
- ``ambiguous_names.txt``: one-word gazetteer names that are also common English
  words (from spaCy's English word frequencies), plus the hand list in this file;
- ``common_words.txt``: the ~11,000 most frequent English words that are mostly
  written lower-case (same source), for the span finder.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import shutil
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data"
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'`’‘ʿʾ\- .()]+$")
_ARABIC = re.compile(r"^[\u0600-\u06FF\u0750-\u077F\u200c ]+$")
_COLUMNS = (
    "wof_id country placetype name name_eng name_ara name_kur latitude longitude "
    "geonames_id population region_name county_name mz_is_current alt_names"
).split()
# Given names and words that are also village names; reports use them for people
# and things far more often than for the villages.
_HAND_AMBIGUOUS = """
hit bab bakr rabia dair tell camp safe abu ali omar umar hassan hussein husayn ahmed ahmad
mohammed muhammad mahmoud khalid saddam assad asad bashar hamid salim salem karim nasser
jamal faisal zaid zayd yusuf yousef ibrahim ismail musa isa ayyub tariq samir sami adel
khalil state front army base city town village river lake mount road bridge
airport prison dam station border crossing market square street north south east west
central new old great little upper lower said mark june july may march april august jordan
turkey iran lebanon iraq syria kurdistan islamic levant daesh nusra free police
""".split()


def _filter_alts(alts: str, keep: int = 40) -> str:
    out = []
    for alt in alts.split("|"):
        alt = alt.strip()
        if alt and len(alt) <= 60 and (_LATIN.match(alt) or _ARABIC.match(alt)):
            out.append(alt)
    return "|".join(out[:keep])


def _ne_population(shared: Path) -> dict[str, int]:
    path = shared / "context" / "ne_10m_populated_places_mideast.geojson"
    feats = json.loads(path.read_text(encoding="utf-8"))["features"]
    pops = {}
    for feat in feats:
        props = feat["properties"]
        if props.get("GEONAMEID") and props.get("POP_MAX"):
            pops[str(int(props["GEONAMEID"]))] = int(props["POP_MAX"])
    return pops


def write_gazetteer(shared: Path) -> None:
    """Write the filtered gazetteer as gzip TSV."""
    pops = _ne_population(shared)
    src = shared / "gazetteer" / "wof_gazetteer_IQ_SY.tsv"
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                        escapechar="\\")
    writer.writerow(_COLUMNS)
    with src.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            row["alt_names"] = _filter_alts(row["alt_names"])
            if not row["population"] and row["geonames_id"] in pops:
                row["population"] = str(pops[row["geonames_id"]])
            writer.writerow([row[c].replace("\t", " ") for c in _COLUMNS])
    with gzip.open(OUT / "gazetteer.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(buf.getvalue())


def write_boundaries(shared: Path) -> None:
    """Write simplified OCHA adm1/adm2 polygons of both countries."""
    import pandas as pd

    import geopandas as gpd

    bdir = shared / "boundaries"
    files = {
        ("IQ", 1): "irq_admbnda_adm1_cso_20190603.geojson",
        ("SY", 1): "syr_admbnda_adm1_uncs_unocha_20201217.geojson",
        ("IQ", 2): "irq_admbnda_adm2_cso_20190603.geojson",
        ("SY", 2): "syr_admbnda_adm2_uncs_unocha_20201217.geojson",
    }
    for level in (1, 2):
        parts = []
        for cc in ("IQ", "SY"):
            gdf = gpd.read_file(bdir / files[(cc, level)])
            cols = {"ADM1_EN": "admin1", "ADM1_AR": "admin1_ar", "ADM1_PCODE": "admin1_pcode"}
            if level == 2:
                cols.update({"ADM2_EN": "admin2", "ADM2_AR": "admin2_ar",
                             "ADM2_PCODE": "admin2_pcode"})
            gdf = gdf.rename(columns=cols)[[*cols.values(), "geometry"]]
            gdf.insert(0, "country", cc)
            gdf["geometry"] = gdf.geometry.make_valid()
            # ~100 m: far below the 2 km snap distance, keeps the files small.
            gdf["geometry"] = gdf.geometry.simplify(0.001, preserve_topology=True)
            parts.append(gdf)
        gdf = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs="EPSG:4326")
        gdf["geometry"] = gdf.geometry.set_precision(1e-5)
        (OUT / f"adm{level}.geojson").write_text(gdf.to_json(drop_id=True), encoding="utf-8")


def write_context(shared: Path) -> None:
    """Copy the Natural Earth layers and the airports table."""
    ctx = shared / "context"
    shutil.copyfile(ctx / "ne_50m_admin0_countries_mideast.geojson", OUT / "countries.geojson")
    shutil.copyfile(ctx / "ne_10m_rivers_lake_centerlines_mideast.geojson", OUT / "rivers.geojson")
    shutil.copyfile(ctx / "ne_10m_lakes_mideast.geojson", OUT / "lakes.geojson")
    shutil.copyfile(ctx / "airports_IQ_SY_airportsdata.csv", OUT / "airports.csv")


def write_admin_names(shared: Path) -> None:
    """Write GeoNames admin1 rows of IQ/SY and OpenSyria governorate/district names."""
    gaz = shared / "gazetteer"
    lines = [line for line in (gaz / "geonames_admin1CodesASCII_IQ_SY_neighbors.txt")
             .read_text(encoding="utf-8").splitlines() if line.startswith(("IQ.", "SY."))]
    (OUT / "geonames_admin1_IQ_SY.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = []
    for level, name in (("governorate", "syr_governorates.json"),
                        ("district", "syr_districts.json")):
        for unit in json.loads((gaz / "opensyria" / name).read_text(encoding="utf-8")):
            out.append({
                "level": level,
                "pcode": unit["externalIds"].get("ochaPcode"),
                "geonameid": unit["externalIds"].get("geonames"),
                "names": [unit["name"].get("en"), unit["name"].get("ar")]
                + [a["value"] for a in unit.get("aliases", [])],
            })
    (OUT / "opensyria_admin.json").write_text(json.dumps(out, ensure_ascii=False, indent=0),
                                              encoding="utf-8")


def write_admin2_names(shared: Path) -> None:
    """Write the GeoNames admin2 rows of IQ and SY (district names and GeoNames ids)."""
    src = shared / "gazetteer" / "geonames_admin2Codes_IQ_SY.txt"
    lines = [line for line in src.read_text(encoding="utf-8").splitlines()
             if line.startswith(("IQ.", "SY."))]
    (OUT / "geonames_admin2_IQ_SY.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


#: Columns of subdistricts.csv.
SUBDISTRICT_COLUMNS = ("country", "pcode", "admin2_pcode", "name", "name_ar", "aliases", "lat",
                       "lon", "population")


def write_subdistricts(shared: Path) -> None:
    """Write Iraqi (OCHA adm3) and Syrian (OpenSyria) sub-districts to one CSV."""
    import shapely

    rows = []
    path = shared / "boundaries" / "irq_admbnda_adm3_cso_20190603.geojson"
    for feat in json.loads(path.read_text(encoding="utf-8"))["features"]:
        props = feat["properties"]
        geom = shapely.geometry.shape(feat["geometry"])
        point = geom.centroid if geom.contains(geom.centroid) else geom.representative_point()
        aliases = [props.get(k) for k in ("ADM3ALT1EN", "ADM3ALT2EN", "ADM3ALT1AR", "ADM3ALT2AR")]
        rows.append({"country": "IQ", "pcode": props["ADM3_PCODE"],
                     "admin2_pcode": props["ADM2_PCODE"], "name": props["ADM3_EN"],
                     "name_ar": props["ADM3_AR"] or "",
                     "aliases": "|".join(a for a in aliases if a),
                     "lat": round(point.y, 5), "lon": round(point.x, 5), "population": ""})
    path = shared / "gazetteer" / "opensyria" / "syr_subdistricts.json"
    districts = {d["id"]: d["externalIds"].get("ochaPcode") for d in json.loads(
        (shared / "gazetteer" / "opensyria" / "syr_districts.json").read_text(encoding="utf-8"))}
    for unit in json.loads(path.read_text(encoding="utf-8")):
        aliases = [a["value"] for a in unit.get("aliases", []) if _LATIN.match(a["value"])
                   or _ARABIC.match(a["value"])]
        pop = (unit.get("population") or {}).get("value")
        rows.append({"country": "SY", "pcode": unit["externalIds"].get("ochaPcode") or "",
                     "admin2_pcode": districts.get(unit["districtId"]) or "",
                     "name": unit["name"]["en"], "name_ar": unit["name"].get("ar") or "",
                     "aliases": "|".join(aliases), "lat": unit["centroid"]["latitude"],
                     "lon": unit["centroid"]["longitude"], "population": pop or ""})
    with (OUT / "subdistricts.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=SUBDISTRICT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


#: Grid of the event-density prior (degrees) and the years it is drawn from: the
#: evaluation names (UCDP GED Syria 2016-2019) are a different file and period.
DENSITY_CELL = 0.1
DENSITY_YEARS = ("2013", "2014", "2015")


def write_event_density(shared: Path) -> None:
    """Count UCDP GED 2013-2015 events with a town-level point per 0.1-degree cell."""
    src = shared / "events" / "ucdp_ged_iraq_syria_2013-2018_yearonly_subset.csv"
    counts: dict[tuple[int, int], int] = {}
    with src.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            # where_prec 1: the event's own town; 2: within ~25 km of it.
            if row["year"] not in DENSITY_YEARS or row["where_prec"] not in ("1", "2"):
                continue
            cell = (math.floor(float(row["latitude"]) / DENSITY_CELL),
                    math.floor(float(row["longitude"]) / DENSITY_CELL))
            counts[cell] = counts.get(cell, 0) + 1
    with (OUT / "event_density.csv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("lat,lon,events\n")
        for (i, j), n in sorted(counts.items()):
            fh.write(f"{(i + 0.5) * DENSITY_CELL:.2f},{(j + 0.5) * DENSITY_CELL:.2f},{n}\n")


def write_ambiguous(shared: Path) -> None:
    """Write one-word gazetteer names that are common English words."""
    import spacy_lookups_data

    probs_path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    probs = json.loads(gzip.open(probs_path, "rt", encoding="utf-8").read())
    names = set()
    with gzip.open(OUT / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"):
            for name in [row["name"], row["name_eng"], *row["alt_names"].split("|")]:
                if name and " " not in name and name.isascii() and name.isalpha():
                    names.add(name.lower())
    common = set()
    for word in names:
        low = probs.get(word, -math.inf)
        cap = probs.get(word.capitalize(), -math.inf)
        # Common (top ~25k words) and written lower-case more often than capitalised.
        if low >= -13.5 and low > cap:
            common.add(word)
    common.update(_HAND_AMBIGUOUS)
    (OUT / "ambiguous_names.txt").write_text("\n".join(sorted(common)) + "\n", encoding="utf-8")
    # Every common English word (top ~11k, written lower-case more often than
    # capitalised): a capitalised "Work" or "Since" in text is no place name.
    words = sorted(w for w, p in probs.items() if w.isalpha() and w.islower() and p >= -13.0
                   and p > probs.get(w.capitalize(), -math.inf))
    (OUT / "common_words.txt").write_text("\n".join(words) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    """Rebuild every shipped file from the shared data folder given as argument."""
    shared = Path(argv[0] if argv else "../shared/data")
    OUT.mkdir(exist_ok=True)
    write_gazetteer(shared)
    write_boundaries(shared)
    write_context(shared)
    write_admin_names(shared)
    write_admin2_names(shared)
    write_subdistricts(shared)
    write_event_density(shared)
    write_ambiguous(shared)


if __name__ == "__main__":
    main(sys.argv[1:])
