"""Reading reports: files, bytes or pasted text in, clean article text and metadata out.

A report is a news article, a wire story or an NGO update as ``.txt``,
``.html`` or pasted text, optionally preceded by a header of ``key: value``
lines closed by ``---`` (the corpus format: ``url:``, ``published:``,
``published_estimated:``). Reading it means: decoding whatever the encoding,
dropping page furniture (navigation, share buttons, "related stories",
cookie notices, reader comments) so that only the article body is left, and
finding its title, its outlet and its publication date.

``Report.text`` is the clean body; every event's evidence offsets refer to it.
"""

from __future__ import annotations

import hashlib
import html as _html
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from events.dates import MONTHS

#: Reports bigger than this are refused (a news report is a few kB).
MAX_BYTES = 5 * 1024 * 1024
#: Deeper tag nesting than this is read without the HTML parser (which is slow on it).
MAX_HTML_DEPTH = 400
#: Only this much of the text is cleaned and kept (the extractor reads less still).
MAX_BODY_CHARS = 1_000_000
#: Share of NUL or other control bytes above which the input is binary.
BINARY_CONTROL_RATIO = 0.01


class ReportError(ValueError):
    """The input cannot be read as a report: empty, binary, undecodable or too big."""


@dataclass(slots=True)
class Report:
    """One report as read: its clean body text and what is known about its publication.

    ``text`` is the article body the extractor reads; ``report_date`` is the
    publication date (``YYYY-MM-DD``), estimated as the reading day when the
    report gives none (``date_estimated`` then says so).
    """

    name: str
    text: str
    title: str | None
    source: str
    url: str | None
    report_date: str
    date_estimated: bool
    raw_sha1: str


#: Known outlets by host name (the registered domain, without "www.").
OUTLETS: dict[str, str] = {
    "cnn.com": "CNN",
    "edition.cnn.com": "CNN",
    "kplr11.com": "CNN",
    "reuters.com": "Reuters",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "aljazeera.com": "Al Jazeera",
    "aljazeera.net": "Al Jazeera",
    "nytimes.com": "New York Times",
    "washingtonpost.com": "Washington Post",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "apnews.com": "AP",
    "ap.org": "AP",
    "afp.com": "AFP",
    "france24.com": "France 24",
    "dw.com": "DW",
    "vice.com": "Vice",
    "abc.net.au": "ABC News (Australia)",
    "abcnews.go.com": "ABC News",
    "cbsnews.com": "CBS News",
    "nbcnews.com": "NBC News",
    "foxnews.com": "Fox News",
    "nypost.com": "New York Post",
    "nyp.st": "New York Post",
    "digitaljournal.com": "Digital Journal",
    "scotsman.com": "The Scotsman",
    "panarmenian.net": "PanArmenian",
    "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph",
    "rudaw.net": "Rudaw",
    "kurdistan24.net": "Kurdistan24",
    "sana.sy": "SANA",
    "syriahr.com": "SOHR",
    "iom.int": "IOM",
    "unhcr.org": "UNHCR",
    "reliefweb.int": "ReliefWeb",
    "un.org": "UN",
    "hrw.org": "Human Rights Watch",
    "amnesty.org": "Amnesty International",
    "middleeasteye.net": "Middle East Eye",
    "rt.com": "RT",
    "tass.com": "TASS",
    "sputniknews.com": "Sputnik",
    "aa.com.tr": "Anadolu Agency",
    "dailystar.com.lb": "The Daily Star",
    "alarabiya.net": "Al Arabiya",
    "english.alarabiya.net": "Al Arabiya",
    "almasdarnews.com": "Al-Masdar News",
    "longwarjournal.org": "Long War Journal",
    "presstv.ir": "Press TV",
    "presstv.com": "Press TV",
    "xinhuanet.com": "Xinhua",
    "timesofisrael.com": "Times of Israel",
    "haaretz.com": "Haaretz",
    "npr.org": "NPR",
    "latimes.com": "Los Angeles Times",
    "wsj.com": "Wall Street Journal",
    "bloomberg.com": "Bloomberg",
    "usatoday.com": "USA Today",
    "time.com": "Time",
    "newsweek.com": "Newsweek",
    "huffingtonpost.com": "HuffPost",
    "euronews.com": "Euronews",
    "news.sky.com": "Sky News",
    "aawsat.com": "Asharq Al-Awsat",
    "enabbaladi.net": "Enab Baladi",
    "syriadirect.org": "Syria Direct",
}
#: Outlets named in a dateline "(CNN) --", "BAGHDAD (Reuters) -" or a credit line.
_DATELINE_OUTLETS = {
    "cnn": "CNN",
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "bbc": "BBC",
    "al jazeera": "Al Jazeera",
    "upi": "UPI",
    "xinhua": "Xinhua",
    "sana": "SANA",
    "dpa": "dpa",
    "anadolu": "Anadolu Agency",
}

_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*?(/?)>")
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
_HEADER_LINE = re.compile(r"^([A-Za-z_][\w-]{0,40}):\s*(.*?)\s*$")
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|span|table|br)\b", re.I)
_DROP_TAGS = (
    "script",
    "style",
    "nav",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "header",
    "menu",
    "dialog",
    "object",
    "embed",
)
_DROP_CLASS = re.compile(
    r"comment|share|sharing|social|related|cookie|consent|newsletter|subscribe|promo|sidebar|"
    r"breadcrumb|advert|\bads?\b|outbrain|taboola|recirc|most-?popular|trending|footer|nav",
    re.I,
)
_BLOCK_END = re.compile(
    r"<(?:br|hr)\b[^>]*>|</(?:p|div|h[1-6]|li|tr|article|section|blockquote|figcaption|title|"
    r"dd|dt|pre|table|ul|ol|main|figure|caption)\s*>",
    re.I,
)

# Lines of page furniture: dropped wherever they are.
_BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        \d+\.\s+skip\s+to\b.* | skip\s+to\s+(?:main\s+)?(?:content|navigation|menu).* |
        share(?:\s+(?:this|on|via)\b.*)? | tweet | email | print | whatsapp | facebook | twitter |
        menu | search |
        home | close | next | previous | back\s+to\s+top | toggle\s+navigation | main\s+menu |
        linkedin | pinterest | reddit | copy\s+link | advertisement | sponsored(?:\s+content)? |
        (?:read|see)\s+more\b.* |
        related(?:\s+(?:stories|articles|coverage|content|news|topics))?:?.* |
        more\s+(?:on\s+this\s+story|from\b.*) | most\s+(?:read|popular|viewed)\b.* |
        (?:sign\s+up|subscribe|log\s*in|sign\s+in|register)\b.* | remember\s+me.* |
        .*\b(?:we\s+use\s+cookies|cookie\s+(?:policy|settings|notice)|
               accept\s+(?:all\s+)?cookies)\b.* |
        .*\ball\s+rights\s+reserved\b.* | ©.* | copyright\b.* |
        this\s+browser\s+does\s+not\s+support.* |
        (?:photo|image|picture|video|credit|map|graphic)s?\s*(?:via\b|:|by\b).* | \d{1,2}:\d{2} |
        .*\(click\s+(?:to|here\s+to)\s+(?:enlarge|expand|zoom)\)\.? |
        (?:\d+\s+)?min(?:ute)?\s+read | listen(?:\s+to\s+(?:this\s+)?article)?.* |
        our\s+standards:.* | this\s+(?:story|article)\s+is\s+over\s+\d+\s+years\s+old\.? |
        this\s+is\s+an\s+archived\s+article\b.* | updated\b.{0,60} | posted\b.{0,60} |
        (?:reporting|writing|editing|additional\s+reporting)\s+by\b.{0,200}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A heading over a list of links to other stories: the list's lines are their headlines.
_LINK_LIST_HEAD = re.compile(
    r"""^\s*(?:related(?:\s+(?:stories|articles|coverage|content|news|topics|links|galleries
        |videos|posts|reports|reading))? |
        most\s+(?:read|popular|viewed|shared) | more\s+on\s+this\s+story | more\s+from\b.* |
        (?:read|see)\s+(?:more|also)\b.* | you\s+may\s+(?:also\s+)?like | recommended\b.* |
        further\s+reading | top\s+stories | latest\s+(?:news|stories) | trending(?:\s+now)? |
        also\s+(?:read|on\s+\w+))\s*:?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A page's breadcrumb trail before its headline: "Home > Local > Army units restore ...".
_BREADCRUMB = re.compile(
    r"^\s*(?:Home\s*[>›»]\s*|(?:[\w&'’ -]{1,30}\s*[>›»]\s*){2,})(?:[\w&'’ -]{1,30}\s*[>›»]\s*)*"
)
#: A picture's credit: "(Felipe Dana / AP)", "(Prime Minister's Office via AP)". Its names
#: are photographers', not places.
_PHOTO_CREDIT = re.compile(r"\s*\([^()\n]{0,100}?(?:\s/\s|\bvia\s)[^()\n]{0,60}\)")
#: A link list's items are short lines; a longer one is prose again.
_LINK_ITEM_CHARS = 160
# A line from which the rest of the page is reader comments.
_COMMENTS_START = re.compile(
    r"""^\s*(?:
        (?:\w+\s+)?comments?(?:\s+\w+){0,2}\s*(?:\(\d+\))? | \d+\s+comments? | comments?\s*\(\d+\) |
        join\s+the\s+(?:conversation|discussion)\b.* | add\s+(?:a|your)\s+comment\b.* |
        (?:leave|post|write)\s+(?:a\s+|new\s+|your\s+)?(?:comment|reply)\b.* |
        (?:show|view|load|read)\s+(?:all\s+)?(?:\d+\s+)?comments\b.* | reader\s+comments\b.* |
        what\s+do\s+you\s+think\?.* | have\s+your\s+say\b.* | discussion\s+policy\b.* |
        conversation\s+guidelines\b.* | comments\s+are\s+closed\b.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A line of prose: words and a full stop, not a link or a menu item.
_PROSE = re.compile(r"[a-z]{3,}[^.!?]*[.!?]")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
# JSON objects and arrays, and script statements, pasted into a page's text.
_CODE_LINE = re.compile(
    r'^\s*[\[{].*["\']\s*:|^\s*"[\w-]+"\s*:\s*["\[{\d]|(?:"[\w-]+"\s*:\s*[^,]+,\s*){3}'
    r"|^\s*(?:var|let|const|function)\s+\w+|\b(?:window|document)\.[\w.]+\s*[=(]|^\s*[})\]];?\s*$"
)
_COMMENT_FURNITURE = re.compile(
    r"^\s*(?:reply|like|report|flag|share|\d+\s+(?:likes?|replies))\s*$", re.I
)

_MONTH_NAMES = "|".join(sorted((m for m in MONTHS), key=len, reverse=True))
_TEXT_DATE = re.compile(
    rf"\b(?:(?P<mon>{_MONTH_NAMES})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<mon2>{_MONTH_NAMES})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<iy>20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)",
    re.IGNORECASE,
)
_POSTED = re.compile(r"^\s*(?:posted|published|updated|date|last\s+updated)\b[:\s]", re.I)
_URL_DATE = re.compile(r"(?<!\d)(20\d\d)[/-]?([01]\d)[/-]?([0-3]\d)(?!\d)")
_DATELINE_OUTLET = re.compile(
    r"\((?P<o>CNN|Reuters|AP|AFP|BBC|Al Jazeera|UPI|Xinhua|SANA|dpa|Anadolu)\)\s*(?:--|—|–|-|:)",
)
_CREDIT_OUTLET = re.compile(
    r"\b(?P<o>CNN|Reuters|AP|AFP|BBC|Al Jazeera|Associated Press|Agence France-Presse)'s\s+.{0,200}"
    r"contributed\s+to\s+this\s+report|^\s*(?P<o2>Reuters|AP|AFP)\s+Staff\s*$",
    re.I | re.M,
)


#: Bytes of a non-UTF-8 report that charset detection reads; the whole report is then
#: decoded once with its answer (detection on all of it costs ten times the memory).
DETECT_SAMPLE_BYTES = 64 * 1024
_DETECT_WINDOWS = 16
_NON_SPACE = re.compile(r"\S")
_NON_SPACE_BYTES = re.compile(rb"\S")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t\f\v]*(?:\r\n|\r|\n))+")


def _decode(data: bytes) -> str:
    """Decode bytes whatever their encoding; raise ReportError when they are not text."""
    first = _NON_SPACE_BYTES.search(data)
    if first is None:
        raise ReportError("empty report: no text to read")
    if len(data) > MAX_BYTES:
        raise ReportError(f"report too big: {len(data)} bytes, the limit is {MAX_BYTES}")
    # The sample starts at the text: blank-line padding of any length is not the content.
    sample = data[first.start():first.start() + 65536]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReportError(f"undecodable UTF-16 report: {exc}") from exc
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sample and controls / len(sample) > BINARY_CONTROL_RATIO:
        raise ReportError("binary data: too many NUL/control bytes to be a text report")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    # Imported here: charset detection is only needed for non-UTF-8 input.
    from charset_normalizer import from_bytes

    detect = _detection_sample(data, bad_at)
    for match in from_bytes(detect):
        try:
            return data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            continue  # the sample misled: try the next candidate
    if len(detect) < len(data):
        best = from_bytes(data).best()  # rare: no candidate of the sample fits the whole
        if best is not None:
            return str(best)
    raise ReportError("undecodable report: no text encoding fits these bytes")


def _detection_sample(data: bytes, bad_at: int) -> bytes:
    """Return at most about :data:`DETECT_SAMPLE_BYTES` of ``data`` for charset detection.

    Whole lines from evenly spread windows, and the window where UTF-8 failed
    first (which holds non-ASCII bytes for sure).
    """
    if len(data) <= DETECT_SAMPLE_BYTES:
        return data
    size = DETECT_SAMPLE_BYTES // (_DETECT_WINDOWS + 1)
    step = (len(data) - size) // max(_DETECT_WINDOWS - 1, 1)
    spread = list(range(0, len(data) - size + 1, step))[:_DETECT_WINDOWS]
    starts = sorted(set(spread) | {max(0, bad_at - size // 2)})
    parts = []
    for start in starts:
        window = data[start:start + size]
        if start > 0:  # begin and end on line boundaries: no character is cut
            window = window[window.find(b"\n") + 1:]
        if start + size < len(data) and b"\n" in window:
            window = window[:window.rfind(b"\n") + 1]
        parts.append(window)
    return b"".join(parts)


def _check_text(text: str) -> str:
    if len(text) > MAX_BYTES:
        raise ReportError(f"report too big: {len(text)} characters, the limit is {MAX_BYTES}")
    first = _NON_SPACE.search(text)
    if first is None:
        raise ReportError("empty report: no text to read")
    sample = text[first.start():first.start() + 65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls / len(sample) > BINARY_CONTROL_RATIO * 5:
        raise ReportError("binary data: too many control characters to be a text report")
    return text


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """Split the corpus header (``key: value`` lines closed by ``---``) from the body."""
    head = text.lstrip("\ufeff")
    lines = head.split("\n", 40)
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[:40]):
        if line.strip() == "---":
            if meta:
                return meta, "\n".join(lines[i + 1 :]) if i + 1 < len(lines) else ""
            break
        m = _HEADER_LINE.match(line)
        if not m:
            break
        meta[m.group(1).lower()] = m.group(2)
    return {}, head


def _nesting_depth(html: str, limit: int) -> int:
    """Return how deep the tags nest, counting no further than ``limit``."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(3) and name not in _VOID_TAGS:
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                break
    return deepest


def _strip_tags(html: str) -> str:
    """Plain text of HTML by regular expressions: the fallback for pathological pages."""
    text = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", html)
    text = _BLOCK_END.sub("\n\n", text)
    text = re.sub(r"(?s)<[^>]*>", "", text)
    return _html.unescape(text)


def _html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Article text of an HTML page, without scripts, navigation, comments and the like."""
    from selectolax.parser import HTMLParser

    if _nesting_depth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH:
        # The HTML parser slows down badly on very deep nesting; no article nests that deep.
        return _strip_tags(html), {}
    tree = HTMLParser(html)
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        key = (
            node.attributes.get("property")
            or node.attributes.get("name")
            or node.attributes.get("itemprop")
            or ""
        ).lower()
        value = node.attributes.get("content") or ""
        if key and value:
            meta.setdefault(key, value)
    title_node = tree.css_first("title")
    if title_node is not None:
        meta.setdefault("html_title", title_node.text(strip=True))
    h1 = tree.css_first("h1")
    if h1 is not None:
        meta.setdefault("h1", h1.text(strip=True))
    canonical = tree.css_first("link[rel=canonical]")
    if canonical is not None and canonical.attributes.get("href"):
        meta.setdefault("canonical", canonical.attributes["href"] or "")
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for node in tree.css("[class], [id]"):
        marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if node.tag not in ("body", "html", "main", "article") and _DROP_CLASS.search(marker):
            node.decompose()
    root = tree.css_first("article") or tree.body or tree.root
    if root is None:
        return "", meta
    # The parser's own serialisation is well formed, so stripping its tags is safe, and much
    # faster than a second parse on pages with very many elements.
    return _strip_tags(root.html or ""), meta


def _heads_comments(lines: list[str], i: int) -> bool:
    """Whether the "Comments" line at ``i`` heads a block of comments, not a link in a menu.

    It does when comment furniture ("Reply", "3 likes") follows within a few lines,
    or when less article text follows it than came before it.
    """
    after = [line.strip() for line in lines[i + 1 :] if line.strip()]
    if any(_COMMENT_FURNITURE.match(line) for line in after[:8]):
        return True
    before = sum(len(line) for line in lines[:i] if _PROSE.search(line))
    return sum(len(line) for line in after if _PROSE.search(line)) < before


def _clean_lines(text: str) -> str:
    """Normalise whitespace, drop furniture and code lines, and cut reader comments."""
    text = (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    )
    text = re.sub(r"[\u200b\u200c\u200d\u2060]", "", text)
    if "&" in text and _ENTITY.search(text):
        text = _html.unescape(text)  # "regime&#8217;s" pasted from a feed
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    body_chars = 0
    in_links = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if in_links and stripped and len(stripped) <= _LINK_ITEM_CHARS:
            continue  # a headline of the link list, not this report's prose
        in_links = bool(stripped) and bool(_LINK_LIST_HEAD.match(stripped))
        # Only a marker that heads a block of comments ends the article, wherever it is;
        # a "Comments" link in the page head or a menu does not.
        if stripped and _COMMENTS_START.match(stripped):
            if body_chars > 0 and _heads_comments(lines, i):
                break
            continue
        if stripped and (_BOILERPLATE_LINE.match(stripped) or _COMMENT_FURNITURE.match(stripped)):
            continue
        if stripped and _CODE_LINE.search(stripped):
            continue  # an embedded JSON or script block (related videos, trackers) is no prose
        if "(" in line:
            line = _PHOTO_CREDIT.sub("", line)
        if ">" in line or "›" in line or "»" in line:
            line = _BREADCRUMB.sub("", line)
        kept.append(line)
        body_chars += len(stripped)
    out = "\n".join(kept)
    out = re.sub(r"[ \t]+\n", "\n", out)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip("\n")


def _find_title(body: str, meta: dict[str, str]) -> str | None:
    for key in ("title", "og:title", "h1", "html_title"):
        if meta.get(key):
            return meta[key].strip()[:300]
    for line in body.split("\n")[:15]:
        line = line.strip()
        if (
            12 <= len(line) <= 160
            and not line.endswith((".", ":"))
            and 3 <= len(line.split()) <= 25
            and not _TEXT_DATE.search(line)
        ):
            return line
    return None


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlparse(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.").removeprefix("amp.").removeprefix("m.")
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in OUTLETS:
            return OUTLETS[candidate]
    if len(parts) >= 2:
        # Unknown host: its registered name is the best guess at the outlet.
        core = (
            parts[-3] if len(parts) >= 3 and parts[-2] in ("co", "com", "net", "org") else parts[-2]
        )
        return core.capitalize() if core else None
    return None


def _find_source(body: str, meta: dict[str, str], url: str | None) -> str:
    if meta.get("source"):
        return meta["source"].strip()
    head = body[:3000]
    m = _DATELINE_OUTLET.search(head)
    if m:
        return _DATELINE_OUTLETS.get(m.group("o").lower(), m.group("o"))
    from_url = _outlet_from_url(url)
    if from_url:
        return from_url
    if meta.get("og:site_name"):
        return meta["og:site_name"].strip()
    m = _CREDIT_OUTLET.search(body)
    if m:
        name = m.group("o") or m.group("o2")
        return _DATELINE_OUTLETS.get(name.lower(), name)
    return "unknown"


_SLASH_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b")


def _parse_date(value: str) -> date | None:
    value = value.strip()
    slash = _SLASH_DATE.match(value)
    if slash:
        # Month first (US style, as data exports write it) unless the first number
        # cannot be a month.
        a, b, year = int(slash.group(1)), int(slash.group(2)), int(slash.group(3))
        month, day = (a, b) if a <= 12 else (b, a)
        try:
            return date(year, month, day)
        except ValueError:
            return None
    m = _TEXT_DATE.search(value)
    if not m:
        return None
    try:
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("mon"):
            return date(int(m.group("y")), MONTHS[m.group("mon").lower()], int(m.group("d")))
        return date(int(m.group("y2")), MONTHS[m.group("mon2").lower()], int(m.group("d2")))
    except (ValueError, KeyError):
        return None


def _find_date(
    body: str, meta: dict[str, str], url: str | None, published: str | date | None
) -> tuple[date | None, bool]:
    if isinstance(published, date):
        return published, False
    estimated = str(meta.get("published_estimated", "")).strip().lower() in ("true", "1", "yes")
    for value in (
        published,
        meta.get("published"),
        meta.get("date"),
        meta.get("article:published_time"),
        meta.get("datepublished"),
        meta.get("pubdate"),
        meta.get("og:published_time"),
    ):
        if value:
            day = _parse_date(str(value))
            if day:
                return day, estimated
    lines = body.split("\n")[:40]
    for line in lines:
        if _POSTED.match(line):
            day = _parse_date(line)
            if day:
                return day, False
    m = _URL_DATE.search(url or "")
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), False
        except ValueError:
            pass
    head = "\n".join(lines)[:1500]
    day = _parse_date(head)
    if day:
        return day, False
    return None, True


def read_text(
    text: str,
    *,
    name: str,
    url: str | None = None,
    source: str | None = None,
    published: str | date | None = None,
) -> Report:
    r"""Read a report from text: plain, HTML, or with the corpus header.

    Parameters
    ----------
    text : str
        The report as pasted or decoded.
    name : str
        Its name (file basename, or an id for pasted text).
    url, source, published : str, optional
        What the caller knows already; they win over what the text says.

    Returns
    -------
    Report

    Raises
    ------
    ReportError
        When the text is empty, binary-like or too big.

    Examples
    --------
    >>> r = read_text("published: 2014-06-12\n---\nMilitants seized the town.", name="x")
    >>> (r.report_date, r.text)
    ('2014-06-12', 'Militants seized the town.')
    """
    if not isinstance(text, str):
        raise ReportError(f"invalid text of type {type(text).__name__}: expected str")
    _check_text(text)
    raw_sha1 = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    meta, body = _split_header(text)
    # Leading blank lines never reach the clean text; dropped here, the HTML, date and title
    # checks below look at the first lines of content however long the padding.
    body = body[m.end():] if (m := _LEADING_BLANK_LINES.match(body)) else body
    if _HTML_SNIFF.search(body[:5000]):
        body, html_meta = _html_to_text(body)
        for key, value in html_meta.items():
            meta.setdefault(key, value)
        if not url:
            url = meta.get("og:url") or meta.get("canonical")
    body = body[:MAX_BODY_CHARS]
    url = url or meta.get("url") or None
    # The date is looked for before cleaning: "POSTED:" lines are furniture.
    day, estimated = _find_date(body.replace("\r", ""), meta, url, published)
    body = _clean_lines(body)
    if not body.strip():
        raise ReportError("empty report: no article text left after removing page furniture")
    if day is None:
        day, estimated = date.today(), True
    return Report(
        name=name,
        text=body,
        title=_find_title(body, meta),
        source=source or _find_source(body, meta, url),
        url=url,
        report_date=day.isoformat(),
        date_estimated=estimated,
        raw_sha1=raw_sha1,
    )


def read_bytes(data: bytes, *, name: str) -> Report:
    """Read a report from raw bytes in any encoding.

    Parameters
    ----------
    data : bytes
        File content.
    name : str
        Report name (usually the file's basename).

    Returns
    -------
    Report

    Raises
    ------
    ReportError
        Empty, binary, undecodable or bigger than :data:`MAX_BYTES`.
    """
    return read_text(_decode(data), name=name)


def read_report(path: str | os.PathLike[str]) -> Report:
    """Read a report file (``.txt``, ``.html``, ``.htm`` or anything textual).

    Parameters
    ----------
    path : str or path-like
        The file.

    Returns
    -------
    Report
        Named after the file's basename.

    Raises
    ------
    ReportError
        When the file cannot be read as a report (also for a missing file or a folder).
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReportError(f"report too big: {p} has {size} bytes, the limit is {MAX_BYTES}")
        data = p.read_bytes()
    except OSError as exc:
        raise ReportError(f"cannot read report {str(p)!r}: {exc}") from exc
    return read_bytes(data, name=p.name)
