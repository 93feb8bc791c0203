"""Time expressions in news text and their resolution to a calendar date.

Pure functions: text in, ``(date, precision)`` out. Every expression is
resolved against the publication date of the report, following the rules of
the annotated corpus:

* a weekday is the latest such day on or before publication (a report
  published on a Thursday that says "Thursday" means that same day);
* "yesterday" is publication minus one day; "overnight" is the night before
  publication, so also minus one day (the event straddles both dates);
* "last week" / "the previous week" is publication minus seven days, with
  precision ``week``; "this week", "past week", "recent days" and a weekend
  are precision ``week`` too;
* "earlier this month" is precision ``month`` (on the first two days of a
  month it means the previous month: such reports were written the day
  before), "earlier this year" precision ``year``;
* a month name alone ("in June") is that month of the publication year, or of
  the year before when it would fall after publication;
* precision ``month`` is written as YYYY-MM-01 and ``year`` as YYYY-01-01.

``dateparser`` is not needed: the closed list of forms below covers news
language and is fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from events.figures import SMALL_NUMBERS as _SMALL_NUMBERS

MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = {
    **{word: value for word, value in _SMALL_NUMBERS.items() if 1 <= value <= 10},
    "a": 1,
    "an": 1,
    "several": 3,
    "a few": 3,
    "few": 3,
}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"  # "Dec." not "December."
)
#: A month's name as a pattern, for other modules' expressions of time.
MONTH_PATTERN = _MONTH
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"
_ORDINALS = {
    word: i
    for i, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split(),
        start=1,
    )
}
_ORDINAL = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS)})"
_LENGTH = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|" \
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
#: Events whose length a report gives: "a 13-day offensive" started 13 days before.
_CAMPAIGN = r"(?:offensive|operation|campaign|siege|battle|assault|fight|push|blockade|war)s?"

#: Nouns of events a year or a month set before dates: "the 2014 massacre", "the July
#: assault on Abu Ghraib" (the campaigns and the single events).
_EVENT_NOUN = (rf"(?:{_CAMPAIGN}|invasion|uprising|election|occupation|surge|massacres?"
               r"|attacks?|bombings?|fall|capture|takeover|killings|genocide|blast"
               r"|(?:air\s*)?strikes?|raids?|withdrawal|exodus|incursion|recapture|liberation)")

#: "the day after the strike": an event the report has just dated (its single events only).
_THE_EVENT = (r"\s+(?:the|that|this)\s+(?:[\w-]+\s+){0,3}?(?:(?:air\s*)?strike|attack|bombing"
              r"|blast|explosion|massacre|raid|shelling|assault)")

# Ordered: the first alternative that matches at a position wins, so longer
# forms come before their prefixes. Each group name says how to resolve it.
_DATE_RX = re.compile(
    rf"""(?<![A-Za-z0-9])(?=[A-Za-z0-9])(?:
    (?P<mdy>\b{_MONTH}\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?,?\s+
        (?P<mdy_y>(?:19|20)\d\d)\b)
  | (?P<dmy>\b(?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?{_MONTH},?
        \s+(?P<dmy_y>(?:19|20)\d\d)\b)
  | (?P<iso>\b(?P<iso_y>20\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)\b)
  | (?P<dlast>\b(?:{_MONTH}\s+(?P<dl_d>\d{{1,2}})(?:st|nd|rd|th)?|(?P<dl_d2>\d{{1,2}})(?:st|nd
        |rd|th)?\s+(?:of\s+)?{_MONTH}),?\s+(?:of\s+)?(?P<dl_w>last|this|that|the\s+same)\s+year\b)
  | (?P<md>\b{_MONTH}\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?(?:19|20)\d\d))
  | (?P<dm>\b(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?!,?\s+(?:19|20)\d\d))
  | (?P<entryyear>\A(?P<ey>(?:19|20)\d\d)(?=\s*[-–—:]\s))
  | (?P<entrymonth>\A{_MONTH}(?=\s*[-–—:]\s))
  | (?P<nthweekday>\b(?P<nw_n>first|second|third|fourth|last)\s+{_WEEKDAY}\s+(?:of|in)\s+
        {_MONTH}(?:,?\s+(?P<nw_y>(?:19|20)\d\d))?\b)
  | (?P<weekof>\b(?P<wo_n>first|second|third|fourth|last)\s+week\s+(?:of|in)\s+
        {_MONTH}(?:,?\s+(?P<wo_y>(?:19|20)\d\d))?\b)
  | (?P<monthyear>\b(?:(?:early|mid|late|end\s+of)[\s-]+)?{_MONTH},?\s+(?:of\s+)?
        (?P<my_y>(?:19|20)\d\d)\b)
  | (?P<midmonth>\b(?:mid|the\s+middle\s+of)[\s-]+{_MONTH})
  | (?P<monthof>\b(?:(?:in|since|during|until|by|from|of)\s+)?{_MONTH}\s+(?:of\s+)?(?P<mo_y>last
        |this|the\s+previous|that|the\s+same)\s+year\b)
  | (?P<month>\b(?:in|since|during|until|by|early|late|end\s+of|from|of|last)\s+(?:early\s+
        |late\s+)?{_MONTH}\b(?!\s*,?\s*(?:of\s+)?(?:19|20)\d\d)(?!\s+\d{{1,2}}(?:st|nd|rd|th)?\b))
  | (?P<ago>\b(?P<ago_n>{_COUNT})\s+(?P<ago_u>days?|weeks?|months?|years?)\s+(?:ago|earlier
        |before)\b)
  | (?P<spell>\b(?P<sp_after>after\s+(?:a|an|its|their)\s+)?(?P<sp_n>{_LENGTH})[-\s]
        (?P<sp_u>day|week|month|year)(?:-long|-old)?\s+
        (?:[a-z]+\s+){{0,2}}{_CAMPAIGN}\b)
  | (?P<nth>\bin\s+its\s+(?P<nth_n>{_ORDINAL})\s+(?P<nth_u>day|week|month|year)\b)
  | (?P<duration>\bfor\s+(?:(?:more\s+than|over|nearly|almost|about|some)\s+)?(?:the\s+(?:past
        |last)\s+)?(?P<dur_n>{_COUNT})\s+(?P<dur_u>days?|weeks?|months?|years?)\b)
  | (?P<agovague>\b(?:days|weeks)\s+(?:ago|earlier)\b|\b(?:in\s+|over\s+|during\s+)?(?:recent
        |the\s+past\s+(?:few|two|three|several)|the\s+last\s+(?:few|two|three
        |several)|the\s+(?:preceding|previous)(?:\s+few)?)\s+days\b)
  | (?P<lastday>\b(?:in\s+|over\s+|during\s+)?(?<!within\s)the\s+(?:past|last)\s+
        (?:24|twenty-four)\s+hours\b)
  | (?P<nextspan>\b(?:over|in|during|for)\s+the\s+(?:next|following)\s+(?P<ns_n>{_COUNT})\s+
        (?P<ns_u>days|weeks)\b|\b(?:in\s+|during\s+)?the\s+(?P<ns_w>week|days|weeks)\s+(?:after
        |following)\b)
  | (?P<later>\b(?:(?P<later_n>{_COUNT})\s+(?P<later_u>days?|weeks?)\s+(?:later|after{_THE_EVENT})
        |the\s+(?:next|following)\s+day|(?:the|a|one)\s+day\s+after{_THE_EVENT})\b)
  | (?P<within>\bwithin\s+(?P<within_n>{_COUNT})\s+(?P<within_u>days?|weeks?)\b)
  | (?P<thatperiod>\b(?:(?:later|earlier|during|in|on)\s+)?that\s+(?:same\s+)?(?:day|week|month
        |year)\b
        |\b(?:that|the)\s+same\s+(?:day|week|month|year|time|period)\b)
  | (?P<dayearlier>\b(?:a|one|the)\s+(?:day|night)\s+(?:earlier|before)\b(?!\s+yesterday)
        |\bthe\s+(?:previous|preceding)\s+(?:day|night)\b)
  | (?P<holiday>\b(?P<hol>New\s+Year['’]s\s+(?:Eve|Day)|Christmas\s+(?:Eve|Day))\b)
  | (?P<lastweekend>\b(?:last|this|the|over\s+the|at\s+the)\s+weekend\b)
  | (?P<lastweek>\b(?:last|previous|the\s+previous|the\s+preceding)\s+week\b)
  | (?P<thisweek>\b(?:this|past|the\s+past|earlier\s+this|later\s+this)\s+week\b)
  | (?P<lastmonth>\b(?:last|the\s+previous|previous)\s+month\b)
  | (?P<thismonth>\b(?:this|earlier\s+this|the\s+past)\s+month\b)
  | (?P<lastyear>\b(?:last|the\s+previous|previous)\s+year\b)
  | (?P<thisyear>\b(?:this|earlier\s+this|the\s+past)\s+year\b)
  | (?P<decade>\b(?:in\s+)?the\s+(?P<dc>(?:19|20)\d0)['’]?s\b)
  | (?P<weeklast>\b(?:on\s+)?(?P<wl_d>{_WEEKDAY})\s+(?:of\s+)?(?:last|the\s+previous)\s+week\b)
  | (?P<dayof>\b(?:(?:on|by|since|until|from)\s+the\s+(?P<do_n>\d{{1,2}})(?:st|nd|rd|th)\b
        (?!\s+of\b)(?!\s+(?:day|anniversary|century|floor|hour|round|time|(?-i:[A-Z])))
        |\bthe\s+(?P<do_n2>\d{{1,2}})(?:st|nd|rd|th)\s+of\s+(?P<do_w>this|last|the\s+previous)
        \s+month\b))
  | (?P<weekday>\b(?:(?:last|early|late|on|this|past)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?:morning
        |afternoon|evening|night))?\b(?!,?\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?
        {_MONTH}|{_MONTH}\s+\d{{1,2}}\b)))
  | (?P<yesterday>\byesterday\b|\blast\s+night\b)
  | (?P<overnight>\bovernight\b|\b(?:during|in|through)\s+the\s+night\b)
  | (?P<today>\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b|\bearlier\s+today\b)
  | (?P<sinceyear>\b(?:since|in|during|of|by|from|until|early|late|mid-?)\s*(?P<sy>(?:19|20)\d\d)\b)
  | (?P<yrange>(?<![-–])\b(?P<yr0>(?:19|20)\d\d)\s*[-–]\s*(?P<yr1>(?:19|20)?\d\d)\b(?![-–/]))
  | (?P<yearadj>\b(?:the\s+)?(?P<ya>(?:19|20)\d\d)\s+{_EVENT_NOUN}\b)
  | (?P<monthadj>\bthe\s+{_MONTH}\s+{_EVENT_NOUN}\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# Every expression above contains a digit or one of these stems.
_DATE_HINT = re.compile(
    r"\d|day|hours|week|month|year|night|ago|earlier|later|overnight|today|tonight|morning|evening|"
    r"afternoon|period|time|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    re.IGNORECASE,
)

PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One time expression found in a text, already resolved.

    ``start``/``end`` are offsets in the text searched; ``historic`` marks
    expressions before 2013 (background the corpus does not code).
    """

    start: int
    end: int
    text: str
    date: date
    precision: str
    relative_to_anchor: bool = False

    @property
    def spell(self) -> bool:
        """True for a campaign's length ("a two-month siege"), dated by the campaign's start."""
        return _SPELL_RX.match(self.text) is not None

    @property
    def duration(self) -> bool:
        """True for how long a state lasted ("fought for three days"), dated from publication."""
        return _DURATION_RX.match(self.text) is not None

    @property
    def historic(self) -> bool:
        """True when the expression points before 2013."""
        return self.date.year < 2013


def _month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def _prev_month(d: date) -> date:
    return date(d.year - 1, 12, 1) if d.month == 1 else date(d.year, d.month - 1, 1)


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(text: str) -> int | None:
    for word in re.findall(r"[A-Za-z]+", text):
        number = MONTHS.get(word.lower())
        if number and not (word.lower() == "may" and word[0].islower()):
            return number
    return None


def _year_for(month: int, day: int, published: date) -> int:
    """Return the year of a day/month given without one: the latest on or before publication."""
    candidate = _safe_day(published.year, month, min(day, 28))
    if candidate is not None and candidate > published:
        return published.year - 1
    return published.year


def _count_unit(count: str, unit: str) -> tuple[int, str]:
    """Parse "two" / "3" and "weeks" into (2, "week")."""
    count = count.lower()
    n = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 1)
    return n, unit.lower().rstrip("s")


def _back(base: date, n: int, unit: str, day_precision: str) -> tuple[date, str]:
    """Go ``n`` days/weeks/months/years back from ``base``, with the precision that leaves."""
    if unit == "day":
        return base - timedelta(days=n), day_precision if n <= 3 else "week"
    if unit == "week":
        return base - timedelta(days=7 * n), "week"
    if unit == "month":
        day = base
        for _ in range(n):
            day = _prev_month(day)
        return day, "month"
    return date(base.year - n, 1, 1), "year"


_SPELL_RX = re.compile(rf"{_LENGTH}[-\s](?:day|week|month|year)\b", re.IGNORECASE)
_DURATION_RX = re.compile(r"for\s.*\b(?:day|week|month|year)s?$", re.IGNORECASE)
_SPELL_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _number_word(text: str) -> str:
    from events.figures import parse_number

    value = parse_number(text)
    return str(int(value)) if value is not None else text


def _started(published: date, n: int, unit: str) -> date:
    """Return the day a spell of ``n`` days, weeks, months or years up to publication began."""
    if unit == "day":
        return published - timedelta(days=n)
    if unit == "week":
        return published - timedelta(days=7 * n)
    if unit == "month":
        day = published
        for _ in range(n):
            day = _prev_month(day)
        return day
    return date(published.year - n, 1, 1)


_NTH = {"first": 0, "second": 1, "third": 2, "fourth": 3}
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


def _week_of_month(m: re.Match[str], text: str, published: date) -> tuple[date, str, bool] | None:
    """Resolve "the second week of May" (its middle day) or "the first Thursday of June"."""
    month = _month_number(text.split(" of ")[-1].split(" in ")[-1])
    if not month:
        return None
    given = m.group("nw_y") or m.group("wo_y")
    year = int(given) if given else _year_for(month, 1, published)
    first = date(year, month, 1)
    last = _month_start(year + month // 12, month % 12 + 1) - timedelta(days=1)
    nth = (m.group("nw_n") or m.group("wo_n")).lower()
    if m.lastgroup == "weekof":
        day = last - timedelta(days=3) if nth == "last" else first + timedelta(3 + 7 * _NTH[nth])
        return min(day, last), "week", False
    wd = next(i for i, w in enumerate(_WEEKDAYS) if w in text.lower())
    if nth == "last":
        day = last - timedelta(days=(last.weekday() - wd) % 7)
    else:
        day = first + timedelta(days=(wd - first.weekday()) % 7 + 7 * _NTH[nth])
    return (day, "day", False) if day.month == month else None


#: Days of the year named as feasts: (month, day) by the lower-case name's words.
_HOLIDAYS = {"new year s eve": (12, 31), "new year s day": (1, 1), "christmas eve": (12, 24),
             "christmas day": (12, 25)}


def _resolve_match(
    m: re.Match[str], published: date, anchor: date
) -> tuple[date, str, bool] | None:
    kind = m.lastgroup
    text = m.group(0)
    low = text.lower()
    if kind == "mdy":
        month = _month_number(text)
        d = month and _safe_day(int(m.group("mdy_y")), month, int(m.group("mdy_d")))
        return (d, "day", False) if d else None
    if kind == "dmy":
        month = _month_number(text)
        d = month and _safe_day(int(m.group("dmy_y")), month, int(m.group("dmy_d")))
        return (d, "day", False) if d else None
    if kind == "iso":
        d = _safe_day(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
        return (d, "day", False) if d else None
    if kind in ("md", "dm"):
        month = _month_number(text)
        day = int(m.group("md_d") if kind == "md" else m.group("dm_d"))
        if not month:
            return None
        d = _safe_day(_year_for(month, day, published), month, day)
        return (d, "day", False) if d else None
    if kind == "monthyear":
        month = _month_number(text)
        return (_month_start(int(m.group("my_y")), month), "month", False) if month else None
    if kind in ("nthweekday", "weekof"):
        # "on the first Thursday of June", "during the second week of May"
        return _week_of_month(m, text, published)
    if kind == "midmonth":
        month = _month_number(text)
        if not month:
            return None
        d = _safe_day(_year_for(month, 15, published), month, 15)
        return (d, "week", False) if d else None
    if kind == "monthof":
        # "in March last year", "March of this year"; "in June of that year": of the year
        # the story is at
        month = _month_number(text)
        which = m.group("mo_y").lower()
        told = which.startswith(("that", "the same"))
        year = anchor.year if told else published.year - (which != "this")
        return (_month_start(year, month), "month", told) if month else None
    if kind == "dlast":
        # "on May 21 last year", "3 March this year"; "on 3 August that year"
        month = _month_number(text)
        which = m.group("dl_w").lower()
        told = which.startswith(("that", "the same"))
        year = anchor.year if told else published.year - (which == "last")
        d = month and _safe_day(year, month, int(m.group("dl_d") or m.group("dl_d2")))
        return (d, "day", told) if d else None
    if kind == "entryyear":
        # a timeline's entry "2012 - The city stays quiet": that year
        year = int(m.group("ey"))
        return (date(year, 1, 1), "year", False) if year <= published.year else None
    if kind in ("month", "entrymonth", "monthadj"):
        # "in March"; a timeline's entry "March: ..."; "the July assault"
        month = _month_number(text)
        if not month:
            return None
        year = _year_for(month, 1, published)
        if low.startswith("last") and (year, month) == (published.year, published.month):
            year -= 1  # "last April" written in April: a year ago
        return _month_start(year, month), "month", False
    if kind == "ago":
        n, unit = _count_unit(m.group("ago_n"), m.group("ago_u"))
        # "two days earlier" counts from the date being told about; "two days ago" from publication.
        relative = not low.endswith("ago")
        day, precision = _back(anchor if relative else published, n, unit, "day")
        return day, precision, relative
    if kind == "spell":
        # "a 13-day offensive": it began that long before publication; "seized it on 19
        # February after a three-day offensive": that long before the date told
        n, unit = _count_unit(_number_word(m.group("sp_n")), m.group("sp_u"))
        after = bool(m.group("sp_after"))
        return _started(anchor if after else published, n, unit), _SPELL_PRECISION[unit], after
    if kind == "nth":
        # "now in its 13th day": it began on the first of those days
        word = m.group("nth_n").lower()
        n = int(re.sub(r"\D", "", word)) if word[0].isdigit() else _ORDINALS[word]
        unit = m.group("nth_u").lower()
        return _started(published, n - 1, unit), _SPELL_PRECISION[unit], False
    if kind == "duration":
        # "surrounded for two months": the state began that long before publication.
        n, unit = _count_unit(m.group("dur_n"), m.group("dur_u"))
        day, precision = _back(published, n, unit, "week")
        return day, precision, False
    if kind == "agovague":
        return published, "week", False
    if kind == "lastday":
        return published, "day", False  # "in the past 24 hours": the report's day
    if kind == "nextspan":
        # "over the next three days", "in the week after the bombing": a spell after the
        # date being told about, dated at its middle
        if m.group("ns_w"):
            days = {"week": 7, "weeks": 14}.get(m.group("ns_w").lower(), 3)
        else:
            n, unit = _count_unit(m.group("ns_n"), m.group("ns_u"))
            days = n * (7 if unit == "week" else 1)
        return anchor + timedelta(days=max(1, (days + 1) // 2)), "week", True
    if kind in ("later", "within"):
        # "a day later", "the next day", "within two days" (by the span's end): after the date
        n, unit = _count_unit(m.group(f"{kind}_n") or "1", m.group(f"{kind}_u") or "day")
        if unit == "week":
            return anchor + timedelta(days=7 * n), "week", True
        return anchor + timedelta(days=n), "day" if n <= 3 else "week", True
    if kind == "thatperiod":
        # "later that month": the period of the date being told about
        if low.endswith("year"):
            return date(anchor.year, 1, 1), "year", True
        if low.endswith("month"):
            return _month_start(anchor.year, anchor.month), "month", True
        if low.endswith("week"):
            return anchor, "week", True
        return anchor, "day", True  # "that same day", "around the same time"
    if kind == "dayearlier":
        return anchor - timedelta(days=1), "day", True
    if kind == "holiday":
        # "on New Year's Eve": the latest such day on or before publication
        month, day = _HOLIDAYS[re.sub(r"\W+", " ", m.group("hol").lower())]
        told = date(published.year, month, day)
        return (told if told <= published else told.replace(year=told.year - 1)), "day", False
    if kind == "lastweekend":
        # The Saturday of the latest weekend on or before publication.
        back = (published.weekday() - 5) % 7
        return published - timedelta(days=back), "week", False
    if kind == "lastweek":
        return published - timedelta(days=7), "week", False
    if kind == "thisweek":
        return published, "week", False
    if kind == "lastmonth":
        return _prev_month(published), "month", False
    if kind == "thismonth":
        if "earlier" in low and published.day <= 2:
            return _prev_month(published), "month", False
        return _month_start(published.year, published.month), "month", False
    if kind == "lastyear":
        return date(published.year - 1, 1, 1), "year", False
    if kind == "thisyear":
        return date(published.year, 1, 1), "year", False
    if kind == "decade":
        # "in the 1970s and 1980s": no year more exact, and history all the same
        return date(int(m.group("dc")), 1, 1), "year", False
    if kind == "weeklast":
        # "on Monday last week", "Tuesday of last week": that day of the week before
        monday = published - timedelta(days=published.weekday() + 7)
        return monday + timedelta(days=WEEKDAYS.index(m.group("wl_d").lower())), "day", False
    if kind == "dayof":
        return _day_of_month(m, published, anchor)
    if kind == "weekday":
        target = WEEKDAYS.index(m.group("wd").lower())
        back = (published.weekday() - target) % 7
        if low.startswith("last ") and back == 0:
            back = 7
        return published - timedelta(days=back), "day", False
    if kind == "yesterday":
        return published - timedelta(days=1), "day", False
    if kind == "overnight":
        # the night before the day being told about: publication's, or a story's day
        return anchor - timedelta(days=1), "day", True
    if kind == "today":
        return published, "day", False
    if kind == "sinceyear":
        year = int(m.group("sy"))
        if year > published.year:
            return None
        return date(year, 1, 1), "year", False
    if kind == "yrange":
        # "the 2003-2011 occupation", "in 2016-17": the span's first year
        first, last = int(m.group("yr0")), m.group("yr1")
        last = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if not first < last <= published.year:
            return None
        return date(first, 1, 1), "year", False
    if kind == "yearadj":
        year = int(m.group("ya"))
        return (date(year, 1, 1), "year", False) if year <= published.year else None
    return None


def _day_of_month(m: re.Match[str], published: date, anchor: date) -> tuple | None:
    """Resolve "on the 3rd", "the 7th of this month", "the 20th of last month".

    A day told by its number alone is of the month the story is at (the date
    being told about, or a month heading it), or the month before when that day
    is still to come then.
    """
    if m.group("do_w"):
        month = published if m.group("do_w").lower() == "this" else _prev_month(published)
        d = _safe_day(month.year, month.month, int(m.group("do_n2")))
        return (d, "day", False) if d else None
    n = int(m.group("do_n"))
    d = _safe_day(anchor.year, anchor.month, n)
    if d is None or (d > anchor and anchor.day != 1):  # the 1st stands for a month heading
        before = _prev_month(anchor)
        d = _safe_day(before.year, before.month, n)
    return (d, "day", True) if d else None


def find_dates(text: str, published: date, *, anchor: date | None = None) -> list[DateMention]:
    """Find and resolve every time expression in ``text``.

    Parameters
    ----------
    text : str
        A sentence or any span of text.
    published : datetime.date
        Publication date of the report; every relative expression is read against it.
    anchor : datetime.date, optional
        Date of the surrounding context, for "a day earlier"; defaults to ``published``.

    Returns
    -------
    list of DateMention
        In text order. Dates after ``published`` are dropped (news reports past events),
        except expressions relative to an anchor when none is given ("a day later").

    Examples
    --------
    >>> [(m.date.isoformat(), m.precision) for m in find_dates("on Tuesday", date(2014, 6, 12))]
    [('2014-06-10', 'day')]
    """
    given = anchor is not None
    anchor = anchor or published
    found: list[DateMention] = []
    if not _DATE_HINT.search(text):
        return found  # cheap test first: most sentences name no time at all
    for m in _DATE_RX.finditer(text):
        resolved = _resolve_match(m, published, anchor)
        if resolved is None:
            continue
        day, precision, relative = resolved
        if day > published and (given or not relative):
            # a date after publication is no news; "a day later" read without its anchor is
            # kept, for the caller to read again against the date the story is at
            continue
        found.append(DateMention(m.start(), m.end(), m.group(0), day, precision, relative))
    return found


def resolve(date_text: str, published: date | str) -> tuple[date, str] | None:
    """Resolve one time expression against a publication date.

    Parameters
    ----------
    date_text : str
        The expression, e.g. "Tuesday", "last week", "on June 10", "earlier this year".
    published : datetime.date or str
        Publication date (``YYYY-MM-DD`` accepted).

    Returns
    -------
    tuple of (datetime.date, str) or None
        The date and its precision (one of ``PRECISIONS``); None when the text holds
        no time expression this module knows.

    Examples
    --------
    >>> resolve("yesterday", "2014-09-01")
    (datetime.date(2014, 8, 31), 'day')
    >>> resolve("in January", "2014-06-12")
    (datetime.date(2014, 1, 1), 'month')
    """
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published.strip()[:10])
        except ValueError as exc:
            raise ValueError(f"invalid published={published!r}: expected YYYY-MM-DD") from exc
    found = find_dates(date_text, published)
    if not found:
        return None
    return found[0].date, found[0].precision
