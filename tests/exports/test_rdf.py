"""Tests for kg/exports/rdf.py: Turtle and JSON-LD of a hand-built graph, IRIs, SHACL conformance."""

from __future__ import annotations

import re
from decimal import Decimal

import pyoxigraph
import pytest
from helpers import (
    DOC_1,
    HOSTILE_DOC_ID,
    HOSTILE_KEY,
    HOSTILE_LABEL,
    HOSTILE_SENTENCE,
    SENTENCE_ACCUSE,
    SENTENCE_ACCUSE_2,
    SMALL_ASSERTIONS,
    SMALL_EDGES,
    SMALL_NODES,
    small_graph,
)
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.exports import render
from kg.exports.rdf import DEFAULT_BASE, check_base_iri, doc_iri, to_rdf
from kg.validate import validate_graph
from kg.vocab import AKG, DCTERMS, ENTITY_CLASSES, OWL, RDF, RDFS, RELATIONS, SKOS

OTHER_BASE = "https://example.org/kg/"
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


@pytest.fixture(scope="module")
def G():
    return small_graph()


@pytest.fixture(scope="module")
def files(G):
    return render(G)


@pytest.fixture(scope="module")
def ttl(files) -> Graph:
    return Graph().parse(data=files["graph.ttl"], format="turtle")


def _entities(g: Graph) -> set[URIRef]:
    return {s for cls in ENTITY_CLASSES for s in g.subjects(RDF.type, AKG[cls])}


def _assertions(g: Graph, s: URIRef, p: str, o: URIRef) -> list[URIRef]:
    return sorted(
        a for a in g.subjects(RDF.type, AKG.Assertion) if (a, RDF.subject, s) in g and (a, RDF.predicate, AKG[p]) in g and (a, RDF.object, o) in g
    )


# --- parsing ---------------------------------------------------------------------------


def test_rdf_turtle_parses_with_rdflib_and_oxigraph(files, ttl):
    assert len(ttl) > 0
    store = pyoxigraph.Store()
    store.load(files["graph.ttl"], format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(ttl)


def test_rdf_turtle_equals_to_rdf(G, ttl):
    assert isomorphic(ttl, to_rdf(G))


def test_rdf_jsonld_is_isomorphic_to_turtle(files, ttl):
    jsonld = Graph().parse(data=files["graph.jsonld"], format="json-ld")
    assert len(jsonld) == len(ttl)
    assert isomorphic(jsonld, ttl)


def test_rdf_jsonld_parses_with_oxigraph(files, ttl):
    store = pyoxigraph.Store()
    store.load(files["graph.jsonld"], format=pyoxigraph.RdfFormat.JSON_LD)
    assert len(store) == len(ttl)


def test_rdf_small_graph_conforms_to_shapes(ttl):
    conforms, report = validate_graph(ttl)
    assert conforms, report


def test_rdf_shapes_catch_a_broken_graph(ttl):
    # The validation must be able to fail: drop every assertion of one relation.
    broken = Graph()
    for t in ttl:
        broken.add(t)
    s, o = URIRef(DEFAULT_BASE + "tessaly-brandt"), URIRef(DEFAULT_BASE + "harbour-authority")
    for a in _assertions(ttl, s, "accuses", o):
        broken.remove((a, None, None))
    conforms, report = validate_graph(broken)
    assert not conforms
    assert "no akg:Assertion" in report


# --- content ---------------------------------------------------------------------------


def test_rdf_counts(ttl):
    assert len(_entities(ttl)) == SMALL_NODES
    relation_triples = [t for p in RELATIONS for t in ttl.triples((None, AKG[p], None))]
    assert len(relation_triples) == SMALL_EDGES
    assert len(set(ttl.subjects(RDF.type, AKG.Assertion))) == SMALL_ASSERTIONS
    assert len(set(ttl.subjects(RDF.type, AKG.Document))) == 2


def test_rdf_entity_names_and_types(ttl):
    brandt = URIRef(DEFAULT_BASE + "tessaly-brandt")
    assert set(ttl.objects(brandt, RDF.type)) == {AKG.Person}
    assert list(ttl.objects(brandt, RDFS.label)) == [Literal("Tessaly Brandt")]
    assert set(ttl.objects(brandt, SKOS.altLabel)) == {Literal("Brandt"), Literal("Ms Brandt")}
    assert ttl.value(brandt, AKG.mentionCount) == Literal(4)
    for entity in _entities(ttl):
        assert len(list(ttl.objects(entity, RDFS.label))) == 1


def test_rdf_location_geonames_and_codes(ttl):
    port = URIRef(DEFAULT_BASE + "port-velmar")
    country = URIRef(DEFAULT_BASE + "velmaria")
    assert ttl.value(port, OWL.sameAs) == URIRef("https://sws.geonames.org/1234567/")
    lat = ttl.value(port, URIRef("http://www.w3.org/2003/01/geo/wgs84_pos#lat"))
    assert lat.datatype == XSD_DECIMAL and lat.toPython() == Decimal("43.29648")
    assert ttl.value(country, AKG.countryCode) == Literal("VL")
    assert ttl.value(port, AKG.countryCode) is None
    assert ttl.value(URIRef(DEFAULT_BASE + "odo-venkarr"), AKG.nationality) == Literal("FR")


def test_rdf_assertion_properties(ttl):
    s, o = URIRef(DEFAULT_BASE + "tessaly-brandt"), URIRef(DEFAULT_BASE + "harbour-authority")
    assert (s, AKG.accuses, o) in ttl
    found = {str(ttl.value(a, AKG.evidence)): a for a in _assertions(ttl, s, "accuses", o)}
    assert set(found) == {SENTENCE_ACCUSE, SENTENCE_ACCUSE_2}
    first, second = found[SENTENCE_ACCUSE], found[SENTENCE_ACCUSE_2]
    assert ttl.value(first, AKG.charStart) == Literal(100)
    assert ttl.value(first, AKG.charEnd) == Literal(100 + len(SENTENCE_ACCUSE))
    confidence = ttl.value(first, AKG.confidence)
    assert confidence.datatype == XSD_DECIMAL and confidence.toPython() == Decimal("0.85")
    assert ttl.value(first, AKG.modality) == Literal("asserted")
    assert ttl.value(first, AKG.rule) == Literal("accuse.verb")
    assert ttl.value(first, AKG.eventDate) == Literal("2023-03-09", datatype=XSD_DATE)
    assert ttl.value(first, AKG.eventPlace) == URIRef(DEFAULT_BASE + "port-velmar")
    assert ttl.value(first, AKG.attributedTo) is None
    assert ttl.value(first, AKG.sourceDocument) == doc_iri(DEFAULT_BASE, DOC_1)
    assert ttl.value(second, AKG.modality) == Literal("reported")
    assert ttl.value(second, AKG.attributedTo) == s
    assert ttl.value(second, AKG.eventDate) is None


def test_rdf_documents(ttl):
    d = doc_iri(DEFAULT_BASE, DOC_1)
    assert (d, RDF.type, AKG.Document) in ttl
    assert ttl.value(d, DCTERMS.identifier) == Literal(DOC_1)
    assert ttl.value(d, DCTERMS.title) == Literal("Harbour strike spreads")
    assert ttl.value(d, DCTERMS.date) == Literal("2023-03-14", datatype=XSD_DATE)
    assert ttl.value(d, DCTERMS.source) == URIRef("https://ledger.example.org/a?x=1&y=2")
    hostile = doc_iri(DEFAULT_BASE, HOSTILE_DOC_ID)
    assert ttl.value(hostile, DCTERMS.identifier) == Literal(HOSTILE_DOC_ID)
    assert ttl.value(hostile, DCTERMS.source) is None  # a javascript: URL is not a source
    assert ttl.value(hostile, DCTERMS.date) is None


# --- hostile text and IRIs ----------------------------------------------------------------


def test_rdf_hostile_text_round_trips_exactly(ttl):
    node = URIRef(DEFAULT_BASE + HOSTILE_KEY)
    assert ttl.value(node, RDFS.label) == Literal(HOSTILE_LABEL)
    assert Literal("مرحبا") in set(ttl.objects(node, SKOS.altLabel))
    (a,) = _assertions(ttl, node, "criticizes", URIRef(DEFAULT_BASE + "harbour-authority"))
    assert ttl.value(a, AKG.evidence) == Literal(HOSTILE_SENTENCE)
    assert ttl.value(doc_iri(DEFAULT_BASE, HOSTILE_DOC_ID), DCTERMS.title) == Literal(HOSTILE_LABEL)


def test_rdf_every_minted_iri_is_safe(ttl):
    entity = re.compile(re.escape(DEFAULT_BASE) + r"[a-z0-9-]+\Z")
    doc = re.compile(re.escape(DEFAULT_BASE) + r"doc/[a-z0-9-]+-[0-9a-f]{8}\Z")
    assertion = re.compile(re.escape(DEFAULT_BASE) + r"assertion/[0-9a-f]{16}\Z")
    minted = {str(t) for triple in ttl for t in triple if isinstance(t, URIRef) and str(t).startswith(DEFAULT_BASE)}
    assert len(minted) == SMALL_NODES + 2 + SMALL_ASSERTIONS
    for iri in minted:
        assert entity.match(iri) or doc.match(iri) or assertion.match(iri), iri
    assert {str(e) for e in _entities(ttl)} == {i for i in minted if entity.match(i)}


def test_rdf_hostile_key_is_a_slug():
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", HOSTILE_KEY)


def test_rdf_turtle_has_no_raw_newline_inside_short_strings(files):
    # Newlines only inside long ("""...""") literals; every line outside them looks like Turtle.
    text = files["graph.ttl"]
    outside = re.sub(r'"""(?:[^"\\]|\\.|"(?!""))*"""', '""', text)
    for line in outside.splitlines():
        assert line == "" or line.startswith(("@prefix", "<", "id:", "    ")), line


@pytest.mark.parametrize("name", ["مرحبا", "Душанбе", "北京"])
def test_rdf_non_latin_slug_does_not_depend_on_hash_seed(monkeypatch, name):
    # str hashes differ from process to process (PYTHONHASHSEED); a stable slug cannot use them.
    from kg.entities import resolve

    before = resolve.slugify(name)
    monkeypatch.setattr(resolve, "hash", lambda value: 12345, raising=False)
    assert resolve.slugify(name) == before
    assert re.fullmatch(r"[a-z0-9-]+", before)


# --- base IRI ---------------------------------------------------------------------------


@pytest.mark.parametrize("base", ["ftp://x/", "http://x/no-slash-end", "not an iri", "http://x/a b/", "https:///", "http://x/<a>/", ""])
def test_rdf_check_base_iri_rejects(base):
    with pytest.raises(InputError, match="--base-iri"):
        check_base_iri(base)


@pytest.mark.parametrize("base", [DEFAULT_BASE, OTHER_BASE, "http://localhost:7878/kg#"])
def test_rdf_check_base_iri_accepts(base):
    assert check_base_iri(base) == base


def test_rdf_render_rejects_bad_base(G):
    with pytest.raises(InputError):
        render(G, base="http://x/no-slash-end")


@pytest.mark.parametrize("base", [OTHER_BASE, "http://localhost:7878/kg#"])
def test_rdf_base_iri_override(G, base):
    out = render(G, base=base)
    g = Graph().parse(data=out["graph.ttl"], format="turtle")
    assert {str(e) for e in _entities(g)} == {base + key for key in G.nodes}
    assert (URIRef(base + "tessaly-brandt"), AKG.accuses, URIRef(base + "harbour-authority")) in g
    assert all(str(a).startswith(base + "assertion/") for a in g.subjects(RDF.type, AKG.Assertion))
    assert all(str(d).startswith(base + "doc/") for d in g.subjects(RDF.type, AKG.Document))
    for name in ("graph.ttl", "graph.jsonld", "entities.csv"):
        assert DEFAULT_BASE not in out[name], name
    assert f"{base}tessaly-brandt" in out["entities.csv"]
    assert isomorphic(Graph().parse(data=out["graph.jsonld"], format="json-ld"), g)


def test_rdf_hash_base_iri_conforms(G):
    conforms, report = validate_graph(to_rdf(G, "http://localhost:7878/kg#"))
    assert conforms, report


def test_rdf_doc_iri_is_stable_and_distinct():
    assert doc_iri(DEFAULT_BASE, "a/b.txt") == doc_iri(DEFAULT_BASE, "a/b.txt")
    assert doc_iri(DEFAULT_BASE, "a/b.txt") != doc_iri(DEFAULT_BASE, "a-b.txt")  # same slug, different hash
    assert re.fullmatch(re.escape(DEFAULT_BASE) + r"doc/doc-[0-9a-f]{8}", str(doc_iri(DEFAULT_BASE, "مرحبا")))


# --- source URLs ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["https://e.example/a b", "https://e.example/ok?a=1&b=%C3%A9#frag", "https://e.example/Zoë"])
def test_rdf_document_source_url_kept(url):
    from kg.graph import add_document
    from kg.model import Document

    G = small_graph()
    add_document(G, Document("d-url", "", title="t", url=url))
    out = render(G)
    store = pyoxigraph.Store()
    store.load(out["graph.ttl"], format=pyoxigraph.RdfFormat.TURTLE)
    g = Graph().parse(data=out["graph.ttl"], format="turtle")
    source = g.value(doc_iri(DEFAULT_BASE, "d-url"), DCTERMS.source)
    assert source is not None and str(source).startswith("https://e.example/")
    assert " " not in str(source)


@pytest.mark.parametrize(
    "url",
    ["https://e.example/a<b>c", 'https://e.example/a"b', "https://e.example/x{y}|z^", "https://e.example/tab\there", "https://e.example/new\nline"],
    ids=["angle", "quote", "braces", "tab", "newline"],
)
def test_rdf_hostile_source_url_keeps_turtle_valid(url):
    from kg.graph import add_document
    from kg.model import Document

    G = small_graph()
    add_document(G, Document("d-url", "", title="t", url=url))
    out = render(G)  # must not raise
    store = pyoxigraph.Store()
    store.load(out["graph.ttl"], format=pyoxigraph.RdfFormat.TURTLE)  # strict IRI parser
    assert len(store) == len(Graph().parse(data=out["graph.ttl"], format="turtle"))
