"""The candidate event: one event as read from one trigger, before and after the context stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Candidate:
    """One event read from one trigger of one sentence.

    The argument stage fills what the sentence says; the context stage fills
    the gaps from the rest of the report (``place`` None or an unresolved
    anaphor, ``date`` None, a pronoun as actor) and sets ``day`` and
    ``precision``.
    """

    sentence: Any
    trigger: Any
    kind: str
    place: Any  # PlaceMention or None
    actor1: str | None
    actor2: str | None
    pronoun: bool
    date: Any  # DateMention or None
    magnitude: float | None
    unit: str | None
    certainty: str
    notes: list[str] = field(default_factory=list)
    day: date | None = None
    precision: str = "day"
    explicit_date: bool = False
    borrowed_place: bool = False  # the place comes from another sentence
    attributed_date: bool = False  # the date is the sentence's ("officials said on Tuesday")
    #: (n, unit): told as that long before the date of the clause it hangs from ("six weeks
    #: after routing ISIS from Mosul, troops attacked Tal Afar on Sunday")
    earlier_by: tuple[int, str] | None = None
