"""Settings of the ``events`` package: each setting's name, default and help text.

A value comes from the explicit argument first (``--db``), then the
environment variable (``EVENTS_DB``), then the default: a SQLite file inside
the project folder (``var/events.sqlite``, git-ignored, created on first use).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The project folder (the one holding ``events/``, ``geodata/``, ``dashboard/``).
PROJECT_DIR = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable, its default and what it does."""

    name: str
    default: str
    help: str


def _default_db_path() -> Path:
    return PROJECT_DIR / "var" / "events.sqlite"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "EVENTS_DB",
        f"sqlite:///{_default_db_path()}",
        "SQLAlchemy URL of the event database; postgresql+psycopg://... selects PostgreSQL. "
        "Overridden by --db.",
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str, explicit: str | None = None) -> str:
    """Return a setting's value: ``explicit`` if given, else the environment, else the default.

    Parameters
    ----------
    name : str
        The setting's name, one of :data:`SETTINGS`.
    explicit : str or None
        A value given on the command line or as an argument; wins when not empty.

    Returns
    -------
    str
        The resolved value.

    Examples
    --------
    >>> setting("EVENTS_DB", "sqlite://")
    'sqlite://'
    """
    if name not in _BY_NAME:
        raise ValueError(f"unknown setting {name!r}: expected one of {', '.join(_BY_NAME)}")
    if explicit:
        return explicit
    return os.environ.get(name) or _BY_NAME[name].default


def db_url(explicit: str | None = None) -> str:
    """Return the event database URL (``--db`` > ``EVENTS_DB`` > project SQLite file).

    The folder of the default SQLite file is created here, so the database can
    be created on first use.

    Parameters
    ----------
    explicit : str or None
        The URL given with ``--db`` or to :class:`events.store.Store`.

    Returns
    -------
    str
        A SQLAlchemy URL.

    Examples
    --------
    >>> db_url("postgresql+psycopg://u@localhost/events")
    'postgresql+psycopg://u@localhost/events'
    """
    url = setting("EVENTS_DB", explicit)
    if url == _BY_NAME["EVENTS_DB"].default:
        _default_db_path().parent.mkdir(parents=True, exist_ok=True)
    return url
