"""Resolution of news time expressions against the publication date."""

from datetime import date

import pytest

from events.date_sections import as_of, section_dates
from events.dates import find_dates, resolve

PUB = date(2015, 3, 12)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("on Tuesday", "2015-03-10", "day"),
        ("Thursday", "2015-03-12", "day"),  # same weekday as publication: that day
        ("last Thursday", "2015-03-05", "day"),
        ("early Friday", "2015-03-06", "day"),
        ("Sunday night", "2015-03-08", "day"),
        ("yesterday", "2015-03-11", "day"),
        ("overnight", "2015-03-11", "day"),
        ("during the night", "2015-03-11", "day"),
        ("today", "2015-03-12", "day"),
        ("last week", "2015-03-05", "week"),
        ("the previous week", "2015-03-05", "week"),
        ("this week", "2015-03-12", "week"),
        ("two weeks ago", "2015-02-26", "week"),
        ("three days ago", "2015-03-09", "day"),
        ("earlier this month", "2015-03-01", "month"),
        ("last month", "2015-02-01", "month"),
        ("around 9-10 August 2014", "2014-08-09", "day"),  # a range of days: its first
        ("on August 9-10, 2014", "2014-08-09", "day"),
        ("earlier this year", "2015-01-01", "year"),
        ("in January", "2015-01-01", "month"),
        ("in June", "2014-06-01", "month"),  # a month after publication: the year before
        ("on March 9", "2015-03-09", "day"),
        ("on 9 March", "2015-03-09", "day"),
        ("March 9, 2015", "2015-03-09", "day"),
        ("since mid-February", "2015-02-15", "week"),
        ("since 2014", "2014-01-01", "year"),
        ("in May 2014", "2014-05-01", "month"),
        ("captured in June 2014", "2014-06-01", "month"),
        ("since June 2013", "2013-06-01", "month"),
        ("for two months", "2015-01-01", "month"),
        ("in recent days", "2015-03-12", "week"),
        ("in the past 24 hours", "2015-03-12", "day"),
        ("in the preceding days", "2015-03-12", "week"),
        ("in the 1970s", "1970-01-01", "year"),
        ("fell in mid-February.", "2015-02-15", "week"),  # the full stop is no abbreviation's
        ("over the last twenty-four hours", "2015-03-12", "day"),
        ("which ended in March last year", "2014-03-01", "month"),
        ("in January of last year", "2014-01-01", "month"),
        ("struck in April of 2013 with sarin", "2013-04-01", "month"),
        ("in late May of 2013", "2013-05-01", "month"),
        ("since February this year", "2015-02-01", "month"),
        # a weekday or a week counted in a month
        ("on the first Thursday of March", "2015-03-05", "day"),
        ("on the last Friday of February", "2015-02-27", "day"),
        ("during the second week of February", "2015-02-11", "week"),
        ("since the last week of December", "2014-12-28", "week"),
        ("in the first week of May 2014", "2014-05-04", "week"),
        # a weekday of the week before, a day of a month by its number
        ("on Monday last week", "2015-03-02", "day"),
        ("by Friday of last week", "2015-03-06", "day"),
        ("on the 7th of this month", "2015-03-07", "day"),
        ("the 20th of last month", "2015-02-20", "day"),
        ("fell on the 3rd", "2015-03-03", "day"),
        ("on the 25th", "2015-02-25", "day"),  # still to come this month: the month before
        # a year set before an event's noun
        ("for the 2014 massacre of cadets", "2014-01-01", "year"),
        ("since the 2013 siege of the town", "2013-01-01", "year"),
        ("after the July assault on the prison", "2014-07-01", "month"),
        # a span of years is dated by its first
        ("during the 2003-2011 occupation", "2003-01-01", "year"),
        ("in the 2013–14 winter", "2013-01-01", "year"),
        # feasts of fixed day: the latest on or before publication
        ("On New Year's Eve", "2014-12-31", "day"),
        ("on New Year’s Day", "2015-01-01", "day"),
        ("on Christmas Day", "2014-12-25", "day"),
        # a weekday told with its date is that date, not the weekday before publication
        ("launched on Sunday 1 March against", "2015-03-01", "day"),
        ("On Monday, February 2, rockets", "2015-02-02", "day"),
    ],
)
def test_resolve_table(text, expected, precision):
    day, prec = resolve(text, PUB)
    assert (day.isoformat(), prec) == (expected, precision)


@pytest.mark.parametrize("text", ["the army may advance", "no time here", "", "Mayor Ali spoke",
                                  "on the 17th Division base", "on the 5th day of the siege",
                                  "on the 93rd Brigade", "between 1,200-1,500 people",
                                  "a 2012-2014-2016 series", "the 2014-2019 plan"])
def test_no_time_expression(text):
    assert resolve(text, PUB) is None


@pytest.mark.parametrize(
    "text", ["a day earlier", "the night before", "the previous night", "the previous day"])
def test_a_day_earlier_is_relative_to_anchor(text):
    found = find_dates(text, PUB, anchor=date(2015, 3, 10))
    assert [(m.date.isoformat(), m.precision) for m in found] == [("2015-03-09", "day")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the day after the strike", "2015-03-11"),
        ("A day after the suicide car bomb attack", "2015-03-11"),
        ("two days after the massacre", "2015-03-12"),
    ],
)
def test_days_after_an_event_just_told_count_from_the_anchor(text, expected):
    found = find_dates(text, PUB, anchor=date(2015, 3, 10))
    assert [(m.date.isoformat(), m.precision) for m in found] == [(expected, "day")]


def test_the_day_before_yesterday_is_not_a_day_before_the_anchor():
    found = find_dates("the day before yesterday", PUB, anchor=date(2015, 3, 1))
    assert all(m.date != date(2015, 2, 28) for m in found), found


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        # a spell after the day being told about, dated at its middle
        ("over the next three days", "2015-03-02", "week"),
        ("in the week after the bombing", "2015-03-04", "week"),
        ("in the days after the attack", "2015-03-02", "week"),
        ("for the next two weeks", "2015-03-07", "week"),
        # the same period as the day being told about
        ("during the same period", "2015-02-28", "day"),
    ],
)
def test_spells_after_the_anchor(text, expected, precision):
    found = find_dates(text, PUB, anchor=date(2015, 2, 28))
    assert [(m.date.isoformat(), m.precision, m.relative_to_anchor) for m in found] == [
        (expected, precision, True)
    ]


def test_later_that_month_follows_the_anchor():
    (m,) = find_dates("later that month", PUB, anchor=date(2014, 8, 20))
    assert (m.date.isoformat(), m.precision) == ("2014-08-01", "month")


def test_future_dates_are_dropped():
    assert find_dates("on March 20, 2015", PUB) == []


def test_historic_flag():
    (m,) = find_dates("after the 2003 invasion", PUB)
    assert m.historic


def test_resolve_rejects_bad_publication_date():
    with pytest.raises(ValueError, match="published"):
        resolve("Tuesday", "not a date")


def test_offsets_point_into_text():
    text = "Fighters entered the town on Sunday and left on Monday."
    for m in find_dates(text, PUB):
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("eight months before", "2014-04-01", "month"),
        ("two years earlier", "2012-01-01", "year"),
        ("three weeks earlier", "2014-11-10", "week"),
    ],
)
def test_a_span_before_counts_back_from_the_anchor(text, expected, precision):
    # "seized it in December, eight months after being driven out": from December
    found = find_dates(text, PUB, anchor=date(2014, 12, 1))
    assert [(m.date.isoformat(), m.precision, m.relative_to_anchor) for m in found] == [
        (expected, precision, True)
    ]


def test_year_headings_set_the_year_of_their_section():
    text = "Timeline\n\n2014\n11 June - seized\n2015:\n2 May - shelled\n2016\nlater"
    sections = section_dates(text, PUB)  # 2016 comes after publication: no heading
    assert [d.isoformat() for _, d in sections] == ["2014-12-31", "2015-03-12"]
    assert as_of(0, sections, PUB) == PUB
    assert as_of(text.index("11 June"), sections, PUB) == date(2014, 12, 31)
    assert as_of(text.index("2 May"), sections, PUB) == PUB
    assert find_dates("11 June", as_of(text.index("11 June"), sections, PUB))[0].date == date(
        2014, 6, 11)


def test_a_liveblog_entry_s_day_heading_sets_its_today():
    text = ("Live updates\nThursday 12 March, 09:30\nShelling hit the town today.\n"
            "Tuesday 10 March, 18:40\nTroops said they had taken the hill yesterday.\n"
            "Friday 13 March, 08:00\nA heading after publication sets nothing.")
    sections = section_dates(text, PUB)
    assert [d.isoformat() for _, d in sections] == ["2015-03-12", "2015-03-10"]
    told = as_of(text.index("Troops"), sections, PUB)
    assert find_dates("yesterday", told)[0].date == date(2015, 3, 9)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2012 - Protests spread to the city.", date(2012, 1, 1), "year"),
        ("2014: The militants arrive.", date(2014, 1, 1), "year"),
        ("January: Rivals are driven out.", date(2014, 1, 1), "month"),
        ("August – Car bombs slow the push.", date(2014, 8, 1), "month"),
        ("May: Troops advance.", date(2014, 5, 1), "month"),
    ],
)
def test_a_timeline_entry_opened_by_a_year_or_a_month_is_dated_by_it(text, expected, precision):
    (found,) = find_dates(text, date(2014, 12, 31))
    assert (found.date, found.precision) == (expected, precision)


def test_a_year_or_month_inside_a_sentence_needs_its_preposition():
    # only at the head of a timeline's entry does a bare month date the line
    assert find_dates("Troops said August was the worst month.", date(2014, 12, 31)) == []


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("He was seized at a checkpoint that week.", date(2014, 8, 3), "week"),
        ("On that day the town fell.", date(2014, 8, 3), "day"),
        ("That year the dam changed hands twice.", date(2014, 1, 1), "year"),
        # a day or a month "of that year" is in the year being told about
        ("The militia had entered the town on 9 June that year.", date(2014, 6, 9), "day"),
        ("Troops retook it on July 2 of the same year.", date(2014, 7, 2), "day"),
        ("The army recovered the town in June of that year.", date(2014, 6, 1), "month"),
    ],
)
def test_that_week_or_day_is_of_the_date_being_told_about(text, expected, precision):
    (found,) = find_dates(text, date(2017, 8, 3), anchor=date(2014, 8, 3))
    assert (found.date, found.precision, found.relative_to_anchor) == (expected, precision, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ISIS seized Palmyra on May 21 last year.", date(2015, 5, 21)),
        ("On 3 March this year the clashes began.", date(2016, 3, 3)),
        ("The dam fell on the 9th of August last year.", date(2015, 8, 9)),
    ],
)
def test_a_day_of_last_year_or_this_year_is_of_that_year(text, expected):
    (found,) = find_dates(text, date(2016, 6, 16))
    assert (found.date, found.precision) == (expected, "day")
