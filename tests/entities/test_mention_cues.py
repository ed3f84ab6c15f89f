"""Cues in a mention's own words and slot, on hand-made sentences through the real parser."""

from __future__ import annotations

import pytest

from kg.entities.mentions import find_mentions
from kg.ingest import document_from_text

pytestmark = pytest.mark.model


def _types(nlp, text: str) -> dict[str, str]:
    """Node label -> type of ``kg build`` on one sentence."""
    from kg.build import build_graph

    G = build_graph([document_from_text(text, "case.txt")], nlp=nlp)
    return {d["label"]: d["type"] for _, d in G.nodes(data=True) if d.get("kind") != "document"}


@pytest.mark.parametrize(
    "text, span",
    [
        ("President Arlen Vosk met the envoy.", "President Arlen Vosk"),
        ("Mrs. Tilda Crane won the seat.", "Mrs. Tilda Crane"),
        ("Judge Arlen Vosk heard the case.", "Arlen Vosk"),  # a job title stays outside the name
        ("The envoy met Velmarian President Arlen Vosk.", "Arlen Vosk"),  # an office described, not a style
        ("The president, Arlen Vosk, met the envoy.", "Arlen Vosk"),  # lower case: a description
    ],
)
def test_mentions_span_takes_a_style_of_address(nlp, text, span):
    document = document_from_text(text, "case.txt")
    people = [m.text for m in find_mentions(nlp(document.text), document) if m.label == "PERSON"]
    assert people == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Reeve shot Lincoln in the theatre.",
        "Lincoln was assassinated by Reeve.",
        "Reeve was convicted of the murder of Lincoln.",
        "Lincoln's assassin fled south.",
    ],
)
def test_types_a_victim_is_a_person_though_a_town_bears_the_name(nlp, text):
    types = _types(nlp, text)
    assert types.get("Lincoln") == "Person", types


@pytest.mark.parametrize(
    "text, name",
    [
        ("Hikers were lost in the Harrow Ridge Wilderness for a week.", "Harrow Ridge Wilderness"),
        ("Boats sailed across the Velmar Reservoir in Kenya.", "Velmar Reservoir"),
    ],
)
def test_types_a_place_word_heads_a_place(nlp, text, name):
    types = _types(nlp, text)
    assert types.get(name) == "Location", types


def test_mentions_keep_the_article_of_a_place_named_with_it(nlp):
    text = "The court in The Hague ruled on Monday."
    document = document_from_text(text, "case.txt")
    assert [m.text for m in find_mentions(nlp(document.text), document) if m.label == "GPE"] == ["The Hague"]


def test_types_a_surname_that_is_also_a_place_word_stays_a_person(nlp):
    types = _types(nlp, "BBC correspondent Stephen Cape said the unions were strong.")
    assert types.get("Stephen Cape") == "Person", types


@pytest.mark.parametrize(
    "text, name",
    [
        ("Tilbury, 45, was charged with fraud on Monday.", "Tilbury"),  # an age in commas (a town otherwise)
        ("Weiss, 45, was charged with fraud on Monday.", "Weiss"),  # (an organisation otherwise)
        ("Bernero said he would appeal against the ruling.", "Bernero"),  # speaks of himself
        ("Jacobs said she would appeal against the ruling.", "Jacobs"),
    ],
)
def test_types_an_age_or_a_speaker_pronoun_makes_a_person(nlp, text, name):
    types = _types(nlp, text)
    assert types.get(name) == "Person", types


def test_types_a_body_that_speaks_of_itself_is_no_person(nlp):
    types = _types(nlp, "Acme Holdings said it would appeal against the ruling.")
    assert types.get("Acme Holdings") == "Organization", types


@pytest.mark.parametrize(
    "text, name, absent",
    [
        ("The Party of the Democratic Revolution (PRD) won the seat.", "Party of the Democratic Revolution", "Party of the Democratic Revolution (PRD"),
        ("FAA Administrator Jane Garvey spoke on Monday.", "FAA", "FAA Administrator"),
        ("Coast Guard Lt. Ann Kray said the boat sank.", "Coast Guard", "Coast Guard Lt"),
        # the tagger stops these names short; the name runs on to the role or the office
        ("But Fair Trials Abroad director Stephen Jakobi spoke.", "Fair Trials Abroad", "Fair Trials"),
        ("Two committees studied the Office of the Deputy Prime Minister (ODPM) and its budget.",
         "Office of the Deputy Prime Minister", "Prime Minister"),
        # a role after the party is not part of its name
        ("Ann Kray, the Labour MP for Hove, spoke.", "Labour Party", "Labour MP"),
    ],
)
def test_mentions_an_organisation_span_is_its_whole_name_and_no_more(nlp, text, name, absent):
    # a bracket or the title of the next name ends it; a name the tagger cut short runs on
    types = _types(nlp, text)
    assert types.get(name) == "Organization" and absent not in types, types


def test_mentions_a_title_of_two_words_is_not_cut(nlp):
    types = _types(nlp, "The Solicitor General Harriet Vane advised the cabinet.")
    assert "Solicitor" not in types, types


def test_types_a_place_slot_reaches_coordinated_names_and_a_region_after(nlp):
    types = _types(nlp, "Why did the plane not land in Gyandzha or Shamkhor in Azerbaijan?")
    assert types.get("Shamkhor") == "Location" and types.get("Gyandzha") == "Location", types


def test_mentions_a_name_of_three_proper_nouns_keeps_its_first(nlp):
    document = document_from_text("Darci Alves Pereira stunned a packed courtroom on Monday.", "case.txt")
    names = [m.text for m in find_mentions(nlp(document.text), document)]
    assert "Darci Alves Pereira" in names, names


def test_types_an_untagged_name_that_shoots_a_named_person_is_a_person(nlp):
    types = _types(nlp, "Ruby fatally shot Oswald two days later.")
    assert types.get("Ruby") == "Person", types


def test_types_a_name_that_starts_with_a_title_word_keeps_it(nlp):
    types = _types(nlp, "The senator was shot at the Ambassador Hotel in Los Angeles.")
    assert types.get("Ambassador Hotel") == "Organization", types


@pytest.mark.parametrize(
    "text, place",
    [
        ("The men were held at Belmarsh prison, London, and Woodhill, Milton Keynes, for a year.", "Woodhill"),  # a big town after
        ("Peter Dunmore, the Labour MP for Hove, said it was fine.", "Hove"),  # a seat after "MP for"
        ("The MP for Sittingbourne and Sheppey, Derek Wyatt, said it was fine.", "Sheppey"),  # the seat's second name
    ],
)
def test_types_a_name_in_a_place_slot_is_a_place(nlp, text, place):
    types = _types(nlp, text)
    assert types.get(place) == "Location", types


def test_mentions_a_sentence_initial_new_before_a_known_name_is_no_part_of_it(nlp):
    types = _types(nlp, "New Metropolitan Police Commissioner Ann Kray has backed the orders.")
    assert types.get("Metropolitan Police") == "Organization" and "New Metropolitan Police" not in types, types


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Omar Dinka was wearing a black jacket, grey jeans, black jumper and black shoes.", "grey jeans"),  # no capital: no name
        ("Peter Dunmore said the Police Bill was flawed.", "Bill"),  # a bill, not a man called Bill
        ("Peter Dunmore said the Police Bill was flawed.", "Police Bill"),
        ("Peter Dunmore criticised the Budget.", "Budget"),  # a text
        ("Peter Dunmore published the Immigration White Paper on Monday.", "Immigration White Paper"),  # a two-word text word
        ("Ann Kray told the Breakfast With Frost programme she was fine.", "Breakfast With Frost"),  # a broadcast
        ("The Solicitor General said it was fine.", "Solicitor General"),  # an office, no name
        ("Ann Kray spoke on Holocaust Memorial Day about the Gunpowder Plot.", "Holocaust Memorial Day"),  # events
        ("Ann Kray spoke on Holocaust Memorial Day about the Gunpowder Plot.", "Gunpowder Plot"),
        ("Scottish Finance Minister, Tom McCabe MSP, said it was fine.", "MSP"),
        ("Conservative Party Co-Chairman Liam Fox said it was fine.", "Conservative Party Co"),
    ],
)
def test_mentions_texts_broadcasts_and_lower_case_phrases_are_no_actors(nlp, text, absent):
    assert absent not in _types(nlp, text)


def test_mentions_letters_after_a_name_are_not_in_the_name(nlp):
    types = _types(nlp, "The chairman of the Bar Council, Guy Mansfield QC, warned there was a real risk.")
    assert types.get("Guy Mansfield") == "Person" and "Guy Mansfield QC" not in types, types
    assert "QC" not in _types(nlp, "Three officials and a QC drafted the answer.")


def test_mentions_a_person_of_a_known_place_is_two_names(nlp):
    # "X of Batavia": the person and where she is from; a peer's title and an institution stay whole
    types = _types(nlp, "Peggy Say of Batavia , N.Y. , said she was happy .")
    assert types.get("Peggy Say") == "Person" and types.get("Batavia") == "Location", types
    assert "Peggy Say of Batavia" not in types


def test_mentions_a_place_before_a_known_name_is_a_branch_of_it(nlp):
    types = _types(nlp, "Eight other members of London UKIP were also planning to jump ship.")
    assert types.get("UK Independence Party") == "Organization" and "London UKIP" not in types, types


def test_mentions_a_list_of_places_the_tagger_joined_is_split(nlp):
    types = _types(nlp, "Polls at Bristol, Isle of Wight and Stockton-on-Tees and mayors at Doncaster, Hartlepool, North Tyneside and Stoke-on-Trent are due.")
    for place in ("Bristol", "Isle of Wight", "Doncaster", "Hartlepool", "North Tyneside", "Stoke-on-Trent"):
        assert types.get(place) == "Location", (place, types)
    assert not [name for name in types if "," in name], types


def test_mentions_where_someone_comes_from_is_a_place(nlp):
    types = _types(nlp, "Irfan Hanif, a 25-year-old doctor from Bolton, made a good impression.")
    assert types.get("Bolton") == "Location", types


def test_mentions_a_styled_surname_is_not_a_namesakes_first_name(nlp):
    # "Mr Howard" is Michael Howard, not Howard Flight; "Sir Howard" would be a first name
    types = _types(nlp, "Tory MP Howard Flight quit on Friday. At a news conference, Mr Howard insisted he had played by the rules.")
    assert types.get("Howard") == "Person" and types.get("Howard Flight") == "Person", types


def test_mentions_local_authorities_are_not_the_government(nlp):
    types = _types(nlp, "Polls for unitary authorities at Bristol and Doncaster are due.")
    assert not [name for name in types if name.startswith("Government")], types


def test_mentions_a_big_town_modifying_a_noun_is_a_place(nlp):
    # "the Brighton conference", "Brighton nurse Marion Brown": the town, not a person called Brighton
    assert _types(nlp, "He told the Brighton conference that the plan had failed.").get("Brighton") == "Location"
    types = _types(nlp, "The question was posed by Brighton nurse Marion Brown.")
    assert types.get("Brighton") == "Location" and types.get("Marion Brown") == "Person", types


def test_mentions_an_organisation_cut_at_its_preposition_runs_on(nlp):
    text = "A complaint was made to the body by the Board of Deputies of British Jews and the Commission for Racial Equality."
    types = _types(nlp, text)
    assert types.get("Commission for Racial Equality") == "Organization" and "Commission" not in types, types


def test_mentions_abbreviations_of_things_are_no_actors(nlp):
    assert "GMT" not in _types(nlp, "Forms must be in by 1700 GMT on Friday, Ann Kray said.")


def test_mentions_a_name_in_a_list_of_places_is_a_place(nlp):
    types = _types(nlp, "Mr Kennedy visits Manchester, Liverpool, Leicester, Basingstoke, Shrewsbury, Dorset and Torbay.")
    assert types.get("Torbay") == "Location", types
    types = _types(nlp, "He met Tony Blair, Gordon Brown and John Prescott.")
    assert types.get("John Prescott") == "Person", types


def test_mentions_a_relative_named_is_a_person(nlp):
    types = _types(nlp, "Mr Howard was joined on stage by his wife Sandra, daughter Larissa and stepson Sholto.")
    assert types.get("Sandra") == "Person" and types.get("Sholto") == "Person" and "stepson Sholto" not in types, types
    types = _types(nlp, "The film shows him playing table tennis with his wife, ex-model Sandra.")
    assert types.get("Sandra") == "Person", types


def test_mentions_faiths_and_creeds_are_no_actors(nlp):
    types = _types(nlp, "Peter Dunmore said Islam was a religion of peace and attacked Thatcherism.")
    assert "Islam" not in types and "Thatcherism" not in types and types.get("Peter Dunmore") == "Person", types


def test_mentions_initials_before_the_role_of_a_named_person_are_an_organisation(nlp):
    # "ex-ITN political editor John Sergeant": the tagger misses the initials after "ex-"
    types = _types(nlp, "The panel was chaired by ex-KTN political editor John Sargent.")
    assert types.get("KTN") == "Organization", types
    # a capitalised word that is no acronym stays out ("Shadow foreign secretary X")
    types = _types(nlp, "Shadow foreign secretary Michael Anwick said the plan was wrong.")
    assert "Shadow" not in types, types
    # initials that name no actor stay out ("TV presenter X")
    types = _types(nlp, "TV presenter Anne Robley said the plan was wrong.")
    assert "TV" not in types, types
