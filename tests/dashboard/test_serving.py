"""The production server: gunicorn's options, the serve command, and a real gunicorn run."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner

from dashboard.cli import cli
from dashboard.serving import gunicorn_options
from dashboard.state import ViewState
from tests.dashboard.test_app import MAP_OUT

ROOT = Path(__file__).resolve().parents[2]


def test_srv001_options_preload_the_app_and_bind_where_asked():
    options = gunicorn_options(host="0.0.0.0", port=9000, workers=3, threads=2, timeout=30)
    assert options["bind"] == ["0.0.0.0:9000"] and options["preload_app"] is True
    assert (options["workers"], options["threads"], options["worker_class"]) == (3, 2, "gthread")
    assert gunicorn_options(host="::1", port=80, workers=1, threads=1, timeout=1)["bind"] == [
        "[::1]:80"]


@pytest.mark.parametrize(("name", "value"), [("workers", 0), ("threads", -1), ("port", "80")])
def test_srv002_bad_options(name, value):
    args = {"host": "127.0.0.1", "port": 8050, "workers": 2, "threads": 4, "timeout": 30,
            name: value}
    with pytest.raises(ValueError, match=f"invalid {name}="):
        gunicorn_options(**args)


def test_srv003_serve_command_builds_gunicorn(monkeypatch, tmp_path):
    ran = {}

    def fake_run(self):
        ran["options"] = self.application.cfg.settings
        ran["app"] = self.build()

    monkeypatch.setattr("dashboard.serving.DashboardServer.run", fake_run)
    monkeypatch.setattr("dashboard.data.load_base_layers", lambda: None)
    monkeypatch.setenv("DASHBOARD_THREADS", "3")
    for name in ("DASHBOARD_USER", "DASHBOARD_PASSWORD", "DASHBOARD_WORKERS"):
        monkeypatch.delenv(name, raising=False)
    url = f"sqlite:///{tmp_path / 'e.sqlite'}"
    result = CliRunner().invoke(cli, ["serve", "--db", url, "--workers", "3", "--port", "9100"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:9100/ (gunicorn, 3 workers x 3 threads)" in result.output
    settings = ran["options"]
    assert settings["workers"].get() == 3 and settings["preload_app"].get() is True
    assert settings["bind"].get() == ["127.0.0.1:9100"]
    assert ran["app"].config["DASHBOARD_SOURCE"].store.url == url
    assert Path(ran["app"].config["DASHBOARD_CACHE"].folder).is_dir()  # shared by the workers


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post_map(port, state=None):
    state = ViewState() if state is None else state
    body = {"output": MAP_OUT,
            "outputs": [dict(zip(("id", "property"), o.split("."), strict=True))
                        for o in MAP_OUT.strip(".").split("...")],
            "inputs": [{"id": "view-state", "property": "data", "value": state.to_dict()},
                       {"id": "map-size", "property": "data", "value": None}],
            "state": [], "changedPropIds": ["view-state.data"]}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", "/_dash-update-component", body=json.dumps(body),
                 headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    answer = json.loads(response.read() or b"{}")
    return response.status, answer, response.getheader("X-Cache")


@pytest.mark.slow
def test_srv004_gunicorn_workers_serve_and_see_new_events(tmp_path, make_store_events):
    """A real ``python -m dashboard serve --workers 2``: it answers, and shows later ingests."""
    pytest.importorskip("gunicorn")
    from events.store import Store

    url = f"sqlite:///{tmp_path / 'served.sqlite'}"
    with Store(url) as store:
        store.add_events(make_store_events(0, 20), report_key="before", match_incidents=False)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DASHBOARD_RELOAD_SECONDS": "0.2"}
    for name in ("DASHBOARD_USER", "DASHBOARD_PASSWORD", "EVENTS_DB"):
        env.pop(name, None)
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--workers", "2",
                             "--db", url, "--port", str(port)], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, out, _ = _post_map(port)
                break
            except OSError:
                time.sleep(0.3)
        assert status == 200, (tmp_path / "serve.log").read_text()
        assert out["response"]["map-mode"]["children"] == "points: 20 events in view"
        # the first worker may answer before gunicorn has forked the second
        workers, deadline = [], time.monotonic() + 30
        while time.monotonic() < deadline and len(workers) < 2:
            workers = psutil.Process(proc.pid).children()
            time.sleep(0.1)
        assert len(workers) == 2
        # One view asked eight times, on new connections (so of both workers): computed once.
        seizures = ViewState(types=("seizure",))
        assert [_post_map(port, seizures)[2] for _ in range(8)] == ["miss"] + ["hit"] * 7

        with Store(url) as store:  # another process ingests while the dashboard runs
            store.add_events(make_store_events(20, 32), report_key="after",
                             match_incidents=False)
        # Whichever worker answers must come to show the new events: six answers in a row.
        streak, deadline = 0, time.monotonic() + 30
        while time.monotonic() < deadline and streak < 6:
            time.sleep(0.3)
            shown = _post_map(port)[1]["response"]["map-mode"]["children"]
            streak = streak + 1 if shown == "points: 32 events in view" else 0
        assert streak == 6
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
