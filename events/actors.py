"""Armed actors: one alias table from canonical names (DESIGN.md) to the ways reports name them.

Some names depend on where the report is: "government forces" or "the army"
are the Iraqi Security Forces in Iraq and the Syrian Army in Syria. Those
aliases map to the placeholder :data:`GOVERNMENT`, which
:func:`canonical_actor` resolves with the report's country. Generic
"militants" / "jihadists" / "the group" map to :data:`MILITANTS`, read as ISIS
only when the report names ISIS (the corpus does not assume that generic
"insurgents" are ISIS, so "insurgents" stays an unidentified armed group).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from events.wordscan import WordScanner

GOVERNMENT = "@government"
MILITANTS = "@militants"
KURDS = "@kurds"
REBELS = "@rebels"

#: Canonical actor -> aliases (regular expressions, matched case-insensitively
#: unless they start with ``(?-i)``, on word boundaries). Longest match wins.
ACTOR_ALIASES: dict[str, tuple[str, ...]] = {
    "ISIS": (
        r"(?-i:ISIS|ISIL|IS|Isis|Isil|Daesh|DAESH|Daash|Da'esh)",
        r"(?:the\s+)?(?:so-called\s+)?[\"'“‘]?Islamic\s+State[\"'”’]?(?:\s+(?:of|"
        r"in)\s+Iraq\s+and\s+(?:Syria|the\s+Levant|al-Sham|Sham))?"
        r"(?:\s+\((?:ISIS|ISIL|IS)\))?",
        r"(?:the\s+)?Islamic\s+State\s+group",
        r"al[- ]Qaida[- ]linked\s+Islamic\s+State\s+of\s+Iraq\s+and\s+the\s+Levant",
        r"(?:ISIS|ISIL|IS|Islamic\s+State|Daesh)\s+(?:militants?|fighters?|jihadists?|extremists?|"
        r"terrorists?|gunmen|members|forces)",
    ),
    "Iraqi Security Forces": (
        r"Iraqi?\s+(?:security\s+forces|army|armed\s+forces|troops|soldiers|military|forces|"
        r"police(?:men)?|government\s+forces|special\s+forces|counter[- ]terrorism\s+(?:service|"
        r"forces)|air\s+force|helicopters|warplanes|jets|aircraft|planes|gunships|artillery|"
        r"tanks|units|commandos)",
        r"(?:the\s+)?Iraqi\s+government",
        r"(?:the\s+)?federal\s+(?:army|forces|police)",
        r"Counter[- ]Terrorism\s+Service|\bCTS\b|Golden\s+Division",
    ),
    "Peshmerga": (
        r"(?:Kurdish\s+)?pesh\s?merga(?:\s+forces|\s+fighters)?",
        r"Kurdish\s+regional\s+(?:government\s+)?forces",
    ),
    "PMF": (
        r"Popular\s+Mobili[sz]ation\s+(?:Forces|Units|Committees)|\bPMF\b|\bPMU\b",
        r"Hashe?d(?:\s+al-Shaabi)?|al-Hashe?d\s+al-Shaabi",
        r"Shi'?ite?\s+(?:militias?|militiamen|volunteers|paramilitar(?:y|ies)|fighters)",
        r"Shia\s+(?:militias?|militiamen|volunteers|paramilitar(?:y|ies)|fighters)",
        r"Kata'?ib\s+Hezbollah|Asa'?ib\s+Ahl\s+al-Haq|Badr\s+(?:Organi[sz]ation|Brigades?|"
        r"fighters|militia(?:men)?|units|checkpoints?|positions?|commanders?)|Saraya\s+al-Salam",
    ),
    "YPG": (
        r"\bYPG\b|\bYPJ\b|People'?s\s+Protection\s+Units|Kurdish\s+People'?s\s+Protection\s+Units",
        r"Women'?s\s+Protection\s+Units",
    ),
    "SDF": (
        r"\bSDF\b|Syrian\s+Democratic\s+Forces",
        # the alliance named by what it is: "the Kurdish-led alliance", "Arab-Kurdish forces"
        r"(?:the\s+)?(?:US-backed\s+)?(?:Kurdish-led|Kurdish-dominated|Arab-Kurdish|Kurdish-Arab)\s+"
        r"(?:alliance|coalition|forces|militias?|fighters)",
    ),
    "Syrian Army": (
        r"Syrian\s+(?:army|arab\s+army|troops|soldiers|military(?:\s+forces)?|government\s+forces|"
        r"forces|regime(?:\s+forces)?|air\s+force|warplanes|jets|helicopters)",
        r"(?:the\s+)?(?:Assad\s+)?regime(?:\s+forces|\s+troops)?|pro-(?:government|regime|"
        r"Assad)\s+forces|Assad'?s\s+forces",
        r"\bSAA\b|Tiger\s+Forces|Republican\s+Guard|Desert\s+Hawks",
    ),
    "Syrian rebels": (
        r"Free\s+Syrian\s+Army|\bFSA\b",
        r"Syrian\s+(?:rebels?|opposition\s+(?:fighters|forces|groups?))|opposition\s+(?:fighters|"
        r"forces|groups?)",
        r"Ahrar\s+al-Sham|Jaish\s+al-(?:Islam|Fatah)|Faylaq\s+al-Rahman|(?:the\s+)?Army\s+of\s+Conquest|"
        r"Southern\s+Front|Syrian\s+National\s+Army|Turkish-backed\s+(?:Syrian\s+)?(?:rebels|"
        r"fighters|factions|opposition)",
    ),
    "Nusra Front": (
        r"(?:al-)?Nusra(?:\s+Front)?|Jabhat\s+(?:al-)?Nusra|Jabhat\s+Fateh\s+al-Sham|"
        r"(?:Hay['’]?[ae]t\s+)?Tahrir\s+al-Sham|\bHTS\b",
    ),
    "US-led coalition": (
        r"(?:the\s+)?(?:US|U\.S\.)[- ]led\s+coalition|(?:US|U\.S\.)[- ]led(?=\s+(?:air\s*)?"
        r"(?:strikes?|raids?|bombing|jets|warplanes|aircraft|forces))|(?:the\s+)?(?:international\s+|anti-(?:IS|"
        r"ISIS|ISIL|Daesh)\s+)?"
        # not the Syrian National Coalition; "international coalition" ends in "national "
        r"(?<!\bSyrian\s)(?<!\bNational\s)(?<!\bopposition\s)coalition(?!\s+of\b)"
        r"(?:\s+(?:forces|aircraft|warplanes|jets))?",
        r"(?:the\s+)?(?:US|U\.S\.|United\s+States|American)(?:'s)?\s+(?:military|forces|troops|"
        r"warplanes|aircraft|jets|drones?|air\s+force|planes|special\s+forces|bombers)",
        r"(?-i:the US|the U\.S\.|Pentagon|Washington)",
        r"(?:British|French|Australian|Jordanian|Dutch|Belgian|Danish|Canadian)\s+(?:warplanes|"
        r"jets|aircraft|planes|air\s+force)",
    ),
    "Russia": (
        r"Russian?\s*(?:warplanes|jets|aircraft|air\s+force|forces|troops|military\s+police|"
        r"military|planes|bombers|helicopters|special\s+forces|advisers|contractors)?",
        r"Moscow|Kremlin|Wagner(?:\s+Group)?",
    ),
    "Turkey": (
        r"Turk(?:ey|ish)\s+(?:army|military|forces|troops|warplanes|jets|tanks|artillery)|"
        r"(?-i:Ankara)",
        # the state that acts, as "Russia" does: "Turkey launched its offensive"
        r"(?-i:Turkey)(?!['’]s\s+border|\s+border)",
    ),
    "Iran": (
        r"Iranian?\s+(?:forces|troops|military|advisers|Revolutionary\s+Guards?)|\bIRGC\b|"
        r"Quds\s+Force",
    ),
    "Hezbollah": (r"Hez?bollah|Hizbollah|Hizballah",),
    "Kurdish fighters": (r"(?:Syrian\s+)?Kurdish\s+(?:fighters|militia(?:s|men)?|groups?)|"
                         r"Asayi?sh",),
    "Local militia": (
        r"(?:Sunni\s+)?tribal\s+(?:militias?|fighters|forces)|(?:local|armed)\s+residents|Sahwa|"
        r"Awakening\s+(?:Council|fighters)",
        # pro-government and community forces named by their own names
        r"National\s+Defen[cs]e\s+Forces?|\bNDF\b|Khabou?r\s+Guards|Syriac\s+Military\s+Council",
        r"(?:Yazidi|Christian|Turkmen|Sunni|local)\s+(?:militias?|fighters|volunteers)",
        r"militia(?:s|men)?(?:\s+fighters)?",
    ),
    "Civilians": (
        r"civilians|residents|villagers|families|people|Yazidis|Christians|worshippers|children|"
        r"women|displaced|protesters|demonstrators|diners|shoppers|pilgrims|crowds?|mourners|"
        r"marchers",
    ),
    "Unidentified armed group": (
        r"insurgents?|gunmen|(?:armed|unidentified)\s+(?:men|groups?|assailants)|"
        r"anti-government\s+(?:fighters|militants)",
    ),
    GOVERNMENT: (
        r"(?:the\s+)?(?:government|security|state|national|army|military|loyalist)\s+(?:forces|"
        r"troops|soldiers)",
        r"(?:the\s+)?(?:army|military|troops|soldiers|police(?:men)?|security\s+forces|"
        r"armed\s+forces|special\s+forces|air\s+force|warplanes|helicopters|commandos)"
        r"(?!\s+(?:stations?|headquarters|bases?|barracks|buildings?|compound|checkpoints?|posts?|"
        r"airport|air\s+base|academy|hospital))",
        r"(?:the\s+)?government",
    ),
    MILITANTS: (
        r"(?:the\s+)?(?:Sunni\s+|Islamist?\s+|Islamic\s+|radical\s+|heavily\s+armed\s+|"
        r"suspected\s+\w+\s+|jihadist\s+)*(?:militants?|jihadists?|extremists?|radicals|"
        r"terrorists?|fighters)",
        r"(?:the\s+)?(?:militant|jihadist|extremist|terror|terrorist)\s+(?:group|organi[sz]ation|"
        r"forces)",
        r"(?:the\s+)?(?:al\s+Qaeda|al-Qaeda|al-Qaida)\s+(?:splinter|offshoot)\s+group",
    ),
    REBELS: (r"rebels?|rebel\s+(?:fighters|groups?|forces)",),
    KURDS: (r"Kurdish\s+(?:forces|troops|soldiers|security\s+forces|military)|(?-i:Kurds)",),
}

#: Actors that are armed forces (a "fled" whose subject is one of these is a withdrawal).
ARMED = frozenset(ACTOR_ALIASES) - {"Civilians"}

#: The usual opponent, used for ``actor2`` when a sentence names only one side.
OPPONENTS: dict[tuple[str, str], str] = {
    ("ISIS", "IQ"): "Iraqi Security Forces",
    ("ISIS", "SY"): "Syrian Army",
    ("Iraqi Security Forces", "IQ"): "ISIS",
    ("Syrian Army", "SY"): "Syrian rebels",
    ("Peshmerga", "IQ"): "ISIS",
    ("PMF", "IQ"): "ISIS",
    ("US-led coalition", "IQ"): "ISIS",
    ("US-led coalition", "SY"): "ISIS",
    ("SDF", "SY"): "ISIS",
    ("YPG", "SY"): "ISIS",
}


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a text: its span and its (possibly placeholder) canonical name."""

    start: int
    end: int
    text: str
    actor: str


@lru_cache(maxsize=1)
def _alias_regexes() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<![\w-])(?:{alias})(?![\w-])", re.IGNORECASE), actor)
        for actor, aliases in ACTOR_ALIASES.items()
        for alias in aliases
    )


_GENERIC_TAIL = re.compile(
    r"(?:'s)?\s+(?:fighters|forces|troops|militants|militiamen|units|members|soldiers|gunmen|"
    r"jihadists|"
    r"warplanes|jets|aircraft|planes|drones|helicopters|artillery)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _union_regex() -> WordScanner:
    # One word-start check for the whole union: far cheaper than one per alias at every character;
    # WordScanner then tries only the aliases that can start with the word's letter.
    return WordScanner([alias for names in ACTOR_ALIASES.values() for alias in names])


def find_actors(text: str) -> list[ActorMention]:
    """Find actor mentions in ``text``, longest non-overlapping spans first.

    Parameters
    ----------
    text : str
        A sentence.

    Returns
    -------
    list of ActorMention
        In text order; ``actor`` may be a placeholder (:data:`GOVERNMENT`,
        :data:`MILITANTS`, :data:`KURDS`, :data:`REBELS`) to resolve with :func:`canonical_actor`.

    Examples
    --------
    >>> [m.actor for m in find_actors("ISIL fighters seized the town from the Iraqi army.")]
    ['ISIS', 'Iraqi Security Forces']
    """
    # A copy of the memoised scan: callers may change their list.
    return list(_find_actors(text))


# The scan is a pure function of the text and sentences recur (boilerplate,
# repeated articles, context sentences read again), so answers are remembered.
@lru_cache(maxsize=4096)
def _find_actors(text: str) -> tuple[ActorMention, ...]:
    rows = _alias_regexes()
    union = _union_regex()
    found: list[ActorMention] = []
    pos = 0
    while True:
        start = union.next_start(text, pos)
        if start < 0:
            break
        # The longest alias that starts here wins:
        # "Islamic State of Iraq and Syria" over "Islamic State".
        best_end, best_actor = start, None
        # only the aliases that can start with this letter, in order: the same longest hit
        for k in union.candidates(text[start]):
            rx, actor = rows[k]
            hit = rx.match(text, start)
            if hit is not None and hit.end() > best_end:
                best_end, best_actor = hit.end(), actor
        if best_actor is None:
            pos = start + 1
            continue
        # "SDF fighters", "YPG units": the generic noun belongs to the named force.
        tail = _GENERIC_TAIL.match(text, best_end)
        if tail is not None and best_actor not in (GOVERNMENT, MILITANTS, REBELS, "Civilians"):
            best_end = tail.end()
        found.append(ActorMention(start, best_end, text[start:best_end], best_actor))
        pos = best_end
    return tuple(found)


def canonical_actor(actor: str | None, *, country: str | None, isis_named: bool) -> str | None:
    """Resolve a placeholder actor with the report's context.

    Parameters
    ----------
    actor : str or None
        A canonical name or a placeholder from :func:`find_actors`.
    country : {"IQ", "SY"} or None
        Country of the event.
    isis_named : bool
        Whether the report names ISIS anywhere (then generic "militants" are ISIS).

    Returns
    -------
    str or None
        A canonical name from ``events.model.ACTORS``, or None.

    Examples
    --------
    >>> canonical_actor("@government", country="SY", isis_named=True)
    'Syrian Army'
    """
    if actor == GOVERNMENT:
        return "Syrian Army" if country == "SY" else "Iraqi Security Forces"
    if actor == MILITANTS:
        return "ISIS" if isis_named else "Unidentified armed group"
    if actor == REBELS:
        # "Rebels" in Syria are the opposition; in Iraq's 2014 reports, the insurgent side.
        if country == "SY":
            return "Syrian rebels"
        return "ISIS" if isis_named else "Unidentified armed group"
    if actor == KURDS:
        return "YPG" if country == "SY" else "Peshmerga"
    return actor
