"""Tests for the ontology layer: kg/vocab.py, ontology/*.ttl, ontology/context.jsonld, ontology/queries/*.rq."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery

from kg import vocab
from kg.vocab import AKG, DCTERMS, ENTITY_CLASSES, GEO, MODALITIES, OWL, RDF, RDFS, RELATIONS, SKOS

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "actorkg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"
CONTEXT = ROOT / "ontology" / "context.jsonld"
QUERIES = ROOT / "ontology" / "queries"
MINI = ROOT / "tests" / "data" / "mini_graph.ttl"
MINI_INVALID = ROOT / "tests" / "data" / "mini_graph_invalid.ttl"

ONTOLOGY_IRI = URIRef("https://w3id.org/actorkg/ontology")
ID = "https://w3id.org/actorkg/id/"
AYOMBEKOV = URIRef(ID + "tolib_ayombekov")
AFGHAN_FIGHTERS = URIRef(ID + "afghan_fighters")
TAJIK_GOV = URIRef(ID + "tajik_government")
RAHMON = URIRef(ID + "imomali_rahmon")
KHOROG = URIRef(ID + "khorog")
TAJIKISTAN = URIRef(ID + "tajikistan")
ACCUSE_ASSERTION = URIRef(ID + "assertion-accuse-1")
DOC2 = URIRef("https://w3id.org/actorkg/doc/mini-2")


# --- helpers (parsed once; callers copy before changing anything) -----------------


@cache
def _parsed(path: Path) -> Graph:
    return Graph().parse(path)


def ontology() -> Graph:
    return _parsed(ONTOLOGY)


def shapes() -> Graph:
    return _parsed(SHAPES)


def load(path: Path) -> Graph:
    """A fresh, modifiable copy of a Turtle file."""
    g = Graph()
    for triple in _parsed(path):
        g.add(triple)
    return g


def violations(data: Graph) -> tuple[bool, set[tuple[str, str | None]]]:
    """Validate ``data`` against shapes.ttl; return conforms and {(component, path)}."""
    conforms, report, _ = validate(data, shacl_graph=shapes(), inference="none")
    found = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        component = report.value(result, SH.sourceConstraintComponent)
        path = report.value(result, SH.resultPath)
        found.add((component.split("#")[-1], None if path is None else str(path)))
    return conforms, found


def akg_terms_declared() -> set[str]:
    """Local names of every typed subject in the akg namespace of actorkg.ttl."""
    ns = str(AKG._NS)
    return {
        str(s)[len(ns):]
        for s in set(ontology().subjects(RDF.type, None))
        if isinstance(s, URIRef) and str(s).startswith(ns)
    }


def akg_terms_in_vocab() -> set[str]:
    return set(AKG.__annotations__)


def shape_in_list(path: URIRef) -> list:
    """The sh:in list of the AssertionShape property shape on ``path``."""
    for prop in shapes().subjects(SH.path, path):
        head = shapes().value(prop, SH["in"])
        if head is not None:
            return list(Collection(shapes(), head))
    raise AssertionError(f"no sh:in on {path}")


# --- vocab.py against actorkg.ttl ---------------------------------------------------


def test_vocab_ontology_header():
    g = ontology()
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in g
    assert g.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert g.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef("https://opensource.org/licenses/MIT")
    assert g.value(ONTOLOGY_IRI, DCTERMS.title) is not None
    assert g.value(ONTOLOGY_IRI, DCTERMS.description) is not None


def test_vocab_terms_match_ontology():
    declared, in_vocab = akg_terms_declared(), akg_terms_in_vocab()
    assert in_vocab - declared == set(), "in kg/vocab.py but not declared in actorkg.ttl"
    assert declared - in_vocab == set(), "declared in actorkg.ttl but missing from kg/vocab.py"
    assert len(declared) == 36


def test_vocab_namespace_is_closed():
    assert AKG.accuses == URIRef("https://w3id.org/actorkg/ontology#accuses")
    with pytest.raises(AttributeError):
        AKG.acuses  # noqa: B018  (misspelt on purpose)


@pytest.mark.parametrize("name", sorted(akg_terms_in_vocab()))
def test_vocab_term_is_documented(name):
    g, term = ontology(), AKG[name]
    labels = list(g.objects(term, RDFS.label))
    comments = list(g.objects(term, RDFS.comment))
    assert len(labels) == 1 and labels[0].language == "en"
    assert len(comments) == 1 and comments[0].language == "en" and len(comments[0]) > 10
    assert g.value(term, RDFS.isDefinedBy) == ONTOLOGY_IRI


def test_vocab_relations_are_object_properties():
    g = ontology()
    assert len(RELATIONS) == 13 and len(set(RELATIONS)) == 13
    for name in RELATIONS:
        prop = AKG[name]
        assert (prop, RDF.type, OWL.ObjectProperty) in g, name
        assert (prop, RDF.type, OWL.DatatypeProperty) not in g, name
        assert AKG.relatedTo in set(g.transitive_objects(prop, RDFS.subPropertyOf)), name
        assert g.value(prop, SKOS.note) is not None, name
    assert (AKG.alliedWith, RDF.type, OWL.SymmetricProperty) in g
    assert (AKG.leads, RDFS.subPropertyOf, AKG.memberOf) in g
    assert g.value(AKG.locatedIn, RDFS.range) == AKG.Location


def test_vocab_relation_lists_agree():
    """RELATIONS, the sh:in list in shapes.ttl and the context terms name the same 13 properties."""
    assert shape_in_list(RDF.predicate) == [AKG[name] for name in RELATIONS]
    context = json.loads(CONTEXT.read_text())["@context"]
    for name in RELATIONS:
        assert context[name] == {"@id": f"akg:{name}", "@type": "@id"}


def test_vocab_entity_classes_are_disjoint_leaves():
    g = ontology()
    for name in ENTITY_CLASSES:
        assert (AKG[name], RDF.type, OWL.Class) in g
        assert AKG.Entity in set(g.transitive_objects(AKG[name], RDFS.subClassOf))
    for name in ("Person", "Organization", "Group"):
        assert (AKG[name], RDFS.subClassOf, AKG.Actor) in g
    (disjoint,) = g.subjects(RDF.type, OWL.AllDisjointClasses)
    members = list(Collection(g, g.value(disjoint, OWL.members)))
    assert members == [AKG[name] for name in ENTITY_CLASSES]
    assert (AKG.Assertion, RDFS.subClassOf, RDF.Statement) in g


def test_vocab_modalities_match_shapes():
    assert shape_in_list(AKG.modality) == [Literal(m) for m in MODALITIES]


# --- SHACL shapes -------------------------------------------------------------------


def test_shapes_mini_graph_conforms():
    conforms, found = violations(load(MINI))
    assert conforms, found


def test_shapes_invalid_graph_fails():
    conforms, found = violations(load(MINI_INVALID))
    assert not conforms
    assert len(found) >= 3
    assert ("MinCountConstraintComponent", str(AKG.evidence)) in found
    assert ("MaxInclusiveConstraintComponent", str(AKG.confidence)) in found
    assert ("MaxCountConstraintComponent", str(RDFS.label)) in found
    assert ("PatternConstraintComponent", str(AKG.countryCode)) in found
    assert ("SPARQLConstraintComponent", None) in found


def _set(s, p, o):
    def change(g: Graph) -> None:
        g.set((s, p, o))

    return change


def _remove(s, p, o=None):
    def change(g: Graph) -> None:
        g.remove((s, p, o))

    return change


def _add(*triples):
    def change(g: Graph) -> None:
        for t in triples:
            g.add(t)

    return change


def _reverse_alliance(g: Graph) -> None:
    g.remove((AFGHAN_FIGHTERS, AKG.alliedWith, AYOMBEKOV))
    g.add((AYOMBEKOV, AKG.alliedWith, AFGHAN_FIGHTERS))


@pytest.mark.parametrize(
    "change, expected",
    [
        # Python floats become xsd:double, which is not xsd:decimal
        (_set(ACCUSE_ASSERTION, AKG.confidence, Literal(0.85)), ("DatatypeConstraintComponent", AKG.confidence)),
        (_set(ACCUSE_ASSERTION, AKG.modality, Literal("alleged")), ("InConstraintComponent", AKG.modality)),
        (_set(ACCUSE_ASSERTION, RDF.predicate, AKG.relatedTo), ("InConstraintComponent", RDF.predicate)),
        (_set(ACCUSE_ASSERTION, AKG.charStart, Literal(500)), ("LessThanConstraintComponent", AKG.charStart)),
        (_set(ACCUSE_ASSERTION, AKG.charStart, Literal(-1)), ("MinInclusiveConstraintComponent", AKG.charStart)),
        (_set(ACCUSE_ASSERTION, AKG.evidence, Literal("")), ("MinLengthConstraintComponent", AKG.evidence)),
        (_set(ACCUSE_ASSERTION, AKG.eventDate, Literal("2012-07-21")), ("DatatypeConstraintComponent", AKG.eventDate)),
        (_set(ACCUSE_ASSERTION, AKG.eventPlace, TAJIK_GOV), ("ClassConstraintComponent", AKG.eventPlace)),
        (_set(ACCUSE_ASSERTION, AKG.sourceDocument, URIRef("urn:x:untyped")), ("ClassConstraintComponent", AKG.sourceDocument)),
        (_set(ACCUSE_ASSERTION, AKG.attributedTo, Literal("officials")), ("NodeKindConstraintComponent", AKG.attributedTo)),
        (_set(ACCUSE_ASSERTION, RDF.object, BNode()), ("NodeKindConstraintComponent", RDF.object)),
        (_remove(ACCUSE_ASSERTION, AKG.rule), ("MinCountConstraintComponent", AKG.rule)),
        (_remove(ACCUSE_ASSERTION, AKG.sourceDocument), ("MinCountConstraintComponent", AKG.sourceDocument)),
        (_remove(KHOROG, RDFS.label), ("MinCountConstraintComponent", RDFS.label)),
        (_add((KHOROG, RDF.type, AKG.Organization)), ("XoneConstraintComponent", None)),
        (_set(KHOROG, GEO.lat, Literal(37.5)), ("DatatypeConstraintComponent", GEO.lat)),
        (_set(KHOROG, GEO.long, Literal(Decimal("200.0"))), ("MaxInclusiveConstraintComponent", GEO.long)),
        (_set(AFGHAN_FIGHTERS, AKG.nationality, Literal("af")), ("PatternConstraintComponent", AKG.nationality)),
        (_remove(DOC2, DCTERMS.identifier), ("MinCountConstraintComponent", DCTERMS.identifier)),
        # the assertion describes a triple that is not in the graph
        (_remove(TAJIK_GOV, AKG.accuses, AYOMBEKOV), ("SPARQLConstraintComponent", None)),
        # a relation triple with no assertion behind it
        (_add((RAHMON, AKG.memberOf, TAJIKISTAN)), ("SPARQLConstraintComponent", None)),
        # subject / object of a relation must be a typed entity
        (_add((URIRef(ID + "nobody"), AKG.threatens, KHOROG)), ("OrConstraintComponent", None)),
        (_add((RAHMON, AKG.locatedIn, TAJIK_GOV)), ("ClassConstraintComponent", None)),
    ],
)
def test_shapes_catch_defect(change, expected):
    g = load(MINI)
    change(g)
    conforms, found = violations(g)
    component, path = expected
    assert not conforms
    assert (component, None if path is None else str(path)) in found, found


@pytest.mark.parametrize(
    "change",
    [
        _set(ACCUSE_ASSERTION, AKG.confidence, Literal(Decimal("1.0"))),
        _set(KHOROG, RDFS.label, Literal("Khorog", lang="en")),
        _set(KHOROG, RDFS.label, Literal("Khorog", datatype=vocab.XSD.string)),
        _remove(ACCUSE_ASSERTION, AKG.modality),
        _remove(ACCUSE_ASSERTION, AKG.charStart),
        # alliedWith is symmetric: an assertion in the other direction still backs it
        _reverse_alliance,
        # memberOf may be backed by the leads assertion
        _add((RAHMON, AKG.memberOf, TAJIK_GOV)),
    ],
)
def test_shapes_accept_variant(change):
    g = load(MINI)
    change(g)
    conforms, found = violations(g)
    assert conforms, found


# --- example queries ----------------------------------------------------------------

EXPECTED_ROWS = {
    "accusations.rq": [("Tajik government", "Tolib Ayombekov", "reported", "mini-1")],
    "allies.rq": [
        ("Tolib Ayombekov", "ally", "Afghan fighters"),
        ("Tolib Ayombekov", "supporter", "Afghan fighters"),
    ],
    "actors_in_place.rq": [
        ("Khorog", "Tolib Ayombekov", "Person", True),
        ("Tajikistan", "Tolib Ayombekov", "Person", False),
    ],
    "evidence.rq": [
        ("Tajik government", "accuses", "Tolib Ayombekov", "mini-1"),
        ("Tolib Ayombekov", "locatedIn", "Khorog", "mini-1"),
        ("Afghan fighters", "alliedWith", "Tolib Ayombekov", "mini-1"),
        ("Afghan fighters", "supports", "Tolib Ayombekov", "mini-1"),
        ("Imomali Rahmon", "leads", "Tajik government", "mini-2"),
        ("Khorog", "locatedIn", "Tajikistan", "mini-2"),
    ],
    "key_actors.rq": [
        ("Tolib Ayombekov", 4, 1, 3),
        ("Afghan fighters", 2, 2, 0),
        ("Tajik government", 2, 1, 1),
        ("Imomali Rahmon", 1, 1, 0),
    ],
}

# which result columns each expected tuple describes
COLUMNS = {
    "accusations.rq": ("accuserLabel", "accusedLabel", "modality", "document"),
    "allies.rq": ("actorLabel", "relation", "otherLabel"),
    "actors_in_place.rq": ("placeLabel", "actorLabel", "type", "direct"),
    "evidence.rq": ("subjectLabel", "relation", "objectLabel", "document"),
    "key_actors.rq": ("label", "relations", "asSubject", "asObject"),
}


def test_queries_all_have_expectations():
    assert sorted(p.name for p in QUERIES.glob("*.rq")) == sorted(EXPECTED_ROWS)


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_queries_parse_and_have_header(name):
    text = (QUERIES / name).read_text()
    assert text.startswith(f"# {name}")
    prepareQuery(text)


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_queries_rows_on_mini_graph(name):
    result = load(MINI).query((QUERIES / name).read_text())
    rows = [tuple(row[col].toPython() for col in COLUMNS[name]) for row in result]
    assert rows == EXPECTED_ROWS[name]


def test_queries_evidence_carries_provenance():
    result = load(MINI).query((QUERIES / "evidence.rq").read_text())
    first = next(iter(result))
    assert str(first["evidence"]).startswith("Tajik officials say Ayombekov")
    assert first["confidence"] == Literal(Decimal("0.85"))
    assert str(first["rule"]) == "accuse.say-that"


# --- JSON-LD context ----------------------------------------------------------------


def context() -> dict:
    return json.loads(CONTEXT.read_text())["@context"]


def test_context_has_no_vocab_and_maps_terms():
    ctx = context()
    assert "@vocab" not in ctx
    assert ctx["id"] == "@id" and ctx["type"] == "@type"
    for name in (*ENTITY_CLASSES, "Assertion", "Document"):
        assert ctx[name] == f"akg:{name}"


def test_context_round_trip_is_isomorphic():
    g = load(MINI)
    text = g.serialize(format="json-ld", context=context())
    back = Graph().parse(data=text, format="json-ld")
    assert isomorphic(g, back)


def test_context_output_reads_like_plain_json():
    data = json.loads(load(MINI).serialize(format="json-ld", context=context()))
    nodes = {node["id"]: node for node in data["@graph"]}
    ayombekov = nodes[str(AYOMBEKOV)]
    assert ayombekov["type"] == "Person"
    assert ayombekov["label"] == "Tolib Ayombekov"
    assert ayombekov["altLabel"] == ["Ayombekov"]
    assert ayombekov["locatedIn"] == str(KHOROG)
    assert ayombekov["mentionCount"] == 4
    accusation = nodes[str(ACCUSE_ASSERTION)]
    assert accusation["type"] == "Assertion"
    assert accusation["confidence"] == "0.85"
    assert accusation["charStart"] == 120
    assert accusation["eventDate"] == "2012-07-21"
    assert accusation["subject"] == str(TAJIK_GOV)
