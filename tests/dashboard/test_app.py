import base64
import json

import pandas as pd
import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.state import ViewState


@pytest.fixture
def app(frame):
    """The app over the eight invented events, without base layers or extensions."""
    return create_app(frame, base_layers=None, extensions=False)


@pytest.fixture
def client(app):
    """Flask test client of the app."""
    return app.server.test_client()


def dependencies(client):
    return {d["output"]: d for d in client.get("/_dash-dependencies").get_json()}


def call(client, output_key, values, changed):
    """POST one callback the way the browser does; ``values`` maps "id.prop" to its value."""
    dep = dependencies(client)[output_key]
    outputs = [dict(zip(("id", "property"), o.split("."), strict=True))
               for o in output_key.strip(".").split("...")]

    def fill(items):
        return [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

    body = {"output": output_key, "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": fill(dep["inputs"]), "state": fill(dep["state"]),
            "changedPropIds": changed}
    response = client.post("/_dash-update-component", json=body)
    return response


MAP_OUT = ("..map.figure...map-mode.children...map-mode.color...summary.children"
           "...scrub.value..")
TILES_OUT = "map.figure@"


def test_app001_page_and_layout_served_locally(client):
    page = client.get("/").get_data(as_text=True)
    assert "cdn" not in page.lower() and "https://" not in page
    assert "/assets/bootstrap.min.css" in page
    layout = client.get("/_dash-layout").get_data(as_text=True)
    for component_id in (ids.MAP, ids.TIMELINE, ids.DATE_RANGE, ids.PLAY):
        assert f'"id":"{component_id}"' in layout
    assert client.get("/assets/bootstrap.min.css").status_code == 200


def test_app002_scripts_are_local(client):
    page = client.get("/").get_data(as_text=True)
    scripts = [part.split('"')[0] for part in page.split('src="')[1:]]
    assert scripts and all(s.startswith("/") for s in scripts)


def test_app003_render_map_callback(client):
    state = {**ViewState(types=("seizure",)).to_dict(), "frame": {"run": 1, "n": 4}}
    response = call(client, MAP_OUT, {"view-state.data": state}, ["view-state.data"])
    assert response.status_code == 200
    out = response.get_json()["response"]
    assert "frame-ack" not in out  # acknowledged in the browser: the answer can be shared
    assert out["map-mode"]["children"] == "points: 5 events in view"
    text = json.dumps(out["summary"]["children"])
    assert '"5"' in text and "places changed hands" in text and "killed" in text
    assert isinstance(out["scrub"]["value"], int)  # the slider moves with the map


def test_app004_sync_callback_reads_url_and_pushes_state(client):
    key = next(k for k in dependencies(client) if k.startswith("..url.search"))
    response = call(client, key, {"url.search": "?type=clash&from=2014-06-01&to=2014-12-31"},
                    ["url.search"])
    out = response.get_json()["response"]
    assert out["filter-type"]["value"] == ["clash"]
    assert out["date-range"] == {"start_date": "2014-06-01", "end_date": "2014-12-31"}
    assert out["view-state"]["data"]["types"] == ["clash"]
    assert "url" not in out  # the URL already says so: no new history entry


def test_app005_sync_callback_pushes_url_on_filter_change(client):
    key = next(k for k in dependencies(client) if k.startswith("..url.search"))
    values = {"filter-type.value": ["seizure"], "date-range.start_date": "2014-06-10",
              "date-range.end_date": "2014-07-01", "url.search": "",
              "play-speed.value": "1000", "play-window.value": "week"}
    out = call(client, key, values, ["filter-type.value"]).get_json()["response"]
    assert out["url"]["search"] == "?to=2014-07-01&type=seizure"


def test_app006_click_fills_detail_as_text(client):
    key = next(k for k in dependencies(client) if k.startswith("..view-state.data"))
    pos = 1  # e02: the event whose evidence holds a script tag and a javascript: url
    out = call(client, key, {"map.clickData": {"points": [{"customdata": pos}]},
                             "url.search": ""}, ["map.clickData"]).get_json()["response"]
    state = out["view-state"]["data"]
    assert state["event"] == "e02"
    detail = call(client, "detail.children", {"view-state.data": state}, ["view-state.data"])
    text = detail.get_data(as_text=True)
    assert "<script>alert(1)</script>" in json.loads(text)["response"]["detail"]["children"][
        "props"]["children"][1]["props"]["children"]
    assert "javascript:" not in text.replace('"url":', "")  # no href with the bad scheme
    assert "dangerouslySetInnerHTML" not in text and "Markdown" not in text


def test_app007_basic_auth(frame):
    app = create_app(frame, base_layers=None, extensions=False, auth=("ana", "s3cret"))
    client = app.server.test_client()
    assert client.get("/").status_code == 401
    token = base64.b64encode(b"ana:s3cret").decode()
    assert client.get("/", headers={"Authorization": f"Basic {token}"}).status_code == 200
    wrong = base64.b64encode(b"ana:nope").decode()
    assert client.get("/", headers={"Authorization": f"Basic {wrong}"}).status_code == 401


def test_app008_auth_from_environment(frame, monkeypatch):
    monkeypatch.setenv("DASHBOARD_USER", "u")
    monkeypatch.setenv("DASHBOARD_PASSWORD", "p")
    client = create_app(frame, base_layers=None, extensions=False).server.test_client()
    assert client.get("/").status_code == 401


def test_app009_empty_database_has_friendly_page():
    client = create_app(pd.DataFrame(), base_layers=None, extensions=False).server.test_client()
    layout = client.get("/_dash-layout").get_data(as_text=True)
    assert "No events yet" in layout
    out = call(client, MAP_OUT, {"view-state.data": ViewState().to_dict()}, ["view-state.data"])
    assert out.status_code == 200


def test_app010_rejects_unknown_data():
    with pytest.raises(ValueError, match="invalid data=int"):
        create_app(42)


def test_app011_store_url(tmp_path):
    store_mod = pytest.importorskip("events.store")
    url = f"sqlite:///{tmp_path / 'e.sqlite'}"
    store_mod.Store(url)  # creates the schema
    client = create_app(url, base_layers=None, extensions=False).server.test_client()
    assert client.get("/_dash-layout").status_code == 200


@pytest.mark.parametrize(("triggered", "expected"), [
    ({}, (None, "")),
    ({"map.relayoutData": "map", "play.n_clicks": "play"}, ("play", "n_clicks")),
    ({"map.relayoutData": "map", "map.clickData": "map"}, ("map", "clickData")),
    ({"filter-type.value": "filter-type", "map.relayoutData": "map"}, ("filter-type", "value")),
    ({"url.search": "url", "frame-request.data": "frame-request"}, ("url", "search")),
])
def test_app012_batched_triggers_pick_the_deliberate_one(triggered, expected):
    from dashboard.callbacks import _main_trigger

    assert _main_trigger(triggered) == expected


@pytest.mark.parametrize("values", [
    {"map.relayoutData": {"autosize": True}},
    {"map.clickData": {"points": [{"lat": 1}]}},
])
def test_app013_map_events_that_change_nothing_answer_nothing(client, values):
    key = next(k for k in dependencies(client) if k.startswith("..view-state.data"))
    state = ViewState().to_dict()
    response = call(client, key, {**values, "view-state.data": state, "url.search": ""},
                    list(values))
    assert response.status_code == 204


def test_app014_map_move_updates_state_and_url(client):
    key = next(k for k in dependencies(client) if k.startswith("..view-state.data"))
    relayout = {"map.center": {"lat": 35.5, "lon": 42.25}, "map.zoom": 6}
    out = call(client, key, {"map.relayoutData": relayout, "view-state.data":
                             ViewState().to_dict(), "url.search": ""},
               ["map.relayoutData"]).get_json()["response"]
    assert out["url"]["search"] == "?lat=35.5&lon=42.25&zoom=6"
    assert out["view-state"]["data"]["zoom"] == 6


def test_app015_online_tiles_hide_the_land_fill(frame):
    fc = {"type": "FeatureCollection", "features": []}
    layers = {"countries": fc, "governorates": fc, "rivers": fc, "lakes": fc}
    client = create_app(frame, base_layers=layers, extensions=False).server.test_client()
    key = next(k for k in dependencies(client) if k.startswith(TILES_OUT))
    out = call(client, key, {"setting-tiles.value": True}, ["setting-tiles.value"]).get_json()
    ops = out["response"]["map"]["figure"]["operations"]
    by_location = {tuple(op["location"]): op["params"].get("value") for op in ops}
    style = by_location[("layout", "map", "style")]
    assert [layer["id"] for layer in style["layers"]][1] == "online-tiles"
    assert any(layer["id"].startswith("place-labels") for layer in style["layers"])  # ours kept
    assert by_location[("layout", "map", "layers", 0, "opacity")] == 0.0
