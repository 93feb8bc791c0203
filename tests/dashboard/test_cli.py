import pytest
from click.testing import CliRunner

from dashboard import cli as cli_module
from dashboard.cli import cli, exposure_warning, is_loopback


@pytest.mark.parametrize(("host", "expected"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_cli001_is_loopback(host, expected):
    assert is_loopback(host) is expected


def test_cli002_warning_only_when_exposed_without_auth():
    assert exposure_warning("127.0.0.1", has_auth=False) is None
    assert exposure_warning("0.0.0.0", has_auth=True) is None
    assert "without authentication" in exposure_warning("0.0.0.0", has_auth=False)


@pytest.fixture
def served(monkeypatch, tmp_path):
    """Run the serve command with Dash's server replaced by a recorder."""
    pytest.importorskip("events.store")
    calls = {}

    def fake_run(self, **kwargs):
        calls.update(kwargs)

    monkeypatch.setattr("dash.Dash.run", fake_run)
    monkeypatch.setattr("dashboard.data.load_base_layers", lambda: None)
    monkeypatch.delenv("DASHBOARD_USER", raising=False)
    monkeypatch.delenv("DASHBOARD_PASSWORD", raising=False)
    return calls, f"sqlite:///{tmp_path / 'e.sqlite'}"


def test_cli003_serves_on_loopback_by_default(served):
    calls, url = served
    result = CliRunner().invoke(cli, ["--db", url])
    assert result.exit_code == 0, result.output
    assert calls["host"] == "127.0.0.1" and calls["port"] == 8050
    assert "http://127.0.0.1:8050/" in result.output
    assert "WARNING" not in result.output


def test_cli004_warns_on_other_address(served):
    calls, url = served
    result = CliRunner().invoke(cli, ["--db", url, "--host", "0.0.0.0", "--port", "9001"])
    assert result.exit_code == 0, result.output
    assert "WARNING" in result.output and calls["port"] == 9001


def test_cli005_help():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert "--db" in result.output and "--host" in result.output
    assert cli_module.main.__doc__


def test_screenshot_command_is_registered_and_checks_its_options():
    from click.testing import CliRunner

    from dashboard.cli import cli
    from dashboard.screenshot import month_query, parse_sizes

    assert "screenshot" in cli.commands
    result = CliRunner().invoke(cli, ["screenshot", "--out", "x", "--sizes", "big"])
    assert result.exit_code != 0 and "invalid size 'big'" in result.output
    assert parse_sizes("1600x1000, 1280x720") == [(1600, 1000), (1280, 720)]
    assert month_query("2014-06") == "?from=2014-06-01&to=2014-06-30"
