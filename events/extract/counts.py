"""Stage 5, counts: the figure an event's report gives for it, and what it counts.

A figure in one of the trigger's argument slots counts the event's own
people (the displaced, the hostages, the prisoners freed, the troops
deployed, the civilians executed); beside an attack, the figure of the death
toll ("killing 12", "12 were killed") or of the wounded counts instead.
Sub-counts ("including 7 children") never count, and families are no count of
people (the value is then null, with a note).

The slots are filled in :mod:`.roles`; this module only picks the figure.
"""

from __future__ import annotations

import re
from typing import Any

from events.extract import syntax
from events.extract.roles import Arguments
from events.extract.wordlists import PEOPLE

_KILLED_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,4}?(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:reported\s+)?(?:killed|dead|"
    r"died|slain|executed|martyred)\b|^\s*(?:\w+\s+){0,3}?(?:deaths|fatalities|martyrs)\b",
    re.IGNORECASE,
)
_KILLED_BEFORE = re.compile(
    r"\b(?:killing|killed|kills|claim(?:ing|ed|s)?\s+the\s+lives\s+of|(?:the\s+)?deaths?\s+of|"
    r"death\s+toll\s+(?:rose\s+|"
    r"rises\s+|climbed\s+)?(?:to|of|at))\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|"
    r"nearly\s+)?$",
    re.IGNORECASE,
)
_WOUNDED_BEFORE = re.compile(
    r"\b(?:wounding|injuring|wounded|injured)\s+(?:at\s+least\s+|more\s+than\s+)?$", re.IGNORECASE
)
#: Slots of a verb of dying that hold the dead ("killed 12", "12 were killed", "12 died").
_DEAD_SLOTS = {"kill": ("obj", "subjpass"), "die": ("subj",), "execute": ("obj", "subjpass")}
#: The unit of a count of people who are the event's object or subject, by event type.
_UNIT_BY_KIND = {
    "displacement": "people_displaced",
    "abduction": "hostages",
    "prison_break": "prisoners_freed",
    "troop_position": "troops",
    "attack_on_civilians": "killed",
}
_ARGUMENT_SLOTS = frozenset(
    {"subj", "obj", "subjpass", "head", "gov:subj", "gov:obj", "gov:subjpass", "by", "poss"}
)


def magnitude(
    args: Arguments, kind: str, text: str
) -> tuple[float | None, str | None, str | None]:
    """Return (value, unit, note) of the figure the event's sentence gives for it.

    A count of the event's own people fills it: the displaced, the hostages,
    the prisoners freed, the troops deployed, the civilians executed. For an
    attack, the death toll written beside it ("killing 12", "12 were killed").
    Sub-counts ("including 7 children") never do; families are no count of
    people (the value is then null, with a note).
    """
    from events.extract.wordlists import FORCES, PRISONERS

    best: tuple[int, Any, str] | None = None
    for fig, slot, counted in args.figures:
        if fig.population:
            continue
        noun = syntax.lemma(counted)
        before = text[max(0, fig.start - 45) : fig.start]
        after = text[fig.end : fig.end + 60]
        unit = None
        rank = 9
        if kind in _UNIT_BY_KIND and slot in _ARGUMENT_SLOTS:
            wanted = {
                "troop_position": FORCES, "prison_break": PRISONERS,
                "attack_on_civilians": PEOPLE | FORCES,  # "executed 40 soldiers"
            }.get(kind, PEOPLE | {"family"})  # fmt: skip
            if noun in wanted or counted.tag_ == "CD":
                unit, rank = _UNIT_BY_KIND[kind], 0
        if unit is None and kind not in ("displacement", "abduction", "prison_break"):
            if _KILLED_BEFORE.search(before) or _KILLED_AFTER.match(after) or (
                    slot in _DEAD_SLOTS.get(syntax.lemma(args.anchor), ())):
                # "500 people, both civilians and soldiers, have been killed": the parse
                # ties the figure to the verb however far apart they are
                unit, rank = "killed", 1
            elif _WOUNDED_BEFORE.search(before):
                unit, rank = "wounded", 2
        if unit is None:
            continue
        distance = abs(fig.start - args.anchor.idx)
        if best is None or (rank, distance) < (best[0], abs(best[1].start - args.anchor.idx)):
            best = (rank, fig, unit)
    if best is None:
        return None, None, None
    _, fig, unit = best
    if re.match(r"^\s*(?:\w+\s+)?families\b", text[fig.end : fig.end + 30], re.IGNORECASE):
        return None, unit, "count of families, not people: magnitude left null"
    return fig.value, unit if fig.value is not None else None, fig.note
