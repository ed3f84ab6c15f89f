"""Tests for kg/exports/graphml.py: the GraphML file round-trips through networkx with its attributes."""

from __future__ import annotations

import io
import re
from collections import Counter

import networkx as nx
import pytest
from helpers import HOSTILE_KEY, HOSTILE_LABEL, HOSTILE_SENTENCE, SENTENCE_ACCUSE, SMALL_EDGES, SMALL_NODES, small_graph

from kg.exports.graphml import graphml, to_graphml_graph
from kg.graph import add_actor, add_relation, new_graph
from kg.model import Actor, Evidence, Relation


@pytest.fixture(scope="module")
def G():
    return small_graph()


@pytest.fixture(scope="module")
def text(G) -> str:
    return graphml(G)


@pytest.fixture(scope="module")
def H(text) -> nx.MultiDiGraph:
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True, edge_key_type=str)


def test_graphml_is_utf8_xml(text):
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    assert "http://graphml.graphdrawing.org/xmlns" in text


def test_graphml_round_trip_counts(G, H):
    assert H.is_directed() and H.is_multigraph()
    assert H.number_of_nodes() == G.number_of_nodes() == SMALL_NODES
    assert H.number_of_edges() == G.number_of_edges() == SMALL_EDGES
    assert set(H.nodes) == set(G.nodes)
    assert sorted(H.edges(keys=True)) == sorted((u, v, f"{u}|{p}|{v}") for u, v, p in G.edges(keys=True))


def test_graphml_round_trip_node_attributes(G, H):
    brandt = H.nodes["tessaly-brandt"]
    assert brandt == {
        "label": "Tessaly Brandt",
        "type": "Person",
        "aliases": "Brandt | Ms Brandt",
        "mentions": 4,
        "documents": "ledger-2023-03-14.txt",
        "degree": 3,
    }
    port = H.nodes["port-velmar"]
    assert port["geonames_id"] == "1234567"
    assert port["lat"] == pytest.approx(43.296482) and isinstance(port["lat"], float)
    assert port["long"] == pytest.approx(-5.36978)
    assert port["documents"] == " | ".join(sorted(G.nodes["port-velmar"]["documents"]))
    assert H.nodes["velmaria"]["country_code"] == "VL"
    assert H.nodes["odo-venkarr"]["nationality"] == "FR"
    assert "lat" not in H.nodes["harbour-authority"]
    for key in G.nodes:
        assert H.nodes[key]["degree"] == G.degree(key)
        assert H.nodes[key]["type"] == G.nodes[key]["type"]
        assert isinstance(H.nodes[key]["mentions"], int)


def test_graphml_round_trip_edge_attributes(H):
    accuses = H.edges["tessaly-brandt", "harbour-authority", "tessaly-brandt|accuses|harbour-authority"]
    assert accuses == {
        "predicate": "accuses",
        "label": "accuses",
        "weight": 2,
        "confidence": 0.85,
        "modality": "asserted",
        "rules": "accuse.say-that | accuse.verb",
        "documents": "ledger-2023-03-14.txt",
        "evidence": SENTENCE_ACCUSE,  # the most confident evidence
    }
    for u, v, key, d in H.edges(keys=True, data=True):
        assert key == f"{u}|{d['predicate']}|{v}"
        assert 0.0 <= d["confidence"] <= 1.0


def test_graphml_hostile_text_survives(H):
    assert H.nodes[HOSTILE_KEY]["label"] == HOSTILE_LABEL
    assert H.edges[HOSTILE_KEY, "harbour-authority", f"{HOSTILE_KEY}|criticizes|harbour-authority"]["evidence"] == HOSTILE_SENTENCE


def test_graphml_hostile_text_is_escaped_in_the_xml(text):
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_graphml_to_graphml_graph_sorted_and_flat(G):
    flat = to_graphml_graph(G)
    assert list(flat.nodes) == sorted(G.nodes)
    assert [(u, v, d["predicate"]) for u, v, d in flat.edges(data=True)] == sorted(G.edges(keys=True))
    for _, d in flat.nodes(data=True):
        assert all(isinstance(v, (str, int, float)) for v in d.values())
    for _, _, d in flat.edges(data=True):
        assert all(isinstance(v, (str, int, float)) for v in d.values())


def test_graphml_output_is_deterministic(G):
    assert graphml(G) == graphml(small_graph())


def test_graphml_empty_graph():
    H = nx.read_graphml(io.BytesIO(graphml(new_graph()).encode("utf-8")))
    assert H.number_of_nodes() == 0


def test_graphml_edge_ids_are_unique(text):
    ids = re.findall(r"<edge [^>]*\bid=\"([^\"]*)\"", text)
    assert len(ids) == SMALL_EDGES
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_graphml_key_ids_are_unique(text):
    ids = re.findall(r"<key id=\"([^\"]*)\"", text)
    assert [i for i, n in Counter(ids).items() if n > 1] == []


@pytest.mark.parametrize("control", ["\x0c", "\x1b", "\x0b"])
def test_graphml_control_characters_in_evidence(control):
    G = new_graph()
    add_actor(G, Actor("a", "Anna Ost", "Person", set(), {"d"}, 1))
    add_actor(G, Actor("b", "Boris Vel", "Person", set(), {"d"}, 1))
    sentence = f"Anna Ost accused{control}Boris Vel of lying."
    add_relation(G, Relation("a", "accuses", "b", Evidence("d", sentence, 0, len(sentence), 0.8, "accuse.verb")))
    H = nx.read_graphml(io.BytesIO(graphml(G).encode("utf-8")), force_multigraph=True, edge_key_type=str)
    assert H.number_of_edges() == 1
