"""Place-name resolution: report wording -> one gazetteer entry, scored jointly.

Pure matching and scoring over a `Gazetteer`; no file IO here. Steps:

1. clean the query (truncate, drop control characters);
2. read it: the whole phrase as written ("Mosul Dam", "Sadr City"), then the
   readings peeled out of it -- relative wording ("outskirts of", "north of",
   "X's airport", "... in X") -> geo_precision 2; governorate wording ("X
   province") -> the governorate, geo_precision 3; a trailing feature word
   ("Shamarikh village", "Tikrit prison", "Tall Hamis hill") -> the name plus a
   feature hint; "A/B" and "A (B)" -> both names; "Western X" -> "X al-Gharbiyah";
3. gather candidates of each reading from every kind of match at once: exact
   key, glued article split off, loose key (s/z, kh/h, gh/kh), consonant
   skeleton, fuzzy (rapidfuzz) against well-known places, any village, and the
   villages of the hinted governorate or district;
4. score each candidate jointly (`geodata.scoring`): string similarity graded
   by the kind of variation + prominence and centrality + fit to the context
   (country, admin1, admin2, near, feature); the best wins;
5. report the runners-up, the margin over the best far-away namesake, and
   ``ambiguous`` when that margin is too thin to trust.

A "district", "neighbourhood", "quarter" or "street" of a named city resolves
to its own entry when one lies in the city, else to the city (geo_precision 2);
without a named city, to the report's city given by ``near``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from geodata import scoring
from geodata.gazetteer import ALTERNATE, PRIMARY, Gazetteer
from geodata.hints import admin_units, near_points
from geodata.normalize import (
    clean_query,
    has_arabic,
    loose_key,
    name_key,
    plain_spelling,
    skeleton_key,
    split_names,
    unglue_article,
    vowel_key,
)
from geodata.place import Alternative, Place

ALLOWED_FEATURES = ("city", "governorate", "district", "site")
ALLOWED_COUNTRIES = ("IQ", "SY")
#: Fuzzy matches below these similarities (0-100) are rejected. Tuned on the
#: spellings in tests/geodata (real variants pass, unrelated names fail).
FUZZY_MAJOR_MIN = 80.0  # against well-known places (cities, sites, governorates)
FUZZY_ANY_MIN = 92.0  # against any village
#: Against the villages of the governorate or district the caller names: the
#: context vouches for a looser spelling.
FUZZY_LOCAL_MIN = 75.0
MAJOR_PROMINENCE = 7.0
#: A consonant-skeleton match whose letters compare worse than this (rapidfuzz
#: ratio against the entry's name) is a coincidence of consonants.
SKELETON_MIN = 65.0
#: Words many names begin or end with: a name sharing only these shares nothing.
_GENERIC_WORDS = frozenset(name_key(w) for w in (
    "Tall Tal Tell Jabal Jebel Khirbat Khirbet Kafr Dayr Deir Ayn Ain Bir Umm Abu Jubb Ras "
    "Wadi Mazraat Mazraa Qaryat Qarya Hawsh Shaykh Sheikh Bayt Beit Qasr Jisr Nahr Sahl Tallat "
    "Sharqi Sharqiyah Gharbi Gharbiyah Shamali Shamaliyah Janubi Janubiyah Kabir Kabirah Saghir "
    "Saghirah Fawqani Tahtani Jadid Jadidah Qadim Qadimah Wusta Mahattat Mukhayyam Camp Village "
    "Town Hill Farm Farms Military Airport Base IDP Dam Bridge Station Refugee Refugees Gas Oil "
    "Army Silos Mill Complex Hospital School").split())
#: Own points of quarters lie this close to their city's point.
QUARTER_KM = 12.0
#: A little-known neighbourhood's or site's own record counts for a report's quarter only
#: this close to the report's places: Baghdad's "Yarmouk" is not a Mosul report's quarter.
LOCAL_RECORD_KM = 30.0
#: A town this close to the unit named like it, and at most this many points behind,
#: is what the unit's bare name means (`_town_before_unit`).
UNIT_TOWN_KM = 40.0
UNIT_TOWN_MARGIN = 3.0
#: A town asked for by its own name beats a neighbour within this many km that lists the
#: name among its alternates, when it is at most `NEIGHBOUR_MARGIN` points behind.
NEIGHBOUR_KM = 30.0
NEIGHBOUR_MARGIN = 3.0
#: Places abroad that reports name often; their namesake villages in Iraq or
#: Syria are never what is meant ("Amman", "Kuwait", "Cairo", "Ankara").
FOREIGN = frozenset(name_key(n) for n in (
    "Turkey", "Iran", "Jordan", "Lebanon", "Israel", "Palestine", "Saudi Arabia", "Saudi",
    "Kuwait", "Qatar", "Egypt", "Yemen", "Libya", "Russia", "America", "United States",
    "Cairo", "Amman", "Beirut", "Ankara", "Istanbul", "Tehran", "Moscow", "Riyadh", "Doha",
    "Dubai", "Kilis", "Gaziantep", "Sanliurfa", "Urfa", "Suruc", "Reyhanli", "Hatay",
    "Antakya", "Adana", "Incirlik", "Mersin", "Washington", "London", "Paris", "Geneva",
    "Vienna", "Jerusalem", "Gaza", "Syria", "Iraq", "Kurds", "Arabs",
))

_DIRS = (r"north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
         r"northern|southern|eastern|western|north-?eastern|north-?western|"
         r"south-?eastern|south-?western|central|centre|center|downtown|greater|outer|inner")
_PART_WORDS = (r"outskirts|suburbs?|edges?|parts?|portions?|areas?|districts?|"
               r"neighbou?rhoods?|quarters?|sections?|sectors?|sides?|half|halves|"
               r"villages?|towns?|countryside|environs|surroundings|periphery|"
               r"fringes?|heart|centre|center|entrances?|gates?|approaches|"
               r"vicinity|road|roads|highway|frontlines?|front|positions?|"
               r"(?:\w+\s){0,3}?(?:villages?|areas?|districts?|neighbou?rhoods?|parts?)")
# Leading words that carry no place: articles, counts, and adjectives before "city of".
_LEADING = [
    re.compile(r"^(?:the|a|an|some|several|many|three|two|four|five|most|all|much)\s+", re.I),
    # "ISIS-held Mosul", "rebel-controlled eastern Aleppo", "besieged Deir ez-Zor"
    re.compile(r"^(?:[\w.]+-(?:held|controlled|run|besieged|occupied|dominated|led|"
               r"surrounded)|besieged|embattled|restive|war-torn|war-ravaged|strategic|"
               r"key|ancient|historic|oil-rich|liberated|recaptured)\s+", re.I),
    re.compile(r"^(?:key|strategic|besieged|northern|southern|eastern|western|central|"
               r"nearby|neighbou?ring|embattled|restive|oil|border|shiite|sunni|kurdish|"
               r"christian|yazidi|turkmen|ancient|historic|main|provincial|capital)\s+"
               r"(?=(?:city|town|village|province|governorate|region|capital)\b)", re.I),
]
_REL_PREFIX = re.compile(
    rf"^(?:(?:just|right|immediately|directly)\s+)?(?:"
    rf"(?:near|nearby|around|outside|beyond|close\s+to|next\s+to|towards?|between|"
    rf"on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of|within|across|inside|"
    rf"(?:\d+|a\s+few|several|some)\s+(?:km|kms|kilometres|kilometers|miles|mi)\s+"
    rf"(?:\w+\s+)?(?:of|from)|"
    rf"(?:to\s+the\s+)?(?:{_DIRS})(?:\s+(?:side|part|bank|edge|outskirts|suburbs))?\s+of|"
    rf"(?:{_PART_WORDS})\s+(?:of|in|around|near|outside)|"
    rf"(?:{_DIRS})(?=\s)"
    rf"))(?:\s+of)?\s+",
    re.I,
)
_CITY_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:\w+\s+){0,2})?(?:city|town|village|capital|hometown|stronghold)"
    r"\s+of\s+", re.I)
_GOV_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:\w+\s+){0,2})?(?:provinces?|governorates?|region|muhafazat|"
    r"countryside|rural\s+areas?|rural\s+parts?)\s+of\s+|^rural\s+(?=\S)", re.I)
# "Aleppo countryside" / "rural Idlib": Syrian usage for the governorate outside the city.
_GOV_SUFFIX = re.compile(
    r"\s+(?:provinces?|governorates?|region|area|muhafazat|countryside)$", re.I)
_DISTRICT_SUFFIX = re.compile(r"\s+(?:district|sub-?district|qada|qadha|nahiya|nahiyah)$", re.I)
# "Iraq's Anbar province", "the Syrian city of Raqqa", "northern Iraqi town of X":
# the country is a hint, the rest is the place.
_COUNTRY_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west|central)(?:ern)?\s+)?"
    r"(?:(?P<poss>iraq|syria)['’]s|(?P<adj>iraqi|syrian))\s+(?P<rest>.+)$", re.I)
_COUNTRY_CODES = {"iraq": "IQ", "iraqi": "IQ", "syria": "SY", "syrian": "SY"}
#: Admin-unit features: their point is a centroid (geo_precision 3).
_UNIT_FEATURES = frozenset(("governorate", "region", "district", "subdistrict"))
#: Match quality a word after "village of" needs to count as a place's spelling.
SPELLED_MIN = 0.78
_CITY_SUFFIX = re.compile(r"\s+(?:city|town|towns|village|villages|villge|villae|hamlet|"
                          r"locality|suburb|center|centre)$", re.I)
_POSSESSIVE = re.compile(r"^(.+?)['’]s\s+(.+)$")
# "Anbar and Salahuddin provinces", "between Tikrit and Samarra": the first place.
_AND_SPLIT = re.compile(r"^(.+?)(?:\s+and\s+|\s*,\s*|\s*/\s*)(.+)$", re.I)
_PLURAL_GOV = re.compile(r"\s+(?:provinces|governorates)$", re.I)
_IN_SPLIT = re.compile(r"^(.+?)\s+(?:in|near|outside|of|at|around|west of|east of|north of|"
                       r"south of)\s+(.+)$", re.I)
_OF_PLACE = re.compile(r"\b(city|town|village|hometown|capital|stronghold|province|"
                       r"governorate)\s+of\s+(.+)$", re.I)
# Trailing site words: "Speicher air base" -> Speicher (a site); "Tikrit prison" -> the
# prison if the gazetteer has it, else near the town (geo_precision 2). A facility's
# name often stacks several ("Idlib Central Prison", "X Thermal Power Plant", "X Military
# Complex", "X Air Defense"): they are peeled one by one, down to the place named.
_SITE_WORD = (r"(?:air\s*base|airbase|airport|airfield|air\s+field|air\s+strip|airstrip|"
              r"heliport|base|camp|idp\s+camp|idp|refugee\s+camp|prison|jail|refinery|"
              r"oil\s+refinery|dam|border\s+crossing|crossing|checkpoint|brigade|bridge|"
              r"roundabout|crossroads?|factory|plant|power\s+plant|(?:oil|gas)\s*field|field|"
              r"castle|island|military|army|refugees?|gas|oil|silos?|mills?|complex|station|"
              r"pumping\s+station|hospital|school|quarry|central|thermal|power|cotton|sugar|"
              r"water|treatment|air\s+defen[cs]e|tower|regiment|division|battalion|academy|"
              r"college|warehouses?|depots?|headquarters|hq|barracks|artillery|international)")
_SITE_TAIL = re.compile(rf"^(.+?)\s+{_SITE_WORD}$", re.I)
# "Tall Hamis hill" is the hill itself; "Hamis hill" may be "Tall Hamis". Farms likewise.
_HILL_TAIL = re.compile(r"^(.+?)\s+(?:hill|hills|mound)$", re.I)
_FARM_TAIL = re.compile(r"^(.+?)\s+(?:farm|farms)$", re.I)
# Arabic names mark a side with an adjective after the name: "Western Mushrifah" is
# "Mushrifah al-Gharbiyah" before it is the west of Mushrifah.
_SIDE_PREFIX = re.compile(r"^(west|western|east|eastern|north|northern|south|southern|upper|"
                          r"lower|big|great|greater|small|little)\s+(.+)$", re.I)
_SIDE_ADJECTIVES = {
    "west": ("al-Gharbiyah", "Gharbi"), "east": ("ash-Sharqiyah", "Sharqi"),
    "north": ("ash-Shamaliyah", "Shamali"), "south": ("al-Janubiyah", "Janubi"),
    "upper": ("Fawqani", "al-Fawqa"), "lower": ("Tahtani", "at-Tahta"),
    "big": ("al-Kabir", "al-Kabirah"), "small": ("as-Saghir", "as-Saghirah"),
}
_SIDE_ALIASES = {"western": "west", "eastern": "east", "northern": "north", "southern": "south",
                 "great": "big", "greater": "big", "little": "small"}
# A hill, ruin or farm named after the village beside it.
_GENERIC_HEAD = re.compile(r"^(?:tall|tal|tell|tel|khirbat|khirbet|mazraat|mazra'at)\s+"
                           r"(?:al-|el-|al\s+)?(\S.{3,})$", re.I)
# Quarters of a city: "al-Zuhur district of Mosul", "Hanano quarter in Aleppo",
# "Mosul's al-Zuhur neighbourhood", and without the city: "Tariqa neighborhood",
# "the neighbourhood of Al-Kifah".
_QUARTER_WORD = (r"(?:districts?|neighbou?rhoods?|quarters?|streets?|suburbs?|sectors?|"
                 r"roundabouts?|squares?)")
_QUARTER_OF = re.compile(rf"^(?:the\s+)?(?P<q>.+?)\s+{_QUARTER_WORD}\s+(?:of|in)\s+"
                         rf"(?:the\s+city\s+of\s+)?(?P<city>.+)$", re.I)
_SIDES_ONLY = re.compile(rf"^(?:(?:{_DIRS}|the|a|an|its|their|besieged|rebel-held|other|"
                         rf"several|some|many|residential|old|two|three)\s*)+$", re.I)
_QUARTER_POSS = re.compile(rf"^(?P<city>[^']+?)['’]s\s+(?P<q>.+?)\s+{_QUARTER_WORD}$", re.I)
_QUARTER_ALONE = re.compile(rf"^(?:the\s+)?(?:(?P<q1>.+?)\s+{_QUARTER_WORD}|"
                            rf"(?:[\w-]+\s+){{0,2}}?{_QUARTER_WORD}\s+of\s+(?P<q2>.+))$", re.I)
_SCRIPT_RUNS = re.compile(r"[\u0600-\u06ff][\u0600-\u06ff\s]*|[A-Za-z][A-Za-z'’\s-]*")
_TRAILING_JUNK = re.compile(r"[\s,.;:!?()\[\]\"'’]+$")
_SITE_WORDS = re.compile(
    r"(airport|air\s*base|airbase|airfield|refinery|dam|prison|jail|base|camp|university|"
    r"bridge|crossing|mountain|consulate|embassy|mosque|hospital|stadium|palace)", re.I)


def _town_before_unit(ranked: list[Candidate]) -> list[Candidate]:
    """Put a town named like the district or sub-district that won, and near it, first.

    "Altun Kupri" and "Habbaniya" written alone are the towns, not the centroids of the
    units named for them; a unit asked for by its word ("Sinjar district") wins by
    far more than `UNIT_TOWN_MARGIN`.
    """
    if not ranked or ranked[0].feature not in ("district", "subdistrict"):
        return ranked
    top = ranked[0]
    town = next((c for c in ranked[1:] if c.feature == "city"
                 and c.total >= top.total - UNIT_TOWN_MARGIN
                 and scoring.dist_km(c.lat, c.lon, top.lat, top.lon) <= UNIT_TOWN_KM), None)
    if town is None:
        return ranked
    return [town] + [c for c in ranked if c is not town]


def _named_before_neighbour(ranked: list[Candidate]) -> list[Candidate]:
    """Put the town whose own name was asked first, before a neighbour that lists it.

    WOF lists neighbours' names among a place's alternate names: "al-Rai" is an
    alternate of Ra'il, 16 km from the town of Al-Rai itself, whose prior is lower.
    A town found by its own name, near an alternate-name winner and close behind it
    (`NEIGHBOUR_MARGIN`), is the place meant.
    """
    if not ranked or ranked[0].kind != "alternate":
        return ranked
    top = ranked[0]
    own = next((c for c in ranked[1:] if c.kind == "exact" and c.feature == top.feature
                and c.total >= top.total - NEIGHBOUR_MARGIN
                and scoring.dist_km(c.lat, c.lon, top.lat, top.lon) <= NEIGHBOUR_KM), None)
    if own is None:
        return ranked
    return [own] + [c for c in ranked if c is not own]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry as a reading of the query, with its joint score.

    `Resolver.explain` returns these, best first; `parts` holds the named parts
    of `total` (see `geodata.scoring`).
    """

    entry: int
    name: str
    country: str
    admin1: str
    admin2: str | None
    lat: float
    lon: float
    feature: str
    core: str
    kind: str
    quality: float
    precision: int
    implied: str | None
    total: float
    parts: dict = field(compare=False, hash=False)


@dataclass(frozen=True)
class _Context:
    """The caller's hints, resolved once per query."""

    country: str | None = None
    country_only: bool = False
    units1: frozenset = frozenset()  # (country, admin1, None)
    units2: frozenset = frozenset()  # (country, admin1, admin2)
    near: tuple | None = None  # (lon, lat) points
    feature: str | None = None
    strict_case: bool = False
    #: (country, admin1) of every hinted unit (a district implies its governorate)
    admin1_pairs: frozenset = frozenset()
    #: the countries of the hinted units: a governorate hint names its country too
    hinted_countries: frozenset = frozenset()


@dataclass(frozen=True)
class _Reading:
    core: str
    precision: int
    implied: str | None
    rank: int
    group: int | None = None  # which name of "A/B" it reads


def _put(out: dict[int, tuple[float, str]], codes: Iterable[int], kind: str,
         quality: float | None = None) -> None:
    """Record the entries of `codes` as matches of `kind`, keeping each entry's best."""
    # An alternate name counts less, however it matched: WOF lists
    # neighbours' names among a place's alternates.
    alt = scoring.QUALITY["exact"] - scoring.QUALITY["alternate"]
    for c in codes:
        e = c >> 1
        if quality is None:
            q, k = ((scoring.QUALITY["alternate"], "alternate") if c & 1 == ALTERNATE
                    else (scoring.QUALITY["exact"], "exact"))
        else:
            q, k = (round(quality - alt, 3) if c & 1 == ALTERNATE else quality), kind
        if q > out.get(e, (0.0, ""))[0]:
            out[e] = (q, k)


class Resolver:
    """Resolve place names against a `Gazetteer`.

    Parameters
    ----------
    gazetteer : Gazetteer
        The entries and name index to match against.
    """

    #: Runners-up reported with a resolution.
    MAX_ALTERNATIVES = 4
    #: Candidates kept per query (for the runners-up, the margin and --explain).
    MAX_CANDIDATES = 12

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._fuzzy_major: dict[str, list[str]] | None = None
        self._fuzzy_all: dict[str, list[str]] | None = None
        # The fuzzy searches are pure functions of their key and costly
        # (rapidfuzz over the pools); reports repeat the same misspelt names.
        self._fuzzy_memo: dict[tuple, list[tuple[int, float]]] = {}
        # a name's matches without context (`_matches`): pure too, and asked per context
        self._matches_memo: dict[str, tuple[dict[int, tuple[float, str]], bool]] = {}
        self._local_pools: dict[tuple, list[str]] | None = None
        self._local_words: dict[tuple, dict[str, list[int]]] | None = None
        self._units_memo: dict[tuple, frozenset | ValueError] = {}
        self._major_cities: list[int] | None = None

    # -- hints ------------------------------------------------------------------
    def units(self, text, level: int, country: str | None = None) -> frozenset:
        """Return the OCHA units an admin hint names (see `geodata.hints.admin_units`).

        `text` may also be several names (a report's governorates): their units together.
        """
        if not isinstance(text, str) and isinstance(text, (list, tuple, set, frozenset)):
            return frozenset().union(*(self.units(t, level, country) for t in text if t))
        key = (text, level, country)
        if key not in self._units_memo:
            # a name that is no unit is remembered as the error it raises: finding
            # that out scans the whole gazetteer
            try:
                self._units_memo[key] = admin_units(self.gaz.index, text, level, country=country)
            except ValueError as err:
                self._units_memo[key] = err
        found = self._units_memo[key]
        if isinstance(found, ValueError):
            raise ValueError(str(found))
        return found

    def _context(self, *, country, admin1, admin2, near, feature, strict_case,
                 country_only) -> _Context:
        units1 = self.units(admin1, 1, country) if admin1 else frozenset()
        units2 = self.units(admin2, 2, country) if admin2 else frozenset()
        if units1 and units2:
            # "Ath Thawrah" district with "Ar Raqqah" governorate: the Syrian one.
            pairs = {(u[0], u[1]) for u in units1}
            units2 = frozenset(u for u in units2 if (u[0], u[1]) in pairs) or units2
        return _Context(country=country, country_only=country_only, units1=units1,
                        units2=units2, near=near_points(near), feature=feature,
                        strict_case=strict_case,
                        admin1_pairs=frozenset((u[0], u[1]) for u in units1 | units2),
                        hinted_countries=frozenset(u[0] for u in units1 | units2))

    # -- candidate generation -------------------------------------------------
    def _matches(self, core: str, ctx: _Context) -> dict[int, tuple[float, str]]:
        """Return entry -> (match quality, kind) for a bare name, all kinds of match at once.

        The matches of the name alone are kept per name (:meth:`_name_matches`): a report
        asks for the same names again and again, with other context each time; only the
        matches inside the hinted units depend on the context.
        """
        memo = self._matches_memo.get(core)
        if memo is None:
            memo = self._matches_memo[core] = self._name_matches(core)
        found, local = memo
        out = dict(found)
        if local and (ctx.units1 or ctx.units2) and not any(self._inside(e, ctx) for e in out):
            for e, q in self._fuzzy_local(name_key(core), ctx):
                _put(out, [e << 1], "local", q)
            if not any(self._inside(e, ctx) for e in out):
                for e, q in self._partial_local(core, ctx):
                    _put(out, [e << 1], "partial", q)
        return out

    def _name_matches(self, core: str) -> tuple[dict[int, tuple[float, str]], bool]:
        """Return the matches of a bare name without context, and whether local ones may add."""
        from rapidfuzz import fuzz

        key = name_key(core)
        # One- and two-letter Latin keys ("no", "Al") match too much by chance.
        if len(key) < 2 or (len(key) < 3 and not has_arabic(key)):
            return {}, False
        ix = self.gaz.index
        out: dict[int, tuple[float, str]] = {}

        _put(out, ix.keys.get(key, ()), "exact")
        latin = not has_arabic(key)
        common = latin and all(w in ix.common_words for w in re.split(r"[\s-]+", core.lower()) if w)
        if latin and not common:
            texts = [core]
            unglued = unglue_article(core)
            if unglued:
                k2 = name_key(unglued)
                if len(k2) >= 3 and k2 != key:
                    _put(out, ix.keys.get(k2, ()), "article", scoring.QUALITY["article"])
                    texts.append(unglued)
            for text in texts:
                if len(key) >= 4:
                    _put(out, ix.loose.get(loose_key(text), ()), "loose", scoring.QUALITY["loose"])
            if len(key) >= 4:
                skel = skeleton_key(core)
                codes = ix.skeletons.get(skel, ())
                # Vowels compared with "ay"/"iy" read as the "e"/"i" reports write
                # ("Beqin" is "Buqayn", "Skik" is "Sukayk").
                vkey = vowel_key(key)
                if len(skel) < 4:
                    # Three consonants say little: only a vowel apart in a name of
                    # about the same length ("Gwer"/"Guwer"), not "Qasr"/"Qusayr".
                    codes = [c for c in codes if min(
                        abs(len(name_key(ix.name[c >> 1])) - len(key)),
                        abs(len(vowel_key(name_key(ix.name[c >> 1]))) - len(vkey))) <= 1]
                kind = "skeleton" if len(skel) >= 4 else "skeleton3"
                for c in codes:
                    # Graded by how the vowels compare too: "Baghdida" is nearer
                    # "Bakhdida" than "Baghdadi", though all share "bgdd"/"bkdd";
                    # "Qwertyuiop" shares "krtp" with "Qarat Tapah" and nothing else.
                    other = name_key(ix.name[c >> 1])
                    sim = max(fuzz.ratio(key, other), fuzz.ratio(vkey, vowel_key(other)))
                    if sim >= SKELETON_MIN:
                        quality = min(scoring.QUALITY[kind], scoring.fuzzy_quality(sim))
                        _put(out, [c], kind, max(0.6, quality))
            strong = [e for e, (q, _) in out.items() if q >= scoring.QUALITY["article"]]
            if not strong:
                fuzzy = self._fuzzy(key)
            elif (max(ix.prominence[e] for e in strong) < MAJOR_PROMINENCE
                  and sum(c & 1 == PRIMARY for c in ix.keys.get(key, ())) < 2):
                # An exact obscure village may yet be a typo of a well-known place;
                # a name that several places bear is a name in its own right
                # ("Hammam", "Daman"), not a slip for "Hama" or "Damas".
                fuzzy = self._fuzzy(key, major_only=True)
            else:
                fuzzy = []
            for e, q in fuzzy:
                _put(out, [e << 1], "fuzzy", q)
        return out, latin and not common

    def _partial_local(self, core: str, ctx: _Context) -> list[tuple[int, float]]:
        """Entries of the hinted units sharing a distinctive word with `core`.

        "Hajin al-Sharqi" finds "Hajin", "Sukhnah" finds "Sukhnah al-Jadidah", a
        name with a trailing descriptor ("X silos", "X pumping station") finds X:
        in a known district a shared word is a usable lead; without one, noise.
        """
        if self._local_words is None:
            self._local_words = self._build_local_words()
        out: list[tuple[int, float]] = []
        q = scoring.QUALITY["partial"]
        for word in _distinctive_words(core):
            for unit in ctx.units2 or frozenset((u[0], u[1], None) for u in ctx.units1):
                out += [(e, q) for e in self._local_words.get(unit[:2], {}).get(word, ())
                        if not unit[2] or self.gaz.index.admin2[e] == unit[2]]
        return out

    def _build_local_words(self) -> dict[tuple, dict[str, list[int]]]:
        """Map per governorate each distinctive word of a display name to its entries."""
        ix = self.gaz.index
        table: dict[tuple, dict[str, list[int]]] = {}
        for e, (nm, f) in enumerate(zip(ix.name, ix.feature, strict=True)):
            if f not in ("city", "neighbourhood", "site") or has_arabic(nm):
                continue
            slot = table.setdefault((ix.country[e], ix.admin1[e]), {})
            for w in _distinctive_words(nm):
                slot.setdefault(w, []).append(e)
        return table

    def _inside(self, e: int, ctx: _Context) -> bool:
        """Say whether entry `e` lies in a hinted governorate (or within `BORDER_KM` of one)."""
        ix = self.gaz.index
        return (ix.country[e], ix.admin1[e]) in ctx.admin1_pairs or any(
            u in ctx.admin1_pairs for u in ix.border1.get(e, ()))

    def _fuzzy_tables(self) -> None:
        ix = self.gaz.index
        major: dict[str, list[str]] = {}
        allk: dict[str, list[str]] = {}
        for key, codes in ix.keys.items():
            if len(key) < 5 or has_arabic(key):
                continue
            allk.setdefault(key[0], []).append(key)
            if any(ix.prominence[c >> 1] >= MAJOR_PROMINENCE for c in codes):
                major.setdefault(key[0], []).append(key)
        self._fuzzy_major, self._fuzzy_all = major, allk

    def _fuzzy(self, key: str, *, major_only: bool = False) -> list[tuple[int, float]]:
        memo = (key, major_only)
        hit = self._fuzzy_memo.get(memo)
        if hit is None:
            hit = self._fuzzy_memo[memo] = self._fuzzy_uncached(key, major_only)
        return hit

    def _fuzzy_uncached(self, key: str, major_only: bool) -> list[tuple[int, float]]:
        from rapidfuzz import fuzz, process
        from rapidfuzz.distance import OSA

        if len(key) < 5 or has_arabic(key):
            return []
        if self._fuzzy_major is None:
            self._fuzzy_tables()
        best: tuple[str, float] | None = None
        # Well-known places: a typo of one edit or transposition ("Ibril" for
        # Irbil), two in long names; "Moscow" (two edits from Mosul) stays out.
        max_edits = 1 if len(key) <= 7 else 2 if len(key) <= 10 else 3
        for first in {key[0], "a" if key[0] in "ei" else key[0],
                      "i" if key[0] in "ae" else key[0]}:
            pool = self._fuzzy_major.get(first, [])
            hit = process.extractOne(key, pool, scorer=OSA.distance, score_cutoff=max_edits)
            if hit:
                sim = OSA.normalized_similarity(key, hit[0]) * 100
                if sim >= FUZZY_MAJOR_MIN and (best is None or sim > best[1]):
                    best = (hit[0], sim)
        if best is None and len(key) >= 7 and not major_only:
            hit = process.extractOne(key, self._fuzzy_all.get(key[0], []), scorer=fuzz.ratio,
                                     score_cutoff=FUZZY_ANY_MIN)
            if hit:
                best = (hit[0], hit[1])
        if best is None or best[0] == key or _digits(best[0]) != _digits(key):
            return []  # "Brigade 93" is not "Brigade 137"
        if _other_site(key, best[0]):
            return []  # "Thaala airbase" is not "Tabqa airbase"
        quality = scoring.fuzzy_quality(best[1], same_consonants=_consonants(key)
                                        == _consonants(best[0]))
        return [(e, quality) for e, _ in self.gaz.lookup_key(best[0])
                if not major_only or self.gaz.index.prominence[e] >= MAJOR_PROMINENCE]

    def _fuzzy_local(self, key: str, ctx: _Context) -> list[tuple[int, float]]:
        """Villages of the hinted district (else governorate) named like `key`."""
        from rapidfuzz import fuzz, process

        if len(key) < 4:
            return []
        if self._local_pools is None:
            self._local_pools = self._build_local_pools()
        ix = self.gaz.index
        for units in (ctx.units2, frozenset((u[0], u[1], None) for u in ctx.units1)):
            memo = ("local", key, units)
            hit = self._fuzzy_memo.get(memo)
            if hit is None:
                hit = []
                for unit in units:
                    for k, sim, _ in process.extract(
                            key, self._local_pools.get(unit, []), scorer=fuzz.ratio,
                            score_cutoff=FUZZY_LOCAL_MIN, limit=5):
                        if _digits(k) != _digits(key):
                            continue
                        q = scoring.fuzzy_quality(sim, same_consonants=_consonants(key)
                                                  == _consonants(k))
                        hit += [(c >> 1, q) for c in ix.keys[k]
                                if (ix.country[c >> 1], ix.admin1[c >> 1],
                                    unit[2] and ix.admin2[c >> 1]) == unit]
                self._fuzzy_memo[memo] = hit
            if hit:
                return hit
        return []

    def _build_local_pools(self) -> dict[tuple, list[str]]:
        """Latin keys of 4+ letters per governorate and per district."""
        ix = self.gaz.index
        pools: dict[tuple, set[str]] = {}
        for key, codes in ix.keys.items():
            if len(key) < 4 or has_arabic(key):
                continue
            for c in codes:
                e = c >> 1
                pools.setdefault((ix.country[e], ix.admin1[e], None), set()).add(key)
                if ix.admin2[e]:
                    pools.setdefault((ix.country[e], ix.admin1[e], ix.admin2[e]), set()).add(key)
        return {u: sorted(keys) for u, keys in pools.items()}

    def fuzzy_known(self, key: str) -> list[tuple[int, float]]:
        """Candidates for a misspelt name of a well-known place only (the span finder's use)."""
        if len(key) < 5 or has_arabic(key):
            return []
        return [(e, q) for e, q in self._fuzzy(key)
                if self.gaz.index.prominence[e] >= MAJOR_PROMINENCE]

    def spelled(self, word: str) -> bool:
        """Say whether a word after "village of" reads as another spelling of a place.

        Any place, known or not ("Beinin" for the village Banin): the cue says a
        settlement is named, so a close variant is enough.
        """
        try:
            ranked = self.explain(word, top=1)
        except ValueError:
            return False
        return bool(ranked) and ranked[0].quality >= SPELLED_MIN

    # -- scoring ----------------------------------------------------------------
    def _score(self, e: int, quality: float, rd: _Reading, ctx: _Context,
               spelling: float = 0.0) -> dict | None:
        """Return the parts of entry `e`'s joint score as a reading of `rd`, or None.

        `spelling` is how far (0-1) the entry's spelling falls behind the best-spelt
        folded match of the reading (`_spelling_gaps`).
        """
        ix = self.gaz.index
        f, cc = ix.feature[e], ix.country[e]
        if ctx.country_only and ctx.country and cc != ctx.country:
            return None
        if rd.implied == "governorate" and rd.precision == 3 and f not in ("governorate",
                                                                           "region"):
            return None  # "X province" but X is not a governorate
        near_km = None
        if ctx.near:
            near_km = min(scoring.dist_km(ix.lat[e], ix.lon[e], lat, lon)
                          for lon, lat in ctx.near[:20])
        return scoring.score_parts(
            quality=quality, prominence=ix.prominence[e] + (ix.seat[e] if ix.seat else 0.0),
            centrality=ix.centrality[e] if ix.centrality else 0.0,
            # a governorate or district hint names its country too
            in_country=cc == ctx.country if ctx.country else cc in ctx.hinted_countries,
            in_admin1=bool(ctx.admin1_pairs) and self._inside(e, ctx),
            in_admin2=bool(ctx.units2) and (cc, ix.admin1[e], ix.admin2[e]) in ctx.units2,
            near_km=near_km,
            feature=scoring.feature_fit(ctx.feature, f,
                                        implied=None if ctx.feature else rd.implied),
            reading=rd.rank, agrees=False, spelling=spelling)

    def _spelling_gaps(self, core: str, matches: dict[int, tuple[float, str]]) -> dict[int, float]:
        """Return, per folded match, how far its spelling falls behind the best-spelt one.

        Folded matches (exact key, glued article, loose key) tie on the key; the
        one spelt letter for letter as written gets 0, the others up to 1.
        """
        folded = [e for e, (q, _) in matches.items() if q >= scoring.QUALITY["loose"]]
        if len(folded) < 2:
            return {}
        fits = {e: scoring.literal_fit(self._literal_ratio(core, e)) for e in folded}
        best = max(fits.values())
        return {e: round(best - fit, 3) for e, fit in fits.items()}

    def _literal_ratio(self, written: str, e: int) -> float:
        """Return how alike `written` is to entry `e`'s likest name, letter for letter (0-100)."""
        from rapidfuzz import fuzz, process

        spellings = self.gaz.index.spellings
        if not spellings:
            return 100.0
        hit = process.extractOne(plain_spelling(written), spellings[e], scorer=fuzz.ratio)
        return hit[1] if hit else 0.0

    def _candidate(self, e: int, quality: float, kind: str, rd: _Reading,
                   ctx: _Context) -> Candidate | None:
        parts = self._score(e, quality, rd, ctx)
        return None if parts is None else self._make(e, quality, kind, rd, parts)

    def _make(self, e: int, quality: float, kind: str, rd: _Reading, parts: dict) -> Candidate:
        ix = self.gaz.index
        return Candidate(entry=e, name=ix.name[e], country=ix.country[e], admin1=ix.admin1[e],
                         admin2=ix.admin2[e], lat=ix.lat[e], lon=ix.lon[e],
                         feature=ix.feature[e], core=rd.core, kind=kind, quality=quality,
                         precision=rd.precision, implied=rd.implied,
                         total=round(sum(parts.values()), 3), parts=parts)

    def _score_readings(self, readings: Iterable[_Reading], ctx: _Context) -> list[Candidate]:
        """Score every candidate of every reading; the best reading per entry, best first.

        Only the `MAX_CANDIDATES` best become `Candidate` records: the rest can be
        neither the answer nor its nearest rivals.
        """
        best: dict[int, tuple] = {}  # entry -> (total, quality, kind, reading, parts)
        groups: dict[int, set[int]] = {}
        for i, rd in enumerate(readings):
            if ctx.strict_case and not self._case_ok(rd.core):
                continue
            if name_key(rd.core) in FOREIGN:
                continue
            matches = self._matches(rd.core, ctx)
            gaps = self._spelling_gaps(rd.core, matches)
            for e, (quality, kind) in matches.items():
                parts = self._score(e, quality, rd, ctx, gaps.get(e, 0.0))
                if parts is None:
                    continue
                if rd.group is not None:
                    groups.setdefault(rd.group, set()).add(e)
                total = sum(parts.values())
                if e not in best or total > best[e][0]:
                    best[e] = (total, quality, kind, rd, parts)
            if i == 0 and any(v[1] >= scoring.QUALITY["alternate"] for v in best.values()):
                break  # the whole phrase is a name as written: "Sadr City", "Mosul Dam"
        if len(groups) > 1:
            self._agreement(best, groups)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[:self.MAX_CANDIDATES]
        return [self._make(e, q, kind, rd, parts) for e, (_, q, kind, rd, parts) in ranked]

    def _agreement(self, best: dict[int, tuple], groups: dict[int, set[int]]) -> None:
        """Reward entries that both names of "A/B" point to (within `AGREE_KM`), in place."""
        ix = self.gaz.index
        rewarded: set[int] = set()
        for g, entries in groups.items():
            others = [o for h, es in groups.items() if h != g for o in es]
            for e in entries - rewarded:
                if any(scoring.dist_km(ix.lat[e], ix.lon[e], ix.lat[o], ix.lon[o])
                       <= scoring.AGREE_KM for o in others):
                    rewarded.add(e)
                    _, q, kind, rd, parts = best[e]
                    parts = {**parts, "reading": parts["reading"] + scoring.AGREE_BONUS}
                    best[e] = (sum(parts.values()), q, kind, rd, parts)

    # -- query parsing ----------------------------------------------------------
    def _readings(self, query: str, ctx: _Context) -> tuple[Iterator[_Reading], _Context]:
        """All readings of a query, best first (lazily), and the context.

        The context gains the country a query names ("Iraq's Anbar province").
        The readings past the whole phrase are only parsed when it is no name
        as written, which is the common case's fast path.
        """
        m = _COUNTRY_PREFIX.match(query)
        if m and ctx.country is None and not split_names(query):
            ctx = _replace(ctx, country=_COUNTRY_CODES[(m.group("poss") or m.group("adj"))
                                                       .lower()])
        return self._iter_readings(query, m), ctx

    def _iter_readings(self, query: str, country_prefix) -> Iterator[_Reading]:
        whole_implied = ("governorate" if _GOV_SUFFIX.search(query) or _GOV_PREFIX.match(query)
                         else None)
        yield _Reading(query, 3 if whole_implied else 1, whole_implied, 0)
        names = split_names(query)
        if names:
            # "A/B", "A (B)": both names, each with its own readings, equal rank.
            for g, part in enumerate(names):
                yield from self._reading_list(part, rank0=1, group=g)
            return
        if country_prefix:
            yield from self._reading_list(country_prefix.group("rest"), rank0=1)
        m = _SIDE_PREFIX.match(query)
        if m:
            # "Western X" read as a whole: "X al-Gharbiyah", as the name itself.
            side = _SIDE_ALIASES.get(m.group(1).lower(), m.group(1).lower())
            for adj in _SIDE_ADJECTIVES[side]:
                yield _Reading(f"{m.group(2)} {adj}", 1, None, 0)
        yield from self._reading_list(query, rank0=1)
        m = _GENERIC_HEAD.match(query)
        if m:
            # "Tall Hamis" for a hill or ruin by Hamis: the village, near it.
            yield _Reading(m.group(1), 2, None, 3)

    def _reading_list(self, text: str, *, rank0: int, group: int | None = None) -> list[_Reading]:
        out, seen = [], set()
        for core, precision, implied in self._parse(text):
            core = _TRAILING_JUNK.sub("", core).strip()
            if core and (core.lower(), implied) not in seen:
                seen.add((core.lower(), implied))
                out.append(_Reading(core, precision, implied, rank0 + len(out), group))
        return out

    def _parse(self, text: str) -> list[tuple[str, int, str | None]]:
        """Return (core name, geo_precision, implied feature) readings, best first."""
        readings: list[tuple[str, int, str | None]] = []
        s = _TRAILING_JUNK.sub("", text)
        precision, feature = 1, None
        peeled: list[tuple[str, int, str | None]] = []  # each step, for descriptive names
        for _ in range(6):
            before = s
            for pat in _LEADING:
                stripped = pat.sub("", s)
                if stripped != s:
                    s = stripped
                    peeled.append((s, precision, feature))  # "Kurdish capital"
            m = _GOV_PREFIX.match(s)
            if m:
                s, precision, feature = s[m.end():], 3, "governorate"
            m = _CITY_PREFIX.match(s)
            if m:
                s = s[m.end():]
                feature = feature or "city"
            m = _REL_PREFIX.match(s)
            if m and len(s) > m.end():
                s, precision = s[m.end():], max(precision, 2)
            if s == before:
                break
        # Peeled phrases that are names themselves ("Kurdish capital") come after
        # the bare core, so that "the city of Mosul" still reads as Mosul first.
        extra = [r for r in peeled if r[0] != s]
        m = _AND_SPLIT.match(s)
        if m and not _PLURAL_GOV.search(s):
            # "Ramadi, the capital of Anbar province": the first place named
            for sub in self._parse(m.group(1)):
                readings.append((sub[0], max(precision, sub[1]), sub[2] or feature))
        if _GOV_SUFFIX.search(s) and precision < 3:
            readings.append((s, precision, feature))  # "Sadr City"-like whole names first
            s, precision, feature = _GOV_SUFFIX.sub("", s), 3, "governorate"
        elif _DISTRICT_SUFFIX.search(s):
            readings.append((s, precision, feature))
            s, precision, feature = _DISTRICT_SUFFIX.sub("", s), 3, "district"
        elif _CITY_SUFFIX.search(s):
            readings.append((s, precision, feature))
            s, feature = _CITY_SUFFIX.sub("", s), feature or "city"
        readings.append((s, precision, feature))
        m = _HILL_TAIL.match(s)
        if m:  # "Hamis hill": the hill "Tall Hamis", else the place of that name
            if not re.match(r"(?i)t[ae]ll?\b", m.group(1)):
                readings.append((f"Tall {m.group(1)}", precision, None))
            readings.append((m.group(1), precision, None))
        m = _FARM_TAIL.match(s)
        if m:  # "Hamdan farms": "Mazraat Hamdan", else by the village
            readings.append((f"Mazraat {m.group(1)}", precision, None))
            readings.append((m.group(1), max(precision, 2), None))
        m = _AND_SPLIT.match(s)
        if m and _PLURAL_GOV.search(text):  # "Anbar and Salahuddin provinces"
            readings.append((m.group(1), 3, "governorate"))
        m = _OF_PLACE.search(s)
        if m and m.start() > 0:  # "Saddam Hussein's hometown of Tikrit" -> Tikrit
            readings.append((m.group(2), precision, "governorate" if m.group(1).lower()
                             .startswith(("province", "governorate")) else feature))
        rest = s
        while m := _SITE_TAIL.match(rest):
            # "Speicher air base" -> Speicher (a site); "Tikrit prison" -> near the town;
            # one word at a time: "137th Brigade Army" is "137th Brigade" before "137th"
            rest = m.group(1)
            readings.append((rest, precision, "site"))
        if has_arabic(s) and re.search(r"[A-Za-z]", s):
            # "Mosul الموصل": each script on its own
            for part in _SCRIPT_RUNS.findall(s):
                readings.append((part, precision, feature))
        m = _POSSESSIVE.match(s)
        if m:  # "Mosul's airport" -> site "Mosul airport", else Mosul (part of it)
            readings.append((f"{m.group(1)} {m.group(2)}", precision, "site"))
            readings.append((m.group(1), max(precision, 2), None))
        m = _IN_SPLIT.match(s)
        if m:  # "oil refinery in Baiji" -> "Baiji refinery", else Baiji
            thing, where = m.group(1), m.group(2)
            site = _SITE_WORDS.search(thing)
            if site:
                readings.append((f"{where} {site.group(1)}", precision, "site"))
            for sub in self._parse(where):
                readings.append((sub[0], max(precision, 2, sub[1]), sub[2]))
        readings.extend(extra)
        return readings

    # -- public -----------------------------------------------------------------
    def resolve(self, name: str, *, country: str | None = None, admin1: str | None = None,
                admin2: str | None = None, near=None, feature: str | None = None,
                strict_case: bool = False, country_only: bool = False) -> Place | None:
        """Resolve one name; see `geodata.resolve` for the parameters.

        `country_only` turns `country` from a preference into a filter (the CLI's
        ``--country``).
        """
        query = clean_query(name)
        if not query or not any(ch.isalpha() for ch in query):
            return None
        ctx = self._context(country=country, admin1=admin1, admin2=admin2, near=near,
                            feature=feature, strict_case=strict_case, country_only=country_only)
        return self._place(query, self._rank(query, ctx))

    def explain(self, name: str, *, top: int = 5, **hints) -> list[Candidate]:
        """Return the `top` candidates for `name`, best first, with the parts of their scores.

        Takes the keyword arguments of `resolve`.
        """
        query = clean_query(name)
        if not query or not any(ch.isalpha() for ch in query):
            return []
        hints.setdefault("strict_case", False)
        hints.setdefault("country_only", False)
        for k in ("country", "admin1", "admin2", "near", "feature"):
            hints.setdefault(k, None)
        return self._rank(query, self._context(**hints))[:top]

    def _rank(self, query: str, ctx: _Context) -> list[Candidate]:
        """Every candidate of the query, best first (quarters of cities handled here)."""
        m = _QUARTER_OF.match(query) or _QUARTER_POSS.match(query)
        if m and not _SIDES_ONLY.match(m.group("q")):  # "eastern districts of X": parts of X
            ranked = self._quarter_of_city(m.group("q"), m.group("city"), ctx)
            if ranked:
                return ranked
        readings, ctx2 = self._readings(query, ctx)
        ranked = self._score_readings(readings, ctx2)
        m = _QUARTER_ALONE.match(query)
        if m and not (ranked and ranked[0].feature in ("district", "subdistrict")
                      and ranked[0].quality >= scoring.QUALITY["article"]):
            # "Tariqa neighbourhood", "Hanano district" that is no admin district.
            return self._quarter_in_context(m.group("q1") or m.group("q2"), ctx2, ranked)
        return _town_before_unit(_named_before_neighbour(ranked))

    def _quarter_of_city(self, quarter: str, city: str, ctx: _Context) -> list[Candidate]:
        """Resolve "X district of CITY": X's own point when it lies in the city, else the city."""
        cities = [c for c in self._rank(city, ctx) if c.feature not in _UNIT_FEATURES]
        if not cities:
            return []
        top = cities[0]
        readings, _ = self._readings(quarter, ctx)
        own = [c for c in self._score_readings(readings, _replace(ctx, feature="neighbourhood"))
               if c.feature not in _UNIT_FEATURES
               and scoring.dist_km(c.lat, c.lon, top.lat, top.lon) <= QUARTER_KM]
        if own:
            return [_replace(c, precision=1, implied=None) for c in own]
        return [_replace(top, precision=2, implied=None)] + cities[1:]

    def _quarter_in_context(self, quarter: str, ctx: _Context,
                            ranked: list[Candidate]) -> list[Candidate]:
        """Resolve a quarter without its city: its own point, else the report's city (`near`)."""
        readings, _ = self._readings(quarter, ctx)
        own = self._score_readings(readings, _replace(ctx, feature=ctx.feature or "neighbourhood"))
        # A village that shares the name only loosely is no quarter of anything.
        own = [c for c in own if c.feature not in _UNIT_FEATURES
               and (c.feature == "neighbourhood" or c.quality >= scoring.QUALITY["article"])]
        # A village of that name: the quarter, street or roundabout is by it, at best.
        own = [_replace(c, precision=max(c.precision, 2)) if c.feature == "city" else c
               for c in own]
        # "the districts of Aleppo": the city holds the quarters (geo_precision 2).
        ix = self.gaz.index
        own = [_replace(c, precision=max(c.precision, 2))
               if c.feature == "city" and ix.prominence[c.entry] >= MAJOR_PROMINENCE else c
               for c in own]
        if not ctx.near:
            return own
        # Its own point: a named quarter or site ("Sadr City"), or a close
        # spelling of a place in the report's city.
        def km(c: Candidate) -> float:
            return min(scoring.dist_km(c.lat, c.lon, lat, lon) for lon, lat in ctx.near[:20])

        def record(c: Candidate) -> bool:
            # a well-known quarter ("Sadr City") is meant wherever the report is
            return c.feature in ("neighbourhood", "site") and (
                ix.prominence[c.entry] >= MAJOR_PROMINENCE or km(c) <= LOCAL_RECORD_KM)

        local = [c for c in own if c.quality >= scoring.QUALITY["loose"] and (
            record(c) or km(c) <= QUARTER_KM)]
        if local:
            return local
        city = self._city_near(ctx.near)
        if city is None:
            return []
        rd = _Reading(ix.name[city], 2, None, 0)
        cand = self._candidate(city, scoring.QUALITY["exact"], "context", rd, ctx)
        return [cand] if cand is not None else []

    def _city_near(self, near: tuple) -> int | None:
        """Return the best-known city within 10 km of the report's places (first ones first)."""
        ix = self.gaz.index
        if self._major_cities is None:
            self._major_cities = [e for e, (f, p) in enumerate(zip(ix.feature, ix.prominence,
                                                                    strict=True))
                                  if f == "city" and p >= MAJOR_PROMINENCE]
        # The first point with a city wins: the report's most named place is its city,
        # even when a better-known city is named too (Tal Afar's quarters, not Mosul's).
        for lon, lat in near[:8]:
            best, best_score = None, -1e9
            for e in self._major_cities:
                if abs(ix.lat[e] - lat) > 0.1 or abs(ix.lon[e] - lon) > 0.12:
                    continue
                km = scoring.dist_km(ix.lat[e], ix.lon[e], lat, lon)
                score = ix.prominence[e] - 0.2 * km
                if km <= 10.0 and score > best_score:
                    best, best_score = e, score
            if best is not None:
                return best
        return None

    def _place(self, query: str, ranked: list[Candidate]) -> Place | None:
        """Return the winner as a `Place`, with its runners-up and the ambiguity verdict."""
        if not ranked:
            return None
        best, others = ranked[0], ranked[1:]
        margin, ambiguous = scoring.margin_and_ambiguity(
            (best.total, best.lat, best.lon), ((c.total, c.lat, c.lon) for c in others))
        alternatives: list[Alternative] = []
        listed = [(best.lat, best.lon)]
        for c in others:
            if len(alternatives) >= self.MAX_ALTERNATIVES:
                break
            # The same place again (a duplicate record): within ~2 km.
            if any(abs(c.lat - lat) < 0.018 and abs(c.lon - lon) < 0.022 for lat, lon in listed):
                continue
            listed.append((c.lat, c.lon))
            alternatives.append(Alternative(
                name=c.name, geonameid=self.gaz.index.geonameid[c.entry], country=c.country,
                admin1=c.admin1, admin2=c.admin2, lat=c.lat, lon=c.lon, feature=c.feature,
                score=c.total, km=round(scoring.dist_km(best.lat, best.lon, c.lat, c.lon), 1)))
        return Place(query=query, name=best.name, geonameid=self.gaz.index.geonameid[best.entry],
                     country=best.country, admin1=best.admin1, admin2=best.admin2,
                     lat=best.lat, lon=best.lon, feature=best.feature, score=best.quality,
                     geo_precision=_precision(best), core=best.core, total=best.total,
                     margin=margin, ambiguous=ambiguous, alternatives=tuple(alternatives))

    def _case_ok(self, core: str) -> bool:
        """In strict mode a name must look like a name: capitalised, or Arabic script."""
        if has_arabic(core):
            return True
        words = core.replace("-", " ").split()
        # Skip lower-case Arabic articles: "al-Qaim" is capitalised where it counts.
        content = [w for w in words if w.lower() not in ("al", "el", "ar", "as", "ad", "an",
                                                         "at", "az", "ez", "ash", "of")]
        # an ayn mark before the first letter ("'Adra", "`Afrin") is no lower case
        content = [w.lstrip("'’`ʿʾ‘") for w in content]
        if not content or not content[0][:1].isupper():
            return False
        if name_key(core) in self.gaz.index.ambiguous:
            # Common words ("Hit", "Camp") only when written capitalised; all-caps
            # headlines ("HIT") don't count as evidence.
            return content[0][:1].isupper() and not core.isupper()
        return True

    def skeleton(self, name: str) -> str:
        """Expose the second-tier key (used by the benchmarks)."""
        return skeleton_key(name)


#: Folded words that end site names: two sites sharing one differ by the name before it.
_SITE_ENDINGS = tuple(sorted({name_key(w) for w in (
    "military airport", "airport", "air base", "airbase", "airfield", "base", "dam",
    "prison", "refinery", "crossing", "oilfield", "gas field", "camp", "barracks")},
    key=len, reverse=True))


def _other_site(key: str, other: str) -> bool:
    """Tell whether two site names that end alike differ by more than a typo before it.

    "thaalamilitaryairport" is within three edits of "tabqamilitaryairport", but
    "thaala" and "tabqa" are two places: the name is judged without its common ending.
    """
    from rapidfuzz.distance import OSA

    end = next((e for e in _SITE_ENDINGS if key.endswith(e) and other.endswith(e)), None)
    if end is None:
        return False
    a, b = key[: -len(end)], other[: -len(end)]
    return OSA.distance(a, b) > (1 if max(len(a), len(b)) <= 7 else 2)


def _consonants(key: str) -> str:
    return re.sub(r"[aiuy]", "", key)


def _distinctive_words(name: str) -> set[str]:
    """Folded words of a name that say something: 4+ letters, not "Tall", "Kafr"..."""
    words = {name_key(w) for w in re.split(r"[\s/-]+", name)} - _GENERIC_WORDS
    return {w for w in words if len(w) >= 4}


def _digits(key: str) -> list[str]:
    return re.findall(r"\d+", key)


def _precision(c: Candidate) -> int:
    """geo_precision of a candidate: admin units are centroids; a site's town is near it."""
    if c.feature in _UNIT_FEATURES:
        return 3  # the point is the unit's centroid
    if c.implied == "district" and c.feature != "district":
        return 2  # "X district" without a district X: its town, roughly
    if c.implied == "site" and c.feature != "site":
        return max(c.precision, 2)  # "Tikrit prison": in or near the town
    return c.precision


def _replace(obj, **changes):
    from dataclasses import replace

    return replace(obj, **changes)
