import base64
import gzip
import json

import pytest

from dashboard import caching
from dashboard.app import create_app
from dashboard.caching import ResponseCache, cacheable_callbacks, view_key
from dashboard.state import ViewState
from tests.dashboard.test_app import MAP_OUT, call, dependencies

GZIP = {"Accept-Encoding": "gzip"}


@pytest.fixture
def app(frame):
    """The app over the small frame, without extensions."""
    return create_app(frame, base_layers=None, extensions=False)


def test_cache001_lru_is_bounded_by_bytes():
    cache = ResponseCache(max_bytes=25)
    cache.put("a", b"x" * 10)
    cache.put("b", b"y" * 10)
    assert cache.get("a") == b"x" * 10  # a is now the most recent
    cache.put("c", b"z" * 10)
    assert cache.get("b") is None and len(cache) == 2
    cache.put("huge", b"h" * 26)
    assert cache.get("huge") is None
    assert cache.size <= 25
    assert (cache.hits, cache.misses) == (1, 2)
    with pytest.raises(ValueError, match="max_bytes"):
        ResponseCache(-1)


def test_cache002_workers_share_entries_through_a_folder(tmp_path):
    one, other = ResponseCache(max_bytes=100), ResponseCache(max_bytes=100)
    for cache in (one, other):
        cache.share(tmp_path)
    one.put("7:abc", b"answer")
    assert other.get("7:abc") == b"answer"  # computed by one worker, read by the other
    assert len(other) == 1  # and now kept in its own memory too
    one.put("8:def", b"newer")
    other.clear(keep="8:")  # a new data version: the older files go
    assert sorted(p.name for p in tmp_path.iterdir()) == ["8-def"]
    assert other.get("7:abc") is None and other.get("8:def") == b"newer"


def test_cache002b_shared_folder_stays_within_its_bound(tmp_path):
    cache = ResponseCache(max_bytes=1000)
    cache.share(tmp_path)
    for i in range(3 * ResponseCache._TRIM_EVERY):
        cache.put(f"1:{i:04d}", b"x" * 100)
    assert sum(p.stat().st_size for p in tmp_path.iterdir()) <= 1000 + 100 * \
        ResponseCache._TRIM_EVERY


def _view(state, *, output="timeline.figure"):
    return {"output": output, "inputs": [{"id": "view-state", "property": "data",
                                          "value": state}], "state": []}


@pytest.mark.parametrize(("a", "b", "same"), [
    ({"types": ["clash"]}, {"types": ["clash"], "frame": {"run": 3, "n": 9}}, True),
    ({"types": ["clash"]}, {"types": ["clash"], "speed": "fast", "bogus": 1}, True),
    ({"start": "2015-03-01"}, {"start": "2015-03-01T00:00:00"}, True),
    ({"types": ["clash"]}, {"types": ["seizure"]}, False),
    ({}, {"extra": {"bounds": [30, 40, 35, 45]}}, False),
])
def test_cache003_keys_follow_the_normalised_view_state(a, b, same):
    assert (view_key(_view(a)) == view_key(_view(b))) is same


def test_cache004_map_key_minds_navigation_and_odd_requests_are_not_cached():
    keys = cacheable_callbacks([MAP_OUT])
    moved = {"lat": 36.3, "lon": 43.1, "zoom": 8}
    assert keys[MAP_OUT](_view({**moved, "nav": True}, output=MAP_OUT)) != \
        keys[MAP_OUT](_view(moved, output=MAP_OUT))
    assert view_key({"output": "timeline.figure", "inputs": []}) is None
    assert view_key(_view("not a dict")) is None
    assert view_key({**_view({}), "state": [{"id": "x", "property": "y", "value": 1}]}) is None


def test_cache005_only_the_pure_callbacks_are_chosen():
    chosen = cacheable_callbacks([
        MAP_OUT, "timeline.figure", "detail.children", "..url.search...date-range.start_date..",
        "review-pending.data", "..map.figure...frame-ack.data.."])
    assert set(chosen) == {MAP_OUT, "timeline.figure", "detail.children",
                           "..url.search...date-range.start_date.."}


def test_cache006_identical_views_are_answered_from_the_cache(app):
    client = app.server.test_client()
    state = {**ViewState(types=("seizure",)).to_dict(), "frame": {"run": 1, "n": 4}}
    first = call(client, MAP_OUT, {"view-state.data": state}, ["view-state.data"])
    # Another viewer at another play frame, with the fields in another order: same view.
    other = {**dict(reversed(list(state.items()))), "frame": {"run": 7, "n": 2}}
    second = call(client, MAP_OUT, {"view-state.data": other}, ["view-state.data"])
    assert (first.headers["X-Cache"], second.headers["X-Cache"]) == ("miss", "hit")
    assert second.get_json() == first.get_json()
    assert second.get_json()["response"]["map-mode"]["children"] == "points: 5 events in view"
    clashes = call(client, MAP_OUT, {"view-state.data": ViewState(types=("clash",)).to_dict()},
                   ["view-state.data"])
    assert clashes.headers["X-Cache"] == "miss"
    assert clashes.get_json()["response"]["map-mode"]["children"] == "points: 1 events in view"


def test_cache007_gzip_hits_decompress_to_the_same_answer(app):
    client = app.server.test_client()
    dep = dependencies(client)["timeline.figure"]
    body = {"output": "timeline.figure", "outputs": {"id": "timeline", "property": "figure"},
            "inputs": [{**dep["inputs"][0], "value": ViewState().to_dict()}], "state": [],
            "changedPropIds": ["view-state.data"]}
    plain = client.post("/_dash-update-component", json=body)
    zipped = client.post("/_dash-update-component", json=body, headers=GZIP)
    assert zipped.headers["X-Cache"] == "hit" and zipped.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(zipped.data)) == plain.get_json()


def test_cache008_the_sync_callback_is_cached_by_its_whole_request(app):
    client = app.server.test_client()
    key = next(k for k in dependencies(client) if k.startswith("..url.search"))
    answers = [call(client, key, {"url.search": "?type=clash"}, ["url.search"])
               for _ in range(2)]
    assert [a.headers["X-Cache"] for a in answers] == ["miss", "hit"]
    assert answers[0].get_json() == answers[1].get_json()
    other = call(client, key, {"url.search": "?type=seizure"}, ["url.search"])
    assert other.headers["X-Cache"] == "miss"


def test_cache009_new_events_empty_the_cache(tmp_path, make_store_events):
    from events.store import Store

    url = f"sqlite:///{tmp_path / 'e.sqlite'}"
    with Store(url) as store:
        store.add_events(make_store_events(0, 30), report_key="first", match_incidents=False)
        app = create_app(store, base_layers=None, extensions=False, reload_seconds=0)
        client = app.server.test_client()
        state = {"view-state.data": ViewState().to_dict()}

        def shown():
            out = call(client, MAP_OUT, state, ["view-state.data"])
            return out.headers["X-Cache"], out.get_json()["response"]["map-mode"]["children"]

        assert shown() == ("miss", "points: 30 events in view")
        assert shown()[0] == "hit"
        store.add_events(make_store_events(30, 45), report_key="second", match_incidents=False)
        assert shown() == ("miss", "points: 45 events in view")
        assert len(app.server.config["DASHBOARD_CACHE"]) == 1


def test_cache010_no_cached_answer_without_the_password(frame):
    app = create_app(frame, base_layers=None, extensions=False, auth=("ana", "s3cret"))
    client = app.server.test_client()
    token = {"Authorization": "Basic " + base64.b64encode(b"ana:s3cret").decode()}
    body = {"output": "timeline.figure", "outputs": {"id": "timeline", "property": "figure"},
            "inputs": [{"id": "view-state", "property": "data", "value": {}}], "state": [],
            "changedPropIds": ["view-state.data"]}
    assert client.post(caching.CALLBACK_PATH, json=body, headers=token).status_code == 200
    assert client.post(caching.CALLBACK_PATH, json=body, headers=token).headers[
        "X-Cache"] == "hit"
    assert client.post(caching.CALLBACK_PATH, json=body).status_code == 401


def test_cache011_switched_off(frame):
    app = create_app(frame, base_layers=None, extensions=False, cache_mb=0)
    client = app.server.test_client()
    state = {"view-state.data": ViewState().to_dict()}
    for _ in range(2):
        assert "X-Cache" not in call(client, MAP_OUT, state, ["view-state.data"]).headers


#: A changed value for every view-state field (the base view is the default view).
CHANGED = {"start": "2014-06-11", "end": "2014-10-01", "types": ["seizure"],
           "actors": ["ISIS"], "countries": ["SY"], "admin1": ["Ninewa"],
           "certainty": ["claimed"], "sources": ["Wire A"], "text": "city", "window": "month",
           "speed": 250, "bin": "month", "tiles": "online", "control": False, "areas": True,
           "lat": 36.3, "lon": 43.1, "zoom": 9.0, "event": "e01", "town": "Tikrit",
           "extra": {"bounds": [34.0, 37.0, 42.0, 44.0]}}


def test_cache012_fields_left_out_of_a_key_do_not_change_the_answer(frame):
    """Guards caching.READS: a field a callback ignores must really not change its answer."""
    assert set(CHANGED) == set(ViewState.__dataclass_fields__)
    client = create_app(frame, base_layers=None, cache_mb=0).server.test_client()
    outputs = {"map": MAP_OUT, "timeline": "timeline.figure", "detail": "detail.children"}
    base = ViewState().to_dict()
    for name, output in outputs.items():
        reads = caching.READS[name]
        answer = call(client, output, {"view-state.data": base}, ["view-state.data"]).data
        for field, value in CHANGED.items():
            changed = call(client, output, {"view-state.data": {**base, field: value}},
                           ["view-state.data"]).data
            if reads is not None and field not in reads:
                assert changed == answer, f"{name} depends on {field}: add it to READS"
