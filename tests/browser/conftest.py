"""Fixtures for browser tests: a served dashboard on a temp SQLite DB, and Chromium pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
XSS_EVIDENCE = "Gunmen stormed the checkpoint <script>alert(1)</script> before dawn."
XSS_ID = "ev_browser_xss"
LONELY_ID = "ev_browser_lonely"
LONELY = (33.0, 47.0)  # far from every other test event, so a click at the map centre hits it
NO_URL_ID = "ev_browser_nourl"  # a report without an address (sources slide: no "nan")
N_EVENTS = 43

# Towns (public coordinates) for invented test events.
_TOWNS = [("Mosul", "Ninewa", "IQ", 36.335, 43.119), ("Tikrit", "Salah al-Din", "IQ", 34.607,
          43.678), ("Ramadi", "Anbar", "IQ", 33.425, 43.299), ("Raqqa", "Ar-Raqqa", "SY", 35.95,
          39.009), ("Palmyra", "Homs", "SY", 34.56, 38.267), ("Kobani", "Aleppo", "SY", 36.891,
          38.353)]
_TYPES = ["seizure", "clash", "airstrike", "displacement", "shelling", "troop_position"]
_ACTORS = ["ISIS", "Iraqi Security Forces", "Peshmerga", "YPG", "Syrian Army", "PMF"]


def browser_events():
    """About forty invented events over 2014-2015, plus the three special ones."""
    from events.model import Event

    events = []
    start = date(2014, 1, 6)
    for i in range(40):
        place, admin1, country, lat, lon = _TOWNS[i % len(_TOWNS)]
        kind = _TYPES[i % len(_TYPES)]
        events.append(Event(
            id=f"ev_browser_{i:02d}", incident_id=f"ev_browser_{i:02d}", report=f"r{i}.txt",
            source=["Wire A", "Wire B", "Agency C"][i % 3], url=f"https://example.org/{i}",
            report_date=(start + timedelta(days=18 * i)).isoformat(), event_type=kind,
            actor1=_ACTORS[i % len(_ACTORS)], actor2=_ACTORS[(i + 1) % len(_ACTORS)],
            location=place, place=place, geonameid=None, country=country, admin1=admin1,
            admin2=None, lat=lat + 0.01 * (i % 5), lon=lon + 0.01 * (i % 3), geo_precision=1,
            date=(start + timedelta(days=18 * i)).isoformat(), date_precision="day",
            magnitude=1000.0 * i if kind == "displacement" else None,
            magnitude_unit="people_displaced" if kind == "displacement" else None,
            certainty="reported", evidence=f"Test sentence number {i} about {place}.",
            evidence_start=0, evidence_end=30))
    events.append(Event(
        id=XSS_ID, incident_id=XSS_ID, report="xss.txt", source="<b>Bad Source</b>",
        url="javascript:alert(1)", report_date="2014-08-01", event_type="attack_on_civilians",
        actor1="Unidentified armed group", actor2="Civilians", location="Ramadi", place="Ramadi",
        geonameid=None, country="IQ", admin1="Anbar", admin2=None, lat=33.43, lon=43.31,
        geo_precision=2, date="2014-08-01", date_precision="day", magnitude=None,
        magnitude_unit=None, certainty="claimed", evidence=XSS_EVIDENCE, evidence_start=0,
        evidence_end=len(XSS_EVIDENCE)))
    events.append(Event(
        id=LONELY_ID, incident_id=LONELY_ID, report="lonely.txt", source="Agency C",
        url="https://example.org/lonely", report_date="2014-09-09", event_type="bombing",
        actor1="ISIS", actor2="Civilians", location="Ali al-Gharbi", place="Ali al-Gharbi",
        geonameid=None, country="IQ", admin1="Maysan", admin2=None, lat=LONELY[0],
        lon=LONELY[1], geo_precision=1, date="2014-09-09", date_precision="day", magnitude=7.0,
        magnitude_unit="killed", certainty="reported",
        evidence="A car bomb went off near the market of this lonely test town.",
        evidence_start=0, evidence_end=60))
    events.append(Event(
        id=NO_URL_ID, incident_id=NO_URL_ID, report="nourl.txt", source="Agency D", url=None,
        report_date="2014-06-20", event_type="clash", actor1="Peshmerga", actor2="ISIS",
        location="Kirkuk", place="Kirkuk", geonameid=None, country="IQ", admin1="Kirkuk",
        admin2=None, lat=35.468, lon=44.392, geo_precision=1, date="2014-06-20",
        date_precision="day", magnitude=3.0, magnitude_unit="killed", certainty="reported",
        evidence="Fighting south of this test city left three dead, a local official said.",
        evidence_start=0, evidence_end=70))
    return events


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory, chromium_path) -> str:
    """Serve ``python -m dashboard`` on a free loopback port over a temp SQLite DB."""
    store_module = pytest.importorskip("events.store")
    db = tmp_path_factory.mktemp("browser") / "events.sqlite"
    url = f"sqlite:///{db}"
    store = store_module.Store(url)
    store.add_events(browser_events(), report_key="browser-tests")
    yield from serve_dashboard(url, db.parent)


@pytest.fixture(scope="session")
def browser(chromium_path):
    """One headless Debian Chromium for the session."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """A page plus what it logged: console errors, page errors, dialogs, foreign requests."""

    def __init__(self, page, base: str) -> None:
        self.page, self.base = page, base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request) -> None:
        if not request.url.startswith((self.base, "data:", "blob:")):
            self.foreign.append(request.url)

    def open(self, query: str = "") -> None:
        """Load the dashboard with ``query`` and wait until the map has its first data."""
        self.page.goto(self.base + "/" + query)
        self.wait_idle()

    def wait_idle(self, timeout: float = 20_000) -> None:
        """Wait until no Dash callback is pending and the map figure has been drawn."""
        # The summary is empty in the served layout and filled by the map callback, so a
        # non-empty one means the first round of callbacks has answered.
        self.page.wait_for_timeout(300)
        self.page.wait_for_function(
            "() => { const g = document.querySelector('#map .js-plotly-plot');"
            " return g && g._fullData && document.querySelector('#summary').innerText.trim()"
            " && !document.querySelector('[data-dash-is-loading=\"true\"]'); }",
            timeout=timeout)
        self.page.wait_for_timeout(400)

    def menu_download(self, menu: str, item: str, timeout: float = 120_000):
        """Open the toolbar menu ``menu``, click its ``item`` and return the download."""
        self.page.locator(f"#{menu}").click()
        with self.page.expect_download(timeout=timeout) as info:
            self.page.locator(f"#{item}").click()
        return info.value

    def marker_ids(self) -> list[int]:
        """Positions (customdata) of the event markers on the map, from plotly's full data."""
        return self.page.evaluate(
            "() => document.querySelector('#map .js-plotly-plot')._fullData"
            ".filter(t => t.meta && t.meta.kind === 'events')"
            ".flatMap(t => Array.from(t.customdata || []))")


def serve_dashboard(db_url: str, folder: Path):
    """Start ``python -m dashboard`` on ``db_url`` (a free loopback port); yield its base URL."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_RELOAD_SECONDS": "3600"}
    env.pop("DASHBOARD_USER", None)
    log = open(folder / "server.log", "w")  # noqa: SIM115 - closed after the server stops
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "--db", db_url, "--port",
                             str(port)], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/_dash-layout", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.3)
    else:
        proc.kill()
    if proc.poll() is not None:
        log.close()
        pytest.fail("dashboard did not start:\n" + (folder / "server.log").read_text())
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def sample_url(tmp_path_factory, chromium_path) -> str:
    """Serve the dashboard over a temp SQLite DB holding the bundled sample (as `make run`)."""
    store_module = pytest.importorskip("events.store")
    sample = pytest.importorskip("events.sample")
    folder = tmp_path_factory.mktemp("sample")
    url = f"sqlite:///{folder / 'events.sqlite'}"
    with store_module.Store(url) as store:
        sample.load_sample(store)
    yield from serve_dashboard(url, folder)


@pytest.fixture
def watch(browser, dashboard_url):
    """A fresh 1366x768 page on the served dashboard, watched for errors."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield PageWatch(page, dashboard_url)
    context.close()


@pytest.fixture
def sample_watch(browser, sample_url):
    """A fresh 1600x1000 page on the dashboard of the bundled sample, watched for errors."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000},
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield PageWatch(page, sample_url)
    context.close()
