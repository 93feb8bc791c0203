"""find_place_spans: candidate place names in running text (our own sentences)."""

from __future__ import annotations

import pytest

from geodata import find_place_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen stormed Bayji at dawn.", ["Bayji"]),
        ("Troops moved from Tikrit towards Samarra.", ["Tikrit", "Samarra"]),
        ("Shelling hit the outskirts of Deir el-Zour overnight.", ["Deir el-Zour"]),
        ("Families fled Tall 'Afar and Ras al Ain.", ["Tall 'Afar", "Ras al Ain"]),
        ("Engineers inspected Mosul Dam on Monday.", ["Mosul Dam"]),
        ("The army said it would hit back hard.", []),  # the verb, not the town
        ("Clashes were reported in Hit on Tuesday.", ["Hit"]),
        ("In June the IS fighters left.", []),  # month and acronym
        ("Mosul's airport was closed.", ["Mosul's airport"]),  # the site itself
        ("نزح الآلاف من الموصل", ["الموصل"]),
        ("", []),
        ("Army Kills 40 Fighters in Week of Raids", []),  # headline words, not villages
        ("They struck in 2015. Source agencies", []),
        ("Shiite fighters moved on Tikrit and Amirli.", ["Tikrit", "Amirli"]),
        ("Reports from Amirli were grim.", ["Amirli"]),
        ("Abu Bakr spoke again.", []),  # a person
        ("Fatah officials met.", []),
        ("Jets hit targets in the vicinity of Ibril.", ["Ibril"]),  # typo of a known city
        ("Troops held Brigade 137 near Tikrit.", ["Brigade 137", "Tikrit"]),
        ("In 2015. Fighters gathered.", []),
        ("Gunmen attacked Iraq’s largest oil refinery.", ["Iraq’s largest oil refinery"]),
        # a name that folds to a generic word's key is still a name as written
        ("Rebels shelled Daraa overnight.", ["Daraa"]),
        ("Warplanes bombed al-Bab on Friday.", ["al-Bab"]),
        ("They met at the Bab gate.", []),  # the generic word itself
        ("Shells target Daraa city.", ["Daraa"]),  # an attack verb is a cue
        # a held place's side is a cue; a city's quarter named after it is the city's
        ("Barrel bombs fell on rebel-held Daraa al-Balad.", ["Daraa", "al-Balad"]),
        ("Daraa al-Balad has been besieged since June.", ["Daraa"]),
        ("Gunfire was heard in Bab al-Nairab overnight.", ["al-Nairab"]),
        # a gate named for a city is no city: "the Rafiqa wall near Bab Baghdad" in Raqqa
        ("Airstrikes opened gaps in the Rafiqa wall near Bab Baghdad.", []),
        # a unit's word after a village's name is a cue too (tables of humanitarian updates)
        ("- Qayyarah sub-district: 5,610", ["Qayyarah"]),
        ("- Qayyarah: 5,610", []),
        ("Al-Shaar district is seeing fighting.", []),  # a name many places share
        # every form of an event verb is a cue, and "the X area" marks X as a place
        ("Our forces liberate Jurf al-Sakhar from the gangs.", ["Jurf al-Sakhar"]),
        ("They announced the liberation of the Jurf al-Sakhar area.", ["Jurf al-Sakhar"]),
        ("Gunmen searched homes in the Qatana neighbourhood.", ["Qatana"]),
        ("Villagers of the Tal Hamis countryside fled.", ["Tal Hamis"]),
        # an adjective may stand between "the" and the area's name
        ("Families streamed out of the shrinking Tal Hamis enclave.", ["Tal Hamis"]),
        ("Families streamed out of the Shrinking Tal Hamis enclave.", []),
        ("They will leave the area.", []),
        # after "village of", another spelling of any village ("Banin" in the gazetteer)
        ("A house collapsed in the village of Beinin on Tuesday.", ["Beinin"]),
        ("A house collapsed in the village of Sanderson on Tuesday.", []),
        ("The statement of Beinin was read out.", []),  # no settlement word: no cue
        # a compass point written as one word makes "of" a cue, as "east of" does
        ("The town lies north-east of Douma.", ["Douma"]),
        # a village told as a town in apposition is a place; a person told so is not
        ("Rajo, a small town near the border, was quiet.", ["Rajo"]),
        ("Jinderes, the district's second town, was overrun.", ["Jinderes"]),
        ("Rajo, a farming village.", ["Rajo"]),
        # a compass point written as one word may follow the noun too
        ("Snipers watched Rajo, a town north-west of Afrin, from the ridge.", ["Rajo", "Afrin"]),
        ("Rajo, a town official, said so.", []),
        ("Rajo, a reporter in the town, said so.", []),
        # "occupied" is a cue as "overran" is; Kurdish Latin spelling reads as written
        ("Turkish troops occupied Jinderes on Thursday.", ["Jinderes"]),
        ("Turkish troops occupied Cindirês on Thursday.", ["Cindirês"]),
        # a base by the name reports give it, not its gazetteer name's tail
        ("Troops withdrew to the Ain al-Asad air base.", ["Ain al-Asad air base"]),
    ],
)
def test_spn001_spans(text, expected):
    spans = find_place_spans(text)
    assert [s[2] for s in spans] == expected
    for start, end, surface in spans:
        assert text[start:end] == surface


def test_spn002_longest_match_wins():
    spans = find_place_spans("They reached Deir ez-Zor airport by noon.")
    assert [s[2] for s in spans] == ["Deir ez-Zor airport"]


def test_spn003_spans_do_not_overlap():
    text = "Mosul, Tikrit, Kirkuk and Baiji " * 20
    spans = find_place_spans(text)
    assert len(spans) == 80
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
