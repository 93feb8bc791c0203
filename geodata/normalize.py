"""Normalisation of place names: one matching key for the many spellings of a name.

Reports write the same place as "Deir ez-Zor", "Deir al-Zour" or "Dayr az Zawr".
`name_key` folds such variants onto one key (case, diacritics, the Arabic article,
vowel and consonant swaps, doubled letters, trailing "-ah"); `skeleton_key` is a
looser second tier that keeps consonants only. Arabic and Kurdish script get their
own folding (hamza forms, taa marbuta, alif maqsura, Persian letters, the article).
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


def _fold_latin_token(tok: str) -> str:
    tok = _TOKEN_SWAPS.get(tok, tok)
    for old, new in _LATIN_RULES:
        if old in tok:
            tok = tok.replace(old, new)
    tok = _DOUBLE_RE.sub(r"\1", tok)
    # Trailing "-ah", "-a", "-ih" (from "-eh"): Fallujah = Falluja, Hawijeh = Hawija.
    if tok.endswith(("ah", "ih")) and len(tok) >= 5:
        tok = tok[:-2]
    elif tok.endswith("a") and len(tok) >= 4:
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
        text = _strip_marks(text)
    text = text.lower()
    if "'s" in text or "’s" in text:
        # English possessive ("Iraq's", "Mosul’s"), but not "Ra's al-Ayn"
        text = _POSSESSIVE_RE.sub(r"\1", text)
    text = text.translate(_DROP_APOSTROPHES)
    return [t for t in _SPLIT_RE.split(text) if t]


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
    toks = tokens(text)
    out = []
    for tok in toks:
        if _ARABIC_CHARS_RE.search(tok):
            tok = _fold_arabic_token(tok)
        else:
            if tok in _ARTICLES and len(toks) > 1:
                continue
            # Glued article: "Al-" written together with the name ("Alqaim") is
            # rare; only the hyphenated forms are safe to strip (Aleppo!).
            tok = _fold_latin_token(tok)
        if tok:
            out.append(tok)
    return "".join(out)


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
    return key[0] + _VOWELS_RE.sub("", key[1:])
