"""New events while the page is open: the toolbar says so, a click redraws with them."""

from dashboard import freshness
from dashboard.app import create_app
from dashboard.state import ViewState
from tests.dashboard.test_app import MAP_OUT, call, dependencies


def test_fresh001_button_then_redraw_with_the_new_events(tmp_path, make_store_events,
                                                         monkeypatch):
    from events.store import Store

    monkeypatch.setattr("dashboard.data.load_base_layers", lambda: None)
    with Store(f"sqlite:///{tmp_path / 'e.sqlite'}") as store:
        store.add_events(make_store_events(0, 20), report_key="a", match_incidents=False)
        app = create_app(store, base_layers=None, reload_seconds=0)
        client = app.server.test_client()
        layout = client.get("/_dash-layout").get_json()
        shown = _find(layout, freshness.SHOWN)["props"]["data"]
        assert shown == {"version": "1", "size": 20}
        deps = dependencies(client)
        poll = next(k for k in deps if freshness.BUTTON in k and "allow" not in k
                    and k.startswith(".."))
        click = next(k for k in deps if k.startswith("..view-state.data") and
                     freshness.SHOWN in k)

        quiet = call(client, poll, {f"{freshness.SHOWN}.data": shown},
                     [f"{freshness.INTERVAL}.n_intervals"]).get_json()["response"]
        assert "d-none" in quiet[freshness.BUTTON]["className"]

        store.add_events(make_store_events(20, 32), report_key="b", match_incidents=False)
        news = call(client, poll, {f"{freshness.SHOWN}.data": shown},
                    [f"{freshness.INTERVAL}.n_intervals"]).get_json()["response"]
        assert news[freshness.BUTTON] == {"children": "↻ 12 new events",
                                          "className": "text-nowrap"}

        state = ViewState().to_dict()
        out = call(client, click, {"view-state.data": state},
                   [f"{freshness.BUTTON}.n_clicks"]).get_json()["response"]
        assert out[freshness.SHOWN]["data"] == {"version": "2", "size": 32}
        redraw = out["view-state"]["data"]
        assert redraw != state and ViewState.from_dict(redraw) == ViewState()
        drawn = call(client, MAP_OUT, {"view-state.data": redraw}, ["view-state.data"])
        assert drawn.get_json()["response"]["map-mode"]["children"] == \
            "points: 32 events in view"


def test_fresh002_nothing_for_a_fixed_frame(frame):
    app = create_app(frame, base_layers=None)
    layout = app.server.test_client().get("/_dash-layout").get_json()
    assert _find(layout, freshness.BUTTON) is None


def _find(node, component_id):
    """The component with this id in a serialised layout, or None."""
    if isinstance(node, dict):
        if node.get("props", {}).get("id") == component_id:
            return node
        children = node.get("props", {}).get("children")
        return _find(children, component_id) if children is not None else None
    if isinstance(node, list):
        for item in node:
            found = _find(item, component_id)
            if found is not None:
                return found
    return None
