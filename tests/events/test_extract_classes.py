"""Classes of news language the extractor must read, one row a phrase (issue 9's error classes).

Each row is the team's own sentence for one class of wording, not a sentence
of any report: state-of-control wording, rarer capture verbs, noun forms,
toll-only sentences, strikes named without "air", threats against civilians,
displacement wording, several events in one sentence; and the sentences that
report no single real happening (aggregates, forecasts, negations, aims,
topics, history, second meanings); reference places, the report's main place,
dates, figures and actors.

Reports are published on Thursday 21 May 2015 unless a row says otherwise.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from events.extract import extract_events
from events.extract.place_names import drop_surnames
from events.reports import read_text
from geodata import resolve

PUB = "2015-05-21"


def run(text: str, published: str = PUB) -> list:
    return extract_events(read_text(f"published: {published}\n---\n{text}", name="c.txt"))


def place_of(name: str) -> str:
    place = resolve(name)
    assert place is not None, name
    return place.name


def of_type(kind: str, text: str, published: str = PUB) -> list:
    """The events of one type a report gives."""
    return [e for e in run(text, published) if e.event_type == kind]


def told_in(words: str, text: str, published: str = PUB) -> list:
    """The events a report gives from its sentences that hold ``words``."""
    return [e for e in run(text, published) if words in e.evidence]


def found(text: str) -> set[tuple[str, str]]:
    return {(e.event_type, e.place) for e in run(text)}


# (text, (event_type, place)) that must be found
WANTED = [
    # state of control
    ("By Friday the town of Baiji was in the hands of the militants.", ("seizure", "Baiji")),
    ("Hawija, held by Islamic State since 2014, was cut off on Monday.", ("seizure", "Hawija")),
    ("Islamic State had held Hit since October 2014, tribal elders said.", ("seizure", "Hit")),
    # a state told as going on, with since when: taken then
    ("Tal Afar has remained under Islamic State control since June 2014, officials said.",
     ("seizure", "Tal Afar")),
    # a relative clause about the town a locating phrase follows
    ("The Peshmerga still hold Jalawla in eastern Diyala, which they took from the militants "
     "on 23 November.", ("seizure", "Jalawla")),
    ("The fighters had come from Tal Afar, some 60 km to the west, which the group has "
     "controlled since June 2014.", ("seizure", "Tal Afar")),
    ("The Kurdish militia now controls two-thirds of Manbij, a monitor said.",
     ("seizure", "Manbij")),
    # partial control of a town, told as going on, is still its seizure
    ("The militants still hold most of Baiji, residents say.", ("seizure", "Baiji")),
    ("Islamic State continues to control parts of Ramadi.", ("seizure", "Ramadi")),
    ("The government lost Palmyra to the jihadists on Wednesday.", ("seizure", "Palmyra")),
    # "one of its bombers struck X": the event noun counted by the verb's subject
    ("In the north of the province, the group said one of its suicide bombers had struck "
     "a checkpoint outside the town of Nubl on Tuesday.", ("bombing", "Nubul")),
    # an assault begun on a town is launched, not won
    ("Iraqi forces began storming Tal Afar on Sunday.", ("troop_position", "Tal Afar")),
    ("Iraqi forces started attacking Tal Afar on Sunday.", ("troop_position", "Tal Afar")),
    # people killed by aircraft: an air strike, whoever the dead were
    ("Twelve civilians were killed by Russian warplanes in Saraqib on Friday.",
     ("airstrike", "Saraqib")),
    ("Regime jets killed nine people in Kafr Batna on Wednesday.", ("airstrike", "Kafr Batna")),
    # people snatched or herded: an abduction
    ("Gunmen snatched two lorry drivers at a fake checkpoint near Tuz Khurmatu on Tuesday.",
     ("abduction", "Tuz Khurmatu")),
    ("ISIS fighters herded 200 villagers into the school in Hawija on Monday.",
     ("abduction", "Hawija")),
    # bombs named by their acronyms, in the plural
    ("The militants sent three SVBIEDs against army lines near Baghuz on Saturday.",
     ("bombing", "Baghuz")),
    # a side's force, named by the side's adjective, whose march its leader declares
    ("President Erdogan said on Sunday that Turkish-backed forces would march on Manbij.",
     ("threat", "Manbij")),
    # a move the speaker says will be met with force: a threat against it
    ("The army warned on Monday that any attack on Kirkuk would be met with a decisive "
     "response.", ("threat", "Kirkuk")),
    ('The Peshmerga warned on Tuesday that any advance towards Erbil "will be met with full '
     'force".', ("threat", "Erbil")),
    # forces that "fell upon" a place attacked it
    ("Hundreds of militants fell upon army positions at Tal al-Ward on Friday.",
     ("clash", "Tal al-Ward")),
    # a force's post attacked in a town: a fight there, not a town told by other events
    ("Tribesmen attacked a checkpoint of the militants in Abu Hammam on Wednesday.",
     ("clash", "Abu Hammam")),
    ("In Harasta, rebels attacked army positions near the vehicles base this morning.",
     ("clash", "Harasta")),
    # fire opened on people gathered, not on a force: an attack on civilians
    ("Soldiers opened fire on demonstrators in Fallujah on Friday, killing seven.",
     ("attack_on_civilians", "Fallujah")),
    ("Gunmen opened fire on diners at a restaurant in Nasiriyah on Thursday.",
     ("attack_on_civilians", "Nasiriyah")),
    # an attack by aircraft is an air strike, whether the verb or the noun tells it
    ("Warplanes attacked Saraqeb on Tuesday.", ("airstrike", "Saraqeb")),
    ("An attack by Russian jets on Saraqeb killed 9 people on Tuesday.",
     ("airstrike", "Saraqeb")),
    # a town that changed hands was fought over (money that changed hands was not)
    ("Tal Rifaat changed hands three times in a week.", ("clash", "Tal Rifaat")),
    # attackers held off, with the attackers between the verb and its particle or after it
    ("Gunmen stormed the police station in Baiji on Monday, but policemen held them off "
     "for hours.", ("clash", "Baiji")),
    ("Tribal fighters held off the militants in Haditha on Monday.", ("clash", "Haditha")),
    # a force crossing a river or a border from a place; people crossing out of one
    ("SDF fighters crossed the Euphrates from the Tishrin Dam on Tuesday.",
     ("troop_position", "Tishrin Dam")),
    ("More than 9,000 Syrians have crossed into Turkey from Jarablus since Monday.",
     ("displacement", "Jarablus")),
    # "the city" is a town, never the dam or base the sentence before told of
    ("The SDF has taken Manbij from ISIS after a ten-week battle.\n\nSDF fighters seized the "
     "Tishrin Dam on 31 January. On 10 February, the fighters closed the ring around the city.",
     ("troop_position", "Manbij")),
    # people who go to camps, tents or the border have fled, from where they came
    ("About 300 families from Kafr Nabl went to the camps near Atmeh on Monday.",
     ("displacement", "Kafr Nabl")),
    ("Residents of Ariha headed north towards the Turkish border on Monday.",
     ("displacement", "Ariha")),
    # small arms fired at people gathered: gunfire on civilians, not a strike
    ("Security forces fired live rounds at a crowd in Basra on Friday, killing three.",
     ("attack_on_civilians", "Basra")),
    # a square is a part of its city, like a quarter, not a village of the same name
    ("Protests spread across Baghdad on Monday. Riot police shot dead two protesters in "
     "Tahrir Square on Tuesday.", ("attack_on_civilians", "Baghdad")),
    # people killed in a town are no source speaking from it
    ("A roadside bomb killed two policemen in Dujail on Sunday.", ("bombing", "Dujail")),
    # "their home town of X" is X
    ("Soldiers shelled their home town of Khirbet Ghazaleh on Monday.",
     ("shelling", "Khirbet Ghazaleh")),
    # a wave of bombs on one day is one attack, whatever span the sentence names besides
    ("A wave of car bombs tore through Baghdad on Sunday, the latest of a series of attacks "
     "that have pushed violence to levels unseen since 2008.", ("bombing", "Baghdad")),
    # headline present tense the parser reads as a noun: "bomb tears through", "rips through"
    ("URGENT - Car bomb rips through busy market in Sadr City, killing 20 - police.",
     ("bombing", "Sadr City")),
    # a particle verb with its object between: "pulled the bulk of their fighters out of"
    ("Commanders pulled the bulk of their fighters out of Hit on Saturday.",
     ("withdrawal", "Hit")),
    ("Kurdish fighters handed Khanaqin to the federal police on Tuesday.",
     ("seizure", "Khanaqin")),
    # raids counted within one day, with a count to date of something else
    ("Warplanes carried out 8 air raids on Yabroud this morning, with no reports of "
     "casualties so far.", ("airstrike", "Yabroud")),
    # a name before a site's noun: "the Dibis screening point"
    ("On Monday, 1,200 people arrived at the Dibis screening point.",
     ("displacement", "Dibis")),
    # a road's first end, when the road is the only place told
    ("A roadside bomb exploded on the road between Tuz Khurmatu and Kifri on Monday, "
     "wounding three men.", ("bombing", "Tuz Khurmatu")),
    # the people of a place: "the mukhtar of X", "the residents of X"
    ("Suspected jihadists executed the mukhtar of al-Zab, a village west of Kirkuk, on "
     "Monday.", ("attack_on_civilians", "al-Zab")),
    # the people an event befalls are where it happened, though "commanders in X" can
    # also be where a source sits
    ("Jets struck a meeting of militant commanders in Hajin on Thursday, killing 20.",
     ("airstrike", "Hajin")),
    # fighting one's way through to a place
    ("Syrian troops broke through to the Kuweires air base on Tuesday.",
     ("clash", "Kuweires air base")),
    # rarer capture verbs and noun forms
    ("Jihadist fighters conquered Tabqa in a few hours on Sunday.", ("seizure", "Tabqa")),
    ("The rebels swept through Jisr al-Shughur on Monday.", ("seizure", "Jisr ash Shughur")),
    ("After overrunning Ramadi on Sunday, the group paraded its fighters.", ("seizure", "Ramadi")),
    ("Since its capture in 2014, Mosul has been the group's largest city.", ("seizure", "Mosul")),
    ("Returning families found their homes looted in the newly liberated town of Baiji.",
     ("seizure", "Baiji")),
    ("After the withdrawal of government troops from Ramadi on Sunday, looting began.",
     ("withdrawal", "Ramadi")),
    # tolls with no weapon named
    ("Fifty people died in Baiji on Sunday, hospital staff said.", ("clash", "Baiji")),
    ("A riot at the prison in Kirkuk killed six inmates on Tuesday.", ("clash", "Kirkuk")),
    # "strikes" by aircraft without the word "air"
    ("Coalition strikes hit Islamic State positions near Sinjar on Tuesday.",
     ("airstrike", "Sinjar")),
    ("Russian jets pounded Jisr al-Shughur on Monday.", ("airstrike", "Jisr ash Shughur")),
    # cruise missiles fly to their target: an air strike, like the aircraft's
    ("On Friday, US warships fired cruise missiles at the Shayrat air base.",
     ("airstrike", "Shayrat air base")),
    # strikes on a country, the place they hit told by a participle
    ("4 March 2015 - The US and its allies carry out new air strikes in Syria, hitting IS "
     "depots in Tabqa.", ("airstrike", "Tabqa")),
    # raids whose doer a clause of their own names
    ("Nine people died in raids carried out on Monday by Russian warplanes on Talbiseh.",
     ("airstrike", "Talbiseh")),
    # a siege broken, however far the verb stands from the noun, is a fight
    ("Further south, the siege of Amirli, a Turkmen town that held out for weeks, was broken "
     "on Sunday.", ("clash", "Amirli")),
    # threats against civilians
    ("The militants threatened to kill anyone who tried to leave Raqqa.", ("threat", "Raqqa")),
    # a side's declared next aim
    ("Rebel leaders say their next target is al-Bab, the last stronghold in Aleppo province.",
     ("threat", "Al Bab")),
    ("Officers said the next objective would be Rutba, a town near the border.",
     ("threat", "Rutba")),
    ("A military source said the army would now push towards Jisr al-Shughur.",
     ("threat", "Jisr ash Shughur")),
    # one day's dead "in violence" in a town are that day's killings (a guard)
    ("Twelve civilians were killed in violence in Ramadi on Monday.",
     ("attack_on_civilians", "Ramadi")),
    # "a day after" is a time, not a rate ("50 strikes a day"): the strikes are one event
    ("Russian airstrikes killed 40 civilians in Kafr Zita on Monday, a day after the army "
     "announced a new offensive.", ("airstrike", "Kafr Zita")),
    # one strike is no tally, whatever span a clause beside it names ("since 2012")
    ("A clinic in Saraqeb, run by a charity since 2013, was destroyed by at least one air "
     "strike on Tuesday night.", ("airstrike", "Saraqeb")),
    # a side declaring its control of a town tells it took it
    ("Troops left the town on 13 October, and IS declared control of Hit the same day.",
     ("seizure", "Hit")),
    # an assault told as beginning is the launch of an offensive, not a clash
    ("The assault on Hit began at dawn on Tuesday from three directions.",
     ("troop_position", "Hit")),
    # strikes by a coalition told in a relative clause on it are air strikes ("which"
    # is the coalition); "international coalition" names it, unlike the National Coalition
    ("The push on Rutba began on Tuesday with the support of the international coalition, "
     "which struck IS positions around the town.", ("airstrike", "Rutba")),
    # what a monitor recorded is a topic, but a clause of its own beside it is a deed
    ("Monitors documented the deaths of 12 civilians in Saqba, while regime forces shelled "
     "Douma, and warplanes carried out two strikes on Harasta.", ("shelling", "Douma")),
    ("Monitors documented the deaths of 12 civilians in Saqba, while regime forces shelled "
     "Douma, and warplanes carried out two strikes on Harasta.", ("airstrike", "Harasta")),
    # a side saying it will try to take a place declares the attack, as "will take" does
    ("Rebel commanders said they would try to recapture Morek within days.",
     ("threat", "Morek")),
    # a menace against a named place: "wiped off the map", "turned into a graveyard"
    ("An ISIS commander warned in a video on Monday that the Turkish base at Bashiqa would be "
     '"wiped off the map".', ("threat", "Bashiqa")),
    # a group's spokesman on "the group's fighters": the group's own word
    ("A spokesman for the militants said the group's fighters would march on Samarra.",
     ("threat", "Samarra")),
    # a force turning towards a town moves on it
    ("Government troops turned north towards Jisr al-Shughur on Monday.",
     ("troop_position", "Jisr ash Shughur")),
    # forces flown in, a post set up
    ("Commandos were flown into Haditha on Monday to guard the dam.",
     ("troop_position", "Haditha")),
    ("Turkish troops set up an observation post at al-Eis on Monday.",
     ("troop_position", "al-Eis")),
    # a named side's attack, declared by one who leads it or by a verb of declaring
    ("President Erdogan said on Wednesday that Turkey would launch a new military operation "
     "against Kurdish fighters in Manbij.", ("threat", "Manbij")),
    ("The organisation announced on Saturday that it would kill any man of the tribe found "
     "in Mayadin.", ("threat", "Mayadin")),
    # a vow to raise one's flag over a place is a vow to take it
    ("An online statement vowed to raise the group's banner over Kirkuk before winter.",
     ("threat", "Kirkuk")),
    # a side saying it is on its way to attack a place it has not reached
    ("The group said in a statement that it was now advancing on Samarra.",
     ("threat", "Samarra")),
    ("Soldiers were advancing on Fallujah, the ministry said.", ("troop_position", "Fallujah")),
    # the start of a battle is an offensive's launch
    ("The SDF announced the start of the battle to liberate Tabqa on Tuesday.",
     ("troop_position", "Tabqa")),
    # news told as "reports that ...": the report is the source, the event is the news
    ("Reports that Peshmerga forces have left Makhmour overnight.", ("withdrawal", "Makhmur")),
    # who buses carry out says what it was: fighters withdraw, families are displaced
    ("On Saturday, buses carried around 2,000 rebel fighters and relatives out of Madaya.",
     ("withdrawal", "Madaya")),
    ("On Sunday, buses carried 300 families out of Zabadani.", ("displacement", "Zabadani")),
    # bodies found tell a killing: of civilians, or of fighters in a fight
    ("On Thursday, residents found the bodies of 18 men dumped in the desert near Daquq.",
     ("attack_on_civilians", "Daquq")),
    ("On Wednesday, the bodies of six men were found dumped in a ditch in Hawija.",
     ("attack_on_civilians", "Hawija")),
    ("Police recovered the bodies of four soldiers near Tuz Khurmatu on Monday.",
     ("clash", "Tuz Khurmatu")),
    # a name the tagger reads as an adjective ("Rankous", JJ) still heads its phrase
    ("Rankous fell to the army on April 9 after days of fighting.", ("seizure", "Rankous")),
    # drones launched at a place strike it from the air
    ("Militias launched two explosive-laden drones at Ain al-Asad air base on Friday.",
     ("airstrike", "Ain al-Asad air base")),
    # a gerund after "by" is the verb the parse took for a noun's modifier
    ("US aircraft retaliated on Sunday by bombing facilities used by Kataib Hezbollah near "
     "Qaim.",
     ("airstrike", "Al-Qaim")),
    # an air force that destroys or strikes is flying: an air strike
    ("On Monday the Syrian Arab Air Force destroyed terrorist hideouts in Kafr Zita.",
     ("airstrike", "Kafr Zita")),
    ("The Iraqi Air Force struck a convoy of militants near Rutba on Sunday.",
     ("airstrike", "Rutba")),
    # raids that aircraft made, told after the verb of the aircraft ("retaliated with")
    ("Government warplanes retaliated with raids on Saraqib on Friday, killing five "
     "people.", ("airstrike", "Saraqib")),
    # "members" of a tribe are its people, not a force's members
    ("Last week the militants killed 40 members of the Albu Nimr tribe near Hit.",
     ("attack_on_civilians", "Hit")),
    # a participle with its own object is the active verb the parse mistook it for
    ("On Friday, gunmen thought to be militiamen killed at least 30 worshippers at a mosque "
     "in Muqdadiyah.", ("attack_on_civilians", "Muqdadiyah")),
    # people taken are kidnapped, also in a deed told after another verb ("stopped ... and")
    ("IS fighters stopped a convoy of buses near Manbij on Monday and kidnapped 153 "
     "schoolboys.", ("abduction", "Manbij")),
    ("The fate of 16 nuns, who were taken from the convent in Maaloula by the fighters on "
     "Monday, is still unknown.", ("abduction", "Maaloula")),
    # people an armed group takes from their homes are kidnapped
    ("Masked gunmen took four brothers from their home in Tuz Khurmatu on Tuesday night.",
     ("abduction", "Tuz Khurmatu")),
    ("On Friday, Tahrir al-Sham security men took a council member from his house in Binnish.",
     ("abduction", "Binnish")),
    # raids counted ("dozens of raids") are made by who carried them out: warplanes
    ("Russian warplanes carried out dozens of raids on Muhassan on Monday.",
     ("airstrike", "Muhassan")),
    # "it" struck, said by an air force: the speaker struck
    ("The US-led coalition said it had struck IS positions around Qayyarah on Monday.",
     ("airstrike", "Qayyarah")),
    # displacement wording
    ("Islamic State expelled hundreds of families from Hit on Tuesday.", ("displacement", "Hit")),
    ("The offensive forced 3,000 people to flee Fallujah last week.",
     ("displacement", "Fallujah")),
    ("By Wednesday the village of Bashir had been emptied of its residents.",
     ("displacement", "Bashir")),
    # several events in one sentence
    ("On Monday the army retook Baiji and pushed on towards Tikrit.",
     ("troop_position", "Tikrit")),
    # civilians killed: "policemen's relatives" are no policemen; one victim, no figure, of
    # a sniper's fire is an attack on civilians too
    ("Gunmen killed dozens of policemen's relatives and other civilians in Baiji on Monday.",
     ("attack_on_civilians", "Baiji")),
    ("A woman was killed by regime sniper fire in Douma on Monday.",
     ("attack_on_civilians", "Douma")),
    # strikes delivered or a building destroyed in one: an act of fire, not weapons handled
    ("On Friday, Russian aircraft delivered strikes on a communications hub near Maarat "
     "al-Numan.", ("airstrike", "Maarat al-Numan")),
    ("Field hospital destroyed in airstrike in Saraqeb", ("airstrike", "Saraqeb")),
    # an item's opening "Near" is a preposition, not part of the name after it
    ("-- Near Baghdadi, one strike engaged an ISIL tactical unit and destroyed an ISIL "
     "vehicle.", ("airstrike", "Al-Baghdadi")),
    # barrels dropped from helicopters, told without "bomb"
    ("Explosive barrels struck the centre of al-Bab on Tuesday.", ("airstrike", "al-Bab")),
    ("On Monday a barrel fell on the vegetable market in Manbij, killing nine people.",
     ("airstrike", "Manbij")),
    # a town sealed off or ringed, held under guard; a force crossing in, regrouping
    ("Troops and Hezbollah fighters sealed off Madaya on Saturday.", ("troop_position", "Madaya")),
    # a force's convoy is the force
    ("A Turkish convoy of 30 armoured vehicles reached the observation post near Morek on "
     "Monday.", ("troop_position", "Morek")),
    ("A regime convoy arrived in Mayadin on Friday.", ("troop_position", "Mayadin")),
    ("On Friday the fighters closed the ring around Manbij, cutting the road to Jarablus.",
     ("troop_position", "Manbij")),
    ("Samarra has been guarded since June by the Peace Brigades militia.",
     ("troop_position", "Samarra")),
    ("A contingent of 200 Peshmerga crossed into Kobani on Monday.",
     ("troop_position", "Kobani")),
    ("What remained of the division regrouped around Khalidiya on Monday.",
     ("troop_position", "Khalidiya")),
    # a force coming back to a town it had left
    ("Iraqi troops moved back into the town of Sulaiman Bek on Friday.",
     ("troop_position", "Sulaiman Bek")),
    # a state of control told as going on, of a named town: held as the report tells it
    ("The group still holds Jarablus and Manbij, the two largest towns east of Aleppo.",
     ("seizure", "Manbij")),
    ("Tel Kaif, north of Mosul, remains in ISIS hands.", ("seizure", "Tel Kaif")),
    ("The Kurdish forces continue to hold Sinjar.", ("seizure", "Sinjar")),
    # a town held in the present tense, or control of it kept, is held as the report tells
    ("Fallujah is besieged, and the militants also hold nearby Garma.", ("seizure", "Garma")),
    ("A spokesman said the army maintains full control of the Haditha area.",
     ("seizure", "Haditha")),
    # a town under a force's rule is held by it, like one under its control
    ("Mayadin has been under ISIS rule since July 2014.", ("seizure", "Mayadin")),
    # quarters picked out by name are held ground, not an unnamed share of a city
    ("Gunmen were still holding the Zanjili and al-Shifa neighbourhoods of Mosul on Monday.",
     ("seizure", "Mosul")),
    # fighters who slip out of a town leave it; a town under a force's protection is held
    ("ISIS fighters slipped out of Saraqeb on Friday, avoiding a fight.",
     ("withdrawal", "Saraqeb")),
    ("Kirkuk has been under the protection of the Peshmerga since 12 June last year.",
     ("seizure", "Kirkuk")),
    # a town named as the next to be attacked, or as the next destination, quoted or not
    ('A militia commander said on Thursday that Zabdin would be "the next to fall."',
     ("threat", "Zabdin")),
    ('After Harasta, Douma "will be next", a Republican Guard general said on Sunday.',
     ("threat", "Douma")),
    ('"Our next destination is Shaddadi," the commander told reporters on Sunday.',
     ("threat", "Shaddadi")),
    # the past perfect of the day's own story, counted within it, is news
    ("Peshmerga lines came under attack on Friday. Within hours the militants had overrun "
     "the village of Mulla Abdullah and the nearby power station.",
     ("seizure", "Mulla Abdullah")),
    # a fact recalled ("recalls that ..."), not a commemoration
    ("The Command recalls that Shirqat fell to Daesh in June 2014.", ("seizure", "Shirqat")),
    # a town that fell, with no force named; a passive the parser read as "was" + a noun
    ("Rajo, a small town near the border, fell on Saturday after days of shelling.",
     ("seizure", "Rajo")),
    ("Rajo fell on Saturday, and Jinderes, the district's second town, was overrun on Monday.",
     ("seizure", "Jinderes")),
    # fighters called mercenaries (as Kurdish outlets call the jihadists) are a force
    ("The last group of mercenaries fled the city of Manbij at dawn on Friday.",
     ("withdrawal", "Manbij")),
]

# texts that must yield no event at all
NO_EVENT = [
    # aid sent or flown in is no force deployed
    "The World Food Programme dispatched rations for 10,000 people to Qamishli on Monday.",
    "The agency airlifted tents from Amman to the camps around Dohuk on Tuesday.",
    # a fall told in the present under a future: it has not happened yet
    "The army will push on to the river once the militants abandon Maskanah.",
    # control going on over a share of a province, or over areas: no place to code
    "Islamic State continues to control large parts of Deir ez-Zor province.",
    "Residents were forced to move into areas still held by the militants.",
    # deaths from want, not from an attack
    "In Madaya, dozens died of hunger over the winter, doctors said.",
    "Several families died of thirst in the desert near Haditha last week.",
    # what a force protects that is no place
    "The aid convoy was under the protection of Russian military police.",
    "A UN convoy of 40 trucks reached Douma on Monday with food for 20,000 people.",
    # care sent is no force: clinics and ambulances deployed
    "Two mobile clinics were deployed to the camps north of Maarat al-Numan on Sunday.",
    "Ambulances were deployed to Douma on Monday.",
    # a menace against people, no place named: no threat to a place
    "The prime minister vowed on Monday to hunt down the attackers.",
    # a country's figure in millions is a national total, wherever its people came from
    "The UN estimates that 1.2 million Iraqis have been forced from their homes this year, "
    "many of them from Mosul.",
    # a town that could be next is a guess, not a declared intent
    "Under the agreement, the towns of Yalda and Babbila south of Damascus could be next.",
    # falls that are no town's: prices, a person, a fall that dates another event
    "Prices in Mosul fell on Monday, traders said.",
    "Silence fell upon Tikrit on Friday night.",

    "Abu Layla, the commander of the brigade, fell in the first week of the operation.",
    "Mosul fell silent on Monday.",
    # where the people who worry are, and a retaking with no place of its own
    "Politicians in Baghdad worry that militias will punish Sunni towns, whatever part "
    "tribesmen play in retaking them.",
    # taken out of no place
    "Rescuers pulled two children out of the rubble on Sunday.",
    # a sentence that names only years before the war tells of those years
    "British troops fought some of their hardest battles of the 2003-2009 deployment in "
    "Basra, and local tribes later turned against the militias.",
    # aggregates and ongoing states
    "Over the past month the coalition carried out 300 air strikes in Iraq and Syria.",
    "The battle for Ramadi is in its fourth week.",
    # forecasts
    "Commanders say the fall of Mosul is only days away.",
    # negation and purpose
    "Turkish forces stayed out of the operation in Manbij.",
    "Iraqi troops massed in the desert in an effort to retake it.",
    # topics
    "Parliament held a heated debate over air strikes in Syria.",
    "The ministry published a report on air strikes in Raqqa.",
    "Police in Baghdad are watching for suicide bombers before the holiday.",
    # another's plan, or an aim nobody declares
    "Residents said the army would now push towards Jisr al-Shughur.",
    "Analysts said Russia would strike Idlib within days.",
    # what will befall the enemy, said by a side, is no attack it declares
    '"If they do not surrender, they will be killed," a colonel said near Bashiqa on Monday.',
    "The next target of the coalition was not disclosed.",
    "Officials handed food parcels to families in Mosul on Tuesday.",
    "The charity vowed to raise funds for families in Mosul.",
    # definitions in a release's small print
    "The list above contains all strikes conducted by aircraft and rocket artillery near Mosul.",
    # history before 2013, dated by the decade of the frame it is told in
    "Under the Arabisation campaigns of the 1970s, thousands of Kurdish families were pushed "
    "out of Jalawla.",
    # history before 2013, with its year
    "American troops fought for Fallujah in 2004.",
    # an event pointed back to
    "Residents of Kobani have suffered for far longer than this siege.",
    # second meanings
    "Life returned to Tikrit and surrounding areas after the army's return.",
    # things left are no place left
    "Islamic State fighters left leaflets in the village of Bashir on Tuesday.",
    "The militants also left their mark on the churches of Qaraqosh.",
    # a campaign named as what something is about or spans
    "Our analysis of what the dam means for the Raqqa campaign follows tonight.",
    "This timeline covers the two years between the Zabadani offensive and this month's "
    "population swap.",
    # what people fear
    "Families in Khan Shaykhun sleep in caves because they are afraid of another chemical "
    "strike.",
    # barrels of oil
    "Oil output at Rmeilan reached 40,000 barrels a day, the ministry said.",
]


@pytest.mark.parametrize(("text", "wanted"), WANTED, ids=[w[0][:40] for w in WANTED])
def test_class_is_read(text: str, wanted: tuple[str, str]) -> None:
    etype, name = wanted
    assert (etype, place_of(name)) in found(text), sorted(found(text))


# A displacement is where people left, when the sentence tells it by the people
# ("people from X", "residents of X", "its residents") or by the place just told of
# ("fled the district"), before where they are now or are heading.
DISPLACED_FROM = [
    ("Islamic State fighters overran Qaraqosh on Thursday. Almost all of its 50,000 "
     "residents fled overnight towards Erbil.", {"Qaraqosh"}),
    ("Kurdish forces retook Jalawla and Saadiya in November. Since then some 8,000 people "
     "from the two towns have registered as displaced in Khanaqin and Kalar.",
     {"Jalawla", "Saadiya"}),
    ("About 2,500 people from Tabqa and nearby villages reached the camp at Ain Issa this week.",
     {"Tabqa"}),
    ("Some 600 residents of Qaraqosh were displaced in Erbil on Tuesday.", {"Qaraqosh"}),
    # "the district" is the place just told of, not a town named after it
    ("Turkish forces encircled Afrin on Tuesday. More than 100,000 people fled the district "
     "by Friday, heading for the towns of Nubl and Zahraa.", {"Afrin"}),
    ("The army shelled Daraa al-Balad on Sunday. Hundreds of families left the district on "
     "Monday for the villages of the eastern countryside.", {"Daraa"}),
]


@pytest.mark.parametrize(("text", "origins"), DISPLACED_FROM,
                         ids=[d[0][:40] for d in DISPLACED_FROM])
def test_displacement_is_at_the_people_s_town(text: str, origins: set[str]) -> None:
    places = {e.place for e in of_type("displacement", text)}
    assert places == {place_of(n) for n in origins}, places


@pytest.mark.parametrize("text", NO_EVENT, ids=[t[:40] for t in NO_EVENT])
def test_no_single_happening(text: str) -> None:
    assert run(text) == [], [(e.event_type, e.place) for e in run(text)]


# a fight denied in its own phrase: whatever else the sentence tells, no clash
DENIED_FIGHTS = [
    "Rebels gave up Daraya on Friday with buses, not a battle.",
    "The army retook Jalawla on Sunday with barely a fight.",
    "The town of Qara fell on Friday with hardly any fighting.",
]


@pytest.mark.parametrize("text", DENIED_FIGHTS, ids=[t[:40] for t in DENIED_FIGHTS])
def test_a_fight_denied_in_its_own_phrase_is_no_clash(text: str) -> None:
    assert of_type("clash", text) == [], [(e.event_type, e.place) for e in run(text)]


@pytest.mark.parametrize(
    ("text", "name", "unwanted"),
    [
        # reference places in distance and direction phrases
        ("Clashes broke out in Khalidiya, 80 km west of Baghdad, on Sunday.", "Khalidiya",
         "Baghdad"),
        ("Militants shelled Amirli, north of Baghdad, on Monday.", "Amirli", "Baghdad"),
        ("Coalition jets hit militants near the Tabqa airbase west of Raqqa on Monday.",
         "Tabqa airbase", "Raqqa"),
        # the region a town and its surroundings lie in
        ("Helicopters dropped barrel bombs on Kafr Nabl and its surroundings in the southern "
         "countryside of Idlib on Monday.", "Kafr Nabl", "Idlib"),
        # a province and the town named inside it
        ("In Diyala province, gunmen abducted six farmers near Muqdadiya on Friday.",
         "Muqdadiyah", "Diyala"),
        # a town's province told as its owner: "Nineveh's second city, Tal Afar"
        ("The army retook Nineveh's second city, Tal Afar, on Sunday.", "Tal Afar", "Nineveh"),
        # an appositive that only says what is at the town, however the parse attaches it
        ("Gunmen also took parts of Qayyarah, the site of the Qayyarah West air base, police "
         "sources said.", "Qayyarah", "Qayyarah Airfield West"),
        # a clause after a distance is about the place the distance locates
        ("Army engineers now run the Qayyarah West airbase, about 15 km west of the town, "
         "which Iraqi forces retook on 9 July, within reach of Mosul.", "Qayyarah West",
         "Mosul"),
        # a town listed with another is the namesake beside it, not one read alone 45 km off
        ("Rebels fired hundreds of rockets on Fuaa and Kefraya on Wednesday.", "Kafraya",
         "Kefraya"),
        # a loosely spelt village is the village where it lies the way it is told to lie
        ("Insurgents ambushed army posts near Mekeshifa, north of Samarra, on Tuesday.",
         "Mukayshifah", "Samarra"),
        ("Regime artillery shelled Sufuhun, south of Ariha, on Thursday.", "Safuhun", "Ariha"),
    ],
)
def test_the_place_of_the_event(text: str, name: str, unwanted: str) -> None:
    places = {e.place for e in run(text)}
    assert place_of(name) in places and place_of(unwanted) not in places, places


def test_a_loosely_spelt_village_told_to_lie_another_way_is_not_taken() -> None:
    # Mukayshifah lies north-west of Samarra, not south of it
    places = {e.place for e in run("Insurgents ambushed army posts near Mekeshifa, south of "
                                   "Samarra, on Tuesday.")}
    assert place_of("Mukayshifah") not in places, places


@pytest.mark.parametrize(
    ("text", "towns", "unwanted"),
    [
        # "including" (tagged as a verb form) lists the places taken; the list hangs on the
        # last word of "took control of"; the countryside only locates them
        ("Rebels took control of the remaining villages of the southern Aleppo countryside, "
         "including Tal Hadiya and Khalasa, on Friday.", {"Tall Hadiyah", "Khalasah"}, "Aleppo"),
        # a name the tagger reads as a plural proper noun ("Maardes") is a name still
        ("Troops have since captured several villages, including Maardes and Souran, the "
         "monitor said.", {"Ma'rus", "Souran"}, None),
        # the list hangs on the communities, not on the countryside they are of
        ("The army took control of the last communities of the northern Hama countryside, "
         "including Hasraya and Buwaydah, on Friday.", {"Buwaydah"}, "Hama"),
    ],
)
def test_each_town_an_including_list_names_is_taken(text: str, towns: set[str],
                                                    unwanted: str | None) -> None:
    # the gazetteer's names: "Buwaydah" alone is a namesake elsewhere
    places = {e.place for e in of_type("seizure", text, "2019-08-24")}
    assert towns <= places and unwanted not in places, places


@pytest.mark.parametrize("text", [
    "Police said Daesh gangs fled Rutba towards the desert on Tuesday, leaving their dead in "
    "the streets.",
    "The militants fled Baiji on Tuesday, leaving their dead in the streets, a police officer "
    "said.",
])
def test_fighters_who_flee_leaving_their_dead_withdraw_and_fight_no_new_fight(text: str) -> None:
    # "gangs" of a named group are fighters; the dead they leave are no killing of its own
    kinds = {e.event_type for e in run(text)}
    assert "withdrawal" in kinds and not kinds & {"clash", "displacement"}, kinds


def test_it_and_the_city_mean_the_reports_main_place() -> None:
    text = (
        "Ramadi falls to Islamic State\n\n"
        "Islamic State fighters seized Ramadi on Sunday.\n"
        "Officials in Baghdad condemned the attack.\n"
        "The militants then shelled the city's main hospital."
    )
    hospital = told_in("hospital", text)
    assert hospital and {e.place for e in hospital} == {place_of("Ramadi")}


def test_the_base_is_the_base_told_before_even_as_a_place_gone_to() -> None:
    # "broke through to Kuweires air base": a site gone to is what "the base" means next
    text = ("Aleppo offensive\n\nThe army advanced east of Aleppo on Sunday. Troops broke "
            "through to Kuweires air base on Monday. A column of tanks rolled into the base "
            "on Tuesday afternoon.")
    rolled = told_in("rolled into the base", text, published="2016-02-25")
    assert rolled and {e.place for e in rolled} == {place_of("Kuweires air base")}, [
        e.place for e in rolled]


def test_its_is_the_town_of_the_event_told_before_not_a_town_named_in_passing() -> None:
    text = ("Militants overran Hit in October 2014, while the army was pinned down at Baiji. "
            "Its recapture, on 14 April, took two weeks.")
    recapture = told_in("Its recapture", text, published="2016-05-01")
    assert recapture and {e.place for e in recapture} == {place_of("Hit")}, recapture


def test_the_town_is_the_town_the_sentence_before_was_about() -> None:
    # not a site the report is about, not a force named like a town ("Badr fighters"),
    # not a town named in passing after it; a town gone to counts
    text = (
        "Militias reach the Baiji refinery\n\n"
        "Shiite militias now stand at the gates of the Baiji refinery.\n\n"
        "In October the fight moved to Jurf al-Sakhar, a farming district south of Baghdad "
        "that the militants had used to attack Karbala. Iraqi troops and Badr fighters "
        "captured the town on October 25.\n\n"
        "The militias' reach now extends to Baiji. Government forces entered the town three "
        "weeks ago."
    )
    events = run(text, published="2014-12-05")
    (taken,) = [e for e in events if e.event_type == "seizure"]
    entered = [e for e in events if "entered the town" in e.evidence]
    assert taken.place == place_of("Jurf al-Sakhar"), taken.place
    assert entered and entered[0].place == place_of("Baiji"), entered[0].place


def test_the_village_is_the_village_just_told_of_not_the_reports_town() -> None:
    text = (
        "Sinjar two years on\n\n"
        "ISIS fighters overran Sinjar on 3 August 2014. The worst massacre took place in Kojo, "
        "a village in Sinjar district, on 15 August 2014. After holding the village for 12 "
        "days, ISIS fighters executed at least 380 men."
    )
    held = told_in("holding the village", text, published="2016-08-03")
    assert held and {e.place for e in held} == {place_of("Kojo")}, [e.place for e in held]


def test_a_sentence_with_no_place_falls_back_to_the_main_place() -> None:
    text = (
        "Battle for Hawija\n\n"
        "Iraqi forces entered Hawija on Tuesday.\n\n"
        "Heavy fighting continued into the night."
    )
    fights = of_type("clash", text)
    assert fights and fights[0].place == place_of("Hawija")


def test_a_distance_from_a_known_place_picks_the_namesake() -> None:
    # "Iskandariyah" alone is a Syrian village; 50 km south of Baghdad it is the Iraqi town
    (bomb,) = of_type("bombing", "A car bomb exploded in a crowded market in Iskandariyah, "
                                 "a town some 50 km south of Baghdad, on Friday.")
    assert bomb.country == "IQ" and abs(bomb.lat - 32.89) < 0.2, (bomb.place, bomb.lat)


def test_a_relative_clauses_it_is_the_force_of_the_clause_it_hangs_from() -> None:
    (seizure,) = of_type("seizure", "The SDF continues to hold Shaddadi in southern Hasakah, "
                                    "which it seized on 19 February.")
    assert seizure.actor1 == "SDF" and seizure.place == place_of("Shaddadi")


def test_the_doer_named_in_the_nouns_own_clause_acts_not_a_supporter() -> None:
    (strike,) = of_type("airstrike", "Dozens died in strikes conducted by Syrian jets on Douma "
                                     "on Monday.")
    assert strike.actor1 == "Syrian Army"
    # a force that backs another is no doer of the event it backs
    events = run('Officials hailed the "liberation of Hit" hours after Iraqi troops backed up '
                 "by tribal fighters entered the town on Monday.")
    assert {e.actor1 for e in events if e.event_type == "seizure"} <= {
        "Iraqi Security Forces", None}


@pytest.mark.parametrize(
    ("text", "published", "told", "town"),
    [
        # "Deir Ezzor: ..." labels the paragraph; a quarter named later in it is of that
        # town, not of a village the same sentence names
        ("Daily bulletin\n\n"
         "Deir Ezzor: clashes went on around the military airport between regime forces and "
         "IS fighters. Regime forces shelled al-Huweiqa neighbourhood on Thursday, and "
         "helicopters dropped barrel bombs on the village of al-Jafra.",
         "2015-10-01", "shelling", "Deir ez-Zor"),
        # a capitalised lead-in heads its paragraph: "the city" below it is that town
        ("Evening news summary\n\n"
         "* BAIJI. The army announced the liberation of the city of Baiji from Daesh.\n\n"
         "* RAMADI. Security forces repelled an attack on the Tamim district at dawn today. "
         "The forces continue to advance toward the Albu Faraj area north of the city.",
         "2015-10-20", "advance", "Ramadi"),
        # a line labelled with a province is a new entry: its quarter is of the province's
        # city, not of the town the line before told of
        ("Daily toll\n\n"
         "Hama province: clashes continued between regime forces and rebels in Morek.\n"
         "Homs province: a woman was killed by regime sniper fire in the neighbourhood of "
         "al-Waer.", "2015-10-20", "sniper", "Homs"),
    ],
    ids=["colon label", "capitalised lead-in", "province label"],
)
def test_a_bulletins_paragraph_label_is_the_town_of_its_paragraph(
    text: str, published: str, told: str, town: str
) -> None:
    # the events of one type, or those of the sentence holding the words
    events = of_type(told, text, published) or told_in(told, text, published)
    assert events and events[0].place == place_of(town), [e.place for e in events]


def test_a_major_city_across_the_border_is_that_city() -> None:
    # a report about Syria that names an Iraqi city: the city, not a stray namesake to drop
    text = ("Islamic State fighters massed near Kobani on Monday. Troops arrived in Tikrit on "
            "Tuesday.")
    places = {e.place for e in run(text)}
    assert place_of("Tikrit") in places, places


def test_an_inexact_namesake_beside_the_reports_places_beats_an_exact_one_far_away() -> None:
    # the exact "Al Baghaliyah" is a village near Homs; Bughayliyah a suburb of Deir ez-Zor
    text = ("Islamic State fighters shelled Deir ez-Zor on Monday. On Tuesday they stormed "
            "al-Baghaliyah, a suburb on the north-western edge of the city, killing 20 "
            "civilians.")
    places = {e.place for e in run(text)}
    assert "Bughayliyah" in places and "Al Baghaliyah" not in places, places


def test_the_city_after_a_named_quarter_is_that_city_not_a_quarter() -> None:
    # "the al-Hamidiya neighbourhood of Deir ez-Zor": not a quarter called Deir ez-Zor
    # of the report's town
    text = ("Islamic State fighters shelled al-Mayadin on Friday. Regime warplanes bombed the "
            "al-Hamidiya neighbourhood of Deir ez-Zor city on Saturday, killing three people.")
    (strike,) = of_type("airstrike", text)
    assert strike.place == place_of("Deir ez-Zor"), strike.place


def test_places_in_coordinated_prepositional_phrases_are_each_struck() -> None:
    # "in A and near B": a list, each its own strike (the "near" is B's own, but the two
    # phrases are one list, as "in A and in B" is)
    text = "On Monday night, Turkish jets hit targets in Sinjar and near the Makhmour camp."
    assert {e.place for e in of_type("airstrike", text)} == {
        place_of("Sinjar"), place_of("Makhmur")}


def test_a_well_known_name_is_not_a_loosely_spelt_village_of_the_report_s_province() -> None:
    # "Sinjar" in a report on Afrin is Iraq's Sinjar, not the village of Sinnarah there
    text = ("Turkish-backed fighters entered the centre of Afrin in Aleppo province on Sunday "
            "after shelling Jandairis and Rajo. Kurdish officials compared the assault to the "
            "IS attack on Sinjar in northern Iraq in August 2014.")
    (attack,) = of_type("clash", text)
    assert attack.place == place_of("Sinjar"), attack.place


def test_a_headline_s_strike_is_the_strike_the_body_dates_at_a_site_in_the_town() -> None:
    # the body dates it by the verb it is the agent of ("destroyed by an airstrike ... on
    # Tuesday night"), and places it at the clinic: still the headline's one strike
    text = ("Children's hospital destroyed in airstrike in Aleppo\n\n"
            "Al-Zahraa hospital in Aleppo city, run by a local charity since 2013, was "
            "destroyed by at least one airstrike late on Tuesday night, 19 May, killing nine "
            "patients.")
    strikes = of_type("airstrike", text)
    assert [e.date for e in strikes] == ["2015-05-19"], strikes


def test_a_hold_told_with_its_start_in_the_same_sentence_is_one_seizure_then() -> None:
    # "continues to hold" and "has controlled since October 2014" tell one state
    text = "The group continues to hold Hit, which it has controlled since October 2014."
    assert [e.date for e in of_type("seizure", text)] == ["2014-10-01"]


def test_a_capture_after_a_campaign_is_the_news_and_the_campaign_s_length_its_own() -> None:
    # the campaign a capture came after, told without its length, is no event of its own
    text = "The army seized Sharqat on 16 May after a short operation."
    assert [e.event_type for e in run(text)] == ["seizure"]
    # its length dates the campaign's start, not the capture
    (seizure,) = of_type("seizure", "Kurdish forces liberate Sinjar after two-week offensive")
    assert seizure.date == PUB, seizure.date


def test_a_namesake_village_beside_a_quarter_holds_no_quarters() -> None:
    # the only Sheikh Fares the gazetteer knows is a village far from Aleppo; the quarter
    # with its own point beside it tells the city, and the next quarter is Aleppo's still
    text = ("Regime forces advanced in eastern Aleppo city on Sunday.\n"
            "Kurdish YPG units took control of the Sheikh Fares area adjacent to the Sheikh "
            "Maqsoud neighborhood on Sunday.\n"
            "Warplanes carried out airstrikes on the al-Sakhour neighborhood on Sunday.")
    (strike,) = of_type("airstrike", text)
    assert strike.place == place_of("Aleppo"), strike.place


def test_towns_named_in_a_city_s_countryside_are_where_it_happened() -> None:
    # "the western countryside of Aleppo" is the province's rural land, not the city
    text = ("In the western countryside of Aleppo, warplanes carried out airstrikes on areas "
            "in the towns of Kafr Naha and Urum al-Kubra on Sunday.")
    assert {e.place for e in of_type("airstrike", text)} == {
        place_of("Kafr Naha"), place_of("Urum al-Kubra")}


def test_a_quarter_is_of_the_city_its_sentence_or_paragraph_tells_of() -> None:
    text = ("Islamic State fighters overran the Shaer gas field near Palmyra on Thursday.\n\n"
            "The setback came as government troops pressed their offensive in the city of "
            "Aleppo. On Monday, troops seized the Sheikh Saeed district from the rebels.")
    (seizure,) = told_in("Sheikh Saeed", text)
    assert seizure.place == place_of("Aleppo"), seizure.place
    # a district that is a unit of its own is that unit, not a quarter of the sentence's
    # town, nor of the town the paragraph told of before
    (flight,) = of_type("displacement", "An estimated 1,200 families fled Muqdadiyah district "
                                        "on Monday, mostly towards Baqubah and Khalis.")
    assert flight.place == place_of("Muqdadiyah"), flight.place
    text = ("Militants kidnapped two shepherds near Qara Tapa on Sunday. On Monday, mortar "
            "rounds were fired at a village in the Khanaqin district, wounding two farmers.")
    (shelling,) = of_type("shelling", text)
    assert shelling.place == "Khanaqin", shelling.place


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        # a storming told with no outcome took the place
        ("Islamic State fighters stormed Tal Hamis on Thursday.", "seizure", "Tal Hamis"),
        ("Rebels stormed the town of Morek on Friday and raised their flag.", "seizure", "Morek"),
        # the siege and shelling that came before are no outcome of it
        ("Jihadists stormed Tal Hamis on Friday after a siege of several days in which the town "
         "was shelled with mortars.", "seizure", "Tal Hamis"),
        # a prison stormed to free its inmates is a prison break
        ("Gunmen stormed Taji prison on Sunday, freeing 200 inmates.", "prison_break", "Taji"),
        # an assault on a prison that frees its inmates is a prison break
        ("Police blamed the July assault on Taji prison, when militants used car bombs to "
         "free more than 200 inmates.", "prison_break", "Taji"),
        # an assault told as unfinished or thrown back stays a fight
        ("Army units stormed Kafr Nabuda on Monday, before being pushed back by a "
         "counter-attack.", "clash", "Kafr Nabuda"),
        ("Government troops stormed Baiji on Sunday, trying to clear the last snipers.",
         "clash", "Baiji"),
    ],
)
def test_a_storming_is_what_it_came_to(text: str, kind: str, name: str) -> None:
    assert [e.event_type for e in run(text) if e.event_type in (
        "seizure", "clash", "prison_break")] == [kind], run(text)


def test_a_storming_told_by_its_dead_is_a_raid_not_a_capture() -> None:
    text = ("Attackers stormed a power station in Dibis at dawn on Friday, killing 13 workers, "
            "before two of them blew themselves up.")
    assert "seizure" not in {e.event_type for e in run(text)}, run(text)


def test_an_unnamed_site_taken_is_its_own_event_in_the_town_told_of() -> None:
    text = ('Kurdish-led forces said on Tuesday they had fully captured Tabqa. "The fighters '
            'managed to capture the main hospital after clearing most of the area," a monitor '
            "said.")
    seizures = sorted((e.location, e.geo_precision) for e in of_type("seizure", text,
                                                                     published="2017-05-10"))
    assert seizures == [("Tabqa", 1), ("the main hospital", 2)], seizures
    assert {e.place for e in of_type("seizure", text, published="2017-05-10")} == {"Tabqa"}


def test_an_outlet_named_for_a_place_and_a_number_is_no_place() -> None:
    text = "Sources told Deir ez-Zor 24 that gunmen shot dead a teacher in the village on Friday."
    assert place_of("Deir ez-Zor") not in {e.place for e in run(text)}, run(text)


def test_both_towns_are_each_town_told_together_before() -> None:
    text = ("Iraqi forces and Kurdish fighters retook Jalawla and Saadiya on 23 November. Both "
            "towns had been under ISIL control since August 2014.")
    held = sorted(e.place for e in told_in("Both towns", text, published="2015-01-28"))
    assert held == sorted([place_of("Jalawla"), place_of("Saadiya")]), held
    # none told together before: the town the report is about, as "the town"
    text = "Kurdish fighters retook Jalawla on Sunday. Both towns were shelled overnight."
    assert {e.place for e in told_in("Both towns", text)} == {place_of("Jalawla")}
    # told together earlier in the same sentence, after other towns told before it
    text = ("Car bombs hit Baghdad and Basra on Monday.\n\nMilitants seized Hit and Rawa in "
            "October 2014, before the army retook the two towns in March 2015.")
    retaken = {e.place for e in run(text) if e.actor1 == "Iraqi Security Forces"}
    assert retaken == {place_of("Hit"), place_of("Rawa")}, retaken


def test_a_governorate_across_the_border_is_that_governorate_not_a_village_at_home() -> None:
    # a Syrian village is called Anbar too; "western Anbar" in a report set in Syria is Iraq's
    text = ("Syrian troops retook Palmyra and Qaryatain in Syria on Sunday, a Syrian monitor "
            "said. Across the border in Iraq, militants shelled army posts in western Anbar on "
            "Tuesday.")
    (shelling,) = of_type("shelling", text, published="2016-03-29")
    assert (shelling.place, shelling.country) == ("Al-Anbar", "IQ"), shelling.place


def test_entering_a_war_is_no_position() -> None:
    text = ("In its first victory since Russia entered the war in September, the army broke "
            "the siege of the Kuweires air base on Tuesday.")
    assert not [e for e in run(text) if e.event_type == "troop_position"], run(text)


def test_a_persons_name_is_no_place() -> None:
    text = "Jassim Mohammed, a farmer, said militants seized his village near Kirkuk on Monday."
    assert all(e.place != place_of("Jassim") for e in run(text))


@pytest.mark.parametrize("text", [
    "Tribal sheikhs said they had begged Baghdad for ammunition. Their fighters withdrew "
    "from the village on Friday.",
    "The tribe's fighters had asked Damascus for weapons; on Friday they abandoned the town.",
])
def test_a_seat_of_government_asked_or_acting_is_the_government_not_a_place(text: str) -> None:
    assert not {e.place for e in run(text, "2014-11-04")} & {
        place_of("Baghdad"), place_of("Damascus")}, run(text, "2014-11-04")


@pytest.mark.parametrize("text", [
    "Regime forces pounded with heavy artillery Kansafra and Taqad on Monday.",
    "Government troops struck the village of Taqad with rockets on Monday.",
])
def test_what_a_strike_was_made_with_says_what_it_was(text: str) -> None:
    # "pounded with heavy artillery", "struck ... with rockets": shelling, not from the air
    kinds = {e.event_type for e in run(text, "2022-11-08")}
    assert "shelling" in kinds and "airstrike" not in kinds, kinds


def test_the_city_on_the_road_to_a_place_is_not_that_place() -> None:
    text = ("Government troops surrounded Fallujah on Friday.\n\nResidents said tanks had "
            "massed at the eastern entrance to the city on the highway to Baghdad.")
    assert place_of("Baghdad") not in {e.place for e in run(text)}, run(text)


def test_a_bylined_or_credited_name_is_a_person_not_the_report_s_town() -> None:
    # "Salam Jassim" on the byline and the photo credit is the reporter, not the Syrian
    # town of Jasim, and "the town" is the town the report is about
    text = ("Security | Salam Jassim | Anbar | 06.11.2014\n"
            "Under siege in Amiriyat al-Fallujah\n"
            "Photo caption: Police at a checkpoint. (photo: Salam Jassim)\n\n"
            "Islamic State fighters have surrounded Amiriyat al-Fallujah on three sides since "
            "June. On Sunday, mortar rounds hit the town's market, killing four people.")
    places = {e.place for e in run(text, "2014-11-06")}
    assert place_of("Jasim") not in places and place_of("Amiriyat al-Fallujah") in places, places


@pytest.mark.parametrize(
    ("toll", "fights"),
    [
        # a toll told alone, after another paragraph's strike: no fight of its own
        ("The Syrian military said six of its soldiers were killed.", 0),
        ("Casualties remained low, with 11 dead and 19 wounded for the week.", 0),
        # told with where they fell: a fight
        ("Thirty-one militants were killed in action along the river bank.", 1),
        # a quoted fight with its place further down the clause is no rhetoric
        ('"Clashes continue with great intensity near the municipal stadium," a commander '
         "said.", 1),
    ],
)
def test_a_toll_told_alone_is_the_toll_of_a_fight_told_before(toll: str, fights: int) -> None:
    text = f"US warships fired missiles at the Shayrat air base on Friday.\n\n{toll}"
    assert len(of_type("clash", text)) == fights, run(text)


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        # an offensive named only to say when: no launch of one
        ("Turkish artillery shelled Qamishli on the second day of the offensive.", 0),
        ("Four weeks into the operation, Iraqi forces have cleared the Nineveh Plains.", 0),
        ("The number of people killed in Nabk since the start of the Qalamoun battle on 15 "
         "May has risen to 276.", 0),
        # the start of one told as news
        ("The prime minister announced the start of the operation on Mosul on Monday.", 1),
    ],
)
def test_an_offensive_told_as_a_time_is_no_launch(text: str, positions: int) -> None:
    assert len(of_type("troop_position", text)) == positions, run(text)


def test_an_outlet_named_for_a_city_is_no_place_even_where_the_city_was_told() -> None:
    # "Deir ez-Zor 24" is an outlet; the report has named the city itself before
    text = ("The fighters of the Islamic State stormed the town of Abu Hammam, east of Deir "
            "ez-Zor, on Friday.\n\nLocal sources told Deir ez-Zor 24 that the organisation "
            "executed at least 30 men in the main square of Abu Hammam after it entered, most "
            "of them young men.")
    killings = told_in("executed", text, published="2014-08-17")
    assert killings and {e.place for e in killings} == {"Abu Hammam"}, killings


def test_the_last_part_of_a_persons_name_is_the_person_throughout_the_report() -> None:
    # "al-Baghdadi" is a town in Anbar, and the surname of the man the report named
    text = ("Iraqi commandos raided the hideout of Abu Bakr al-Baghdadi near Qaim on Saturday."
            "\n\nAccording to officials, al-Baghdadi detonated a suicide vest in a tunnel "
            "under the compound.")
    assert place_of("al-Baghdadi") not in [e.place for e in run(text)]
    # the town told as such stays a place
    sentence = SimpleNamespace(text="Last year militants stormed the town of al-Baghdadi.")
    found = [(40, 51, "al-Baghdadi", None)]
    assert drop_surnames(sentence, found, {"al-baghdadi"}) == found
    assert drop_surnames(SimpleNamespace(text="Later al-Baghdadi fled."),
                         [(6, 17, "al-Baghdadi", None)], {"al-baghdadi"}) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a sentence with no date of its own is of the report's days, not the earlier date told
        ("The army retook Tikrit in March.\n\nMilitants shelled Samarra.", "2015-05-21"),
        # a duration gives the start
        ("Iraqi forces are pressing a 13-day offensive on Ramadi.", "2015-05-08"),
        # a clause of its own after a semicolon keeps the date it holds for its events
        ("On 14 May, two men were killed when mortar rounds hit a market in Hit; no group "
         "has said it fired them.", "2015-05-14"),
        # counted back from the day told, when it ends in that day
        ("Kurdish units took Tal Abyad on 15 May after a five-day offensive.", "2015-05-10"),
        # a day by its number is of the month the story is at
        ("In April, militants shelled Baiji from the hills. On the 10th, a car bomb killed nine "
         "people in the town.", "2015-04-10"),
        # "a day after" counts one day back from the day told, as "two days after" does
        ("Peshmerga forces retook Zumar on Sunday, a day after IS fighters seized the town.",
         "2015-05-16"),
        # a day told outright over "overnight", which counts from another day
        ("Kurdish commanders pulled their fighters out of Jalawla overnight on Saturday.",
         "2015-05-16"),
        # a year set before the event's noun dates it, not the day of the sentence's verb
        ("A court on Monday jailed 12 men over the 2014 massacre of prisoners at Badush "
         "prison.", "2014-01-01"),
        # when a state began is not the year the story is at: "In January" is the last one
        ("The airport has been encircled by Islamic State since early 2013. In January, "
         "the militants stormed a suburb of Deir ez-Zor, killing 50 civilians.", "2015-01-01"),
        # the year of a background clause does not date the news
        ("Islamic State, which took Mosul in 2014, shelled Makhmur on Tuesday.", "2015-05-19"),
        # how long it lasted does not date what a month told outright dates
        ("In March this year, Kurdish fighters and militiamen fought for three days in "
         "Qamishli.", "2015-03-01"),
        # a year written later in the sentence dates its day told before, over the year
        # the sentence before was at
        ("Islamic State overran the province in 2013.\nKurdish fighters took Tal Brak on 23 "
         "February and Tal Hamis on 27 February this year.", "2015-02-23"),
        # a sentence told from the report's day ("last month") is in the report's year, not
        # the year the sentence before was at
        ("Islamic State seized Shirqat in June 2013.\nIts recapture comes after the "
         "liberation of Qayyarah in March and of Hajj Ali last month.", "2015-03-01"),
        # "in the weeks after" an event told: a week or so after its day
        ("Troops broke the siege of Amirli on 31 August. In the weeks after the siege was "
         "lifted, militiamen blew up dozens of houses in villages around Amirli.",
         "2014-09-07"),
    ],
)
def test_dates(text: str, day: str) -> None:
    days = {e.date for e in run(text)}
    assert day in days, days


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        # an event told after an "after" phrase that dates what it followed is of its time
        ("After storming the Tabqa air base in August 2014, militants beheaded dozens of "
         "captured soldiers.", "attack_on_civilians", "2014-08-01"),
        ("After the fall of Ramadi on 17 May, thousands of families fled towards Baghdad.",
         "displacement", "2015-05-17"),
    ],
)
def test_an_event_after_a_dated_one_is_of_its_time(text: str, kind: str, day: str) -> None:
    assert {e.date for e in of_type(kind, text)} == {day}


@pytest.mark.parametrize(
    ("text", "kind", "actor"),
    [
        # a force's movement told as a noun is the force's, hyphenated or not
        ("The pull-out of army units from Ariha on Sunday left the town open.", "withdrawal",
         "Syrian Army"),
        ("The retreat of the Iraqi army from Ramadi on Sunday stunned Baghdad.", "withdrawal",
         "Iraqi Security Forces"),
        ("The advance of Peshmerga units on Zumar went on for a third day.", "troop_position",
         "Peshmerga"),
    ],
)
def test_a_movement_noun_is_of_the_force_after_of(text: str, kind: str, actor: str) -> None:
    assert [e.actor1 for e in of_type(kind, text)] == [actor]


def test_a_counts_start_dates_no_strike_where_the_sentence_tells_its_day() -> None:
    # a bulletin's running toll "since the evening of Thursday" starts a count: the strikes
    # told beside it are of the day the sentence gives
    text = ("Monitors counted more civilian deaths in the Eastern Ghouta today, Monday the "
            "18th of May 2015, where 9 people died in air raids on Saqba, while regime "
            "helicopters dropped barrel bombs on Hamouriyah killing 4, in addition to 3 people "
            "who were killed in shelling by regime forces on Douma, raising to 150 the number "
            "of civilians killed since the evening of Thursday the 14th of May.")
    events = run(text, "2015-05-18")
    assert {e.event_type for e in events} >= {"airstrike", "shelling"}
    assert {e.date for e in events} == {"2015-05-18"}
    # a state's start is its date: the siege since 3 May, beside the day of the shelling
    text = "Government forces have besieged Ariha since 3 May, and on Monday they shelled it."
    assert {(e.event_type, e.date) for e in run(text)} == {
        ("troop_position", "2015-05-03"), ("shelling", "2015-05-18")}


def test_a_story_told_years_later_keeps_its_own_dates() -> None:
    # a report of 2016 about 2014: a day with no year is in the year the paragraph is at
    # (also after a range of days), and a state told in the simple past "for more than a
    # week" started when the story was at, not a week before publication
    text = (
        "On 3 August 2014 the militants swept into Sinjar. They surrounded the mountain for "
        "more than a week.\n\n"
        "Kurdish fighters opened a corridor from the border around 9-10 August 2014. "
        "Coalition aircraft struck militant convoys near Sinjar on August 9."
    )
    days = {(e.event_type, e.date) for e in run(text, published="2016-08-03")}
    assert ("troop_position", "2014-08-03") in days and ("airstrike", "2014-08-09") in days, days


def test_a_timelines_entry_dates_its_days_and_months_in_its_year() -> None:
    # "August 2014 - ... on 19 August" in a report of 2017: the entry's year, also for a
    # month after a range ("July-August"); an offensive's length dates the offensive,
    # not the town taken after it
    text = (
        "Timeline of the war in Hasakah\n\n"
        "July-August 2014 - The militants take the Brigade 121 base in late July and "
        "storm Shaddadi on 19 August.\n\n"
        "February 2016 - Kurdish forces drive IS out of Shaddadi after a three-week "
        "offensive."
    )
    days = {(e.event_type, e.date) for e in run(text, published="2017-10-20")}
    assert {("seizure", "2014-08-19"), ("seizure", "2016-02-01")} <= days, days
    assert not any(day.startswith("2017") for _, day in days), days


def test_a_timelines_entry_dates_what_no_date_of_its_own_does() -> None:
    # (the parse hangs "after a four-month siege" on the seizure, whose own date it is not)
    text = ("January 2015 - Kurdish fighters of the People's Protection Units (YPG), backed by "
            "US air power, drive IS out of Kobani, about 120km (75 miles) north-west of Raqqa, "
            "after a four-month siege.")
    (seizure,) = of_type("seizure", text, published="2017-10-20")
    assert seizure.date == "2015-01-01", seizure.date


def test_a_live_blogs_day_line_dates_the_entries_below_it() -> None:
    text = (
        "Kirkuk live: federal forces move in\n\n"
        "Sunday 15 October\n\n"
        "08:10 Federal police units have entered the Kirkuk airport, a security source says.\n\n"
        "14:30 Peshmerga fighters withdrew from Daquq.\n\n"
        "Tuesday 17 October\n\n"
        "09:00 Iraqi troops took the Dibis district this morning."
    )
    days = {e.evidence[:5]: e.date for e in run(text, published="2017-10-17")}
    assert days.get("08:10") == "2017-10-15" and days.get("14:30") == "2017-10-15", days
    assert days.get("09:00") == "2017-10-17", days


def test_a_count_since_an_offensive_began_is_a_count_to_date_and_the_start_an_event() -> None:
    text = ("Since military operations to retake Hawija began on 21 September, the number of "
            "people displaced has reached 12,000, aid agencies said.")
    events = {(e.event_type, e.date) for e in run(text, published="2017-10-05")}
    assert ("troop_position", "2017-09-21") in events, events
    assert ("displacement", "2017-10-05") in events, events
    assert "seizure" not in {kind for kind, _ in events}, events


def test_the_toll_is_the_total_not_the_sub_count() -> None:
    (event,) = [e for e in run("An air strike on Douma killed 12 people, including 7 children, "
                               "on Monday.") if e.event_type == "airstrike"]
    assert event.magnitude == 12


@pytest.mark.parametrize(
    ("text", "kind", "figure"),
    [
        # "martyred", as state and local media write it, is killed
        ("Four policemen were martyred when a roadside bomb hit their patrol in Tarmiyah on "
         "Monday.", "bombing", 4),
        # one person counted; not "one of the commanders"
        ("Rockets struck a fire base near Makhmour on Saturday, killing one soldier.",
         "shelling", 1),
        ("A car bomb in Hit killed one of the tribal commanders on Sunday.", "bombing", None),
        # "the death of N" is the toll
        ("Activists documented the death of at least 15 civilians in air raids on Saraqib on "
         "Monday.", "airstrike", 15),
        # the day of a date is no toll
        ("Gunmen stormed the village of Kinsabba on March 9 and killed a number of its "
         "people.", "attack_on_civilians", None),
    ],
)
def test_toll_wording(text: str, kind: str, figure: int | None) -> None:
    assert [e.magnitude for e in of_type(kind, text)] == [figure]


def test_the_supporting_air_force_is_not_the_ground_force() -> None:
    events = run("Backed by US-led strikes, Kurdish fighters recaptured Kobani on Monday.")
    seizure = [e for e in events if e.event_type == "seizure"]
    strikes = [e for e in events if e.event_type == "airstrike"]
    assert seizure and seizure[0].actor1 == "Kurdish fighters"
    assert strikes and strikes[0].actor1 == "US-led coalition"


def test_a_states_adjective_names_its_own_forces_across_the_border() -> None:
    text = ("Syrian troops took Hajin on Friday. Iraqi F-16s struck Islamic State positions "
            "near al-Sousa on Wednesday.")
    (strike,) = of_type("airstrike", text)
    assert strike.actor1 == "Iraqi Security Forces", strike.actor1


def test_the_country_a_story_was_filed_from_is_no_side() -> None:
    (seizure,) = of_type("seizure", "BEIRUT/AKCAKALE, Turkey, June 16 - Kurdish-led forces took "
                                    "full control of the border town of Tal Abyad on Monday.",
                         published="2015-06-16")
    assert seizure.actor1 != "Turkey", seizure.actor1


def test_a_recapture_belongs_to_the_side_that_won() -> None:
    (seizure,) = [e for e in run("Government troops recaptured Palmyra from Islamic State "
                                 "on Sunday.") if e.event_type == "seizure"]
    assert seizure.actor1 == "Syrian Army" and seizure.actor2 == "ISIS"


def test_a_headline_alone_gives_its_event() -> None:
    events = run("Warplanes pound Douma, 20 killed")
    assert {(e.event_type, e.place) for e in events} == {("airstrike", place_of("Douma"))}
    # a verb word that only qualifies the noun before a verb is no verb: "mass graves"
    events = run("Camp Speicher massacre: mass graves excavated in Iraqi city of Tikrit\n\n"
                 "Forensic teams worked there on Tuesday.")
    assert "troop_position" not in {e.event_type for e in events}


def test_an_event_told_before_and_named_as_a_time_is_no_new_event() -> None:
    text = ("Coalition jets struck army positions on Jabal Tharda near Deir ez-Zor on Saturday. "
            "Islamic State fighters overran the hilltop within an hour of the raid.")
    kinds = sorted(e.event_type for e in run(text, published="2016-09-18"))
    assert kinds == ["airstrike", "seizure"], kinds


def test_a_quarter_and_its_town_in_one_phrase_are_one_event() -> None:
    events = run("Police repelled an attack by militants on the Tamim district south of Ramadi "
                 "at dawn on Tuesday.")
    assert [e.event_type for e in events].count("clash") == 1, [(e.event_type, e.location)
                                                                for e in events]


def test_a_toll_told_alone_after_an_event_is_its_toll() -> None:
    # told apart, the toll had become a second fight with the sides the other way round
    text = ("Police repelled an attack by Daesh on the Haqlaniya district of Haditha at dawn "
            "on Tuesday. The Anbar Operations Command said 25 terrorists were killed and two "
            "car bombs were destroyed before reaching their targets.")
    events = run(text)
    assert [(e.event_type, e.magnitude) for e in events] == [("clash", 25)], [
        (e.event_type, e.magnitude, e.evidence[:30]) for e in events]


def test_an_attack_still_to_come_is_no_fight() -> None:
    kinds = {e.event_type for e in run("Islamic State fighters were massing near Kobani on "
                                       "Tuesday ahead of an assault on the town.")}
    assert kinds == {"troop_position"}, kinds


def test_a_bombing_told_in_the_city_and_in_its_quarter_is_one_event() -> None:
    text = (
        "More than 100 people have been killed in a suicide bombing in Iraq's capital, "
        "Baghdad, officials said.\n\n"
        "The truck bomb went off early on Sunday in a busy shopping street in the Karada "
        "district in central Baghdad."
    )
    bombs = of_type("bombing", text, published="2016-07-04")
    assert len(bombs) == 1 and bombs[0].date == "2016-07-03", [(e.place, e.date) for e in bombs]


def test_a_storming_told_with_its_outcome_is_that_outcome_not_a_fight_too() -> None:
    text = "Gunmen stormed the village of Kojo on Monday, killing 12 civilians."
    assert of_type("attack_on_civilians", text) and not of_type("clash", text)


def test_the_side_that_announces_a_capture_made_it() -> None:
    # and two forces taking two quarters of a town are two seizures
    text = ("Iraqi troops captured the Kifah district of Tal Afar on Tuesday. The Hashed also "
            "announced the capture of the Wahda district of Tal Afar.")
    sides = {e.actor1 for e in of_type("seizure", text, published="2017-08-23")}
    assert sides == {"Iraqi Security Forces", "PMF"}, sides


def test_people_carried_off_to_a_town_do_not_take_it() -> None:
    kinds = {(e.event_type, e.place) for e in run("Militants abducted 40 workers in Tikrit on "
                                                  "Monday and took them to Hawija.")}
    assert kinds == {("abduction", place_of("Tikrit"))}, kinds


def test_a_restated_event_is_one_event() -> None:
    text = (
        "Militants seize Baiji refinery\n\n"
        "Islamic State militants seized the Baiji refinery on Tuesday, officials said.\n"
        "The seizure of the refinery cut fuel supplies to Baghdad."
    )
    assert [e.event_type for e in run(text)].count("seizure") == 1


@pytest.mark.parametrize(
    ("text", "words", "published", "name"),
    [
        # a town troops moved into is what "it" later in the sentence means, not the town
        # the report is mostly about
        ("Troops retake town after Hawija raid\n\nIraqi troops moved back into the northern "
         "town of Tuz Khurmatu on Friday after gunmen who had seized it a day earlier pulled "
         "out, officials said.\n\nThe unrest follows Tuesday's raid on a protest camp in "
         "Hawija, where 42 people were killed. Hawija remained tense on Friday.",
         "had seized it", "2013-04-27", "Tuz Khurmatu"),
        # the report's other places (Baghdad, Madain) make Salman Pak likelier for "Sulaiman
        # Bek"; "170 km north of Baghdad" says which town it is, in every sentence
        ("Gunmen overran Sulaiman Bek on Thursday, police said. Car bombs killed 20 people "
         "in Baghdad and Madain on Thursday.\n\nThe gunmen left Sulaiman Bek, 170 km north "
         "of Baghdad, on Friday.", "overran", "2013-04-27", "Sulaiman Bek"),
    ],
)
def test_the_place_of_a_sentence_read_with_its_report(
    text: str, words: str, published: str, name: str
) -> None:
    told = told_in(words, text, published=published)
    assert told and {e.place for e in told} == {place_of(name)}, told


def test_a_verb_coordinated_with_an_event_takes_the_date_that_event_was_given() -> None:
    # "punched through" hangs from the date ("August 31, when ..."); "entered", coordinated
    # with it, is of that day too, not of the report's week
    text = ("Militants besieged Amirli for weeks. The siege ended on August 31, when army units "
            "and volunteers punched through from the north and entered the town.")
    events = run(text, published="2014-12-05")
    entered = [e for e in events if e.event_type == "troop_position" and "entered" in e.evidence]
    assert entered and {e.date for e in entered} == {"2014-08-31"}, entered


def test_a_town_told_as_lying_some_way_of_another_is_the_namesake_near_it() -> None:
    # "Taza Khurmatu, south of Kirkuk": the Taza 15 km from Kirkuk, not Tuz Khurmatu, 75 km
    # away, that the name reads best as alone
    text = ("Kirkuk falls\n\nIraqi forces entered Kirkuk on Monday. Peshmerga fighters clashed "
            "with Iraqi units near Taza Khurmatu, south of Kirkuk, on Monday.")
    clash = of_type("clash", text, published="2017-10-17")
    assert clash and {e.place for e in clash} == {"Tazah Khurmatu"}, clash


def test_a_namesake_beside_the_reference_that_lies_another_way_is_not_meant() -> None:
    # "Zummar, north-west of Mosul": the town itself, 65 km off, not a village of like
    # spelling east of Mosul
    text = ("Border standoff\n\nIraqi forces moved towards the Faysh Khabur crossing on "
            "Thursday, officials in Dohuk said. Last Friday, government forces and peshmerga "
            "clashed for several hours at Zummar, north-west of Mosul.")
    clash = of_type("clash", text, published="2017-10-27")
    assert clash and {e.place for e in clash} == {place_of("Zummar")}, [e.place for e in clash]


def test_a_town_north_east_of_another_is_not_a_far_city_of_like_spelling() -> None:
    # "Adra, north-east of Douma": the town beside Douma, not Daraa 100 km south
    text = ("In December 2013, Nusra fighters overran the industrial town of Adra, north-east "
            "of Douma.")
    seized = of_type("seizure", text, published="2018-03-06")
    assert seized and place_of("Daraa") not in {e.place for e in seized}, seized
    assert all(abs(e.lat - 33.6) < 0.2 for e in seized), seized


@pytest.mark.parametrize(
    "text",
    [
        "Six civilians were shot dead by snipers while fleeing from the Yarmuk district of Mosul "
        "on Tuesday.",
        "Four of them were killed by coalition aircraft as they fled from Sinjar on Tuesday.",
    ],
)
def test_fleeing_told_as_the_moment_of_a_killing_is_no_displacement(text: str) -> None:
    events = run(text)
    assert not [e for e in events if e.event_type == "displacement"], events
    assert events, "the killing is still an event"


def test_who_launches_an_operation_acts_not_what_it_is_called() -> None:
    # "a military operation" names no army; Turkey launches it
    threats = of_type("threat", "President Erdogan said on Wednesday that Turkey would launch "
                      "a new military operation against Kurdish fighters in Manbij.")
    assert [e.actor1 for e in threats] == ["Turkey"], threats


def test_a_campaign_named_again_with_nothing_of_its_own_is_no_new_event() -> None:
    # "the operation" and "the advance" are the offensive told first, not two more
    text = ("Kurdish forces launched an offensive to retake Sinjar on 2 November.\n\n"
            "On Friday, coalition jets struck Tal Afar. Further updates will be provided as "
            "the operation progresses. The advance has been swift.")
    found = of_type("troop_position", text, "2015-11-14")
    assert [e.place for e in found] == [place_of("Sinjar")], [(e.place, e.date) for e in found]


def test_a_campaign_pressed_on_is_news_of_the_day() -> None:
    text = "Syrian troops shelled Daraa on Monday. The army is pressing the offensive."
    assert [e.place for e in of_type("troop_position", text)] == [place_of("Daraa")]


def test_a_town_a_direction_locates_without_a_comma_is_only_a_reference() -> None:
    # "Khatuniyah north-east of al-Hol": al-Hol only says where the village lies, and "it"
    # is the village taken
    text = ("On Wednesday, SDF units reached the village of Khatuniyah north-east of al-Hol "
            "and took it after brief clashes.")
    assert {(e.event_type, e.place) for e in run(text)} == {
        ("troop_position", place_of("Khatuniyah")), ("seizure", place_of("Khatuniyah"))}


def test_most_of_it_taken_is_part_of_the_town_told_before() -> None:
    text = ("Troops entered Deir Hafer on Monday. On Wednesday ISIS fighters "
            "retook most of it.")
    (taken,) = [e for e in of_type("seizure", text) if e.actor1 == "ISIS"]
    assert (taken.place, taken.geo_precision) == (place_of("Deir Hafer"), 2)


def test_people_taken_somewhere_by_no_one_named_are_moved_not_kidnapped() -> None:
    assert of_type("abduction", "About 4,000 civilians were taken to Harran on Friday.") == []


def test_people_freed_or_guarded_are_not_taken() -> None:
    # the verbs that need a place for object ("freed the town") do not take people instead
    assert of_type("abduction", "Iraqi troops freed 30 hostages in Fallujah on Monday.") == []


def test_the_day_a_paragraph_is_at_carries_over_its_undated_sentences() -> None:
    # the assault's day is told once; what the survivors tell of it two sentences on is
    # that day's too, while what troops "have since" done is up to the report's day
    text = ("The assault on the village of Mulla Abdullah began at dawn on Sunday with mortar "
            "fire. Gunmen in uniforms then walked into the village. Witnesses said 14 "
            "farmers were shot dead in the square. The army has since retaken the village.")
    days = {e.event_type: e.date for e in run(text, published="2016-03-10")}
    assert days.get("attack_on_civilians") == "2016-03-06", days
    assert days.get("seizure") == "2016-03-10", days


def test_holding_off_a_decision_is_no_fight() -> None:
    assert run("The government held off on a decision about Mosul on Monday.") == []
    assert run("Money changed hands in Baghdad on Monday.") == []


def test_positions_held_near_a_town_are_no_hold_on_the_town() -> None:
    text = "Kurdish fighters hold positions on the hills above Sinjar."
    assert of_type("seizure", text) == [], [(e.event_type, e.place) for e in run(text)]
    assert of_type("troop_position", text), [(e.event_type, e.place) for e in run(text)]
