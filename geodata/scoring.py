"""Joint scoring of place candidates: string similarity, prior prominence, context fit.

Every candidate entry of a query gets one number, the sum of named parts (what
``python -m geodata resolve --explain`` prints):

- ``sim``: `W_SIM` x match quality, graded by the kind of variation (`QUALITY`;
  fuzzy matches by their similarity, `fuzzy_quality`);
- ``spelling``: up to -`SPELLING_PENALTY` for a folded match (exact key, glued
  article, loose key) spelt less like the written name, letter for letter
  (`literal_fit`), than the best-spelt folded match of the same reading: it orders
  the entries the folded keys tie, and leaves a lone match alone;
- ``prior``: the entry's prominence (population, district or sub-district seat,
  feature class, count of names; built in `geodata.gazetteer`) plus
  `W_CENTRALITY` x its centrality (log10 of the conflict events of 2013-2015
  within ~15 km);
- ``country``, ``admin1``, ``admin2``, ``near``, ``feature``: fit to the context
  the caller gives;
- ``reading``: a small penalty for readings peeled further from the text as
  written ("Tikrit prison" -> "Tikrit"), and a bonus when both names of "A/B"
  point to the same place.

Pure functions and constants only; `geodata.resolver` gathers the candidates.
"""

from __future__ import annotations

import math

#: Match quality by kind of variation between the written name and the entry's name.
QUALITY = {
    "exact": 1.0,  # same first-tier key as a primary name
    "alternate": 0.93,  # same key as an alternate name (WOF lists strays among them)
    "article": 0.93,  # a glued sun-letter article split off ("Arrastan")
    "loose": 0.9,  # s/z, kh/h, gh/kh merged ("Hanaqin" = "Khanaqin")
    "skeleton": 0.85,  # same consonants, 4 or more ("Amerli" = "Amirli")
    "skeleton3": 0.8,  # same three consonants, a vowel apart in a short name
    "partial": 0.7,  # one distinctive word in common, inside the hinted unit
}
#: Points per unit of match quality: an exact name beats a loose one by 3, a
#: one-edit typo of a 6-letter name by ~8.
W_SIM = 30.0
#: Points per log10 of nearby conflict events (0 in quiet areas, ~3.7 in Aleppo).
W_CENTRALITY = 1.0
#: Context fit. Prominence spans ~2 (villages) to ~14 (curated sites, big cities).
COUNTRY_BONUS = 5.0
ADMIN1_BONUS = 14.0
ADMIN2_BONUS = 5.0
NEAR_BONUS = 5.0
NEAR_KM = 60.0  # e-folding distance of the near bonus
#: An asked-for feature type outweighs any prominence gap; a related type counts half.
FEATURE_BONUS = 15.0
FEATURE_RELATED = 7.0
#: Entries that match a name equally well once folded ("Tall Aswad", "Tall al Aswad";
#: "Abbarah", "'Abarah") are told apart by how each is spelt: the one listed letter
#: for letter as written is likelier meant. A folded match spelt less like the
#: written name than its best-spelt rival loses up to this many points
#: (`literal_fit`): about the prominence gap between two villages, below any
#: context bonus.
SPELLING_PENALTY = 2.0
#: Literal likeness (rapidfuzz ratio of the plain spellings) below which the whole
#: penalty applies.
SPELLING_FLOOR = 60.0
#: Per step a reading is peeled from the written text.
READING_PENALTY = 1.5
#: Both names of "A/B" or "A (B)" point to this place (within `AGREE_KM`).
AGREE_BONUS = 3.0
AGREE_KM = 5.0
#: Rivals farther than this count as other places (namesakes), not the same one.
AMBIGUOUS_KM = 25.0
#: A winner ahead of its best far rival by less than this is flagged ambiguous.
AMBIGUOUS_MARGIN = 2.0

#: Feature hints and the entry features that fit them fully / partly.
_FEATURE_FIT = {
    "city": ({"city", "neighbourhood"}, set()),
    "site": ({"site"}, {"region", "neighbourhood"}),
    "governorate": ({"governorate"}, {"region"}),
    "district": ({"district"}, {"subdistrict"}),
    "neighbourhood": ({"neighbourhood"}, {"site"}),
    "subdistrict": ({"subdistrict"}, {"district"}),
}


#: A fuzzy match that changes consonants, not only vowels, counts this much less:
#: "Halib" for "Hajib" is another name more often than a typo.
CONSONANT_CHANGE = 0.05


def fuzzy_quality(similarity: float, *, same_consonants: bool = True) -> float:
    """Map a rapidfuzz similarity (0-100) to a match quality (0.6 at 70, 0.9 at 100)."""
    q = 0.6 + 0.3 * (similarity - 70.0) / 30.0
    return round(q if same_consonants else q - CONSONANT_CHANGE, 3)


def feature_fit(asked: str | None, actual: str, *, implied: str | None = None) -> float:
    """Points for an entry of feature `actual` given the hinted feature types.

    `asked` is the caller's hint: a fitting entry gains `FEATURE_BONUS`.
    `implied` is what the wording says ("X province", "Y village", "Z airport"):
    it only ranks the candidates of its own reading, so an unfitting entry loses
    `FEATURE_BONUS` instead, and readings stay comparable with each other.
    """
    def fit(feature: str | None) -> float:
        if not feature:
            return 0.0
        full, related = _FEATURE_FIT.get(feature, ({feature}, set()))
        return FEATURE_BONUS if actual in full else FEATURE_RELATED if actual in related else 0.0

    return fit(asked) + (fit(implied) - FEATURE_BONUS if implied else 0.0)


def literal_fit(ratio: float) -> float:
    """Map the literal likeness (0-100) of the written and listed spellings to 0-1.

    Examples
    --------
    >>> literal_fit(100.0), literal_fit(80.0), literal_fit(50.0)
    (1.0, 0.5, 0.0)
    """
    return max(0.0, (ratio - SPELLING_FLOOR) / (100.0 - SPELLING_FLOOR))


def near_fit(km: float | None) -> float:
    """Points for lying `km` from the nearest context point (0 without one)."""
    return 0.0 if km is None else NEAR_BONUS * math.exp(-km / NEAR_KM)


def dist_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def score_parts(*, quality: float, prominence: float, centrality: float, in_country: bool,
                in_admin1: bool, in_admin2: bool, near_km: float | None, feature: float,
                reading: int, agrees: bool, spelling: float = 0.0) -> dict[str, float]:
    """Return the named parts of one candidate's joint score (their sum ranks it).

    Examples
    --------
    >>> parts = score_parts(quality=1.0, prominence=3.0, centrality=1.0, in_country=True,
    ...                     in_admin1=True, in_admin2=False, near_km=None, feature=0.0,
    ...                     reading=0, agrees=False)
    >>> round(sum(parts.values()), 3)
    51.0
    """
    return {
        "sim": W_SIM * quality,
        "spelling": -SPELLING_PENALTY * spelling,
        "prior": prominence + W_CENTRALITY * centrality,
        "country": COUNTRY_BONUS if in_country else 0.0,
        "admin1": ADMIN1_BONUS if in_admin1 else 0.0,
        "admin2": ADMIN2_BONUS if in_admin2 else 0.0,
        "near": near_fit(near_km),
        "feature": feature,
        "reading": -READING_PENALTY * reading + (AGREE_BONUS if agrees else 0.0),
    }


def margin_and_ambiguity(best: tuple[float, float, float],
                         others: list[tuple[float, float, float]]) -> tuple[float | None, bool]:
    """Return (margin, ambiguous) of the winner over its best rival far away.

    Parameters
    ----------
    best : (total, lat, lon)
        The winning candidate.
    others : iterable of (total, lat, lon)
        The other candidates, best first (the first far one is the best rival).

    Returns
    -------
    (float or None, bool)
        The margin over the best candidate more than `AMBIGUOUS_KM` away (None
        when there is none), and whether it is below `AMBIGUOUS_MARGIN`.

    Examples
    --------
    >>> margin_and_ambiguity((30.0, 36.0, 37.0), [(29.9, 36.01, 37.0), (29.5, 33.0, 44.0)])
    (0.5, True)
    """
    for total, lat, lon in others:
        if dist_km(best[1], best[2], lat, lon) > AMBIGUOUS_KM:
            margin = round(best[0] - total, 3)
            return margin, margin < AMBIGUOUS_MARGIN
    return None, False
