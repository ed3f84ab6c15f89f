"""Integration tests on the bundled sample article (kg/data/sample/khorog_2012.txt), built once per session.

The golden file tests/data/sample_expected.ttl is regenerated with tests/data/regenerate.py
when the output changes on purpose.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from rdflib import Graph

from kg.exports import OUTPUTS, render
from kg.validate import validate_graph

pytestmark = pytest.mark.model

GOLDEN = Path(__file__).parent / "data" / "sample_expected.ttl"
SAMPLE_ID = "khorog_2012.txt"


@pytest.fixture(scope="module")
def sample_text() -> str:
    from kg.cli import _sample_documents

    (document,) = _sample_documents()
    return document.text


@pytest.fixture(scope="module")
def rendered(sample_graph) -> dict[str, str]:
    return render(sample_graph)


def _names(data: dict) -> set[str]:
    return {data["label"], *data["aliases"]}


def _node(G, name: str, type_: str) -> str:
    """The one node of ``type_`` called ``name`` (label or alias, or the last word of one)."""
    found = [
        key
        for key, d in G.nodes(data=True)
        if d["type"] == type_ and any(n == name or n.split()[-1] == name for n in _names(d))
    ]
    assert len(found) == 1, f"{type_} {name!r}: {found}"
    return found[0]


@pytest.mark.parametrize(
    ("name", "type_"),
    [("Rahmon", "Person"), ("Ayombekov", "Person"), ("Ziyoev", "Person"), ("Khorog", "Location"), ("Dushanbe", "Location")],
)
def test_sample_nodes(sample_graph, name, type_):
    _node(sample_graph, name, type_)


def test_sample_text_is_the_bundled_file(sample_text):
    raw = resources.files("kg").joinpath("data/sample/khorog_2012.txt").read_text("utf-8")
    assert sample_text == raw


def test_sample_documents(sample_graph):
    (document,) = sample_graph.graph["documents"].values()
    assert document.id == SAMPLE_ID
    assert document.date == "2012-07-30"
    assert document.title == "Fighting in Khorog Puts Tajik Leader Under Pressure"


def test_sample_accusation_against_ayombekov(sample_graph, sample_text):
    ayombekov = _node(sample_graph, "Ayombekov", "Person")
    edges = [(u, d) for u, v, p, d in sample_graph.in_edges(ayombekov, keys=True, data=True) if p == "accuses"]
    assert edges, "no accuses edge into Ayombekov's node"
    for _, data in edges:
        for e in data["evidence"]:
            assert e.document == SAMPLE_ID
            assert sample_text[e.char_start : e.char_end] == e.sentence
            assert "Ayombekov" in e.sentence


def test_sample_every_evidence_is_verbatim_at_its_offsets(sample_graph, sample_text):
    count = 0
    for _, _, data in sample_graph.edges(data=True):
        for e in data["evidence"]:
            assert 0 <= e.char_start < e.char_end <= len(sample_text)
            assert sample_text[e.char_start : e.char_end] == e.sentence
            assert 0.0 <= e.confidence <= 1.0
            assert e.modality in ("asserted", "reported", "hedged")
            count += 1
    assert count >= sample_graph.number_of_edges() > 0


def test_sample_cooperation_edge(sample_graph):
    assert [k for _, _, k in sample_graph.edges(keys=True) if k in ("alliedWith", "supports")]


def test_sample_located_in_edge(sample_graph):
    located = [(u, v) for u, v, k in sample_graph.edges(keys=True) if k == "locatedIn"]
    assert located
    for _, v in located:
        assert sample_graph.nodes[v]["type"] == "Location"


def test_sample_edges_join_existing_nodes(sample_graph):
    for u, v in sample_graph.edges():
        assert "label" in sample_graph.nodes[u] and "label" in sample_graph.nodes[v]


def test_sample_conforms_to_shapes(rendered):
    g = Graph().parse(data=rendered["graph.ttl"], format="turtle")
    conforms, report = validate_graph(g)
    assert conforms, report


def test_sample_golden_turtle(rendered):
    assert GOLDEN.exists(), "run: .venv/bin/python tests/data/regenerate.py"
    expected = GOLDEN.read_text(encoding="utf-8")
    assert rendered["graph.ttl"] == expected, (
        "the sample's Turtle differs from tests/data/sample_expected.ttl; if the change is intended, "
        "run .venv/bin/python tests/data/regenerate.py and review the diff"
    )


def test_sample_two_builds_are_byte_identical(nlp, rendered):
    from kg.build import build_graph
    from kg.cli import _sample_documents

    again = render(build_graph(_sample_documents(), nlp=nlp))
    for name in OUTPUTS:
        assert again[name] == rendered[name], name
