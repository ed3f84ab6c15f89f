"""End-to-end: ``kg build`` of the seed article in ../shared (read at run time, never copied).

One build per module (fixture ``seed_build``) plus one more for the determinism check.
Both reuse the session pipeline instead of loading a second one.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg import cli
from kg.exports import OUTPUTS
from kg.ingest import read_text
from kg.vocab import AKG, RDF, RDFS, SKOS

pytestmark = [pytest.mark.model, pytest.mark.shared]

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "ontology" / "shapes.ttl"


def _build(nlp, seed: Path, out: Path) -> int:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(importlib.import_module("kg.build"), "load_pipeline", lambda model=None: nlp)
        return cli.main(["build", str(seed), "--out", str(out), "-q"])


@pytest.fixture(scope="module")
def seed_build(nlp, seed_path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "out"
    assert _build(nlp, seed_path, out) == 0
    return out


@pytest.fixture(scope="module")
def ttl(seed_build) -> Graph:
    return Graph().parse(seed_build / "graph.ttl", format="turtle")


@pytest.fixture(scope="module")
def article(seed_path) -> str:
    """The article text as the pipeline saw it (offsets refer to it)."""
    return read_text(seed_path).text


def _node(g: Graph, name: str, cls: str) -> URIRef:
    found = set()
    for s in g.subjects(RDF.type, AKG[cls]):
        names = [str(o) for o in g.objects(s, RDFS.label)] + [str(o) for o in g.objects(s, SKOS.altLabel)]
        if any(n == name or n.split()[-1] == name for n in names):
            found.add(s)
    assert len(found) == 1, f"{cls} {name!r}: {sorted(found)}"
    return found.pop()


def test_seed_six_files(seed_build):
    assert sorted(p.name for p in seed_build.iterdir()) == sorted(OUTPUTS)


def test_seed_turtle_loads_in_rdflib_and_oxigraph(seed_build, ttl):
    assert len(ttl) > 100
    store = pyoxigraph.Store()
    store.load(path=str(seed_build / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(ttl)


def test_seed_conforms_to_shapes(ttl):
    conforms, _, report = validate(ttl, shacl_graph=Graph().parse(SHAPES), inference="none", advanced=True)
    assert conforms, report


def test_seed_jsonld_holds_the_same_triples(seed_build, ttl):
    jsonld = Graph().parse(seed_build / "graph.jsonld", format="json-ld")
    assert len(jsonld) == len(ttl)
    assert isomorphic(jsonld, ttl)


@pytest.mark.parametrize(
    ("name", "cls"),
    [("Rahmon", "Person"), ("Ayombekov", "Person"), ("Ziyoev", "Person"), ("Khorog", "Location"), ("Dushanbe", "Location")],
)
def test_seed_key_entities(ttl, name, cls):
    _node(ttl, name, cls)


def test_seed_document_node(ttl, seed_path):
    from rdflib.namespace import DCTERMS

    (doc,) = set(ttl.subjects(RDF.type, AKG.Document))
    assert str(ttl.value(doc, DCTERMS.identifier)) == str(seed_path)
    assert str(ttl.value(doc, DCTERMS.title)) == "Tajikistan: Badakhshan Clashes Risk Sparking Insurgency, Analysts Fear"


def test_seed_accusation_contend_against_ayombekov(ttl, article, seed_path):
    ayombekov = _node(ttl, "Ayombekov", "Person")
    assert list(ttl.subjects(AKG.accuses, ayombekov)), "no akg:accuses triple into Ayombekov's node"
    rows = ttl.query(
        """
        SELECT ?s ?evidence ?start ?end WHERE {
            ?s akg:accuses ?o .
            ?a a akg:Assertion ; rdf:subject ?s ; rdf:predicate akg:accuses ; rdf:object ?o ;
               akg:evidence ?evidence ; akg:charStart ?start ; akg:charEnd ?end .
        }""",
        initNs={"akg": AKG._NS, "rdf": RDF._NS},
        initBindings={"o": ayombekov},
    )
    contend = [(str(r.evidence), int(r.start), int(r.end)) for r in rows if "contend" in str(r.evidence)]
    assert contend, "no accuses assertion with a 'contend' sentence"
    for evidence, start, end in contend:
        assert article[start:end] == evidence
        assert evidence in seed_path.read_text(encoding="utf-8")  # verbatim in the file as stored
        assert evidence.endswith(".") and "Ayombekov" in evidence


def test_seed_every_assertion_is_verbatim(ttl, article):
    count = 0
    for a in ttl.subjects(RDF.type, AKG.Assertion):
        evidence = str(ttl.value(a, AKG.evidence))
        start, end = int(ttl.value(a, AKG.charStart)), int(ttl.value(a, AKG.charEnd))
        assert article[start:end] == evidence
        for junk in ("ISSN", "Leave a Reply", "newsletter", "Originally published"):
            assert junk not in evidence
        count += 1
    assert count > 0


def test_seed_two_runs_are_byte_identical(nlp, seed_path, seed_build, tmp_path):
    out = tmp_path / "again"
    assert _build(nlp, seed_path, out) == 0
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (seed_build / name).read_bytes(), name
