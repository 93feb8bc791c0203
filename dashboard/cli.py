"""Command line: ``python -m dashboard [--db URL] [--host 127.0.0.1] [--port 8050]`` serves the app.

``run`` (the default) starts Flask's development server for one analyst;
``serve`` starts gunicorn for a team (see :mod:`dashboard.serving`).

Other modules register subcommands on :data:`cli` (``brief`` from
``dashboard.brief:brief_command`` when that module is present).
"""

from __future__ import annotations

import ipaddress
import shutil
import sys
import tempfile
from typing import Any

import click

from dashboard.config import get_setting

LOOPBACK_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    """Return True when ``host`` only accepts connections from this machine.

    Examples
    --------
    >>> is_loopback("127.0.0.1"), is_loopback("0.0.0.0")
    (True, False)
    """
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, *, has_auth: bool) -> str | None:
    """Return the warning to print when serving beyond this machine without authentication."""
    if is_loopback(host) or has_auth:
        return None
    return (f"WARNING: serving on {host}, reachable from other machines, without authentication. "
            "Set DASHBOARD_USER and DASHBOARD_PASSWORD to require a password.")


class _DefaultRun(click.Group):
    """A group that runs ``run`` (the local start) when no subcommand is given."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0].startswith("-") and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultRun)
def cli() -> None:
    """Serve the conflict-event dashboard or run its other commands.

    python -m dashboard [--db URL] [--host 127.0.0.1] [--port 8050] [--sample] starts it on
    this machine (`run`, the default); python -m dashboard serve --workers 4 serves a team
    (gunicorn). See `python -m dashboard run --help` and `serve --help`.
    """


def _server_options(command: Any) -> Any:
    """Add the options ``run`` and ``serve`` share: database, address, sample."""
    for option in reversed([
        click.option("--db", "db", default=None, help="SQLAlchemy database URL (else EVENTS_DB)."),
        click.option("--host", default=None, help="Address to bind [default: 127.0.0.1]."),
        click.option("--port", default=None, type=int, help="Port [default: 8050]."),
        click.option("--sample", is_flag=True,
                     help="Load the bundled sample first if the DB is empty."),
    ]):
        command = option(command)
    return command


def _prepare(db: str | None, host: str | None, port: int | None,
             sample: bool) -> tuple[Any, str, int]:
    """Open the store (loading the sample if asked), warn if exposed; return (store, host, port)."""
    from dashboard.data import open_store

    host = get_setting("host", host)
    port = int(get_setting("port", port))
    store = open_store(db)
    if sample:
        _load_sample(store)
    has_auth = bool(get_setting("user") and get_setting("password"))
    warning = exposure_warning(host, has_auth=has_auth)
    if warning:
        click.secho(warning, fg="yellow", err=True)
    return store, host, port


def _url(host: str, port: int) -> str:
    return f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/"


@cli.command("run")
@_server_options
@click.option("--debug", is_flag=True, help="Dash debug mode (reloader, error pop-ups).")
def run(db: str | None, host: str | None, port: int | None, sample: bool, debug: bool) -> None:
    """Start the dashboard on this machine (Flask's development server; the default).

    Example: python -m dashboard --db sqlite:///var/events.sqlite --port 8050
    """
    from dashboard.app import create_app

    store, host, port = _prepare(db, host, port, sample)
    app = create_app(store)
    click.echo(f"Dashboard: {_url(host, port)}")
    app.run(host=host, port=port, debug=debug)


@cli.command("serve")
@_server_options
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: 2, or DASHBOARD_WORKERS].")
@click.option("--threads", type=click.IntRange(min=1), default=None,
              help="Threads per worker [default: 4, or DASHBOARD_THREADS].")
@click.option("--timeout", type=click.IntRange(min=1), default=None,
              help="Seconds before a stuck worker is restarted [default: 120].")
def serve(db: str | None, host: str | None, port: int | None, sample: bool,
          workers: int | None, threads: int | None, timeout: int | None) -> None:
    """Serve a team: gunicorn with the events loaded once and shared by the workers.

    The app is built in gunicorn's master process before the workers fork, so
    they share the loaded events copy-on-write. Put it behind a reverse proxy
    for TLS; set DASHBOARD_USER and DASHBOARD_PASSWORD for a password.

    Example: python -m dashboard serve --workers 4 --host 0.0.0.0
    --db postgresql+psycopg://events@dbhost/events
    """
    from dashboard.app import create_app
    from dashboard.serving import DashboardServer, gunicorn_options

    store, host, port = _prepare(db, host, port, sample)
    options = gunicorn_options(host=host, port=port,
                               workers=int(get_setting("workers", workers)),
                               threads=int(get_setting("threads", threads)),
                               timeout=int(get_setting("timeout", timeout)))
    click.echo(f"Dashboard: {_url(host, port)} (gunicorn, {options['workers']} workers x "
               f"{options['threads']} threads)")
    shared = tempfile.mkdtemp(prefix="dashboard-cache-")

    def build() -> Any:
        server = create_app(store).server
        server.config["DASHBOARD_CACHE"].share(shared)  # a view is computed once, not per worker
        # The workers open their own connections: none may be shared across the fork.
        store.engine.dispose()
        return server

    DashboardServer(build, options, after_fork=lambda: store.engine.dispose(close=False),
                    on_exit=lambda: shutil.rmtree(shared, ignore_errors=True)).run()


def _load_sample(store) -> None:
    """Load the bundled sample unless it is already in the database (idempotent anyway)."""
    try:
        from events.sample import load_sample, sample_is_loaded
    except ImportError:
        click.echo("No bundled sample available (events.sample is missing).", err=True)
        return
    if not sample_is_loaded(store):
        click.echo("Loading the bundled sample events...")
        load_sample(store)


def _register_subcommands() -> None:
    try:
        from dashboard.brief import brief_command
    except ModuleNotFoundError as exc:
        if exc.name != "dashboard.brief":
            raise
    else:
        cli.add_command(brief_command, "brief")
    from dashboard.screenshot import screenshot_command

    cli.add_command(screenshot_command, "screenshot")


_register_subcommands()


def main() -> None:
    """Entry point for ``python -m dashboard``."""
    cli(prog_name="python -m dashboard")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
