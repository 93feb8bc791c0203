import gzip

import pytest
from flask import Flask

from dashboard.compression import enable_gzip


@pytest.fixture
def client():
    """A tiny Flask app with gzip enabled and one big, one small and one binary route."""
    app = Flask("gz")
    enable_gzip(app)
    app.add_url_rule("/big", "big", lambda: {"data": "x" * 5000})
    app.add_url_rule("/small", "small", lambda: {"data": "x"})
    app.add_url_rule("/png", "png", lambda: (b"\x89PNG" * 1000, 200,
                                              {"Content-Type": "image/png"}))
    return app.test_client()


def test_gz001_compresses_json_for_gzip_clients(client):
    response = client.get("/big", headers={"Accept-Encoding": "gzip, deflate"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert b'"data"' in gzip.decompress(response.data)
    assert len(response.data) < 200


@pytest.mark.parametrize(("path", "headers"), [
    ("/big", {}), ("/small", {"Accept-Encoding": "gzip"}), ("/png", {"Accept-Encoding": "gzip"})])
def test_gz002_leaves_others_alone(client, path, headers):
    assert "Content-Encoding" not in client.get(path, headers=headers).headers


def test_gz003_bad_level():
    with pytest.raises(ValueError, match="invalid static_level=0"):
        enable_gzip(Flask("x"), static_level=0)
