"""Stage 2a, sentences (:mod:`events.extract.sentences`), tested on its own.

Tables of the team's own phrases about Iraq and Syria: where a full stop ends a
sentence and where an abbreviation keeps it going ("Gen.", "U.S.", "a.m."),
which lines are headlines and which are the last line of a text cut short,
paragraphs by blank lines, offsets that equal the text's slices, lines longer
than :data:`MAX_SENTENCE_CHARS` cut into pieces; and the cheap word analysis
(:func:`analyse_words`, :func:`lemma`) the trigger lexicon matches on.
"""

from __future__ import annotations

import pytest

from events.extract.sentences import (
    HEADLINE_MAX_WORDS,
    MAX_SENTENCE_CHARS,
    analyse_words,
    lemma,
    split_sentences,
)

SPLITS = [
    # abbreviations keep the sentence going
    ("Gen. Ali Hassan said the army held Tikrit. Troops left.",
     ["Gen. Ali Hassan said the army held Tikrit.", "Troops left."]),
    ("The U.S. military sent advisers to Anbar. They arrived on Monday.",
     ["The U.S. military sent advisers to Anbar.", "They arrived on Monday."]),
    ("Lt. Col. Omar Saleh spoke in Baiji. Troops left.",
     ["Lt. Col. Omar Saleh spoke in Baiji.", "Troops left."]),
    ("The U.N. said 2,000 people fled Ramadi. Aid arrived.",
     ["The U.N. said 2,000 people fled Ramadi.", "Aid arrived."]),
    ("Troops reached Ramadi at 5 a.m. Saturday. They stopped.",
     ["Troops reached Ramadi at 5 a.m. Saturday.", "They stopped."]),
    ("The group's No. 2 was killed in Raqqa. Troops left.",
     ["The group's No. 2 was killed in Raqqa.", "Troops left."]),
    ("Dr. Ali treated the wounded in Kirkuk. Sheikh Ahmed spoke.",
     ["Dr. Ali treated the wounded in Kirkuk.", "Sheikh Ahmed spoke."]),
    # closing quotes and brackets stay with their sentence; a digit may start the next
    ('The army said: "We took Tikrit." Troops left.',
     ['The army said: "We took Tikrit."', "Troops left."]),
    ("The army said: “We took Tikrit.” Troops left.",
     ["The army said: “We took Tikrit.”", "Troops left."]),
    ("Troops left (for Erbil). Then they rested.",
     ["Troops left (for Erbil).", "Then they rested."]),
    ("Mosul is 400 km north of Baghdad. 2015 was a hard year.",
     ["Mosul is 400 km north of Baghdad.", "2015 was a hard year."]),
    ("Did ISIS take Hit? Officials said yes! Troops left.",
     ["Did ISIS take Hit?", "Officials said yes!", "Troops left."]),
    # a lower-case word after a full stop is no new sentence
    ("Fighting spread to Baiji. and then to Tikrit.",
     ["Fighting spread to Baiji. and then to Tikrit."]),
    ("Analyst J.M. Rahim said ISIS held Raqqa. Troops left.",
     ["Analyst J.M. Rahim said ISIS held Raqqa.", "Troops left."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


HEADLINES = [
    # (text, headline flag of each sentence)
    ("Militants seize Baiji refinery\nGunmen entered the town on Monday.", [True, False]),
    ("BREAKING: Ramadi falls\nTroops left the city.", [True, False]),
    ("Militants seize Baiji\r\nGunmen entered the town.", [True, False]),
    # a single line without a stop is a one-line alert
    ("Clashes in Deir ez-Zor", [True]),
    # the last line of a text cut short lacks its stop: no headline
    ("Gunmen entered the town on Monday.\nThe army then sent reinforcements to", [False, False]),
    # a line ending in a colon introduces what follows
    ("Officials said:\nTroops left Ramadi.", [False, False]),
    # too many words for a title
    (" ".join(["word"] * (HEADLINE_MAX_WORDS + 1)) + "\nTroops left Ramadi.", [False, False]),
    (" ".join(["word"] * HEADLINE_MAX_WORDS) + "\nTroops left Ramadi.", [True, False]),
    # a headline's own sentences all carry the flag
    ("Ramadi falls? Army denies it\nTroops held the city.", [True, True, False]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "flags"), HEADLINES)
def test_headlines(text, flags):
    assert [s.headline for s in split_sentences(text)] == flags


PARAGRAPHS = [
    # (text, which sentences share a paragraph: a partition of the indices)
    ("ISIS seized Hit. Troops fled.\nAid arrived.", [[0, 1, 2]]),
    ("ISIS seized Hit.\n\nTroops fled.", [[0], [1]]),
    ("ISIS seized Hit.\n\n\n\nTroops fled. Aid arrived.\n\nIt rained.", [[0], [1, 2], [3]]),
    ("ISIS seized Hit.\n   \nTroops fled.", [[0], [1]]),  # a line of spaces is blank
]


@pytest.mark.parametrize(("text", "groups"), PARAGRAPHS)
def test_paragraphs_are_cut_by_blank_lines(text, groups):
    sentences = split_sentences(text)
    assert sorted(s.index for s in sentences) == list(range(len(sentences)))
    paragraph_of = {s.index: s.paragraph for s in sentences}
    seen = [{paragraph_of[i] for i in group} for group in groups]
    assert all(len(p) == 1 for p in seen)
    assert len({next(iter(p)) for p in seen}) == len(groups)
    assert [s.paragraph for s in sentences] == sorted(s.paragraph for s in sentences)


OFFSET_TEXTS = [
    "Gen. Ali said the army held Tikrit.  Troops left.\n\nIn Raqqa, jets struck.",
    "  Indented line.\n\tTabbed line; it goes on.\r\nWindows line.\r\n",
    "Unicode “quotes” stay. ISIS’s fighters left Mosul’s airport. Done!",
    "\n\n\nLate start.",
    "x" * (MAX_SENTENCE_CHARS * 2 + 17),
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_offsets_equal_text_slices(text):
    sentences = split_sentences(text)
    assert sentences
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert len(s.words) == len(s.words.lemma) == len(s.words.starts)
        for start, end, low in zip(s.words.starts, s.words.ends, s.words.lower, strict=True):
            assert s.text[start:end].lower().replace("’", "'") == low
    starts = [s.start for s in sentences]
    assert starts == sorted(starts)


def test_long_line_is_cut_into_pieces():
    line = " ".join(["Ramadi"] * 500)  # 3,499 characters, no closing punctuation
    pieces = split_sentences(line)
    assert len(pieces) == -(-len(line) // MAX_SENTENCE_CHARS)
    assert all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(line[p.start : p.end] == p.text for p in pieces)
    assert " ".join(p.text for p in pieces) == line  # cut at spaces, nothing lost
    assert not any(p.headline for p in pieces)  # far more than a headline's words


def test_long_line_is_cut_between_words():
    line = " ".join(["Ramadi"] * 500)
    for p in split_sentences(line):
        assert p.text == p.text.strip()
        assert all(w == "ramadi" for w in p.words.lower)


def test_empty_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("\n \n\t\n") == []


WORDS = [
    # (text, lower-case words)
    ("Pro-government forces retook al-Nusra's base",
     ["pro-government", "forces", "retook", "al-nusra", "'s", "base"]),
    ("ISIS’s fighters", ["isis", "'s", "fighters"]),
    ("killing 1,200 fighters and 35 civilians", ["killing", "1,200", "fighters", "and", "35",
                                                "civilians"]),
    ("Clashes, then calm.", ["clashes", ",", "then", "calm", "."]),
    ("Deir ez-Zor", ["deir", "ez-zor"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_analyse_words(text, expected):
    words = analyse_words(text)
    assert words.lower == expected
    assert [text[s:e].lower().replace("’", "'") for s, e in
            zip(words.starts, words.ends, strict=True)] == expected


LEMMAS = [
    ("fell", "fall"), ("fallen", "fall"), ("seized", "seize"), ("seizes", "seize"),
    ("seizing", "seize"), ("took", "take"), ("taken", "take"), ("retook", "retake"),
    ("overran", "overrun"), ("fled", "flee"), ("fought", "fight"), ("withdrew", "withdraw"),
    ("struck", "strike"), ("shelled", "shell"), ("airstrikes", "airstrike"),
    ("civilians", "civilian"), ("beheaded", "behead"), ("raqqa", "raqqa"),
    ("yazidis", "yazidi"), ("turks", "turk"), ("isis", "isis"), ("homs", "homs"),
    # plurals of the lexicon's nouns that the lemma table lacks
    ("svbieds", "svbied"), ("firefights", "firefight"), ("gunbattles", "gunbattle"),
    ("counteroffensives", "counteroffensive"), ("news", "news"), ("mass", "mass"),
    ("bases", "base"), ("barraged", "barrage"),
]  # fmt: skip


@pytest.mark.parametrize(("word", "expected"), LEMMAS)
def test_lemma(word, expected):
    assert lemma(word) == expected
    assert analyse_words(word.capitalize()).lemma == [expected]
