"""Sections of a report that set the day its times are read from: headings by year or day.

A timeline's year heading ("2014") and a liveblog's entry heading ("Wednesday 23
December, 15:20") open a section whose times (:func:`events.dates.find_dates`) are
resolved against that year's end or that day, not the publication date.
"""

from __future__ import annotations

import re
from datetime import date

from events.dates import WEEKDAYS, find_dates

#: A line that is only a year heads a section of a timeline ("2014", "2015:").
_YEAR_HEADING = re.compile(r"^[ \t]*((?:19|20)\d\d)[ \t]*:?[ \t]*$", re.MULTILINE)
#: A line that is only a day, with its weekday or time: a liveblog's entry heading.
_DAY_HEADING = re.compile(
    r"^[ \t]*(?:(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?[ \t]+)?"
    r"(?:\d{1,2}[ \t]+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?[ \t]+\d{1,2})(?:,?[ \t]+\d{4})?"
    r"(?:[ \t]*[,\-–—]?[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*(?:GMT|BST|UTC|[AP]M))?)?[ \t]*$",
    re.MULTILINE)


def section_dates(text: str, published: date) -> list[tuple[int, date]]:
    """Return (offset, as-of date) for each year or day heading, in text order.

    Under a heading "2014" a report published in 2015 tells 2014: its "11 June"
    is 11 June 2014, read as if the section were written at the end of that year.
    Under a liveblog's entry heading "Wednesday 23 December, 15:20", "today" and
    "yesterday" are that day's. A heading after the publication date is ignored.
    """
    out = []
    for m in _YEAR_HEADING.finditer(text):
        year = int(m.group(1))
        if year <= published.year:
            out.append((m.end(), min(published, date(year, 12, 31))))
    for m in _DAY_HEADING.finditer(text):
        # "Monday 28 December": the weekday and the day must agree on one day
        days = {d.date for d in find_dates(m.group(0), published)
                if d.precision == "day" and not d.relative_to_anchor}
        weekday = (m.group("wd") or "").lower()
        if len(days) == 1 and min(days) <= published and (
                not weekday or WEEKDAYS[min(days).weekday()] == weekday):
            out.append((m.end(), min(days)))
    return sorted(out)


def as_of(offset: int, sections: list[tuple[int, date]], published: date) -> date:
    """Return the date a text position's times are resolved against (see `section_dates`)."""
    found = published
    for start, day in sections:
        if start > offset:
            break
        found = day
    return found
