"""Find gazetteer names in running text: candidate place spans for the extractor.

A token n-gram lookup, not a regex of 30,000 names: the text is split into word
tokens once, each token folded once (`normalize.name_key` pieces), and every run
of up to `max_tokens` tokens is looked up as a concatenated key in the index --
longest match first. A span counts when it is capitalised (or Arabic script) and,
for names that are also common words or given names ("Hit", "Bakr") or that
belong only to obscure villages, when a place cue ("in", "near", "town of")
stands before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from geodata.gazetteer import Gazetteer
from geodata.normalize import name_key

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’ʿʾ`-]*[^\W_])?|[\u0600-\u06ff]+|\d+")
_ARTICLE_RE = re.compile(r"^(?:al|el|ar|as|ad|an|at|az|ez|ash)[-‐]", re.I)
#: Verbs whose object or target is a place, every form ("liberate", "liberated", "liberates").
_CUE_VERBS = (
    "capture seize take retake liberate enter reach storm shell strike bomb attack "
    "surround besiege raid hit pound target overrun recapture regain clear encircle "
    "evacuate flee leave march advance push"
).split()
#: Nouns of an aim: "their next target is al-Bab".
_AIM_NOUNS = frozenset("target objective goal destination".split())


def _forms(verb: str) -> set[str]:
    """Return the written forms of a regular verb (irregular ones are listed in _CUES)."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return {verb, verb + "s", stem + "ed", stem + "ing", verb + "es"}


_CUES = frozenset(
    "in at near from to into toward towards outside around across inside on "
    "took taken struck fled left overran occupy occupies occupied occupying "
    "shells strikes airstrikes raids bombs "
    "village town city province governorate district outskirts "
    "north south east west northern southern eastern western".split()
) | {f for v in _CUE_VERBS for f in _forms(v)}
#: "of" is a cue only after a place noun or an event told of a place:
#: "the town of X", "the liberation of X", "driven out of X", not "the son of X".
_OF_NOUNS = frozenset(
    "village town city province governorate district outskirts countryside suburbs "
    "villages towns cities districts neighbourhoods neighborhoods surroundings environs "
    "north south east west parts part areas area heart centre center edge outside "
    "vicinity capital region residents people liberation capture recapture fall siege "
    "control seizure battle bombardment shelling out "
    # "Adra, north-east of Douma": a compass point written as one word
    "north-east north-west south-east south-west northeast northwest southeast "
    "southwest".split()
)
#: Words after a name, behind "the", that make it a place: "the Hawija area",
#: "the Qatana neighbourhood", "the Tal Hamis countryside".
_AREA_TAILS = frozenset(
    "area areas region countryside neighbourhood neighborhood quarter outskirts suburbs district "
    "plain plains valley desert front axis pocket enclave sector".split()
)
#: "and", "or" and commas continue a list only right after an accepted place.
_LIST_WORDS = frozenset(("and", "or"))
#: Capitalised words that are never meant as places in reports, whatever village
#: shares the name: months, days, countries, parties, titles.
_NEVER_LIST = (
    "January February March April May June July August September October November "
    "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Iraq Syria "
    "Iraqi Syrian Turkey Turkish Iran Iranian Jordan Lebanon Kurdish Kurds Arab Arabs "
    "Islamic State IS ISIS ISIL Daesh Army President Minister General Prime Sunni Shia "
    "Shiite Christian Yazidi Allah God Muslim Mr Mrs He She It They We The This That "
    "And But Reuters AP AFP CNN BBC UN US U.S. America American Russia Russian "
    "Obama Assad Maliki Abadi Baghdadi Mohammed Muhammad Ali Hussein Hassan Ahmed "
    "Omar Abu Bakr Peshmerga Kurdistan Levant Nusra Front Hezbollah Coalition "
    # month abbreviations, foreign places, people and parties often in the news
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Africa Europe Asia Israel "
    "Palestine Gaza Ramallah Jerusalem Egypt Saudi Qatar Kuwait Yemen Libya Beirut Amman "
    "Ankara Istanbul Tehran Moscow Washington London Paris Geneva Vienna Riyadh Hamas "
    "Abdul Abdel Sheikh Sheik Imam Hajji Haji Mullah Fatah "
    # generic toponym words: part of names, never a place alone
    "Deir Dayr Tal Tel Tell Kafr Khan Jisr Wadi Jabal Jebel Bab Ain Ayn Ras Qasr Burj "
    "Khirbet Khirbat Umm Bir Hawsh Mazraat Qaryat Nahr Dar Beit Bayt Tall Shaykh Sahl"
).split()
_NEVER = frozenset(name_key(w) for w in _NEVER_LIST) - {name_key("Kurdistan")}
#: The same words as written (lower case): a surface form is judged by these.
_NEVER_WORDS = frozenset(w.lower() for w in _NEVER_LIST) - {"kurdistan"}
_SITE_TAILS = frozenset(
    "airport airbase base dam refinery prison jail crossing mountain mountains field "
    "oilfield airfield camp".split()
)
#: Spans of villages (low prominence) need a cue word; well-known places don't.
_KNOWN_PROMINENCE = 4.5


def _never(word: str) -> bool:
    """Tell whether a word is never a place on its own, as written.

    Without a glued article it would be another word: "al-Bab" is a city, "Bab" a gate.
    """
    return not _ARTICLE_RE.match(word) and word.lower() in _NEVER_WORDS


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _WORD_RE.finditer(text):
        start, end, word = m.start(), m.end(), m.group()
        # a plain endswith: the old r"['’]s$" search per token, as a token holds no newline
        if word.endswith(("'s", "’s")):  # "Mosul's" -> "Mosul"
            end -= 2
            word = word[:-2]
        out.append((start, end, word))
    return out


def _has_cue(text: str, toks: list[tuple[int, int, str]], i: int, last_end: int) -> bool:
    """Say whether the words before token `i` mark it as a place."""
    if i == 0:
        return False
    gap = text[toks[i - 1][1]:toks[i][0]]
    if gap.strip() and gap.strip() != ",":
        return False  # "in 2015. Source": a number or a full stop in between
    prev = toks[i - 1][2].lower()
    if prev.endswith(("-held", "-controlled", "-besieged")):
        return True  # "rebel-held Daraa al-Balad", "government-controlled Qamishli"
    if prev in _CUES:
        return not (prev == "to" and i > 1 and toks[i - 2][2].lower() == "according")
    if prev == "of":
        return i > 1 and toks[i - 2][2].lower() in _OF_NOUNS
    if prev in ("is", "was", "be"):
        return i > 1 and toks[i - 2][2].lower() in _AIM_NOUNS
    if prev in _LIST_WORDS:  # "Tikrit and Amirli"
        return last_end == i - 2
    # "Tikrit, Amirli": a comma straight after the last place
    return last_end == i - 1 and "," in text[toks[i - 1][1]:toks[i][0]]


#: Words after a name that make it a place: "Qayyarah sub-district", "Ninewa governorate".
#: Not "district", which cities' quarters are called too ("Al-Shaar district" of Aleppo).
_UNIT_TAILS = frozenset(
    "sub-district subdistrict governorate province nahiya qada qadha".split())


#: Words that may follow the noun of a settlement appositive: "Rajo, a small town near
#: the border", "Kocho, a Yazidi village south of Sinjar"; not "Ali, a town official".
_AFTER_APPOSITIVE = frozenset(
    "in on near of north south east west some about roughly around just close along "
    "outside inside by with that which where whose held home".split()
)
_ARTICLES = frozenset(("a", "an", "the"))


def _appositive_noun(text: str, toks: list[tuple[int, int, str]], j: int) -> str | None:
    """Return the noun of a phrase set in apposition after the name ending at token `j`.

    "Rajo, a small town near the border" gives "town", "Jinderes, the district's second
    town," "town", "Abu Layla, the commander of" "commander": a comma, an article and at
    most three words before a noun that ends the phrase. None when there is no such phrase.
    """
    k = j + 1
    if k >= len(toks) or text[toks[j][1]:toks[k][0]].strip() != ",":
        return None
    if toks[k][2].lower() not in _ARTICLES:
        return None
    for m in range(k + 1, min(len(toks), k + 5)):
        gap = text[toks[m - 1][1]:toks[m][0]]
        word = toks[m][2].lower()
        if gap.strip(" '’s") or word in _AFTER_APPOSITIVE:
            return None  # "Ali, a reporter in the town": the noun came before
        after = text[toks[m][1]:toks[m + 1][0]] if m + 1 < len(toks) else ""
        # "Bashiqa, a town north-east of Mosul": a compound compass point counts by its first part
        if m + 1 >= len(toks) or after.replace("'s", "").replace("’s", "").strip() or (
                toks[m + 1][2].lower().split("-")[0] in _AFTER_APPOSITIVE):
            return word
    return None


def _unit_after(text: str, toks: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """Say whether the name of tokens `i`..`j` is named as a unit or an area.

    "Qayyarah sub-district", or "the Hawija area": an area's word after it, behind "the".
    """
    if j + 1 >= len(toks) or text[toks[j][1]:toks[j + 1][0]] != " ":
        return False
    tail = toks[j + 1][2].lower()
    # "the Hawija area", "the shrinking Baghouz enclave": an adjective may stand between
    before = [t[2] for t in toks[max(0, i - 2):i]]
    behind_the = bool(before) and (before[-1].lower() == "the" or (
        len(before) == 2 and before[0].lower() == "the" and before[1].islower()))
    return tail in _UNIT_TAILS or (tail in _AREA_TAILS and behind_the)


# Called for every token of every sentence (~250k times on 800 articles) with
# a small vocabulary: a pure function of the word, so its answers are kept.
@lru_cache(maxsize=65536)
def _capitalised(word: str) -> bool:
    if "\u0600" <= word[0] <= "\u06ff":
        return True
    stripped = _ARTICLE_RE.sub("", word)
    return bool(stripped) and stripped[0].isupper()


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    # Per token of every sentence, from a small vocabulary: a bare article folds to "".
    return name_key(word) if not _ARTICLE_RE.fullmatch(word + "-") else ""


def _typo_candidate(text: str, toks: list, folded: list[str], i: int, last_end: int,
                    ix) -> bool:
    """Say whether an unknown word may be a misspelt place.

    That is a capitalised, uncommon word of 5+ letters right after a place cue.
    """
    word = toks[i][2]
    return (len(folded[i]) >= 5 and word.lower() not in ix.common_words
            and folded[i] not in _NEVER and not word.isupper()
            and _has_cue(text, toks, i, last_end))


#: Words that name a settlement before "of": "the village of Beinin" is a place however
#: it is spelt.
_SETTLEMENT_WORDS = frozenset("village villages town towns hamlet".split())


def _settlement_cue(toks: list[tuple[int, int, str]], i: int) -> bool:
    """Say whether token `i` follows "village of" or "town of"."""
    return (i > 1 and toks[i - 1][2].lower() == "of"
            and toks[i - 2][2].lower() in _SETTLEMENT_WORDS)


def find_place_spans(text: str, gazetteer: Gazetteer,
                     fuzzy: Callable[[str], list] | None = None,
                     spelled: Callable[[str], bool] | None = None,
                     ) -> list[tuple[int, int, str]]:
    """Return (start, end, surface text) of gazetteer names found in `text`.

    Parameters
    ----------
    text : str
        Running text (a report body).
    gazetteer : Gazetteer
        The name index.
    fuzzy : callable, optional
        Key -> candidates for misspelt names of well-known places (the
        resolver's fuzzy tier); tried only for unknown words after a cue.
    spelled : callable, optional
        Word -> whether the resolver reads it as another spelling of any
        gazetteer place; tried only for unknown words after "village of" or
        "town of" ("the village of Beinin", "Banin" in the gazetteer).

    Returns
    -------
    list of (int, int, str)
        Non-overlapping spans, in text order; ``text[start:end] == surface``.
    """
    if not isinstance(text, str) or not text:
        return []
    ix = gazetteer.index
    keys, ambiguous = ix.keys, ix.ambiguous
    toks = _tokens(text)
    folded = [_fold(w) for _, _, w in toks]
    spans = []
    last_end = -2  # token index where the last accepted span ended
    i, n = 0, len(toks)
    max_n = ix.max_tokens
    while i < n:
        start, _, word = toks[i]
        if (not _capitalised(word) or not folded[i]
                or (word.isupper() and len(word) <= 4)):  # acronyms: IS, ISF, UN
            i += 1
            continue
        found = None
        key = ""
        parts = []
        for j in range(i, min(n, i + max_n)):
            if j > i:
                gap = text[toks[j - 1][1]:toks[j][0]]
                if gap[:2] in ("'s", "’s"):
                    gap = gap[2:]  # "Iraq’s largest oil refinery"
                # only a space, a hyphen or an ayn mark may stand inside a name
                if len(gap) > 2 or gap.strip(" -'’`ʿʾ‘"):
                    break
            parts.append(folded[j])
            key = "".join(parts)
            # A name ends on a capitalised word ("Tikrit as" is not "Tikrit As"),
            # a site word ("Deir ez-Zor airport") or a number ("Brigade 137").
            tail = toks[j][2]
            if key in keys and (j == i or _capitalised(tail) or tail.isdigit()
                                or tail.lower() in _SITE_TAILS):
                found = (j, key)
        if found is None:
            if fuzzy is not None and _typo_candidate(text, toks, folded, i, last_end, ix):
                if fuzzy(folded[i]):  # "vicinity of Ibril": a typo of a known place
                    spans.append((start, toks[i][1], text[start:toks[i][1]]))
                    last_end = i
                elif (spelled is not None and _settlement_cue(toks, i)
                      and spelled(text[start:toks[i][1]])):
                    spans.append((start, toks[i][1], text[start:toks[i][1]]))
                    last_end = i
            i += 1
            continue
        j, key = found
        end = toks[j][1]
        told_as = _appositive_noun(text, toks, j)
        cue = (_has_cue(text, toks, i, last_end) or _unit_after(text, toks, i, j)
               or told_as in _SETTLEMENT_WORDS or told_as == "city")
        top = max(ix.prominence[c >> 1] for c in keys[key])
        single = j == i
        common = single and word.lower() in ix.common_words
        # "Abu Bakr": every word a given name or a generic word -> needs a cue too
        # judged on the words as written: "Daraa" folds to the key of the generic "Dar",
        # and "al-Bab" (a city) is not the generic "Bab"
        generic = all(not f or _never(t[2]) or f in ambiguous
                      for f, t in zip(folded[i:j + 1], toks[i:j + 1], strict=True))
        needs_cue = (single and (key in ambiguous or common)) or generic or (
            top < _KNOWN_PROMINENCE)
        if needs_cue and not cue:
            i += 1
            continue
        if common and top < _KNOWN_PROMINENCE:
            # "in Week" (a headline): a common word is only a well-known place's name
            i += 1
            continue
        if single and _never(word):
            i += 1
            continue
        if (i > 0 and toks[i - 1][2] == "Bab" and text[toks[i - 1][1]:start] == " "
                and top >= _KNOWN_PROMINENCE and not _ARTICLE_RE.match(word)):
            i = j + 1  # "Bab Baghdad", "Bab Tuma": a city gate or quarter named for a city
            continue
        if (_ARTICLE_RE.match(word) and i > 0 and last_end != i - 1
                and text[toks[i - 1][1]:start] == " " and _capitalised(toks[i - 1][2])
                and folded[i - 1] in keys and not _never(toks[i - 1][2])
                and max(ix.prominence[c >> 1] for c in keys[folded[i - 1]]) >= _KNOWN_PROMINENCE):
            # "Daraa al-Balad", "Baghdad al-Jadida": the quarter of the city named first,
            # not a namesake of the quarter's name elsewhere; the city is the place
            start, end = toks[i - 1][0], toks[i - 1][1]
        spans.append((start, end, text[start:end]))
        last_end = j
        i = j + 1
    return spans
