"""Definite descriptions ("the home secretary") linked to the one person titled that way."""

from __future__ import annotations

import pytest

from kg.entities import find_mentions, resolve_actors
from kg.model import Document

pytestmark = pytest.mark.model


def _described(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    document = Document(id="case.txt", text=text)
    actors = resolve_actors(doc, document, find_mentions(doc, document))
    spans: dict[str, list[str]] = {}
    for i in sorted(actors.described):
        spans.setdefault(actors.by_token[i], []).append(doc[i].text)
    return {actors.actors[k].label: " ".join(words) for k, words in spans.items()}


def test_descriptor_links_a_titled_person(nlp):
    text = "Home Secretary Charles Clarke unveiled the plan. Critics said the home secretary had misled MPs."
    assert _described(nlp, text) == {"Charles Clarke": "home secretary"}


def test_descriptor_keeps_the_organisation_in_the_description(nlp):
    text = "Tory co-chairman Liam Pryce spoke in Leeds. The Tory co-chairman then left."
    assert _described(nlp, text) == {"Liam Pryce": "co - chairman"}


def test_descriptor_shared_by_two_people_links_nobody(nlp):
    text = "Labour leader Tony Blair met Tory leader Michael Howard. The leader left early."
    assert _described(nlp, text) == {}


def test_descriptor_does_not_drop_a_qualifier(nlp):
    # a shadow chancellor is not the chancellor
    text = "Shadow chancellor Oliver Letwin spoke on Monday. The chancellor said the figures were fine."
    assert _described(nlp, text) == {}


def test_descriptor_from_an_apposition(nlp):
    text = "Jane Roe, the party's treasurer, resigned. Critics blamed the treasurer for the losses."
    assert _described(nlp, text) == {"Jane Roe": "treasurer"}


def test_descriptor_is_not_a_name_mention(nlp):
    # the description is linked, but the person's aliases stay names
    text = "Home Secretary Charles Clarke unveiled the plan. The home secretary said it was fair."
    doc = nlp(text)
    document = Document(id="case.txt", text=text)
    actors = resolve_actors(doc, document, find_mentions(doc, document))
    clarke = next(a for a in actors.actors.values() if a.label == "Charles Clarke")
    assert not any("secretary" in alias.lower() for alias in clarke.aliases)



def test_descriptor_ignores_former_and_hypothetical_offices(nlp):
    text = "Former chancellor Ken Dunmore spoke. The chancellor said the figures were fine."
    assert _described(nlp, text) == {}
    text = "Critics ask how good a prime minister Peter Hale would make. The prime minister said nothing."
    assert _described(nlp, text) == {}


def test_descriptor_after_a_possessive_pronoun(nlp):
    text = "Transport Minister Anna Keele faced angry MPs. But Lord Harwood praised his minister for an excellent job."
    assert _described(nlp, text) == {"Anna Keele": "minister"}


def test_descriptor_varies_the_name_of_an_untitled_protagonist(nlp):
    # "Gordon Pell has ... The chancellor said": the first description after the first-named person's sentence
    text = "Gordon Pell has addressed the conference. The chancellor said the figures were sound. Later the chancellor left."
    assert _described(nlp, text) == {"Gordon Pell": "chancellor chancellor"}


PROTAGONIST_CASES = [
    # the subject of the sentence right before takes the office, not the first-named person
    ("Gordon Pell has addressed the conference. Ann Kray arrived late. The chancellor said the figures were sound.",
     {"Ann Kray": "chancellor"}),
    ("Gordon Pell has addressed the conference. The hall was full. The chancellor said the figures were sound.", {}),
    # a title someone was introduced with is theirs, not the protagonist's
    ("Gordon Pell met Chancellor Ann Kray. The chancellor said the figures were sound.", {"Ann Kray": "chancellor"}),
    # an occupation names nobody in particular
    ("Duncan Pell spoke on Monday. The businessman said the figures were sound.", {}),
    # the office names the protagonist from the sentence that gives it, not before
    ("Critics said the chancellor was wrong. Gordon Pell has addressed the conference. The chancellor said the figures were sound.",
     {"Gordon Pell": "chancellor"}),
    # "Mr Pell refused to deny claims the prime minister had reneged": the office is someone else's
    ("Gordon Pell has addressed the conference. The prime minister said the figures were sound. "
     "Mr Pell refused to deny claims the prime minister had reneged on a deal.", {}),
    # the subject of a clause inside the sentence is not what the sentence is about
    ("Labour made the claim that Gordon Pell was planning cuts. The prime minister said the figures were sound.", {}),
    # "The prime minister's wife" is someone tied to the office holder, not the holder
    ("Cherie Pell has spoken out. The prime minister's wife said the figures were sound.", {}),
    # the reporting clause of the sentence before counts as its main clause
    ("Orders would be defied, Lord Pell said. The constitutional affairs secretary outlined the plans.",
     {"Pell": "constitutional affairs secretary"}),
    # an office in an organisation: the organisation keeps its own actor, a former office names him too
    ("At a news conference, Mr Harwood insisted he had kept the rules. The Tory leader said the party would not change.",
     {"Harwood": "leader"}),
    ("Kelvin Mackay sat in the judge's chair. The former Sun editor dispensed a stream of insults.",
     {"Kelvin Mackay": "former editor"}),
    # someone introduced with another title is not the untitled protagonist
    ("Labour MP Ann Kray spoke on Monday. The Tory leader said the party would not change.", {}),
]


@pytest.mark.parametrize("text, expected", PROTAGONIST_CASES, ids=[c[0][:48] for c in PROTAGONIST_CASES])
def test_descriptor_of_a_protagonist(nlp, text, expected):
    assert _described(nlp, text) == expected


def test_descriptor_of_a_protagonist_is_not_a_subject_inside_a_quote(nlp):
    # a subject inside a quotation is not the story's subject
    text = 'Ann Kray said: "Gordon Pell is a great leader." The chancellor said the figures were sound.'
    assert "Gordon Pell" not in _described(nlp, text)


def test_indefinite_description_is_the_person_named_next(nlp):
    # a lead that describes, then a sentence that names: "a senior EU politician says. Javier Solana, ..."
    text = "The plan is naive, a senior EU politician says. Peter Dunmore, EU foreign policy chief, says the plan will fail."
    assert _described(nlp, text) == {"Peter Dunmore": "senior politician"}
    text = "The Velmar Party suspended a candidate for his remarks. Peter Dunmore, 54, was due to stand in Hove."
    assert _described(nlp, text) == {"Peter Dunmore": "candidate"}


def test_indefinite_description_not_anonymous_not_predicative_not_another_party(nlp):
    # a spokesman stays anonymous; "return as a minister" refers to nobody; a Tory is not the Labour MP named next
    for text in (
        "The plan is naive, a spokesman says. Peter Dunmore, the party's leader, says the plan will fail.",
        "Mr Pell may return as a minister. Peter Dunmore said the plan would fail.",
        "The plan is naive, a senior Tory says. Peter Dunmore, a Labour MP, says the plan will fail.",
    ):
        assert "Peter Dunmore" not in _described(nlp, text), text
