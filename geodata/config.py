"""Settings of the geodata package: name, default and help text of each.

A value comes from the explicit argument first (e.g. ``Gazetteer(cache_dir=...)``),
then the environment variable, then the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable, default and help text."""

    env: str
    default: str
    help: str


SETTINGS = {
    "cache_dir": Setting(
        "GEODATA_CACHE",
        "<package>/data/cache",
        "Folder for the pickled gazetteer index and the base-layer JSON (rebuilt when "
        "the shipped data or the build code change).",
    ),
}


def cache_dir(data_dir: Path, explicit: Path | None = None) -> Path:
    """Return the cache folder: `explicit`, else $GEODATA_CACHE, else `data_dir`/cache."""
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get(SETTINGS["cache_dir"].env)
    return Path(env) if env else data_dir / "cache"
