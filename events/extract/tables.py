"""Figures by place in a list under a heading: the tables of humanitarian updates.

UN and NGO updates give displacement as a list, one place a line, under a
heading that says what is counted::

    DISPLACEMENT BY AREA OF ORIGIN (cumulative)
    - Qayyarah sub-district: 5,610
    - Hamam al-Alil sub-district: 4,200 individuals

No line holds a verb, so the sentence stages find no trigger in them: this
stage reads each line as one displacement from its place, its figure the
line's number, counted up to the report's day (week precision). A list under
any other heading (casualties by hospital, aid by district) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from events.dates import DateMention
from events.extract.candidate import Candidate

#: "- Qayyarah sub-district: 5,610", "• Mosul city (east): 6,930 individuals".
_ROW = re.compile(
    r"^\s*(?:[-•*–]|\d{1,2}[.)])\s*(?P<label>[^:\n]{2,160}?)\s*:\s*(?:some\s+|about\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?P<unit>[A-Za-z]+)?\s*\.?\s*$"
)
#: Headings of a displacement table.
_DISPLACEMENT = re.compile(
    r"\b(?:displace\w*|IDPs?|internally\s+displaced|fled|flee\w*|new\s+arrivals)\b", re.IGNORECASE
)
#: Units that count people; families and households are no count of people.
_PEOPLE_UNITS = frozenset("people persons individuals idps displaced civilians residents".split())
_FAMILY_UNITS = frozenset("families households".split())


@dataclass(frozen=True)
class RowTrigger:
    """Where a table line's event is told: the whole line (no word triggers it)."""

    start: int
    end: int
    text: str
    kind: str = "displacement"
    frame: str = "table"

    @property
    def anchor_start(self) -> int:
        """Return where the line starts: it is its own anchor."""
        return self.start


def table_candidates(sentences: list[Any], mentions: list[Any], published: date) -> list[Candidate]:
    """Return one displacement candidate per line of each displacement table.

    Parameters
    ----------
    sentences : list of Sentence
        The report's sentences (a list line is a sentence of its own).
    mentions : list of Mentions
        Their mentions; a line's place is the first it names that is no reference.
    published : datetime.date
        The report's day: the counts are cumulative up to it.

    Returns
    -------
    list of Candidate
        With place, figure and date set (week precision on the report's day).
    """
    out: list[Candidate] = []
    heading: str | None = None
    for s, m in zip(sentences, mentions, strict=True):
        row = _ROW.match(s.text)
        if row is None:
            heading = s.text
            continue
        if heading is None or not _DISPLACEMENT.search(heading):
            continue
        places = [p for p in m.places if p.place is not None and not p.reference
                  and p.name_start < row.end("label")]
        if not places:
            continue
        unit = (row.group("unit") or "").lower()
        if unit and unit not in _PEOPLE_UNITS | _FAMILY_UNITS:
            continue  # "5 camps", "12 trucks": not people
        value = float(row.group("n").replace(",", ""))
        notes = []
        if unit in _FAMILY_UNITS:
            notes.append("count of families, not people: magnitude left null")
        out.append(Candidate(
            sentence=s, trigger=RowTrigger(0, len(s.text), s.text), kind="displacement",
            place=places[0], actor1="Civilians", actor2=None, pronoun=False,
            date=DateMention(0, 0, "", published, "week"),
            magnitude=None if notes else value, unit="people_displaced",
            certainty="reported", notes=notes, attributed_date=True,
        ))  # fmt: skip
    return out
