"""Stage 7, merging: one event per happening, however often the report tells it.

A report restates its news: the headline, the lead and a later paragraph may
all tell that Ramadi fell. Mentions merge when they share the event type and
the place (a named site such as an airport stays apart from its town), and
their actors and dates are compatible. The kept mention is the one with the
most exact explicit date; it takes a figure or a named actor from the others
when it has none. Last, two forces said by one report to hold the same place
at the same time make the claimed one ``disputed``.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from typing import Any

from events.extract.candidate import Candidate
from events.extract.sentences import LIST_ITEM
from events.extract.story_dates import COUNT_TO_DATE
from events.extract.wordlists import SITES
from geodata.normalize import skeleton_key

#: Mentions of one event type whose places lie closer than this (km) are one event told twice.
MERGE_KM = 5.0
#: Two towns named apart are one place only when their points nearly coincide (km).
SAME_TOWN_KM = 1.5
#: A quarter with its own point lies at most this far from the city it is part of (km).
QUARTER_KM = 15.0
#: How long before the day a source spoke it may tell of ("officials said on Tuesday").
_SAID_LAG_DAYS = 2
#: How many dated mentions of a cluster a new mention is checked against.
_DATED_CHECKED = 3
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_SITE_WORDS = re.compile(
    r"\b(?:" + "|".join(s.replace(" ", r"\s*") for s in SITES) + r"|villages|outside)\b",
    re.IGNORECASE,
)
#: Kinds of site that a report may name in several ways ("the refinery", "the facility").
_SITE_KIND = {
    "refinery": "installation",
    "facility": "installation",
    "plant": "installation",
    "complex": "installation",
    "jail": "prison",
    "embassy": "mission",
    "consulate": "mission",
    "air base": "base",
    "airbase": "base",
    "outside": "outskirts",
    "villages": "outskirts",
}
#: Quarter words: a quarter with its own point is that place ("the Karada district" is
#: Karada); one placed at its city is a part of the city, not the whole.
#: Public places where a bomb or a shell strikes a town: the town's event, not a site's.
_PUBLIC_PLACES = frozenset({"market", "street", "square", "building", "school", "mosque",
                            "hotel", "church", "station"})
_QUARTER_WORDS = frozenset({"district", "neighbourhood", "neighborhood", "quarter", "suburb"})
_WEAK_ACTORS = (None, "Unidentified armed group")
#: Names one report may use for the same force ("Kurdish fighters" and "the YPG").
SAME_SIDE = (
    frozenset({"Kurdish fighters", "YPG", "SDF", "Peshmerga"}),
    frozenset({"PMF", "Local militia"}),
    frozenset({"Syrian rebels", "Nusra Front"}),
)


def same_side(a: str | None, b: str | None) -> bool:
    """Tell whether two actor names are the same force, or allies a report names in turn."""
    return a == b or any(a in side and b in side for side in SAME_SIDE)


def _km(a: Candidate, b: Candidate) -> float:
    pa, pb = a.place.place, b.place.place
    dlat = (float(pa.lat) - float(pb.lat)) * 111.0
    dlon = (float(pa.lon) - float(pb.lon)) * 111.0 * math.cos(math.radians(float(pa.lat)))
    return math.hypot(dlat, dlon)


def _near(a: Candidate, b: Candidate) -> bool:
    if a.place.place.name == b.place.place.name:
        return True
    features = {a.place.place.feature, b.place.place.feature}
    # "jets hit Mleiha ... also Kafr Batna": two towns named apart are two places, however
    # close; other points a few km apart (a site, a town's two records) are one
    if _km(a, b) <= (SAME_TOWN_KM if features == {"city"} else MERGE_KM):
        return True
    # "in Iraq's capital, Baghdad" and "in the Karada district in central Baghdad": a
    # quarter with its own point is still in the city it belongs to
    return features == {"neighbourhood", "city"} and _km(a, b) <= QUARTER_KM


def _window(c: Candidate) -> tuple[date, date]:
    if c.precision == "year":
        return date(c.day.year, 1, 1), date(c.day.year, 12, 31)
    if c.precision == "month":
        nxt = date(c.day.year + c.day.month // 12, c.day.month % 12 + 1, 1)
        return c.day.replace(day=1), nxt - timedelta(days=1)
    pad = timedelta(days=7 if c.precision == "week" else 1)
    return c.day - pad, c.day + pad


def _windows_overlap(a: Candidate, b: Candidate) -> bool:
    (a0, a1), (b0, b1) = _window(a), _window(b)
    return a0 <= b1 and b0 <= a1


def drop_list_summaries(cands: list[Candidate], sentences: list[Any]) -> list[Candidate]:
    """Drop the events a list's lead-in sums up when its items tell them one by one.

    "Coalition forces conducted two strikes that closed in the last day:" then "-- Near
    Mosul, two strikes engaged ...": the lead-in's strikes are the items', no event of its
    own (nor one to borrow a place for). A lead-in whose items tell no event of its kind
    ("IS seized three towns on Monday:" over a bare list of names) keeps its own.
    """
    summed: dict[int, set[str]] = {}
    kinds: dict[int, set[str]] = {}
    for c in cands:
        kinds.setdefault(c.sentence.index, set()).add(c.kind)
    for k, s in enumerate(sentences):
        if not s.text.rstrip().endswith(":"):
            continue
        told: set[str] = set()
        for item in sentences[k + 1:]:
            if not LIST_ITEM.match(item.text):
                break
            told |= kinds.get(item.index, set())
        summed[s.index] = told
    return [c for c in cands if c.kind not in summed.get(c.sentence.index, ())]


def _compatible(a: Candidate, b: Candidate, published: date) -> bool:
    if a.sentence is b.sentence and a.place.place.name != b.place.place.name:
        return False  # "struck Douma, Harasta and Saqba": neighbours listed are each struck
    if a.sentence is not b.sentence and LIST_ITEM.match(a.sentence.text) and LIST_ITEM.match(
            b.sentence.text):
        return False  # two items of a list ("-- Near Mosul, nine strikes ...") are two entries
    if a.actor1 not in _WEAK_ACTORS and b.actor1 not in _WEAK_ACTORS:
        if not same_side(a.actor1, b.actor1):
            return False
    if a.magnitude is not None and b.magnitude is not None and a.magnitude != b.magnitude:
        return False  # "49 held" and "31 seized": two groups, two events
    if _to_date(a) != _to_date(b):
        return False  # "15,700 have fled since 17 October" counts more than one flight
    if (a.earlier_by is None) != (b.earlier_by is None) and not _windows_overlap(a, b):
        return False  # "retook X on Monday, nine days after IS seized it": two times
    if (a.date is not None and b.date is not None and a.precision == b.precision == "day"
            and abs((a.day - b.day).days) > _SAID_LAG_DAYS):
        # "succeeded on 16 May in ousting IS" and "seized a village on 12 May": each sentence
        # gives its day, and days apart are two events
        return False
    if a.sentence is b.sentence and a.kind == "seizure" and a.explicit_date != b.explicit_date:
        return True  # "continues to hold Fallujah, which it has controlled since January 2014"
    if a.explicit_date != b.explicit_date:
        # an undated mention is about the report's days; one dated weeks before is another
        # event, unless the story is at that very day ("... on 1 April. Troops retook it")
        dated, undated = (a, b) if a.explicit_date else (b, a)
        same_day = undated.precision == dated.precision and undated.day == dated.day
        if (published - dated.day).days > 14 and not same_day:
            return False
    if a.explicit_date and b.explicit_date and not _windows_overlap(a, b):
        return False
    if a.explicit_date and b.explicit_date and a.precision == b.precision == "day":
        # "retook three districts on Tuesday ... recaptured more on Wednesday"
        return a.day == b.day
    return True


def _to_date(c: Candidate) -> bool:
    return any(n.startswith(COUNT_TO_DATE) for n in c.notes)


def _own_point(c: Candidate) -> bool:
    """Tell whether a quarter was placed at its own point ("the Karada district": Karrada)."""
    written = _SITE_WORDS.split(re.sub(r"^the\s+", "", c.place.location, flags=re.I))[0]
    return skeleton_key(written.strip()) == skeleton_key(c.place.place.name)


def _mark_disputed(cands: list[Candidate]) -> None:
    seizures = [c for c in cands if c.kind == "seizure" and c.actor1 not in _WEAK_ACTORS]
    for a in [c for c in seizures if c.certainty == "claimed"]:
        for b in seizures:
            if (
                a is not b
                and a.sentence is not b.sentence  # one sentence does not contradict itself
                and a.place.place.name == b.place.place.name
                and not same_side(a.actor1, b.actor1)
                and _windows_overlap(a, b)
            ):
                a.certainty = "disputed"
                a.notes.append(f"contradicted in the same report: {b.actor1} said to hold it")
                break


def merge(cands: list[Candidate], published: date) -> list[Candidate]:
    """Keep one candidate per event told several times in a report.

    Parameters
    ----------
    cands : list of Candidate
        Dated and placed candidates, in text order.
    published : datetime.date
        The report's publication date.

    Returns
    -------
    list of Candidate
        In text order.
    """
    clusters: list[list[Candidate]] = []
    index: dict[tuple, list[list[Candidate]]] = {}
    dated: dict[int, list[Candidate]] = {}  # each cluster's first dated mentions, by id
    for c in cands:
        site = _SITE_WORDS.search(c.place.location)
        kind = re.sub(r"\s+", " ", site.group(0).lower()) if site else None
        if kind in _PUBLIC_PLACES or (kind in _QUARTER_WORDS and _own_point(c)):
            kind = None  # "a shopping street in Karada" is Karada; "the airport" is not
        key = (c.kind, _SITE_KIND.get(kind, kind))
        for cluster in index.setdefault(key, []):
            # against the first, the latest and the first dated mentions only: linear, also
            # on huge inputs; a dated one decides ("seized on 5 August" is not the headline's
            # "takes Manbij" when "ousted IS on 11 August" is)
            if _near(c, cluster[0]) and all(
                _compatible(c, m, published)
                for m in (cluster[0], *dated[id(cluster)], cluster[-1])
            ):
                cluster.append(c)
                break
        else:
            cluster = [c]
            index[key].append(cluster)
            clusters.append(cluster)
            dated[id(cluster)] = []
        if c.explicit_date and len(dated[id(cluster)]) < _DATED_CHECKED:
            dated[id(cluster)].append(c)
    kept: list[Candidate] = []
    for cluster in clusters:
        # the most exact date wins; between equals the earliest, since later mentions recap
        best = min(
            cluster,
            key=lambda c: (
                not c.explicit_date,
                c.sentence.headline,
                _RANK[c.precision],
                c.borrowed_place,
                c.day,
                c.sentence.index,
            ),
        )
        if best.magnitude is None:
            with_figure = [c for c in cluster if c.magnitude is not None]
            if with_figure:
                best.magnitude, best.unit = with_figure[0].magnitude, with_figure[0].unit
        if best.actor1 in _WEAK_ACTORS:
            best.actor1 = next(
                (c.actor1 for c in cluster if c.actor1 not in _WEAK_ACTORS), best.actor1
            )
        kept.append(best)
    kept = [c for c in kept if not _generic_headline(c, kept)]
    kept.sort(key=lambda c: (c.sentence.index, c.trigger.start))
    _mark_disputed(kept)
    return kept


#: A headline's fighting noun this close (km) to an event the body tells names that event.
HEADLINE_KM = 20.0


def _generic_headline(c: Candidate, kept: list[Candidate]) -> bool:
    """Tell whether a headline's event noun only names an event the body tells.

    "Baghdad attack: scenes of carnage in Karrada" is the body's bombing in Karrada,
    not a clash of its own.
    """
    if not (c.sentence.headline and c.trigger.frame == "noun" and not c.explicit_date):
        return False
    if c.kind == "clash":
        return any(
            other is not c and not other.sentence.headline and _windows_overlap(c, other)
            and _km(c, other) <= HEADLINE_KM
            for other in kept
        )
    # "Camp Speicher massacre: mass graves excavated": the massacre the body dates
    return any(
        other is not c and not other.sentence.headline and other.kind == c.kind
        and (other.explicit_date or other.precision == "day") and _km(c, other) <= HEADLINE_KM
        for other in kept
    )
