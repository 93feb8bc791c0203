"""Benchmark reading one big report: UTF-8 against the same text in other encodings.

Run::

    .venv/bin/python benchmarks/bench_reports.py [--mb 4.9]

Writes a report of about ``--mb`` megabytes (our own sentences, with accented
names so that the single-byte encodings differ from UTF-8), and reads it with
``events.reports.read_bytes`` in a fresh process per encoding. Prints the
seconds and the growth of peak resident memory of each read. Target (issue
12): decoding stays linear, so latin-1 and cp1252 cost about what UTF-8 costs
(within 2x the time and memory); a report padded with 70,000 blank lines is
read, not called empty.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WORDS = ("Réfugiés", "fled", "the", "town", "of", "Mossoul", "après", "shelling", "near",
          "Qaraqosh", "Députés", "said", "on", "Tuesday", "forces", "entered", "Ramadi",
          "élite", "units", "café", "déplacés", "camp", "Kirkouk", "convoy", "Hawija")


def make_text(n_bytes: int, *, seed: int = 12) -> str:
    """Return article-like text of about ``n_bytes`` characters, in paragraphs."""
    rng = random.Random(seed)
    parts, size = ["published: 2016-10-20", "---", "Long report on the offensive", ""], 0
    while size < n_bytes:
        sentence = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 20))) + "."
        parts.append(sentence.capitalize())
        if rng.random() < 0.2:
            parts.append("")
        size += len(sentence) + 1
    return "\n".join(parts)


_CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from events.reports import ReportError, read_bytes
import charset_normalizer  # imported before measuring, as in a running ingest
data = open({path!r}, "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
try:
    chars, error = len(read_bytes(data, name="big.txt").text), None
except ReportError as exc:
    chars, error = 0, str(exc)
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": seconds, "mb": (peak - before) / 1024, "chars": chars,
                  "error": error}}))
"""


def measure(path: Path) -> dict:
    """Read ``path`` in a fresh interpreter; return its seconds, memory growth and text size."""
    out = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT), path=str(path))],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.9, help="Report size in megabytes.")
    parser.add_argument("--dir", default="/tmp", help="Where to write the test files.")
    args = parser.parse_args()
    text = make_text(int(args.mb * 1_000_000))
    folder = Path(args.dir)
    rows = []
    for encoding in ("utf-8", "latin-1", "cp1252"):
        path = folder / f"bench_report_{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        rows.append((encoding, path.stat().st_size, measure(path)))
    padded = folder / "bench_report_padded.txt"
    padded.write_bytes(b"\n" * 70_000 + text[:20_000].encode("utf-8"))
    rows.append(("utf-8, 70,000 blank lines first", padded.stat().st_size, measure(padded)))
    base = rows[0][2]
    print(f"{'encoding':34} {'bytes':>10} {'seconds':>8} {'peak MB':>8} {'chars read':>11}")
    ok = True
    for name, size, m in rows:
        print(f"{name:34} {size:>10,} {m['seconds']:>8.2f} {m['mb']:>8.0f} {m['chars']:>11,}"
              + (f"  ERROR: {m['error']}" if m["error"] else ""))
        if name in ("latin-1", "cp1252"):
            ok &= m["seconds"] <= 2 * base["seconds"] + 0.2 and m["mb"] <= 2 * base["mb"] + 20
        ok &= m["chars"] > 0
    print("target: other encodings within 2x of UTF-8's time and memory:",
          "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
