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
from events.extract.place_links import km_apart
from events.extract.places import PlaceMention

#: "- Qayyarah sub-district: 5,610", "• Mosul city (east): 6,930 individuals".
_ROW = re.compile(
    r"^\s*(?:[-•*–]|\d{1,2}[.)])\s*(?P<label>[^:\n]{2,160}?)\s*:\s*(?:some\s+|about\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?P<unit>[A-Za-z]+)?\s*\.?\s*$"
)
#: "Mosul city (west) | Wadi Hajar | 7,450": a row of a table whose first figure cell
#: counts the row; its places are in the cells before, remarks (where people went, where
#: they shelter, who counted) in the cells after ("| Amuda | 7,500 | host families |").
_PIPE_ROW = re.compile(
    r"^\s*(?P<label>[^|\n]{2,120}(?:\|[^|\n]{1,120}){0,4}?)\s*\|\s*(?:some\s+|about\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*(?P<unit>[A-Za-z]+)?\s*(?:\([^)]*\))?\s*\.?\s*"
    r"(?:\|[^|\n]*)*$"
)
#: A table's header row (or the rule under it): cells, none a figure ("Sub-district |
#: Place of origin | Individuals", "Sub-district of origin | IDPs since 1 Dec 2019").
_PIPE_HEADER = re.compile(r"^(?!\s*\d[\d,.]*\s*(?:\||$))(?!.*\|\s*\d[\d,.]*\s*(?:\||$))"
                          r"[^|\n]+(?:\|[^|\n]+)+$")
#: The pipes that bound a row of a Markdown table: "| Adra | Ad Dumayr | 3,900 |".
_BOUNDS = re.compile(r"^\s*\|\s*|\s*\|\s*$")
#: A column that holds where people came from; the others hold where they are.
_ORIGIN_COLUMN = re.compile(r"\b(?:origin|from)\b", re.IGNORECASE)
#: A column of governorates: it only says where each row's place lies.
_UNIT_COLUMN = re.compile(r"(?:governorates?|provinces?)", re.IGNORECASE)
#: Between the names of a table cell: "Hawija and Al-Abbasi"; a remark in brackets.
_CELL_SPLIT = re.compile(r"\s*(?:,|\band\b)\s*")
_PARENS = re.compile(r"\([^)]*\)")
#: A cell that names a place: capitalised, or after an article ("al-Karma", "ad-Dana").
_NAMED = re.compile(r"(?:[a-z]{1,2}[-'])?[A-Z]")
#: Cells that name no place: "Other / not recorded", "TOTAL".
_NO_NAME = re.compile(r"(?:other|total|unknown|not\s+recorded|remaining|various|all)\b",
                      re.IGNORECASE)
#: A place of origin this far (km) from its row's first place is not the one meant.
CELL_KM = 40.0
#: Words after a cell's name that say what kind of place it is.
_CELL_TAIL = re.compile(
    r"(?:\s+(?:city|town|villages?|sub-?district|district|camp|area|surroundings))+\s*$",
    re.IGNORECASE,
)
#: Headings of a displacement table.
_DISPLACEMENT = re.compile(
    r"\b(?:displace\w*|IDPs?|internally\s+displaced|fled|flee\w*|(?:new\s+)?arrivals)\b",
    re.IGNORECASE
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


def table_candidates(
    sentences: list[Any], mentions: list[Any], published: date, reader: Any = None
) -> tuple[list[Candidate], set[int]]:
    """Return one displacement candidate per line of each displacement table.

    With them, the indices of the sentences that head those tables: a heading
    ("DISPLACEMENT BY AREA OF ORIGIN") names what its rows count, no event of its own.

    Parameters
    ----------
    sentences : list of Sentence
        The report's sentences (a list line is a sentence of its own).
    mentions : list of Mentions
        Their mentions; a line's place is the first it names that is no reference.
    published : datetime.date
        The report's day: the counts are cumulative up to it.
    reader : PlaceReader, optional
        The report's place reader, to read a table's cells as places.

    Returns
    -------
    (list of Candidate, set of int)
        The rows, with place, figure and date set (week precision on the report's
        day), and the indices of the sentences heading the tables they are in.
    """
    out: list[Candidate] = []
    heads: set[int] = set()
    heading: str | None = None
    head = -1  # the index of the sentence that heads the current table
    origin: int | None = None  # the column of places of origin, when the header names one
    columns = 0  # how many columns the header names
    governorates: int | None = None  # the column that only locates each row's place
    city: str | None = None  # the city whose quarters a table of neighbourhoods lists
    for s, m in zip(sentences, mentions, strict=True):
        line = _BOUNDS.sub("", s.text)
        row, lead = _ROW.match(s.text), 0
        # a bounded row only under a header that says which column is the origin, or that
        # names one column beside the figure, or with one cell before its figure: the other
        # columns of wider tables (camps, agencies) are no places people fled
        bounded = s.text.lstrip().startswith("|")
        if row is None:
            row, lead = _PIPE_ROW.match(line), len(s.text) - len(s.text.lstrip(" |"))
            if row is not None and bounded and origin is None and columns != 2 and (
                    "|" in row.group("label")):
                row = None  # several cells before the figure, none said to be the origin
        if row is None:
            if heading is not None and _PIPE_HEADER.match(line):
                heading += " " + line  # the column names under the table's heading
                origin = next((k for k, c in enumerate(line.split("|"))
                               if _ORIGIN_COLUMN.search(c)), origin)
                # "Camp | Governorate | New arrivals": the governorate only says where the
                # camp lies
                governorates = next((k for k, c in enumerate(line.split("|"))
                                     if _UNIT_COLUMN.fullmatch(c.strip())), None)
                # "Sub-district | IDP arrivals": one column of places beside the figure
                columns = line.count("|") + 1 - (governorates is not None)
                city = city or _quarters_of(heading, mentions[head] if head >= 0 else None)
            else:
                heading, origin, head, columns, governorates = s.text, None, s.index, 0, None
                city = _quarters_of(heading, m)
            continue
        if heading is None or not _DISPLACEMENT.search(heading):
            continue
        places = _row_places(s.text, m, row, reader, lead, origin, governorates, city)
        if not places:
            continue
        unit = (row.group("unit") or "").lower()
        if unit and unit not in _PEOPLE_UNITS | _FAMILY_UNITS:
            continue  # "5 camps", "12 trucks": not people
        heads.add(head)
        value = float(row.group("n").replace(",", ""))
        notes = []
        if unit in _FAMILY_UNITS:
            notes.append("count of families, not people: magnitude left null")
        out.extend(Candidate(
            sentence=s, trigger=RowTrigger(0, len(s.text), s.text), kind="displacement",
            place=place, actor1="Civilians", actor2=None, pronoun=False,
            date=DateMention(0, 0, "", published, "week"),
            magnitude=None if notes else value, unit="people_displaced",
            certainty="reported", notes=list(notes), attributed_date=True,
        ) for place in places)  # fmt: skip
    return out, heads


#: A table's heading or header that lists a city's quarters: "by neighbourhood of origin".
_QUARTER_WORDS = re.compile(r"\b(?:neighbou?rhoods?|quarters?)\b", re.IGNORECASE)


def _quarters_of(heading: str, mentions: Any) -> str | None:
    """Return the city a heading says its table's rows are quarters of, or None.

    "Displacement from West Mosul by neighbourhood of origin": Mosul.
    """
    if mentions is None or not _QUARTER_WORDS.search(heading):
        return None
    city = next((p for p in mentions.places if p.place is not None and not p.reference
                 and p.place.feature == "city"), None)
    return city.place.name if city is not None else None


def _row_places(text: str, mentions: Any, row: re.Match[str], reader: Any, lead: int = 0,
                origin: int | None = None, governorates: int | None = None,
                city: str | None = None) -> list[Any]:
    """Return the places a row counts people of.

    In a list line, the first place it names. In a table row, each cell is a place
    by its column, cue word or not: the places of the column of origin when the header
    names one ("Place of origin | Main destination | Persons"), else of the most specific
    cell that names any ("Hawija | Hawija and Al-Abbasi | 1,960": both towns), read as
    quarters of the first cell's city ("Mosul city (west) | Wadi Hajar": Mosul, unless
    Wadi Hajar has a point of its own there). Under a heading of a ``city``'s
    neighbourhoods, the first cell is a quarter of that city. ``lead`` is where the row's
    cells start.
    """
    named = [p for p in mentions.places if p.place is not None and not p.reference
             and p.name_start < lead + row.end("label")]
    if "|" not in row.group(0) or reader is None:
        return named[:1]
    found: list[list[Any]] = []
    offset = lead
    first = None
    for k, cell in enumerate(row.group("label").split("|")):
        places = []
        if k == governorates:
            found.append(places)
            offset += len(cell) + 1
            continue
        for part in _CELL_SPLIT.split(_PARENS.sub("", cell)):
            name = _CELL_TAIL.sub("", part).strip()
            if len(name) < 3 or not _NAMED.match(name) or _NO_NAME.match(name):
                continue  # "... town and villages": a kind of place, no name
            place = reader.resolve(name, f"quarter:neighbourhood:{city}" if city and not k
                                   else None)
            if k and first is not None and (place is None or km_apart(place, first) > CELL_KM):
                # a place of origin far from its sub-district is a namesake: a quarter of
                # the sub-district's city, or nothing
                place = reader.resolve(name, "quarter:district") if first.feature == "city" \
                    else None
            if place is None or place.country not in ("IQ", "SY"):
                continue
            start = offset + max(cell.find(name), 0)
            places.append(PlaceMention(start, start + len(name), start, start + len(name), name,
                                       place, int(getattr(place, "geo_precision", 1) or 1)))
        if k == 0 and places:
            first = places[0].place
        found.append(places)
        offset += len(cell) + 1
    if origin is not None and origin < len(found) and found[origin]:
        return found[origin]
    return next((c for c in reversed(found) if c), named[:1])

