"""The CI entry point .ci/run: its guards against empty runs and its throwaway PostgreSQL."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / ".ci" / "run"
PGBIN = Path("/usr/lib/postgresql/15/bin")

PASSING = "def test_ok():\n    assert 1 + 1 == 2\n"
FAILING = "def test_bad():\n    assert 1 + 1 == 3\n"
PG_CHECK = """\
import os

import sqlalchemy as sa


def test_pg_is_reachable():
    url = os.environ["EVENTS_TEST_PG_URL"]
    assert url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    with sa.create_engine(url).connect() as conn:
        assert conn.execute(sa.text("select 1")).scalar() == 1
"""


def run_ci(tmp_path: Path, test_cmd: str, *, pg: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "CI_SKIP_APT": "1", "CI_SKIP_PG": "0" if pg else "1",
           "CI_TEST_CMD": test_cmd, "CI_LOG": str(tmp_path / "ci.log"),
           "TMPDIR": str(tmp_path)}
    env.pop("EVENTS_TEST_PG_URL", None)
    return subprocess.run(["bash", str(SCRIPT)], cwd=ROOT, env=env, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=240)


def pytest_cmd(folder: Path) -> str:
    return (f"{shlex.quote(sys.executable)} -m pytest -q -p no:cacheprovider "
            f"--rootdir {shlex.quote(str(folder))} {shlex.quote(str(folder))}")


def write_tests(tmp_path: Path, text: str | None) -> Path:
    folder = tmp_path / "suite"
    folder.mkdir()
    if text is not None:
        (folder / "test_it.py").write_text(text)
    return folder


def test_ci001_script_is_strict_bash_and_executable():
    assert os.access(SCRIPT, os.X_OK)
    text = SCRIPT.read_text()
    assert "set -euo pipefail" in text
    assert "trap cleanup EXIT" in text
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True)


@pytest.mark.parametrize(("suite", "status", "message"), [
    (PASSING, 0, "test command exit status: 0"),
    (FAILING, 1, "FAIL: the log shows no passed test"),
    (None, 5, "FAIL: no test ran"),
])
def test_ci002_exit_status_follows_the_suite_and_empty_runs_fail(tmp_path, suite, status,
                                                                 message):
    result = run_ci(tmp_path, pytest_cmd(write_tests(tmp_path, suite)))
    assert result.returncode == status, result.stderr
    assert message in result.stderr


@pytest.mark.parametrize("cmd", ["true", "echo all good"])
def test_ci003_a_command_that_runs_no_test_is_a_failure(tmp_path, cmd):
    result = run_ci(tmp_path, cmd)
    assert result.returncode != 0
    assert "no passed test" in result.stderr


@pytest.mark.slow
@pytest.mark.postgres
def test_ci004_throwaway_postgres_is_started_exported_and_removed(tmp_path):
    if not (PGBIN / "initdb").exists() or shutil.which("su") is None:
        pytest.skip("PostgreSQL 15 is not installed: apt-get install postgresql-15-postgis-3")
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("no postgres user to run initdb as")
    result = run_ci(tmp_path, pytest_cmd(write_tests(tmp_path, PG_CHECK)), pg=True)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "EVENTS_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:" in result.stderr
    assert "1 passed" in result.stdout
    url = result.stderr.split("EVENTS_TEST_PG_URL=")[1].split()[0]
    port = int(url.split("127.0.0.1:")[1].split("/")[0])
    cluster = Path(result.stderr.split("initdb in ")[1].split()[0])
    assert cluster.name.startswith("ci-pg.")
    assert not cluster.exists(), "the cluster folder was left behind"
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "PostgreSQL still listens"
