"""Finding events in a report: sentence by sentence, with the context around each sentence.

For each sentence the extractor finds triggers (``events.patterns``), actors
(``events.actors``), place phrases (``geodata.find_place_spans`` plus anaphors
such as "the city" and "there"), time expressions (``events.dates``) and
figures (``events.figures``), then ties each trigger to the place, actor, date
and figure that belong to it:

* places: the object of an active trigger ("seized Tikrit"), the subject of a
  passive one ("Mosul fell to ..."), the nearest one for nouns ("fighting in
  Baiji"); a list gives one event per place ("Falluja and parts of Ramadi");
  no place in the sentence means the place the report was last talking about;
* dates: the time expression in the trigger's clause, else one in the sentence
  that belongs to no other trigger, else the date the previous sentences were
  about, else the publication date with precision ``week``;
* actors: the subject (or the agent after "by"/"to"), pronouns and generic
  nouns from the context and the country.

Events outside Iraq and Syria, before 2013, in forecasts, conditions,
questions or negations are not coded. Mentions of the same event repeated in a
report are merged. The module is pure: no I/O, no database.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from events import actors as _actors
from events.dates import DateMention, find_dates
from events.figures import Figure, find_figures
from events.model import Event, event_id
from events.patterns import (
    BACK_REFERENCE_AFTER,
    BACK_REFERENCE_BEFORE,
    FORECAST_BEFORE,
    NEGATIVE_BEFORE,
    NON_EVENT_SENTENCE,
    TriggerMatch,
    find_triggers,
)
from events.reports import Report

#: Wall-clock budget for one report; the events found so far are returned when it runs out.
TIME_BUDGET_S = 2.0
#: Longest text read from one report, and longest sentence (longer ones are cut).
MAX_TEXT_CHARS = 200_000
MAX_SENTENCE_CHARS = 1_200
#: A loose name match in the other country farther than this from the report's places is dropped.
STRAY_KM = 250.0
#: A reading of a name this far from all the report's places gives way to a namesake closer than
#: CLOSE_KM to one of them.
FAR_KM = 150.0
CLOSE_KM = 60.0
#: "X district of Y" where X lies farther than this from Y: X is a namesake elsewhere.
PART_KM = 30.0
#: Mentions of one event type whose places lie closer than this are one event told twice.
MERGE_KM = 5.0
#: Event-less sentences kept for context ("the city" reaches back up to eight sentences).
CONTEXT_BACKLOG = 8
#: Most event mentions read from one report (a real report has a few dozen).
MAX_CANDIDATES = 1_000
#: How many sentences back "there" / "the area" may reach for its place ("the city": twice as far).
CONTEXT_SENTENCES = 4
#: How many sentences back a sentence that names no place at all may take its place from.
FALLBACK_SENTENCES = 2

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col maj capt sgt adm rear rep sen gov prof st no u.s u.n u.k e.u "
    "jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m i.e e.g vs etc jr sr inc co "
    "corp ltd brig cmdr cpl pvt mt ft gens sheikh rev".split()
)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_HEADLINE_END = re.compile(r"[.!?:;\"”’')]\s*$")

# Words before a place that make it part of / near the place (geo_precision 2).
_NEAR_BEFORE = re.compile(
    r"(?:\b(?:parts?|portions?|areas?|most|much|half|outskirts|suburbs?|vicinity|edges?|"
    r"districts?|neighbou?rhoods?|quarters?|sections?|streets?|centre|center|heart|"
    r"(?:north|south|east|west)(?:ern|east|west)?(?:ern)?\s+(?:part|half|side|edge|"
    r"outskirts)s?)\s+of\s+"
    r"|\b(?:near|nearby|outside(?:\s+of)?|around|close\s+to|on\s+the\s+outskirts\s+of|"
    r"(?:to\s+the\s+)?(?:north|south|east|west|northeast|northwest|southeast|"
    r"southwest)(?:ern)?(?:\s+of)?)\s+)"
    r"(?:the\s+)?(?:(?:city|town|village|province|governorate)\s+of\s+)?$",
    re.IGNORECASE,
)
# Words after a place that make it a site in or near it: "Mosul's airport", "Baiji refinery".
_SITE_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:(?:international|main|military|oil|old|new|central)\s+)?"
    r"(?:airport|air\s*base|refinery|prison|jail|dam|base|university|hospital|district|"
    r"neighbou?rhood|"
    r"outskirts|suburbs?|province|governorate|countryside|plain|road|highway|bridge|checkpoint|"
    r"crossing|border\s+crossing|consulate|embassy|headquarters)\b",
    re.IGNORECASE,
)
_PRISON_WORDS = re.compile(
    r"\b(?:prisons?|jails?|prisoners|inmates|escapees|detainees|jailbreak)\b", re.IGNORECASE
)
_PROVINCE_AFTER = re.compile(r"^\s*(?:province|governorate|region)\b", re.IGNORECASE)
_PROVINCE_BEFORE = re.compile(r"\b(?:province|governorate)\s+of\s+$", re.IGNORECASE)
# A place named only as where a source is, or as a reference for a distance.
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:officials?|police|policemen|sources?|witnesses|residents|spokesman|spokeswoman|"
    r"governor|correspondents?|reporters?|activists?|doctors?|lawmakers?|authorities|"
    r"officers?|commanders?)\s+(?:in|from|at)\s+(?:nearby\s+|neighbou?ring\s+)?"
    r"|\bspeaking\s+(?:in|from)\s+|\b(?:told|said)\s+\w+\s+in\s+"
    # "according to the Kurdistan Region Security Council": a source named after a place
    r"|\baccording\s+to\s+"
    # "the Abu Ghraib prison on the western outskirts of the capital": where the site is
    r"|\b(?:prison|jail|base|airbase|airport|camp|dam|refinery|crossing|compound|plant)\s+"
    r"(?:on|at|in)\s+the\s+(?:\w+\s+)?(?:outskirts|edges?)\s+of\s+"
    r"|\b\d[\d,.]*\s*(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\([^)]*\)\s+)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)?(?:ern)?\s*(?:of|from)\s+"
    r"|\b(?:hometown|home\s+town|capital|birthplace)\s+of\s+"
    r"|\b(?:closest|nearest|close)\b[\w\s]{0,25}\bto\s+|\b(?:loyal|allied|close)\s+to\s+"
    r"|\b(?:road|highway|route|motorway)\s+(?:from|to|towards|linking|between|connecting)\s+)"
    r"(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?$",
    re.IGNORECASE,
)
# "Tikrit, north of Baghdad": the second place only locates the first one
_APPOSITIVE_DIRECTION = re.compile(
    r",\s+(?:just\s+|some\s+|about\s+)?(?:north|south|east|west|northeast|northwest|southeast|"
    r"southwest)(?:ern)?\s+of\s+(?:the\s+)?(?:(?:city|town|province)\s+of\s+)?$",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"\b(?P<a>the\s+(?:(?:besieged|northern|southern|strategic|key|contested|embattled|oil|"
    r"vital|beleaguered|farming|border|nearby|whole|entire)\s+)?"
    r"(?P<kind>city|town|village|area|refinery|facility|plant|building|consulate|"
    r"embassy|crossing|base|airport|compound|complex|enclave|province|capital|community|dam|"
    r"air\s*base|oil\s*field|prison)"
    r"(?:'s|’s)?|there(?!\s+(?:is|are|was|were|will|would|have|has|had|remains?|seems?|appears?|"
    r"may|might|"
    r"could|should|must|can|cannot|could|to\s+be)\b))\b(?!\s+of\b)(?!\s+(?:is|are|was|were)\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# "ARBIL, Iraq (Reuters) -", "BAGHDAD -", "Tikrit -": where the story was filed from.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]+){0,2})(?:,?\s+(?:Iraq|Syria|Turkey|Lebanon|"
    r"Jordan))?"
    r"\s*(?:\((?:[A-Z][\w ]+)\))?\s*(?:--|—|–|-)\s+"
)
_NAME = (
    r"(?P<name>(?:(?:al|el|ad|ar|as|at|az|an|ash)-)?[A-Z][\w'’-]+"
    r"(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,2})"
)
_OBJECT_SLOT = re.compile(
    r"(?<![\w-])(?=[a-zA-Z])(?:fled|fleeing|flee|flees|captured|capturing|seized|seizing|overran|overrunning|retook|"
    r"retaking|recaptured|recapturing|liberated|liberating|shelled|shelling|bombed|bombing|struck|"
    r"pounded|stormed|storming|entered|entering|encircled|encircling|besieged|besieging|besieges?|surrounded|"
    r"surrounding|took\s+(?:over|control\s+of)|taking\s+(?:over|control\s+of)|control\s+of|"
    r"(?:capture|fall|siege|recapture|liberation|shelling|bombardment|outskirts)\s+of|"
    r"(?:attacks?|offensive|assault|advance|march|strikes?|airstrikes?|raids?)\s+on|"
    r"withdrew\s+from|retreated\s+from|displaced\s+from|fled\s+from|left|leaving|"
    r"to\s+(?:retake|recapture|liberate|free|capture|seize)|"
    r"(?:arrived|gathered|massed)\s+(?:at|in))\s+" + _NAME
)
# "Daraa province", "neighbourhood of Daraa city": a kind word names what comes before it.
_KIND_SLOT = re.compile(
    r"(?:^(?:In|At|Near|From)\s+|\b(?:in|of|near|from|to|at|across)\s+(?:the\s+)?)"
    + _NAME
    + r"\s+(?:province|governorate|city|town|district|countryside|front|frontline|camps?|axis|"
    r"sector|border\s+crossing|crossing|dam|airport|air\s*base|prison|refinery)\b"
)
_SUBJECT_SLOT = re.compile(
    r"(?:^|[,;]\s+|\band\s+)"
    + _NAME
    + r"\s+(?:(?:was|were|has\s+been|had\s+been|is|are|remains?)\s+"
    r"(?:\w+\s+)?(?:captured|seized|overrun|retaken|recaptured|liberated|taken|shelled|bombed|besieged|"
    r"surrounded|encircled|under)|fell|has\s+fallen|had\s+fallen)\b"
)
_PERSON_BEFORE = re.compile(
    r"\b(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Brig|Dr|Mr|Mrs|Ms|Sheikh|Imam|President|Minister|minister|"
    r"spokesman|spokeswoman|commander|Abu|Umm|bin|ibn|Prince|King|Ayatollah|cleric|leader|General|"
    r"Colonel|Major|Captain|governor|Governor|mayor|Mayor|lawmaker|MP|Rep|Sen|Gov)\.?\s+$"
)
_PERSON_AFTER = re.compile(
    r"^\s+(?:al|el|bin|ibn|Abu)-?\s?[A-Z][a-z]+(?:\s|,|\.|$)(?!\s*(?:province|city|town|district))"
)
_FUNCTION_WORDS = frozenset(
    "while when after before since as in on at the a an but and or so yet although though "
    "meanwhile also still however earlier later near outside inside from with without during "
    "following across around some many most several other another both all its their his her "
    "if once until despite amid among".split()
)
_SUBSITE_KINDS = frozenset(
    {
        "area",
        "refinery",
        "facility",
        "plant",
        "building",
        "consulate",
        "embassy",
        "crossing",
        "base",
        "airport",
        "compound",
        "complex",
        "enclave",
    }
)
_CITY_KINDS = frozenset({"city", "town", "village", "community"})
#: Anaphors that may name a site of the town just mentioned ("the nearby dam").
_NAMED_SITE_KINDS = frozenset({"dam", "airport", "airbase", "air base", "refinery", "prison"})
_LIST_GLUE = re.compile(
    r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+as\s+well\s+as\s+|\s+or\s+|"
    r"\s*,?\s+and\s+then\s+(?:to\s+|on\s+|towards?\s+)?|\s*,\s+including\s+"
    # "Mosul, home to 2 million people, and much of Nineveh": past an appositive
    r"|\s*,\s+(?:a|an|the|home|once|its)\b[^,;]{0,60},\s*(?:and|as\s+well\s+as)\s+)"
    r"(?:(?:parts?|portions?|areas?|most|much|outskirts|suburbs)\s+of\s+)?"
    r"(?:the\s+)?(?:(?:northern|southern|eastern|western)\s+)?(?:(?:city|town|village|cities|"
    r"towns|province|governorate|district|region)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r",\s+(?:which|where|who|whom|whose|when|while|after|before|as|since|but|although|though|"
    r"prompting|allowing|forcing|leaving|and\s+(?:the|a|an|its|their)\b|(?:it|they)\s+(?:has|have|"
    r"had|was|were|is|are)\b)|"
    r";|\s[—–]\s|\s--\s|"
    r"\s(?:after|before|since|as|when|while|following)\s",
    re.IGNORECASE,
)
_CLAIM = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|purported(?:ly)?|allegedly|state[- ](?:run\s+|owned\s+)?(?:TV|"
    r"television|media|news\s+agency)|"
    r"said\s+in\s+a\s+statement|statement\s+(?:said|posted)|(?:Iraqiya|SANA|Amaq|al-Manar)|"
    r"according\s+to\s+(?:the\s+)?"
    r"(?:militants|the\s+group|state|its|the\s+army|the\s+military|the\s+ministry|a\s+(?:military|"
    r"army)\s+statement)|"
    r"(?:military|army|defen[cs]e\s+ministry|group'?s?)\s+(?:spokesman|statement|said)|unconfirmed|"
    r"if\s+true|"
    r"(?:rebels|militants|the\s+group|jihadists)\s+said|boast(?:s|ed)?|insist(?:s|ed|"
    r"ing)\s+on\s+state|"
    # a belligerent's own voice: ministries, commands, military sources, militia spokesmen
    r"according\s+to\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}(?:ministry|command|army|military|"
    r"militia)\b|"
    r"(?:ministry|Pentagon|command|militia\s+(?:spokesman|commander|official))"
    r"(?:\s+(?:in|of)\s+[A-Z]\w+)?\s+(?:said|says|announced|reported)|"
    r"military\s+(?:source|official|officer)s?\s+(?:told|said)|Joint\s+Operations\s+Command|"
    r"state\s+(?:media|television|TV)\s+(?:reported|said|announced)|\bdeclared\b|"
    r"(?:statement|military\s+source)\s+added|(?:the\s+)?government\s+said|"
    r"(?:Iraqi|Syrian|Kurdish|Peshmerga|army|military|government|militia)\s+officials?\s+(?:said|say|"
    r"told))",
    re.IGNORECASE,
)
_PEOPLE_OBJECT = re.compile(
    r"^\s*(?:(?:more\s+than|over|about|around|some|at\s+least|nearly)\s+)?(?:[\d,]+|"
    r"\w+(?:-\w+)?)?\s*"
    r"(?:\w+\s+)?(?:people|persons|civilians|hostages|diplomats|workers|citizens|nationals|"
    r"drivers|villagers|residents|women|children|men|staff|employees|journalists|aid\s+workers|"
    r"Yazidis|Christians|Turks)\b",
    re.IGNORECASE,
)
_FIGHTERS_OBJECT = re.compile(
    r"(?:fighters|militants|soldiers|troops|members|jihadists|policemen|officers)\s+"
    r"(?:were|have\s+been|had\s+been)\s+(?:\w+\s+){0,5}$",
    re.IGNORECASE,
)
_DESTINATION_BEFORE = re.compile(
    r"\b(?:to|towards?|into|for|arrived\s+in|safety\s+in|shelter\s+in|camps?\s+in)"
    r"\s+(?:the\s+)?(?:(?:city|town|village|province|region)\s+of\s+)?$",
    re.IGNORECASE,
)
_CIVIL_DEPLOYMENT = re.compile(
    r"\s+of\s+(?:the\s+)?(?:UN|U\.N\.|United\s+Nations|international|peacekeep\w*|observers|monitors|"
    r"aid|humanitarian|relief|medical)",
    re.IGNORECASE,
)
_NATIONWIDE = re.compile(
    r"\b(?:nationwide|country-?wide|across\s+the\s+country|throughout\s+the\s+country|"
    r"across\s+(?:Iraq|Syria)|in\s+(?:Iraq|Syria)\s+as\s+a\s+whole)\b",
    re.IGNORECASE,
)
_HABITUAL = re.compile(
    r"\b(?:regularly|routinely|frequently|repeatedly|constantly|near-daily|almost\s+daily|"
    r"on\s+a\s+daily\s+basis|every\s+day|daily|often|sporadically|"
    # "has fired across the border in the past": no point in time
    r"in\s+the\s+past(?=\s*[,.;]|\s*$)|at\s+times|from\s+time\s+to\s+time)\b",
    re.IGNORECASE,
)
# Words between a target and a place that only says where the target is ("base near Homs").
_LOCATING = re.compile(
    r"\s*,?\s*(?:near|outside|in|of|at|close\s+to|(?:just\s+|some\s+)?(?:north|south|east|west|"
    r"northeast|northwest|southeast|southwest)(?:ern)?\s+of)\s+(?:the\s+)?(?:(?:city|town|village)"
    r"\s+of\s+)?",
    re.IGNORECASE,
)
# "in retaliation for a suspected chemical attack": an attack told as the cause of another
_RETALIATION_BEFORE = re.compile(
    r"\b(?:retaliation|response|reprisal|revenge|punishment)\s+(?:for|to)\s+(?:the\s+|a\s+|an\s+|"
    r"this\s+|that\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "ISIS continues to besiege", "are still surrounding": a state at the report's time, not at
# the date the previous sentence told
_ONGOING_BEFORE = re.compile(
    r"\b(?:continues?\s+to|continuing\s+to|keeps?|still|is\s+now|are\s+now)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# "Families displaced from X reported that ...": witnesses described by their flight
_WITNESS_AFTER = re.compile(
    r"^\s+(?:from|by)\s+[^.;]{0,80}?\b(?:said|say|says|reported|report|told|described|recounted)\b",
    re.IGNORECASE,
)
# "with the help of coalition air strikes": support for another event, not an event of its own
_SUPPORT_BEFORE = re.compile(
    r"\b(?:with\s+the\s+(?:help|support|backing)\s+of|under\s+(?:the\s+)?cover\s+of)\s+"
    r"(?:[\w-]+\s+){0,4}$",
    re.IGNORECASE,
)
# "engineers dismantling explosive devices planted by ...": ordnance, not an explosion
_ORDNANCE_BEFORE = re.compile(
    r"\b(?:dismantl|defus|remov|clear|disarm|detect|found|find|discover|seiz|plant|lay|laid)\w*\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose|where|when)\b", re.IGNORECASE)
_COALITION_GLUE = re.compile(
    r"\s*,?\s*(?:and|as\s+well\s+as|along\s+with|alongside|together\s+with|with|backed\s+by|"
    r"supported\s+by|"
    r"aided\s+by|and\s+allied|and\s+their\s+allies(?:\s+in)?)\s+(?:[\w-]+\s+){0,2}",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they|the\s+group|its\s+fighters|their\s+fighters)\b", re.IGNORECASE
)
_ALLOWED_TO = re.compile(
    r"\b(?:went\s+on|go\s+on|managed|moved|continued|continues|continue|continuing|keeps|kept|"
    r"began|started|rushed|used|sent|dispatched|"
    r"deployed|flown\s+in)\s+to\s+$",
    re.I,
)
_COUNTRY_RX = re.compile(
    r"\b(?:Iraq|Syria|Turkey|Iran|Jordan|Lebanon)\b(?!i|n)|\bthe\s+country(?:'?s)?\b|\belsewhere\b"
)
_ISIS_RX = re.compile(r"\b(?:ISIS|ISIL|Isis|Isil|Daesh|Islamic\s+State)\b")
_COUNTRY_NAMES = frozenset(
    {
        "iraq",
        "syria",
        "turkey",
        "iran",
        "jordan",
        "lebanon",
        "kuwait",
        "saudi arabia",
        "israel",
        "kurdistan",
    }
)
# Words the gazetteer knows as small places but news text uses otherwise, and places
# abroad that share a name with a village in Iraq or Syria.
_NOT_PLACES = frozenset(
    "ramadan eid iftar sunni shiite shia alawite kurd kurds arab arabs christian yazidi turkmen "
    "allah islam quran hajj friday sharia caliphate mujahideen observatory "
    "kilis gaziantep sanliurfa urfa suruc akcakale ceylanpinar reyhanli hatay antakya adana "
    "incirlik nusaybin cizre diyarbakir ankara istanbul beirut tripoli arsal baalbek amman "
    "mafraq zaatari irbid tehran riyadh doha cairo moscow geneva london paris washington "
    "brussels berlin vienna astana sochi jerusalem tel aviv sana amaq "
    # generic words of Arabic place names, never a place on their own
    "week day state army deir dayr kafr kfar tal tel tell jabal jebel jisr ain ein ras bab abu "
    "umm wadi "
    "khan qasr maaret maarat marat beit bir hay hayy al el sheikh sayyida nahr hama's "
    "qaryat".split()
)
_TYPES_NEEDING_PLACE_IN_SENTENCE = frozenset({"threat"})

_CAPITALS = {"IQ": "Baghdad", "SY": "Damascus"}

_UNIT_BY_TYPE = {
    "displacement": "people_displaced",
    "abduction": "hostages",
    "prison_break": "prisoners_freed",
    "troop_position": "troops",
}
_KILLED_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,4}?(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:reported\s+)?(?:killed|dead|"
    r"died|slain|executed)\b|^\s*(?:\w+\s+){0,3}?(?:deaths|fatalities|casualties)\b",
    re.I,
)
_KILLED_BEFORE = re.compile(
    r"\b(?:killing|killed|kills|death\s+toll\s+(?:rose\s+)?(?:to|of|at))\s+(?:at\s+least\s+|"
    r"more\s+than\s+|some\s+|about\s+)?$",
    re.I,
)
_WOUNDED_BEFORE = re.compile(
    r"\b(?:wounding|injuring|wounded|injured)\s+(?:at\s+least\s+|more\s+than\s+)?$", re.I
)
_PEOPLE_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:people|persons|civilians|residents|refugees|inhabitants|Iraqis|"
    r"Syrians|"
    r"villagers|men|women|children|hostages|citizens|nationals|Turks|diplomats|workers|Yazidis|"
    r"Christians|"
    r"Turkmens?|Kurds|Arabs|prisoners|inmates|detainees|troops|soldiers|fighters|militants|"
    r"militiamen|"
    r"policemen|members|personnel|jihadists|gunmen)\b",
    re.IGNORECASE,
)
_SPOILS = (
    r"(?:arms|weapons|equipment|vehicles|ammunition|munitions|tanks|aircraft|helicopters|caches|"
    r"documents|money|cash|supplies|stockpiles?|Humvees|mortars|rockets|missiles|rifles|guns|"
    r"explosives|shells)"
)
_SPOILS_BEFORE = re.compile(rf"\b{_SPOILS}\s+$", re.IGNORECASE)
_SPOILS_AFTER = re.compile(rf"^\s+(?:[\w-]+\s+){{0,2}}{_SPOILS}\b", re.IGNORECASE)
_FAMILIES_AFTER = re.compile(r"^\s*(?:\w+\s+)?families\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """Load the spaCy pipeline used for sentence splitting: blank English plus a sentencizer.

    The extractor does not need it (its own splitter is faster and keeps
    abbreviations such as "U.S." and "Lt. Gen." whole); pass the result as
    ``nlp=`` to :func:`extract_events` to split with spaCy instead.

    Returns
    -------
    spacy.language.Language
    """
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    index: int
    headline: bool


@dataclass(slots=True)
class _PlaceMention:
    start: int  # offsets in the sentence
    end: int
    location: str
    place: Any  # geodata.Place
    geo_precision: int
    reference: bool = False
    anaphor: bool = False


@dataclass(slots=True)
class _Context:
    published: date
    country: str | None
    isis_named: bool
    near: list[tuple[float, float]] = field(default_factory=list)
    last_place: _PlaceMention | None = None
    last_place_sentence: int = -99
    last_city: _PlaceMention | None = None
    last_actor: str | None = None
    last_date: DateMention | None = None
    last_date_sentence: int = -99
    last_date_paragraph: int = -1
    pending: list[_Sentence] = field(default_factory=list)
    sentence_index: int = 0
    resolved: dict[tuple[str, str | None], Any] = field(default_factory=dict)
    prisons: dict[str, Any] = field(default_factory=dict)


def _split_sentences(text: str, nlp: Any = None) -> list[_Sentence]:
    """Sentences with their offsets; each line of the report is a paragraph."""
    out: list[_Sentence] = []
    pos = 0
    for paragraph, line in enumerate(text.split("\n")):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        headline = not _HEADLINE_END.search(line) and len(line.split()) <= 25
        spans: list[tuple[int, int]] = []
        if nlp is not None:
            doc = nlp(line)
            spans = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            begin = 0
            for m in _SENTENCE_END.finditer(line):
                before = line[begin : m.start() + 1]
                last_word = re.search(r"([\w.]+)\.?$", before.rstrip(".!?\"”’')]"))
                word = (last_word.group(1) if last_word else "").lower().rstrip(".")
                if line[m.start()] == "." and (
                    word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word)
                ):
                    continue
                spans.append((begin, m.end()))
                begin = m.end()
            spans.append((begin, len(line)))
        for s, e in spans:
            while s < e and line[s].isspace():
                s += 1
            while e > s and line[e - 1].isspace():
                e -= 1
            while e - s > MAX_SENTENCE_CHARS:
                out.append(
                    _Sentence(
                        line_start + s,
                        line_start + s + MAX_SENTENCE_CHARS,
                        line[s : s + MAX_SENTENCE_CHARS],
                        paragraph,
                        len(out),
                        headline,
                    )
                )
                s += MAX_SENTENCE_CHARS
            if e > s:
                out.append(
                    _Sentence(
                        line_start + s, line_start + e, line[s:e], paragraph, len(out), headline
                    )
                )
    return out


def _report_country(text: str) -> str | None:
    iraq = len(re.findall(r"\bIraq", text))
    syria = len(re.findall(r"\bSyria", text))
    if not iraq and not syria:
        return None
    return "IQ" if iraq >= syria else "SY"


def _resolve(ctx: _Context, name: str, feature: str | None) -> Any:
    import geodata

    key = (name, feature)
    if key not in ctx.resolved:
        try:
            place = geodata.resolve(
                name,
                country=ctx.country,
                near=ctx.near[:8] or None,
                feature=feature,
                strict_case=True,
            )
            if ctx.near and (place is None or place.score < 1.0):
                # The report's other places break ties between namesakes; they must not
                # beat an exact match of the name itself ("Kobane" is Kobani, not Afrin).
                plain = geodata.resolve(
                    name, country=ctx.country, feature=feature, strict_case=True
                )
                if plain is not None and (place is None or plain.score > place.score):
                    place = plain
        except ValueError:
            place = None
        ctx.resolved[key] = place
    return ctx.resolved[key]


def _stray_namesake(ctx: _Context, name: str, place: Any) -> bool:
    """Tell whether a loosely matched village across the border is a wrong reading of the name.

    "Bashir" in a report about Kirkuk found only "Bayshir" in Idlib: a
    near-spelling or alias match in the other country, far from every place
    the report has named, is not the place meant.
    """
    from rapidfuzz import fuzz

    if not ctx.country or place.country == ctx.country or not ctx.near:
        return False
    if place.feature in ("governorate", "region", "site"):
        return False
    exact = place.score >= 1.0 and fuzz.ratio(name.lower(), place.name.lower()) >= 85
    if exact:
        return False
    lon, lat = float(place.lon), float(place.lat)
    km = min(
        111.0 * math.hypot(lat - y, (lon - x) * math.cos(math.radians(lat))) for x, y in ctx.near
    )
    return km > STRAY_KM


def _km_to_report(ctx: _Context, place: Any) -> float:
    lon, lat = float(place.lon), float(place.lat)
    return min(
        111.0 * math.hypot(lat - y, (lon - x) * math.cos(math.radians(lat))) for x, y in ctx.near
    )


def _closer_namesake(ctx: _Context, name: str, feature: str | None, place: Any) -> Any:
    """Return the namesake near the report's places when the first reading lies far from them.

    "al-Salihiyeh, north of Albu Kamal" is the village by Albu Kamal, not the
    one near Homs 300 km away.
    """
    import geodata

    if not ctx.near or place.feature in ("governorate", "region", "site"):
        return place
    if _km_to_report(ctx, place) <= FAR_KM:
        return place
    try:
        other = geodata.resolve(
            name, country=ctx.country, near=ctx.near[:8], feature=feature, strict_case=True
        )
    except ValueError:
        return place
    if (
        other is not None
        and other.name != place.name
        and other.score >= 0.95
        and other.feature not in ("governorate", "region")
        and _km_to_report(ctx, other) <= CLOSE_KM
    ):
        return other
    return place


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < e2 and s2 < e for s2, e2 in spans)


def _place_spans(sentence: str) -> list[tuple[int, int, str]]:
    """Gazetteer names in a sentence, also when the sentence's first word hides one.

    A capitalised sentence-initial word ("While Amirli ...") can make the
    gazetteer miss the name after it, so the sentence is also read with that
    word in lower case; the offsets stay the same.
    """
    import geodata

    try:
        spans = list(geodata.find_place_spans(sentence))
        first = re.match(r"\s*([A-Z][a-z]+)\s+(?=[A-Z])", sentence)
        if first and first.group(1).lower() in _FUNCTION_WORDS:
            i = first.start(1)
            # "In Hilla, ...": a gazetteer name that swallowed the function word is not the place
            spans = [s for s in spans if s[0] != i]
            for span in geodata.find_place_spans(
                sentence[:i] + sentence[i].lower() + sentence[i + 1 :]
            ):
                if not _overlaps(span[0], span[1], [(s, e) for s, e, _ in spans]):
                    spans.append(span)
    except ValueError:
        return []
    return sorted(spans)


def _slot_spans(
    sentence: str, ctx: _Context, taken: list[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Capitalised names in the place slot of an event phrase ("fled Hawija", "Hawija fell").

    The gazetteer scan asks small places for a cue word ("in", "town of"); an
    event verb is as good a cue, so the name in its slot is looked up directly
    and kept when it resolves exactly.
    """
    out: list[tuple[int, int, str]] = []
    for rx in (_OBJECT_SLOT, _SUBJECT_SLOT, _KIND_SLOT):
        for m in rx.finditer(sentence):
            start, end = m.span("name")
            name = m.group("name")
            if _overlaps(start, end, taken) or name.lower() in _NOT_PLACES:
                continue
            if name.lower() in _COUNTRY_NAMES or _PERSON_AFTER.match(sentence[end : end + 30]):
                continue
            place = _resolve(ctx, name, None)
            if place is not None and place.score >= 0.95 and place.country in ("IQ", "SY"):
                out.append((start, end, name))
                taken = taken + [(start, end)]
    return out


def _find_places(
    sentence: str, ctx: _Context, blocked: list[tuple[int, int]], *, slots: bool = True
) -> list[_PlaceMention]:
    """Return the resolved place phrases of one sentence (gazetteer names and anaphors)."""
    out: list[_PlaceMention] = []
    spans = _place_spans(sentence)
    if slots:
        spans += _slot_spans(sentence, ctx, [(s, e) for s, e, _ in spans] + blocked)
    if ctx.prisons and _PRISON_WORDS.search(sentence):
        for name in ctx.prisons:
            for m in re.finditer(rf"\b{re.escape(name)}\b", sentence):
                if not _overlaps(m.start(), m.end(), [(s, e) for s, e, _ in spans]):
                    spans.append((m.start(), m.end(), name))
    spans.sort()
    dateline = _DATELINE.match(sentence)
    for start, end, name in spans:
        if (
            _overlaps(start, end, blocked)
            or name.lower() in _COUNTRY_NAMES
            or name.lower() in _NOT_PLACES
        ):
            continue
        if _PERSON_BEFORE.search(sentence[max(0, start - 40) : start]) or _PERSON_AFTER.match(
            sentence[end : end + 30]
        ):
            continue  # "Lt. Gen. Qassim al-Moussawi": a person named like a place
        before = sentence[max(0, start - 80) : start]
        after = sentence[end : end + 40]
        feature = (
            "governorate"
            if (_PROVINCE_AFTER.match(after) or _PROVINCE_BEFORE.search(before))
            else None
        )
        place = _resolve(ctx, name, feature)
        if place is None or place.country not in ("IQ", "SY") or place.feature == "country":
            continue
        if place.feature == "site" and _PRISON_WORDS.search(name):
            # later "Abu Ghraib" alone in a sentence about prisoners means the prison
            ctx.prisons[_PRISON_WORDS.sub("", name).strip()] = place
        if place.name.lower() in _COUNTRY_NAMES:
            continue
        if _stray_namesake(ctx, name, place):
            continue
        place = _closer_namesake(ctx, name, feature, place)
        precision = int(getattr(place, "geo_precision", 1) or 1)
        if place.feature in ("governorate", "region"):
            precision = 3
        loc_start, loc_end = start, end
        near = _NEAR_BEFORE.search(before)
        site = _SITE_AFTER.match(after)
        if precision < 3 and near:
            precision = 2
            loc_start = start - (len(before) - near.start())
        if site and precision < 3:
            word = site.group(0).lower()
            if not any(w in word for w in ("province", "governorate")):
                precision = 2
                loc_end = end + site.end()
                # "the Abu Ghraib prison", "Shayrat air base": a site the gazetteer knows by name
                kind_word = re.sub(r"^(?:'s|’s)?\s*", "", word)
                named_site = _resolve(ctx, f"{name} {kind_word}", "site")
                if named_site is not None and named_site.feature == "site":
                    place, precision = named_site, 1
                    if _PRISON_WORDS.search(word):
                        ctx.prisons[name] = named_site
        elif name in ctx.prisons and _PRISON_WORDS.search(sentence):
            # "prisoners broke out of Abu Ghraib" in a report about its prison
            place = ctx.prisons[name]
        province = _PROVINCE_AFTER.match(after)
        if precision == 3 and province:
            loc_end = end + province.end()
        reference = bool(_REFERENCE_BEFORE.search(before)) or bool(
            dateline and end <= dateline.end()
        )
        out.append(
            _PlaceMention(
                loc_start,
                loc_end,
                sentence[loc_start:loc_end],
                place,
                precision,
                reference=reference,
            )
        )
    for p in out:
        name_at = sentence.find(str(p.place.query), p.start)
        name_at = name_at if name_at >= 0 else p.start
        window = sentence[max(0, name_at - 60) : name_at]
        m = _APPOSITIVE_DIRECTION.search(window)
        if m is not None:
            comma = name_at - (len(window) - m.start())
            # only after a named place; "near the bridge, south of Kirkuk" locates the event
            if any(0 <= comma - q.end <= 1 for q in out if q is not p):
                p.reference = True
    named = list(out)
    taken = [(p.start, p.end) for p in out] + blocked
    for m in _ANAPHOR.finditer(sentence):
        if _overlaps(m.start(), m.end(), taken):
            continue
        kind = (m.group("kind") or "").lower()
        after = sentence[m.end() : m.end() + 60]
        before = sentence[max(0, m.start() - 80) : m.start()]
        reference = bool(_REFERENCE_BEFORE.search(before)) or (
            m.group(0).lower() == "there"
            and bool(
                re.search(
                    r"\b(?:officials?|police|sources?|witnesses|residents|commanders?|people)\s+$",
                    before,
                    re.I,
                )
            )
        )
        # "the airport in the key city of Tal Afar": the named place is meant, as a site.
        follower = next(
            (
                p
                for p in named
                if 0 <= p.start - m.end() <= 45
                and re.fullmatch(
                    r"\s+(?:in|at|near|of|outside|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}",
                    sentence[m.end() : p.start],
                    re.I,
                )
            ),
            None,
        )
        if follower is not None:
            if kind in _SUBSITE_KINDS and follower.geo_precision < 3:
                follower.geo_precision = 2
                follower.start = m.start()
                follower.location = sentence[m.start() : follower.end]
            continue
        if kind == "capital":
            capital = _CAPITALS.get(ctx.country or "")
            place = _resolve(ctx, capital, None) if capital else None
            if place is not None:
                out.append(
                    _PlaceMention(
                        m.start(), m.end(), m.group(0), place, 1, reference=reference, anaphor=True
                    )
                )
            continue
        if kind == "province":
            # "the province": the governorate of the place last talked about.
            last = ctx.last_place
            if last is None or ctx.sentence_index - ctx.last_place_sentence > 2 * CONTEXT_SENTENCES:
                continue
            province = (
                last.place
                if last.place.feature == "governorate"
                else _resolve(ctx, last.place.admin1, "governorate")
                if last.place.admin1
                else None
            )
            if province is not None:
                out.append(
                    _PlaceMention(
                        m.start(),
                        m.end(),
                        m.group(0),
                        province,
                        3,
                        reference=reference,
                        anaphor=True,
                    )
                )
            continue
        # The antecedent: the latest place named earlier in this sentence, else in the report.
        earlier = [
            p
            for p in named
            if p.end <= m.start()
            and not p.reference
            and (kind not in _CITY_KINDS or p.place.feature not in ("governorate", "region"))
        ]
        if earlier:
            antecedent: _PlaceMention | None = earlier[-1]
        else:
            antecedent = ctx.last_city if kind in _CITY_KINDS else ctx.last_place
            # "the city" can reach back a few paragraphs; "the area" or "there" only a
            # sentence or two.
            reach = 2 * CONTEXT_SENTENCES if kind in _CITY_KINDS else CONTEXT_SENTENCES
            if ctx.sentence_index - ctx.last_place_sentence > reach:
                antecedent = None
        if antecedent is None:
            continue
        precision = 1 if antecedent.geo_precision < 3 else 3
        if kind in _SUBSITE_KINDS or m.group(0).endswith(("'s", "’s")) or _SITE_AFTER.match(after):
            precision = max(2, precision)
        site_place = antecedent.place
        if kind in _NAMED_SITE_KINDS and antecedent.place.feature != "site":
            # "took Tabqa and the nearby dam": the gazetteer may know "Tabqa dam" as a site
            named_site = _resolve(ctx, f"{antecedent.place.name} {kind}", "site")
            if named_site is not None and named_site.feature == "site":
                site_place, precision = named_site, 1
        loc_start = m.start()
        near = _NEAR_BEFORE.search(before)
        if near and precision < 3:
            precision = 2
            loc_start = m.start() - (len(before) - near.start())  # "outside of the city"
        out.append(
            _PlaceMention(
                loc_start,
                m.end(),
                sentence[loc_start : m.end()],
                site_place,
                precision,
                reference=reference,
                anaphor=True,
            )
        )
    out.sort(key=lambda p: p.start)
    return _one_place_per_part(sentence, out)


def _km(a: Any, b: Any) -> float:
    lat = math.radians((float(a.lat) + float(b.lat)) / 2)
    return 111.0 * math.hypot(
        float(a.lat) - float(b.lat), (float(a.lon) - float(b.lon)) * math.cos(lat)
    )


def _one_place_per_part(sentence: str, found: list[_PlaceMention]) -> list[_PlaceMention]:
    """Keep one mention of "the Barzeh district of Damascus".

    The part is kept when the gazetteer puts it inside the whole, else the
    whole (a namesake of the part elsewhere is no help).
    """
    drop: set[int] = set()
    for a, b in zip(found, found[1:], strict=False):
        if a.anaphor or b.anaphor or a.place.feature in ("governorate", "region"):
            continue
        glue_ok = b.start < a.end or re.fullmatch(
            r"\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?", sentence[a.end : b.start]
        )
        if not glue_ok or not re.search(
            r"\b(?:district|neighbou?rhood|quarter|suburb)s?$", a.location, re.I
        ):
            continue
        drop.add(id(b) if _km(a.place, b.place) <= PART_KM else id(a))
    return [p for p in found if id(p) not in drop]


def _clause_bounds(sentence: str, pos: int) -> tuple[int, int]:
    start, end = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= pos:
            start = m.start()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _is_negated(sentence: str, trig: TriggerMatch) -> bool:
    before = sentence[max(0, trig.start - 60) : trig.start]
    if trig.event_type == "threat":
        return bool(re.search(r"\b(?:not|never|no)\s+(?:\w+\s+)?$", before, re.I))
    if trig.event_type == "attack_on_civilians" and (
        (trig.text.lower() == "executed" and re.search(r"\b(?:the|of|an?|late)\s+$", before, re.I))
        or re.search(r"\bas\s+an?\s+(?:[\w-]+\s+)?$", before, re.I)
    ):
        # "the executed former leader": an adjective; "described the raid as a massacre": a word
        return True
    if (
        trig.event_type == "capture"
        and re.match(r"(?:the\s+|its\s+|their\s+)?capture$", trig.text, re.I)
        and re.search(r"\b(?:its|their|the)\s+$", before, re.I)
    ):
        return True  # "Its capture means ...": refers back to a seizure told before
    if (
        trig.event_type in ("displacement",)
        and re.match(r"displaced|refugees", trig.text, re.I)
        and re.search(
            r"\b(?:internally|for|of|the|to|among|with|host(?:s|ed|ing)?|housing|million|many|"
            r"targeting|sheltering)\s+$",
            before,
            re.I,
        )
    ):
        return True  # "shelters for the displaced", "internally displaced people": a population
    if (
        trig.event_type == "displacement"
        and trig.text.lower() == "displaced"
        and re.match(
            r"\s+(?:families|people|persons|civilians|Syrians|Iraqis|residents)\b",
            sentence[trig.end :],
        )
        and not re.search(r"[\d,]+\s+$|\b(?:of|newly)\s+$", before)
    ):
        return True  # "where displaced families were gathered": people, not a flight
    if trig.event_type == "capture" and (
        _SPOILS_BEFORE.search(before) or _SPOILS_AFTER.match(sentence[trig.end : trig.end + 50])
    ):
        return True  # "arms seized in Iraq", "seizing weapons caches": not territory
    if (
        re.match(
            r"(?:air|strikes|airstrikes|shelling|clash|fighting|battle|bombardment|attack)",
            trig.text,
            re.I,
        )
        and re.search(r"\bto\s+[a-z]+\s+(?:the\s+|any\s+|more\s+|further\s+|new\s+)?$", before)
        and not _ALLOWED_TO.search(re.sub(r"[a-z]+\s+(?:\w+\s+)?$", "", before))
    ):
        return True  # "to hamper air strikes", "to join the fighting": an aim, not an event
    if trig.event_type == "troop_position" and (
        (
            re.match(r"(?:besieged|encircled|surrounded|surrounding|trapped)$", trig.text, re.I)
            and re.search(r"\b(?:the|a|an|two|three|its|their|of|in|from)\s+$", before, re.I)
        )
        or _CIVIL_DEPLOYMENT.match(sentence, trig.end)
    ):
        return True  # "the besieged towns", "deployment of UN observers": no troop movement
    if trig.event_type in ("airstrike", "shelling") and _SUPPORT_BEFORE.search(before):
        return True
    if _RETALIATION_BEFORE.search(before):
        return True
    if (
        trig.event_type == "killing"
        and re.search(r"attacks?$", trig.text, re.I)
        and re.search(
            r"\b(?:accus\w*\s+\w+\s+of|victims\s+of|blam\w*\s+\w+\s+for|condemn\w*|"
            r"responsibility\s+for|investigat\w*|deni\w*|since)\s+(?:the\s+|that\s+|this\s+|a\s+|an\s+)?"
            r"(?:[\w-]+\s+){0,2}$",
            before,
            re.I,
        )
    ):
        return True  # "accused Damascus of that gas attack": an attack told before
    if re.fullmatch(r"(?:mortars?|artillery|rockets?|missiles?)", trig.text, re.I) and (
        re.match(
            r"\s+(?:[\w-]+\s+){0,3}?(?:were|was|had\s+been|have\s+been)\s+(?:destroyed|seized|"
            r"captured|confiscated|found|dismantled)",
            sentence[trig.end : trig.end + 60],
            re.I,
        )
        or re.search(
            r"\b(?:destroy|seiz|captur|confiscat|dismantl|found)\w*\s+(?:[\w-]+\s+){0,4}$", before
        )
    ):
        return True  # "a mortar and three vehicles were destroyed": hardware, not fire
    if re.search(
        r"\b(?:prevent|stop|bar|block|ban|forbid|keep)\w*\s+(?:[\w-]+\s+){0,3}from\s+$",
        before,
        re.I,
    ):
        return True  # "preventing civilians from leaving": it did not happen
    if trig.event_type == "abduction" and re.search(
        r"\b(?:to|would|could|will|might)\s+use\s+(?:them|civilians|people|residents|families)\s+as\s+$",
        before,
        re.I,
    ):
        return True  # "in order to use them as human shields": an accusation of intent
    if re.search(r"\barmed\s+with\s+(?:[\w-]+,?\s+(?:and\s+)?){0,5}$", before, re.I):
        return True  # "militants armed with car bombs and mortars": their weapons, no event
    if (
        trig.event_type == "displacement"
        and trig.text.lower() == "displaced"
        and re.search(
            r"\b(?:families|people|residents|civilians|Iraqis|Syrians|those|women)\s+$",
            before,
            re.I,
        )
        and _WITNESS_AFTER.match(sentence[trig.end : trig.end + 120])
    ):
        return True
    if (
        trig.event_type == "bombing"
        and re.match(r"(?:improvised\s+)?explosive\s+devices?|IEDs?", trig.text, re.I)
        and _ORDNANCE_BEFORE.search(before)
    ):
        return True
    if trig.event_type == "troop_position" and re.search(
        r"\b(?:any|a\s+future|future|possible|potential|planned|upcoming|eventual|expected|"
        r"long-awaited|anticipated)\s+(?:[\w-]+\s+)?$",
        before,
        re.I,
    ):
        return True  # "any operation to retake Raqqa": not one that is happening
    if FORECAST_BEFORE.search(before):
        return True
    if trig.event_type == "bombing" and re.search(
        r"\b(?:dismantl|defus|disarm|remov|clear|found|discover|seiz|confiscat)\w*\s+(?:[\w-]+\s+){0,3}$",
        before,
        re.I,
    ):
        return True  # "engineers are dismantling explosive devices": none went off
    m = NEGATIVE_BEFORE.search(before)
    if not m:
        return False
    if re.match(r"\s*to\b", m.group(0), re.I) and (
        _ALLOWED_TO.search(before[: m.start()] + "to ")
        or re.search(r"\bto\s+(?:have|be|have\s+been)\s+$", before, re.I)
    ):
        return False  # "went on to capture", "appeared to have fallen": it happened
    return True


def _background(sentence: str, trig: TriggerMatch) -> bool:
    """Tell whether the trigger is in the narrative past perfect ("had already taken").

    Reported speech ("they said they had taken") is not background: it is the
    news of the report.
    """
    before = sentence[max(0, trig.start - 40) : trig.start]
    if not re.search(
        r"\bhad\s+(?:\w+ly\s+|also\s+|already\s+|been\s+)*(?:[a-z]+\s+to\s+)?$", before
    ):
        return False
    return not re.search(
        r"\b(?:said|says|say|told|reported|claimed|announced|added|according)\b", sentence
    )


def _is_back_reference(sentence: str, trig: TriggerMatch) -> bool:
    noun = re.fullmatch(
        r"(?:clash(?:es)?|fighting|battles?|exodus|refugees|offensive|"
        r"(?:air\s*-?\s*)?strikes?|airstrikes?|air\s+raids?|shelling|bombardment|"
        r"artillery(?:\s+fire)?|mortars?(?:\s+fire)?|sieges?)",
        trig.text,
        re.I,
    )
    if not noun:
        return False
    before = sentence[max(0, trig.start - 50) : trig.start]
    if BACK_REFERENCE_BEFORE.search(before) and not re.search(
        r"\bfollowing\s+\w+\s+$", before, re.I
    ):
        return True
    # "displaced from Raqqa by the fighting": the fighting is a cause told as such
    if re.search(
        r"\b(?:displaced|forced\s+out|driven\s+out|uprooted)\b[^.]{0,60}\bby\s+(?:the\s+|heavy\s+|"
        r"fierce\s+)?$",
        sentence[max(0, trig.start - 90) : trig.start],
        re.I,
    ):
        return True
    # "after days of fighting": the background of what is told; "after two days of street
    # battles" counts the days of a fight of its own
    if re.search(r"\b(?:days|weeks)\s+of\s+(?:[\w-]+\s+){0,2}$", before, re.I) and not re.search(
        r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days|weeks)\s+of\s+(?:[\w-]+\s+){0,2}$",
        before,
        re.I,
    ):
        return True
    # "The clashes come on the heels of ...": refers to clashes told before.
    if re.search(
        r"(?:^|\b)(?:the|these|this|those)\s+$", before, re.I
    ) and BACK_REFERENCE_AFTER.match(sentence[trig.end : trig.end + 20]):
        return True
    return False


def _nearest_actor(
    mentions: list[_actors.ActorMention],
    pos: int,
    lo: int,
    hi: int,
    *,
    before: bool,
    armed_only: bool,
) -> _actors.ActorMention | None:
    pool = [
        m
        for m in mentions
        if lo <= m.start < hi
        and (m.start < pos if before else m.start >= pos)
        and (not armed_only or m.actor in _actors.ARMED)
    ]
    if not pool:
        return None
    return pool[-1] if before else pool[0]


def _participle_follower(
    sentence: str, trig: TriggerMatch, mentions: list[_actors.ActorMention]
) -> _actors.ActorMention | None:
    """Return the force right after "fleeing" when the participle describes it.

    "The fleeing militants": the militants fled.

    After a preposition or an auxiliary the force is the object: "after fleeing IS militants".
    """
    if re.search(
        r"\b(?:after|before|while|when|since|by|from|of|on|upon|without|were|was|are|is|been)\s+$",
        sentence[max(0, trig.start - 12) : trig.start],
        re.I,
    ):
        return None
    return next((m for m in mentions if 0 <= m.start - trig.end <= 1), None)


def _pick_actor(
    sentence: str,
    trig: TriggerMatch,
    etype: str,
    mentions: list[_actors.ActorMention],
    clause: tuple[int, int],
    ctx: _Context,
    country: str | None,
) -> tuple[str | None, str | None]:
    lo, hi = clause
    armed = etype not in ("displacement",)
    first = None
    follower = _participle_follower(sentence, trig, mentions)
    sent_force = next(
        (m for m in mentions if trig.start < m.start < trig.end and m.actor in _actors.ARMED),
        None,
    )
    if trig.event_type == "flight" and follower is not None and follower.actor in _actors.ARMED:
        first = follower  # "the fleeing militants"
    elif etype == "troop_position" and sent_force is not None:
        first = sent_force  # "they sent fresh Peshmerga units to Rabia": the units deploy
    elif trig.agent == "inside":
        first = next(
            (m for m in mentions if trig.start <= m.start < trig.end and m.actor in _actors.ARMED),
            None,
        )
        first = first or _nearest_actor(
            mentions, trig.start, lo, trig.start, before=True, armed_only=armed
        )
    elif trig.agent == "after":
        first = _nearest_actor(mentions, trig.end, trig.end, hi, before=False, armed_only=armed)
        first = first or _nearest_actor(
            mentions, trig.start, lo, trig.start, before=True, armed_only=armed
        )
    else:
        first = _nearest_actor(mentions, trig.start, lo, trig.start, before=True, armed_only=armed)
        if first is None:
            first = _nearest_actor(
                mentions, trig.start, 0, trig.start, before=True, armed_only=armed
            )
    allies: set[int] = set()
    owns_noun = not sentence[first.end : trig.start].strip() if first is not None else False
    if owns_noun and not re.match(
        r"air|strike|shell|artiller|mortar|rocket|bombard|raid|drone|barrel", trig.text, re.I
    ):
        owns_noun = False  # only "Russian air strikes": an adjective owning its noun
    if first is not None and trig.agent == "before" and not owns_noun:
        # "Iraqi forces and Shiite militias broke ...", "troops backed by Russia":
        # the first-named force leads.
        i = mentions.index(first)
        allies.add(id(first))
        while (
            i > 0
            and mentions[i - 1].actor in _actors.ARMED
            and _COALITION_GLUE.fullmatch(sentence[mentions[i - 1].end : mentions[i].start])
        ):
            i -= 1
            allies.add(id(mentions[i]))
        first = mentions[i]
    # The partners of a coalition ("backed by Russia") follow the lead force, not oppose it.
    j = mentions.index(first) if first is not None else -1
    while 0 <= j < len(mentions) - 1 and _COALITION_GLUE.fullmatch(
        sentence[mentions[j].end : mentions[j + 1].start]
    ):
        j += 1
        allies.add(id(mentions[j]))
    second = None
    agent_after = re.match(r"\s+(?:carried\s+out\s+|launched\s+)?by\s+", sentence[trig.end :])
    if (
        agent_after
        and etype not in ("displacement",)
        and (first is None or re.search(r"ed$", trig.text, re.I))
    ):
        # "bombing raids by the US-led coalition", "officers executed by the jihadists": the
        # agent follows "by"
        first = (
            _nearest_actor(
                mentions, trig.end, trig.end, min(hi, trig.end + 60), before=False, armed_only=True
            )
            or first
        )
    if first is None and etype == "clash":
        # "Clashes broke out between the YPG and ISIS": the sides follow the trigger.
        after = [m for m in mentions if trig.end <= m.start < hi and m.actor in _actors.ARMED]
        if after:
            first = after[0]
            second = after[1] if len(after) > 1 else None
    actor1: str | None
    if etype == "displacement":
        actor1 = "Civilians"
    elif first is not None:
        actor1 = _actors.canonical_actor(first.actor, country=country, isis_named=ctx.isis_named)
    elif ctx.last_actor and _PRONOUN_SUBJECT.search(
        sentence[lo : trig.start] or sentence[: trig.start]
    ):
        actor1 = ctx.last_actor
    else:
        actor1 = None
    if etype in ("abduction", "attack_on_civilians"):
        actor2: str | None = "Civilians"
    elif second is not None:
        actor2 = _actors.canonical_actor(second.actor, country=country, isis_named=ctx.isis_named)
    else:
        actor2 = None
        for m in mentions:
            name = _actors.canonical_actor(m.actor, country=country, isis_named=ctx.isis_named)
            if (
                name
                and name != actor1
                and m.actor in _actors.ARMED
                and m is not first
                and id(m) not in allies
            ):
                actor2 = name
                break
        if actor2 is None and actor1 and etype not in ("displacement",):
            actor2 = _actors.OPPONENTS.get((actor1, country or ""))
    return actor1, actor2


def _origins(sentence: str, places: list[_PlaceMention]) -> list[_PlaceMention]:
    """Return the places that are not destinations ("towards Erbil and Sulaimaniya")."""
    origins: list[_PlaceMention] = []
    previous_destination = None
    for p in places:
        destination = bool(
            p.start >= 0 and _DESTINATION_BEFORE.search(sentence[max(0, p.start - 30) : p.start])
        ) or (
            previous_destination is not None
            and _LIST_GLUE.match(sentence[previous_destination.end : p.start]) is not None
        )
        previous_destination = p if destination else None
        if not destination:
            origins.append(p)
    return origins


def _pick_places(
    sentence: str,
    trig: TriggerMatch,
    places: list[_PlaceMention],
    clause: tuple[int, int],
    etype: str = "",
) -> list[_PlaceMention]:
    lo, hi = clause
    event_places = [p for p in places if not p.reference]
    if etype in ("withdrawal", "displacement", "abduction"):
        # Forces withdraw from a place and people flee it: "retreated towards Sukhnah" names
        # where they went. Displacement falls back on the destination when no origin is told.
        origins = _origins(sentence, event_places)
        if origins or etype in ("withdrawal", "abduction"):
            event_places = origins
    if not event_places:
        return []
    after = [p for p in event_places if p.start >= trig.end and p.start < hi]
    before = [p for p in event_places if p.end <= trig.start and p.start >= lo]
    inside = [p for p in event_places if p.start < trig.end and p.end > trig.start]
    chosen: _PlaceMention | None = None
    if trig.place == "after":
        chosen = after[0] if after else (before[-1] if before else None)
    elif trig.place == "before":
        chosen = before[-1] if before else (after[0] if after else None)
    else:
        cands = after[:1] + before[-1:]
        if cands:
            chosen = min(
                cands,
                key=lambda p: p.start - trig.end
                if p.start >= trig.end
                else (trig.start - p.end) * 1.3,
            )
    if chosen is None and inside:
        chosen = inside[0]
    if chosen is None:
        # Outside the clause: nearest place in the whole sentence.
        chosen = min(event_places, key=lambda p: abs(p.start - trig.start))
    if chosen.place.feature in ("governorate", "region"):
        # "In Diyala province, gunmen abducted workers near Baquba": the town inside the
        # province named in the same clause is where it happened.
        inner = [
            p
            for p in event_places
            if p.place.feature not in ("governorate", "region")
            and p.place.admin1 == chosen.place.admin1
            and lo <= p.start < hi
        ]
        if inner:
            chosen = min(inner, key=lambda p: abs(p.start - trig.start))
    result = [chosen]
    # Lists: "seized Falluja and parts of Ramadi" -> one event per place.
    idx = event_places.index(chosen)
    current = chosen
    for nxt in event_places[idx + 1 :]:
        glue = sentence[current.end : nxt.start]
        if not _LIST_GLUE.match(glue):
            break
        result.append(nxt)
        current = nxt
    return result


def _pick_date(
    sentence: str,
    trig: TriggerMatch,
    dates: list[DateMention],
    clause: tuple[int, int],
    triggers: list[TriggerMatch],
) -> DateMention | None:
    lo, hi = clause
    in_clause = [d for d in dates if d.start >= lo and d.end <= hi]
    if in_clause:
        # Time adverbials usually follow their verb: a date before the trigger counts as farther.
        return min(
            in_clause,
            key=lambda d: d.start - trig.end
            if d.start >= trig.end
            else 1.5 * (trig.start - d.end) + 5,
        )
    # A fronted date ("On Monday, X seized ... and Y withdrew") covers the whole sentence.
    fronted = [d for d in dates if d.start <= 3 and re.match(r"\s*,", sentence[d.end : d.end + 3])]
    if fronted:
        return fronted[0]
    # A date in another clause is ours only when no other trigger sits in that clause.
    # A date in a relative clause (", which they captured two weeks ago") belongs to it alone;
    # one in the main clause ("captured X on Sunday, after troops fled") dates the sentence.
    free = []
    for d in dates:
        c_lo, c_hi = _clause_bounds(sentence, d.start)
        relative = _RELATIVE_CLAUSE.match(sentence, c_lo)
        if relative and any(trig.end <= t.start < c_lo for t in triggers if t is not trig):
            continue  # ", which began on 17 October" tells of the nearer noun before it
        if not any(c_lo <= t.start < c_hi for t in triggers if t is not trig) or not relative:
            free.append(d)
    if free:
        return min(free, key=lambda d: (_PRECISION_RANK[d.precision], abs(d.start - trig.start)))
    return None


def _magnitude(
    sentence: str, trig: TriggerMatch, etype: str, figures: list[Figure], clause: tuple[int, int]
) -> tuple[float | None, str | None, str | None]:
    lo, hi = clause
    best: tuple[float, Figure, str] | None = None
    for f in figures:
        if f.population:
            continue
        after = sentence[f.end : f.end + 60]
        before = sentence[max(0, f.start - 40) : f.start]
        unit: str | None = None
        if _KILLED_BEFORE.search(before) or (
            etype not in ("displacement", "abduction", "prison_break")
            and _KILLED_AFTER.match(after)
        ):
            unit = "killed"
        elif _WOUNDED_BEFORE.search(before):
            unit = "wounded"
        elif etype == "attack_on_civilians" and _PEOPLE_AFTER.match(after) and f.start > trig.start:
            unit = "killed"  # "executed 15 civilians"
        elif etype in _UNIT_BY_TYPE and (
            _PEOPLE_AFTER.match(after) or _FAMILIES_AFTER.match(after)
        ):
            unit = _UNIT_BY_TYPE[etype]
        elif etype == "abduction" and re.match(r"^\s*(?:taken\s+|held\s+)?hostages?", after, re.I):
            unit = "hostages"
        if unit is None:
            continue
        if unit in ("killed", "wounded") and etype in (
            "displacement",
            "prison_break",
            "abduction",
            "troop_position",
        ):
            continue
        if unit == "troops" and (f.start > trig.start) != (trig.agent == "after"):
            continue  # the troops are the agent: before an active verb, after "surrounded by"
        if unit == "troops" and not re.match(
            r"^\s*(?:\w+\s+){0,2}?(?:troops|soldiers|fighters|militants|militiamen|policemen|"
            r"personnel|members|gunmen)\b",
            after,
            re.I,
        ):
            continue
        if not lo <= f.start < hi and abs(f.start - trig.start) > 80:
            continue  # a toll in another clause, far away, belongs to something else
        distance = abs(f.start - trig.start) + (0 if lo <= f.start < hi else 200)
        if unit == "wounded":
            distance += 100  # a death toll is the figure an analyst keeps
        if best is None or distance < best[0]:
            best = (distance, f, unit)
    if best is None:
        return None, None, None
    _, fig, unit = best
    if _FAMILIES_AFTER.match(sentence[fig.end : fig.end + 30]):
        return None, unit, "count of families, not people: magnitude left null"
    return fig.value, unit if fig.value is not None else None, fig.note


# Asked once per trigger, so several times for one sentence; _CLAIM is a long regex.
@lru_cache(maxsize=1024)
def _certainty(sentence: str) -> str:
    return "claimed" if _CLAIM.search(sentence) else "reported"


@dataclass(slots=True)
class _Candidate:
    etype: str
    place: _PlaceMention
    actor1: str | None
    actor2: str | None
    date: date
    precision: str
    explicit_date: bool
    magnitude: float | None
    unit: str | None
    certainty: str
    sentence: _Sentence
    notes: list[str]
    sentence_published: date


def _resolve_type(
    sentence: str,
    trig: TriggerMatch,
    mentions: list[_actors.ActorMention],
    figures: list[Figure],
    clause: tuple[int, int],
) -> str | None:
    lo, _ = clause
    if trig.event_type == "arrival":
        # "10,000 people arrived at the camp" vs "reinforcements arrived in the town"
        kind = _resolve_type(
            sentence, replace(trig, event_type="flight"), mentions, figures, clause
        )
        if kind == "withdrawal":
            return "troop_position"
        subject = sentence[lo : trig.start]
        if not re.search(
            r"\b(?:people|persons|individuals|families|civilians|residents|refugees|displaced|"
            r"villagers|inhabitants|children|women|Iraqis|Syrians|Yazidis|Christians)\b",
            subject,
            re.I,
        ) or re.search(
            r"\b(?:bodies|injured|wounded|casualties|patients|martyrs|aid|supplies|delegation|"
            r"envoys?|officials|ministers?|journalists|inspectors)\b",
            subject,
            re.I,
        ):
            return None  # "the bodies and injured arrived in hospital": nobody displaced
        return kind
    if trig.event_type == "flight":
        follower = _participle_follower(sentence, trig, mentions)
        # "the fleeing terrorists": the participle describes the force after it
        subject = follower or _nearest_actor(
            mentions, trig.start, lo, trig.start, before=True, armed_only=False
        )
        pronoun = re.search(
            r"\b(?:they|the\s+rest|others|remnants)\s+$",
            sentence[max(0, trig.start - 15) : trig.start],
            re.I,
        )
        if subject is None or (subject.actor == "Civilians" and pronoun):
            # "... were killed before others fled", "kidnapped civilians before they fled":
            # the subject is the force named earlier
            subject = _nearest_actor(
                mentions,
                trig.start,
                max(0, trig.start - 80),
                trig.start,
                before=True,
                armed_only=bool(pronoun),
            )
        if (
            subject is not None
            and subject.actor in _actors.ARMED
            and subject.actor not in ("Unidentified armed group",)
        ):
            return "withdrawal"
        before = sentence[lo : trig.start]
        if re.search(
            r"\b(?:commanders|officers|soldiers|troops|policemen|forces|army|police)\b[^,]*$",
            before,
            re.I,
        ):
            return "withdrawal"
        return "displacement"
    if trig.event_type == "killing":
        return "attack_on_civilians"
    if trig.event_type == "toll":
        return "clash"
    if trig.event_type == "capture":
        if (
            re.fullmatch(r"seized|captured|taken|overrun", trig.text, re.I)
            and re.match(
                r"\s+(?:in|near|at|by|from|during|after|on|outside|around|since|last|earlier)\b",
                sentence[trig.end : trig.end + 12],
                re.I,
            )
            and re.search(
                r"\b(?:soldiers|troops|fighters|militants|people|civilians|men|hostages|prisoners|members|"
                r"policemen|officers|recruits)\s+$",
                sentence[max(0, trig.start - 30) : trig.start],
                re.I,
            )
        ):
            return None  # "soldiers captured near Tikrit": people taken, told elsewhere
        after = sentence[trig.end : trig.end + 80]
        if _PEOPLE_OBJECT.match(after):
            return "abduction"
        if _FIGHTERS_OBJECT.search(sentence[max(0, trig.start - 60) : trig.start]) or re.match(
            r"\s*(?:(?:several|dozens\s+of|scores\s+of|hundreds\s+of|some|many|two|three|four|five|"
            r"\d+)\s+)?(?:[\w-]+\s+)?(?:insurgents|militants|fighters|soldiers|jihadists|terrorists|"
            r"gunmen|commanders|officers|rebels|members)\b",
            after,
            re.I,
        ):
            return None  # captured fighters: prisoners of war, not territory
        return "seizure"
    if trig.event_type == "seizure" and re.match(
        r"(?:dr|push|forc|expel|oust|kick|chas|flush)\w*\s+(?:[\w'()-]+\s+){0,6}?(?:residents|civilians|"
        r"families|people|villagers|inhabitants|Yazidis|Christians|Kurds|Arabs|Turkmens?)\b",
        trig.text,
        re.I,
    ):
        return "displacement"  # "forced 30,000 residents out of their homes in X"
    if trig.event_type == "seizure" and not re.search(r"\bcontrol\b", trig.text, re.I):
        subject = re.search(
            r"^(?:\W*\w+){0,4}?\s*\b(?:citizens|nationals|Turks|hostages|people|workers|"
            r"drivers|diplomats|staff|civilians|journalists)\b",
            sentence[: trig.start],
            re.I,
        )
        if subject:
            return "abduction"  # "a group of 31 Turks ... was seized by militants"
    return trig.event_type


def _context_date(dates: list[DateMention]) -> DateMention:
    """Return the date a sentence is about, for the next ones: its most exact (last of equals)."""
    best = min(_PRECISION_RANK[d.precision] for d in dates)
    return [d for d in dates if _PRECISION_RANK[d.precision] == best][-1]


def _catch_up_dates(ctx: _Context, sent: _Sentence) -> None:
    """Read the dates of the recent event-less sentences that can give ``sent`` its date."""
    for prev in reversed(ctx.pending):
        if not (sent.index - prev.index <= 2 or prev.paragraph == sent.paragraph):
            break
        if prev.index <= ctx.last_date_sentence:
            break
        found = find_dates(
            prev.text, ctx.published, anchor=ctx.last_date.date if ctx.last_date else None
        )
        if found:
            ctx.last_date = _context_date(found)
            ctx.last_date_sentence = prev.index
            ctx.last_date_paragraph = prev.paragraph
            break
    ctx.pending.clear()


def _catch_up_context(ctx: _Context, sent: _Sentence) -> None:
    """Read the places and actors of the event-less sentences before ``sent``.

    They are read only when a sentence with an event needs them as context
    ("the city", "they", a sentence that names no place), which spares the
    gazetteer scan of most sentences of long reports.
    """
    for prev in ctx.pending:
        ctx.sentence_index = prev.index
        mentions = _actors.find_actors(prev.text)
        blocked = [(m.start, m.end) for m in mentions if m.actor != "Civilians"]
        places = _find_places(prev.text, ctx, blocked, slots=False)
        _update_context(ctx, prev, places, mentions, None, None)
    _catch_up_dates(ctx, sent)
    ctx.sentence_index = sent.index


def _sentence_events(sent: _Sentence, ctx: _Context, out: list[_Candidate]) -> None:
    text = sent.text
    triggers = [] if sent.headline or NON_EVENT_SENTENCE.search(text) else find_triggers(text)
    if not triggers:
        # Sentences without events matter only as context: read them when needed.
        ctx.pending.append(sent)
        del ctx.pending[:-CONTEXT_BACKLOG]
        return
    _catch_up_context(ctx, sent)
    mentions = _actors.find_actors(text)
    # Actor names such as "Islamic State of Iraq and Syria" hold place names: mask them.
    blocked = [(m.start, m.end) for m in mentions if m.actor not in ("Civilians",)]
    places = _find_places(text, ctx, blocked)
    dates = find_dates(text, ctx.published, anchor=ctx.last_date.date if ctx.last_date else None)
    figures = find_figures(text)
    country = None
    produced_actor = None
    previous_actor: str | None = None
    previous_end = -1
    violent = {t.event_type for t in triggers} & {"bombing", "airstrike", "shelling", "clash"}
    for trig in triggers:
        if trig.event_type == "toll" and (violent or "killing" in {t.event_type for t in triggers}):
            continue  # the dead of a bombing/strike told in the same sentence
        if (
            trig.event_type == "killing"
            and violent
            and not (
                re.search(r"attacks?$", trig.text, re.I)
                and not any(
                    t.event_type in violent
                    and _clause_bounds(text, t.start) == _clause_bounds(text, trig.start)
                    for t in triggers
                )
            )
        ):
            # the deaths belong to the bombing/strike/clash told in the same sentence; a gas
            # attack in a clause of its own ("... after a sarin attack on X") is another event
            continue
        if _is_negated(text, trig) or _is_back_reference(text, trig):
            continue
        if trig.place == "control":
            # "X was in full control of the military" vs "Kurdish forces are in full control of X".
            actor_follows = any(
                0 <= m.start - trig.end <= 6 and m.actor in _actors.ARMED for m in mentions
            )
            trig = replace(
                trig,
                place="before" if actor_follows else "after",
                agent="after" if actor_follows else "before",
            )
        clause = _clause_bounds(text, trig.start)
        if _HABITUAL.search(text, clause[0], clause[1]):
            continue  # "is regularly targeted by air strikes": no point in time to code
        etype = _resolve_type(text, trig, mentions, figures, clause)
        if etype is None:
            continue
        if (
            etype == "troop_position"
            and trig.event_type != "arrival"
            and re.match(r"head|push|mov|roll|clos|enter|march|converg", trig.text, re.I)
        ):
            subject = _nearest_actor(
                mentions, trig.start, 0, trig.start, before=True, armed_only=False
            )
            if (
                subject is not None
                and subject.actor == "Civilians"
                and trig.start - subject.end < 60
            ):
                continue  # "people fled Ramadi, many of them heading to Baghdad": no troops
        if etype == "troop_position" and re.search(
            r"\b(?:said|says|announced|declared|claimed)\b[^.]*\b(?:it|they)\s+(?:was|were|is|"
            r"are)\s+(?:now\s+)?$",
            text[: trig.start],
            re.I,
        ):
            etype = "threat"  # a party announcing its own advance on a place
        quoted = text[: trig.start].count('"') % 2 == 1 or (
            text[: trig.start].count("“") > text[: trig.start].count("”")
        )
        chosen = _pick_places(text, trig, places, clause, etype)
        if chosen and etype in ("airstrike", "shelling") and chosen[-1].start > trig.start:
            # "strikes have targeted militants on Mount Sinjar and near Mosul Dam": every target
            # in the clause.
            stop = _clause_bounds(text, chosen[-1].start)[1]
            for pm in places:
                if chosen[-1].start < pm.start < stop and not pm.reference and pm not in chosen:
                    lead = re.match(r"(?:[a-z]+\s+)*", pm.location).group(
                        0
                    )  # "near " of "near Homs"
                    gap = text[chosen[-1].end : max(chosen[-1].end, pm.start)] + lead
                    if _LOCATING.fullmatch(gap):
                        continue  # "Shayrat air base near Homs": Homs only says where it is
                    chosen.append(pm)
        if not chosen:
            if etype in _TYPES_NEEDING_PLACE_IN_SENTENCE or quoted:
                continue
            if ctx.last_place is None or sent.index - ctx.last_place_sentence > FALLBACK_SENTENCES:
                continue
            if _COUNTRY_RX.search(text[clause[0] :]):
                continue  # "captured large areas of northern Iraq": a country is not a place
            if re.search(
                r"(?:^|\b)(?:the|these|this|those)\s+$",
                text[max(0, trig.start - 12) : trig.start],
                re.I,
            ) and re.fullmatch(r"clash(?:es)?|fighting|battles?", trig.text, re.I):
                continue  # "the fighting" with no place: told before
            last = ctx.last_place
            chosen = [
                _PlaceMention(
                    last.start,
                    last.end,
                    last.location,
                    last.place,
                    last.geo_precision,
                    anaphor=True,
                )
            ]
            chosen[0].start = chosen[0].end = -1  # not in this sentence
        d = _pick_date(text, trig, dates, clause, triggers)
        explicit = d is not None
        if d is None and _background(text, trig):
            continue  # "ISIS had already captured Mosul": background with no date to code it by
        if (
            d is None
            and ctx.last_date is not None
            and (
                sent.index - ctx.last_date_sentence <= 2
                or sent.paragraph == ctx.last_date_paragraph
            )
            and not _ONGOING_BEFORE.search(text[max(0, trig.start - 40) : trig.start])
        ):
            d = ctx.last_date
        if d is not None and d.historic:
            continue
        day, precision = (d.date, d.precision) if d is not None else (ctx.published, "week")
        if (
            etype == "displacement"
            and d is not None
            and (
                d.text.lower().startswith("since")
                or re.search(r"\bsince\s+$", text[max(0, d.start - 8) : d.start], re.I)
            )
        ):
            # "have fled since Friday": a count up to the report's day
            day, precision = ctx.published, "week"
        if etype == "displacement" and re.search(
            r"\b(?:currently|now|still|remain|remains|remained)\s+(?:\w+\s+)?$",
            text[max(0, trig.start - 25) : trig.start],
            re.I,
        ):
            # "72,870 people currently displaced": a count on the report's day
            day, precision = ctx.published, "week"
        if etype == "displacement" and _NATIONWIDE.search(text):
            continue  # a national total, not a place's event
        magnitude, unit, mag_note = _magnitude(text, trig, etype, figures, clause)
        certainty = _certainty(text)
        coordinated = (
            trig.agent == "before"
            and previous_actor is not None
            and re.fullmatch(
                r"[^.;]*?(?:,|\band)\s+(?:then\s+|later\s+|also\s+|went\s+on\s+to\s+)?",
                text[previous_end : trig.start],
                re.I,
            )
            is not None
            and not any(
                previous_end <= m.start < trig.start
                and m.actor in _actors.ARMED
                and not re.search(
                    r"\b(?:by|of|from|against|with|on)\s+(?:the\s+)?$",
                    text[max(0, m.start - 12) : m.start],
                    re.I,
                )
                for m in mentions
            )
        )
        for pm in chosen:
            country = pm.place.country
            actor1, actor2 = _pick_actor(text, trig, etype, mentions, clause, ctx, country)
            if coordinated and etype not in ("displacement", "abduction"):
                actor1 = previous_actor  # "X broke the siege and entered the town": same subject
            if (
                etype in ("seizure", "troop_position", "clash", "withdrawal", "threat")
                and actor1 == "Civilians"
            ):
                actor1 = None
            if etype == "seizure" and any(
                o.sentence is sent
                and o.etype == "seizure"
                and o.place.place.name == pm.place.name
                and o.date == day
                and o.actor1 not in _WEAK_ACTORS
                and actor1 not in _WEAK_ACTORS
                and o.actor1 != actor1
                and not any(o.actor1 in side and actor1 in side for side in _SAME_SIDE)
                for o in out[-8:]
            ):
                # "retook Palmyra from IS, ten months after IS overran it": the earlier seizure
                # told as background has no date of its own here
                continue
            notes = [n for n in (mag_note,) if n]
            out.append(
                _Candidate(
                    etype,
                    pm,
                    actor1,
                    actor2,
                    day,
                    precision,
                    explicit,
                    magnitude,
                    unit,
                    certainty,
                    sent,
                    notes,
                    ctx.published,
                )
            )
            if (
                actor1
                and actor1 not in ("Civilians",)
                and etype not in ("displacement",)
                and produced_actor is None
            ):
                # the main clause's force, told first, is who "it"/"the group" means next
                produced_actor = actor1
        if chosen:
            previous_actor = out[-1].actor1 if out and out[-1].actor1 != "Civilians" else None
            previous_end = trig.end
    _update_context(ctx, sent, places, mentions, produced_actor, country)
    if dates:
        ctx.last_date = _context_date(dates)
        ctx.last_date_sentence = sent.index
        ctx.last_date_paragraph = sent.paragraph


def _update_context(
    ctx: _Context,
    sent: _Sentence,
    places: list[_PlaceMention],
    mentions: list[_actors.ActorMention],
    produced_actor: str | None,
    country: str | None,
) -> None:
    """Remember the places and actors of ``sent`` for the sentences that follow."""
    text = sent.text
    # Where people or forces went ("fled towards Erbil") is not what "the city" will mean next.
    destinations = {id(p) for p in places if p not in _origins(text, places)}
    for pm in places:
        if pm.reference:
            continue
        if id(pm) in destinations:
            continue
        if not pm.anaphor or pm.start >= 0:
            ctx.last_place = pm
            ctx.last_place_sentence = sent.index
            if pm.place.feature not in ("governorate", "region"):
                ctx.last_city = pm
        point = (float(pm.place.lon), float(pm.place.lat))
        if point not in ctx.near:
            ctx.near.append(point)
        if ctx.country is None:
            ctx.country = pm.place.country
    if produced_actor:
        ctx.last_actor = produced_actor
    else:
        for m in mentions:
            if m.actor in _actors.ARMED:
                ctx.last_actor = _actors.canonical_actor(
                    m.actor, country=country or ctx.country, isis_named=ctx.isis_named
                )


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


_SITE_WORDS = re.compile(
    r"airport|air\s*base|base\b|refinery|facility|plant|complex|prison|jail|dam\b|consulate|embassy|"
    r"villages|headquarters|crossing|outside|outskirts",
    re.IGNORECASE,
)
#: Kinds of site that a report may name in several ways ("the refinery", "the vital facility").
_SITE_KIND = {
    "refinery": "installation",
    "facility": "installation",
    "plant": "installation",
    "complex": "installation",
    "jail": "prison",
    "embassy": "mission",
    "consulate": "mission",
    "air base": "base",
    "airbase": "base",
    "outside": "outskirts",
    "villages": "outskirts",
}
_WEAK_ACTORS = (None, "Unidentified armed group")
#: Names one report may use for the same force ("Kurdish fighters" and "the YPG").
_SAME_SIDE = (
    frozenset({"Kurdish fighters", "YPG", "SDF", "Peshmerga"}),
    frozenset({"PMF", "Local militia"}),
)


def _near(a: _Candidate, b: _Candidate) -> bool:
    """Tell whether two mentions' places are the same place (or within a few km of it)."""
    pa, pb = a.place.place, b.place.place
    if pa.name == pb.name:
        return True
    dlat = (float(pa.lat) - float(pb.lat)) * 111.0
    dlon = (float(pa.lon) - float(pb.lon)) * 111.0 * math.cos(math.radians(float(pa.lat)))
    return dlat * dlat + dlon * dlon <= MERGE_KM * MERGE_KM


def _window(c: _Candidate) -> tuple[date, date]:
    if c.precision == "year":
        return date(c.date.year, 1, 1), date(c.date.year, 12, 31)
    if c.precision == "month":
        nxt = date(c.date.year + c.date.month // 12, c.date.month % 12 + 1, 1)
        return c.date.replace(day=1), nxt - timedelta(days=1)
    pad = timedelta(days=7 if c.precision == "week" else 1)
    return c.date - pad, c.date + pad


def _windows_overlap(a: _Candidate, b: _Candidate) -> bool:
    (a0, a1), (b0, b1) = _window(a), _window(b)
    return a0 <= b1 and b0 <= a1


def _compatible(a: _Candidate, b: _Candidate) -> bool:
    if (
        a.actor1 not in _WEAK_ACTORS
        and b.actor1 not in _WEAK_ACTORS
        and a.actor1 != b.actor1
        and not any(a.actor1 in side and b.actor1 in side for side in _SAME_SIDE)
    ):
        return False
    if a.magnitude is not None and b.magnitude is not None and a.magnitude != b.magnitude:
        return False  # "49 held" and "31 seized": two groups, two events
    if a.explicit_date != b.explicit_date:
        # An undated mention is about the report's days; an explicit date weeks
        # before is another event.
        dated = a if a.explicit_date else b
        if (dated.sentence_published - dated.date).days > 14:
            return False
    if a.explicit_date and b.explicit_date and not _windows_overlap(a, b):
        return False
    return True


def _mark_disputed(cands: list[_Candidate]) -> None:
    """Mark claims the same report contradicts: two forces said to hold one place at one time."""
    seizures = [c for c in cands if c.etype == "seizure" and c.actor1 not in _WEAK_ACTORS]
    for a in [c for c in seizures if c.certainty == "claimed"]:
        for b in seizures:
            if (
                a is not b
                and a.sentence is not b.sentence  # one sentence does not contradict itself
                and a.place.place.name == b.place.place.name
                and a.actor1 != b.actor1
                and not any(a.actor1 in side and b.actor1 in side for side in _SAME_SIDE)
                and _windows_overlap(a, b)
            ):
                a.certainty = "disputed"
                a.notes.append(f"contradicted in the same report: {b.actor1} said to hold it")
                break


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """Keep one candidate per event told several times in the report.

    Mentions merge when they share type and place (a named site such as an
    airport stays apart from its town), have compatible actors and dates.
    The kept mention is the one with the most exact explicit date.
    """
    clusters: list[list[_Candidate]] = []
    index: dict[tuple, list[list[_Candidate]]] = {}
    for c in cands:
        site = _SITE_WORDS.search(c.place.location)
        kind = re.sub(r"\s+", " ", site.group(0).lower()) if site else None
        key = (c.etype, _SITE_KIND.get(kind, kind))
        for cluster in index.setdefault(key, []):
            # Against the first and the latest mention only: linear, also on huge inputs.
            if _near(c, cluster[0]) and _compatible(c, cluster[0]) and _compatible(c, cluster[-1]):
                cluster.append(c)
                break
        else:
            index[key].append([c])
            clusters.append(index[key][-1])
    kept: list[_Candidate] = []
    for cluster in clusters:
        # The most exact date wins; between equals the earliest, since later mentions recap.
        best = min(
            cluster,
            key=lambda c: (
                not c.explicit_date,
                _PRECISION_RANK[c.precision],
                c.date,
                c.sentence.index,
            ),
        )
        if best.magnitude is None:
            with_mag = [c for c in cluster if c.magnitude is not None]
            if with_mag:
                best.magnitude, best.unit = with_mag[0].magnitude, with_mag[0].unit
        if best.actor1 in _WEAK_ACTORS:
            best.actor1 = next(
                (c.actor1 for c in cluster if c.actor1 not in _WEAK_ACTORS), best.actor1
            )
        kept.append(best)
    kept.sort(key=lambda c: (c.sentence.index, c.place.start))
    _mark_disputed(kept)
    return kept


@lru_cache(maxsize=1)
def _warm_gazetteer() -> None:
    import geodata

    geodata.resolve("Baghdad")


def extract_events(report: Report, *, nlp: Any = None) -> list[Event]:
    r"""Find the events a report tells, each dated, geocoded and tied to its sentence.

    Parameters
    ----------
    report : Report
        A report from :func:`events.reports.read_report` / ``read_text``.
    nlp : spacy.language.Language, optional
        A pipeline with sentence boundaries (see :func:`load_nlp`); the built-in
        splitter is used when None.

    Returns
    -------
    list of Event
        In text order; ``incident_id`` equals ``id`` (the store groups incidents).
        Stops early and returns what it has when :data:`TIME_BUDGET_S` runs out.

    Examples
    --------
    >>> from events.reports import read_text
    >>> r = read_text("published: 2014-06-12\n---\nOn Tuesday ISIS seized Mosul.", name="r")
    >>> [(e.event_type, e.place, e.date) for e in extract_events(r)]  # doctest: +SKIP
    [('seizure', 'Mosul', '2014-06-10')]
    """
    _warm_gazetteer()  # loading the gazetteer is not this report's time
    deadline = time.monotonic() + TIME_BUDGET_S
    text = report.text[:MAX_TEXT_CHARS]
    try:
        published = date.fromisoformat(report.report_date)
    except (TypeError, ValueError):
        published = date.today()
    ctx = _Context(
        published=published, country=_report_country(text), isis_named=bool(_ISIS_RX.search(text))
    )
    cands: list[_Candidate] = []
    for sent in _split_sentences(text, nlp):
        if time.monotonic() > deadline or len(cands) >= MAX_CANDIDATES:
            break
        _sentence_events(sent, ctx, cands)
    events: list[Event] = []
    ordinals: dict[tuple, int] = {}
    for c in _merge(cands):
        place = c.place.place
        s = c.sentence
        key = (s.start, s.end, c.etype, place.name)
        ordinal = ordinals.get(key, 0)
        ordinals[key] = ordinal + 1
        eid = event_id(report.text, s.start, s.end, c.etype, place.name, ordinal=ordinal)
        day = c.date
        if c.precision == "month":
            day = day.replace(day=1)
        elif c.precision == "year":
            day = day.replace(month=1, day=1)
        day = min(day, published)
        events.append(
            Event(
                id=eid,
                incident_id=eid,
                report=report.name,
                source=report.source or "unknown",
                url=report.url,
                report_date=report.report_date,
                event_type=c.etype,
                actor1=c.actor1,
                actor2=c.actor2 if c.actor2 != c.actor1 else None,
                location=c.place.location,
                place=place.name,
                geonameid=place.geonameid,
                country=place.country,
                admin1=place.admin1 or "",
                admin2=place.admin2,
                lat=round(float(place.lat), 5),
                lon=round(float(place.lon), 5),
                geo_precision=c.place.geo_precision,
                date=day.isoformat(),
                date_precision=c.precision,
                magnitude=c.magnitude,
                magnitude_unit=c.unit if c.magnitude is not None else None,
                certainty=c.certainty,
                evidence=s.text,
                evidence_start=s.start,
                evidence_end=s.end,
                notes="; ".join(c.notes) or None,
            )
        )
    return events


__all__ = ["extract_events", "load_nlp"]
