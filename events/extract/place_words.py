"""Stage 3b, place words: what the words in and around a name say about a place.

The tables here tell which words the gazetteer knows as places but news text
uses otherwise ("Ramadan", "Kilis"), and which capitalised words beside a name
are no one's name. The phrase patterns qualify a name by the words before or
after it: part of or near it, a site of it, only a reference
(:func:`reference_kind`), a destination, a province, a person's title. The
anaphors stand for a place told before ("the city", "there"), and the
dateline is where a story was filed from. They hold in any report;
:mod:`.places` finds, resolves and qualifies a report's names with them.
"""

from __future__ import annotations

import math
import re

from events.extract.wordlists import SITES

COUNTRY_NAMES = frozenset(
    "iraq syria turkey iran jordan lebanon kuwait israel kurdistan".split() + ["saudi arabia"]
)
# Words the gazetteer knows as small places but news text uses otherwise, and places
# abroad that share a name with a village in Iraq or Syria.
NOT_PLACES = frozenset(
    "ramadan eid iftar sunni shiite shia alawite kurd kurds arab arabs christian yazidi turkmen "
    "allah islam quran hajj friday sharia caliphate mujahideen observatory "
    "kilis gaziantep sanliurfa urfa suruc akcakale ceylanpinar reyhanli hatay antakya adana "
    "incirlik nusaybin cizre diyarbakir ankara istanbul beirut tripoli arsal baalbek amman "
    "mafraq zaatari irbid tehran riyadh doha cairo moscow geneva london paris washington "
    "brussels berlin vienna astana sochi jerusalem tel aviv sana amaq "
    "week day state army deir dayr kafr kfar tal tel tell jisr ain ein ras bab abu "
    "umm wadi khan qasr maaret maarat marat beit bir hay hayy al el sheikh sayyida nahr "
    "qaryat "
    # weekdays as a digest abbreviates them: "Haditha, Tue 23 Feb:" (not the village Tawi)
    "mon tue tues wed thu thur thurs fri sat sun".split()
)
#: Broadcasters named like places: "told Al Jazeera" is no event in the Jazira region.
#: Searched in the name with the four characters before it ("Al " is not part of the span).
MEDIA_NAMES = re.compile(r"\bal[-\s]?(?:jazeera|arabiya|hadath)$", re.IGNORECASE)
#: Outlets named for a place and a number: "Deir ez-Zor 24", "Kurdistan 24" (what follows).
MEDIA_AFTER = re.compile(r"^\s+24\b")
# Capitalised words of headlines that are no places ("Town retaken", "City falls").
COMMON_NOUNS = frozenset(
    "town city village area province region country district capital base camp army forces "
    "troops militants rebels government regime state news update report breaking live".split()
)
# Nouns whose "of" names the place they are in: "the main square of Hit".
OF_PLACES = frozenset(
    "square centre center heart outskirts outskirt edge entrance suburb suburbs countryside "
    "part parts area areas vicinity town city village community locality hamlet "
    # the people of a place: "shot dead the mukhtar of al-Abbasi"
    "mukhtar mayor resident inhabitant villager people population family elder".split()
)
SITE_NOUNS = frozenset(
    "crossing dam airport base airbase prison bridge camp refinery field oilfield province "
    "city town village district governorate "
    # "arrived at the Dibis screening point", "the Nasib checkpoint"
    "point checkpoint junction roundabout station".split()
)
# Capitalised words that stand beside place names and are no one's name.
NOT_NAMES = frozenset(
    "province governorate city district dam town village airport base river lake mountain "
    "mount camp crossing valley plain desert region countryside military army forces force "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december syrian iraqi kurdish turkish "
    "russian american islamic state observatory council command coalition front brigade "
    "ministry government regime rebels militants northern southern eastern western central "
    "greater old new upper lower al el".split()
)
FUNCTION_WORDS = frozenset(
    "while when after before since as in on at the a an but and or so yet although though "
    "meanwhile also still however earlier later near outside inside from with without during "
    "following across around some many most several other another both all its their his her "
    "if once until despite amid among this that these those each every which whose".split()
)
# Titles and name particles around a person named like a place ("Gen. Qassim al-Moussawi").
PERSON_BEFORE = re.compile(
    r"\b(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Dr|Mr|Mrs|Ms|Sheikh|Imam|President|Minister|minister|"
    r"spokesman|spokeswoman|commander|Abu|Umm|bin|ibn|Prince|King|Ayatollah|cleric|leader|General|"
    r"Colonel|Major|Captain|governor|Governor|mayor|Mayor|lawmaker|MP|Rep|Sen|Gov)\.?\s+$"
    # a credit: "(photo: Salam Jassim)", "By Ahmed Rasheed", "Reporting by Maher Chmaytelli"
    r"|(?:\b[Pp]hoto(?:\s+by)?:|\b(?:Reporting|Writing|Editing)\s+by|^\s*By|\(By)\s+"
    r"(?:[A-Z][a-z]+\s+)?$"
)
#: Given names common in the region's news: one right before a place's name makes a
#: person's name of the two ("Salam Jassim", "Ahmed Hit"), on a byline as in a quote.
GIVEN_NAMES = frozenset(
    "mohammed muhammad mohammad ahmed ahmad ali hassan hasan hussein husain omar umar khalid "
    "khaled salam salah saleh mahmoud mustafa mostafa abdullah ibrahim yousef youssef yusuf "
    "karim kareem jassim haidar haider hadi samir sami walid waleed nabil faisal majid maher "
    "tariq tarek ziad zaid hamid hamed adel rami rashid rasheed saad sabah nawaf jamal kamal "
    "qassim kassem firas fadi hazem hisham osama usama bilal anas imad emad nizar riad riyad "
    "suleiman sulaiman amer ammar wael yasser yasir fatima zainab mariam maryam aisha layla "
    "leila nour huda rana sara sarah".split())
#: A unit or body named for a place: "the Nineveh Operations Command", "the Jazeera and
#: Badia Operations Command", "the Manbij Military Council" act; they are no place.
ORG_AFTER = re.compile(
    r"^(?:\s+and\s+[A-Z][\w'-]+)?\s+(?:Operations?\s+(?:Command|Room|Cent(?:er|re))|"
    r"Military\s+Council|Command\b|"
    # "Badr fighters", "the Badr Organisation", "the Hamza Division": a force, not a place
    r"(?:Organi[sz]ation|Brigades?|Battalions?|Division|Corps|Movement|Front|[Ff]ighters|"
    r"[Mm]ilitia(?:men|s)?)\b)"
)
#: A title after a place, then a name: "Kurdistan Region President Nechirvan Barzani",
#: "Nineveh governor Atheel al-Nujaifi": the place is part of a person's title.
TITLE_AFTER = re.compile(
    r"^\s+(?:(?:President|Prime\s+Minister|[Gg]overnor|[Mm]inister|MP|[Mm]ayor|"
    r"[Ss]pokes(?:man|woman)|[Pp]olice\s+[Cc]hief|[Cc]ouncil\s+(?:head|member))\s+)"
    r"(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+"
)
#: A person told in apposition: "Abu Layla, the commander after whom", "Umar, a local
#: farmer". A village may share the name; the phrase says who is meant.
PERSON_APPOSITIVE = re.compile(
    r"^,\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:commander|leader|spokes(?:man|woman)|"
    r"official|minister|governor|chief|general|colonel|emir|cleric|sheikh|activist|"
    r"journalist|reporter|doctor|father|mother|son|daughter|brother|sister|wife|husband|"
    r"teacher|farmer|driver|mayor|lawmaker|deputy|envoy|analyst|founder|head)\b"
)
PERSON_AFTER = re.compile(
    r"^\s+(?:al|el|bin|ibn|Abu)-?\s?[A-Z][a-z]+(?:\s|,|\.|$)(?!\s*(?:province|city|town|district))"
)
# Part of / near: "outskirts of", "parts of", "near", "west of" (no distance before it).
#: A compass direction, as written: "west", "northern", "south-west", "south west".
_COMPASS = r"(?:(?:north|south)(?:[-\s]?(?:east|west))?|east|west)(?:ern)?"
NEAR_BEFORE = re.compile(
    r"(?:\b(?:parts?|portions?|areas?|most|much|half|outskirts|suburbs?|vicinity|edges?|"
    r"districts?|neighbou?rhoods?|quarters?|sections?|streets?|centre|center|heart|entrance|"
    r"gates?|(?:north|south|east|west)(?:ern|east|west)?(?:ern)?\s+(?:part|half|side|edge|"
    r"outskirts|districts?|neighbou?rhoods?|suburbs?)s?)\s+of\s+"
    r"|\b(?:near|nearby|outside(?:\s+of)?|around|close\s+to|on\s+the\s+outskirts\s+of|"
    rf"{_COMPASS})\s+)"
    r"(?:the\s+)?(?:(?:city|town|village|province|governorate)\s+of\s+)?$",
    re.IGNORECASE,
)
# A site or part named after the place: "Mosul's airport", "Baiji refinery".
SITE_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:(?:international|main|military|oil|old|new|central)\s+)?"
    r"(?:airport|air\s*base|refinery|prison|jail|dam|base|university|hospital|district|"
    r"neighbou?rhood|outskirts|suburbs?|countryside|plain|road|highway|bridge|checkpoint|"
    r"crossing|border\s+crossing|consulate|embassy|headquarters)\b",
    re.IGNORECASE,
)
# A site in the place: "the main hospital in Raqqa", "a roundabout of central Mosul".
SITE_BEFORE = re.compile(
    r"\b(?:" + "|".join(s.replace(" ", r"\s+") for s in SITES) + r")s?\s+(?:in|of|near|outside"
    r"|on\s+the\s+outskirts\s+of)\s+(?:(?:central|eastern|western|northern|southern|"
    r"downtown)\s+)?(?:(?:Syria|Iraq)['’]s\s+)?(?:the\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)
PRISON_WORDS = re.compile(
    r"\b(?:prisons?|jails?|prisoners|inmates|escapees|detainees|jailbreak|broke\s+out)\b",
    re.IGNORECASE,
)
#: A city's quarter: "the Karama neighbourhood", "the neighbourhood of Al-Kifah".
QUARTER_AFTER = re.compile(
    r"^\s*(neighbou?rhoods?|quarters?|districts?|squares?)\b"
    # told in apposition: "al-Joura and al-Qusour, the two adjoining districts where"
    r"|^,\s+(?:the|a|an)\s+(?:(?!(?:in|of|on|near|at|by|village|town|city)\b)[\w-]+\s+){0,3}?"
    r"(neighbou?rhoods?|quarters?|districts?)\b"
    r"(?![\'’]|\s+of\b)"
    # closing a list: "al-Joura, al-Qusour and the rest of the besieged neighbourhoods"
    r"|^\s*,?\s+and\s+(?:the\s+)?(?:rest|other)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(neighbou?rhoods|quarters|districts)\b",
    re.IGNORECASE)
QUARTER_BEFORE = re.compile(r"\b(neighbou?rhood|quarter|district)\s+of\s+$", re.IGNORECASE)
#: "the al-Hamidiya neighbourhood of Deir ez-Zor": the name after a named quarter's word
#: is the city the quarter is in, not a quarter.
NAMED_QUARTER_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:The|A|An|This|That|Its|Their|Each|Every)\s)(?:[a-z]{1,3}-)?[A-Z][\w'-]*\s+"
    r"(?:neighbou?rhood|quarter|district)\s+of\s+$"
)
#: "the districts of Hamdaniya and al-Zahraa" names quarters, but "several districts of
#: Tal Afar" a city: the plural cue counts only before a list.
QUARTERS_BEFORE = re.compile(r"\b(neighbou?rhood|quarter|district)s\s+of\s+$", re.IGNORECASE)
#: Between the names of a list: "the districts of Hamdaniya and al-Zahraa".
LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and)\s*")


def listed_before(text: str, spans: list[tuple], end: int) -> range:
    """Return the indices of the spans listed right before offset ``end`` ("A, B and C")."""
    k = len(spans)
    while k and LIST_GAP.fullmatch(text[spans[k - 1][1] : spans[k][0] if k < len(spans) else end]):
        k -= 1
    return range(k, len(spans))
#: Between a place and the province it lies in: " in", " base in", ", in the north of",
#: " of rebel-held".
IN_PROVINCE = re.compile(
    r"(?:\s+[\w-]+)?\s*,?\s*(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|centre|center|heart)\s+of\s+"
    r"(?:the\s+)?)?(?:[\w-]+\s+){0,2}?",
    re.IGNORECASE,
)
#: Between a town and the region it lies in: " in the eastern desert of", ", in the
#: countryside of".
IN_REGION_OF = re.compile(
    # "Kafr Nabl and its surroundings in the southern countryside of Idlib"
    r"\s*(?:and\s+(?:its|the)\s+(?:surroundings|outskirts|environs|vicinity|"
    r"surrounding\s+(?:areas?|villages))\s*)?"
    r"\s*,?\s*in\s+the\s+(?:[\w-]+\s+){0,2}?(?:desert|countryside|badia|plains?|region|"
    r"province|governorate|hinterland)\s+of\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: "... in northwestern Hama countryside": the words between a town and its region's name,
#: and the word after that name.
IN_REGION_BEFORE = re.compile(r"\s*,?\s*in\s+(?:the\s+)?(?:[\w-]+\s+)?", re.IGNORECASE)
REGION_AFTER = re.compile(
    r"^\s*(?:countryside|desert|badia|province|governorate|region|hinterland)\b", re.IGNORECASE
)
PROVINCE_AFTER = re.compile(r"^\s*(?:province|governorate|region)\b", re.IGNORECASE)
PROVINCE_BEFORE = re.compile(
    r"\b(?:province|governorate|region)\s+of\s+$", re.IGNORECASE
)
# Only a reference, by kind: where a source sits, a distance, a direction, a road's ends.
_THE = r"(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?$"
REFERENCES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(f"(?:{rx}){_THE}", re.IGNORECASE))
    for kind, rx in (
        # "officials in Erbil", "speaking from Baghdad", "according to ..."
        ("source", r"\b(?:officials?|police|policemen|sources?|witnesses|residents|spokesman|"
                   r"spokeswoman|governor|correspondents?|reporters?|activists?|doctors?|"
                   r"lawmakers?|authorities|officers?|commanders?|politicians?|diplomats?|"
                   r"analysts?|clerics?|leaders?|observers?|experts?)\s+(?:in|from|at)\s+"
                   r"(?:nearby\s+|neighbou?ring\s+)?|\bspeaking\s+(?:in|from)\s+|"
                   r"\b(?:told|said)\s+\w+\s+in\s+|\baccording\s+to\s+"),
        # "80 km west of the capital", "10 miles from Mosul"
        ("distance", rf"\b\d[\d,.]*\s*(?:-\s*)?(?:km|kms|kilomet(?:er|re)s?|miles?)\s+"
                     rf"(?:\([^)]*\)\s+)?(?:(?:to\s+the\s+)?{_COMPASS}\s*)?(?:of|from)\s+"),
        # "areas north of Baghdad", "the countryside west of Hama", "the Kuweires air base
        # east of Aleppo": where the area or the site lies
        ("direction", rf"\b(?:areas?|regions?|parts?|towns?|villages?|positions?|countryside|"
                      rf"desert|hills?|plains?|suburbs?|bases?|airbase|airports?|airfields?|"
                      rf"dams?|fields?|refinery|crossings?|camps?|prisons?|plants?|bridges?|"
                      rf"checkpoints?)\s+(?:to\s+the\s+)?{_COMPASS}\s+of\s+"),
        # "a prison on the western outskirts of the capital": where the site is
        ("site", r"\b(?:prison|jail|base|airbase|airport|camp|dam|refinery|crossing|compound|"
                 r"plant)\s+(?:on|at|in)\s+the\s+(?:\w+\s+)?(?:outskirts|edges?)\s+of\s+"),
        # "the road between A and B", "the highway linking X"
        ("road", r"\b(?:road|highway|route|motorway)\s+(?:from|to|towards|linking|between|"
                 r"connecting)\s+(?:[\w'-]+\s+(?:and|to)\s+)?|\bbetween\s+(?:[\w'-]+\s+){0,3}"
                 r"and\s+|\bbetween\s+"),
        # "controls major cities from Fallujah to Mosul": the ends of an extent, not the
        # place of an event
        ("range", r"\b(?:towns|cities|villages|areas|territory|territories|lands?|swath(?:e)?s?|"
                  r"stretch(?:es)?|regions?|parts)\s+(?:(?:stretching|running|extending|"
                  r"reaching)\s+)?from\s+"),
        # "it controls towns like Raqqa": an example of a kind, not the place of an event
        ("example", r"\b(?:towns|cities|villages|places|areas|strongholds)\s+like\s+"),
        # "all its territory except Idlib": the place left out
        ("exception", r"\b(?:except(?:\s+for)?|excluding|apart\s+from|other\s+than|save\s+for)\s+"),
        # "the capital of", "close to", "loyal to" ("their home town of X" is X)
        ("relation", r"\b(?:capital|birthplace)\s+of\s+|"
                     r"\b(?:closest|nearest|close)\b[\w\s]{0,25}\bto\s+|"
                     r"\b(?:loyal|allied|close)\s+to\s+|"
                     # "across its southern border with Idlib": where the border runs
                     r"\bborders?\s+with\s+"),
    )
)  # fmt: skip


#: "20 km south of Kirkuk", "30 miles north-west of Mosul": how far and which way.
MEASURED_OFFSET = re.compile(
    rf"\b(?P<n>\d[\d,.]*)\s*(?:-\s*)?(?P<unit>km|kms|kilomet(?:er|re)s?|miles?)\s+"
    rf"(?:\([^)]*\)\s+)?(?:to\s+the\s+)?(?P<dir>{_COMPASS})\s+of\s+{_THE}",
    re.IGNORECASE,
)
#: Between a town and the one it is told to lie some way of: "Adra, north-east of Douma".
DIRECTION_OF = re.compile(rf",\s+(?:just\s+|to\s+the\s+)?(?P<dir>{_COMPASS})\s+of\s+{_THE}",
                          re.IGNORECASE)
_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180,
             "southwest": 225, "west": 270, "northwest": 315}  # fmt: skip


def measured_offset(before: str) -> tuple[float, float] | None:
    """Return (km, bearing in degrees) of "20 km south of" ending `before`, or None.

    >>> measured_offset("a village 30 miles north-west of ")
    (48.3, 315)
    """
    m = MEASURED_OFFSET.search(before)
    return offset_of(m) if m is not None else None


def bearing_of(word: str) -> int:
    """Return the bearing in degrees of a compass word ("north-west", "southern").

    >>> bearing_of("North-western")
    315
    """
    return _BEARINGS[re.sub(r"[-\s]|ern$", "", word.lower())]


def offset_of(m: re.Match[str]) -> tuple[float, float] | None:
    """Return (km, bearing in degrees) of a :data:`MEASURED_OFFSET` match, or None."""
    try:
        n = float(m["n"].replace(",", ""))
    except ValueError:
        return None
    km = n * 1.609 if m["unit"].lower().startswith("mile") else n
    return round(km, 1), bearing_of(m["dir"])


def offset_point(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """Return the (lat, lon) that lies ``km`` from (lat, lon) on ``bearing`` (degrees)."""
    return (
        lat + km / 111.32 * math.cos(math.radians(bearing)),
        lon + km / (111.32 * math.cos(math.radians(lat))) * math.sin(math.radians(bearing)),
    )


# Words of saying: "police in Erbil" is where a source sits only in a sentence that
# reports what someone said; "killed two policemen in Dujail" tells where they fell.
# (Verb forms, not SPEECH_VERBS' lemmas: "state" and "report" are nouns in most sentences.)
_SAYING = re.compile(
    r"\b(?:said|says|say|told|tells|according|reported|reports|stated|announced|confirmed|"
    r"claimed|quoted|cited|added|denied|estimated?|warned|speaking|insisted|argued|accused|"
    r"blamed|believed?|believes|fear|fears|feared|expect|expects|expected|hope|hopes|worry|"
    r"worried)\b", re.IGNORECASE)


#: Seats of government whose name stands for the government: "begged Baghdad for
#: ammunition", "Baghdad has not delivered the weapons", "Baghdad sent army units".
_SEATS = frozenset({"Baghdad", "Damascus", "Erbil", "Arbil"})
_ASKED_OF = re.compile(r"\b(?:begged|asked|urged|pressed|petitioned|lobbied|blamed|accused|"
                       r"critici[sz]ed|appealed\s+to|called\s+on)\s+$", re.IGNORECASE)
#: (a seat that speaks, "Baghdad said", is a source already: mentions._mark_speakers)
_SEAT_ACTS = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:not\s+|repeatedly\s+)?(?:promised|"
    r"delivered|sent|accused|blamed|ordered|agreed|refused|demanded|rejected|vowed|pledged|"
    r"dispatched)\b")


def reference_kind(before: str, sentence: str | None = None, name: str = "",
                   after: str = "") -> str:
    """Say how the words around a place make it a mere reference, or "" when they don't.

    Given its ``sentence``, a place after "police in", "residents in" is where a source
    sits only when the sentence says what someone said. Given its ``name`` and the words
    ``after`` it, a seat of government asked or acting is the government ("begged Baghdad
    for ammunition", "Baghdad sent army units").
    """
    kind = next((kind for kind, rx in REFERENCES if rx.search(before)), "")
    if kind == "source" and sentence is not None and not _SAYING.search(sentence):
        return ""
    if not kind and name in _SEATS and (_ASKED_OF.search(before) or _SEAT_ACTS.match(after)):
        return "government"
    return kind


# "Tikrit, north of Baghdad": the second place only locates the first one.
APPOSITIVE_DIRECTION = re.compile(
    # (with or without its comma: "the village of Khatuniyah north-east of al-Hol")
    r",?\s+(?:just\s+|some\s+|about\s+)?(?:(?:\d[\d,.]*\s*(?:km|kilomet\w*|miles?)\s+)?"
    rf"(?:\(\w+\)\s+)?)?{_COMPASS}"
    r"\s+of\s+(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?",
    re.IGNORECASE,
)
DESTINATION_BEFORE = re.compile(
    r"\b(?:to|towards?|into|for|arrived\s+in|reached|safety\s+in|shelter\s+in|"
    r"camps?\s+(?:in|near|outside))\s+(?:the\s+)?(?:(?:city|town|village|province|region)\s+of\s+)?"
    r"(?:(?:government|regime|rebel|opposition)-(?:held|controlled)\s+)?$",
    re.IGNORECASE,
)
ANAPHOR = re.compile(
    # "the city", "the country's largest refinery", "Iraq's largest dam"
    r"\b(?P<a>(?:the\s+(?:(?:country|nation|region|province|city)['’]s\s+)?|"
    r"(?-i:Iraq|Syria)['’]s\s+(?=(?:largest|biggest|main|second-largest|strategic|key|oil|vital)"
    r"\s))"
    r"(?:(?:largest|biggest|main|second-largest|besieged|northern|southern|strategic|key|"
    r"contested|embattled|oil|"
    r"vital|beleaguered|farming|border|nearby|whole|entire|ancient|devastated|battered|"
    r"ravaged|rebel-held|militant-held|jihadist-held|same)\s+)?"
    r"(?P<kind>city|town|village|area|refinery|facility|plant|consulate|embassy|crossing|"
    r"base|airport|enclave|province|capital|community|dam|air\s*base|oil\s*field|prison|"
    # "fled the valley for Hasakah": the place just told of, as "the area"
    r"district)"
    r"(?:'s|’s)?|there(?!\s+(?:is|are|was|were|will|would|have|has|had|remains?|seems?|appears?|"
    r"may|might|could|should|must|can|cannot|to\s+be)\b))\b(?!\s+of\b)"
    r"(?!\s+(?:is|are|was|were)\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
#: The anaphor kind of :data:`PLURAL_ANAPHOR`.
TOWNS = "towns"
#: Several towns told before, named together: "both towns", "the two villages".
PLURAL_ANAPHOR = re.compile(
    r"\b(?:both|the\s+(?:two|three|twin))\s+(?:towns|villages|cities)\b", re.IGNORECASE
)
#: Anaphors that mean a town (the report's topic town when nothing closer is named).
CITY_KINDS = frozenset({"city", "town", "village", "community", "capital"})
#: Anaphors that mean a site of a town ("the refinery" of Baiji): geo_precision 2.
SITE_KINDS = frozenset(
    "area refinery facility plant consulate embassy crossing base airport enclave airbase "
    "air base".split()
)
#: Anaphors that may name a site the gazetteer knows ("the dam" of Mosul is Mosul Dam).
NAMED_SITE_KINDS = frozenset({"dam", "airport", "airbase", "air base", "base", "refinery",
                              "prison"})
#: The city "the capital" means, by country.
CAPITALS = {"IQ": "Baghdad", "SY": "Damascus"}
# "ARBIL, Iraq (Reuters) -", "BAGHDAD -", "Hama, SANA-": where the story was filed from.
DATELINE = re.compile(
    # "BEIRUT/AKCAKALE, Turkey, June 16 -": two places of filing joined by a slash
    r"^\s*(?:[A-Z][A-Za-z'.-]+(?:/[A-Z][A-Za-z'.-]+)?(?:\s+[A-Z][A-Za-z'.-]+){0,2})"
    r"(?:,?\s+(?:Iraq|Syria|Turkey|Lebanon|"
    r"Jordan|Kurdistan\s+Region))?"
    # "BAGHDAD, July 2 (Xinhua) --", "SOUTHWEST ASIA, June 1, 2016 -": the day of filing
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\((?:[A-Z][\w ]+)\)|,\s*[A-Z]{2,}[A-Za-z]*)?\s*"
    r"(?:--|—|–|-)\s+"
)


def dateline_end(text: str) -> int:
    """Return where a story's dateline ends ("BAGHDAD, July 2 (Xinhua) --"), 0 without one."""
    m = DATELINE.match(text)
    return m.end() if m else 0


def resolver_query(name: str, feature: str | None) -> tuple[str, str | None]:
    """Return the resolver's query for a name: a quarter is asked for with its word."""
    if feature and feature.startswith("quarter:"):
        # "quarter:district" or, with the sentence's town, "quarter:district:Aleppo"
        _, word, city = (feature + ":").split(":")[:3]
        word = word.rstrip("s")
        return (f"{name} {word} of {city}" if city else f"{name} {word}"), None
    return name, feature


def report_country(text: str) -> str | None:
    """Return "IQ" or "SY", whichever the text names more often, or None."""
    iraq = len(re.findall(r"\bIraq", text))
    syria = len(re.findall(r"\bSyria", text))
    if not iraq and not syria:
        return None
    return "IQ" if iraq >= syria else "SY"
