"""Trigger tables: the phrases that signal each event type in news English.

Each row is ``(event_type, place, agent, pattern)``:

* ``place``: where the event's place usually is relative to the trigger:
  ``"after"`` (active voice: "ISIS seized Tikrit"), ``"before"`` (the place is
  the subject: "Mosul fell to ISIS", "Tikrit was retaken by the army") or
  ``"any"`` (nouns: "heavy fighting in Tikrit", "clashes near Baiji").
* ``agent``: where the acting force (actor1) usually is: ``"before"`` (the
  subject) or ``"after"`` ("fell to X", "was overrun by X").
* ``pattern``: a regular expression, matched case-insensitively on word
  boundaries.

The pseudo-type ``"flight"`` ("fled") is a withdrawal when its subject is an
armed force and a displacement otherwise. The pseudo-type ``"capture"`` is an
abduction when its object is people ("capturing 48 people") and a seizure
otherwise. Rows are tried in order; an earlier row's span blocks later rows
that overlap it, so specific phrases ("threatened to bomb") come before the
general ones ("bomb").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from events.wordscan import WordScanner

_AUX = (
    r"(?:(?:has|have|had|was|were|is|are|been|being|be)\s+)*"
    r"(?:(?:also|reportedly|already|now|largely|apparently|allegedly|partially|partly|fully|"
    r"completely|quickly|swiftly)\s+)*"
)

TRIGGERS: tuple[tuple[str, str, str, str], ...] = (
    # --- threats: declared intent to attack a place (before the verbs they contain)
    (
        "threat",
        "after",
        "before",
        r"(?:threat(?:en|ens|ened|ening)|vow(?:s|ed|ing)?|pledg(?:es|ed|ing)|warn(?:s|ed|ing)?|"
        r"promis(?:es|ed|ing)|swore|vows?)\s+(?:to\s+)?(?:\w+\s+)?(?:to\s+)?"
        r"(?:march|take|seize|capture|attack|storm|enter|invade|overrun|bomb|slaughter|conquer|"
        r"liberate|advance|push|move)\w*",
    ),
    (
        "threat",
        "after",
        "before",
        r"threat(?:en|ens|ened|ening)\s+(?:the\s+)?(?:takeover|capture|"
        r"seizure)\s+of",
    ),
    (
        "threat",
        "after",
        "before",
        r"intention\s+to\s+(?:march|take|seize|attack|"
        r"advance)\w*(?:\s+onwards?)?",
    ),
    (
        "threat",
        "after",
        "before",
        r"(?:said|says|vowed|warned|threatened|pledged|promised|announced)\s+(?:that\s+)?(?:it|they)\s+"
        r"(?:would|will)\s+(?:\"|“)?(?:open\s+up|take|seize|"
        r"capture|"
        r"cleanse|conquer|march\s+on|attack|storm)",
    ),
    ("threat", "after", "before", r"(?:battle|fighting|it)\s+will\s+rage\s+in"),
    ("threat", "after", "before", r"(?:march|marching)\s+(?:on|onwards?\s+to|towards?)"),
    # --- prison breaks
    (
        "prison_break",
        "any",
        "before",
        r"(?:free[sd]?|freeing|releas(?:e|es|ed|ing)|liberat(?:e|ed|ing))\s+(?:(?:more\s+than|over|"
        r"about|around|some|at\s+least)\s+)?"
        r"(?:[\d,]+|hundreds|thousands|dozens|\w+)?\s*(?:of\s+)?(?:\w+\s+)?(?:prisoners|inmates|"
        r"detainees)",
    ),
    (
        "prison_break",
        "any",
        "before",
        r"(?:prisoners|inmates|detainees)\s+(?:to\s+)?(?:escape|"
        r"escaped|were\s+freed|were\s+released|broke\s+out)",
    ),
    (
        "prison_break",
        "any",
        "before",
        r"(?:prison|jail)\s*-?\s*break|jailbreak|(?:stormed|attacked|"
        r"raided)\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:prison|jail)",
    ),
    # --- abductions
    (
        "abduction",
        "any",
        "before",
        r"(?:kidnap(?:s|ped|ping)?|abduct(?:s|ed|ing|ion|ions)?|enslav(?:ed|ing|ement)|"
        r"human\s+shields?)",
    ),
    (
        "abduction",
        "any",
        "before",
        r"(?:t(?:ook|aken|aking|akes)|hold(?:ing|s)?|held|seiz(?:ed|"
        r"ing))\s+(?:\w+\s+){0,3}hostages?",
    ),
    ("abduction", "any", "after", r"(?:taken|held|being\s+held|kept)\s+(?:as\s+)?hostages?"),
    (
        "abduction",
        "any",
        "after",
        r"(?:the\s+)?seizure\s+of\s+(?:the\s+)?(?:country'?s\s+)?(?:consul|diplomats|staff|"
        r"hostages|(?:\d+|\w+)\s+(?:people|citizens|workers))",
    ),
    # --- bombings
    (
        "bombing",
        "any",
        "before",
        r"(?:car|truck|suicide|roadside|parked|booby[- ]trapped|motorcycle)\s+(?:car\s+)?bomb(?:s|"
        r"ing|"
        r"ings|er|ers)?|"
        r"suicide\s+(?:attack(?:s|er)?|blast|vest)|\bIEDs?\b|improvised\s+explosive\s+devices?|"
        r"explosive\s+devices?|explosions?\s+(?:struck|hit|rocked|killed|ripped|tore)|"
        r"bomb(?:s)?\s+(?:exploded|went\s+off|blast)|bomb\s+attacks?|"
        r"(?:deadly\s+)?blasts?\s+(?:struck|hit|rocked|killed)|"
        r"blew\s+(?:himself\s+|herself\s+|themselves\s+|itself\s+)?up|blown\s+up|detonated|"
        r"explosives?-(?:laden|packed|rigged)|"
        r"(?:double|twin|triple|deadly|suicide|market|cafe|mosque|checkpoint|roadside)\s+bombings?",
    ),
    (
        "bombing",
        "any",
        "before",
        r"(?:claim(?:ed|s|ing)?\s+)?responsibility\s+for\s+(?:the\s+|a\s+|an\s+|two\s+|twin\s+|"
        r"several\s+)?"
        r"(?:[\w-]+\s+){0,2}(?:attacks?|bombings?|blasts?|explosions?)",
    ),
    # --- airstrikes
    (
        "airstrike",
        "any",
        "before",
        r"air\s*-?\s*strikes?|air\s+raids?|airstrikes?|air\s+attacks?|drone\s+strikes?|"
        r"aerial\s+(?:bombardment|attacks?|strikes?|assaults?|raids?)|bombing\s+(?:raids?|runs?|sorties)|"
        r"(?:warplanes|war\s+planes|jets|fighter\s+jets|aircraft|helicopters|gunships|bombers|drones)\s+"
        r"(?:struck|hit|bombed|pounded|targeted|attacked|strafed|carried\s+out|fired\s+(?:on|at|upon)|"
        r"opened\s+fire)|"
        r"bombed\s+from\s+the\s+air|"
        r"barrel\s+bombs?|"
        # "a helicopter dropped a gas cylinder", "warplanes had pounded the town"
        r"(?:warplanes|war\s+planes|jets|aircraft|planes?|helicopters?|gunships?|bombers|drones?)\s+"
        r"(?:had\s+|have\s+|has\s+)?(?:dropped|pounded|bombed|struck|hit|targeted|raided)"
        # an airdrop of aid or leaflets is no strike
        r"(?!\s+(?:[\w-]+\s+){0,3}(?:supplies|aid|food|water|leaflets|flyers|relief|parcels|"
        r"ammunition|weapons))",
    ),
    # --- shelling
    (
        "shelling",
        "any",
        "before",
        r"shell(?:ed|ing|s)\b|mortars?(?:\s+(?:fire|rounds|shells|attacks?))?|"
        r"artillery(?:\s+fire)?|"
        r"rockets?\s+(?:fire|attacks?|hit|struck|landed|slammed)|rocket\s+attacks?|"
        r"missile\s+(?:strikes?|attacks?)|"
        # "fired dozens of rockets at", "fired 59 Tomahawk missiles at": a quantifier between
        r"fired\s+(?:[\w-]+\s+){0,3}(?:rockets|missiles|mortars|shells|Tomahawks|projectiles)|"
        r"(?:missiles?|Tomahawks?|projectiles)\s+(?:hit|struck|slammed\s+into|landed|targeted|"
        r"destroyed)|"
        r"bombard(?:ed|ment)",
    ),
    # --- attacks on civilians
    (
        "attack_on_civilians",
        "any",
        "before",
        r"execut(?:ed|ing|ion|ions)|massacr(?:e|ed|es)|behead(?:ed|ing|ings)|slaughter(?:ed)?|"
        r"mass\s+killings?|summary\s+killings?|crucifi(?:ed|xions?)|"
        # burning people's homes: an attack on civilians, not a battle
        r"(?:set\s+fire\s+to|torched|burn(?:ed|t)\s+down)\s+(?:[\w-]+\s+){0,3}(?:homes|houses|"
        r"shops|villages|offices|properties)",
    ),
    (
        "attack_on_civilians",
        "any",
        "before",
        r"(?:attack(?:s|ed|ing)?|target(?:ed|ing))\s+(?:\w+\s+){0,2}"
        r"(?:civilians|residents|villagers|Yazidis?|Christians|worshippers|protesters|families|"
        r"women\s+and\s+children)",
    ),
    # deaths of civilians: an attack on them unless a strike, shelling, bombing or clash in the
    # same sentence caused them (then they are that event's toll)
    (
        "killing",
        "any",
        "before",
        r"(?:kill(?:s|ed|ing)|shot|shooting)\s+(?:[\w-]+\s+){0,6}"
        r"(?:civilians|residents|villagers|Yazidis?|Christians|worshippers|protesters|families|tribesmen|"
        r"women\s+and\s+children)"
        r"|(?:civilians|villagers|residents)\s+(?:were|have\s+been|had\s+been)\s+(?:killed|shot|"
        r"executed)",
    ),
    # a death toll of fighters and civilians together, no weapon named: fighting (pseudo-type
    # "toll", dropped when the sentence names the bombing or strike that killed them)
    (
        "toll",
        "any",
        "before",
        r"(?:civilians\s+and\s+(?:soldiers|troops|fighters|policemen|militants|security\s+forces)|"
        r"(?:soldiers|troops|fighters|policemen|militants)\s+and\s+civilians)"
        r"(?=,?\s+(?:have\s+been\s+|had\s+been\s+|were\s+)?(?:killed|died))",
    ),
    # gas attacks: on civilians unless the sentence names the strike or shells that carried them
    (
        "killing",
        "any",
        "before",
        r"(?:chemical|sarin|chlorine|mustard|toxic\s+gas|poison(?:ous)?\s+gas|nerve\s+agent|gas)\s+"
        r"(?:weapons?\s+)?attacks?",
    ),
    # --- seizures: the place is the subject ("X fell to Y", "X was retaken by Y")
    (
        "seizure",
        "before",
        "after",
        r"(?:fell|fallen|falls|fall|falling)\s+(?:in)?to(?:\s+the\s+hands\s+of)?|"
        r"(?:fell|fallen|falls|falling)\s+into\s+(?:the\s+)?hands\s+of",
    ),
    (
        "seizure",
        "before",
        "after",
        rf"(?:was|were|has\s+been|have\s+been|had\s+been|being|been)\s+{_AUX}"
        r"(?:captured|seized|overrun|overran|taken\s+over|taken|retaken|recaptured|liberated|"
        r"occupied|"
        r"stormed|freed|controlled)\s+(?:by|from)",
    ),
    (
        "seizure",
        "control",
        "after",
        r"(?:was|were|is|are|remains?|remained)\s+(?:now\s+)?(?:firmly\s+|fully\s+|largely\s+)?"
        r"(?:in|under)\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+)?control\s+of|"
        r"(?:is|are|was|were|remains?)\s+(?:now\s+)?(?:firmly\s+)?(?:controlled|held)\s+by|"
        r"(?:firmly\s+)?under\s+(?:its|their)\s+control",
    ),
    (
        "capture",
        "after",
        "before",
        r"(?:in|under)\s+(?:nearly\s+|almost\s+)?(?:full|complete|total)\s+control\s+of",
    ),
    # "Mosul has been under ISIS control since June": the controlling force sits inside the phrase.
    (
        "seizure",
        "before",
        "inside",
        r"(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been|remains?|remained|came|fell|"
        r"now)\s+)?"
        r"under\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+)?(?:[\w'-]+\s+){1,3}control(?!\s+of)",
    ),
    # "Kurdish fighters drove ISIS out of Kobani", "cleared the town of militants".
    (
        "seizure",
        "after",
        "before",
        r"(?:dr(?:ove|iven|ive|iving)|push(?:ed|ing)?|forc(?:ed|ing)|expell?(?:ed|ing)?|oust(?:ed|"
        r"ing)?|"
        r"kick(?:ed|ing)?|chas(?:ed|ing)|flush(?:ed|ing))\s+(?:[\w'()-]+\s+){1,10}(?:out\s+of|from)|"
        r"clear(?:ed|ing)(?=\s+(?:[\w'-]+\s+){0,4}of\s+(?:\w+\s+)?(?:militants|fighters|jihadists|"
        r"insurgents|IS|ISIS|ISIL|Daesh)\b)",
    ),
    ("seizure", "before", "after", r"(?:divided|split|contested)\s+between"),
    # --- seizures, active voice
    (
        "capture",
        "after",
        "before",
        r"t(?:ook|aking)(?=\s+(?:the\s+(?:(?:strategic|key|northern|southern|eastern|western)\s+)?"
        r"(?:town|city|village|base|airport|district)\s+of\s+)?(?-i:[A-Z]))|"
        r"(?:have|has|had)\s+(?:now\s+|also\s+)?(?:taken|held)"
        r"(?!\s+(?:part|place|hostage|talks|positions?|a\s+|an\s+|the\s+(?:lead|view)))",
    ),
    (
        "capture",
        "after",
        "before",
        r"(?:seiz(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|overr(?:an|un|uns|unning)|"
        r"(?:re)?t(?:ook|ake|akes|aking|aken)\s+(?:over|control\s+of|back)|"
        r"(?:gain(?:ed|s|ing)?|seiz(?:ed|ing)|wrest(?:ed|ing)?|captur(?:ed|ing)|assum(?:ed|ing)|"
        r"ha(?:ve|s|d)|t(?:ook|aken|aking)|regain(?:ed|ing)?|establish(?:ed|"
        r"ing)?)\s+(?:\w+\s+){0,2}"
        r"(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)|"
        r"retook|retake|retaken|recaptur(?:e|ed|es|ing)|liberat(?:e|ed|es|ing)|occup(?:ied|y|ying)|"
        r"(?:stormed|storming)|(?:gained|made)\s+(?:\w+\s+)?gains\s+in|"
        r"(?:the\s+|its\s+)?(?:capture|takeover|fall|seizure|recapture|liberation)\s+of)\b",
    ),
    # --- clashes
    (
        "clash",
        "any",
        "before",
        r"(?:was|were|came\s+under|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?attacked|came\s+under\s+attack|"
        r"attack(?:ed|s|ing)?\s+(?:on\s+)?(?:a|an|the|two|three|several)\s+(?:[\w-]+\s+){0,2}"
        r"(?:checkpoints?|posts?|bases?|convoys?|patrols?|stations?|barracks|positions|outposts?|headquarters)",
    ),
    (
        "clash",
        "any",
        "before",
        r"clash(?:es|ed|ing)?|fighting|fought|battl(?:e|es|ed|ing)|firefights?|gun\s*-?fights?|"
        r"gunbattles?|skirmish(?:es)?|(?:broke|broken|breaking|breached|breach(?:es)?|break|lifted|"
        r"ended)\s+"
        r"(?:a\s+|the\s+)?(?:\w+[- ]\w+[- ]\w+\s+|\w+[- ]\w+\s+|\w+\s+)?(?:\w+\s+)?siege|"
        r"(?:downed|shot\s+down|shooting\s+down)\s+(?:\w+\s+){0,4}(?:helicopters?|aircraft|jets?|"
        r"planes?|drones?)|"
        r"fought\s+off|repell?(?:ed|ing)|repuls(?:ed|ing)|ambush(?:ed|es)?|counter-?attacks?|"
        r"(?:fended|fend)\s+off|exchange\s+of\s+fire|(?:initial\s+)?attacks?\s+by",
    ),
    # --- withdrawals
    ("withdrawal", "before", "after", r"(?:abandoned|evacuated|vacated|deserted)\s+by"),
    (
        "withdrawal",
        "any",
        "before",
        r"withdr(?:ew|awn|aw|aws|awing|awal)|retreat(?:ed|ing|s)?|pull(?:ed|ing)?\s+(?:out|back)|"
        r"abandon(?:ed|ing|s)?|desert(?:ed|ing)\s+(?:their|its)|"
        r"(?:fled|left|abandoned|deserted)\s+(?:their|its)\s+(?:posts|positions|bases|barracks)|"
        r"leaving\s+(?:behind\s+)?(?:their\s+)?(?:weapons|uniforms|posts|equipment|vehicles)|"
        r"ran\s+(?:away\s+)?in\s+the\s+face\s+of|(?:soldiers|troops|forces)\s+bolt(?:ed)?|"
        r"melted\s+away",
    ),
    # --- displacement or flight of forces
    (
        "flight",
        "any",
        "before",
        r"fle(?:e|es|d|eing)|escap(?:ed|ing)(?:\s+from)?|"
        r"(?:left|leaving)(?=\s+(?:the\s+(?:town|city|village)\s+of\s+)?(?-i:[A-Z]))",
    ),
    # "left the town in a convoy", "left Taza for Kirkuk", "agreed to leave the town"
    (
        "flight",
        "after",
        "before",
        r"left(?=\s+(?:[\w'-]+\s+){1,3}(?:on\s+\w+\s+)?in\s+(?:a\s+)?(?:[\w-]+\s+)?convoys?\b)|"
        r"left(?=\s+(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s+for\s+(?-i:[A-Z]))|"
        r"agreed\s+to\s+(?:leave|quit|evacuate|withdraw\s+from)",
    ),
    # where the displaced went: "arrived at the camp", "were bused to the north"
    ("arrival", "after", "before", r"arriv(?:ed|ing)\s+(?:at|in)|(?:re)?settled\s+in"),
    (
        "displacement",
        "any",
        "before",
        r"displac(?:ed|ing|ement)|exodus|refugees|evacuat(?:ed|ing|ion)|"
        r"forced\s+(?:[\w,-]+\s+){0,5}?(?:from|out\s+of)\s+their\s+homes|(?:poured|streamed|"
        r"flocked)\s+(?:into|"
        r"across)(?!\s+(?:the\s+)?(?:streets|squares?|roads))|"
        r"bus(?:s)?ed\s+(?:out\s+)?(?:to|from|towards?)",
    ),
    # --- troop positions
    (
        "troop_position",
        "before",
        "after",
        r"(?:surrounded|encircled|besieged|trapped|pinned\s+down|cut\s+off)\s+by",
    ),
    (
        "troop_position",
        "after",
        "before",
        r"t(?:ook|aking|ake|akes)\s+up\s+positions?|deploy(?:ed|ing|s|ment)?|redeploy(?:ed|ing)?|"
        r"mass(?:ed|ing)|amass(?:ed|ing)|reinforc(?:ed|ing|ements)|"
        r"advanc(?:ed|ing|e)\s+(?:on|towards?|into|to)|(?:launch(?:ed|ing)?|began|begun|"
        r"started)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:counter-?)?(?:offensive|operation|assault|push|"
        r"(?<=counter-)attack|(?<=counter)attack)|"
        r"offensive\s+(?:on|against|to\s+(?:re)?take)|"
        r"operations?\s+to\s+(?:re)?(?:take|capture|liberate|free|clear)|"
        r"(?:entered|entering|enter|stormed\s+into|pushed\s+into|moved\s+into|rolled\s+into)|"
        r"encircl(?:ed|ing|e)|surround(?:ed|ing)|besieg(?:ed|ing|e|es)|under\s+siege|"
        r"(?:gathered|assembled|massed|amassed|concentrated)\s+(?:at|in|near|around|outside)|"
        r"(?:start|launch|beginning)\s+of\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:offensive|operation|"
        r"assault|campaign)|"
        r"(?:siege|blockade)\s+(?:of|on)|convoy\s+heading|heading\s+towards?|converg(?:ed|"
        r"ing)\s+on|"
        r"patroll?(?:ed|ing)|(?:are|were|is)\s+(?:now\s+)?inside|trapped\s+inside|stationed|"
        r"(?:head(?:ed|ing)|clos(?:ed|ing)\s+in|bearing\s+down|bore\s+down)\s+(?:on|towards?|for|to)\b|"
        r"(?:push(?:ed|ing)|mov(?:ed|ing)|roll(?:ed|ing))\s+(?:on|towards?|into)\b|"
        r"(?:sent|dispatched|rushed|flown|airlifted|redeployed)\s+(?:[\w-]+\s+){0,3}(?:to|into)\b|"
        r"(?:are|were|is|was|came|got)\s+(?:now\s+)?within\s+\d+\s+(?:km|kilomet(?:er|re)s|miles)\s+of",
    ),
    # --- killings with no other weapon named: a pseudo-type, dropped when the sentence
    # has a bombing, strike, shelling or clash that the deaths belong to
    (
        "killing",
        "any",
        "before",
        r"(?:kill(?:s|ed|ing)|shot\s+dead|gunned\s+down|murder(?:ed|ing))\s+(?:at\s+least\s+|more\s+than\s+|"
        r"some\s+|about\s+|nearly\s+)?(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+(?:people|persons|men|women|children|"
        r"villagers|worshippers|pilgrims|shoppers|students|farmers)",
    ),
)

#: Context that makes a trigger not an event of its own: forecasts, purposes,
#: conditions, negations, questions (checked on the words just before it).
NEGATIVE_BEFORE = re.compile(
    r"(?:\b(?:could|may|might|would|will|shall|should|must|can|cannot|can't|won't|wouldn't|"
    r"not|never|no|nor|failed\s+to|unable\s+to|plans?\s+to|planning\s+to|hopes?\s+to|"
    r"hoping\s+to|aims?\s+to|aiming\s+to|seeks?\s+to|seeking\s+to|trying\s+to|tried\s+to|"
    r"tries\s+to|"
    r"attempt(?:s|ed|ing)?\s+to|wants?\s+to|wanted\s+to|expected\s+to|likely\s+to|intends?\s+to|"
    r"ready\s+to|order\s+to|effort\s+to|bid\s+to|prepar(?:e|es|ed|ing)\s+to|needs?\s+to|"
    r"able\s+to|help\s+to|help|prevent|avoid|instead\s+of|rather\s+than|aimed\s+at|aiming\s+at|"
    r"with\s+the\s+aim\s+of|designed\s+to|intended\s+to|capable\s+of|capability\s+of|ability\s+to|"
    r"predict(?:s|ed|ing)?|warn(?:s|ed|ing)?\s+of|expect(?:s|ed|ing)?|anticipat(?:es|ed|ing)|"
    r"to|if|unless|whether|"
    r"fear(?:s|ed)?|feared|den(?:y|ies|ied|ying)(?:\s+that)?|"
    r"to\s+(?:enter|join|prevent|stop|avoid|end|win|lose|support|"
    r"fight\s+in)\s+the)\s+"
    r"(?:(?:be|been|have|further|also|again|quickly|eventually|the|a|an|any|more|its|their|"
    r"revenge|retaliatory|possible|potential|future|\(\w+\)|"
    r"\w+\s+(?:or|and))\s+)*)$",
    re.IGNORECASE,
)

#: Forecasts and fears a few words before the trigger ("predicted a tough battle").
FORECAST_BEFORE = re.compile(
    r"\b(?:predict(?:s|ed|ing)?|warn(?:s|ed|ing)?\s+of|expect(?:s|ed|ing)?|anticipat(?:es|ed|ing)|"
    r"fear(?:s|ed|ing)?|threat\s+of|risk\s+of|prospect\s+of)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)

#: Sentences that are not reports of events at all.
NON_EVENT_SENTENCE = re.compile(
    r"^\s*[\"“‘']?\s*(?:if|should|what|why|how|could|would|will|can)\b|\?\s*[\"”']?\s*$|"
    r"\b(?:read\s+more|click\s+here|sign\s+up|subscribe|newsletter|all\s+rights\s+reserved|"
    r"cookies?|this\s+browser\s+does\s+not)\b",
    re.IGNORECASE,
)

#: Nouns that refer back to an event told earlier ("the clashes come as ..."),
#: or name it only as a cause ("fled the fighting", "because of fighting").
BACK_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?:(?:years|months|decades)\s+of|fle(?:e|es|d|eing)|escap(?:e|ed|ing)|from|"
    r"because\s+of|amid|following\s+the|"
    r"the\s+(?:\w+\s+)?(?:effects?|result|aftermath|wake|heels)\s+of)\s+(?:the\s+|this\s+|that\s+)?"
    r"(?:[\w-]+\s+){0,2})$",
    re.IGNORECASE,
)
BACK_REFERENCE_AFTER = re.compile(r"^\s*(?:comes?|came)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence."""

    start: int
    end: int
    text: str
    event_type: str
    place: str
    agent: str


@lru_cache(maxsize=1)
def _compiled() -> tuple[WordScanner, tuple[tuple[str, str, str, re.Pattern[str]], ...]]:
    rows = tuple(
        (etype, place, agent, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE))
        for etype, place, agent, pattern in TRIGGERS
    )
    # One pass with the union finds where triggers start; the rows then say which one it is.
    # WordScanner gives the union's positions, trying only the rows a word's letter can start.
    union = WordScanner([row[3] for row in TRIGGERS])
    return union, rows


def find_triggers(sentence: str) -> list[TriggerMatch]:
    """Find event triggers in one sentence, without overlaps, in text order.

    Parameters
    ----------
    sentence : str
        One sentence.

    Returns
    -------
    list of TriggerMatch
        Leftmost first; where several rows match at the same place, the earlier
        row of :data:`TRIGGERS` wins (specific phrases are listed first).

    Examples
    --------
    >>> [t.event_type for t in find_triggers("Militants seized Baiji after heavy fighting.")]
    ['capture', 'clash']
    """
    # A copy of the memoised scan: callers may change their list.
    return list(_find_triggers(sentence))


# The scan is a pure function of the sentence and about 10% of sentences recur
# (agency boilerplate, repeated articles), so its answers are remembered.
@lru_cache(maxsize=4096)
def _find_triggers(sentence: str) -> tuple[TriggerMatch, ...]:
    union, rows = _compiled()
    found: list[TriggerMatch] = []
    pos = 0
    while True:
        start = union.next_start(sentence, pos)
        if start < 0:
            break
        # only the rows that can start with this letter, in order: the same first hit
        for k in union.candidates(sentence[start]):
            etype, place, agent, rx = rows[k]
            hit = rx.match(sentence, start)
            if hit is not None and hit.end() > start:
                found.append(TriggerMatch(start, hit.end(), hit.group(0), etype, place, agent))
                pos = hit.end()
                break
        else:
            pos = start + 1
    return tuple(found)
