"""Bounded uploads: body size refused unread, too many files refused undecoded, batches."""

import base64
import io

import pytest
from flask import Flask, request

from dashboard import review, uploads
from dashboard.app import create_app

MB = 1024 * 1024


class CountingStream(io.RawIOBase):
    """A request body of ``size`` bytes that counts how much of it was read."""

    def __init__(self, size):
        self.size, self.read_bytes, self.position = size, 0, 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self.position

    def seek(self, offset, whence=0):
        # The test client measures the stream by seeking; that reads nothing.
        self.position = {0: offset, 1: self.position + offset, 2: self.size + offset}[whence]
        return self.position

    def readinto(self, buffer):
        n = max(0, min(len(buffer), self.size - self.position))
        buffer[:n] = b"x" * n
        self.read_bytes += n
        self.position += n
        return n


@pytest.fixture
def server():
    """A Flask app with a 20 MB limit whose one route reads the whole body."""
    app = Flask("limits")
    uploads.bound_requests(app, max_bytes=20 * MB, max_files=200)

    @app.post("/read")
    @app.post(uploads.CALLBACK_PATH)
    def read():
        return {"bytes": len(request.get_data())}

    return app


def test_upl001_big_body_is_refused_from_its_header_unread(server):
    body = CountingStream(200 * MB)
    response = server.test_client().post("/read", input_stream=body,
                                         headers={"Content-Length": str(200 * MB)})
    assert response.status_code == 413
    assert response.get_data(as_text=True).startswith("Request too large: 200.0 MB; the limit "
                                                      "is 20 MB")
    assert body.read_bytes == 0


def test_upl002_body_without_a_length_stops_at_the_limit(server):
    body = CountingStream(200 * MB)
    response = server.test_client().post(
        "/read", input_stream=body, environ_overrides={"wsgi.input_terminated": True})
    assert response.status_code == 413 and "the limit is 20 MB" in response.get_data(as_text=True)
    assert body.read_bytes <= 21 * MB


def test_upl003_small_bodies_pass(server):
    assert server.test_client().post("/read", data=b"x" * 1000).get_json() == {"bytes": 1000}
    with pytest.raises(ValueError, match="max_bytes"):
        uploads.bound_requests(Flask("x"), max_bytes=0, max_files=1)


def test_upl004_app_limit_comes_from_the_setting(frame, monkeypatch):
    monkeypatch.setenv("DASHBOARD_MAX_UPLOAD_MB", "1")
    client = create_app(frame, base_layers=None, extensions=False).server.test_client()
    response = client.post("/_dash-update-component", data=b"{" + b" " * (2 * MB) + b"}",
                           content_type="application/json")
    assert response.status_code == 413
    assert "the limit is 1 MB (setting DASHBOARD_MAX_UPLOAD_MB)" in response.get_data(as_text=True)


def _data_url(text):
    return "data:text/plain;base64," + base64.b64encode(text.encode()).decode()


def test_upl004b_request_with_too_many_files_is_refused_unparsed(server):
    one = '"data:text/plain;base64,RmlnaHRpbmcu"'
    body = ('{"inputs": [{"value": {"contents": [' + ", ".join([one] * 201) + "]}}]}").encode()
    response = server.test_client().post(uploads.CALLBACK_PATH, data=body,
                                         content_type="application/json")
    assert response.status_code == 413
    assert response.get_data(as_text=True).startswith("201 files in one request: at most 200")
    # A report text that quotes a data URL is no file; 200 files are allowed.
    quoted = '"the page said \\"data:text/plain;base64,xyz\\""'
    body = ('{"x": [' + ", ".join([one] * 200 + [quoted]) + "]}").encode()
    ok = server.test_client().post(uploads.CALLBACK_PATH, data=body,
                                   content_type="application/json")
    assert ok.status_code == 200


def test_upl005_too_many_files_are_refused_before_any_is_read(monkeypatch):
    def never(*_args, **_kwargs):
        raise AssertionError("a file was decoded")

    monkeypatch.setattr(review, "decode_upload", never)
    files = [_data_url(f"Report {i}: fighting near the town.") for i in range(10_000)]
    names = [f"r{i}.txt" for i in range(10_000)]
    pending, rows, messages = review.read_submissions(files, names, None, set(),
                                                      extract=never, max_files=200)
    assert (pending, rows) == ({}, [])
    assert messages == ["Could not read the upload: 10,000 files in one upload: at most 200 at "
                        "a time. Nothing was read; add them in smaller groups."]


def test_upl006_up_to_the_limit_every_file_is_read():
    files = [_data_url("published: 2015-05-20\n---\nFighters captured the town of Palmyra "
                       f"on Wednesday, report {i} said.") for i in range(3)]
    pending, rows, messages = review.read_submissions(
        files, ["a.txt", "b.txt", "c.txt"], None, set(), extract=lambda report: [],
        max_files=3)
    assert len(pending) == 3 and all("0 event(s) found" in m for m in messages)


def test_upl007_an_extractor_failure_spares_the_other_files():
    files = [_data_url(f"Fighting went on near the dam, report {i} said.") for i in range(2)]

    def flaky(report):
        if report.name == "a.txt":
            raise RuntimeError("rule table broken")
        return []

    pending, _, messages = review.read_submissions(files, ["a.txt", "b.txt"], None, set(),
                                                   extract=flaky)
    assert len(pending) == 1
    assert messages[0] == "Could not read a.txt: extraction failed: RuntimeError: rule table broken"


@pytest.mark.parametrize(("batch", "answer"), [
    ({"seq": 4, "contents": ["x"] * 3, "names": ["a", "b", "c"]}, {"seq": 4, "count": 3}),
    (None, {"seq": 0, "count": 0}),
])
def test_upl008_batch_answer(batch, answer):
    assert uploads.batch_done(batch) == answer


def test_upl009_queue_is_wired_to_the_review_dialog(frame):
    app = create_app(frame, base_layers=None)
    deps = app.server.test_client().get("/_dash-dependencies").get_json()
    queue = [d for d in deps if f"{uploads.BATCH}.data" in d["output"]
             and d.get("clientside_function")]
    assert len(queue) == 1
    assert {i["id"] for i in queue[0]["inputs"]} == {"review-upload", uploads.CLOCK}
    readers = [d for d in deps if any(i["id"] == uploads.BATCH for i in d["inputs"])]
    assert len(readers) == 1 and f"{uploads.BATCH_DONE}.data" in readers[0]["output"]
