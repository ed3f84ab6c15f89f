"""kg.build and kg.KnowledgeGraph.

Tests marked ``model`` build with the real pipeline (the session fixtures ``nlp`` and
``sample_graph`` of conftest.py, so it is loaded once); the rest use hand-built graphs.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import rdflib

import kg
from kg.api import KnowledgeGraph, build, find_node
from kg.exports import OUTPUTS, render
from kg.exports.tables import ENTITY_COLUMNS, RELATION_COLUMNS
from kg.graph import add_actor, add_document, add_relation, new_graph
from kg.model import Actor, Document, Evidence, Relation

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "notebooks" / "articles"
ACCUSATIONS_RQ = ROOT / "ontology" / "queries" / "accusations.rq"
AKG = "https://w3id.org/actorkg/ontology#"

ARTICLE = (
    "Officials Accuse Ayombekov\n\n"
    "Tajik officials accused Tolib Ayombekov of ordering the killing of General Abdullo Nazarov. "
    "Ayombekov denied any part in the killing.\n"
)


@pytest.fixture(scope="module")
def sample(sample_graph):
    """The sample graph, wrapped. Nothing below changes it in place."""
    return KnowledgeGraph(sample_graph)


def _ev(doc: str, sentence: str, start: int = 0, **kw) -> Evidence:
    return Evidence(doc, sentence, start, start + len(sentence), kw.pop("confidence", 0.8), kw.pop("rule", "test.rule"), **kw)


def _graph(actors, relations, documents=("d1",)) -> nx.MultiDiGraph:
    G = new_graph()
    for doc in documents:
        add_document(G, Document(doc, "", title=f"title {doc}"))
    for actor in actors:
        add_actor(G, actor)
    for relation in relations:
        add_relation(G, relation)
    return G


def _snapshot(G: nx.MultiDiGraph):
    return (
        sorted((n, tuple(sorted(d.items()))) for n, d in G.nodes(data=True)),
        sorted((u, v, k, d["evidence"]) for u, v, k, d in G.edges(keys=True, data=True)),
        sorted(G.graph["documents"]),
    )


# --------------------------------------------------------------------------- package


def test_api_exported_from_package():
    assert kg.build is build and kg.KnowledgeGraph is KnowledgeGraph
    assert {"build", "KnowledgeGraph"} <= set(kg.__all__)


# --------------------------------------------------------------------------- build: sources


@pytest.mark.model
@pytest.mark.parametrize("sources", [None, [], "", "generator"])
def test_api_build_without_sources_is_the_sample(nlp, sample_graph, sources):
    if sources == "generator":
        sources = (item for item in ())
    graph = build(sources, nlp=nlp)
    assert isinstance(graph, KnowledgeGraph)
    assert _snapshot(graph.nx) == _snapshot(sample_graph)


@pytest.mark.model
def test_api_build_text_string(nlp):
    graph = build(ARTICLE, nlp=nlp)
    (doc_id,) = graph.nx.graph["documents"]
    assert re.fullmatch(r"text-[0-9a-f]{10}", doc_id)
    assert build(ARTICLE, nlp=nlp).nx.graph["documents"].keys() == {doc_id}  # stable id
    assert graph.find("Ayombekov") == "tolib-ayombekov"
    assert graph.nx.has_edge(graph.find("Tajik officials"), "tolib-ayombekov", key="accuses")


@pytest.mark.model
def test_api_build_id_text_pairs_and_documents(nlp):
    pairs = [("first", ARTICLE), ("second", "Imomali Rahmon ordered a ceasefire in Khorog on 25 July 2012.")]
    graph = build(pairs, nlp=nlp)
    assert sorted(graph.nx.graph["documents"]) == ["first", "second"]
    assert "first" in graph.nx.nodes["tolib-ayombekov"]["documents"]
    single = build(("only", ARTICLE), nlp=nlp)  # one pair, not in a list
    assert list(single.nx.graph["documents"]) == ["only"]
    documents = [kg.document_from_text(ARTICLE, "doc-a"), kg.document_from_text(ARTICLE, "doc-b")]
    assert sorted(build(documents, nlp=nlp).nx.graph["documents"]) == ["doc-a", "doc-b"]
    assert list(build(documents[0], nlp=nlp).nx.graph["documents"]) == ["doc-a"]
    streamed = build((d for d in documents), nlp=nlp)  # a generator is read lazily
    assert sorted(streamed.nx.graph["documents"]) == ["doc-a", "doc-b"]


@pytest.mark.model
def test_api_build_paths(nlp, tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "sub" / "two.txt"
    two.parent.mkdir()
    one.write_text(ARTICLE, "utf-8")
    two.write_text("Imomali Rahmon ordered a ceasefire in Khorog on 25 July 2012.\n", "utf-8")
    (tmp_path / "sub" / "empty.txt").write_text("", "utf-8")
    assert list(build(str(one), nlp=nlp).nx.graph["documents"]) == [str(one)]
    assert list(build(one, nlp=nlp).nx.graph["documents"]) == [str(one)]
    with pytest.warns(UserWarning, match="empty"):
        folder = build(tmp_path, nlp=nlp)
    assert sorted(folder.nx.graph["documents"]) == [str(one), str(two)]
    mixed = build([str(two), ("pair", ARTICLE)], nlp=nlp)
    assert sorted(mixed.nx.graph["documents"]) == sorted(["pair", str(two)])


@pytest.mark.model
def test_api_build_articles_folder(nlp):
    graph = build(ARTICLES, nlp=nlp)
    assert len(graph.nx.graph["documents"]) == len(list(ARTICLES.glob("*.txt"))) >= 3
    assert graph.nx.number_of_edges() > 0


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        ("no-such-file.txt", "no such file"),
        (Path("/no/such/folder"), "no such file"),
        (["valid text with spaces", "missing.txt"], "missing.txt"),
        ([42], "type int"),
        ([("", "some text")], "non-empty id"),
        (["   "], "empty"),
    ],
)
def test_api_build_bad_sources_fail_before_parsing(sources, message):
    # nlp=object(): the pipeline must not be touched, the sources are checked first
    with pytest.raises(kg.InputError, match=message):
        build(sources, nlp=object())


@pytest.mark.parametrize(("kwargs", "message"), [({"base_iri": "not an iri"}, "base-iri"), ({"min_confidence": 1.5}, "min_confidence")])
def test_api_build_bad_arguments(kwargs, message):
    with pytest.raises(kg.InputError, match=message):
        build(None, nlp=object(), **kwargs)


@pytest.mark.model
def test_api_build_min_confidence_and_base_iri(nlp, sample_graph):
    graph = build(nlp=nlp, min_confidence=0.8, base_iri="https://example.org/kg/")
    evidence = [e for _, _, d in graph.nx.edges(data=True) for e in d["evidence"]]
    assert evidence and all(e.confidence >= 0.8 for e in evidence)
    assert len(evidence) < sum(len(d["evidence"]) for _, _, d in sample_graph.edges(data=True))
    assert graph.base_iri == "https://example.org/kg/"
    assert graph.actors()["iri"].str.startswith("https://example.org/kg/").all()
    assert (rdflib.URIRef("https://example.org/kg/tolib-ayombekov"), None, None) in graph.rdf


# --------------------------------------------------------------------------- views


@pytest.mark.model
def test_api_nx_and_rdf(sample, sample_graph):
    assert sample.nx is sample_graph
    assert isinstance(sample.rdf, rdflib.Graph)
    assert sample.rdf is sample.rdf  # cached
    ayombekov = rdflib.URIRef(kg.exports.rdf.DEFAULT_BASE + "tolib-ayombekov")
    assert (None, rdflib.URIRef(AKG + "accuses"), ayombekov) in sample.rdf


@pytest.mark.model
def test_api_actors_and_relations(sample, sample_graph):
    actors = sample.actors()
    assert isinstance(actors, pd.DataFrame)
    assert list(actors.columns) == list(ENTITY_COLUMNS)
    assert sorted(actors["id"]) == sorted(sample_graph.nodes)
    people = sample.actors(types=["Person"])
    assert set(people["type"]) == {"Person"} and "tolib-ayombekov" in set(people["id"])
    assert set(sample.actors("Location")["type"]) == {"Location"}
    relations = sample.relations()
    assert list(relations.columns) == list(RELATION_COLUMNS)
    assert len(relations) == sum(len(d["evidence"]) for _, _, d in sample_graph.edges(data=True))
    accuses = sample.relations(predicates=["accuses"])
    assert set(accuses["predicate"]) == {"accuses"} and set(accuses["object"]) == {"tolib-ayombekov"}


def test_api_tables_of_an_empty_graph():
    graph = KnowledgeGraph(new_graph())
    assert list(graph.actors().columns) == list(ENTITY_COLUMNS) and graph.actors().empty
    assert list(graph.relations().columns) == list(RELATION_COLUMNS) and graph.relations().empty
    assert list(graph.key_actors().columns) == ["id", "label", "type", "degree", "degree_centrality", "betweenness"]
    assert graph.accusations().empty and graph.communities().empty


# --------------------------------------------------------------------------- SPARQL


@pytest.mark.model
@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_api_query_select(sample, engine):
    answer = sample.query(
        "SELECT ?label ?kind WHERE { ?s a akg:Person ; rdfs:label ?label . BIND('person' AS ?kind) } ORDER BY ?label",
        engine=engine,
    )
    assert list(answer.columns) == ["label", "kind"]
    assert "Tolib Ayombekov" in set(answer["label"]) and set(answer["kind"]) == {"person"}


@pytest.mark.model
def test_api_query_file_same_answer_from_both_engines(sample):
    by_path = sample.query(ACCUSATIONS_RQ)
    by_name = sample.query(str(ACCUSATIONS_RQ))
    by_text = sample.query(ACCUSATIONS_RQ.read_text("utf-8"))
    by_oxigraph = sample.query(ACCUSATIONS_RQ, engine="oxigraph")
    pd.testing.assert_frame_equal(by_path, by_name)
    pd.testing.assert_frame_equal(by_path, by_text)
    pd.testing.assert_frame_equal(by_path, by_oxigraph)
    assert list(by_path.columns[:4]) == ["accuser", "accuserLabel", "accused", "accusedLabel"]
    assert set(by_path["accusedLabel"]) == {"Tolib Ayombekov"}
    assert by_path["confidence"].dtype == float
    assert by_path["accused"].iloc[0] == kg.exports.rdf.DEFAULT_BASE + "tolib-ayombekov"


@pytest.mark.model
@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_api_query_ask_construct_and_unbound(sample, engine):
    assert sample.query("ASK { ?s akg:accuses ?o }", engine=engine) is True
    assert sample.query("ASK { ?s akg:kills id:nobody }", engine=engine) is False
    built = sample.query("CONSTRUCT { ?s akg:accuses ?o } WHERE { ?s akg:accuses ?o }", engine=engine)
    assert isinstance(built, rdflib.Graph) and len(built) == sum(1 for _ in sample.rdf.triples((None, rdflib.URIRef(AKG + "accuses"), None)))
    answer = sample.query("SELECT ?s ?missing WHERE { ?s akg:accuses ?o OPTIONAL { ?s akg:nope ?missing } }", engine=engine)
    assert answer["missing"].isna().all()


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_api_refresh_after_changing_nx(engine):
    G = _graph([Actor("a", "A", "Person", documents={"d1"})], [])
    graph = KnowledgeGraph(G)
    count = "SELECT (COUNT(?s) AS ?n) WHERE { ?s a akg:Person }"
    assert graph.query(count, engine=engine)["n"].tolist() == [1]
    add_actor(G, Actor("b", "B", "Person", documents={"d1"}))
    assert graph.query(count, engine=engine)["n"].tolist() == [1]  # cached
    graph.refresh()
    assert graph.query(count, engine=engine)["n"].tolist() == [2]


def test_api_query_errors():
    graph = KnowledgeGraph(new_graph())
    with pytest.raises(ValueError, match="engine"):
        graph.query("SELECT * WHERE { ?s ?p ?o }", engine="blazegraph")
    with pytest.raises(FileNotFoundError):
        graph.query("missing/query.rq")
    assert graph.query("SELECT ?s WHERE { ?s ?p ?o }").empty


# --------------------------------------------------------------------------- save and display


@pytest.mark.model
def test_api_save_writes_the_six_files(sample, sample_graph, tmp_path):
    written = sample.save(tmp_path / "out")
    assert [p.name for p in written] == list(OUTPUTS)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(OUTPUTS)
    expected = render(sample_graph)
    assert (tmp_path / "out" / "graph.ttl").read_text("utf-8") == expected["graph.ttl"]
    assert (tmp_path / "out" / "entities.csv").read_text("utf-8") == expected["entities.csv"]


@pytest.mark.model
def test_api_repr_html_is_an_iframe(sample):
    out = sample._repr_html_()
    assert out.startswith("<iframe") and out.endswith("</iframe>")
    assert 'srcdoc="' in out and 'sandbox="allow-scripts"' in out
    assert 'height="600"' in out and "width: 100%" in out
    srcdoc = re.search(r'srcdoc="([^"]*)"', out).group(1)
    outside = out.replace(srcdoc, "")
    assert "<script" not in outside.lower()
    assert "<script" not in out.lower()  # the page inside is escaped too
    assert html.unescape(srcdoc) == sample.html()
    assert "<script" in html.unescape(srcdoc)


def test_api_len_and_repr():
    G = _graph(
        [Actor("a", "A", "Person", documents={"d1"}), Actor("b", "B", "Organization", documents={"d1"})],
        [Relation("a", "accuses", "b", _ev("d1", "A accuses B.")), Relation("a", "accuses", "b", _ev("d1", "A blames B.", 20))],
    )
    graph = KnowledgeGraph(G)
    assert len(graph) == 2
    assert repr(graph) == "KnowledgeGraph(1 document, 2 entities, 1 relation, 2 assertions)"
    assert repr(KnowledgeGraph(new_graph())) == "KnowledgeGraph(0 documents, 0 entities, 0 relations, 0 assertions)"
    assert graph.documents == [Document("d1", "", title="title d1")]


# --------------------------------------------------------------------------- names and subgraph


@pytest.mark.model
@pytest.mark.parametrize("name", ["tolib-ayombekov", "Tolib Ayombekov", "tolib ayombekov", "Ayombekov", "AYOMBEKOV", "  ayombekov "])
def test_api_find_by_id_label_or_alias(sample, name):
    assert sample.find(name) == "tolib-ayombekov"


@pytest.mark.model
def test_api_find_unknown_suggests_close_names(sample):
    with pytest.raises(KeyError, match="did you mean 'Tolib Ayombekov'"):
        sample.subgraph("Ayombekow")
    with pytest.raises(KeyError, match="no actor or place named 'xyzzy'"):
        sample.subgraph("xyzzy")


def test_api_find_ambiguous_alias_and_tier_order():
    G = _graph(
        [Actor("imomali-rahmon", "Imomali Rahmon", "Person", {"Rahmon"}), Actor("emomali-rahmon", "Emomali Rahmon", "Person", {"Rahmon"}),
         Actor("jordan", "Jordan", "Location"), Actor("michael-jordan", "Michael Jordan", "Person", {"Jordan"})],
        [],
    )
    with pytest.raises(KeyError, match="ambiguous"):
        find_node(G, "rahmon")
    assert find_node(G, "JORDAN") == "jordan"  # an id beats an alias
    assert find_node(G, "michael jordan") == "michael-jordan"


@pytest.mark.model
def test_api_subgraph_hops(sample, sample_graph):
    center = "tolib-ayombekov"
    undirected = sample_graph.to_undirected(as_view=True)
    zero = sample.subgraph("Ayombekov", hops=0)
    assert list(zero.nx.nodes) == [center] and zero.nx.number_of_edges() == 0
    one = sample.subgraph("Ayombekov")
    assert isinstance(one, KnowledgeGraph)
    assert set(one.nx) == {center} | set(undirected[center])
    two = sample.subgraph("ayombekov", hops=2)
    assert set(two.nx) == set(nx.single_source_shortest_path_length(undirected, center, cutoff=2))
    assert set(one.nx) < set(two.nx)
    for part in (one, two):  # induced: every edge among the kept nodes, with its evidence
        expected = {(u, v, k) for u, v, k in sample_graph.edges(keys=True) if u in part.nx and v in part.nx}
        assert set(part.nx.edges(keys=True)) == expected
        for u, v, k, d in part.nx.edges(keys=True, data=True):
            assert d["evidence"] == sample_graph.edges[u, v, k]["evidence"]
        assert list(part.nx.graph["documents"]) == ["khorog_2012.txt"]
    assert part.nx.graph["documents"] is not sample_graph.graph["documents"]
    with pytest.raises(ValueError):
        sample.subgraph("Ayombekov", hops=-1)


def test_api_subgraph_keeps_only_its_documents():
    G = _graph(
        [Actor("a", "A", "Person", documents={"d1"}), Actor("b", "B", "Person", documents={"d1"}), Actor("c", "C", "Person", documents={"d2"})],
        [Relation("a", "accuses", "b", _ev("d1", "A accuses B.")), Relation("c", "attacks", "c", _ev("d2", "C hurts itself."))],
        documents=("d1", "d2"),
    )
    part = KnowledgeGraph(G, base_iri="https://example.org/x/", title="T").subgraph("a")
    assert sorted(part.nx) == ["a", "b"] and list(part.nx.graph["documents"]) == ["d1"]
    assert part.base_iri == "https://example.org/x/" and part.title == "A: ego network, 1 hop"
    part.nx.nodes["a"]["label"] = "changed"
    assert G.nodes["a"]["label"] == "A"  # a copy


# --------------------------------------------------------------------------- merge


def _pair_for_merge():
    e1 = _ev("d1", "X accuses Y.", attributed_to="y")
    e2 = _ev("d2", "X blames Y again.", 40)
    e3 = _ev("d2", "Jordan fights X.", 80)
    A = _graph(
        [Actor("x", "X", "Person", {"Mr X"}, {"d1"}, mentions=2), Actor("y", "Y", "Organization", set(), {"d1"}, mentions=1),
         Actor("jordan", "Jordan", "Location", set(), {"d1"}, mentions=1, geonames_id=248816)],
        [Relation("x", "accuses", "y", e1)],
        documents=("d1",),
    )
    B = _graph(
        [Actor("x", "X", "Person", {"Xavier"}, {"d2"}, mentions=3, nationality="TJ"), Actor("y", "Y", "Organization", set(), {"d2"}, mentions=1),
         Actor("jordan", "Jordan", "Person", set(), {"d2"}, mentions=1)],
        [Relation("x", "accuses", "y", e1), Relation("x", "accuses", "y", e2), Relation("jordan", "attacks", "x", e3)],
        documents=("d2",),
    )
    return A, B, (e1, e2, e3)


def test_api_merge_unites_nodes_edges_and_documents():
    A, B, (e1, e2, e3) = _pair_for_merge()
    before = (_snapshot(A), _snapshot(B))
    merged = KnowledgeGraph(A).merge(KnowledgeGraph(B))
    G = merged.nx
    assert (_snapshot(A), _snapshot(B)) == before  # inputs untouched
    assert sorted(G.graph["documents"]) == ["d1", "d2"]
    x = G.nodes["x"]
    assert x["aliases"] == ("Mr X", "Xavier") and x["documents"] == ("d1", "d2") and x["mentions"] == 5
    assert x["nationality"] == "TJ"
    assert G.edges["x", "y", "accuses"]["evidence"] == (e1, e2)  # e1 once
    # "jordan" the person of B meets "jordan" the place of A: the person gets a suffix, as in add_actor
    assert G.nodes["jordan"]["type"] == "Location" and G.nodes["jordan"]["geonames_id"] == 248816
    assert G.nodes["jordan-person"]["type"] == "Person"
    (evidence,) = G.edges["jordan-person", "x", "attacks"]["evidence"]
    assert evidence == e3
    assert repr(merged) == "KnowledgeGraph(2 documents, 4 entities, 2 relations, 3 assertions)"


def test_api_merge_renames_evidence_references():
    e = _ev("d2", "Jordan says X did it.", attributed_to="jordan")
    A = _graph([Actor("jordan", "Jordan", "Location", documents={"d1"})], [], documents=("d1",))
    B = _graph([Actor("jordan", "Jordan", "Person", documents={"d2"}), Actor("x", "X", "Person", documents={"d2"}),
                Actor("y", "Y", "Person", documents={"d2"})], [Relation("x", "accuses", "y", e)], documents=("d2",))
    G = KnowledgeGraph(A).merge(B).nx  # a plain networkx graph is accepted too
    (evidence,) = G.edges["x", "y", "accuses"]["evidence"]
    assert evidence.attributed_to == "jordan-person"


def test_api_merge_with_itself_changes_nothing():
    A, _, _ = _pair_for_merge()
    graph = KnowledgeGraph(A)
    assert _snapshot(graph.merge(graph).nx) == _snapshot(A)


def test_api_merge_consolidates_surnames():
    A = _graph([Actor("rahmon", "Rahmon", "Person", documents={"d1"}, mentions=2)], [], documents=("d1",))
    B = _graph([Actor("imomali-rahmon", "Imomali Rahmon", "Person", documents={"d2"}, mentions=1)], [], documents=("d2",))
    merged = KnowledgeGraph(A).merge(KnowledgeGraph(B))
    assert list(merged.nx) == ["imomali-rahmon"]
    assert merged.nx.nodes["imomali-rahmon"]["aliases"] == ("Rahmon",) and merged.nx.nodes["imomali-rahmon"]["mentions"] == 3
    assert sorted(KnowledgeGraph(A).merge(KnowledgeGraph(B), consolidate_actors=False).nx) == ["imomali-rahmon", "rahmon"]


@pytest.mark.model
def test_api_merge_of_two_builds_is_the_build_of_both(nlp):
    files = sorted(ARTICLES.glob("*.txt"))
    whole = build(files, nlp=nlp)
    merged = build(files[:2], nlp=nlp).merge(build(files[2:], nlp=nlp))
    assert _snapshot(merged.nx) == _snapshot(whole.nx)


@pytest.mark.model
def test_api_merge_sample_with_itself(sample, sample_graph):
    assert _snapshot(sample.merge(sample).nx) == _snapshot(sample_graph)


# --------------------------------------------------------------------------- analytics as methods


@pytest.mark.model
def test_api_analytics_methods(sample):
    key = sample.key_actors(k=3)
    assert isinstance(key, pd.DataFrame) and len(key) == 3
    assert set(key["type"]) <= {"Person", "Organization", "Group"}
    assert len(sample.key_actors(k=None)) == len(sample.actors(types=["Person", "Organization", "Group"]))
    accusations = sample.accusations()
    row = accusations[accusations["object"] == "tolib-ayombekov"].iloc[0]
    assert row["predicate"] == "accuses" and row["count"] >= 1 and row["evidence"]
    stance = sample.stance("Ayombekov")
    assert list(stance.columns) == ["other", "other_label", "other_type", "stance", "predicate", "direction", "count", "evidence"]
    hostile = stance[stance["stance"] == "hostile"]
    assert ("accuses", "in") in set(zip(hostile["predicate"], hostile["direction"]))
    with pytest.raises(KeyError):
        sample.stance("Nobody At All")
    communities = sample.communities()
    assert list(communities.columns) == ["community", "size", "members"]
    assert communities["size"].sum() == len(sample)
    assert list(communities["community"]) == list(range(len(communities)))
    assert sample.communities(method="louvain", seed=0).equals(sample.communities(method="louvain", seed=0))
