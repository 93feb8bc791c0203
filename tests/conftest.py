"""Fixtures shared by every test package."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The workplace's ../shared folder (real data and the dev corpus); skip when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not present: the shared data sets are needed for this test")
    return SHARED


@pytest.fixture(scope="session")
def pg_url() -> str:
    """URL of a throwaway PostgreSQL server (set by .ci/run); skip when not set."""
    url = os.environ.get("EVENTS_TEST_PG_URL")
    if not url:
        pytest.skip("EVENTS_TEST_PG_URL is not set: run .ci/run, which starts PostgreSQL")
    return url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of Debian's Chromium; skip with the install command when it is missing."""
    debian = Path("/usr/bin/chromium")
    path = shutil.which("chromium") or (str(debian) if debian.exists() else None)
    if not path:
        pytest.skip("Chromium is not installed: apt-get install -y chromium chromium-driver")
    return path
