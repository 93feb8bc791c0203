import pytest

from dashboard.config import SETTINGS, get_setting


def test_cfg001_precedence(monkeypatch):
    monkeypatch.setenv("DASHBOARD_PORT", "9000")
    assert get_setting("port", 7000) == 7000
    assert get_setting("port") == 9000
    monkeypatch.delenv("DASHBOARD_PORT")
    assert get_setting("port") == 8050


def test_cfg002_errors(monkeypatch):
    with pytest.raises(ValueError, match="unknown setting 'colour'"):
        get_setting("colour")
    monkeypatch.setenv("DASHBOARD_PORT", "eighty")
    with pytest.raises(ValueError, match="DASHBOARD_PORT='eighty'"):
        get_setting("port")


def test_cfg003_every_setting_has_help():
    assert all(s.help for s in SETTINGS)
