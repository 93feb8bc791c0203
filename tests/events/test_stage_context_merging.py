"""Stages 6 and 7, report context (:mod:`events.extract.context`) and merging
(:mod:`events.extract.merging`), tested on their own.

Short reports of our own run through the stages before (:func:`stages`, then
:func:`assign.sentence_candidates`), and the tables check what the context
stage adds: the topic place, "the city" / "there" / "the province" and
place-less sentences, the date rules (own date, attributed date, a narrative
day carried to the next sentence of the same paragraph only, the
publication week by default, counts "since" a day), pronoun actors. Merging
is checked both on reports and on candidates built by hand: same type and
place merge, different explicit days do not, sites stay apart from their
town, contradicting claims are marked disputed.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

import geodata
from events.extract import assign, context, filters, merging, story_dates, syntax
from events.extract.candidate import Candidate
from events.extract.places import PlaceMention
from tests.events.test_stage_roles import PUB, stages


@pytest.fixture(scope="session")
def nlp():
    """The parsing pipeline, loaded once for the session."""
    return syntax.load_nlp()


def place_of(name: str) -> str:
    place = geodata.resolve(name)
    assert place is not None, name
    return place.name


def report(nlp, text: str, published: date = PUB) -> SimpleNamespace:
    """The report's candidates after the context stage, as extraction makes them."""
    st = stages(nlp, text, published)
    cands = []
    for s, m in zip(st.sentences, st.mentions, strict=True):
        if s.doc is not None:
            cands.extend(assign.sentence_candidates(s, m, country=st.country,
                                                    isis_named=st.isis_named))
    st.topic = context.topic_place(st.sentences, st.mentions)
    cands = context.resolve_places(cands, st.sentences, st.mentions, st.reader)
    story_dates.resolve_dates(cands, st.sentences, st.mentions, published)
    context.resolve_actors(cands)
    st.cands = [c for c in cands
                if filters.why_not_codable(c.day, c.place.place.country) is None]  # fmt: skip
    return st


def candidate(st: SimpleNamespace, trigger: str) -> Candidate:
    (c,) = [c for c in st.cands if c.trigger.text == trigger]
    return c


TOPICS = [
    # (report, topic place or None)
    ("Militants storm Baiji\nISIS fighters stormed Baiji on Monday. Officials in Baghdad spoke.",
     "Baiji"),
    ("Clashes in Ramadi\nTroops left Hit. Troops entered Haditha.", "Ramadi"),  # the headline
    ("Troops left Hit. Police entered Haditha. Haditha was calm. Haditha's market opened. "
     "Haditha's mayor spoke. Fighting raged near Haditha.", "Haditha"),  # named most often
    ("Troops left Hit. Police entered Haditha. Haditha was calm. Haditha's market opened.",
     "Hit"),  # the first sentence weighs as much as three more mentions
    ("Troops entered Ramadi in Anbar province.", "Ramadi"),  # a town beats its governorate
    ("Clashes erupted in villages 30 km south of Kirkuk. Troops shelled Hawija.", "Hawija"),
    ("ISIS seized large areas of northern Iraq.", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), TOPICS)
def test_topic_place(nlp, text, expected):
    st = stages(nlp, text)
    topic = context.topic_place(st.sentences, st.mentions)
    assert (topic.place.name if topic else None) == (place_of(expected) if expected else None)


PLACES = [
    # (report, trigger, place of its event)
    ("ISIS fighters reached Tikrit on Monday. A day later, they seized the city.", "seized",
     "Tikrit"),
    ("Militants entered Baiji on Monday. The town fell to ISIS on Tuesday.", "fell to", "Baiji"),
    ("After troops left Hit, ISIS seized the city.", "seized", "Hit"),
    ("Troops reached Baiji on Monday. Clashes broke out there on Tuesday.", "Clashes", "Baiji"),
    ("ISIS seized Ramadi on Sunday. Fighting spread across the province on Monday.", "Fighting",
     "Anbar"),
    ("ISIS fighters reached Mosul on Monday. They seized the dam on Tuesday.", "seized",
     "Mosul Dam"),
    # a sentence with no place takes the one just before, in its paragraph only
    ("Militants storm Baiji\nClashes broke out in Baiji on Monday. Troops shelled Tikrit. "
     "Fighting continued on Tuesday.", "Fighting", "Tikrit"),
    ("Militants storm Baiji\nClashes broke out in Baiji on Monday. Troops shelled Tikrit.\n\n"
     "Fighting continued on Tuesday.", "Fighting", "Baiji"),
    # "the town" is the town the sentence just before told its event at, in the paragraph,
    # not the town the report is about ...
    ("Militants storm Baiji\nClashes broke out in Baiji on Monday.\n\nGunmen stormed "
     "Tuz Khurmatu on Tuesday. Most Kurdish families fled the town by nightfall.", "fled",
     "Tuz Khurmatu"),
    # ... unless that sentence told an event at the report's town too
    ("Troops besiege Tal Afar\nTroops attacked Tal Afar on Monday.\n\nA month after they "
     "drove the militants from Mosul, troops launched an assault on Tal Afar on Sunday. They "
     "retook three districts of the city on Tuesday.", "retook", "Tal Afar"),
    # a site the sentence acts on is a site of the report's town, named or not, and not
    # of the site the sentence before named
    ("Troops move into Kirkuk\nIraqi forces advanced into Kirkuk on Monday. On Tuesday they "
     "took Kirkuk airport. On Wednesday troops seized the Baba Gurgur oil field.",
     "seized", "Kirkuk"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "trigger", "expected"), PLACES)
def test_resolve_places(nlp, text, trigger, expected):
    c = candidate(report(nlp, text), trigger)
    assert c.place.place.name == place_of(expected)


def test_no_place_no_event(nlp):
    assert report(nlp, "ISIS seized large areas of northern Iraq.").cands == []


DATES = [
    # (report, trigger, day, precision, explicit_date); published Thursday 21 May 2015
    ("ISIS seized Ramadi on Sunday.", "seized", "2015-05-17", "day", True),
    ("Officials said on Tuesday that ISIS fighters had seized Haditha.", "seized", "2015-05-19",
     "day", False),  # the attribution's date: the sentence's, not the seizure's own
    ("On Tuesday, ISIS attacked the outskirts of Ramadi. The army withdrew from Ramadi.",
     "withdrew", "2015-05-19", "day", False),  # the narrative's day carries on
    # ... also from a clause before a semicolon that tells no event
    ("On Tuesday, a column of trucks was spotted near Tikrit; troops shelled it near Tikrit.",
     "shelled", "2015-05-19", "day", False),
    ("On Tuesday, ISIS attacked the outskirts of Ramadi.\n\nThe army withdrew from Ramadi.",
     "withdrew", "2015-05-21", "week", False),  # not into a new paragraph
    # up to four sentences on, not five
    ("On Tuesday, ISIS attacked the outskirts of Ramadi. The weather was hot. "
     "The army withdrew from Ramadi.", "withdrew", "2015-05-19", "day", False),
    ("On Tuesday, ISIS attacked the outskirts of Ramadi. The weather was hot. The road was "
     "dusty. The river was low. The sky was clear. The army withdrew from Ramadi.",
     "withdrew", "2015-05-21", "week", False),
    ("In March, ISIS attacked the outskirts of Ramadi. The army withdrew from Ramadi.",
     "withdrew", "2015-05-21", "week", False),  # a month is background, not the story's day
    ("On Monday ISIS seized Ramadi. ISIS still besieges Haditha.", "besieges", "2015-05-21",
     "week", False),  # a state now
    ("ISIS fighters reached Tikrit on Monday. A day later, they seized the city.", "seized",
     "2015-05-19", "day", True),
    # a day counted within a campaign whose launch the report dates
    ("Troops launched their offensive on Hawija on 12 May.\n\nArtillery shelled Hawija on the "
     "second day of the offensive.", "shelled", "2015-05-13", "day", False),
    # what happened "within two days" of the day told is dated by the span's end, and told
    # in the past perfect it is the story's news, as is "most of it" taken
    ("The army announced the capture of Baiji on Monday. Within two days, ISIS fighters had "
     "retaken most of it.", "retaken", "2015-05-20", "day", True),
    ("Some 60 civilians have been killed in Douma since Saturday.", "killed", "2015-05-21", "week",
     False),  # a count to date
    ("More than 35,000 people have left Manbij since March.", "left", "2015-03-01", "month",
     False),  # a count over months, dated from the month it began
    # a siege broken is dated by its breaking, in the year of the report, not by the year
    # a clause beside it tells it began
    ("The siege of the enclave in Haditha, imposed by ISIS in July 2014, was broken on 12 May.",
     "siege", "2015-05-12", "day", True),
    ("Thousands of people are currently displaced in Hawija after fighting on Monday.",
     "displaced", "2015-05-21", "week", False),
    ("Thousands of people are currently displaced in Hawija after fighting on Monday.",
     "fighting", "2015-05-18", "day", True),
    ("ISIS seized Palmyra in May 2015.", "seized", "2015-05-01", "month", True),
    ("ISIS seized Mosul in June 2014.", "seized", "2014-06-01", "month", True),
    ("Clashes broke out in Haditha on Monday. Fighting continued in Haditha on Tuesday.",
     "Fighting", "2015-05-19", "day", True),
    # "N units after X, Y happened on D": X is that span before D, no more exact than the span
    ("Six weeks after routing ISIS from Baiji, troops attacked Tikrit on Sunday.", "routing",
     "2015-04-05", "week", False),
    ("Two days after the fall of Ramadi, ISIS seized Palmyra on Wednesday.", "fall",
     "2015-05-18", "day", False),
    ("Troops retook Hit on Wednesday, three months after the offensive began.", "offensive",
     "2015-02-01", "month", False),
    ("Two days after the fall of Ramadi, ISIS seized Palmyra on Wednesday.", "seized",
     "2015-05-20", "day", True),
    # a "when" clause dates the event it is told with
    ("When the Peshmerga withdrew from Sinjar in March, army units moved in.", "moved in",
     "2015-03-01", "month", False),
    # the day of a verb that carries the event is the event's own
    ("Local fighters succeeded on Monday in ousting the militants from Manbij.", "ousting",
     "2015-05-18", "day", True),
]  # fmt: skip


@pytest.mark.parametrize(("text", "trigger", "day", "precision", "explicit"), DATES)
def test_resolve_dates(nlp, text, trigger, day, precision, explicit):
    c = candidate(report(nlp, text), trigger)
    assert (c.day.isoformat(), c.precision, c.explicit_date) == (day, precision, explicit)


def test_history_is_not_coded(nlp):
    assert report(nlp, "ISIS seized Mosul in June 2012.").cands == []


ACTORS = [
    ("ISIS fighters reached Tikrit on Monday. A day later, they seized the city.", "seized",
     "ISIS"),
    ("ISIS seized Baiji after police abandoned their posts. They then entered Tikrit.",
     "entered", "ISIS"),  # the main clause's force, not the last one named
    # "the group" is the armed group told before, not the air force told since
    ("ISIS fighters stormed Baiji on Monday. The coalition said it had struck their "
     "positions near Baiji on Tuesday. The group took Qayyarah in June 2014.", "took", "ISIS"),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), ACTORS)
def test_resolve_actors(nlp, text, trigger, expected):
    assert candidate(report(nlp, text), trigger).actor1 == expected


MERGED = [
    # (report, [(event type, place, day)] after merging)
    ("ISIS seizes Ramadi\nISIS fighters seized Ramadi on Sunday. The fall of Ramadi is a blow.",
     [("seizure", "Ramadi", "2015-05-17")]),
    ("Air strikes hit Raqqa on Monday. More air strikes hit Raqqa on Wednesday.",
     [("airstrike", "Raqqa", "2015-05-18"), ("airstrike", "Raqqa", "2015-05-20")]),
    ("ISIS seized Mosul airport on Monday. ISIS seized Mosul on Monday.",
     [("seizure", "Mosul Airport", "2015-05-18"), ("seizure", "Mosul", "2015-05-18")]),
    ("ISIS fighters seized the Baiji refinery on Tuesday. ISIS fighters seized Baiji on Tuesday.",
     [("seizure", "Baiji refinery", "2015-05-19"), ("seizure", "Baiji", "2015-05-19")]),
    ("Kurdish fighters seized Tal Abyad on Monday. The YPG seized Tal Abyad on Monday.",
     [("seizure", "Tal Abyad", "2015-05-18")]),  # one side, two names
    ("Kurdish fighters seized Tal Abyad on Monday. ISIS seized Tal Abyad on Monday.",
     [("seizure", "Tal Abyad", "2015-05-18"), ("seizure", "Tal Abyad", "2015-05-18")]),
    ("The army retook Tikrit on 1 April. Troops retook Tikrit, officials said.",
     [("seizure", "Tikrit", "2015-04-01")]),
    # two towns 4 km apart, each named: two events, however close
    ("Jets struck Douma on Wednesday. Jets also bombed Harasta on Wednesday.",
     [("airstrike", "Douma", "2015-05-20"), ("airstrike", "Harasta", "2015-05-20")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MERGED)
def test_merge_reports(nlp, text, expected):
    kept = merging.merge(report(nlp, text).cands, PUB)
    assert [(c.kind, c.place.place.name, c.day.isoformat()) for c in kept] == [
        (kind, place_of(place), day) for kind, place, day in expected
    ]


def test_contradicted_claim_is_disputed(nlp):
    st = report(nlp, "Baiji was in full control of the army on Wednesday, state TV said. "
                     "Witnesses said ISIS fighters seized Baiji on Wednesday.")  # fmt: skip
    kept = merging.merge(st.cands, PUB)
    assert sorted((c.actor1, c.certainty) for c in kept) == [
        ("ISIS", "reported"), ("Iraqi Security Forces", "disputed")
    ]


def _made(index: int, kind: str = "seizure", place: str = "Baiji", day: str = "2015-05-19",
          precision: str = "day", explicit: bool = True, actor: str | None = "ISIS",
          magnitude: float | None = None, location: str | None = None,
          certainty: str = "reported", text: str = "") -> Candidate:  # fmt: skip
    """A candidate built by hand: one sentence of its own, a resolved place."""
    location = location or place
    mention = PlaceMention(0, len(location), 0, len(location), location, geodata.resolve(place), 1)
    sentence = SimpleNamespace(index=index, headline=False, text=text)
    c = Candidate(sentence, SimpleNamespace(start=0), kind, mention, actor, None, False, None,
                  magnitude, "killed" if magnitude else None, certainty)  # fmt: skip
    c.day, c.precision, c.explicit_date = date.fromisoformat(day), precision, explicit
    return c


PAIRS = [
    # (second candidate's differences from the first, merged into one?)
    ({}, True),
    ({"day": "2015-05-20"}, False),  # different explicit days
    ({"kind": "clash"}, False),
    ({"place": "Tikrit"}, False),
    ({"location": "Baiji refinery"}, False),  # a site of the town stays apart
    ({"day": "2015-05-21", "precision": "week", "explicit": False}, True),  # undated: the same
    ({"actor": None}, True),
    ({"actor": "Iraqi Security Forces"}, False),
    ({"actor": "Unidentified armed group"}, True),
    ({"day": "2015-05-01", "precision": "month"}, True),  # May holds the 19th
    ({"day": "2015-04-01", "precision": "month"}, False),
]


def test_a_lead_in_keeps_its_events_when_its_items_tell_none():
    # "... and then two more villages:" over a bare list of names: the seizure told in the
    # lead-in is its own (only a kind its items tell one by one is summed up)
    from events.extract import extract_events
    from events.reports import read_text

    text = ("published: 2015-05-21\n---\nIslamic State fighters seized Tal Hamis on Monday "
            "and then two more villages:\n\n- Tal Brak\n- Jazaa\n")
    found = extract_events(read_text(text, name="lead.txt"))
    assert [(e.event_type, e.place) for e in found] == [("seizure", place_of("Tal Hamis"))]


def test_two_items_of_a_list_stay_apart():
    # "-- Near Baiji, ..." twice in a strike release: two entries, not one told twice
    item = "-- Near Baiji, one strike engaged an ISIL unit."
    first, second = _made(0, text=item), _made(1, text=item)
    assert len(merging.merge([first, second], PUB)) == 2
    assert len(merging.merge([_made(0, text=item), _made(1)], PUB)) == 1


@pytest.mark.parametrize(("changes", "one"), PAIRS)
def test_merge_pairs(changes, one):
    first, second = _made(0), _made(1, **changes)
    kept = merging.merge([first, second], PUB)
    assert len(kept) == (1 if one else 2)
    assert kept[0] is first  # the first explicit day is kept


def test_merge_keeps_the_exact_date_and_borrows_figures():
    undated = _made(0, day="2015-05-21", precision="week", explicit=False, magnitude=12,
                    actor=None)  # fmt: skip
    dated = _made(1)
    (kept,) = merging.merge([undated, dated], PUB)
    assert kept is dated
    assert (kept.magnitude, kept.unit, kept.actor1) == (12, "killed", "ISIS")


def test_merge_keeps_different_counts_apart():
    assert len(merging.merge([_made(0, magnitude=49), _made(1, magnitude=31)], PUB)) == 2


@pytest.mark.parametrize(
    ("other", "certainty"),
    [("Iraqi Security Forces", "disputed"), ("Peshmerga", "disputed"), ("ISIS", "claimed")],
)
def test_mark_disputed(other, certainty):
    claimed = _made(0, certainty="claimed")
    kept = merging.merge([claimed, _made(1, day="2015-05-20", actor=other)], PUB)
    assert claimed.certainty == certainty
    assert len(kept) == 2


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("YPG", "Kurdish fighters", True), ("SDF", "Peshmerga", True), ("PMF", "Local militia", True),
     ("ISIS", "ISIS", True), ("ISIS", "Nusra Front", False), ("YPG", "ISIS", False)],
)  # fmt: skip
def test_same_side(a, b, same):
    assert merging.same_side(a, b) is same
