"""Tests for kg/graph.py: adding and merging actors and relations, consolidation, pruning, confidence filter.

Graphs are built by hand from kg.model records; no spaCy.
"""

from __future__ import annotations

import pytest

from kg.graph import add_actor, add_document, add_relation, consolidate, filter_confidence, new_graph, prune
from kg.model import Actor, Document, Evidence, Relation


def ev(doc="d1", start=0, end=10, confidence=0.8, rule="test.rule", **kw) -> Evidence:
    return Evidence(doc, f"sentence {doc} {start}", start, end, confidence, rule, **kw)


def person(key, label, *aliases, doc="d1", mentions=1):
    return Actor(key, label, "Person", set(aliases), {doc}, mentions)


# --- add_document / add_actor -----------------------------------------------------------


def test_graph_new_graph_is_empty_multidigraph():
    G = new_graph()
    assert G.is_directed() and G.is_multigraph()
    assert G.graph["documents"] == {}
    assert G.number_of_nodes() == 0


def test_graph_add_document_drops_text():
    G = new_graph()
    add_document(G, Document("d1", "Long article text.", title="T", date="2023-03-14"))
    stored = G.graph["documents"]["d1"]
    assert stored.text == ""
    assert (stored.id, stored.title, stored.date) == ("d1", "T", "2023-03-14")


def test_graph_add_actor_new_node_attributes():
    G = new_graph()
    key = add_actor(G, Actor("port-velmar", "Port Velmar", "Location", {"Velmar", "Port Velmar"}, {"d1"}, 3, geonames_id=42, lat=1.5, long=-2.25))
    assert key == "port-velmar"
    d = G.nodes[key]
    assert d["label"] == "Port Velmar"
    assert d["type"] == "Location"
    assert d["aliases"] == ("Velmar",)  # the label itself is never an alias
    assert d["documents"] == ("d1",)
    assert d["mentions"] == 3
    assert (d["geonames_id"], d["lat"], d["long"]) == (42, 1.5, -2.25)
    assert d["collective"] is False
    assert "country_code" not in d


def test_graph_add_actor_merges_same_key_and_type():
    G = new_graph()
    add_actor(G, person("tessaly-brandt", "Tessaly Brandt", "Brandt", doc="d2", mentions=2))
    key = add_actor(G, person("tessaly-brandt", "Tessaly Brandt", "T. Brandt", "Ms Brandt", doc="d1", mentions=3))
    assert key == "tessaly-brandt"
    assert G.number_of_nodes() == 1
    d = G.nodes[key]
    assert d["aliases"] == ("Brandt", "Ms Brandt", "T. Brandt")
    assert d["documents"] == ("d1", "d2")
    assert d["mentions"] == 5


def test_graph_add_actor_first_label_wins_and_other_label_becomes_alias():
    G = new_graph()
    add_actor(G, person("brandt", "Brandt"))
    add_actor(G, person("brandt", "BRANDT"))
    assert G.nodes["brandt"]["label"] == "Brandt"
    assert G.nodes["brandt"]["aliases"] == ("BRANDT",)


def test_graph_add_actor_optional_values_first_known_wins():
    G = new_graph()
    add_actor(G, Actor("velmar", "Velmar", "Location", mentions=1))
    add_actor(G, Actor("velmar", "Velmar", "Location", mentions=1, geonames_id=7, country_code="VL"))
    add_actor(G, Actor("velmar", "Velmar", "Location", mentions=1, geonames_id=8, country_code="XX"))
    assert G.nodes["velmar"]["geonames_id"] == 7
    assert G.nodes["velmar"]["country_code"] == "VL"


def test_graph_add_actor_collective_only_while_every_part_is_collective():
    G = new_graph()
    add_actor(G, Actor("dockers", "dockers", "Group", collective=True))
    assert G.nodes["dockers"]["collective"] is True
    add_actor(G, Actor("dockers", "Dockers", "Group", collective=False))
    assert G.nodes["dockers"]["collective"] is False


def test_graph_add_actor_same_key_other_type_gets_suffix():
    G = new_graph()
    assert add_actor(G, Actor("jordan", "Jordan", "Location", mentions=1)) == "jordan"
    assert add_actor(G, person("jordan", "Jordan")) == "jordan-person"
    assert add_actor(G, Actor("jordan", "Jordan", "Organization")) == "jordan-organization"
    assert G.nodes["jordan"]["type"] == "Location"
    assert G.nodes["jordan-person"]["type"] == "Person"
    assert G.nodes["jordan-organization"]["type"] == "Organization"
    # the same person again lands on the suffixed node
    assert add_actor(G, person("jordan", "Jordan", "Michael Jordan", doc="d2")) == "jordan-person"
    assert G.number_of_nodes() == 3
    assert G.nodes["jordan-person"]["mentions"] == 2
    assert G.nodes["jordan-person"]["documents"] == ("d1", "d2")


# --- add_relation --------------------------------------------------------------------------


@pytest.fixture
def two_people():
    G = new_graph()
    add_actor(G, person("a", "Anna Ost"))
    add_actor(G, person("b", "Boris Vel"))
    return G


def test_graph_add_relation_new_edge(two_people):
    G = two_people
    e = ev()
    add_relation(G, Relation("a", "accuses", "b", e))
    assert list(G.edges(keys=True)) == [("a", "b", "accuses")]
    assert G.edges["a", "b", "accuses"]["evidence"] == (e,)


def test_graph_add_relation_merges_and_sorts_evidence(two_people):
    G = two_people
    late = ev("d1", 50, 60, 0.5, "r.b")
    early = ev("d1", 5, 15, 0.9, "r.a")
    other_doc = ev("d0", 99, 120, 0.7, "r.c")
    same_start_lower = ev("d1", 5, 15, 0.6, "r.a")
    for e in (late, early, other_doc, same_start_lower, early):  # `early` twice: kept once
        add_relation(G, Relation("a", "accuses", "b", e))
    assert G.number_of_edges() == 1
    # sorted by document, start, rule, then higher confidence first
    assert G.edges["a", "b", "accuses"]["evidence"] == (other_doc, early, same_start_lower, late)


def test_graph_add_relation_predicates_and_directions_are_separate_edges(two_people):
    G = two_people
    add_relation(G, Relation("a", "accuses", "b", ev()))
    add_relation(G, Relation("a", "criticizes", "b", ev()))
    add_relation(G, Relation("b", "accuses", "a", ev()))
    assert sorted(G.edges(keys=True)) == [("a", "b", "accuses"), ("a", "b", "criticizes"), ("b", "a", "accuses")]


# --- consolidate ------------------------------------------------------------------------------


def test_graph_consolidate_merges_locations_with_same_geonames_id():
    G = new_graph()
    add_actor(G, Actor("kyiv", "Kyiv", "Location", {"Kyiv"}, {"d1"}, 3, geonames_id=703448, lat=50.45, long=30.52))
    add_actor(G, Actor("kiev", "Kiev", "Location", {"Kiev"}, {"d2"}, 1, geonames_id=703448, country_code=None))
    add_actor(G, Actor("ukraine", "Ukraine", "Location", set(), {"d1"}, 2, geonames_id=690791, country_code="UA"))
    add_actor(G, person("olena-marko", "Olena Marko", doc="d2"))
    add_relation(G, Relation("kiev", "locatedIn", "ukraine", ev("d2", 1, 9)))
    add_relation(G, Relation("olena-marko", "locatedIn", "kiev", ev("d2", 10, 30)))
    add_relation(G, Relation("kyiv", "locatedIn", "ukraine", ev("d1", 0, 8)))
    consolidate(G)
    assert sorted(G.nodes) == ["kyiv", "olena-marko", "ukraine"]
    d = G.nodes["kyiv"]
    assert d["label"] == "Kyiv"  # the node with more mentions is kept
    assert d["aliases"] == ("Kiev",)
    assert d["documents"] == ("d1", "d2")
    assert d["mentions"] == 4
    assert (d["lat"], d["long"]) == (50.45, 30.52)
    assert sorted(G.edges(keys=True)) == [("kyiv", "ukraine", "locatedIn"), ("olena-marko", "kyiv", "locatedIn")]
    assert [e.document for e in G.edges["kyiv", "ukraine", "locatedIn"]["evidence"]] == ["d1", "d2"]


def test_graph_consolidate_geonames_tie_keeps_smallest_key_and_drops_self_loops():
    G = new_graph()
    add_actor(G, Actor("velmar-port", "Velmar Port", "Location", set(), {"d1"}, 1, geonames_id=5))
    add_actor(G, Actor("port-velmar", "Port Velmar", "Location", set(), {"d2"}, 1, geonames_id=5))
    add_relation(G, Relation("velmar-port", "partOf", "port-velmar", ev()))
    consolidate(G)
    assert list(G.nodes) == ["port-velmar"]
    assert G.number_of_edges() == 0


def test_graph_consolidate_does_not_merge_non_locations_or_missing_ids():
    G = new_graph()
    add_actor(G, Actor("a", "Alpha", "Location", mentions=1))
    add_actor(G, Actor("b", "Beta", "Location", mentions=1))
    add_actor(G, Actor("c", "Gamma Org", "Organization", mentions=1, geonames_id=5))
    add_actor(G, Actor("d", "Delta Org", "Organization", mentions=1, geonames_id=5))
    consolidate(G)
    assert sorted(G.nodes) == ["a", "b", "c", "d"]


def test_graph_consolidate_surname_joins_the_only_full_name():
    G = new_graph()
    add_actor(G, person("imomali-rahmon", "Imomali Rahmon", "President Rahmon", doc="d1", mentions=4))
    add_actor(G, person("rahmon", "Rahmon", doc="d2", mentions=2))
    add_actor(G, Actor("dockers", "Dockers", "Group", documents={"d2"}, mentions=1))
    add_relation(G, Relation("rahmon", "criticizes", "dockers", ev("d2", 3, 40)))
    add_relation(G, Relation("dockers", "opposes", "rahmon", ev("d2", 41, 80)))
    consolidate(G)
    assert sorted(G.nodes) == ["dockers", "imomali-rahmon"]
    d = G.nodes["imomali-rahmon"]
    assert d["label"] == "Imomali Rahmon"
    assert d["aliases"] == ("President Rahmon", "Rahmon")
    assert d["documents"] == ("d1", "d2")
    assert d["mentions"] == 6
    assert sorted(G.edges(keys=True)) == [("dockers", "imomali-rahmon", "opposes"), ("imomali-rahmon", "dockers", "criticizes")]


def test_graph_consolidate_surname_is_case_insensitive():
    G = new_graph()
    add_actor(G, person("imomali-rahmon", "Imomali Rahmon"))
    add_actor(G, person("rahmon", "RAHMON", doc="d2"))
    consolidate(G)
    assert list(G.nodes) == ["imomali-rahmon"]


def test_graph_consolidate_shared_surname_is_not_merged():
    G = new_graph()
    add_actor(G, person("moazzam-begg", "Moazzam Begg"))
    add_actor(G, person("azmat-begg", "Azmat Begg"))
    add_actor(G, person("begg", "Begg", doc="d2"))
    consolidate(G)
    assert sorted(G.nodes) == ["azmat-begg", "begg", "moazzam-begg"]
    assert G.nodes["begg"]["aliases"] == ()
    assert G.nodes["moazzam-begg"]["aliases"] == ()


def test_graph_consolidate_surname_needs_a_person():
    G = new_graph()
    add_actor(G, Actor("port-rahmon", "Port Rahmon", "Location", mentions=1))
    add_actor(G, person("rahmon", "Rahmon"))
    add_actor(G, Actor("velmar", "Velmar", "Organization", mentions=1))
    add_actor(G, person("odo-velmar", "Odo Velmar"))
    consolidate(G)
    assert sorted(G.nodes) == ["odo-velmar", "port-rahmon", "rahmon", "velmar"]


def test_graph_consolidate_repoints_attribution_and_event_place():
    G = new_graph()
    add_actor(G, person("imomali-rahmon", "Imomali Rahmon", mentions=3))
    add_actor(G, person("rahmon", "Rahmon", doc="d2"))
    add_actor(G, Actor("kyiv", "Kyiv", "Location", set(), {"d1"}, 3, geonames_id=703448))
    add_actor(G, Actor("kiev", "Kiev", "Location", set(), {"d2"}, 1, geonames_id=703448))
    add_actor(G, Actor("dockers", "Dockers", "Group", documents={"d2"}, mentions=1))
    add_actor(G, Actor("harbour-authority", "Harbour Authority", "Organization", documents={"d2"}, mentions=1))
    add_relation(G, Relation("dockers", "accuses", "harbour-authority", ev("d2", 0, 50, attributed_to="rahmon", event_place="kiev")))
    consolidate(G)
    (e,) = G.edges["dockers", "harbour-authority", "accuses"]["evidence"]
    assert e.attributed_to == "imomali-rahmon"
    assert e.event_place == "kyiv"


# --- prune / filter_confidence ----------------------------------------------------------------


def test_graph_prune_drops_only_isolated_collectives():
    G = new_graph()
    add_actor(G, Actor("officials", "officials", "Group", collective=True))
    add_actor(G, Actor("rebels", "rebels", "Group", collective=True))
    add_actor(G, Actor("government", "Government", "Organization", collective=True))
    add_actor(G, person("odo-venkarr", "Odo Venkarr"))
    add_actor(G, Actor("velmar", "Velmar", "Location"))
    add_relation(G, Relation("rebels", "attacks", "odo-venkarr", ev()))
    prune(G)
    assert sorted(G.nodes) == ["odo-venkarr", "rebels", "velmar"]


def test_graph_prune_keeps_collective_that_is_only_an_object():
    G = new_graph()
    add_actor(G, Actor("rebels", "rebels", "Group", collective=True))
    add_actor(G, person("odo-venkarr", "Odo Venkarr"))
    add_relation(G, Relation("odo-venkarr", "criticizes", "rebels", ev()))
    prune(G)
    assert sorted(G.nodes) == ["odo-venkarr", "rebels"]


@pytest.fixture
def scored():
    G = new_graph()
    for key in ("a", "b", "c"):
        add_actor(G, person(key, key.upper() + " Person"))
    add_relation(G, Relation("a", "accuses", "b", ev(start=0, confidence=0.3)))
    add_relation(G, Relation("a", "accuses", "b", ev(start=20, confidence=0.7)))
    add_relation(G, Relation("b", "supports", "c", ev(start=40, confidence=0.5)))
    add_relation(G, Relation("c", "attacks", "a", ev(start=60, confidence=0.49)))
    return G


def test_graph_filter_confidence_keeps_evidence_at_or_above(scored):
    filter_confidence(scored, 0.5)
    assert sorted(scored.edges(keys=True)) == [("a", "b", "accuses"), ("b", "c", "supports")]
    assert [e.confidence for e in scored.edges["a", "b", "accuses"]["evidence"]] == [0.7]
    assert sorted(scored.nodes) == ["a", "b", "c"]  # nodes are not dropped here


@pytest.mark.parametrize("minimum", [0.0, -1.0])
def test_graph_filter_confidence_zero_keeps_everything(scored, minimum):
    filter_confidence(scored, minimum)
    assert scored.number_of_edges() == 3
    assert len(scored.edges["a", "b", "accuses"]["evidence"]) == 2


def test_graph_filter_confidence_one_drops_everything_below(scored):
    filter_confidence(scored, 1.0)
    assert scored.number_of_edges() == 0
