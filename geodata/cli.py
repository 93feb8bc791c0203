"""Command line: ``python -m geodata resolve NAME... [--country IQ|SY] [--format jsonl]``."""

from __future__ import annotations

import json
import sys

import click

#: Keys of one jsonl line, in order (DESIGN.md).
JSONL_KEYS = ("query", "name", "geonameid", "country", "admin1", "lat", "lon", "feature", "score")


def place_record(query: str, place) -> dict:
    """Return the jsonl record of one resolution (`place` may be None: all nulls)."""
    if place is None:
        return {k: (query if k == "query" else None) for k in JSONL_KEYS}
    return {"query": query, "name": place.name, "geonameid": place.geonameid,
            "country": place.country, "admin1": place.admin1, "lat": place.lat,
            "lon": place.lon, "feature": place.feature, "score": place.score}


@click.group()
def cli() -> None:
    """Gazetteer of Iraq and Syria: resolve place names, inspect the data."""


@cli.command()
@click.argument("names", nargs=-1)
@click.option("--file", "names_file", type=click.File("r", encoding="utf-8-sig"),
              help="Read names from this file, one a line ('-' for stdin).")
@click.option("--country", type=click.Choice(["IQ", "SY"]), default=None,
              help="Only places in this country.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="text",
              show_default=True, help="jsonl: one JSON object a line; text: a table.")
def resolve(names: tuple[str, ...], names_file, country: str | None, fmt: str) -> None:
    """Resolve each NAME (as a report spells it) to a gazetteer place.

    Unknown names print null lat/lon (jsonl) or "not found" (text); the exit
    status is 0 either way.
    """
    import geodata

    queries = list(names)
    if names_file is not None:
        queries += [line.rstrip("\n\r") for line in names_file if line.strip()]
    if not queries:
        raise click.UsageError("give at least one NAME or --file NAMES.txt")
    out = click.get_text_stream("stdout")
    resolver = geodata._resolver()
    for query in queries:
        # --country filters (resolve() itself only prefers the country).
        place = resolver.resolve(query, country=country, country_only=True)
        if fmt == "jsonl":
            out.write(json.dumps(place_record(query, place), ensure_ascii=False) + "\n")
        elif place is None:
            out.write(f"{query}\tnot found\n")
        else:
            out.write(f"{query}\t{place.name}\t{place.country}\t{place.admin1}\t"
                      f"{place.admin2 or ''}\t{place.lat:.5f}\t{place.lon:.5f}\t"
                      f"{place.feature}\tprecision={place.geo_precision}\t"
                      f"score={place.score:.2f}\n")


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
