"""Fast search for the word where any of many regex alternatives matches.

``find_triggers`` and ``find_actors`` look for the next word start where one
of a few hundred alternatives matches. One big union regex tries every
alternative at every word start, which dominated extraction time. Here the
alternatives are grouped by the letters they can start with (read from the
regex parse tree), so each word start tries only its letter's group. The
answer is the same position the full union gives: a group holds every
alternative that could start with that letter, and anything the analysis
cannot read goes into every group.
"""

from __future__ import annotations

import re
import string

try:  # the stdlib parser is private: should a Python release move it, scan the plain union
    from re import _constants as c  # the parse-tree opcodes of the stdlib re module
    from re import _parser
except ImportError:  # pragma: no cover - only on Pythons that reorganise `re`
    c = _parser = None

_LETTERS = frozenset(string.ascii_lowercase)
_ANY = None  # "may start with any letter"
#: The prefix both unions use: a word start whose first character is a letter.
_PREFIX = r"(?<![\w-])(?=[A-Za-z])"


def _first_letters(seq) -> tuple[set[str] | None, bool]:
    """Lower-case ASCII letters a parsed sequence can start with, and whether it can be empty."""
    letters: set[str] = set()
    for op, av in seq:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: skipping a restriction only widens the set
        if op is c.LITERAL:
            ch = chr(av)
            if not ch.isascii():
                return _ANY, False
            letters.add(ch.lower())
            return letters, False
        if op is c.IN:
            for iop, iav in av:
                if iop is c.LITERAL and chr(iav).isascii():
                    letters.add(chr(iav).lower())
                elif iop is c.RANGE and iav[1] < 128:
                    letters.update(chr(x).lower() for x in range(iav[0], iav[1] + 1))
                else:
                    return _ANY, False
            return letters, False
        if op is c.SUBPATTERN or op is c.ATOMIC_GROUP:
            sub = av[-1] if op is c.SUBPATTERN else av
            first, empty = _first_letters(sub)
        elif op is c.BRANCH:
            first, empty = set(), False
            for branch in av[1]:
                b_first, b_empty = _first_letters(branch)
                if b_first is _ANY:
                    return _ANY, False
                first |= b_first
                empty = empty or b_empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            first, empty = _first_letters(av[2])
            empty = empty or av[0] == 0
        else:
            return _ANY, False
        if first is _ANY:
            return _ANY, False
        letters |= first
        if not empty:
            return letters, False
    return letters, True


def _top_branches(source: str) -> list[str]:
    """Split a regex source at its top-level ``|`` (not inside groups, classes or escapes)."""
    out, depth, class_from, start, i = [], 0, -1, 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if class_from >= 0:  # inside [...]: a "]" first in the class is a literal
            if ch == "]" and i > class_from:
                class_from = -1
        elif ch == "[":
            class_from = i + 2 if source[i + 1:i + 2] == "^" else i + 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


class WordScanner:
    r"""Find the next word start where one of ``alternatives`` matches (case-insensitive).

    Parameters
    ----------
    alternatives : list of str
        Regex sources, as joined into ``(?<![\w-])(?=[A-Za-z])(?:(?:a)|(?:b)|...)``.
    """

    def __init__(self, alternatives: list[str]) -> None:
        self._word_start = re.compile(_PREFIX, re.IGNORECASE)
        self._alternatives = alternatives
        self._full: re.Pattern[str] | None = None  # compiled on first need: rarely used
        groups: dict[str, list[str]] = {letter: [] for letter in _LETTERS}
        owners: dict[str, list[int]] = {letter: [] for letter in _LETTERS}
        # Each top-level branch on its own: "shelling|mortars?" goes to "s" and "m" only.
        for k, source in enumerate(alternatives):
            for alt in _top_branches(source):
                if _parser is None:
                    first, empty = _ANY, True
                else:
                    first, empty = _first_letters(_parser.parse(alt, re.IGNORECASE))
                for letter in _LETTERS if first is _ANY or empty else first & _LETTERS:
                    groups[letter].append(alt)
                    if owners[letter][-1:] != [k]:
                        owners[letter].append(k)
        self._all = tuple(range(len(alternatives)))
        # indices of the alternatives that may match at a word starting with a character
        self._owners: dict[str, tuple[int, ...]] = {}
        for letter, ks in owners.items():
            self._owners[letter] = self._owners[letter.upper()] = tuple(ks)
        # keyed by both cases; a non-ASCII letter (say the long s) gets the full union
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        for letter, alts in groups.items():
            rx = self._union(alts) if alts else None
            self._by_char[letter] = self._by_char[letter.upper()] = rx

    @staticmethod
    def _union(alternatives: list[str]) -> re.Pattern[str]:
        return re.compile(
            _PREFIX + "(?:" + "|".join(f"(?:{alt})" for alt in alternatives) + ")", re.IGNORECASE
        )

    def candidates(self, char: str) -> tuple[int, ...]:
        """Return the indices (in order) of alternatives that may match at a word from `char`."""
        return self._owners.get(char, self._all)

    def next_start(self, text: str, pos: int) -> int:
        """Return the first index >= ``pos`` where the full union matches, or -1."""
        word_start, by_char = self._word_start.search, self._by_char
        while True:
            m = word_start(text, pos)
            if m is None:
                return -1
            i = m.start()
            rx = by_char.get(text[i], by_char)
            if rx is by_char:  # a non-ASCII letter such as the long s: try everything
                if self._full is None:
                    self._full = self._union(self._alternatives)
                rx = self._full
            if rx is not None and rx.match(text, i) is not None:
                return i
            pos = i + 1
