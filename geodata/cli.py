"""Command line: ``python -m geodata resolve NAME... [--country IQ|SY] [--format jsonl]``."""

from __future__ import annotations

import json
import sys

import click

#: Keys of one jsonl line, in order (DESIGN.md).
JSONL_KEYS = ("query", "name", "geonameid", "country", "admin1", "lat", "lon", "feature", "score")
#: Keys added after them: the district, how exact the point is, the name part that
#: matched, the joint score, the margin over the best far-away namesake, the
#: ambiguity verdict and the runners-up.
EXTRA_KEYS = ("admin2", "geo_precision", "core", "total", "margin", "ambiguous", "alternatives")
#: Header cells of a TSV names file (optional first line).
_TSV_HEADER = ("name", "admin1", "admin2")


def place_record(query: str, place) -> dict:
    """Return the jsonl record of one resolution (`place` may be None: all nulls)."""
    if place is None:
        record = {k: (query if k == "query" else None) for k in JSONL_KEYS + EXTRA_KEYS}
        record.update(ambiguous=False, alternatives=[])
        return record
    return {"query": query, "name": place.name, "geonameid": place.geonameid,
            "country": place.country, "admin1": place.admin1, "lat": place.lat,
            "lon": place.lon, "feature": place.feature, "score": place.score,
            "admin2": place.admin2, "geo_precision": place.geo_precision, "core": place.core,
            "total": place.total, "margin": place.margin, "ambiguous": place.ambiguous,
            "alternatives": [{"name": a.name, "country": a.country, "admin1": a.admin1,
                              "lat": a.lat, "lon": a.lon, "feature": a.feature,
                              "score": a.score, "km": a.km} for a in place.alternatives]}


def _parse_near(ctx, param, value: str | None) -> tuple[float, float] | None:
    """Parse ``--near LAT,LON`` into a (lat, lon) pair."""
    if value is None:
        return None
    parts = value.replace(" ", "").split(",")
    try:
        lat, lon = (float(p) for p in parts)
    except ValueError:
        raise click.BadParameter(f"{value!r}: give LAT,LON in degrees, e.g. 36.34,43.13",
                                 ctx=ctx, param=param) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise click.BadParameter(f"{value!r}: LAT must lie in -90..90 and LON in -180..180",
                                 ctx=ctx, param=param)
    return lat, lon


def _read_names(names_file) -> list[tuple[int, str, str | None, str | None]]:
    """Return (line number, name, admin1, admin2) per non-empty line of a names file.

    A line is a name, or tab-separated: name, then optional admin1 and admin2.
    """
    rows = []
    for number, line in enumerate(names_file, start=1):
        cells = [c.strip() for c in line.rstrip("\n\r").split("\t")]
        if not cells[0]:
            continue
        if number == 1 and tuple(c.lower() for c in cells) == _TSV_HEADER[: len(cells)] \
                and len(cells) > 1:
            continue  # a header line
        admin1 = cells[1] if len(cells) > 1 and cells[1] else None
        admin2 = cells[2] if len(cells) > 2 and cells[2] else None
        rows.append((number, cells[0], admin1, admin2))
    return rows


def _check_hint(resolver, label: str, value: str | None, level: int, country: str | None):
    if value is not None:
        try:
            resolver.units(value, level, country)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint=f"--{label}") from None


@click.group()
def cli() -> None:
    """Gazetteer of Iraq and Syria: resolve place names, inspect the data."""


@cli.command()
@click.argument("names", nargs=-1)
@click.option("--file", "names_file", type=click.File("r", encoding="utf-8-sig"),
              help="Read names from this file, one a line ('-' for stdin); a line may be "
                   "tab-separated: name, admin1, admin2.")
@click.option("--country", type=click.Choice(["IQ", "SY"]), default=None,
              help="Only places in this country.")
@click.option("--admin1", default=None,
              help="Prefer places in this governorate ('Ninewa', 'Deir ez Zor Governorate').")
@click.option("--admin2", default=None,
              help="Prefer places in this district ('Al Mayadin district', 'Telafar').")
@click.option("--near", default=None, callback=_parse_near, metavar="LAT,LON",
              help="Prefer places near this point.")
@click.option("--explain", is_flag=True,
              help="Also print the parts of the score of the top candidates.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="text",
              show_default=True, help="jsonl: one JSON object a line; text: a table.")
def resolve(names: tuple[str, ...], names_file, country: str | None, admin1: str | None,
            admin2: str | None, near: tuple[float, float] | None, explain: bool,
            fmt: str) -> None:
    """Resolve each NAME (as a report spells it) to a gazetteer place.

    Every candidate is scored jointly (spelling, prominence, fit to the hints);
    jsonl lines also give the runners-up, the margin over the best namesake far
    away and "ambiguous" when that margin is thin. Unknown names print null
    lat/lon (jsonl) or "not found" (text); the exit status is 0 either way. A
    line of --file whose admin1 or admin2 names no unit prints an "error" record
    (null lat/lon) and the exit status is 1.

    Example: python -m geodata resolve Khalidiya --admin1 "Homs Governorate" --explain
    """
    import geodata

    queries = [(None, n, admin1, admin2) for n in names]
    if names_file is not None:
        queries += [(number, name, a1 or admin1, a2 or admin2)
                    for number, name, a1, a2 in _read_names(names_file)]
    if not queries:
        raise click.UsageError("give at least one NAME or --file NAMES.txt")
    out = click.get_text_stream("stdout")
    resolver = geodata._resolver()
    _check_hint(resolver, "admin1", admin1, 1, country)
    _check_hint(resolver, "admin2", admin2, 2, country)
    failed = False
    for number, query, a1, a2 in queries:
        query = query.strip()
        hints = {"country": country, "country_only": True, "admin1": a1, "admin2": a2,
                 "near": near}
        try:
            # --country filters (resolve() itself only prefers the country).
            place = resolver.resolve(query, **hints)
        except ValueError as exc:
            failed = True
            where = f"line {number}: " if number else ""
            click.echo(f"{where}{exc}", err=True)
            record = {**place_record(query, None), "error": str(exc)}
            out.write((json.dumps(record, ensure_ascii=False) if fmt == "jsonl"
                       else f"{query}\terror: {exc}") + "\n")
            continue
        cands = resolver.explain(query, **hints) if explain else []
        if fmt == "jsonl":
            record = place_record(query, place)
            if explain:
                record["explain"] = [_candidate_record(c) for c in cands]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        out.write(_text_line(query, place) + "\n")
        for i, c in enumerate(cands, start=1):
            parts = " ".join(f"{k}={v:+.1f}" for k, v in c.parts.items() if v)
            out.write(f"  {i}. {c.total:6.1f}  {c.name} ({c.admin1}, {c.country}, {c.feature})"
                      f"  [{c.kind} of {c.core!r}]  {parts}\n")
    if failed:
        sys.exit(1)


def _text_line(query: str, place) -> str:
    if place is None:
        return f"{query}\tnot found"
    flag = "\tAMBIGUOUS" if place.ambiguous else ""
    return (f"{query}\t{place.name}\t{place.country}\t{place.admin1}\t{place.admin2 or ''}\t"
            f"{place.lat:.5f}\t{place.lon:.5f}\t{place.feature}\tprecision={place.geo_precision}"
            f"\tscore={place.score:.2f}{flag}")


def _candidate_record(c) -> dict:
    return {"name": c.name, "country": c.country, "admin1": c.admin1, "admin2": c.admin2,
            "lat": c.lat, "lon": c.lon, "feature": c.feature, "core": c.core, "kind": c.kind,
            "quality": c.quality, "total": c.total, "parts": c.parts}


@cli.command()
@click.argument("lon", type=float)
@click.argument("lat", type=float)
def admin(lon: float, lat: float) -> None:
    """Print country, governorate and district of the point LON LAT."""
    import geodata

    country, admin1, admin2 = geodata.admin_for_point(lon, lat)
    click.echo(f"{country}\t{admin1}\t{admin2}" if country else "outside Iraq and Syria")


def main() -> None:
    """Run the CLI (entry point of ``python -m geodata``)."""
    cli(prog_name="python -m geodata")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
