"""Stage 3a, triggers (:mod:`events.extract.lexicon` and ``lexicon.tsv``), tested on its own.

Tables of the team's own phrases: each event kind's trigger words in every
tense and voice, multi-word patterns ("fell to", "in the hands of", "take
over", "forced ... to flee"), gaps that span words and brackets but no other punctuation,
optional words, the other rows that matched at one place (``alternatives``),
the part-of-speech check (:meth:`Trigger.fits`), :func:`non_overlapping`, and
the clear errors a malformed table row raises.
"""

from __future__ import annotations

import pytest

from events.extract import lexicon
from events.extract.sentences import analyse_words


def triggers(text: str) -> list[lexicon.Trigger]:
    return lexicon.find_triggers(text, analyse_words(text))


FOUND = [
    # (sentence, trigger text, kind, frame, anchor word)
    # a gap spans an acronym in brackets, not a comma
    ("YPG fighters pushed the Islamic State (IS) militants out of Kobani",
     "pushed the Islamic State (IS) militants out", "oust", "act", "pushed"),
    # seizures and captures, every tense
    ("ISIS seizes Tikrit", "seizes", "capture", "act", "seizes"),
    ("ISIS has seized Tikrit", "seized", "capture", "act", "seized"),
    ("ISIS is seizing Tikrit", "seizing", "capture", "act", "seizing"),
    ("ISIS will capture Baiji", "capture", "capture", "act", "capture"),
    ("Rebels overran the base", "overran", "capture", "act", "overran"),
    ("Rebels have overrun the base", "overrun", "capture", "act", "overrun"),
    ("Troops retook Ramadi", "retook", "capture", "act", "retook"),
    ("Kurds recapture Kobani", "recapture", "capture", "act", "recapture"),
    ("ISIS took control of Palmyra", "took control of", "capture", "act", "took"),
    ("ISIS seized full control over Palmyra", "seized full control over", "capture", "act",
     "seized"),
    ("Militants take over Falluja", "take over", "capture", "act", "take"),
    ("Militants took over Falluja", "took over", "capture", "act", "took"),
    ("Militants are taking over Falluja", "taking over", "capture", "act", "taking"),
    ("ISIS took back the town", "took back", "capture", "act", "took"),
    ("the fall of Mosul", "fall", "capture", "noun", "fall"),
    ("after the loss of Ramadi", "loss", "capture", "noun", "loss"),
    # "fell to", "in the hands of": the place is the subject
    ("Mosul fell to ISIS", "fell to", "capture", "fall", "fell"),
    ("the town has fallen to ISIS", "fallen to", "capture", "fall", "fallen"),
    ("the town fell quickly to ISIS", "fell quickly to", "capture", "fall", "fell"),
    ("Mosul falls into the hands of militants", "falls into", "capture", "fall", "falls"),
    ("Ramadi is in the hands of ISIS", "in the hands", "control", "hold", "hands"),
    ("the city has been under ISIS control", "under ISIS control", "control", "hold", "control"),
    ("The town is in control of the army", "in control of", "control", "hold", "control"),
    ("The town is in complete control of the army", "in complete control of", "control", "hold",
     "control"),
    ("The army lost Ramadi", "lost", "capture", "lose", "lost"),
    # ousting
    ("Kurdish forces drove the militants from Kobani", "drove the militants from", "oust", "act",
     "drove"),
    ("Kurdish forces drove ISIS out of Kobani", "drove ISIS out", "oust", "act", "drove"),
    ("Kurdish forces routed ISIS from Kobani", "routed", "oust", "act", "routed"),
    # bombs and strikes
    ("A car bomb exploded in Baghdad", "car bomb", "bombing", "noun", "bomb"),
    ("A car bomb exploded in Baghdad", "exploded", "bombing", "act", "exploded"),
    ("A car bombing killed five", "car bombing", "bombing", "noun", "bombing"),
    ("a suicide bomber blew himself up", "blew himself up", "bombing", "act", "blew"),
    ("Fighters blew the bridge up", "blew the bridge up", "bombing", "act", "blew"),
    ("a roadside bomb killed two", "roadside bomb", "bombing", "noun", "bomb"),
    ("Coalition air strikes hit Raqqa", "air strikes", "strike", "noun", "strikes"),
    ("US airstrikes hit Raqqa", "airstrikes", "strike", "noun", "airstrikes"),
    ("a drone strike killed a commander", "drone strike", "strike", "noun", "strike"),
    ("helicopters dropped barrel bombs", "barrel bombs", "strike", "noun", "bombs"),
    ("Troops fired rockets at Taza", "fired rockets", "strike", "act", "fired"),
    ("rocket fire hit the camp", "rocket fire", "shelling", "noun", "fire"),
    ("Artillery shelled Afrin", "shelled", "shelling", "act", "shelled"),
    # threats
    ("ISIS threatened to attack Erbil", "threatened", "threat", "intent", "threatened"),
    ("the group vowed to take Baghdad", "vowed", "threat", "intent", "vowed"),
    # displacement and flight
    ("Gunmen forced the villagers to flee", "forced the villagers to flee", "displacement", "act",
     "forced"),
    ("militants forced hundreds of Christian families to flee",
     "forced hundreds of Christian families to flee", "displacement", "act", "forced"),
    ("thousands fled", "fled", "flight", "move", "fled"),
    ("the exodus from Mosul", "exodus", "displacement", "noun", "exodus"),
    # withdrawals, troops, prisons, abductions, killings, clashes
    ("The army pulled out of Ramadi", "pulled out of", "withdrawal", "move", "pulled"),
    ("The army pulled back from Ramadi", "pulled back", "withdrawal", "move", "pulled"),
    ("Police ran away in the face of the advance", "ran away in the face of", "withdrawal", "move",
     "ran"),
    ("Police ran in the face of the advance", "ran in the face of", "withdrawal", "move", "ran"),
    ("Rebels launched a major new offensive on Idlib", "launched a major new offensive",
     "troop_position", "noun", "offensive"),
    ("Troops encircled Falluja", "encircled", "troop_position", "act", "encircled"),
    ("Prisoners broke out of the jail", "Prisoners broke out", "prison_break", "move", "broke"),
    ("a prison break in Tikrit", "prison break", "prison_break", "noun", "prison"),
    ("gunmen broke the inmates out", "broke the inmates out", "prison_break", "act", "broke"),
    ("they took 12 workers hostage", "took 12 workers hostage", "abduction", "act", "took"),
    ("Gunmen kidnapped 12 workers", "kidnapped", "abduction", "act", "kidnapped"),
    ("ISIS militants shot dead 12 men", "shot dead", "attack_on_civilians", "act", "shot"),
    ("ISIS shot the men dead", "shot the men dead", "attack_on_civilians", "act", "shot"),
    ("a chemical attack", "chemical attack", "attack_on_civilians", "noun", "attack"),
    ("ISIS fighters burned houses", "burned", "attack_on_civilians", "act", "burned"),
    ("Militants torched homes in Amirli", "torched", "attack_on_civilians", "act", "torched"),
    ("the death toll rose", "death toll", "kill", "noun", "death"),
    ("heavy fighting", "fighting", "clash", "act", "fighting"),
    ("a gun battle", "gun battle", "clash", "noun", "battle"),
    ("an exchange of fire", "exchange of fire", "clash", "noun", "fire"),
    # quotation marks inside a pattern are read through, in a gap or between its words
    ('Tabqa would be "next"', 'be "next', "threat", "fall", "be"),
    ('Zabdin would be "the next to fall"', 'be "the next to', "threat", "fall", "be"),
    ('they "took control" of Hit', 'took control" of', "capture", "act", "took"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "trigger", "kind", "frame", "anchor"), FOUND)
def test_find_triggers(text, trigger, kind, frame, anchor):
    hits = [t for t in triggers(text) if t.text == trigger]
    assert [(t.kind, t.frame, text[t.anchor_start : t.anchor_end]) for t in hits] == [
        (kind, frame, anchor)
    ]
    (t,) = hits
    assert text[t.start : t.end] == t.text
    assert t.start <= t.anchor_start < t.anchor_end <= t.end


NOT_FOUND = [
    # (sentence, a word that must start no trigger)
    ("Officials met in Baghdad on Monday", None),
    ("The talks in Geneva went on", None),
    # a gap is bounded ("blow *2 up") and never crosses punctuation
    ("Fighters blew the old iron bridge up", "blew"),
    ("Troops fired, officials said, rockets at Taza", "fired"),
    ("The army forced, witnesses said, villagers to flee", "forced"),
    # losses in the plural are casualties; "the loss of Ramadi" is a place lost
    ("with the heaviest losses in Jisreen and Arbin", "losses"),
]


@pytest.mark.parametrize(("text", "word"), NOT_FOUND)
def test_no_trigger(text, word):
    found = triggers(text)
    if word is None:
        assert found == []
    else:
        assert [t for t in found if text[t.start :].startswith(word)] == []


ALTERNATIVES = [
    # (sentence, trigger text, its kind/frame, then the other rows that matched there)
    ("they took 12 workers hostage", "took 12 workers hostage", "abduction/act", ["capture/act"]),
    ("The army has captured Baiji", "captured", "capture/act", ["capture/noun"]),
    ("Militants took over Falluja", "took over", "capture/act", ["capture/act"]),
    # "fall *2 into|to", then the bare "fall" of a town that fell to no one named
    ("Mosul fell to ISIS", "fell to", "capture/fall", ["capture/fall", "capture/fall"]),
    ("rocket fire hit the camp", "rocket fire", "shelling/noun", ["shelling/noun"]),
    ("ISIS seizes Tikrit", "seizes", "capture/act", []),
]


@pytest.mark.parametrize(("text", "trigger", "best", "others"), ALTERNATIVES)
def test_alternatives(text, trigger, best, others):
    (t,) = [t for t in triggers(text) if t.text == trigger]
    assert f"{t.kind}/{t.frame}" == best
    assert [f"{a.kind}/{a.frame}" for a in t.alternatives] == others
    # the best is the longest match; between equals the row that comes first in the table
    for a in t.alternatives:
        assert a.start == t.start
        assert (a.end, -a.row.number) <= (t.end, -t.row.number)


def test_needs_are_carried_to_the_trigger():
    (took,) = triggers("Rebels took part in talks")
    assert (took.kind, took.row.needs) == ("capture", "place")  # checked later, on the parse
    (hit,) = [t for t in triggers("Warplanes hit Raqqa") if t.text == "hit"]
    assert hit.row.needs == "aircraft"


def _row(pos: str) -> lexicon.Row:
    return next(r for r in lexicon.rows() if r.pos == pos)


FITS = [
    ("V", "VBD", True), ("V", "VBN", True), ("V", "VBG", True), ("V", "NN", False),
    ("V", "JJ", False), ("N", "NN", True), ("N", "NNS", True), ("N", "NNP", True),
    ("N", "CD", True), ("N", "JJ", True), ("N", "VBD", False), ("-", "VBD", True),
    ("-", "NN", True), ("-", "IN", True),
]  # fmt: skip


@pytest.mark.parametrize(("pos", "tag", "expected"), FITS)
def test_fits(pos, tag, expected):
    t = lexicon.Trigger(0, 4, 0, 4, "word", _row(pos))
    assert t.fits(tag) is expected


def test_as_noun_keeps_all_but_the_frame():
    (t,) = triggers("ISIS seizes Tikrit")
    noun = t.as_noun()
    assert (noun.frame, noun.kind, noun.text, noun.start, noun.end) == (
        "noun", t.kind, t.text, t.start, t.end
    )
    assert t.frame == "act"  # the original is unchanged


def test_non_overlapping_keeps_the_first_of_overlaps():
    row = _row("V")
    spans = [(0, 5), (3, 8), (5, 9), (9, 12), (10, 11)]
    kept = lexicon.non_overlapping(
        [lexicon.Trigger(s, e, s, e, "x" * (e - s), row) for s, e in spans]
    )
    assert [(t.start, t.end) for t in kept] == [(0, 5), (5, 9), (9, 12)]
    assert lexicon.non_overlapping([]) == []


def test_non_overlapping_on_a_sentence():
    s = "Kurdish forces drove ISIS out of Kobani after fighting"
    kept = lexicon.non_overlapping(triggers(s))
    # "forces ... out" (the noun "forces" read as the verb "force") comes first and hides
    # "drove ... out"; the parse later rules it out and the other one comes back
    assert [t.text for t in kept] == ["forces drove ISIS out", "fighting"]
    assert "drove ISIS out" in [t.text for t in triggers(s)]


BAD_ROWS = [
    ("capture\tact\tV", "line 1: expected 4 or 5 tab-separated cells"),
    ("capture\tact\tV\tseize\tplace\textra", "expected 4 or 5 tab-separated cells"),
    ("captur\tact\tV\tseize", "unknown kind, frame or pos"),
    ("capture\tgrab\tV\tseize", "unknown kind, frame or pos"),
    ("capture\tact\tX\tseize", "unknown kind, frame or pos"),
    ("capture\tact\tV\tseize\tplaces", r"needs='places'; use some of \["),
    ("capture\tact\tV\tseize\tplace,crowd", "needs='place,crowd'"),
    ("capture\tact\tV\t*2 seize", "a pattern starts with a word"),
    ("capture\tact\tV\t[the] seize", "a pattern starts with a word"),
    ("capture\tact\tV\t ", "a pattern starts with a word"),
    ("# a comment\n\ncapture\tact\tV", "line 3: "),
]


@pytest.mark.parametrize(("table", "message"), BAD_ROWS)
def test_malformed_rows_raise(table, message):
    with pytest.raises(ValueError, match=message):
        lexicon._parse_rows(table)


def test_rows_parse():
    table = "# comment\n\ncapture\tact\tV\ttake *2 ^over|back\tplace\nclash\tnoun\t-\t=fighting"
    first, second = lexicon._parse_rows(table)
    assert (first.number, first.kind, first.frame, first.pos, first.needs) == (
        0, "capture", "act", "V", "place"
    )
    take, gap, over = first.slots
    assert (take.anchor, gap.gap, gap.optional, over.anchor) == (False, 2, True, True)
    assert over.words == frozenset({"over", "back"})
    (fighting,) = second.slots
    assert fighting.anchor and fighting.exact == frozenset({"fighting"})  # the first by default


def test_shipped_table_parses():
    rows = lexicon.rows()
    assert len(rows) > 100
    assert {r.kind for r in rows} <= lexicon.KINDS
    assert all(any(s.anchor for s in r.slots) for r in rows)
