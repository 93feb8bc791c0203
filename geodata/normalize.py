"""Normalisation of place names: one matching key for the many spellings of a name.

Reports write the same place as "Deir ez-Zor", "Deir al-Zour" or "Dayr az Zawr".
`name_key` folds such variants onto one key (case, diacritics, the Arabic article,
vowel and consonant swaps, doubled letters, trailing "-ah", "-at al-" read as
"-a al-"); `loose_key` also merges the letters transliterations confuse (s/z,
kh/h, gh/kh); `skeleton_key` keeps consonants only. `unglue_article` and
`split_names` give other readings of one written name (a glued "Ar-", "A/B",
"A (B)"). Arabic and Kurdish script get their own folding (hamza forms, taa
marbuta, alif maqsura, Persian letters, the article).
Everything here is pure and fast: it runs on every lookup.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Longest query kept; longer text is truncated (the resolver never needs more).
MAX_QUERY_CHARS = 200

# Arabic articles as they appear in transliteration, standalone after splitting on
# hyphens and spaces ("al-", "ar-", "ez-" ...).
_ARTICLES = frozenset(
    "al el ul il ar er as es ad ed an en at et az ez ash esh adh ath ad-".split()
)
# Prefixes reports write for "hill" and "monastery"; folded onto one spelling each.
_TOKEN_SWAPS = {
    "tel": "tal",
    "tell": "tal",
    "til": "tal",
    "tall": "tal",
    "deir": "dayr",
    "dair": "dayr",
    "dier": "dayr",
    "deyr": "dayr",
    "der": "dayr",
    "ain": "ayn",
    "ein": "ayn",
    "ayn": "ayn",
    "abou": "abu",
    "bou": "abu",
    "jabal": "jabal",
    "jebel": "jabal",
    "djebel": "jabal",
}
# Ordered letter-group rewrites applied to a Latin token (after lower-casing and
# stripping marks). Order matters: digraphs before single letters.
_LATIN_RULES = (
    # a doubled digraph is one doubled letter (shadda): "Bashshar" = "Bashar"
    ("shsh", "sh"),
    ("dh", "z"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("sch", "sh"),
    ("dj", "j"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ei", "ay"),
    ("ey", "ay"),
    ("ai", "ay"),
    ("aw", "u"),
    ("ow", "u"),
    ("o", "u"),
    ("e", "i"),
    ("w", "u"),
    ("'", ""),
)
_APOSTROPHES = "'`´‘’ʼʻʿʾ′\"“”"
_DROP_APOSTROPHES = str.maketrans("", "", _APOSTROPHES)
_POSSESSIVE_RE = re.compile(r"(\w{3,})['’]s\b")
_SPLIT_RE = re.compile(r"[^0-9a-z\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+")
_DOUBLE_RE = re.compile(r"(.)\1+")
# The construct state before an article: "Tayyibat al-Imam" = "Tayyiba al-Imam",
# "Khirbet el-X" = "Khirbat al-X": the ending is dropped before the article.
_CONSTRUCT_RE = re.compile(r"^(.{3,}?)(?:at|et|it|ah|eh|a|e)$")
# A sun-letter article glued on, with its doubled consonant: "Arrastan", "Assafira",
# "Ashshaddadi", "Ezzor", "Essukhnah", "Addana" (al- + r/s/sh/d/z/t/n/th/dh).
_GLUED_ARTICLE_RE = re.compile(r"\b[ae](sh|th|dh|[lrsdztn])\1(?=[a-z]{2})", re.I)
# `loose_key` merges what transliterations confuse: kh, gh and h (خ غ ح ه) all
# become "h" (not "k", which q and k already share); z and dh become s.
_LOOSE_LATIN_RULES = tuple(
    rule for old, new in _LATIN_RULES
    for rule in ([("kh", "h")] if old == "kh" else [("gh", "h")] if old == "gh"
                 else [("dh", "s")] if old == "dh" else [(old, new)])
) + (("z", "s"),)
_VOWELS_RE = re.compile(r"[aiuy]")

# Arabic-script folding: hamza carriers to bare alif, taa marbuta to haa, alif
# maqsura and Persian/Kurdish yeh to yaa, Persian kaf to kaf, Kurdish letters to
# their nearest Arabic ones; tatweel and short-vowel marks removed.
_ARABIC_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ێ": "ي",
        "ې": "ي",
        "ک": "ك",
        "گ": "ك",
        "ە": "ه",
        "ھ": "ه",
        "ۆ": "و",
        "ۇ": "و",
        "ڕ": "ر",
        "ڵ": "ل",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        "ڤ": "ف",
        "ـ": "",
        "ء": "",
    }
)
# Kurdish (Kurmanji) Latin spelling: its letters ê î û ç mark it (not ş, which Arabic
# romanisation uses for ṣ: "aş Şughrá"), and there "c" is English "j", "ş" is "sh", "x"
# is "kh": Cindirês = Jindires, Qamişlo = Qamishlo. A "ch" someone wrote is kept.
_KURMANJI_RE = re.compile("[êîûçÊÎÛÇ]")
_KURMANJI_C = re.compile(r"[cC](?![hH])")
_KURMANJI = str.maketrans({"ç": "ch", "Ç": "Ch", "ş": "sh", "Ş": "Sh", "x": "kh", "X": "Kh"})
_ARABIC_CHARS_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def clean_query(text: str) -> str:
    r"""Return `text` truncated, with control characters and outer space removed.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        At most `MAX_QUERY_CHARS` characters, control and format characters
        replaced by spaces, whitespace collapsed.

    Examples
    --------
    >>> clean_query("  Mosul\\x00 ")
    'Mosul'
    """
    if not isinstance(text, str):
        return ""
    text = text[:MAX_QUERY_CHARS]
    if text.isprintable():  # fast path: no control, format or odd space characters
        return " ".join(text.split())
    chars = [" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text]
    return " ".join("".join(chars).split())


def has_arabic(text: str) -> bool:
    """Say whether `text` holds Arabic-script letters (Arabic, Persian, Kurdish)."""
    return bool(_ARABIC_CHARS_RE.search(text))


def _strip_marks(text: str) -> str:
    # NFKD splits letters from their accents; Arabic short vowels are marks too.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _fold_latin_token(tok: str, rules=_LATIN_RULES) -> str:
    tok = _TOKEN_SWAPS.get(tok, tok)
    for old, new in rules:
        if old in tok:
            tok = tok.replace(old, new)
    tok = _DOUBLE_RE.sub(r"\1", tok)
    # Trailing "-ah", "-a", "-ih" (from "-eh"): Fallujah = Falluja, Hawijeh = Hawija.
    if tok.endswith(("ah", "ih")) and len(tok) >= 5:
        tok = tok[:-2]
    elif tok.endswith("a") and len(tok) >= 4:
        tok = tok[:-1]
    if rules is _LOOSE_LATIN_RULES and tok.endswith("iy") and len(tok) >= 5:
        # "-ia" for "-iya(h)": English spellings drop the y ("Hamdania", "Qahtania").
        # Loose only: "Hamdani" and "Hamdaniyah" are two names as often as one.
        tok = tok[:-1]
    return tok


def _fold_arabic_token(tok: str) -> str:
    tok = tok.translate(_ARABIC_MAP)
    if tok.startswith("ال") and len(tok) > 3:
        tok = tok[2:]
    elif tok.startswith(("وال", "بال")) and len(tok) > 4:
        tok = tok[3:]
    return _DOUBLE_RE.sub(r"\1", tok)


def tokens(text: str) -> list[str]:
    """Split `text` into lower-case tokens without marks, apostrophes or hyphens.

    Parameters
    ----------
    text : str
        A place name or phrase.

    Returns
    -------
    list of str
        Raw tokens (not yet folded).

    Examples
    --------
    >>> tokens("Tall 'Afar")
    ['tall', 'afar']
    """
    if not text.isascii():
        if _KURMANJI_RE.search(text):
            text = _KURMANJI_C.sub(lambda m: "j" if m.group(0) == "c" else "J",
                                   text).translate(_KURMANJI)
        text = _strip_marks(text)
    text = text.lower()
    if "'s" in text or "’s" in text:
        # English possessive ("Iraq's", "Mosul’s"), but not "Ra's al-Ayn"
        text = _POSSESSIVE_RE.sub(r"\1", text)
    text = text.translate(_DROP_APOSTROPHES)
    return [t for t in _SPLIT_RE.split(text) if t]


@lru_cache(maxsize=200_000)
def plain_spelling(text: str) -> str:
    """Return a name as written, unfolded: lower case, no marks, apostrophes or hyphens.

    Two names with the same `name_key` may still be spelt differently ("Tall
    Aswad", "Tall al Aswad"); this keeps that difference for comparing them.

    Examples
    --------
    >>> plain_spelling("Tall al-'Aswad")
    'tall al aswad'
    """
    return " ".join(tokens(text))


@lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Return the matching key of a place name (first tier).

    Parameters
    ----------
    text : str
        A place name in Latin or Arabic script.

    Returns
    -------
    str
        The folded key; "" when nothing is left (empty, punctuation only, or only
        an article).

    Examples
    --------
    >>> name_key("Deir ez-Zor") == name_key("Dayr az Zawr") == name_key("Deir al-Zour")
    True
    >>> name_key("Fallujah") == name_key("Al-Falluja")
    True
    """
    return _key(text, _LATIN_RULES)


@lru_cache(maxsize=200_000)
def token_key(text: str) -> str:
    """Return `name_key` without the "-at al-" fold: the key of tokens folded one by one.

    The span finder builds keys token by token and cannot see the next word;
    the gazetteer indexes names under this key too, so both find them.

    Examples
    --------
    >>> token_key("Tayyibat al-Imam") == name_key("Tayyibat al-Imam")
    False
    """
    return _key(text, _LATIN_RULES, construct=False)


def _key(text: str, rules, construct: bool = True) -> str:
    toks = tokens(text)
    out = []
    last = len(toks) - 1
    for i, tok in enumerate(toks):
        if _ARABIC_CHARS_RE.search(tok):
            tok = _fold_arabic_token(tok)
        else:
            if tok in _ARTICLES and len(toks) > 1:
                continue
            if construct and i < last - 1 and toks[i + 1] in _ARTICLES:
                tok = _CONSTRUCT_RE.sub(r"\1", tok)
            # Glued article: "Al-" written together with the name ("Alqaim") is
            # rare; only the hyphenated forms are safe to strip (Aleppo!).
            tok = _fold_latin_token(tok, rules)
        if tok:
            out.append(tok)
    return "".join(out)


@lru_cache(maxsize=200_000)
def loose_key(text: str) -> str:
    """Return a key that also merges the letters transliterations confuse.

    kh, gh and h ("Khanaqin" = "Hanaqin", Syriac "Bakhdida" = "Baghdida") and
    s, z, dh ("Azaz" = "Asas", French/German "s" for z). Looser than
    `name_key`: a match on it counts for less.

    Parameters
    ----------
    text : str
        A place name.

    Returns
    -------
    str

    Examples
    --------
    >>> loose_key("Khanaqin") == loose_key("Hanaqin")
    True
    >>> loose_key("Daquq") == loose_key("Dahuk")
    False
    >>> loose_key("Hamdania") == loose_key("Al-Hamdaniyah")
    True
    """
    return _key(text, _LOOSE_LATIN_RULES)


def unglue_article(text: str) -> str | None:
    """Return `text` with a glued sun-letter article split off, or None if it has none.

    Examples
    --------
    >>> unglue_article("Arrastan")
    'rastan'
    >>> unglue_article("Deir Ezzor")
    'Deir zor'
    >>> unglue_article("Rastan") is None
    True
    """
    out = _GLUED_ARTICLE_RE.sub(lambda m: m.group(1), text)
    return out if out != text else None


_PAREN_RE = re.compile(r"^(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)\s*(?P<rest>.*)$")


def split_names(text: str) -> list[str]:
    """Return the names of "A/B" and "A (B)" (two names for one place), else [].

    A feature word after the brackets stays with both names: "Ayn al-Arab
    (Kobani) town" gives "Ayn al-Arab town" and "Kobani town".

    Examples
    --------
    >>> split_names("Tabqa/Thawra")
    ['Tabqa', 'Thawra']
    >>> split_names("Ayn al-Arab (Kobani)")
    ['Ayn al-Arab', 'Kobani']
    """
    m = _PAREN_RE.match(text)
    if m:
        rest = f" {m.group('rest')}" if m.group("rest") else ""
        return [f"{m.group('a').strip()}{rest}", f"{m.group('b').strip()}{rest}"]
    if "/" in text:
        parts = [p.strip() for p in text.split("/")]
        if len(parts) > 1 and all(any(ch.isalpha() for ch in p) for p in parts):
            # "Tabqa/Thawra town": the feature word belongs to every name.
            tail = parts[-1].rsplit(" ", 1)
            if len(tail) == 2 and tail[1].islower() and " " not in parts[0]:
                return [f"{p} {tail[1]}" for p in parts[:-1]] + [parts[-1]]
            return parts
    return []


@lru_cache(maxsize=200_000)
def skeleton_key(text: str) -> str:
    """Return the looser second-tier key: the first-tier key without vowels.

    Keeps the first letter so that "Amerli" and "Amirli" meet but "Hit" does not
    collapse to "ht" with every "Hut" and "Hayt" (callers require a minimum length).

    Examples
    --------
    >>> skeleton_key("Telafar") == skeleton_key("Tal Afar")
    True
    """
    key = name_key(text)
    if not key or has_arabic(key):
        return key
    # An initial vowel is one letter whatever it is written: the hamza or ain and
    # its vowel come out as a, e, i or u ("Iblin"/"Ablin", "Edlib"/"Idlib").
    first = "a" if key[0] in "aiu" else key[0]
    return first + _VOWELS_RE.sub("", key[1:])


# GeoNames writes the long vowels and diphthongs of ي and و as "ay", "iy", "uw"
# ("Buqayn", "Sukayk", "Maryamayn"); reports write the same sounds "e", "ee" or
# "i" ("Beqin", "Skik", "Marimeen"), which `name_key` folds to "i".
_DIPHTHONG_RE = re.compile(r"ay|iy|yi")


@lru_cache(maxsize=200_000)
def vowel_key(key: str) -> str:
    """Return a `name_key` with its "ay"/"iy" vowels folded to "i", for comparing vowels.

    Used to grade consonant-skeleton matches: two names with the same
    consonants whose vowels differ only in how the long "i"/"ay" is written are
    one name, not a coincidence of consonants.

    Examples
    --------
    >>> vowel_key(name_key("Jubbayn")) == vowel_key(name_key("Jubeen"))
    True
    >>> vowel_key(name_key("Sukayk")), vowel_key(name_key("Skik"))
    ('sukik', 'skik')
    """
    return _DIPHTHONG_RE.sub("i", key)
