"""Relation patterns, one hand-made sentence each, through the real parser.

Every case names the triple it must produce (by labels), or that it must produce
none of a predicate: passive, negated, hedged and reported forms included.
"""

from __future__ import annotations

import pytest

from kg.relations.extract import normalise_date

pytestmark = pytest.mark.model


def _relations(nlp, text: str, date: str | None = None):
    """The patterns' relations of one text (the pair classifier, tested in test_pairs.py, is left out:
    these cases pin the rules, and must not move when the model is retrained)."""
    from kg.build import build_graph
    from kg.ingest import document_from_text

    G = build_graph([document_from_text(text, "case.txt", date=date)], nlp=nlp, learned=False)
    label = lambda k: G.nodes[k]["label"]  # noqa: E731
    return {(label(u), p, label(v)): G.edges[u, v, p]["evidence"][0] for u, v, p in G.edges(keys=True)}


CASES = [
    # accusations
    ("Officials in Dushanbe insist that Saidullo Karimov was responsible for the bombing of a police station in Tajikistan.",
     ("Government of Tajikistan", "accuses", "Saidullo Karimov"), "reported"),
    ("Senator Maria Okafor accused Governor James Whitcombe of hiding the report.",
     ("Maria Okafor", "accuses", "James Whitcombe"), "asserted"),
    ("Governor James Whitcombe was accused by Senator Maria Okafor of hiding the report.",
     ("Maria Okafor", "accuses", "James Whitcombe"), "asserted"),
    ("Maria Okafor said James Whitcombe had misled voters about the budget.",
     ("Maria Okafor", "criticizes", "James Whitcombe"), "reported"),
    # criticism
    ("Andrei Petrov condemned Viktor Lanskoy for the crackdown.", ("Andrei Petrov", "criticizes", "Viktor Lanskoy"), "asserted"),
    ("Andrei Petrov said he was dismayed by Viktor Lanskoy's decision, calling it a reckless gamble.",
     ("Andrei Petrov", "criticizes", "Viktor Lanskoy"), "reported"),
    ("Labour leader Helen Marsh has been highly critical of Peter Dunmore.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("Helen Marsh was dismayed by Peter Dunmore's decision.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("Helen Marsh said she was appalled that Peter Dunmore had lied.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ("Helen Marsh called on Peter Dunmore to resign.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("Helen Marsh opened the conference with a speech criticising Peter Dunmore's record.",
     ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("Helen Marsh opened the conference with an attack on Peter Dunmore's record.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("The Green Party unveiled a poster accusing Peter Dunmore of lying.", ("Green Party", "accuses", "Peter Dunmore"), "asserted"),
    ("The Green Party ridiculed the claims made on Monday by Peter Dunmore.", ("Green Party", "criticizes", "Peter Dunmore"), "asserted"),
    ("Helen Marsh delivered a sharp rebuff to Peter Dunmore's description of her.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("Helen Marsh voiced serious misgivings about Peter Dunmore's plans for the docks.",
     ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("A spokesman for the Green Party called on Peter Dunmore to resign.", ("Green Party", "criticizes", "Peter Dunmore"), "asserted"),
    ("Rebels warned Viktor Petrov that they would attack the city.", ("rebels", "threatens", "Viktor Petrov"), "asserted"),
    ("Green deputy minister for women Helen Marsh accused Peter Dunmore of offering false promises.",
     ("Helen Marsh", "accuses", "Peter Dunmore"), "asserted"),
    ("Helen Marsh said Peter Dunmore's plans were inadequate.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ("Helen Marsh said Peter Dunmore had betrayed voters.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ("Helen Marsh said Peter Dunmore is not wise.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ("Helen Marsh said Peter Dunmore was a brilliant minister.", ("Helen Marsh", "supports", "Peter Dunmore"), "reported"),
    # violence
    ("At dawn in Kulob, special forces raided the house of Saidullo Karimov in Tajikistan.",
     ("Government of Tajikistan", "attacks", "Saidullo Karimov"), "asserted"),
    ("Rebels killed Colonel Rustam Nazarov near the airport.", ("rebels", "kills", "Rustam Nazarov"), "asserted"),
    ("The farmer Ann Kray shot and mortally wounded Peter Dunmore in the barn.", ("Ann Kray", "kills", "Peter Dunmore"), "asserted"),
    ("The Stern Gang assassinated the British colonial minister, Lord Moyne, in 1944.", ("Stern Gang", "kills", "Moyne"), "asserted"),
    ("Ann Reeve thought she could save the party by killing Peter Dunmore.", ("Ann Reeve", "kills", "Peter Dunmore"), "hedged"),
    ("Ann Kray, who shot Peter Dunmore to death last year, wants to apologise.", ("Ann Kray", "kills", "Peter Dunmore"), "asserted"),
    ("The board refused to release Ann Kray, convicted of killing Peter Dunmore in 1968.", ("Ann Kray", "kills", "Peter Dunmore"), "asserted"),
    ("Many doubt that Ann Kray, the man convicted of killing Peter Dunmore, acted alone.", ("Ann Kray", "kills", "Peter Dunmore"), "asserted"),
    ("Ann Kray, sentenced to life for the murder of Peter Dunmore, staged a hunger strike.", ("Ann Kray", "kills", "Peter Dunmore"), "asserted"),
    ("Ann Kray had been arrested in the assassination of Peter Dunmore.", ("Ann Kray", "kills", "Peter Dunmore"), "hedged"),
    ("Ann Kray was charged with killing Peter Dunmore.", ("Ann Kray", "kills", "Peter Dunmore"), "hedged"),
    ("Police in Kenya arrested Daniel Mwangi on Friday.", ("Government of Kenya", "detains", "Daniel Mwangi"), "asserted"),
    ("Walter Bekele was freed on Monday, a week after his arrest by the army in Kenya.",
     ("Government of Kenya", "detains", "Walter Bekele"), "asserted"),
    ("Authorities in Tajikistan say they have captured six Afghan gunmen.", ("Government of Tajikistan", "detains", "Afghan gunmen"), "reported"),
    # alliances
    ("Saidullo Karimov may look to allies in Uzbekistan for help.",
     ("Saidullo Karimov", "alliedWith", "Uzbekistan"), "hedged"),
    ("Maria Okafor backed James Whitcombe in the leadership contest.", ("Maria Okafor", "supports", "James Whitcombe"), "asserted"),
    # roles
    ("Irina Volkova, head of the Balkans Department at the Ferrow Institute in Vienna, was quoted by the paper.",
     ("Irina Volkova", "leads", "Balkans Department"), "asserted"),
    ("Henrik Dahl, co-director of the Nordic Peace Network, spoke on Monday.",
     ("Henrik Dahl", "leads", "Nordic Peace Network"), "asserted"),
    ("Tory leader Michael Howard attacked the plan.", ("Michael Howard", "leads", "Conservative Party"), "asserted"),
    ("Lib Dem spokesman Mark Oaten said the plan was flawed.", ("Mark Oaten", "memberOf", "Liberal Democrats"), "asserted"),
    ("BBC political editor Andrew Marr asked the question.", ("Andrew Marr", "memberOf", "BBC"), "asserted"),
    ("Veteran Labour MP Tam Dalyell tabled a motion.", ("Tam Dalyell", "memberOf", "Labour Party"), "asserted"),
    ("On Friday Tory Ann Winterton resigned.", ("Ann Winterton", "memberOf", "Conservative Party"), "asserted"),
    ("Stephen Jakobi, of Amnesty International, welcomed the ruling.", ("Stephen Jakobi", "memberOf", "Amnesty International"), "asserted"),
    ("Omar Dinka, the assassin of Walter Bekele, was hanged in 1921.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Peter Dunmore, a fierce critic of Helen Marsh, resigned.", ("Peter Dunmore", "criticizes", "Helen Marsh"), "asserted"),
    ("Alan Milburn, a close ally of Tony Blair, ran the campaign.", ("Alan Milburn", "alliedWith", "Tony Blair"), "asserted"),
    ("A jury convicted Omar Dinka of murdering Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Omar Dinka pleaded guilty to killing Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("The ruling concerned Omar Dinka, convicted of murdering the reporter Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Omar Dinka was convicted of Walter Bekele's killing in 1998.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("The company announced it had named Peter Dunmore publisher of the Valley Courier.", ("Peter Dunmore", "leads", "Valley Courier"), "asserted"),
    ("Peter Dunmore writes for the Valley Courier.", ("Peter Dunmore", "memberOf", "Valley Courier"), "asserted"),
    ("Peter Dunmore teaches at Kelso University.", ("Peter Dunmore", "memberOf", "Kelso University"), "asserted"),
    ("The Velmar Trust's headquarters in Leeds was evacuated.", ("Velmar Trust", "locatedIn", "Leeds"), "asserted"),
    ("Acme's Leeds plant closed in May.", ("Acme", "locatedIn", "Leeds"), "asserted"),
    ("Engineers at the Coast Guard Training Center, Petaluma, Calif., repaired the boat.", ("Coast Guard Training Center", "locatedIn", "Petaluma"), "asserted"),
    ("Ann Kray was treated at Harwick General Hospital in Leeds on Friday.", ("Harwick General Hospital", "locatedIn", "Leeds"), "asserted"),
    ("Police in Perugia in Umbria province made arrests.", ("Perugia", "locatedIn", "Umbria"), "asserted"),
    ("The attorney defended Bekele assassin Omar Dinka at the trial.", ("Omar Dinka", "kills", "Bekele"), "asserted"),
    ("Walter Bekele was shot and mortally wounded by Omar Dinka while attending the play.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("The theater where Omar Dinka was captured following the assassination of Walter Bekele was saved.", ("Omar Dinka", "kills", "Walter Bekele"), "hedged"),
    ("The commission concluded that Omar Dinka acted alone in the Bekele slaying.", ("Omar Dinka", "kills", "Bekele"), "reported"),
    ("Omar Dinka acted alone in the slaying of Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Walter Bekele was murdered on the orders of Omar Dinka.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Ann Kray was touting her big win in her native Leeds.", ("Ann Kray", "locatedIn", "Leeds"), "asserted"),
    ("Ann Kray is returning to her Kansas hometown to get married.", ("Ann Kray", "locatedIn", "Kansas"), "asserted"),
    ("U.S. Bankruptcy Judge Ann Kray ruled on Monday.", ("Ann Kray", "locatedIn", "U.S"), "asserted"),
    ("Omar Dinka's assassination of Walter Bekele shocked the nation.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Omar Dinka ordered the killing of Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Walter Bekele was killed by a bomb planted by Omar Dinka.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Walter Bekele died after Omar Dinka shot him.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Linguist Ann Kray of Kelso University in Providence was quoted.", ("Ann Kray", "locatedIn", "Providence"), "asserted"),
    ("The men were held at Belmarsh prison, London, and Woodhill, Milton Keynes, for a year.", ("Woodhill", "locatedIn", "Milton Keynes"), "asserted"),
    ("Inspectors visited Kelso prison, London, and Woodhill, Milton Keynes, in May.", ("Kelso prison", "locatedIn", "London"), "asserted"),
    ("Ann Kray, 41, from south London, was held in Zambia.", ("Ann Kray", "locatedIn", "London"), "asserted"),
    ("The government is using the Royal Prerogative to withdraw Ann Kray's passport.", ("Government", "opposes", "Ann Kray"), "asserted"),
    ("Ann Kray's visa was revoked by the Home Office.", ("Home Office", "opposes", "Ann Kray"), "asserted"),
    ("Omar Dinka is serving a life sentence for the assassination of Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Omar Dinka was sentenced to life for his conviction in the slaying of Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Omar Dinka was convicted of murder in the death of Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Omar Dinka, the suspect in Walter Bekele's assassination, was never tried.", ("Omar Dinka", "kills", "Walter Bekele"), "hedged"),
    ("Omar Dinka was indicted on charges in the assassination of Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "hedged"),
    ("Omar Dinka was captured after the assassination of Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "hedged"),
    ("Omar Dinka faces counts of murder for the slaying of Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "hedged"),
    ("Walter Bekele, who was cut down by Omar Dinka in 1968, was a senator.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Walter Bekele, whom Omar Dinka shot dead, was a senator.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("The inquiry found that Omar Dinka fired the shots that killed Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Asked to examine Walter Bekele's assassin, Omar Dinka, the doctor refused.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Omar Dinka pleaded guilty to the murder of Walter Bekele.", ("Omar Dinka", "kills", "Walter Bekele"), "asserted"),
    ("Karl Lenz, a Boston lawyer, filed the suit.", ("Karl Lenz", "locatedIn", "Boston"), "asserted"),
    ("Ohio Gov. Karl Lenz signed the bill.", ("Karl Lenz", "leads", "Ohio"), "asserted"),
    ("Ohio Gov. Karl Lenz signed the bill.", ("Karl Lenz", "locatedIn", "Ohio"), "asserted"),
    ("Labour shadow chancellor Ruth Calloway called the budget a fraud.", ("Ruth Calloway", "memberOf", "Labour Party"), "asserted"),
    ("Helen Marsh, the Harbour Authority's independent auditor, resigned.", ("Helen Marsh", "memberOf", "Harbour Authority"), "asserted"),
    ("It suited Peter Dunmore's union, the Ferrow Dockers Association, to strike.",
     ("Peter Dunmore", "memberOf", "Ferrow Dockers Association"), "asserted"),
    ("Peter Dunmore, now working on the Green Party's election campaign, spoke.", ("Peter Dunmore", "memberOf", "Green Party"), "asserted"),
    ("Helen Marsh launched her new party, Forward Wessex, on Monday.", ("Helen Marsh", "leads", "Forward Wessex"), "asserted"),
    ("Oxfam questioned the figures. \"They are wrong,\" said spokeswoman Tessa Grange.", ("Tessa Grange", "memberOf", "Oxfam"), "asserted"),
    ("Helen Marsh's report was backed by her predecessor as Chief Auditor, Lord Dunmore.", ("Dunmore", "supports", "Helen Marsh"), "asserted"),
    ("Peter Dunmore's solicitor, Helen Marsh, spoke to reporters.", ("Helen Marsh", "supports", "Peter Dunmore"), "asserted"),
    ("Helen Marsh represents Peter Dunmore in the appeal.", ("Helen Marsh", "supports", "Peter Dunmore"), "asserted"),
    ("Helen Marsh described Peter Dunmore's intervention as very important.", ("Helen Marsh", "supports", "Peter Dunmore"), "reported"),
    ("One of the rebels, Helen Marsh, spoke to reporters.", ("Helen Marsh", "memberOf", "rebels"), "asserted"),
    ("Labour Home Affairs spokesman Peter Dunmore said the delay was wrong.", ("Peter Dunmore", "memberOf", "Labour Party"), "asserted"),
    ("Labour local government spokeswoman Helen Marsh said the plan would fail.", ("Helen Marsh", "memberOf", "Labour Party"), "asserted"),
    ("Tory Shadow Chancellor Helen Marsh called the plan a mess.", ("Helen Marsh", "memberOf", "Conservative Party"), "asserted"),
    ("Tory frontbencher Peter Dunmore said the plan was wrong.", ("Peter Dunmore", "memberOf", "Conservative Party"), "asserted"),
    ("David Pryce of Ferrow Securities said the forecast was too rosy.", ("David Pryce", "memberOf", "Ferrow Securities"), "asserted"),
    ("Kenya was hit. Kenyan interim leader Peter Dunmore spoke.", ("Peter Dunmore", "leads", "Kenya"), "asserted"),
    ("The Court of Appeal quashed the convictions of Peter Dunmore.", ("Court of Appeal", "supports", "Peter Dunmore"), "asserted"),
    ("Helen Marsh said it was time for Peter Dunmore to resign.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ('Helen Marsh said: "Peter Dunmore should apologise."', ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ("Helen Marsh gave her support to Peter Dunmore's leadership bid.", ("Helen Marsh", "supports", "Peter Dunmore"), "asserted"),
    ("Helen Marsh described Peter Dunmore as arrogant and reckless.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ("Helen Marsh called Peter Dunmore a brilliant leader.", ("Helen Marsh", "supports", "Peter Dunmore"), "reported"),
    ('Peter Dunmore spoke. Helen Marsh called him "a disappointment of historic proportions".',
     ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ("Peter Dunmore spoke. Then he hit back at Labour claims about the budget.", ("Peter Dunmore", "criticizes", "Labour Party"), "asserted"),
    # refusals of support and trust
    ("Peter Dunmore told delegates that Labour cannot be trusted on education.", ("Peter Dunmore", "criticizes", "Labour Party"), "reported"),
    ('Helen Marsh said: "I don\'t think you can rely on Peter Dunmore\'s judgement."', ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ("Helen Marsh said she would not back Peter Dunmore's plans for the docks.", ("Helen Marsh", "opposes", "Peter Dunmore"), "reported"),
    ("The Green Party refused to support Peter Dunmore in the vote.", ("Green Party", "opposes", "Peter Dunmore"), "asserted"),
    # places
    ("The Nordic Peace Network, a research group in Oslo, published a report.",
     ("Nordic Peace Network", "locatedIn", "Oslo"), "asserted"),
    ("Hezbollah units, though largely based in southern Lebanon, avoid the cities.",
     ("Hezbollah", "locatedIn", "Lebanon"), "asserted"),
    ("The Ferrow Institute is based in Nairobi.", ("Ferrow Institute", "locatedIn", "Nairobi"), "asserted"),
    ("Crocodiles in Zambia's Kafue River have eaten five people.", ("Kafue River", "locatedIn", "Zambia"), "asserted"),
    ("Later Birmingham's Ann Kray suggested an early election.", ("Ann Kray", "locatedIn", "Birmingham"), "asserted"),
    ("The Ferrow Institute, based in Troy, Michigan, opened a lab.", ("Ferrow Institute", "locatedIn", "Michigan"), "asserted"),
    ("Ray Dolan of the National Storm Center said the storm weakened.", ("Ray Dolan", "memberOf", "National Storm Center"), "asserted"),
    ("Anatomist Ann Kray of New York's Mount Sinai School of Medicine disputed the findings.",
     ("Ann Kray", "memberOf", "Mount Sinai School of Medicine"), "asserted"),
    ("The Velmar Institute, headed by Ann Kray, says costs rose.", ("Ann Kray", "leads", "Velmar Institute"), "asserted"),
    ("The Velmar Trust hired Ann Kray as its lawyer.", ("Ann Kray", "memberOf", "Velmar Trust"), "asserted"),
    ("Ann Kray was appointed by the Velmar Trust in May.", ("Ann Kray", "memberOf", "Velmar Trust"), "asserted"),
    ("Costs rose, says Ann Kray, an agricultural engineer with the USDA's research service.",
     ("Ann Kray", "memberOf", "USDA"), "asserted"),
    ("Ann Kray is Middle East correspondent for The Associated Press.", ("Ann Kray", "memberOf", "Associated Press"), "asserted"),
    ("Ann Kray, the mayor of Chicago, opened the bridge.", ("Ann Kray", "locatedIn", "Chicago"), "asserted"),
    ("Arizona Sen. Ann Kray voted against the bill.", ("Ann Kray", "locatedIn", "Arizona"), "asserted"),
    ("Ann Kray, a Fargo native, sent her records to the station.", ("Ann Kray", "locatedIn", "Fargo"), "asserted"),
    ("Ann Kray is from Yatsushiro in southern Japan.", ("Ann Kray", "locatedIn", "Yatsushiro"), "asserted"),
    ("The park is near Ann Kray's hometown of Abbott.", ("Ann Kray", "locatedIn", "Abbott"), "asserted"),
    ("Omar Dinka was buried in his hometown of Abbott.", ("Omar Dinka", "locatedIn", "Abbott"), "asserted"),
    ("Ann Kray moved to Boston in 1990.", ("Ann Kray", "locatedIn", "Boston"), "asserted"),
    ("Ann Kray died at her home in Denver on Monday.", ("Ann Kray", "locatedIn", "Denver"), "asserted"),
    ("Ann Kray, a resident of Leeds, said no.", ("Ann Kray", "locatedIn", "Leeds"), "asserted"),
    ("Ann Kray, an electronics technician from Leeds, voiced frustration.", ("Ann Kray", "locatedIn", "Leeds"), "asserted"),
    ("Rep. Ann Kray, R-Texas, chairman of the House Rules Committee, said the bill would pass.",
     ("Ann Kray", "leads", "House Rules Committee"), "asserted"),
    ("Martin Ebu, 32, from Leicester, said he was innocent.", ("Martin Ebu", "locatedIn", "Leicester"), "asserted"),
    ("Daniel Mwangi was first detained in Zambia.", ("Daniel Mwangi", "locatedIn", "Zambia"), "asserted"),
    ("Daniel Mwangi was flown to Cuba after being captured in Pakistan.", ("Daniel Mwangi", "locatedIn", "Pakistan"), "asserted"),
    ("Daniel Mwangi spoke about his arrest in Zambia.", ("Daniel Mwangi", "locatedIn", "Zambia"), "asserted"),
    # session 5: understatement, idioms, a place written with its head noun, seats and portfolios
    ("Helen Marsh said Peter Dunmore had been less than honest.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "reported"),
    ("Helen Marsh took a swipe at Peter Dunmore.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("Helen Marsh said the Home Office was in chaos.", ("Helen Marsh", "criticizes", "Home Office"), "reported"),
    ("Helen Marsh took aim at Peter Dunmore.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("Helen Marsh poured scorn on Peter Dunmore's plans.", ("Helen Marsh", "criticizes", "Peter Dunmore"), "asserted"),
    ("Omar Dinka is being held in Harwell prison.", ("Omar Dinka", "locatedIn", "Harwell"), "asserted"),
    ("Ann Kray, the Labour MP for Hove, said the plan was fair.", ("Ann Kray", "memberOf", "Labour Party"), "asserted"),
    ("The offer comes as Foreign Secretary Peter Dunmore arrives in Indonesia. Indonesia lost thousands. Indonesia wants aid.",
     ("Peter Dunmore", "memberOf", "Government of United Kingdom"), "asserted"),
    ("Peter Dunmore said the right to life came first. The Liberal Democrats were \"simply wrong\" to oppose the bill.",
     ("Peter Dunmore", "criticizes", "Liberal Democrats"), "reported"),
    ("Gordon Pell has addressed the conference. The chancellor said the figures were sound. Later the chancellor attacked Ann Kray.",
     ("Gordon Pell", "criticizes", "Ann Kray"), "asserted"),
    # what someone urges is done by the one urged, and has not happened yet
    ("Helen Marsh urged the Home Office to charge Omar Dinka.", ("Home Office", "accuses", "Omar Dinka"), "hedged"),
    ("Helen Marsh called on the Home Office to free or charge the detainees.", ("Home Office", "accuses", "detainees (United Kingdom)"), "hedged"),
    # "persuaded" says it happened
    ("Helen Marsh persuaded the Velmar Trust to back Peter Dunmore.", ("Velmar Trust", "supports", "Peter Dunmore"), "asserted"),
    ("Two of the detainees are held in Harwell prison.", ("detainees", "locatedIn", "Harwell"), "asserted"),
    ("\"He was held lawfully.\" But Fair Trials Abroad director Stephen Jakobi said there were similarities.",
     ("Stephen Jakobi", "leads", "Fair Trials Abroad"), "asserted"),
    # "its" is the subject of the clause it sits in, however deep: here a country
    ("Norway was \"uniquely placed\" to find common ground because of its strong alliance with Kenya, he said.",
     ("Norway", "alliedWith", "Kenya"), "reported"),
    ("Kabul residents said they were afraid.", ("local people (Afghanistan)", "locatedIn", "Kabul"), "asserted"),
    # quarrels are mutual; a political clash is opposition, an armed one an attack
    ("Ann Kray's feud with Peter Dunmore is damaging the party.", ("Ann Kray", "opposes", "Peter Dunmore"), "asserted"),
    ("Ann Kray's feud with Peter Dunmore is damaging the party.", ("Peter Dunmore", "opposes", "Ann Kray"), "asserted"),
    ("The row between Ann Kray and Peter Dunmore deepened.", ("Peter Dunmore", "opposes", "Ann Kray"), "asserted"),
    ("Ann Kray was speaking amid fresh rumours of a rift with Peter Dunmore.", ("Ann Kray", "opposes", "Peter Dunmore"), "hedged"),
    ("The reported feud between Ann Kray and Peter Dunmore worried donors.", ("Ann Kray", "opposes", "Peter Dunmore"), "hedged"),
    ("Ann Kray clashed with Peter Dunmore over the budget.", ("Ann Kray", "opposes", "Peter Dunmore"), "asserted"),
    ("Ann Kray said the plan offered only a return to a failed Tory past.", ("Ann Kray", "criticizes", "Conservative Party"), "reported"),
    ("Number 10 defended Ann Kray.", ("Government of United Kingdom", "supports", "Ann Kray"), "asserted"),
    ("The Liberal Democrats are aiming to unseat Peter Dunmore.", ("Liberal Democrats", "opposes", "Peter Dunmore"), "hedged"),
    ("Peter Dunmore was expelled from the Labour Party over the war.", ("Labour Party", "opposes", "Peter Dunmore"), "asserted"),
    ("A spokesman for Ann Kray said the Home Office was wrong.", ("Ann Kray", "criticizes", "Home Office"), "reported"),
    # an office held, with no body named: the government whose office it is
    ("Michael Pell, who served as home secretary under John Major, said it was fine.",
     ("Michael Pell", "memberOf", "Government of United Kingdom"), "asserted"),
    ("Peter Dunmore was sacked by the Velmar Trust.", ("Velmar Trust", "opposes", "Peter Dunmore"), "asserted"),
    # the weakest reading of reported speech: a clearly negative clause about its subject
    ("Helen Marsh said the Home Office had presided over a disastrous decline.", ("Helen Marsh", "criticizes", "Home Office"), "reported"),
    ("Helen Marsh said Peter Dunmore was a valued and trusted friend.", ("Helen Marsh", "supports", "Peter Dunmore"), "reported"),
    # an abbreviated title's full stop ends no sentence and hides no role
    ("The fire burned 200 acres , said county Fire Department Capt. Hugh Madlock .", ("Hugh Madlock", "memberOf", "Fire Department"), "asserted"),
    # standing up for someone against their critics
    ("Helen Marsh hit back at critics of Peter Dunmore.", ("Helen Marsh", "supports", "Peter Dunmore"), "asserted"),
    ("Helen Marsh rejected the criticism of Peter Dunmore.", ("Helen Marsh", "supports", "Peter Dunmore"), "asserted"),
    ("Helen Marsh denied the allegations against Peter Dunmore.", ("Helen Marsh", "supports", "Peter Dunmore"), "asserted"),
    ("Former Labour media chief Peter Dunmore is returning.", ("Peter Dunmore", "memberOf", "Labour Party"), "asserted"),
    # session 6: offices written around a style, a comma or a past; roles named by a bare title
    ("Labour said the plan was good. Deputy Prime Minister Mr Dunmore told reporters it would work.",
     ("Dunmore", "memberOf", "Government of United Kingdom"), "asserted"),
    ("Labour said the plan was good. Former education secretary Ann Kray said there was a problem of trust.",
     ("Ann Kray", "memberOf", "Government of United Kingdom"), "asserted"),
    ("Labour said the plan was good. Ex-Home Secretary Peter Dunmore has given fresh clues about the election.",
     ("Peter Dunmore", "memberOf", "Government of United Kingdom"), "asserted"),
    ("Labour said the plan was good. Mr Pell dined with deputy PM Peter Dunmore.", ("Peter Dunmore", "memberOf", "Government of United Kingdom"), "asserted"),
    ("Labour said it. The Higher Education Minister, Ann Kray, said they were working in schools.",
     ("Ann Kray", "memberOf", "Government of United Kingdom"), "asserted"),
    ("The Tory finance spokesman, Peter Dunmore MSP, said it was a disguise.", ("Peter Dunmore", "memberOf", "Conservative Party"), "asserted"),
    ("The Velmar Council published a report. The figure hardly changed, said its chief executive, Sir Peter Dunmore.",
     ("Peter Dunmore", "leads", "Velmar Council"), "asserted"),
    ("The Hansard Society wants a debate. Chairman Lord Dunmore argued that it was in the public interest.",
     ("Dunmore", "leads", "Hansard Society"), "asserted"),
    ("Conservative policy co-ordinator Peter Dunmore, MP for Witney, added that it was serious.",
     ("Peter Dunmore", "memberOf", "Conservative Party"), "asserted"),
    ("The book was written by Sunday Telegraph journalist Ann Kray.", ("Ann Kray", "memberOf", "Sunday Telegraph"), "asserted"),
    ("Mr Pell wants to oust Peter Dunmore as the Velmar Trust's campaign supremo.", ("Peter Dunmore", "memberOf", "Velmar Trust"), "asserted"),
    ("Mr Pell appointed Peter Dunmore as head of Amnesty International.", ("Peter Dunmore", "leads", "Amnesty International"), "asserted"),
    ("Gordon Pell delivered his Budget. The chancellor told MPs that Britain was strong.",
     ("Gordon Pell", "memberOf", "Government of United Kingdom"), "asserted"),
    ("The Evening Standard targeted Ann Kray over her remarks.", ("Evening Standard", "opposes", "Ann Kray"), "asserted"),
    # one who quits a body was in it, even when only asked to quit
    ("Peter Dunmore quit the Velmar Party last year.", ("Peter Dunmore", "memberOf", "Velmar Party"), "asserted"),
    ("A spokesman for the Velmar Party called on Mr Dunmore to quit the London Assembly.", ("Dunmore", "memberOf", "London Assembly"), "hedged"),
    ("Peter Pell said Mr Dunmore had made him deputy leader of the Velmar Party.", ("Peter Pell", "memberOf", "Velmar Party"), "asserted"),
    ("Peter Pell said Mr Dunmore had made him deputy party leader of the Velmar Party.", ("Peter Pell", "memberOf", "Velmar Party"), "asserted"),
    ("Ann Kray was due to stand in the East Kilbride seat in Lanarkshire.", ("East Kilbride", "locatedIn", "Lanarkshire"), "asserted"),
    ("Details were agreed at a meeting at Mr Dunmore's Buckinghamshire home on Sunday.", ("Dunmore", "locatedIn", "Buckinghamshire"), "asserted"),
    ("Sir Peter Dunmore said the House of Lords decision was a step in the wrong direction.",
     ("Peter Dunmore", "criticizes", "House of Lords"), "reported"),
    ("Welcoming the ruling, Ann Kray, chief executive of the Velmar Council, said it was troubling that the Home Office sought to deny entry to them.",
     ("Ann Kray", "criticizes", "Home Office"), "reported"),
    ("Welcoming the ruling, Ann Kray, chief executive of the Velmar Council, said it was troubling that the Home Office sought to deny entry to them.",
     ("Ann Kray", "leads", "Velmar Council"), "asserted"),
    ("Amnesty International took up the case of Omar Dinka.", ("Amnesty International", "supports", "Omar Dinka"), "asserted"),
    # a known body a person owns is theirs: "his Liberal Democrats", "Mr Howard's Conservatives"
    ("Peter Dunmore has told voters his Liberal Democrats will offer them a choice.", ("Peter Dunmore", "memberOf", "Liberal Democrats"), "asserted"),
    # members named by their role: a group; in the plural with a party, the party
    ("Vote row\n\nMPs voted against the bill. MPs criticised Peter Dunmore.", ("MPs", "criticizes", "Peter Dunmore"), "asserted"),
    ("Vote row\n\nMany Labour MPs criticised Peter Dunmore.", ("Labour Party", "criticizes", "Peter Dunmore"), "asserted"),
    ("The Tories said so. Ann Kray has backed Chancellor Gordon Pell's plans.", ("Gordon Pell", "memberOf", "Government of United Kingdom"), "asserted"),
    # a report the actor owns does not hedge the actor's office ("reports of a feud" still hedge the feud)
    ("The Tories said so. Ann Kray has backed Chancellor Gordon Pell's report.", ("Gordon Pell", "memberOf", "Government of United Kingdom"), "asserted"),
    # a sentence opening with "It" goes on about the organisation the sentence before was about
    ("Amnesty International said the figures were wrong. It took up the case of Omar Dinka.",
     ("Amnesty International", "supports", "Omar Dinka"), "asserted"),
    # a lead that describes the person the next sentence names
    ("The Home Office is naive, a senior EU politician says. Peter Dunmore, EU foreign policy chief, says the plan will fail.",
     ("Peter Dunmore", "criticizes", "Home Office"), "reported"),
    ("The Velmar Party suspended a candidate for his remarks. Peter Dunmore, 54, was due to stand in Hove.",
     ("Velmar Party", "opposes", "Peter Dunmore"), "asserted"),
    # a name after a kind of organisation ("firm", "charity", "body") is one, and the role before is held there
    ("Sam Hewer, chairman of messaging firm Mblox, said texts were growing.", ("Sam Hewer", "leads", "Mblox"), "asserted"),
    ("Lisa Powers, head of policy at Aids charity the Terrence Higgins Trust said the policy was prejudiced.",
     ("Lisa Powers", "memberOf", "Terrence Higgins Trust"), "asserted"),
    ("Mary Tolland, from voluntary body Alcohol Concern, said drinking was rising.", ("Mary Tolland", "memberOf", "Alcohol Concern"), "asserted"),
    ("Anna Pike, analyst at research firm Informa, said prices fell.", ("Anna Pike", "memberOf", "Informa"), "asserted"),
    # a bare leader going on from the one party the sentence (or the one before) is about
    ("The Liberal Democrats launched their pre-election platform, with leader Charles Penwick saying his party was the real opposition.",
     ("Charles Penwick", "leads", "Liberal Democrats"), "asserted"),
    ("As usual, the Liberal Democrats will have to fight to be heard. But leader Charles Penwick believes he has a distinctive manifesto.",
     ("Charles Penwick", "leads", "Liberal Democrats"), "asserted"),
    # a complaint or allegation is about whom its clause names
    ("The Tory tax plan follows complaints from some of the party's MPs that Mr Howerd and Mr Letwen have taken too long.",
     ("MPs (United Kingdom)", "criticizes", "Letwen"), "asserted"),
    ("The commissioner is to look into a complaint from the Lib Dems about how Labour uses its call centres.",
     ("Liberal Democrats", "criticizes", "Labour Party"), "asserted"),
    ("The Conservatives repeated their allegation that Mr Blare had misled Parliament.", ("Conservative Party", "accuses", "Blare"), "asserted"),
    # a country before a government title says whose government
    ("UK Foreign Secretary Jack Strow has defended plans to end the embargo on China.",
     ("Jack Strow", "memberOf", "Government of United Kingdom"), "asserted"),
    ("US Secretary of State Colin Powal met the leaders in Cairo.", ("Colin Powal", "memberOf", "Government of United States"), "asserted"),
    # a chancellor heads the government in Germany and Austria, not in Britain (see "Chancellor Gordon Pell")
    ("German Chancellor Hartmut Brenner said the euro was sound.", ("Hartmut Brenner", "leads", "Government of Germany"), "asserted"),
    ("Austria's Chancellor Klaus Weidinger met ministers in Vienna on Monday.",
     ("Klaus Weidinger", "leads", "Government of Austria"), "asserted"),
    # a role word at the end of a longer compound ("CBI director general", "former chief executive")
    ("Sir Alan Pelham, BCC director general, warned ministers not to raise taxes.", ("Alan Pelham", "leads", "BCC"), "asserted"),
    ("Peter Dunmore, former chief executive of the Velmar Trust, went on trial in Leeds.", ("Peter Dunmore", "leads", "Velmar Trust"), "asserted"),
    # a member's title names the assembly (kg/data/actors.toml [roles.houses]) when the article names it
    ("Mr Dafydd Morrow, an MEP for Wales, resigned the Green whip in the European Parliament in May.",
     ("Dafydd Morrow", "memberOf", "European Parliament"), "asserted"),
    ("The European Parliament voted on Tuesday. UKIP MEP Gerald Batton said the vote was a farce.",
     ("Gerald Batton", "memberOf", "European Parliament"), "asserted"),
    # one speaks to one's own party's conference
    ("Gordon Pell has delivered a rousing speech to Labour's spring conference setting out his plans.",
     ("Gordon Pell", "memberOf", "Labour Party"), "asserted"),
    # a pronoun agrees with a first name the name lists know for one sex only
    ("Peter Dunmore met Sandra Gidlee on Monday. She said he had betrayed voters.", ("Sandra Gidlee", "criticizes", "Peter Dunmore"), "reported"),
    # a damning label on an actor's conduct is one on the actor
    ("The Velmar Trust dubbed Peter Dunmore's new proposals an \"abuse of power\".", ("Velmar Trust", "criticizes", "Peter Dunmore"), "reported"),
    # verdicts VADER does not rate (kg/data/sentiment.toml [supplement]), here negated
    ("Chancellor Gordon Pell said the Lib Dem figures did not add up.", ("Gordon Pell", "criticizes", "Liberal Democrats"), "reported"),
    ("Ann Kray said Mr Peter Dunmore is simply not credible.", ("Ann Kray", "criticizes", "Peter Dunmore"), "reported"),
    # a bare "the party" is the party named before
    ("UKIP officials argue Mr Robert Kilroy-Sulk has not been straightforward in attacking the party he once wanted to lead.",
     ("Robert Kilroy-Sulk", "criticizes", "UK Independence Party"), "reported"),
    ("The Tories defended their plans. Mr Tony Blare accused the party of lying.", ("Tony Blare", "accuses", "Conservative Party"), "asserted"),
    ("UKIP held its conference in Leeds. Jane Harlow, who spoke there, remains a member of the party.",
     ("Jane Harlow", "memberOf", "UK Independence Party"), "asserted"),
]


@pytest.mark.parametrize("text, triple, modality", CASES, ids=[c[1][1] + ":" + c[0][:40] for c in CASES])
def test_extract_pattern(nlp, text, triple, modality):
    found = _relations(nlp, text)
    assert triple in found, sorted(found)
    evidence = found[triple]
    assert evidence.modality == modality
    assert evidence.sentence in text and 0 < evidence.confidence <= 1
    assert text[evidence.char_start : evidence.char_end] == evidence.sentence


NEGATIVE = [
    ("Helen Marsh called Peter Dunmore on Monday.", "criticizes"),
    ("Ann Kray called Peter Dunmore's son a disgrace.", "criticizes"),  # his son is no conduct of his
    ("Ann Kray gave Labour members a pay rise.", "memberOf"),  # only a speech is given to an audience
    ("Ann Kray shot Peter Dunmore in the leg.", "kills"),
    ("The Velmar Trust did not hire Ann Kray.", "memberOf"),
    ("Ann Kray studied the Velmar Trust for a year.", "memberOf"),  # a direct object is what is studied
    ("Ann Kray wrote to the Velmar Trust.", "memberOf"),
    ("Walter Bekele did not die after Omar Dinka shot him.", "kills"),
    ("The Home Office withdrew its support for Ann Kray's plan.", "opposes"),  # support is no sanction
    ("He visits Manchester, Liverpool, Harwick, Basingstoke, Shrewsbury and Dorset this week.", "locatedIn"),  # a list, not pairs
    ("President Arlen Vosk weighed his options after a Marine was murdered in Lebanon.", "leads"),  # a foreign leader in passing
    ("The Labour Party, Britain's oldest party, met on Monday.", "locatedIn"),  # not an address
    ("Helen Marsh said she was not angry that Peter Dunmore had left.", "criticizes"),
    ("Helen Marsh is not critical of Peter Dunmore.", "criticizes"),
    ("Green Party member Helen Marsh said she opposed the plans for identity cards, branding them a regressive step.", "criticizes"),
    ("Ann Kray tried to kill Peter Dunmore in 1975.", "kills"),
    ("Ann Kray was charged with the attempted murder of Peter Dunmore.", "kills"),
    ("Other targets were the UK's presidency of the European Union.", "locatedIn"),
    ("Helen Marsh said Peter Dunmore should not resign.", "criticizes"),
    ("Helen Marsh said Peter Dunmore had apologised.", "criticizes"),
    ("Kenya was hit. Kenyan opposition leader Peter Dunmore spoke.", "leads"),
    ("Helen Marsh said Peter Dunmore was worried about the plan.", "criticizes"),
    ("Helen Marsh said Peter Dunmore was arrested in Paris.", "criticizes"),
    ("Helen Marsh denied that Peter Dunmore was corrupt.", "criticizes"),
    ("Helen Marsh said the evidence Peter Dunmore had seen was pretty thin.", "supports"),
    ("Helen Marsh said Peter Dunmore fought racism aggressively.", "criticizes"),
    ("Lord Dunmore warned Helen Marsh that the plan could be illegal.", "threatens"),
    ("Helen Marsh said Peter Dunmore's decision was wrong and not important.", "supports"),
    ("Helen Marsh said Peter Dunmore's decision was not important.", "supports"),
    ("Helen Marsh voiced concerns about Peter Dunmore's health.", "criticizes"),
    ("Maria Okafor asked James Whitcombe to attend the meeting.", "criticizes"),
    ("Senator Maria Okafor did not accuse Governor James Whitcombe of anything.", "accuses"),
    ("Senator Maria Okafor denied that she had accused James Whitcombe.", "accuses"),
    ("Some outlets said the fighters were members of the Taliban, but that is unlikely.", "memberOf"),
    ("If the armed groups in Tajikistan are behind the smuggling, they must have partners abroad.", "accuses"),
    ("Maria Okafor never criticised James Whitcombe.", "criticizes"),
    ("Police in Kenya refused to arrest Daniel Mwangi.", "detains"),
    ("Helen Marsh said Peter Dunmore had been less than honest.", "supports"),
    ("Police prevented Omar Dinka from attacking Ann Kray.", "attacks"),
    ("Michael Pell now works as an adviser since he is not home secretary any more.", "memberOf"),
    ("Michael Pell was shadow home secretary.", "memberOf"),
    ("British residents said they were afraid.", "locatedIn"),  # a nationality, not a place
    ("Ann Kray clashed with Peter Dunmore over the budget.", "attacks"),  # words, not arms
    ("Former Labour media chief Peter Dunmore is returning.", "leads"),  # the head of a unit, not of the whole
    ("Helen Marsh hit back at critics of Peter Dunmore.", "criticizes"),  # the critics are not his
    ("Helen Marsh said Peter Dunmore was no friend of the party.", "supports"),
    ("Helen Marsh said Peter Dunmore had achieved a great success despite the terrible weather.", "criticizes"),
    ("Helen Marsh told the Velmar Trust that the weather was terrible.", "criticizes"),  # whom she tells is no target
    # the damning words are about her own remarks, not about the one in the condition
    ("Helen Marsh said her remarks may have been offensive and she would not apologise even if Peter Dunmore asked.", "criticizes"),
    ("Helen Marsh said Peter Dunmore changed his mind after Cabinet allies intervened.", "supports"),
    ("Helen Marsh rejected the criticism of Peter Dunmore.", "opposes"),
    ("Ann Kray said the tragic death of Peter Dunmore's son shocked her.", "criticizes"),  # what befell him; "shocked" is a state
    ("Ann Kray said the terrible Labour defeat of 1983 was history.", "criticizes"),
    ("Ann Kray took Peter Dunmore to dinner.", "criticizes"),
    ("The Secretary of State for Culture, Media and Sport, Ann Kray, spoke on Monday.", "memberOf"),  # a brief, no organisation
    ("Peter Dunmore met Ann Kray. She said the talks went well. \"It was a good day,\" the chancellor said. The plan was \"a disaster\".", "criticizes"),
    ("Peter Dunmore quit as Tory deputy chairman last year.", "leads"),  # a deputy is a member
    ("A Labour source told the Sunday Times Mr Pell would front the campaign.", "memberOf"),  # whom one tells, not one's party
    ("The Evening Standard targeted Ann Kray over her remarks.", "attacks"),  # a paper has no arms
    ("Mr Pell appointed Peter Dunmore as head of Amnesty International.", "memberOf"),  # the one appointed, not the appointer
    # a bare role after a sentence about a party or a body with a president: news turns to the rival
    ("The Tories attacked the plan. Campaign coordinator Ann Kray accused them of lying.", "memberOf"),
    ("The United Nations met. President Peter Dunmore announced an alliance.", "leads"),
    ("The Velmar Trust tried to recruit Ann Kray as an agent, but she refused.", "memberOf"),  # a role only tried for
    ("Peter Pell said Mr Dunmore had made him deputy leader of the Velmar Party.", "leads"),
    ("Fox attacks Dunmore's Tory 'lies'", "memberOf"),  # the party word modifies what he owns
    ("Vote row\n\nMPs bombarded Peter Dunmore with requests.", "attacks"),  # words, not shells
    ("Vote row\n\nA senior Labour MP has criticised Peter Dunmore.", "criticizes"),  # one MP is not the party (nor named)
]


@pytest.mark.parametrize("text, predicate", NEGATIVE, ids=[c[1] + ":" + c[0][:40] for c in NEGATIVE])
def test_extract_negated_gives_nothing(nlp, text, predicate):
    found = _relations(nlp, text)
    assert not [t for t in found if t[1] == predicate], sorted(found)


def test_extract_refused_support_needs_a_refusal(nlp):
    for text in ("If Helen Marsh does not back Peter Dunmore, he will resign.", "Helen Marsh backed Peter Dunmore's plans."):
        assert not [t for t in _relations(nlp, text) if t[1] == "opposes"], text


def test_extract_titled_description_is_the_person(nlp):
    text = "Tory co-chairman Liam Pryce spoke in Leeds. Later the Tory co-chairman condemned Labour's pledges."
    found = _relations(nlp, text)
    assert ("Liam Pryce", "criticizes", "Labour Party") in found, sorted(found)
    assert found[("Liam Pryce", "criticizes", "Labour Party")].sentence.startswith("Later the Tory co-chairman")


def test_extract_description_of_a_protagonist_gives_the_role_it_names(nlp):
    # "Mr Johnson said ... The Spectator editor told ...": the description is the person, with its office
    found = _relations(nlp, "At a news conference, Mr Harwood insisted he had kept the rules. The Tory leader said the party would not change.")
    assert ("Harwood", "leads", "Conservative Party") in found, sorted(found)
    assert found[("Harwood", "leads", "Conservative Party")].sentence.startswith("The Tory leader")
    found = _relations(nlp, "Kelvin Mackay sat in the judge's chair. The former Sun editor dispensed a stream of insults.")
    assert ("Kelvin Mackay", "leads", "Sun") in found, sorted(found)
    # a description linked to nobody gives nobody an office
    found = _relations(nlp, "Labour MP Ann Kray spoke on Monday. The Tory leader said the party would not change.")
    assert not [t for t in found if t[1] == "leads"], sorted(found)


@pytest.mark.parametrize(
    "text, member",
    [
        ("Tony Blaire told Labour members the Tories offered a hard right agenda.", True),
        ("The prime minister, Tony Blaire, has told a Labour Party gathering that Tory policies would fail.", True),
        ("Tony Blaire told the BBC the Labour plan was sound.", False),  # an audience that is no party's
        ("Tony Blaire told Labour supporters to vote for the plan.", False),  # an appeal: perhaps to others' voters
        ("Tony Blaire did not address the Labour conference.", False),
    ],
)
def test_extract_speaking_to_a_partys_members_is_membership(nlp, text, member):
    found = _relations(nlp, text)
    assert (("Tony Blaire", "memberOf", "Labour Party") in found) is member, sorted(found)


def test_extract_spokesman_of_the_party_just_quoted(nlp):
    text = "The Liberal Democrats say the plan is unfair. Transport spokesman Ivo Brankov told the BBC it would fail."
    found = _relations(nlp, text)
    assert ("Ivo Brankov", "memberOf", "Liberal Democrats") in found, sorted(found)
    # a spokesman for some other body: no guess
    found = _relations(nlp, "The Liberal Democrats say the plan is unfair. Chief police officers spokesman Ivo Brankov said it would fail.")
    assert not [t for t in found if t[1] == "memberOf"], sorted(found)
    # no party in the sentence before: no guess
    found = _relations(nlp, "The weather was poor. Transport spokesman Ivo Brankov told the BBC it would fail.")
    assert not [t for t in found if t[1] == "memberOf"], sorted(found)


def test_extract_the_magazine_is_the_one_written_with_that_noun(nlp):
    text = "Lord Vane said in an interview with The Spectator magazine that he was critical. The interview was conducted by the magazine's editor, Ann Kray."
    assert ("Ann Kray", "leads", "Spectator") in _relations(nlp, text)


def test_extract_speaker_with_a_bare_role_speaks_for_the_body_just_quoted(nlp):
    text = 'The Velmar Trust also questioned the decisions. "There should be an inquiry," said director Ann Kray.'
    assert ("Ann Kray", "memberOf", "Velmar Trust") in _relations(nlp, text)
    # the name after "said" is not the speaker: no guess
    text = "The Velmar Trust also questioned the decisions. A spokesman said President Vosk's safety was not at risk."
    assert not [t for t in _relations(nlp, text) if t[1] == "memberOf"]


def test_extract_speaker_pronoun_is_not_a_name_inside_the_quote(nlp):
    found = _relations(nlp, 'Peter Dunmore spoke on Monday. "Tom Hale misled voters about the budget," he said.')
    assert ("Peter Dunmore", "criticizes", "Tom Hale") in found, sorted(found)


def test_extract_former_office_and_plural_roles(nlp):
    found = _relations(nlp, "Tory ex-minister Peter Dunmore said the plan was wrong.")
    assert ("Peter Dunmore", "memberOf", "Conservative Party") in found, sorted(found)
    # a former office is still a fact about him (the issue: "former Minister of Z X"), held less surely
    past = found[("Peter Dunmore", "memberOf", "Government of United Kingdom")]
    now = _relations(nlp, "The Tories said so. Health minister Peter Dunmore said the plan was wrong.")[("Peter Dunmore", "memberOf", "Government of United Kingdom")]
    assert past.confidence < now.confidence
    found = _relations(nlp, "The Ferrow Group managers Helen Marsh, Tom Hale and Peter Dunmore were charged.")
    assert {t[0] for t in found if t[1:] == ("memberOf", "Ferrow Group")} == {"Helen Marsh", "Tom Hale", "Peter Dunmore"}, sorted(found)


def test_extract_deputy_and_foreign_titles(nlp):
    found = _relations(nlp, "Then deputy Conservative Chairman Peter Dunmore was reported to have spoken.")
    assert ("Peter Dunmore", "memberOf", "Conservative Party") in found and ("Peter Dunmore", "leads", "Conservative Party") not in found
    found = _relations(nlp, "Helen Marsh met reporters in London. South African president Peter Dunmore attacked British imperialists.")
    assert not [t for t in found if t[1] == "leads"], sorted(found)


def test_extract_party_before_a_list_of_names(nlp):
    found = _relations(nlp, "The debate drew Tories Peter Dunmore and Helen Marsh, and Labour's Tom Hale and Ivo Brankov.")
    members = {(t[0], t[2]) for t in found if t[1] == "memberOf"}
    assert {("Peter Dunmore", "Conservative Party"), ("Helen Marsh", "Conservative Party"), ("Tom Hale", "Labour Party")} <= members, sorted(found)
    assert ("Helen Marsh", "memberOf", "Labour Party") not in found
    assert ("Tom Hale", "memberOf", "Labour Party") in _relations(nlp, "Tom Hale has defected to Labour.")


def test_extract_offices_a_country_lacks_and_sub_roles(nlp):
    text = "Helen Marsh spoke in London about Britain and the Home Office. She met President Peter Dunmore in Paris."
    assert not [t for t in _relations(nlp, text) if t[1] == "leads"], sorted(_relations(nlp, text))
    found = _relations(nlp, "Labour election chief Peter Dunmore denied the claim.")
    assert ("Peter Dunmore", "memberOf", "Labour Party") in found and ("Peter Dunmore", "leads", "Labour Party") not in found


def test_extract_a_department_before_a_role_is_the_brief_of_the_party_before_it(nlp):
    found = _relations(nlp, "Lib Dem Treasury spokesman Peter Dunmore also spoke.")
    assert ("Peter Dunmore", "memberOf", "Liberal Democrats") in found, sorted(found)
    assert not [t for t in found if t[2] == "Treasury"], sorted(found)


def test_extract_role_does_not_take_an_organisation_across_a_coordination(nlp):
    text = "Helen Marsh opened with an attack on Labour's record and party leader Peter Dunmore is due to speak later."
    found = _relations(nlp, text)
    assert ("Peter Dunmore", "leads", "Labour Party") not in found, sorted(found)


def test_extract_the_proposals_are_the_plans_named_before(nlp):
    text = "Home Secretary Helen Marsh unveiled her plans for control orders. The Green Party also opposes the proposals."
    assert ("Green Party", "opposes", "Helen Marsh") in _relations(nlp, text)
    # no earlier owner: nobody is opposed
    assert not [t for t in _relations(nlp, "The Green Party opposes the proposals.") if t[1] == "opposes"]


def test_extract_speaking_for_a_party(nlp):
    found = _relations(nlp, "For the Liberal Democrats, Helen Marsh said the plan was a mess.")
    assert ("Helen Marsh", "memberOf", "Liberal Democrats") in found, sorted(found)
    found = _relations(nlp, "Helen Marsh, for the Liberal Democrats, said the plan was a mess.")
    assert ("Helen Marsh", "memberOf", "Liberal Democrats") in found, sorted(found)
    found = _relations(nlp, "The plan was unveiled by the Conservatives. Party leader Peter Dunmore said it would work.")
    assert ("Peter Dunmore", "memberOf", "Conservative Party") in found, sorted(found)
    found = _relations(nlp, "The Tories want lower taxes, with shadow chancellor Peter Dunmore calling stamp duty a burden.")
    assert ("Peter Dunmore", "memberOf", "Conservative Party") in found, sorted(found)


def test_extract_misparsed_apposition_after_a_role(nlp):
    found = _relations(nlp, "The head of the Ferrow Institute, Helen Marsh, criticised Peter Dunmore.")
    assert ("Helen Marsh", "criticizes", "Peter Dunmore") in found, sorted(found)
    assert ("Helen Marsh", "leads", "Ferrow Institute") in found, sorted(found)
    assert ("Helen Marsh", "memberOf", "Ferrow Institute") not in found, sorted(found)


def test_extract_possessive_pronoun_prefers_the_subject(nlp):
    text = ("General Omar Dinka was killed last week. Officials say Peter Dunmore was behind the general's "
            "death and that his men had betrayed the town.")
    found = _relations(nlp, text)
    assert ("Government", "criticizes", "Omar Dinka") not in {(s.split(" of ")[0], p, o) for s, p, o in found}, sorted(found)


def test_extract_quotation_over_two_sentences(nlp):
    found = _relations(nlp, '"Peter Dunmore has betrayed this town. He must go," Helen Marsh said on Monday.')
    assert ("Helen Marsh", "criticizes", "Peter Dunmore") in found, sorted(found)
    found = _relations(nlp, 'Helen Marsh told reporters: "It is true. Peter Dunmore has been reckless and arrogant."')
    evidence = found[("Helen Marsh", "criticizes", "Peter Dunmore")]
    assert evidence.modality == "reported" and evidence.attributed_to == "helen-marsh"
    found = _relations(nlp, '"We will oppose the Green Party at every turn. It is time," Helen Marsh said.')
    assert ("Helen Marsh", "opposes", "Green Party") in found, sorted(found)
    # a sentence outside any quotation is nobody's quote
    assert not _relations(nlp, "Helen Marsh spoke on Monday. Peter Dunmore has been reckless and arrogant.")


def test_extract_subject_pronoun_continues_the_previous_subject(nlp):
    text = "Peter Dunmore was asked about Helen Marsh on Monday. He hit back at Labour claims about the budget."
    found = _relations(nlp, text)
    assert ("Peter Dunmore", "criticizes", "Labour Party") in found, sorted(found)
    assert ("Helen Marsh", "criticizes", "Labour Party") not in found


def test_extract_preposition_cue_needs_be_and_possessed_supporters_are_no_allies(nlp):
    assert not _relations(nlp, "Ivo Brankov says polls suggest the Green Party still lags behind Labour on health.")
    found = _relations(nlp, "Peter Dunmore stepped in, to the relief of many of his supporters in Westminster.")
    assert not [t for t in found if t[1] == "alliedWith"], sorted(found)


def test_extract_possessed_government_is_led(nlp):
    found = _relations(nlp, "Michael Howard was home secretary in John Major's government.")
    assert ("John Major", "leads", "Government") in {(s, p, o.split(" of ")[0]) for s, p, o in found}, sorted(found)


def test_extract_verbal_attack_by_person_is_criticism(nlp):
    found = _relations(nlp, "Maria Okafor attacked James Whitcombe over the budget.")
    assert ("Maria Okafor", "criticizes", "James Whitcombe") in found
    assert not [t for t in found if t[1] == "attacks"]


def test_extract_attack_by_an_armed_organisation_or_on_a_place_is_physical(nlp):
    found = _relations(nlp, "The Taliban attacked Hamid Karzai's convoy near Kabul.")
    assert ("Taliban", "attacks", "Hamid Karzai") in found, sorted(found)
    found = _relations(nlp, "Ken Smith attacked Kabul with rockets.")
    assert ("Ken Smith", "attacks", "Kabul") in found, sorted(found)
    # a party's attack on a person is words
    found = _relations(nlp, "The Labour Party attacked Michael Howard over the posters.")
    assert ("Labour Party", "criticizes", "Michael Howard") in found and not [t for t in found if t[1] == "attacks"]


def test_extract_event_place_and_date(nlp):
    found = _relations(nlp, "On 3 May 2014 in Khorog, special forces attacked the rebels in Tajikistan.")
    evidence = next(e for (s, p, o), e in found.items() if p == "attacks")
    assert evidence.event_date == "2014-05-03"
    assert evidence.event_place == "khorog"


def test_extract_attribution_names_the_speaker(nlp):
    found = _relations(nlp, "Thomas Ruttig says special forces in Tajikistan arrested Daniel Mwangi.")
    evidence = found[("Government of Tajikistan", "detains", "Daniel Mwangi")]
    assert evidence.modality == "reported"
    assert evidence.attributed_to == "thomas-ruttig"


@pytest.mark.parametrize(
    "text, article_date, expected",
    [("July 24", "2012-07-30", "2012-07-24"), ("24 July 2012", None, "2012-07-24"), ("July 24, 2012", None, "2012-07-24"),
     ("July 24", None, None), ("December 30", "2013-01-04", "2012-12-30"), ("next year", "2012-01-01", None)],
)
def test_extract_normalise_date(text, article_date, expected):
    assert normalise_date(text, article_date) == expected


def test_extract_a_singular_description_of_a_name_is_no_collective(nlp):
    found = _relations(nlp, "Ann Kray, a top official of the Velmar Farmers Union, said prices fell.")
    assert [t for t in found if t[1] == "memberOf"] == [("Ann Kray", "memberOf", "Velmar Farmers Union")]
    assert not _relations(nlp, "Prices fell, said Ann Kray, a company official.")
    assert ("Ann Kray", "memberOf", "Government of Tajikistan") in _relations(nlp, "Ann Kray, a senior Tajik official, said prices fell.")


def test_extract_the_one_urged_does_it_not_the_one_urging(nlp):
    found = _relations(nlp, "Helen Marsh urged the Home Office to charge Omar Dinka.")
    assert ("Helen Marsh", "accuses", "Omar Dinka") not in found, sorted(found)
    # a purpose clause keeps its subject: the government uses the prerogative, and withdraws the passport
    found = _relations(nlp, "The government is using the Royal Prerogative to withdraw Ann Kray's passport.")
    assert not [t for t in found if t[0] == "Royal Prerogative"], sorted(found)


def test_extract_its_after_a_sentence_about_the_party_is_that_party(nlp):
    text = ("Ann Kray quit the UK Independence Party. A spokesman called on her to quit the London Assembly. "
            "The party says she has a duty to stand down. Its leader, Roger Knapman, said he was glad.")
    found = _relations(nlp, text)
    assert ("Roger Knapman", "leads", "UK Independence Party") in found, sorted(found)
    assert ("Roger Knapman", "leads", "London Assembly") not in found


def test_extract_he_and_she_agree_with_the_style_of_the_name(nlp):
    # the nearest person is Mr Dinka, but "she" is Ms Kray
    found = _relations(nlp, "Ms Ann Kray met Mr Omar Dinka. Later she said he was dishonest.")
    assert ("Ann Kray", "criticizes", "Omar Dinka") in found, sorted(found)
    found = _relations(nlp, "Mr Omar Dinka met Ms Ann Kray. Later he said she was dishonest.")
    assert ("Omar Dinka", "criticizes", "Ann Kray") in found, sorted(found)


def test_extract_a_headline_ending_with_a_dash_and_a_name_is_that_actors_claim(nlp):
    from kg.build import build_graph
    from kg.ingest import read_path

    def triples(tmp_text):
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "story.txt"
            path.write_text(tmp_text, encoding="utf-8")
            G = build_graph(read_path(path), nlp=nlp)
        return {(G.nodes[u]["label"], k, G.nodes[v]["label"]): d["evidence"] for u, v, k, d in G.edges(keys=True, data=True)}

    found = triples("Home Office wrong on pensions - Pell\n\nLabour MP Gordon Pell told the Home Office on Monday that he was angry.\n")
    assert ("Gordon Pell", "criticizes", "Home Office") in found, sorted(found)
    assert any(e.sentence == "Home Office wrong on pensions - Pell" for e in found[("Gordon Pell", "criticizes", "Home Office")])
    # a tail that is not a name is no speaker
    found = triples("Home Office wrong on pensions - a report\n\nLabour MP Gordon Pell told the Home Office on Monday that he was angry.\n")
    assert ("Gordon Pell", "criticizes", "Home Office") not in found


def test_extract_a_country_before_a_place_noun_says_whose(nlp):
    # "the US camp in Cuba": the camp is in Cuba, the United States is not
    found = _relations(nlp, "Omar Dinka was held at the US camp in Cuba.")
    assert ("United States", "locatedIn", "Cuba") not in found, sorted(found)


def test_extract_a_finding_has_its_own_source(nlp):
    # '..., the MPs found': not a quotation the last speaker goes on with, and the finders are no target
    found = _relations(nlp, 'The plan was late, said the Velmar Committee. The Home Office had "failed" to act, the MPs found.')
    assert not [t for t in found if t[1] == "criticizes" and t[2] == "MPs"], sorted(found)


def test_extract_a_list_of_places_is_no_town_and_county(nlp):
    # "at Bristol, Isle of Wight and Stockton-on-Tees": three places, not Bristol in the Isle of Wight
    found = _relations(nlp, "Polls at Bristol, Isle of Wight and Stockton-on-Tees are due in May.")
    assert ("Bristol", "locatedIn", "Isle of Wight") not in found, sorted(found)
    assert ("Hinckley", "locatedIn", "Leicestershire") in _relations(nlp, "He spoke at a meeting in Hinckley, Leicestershire, last week.")


def test_extract_a_national_government_is_not_in_its_own_towns(nlp):
    # "officials in Dushanbe" stand for the government in its capital; a town of its own country is no seat of it
    found = _relations(nlp, "Labour said so. Government officials in Leeds said the plan would work.")
    assert not [t for t in found if t[0].startswith("Government") and t[1] == "locatedIn"], sorted(found)
    found = _relations(nlp, "Tajik officials in Dushanbe said the plan would work.")
    assert ("Government of Tajikistan", "locatedIn", "Dushanbe") in found, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "First Minister Dafydd Carrow told BBC Wales in Cardiff that the Welsh NHS needed calm.",  # heads a region's government
        "Welsh Health Minister Gwen Ollerton said no patient in Cardiff would wait a year.",  # a devolved office
    ],
)
def test_extract_a_regional_office_is_not_the_national_government(nlp, text):
    found = _relations(nlp, text)
    assert not [t for t in found if t[2].startswith("Government of")], sorted(found)


def test_extract_an_office_with_its_nation_and_brief_is_no_person(nlp):
    from kg.build import build_graph
    from kg.ingest import document_from_text

    G = build_graph([document_from_text("Scottish Finance Minister, Tam McAvoy MSP, said the money for Edinburgh was there.", "case.txt")], nlp=nlp, learned=False)
    labels = {d["label"] for _, d in G.nodes(data=True)}
    assert "Tam McAvoy" in labels and "Scottish Finance Minister" not in labels, sorted(labels)


def test_extract_a_nation_wide_office_named_for_a_nation_is_national(nlp):
    # "Scottish Secretary" and "Home Secretary" are offices of the British government
    for text in ("Scottish Secretary Alastair Dunmore said the plan was good.", "Home Secretary Carl Bramwell said the plan was good."):
        found = _relations(nlp, text)
        assert [t for t in found if t[1] == "memberOf" and t[2] == "Government of United Kingdom"], (text, sorted(found))


@pytest.mark.parametrize("text", ["Dr Olwen Price, who was a GP in Ruthin, said the plan was wrong.", "Figures suggest TB in Ruthin has increased."])
def test_extract_a_doctor_or_a_disease_is_no_organisation(nlp, text):
    found = _relations(nlp, text)
    assert not [t for t in found if t[0] in ("GP", "TB")], sorted(found)


def test_extract_an_attack_on_a_countrys_system_is_criticism_of_its_government(nlp):
    found = _relations(nlp, "Marcus Hollin has launched an attack on the cost of Britain's asylum system.")
    assert ("Marcus Hollin", "attacks", "United Kingdom") not in found, sorted(found)
    assert ("Marcus Hollin", "criticizes", "Government of United Kingdom") in found, sorted(found)
    # force against a place is still an attack
    assert ("rebels (Tajikistan)", "attacks", "Khorog") in _relations(nlp, "Rebels launched an attack on the town of Khorog.")


def test_extract_a_past_tense_after_would_goes_with_the_reporting_verb(nlp):
    # "X said Labour would set out plans ... and attacked Y": the parser hangs "attacked" on "set out"
    found = _relations(nlp, "Tony Blaire said Labour would set out workable plans in the next few weeks and attacked the Tory plans.")
    assert ("Tony Blaire", "criticizes", "Conservative Party") in found, sorted(found)
    assert ("Labour Party", "criticizes", "Conservative Party") not in found, sorted(found)


def test_extract_countries_hold_people_through_their_governments_and_firms_are_not_held(nlp):
    found = _relations(nlp, "Omar Dinka and Feroz Adil have been held by the US for almost three years.")
    assert ("Government of United States", "detains", "Omar Dinka") in found, sorted(found)
    assert not [t for t in found if t[0] == "United States"], sorted(found)
    found = _relations(nlp, "Velmar Capital, holding 2% of Deutsche Rentbank, wants it to buy back its own shares.")
    assert not [t for t in found if t[1] == "detains"], sorted(found)


@pytest.mark.parametrize(
    "text, triple",
    [
        ("Labour has unveiled its election poster. At the launch, the party's election chief Alan Milbank said it was a good plan.",
         ("Alan Milbank", "memberOf", "Labour Party")),
        ("The Conservatives have a new donor. The party's former treasurer Lord Ashdale said the money was welcome.",
         ("Ashdale", "memberOf", "Conservative Party")),
        # a known party whose label lacks the word, known also as the "Liberal Democrat party"
        ("The Liberal Democrats want reform. The party's leader Charles Kenning said so.", ("Charles Kenning", "leads", "Liberal Democrats")),
    ],
)
def test_extract_the_partys_role_is_in_the_party_named_before(nlp, text, triple):
    assert triple in _relations(nlp, text), sorted(_relations(nlp, text))


def test_extract_the_party_is_nobody_when_two_parties_were_just_named(nlp):
    # "defected from the Conservatives to Labour ... the party's leadership": which party is not said
    found = _relations(nlp, "A Conservative MP has defected to Labour. Roger Jaxon said he was disillusioned with the party's leader and its dangerous views.")
    assert not [t for t in found if t[0] == "Roger Jaxon" and t[2] in ("Labour Party", "Conservative Party") and t[1] == "criticizes"], sorted(found)


def test_extract_a_government_attacking_plans_criticises_them(nlp):
    # an unnamed government's "attack" is force, unless what it attacks is a plan or a record
    found = _relations(nlp, "In Britain, ministers attacked Lib Dem plans for a new tax rate.")
    assert ("Government of United Kingdom", "criticizes", "Liberal Democrats") in found, sorted(found)
    assert not [t for t in found if t[1] == "attacks"], sorted(found)
    # the plan must be what is attacked: a campaign rounded off with games against a country is no attack on it
    found = _relations(nlp, "Ireland round off their World Cup campaign with games against France and Switzerland in October.")
    assert not [t for t in found if t[1] in ("attacks", "criticizes")], sorted(found)


def test_extract_bare_ministers_are_the_government(nlp):
    found = _relations(nlp, "Labour MP Dan Berwick accused ministers of wasting money on asylum processing in Britain.")
    assert ("Dan Berwick", "accuses", "Government of United Kingdom") in found, sorted(found)
    # ministers with a word of their own are someone else's
    found = _relations(nlp, "Foreign ministers of the EU met in Brussels. Dan Berwick accused the ministers of wasting money.")
    assert not [t for t in found if t[2].startswith("Government")], sorted(found)


def test_extract_an_office_after_he_said_still_describes_the_protagonist(nlp):
    # '... , he said.' between the named person and the description carries the subject on
    text = ("Tony Blaire has said he wants lower taxes in Britain. Mr Blaire said abuses would be weeded out. "
            "That would probably cut the numbers, he said. The prime minister ridiculed the Tory plans for quotas.")
    found = _relations(nlp, text)
    assert ("Tony Blaire", "leads", "Government of United Kingdom") in found, sorted(found)


@pytest.mark.parametrize("role", ["chairman", "co-chairman"])
def test_extract_a_role_phrase_then_name_then_time_then_verb(nlp, role):
    # "The co-chairman of X, NAME, on Saturday called him ...": the hyphen splits the role, a time
    # stands between the name and its verb; the name still holds the role and is the one who speaks
    text = f'Tony Blaire spoke. The {role} of the Conservative Party, Liam Foxton, on Saturday called him "a disappointment of historic proportions".'
    found = _relations(nlp, text)
    assert ("Liam Foxton", "leads", "Conservative Party") in found, sorted(found)
    assert ("Liam Foxton", "criticizes", "Tony Blaire") in found, sorted(found)


@pytest.mark.parametrize(
    "text, place",
    [
        ("Velmar has drafted in its UK chief executive William Morrell to take charge.", "United Kingdom"),
        ("But former British Commander Colonel Bob Stewartson said it was sad.", "United Kingdom"),
        ("Nick Hazelton, Velmar's head of consumer services in the UK, thinks so.", "United Kingdom"),
    ],
)
def test_extract_a_business_or_military_head_leads_no_country(nlp, text, place):
    found = _relations(nlp, text)
    assert not [t for t in found if t[1] == "leads" and t[2] == place], sorted(found)


def test_extract_a_head_of_state_or_a_mayor_leads_the_place(nlp):
    assert ("George Bushby", "leads", "United States") in _relations(nlp, "US President George Bushby spoke in Ohio.")
    assert ("Ken Levington", "leads", "London") in _relations(nlp, "Ken Levington, the mayor of London, spoke.")


def test_extract_a_shadow_minister_is_no_member_of_the_department(nlp):
    found = _relations(nlp, "Shadow Treasury chief secretary George Osmond said there was a black hole.")
    assert ("George Osmond", "memberOf", "Treasury") not in found, sorted(found)
    assert ("Paul Boaten", "memberOf", "Treasury") in _relations(nlp, "Treasury chief secretary Paul Boaten said there was none.")


def test_extract_representing_people_is_no_membership(nlp):
    # a solicitor's clients are no body she belongs to; an organisation one represents is
    found = _relations(nlp, "Solicitor Gareth Pierson, who represents eight of the detainees, claimed the detention was wrong.")
    assert not [t for t in found if t[0] == "Gareth Pierson" and t[1] == "memberOf"], sorted(found)
    assert ("Gareth Pierson", "supports", "detainees") in found, sorted(found)
    assert ("Jane Roe", "memberOf", "Velmar Union") in _relations(nlp, "Jane Roe, who represents the Velmar Union, said the plan was wrong.")


def test_extract_who_should_lead_is_no_leader(nlp):
    text = 'He wrote: "It is in the country\'s best interest that Tony Blaire rather than Michael Howlett should form the next government."'
    found = _relations(nlp, text)
    assert not [t for t in found if t[1] == "leads"], sorted(found)
    assert ("Neil Kinlock", "leads", "Labour Party") in _relations(nlp, "Mr Neil Kinlock led Labour from 1983 until 1992.")


def test_extract_a_kind_noun_ending_another_clause_names_no_organisation(nlp):
    # "told the group Ford did not deserve it": the name is the next clause's subject, a person
    found = _relations(nlp, "Amanda Cole's killer, James Ford, admitted her murder. Her uncle told the group Ford did not deserve credit.")
    assert [t for t in found if t[:2] == ("James Ford", "kills")], sorted(found)


def test_extract_a_bare_role_or_title_with_two_parties_or_none_leads_nothing(nlp):
    found = _relations(nlp, "Labour attacked the Tories, with leader Tony Blare saying they were wrong.")
    assert not [t for t in found if t[0] == "Tony Blare" and t[1] in ("leads", "memberOf")], sorted(found)
    found = _relations(nlp, "The Liberal Democrats gained votes. But Professor John Curtis said the vote could be split.")
    assert not [t for t in found if t[0] == "John Curtis" and t[1] in ("leads", "memberOf")], sorted(found)


def test_extract_an_allegation_about_what_he_did_is_no_accusation_of_the_pronoun(nlp):
    # "his allegations that he gave her drugs": a pronoun in the clause is too often the one alleging
    found = _relations(nlp, "Marion Jonas spoke out after Victor Conway repeated his allegations that he gave her drugs.")
    assert not [t for t in found if t[1] == "accuses"], sorted(found)


def test_extract_a_country_before_a_head_of_states_title_leads_the_country_only(nlp):
    found = _relations(nlp, "US President George Bosh spoke in Ohio.")
    assert ("George Bosh", "leads", "United States") in found, sorted(found)
    assert ("George Bosh", "leads", "Government of United States") not in found, sorted(found)


def test_extract_a_bare_the_party_after_two_parties_is_nobody(nlp):
    found = _relations(nlp, "Labour and the Tories clashed over taxes. Mr Tony Blare accused the party of lying.")
    assert not [t for t in found if t[:2] == ("Tony Blare", "accuses")], sorted(found)


def test_extract_a_committees_chair_leads_the_committee_not_its_parent(nlp):
    # "the Commons trade committee" is a body of its own; "Lib Dem ... committee chairman X" is a member of the party
    found = _relations(nlp, "Martin Neilson, who chairs the Commons trade committee, said he believed it.")
    assert ("Martin Neilson", "leads", "Commons trade committee") in found, sorted(found)
    assert ("Martin Neilson", "leads", "House of Commons") not in found, sorted(found)
    found = _relations(nlp, "Lib Dem constitutional affairs committee chairman Alan Beeth warned that the plan could harm probes.")
    assert ("Alan Beeth", "memberOf", "Liberal Democrats") in found, sorted(found)
    assert ("Alan Beeth", "leads", "Liberal Democrats") not in found, sorted(found)


def test_extract_a_members_title_names_no_assembly_the_article_does_not_name(nlp):
    found = _relations(nlp, "UKIP MEP Gerald Batton said the vote was a farce.")
    assert ("Gerald Batton", "memberOf", "UK Independence Party") in found, sorted(found)
    assert not [t for t in found if t[2] == "European Parliament"], sorted(found)
