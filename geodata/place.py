"""The `Place` record: one resolved place name."""

from __future__ import annotations

from dataclasses import asdict, dataclass

#: Feature types a `Place` can have; the resolver's `feature=` argument takes the
#: first four.
FEATURES = ("city", "governorate", "district", "site", "region", "neighbourhood", "subdistrict")
#: Geo-precision codes of DESIGN.md: the place itself, part of/near it, only its region.
GEO_PRECISIONS = (1, 2, 3)


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another gazetteer entry the name could mean, with its joint score.

    Attributes
    ----------
    name, country, admin1, admin2, feature : str
        As in `Place`.
    geonameid : int or None
    lat, lon : float
    score : float
        Joint score (same scale as `Place.total`).
    km : float
        Distance from the chosen place.
    """

    name: str
    geonameid: int | None
    country: str
    admin1: str
    admin2: str | None
    lat: float
    lon: float
    feature: str
    score: float
    km: float


@dataclass(frozen=True, slots=True)
class Place:
    """One place name from a report, resolved to a gazetteer entry.

    Attributes
    ----------
    query : str
        The name as the report wrote it.
    name : str
        Canonical gazetteer name ("Baiji" for "Bayji").
    geonameid : int or None
        GeoNames id of the entry, when it has one.
    country : str
        "IQ" or "SY".
    admin1 : str
        Governorate, as OCHA names it (``ADM1_EN``: "Ninewa", "Deir-ez-Zor").
    admin2 : str or None
        District (OCHA ``ADM2_EN``), None when unknown.
    lat, lon : float
        WGS84 degrees.
    feature : str
        One of `FEATURES`.
    score : float
        Match quality in [0, 1]: 1 exact name, lower for loose or fuzzy matches.
    geo_precision : int
        1 the place itself; 2 near / part of / outskirts of it; 3 only a
        governorate or region is known (the point is its centroid).
    core : str or None
        The name part that was matched, trimmed of feature and relative words
        ("Shamarikh" for "Shamarikh village", "Mosul" for "outskirts of Mosul").
    total : float or None
        Joint score: string similarity + prominence + context fit (see
        `geodata.scoring`); comparable between candidates of one query only.
    margin : float or None
        `total` minus the score of the best candidate more than
        `geodata.scoring.AMBIGUOUS_KM` away; None when there is no such rival.
    ambiguous : bool
        True when far-apart namesakes score too close to tell apart
        (margin < `geodata.scoring.AMBIGUOUS_MARGIN`): use the report's
        context, or review by hand.
    alternatives : tuple of Alternative
        The next candidates (other places), best first.
    """

    query: str
    name: str
    geonameid: int | None
    country: str
    admin1: str
    admin2: str | None
    lat: float
    lon: float
    feature: str
    score: float
    geo_precision: int = 1
    core: str | None = None
    total: float | None = None
    margin: float | None = None
    ambiguous: bool = False
    alternatives: tuple[Alternative, ...] = ()

    def to_dict(self) -> dict:
        """Return the fields as a plain dict (JSON-ready)."""
        return asdict(self)
