"""Map label fonts served by the app itself: signed-distance-field glyphs in MapLibre's PBF format.

The map draws place names with MapLibre symbol layers, and MapLibre asks
its style's ``glyphs`` address for every 256-character range of a font
(``/glyphs/<font stack>/<range>.pbf``). Plotly's built-in offline style
points that address at a public server, which an air-gapped machine cannot
reach, so the app serves its own: DejaVu Sans (regular and bold), ranges
0-255 and 256-511 (Latin and Latin Extended-A, enough for transliterated
place names), generated once by :func:`build_glyphs` and shipped in
``dashboard/data/glyphs`` (see the README there for the font's licence).

The encoding follows MapLibre's glyph format: each glyph is a 24 px
rendering with a 3 px border, its distance field scaled to 8 px and stored
as ``255 - 255 * (d / 8 + 0.25)`` (so the outline sits at 191).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

GLYPH_DIR = Path(__file__).resolve().parent / "data" / "glyphs"
#: Ranges shipped; MapLibre asks for others only for characters no label uses.
RANGES: tuple[str, ...] = ("0-255", "256-511")
FACES: dict[str, str] = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: MapLibre's glyph conventions (font size, border, distance radius, cut-off).
SIZE, BUFFER, RADIUS, CUTOFF = 24, 3, 8, 0.25
_RANGE = re.compile(r"^(\d+)-(\d+)$")
_FAR = 1e20


# -- protocol buffer writing (the three small messages of the glyph format) -------------------

def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, wire: int, payload: bytes | int) -> bytes:
    key = _varint(number << 3 | wire)
    if wire == 0:
        return key + _varint(int(payload))
    return key + _varint(len(payload)) + payload


def _zigzag(value: int) -> int:
    return (value << 1) ^ (value >> 31)


def _glyph_message(code: int, bitmap: bytes, width: int, height: int, left: int, top: int,
                   advance: int) -> bytes:
    body = _field(1, 0, code)
    if bitmap:
        body += _field(2, 2, bitmap)
    body += (_field(3, 0, width) + _field(4, 0, height) + _field(5, 0, _zigzag(left))
             + _field(6, 0, _zigzag(top)) + _field(7, 0, advance))
    return body


def encode_range(name: str, start: int, end: int, glyphs: list[bytes]) -> bytes:
    r"""Return one ``glyphs`` message holding a font stack's range.

    Examples
    --------
    >>> encode_range("Empty", 0, 255, [])[:2]
    b'\n\x0e'
    """
    stack = _field(1, 2, name.encode()) + _field(2, 2, f"{start}-{end}".encode())
    stack += b"".join(_field(3, 2, g) for g in glyphs)
    return _field(1, 2, stack)


# -- distance fields ------------------------------------------------------------------------

def distance_field(alpha: np.ndarray) -> np.ndarray:
    """Return the signed distance (px, positive outside) of each pixel of a coverage bitmap.

    Exact squared Euclidean distances to the anti-aliased outline, computed by
    brute force (glyph bitmaps are a few hundred pixels); partly covered pixels
    count as lying inside or outside by how much of them is covered.

    Examples
    --------
    >>> field = distance_field(np.pad(np.full((4, 4), 255, np.uint8), 4))
    >>> bool(field[6, 6] < 0 < field[0, 0])
    True
    """
    a = alpha.astype(np.float64).ravel() / 255.0
    outer = np.where(a == 0, _FAR, np.maximum(0.0, 0.5 - a) ** 2)
    inner = np.where(a == 1, _FAR, np.maximum(0.0, a - 0.5) ** 2)
    ys, xs = np.indices(alpha.shape)
    ys, xs = ys.ravel().astype(np.float64), xs.ravel().astype(np.float64)
    d2 = (ys[:, None] - ys[None, :]) ** 2 + (xs[:, None] - xs[None, :]) ** 2
    out = np.sqrt((d2 + outer[None, :]).min(axis=1))
    inn = np.sqrt((d2 + inner[None, :]).min(axis=1))
    return (out - inn).reshape(alpha.shape)


def glyph_bytes(font, code: int) -> bytes | None:
    """Return the encoded glyph of character ``code`` in a Pillow FreeType ``font``, or None."""
    char = chr(code)
    if code < 32 or 127 <= code < 160 or not _has_glyph(font, char):
        return None
    advance = int(round(font.getlength(char)))
    mask, (left, top_offset) = font.getmask2(char, anchor="ls")
    width, height = mask.size
    ascender = font.getmetrics()[0]
    top = -top_offset - ascender
    if width == 0 or height == 0:
        return _glyph_message(code, b"", 0, 0, left, top, advance)
    alpha = _pixels(mask)
    field = distance_field(np.pad(alpha, BUFFER)) / RADIUS
    data = np.clip(255.0 - 255.0 * (np.clip(field, -1.0, 1.0) + CUTOFF), 0, 255).astype(np.uint8)
    return _glyph_message(code, data.tobytes(), width, height, left, top, advance)


def _pixels(mask) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.Image()._new(mask), dtype=np.uint8)


def _has_glyph(font, char: str) -> bool:
    # Pillow draws the font's "missing glyph" box for unknown characters: compare with it.
    missing = _pixels(font.getmask(chr(0xFFFF)))
    drawn = _pixels(font.getmask(char))
    return char.isspace() or drawn.shape != missing.shape or bool((drawn != missing).any())


def build_glyphs(out: Path = GLYPH_DIR, font_dir: Path = FONT_DIR) -> list[Path]:
    """Write every shipped range of every face into ``out`` (run once; needs DejaVu Sans)."""
    from PIL import ImageFont

    written = []
    for face, filename in FACES.items():
        font = ImageFont.truetype(str(font_dir / filename), SIZE,
                                  layout_engine=ImageFont.Layout.BASIC)
        for span in RANGES:
            start, end = (int(v) for v in span.split("-"))
            glyphs = [g for g in (glyph_bytes(font, c) for c in range(start, end + 1)) if g]
            path = out / face / f"{span}.pbf"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(encode_range(f"DejaVu Sans {face.title()}", start, end, glyphs))
            written.append(path)
    return written


@lru_cache(maxsize=16)
def glyph_range(fontstack: str, span: str) -> bytes:
    r"""Return the PBF of ``span`` for a requested font stack (bold when its name says so).

    Any font name is answered with DejaVu Sans, so plotly's default font
    names work unchanged; a range that is not shipped gets a valid empty
    answer, so MapLibre draws what it can instead of logging an error.

    Raises
    ------
    ValueError
        When ``span`` is not ``<start>-<end>``.

    Examples
    --------
    >>> len(glyph_range("Open Sans Regular", "0-255")) > 10_000
    True
    >>> glyph_range("Open Sans Regular", "9728-9983")[:2]
    b'\n\x1e'
    """
    match = _RANGE.match(span)
    if not match:
        raise ValueError(f"invalid glyph range {span!r}: expected <start>-<end>, e.g. 0-255")
    face = "bold" if "bold" in fontstack.lower() else "regular"
    path = GLYPH_DIR / face / f"{span}.pbf"
    if span in RANGES and path.exists():
        return path.read_bytes()
    return encode_range(fontstack[:60], int(match[1]), int(match[2]), [])


def register_glyph_route(server) -> None:
    """Serve ``/glyphs/<font stack>/<range>.pbf`` from the Flask ``server``."""
    from flask import Response, abort

    @server.route("/glyphs/<path:fontstack>/<span>.pbf")
    def _glyphs(fontstack: str, span: str) -> Response:
        try:
            data = glyph_range(fontstack, span)
        except ValueError:
            abort(404)
        return Response(data, mimetype="application/x-protobuf",
                        headers={"Cache-Control": "public, max-age=86400"})


if __name__ == "__main__":  # pragma: no cover - maintenance: regenerate the shipped files
    for written_path in build_glyphs():
        print(written_path, written_path.stat().st_size)
