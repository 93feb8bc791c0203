"""Word classes the stages share.

They say who people and forces are, what marks a reference place, what makes a trigger
a plan or a topic rather than a happening.

Every class is a plain table of lemmas (or lower-case forms) drawn from news
usage of the Iraq and Syria wars; a stage asks whether a word belongs to a
class, it does not test words one by one in code.
"""

from __future__ import annotations

import re

# --- who: nouns for people, forces and aircraft (lemmas)

#: Non-combatants: the objects of abductions and the subjects of displacement.
PEOPLE = frozenset(
    "people person civilian resident villager family refugee child woman man citizen national "
    "worker driver diplomat staff employee journalist inhabitant yazidi christian turkmen kurd "
    "arab iraqi syrian shopper pilgrim worshipper student farmer tribesman local idp migrant "
    "individual victim patient nurse doctor teacher household returnee evacuee displaced "
    "protester passenger hostage girl boy consul ambassador engineer contractor official "
    "aid-worker volunteer tourist pilgrim trucker fisherman shepherd owner shopkeeper merchant "
    "vendor trader barber lawyer judge mayor mukhtar cleric preacher imam priest activist "
    "candidate voter mother father son daughter brother husband wife baby infant elder "
    "nun monk bishop schoolboy schoolgirl pupil teenager youth sister tribe clan "
    # nationals taken abroad: "31 Turks were seized"
    "turk turkish iranian american briton british russian lebanese indian pakistani "
    "egyptian jordanian saudi filipino nepalese bangladeshi japanese korean chinese french "
    "german italian australian".split()
)
#: Words for people that say nothing of whether they were civilians.
GENERIC_PEOPLE = frozenset("people person individual victim".split())
#: Armed people and units: subjects of withdrawals and troop movements.
FORCES = frozenset(
    "fighter militant troop soldier force army police policeman militia militiaman jihadist "
    "insurgent rebel gunman unit member commander officer division brigade battalion regiment "
    "sniper terrorist extremist recruit personnel contingent column reinforcement "
    "peshmerga commando paramilitary volunteer guard marine tank squad detachment "
    "attacker assailant gang element "
    "coalition military remnant mercenary".split()
)
#: What people die of that is no attack of the day: wounds of one told before, want.
CAUSES_NOT_FOUGHT = frozenset(
    "injury wound hunger starvation thirst malnutrition cold exposure disease illness "
    "exhaustion dehydration".split())
#: A force's posts: attacking one is a fight, wherever it stands.
POSTS = frozenset("position post outpost line convoy patrol garrison".split())
#: Things that fly and bomb: an attack by one of these is an air strike.
AIRCRAFT = frozenset(
    "warplane jet aircraft plane helicopter drone gunship fighter-bomber airforce "
    "sortie chopper aviation "
    # aircraft by type: "Turkish F-16s hit PKK targets"
    "f-16 f-16s f-15 f-15s f-35 f-35s su-24 su-24s su-25 su-34 su-34s mig mig-23 mig-29 migs "
    "sukhoi sukhois apache apaches b-52 b-52s tornado tornados typhoon typhoons rafale rafales "
    "mirage reaper reapers predator predators a-10 a-10s tu-22".split()
)
#: Nationality adjectives of a force that is named no other way ("Turkish F-16s"). A
#: state's adjective is its own forces wherever the report is set ("Iraqi F-16s" over Syria).
NATIONALITIES = {
    "turkish": "Turkey", "russian": "Russia", "american": "US-led coalition",
    "us": "US-led coalition", "u.s.": "US-led coalition", "british": "US-led coalition",
    "french": "US-led coalition", "iranian": "Iran", "iraqi": "Iraqi Security Forces",
    "syrian": "Syrian Army", "kurdish": "@kurds",
}  # fmt: skip
#: Actors (canonical names) whose "strikes" and "raids" are made from the air.
AIR_ACTORS = frozenset({"US-led coalition", "Russia", "Turkey", "Syrian Army"})
#: People held in prisons: their escape is a prison break.
PRISONERS = frozenset("prisoner inmate detainee convict escapee".split())
#: Hardware taken in a raid: seizing these is no seizure of territory.
SPOILS = frozenset(
    "arm weapon equipment vehicle ammunition munition tank aircraft helicopter cache document "
    "money cash supply stockpile humvee mortar rocket missile rifle gun explosive shell oil "
    "drug passport phone computer".split()
)
#: What civilians own: burning or razing these is an attack on civilians.
PROPERTY = frozenset(
    "home house shop store property farm crop field orchard village church mosque school "
    "hospital market dwelling building tent shelter".split()
)
#: Sites inside or beside a town: an event at one is at the town, geo_precision 2, and stays
#: apart from other events of the town when merging.
SITES = (
    "airport", "air base", "airbase", "base", "refinery", "prison", "jail", "dam", "hospital",
    "stadium", "roundabout", "square", "bridge", "building", "compound", "headquarters",
    "factory", "mosque", "school", "university", "market", "checkpoint", "station", "palace",
    "complex", "camp", "consulate", "embassy", "crossing", "plant", "facility", "barracks",
    "academy", "council", "office", "court", "church", "hotel", "neighbourhood", "neighborhood",
    "district", "quarter", "suburb", "outskirts", "street", "road", "highway", "oilfield",
    "field", "hill", "mountain",
)  # fmt: skip
#: Sites a force holds and defends: an attack on one is a fight for it ("attacked the prison").
STRONGHOLDS = frozenset(
    "airport base airbase refinery prison jail dam bridge checkpoint headquarters barracks "
    "academy compound crossing oilfield hill".split()
)
#: Vehicles: a convoy of them leaving says nothing of who left.
VEHICLES = frozenset("bus convoy car truck vehicle lorry van minibus coach".split())
#: What is dropped from the air without being a strike: airdrops of aid.
AID = frozenset(
    "food aid supply parcel leaflet flyer water medicine relief ration blanket tent "
    "ammunition weapon".split()
)
#: People sent who are no armed force: a deployment of them is no troop movement.
CIVIL_DEPLOYED = frozenset(
    "observer monitor inspector peacekeeper aid humanitarian doctor medic delegation envoy "
    "team mission un clinic ambulance vaccinator".split()
)
#: Weapons that are used, not moved into position: "deployed drones strapped with explosives".
DEPLOYED_WEAPONS = frozenset("drone shell bomb explosive mine weapon device vest ied".split())
#: Words of support: "backed by", "supported by", "with the support of", "with air cover".
SUPPORT_WORDS = frozenset("back support aid assist cover accompany help backing".split())
#: Verbs of handling hardware: a mortar destroyed or an IED defused went off nowhere.
HARDWARE_VERBS = frozenset(
    "destroy seize capture confiscate find discover dismantle defuse disarm remove clear "
    "store stockpile smuggle supply deliver own possess use arm equip deploy".split()
)
#: Nouns that make a trigger's object hardware, not fire: "armed with mortars".
ARMED_WITH = frozenset("armed equipped laden loaded packed rigged fitted".split())
#: Nouns that name a place by its kind ("took the town"): objects that are places.
PLACE_NOUNS = frozenset(
    "town city village area district neighbourhood neighborhood quarter suburb outskirt "
    "province governorate region countryside base airbase airport dam refinery field "
    "bridge crossing checkpoint hill mountain mount camp prison jail compound complex building "
    "headquarters hq hospital stadium university palace roundabout square street road highway "
    "enclave pocket stronghold bastion position post outpost front frontline territory land "
    "border bank valley plain desert island zone sector capital center centre heart part "
    "swath swathe stretch settlement hamlet locality factory plant facility station "
    "school mosque market".split()
)

# --- where: words around a place name

#: Compass words: "west of X" and "X's west" locate by reference.
DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern eastern "
    "western north-east north-west south-east south-west".split()
)
#: Units of distance: "80 km from X" places the event elsewhere.
DISTANCES = frozenset("km kilometre kilometer kilometres kilometers mile miles kms".split())
#: Nouns for a part of a place ("outskirts of X"): the place, with geo_precision 2.
PARTS = frozenset(
    "part parts portion outskirts outskirt suburb suburbs vicinity edge edges district "
    "neighbourhood neighborhood quarter section street centre center heart side half "
    "periphery gate gates entrance countryside surroundings environs west east north "
    "south".split()
)

# --- whether it happened: words that govern a trigger

#: Heads that make an infinitive an aim, not a happening ("in an effort to retake it").
INTENT_HEADS = frozenset(
    "try attempt seek aim plan hope want wish prepare intend need effort bid attempt order "
    "mean strive push drive operation offensive campaign plan battle fight race threaten vow "
    "pledge promise vow call urge ask demand expect likely able ready unable fail refuse "
    "decide agree consider propose scheme plot mission goal objective aim intent intention "
    "designed intended poised set about going struggle capable ability capacity".split()
)
#: Heads after which an infinitive did happen ("went on to capture", "managed to flee").
DONE_HEADS = frozenset(
    "manage go continue begin start proceed succeed move happen appear seem report say believe "
    "think claim know understand confirm force compel oblige allow permit let make cause "
    "enable help agree".split()
)
#: Modal verbs: what could, would or will happen has not happened.
MODALS = frozenset("could would may might will shall should must can ca wo 'll".split())
#: Heads that make the event a forecast or a fear ("expected the fall of Mosul").
FORECAST_HEADS = frozenset(
    "expect predict fear warn anticipate forecast risk prospect threat danger possibility "
    "likelihood imminent looming impending upcoming coming future possible potential planned "
    "expected eventual anticipated long-awaited away prepare preparation ahead likely unlikely "
    "probable improbable afraid scared fearful terrified worried wary".split()
)
#: Nouns under which an event word is only a topic ("a dispute over air strikes").
TOPIC_HEADS = frozenset(
    "dispute debate talk talks discussion question concern criticism report investigation "
    "inquiry probe allegation accusation claim law ban rule policy campaigner opposition "
    "protest outrage condemnation resolution vote issue subject fear warning watch look "
    "lookout alert training exercise drill rehearsal film footage video photo picture image "
    "story book study analysis expert specialist museum memorial anniversary commemoration "
    "trial court case charge suspect evidence proof tactic technique "
    "capability weapon threat risk danger defence defense protection shelter tunnel "
    "vulnerability cost price impact effect consequence aftermath result lesson "
    "victim survivor witness".split()
)
#: Verbs whose object event is only talked about ("denied the strike", "watching for bombers").
TOPIC_VERBS = frozenset(
    "call demand urge request propose approve authorize authorise reject vote "
    "defuse dismantle disarm remove find discover uncover detect plant lay "
    "deny condemn criticize criticise investigate discuss debate protest "
    "watch guard prevent stop avoid halt suspend ban oppose reject document commemorate "
    "mark remember recall study train practise practice rehearse simulate film "
    "photograph contain list classify define categorize categorise".split()
)
#: Heads whose "of" names what they count or hold: "a group of 31 Turks", "control of the dam".
#: Nouns that count event nouns ("dozens of raids").
COUNT_NOUNS = frozenset("dozens scores hundreds series wave spate number".split())
#: Verbs of bodies found ("residents found the bodies of 18 men").
FOUND_VERBS = frozenset("find discover recover dump".split())
QUANTITY_HEADS = frozenset(
    "group number dozen dozens hundred hundreds thousand thousands score scores convoy busload "
    "control part parts most much half rest majority swath swathe area areas section sections "
    "portion portions remainder all some many several each".split()
)
#: Verbs and nouns of attack: a threat is a declared intent to do one of these.
ATTACK_WORDS = frozenset(
    "attack take seize capture storm march enter invade kill slaughter bomb advance destroy "
    "target strike retake liberate conquer cleanse overrun occupy shell hit burn execute "
    "behead offensive operation assault invasion incursion attack war battle fight "
    "open push move takeover capture seizure recapture drive expel oust evict".split()
)
#: Words that make a state (control, a siege) the state at the report's time, not news.
ONGOING_WORDS = frozenset("continue still remain keep yet".split())
#: Words that make a count of events an aggregate, not one dated happening.
AGGREGATE_MARKS = frozenset(
    "regularly routinely frequently repeatedly constantly daily nightly often sporadically "
    "near-daily weekly occasionally continually continuously intermittently periodically "
    "series wave spate string succession campaign hundreds thousands dozens scores "
    "total tally "
    # the same as adjectives: "its cells carry out regular attacks"
    "regular routine frequent repeated constant nightly sporadic occasional continual "
    "intermittent periodic".split()
)
#: Verbs of saying: the clause they govern is reported speech, their own date an attribution.
SPEECH_VERBS = frozenset(
    "say tell report announce claim add state confirm deny declare insist explain note "
    "write post tweet publish quote cite allege warn estimate".split()
)
#: Verbs that carry an event noun's arguments ("launched strikes on X", "fighting raged in X").
SUPPORT_VERBS = frozenset(
    "launch carry conduct stage mount wage unleash intensify escalate step continue resume "
    "begin start break erupt rage flare take occur happen hit kill target strike leave cause "
    "see witness report spread intensify renew make fight lead spearhead announce declare claim "
    "confirm complete".split()
)
#: Verbs whose subject is an event noun that happened: "clashes broke out in X".
EVENT_VERBS = frozenset(
    "break erupt rage flare occur happen continue intensify escalate spread resume begin start "
    "hit kill target strike leave cause destroy damage wound injure rock tear rip shake claim "
    "take go end bomb pound shell level flatten raze".split()
)
#: Nouns of a force's own deaths in fighting ("31 IS militants killed"): the toll is a clash.
COMBATANTS = FORCES

# --- certainty: a party speaking of its own action, or the text doubting it
CLAIM_CUES = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|purported(?:ly)?|allegedly|state[- ](?:run\s+|owned\s+)?(?:TV|"
    r"television|media|news\s+agency)|"
    r"said\s+in\s+a\s+statement|statement\s+(?:said|posted)|(?:Iraqiya|SANA|Amaq|al-Manar)|"
    r"according\s+to\s+(?:the\s+)?"
    r"(?:militants|the\s+group|state|its|the\s+army|the\s+military|the\s+ministry|a\s+(?:military|"
    r"army)\s+statement)|"
    r"(?:military|army|defen[cs]e\s+ministry|group'?s?)\s+(?:spokesman|statement|said)|unconfirmed|"
    r"if\s+true|"
    r"(?:rebels|militants|the\s+group|jihadists)\s+said|boast(?:s|ed)?|"
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

#: Subjects that "enter" or "advance" without moving: "the truce entered into force",
#: "the offensive entered its third week".
NOT_MOVERS = frozenset(
    "ceasefire truce deal agreement accord law decree resolution plan war conflict crisis "
    "offensive operation campaign battle fight fighting talk process phase stage price "
    "economy".split())

#: What a force enters or advances that is no ground.
NO_GROUND = frozenset(
    "war conflict fray fight talks negotiation phase stage race service agreement deal truce "
    "ceasefire election politics era year month week decade".split())

#: Verbs of which a threat is the object without anyone making one.
NO_THREAT_MADE = frozenset(
    "end remove eliminate reduce counter face pose neutralize neutralise lift avert "
    "contain confront keep fulfil fulfill honour honor break deliver".split())

# --- word lists of the argument stage (events/extract/roles.py)
#: Verbs whose agent is the doer of the event noun they describe ("raids carried out by
#: warplanes"), unlike a supporter ("troops backed by militia").
CARRIED_OUT = frozenset("carry conduct launch stage mount perform execute wage".split())
#: Words that count some of a group: "one of its bombers", "two of the attackers".
SOME = frozenset("one some several many most all few dozens hundreds".split())
#: Verbs of leaving a place, in the clause a verb of forcing governs.
LEAVING = frozenset("flee leave abandon evacuate quit".split())
WHERE_PREPS = frozenset("in at near around inside outside".split())
#: Verbs that tell where strikes fell ("..., hitting a market in Saraqeb").
HIT_VERBS = frozenset("hit strike target pound bomb shell".split())
#: Verbs whose subject answers an event told by a noun ("Turkey reacted to the seizure of").
RESPONSES = frozenset("react respond retaliate protest object".split())
#: Prepositions that set an event noun beside the clause, as its time or its cause.
BESIDE = frozenset("after following since before despite amid until".split())
#: Heads whose "of" names the force they belong to: "fighters of the SDF".
MEMBERS = frozenset("fighter member unit militant soldier troop".split())
#: Words for part of a place: "most of it", "much of it", "parts of it".
ROLE_PARTS = frozenset("most much part parts half all some".split())
