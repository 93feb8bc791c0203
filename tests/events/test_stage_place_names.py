"""Stage tests: names that a quarter, settlement or site word introduces
(events.extract.place_names)."""

from __future__ import annotations

import pytest

from events.extract.place_names import (
    described_names,
    quarter_names,
    repeated_names,
    settlement_names,
)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("residents left the districts of Haidaria and al-Shaar on Sunday",
         ["Haidaria", "al-Shaar"]),
        ("the neighbourhoods of Hulluk, Bustan al-Basha and Sakhour were shelled",
         ["Hulluk", "Bustan al-Basha", "Sakhour"]),
        ("Al-Shaar district is seeing intensified fighting", ["Al-Shaar"]),
        ("troops entered the Tariqa neighborhood", ["Tariqa"]),
        ("the neighbourhood of Al-Kifah North", ["Al-Kifah North"]),
        # a plural quarter word after a list tells each name of it
        ("the brigade entered the Samah and al-Intisar neighbourhoods", ["Samah", "al-Intisar"]),
        ("mortars fell on the Jamiliya, Midan and Bab Antakya quarters",
         ["Jamiliya", "Midan", "Bab Antakya"]),
        # a function word before the quarter word names nothing
        ("in the district where fighting raged", []),
        ("This district was emptied", []),
    ],
)
def test_a_quarter_word_introduces_names(text: str, names: list[str]) -> None:
    assert [n for _, _, n, _ in quarter_names(text, [])] == names


def test_names_already_found_are_not_found_twice() -> None:
    text = "the districts of Haidaria and al-Shaar"
    start = text.index("Haidaria")
    assert [n for *_, n, _ in quarter_names(text, [(start, start + 8)])] == ["al-Shaar"]


@pytest.mark.parametrize(
    "text",
    ["threatened to enter their semi-autonomous region", "the semi-autonomous Kurdish region"],
)
def test_the_kurdistan_region_by_its_description(text: str) -> None:
    assert [n for *_, n, _ in described_names(text, [])] == ["Kurdistan Region"]


def test_sites_named_together_are_each_that_site() -> None:
    text = "its fighters stormed the Abu Ghraib and Taji prisons on Sunday"
    assert [n for *_, n, _ in described_names(text, [])] == ["Abu Ghraib prison", "Taji prison"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("jets raided the town of al-Shifonia and Arbin city", ["al-Shifonia"]),
        ("shells hit Otaya town on Monday", ["Otaya"]),
        ("the villages of Tal Jamal and Qasimiya fell", ["Tal Jamal"]),
        # the word heading a phrase of its own is no cue: "the town of ... council"
        ("the town council met", []),
        ("Town of the dead", []),
    ],
)
def test_a_settlement_word_introduces_a_name(text: str, names: list[str]) -> None:
    assert [n for *_, n, _ in settlement_names(text, [])] == names


def test_a_name_the_report_found_is_a_place_wherever_it_stands_again() -> None:
    from types import SimpleNamespace

    texts = ["Families fled east to Busra al-Harir and Izra.",
             "Busra al-Harir was retaken by the army; Izra stayed quiet.",
             "Dr Busra al-Harir-Ahmed said so."]
    sentences = [SimpleNamespace(text=t) for t in texts]
    first = texts[0]
    found = [[(first.index("Busra"), first.index("Busra") + 14, "Busra al-Harir", None),
              (first.index("Izra"), first.index("Izra") + 4, "Izra", None)], [], []]
    again = repeated_names(sentences, found, [[], [], []], [True, True, True])
    assert again[0] == found[0]
    # the long name again, not the short one (too often something else), and only
    # as a whole word
    assert [n for _, _, n, _ in again[1]] == ["Busra al-Harir"]
    assert again[1][0][:2] == (0, 14)
    assert again[2] == []
