"""The actor alias table."""

import pytest

from events.actors import ACTOR_ALIASES, GOVERNMENT, MILITANTS, canonical_actor, find_actors
from events.model import ACTORS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daesh fighters attacked the post", ["ISIS"]),
        # a state named as the one that acts, not its border
        ("Turkey launched its offensive on Afrin", ["Turkey"]),
        ("crossed the Turkey border", []),
        ("the Islamic State of Iraq and the Levant", ["ISIS"]),
        ("ISIL said", ["ISIS"]),
        ("Isis fighters", ["ISIS"]),
        ("Iraqi troops and Kurdish peshmerga", ["Iraqi Security Forces", "Peshmerga"]),
        ("Popular Mobilisation Forces", ["PMF"]),
        ("Shia militiamen", ["PMF"]),
        ("the Syrian Democratic Forces", ["SDF"]),
        ("Kurdish People's Protection Units", ["YPG"]),
        ("regime forces", ["Syrian Army"]),
        ("the Free Syrian Army", ["Syrian rebels"]),
        ("Jabhat al-Nusra", ["Nusra Front"]),
        # its later name, with or without "Hayat" and its apostrophe
        ("Tahrir al-Sham patrols", ["Nusra Front"]),
        ("Hay'at Tahrir al-Sham said", ["Nusra Front"]),
        ("the US-led coalition", ["US-led coalition"]),
        # "international" ends in "national": not the opposition's National Coalition
        ("the international coalition struck", ["US-led coalition"]),
        ("the Syrian National Coalition said", []),
        ("Russian warplanes", ["Russia"]),
        ("Hezbollah", ["Hezbollah"]),
        ("insurgents", ["Unidentified armed group"]),
        ("the army", [GOVERNMENT]),
        ("the militants", [MILITANTS]),
        # forces known by their own names, not by the word "army" or "military" in them
        ("the base fell to the Army of Conquest", ["Syrian rebels"]),
        ("Turkish-backed Syrian fighters said", ["Syrian rebels"]),
        ("the Syriac Military Council", ["Local militia"]),
        ("NDF fighters pulled out", ["Local militia"]),
        ("Badr fighters pushed into al-Dour", ["PMF"]),
        ("a suicide bomber blew himself up at a Badr checkpoint", ["PMF"]),
        ("Saraya al-Salam guards the shrine", ["PMF"]),
        ("the Asayish", ["Kurdish fighters"]),
        ("Iranian advisers", ["Iran"]),
    ],
)
def test_find_actors(text, expected):
    assert [m.actor for m in find_actors(text)] == expected


def test_is_is_case_sensitive():
    assert find_actors("it is what it is") == []


def test_longest_alias_wins():
    (m,) = find_actors("fighters of the Islamic State of Iraq and Syria arrived")[-1:]
    assert m.text.endswith("Syria")


@pytest.mark.parametrize(
    ("actor", "country", "isis", "expected"),
    [
        (GOVERNMENT, "IQ", True, "Iraqi Security Forces"),
        (GOVERNMENT, "SY", True, "Syrian Army"),
        (MILITANTS, "IQ", True, "ISIS"),
        (MILITANTS, "IQ", False, "Unidentified armed group"),
        ("Peshmerga", "IQ", False, "Peshmerga"),
    ],
)
def test_canonical_actor(actor, country, isis, expected):
    assert canonical_actor(actor, country=country, isis_named=isis) == expected


def test_table_uses_canonical_names():
    for name in ACTOR_ALIASES:
        assert name in ACTORS or name.startswith("@")
