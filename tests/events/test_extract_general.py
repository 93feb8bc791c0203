"""Extraction of news language the dev corpus does not show: one table per category.

Every sentence is written for these tests. Each case is a short invented report
published on Thursday 2015-05-21: the events that must be found as
(event_type, place, date or None), and the event types that must not be
found at all. Places go through the real gazetteer.
"""

from __future__ import annotations

import pytest

from events.extract import extract_events
from events.reports import read_text

PUB = "2015-05-21"


def triples(text: str) -> set[tuple[str, str, str]]:
    report = read_text(f"published: {PUB}\n---\n{text}", name="general.txt")
    return {(e.event_type, e.place, e.date) for e in extract_events(report)}


def _events(text: str) -> list:
    return extract_events(read_text(f"published: {PUB}\n---\n{text}", name="general.txt"))


def place_of(name: str) -> str:
    import geodata

    return geodata.resolve(name).name


# (text, must find [(type, place query, date or None)], must not find [types or (type, place)])
CASES = [
    # weapons: missiles, a quantifier between the verb and the weapon, helicopters dropping things
    (
        "Militants fired several dozen mortar shells at Tikrit on Monday.",
        [("shelling", "Tikrit", "2015-05-18")],
        [],
    ),
    (
        # cruise missiles fly to their target: coded as the air strikes they are like
        "On Tuesday two cruise missiles struck an arms depot in Hama.",
        [("airstrike", "Hama", "2015-05-19")],
        [],
    ),
    (
        "An army helicopter dropped two barrels of explosives on Daraya on Sunday.",
        [("airstrike", "Daraya", "2015-05-17")],
        [],
    ),
    (
        "On Sunday army helicopters dropped food parcels over Haditha.",
        [],
        ["airstrike"],
    ),
    (
        "Residents of Saraqib said a chlorine attack on Saturday left dozens choking.",
        [("attack_on_civilians", "Saraqib", "2015-05-16")],
        [],
    ),
    # movements of people and forces
    (
        "The remaining militants left Dabiq in a long convoy on Wednesday.",
        [("withdrawal", "Dabiq", "2015-05-20")],
        [],
    ),
    (
        "About 3,000 people arrived in Amiriyat al-Fallujah on Tuesday.",
        [("displacement", "Amiriyat al-Fallujah", "2015-05-19")],
        [],
    ),
    (
        "Hundreds of tribal fighters gathered at Ain al-Asad on Monday.",
        [("troop_position", "Ain al-Asad", "2015-05-18")],
        [],
    ),
    (
        "The governor announced the start of the offensive to retake Hawija on Wednesday.",
        [("troop_position", "Hawija", "2015-05-20")],
        [],
    ),
    (
        "Crowds poured into the streets of Kobani on Tuesday to celebrate.",
        [],
        ["displacement"],
    ),
    (
        "Gunmen set fire to dozens of houses in Jalawla on Monday, residents said.",
        [("attack_on_civilians", "Jalawla", "2015-05-18")],
        [],
    ),
    # places: a town inside a province named first, named sites, sentence-initial "In X,"
    (
        "In Homs province, gunmen kidnapped three engineers near Palmyra on Monday.",
        [("abduction", "Palmyra", "2015-05-18")],
        [],
    ),
    (
        "Gunmen stormed the Badush prison on Sunday. Hundreds of inmates escaped from Badush.",
        [("prison_break", "Badush prison", "2015-05-17")],
        [],
    ),
    (
        "In Samarra, a suicide bomber struck a checkpoint on Tuesday.",
        [("bombing", "Samarra", "2015-05-19")],
        [],
    ),
    # air strikes in support of an offensive are air strikes (dev2's annotators code them);
    # ordnance cleared and habitual fire are no events
    (
        "Iraqi troops pushed into Hit on Monday with the support of coalition air strikes.",
        [("troop_position", "Hit", "2015-05-18"), ("airstrike", "Hit", "2015-05-18")],
        [],
    ),
    (
        "Sappers were defusing improvised explosive devices in Tikrit on Tuesday.",
        [],
        ["bombing"],
    ),
    (
        "Syrian government artillery has shelled Zabadani in the past.",
        [],
        ["shelling"],
    ),
    # a place that only says where the target is; a gas attack in its own clause; denials
    (
        "On Monday jets fired four missiles at Tiyas air base near Homs after a chlorine attack "
        "on Saraqib.",
        # missiles fired by jets are an air strike ("strikes from aircraft", DESIGN.md)
        [("airstrike", "Tiyas air base", "2015-05-18"), ("attack_on_civilians", "Saraqib", None)],
        [("airstrike", "Homs")],
    ),
    # a chemical attack is typed by what delivered it, told in its own phrase
    (
        "Rockets carrying sarin gas struck Kafr Batna before dawn on Wednesday.",
        [("shelling", "Kafr Batna", "2015-05-20")],
        ["attack_on_civilians"],
    ),
    (
        "Khan Shaykhun was hit on Tuesday by a sarin attack carried out by regime warplanes.",
        [("airstrike", "Khan Shaykhun", "2015-05-19")],
        ["attack_on_civilians"],
    ),
    (
        "The government denied that any chemical attack took place in Saraqib.",
        [],
        ["attack_on_civilians"],
    ),
    # a siege that goes on; how long a state has lasted; a site named by its town
    (
        "Government troops continue to besiege Douma, where 100,000 people are trapped.",
        [("troop_position", "Douma", None)],
        [],
    ),
    (
        "Hit has been under ISIS control for more than a year.",
        [("seizure", "Hit", "2014-01-01")],
        [],
    ),
    (
        "Kurdish fighters captured Sinjar and the nearby dam on Tuesday.",
        [("seizure", "Sinjar", "2015-05-19")],
        [],
    ),
    (
        "Iraqi troops retook Haditha and the nearby dam on Tuesday.",
        [("seizure", "Haditha Dam", "2015-05-19")],
        [],
    ),
    # witnesses named by their flight; a start date told of another noun; an ongoing siege
    (
        "People displaced from Baiji told reporters that the militants had burned the market.",
        [],
        ["displacement"],
    ),
    (
        "More than 9,000 people have been displaced by the offensive to retake Hawija, which "
        "began on 2 May.",
        [("displacement", "Hawija", "2015-05-21")],
        [],
    ),
    (
        "Militants shelled Kobani on 2 May. ISIS continues to besiege Kobani.",
        [("troop_position", "Kobani", "2015-05-21")],
        [],
    ),
    # a site located by the capital: the capital is neither the place nor the next "compound"
    (
        "The attack on the Badush prison on the western outskirts of Mosul began with a "
        "car bomb on Sunday. Gunmen then fought guards at the compound for hours.",
        [("bombing", "Badush prison", "2015-05-17"), ("clash", "Badush prison", None)],
        [],
    ),
    # weapons carried are no event; "after fleeing X": X is what they fled; counter-attacks
    (
        "Gunmen armed with mortars and suicide vests stormed a police station in Samarra on "
        "Monday.",
        [],
        ["shelling", "bombing"],
    ),
    (
        "Thousands of villagers were stranded near Sinjar on Monday after fleeing Islamic State "
        "militants.",
        [],
        ["withdrawal"],
    ),
    (
        "Peshmerga forces launched a counter-attack around Zummar on Tuesday.",
        [("clash", "Zummar", "2015-05-19")],
        [],
    ),
    # people driven out are displaced; a hypothetical operation is no troop movement
    (
        "On Monday the militants forced some 4,000 residents out of their homes in Hawija.",
        [("displacement", "Hawija", "2015-05-18")],
        [],
    ),
    (
        "Militants drove hundreds of families out of Sinjar on Monday.",
        [("displacement", "Sinjar", "2015-05-18")],
        ["seizure"],
    ),
    (
        "Officials in Baghdad said any operation to retake Hawija would need air cover.",
        [],
        ["troop_position"],
    ),
    (
        "Witnesses said the militants killed elders of the clan and their families in "
        "Baiji on Sunday.",
        [("attack_on_civilians", "Baiji", "2015-05-17")],
        [],
    ),
    # who arrives: the wounded or officials are no displacement; a mixed toll is fighting
    (
        "The bodies of three men and several wounded civilians arrived in Homs hospital on "
        "Monday.",
        [],
        ["displacement"],
    ),
    (
        "Some 60 people, civilians and policemen, have been killed in Baiji since Saturday.",
        [("clash", "Baiji", None)],
        ["attack_on_civilians"],
    ),
    (
        "A car bomb in Baiji killed 12 people, civilians and policemen, on Saturday.",
        [("bombing", "Baiji", "2015-05-16")],
        ["clash"],
    ),
    # weapons destroyed or seized are hardware, not fire or territory
    (
        "Four buildings, three vehicles and a mortar were destroyed near Dabiq on Monday.",
        [],
        ["shelling"],
    ),
    (
        "Troops seized two mortars and ammunition in Hawija on Monday.",
        [],
        ["seizure", "shelling"],
    ),
    # bombing raids are air strikes; being kept from leaving or meant as shields is no event
    (
        "At least nine civilians were killed in bombing raids on Tabqa on Monday.",
        [("airstrike", "Tabqa", "2015-05-18")],
        [],
    ),
    (
        "Activists said the militants were preventing families from leaving Raqqa in order to "
        "use them as human shields.",
        [],
        ["displacement", "abduction"],
    ),
    # strikes that back a capture struck where the capture was; the sources' cities are none
    (
        "Iraqi troops backed by waves of coalition air strikes recaptured the Haditha Dam from "
        "the militants on Monday, nine days after the jihadists seized the country's "
        "second-largest dam, officials in Erbil and Baghdad said.",
        [("airstrike", "Haditha Dam", "2015-05-18"), ("seizure", "Haditha Dam", "2015-05-18"),
         ("seizure", "Haditha Dam", "2015-05-09")],
        [("seizure", "Baghdad"), ("seizure", "Erbil")],
    ),
    (
        "With the support of Russian air strikes, the army seized Palmyra on Tuesday.",
        [("airstrike", "Palmyra", "2015-05-19"), ("seizure", "Palmyra", "2015-05-19")],
        [],
    ),
    # neighbouring towns listed are each an event, however close they lie
    (
        "Warplanes struck Douma, Harasta and Saqba on Monday, killing 30 people.",
        [("airstrike", "Douma", "2015-05-18"), ("airstrike", "Harasta", "2015-05-18"),
         ("airstrike", "Saqba", "2015-05-18")],
        [],
    ),
    # a place "in rebel hands since 2014", in a relative clause or an appositive, was taken then
    (
        "Rebels withdrew from Khan Sheikhoun, which had been in rebel hands since 2014.",
        [("seizure", "Khan Sheikhoun", "2014-01-01"), ("withdrawal", "Khan Sheikhoun", None)],
        [],
    ),
    (
        "The Nassib crossing, an economic artery in rebel hands since 2014, was retaken on "
        "Friday.",
        [("seizure", "Nassib crossing", "2014-01-01"),
         ("seizure", "Nassib crossing", "2015-05-15")],
        [],
    ),
    # an event noun governed by a verb that reports nothing ("took part in") is the event;
    # a bombardment by aircraft is an air strike
    (
        "Witnesses said government jets took part in the bombardment of Douma and Harasta on "
        "Monday night.",
        [("airstrike", "Douma", "2015-05-18"), ("airstrike", "Harasta", "2015-05-18")],
        ["shelling"],
    ),
    # an attack on a named defended site is a fight there; on whole towns it only sums up
    (
        "Insurgents attacked the Taji prison and the Haditha Dam late on Sunday.",
        [("clash", "Taji", "2015-05-17"), ("clash", "Haditha Dam", "2015-05-17")],
        [],
    ),
    (
        "Militants attacked the towns of Tikrit and Baiji on Sunday.",
        [],
        ["clash"],
    ),
    # hardware handled, also as an adjective ("booby-trapped houses"), is no bombing;
    # "aviation" is aircraft
    (
        "Engineers dismantled dozens of explosive devices and booby-trapped houses in Baiji "
        "on Monday.",
        [],
        ["bombing"],
    ),
    (
        "On Monday strikes by Iraqi army aviation destroyed militant hideouts in Baiji.",
        [("airstrike", "Baiji", "2015-05-18")],
        ["bombing", "shelling"],
    ),
    # "called in" strikes ordered them; "called for" only asked
    (
        "On Monday spotters called in airstrikes on Tal Afar to cover the advance.",
        [("airstrike", "Tal Afar", "2015-05-18")],
        [],
    ),
    (
        "On Monday the governor called for airstrikes on Tal Afar.",
        [],
        ["airstrike"],
    ),
    # fire aimed at people is an attack on them; at fighters, a fight
    (
        "On Wednesday snipers fired on a group of families crossing the river in Mosul.",
        [("attack_on_civilians", "Mosul", "2015-05-20")],
        ["clash"],
    ),
    (
        "On Wednesday gunmen shot at soldiers at a checkpoint in Mosul.",
        [("clash", "Mosul", "2015-05-20")],
        [],
    ),
    # a timeline's year heading dates its entries: "11 March" under "2014" is of 2014
    (
        "A year at Baiji\n\n2014\n\n11 March - Militants seized Baiji.\n\n"
        "14 April - The army retook Baiji.\n\n2015\n\n2 May - Militants shelled Baiji.",
        [("seizure", "Baiji", "2014-03-11"), ("seizure", "Baiji", "2014-04-14"),
         ("shelling", "Baiji", "2015-05-02")],
        [],
    ),
    # breaking a siege ends it: the siege's length dates its start, not the breaking
    (
        "Army units and tribal fighters have lifted a three-month siege of Haditha, "
        "officials said.",
        [("clash", "Haditha", "2015-05-21")],
        [],
    ),
    # a seizure of people named after "of" is a kidnapping, whoever is listed with them
    (
        "The seizure of the town's mayor and his family by gunmen in Tikrit on Tuesday "
        "shocked residents.",
        [("abduction", "Tikrit", "2015-05-19")],
        ["seizure"],
    ),
    # people forced from a place are displaced; forces forced out of it lose it
    (
        "Some 900 families were forced from their homes in Tuz Khurmatu on Sunday.",
        [("displacement", "Tuz Khurmatu", "2015-05-17")],
        ["seizure"],
    ),
    (
        "Tribal fighters forced the jihadists out of Hit on Tuesday.",
        [("seizure", "Hit", "2015-05-19")],
        [],
    ),
    (
        "The army forced the militants to retreat from Baiji on Monday.",
        [("withdrawal", "Baiji", "2015-05-18")],
        ["displacement"],
    ),
    # a force pushing on from a place moves from there: nobody was driven out of it
    (
        "Kurdish units pushed south from Makhmour on Wednesday.",
        [("troop_position", "Makhmour", "2015-05-20")],
        ["seizure"],
    ),
    # launching an attack is fighting; launching an offensive is forces on the move
    (
        "Militants launched a two-pronged attack on Haditha on Monday.",
        [("clash", "Haditha", "2015-05-18")],
        ["troop_position"],
    ),
    # an attack made by car bombs is a bombing; coordinated verbs share the first one's day
    (
        "Soldiers entered the Zuhur district of Mosul on Monday but came under attack by a "
        "wave of four car bombs and pulled back.",
        [("bombing", "Mosul", "2015-05-18"), ("withdrawal", "Mosul", "2015-05-18")],
        ["clash"],
    ),
    # counts over a reporting period are tallies, not events
    (
        "The coalition carried out 9 air strikes near Sinjar between May 10 and May 16.",
        [],
        ["airstrike"],
    ),
    (
        "Militants claimed 14 attacks in Diyala province over the reporting period.",
        [],
        ["clash"],
    ),
    # a place in a title names no event's place; a region after a town only locates it
    (
        "Anbar governor Suhaib al-Rawi called for a halt to the fighting on Tuesday.",
        [],
        [("clash", "Anbar")],
    ),
    (
        "Troops recaptured Qaryatain in the eastern countryside of Homs on Tuesday.",
        [("seizure", "Qaryatain", "2015-05-19")],
        [("seizure", "Homs")],
    ),
    # an armed group's detentions are kidnappings; a state's arrests are no event
    (
        "Jihadists detained 40 men in Rawa on Sunday, accusing them of informing.",
        [("abduction", "Rawa", "2015-05-17")],
        [],
    ),
    (
        "Police arrested nine suspects in Kirkuk on Sunday.",
        [],
        ["abduction"],
    ),
    # "the X district" names a place without a cue word before it; so do "the villages of"
    (
        "Iraqi jets carried out a strike on Tuesday on a militant headquarters in the Hawija "
        "district.",
        [("airstrike", "Hawija", "2015-05-19")],  # at the town the district is named for
        [],
    ),
    (
        "The army recaptured the villages of Kharbardan and Mahana on Tuesday.",
        [("seizure", "Kharbardan", "2015-05-19"), ("seizure", "Mahana", "2015-05-19")],
        [],
    ),
    # a state agency's dateline is where the story was filed, not where things happened
    (
        "Hama, SANA- Army units restored security and stability on Wednesday to the town of "
        "Kafr Nabudah.",
        [("seizure", "Kafr Nabudah", "2015-05-20")],
        [("seizure", "Hama")],
    ),
    # a killed shopkeeper is a civilian; gunmen getting away give up no ground
    (
        "On Friday night gunmen shot dead the owner of a mobile phone shop in Mansour and fled.",
        [("attack_on_civilians", "Mansour", None)],
        ["withdrawal", "clash"],
    ),
    # people who left their homes are displaced; a list "from A and B" after it
    (
        "Some 8,000 people left their homes in Shirqat on Sunday.",
        [("displacement", "Shirqat", "2015-05-17")],
        ["withdrawal"],
    ),
    # places after "the surroundings of" need no other cue
    (
        "Jets carried out strikes on Monday in the surroundings of al-Lataminah.",
        [("airstrike", "al-Lataminah", "2015-05-18")],
        [],
    ),
    # a convoy is who it carries: fighters withdraw, families are displaced
    (
        "A convoy carrying 400 militants and their families left Tabqa on Sunday under a deal.",
        [("withdrawal", "Tabqa", "2015-05-17")],
        ["displacement"],
    ),
    (
        "In Tabqa, the militants left under a deal on Sunday.",
        [("withdrawal", "Tabqa", "2015-05-17")],
        ["displacement"],
    ),
    # "during the night" is the night before the day the paragraph tells, not publication's
    (
        "On 3 August 2014 militants swept into Sinjar before dawn. The soldiers who were to "
        "defend it had pulled out of Sinjar during the night.",
        [("withdrawal", "Sinjar", "2014-08-02")],
        [],
    ),
    (
        "Jets struck Raqqa overnight, activists said.",
        [("airstrike", "Raqqa", "2015-05-20")],
        [],
    ),
    # "he" or "her" seized is a person taken
    (
        "Gunmen seized her outside a school in Tikrit on Monday.",
        [("abduction", "Tikrit", "2015-05-18")],
        ["seizure"],
    ),
    (
        "Troops restored security on Monday to Qalaat al-Madiq and al-Mughayr in northwestern "
        "Hama countryside.",
        [("seizure", "Qalaat al-Madiq", "2015-05-18")],
        [("seizure", "Hama")],
    ),
    # an army that collapses gives up the ground; a building or talks that collapse do not
    (
        "The army division defending Baiji collapsed on Monday, officials said.",
        [("withdrawal", "Baiji", "2015-05-18")],
        [],
    ),
    (
        "A building collapsed in Baiji on Monday.",
        [],
        ["withdrawal"],
    ),
    # a speaker's own men declared to attack is a threat; others who could is a fear
    (
        "On Monday the militia leader warned that his fighters would storm Tuz Khurmatu.",
        [("threat", "Tuz Khurmatu", "2015-05-18")],
        [],
    ),
    (
        "On Monday officials warned that the militia's fighters could storm Tuz Khurmatu.",
        [],
        ["threat"],
    ),
    # a takeover threatened or planned is a threat, not a seizure
    (
        "On Tuesday the militants were threatening the capture of more towns, including "
        "Samarra.",
        [("threat", "Samarra", "2015-05-19")],
        ["seizure"],
    ),
    # people who walk or run out of a place flee it; running out of ammunition is no flight
    (
        "On Sunday thousands of families walked out of Hawija through the fields.",
        [("displacement", "Hawija", "2015-05-17")],
        [],
    ),
    (
        "On Sunday the defenders of Baiji ran out of ammunition.",
        [],
        ["withdrawal", "displacement"],
    ),
    # a gun or mortar crew that fires on positions shells them
    (
        "A mortar team fired on militant positions near Haditha on Monday.",
        [("shelling", "Haditha", "2015-05-18")],
        ["clash"],
    ),
    (
        "Army tanks fired on rebel positions in Daraya on Tuesday.",
        [("shelling", "Daraya", "2015-05-19")],
        [],
    ),
    # raising a flag over a place takes it; fighters moved out under a deal withdraw
    (
        "Iraqi troops raised the flag over the government compound in Hit on Monday.",
        [("seizure", "Hit", "2015-05-18")],
        [],
    ),
    (
        "Troops entered Daraya on Friday after the rebels were evacuated.",
        [("withdrawal", "Daraya", "2015-05-15")],
        ["displacement"],
    ),
    # a suicide car bomber is a bombing whatever verb he comes with
    (
        "A suicide car bomber drove into an army post near Haditha on Monday, killing six.",
        [("bombing", "Haditha", "2015-05-18")],
        ["clash"],
    ),
    # a capital followed by an article name is the city's quarter, not a man's name
    (
        "Rebels and troops fought in Daraa al-Mahatta on Tuesday.",
        [("clash", "Daraa", "2015-05-19")],
        [],
    ),
    # a road named after a town leads there: it is not where the event is
    (
        "In Manbij, the militants pulled back on Tuesday from the Jarabulus road.",
        [("withdrawal", "Manbij", "2015-05-19")],
        [("withdrawal", "Jarabulus")],
    ),
    # each sentence that gives its own day tells its own event, even when a source dates it
    (
        "Army takes al-Qaim\n\nThe army succeeded on 16 May in driving Islamic State fighters "
        "out of al-Qaim. On 12 May troops seized a village on the eastern edge of al-Qaim.",
        [("seizure", "al-Qaim", "2015-05-16"), ("seizure", "al-Qaim", "2015-05-12")],
        [],
    ),
    # a loose namesake across the border is not the village meant near the report's places
    (
        "Coalition jets struck Manbij on 2 May. Air strikes on the village of Tokhar, north "
        "of Manbij, killed 20 people on Tuesday.",
        [("airstrike", "Manbij", "2015-05-19")],
        [],
    ),
    # a verb the parser reads as an adjective, after "had" or with its own subject
    (
        "By early May it had massed soldiers and allied gunmen around Jurin, at the edge of "
        "the plain, villagers say.",
        [("troop_position", "Jurin", "2015-05-01")],
        [],
    ),
    # an acronym in brackets inside "pushed ... out of"
    (
        "Fighters of the Kurdish People's Protection Units (YPG) have pushed the Islamic State "
        "(IS) militants out of the border town of Kobani, a monitor said on Monday.",
        [("seizure", "Kobani", "2015-05-18")],
        [],
    ),
    # the day of "succeeded" is the day of the ousting it carries, not an attribution's
    (
        "Fighters take Manbij\n\nLocal fighters succeeded on 11 May in ousting the "
        "militants from Manbij after weeks of fighting. On 5 May they seized a village on "
        "the eastern edge of Manbij.",
        [("seizure", "Manbij", "2015-05-11")],
        [],
    ),
    # people seized by a noun: a person named with a compound ("consul general")
    (
        "The seizure of the consul general by militants in Mosul on Monday alarmed Ankara.",
        [("abduction", "Mosul", "2015-05-18")],
        ["seizure"],
    ),
    # a vow that the enemy "would be driven out": the passive's subject is the target
    (
        "On Monday the president vowed that regime forces would be driven out of Saraqib.",
        [("threat", "Saraqib", "2015-05-18")],
        [],
    ),
    # a town a direction names is more exact than the province
    (
        "In Salah al-Din, militants kidnapped two shepherds in the desert east of Samarra on "
        "Saturday.",
        [("abduction", "Samarra", "2015-05-16")],
        [("abduction", "Salah al-Din")],
    ),
    # two prisons named together are each a place
    (
        "On Monday militants stormed the Abu Ghraib and Taji prisons, freeing 500 inmates.",
        [("prison_break", "Taji", "2015-05-18")],
        [],
    ),
    # Iraq's Kurdistan Region named by its description
    (
        "On Monday the militants threatened to enter the semi-autonomous Kurdish region.",
        [("threat", "Kurdistan Region", "2015-05-18")],
        [],
    ),
    # pushed back is a fight repelled, not a town taken
    (
        "Reinforcements pushed the militants back from near the shrine in Samarra on Monday.",
        [("clash", "Samarra", "2015-05-18")],
        ["seizure"],
    ),
    # a trend or a near-daily habit is no single event
    ("Rocket attacks on the Green Zone in Baghdad have become more frequent.", [], ["shelling"]),
    ("Since then, helicopters have bombed Idlib almost every day.", [], ["airstrike"]),
    # "the Anbar town of X": the province only locates the town
    (
        "Militants attacked police in the Anbar town of al-Baghdadi on Tuesday, killing five.",
        [("clash", "al-Baghdadi", "2015-05-19")],
        [("clash", "Anbar")],
    ),
    # car bombs "reaching their targets" are not people arriving
    (
        "Near Haditha on Monday, two car bombs were destroyed before reaching their targets.",
        [],
        ["displacement"],
    ),
    # aircraft that destroy something strike it; an army that destroys car bombs does not
    (
        "Moscow said its Su-34s destroyed a command post near Jisr al-Shughour on Monday.",
        [("airstrike", "Jisr al-Shughour", "2015-05-18")],
        [],
    ),
    ("The army destroyed three car bombs west of Rawa on Monday.", [], ["airstrike"]),
    # people who leave for somewhere are displaced; a delegation is not
    (
        "Residents of three villages near Hawija left for Kirkuk on Sunday, fearing attacks.",
        [("displacement", "Hawija", "2015-05-17")],
        [],
    ),
    ("The delegation left for Baghdad on Sunday.", [], ["displacement", "withdrawal"]),
    # many events counted over a named week or month are a tally; a day's count is not
    (
        "The coalition conducted 94 strikes in Iraq this week, mostly around Mosul.",
        [],
        ["airstrike"],
    ),
    (
        "Militant attacks killed 48 policemen in Kirkuk province during April.",
        [],
        ["clash", "attack_on_civilians"],
    ),
    (
        "On Tuesday the coalition conducted 14 strikes near Mosul, destroying 12 positions.",
        [("airstrike", "Mosul", "2015-05-19")],
        [],
    ),
    # a spell told after a dated event counts from that event's day
    (
        "A car bomb hit a cafe in Muqdadiya on 11 May. Over the next three days, gunmen "
        "abducted at least 40 men in Muqdadiya.",
        [("bombing", "Muqdadiya", "2015-05-11"), ("abduction", "Muqdadiya", "2015-05-13")],
        [],
    ),
    # a close spelling listed with a known place is a place too
    (
        "On Tuesday air strikes on Saqba and Kafr Batna killed at least 28 people.",
        [("airstrike", "Saqba", "2015-05-19"), ("airstrike", "Kafr Batna", "2015-05-19")],
        [],
    ),
    # "ahead of" a push dates the massing; the push is the forecast, not the massing
    (
        "Army units massed near Kubaysa on Monday ahead of an anticipated push into the town.",
        [("troop_position", "Kubaysa", "2015-05-18")],
        [],
    ),
    # a habit, said with an adjective, and a count over the first weeks: no one event
    (
        "Its sleeper cells carry out regular attacks on security forces in Kirkuk.",
        [],
        ["clash"],
    ),
    (
        "Moscow says its jets carried out 60 strikes on Idlib in their first week of "
        "operations.",
        [],
        ["airstrike"],
    ),
    # a bomb that wounds or kills is a bombing; a bomb factory or a bomb squad is not
    (
        "A bomb planted near a polling station in Tarmiyah wounded three policemen on Monday.",
        [("bombing", "Tarmiyah", "2015-05-18")],
        [],
    ),
    (
        "Two people were killed by a bomb in Kirkuk on Monday.",
        [("bombing", "Kirkuk", "2015-05-18")],
        ["attack_on_civilians"],
    ),
    (
        "Police found a bomb factory in Kirkuk on Monday; the bomb squad defused a device.",
        [],
        ["bombing"],
    ),
    # a past perfect carrier with no date tells background: "had managed to fend off"
    (
        "Troops entered Amirli on Sunday. Its residents had managed to fend off attacks by "
        "IS fighters, who encircled the town.",
        [("troop_position", "Amirli", "2015-05-17")],
        ["clash"],
    ),
    # a settlement word vouches for a loosely spelt village
    (
        "Government jets carried out six raids on the town of al-Shifonia on Monday.",
        [("airstrike", "Ash Shaffuniyah", "2015-05-18")],
        [],
    ),
    # the ends of an extent are no place of the event: "cities from X to Y"
    (
        "Rebels captured Saraqib on Monday. Its fall means they now hold towns stretching from "
        "Maarat al-Numan and Khan Sheikhoun in the south to Darkush in the west.",
        [("seizure", "Saraqib", "2015-05-18")],
        [("seizure", "Khan Sheikhoun"), ("seizure", "Darkush"), ("seizure", "Maarat al-Numan")],
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), CASES, ids=[c[0][:40] for c in CASES])
def test_general_news_language(text: str, wanted: list, unwanted: list[str]) -> None:
    found = triples(text)
    for etype, place, day in wanted:
        name = place_of(place)
        hits = {t for t in found if t[0] == etype and t[1] == name}
        assert hits, f"no {etype} at {name} in {sorted(found)}"
        if day is not None:
            assert any(t[2] == day for t in hits), f"{etype} at {name}: {sorted(hits)}"
    for bad in unwanted:  # an event type, or (event type, place)
        if isinstance(bad, tuple):
            assert not any(t[:2] == (bad[0], place_of(bad[1])) for t in found), sorted(found)
        else:
            assert not any(t[0] == bad for t in found), sorted(found)


# A quarter of the report's city is the city (geo_precision 2) unless it has a point of its
# own near the report: not the village or another city's quarter of the same name.
QUARTERS = [
    ("Troops pushed into eastern Mosul on Monday. Heavy fighting was reported on Tuesday in "
     "the Karama neighbourhood.", "Mosul", "2015-05-19"),
    ("Iraqi forces surrounded Tikrit on Monday. On Tuesday they entered the Qadisiya district "
     "in northern Tikrit.", "Tikrit", "2015-05-19"),
    ("Rebels attacked Aleppo on Monday. Their shells killed nine civilians in the "
     "government-held Hamdaniya district on Tuesday.", "Aleppo", "2015-05-19"),
    ("Rebels shelled Aleppo on Monday. Rockets hit the al-Sulaimaniya neighborhoods in Aleppo "
     "city on Tuesday.", "Aleppo", "2015-05-19"),
    # a destination is no city of the quarter people left: "from the Mashlab district to Ain Issa"
    ("SDF fighters pushed into western Raqqa on Monday. Hundreds of families were evacuated "
     "from the Mashlab district to Ain Issa on Tuesday.", "Raqqa", "2015-05-19"),
    # the dateline's city is where the story was filed, not the city of the quarters
    ("Old City battle\n\nBAGHDAD, May 19 (Xinhua) -- Iraqi forces on Tuesday liberated the "
     "neighborhoods of Maydan and Qlay'at in Mosul's Old City.", "Mosul", "2015-05-19"),
    # quarters told as such in apposition, after a list of them
    ("Islamic State attacked Deir ez-Zor on Monday. On Tuesday shells landed in al-Joura and "
     "al-Qusour, the two adjoining districts where most residents live.", "Deir ez-Zor",
     "2015-05-19"),
    # "the capital" is the sentence's city: not a village that sounds like the quarter
    ("Jets struck Douma on Monday. On Tuesday rebel mortar rounds killed two people in the "
     "Bab Touma neighbourhood of the capital.", "Damascus", "2015-05-19"),
    # a plural quarter word tells the list before it; a namesake quarter of another
    # country's capital is not meant in a report on Mosul
    ("Iraqi troops pushed into eastern Mosul on Monday. On Tuesday the brigade entered the "
     "Samah and al-Intisar neighbourhoods after a day of street fighting.", "Mosul",
     "2015-05-19"),
    # names a list closes as "the rest of the neighbourhoods" are quarters, and stay so
    # when named again alone, in another paragraph
    ("Islamic State attacked Deir ez-Zor on Monday, cutting the road that links the airport "
     "to al-Joura, al-Qusour and the rest of the besieged neighbourhoods.\n\nOn Tuesday IS "
     "shells hit al-Qusour, killing seven civilians.", "Deir ez-Zor", "2015-05-19"),
    # a paragraph that names no town: the report's city, not a namesake quarter far away
    ("Iraqi troops pushed into eastern Mosul on Monday.\n\nOn Tuesday the brigade entered "
     "the Samah neighbourhood after a day of street fighting.", "Mosul", "2015-05-19"),
]


@pytest.mark.parametrize(("text", "city", "day"), QUARTERS, ids=[q[1] for q in QUARTERS])
def test_a_quarter_without_a_point_of_its_own_is_the_city(text: str, city: str, day: str) -> None:
    report = read_text(f"published: {PUB}\n---\n{text}", name="q.txt")
    late = [e for e in extract_events(report) if e.date == day]
    assert late and {e.place for e in late} == {place_of(city)}, [(e.place, e.date) for e in late]
    assert all(e.geo_precision == 2 for e in late), [(e.place, e.geo_precision) for e in late]


def test_an_exact_city_does_not_give_way_to_a_looser_namesake_in_the_report_s_province() -> None:
    # Ramadi puts the report in Anbar, where a town "Al-Baghdadi" lies; Baghdad is still Baghdad
    found = triples("Militants attacked Ramadi on Monday. A car bomb hit Baghdad on Sunday.")
    assert ("bombing", place_of("Baghdad"), "2015-05-17") in found, sorted(found)


def test_a_headline_attack_names_the_body_s_event() -> None:
    found = triples(
        "Baghdad attack: scenes of carnage in Karrada\n\nA car bomb exploded in the Karrada "
        "district of Baghdad on Sunday, killing 80 people."
    )
    assert {t[0] for t in found} == {"bombing"}, sorted(found)
    # a headline's fighting far from the body's events is an event of its own
    found = triples("Battle for Ramadi\n\nA car bomb exploded in Baghdad on Sunday.")
    assert ("clash", place_of("Ramadi"), "2015-05-21") in found, sorted(found)


def test_the_city_of_a_sentence_without_a_name_is_the_report_s_town() -> None:
    # not the last place named before it, here in a background sentence
    found = triples(
        "Iraqi forces launched an assault on Tal Afar on Sunday. A month earlier they had "
        "routed the militants from Mosul. On Wednesday the troops entered a neighbourhood and "
        "headed toward the centre of the city."
    )
    assert ("troop_position", place_of("Tal Afar"), "2015-05-20") in found, sorted(found)
    assert not any(t[1] == place_of("Mosul") and t[2] == "2015-05-20" for t in found)


def test_a_headline_s_place_pushed_into_is_what_the_report_is_about() -> None:
    # "into east Mosul" in a headline is the story's city, not a destination of refugees;
    # its quarters are then Mosul's, not namesake villages elsewhere
    found = triples(
        "Troops push deeper into east Mosul as army retakes ancient Nimrud\n\n"
        "The army said it had recaptured Nimrud on Sunday. Mosul has been held by the "
        "militants for a year. On Tuesday special forces pushed into the centre of the city, "
        "an officer said. The battle for Mosul is in its fifth week."
    )
    assert ("troop_position", place_of("Mosul"), "2015-05-19") in found, sorted(found)


def test_the_report_s_places_outvote_its_words_for_its_country() -> None:
    # a story of Iraqi towns that names Syria more often: its ambiguous names are Iraqi
    text = (
        "From Sinjar to Syria\n\nThe family fled Sinjar for Syria on Monday. In Syria they "
        "met families from Sinjar and Tal Afar in a camp near Shaddadi; Syria was safer, they "
        "said. On Thursday "
        "Kurdish fighters shelled militant positions near Sinjar and Mount Sinjar."
    )
    report = read_text(f"published: {PUB}\n---\n{text}", name="c.txt")
    events = [e for e in extract_events(report) if e.place == "Sinjar"]
    assert events and {e.country for e in events} == {"IQ"}, [(e.place, e.lat) for e in events]


def test_a_when_clause_and_the_headline_tell_the_body_s_dated_event() -> None:
    # "when" shares its head's time, so the shooting is the massacre; the headline's noun
    # names it too, not a massacre of the publication's week
    found = triples(
        "Badush massacre: graves found near Mosul\n\nThe Badush prison massacre took place "
        "in June last year, when militants led hundreds of inmates into the desert and shot "
        "them."
    )
    assert {t for t in found if t[0] == "attack_on_civilians"} == {
        ("attack_on_civilians", "Badush prison", "2014-06-01")
    }, sorted(found)


def test_it_is_the_town_just_named_before_the_report_s_town() -> None:
    found = triples(
        "Militants seized Mosul on Monday. The city of Tikrit was held by the army on "
        "Wednesday, officials said. A day earlier, it had largely fallen to the militants."
    )
    assert ("seizure", place_of("Tikrit"), "2015-05-19") in found, sorted(found)


def test_a_force_named_by_a_misparsed_span_still_acts() -> None:
    # the parser leaves "Jabhat" hanging as "dep": the span's head with a role is the subject
    report = read_text(
        f"published: {PUB}\n---\nJabhat Fateh al-Sham fighters seized Khan Tuman on Thursday.",
        name="n.txt",
    )
    assert [(e.event_type, e.actor1) for e in extract_events(report)] == [
        ("seizure", "Nusra Front")
    ]


def test_a_broadcaster_is_no_place() -> None:
    found = triples(
        "Al Jazeera\n\nMilitants seized parts of Ramadi on Friday. On Sunday the fighters "
        "captured the government compound in the city centre, officials told Al Jazeera."
    )
    assert ("seizure", place_of("Ramadi"), "2015-05-17") in found, sorted(found)
    assert all(t[1] == place_of("Ramadi") for t in found), sorted(found)


def test_last_month_name_written_in_that_month_is_a_year_back() -> None:
    found = triples("Last May, militants shelled Baiji.")
    assert ("shelling", place_of("Baiji"), "2014-05-01") in found, sorted(found)


def test_an_event_noun_set_beside_the_clause_is_not_done_by_its_subject() -> None:
    report = read_text(
        f"published: {PUB}\n---\nIraqi forces retook Baiji on Monday. With the recapture of "
        "Baiji, ISIS holds only the valley near Qaim. After the fall of Ramadi on Sunday, "
        "Shi'ite militias massed at Habbaniyah.",
        name="general.txt",
    )
    seizures = {(e.place, e.actor1) for e in extract_events(report) if e.event_type == "seizure"}
    assert (place_of("Baiji"), "ISIS") not in seizures, seizures
    assert (place_of("Baiji"), "Iraqi Security Forces") in seizures, seizures
    assert (place_of("Ramadi"), "PMF") not in seizures, seizures


# (text, event type, actor1, certainty): who acted, and whether only a belligerent says so
ACTOR_CASES = [
    (
        "The Kurdish-led alliance seized Tal Abyad on Monday, its commanders said.",
        "seizure",
        "SDF",
        "reported",
    ),
    (
        "Russian military police entered Manbij on Tuesday.",
        "troop_position",
        "Russia",
        "reported",
    ),
    (
        "Army helicopters struck militants near Baiji on Monday, the defence ministry in "
        "Baghdad said.",
        "airstrike",
        "Iraqi Security Forces",
        "claimed",
    ),
    (
        "Government troops retook Qaryatain on Sunday, a military source told state media.",
        "seizure",
        "Syrian Army",
        "claimed",
    ),
    (
        "Ankara reacted angrily on Monday to the capture of Jarablus by Kurdish militias.",
        "seizure",
        "Kurdish fighters",
        "reported",
    ),
]


@pytest.mark.parametrize(("text", "etype", "actor", "certainty"), ACTOR_CASES)
def test_actor_and_certainty(text: str, etype: str, actor: str, certainty: str) -> None:
    report = read_text(f"published: {PUB}\n---\nIn Syria and Iraq: {text}", name="a.txt")
    events = [e for e in extract_events(report) if e.event_type == etype]
    assert events, text
    assert (events[0].actor1, events[0].certainty) == (actor, certainty)


def test_the_group_means_the_subject_of_the_sentence_before() -> None:
    text = (
        "Islamic State fighters seized Baiji after police abandoned their posts in the town. "
        "The group said on Sunday that it was in full control of Baiji."
    )
    report = read_text(f"published: {PUB}\n---\n{text}", name="g.txt")
    seizures = [e for e in extract_events(report) if e.event_type == "seizure"]
    assert seizures and {e.actor1 for e in seizures} == {"ISIS"}


def test_background_seizure_in_the_same_sentence_is_dated_its_own_time() -> None:
    # "eight months after X overran it": the earlier seizure is an event of its own,
    # eight months before the recapture's Sunday; undated, it would be the news told twice
    text = (
        "Syrian troops retook Qaryatain from Islamic State on Sunday, eight months after "
        "Islamic State fighters overran it."
    )
    report = read_text(f"published: {PUB}\n---\n{text}", name="b.txt")
    seizures = [(e.actor1, e.date) for e in extract_events(report) if e.event_type == "seizure"]
    assert seizures == [("Syrian Army", "2015-05-17"), ("ISIS", "2014-09-01")]
    text = "Syrian troops retook Qaryatain from Islamic State on Sunday after IS fighters took it."
    report = read_text(f"published: {PUB}\n---\n{text}", name="b.txt")
    seizures = [(e.actor1, e.date) for e in extract_events(report) if e.event_type == "seizure"]
    assert seizures == [("Syrian Army", "2015-05-17")]


def test_forces_sent_somewhere_are_the_actor_and_the_crossing_is_the_site() -> None:
    text = (
        "Kurdish officials in Iraq said they had sent fresh Peshmerga units to the Rabia "
        "border crossing."
    )
    report = read_text(f"published: {PUB}\n---\n{text}", name="s.txt")
    moves = [(e.place, e.actor1) for e in extract_events(report)]
    assert ("Rabia border crossing", "Peshmerga") in moves, moves


def test_a_namesake_near_the_report_beats_a_far_one() -> None:
    text = (
        "Syrian troops entered Albu Kamal on Sunday. On Monday army artillery shelled "
        "militants in al-Salihiyeh, a village by the Euphrates."
    )
    report = read_text(f"published: {PUB}\n---\n{text}", name="n.txt")
    shelled = [e for e in extract_events(report) if e.event_type == "shelling"]
    assert shelled and shelled[0].admin1 == "Deir-ez-Zor", [(e.place, e.admin1) for e in shelled]


def test_the_agent_after_by_acts_when_no_force_precedes() -> None:
    text = "At least 16 civilians were killed in bombing raids by the US-led coalition near Raqqa."
    report = read_text(f"published: {PUB}\n---\nSyria: {text}", name="by.txt")
    strikes = [e.actor1 for e in extract_events(report) if e.event_type == "airstrike"]
    assert strikes == ["US-led coalition"]


# (text, event type or None for "no event of that type", actor1 expected)
PASSIVE_CASES = [
    ("Ten tribal elders executed by the jihadists in Mayadin were buried on Monday.",
     "attack_on_civilians", "ISIS"),
    ("The United States accused Damascus of that chemical attack in Douma.",
     "attack_on_civilians", None),
    ("Kurdish forces also captured several insurgents near Manbij on Monday.", "seizure", None),
]


@pytest.mark.parametrize(("text", "etype", "actor"), PASSIVE_CASES)
def test_passive_agents_and_told_before(text: str, etype: str, actor: str | None) -> None:
    report = read_text(f"published: {PUB}\n---\nIslamic State in Syria. {text}", name="p.txt")
    found = [e.actor1 for e in extract_events(report) if e.event_type == etype]
    assert found == ([actor] if actor else []), found



def test_a_province_s_namesake_city_and_a_repeated_caption_do_not_take_the_topic() -> None:
    # "Hama province ... except Hama" is the province; the caption, scraped twice, names
    # its village once; so a sentence with no place of its own is about Kafr Zita
    found = triples(
        "The opposition loses another town\n\n"
        "Rescuers carry a wounded boy from a collapsed house after airstrikes on the "
        "village of Latamina on Tuesday.\n"
        "Rescuers, known as the White Helmets, carry a wounded boy from a collapsed house "
        "after airstrikes by government jets on the village of Latamina on Tuesday.\n\n"
        "Government forces entered a key town in rebel-held Hama province on Wednesday. "
        "The advance into the town of Kafr Zita is a blow to the rebels, who have lost all "
        "their territory except Hama. Insurgents had dominated Hama for years. "
        "Kafr Zita is now in government hands.\n\nA monitor confirmed the withdrawal of "
        "the rebels on Wednesday."
    )
    assert ("withdrawal", place_of("Kafr Zita"), "2015-05-20") in found, sorted(found)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        # a plural quarter word before a list: quarters of the report's city, not the
        # villages elsewhere that share their names
        (
            "Rebels shelled Aleppo on Friday.\n\nOn Saturday rockets hit the districts of "
            "Hamdaniya and Sukkari, killing eight civilians.",
            "Aleppo",
        ),
        # the town the sentence names holds them, not the town the report is about
        (
            "Rebels shelled Aleppo on Friday. Aleppo was calm on Thursday.\n\nIn Homs city, "
            "rockets hit the districts of Hamdaniya and Sukkari on Saturday, killing eight "
            "civilians.",
            "Homs",
        ),
    ],
)
def test_listed_quarters_are_in_their_city(text: str, city: str) -> None:
    found = triples(text)
    shelled = {t for t in found if t[0] == "shelling" and t[2] == "2015-05-16"}
    assert shelled == {("shelling", place_of(city), "2015-05-16")}, sorted(found)


def test_several_districts_of_a_town_are_the_town_and_a_reference_town_holds_none() -> None:
    found = triples(
        "Troops recaptured several districts of Tal Afar on Tuesday. Mortar shells landed "
        "in Tarmiyah district, 45 km north of Baghdad, on Friday."
    )
    assert ("seizure", place_of("Tal Afar"), "2015-05-19") in found, sorted(found)
    assert not any(t[1] == place_of("Baghdad") for t in found), sorted(found)


def test_a_quarter_at_its_own_point_is_one_place_with_its_name() -> None:
    # "the Karada district" and "Karada" are one place: the blast told twice is one event
    text = (
        "A car bomb early on Sunday struck a shopping street in the Karada district of "
        "Baghdad. Hundreds were wounded in the blast in Karada, officials said."
    )
    report = read_text(f"published: {PUB}\n---\n{text}", name="karada.txt")
    bombings = [(e.place, e.date) for e in extract_events(report) if e.event_type == "bombing"]
    assert bombings == [(place_of("Karada"), "2015-05-17")], bombings


def test_a_log_entry_s_dated_heading_dates_its_undated_lines() -> None:
    # a strike log: each entry opens with a heading line that gives its day and place
    found = triples(
        "Incident log: May 2015\n\n"
        "IQ101 | 12 May 2015 | Hit, Anbar\n"
        "Source: local monitors\n"
        "Details: Warplanes struck a bridge in Hit, killing four civilians.\n\n"
        "IQ102 | 14 May 2015 | Baiji, Salahuddin\n"
        "Details: Militants shelled the refinery compound in Baiji."
    )
    assert ("airstrike", place_of("Hit"), "2015-05-12") in found, sorted(found)
    assert ("shelling", place_of("Baiji"), "2015-05-14") in found, sorted(found)


def test_the_town_of_a_log_entry_is_the_town_its_heading_names() -> None:
    found = triples(
        "Strike log: Idlib\n\n"
        "Idlib city was calm on Monday. Idlib was quiet on Tuesday, and Idlib's markets "
        "opened.\n\n"
        "ID-04 | 12 May 2015 | Kafr Nabl, Idlib\n"
        "Grading: fair\n"
        "Casualties: 2\n"
        "Summary: A helicopter dropped two barrel bombs on the town's eastern edge."
    )
    assert ("airstrike", place_of("Kafr Nabl"), "2015-05-12") in found, sorted(found)


def test_a_digest_entry_s_label_is_where_its_events_happen() -> None:
    found = triples(
        "Weekly security digest: Iraq and Syria\n\n"
        "• Khanaser, Tue 19 May: IS fighters seized the town, cutting the road to Aleppo.\n"
        "• Haditha, Mon 18 May: IS fired rockets into the town; no casualties were reported.\n"
        "• Muqdadiya (Diyala), Sun 17 May: A suicide bomber struck a funeral tent, killing 40.\n"
        "• Raqqa, Sat 16 May: Coalition aircraft struck IS positions in the city."
    )
    assert ("seizure", place_of("Khanaser"), "2015-05-19") in found, sorted(found)
    assert ("shelling", place_of("Haditha"), "2015-05-18") in found, sorted(found)
    assert ("bombing", place_of("Muqdadiya"), "2015-05-17") in found, sorted(found)


def test_an_incident_table_s_town_is_placed_before_its_province_in_brackets() -> None:
    # the governorate is spelt "Idleb", its city "Idlib": still the town's address
    found = triples(
        "Incidents this week\n\n"
        "| Date | Location | Incident | Casualties |\n"
        "|---|---|---|---|\n"
        "| 18 May | Kafr Nabl (Idleb) | Shelling of a residential area | 2 killed |\n"
        "| 19 May | Saraqeb (Idleb) | Air strike on a bakery | 6 killed |\n"
    )
    assert ("shelling", place_of("Kafr Nabl"), "2015-05-18") in found, sorted(found)
    assert ("airstrike", place_of("Saraqeb"), "2015-05-19") in found, sorted(found)


def test_neighbours_in_a_sentence_are_read_together_across_the_report_s_country() -> None:
    # an Iraqi report's country makes Suluk the Iraqi Solawk; beside Tal Abyad it is Syrian
    found = _events(
        "Iraqi troops entered Kifri and Tuz Khurmatu in Iraq on Monday; Iraqi officials said "
        "Iraq was calm. Across the border on Tuesday, IS fighters seized Tal Abyad and nearby "
        "Suluk."
    )
    seized = [(e.place, e.country) for e in found if e.event_type == "seizure"]
    assert seized and {c for _, c in seized} == {"SY"}, seized


def test_a_name_fled_toward_the_city_centre_is_a_quarter_of_the_report_s_city() -> None:
    # Hamdaniya alone is a village 90 km away; fled "toward the city centre" it is a quarter
    found = triples(
        "Rebels shelled western Aleppo on Friday. Aleppo's markets closed.\n\n"
        "Hundreds of families fled Hamdaniya toward the city centre on Saturday."
    )
    assert ("displacement", place_of("Aleppo"), "2015-05-16") in found, sorted(found)


def test_a_border_with_a_province_is_no_place_to_fall_back_on() -> None:
    found = triples(
        "Rebels lose Khan Sheikhoun\n\nGovernment forces entered Khan Sheikhoun on Tuesday. "
        "Khan Sheikhoun was empty.\n\nTurkey had sent tanks across its southern border with "
        "Idlib on Monday. But the convoy was struck by government warplanes, Ankara said."
    )
    strikes = {t for t in found if t[0] == "airstrike"}
    assert strikes == {("airstrike", place_of("Khan Sheikhoun"), "2015-05-18")}, sorted(found)


# The report's context names the place of a sentence's events: one row a class of wording.
IN_CONTEXT = [
    # "Iraq's largest dam" is the dam the report names, not "an area of Iraq" left uncoded;
    # the withdrawal the sentence tells with no place of its own is at the same dam
    ("Peshmerga lose Mosul Dam\n\nERBIL, Iraq - Islamic State fighters seized Iraq's largest "
     "dam on Tuesday after Kurdish units pulled out, officials said.",
     {("seizure", "Mosul Dam", "2015-05-19"), ("withdrawal", "Mosul Dam", "2015-05-19")}),
    # a report about Sinjar district, which is no town: "the town" is the town named
    ("Sinjar district\n\nKurdish forces advanced in Sinjar district on Monday. Iraqi troops "
     "clashed with Peshmerga at Altun Kupri on Tuesday. The troops seized the town by the "
     "afternoon.", {("seizure", "Altun Kupri", "2015-05-19")}),
    # "the air base" is the airfield named before, though the story went to it
    ("Syrian troops broke through to the Kuweires military airport east of Aleppo on Sunday. "
     "The air base had been besieged since 2013.",
     {("clash", "Kuweires air base", "2015-05-17"), ("troop_position", "Kuweires air base",
                                                     "2013-01-01")}),
    # a capital that speaks is no place of what it says
    ("Iraq sent extra army units to the border near al-Qaim on Sunday. Baghdad says the "
     "reinforcements arrived on Monday.",
     {("troop_position", "al-Qaim", "2015-05-17"), ("troop_position", "al-Qaim", "2015-05-18")}),
    # a command named for a region is no place of the events it reports
    ("Troops entered Bazwaya on Sunday. A statement by the Jazeera and Badia Operations "
     "Command said militants shelled the village on Monday.",
     {("troop_position", "Bazwaya", "2015-05-17"), ("shelling", "Bazwaya", "2015-05-18")}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "wanted"), IN_CONTEXT, ids=[r[0][:30] for r in IN_CONTEXT])
def test_the_place_a_report_s_context_gives(text: str, wanted: set) -> None:
    found = triples(text)
    wanted = {(kind, place_of(name), day) for kind, name, day in wanted}
    assert wanted <= found, sorted(found)
    # and no event elsewhere than the places wanted
    assert {t[1] for t in found} <= {t[1] for t in wanted} | {
        place_of(n) for n in ("Sinjar district",)}, sorted(found)


def test_a_strike_release_s_country_sections_place_their_items() -> None:
    # a release that covers both countries: the items under "In Iraq," are in Iraq, though
    # Syria is named more and the names have Syrian namesakes
    found = _events(
        "SOUTHWEST ASIA - On May 19, Coalition forces conducted 20 strikes against ISIS in "
        "Syria and Iraq.\n\nIn Syria, Coalition forces conducted 12 strikes.\n"
        "* Near Raqqa, eight strikes destroyed six fighting positions.\n"
        "* Near Deir ez-Zor, four strikes destroyed an oil well in Syria.\n\n"
        "In Iraq, Coalition forces conducted eight strikes.\n"
        "* Near Tal Afar, five strikes destroyed a tunnel.\n"
        "* Near Huwayjah, three strikes destroyed a vehicle bomb factory.\n\n"
        "These strikes were part of the operation to destroy ISIS in Syria."
    )
    iraq = {e.place for e in found if e.country == "IQ"}
    assert {place_of("Tal Afar"), place_of("Hawija")} <= iraq, [(e.place, e.country)
                                                                 for e in found]


def test_a_district_named_for_its_town_is_placed_at_the_town() -> None:
    # the centroid of Rutba district lies ~100 km from the town the news is about
    found = _events("Iraqi forces liberated the western district of Rutba on Tuesday.")
    import geodata

    town = geodata.resolve("Rutba")
    assert found and all(
        abs(e.lat - town.lat) < 0.1 and abs(e.lon - town.lon) < 0.1 and e.geo_precision == 2
        for e in found), [(e.place, e.lat, e.lon, e.geo_precision) for e in found]


def test_a_brief_s_dateline_names_its_country() -> None:
    # a page of briefs, most from Syria: "SINJAR, Iraq:" is the Iraqi town
    found = _events(
        "HASAKEH, Syria: Kurdish-led forces seized al-Hol from ISIS on Friday.\n\n"
        "ALEPPO, Syria: Syrian troops broke the siege of Kuweires air base on Tuesday.\n\n"
        "SINJAR, Iraq: Peshmerga fighters retook the town of Sinjar from ISIS on Friday."
    )
    assert [e.country for e in found if "Peshmerga" in e.evidence] == ["IQ"], [
        (e.place, e.country) for e in found]




# Words that look like an event of a kind but tell none here: one row a class of wording,
# with the day the false event would have (None: any day).
NOT_OF_KIND = [
    # a place attacked several times, with no day told, is a habit, not one attack
    ("Kirkuk has come under attack several times in recent years.", "clash", None),
    # a heading over a span of months sums a campaign up, it tells no one happening
    ("Phase II (May 3 - June 20): Government forces advanced north of Palmyra.",
     "troop_position", None),
    ("The Rebel Offensive in Southern Aleppo: October - December 2015", "troop_position", None),
    # things left behind are no withdrawal
    ("Engineers in Fallujah were still clearing hundreds of bombs left by the jihadists on "
     "Monday.", "withdrawal", None),
    # "after the recapture" is the capture told before, used as a time: no capture today
    ("Peshmerga units recaptured Jalawla in November 2014.\n\nToday the town is quiet. "
     "Residents say that in the weeks after the recapture, dozens of houses were blown up.",
     "seizure", PUB),
    # "both attacks" points back to the attacks told, it tells no new one
    ("A car bomb killed 12 in Balad on Thursday. The group said in a statement that its "
     "fighters carried out both attacks.", "clash", None),
    # the dead of the whole war, or of a month's violence, are a country's toll: no event
    ("Rebels shelled Qusayr on Monday. The United Nations says more than 80,000 people "
     "have been killed in the two-year conflict.", "attack_on_civilians", None),
    ("A car bomb killed 12 people in Karrada on Monday. According to the United Nations, at "
     "least 741 Iraqis were killed in acts of violence in April.", "attack_on_civilians",
     None),
    # the dead of a whole campaign told with its length are its toll to date: no clash
    ("Government forces retook Palmyra on Sunday. Over 400 militants were killed during the "
     "three-week operation, the army said.", "clash", None),
    # an aid convoy that enters a besieged town is no force taking up a position
    ("Regime forces tightened the siege of Darayya in April. The first aid convoy to reach "
     "the city since 2012 entered in May, but it carried no food.", "troop_position",
     "2015-05-01"),
    # a bombing in a city abroad borrows no town of the report
    ("A car bomb killed nine people in Azaz on Monday. On Tuesday, twin bombings outside a "
     "stadium in Istanbul killed 29 people.", "bombing", "2015-05-19"),
    # an assault that went on to start a fire did not start the assault: no launch
    ("The assault killed 12 people and started a fire in Qayyarah.", "troop_position", None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "day"), NOT_OF_KIND, ids=[r[1] for r in NOT_OF_KIND])
def test_wording_that_tells_no_event_of_its_kind(text: str, kind: str, day: str | None) -> None:
    found = triples(text)
    assert not any(t[0] == kind and day in (None, t[2]) for t in found), sorted(found)


def test_a_count_since_an_offensive_began_is_a_count_to_date() -> None:
    # dated on the report's day (week) and kept apart from a flight told on its own day
    found = _events(
        "Since the start of military operations on 2 May, 15,700 people have fled Mosul, the "
        "IOM said. On Wednesday militants forced some 500 families out of villages south of "
        "Mosul."
    )
    told = sorted((e.date, e.date_precision, e.magnitude) for e in found
                  if e.event_type == "displacement")
    assert told == [("2015-05-20", "day", None), ("2015-05-21", "week", 15700)], told
    # the start the count runs from is dated, so it is told: the offensive's launch
    assert ("troop_position", "2015-05-02") in {(e.event_type, e.date) for e in found}


def test_an_aim_declared_is_a_threat_made_when_it_is_said() -> None:
    # not dated by what the place has been since 2015
    found = triples(
        "A commander told Reuters on Thursday the aim was to reach the Nassib crossing, an "
        "artery in rebel hands since 2015."
    )
    assert ("threat", place_of("Nassib crossing"), "2015-05-21") in found, sorted(found)
    assert not triples("Their aim is to help the civilians of Raqqa.")


def test_the_breakers_of_a_siege_fought_the_besiegers() -> None:
    found = _events("Syrian troops broke a three-year Islamic State siege on Deir ez-Zor on "
                    "Tuesday.")
    assert [(e.event_type, e.actor1, e.actor2) for e in found] == [
        ("clash", "Syrian Army", "ISIS")], [(e.event_type, e.actor1, e.actor2) for e in found]


@pytest.mark.parametrize(("text", "actor"), [
    # the side that repels an attack fought it: one clash, told from the repelling side
    ("Police units repelled an Islamic State attack on their positions in Mosul on Tuesday, "
     "killing 12 attackers.", "Iraqi Security Forces"),
    # the force named beside the word any side's men are called
    ("Fighters of the SDF repelled a counter-attack by Islamic State militants in Raqqa on "
     "Tuesday.", "SDF"),
])  # fmt: skip
def test_an_attack_repelled_is_one_fight_of_the_repelling_side(text: str, actor: str) -> None:
    found = _events(text)
    assert [(e.event_type, e.actor1) for e in found] == [("clash", actor)], [
        (e.event_type, e.actor1) for e in found]


# The day of an event told in a story that moves in time: one row a class of wording.
STORY_DATES = [
    # a second object told with its own time, which the parse hangs on the verb
    ("The army retook Qusayr in June 2013 and Yabroud in March 2014.", "seizure", "Yabroud",
     "2014-03-01"),
    ("IS seized Raqqa in January 2014 and the towns of Tabqa and Maadan in August 2014.",
     "seizure", "Maadan", "2014-08-01"),
    # people displaced since an event (not since a day) are counted up to the report's day
    ("Turkish-backed forces attacked Tal Abyad on 9 May. More than 30,000 people have been "
     "displaced from Tal Abyad since the start of the attack, officials said.",
     "displacement", "Tal Abyad", "2015-05-21"),
    # "overnight" after a sentence told at yesterday is the report's last night
    ("A suicide bomber struck a convoy near Baiji on Wednesday, killing eight. Militants fired "
     "mortar rounds at Samarra overnight, police said.", "shelling", "Samarra", "2015-05-20"),
    # a "since" of another clause does not date a taking told with its own month
    ("The group, which declared its state in June after sweeping through Mosul, has been the "
     "target of air strikes since August 8.", "seizure", "Mosul", "2014-06-01"),
    # an event told in a "when" clause of a date is of that date
    ("The campaign in eastern Homs began on 3 May, when regime troops launched an offensive "
     "on Qaryatayn.", "troop_position", "Qaryatayn", "2015-05-03"),
    # prose under a new section's heading does not carry the day told before the heading
    ("Army gains in the provinces\nHoms\nArmy units stormed Talbiseh on 2 May, residents "
     "said.\nHama\nRebels shelled Mhardeh with rockets.", "shelling", "Mhardeh", "2015-05-21"),
    # "the same day" counts from the last day told, not a background month between
    ("Peshmerga withdrew from Bashiqa on Sunday. Militia units took over Sinjar, which "
     "Kurdish forces had recaptured in November 2014. The army took control of Mosul Dam "
     "the same day.", "seizure", "Mosul Dam", "2015-05-17"),
    # the first clause's day is not the fall's; "mid-December." ends the sentence
    ("The final push on the pocket was first announced on 9 May; Hajin, the last town the "
     "militants held in the valley, fell to the SDF in mid-December.", "seizure", "Hajin",
     "2014-12-15"),
    # a list of places each told with its own day: each place is taken on its day, in the
    # gapped form ("A on 8 May and B on 11 May"), active or passive, and with the
    # preposition said again ("to A on ..., to B on ... and to C on ...")
    ("Government troops captured Kafr Nabudah on 8 May and Qalaat al-Madiq on 11 May.",
     "seizure", "Qalaat al-Madiq", "2015-05-11"),
    ("Kafr Nabudah was taken on 8 May and Qalaat al-Madiq on 11 May.", "seizure",
     "Qalaat al-Madiq", "2015-05-11"),
    ("Kafr Nabudah was taken on 8 May and Qalaat al-Madiq on 11 May.", "seizure",
     "Kafr Nabudah", "2015-05-08"),
    ("The army restored security to Qara on 19 April, to Deir Attiyeh on 2 May and to "
     "al-Nabk on 9 May.", "seizure", "Deir Attiyeh", "2015-05-02"),
    ("The army restored security to Qara on 19 April, to Deir Attiyeh on 2 May and to "
     "al-Nabk on 9 May.", "seizure", "al-Nabk", "2015-05-09"),
    # a campaign's length in an "after" phrase dates its start, not what ended it
    ("Hit fell to the militants in April, when the army abandoned its positions after a "
     "three-day assault.", "withdrawal", "Hit", "2015-04-01"),
    # a "since" clause's year is not the year of the story: "In January" is this January
    ("In January, a car bomb killed 38 people in Baghdad's Tayaran Square, the deadliest "
     "attack since a truck bomb killed 300 people in Karrada in July 2013.", "bombing",
     "Baghdad", "2015-01-01"),
    # what happened just before a dated event, in its "after" clause, is of its time
    ("Hawija has been held by the militants since June last year, when Kurdish forces took "
     "control of Kirkuk after army troops fled.", "withdrawal", "Kirkuk", "2014-06-01"),
    # a day without a year, "three months later" in a story of 2013, is in 2013
    ("IS fighters drove the Peshmerga out of Jalawla on 11 August 2013. Three months later, "
     "on 23 November, Peshmerga units recaptured Jalawla.", "seizure", "Jalawla",
     "2013-11-23"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "kind", "name", "day"), STORY_DATES,
                         ids=[r[2] for r in STORY_DATES])
def test_the_day_of_an_event_in_a_story(text: str, kind: str, name: str, day: str) -> None:
    found = triples(text)
    assert (kind, place_of(name), day) in found, sorted(found)


def test_a_strike_list_tells_the_day_of_the_paragraph_that_leads_into_it() -> None:
    found = triples(
        "DAILY STRIKE UPDATE\n\n"
        "Coalition aircraft carried out 14 strikes against ISIL on 18 May. All aircraft "
        "returned safely.\n\n"
        "Iraq\n\n"
        "- Near Baiji, two strikes hit an ISIL fighting position.\n"
        "- Near Sinjar, one strike destroyed an ISIL vehicle.\n\n"
        "Syria\n\n"
        "- Near Kobani, three strikes hit ISIL tactical units.\n"
    )
    for town in ("Baiji", "Sinjar", "Kobani"):
        assert ("airstrike", place_of(town), "2015-05-18") in found, sorted(found)


def test_each_strike_list_tells_the_day_its_own_lead_in_gives() -> None:
    # items marked "--"; a line that only announces the list leaves the day told before it;
    # the second list's day is its lead-in's, so its strike near Baiji is a second strike
    found = triples(
        "Coalition aircraft attacked ISIL in Iraq Monday, with 9 strikes.\n\n"
        "A summary of the strikes follows:\n\n"
        "-- Near Baiji, two strikes hit an ISIL fighting position.\n"
        "-- Near Sinjar, one strike destroyed an ISIL vehicle.\n\n"
        "Coalition aircraft also conducted two strikes on Sunday that the previous release "
        "did not include:\n\n"
        "-- Near Baiji, one strike hit an ISIL checkpoint.\n"
        "-- Near Hit, one strike destroyed an ISIL bunker.\n"
    )
    for town, day in (("Baiji", "2015-05-18"), ("Sinjar", "2015-05-18"),
                      ("Baiji", "2015-05-17"), ("Hit", "2015-05-17")):
        assert ("airstrike", place_of(town), day) in found, sorted(found)


def test_a_long_strike_list_in_one_block_keeps_its_day_to_the_end() -> None:
    # lines in one block: the headings and the other items are not sentences the story
    # moves on through, so the sixth item is still of the day the release opens with
    found = triples(
        "SOUTHWEST ASIA - On May 16, Coalition forces conducted 11 strikes against ISIL.\n"
        "Strikes in Iraq\n"
        "In Iraq, Coalition forces conducted 9 strikes using fighter aircraft.\n"
        "-- Near Baiji, two strikes hit an ISIL fighting position.\n"
        "-- Near Sinjar, one strike destroyed an ISIL vehicle.\n"
        "-- Near Haditha, one strike destroyed an ISIL boat.\n"
        "-- Near Ramadi, two strikes hit an ISIL checkpoint.\n"
        "-- Near Kirkuk, one strike destroyed an ISIL mortar.\n"
        "-- Near Tal Afar, two strikes hit an ISIL tactical unit.\n"
    )
    for town in ("Baiji", "Ramadi", "Kirkuk", "Tal Afar"):
        assert ("airstrike", place_of(town), "2015-05-16") in found, sorted(found)


def test_a_relative_clause_s_day_is_no_day_the_bulletin_goes_on_at() -> None:
    # "which the rebels stormed last Wednesday" and "killed since Sunday" are background:
    # the lines after them are news of the bulletin's day
    found = triples(
        "Daily toll, 21 May 2015\n"
        "Hama province: clashes continued between regime forces and rebels in Morek, which "
        "the rebels stormed last Wednesday.\n"
        "The monitor has counted 40 dead in the province since Sunday.\n"
        "Idlib province: regime warplanes bombed the town of Saraqeb, killing two men.\n"
    )
    assert ("airstrike", place_of("Saraqeb"), "2015-05-21") in found, sorted(found)


def test_a_strike_release_s_dateline_and_opening_word_are_no_places() -> None:
    # "SOUTHWEST ASIA, May 19, 2015 -" is where the release was filed (a year after the
    # day too); "Attack" opens the sentence as a word, not as the village 'Ataq
    found = triples(
        "SOUTHWEST ASIA, May 19, 2015 - On May 18, Coalition military forces conducted 9 "
        "strikes against ISIL terrorists in Iraq.\n\n"
        "Attack, fighter, bomber and remotely piloted aircraft conducted 9 strikes in Iraq:\n\n"
        "-- Near Hit, one strike engaged an ISIL tactical unit.\n"
    )
    assert {place for _, place, _ in found} == {place_of("Hit")}, sorted(found)


def test_two_items_of_strike_lists_are_two_strikes_and_an_unknown_item_place_none() -> None:
    # a release lists each strike once: the same town in two lists is two strikes; an
    # item whose own place is not known borrows no other
    found = _events(
        "Strikes in Syria\n\nIn Syria, coalition aircraft hit ISIL targets.\n\n"
        "-- Near Raqqa, two strikes hit an ISIL tactical unit.\n"
        "-- Near Zorbaville, one strike destroyed an ISIL vehicle.\n\n"
        "Additionally, on Saturday, aircraft conducted one strike that closed in the last "
        "day:\n\n"
        "-- Near Raqqa, one strike destroyed an ISIL bunker.\n"
    )
    assert sorted(e.evidence[:20] for e in found) == [
        "-- Near Raqqa, one s", "-- Near Raqqa, two s"], [(e.place, e.evidence) for e in found]


def test_a_casualty_record_s_summary_is_of_the_day_its_heading_gives() -> None:
    # a monitor's incident record: the day in its heading, three field lines, then the
    # summary that tells the strike
    found = triples(
        "Selected incidents, May 2015\n"
        "Incident A112 | May 12, 2015\n"
        "Location: Tall Abyad, Raqqa governorate\n"
        "Suspected belligerent: Coalition\n"
        "Civilians reported killed: 4-6\n"
        "Summary: Coalition aircraft bombed a house in Tal Abyad, killing four civilians.\n"
    )
    assert ("airstrike", place_of("Tal Abyad"), "2015-05-12") in found, sorted(found)


def test_a_bulletin_s_items_do_not_take_a_background_day_of_the_item_before() -> None:
    # each item is news of the bulletin's day; "last Friday" dates only its own item
    found = triples(
        "Evening summary\n\n"
        "* BAIJI. Troops raised the flag over Baiji this afternoon. They had already taken "
        "the refinery last Friday.\n\n"
        "* HAWIJA. Iraqi F-16s destroyed an ISIS depot in Hawija, killing 20 militants.\n"
    )
    strikes = {d for kind, _, d in found if kind == "airstrike"}
    assert strikes and "2015-05-15" not in strikes, sorted(found)
