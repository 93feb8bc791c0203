"""Command line: ``python -m dashboard [--db URL] [--host 127.0.0.1] [--port 8050]`` serves the app.

Other modules register subcommands on :data:`cli` (``brief`` from
``dashboard.brief:brief_command`` when that module is present).
"""

from __future__ import annotations

import ipaddress
import sys

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


class _DefaultServe(click.Group):
    """A group that runs ``serve`` when no subcommand is given."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0].startswith("-") and args[0] not in ("--help", "-h"):
            args = ["serve", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultServe)
def cli() -> None:
    """Serve the conflict-event dashboard (the default) or run its other commands.

    python -m dashboard [--db URL] [--host 127.0.0.1] [--port 8050] [--sample] serves;
    see `python -m dashboard serve --help`.
    """


@cli.command("serve")
@click.option("--db", "db", default=None, help="SQLAlchemy database URL (else EVENTS_DB).")
@click.option("--host", default=None, help="Address to bind [default: 127.0.0.1].")
@click.option("--port", default=None, type=int, help="Port [default: 8050].")
@click.option("--sample", is_flag=True, help="Load the bundled sample first if the DB is empty.")
@click.option("--debug", is_flag=True, help="Dash debug mode (reloader, error pop-ups).")
def serve(db: str | None, host: str | None, port: int | None, sample: bool, debug: bool) -> None:
    """Serve the dashboard.

    Example: python -m dashboard --db sqlite:///var/events.sqlite --port 8050
    """
    from dashboard.app import create_app
    from dashboard.data import open_store

    host = get_setting("host", host)
    port = int(get_setting("port", port))
    store = open_store(db)
    if sample:
        _load_sample(store)
    app = create_app(store)
    has_auth = bool(get_setting("user") and get_setting("password"))
    warning = exposure_warning(host, has_auth=has_auth)
    if warning:
        click.secho(warning, fg="yellow", err=True)
    click.echo(f"Dashboard: http://{'127.0.0.1' if host == '0.0.0.0' else host}:{port}/")
    app.run(host=host, port=port, debug=debug)


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
