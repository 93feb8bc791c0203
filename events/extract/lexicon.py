"""Stage 3a, triggers: the words of a sentence that signal an event, read from the lexicon table.

The table (``lexicon.tsv`` beside this module) lists patterns of lemmas, so
that one row covers every form of a verb and, where the noun shares the
lemma, the noun too. Matching runs on the cheap word analysis of every
sentence; whether the anchor word is a verb or a noun is checked later, on
the parse (:func:`Trigger.fits`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from events.extract.sentences import Words

#: Kinds a trigger may have: event types, or pseudo-kinds resolved once the arguments are known.
KINDS = frozenset(
    {
        "seizure", "clash", "airstrike", "shelling", "bombing", "attack_on_civilians",
        "abduction", "prison_break", "displacement", "troop_position", "withdrawal", "threat",
        "capture", "oust", "flight", "strike", "attack", "kill", "control",
    }
)  # fmt: skip
FRAMES = frozenset({"act", "fall", "lose", "hold", "move", "noun", "intent"})
NEEDS = frozenset({"", "place", "aircraft", "people", "force", "property", "target", "goal",
                   "victims", "aimed", "captor", "fighters", "origin", "gunners", "harm", "flying",
                   "fallen", "named"})


@dataclass(frozen=True, slots=True)
class _Slot:
    words: frozenset[str]  # lemmas or lower-case forms that fit; empty for a gap
    exact: frozenset[str]  # exact lower-case forms only ("=bombing")
    optional: bool
    gap: int  # >0: up to this many words of any kind
    anchor: bool


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the lexicon: what a pattern signals and where its arguments are."""

    number: int
    kind: str
    frame: str
    pos: str
    needs: str
    pattern: str
    slots: tuple[_Slot, ...]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon match in a sentence; ``anchor`` is the word that carries its arguments.

    Offsets are in the sentence. ``alternatives`` holds the other rows that
    matched at the same place, best first, for when the parse rules this one out.
    """

    start: int
    end: int
    anchor_start: int
    anchor_end: int
    text: str
    row: Row
    alternatives: tuple[Trigger, ...] = ()

    @property
    def kind(self) -> str:
        """The event type or pseudo-kind of the row."""
        return self.row.kind

    @property
    def frame(self) -> str:
        """Which syntactic slots hold the arguments."""
        return self.row.frame

    def as_noun(self) -> Trigger:
        """Return the same trigger read as an event noun ("an attack on X", "the fighting in Y")."""
        row = Row(*(getattr(self.row, f) for f in ("number", "kind")), "noun",
                  *(getattr(self.row, f) for f in ("pos", "needs", "pattern", "slots")))
        return Trigger(self.start, self.end, self.anchor_start, self.anchor_end, self.text, row,
                       self.alternatives)

    def fits(self, tag: str) -> bool:
        """Tell whether the anchor's part-of-speech tag suits the row ("V", "N" or "-")."""
        if self.row.pos == "V":
            return tag.startswith("VB")
        if self.row.pos == "N":
            return tag.startswith("NN") or tag in ("CD", "JJ")
        return True


def _parse_slot(text: str) -> _Slot:
    anchor = text.startswith("^")
    text = text.lstrip("^")
    if text.startswith("*"):
        return _Slot(frozenset(), frozenset(), True, int(text[1:] or 1), False)
    optional = text.startswith("[") and text.endswith("]")
    text = text.strip("[]")
    words, exact = set(), set()
    for alt in text.split("|"):
        (exact if alt.startswith("=") else words).add(alt.lstrip("="))
    return _Slot(frozenset(words), frozenset(exact), optional, 0, anchor)


def _parse_rows(table: str) -> tuple[Row, ...]:
    rows = []
    for n, line in enumerate(table.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) not in (4, 5):
            raise ValueError(f"lexicon.tsv line {n}: expected 4 or 5 tab-separated cells: {line!r}")
        kind, frame, pos, pattern = cells[:4]
        needs = cells[4].strip() if len(cells) == 5 else ""
        if kind not in KINDS or frame not in FRAMES or pos not in ("V", "N", "-"):
            raise ValueError(f"lexicon.tsv line {n}: unknown kind, frame or pos in {line!r}")
        if not set(needs.split(",")) <= NEEDS:
            raise ValueError(f"lexicon.tsv line {n}: needs={needs!r}; use some of {sorted(NEEDS)}")
        slots = tuple(_parse_slot(s) for s in pattern.split())
        if not slots or slots[0].gap or slots[0].optional:
            raise ValueError(f"lexicon.tsv line {n}: a pattern starts with a word: {pattern!r}")
        if not any(s.anchor for s in slots):
            slots = (_Slot(slots[0].words, slots[0].exact, False, 0, True), *slots[1:])
        rows.append(Row(len(rows), kind, frame, pos, needs, pattern, slots))
    return tuple(rows)


@lru_cache(maxsize=1)
def rows() -> tuple[Row, ...]:
    """Return the lexicon's rows, in table order."""
    table = resources.files("events.extract").joinpath("lexicon.tsv").read_text(encoding="utf-8")
    return _parse_rows(table)


@lru_cache(maxsize=1)
def nouns() -> frozenset[str]:
    """Return the words the lexicon's noun rows are made of ("firefight", "svbied")."""
    return frozenset(w for row in rows() if row.pos in ("N", "-") for slot in row.slots
                     for w in slot.words if w.isalpha())


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Row, ...]]:
    by_first: dict[str, list[Row]] = {}
    for row in rows():
        for word in row.slots[0].words | row.slots[0].exact:
            by_first.setdefault(word, []).append(row)
    return {k: tuple(v) for k, v in by_first.items()}


def _fits(slot: _Slot, words: Words, i: int) -> bool:
    low = words.lower[i]
    return low in slot.exact or low in slot.words or words.lemma[i] in slot.words


#: Quotation marks a pattern reads through: "Zabdin would be 'the next to fall'".
_QUOTES = frozenset("\"“”‘’'`")


def _match(slots: tuple[_Slot, ...], words: Words, i: int, anchor: int) -> tuple[int, int] | None:
    """Match ``slots`` from word ``i``; return (end word, anchor word) or None."""
    if not slots:
        return i, anchor
    slot, rest = slots[0], slots[1:]
    while not slot.gap and i < len(words) and words.lower[i] in _QUOTES:
        i += 1  # a quoted word is the word: "the airfield would be 'next'"
    if slot.gap:
        for skip in range(slot.gap + 1):
            j = i + skip
            if skip and (j - 1 >= len(words) or not (
                    any(c.isalnum() for c in words.lower[j - 1])
                    or words.lower[j - 1] in "()" or words.lower[j - 1] in _QUOTES)):
                break  # a gap spans words, brackets and quotes ("the State (IS) militants")
            found = _match(rest, words, j, anchor)
            if found:
                return found
        return None
    if i < len(words) and _fits(slot, words, i):
        found = _match(rest, words, i + 1, i if slot.anchor else anchor)
        if found:
            return found
    if slot.optional:
        return _match(rest, words, i, anchor)
    return None


def find_triggers(text: str, words: Words) -> list[Trigger]:
    """Find the lexicon's patterns in one sentence, without overlaps, in text order.

    Parameters
    ----------
    text : str
        The sentence.
    words : Words
        Its word analysis (:func:`events.extract.sentences.analyse_words`).

    Returns
    -------
    list of Trigger
        One per position where a pattern starts: the longest match (between
        equals, the earlier row), with the others as its ``alternatives``.
        Matches may overlap; :func:`non_overlapping` keeps the first of those the
        parse confirms.

    Examples
    --------
    >>> from events.extract.sentences import analyse_words
    >>> s = "Mosul fell to ISIS after fighting."
    >>> [(t.text, t.kind) for t in non_overlapping(find_triggers(s, analyse_words(s)))]
    [('fell to', 'capture'), ('fighting', 'clash')]
    """
    index = _index()
    out: list[Trigger] = []
    i = 0
    while i < len(words):
        cands = index.get(words.lower[i], ()) + index.get(words.lemma[i], ())
        found: list[tuple[int, int, Row, int]] = []
        for row in cands:
            hit = _match(row.slots, words, i, -1)
            if hit is not None:
                end, anchor = hit
                found.append((-(end - i), row.number, row, anchor if anchor >= 0 else i))
        if not found:
            i += 1
            continue
        found.sort(key=lambda f: (f[0], f[1]))
        made = [
            Trigger(
                words.starts[i],
                words.ends[i - length - 1],
                _head_start(text, words.starts[anchor], words.ends[anchor]),
                words.ends[anchor],
                text[words.starts[i] : words.ends[i - length - 1]],
                row,
            )
            for length, _, row, anchor in found
            # one row may match at several lengths through its optional words: keep the longest
        ]
        seen: set[int] = set()
        unique = [t for t in made if not (t.row.number in seen or seen.add(t.row.number))]
        best = unique[0]
        out.append(
            Trigger(
                best.start, best.end, best.anchor_start, best.anchor_end, best.text, best.row,
                tuple(unique[1:]),
            )
        )  # fmt: skip
        i += 1
    return out


def _head_start(text: str, start: int, end: int) -> int:
    """Return where the head of a word starts: its last part when hyphenated.

    The parser splits "pull-out" and "counter-attack" at the hyphen and makes the last
    part the head ("pull" is a compound of "out"); the arguments hang on that part.
    """
    cut = text.rfind("-", start + 1, end - 1)
    return start if cut < 0 else cut + 1


def non_overlapping(triggers: list[Trigger]) -> list[Trigger]:
    """Keep triggers left to right, dropping any that overlaps one already kept.

    A state phrase that only shares its first word with a movement ("remains | in ISIS
    hands") is kept beside it: the parse tells which of the two the sentence means.
    """
    out: list[Trigger] = []
    for t in triggers:
        if not out or t.start >= out[-1].end or (
                t.frame == "hold" and out[-1].frame == "move" and t.end > out[-1].end):
            out.append(t)
    return out
