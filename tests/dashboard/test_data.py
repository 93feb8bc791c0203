import pandas as pd
import pytest

from dashboard.data import EventSource


class FakeStore:
    """Counts how often the dashboard asks for the version and the frame."""

    def __init__(self, frame):
        self.frame, self.version, self.loads, self.checks = frame, "v1", 0, 0

    def load_frame(self):
        self.loads += 1
        return self.frame

    def data_version(self):
        self.checks += 1
        return self.version


def test_dat001_reload_only_when_version_changes_and_not_too_often(frame):
    now = [0.0]
    store = FakeStore(frame.iloc[:3])
    source = EventSource(store, reload_seconds=10, clock=lambda: now[0])
    assert source.index().size == 3 and store.loads == 1
    store.frame, store.version = frame, "v2"
    now[0] = 5.0
    assert source.index().size == 3 and store.checks == 1  # too soon to ask
    now[0] = 11.0
    assert source.index().size == len(frame) and store.loads == 2
    now[0] = 22.0
    source.index()
    assert store.loads == 2 and store.checks == 3  # same version: no reload


def test_dat002_frame_never_reloads(frame):
    source = EventSource(frame, reload_seconds=0)
    assert source.index() is source.index()


def test_dat003_rejects_other_things():
    with pytest.raises(ValueError, match="invalid data=list"):
        EventSource([1, 2])


def test_dat004_empty_frame():
    assert EventSource(pd.DataFrame()).index().first_day is None
