"""Datelines, on hand-made openings through the real parser."""

from __future__ import annotations

import pytest

from kg.entities.dateline import find_dateline
from kg.ingest import document_from_text

pytestmark = pytest.mark.model


def _line(nlp, text: str):
    doc = nlp(text)
    line = find_dateline(doc)
    return line and (doc[slice(*line.place)].text, doc[slice(*line.source)].text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("HARWICK , Ohio ( AP ) -- A fire closed the mill on Tuesday .", ("HARWICK", "AP")),
        ("DENVER (AP) -- The governor signed the bill.", ("DENVER", "AP")),
        ("London (Reuters) - Shares fell sharply.", ("London", "Reuters")),
        ("Moscow VECHERNYAYA GAZETA", ("Moscow", "VECHERNYAYA GAZETA")),
        ("Lisbon Radio Atlantico Network", ("Lisbon", "Radio Atlantico Network")),
        ("Cairo AL-NAHAR ( ECONOMY )", ("Cairo", "AL-NAHAR")),
        ("Lisbon DIARIO DA TARDE in Portuguese 12 May 94 p 3", ("Lisbon", "DIARIO DA TARDE")),
        ("Strike talks fail LD0102030405 Lisbon Radio Atlantico in Portuguese 1200 GMT", ("Lisbon", "Radio Atlantico")),
        ("(Text) Lisbon, February 11 (DIARIO) -- Farmers marched on the city.", ("Lisbon", "DIARIO")),  # a date between
        ("Lisbon , 9 Feb ( DIARIO ) -- Farmers marched on the city .", ("Lisbon", "DIARIO")),
        ("PY0102030405 Rio de Janeiro JORNAL DO POVO in Portuguese 3 May 94 p 2", ("Rio de Janeiro", "JORNAL DO POVO")),
        ("40101006B Lisbon DIARIO DA TARDE in Portuguese 12 May 94 p 3", ("Lisbon", "DIARIO DA TARDE")),
        ("LD0102030405 Zagreb Radio Velebit Network in Serbo-Croatian 2000 GMT 8 Jun 94", ("Zagreb", "Radio Velebit Network")),
        ("(Excerpts) Lisbon, 12 Feb (DIARIO) -- The session ended.", ("Lisbon", "DIARIO")),
        ("Strike talks 94WE0015A Kiev SILSKI VISTI in Ukrainian 1 Jul 93 p 1", ("Kiev", "SILSKI VISTI")),
        ("Athens I KATHIMERINI", ("Athens", "I KATHIMERINI")),  # the tagger calls KATHIMERINI a verb
    ],
)
def test_dateline_place_and_source(nlp, text, expected):
    assert _line(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Helen Marsh (Labour) said the plan was wrong.",  # a name with its party
        "Paris Hilton",  # a place word starting a name, no source
        "Moscow Radio said the talks had failed.",  # a sentence, not a source line
        "The mill in Harwick (Ohio) closed.",  # not at the start
    ],
)
def test_dateline_none(nlp, text):
    assert _line(nlp, text) is None


def test_dateline_after_the_headline(nlp):
    text = "Mill closes\n\nHARWICK , Ohio ( AP ) -- A fire closed the mill on Tuesday ."
    document = document_from_text(text, "case.txt")
    line = find_dateline(nlp(document.text), document.headline_end)
    assert line is not None


def test_dateline_place_is_a_place_and_source_an_organisation(nlp):
    from kg.build import build_graph

    G = build_graph([document_from_text("DENVER ( AP ) -- The governor signed the bill .", "case.txt")], nlp=nlp)
    types = {d["label"]: d["type"] for _, d in G.nodes(data=True) if d.get("kind") != "document"}
    assert types.get("DENVER") == "Location"
    assert [(G.nodes[u]["label"], p, G.nodes[v]["label"]) for u, v, p in G.edges(keys=True) if p == "locatedIn"] == [
        ("Associated Press", "locatedIn", "DENVER")
    ]


def test_dateline_source_is_in_the_place_and_its_region(nlp):
    from kg.build import build_graph

    text = "HARWICK , Ohio ( AP ) _ A fire closed the mill on Tuesday ."
    G = build_graph([document_from_text(text, "case.txt")], nlp=nlp)
    found = {(G.nodes[u]["label"], G.nodes[v]["label"]) for u, v, p in G.edges(keys=True) if p == "locatedIn"}
    assert {("Associated Press", "HARWICK"), ("Associated Press", "Ohio")} <= found


def test_dateline_rest_of_a_source_line_names_no_actor(nlp):
    from kg.entities.mentions import find_mentions

    document = document_from_text("LD0102030405 Zagreb Radio Velebit Network in Serbo-Croatian 2000 GMT 8 Jun 94", "case.txt")
    names = [m.text for m in find_mentions(nlp(document.text), document)]
    assert names == ["Zagreb", "Radio Velebit Network"]


def test_dateline_source_keeps_its_words(nlp):
    from kg.entities.mentions import find_mentions

    document = document_from_text("Moscow METEOROLOGIYA I GIDROLOGIYA", "case.txt")
    names = [m.text for m in find_mentions(nlp(document.text), document)]
    assert names == ["Moscow", "METEOROLOGIYA I GIDROLOGIYA"]
