"""Stage tests: lists of displacement figures by place (events.extract.tables)."""

from __future__ import annotations

from events.extract import extract_events
from events.reports import read_text

UPDATE = """published: 2016-11-08
---
Flash update on the Mosul operation

Fighting continued east of Mosul on Monday.

DISPLACEMENT BY AREA OF ORIGIN (cumulative since 17 October)
- Qayyarah sub-district: 5,610
- Bashiqa sub-district: 1,464 individuals
- Sinjar sub-district: 300 families
- Nowhere-in-particular: 50

AID DELIVERED BY DISTRICT
- Tikrit: 4,000
"""


def _rows(text):
    report = read_text(text, name="update.txt")
    return [(e.place, e.magnitude, e.date, e.date_precision)
            for e in extract_events(report) if e.event_type == "displacement"]


def test_each_line_of_a_displacement_list_is_one_displacement():
    rows = _rows(UPDATE)
    assert ("Qayyarah", 5610.0, "2016-11-08", "week") in rows
    assert ("Bashiqa", 1464.0, "2016-11-08", "week") in rows
    # families are no count of people; a line with no place gives nothing
    assert [r for r in rows if r[0] == "Sinjar"] == [("Sinjar", None, "2016-11-08", "week")]
    assert len(rows) == 3


def test_a_list_under_another_heading_is_no_displacement():
    assert all(place != "Tikrit" for place, *_ in _rows(UPDATE))
    text = UPDATE.replace("DISPLACEMENT BY AREA OF ORIGIN", "SCHOOLS REOPENED BY AREA")
    assert _rows(text) == []


TABLE = """published: 2017-04-10
---
Flash update: western Mosul

NEW ARRIVALS BY SUB-DISTRICT AND AREA OF ORIGIN (6 - 9 April)
Sub-district | Area of origin | Individuals
Mosul city (west) | Zanjili | 2,300
Tel Afar | Tel Afar and Muhalabiya | 640 (screened at Badush)
Hammam al-Alil | Hammam al-Alil town and villages | 90
"""


def test_each_row_of_a_displacement_table_counts_its_place_of_origin():
    rows = _rows(TABLE)
    # a quarter with no point of its own is its sub-district's city
    assert ("Mosul", 2300.0, "2017-04-10", "week") in rows
    # two places in one cell: the figure is each one's
    assert {r[0] for r in rows if r[1] == 640.0} == {"Tal Afar", "Al Muhallabiyah"}, rows
    assert [r[0] for r in rows if r[1] == 90.0] == ["Hammam al-Alil"]
    # the heading's words are no places
    assert len(rows) == 4, rows


BOUNDED = """published: 2015-05-30
---
Situation report: Anbar

DISPLACEMENT SINCE 15 MAY (agency counts)
| Place of origin | Hosted in | Persons |
|---|---|---|
| Ramadi | Amiriyat al-Fallujah | 4,200 |
| Hit | Haditha and Baghdadi | 800 |
| Total | | 5,000 |
"""


def test_a_markdown_table_counts_the_column_its_header_names_as_the_origin():
    rows = _rows(BOUNDED)
    # the pipes that bound each row are no cells; the origin column is read, not the
    # hosting one, and the total names no place
    assert ("Ramadi", 4200.0, "2015-05-30", "week") in rows, rows
    assert ("Hit", 800.0, "2015-05-30", "week") in rows, rows
    assert len(rows) == 2, rows


ARRIVALS = """published: 2019-05-24
---
Situation report: north-west Syria

Table: new IDP arrivals by sub-district, 1 - 22 May
| Sub-district | IDP arrivals |
| ad-Dana | 31,075 |
| Salqin | 5,650 |
| al-Bab | 1,200 |
"""


def test_a_two_column_table_counts_its_one_column_of_places():
    # one column of places beside the figure: the places people were counted in, each
    # row one displacement, an article before a name ("ad-Dana", "al-Bab") or not
    rows = _rows(ARRIVALS)
    assert {(r[0], r[1]) for r in rows} == {
        ("Ad Dana", 31075.0), ("Salqin", 5650.0), ("Al Bab", 1200.0)}, rows


CAMPS = """url: https://example.org/flash
published: 2017-03-08
---
Flash update: arrivals at the camps south of the city

Table: new arrivals by camp since 1 March
| Camp | Governorate | New arrivals (individuals) |
| Hammam al-Alil | Ninewa | 5,200 |
| Haj Ali | Ninewa | 2,100 |
"""


def test_a_table_s_governorate_column_only_locates_its_rows():
    # "Camp | Governorate | New arrivals": one column of places beside the figure, the
    # governorate only says where each camp lies
    rows = _rows(CAMPS)
    assert {r[1] for r in rows} == {5200.0, 2100.0}, rows
    assert "Ninewa" not in {r[0] for r in rows}, rows


REMARKS = """url: https://example.org/flash
published: 2019-06-12
---
Flash update: displacement from the northern Hama countryside

Displacement since 1 May
| Sub-district of origin | IDPs since 1 May 2019 |
| Kafr Zita | 14,000 |
| Suqaylabiyah | 9,500 |

Partners recorded the following arrivals as of 10 June:
| Location | Estimated arrivals | Shelter |
| Atmeh | 21,000 | camps, host families |
| Salqin | 6,200 | schools |
"""


def test_a_table_s_header_may_hold_a_date_and_its_rows_remarks_after_the_figure():
    # a header cell with a date ("IDPs since 1 May 2019") is still a header; the cells after
    # a row's figure (where people shelter, who counted them) are remarks, not places
    rows = {(r[0], r[1]) for r in _rows(REMARKS)}
    assert {("Kafr Zaytah", 14000.0), ("Suqaylabiyah", 9500.0), ("Atmah", 21000.0),
            ("Salqin", 6200.0)} <= rows, rows
    assert not {r for r in rows if r[1] and r[0] not in (
        "Kafr Zaytah", "Suqaylabiyah", "Atmah", "Salqin")}, rows


QUARTERS = """url: https://example.org/dtm
published: 2017-04-02
---
Emergency tracking: displacement from the city's east

TABLE 2: Displacement from East Mosul by neighbourhood of origin
| Neighbourhood of origin | Individuals |
| Al-Zahraa | 6,200 |
| Al-Karama | 4,100 |
| Other / not recorded | 900 |
"""


def test_a_table_of_a_city_s_neighbourhoods_counts_each_in_that_city():
    # the rows are quarters of the city the heading names, not namesake villages elsewhere;
    # a row that names no place gives nothing
    rows = {(r[0], r[1]) for r in _rows(QUARTERS)}
    assert {("Mosul", 6200.0), ("Mosul", 4100.0)} <= rows, rows
    assert not {r for r in rows if r[1] and r[0] != "Mosul"}, rows
    assert ("Mosul", 900.0) not in rows, rows
