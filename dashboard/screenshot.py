"""Screenshots of the dashboard for the README and reviews: ``python -m dashboard screenshot``.

The app is served from this process on a free loopback port and photographed
in Debian's Chromium (through Playwright, which the test requirements
install) at each requested size, in three views: the opening view, the
busiest month of the data, and that month with an event clicked in the
event table (its evidence in the detail panel, the point marked on the map).
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

import click
import numpy as np

#: Window sizes photographed by default (width, height).
SIZES: tuple[tuple[int, int], ...] = ((1600, 1000), (1280, 720))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--hide-scrollbars"]
#: Script that is true once the page has answered its callbacks and MapLibre has drawn.
_SETTLED = (
    "() => { const g = document.querySelector('#map .js-plotly-plot');"
    " const m = g && g._fullLayout && g._fullLayout.map && g._fullLayout.map._subplot;"
    " return m && m.map.loaded() && document.querySelector('#summary').innerText.trim()"
    " && !document.querySelector('[data-dash-is-loading=\"true\"]'); }"
)


def parse_sizes(text: str) -> list[tuple[int, int]]:
    """Return the sizes of a ``WxH,WxH`` list.

    Raises
    ------
    ValueError
        When an item is not two positive whole numbers joined by ``x``.

    Examples
    --------
    >>> parse_sizes("1600x1000,1280x720")
    [(1600, 1000), (1280, 720)]
    """
    sizes = []
    for item in text.split(","):
        width, sep, height = item.strip().lower().partition("x")
        if not sep or not width.isdigit() or not height.isdigit() or not int(width) * int(height):
            raise ValueError(
                f"invalid size {item.strip()!r}: expected WIDTHxHEIGHT, e.g. 1600x1000")
        sizes.append((int(width), int(height)))
    return sizes


def busiest_month(days: np.ndarray) -> str | None:
    """Return the ``YYYY-MM`` with the most events, given their day numbers (None if none).

    Examples
    --------
    >>> busiest_month(np.array([0, 1, 40], dtype="datetime64[D]").astype(np.int64))
    '1970-01'
    """
    if days.size == 0:
        return None
    months = days.astype("datetime64[D]").astype("datetime64[M]")
    values, counts = np.unique(months, return_counts=True)
    return str(values[int(np.argmax(counts))])


def month_query(month: str) -> str:
    """Return the dashboard query string of a calendar month ``YYYY-MM``.

    Examples
    --------
    >>> month_query("2014-02")
    '?from=2014-02-01&to=2014-02-28'
    """
    from datetime import date

    from dashboard.transitions import calendar_window

    try:
        start, end = calendar_window(date.fromisoformat(f"{month}-01"), "month")
    except ValueError as exc:
        raise ValueError(f"invalid month {month!r}: expected YYYY-MM") from exc
    return f"?from={start}&to={end}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(app: Any) -> tuple[str, Any]:
    """Serve ``app`` from a thread on a free loopback port; return its URL and the server."""
    import logging

    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request
    port = _free_port()
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True, name="screenshot-server").start()
    return f"http://127.0.0.1:{port}", server


def take_screenshots(app: Any, out: Path, *, sizes: list[tuple[int, int]], month: str,
                     chromium: str = CHROMIUM) -> list[Path]:
    """Photograph the opening view, ``month`` and a clicked event at each size; return the files.

    Raises
    ------
    click.ClickException
        When Playwright or Chromium is missing (the message says how to install them).
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise click.ClickException(
            "the screenshot command drives Chromium through Playwright: "
            "pip install -r requirements-test.txt") from exc
    if not Path(chromium).exists():
        raise click.ClickException(f"{chromium} not found: apt-get install -y chromium")
    out.mkdir(parents=True, exist_ok=True)
    base, server = _serve(app)
    written: list[Path] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for width, height in sizes:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.set_default_timeout(60_000)
                for name, query, click_row in (("opening", "", False),
                                               ("month", month_query(month), False),
                                               ("event", month_query(month), True)):
                    page.goto(f"{base}/{query}")
                    _settle(page)
                    if click_row:
                        page.locator("#event-table .ag-row[row-index='0'] [col-id=place]").click()
                        page.wait_for_function("() => location.search.includes('event=')")
                        page.locator("#detail blockquote").wait_for()
                        page.locator(".centre").evaluate("e => e.scrollTo(0, 0)")
                        _settle(page)
                    path = out / f"{name}_{width}x{height}.png"
                    page.screenshot(path=str(path))
                    written.append(path)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def _settle(page: Any) -> None:
    page.wait_for_timeout(500)
    page.wait_for_function(_SETTLED)
    page.wait_for_timeout(1500)  # the last map tiles and fonts


@click.command("screenshot")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the PNG files to (created if missing).")
@click.option("--db", "db", default=None, help="SQLAlchemy database URL (else EVENTS_DB).")
@click.option("--sizes", default="1600x1000,1280x720", show_default=True,
              help="Window sizes, WIDTHxHEIGHT separated by commas.")
@click.option("--month", default=None, help="Month to filter on, YYYY-MM [default: the busiest].")
def screenshot_command(out: Path, db: str | None, sizes: str, month: str | None) -> None:
    """Save screenshots of the opening view, a filtered month and a clicked event.

    Example: python -m dashboard screenshot --out docs/screenshots --db sqlite:///var/events.sqlite
    """
    from dashboard.app import create_app
    from dashboard.data import open_store

    try:
        chosen = parse_sizes(sizes)
        if month is not None:
            month_query(month)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    app = create_app(open_store(db), reload_seconds=3600)
    index = app.server.config["DASHBOARD_SOURCE"].index()
    month = month or busiest_month(index.days)
    if month is None:
        raise click.ClickException("the database holds no events: load some first "
                                   "(python -m events sample)")
    for path in take_screenshots(app, out, sizes=chosen, month=month):
        click.echo(f"wrote {path}")
