import sys
import types

import pytest

from dashboard.extensions import (
    extra_map_traces,
    layout_items,
    load_extensions,
    register_extensions,
)


@pytest.fixture
def fake_extension(monkeypatch):
    """A throwaway extension module with every hook."""
    module = types.ModuleType("dashboard_fake_ext")
    module.registered = []
    module.layout_items = lambda slot, source: [f"{slot}-item"] if slot == "toolbar" else []
    module.register_callbacks = lambda app, source: module.registered.append((app, source))
    module.map_traces = lambda index, state: ["trace"] if state == "areas-on" else []
    monkeypatch.setitem(sys.modules, "dashboard_fake_ext", module)
    return module


def test_ext001_hooks(fake_extension):
    modules = load_extensions(("dashboard_fake_ext", "dashboard.not_there"))
    assert modules == [fake_extension]
    assert layout_items(modules, "toolbar", None) == ["toolbar-item"]
    assert layout_items(modules, "panel", None) == []
    register_extensions("app", "source", modules)
    assert fake_extension.registered == [("app", "source")]
    assert extra_map_traces(modules, None, "areas-on") == ["trace"]


def test_ext002_bad_slot():
    with pytest.raises(ValueError, match="invalid slot='footer'"):
        layout_items([], "footer", None)


def test_ext003_app_with_real_extensions_builds(frame):
    from dashboard.app import create_app

    app = create_app(frame, base_layers=None)
    assert app.server.test_client().get("/_dash-layout").status_code == 200
