"""Stage 3, places: the town that a sentence's quarters belong to.

"Regime forces shelled the al-Huweiqa neighbourhood" names a quarter; the town it
is in is the one the sentence names besides it, else the town the paragraph is
labelled with ("Deir Ezzor: ..."), else the one town the paragraph last told of,
else (left to the resolver) the report's own. A name that is an administrative
unit with its word ("Khanaqin district") is that unit, no town's quarter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from events.extract.place_links import km_apart
from events.extract.place_names import entry_label
from events.extract.place_words import (
    CAPITALS,
    DESTINATION_BEFORE,
    QUARTER_AFTER,
    dateline_end,
    reference_kind,
)

#: A name read this far (km) from the report's city, told as its quarter, is that city's.
QUARTER_FAR_KM = 30.0

# A label's unit word: "Homs province", "Damascus countryside".
_UNIT = re.compile(r"\s+(?:province|governorate|countryside)$")
# "the capital" as a town, not "the capital of Anbar"
_THE_CAPITAL = re.compile(r"\bthe\s+capital\b(?!\s+of\b)", re.IGNORECASE)


class QuarterTowns:
    """The towns a report's quarters belong to, read sentence by sentence, in order.

    Parameters
    ----------
    plain : callable
        Resolves a name (and a feature) with only the report's country as context.
    """

    def __init__(self, plain: Callable[..., Any]) -> None:
        self.plain = plain
        # the town a bulletin's paragraph is labelled with ("Deir Ezzor: ..."), by paragraph
        self._label: tuple[int, str] = (-1, "")
        # the one town the paragraph last named outside its quarters, by paragraph
        self._told: tuple[int, str] = (-1, "")
        # the names the report told as quarters, with their quarter word and town
        self._quarters: dict[str, str] = {}

    def city_of(self, text: str, found: list[tuple], paragraph: int,
                country: str | None) -> str | None:
        """Return the name of the town a sentence's quarters are in, if one.

        Not a town that only locates ("Tarmiyah district, 45 km north of Baghdad").
        """
        filed = dateline_end(text)
        towns = {
            name for start, _, name, feature in found
            if not feature and not reference_kind(text[max(0, start - 80) : start])
            and start >= filed  # "BAGHDAD, July 2 (Xinhua) --": where the story was filed
            # "fled the Mashlab district to Ain Issa": a destination holds no quarter named
            and not DESTINATION_BEFORE.search(text[max(0, start - 40) : start])
            # "barrel bombs on the village of al-Jafra": a village has no quarters
            and not re.search(r"\bvillages?\s+(?:of\s+)?$", text[max(0, start - 20) : start])
            and (place := self.plain(name)) is not None
            and place.feature == "city" and place.country in ("IQ", "SY")
        }  # fmt: skip
        quarters = any((f or "").startswith("quarter:") for *_, f in found)
        # "the Sheikh Fares area adjacent to the Sheikh Maqsoud neighborhood": a quarter with
        # its own point tells its city; a namesake village far from it holds no quarters
        points = [q for _, _, name, f in found if (f or "").startswith("quarter:")
                  and (q := self.plain(name)) is not None and q.feature == "neighbourhood"]
        towns = {t for t in towns if all(km_apart(self.plain(t), q) <= QUARTER_FAR_KM
                                         for q in points)}
        if quarters and not towns and country in CAPITALS and _THE_CAPITAL.search(text):
            return CAPITALS[country]  # "mortars on the capital, in the Bab Touma quarter"
        label = entry_label(text)
        if label is not None and label not in towns:
            # "Homs province: a man was killed in the neighbourhood of al-Waer": a new entry
            # is no longer at the town the entry before told of; a province's quarters are
            # its capital's, the city of the province's name
            self._told = (paragraph, "")
            capital = self.plain(_UNIT.sub("", label))
            if _UNIT.search(label) and capital is not None and capital.feature == "city":
                self._label = (paragraph, capital.name)
        told = self._told
        if towns:
            self._told = (paragraph, next(iter(towns)) if len(towns) == 1 else "")
        if label in towns:
            self._label = (paragraph, label)
        elif quarters and not towns and self._label[0] == paragraph:
            # "Deir Ezzor: clashes at the airport. Regime forces shelled al-Huweiqa
            # neighbourhood": the town a bulletin's paragraph is labelled with
            return self._label[1]
        elif quarters and not towns and told[0] == paragraph and told[1]:
            # "... an offensive in the city of Aleppo. On Monday, troops seized the Sheikh
            # Saeed district": the town the paragraph last told of, not the report's
            return told[1]
        return next(iter(towns)) if quarters and len(towns) == 1 else None

    def own_unit(self, name: str, feature: str | None) -> bool:
        """Tell whether a name with its quarter word is an administrative unit of its own.

        "fled Muqdadiyah district ... towards Baqubah and Khalis", "a village in the
        Khanaqin district": the district, not a quarter of the sentence's town.
        """
        if not (feature or "").startswith("quarter:"):
            return False
        unit = self.plain(name, feature)
        return unit is not None and unit.feature in ("district", "subdistrict")

    def own_point(self, name: str, quarter: re.Match[str]) -> bool:
        """Tell whether a name told as a district in apposition has its own point ("Sadr City")."""
        if quarter.re is not QUARTER_AFTER or not quarter.group(2):
            return False
        plain = self.plain(name)
        return plain is not None and plain.feature in ("neighbourhood", "quarter")

    def far_quarter(self, name: str, feature: str | None, place: Any, city: Any,
                    country: str | None) -> Any:
        """Read a quarter no town of its sentence holds, read far away, as ``city``'s.

        "it entered the Samah and al-Intisar neighbourhoods" in a report on Mosul is a
        quarter of Mosul, not a namesake quarter of Damascus; "the Nashwa district" of a
        report on Hasakah is no subdistrict of Basra.
        """
        if not feature or feature.count(":") != 1 or not feature.startswith("quarter:"):
            return place
        if city is None or place is None or (
                km_apart(place, city) <= QUARTER_FAR_KM
                # "Hawija district": a unit of the report's country is its own place
                or place.feature in ("district", "subdistrict") and place.country == country):
            return place
        return self.plain(name, f"{feature}:{city.name}") or place

    def remember(self, name: str, feature: str | None, place: Any) -> None:
        """Keep a name the report told as a quarter, once it is read as one."""
        if place is not None and (feature or "").startswith("quarter:"):
            self._quarters.setdefault(name, feature)

    def told_as_quarter(self, name: str) -> str | None:
        """Return how a name was told as a quarter before in the report, or None.

        "al-Joura, al-Qusour and the rest of the besieged neighbourhoods ... IS shells that
        hit al-Qusour": the same quarter, not the town of al-Qusayr in Homs.
        """
        return self._quarters.get(name)
