"""WordScanner must find exactly the positions the plain union regex finds."""

from __future__ import annotations

import re

import pytest

from events.wordscan import WordScanner

ALTERNATIVES = [
    r"air\s*strikes?",
    r"(?:heavy\s+)?shelling",
    r"[b-d]omb(?:ed|ing)",
    r"\d+ killed",
    r"(?:the\s+)?army",
    r"\w+ clashes",
    r"ſeized",
]


def _union_starts(text: str) -> list[int]:
    rx = re.compile(
        r"(?<![\w-])(?=[A-Za-z])(?:" + "|".join(f"(?:{a})" for a in ALTERNATIVES) + ")",
        re.IGNORECASE,
    )
    out, pos = [], 0
    while (m := rx.search(text, pos)) is not None:
        out.append(m.start())
        pos = m.start() + 1
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Airstrikes hit the town after heavy shelling.",
        "The Army bombed a bridge; pre-shelling was reported.",
        "Fierce clashes went on; 12 killed, militants seized the dam.",
        "ſeized by the ARMY, the KOMBING stopped",
        "nothing to see here",
        "",
    ],
)
def test_same_starts_as_union(text: str) -> None:
    scanner = WordScanner(ALTERNATIVES)
    got, pos = [], 0
    while (i := scanner.next_start(text, pos)) >= 0:
        got.append(i)
        pos = i + 1
    assert got == _union_starts(text)
