"""kg.analytics on hand-built graphs, with exact expected values."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analytics import HOSTILE, accusations, communities, key_actors, stance
from kg.model import Evidence


def _ev(sentence: str, document: str = "a.txt", start: int = 0, rule: str = "test.rule", confidence: float = 0.8) -> Evidence:
    return Evidence(document, sentence, start, start + len(sentence), confidence, rule)


def _graph(nodes, edges) -> nx.MultiDiGraph:
    """``nodes``: (id, type) or (id, type, label); ``edges``: (u, predicate, v) or (u, predicate, v, evidence tuple)."""
    G = nx.MultiDiGraph()
    for node in nodes:
        key, kind = node[0], node[1]
        G.add_node(key, label=node[2] if len(node) > 2 else key.upper(), type=kind)
    for edge in edges:
        u, p, v = edge[:3]
        evidence = edge[3] if len(edge) > 3 else (_ev(f"{u} {p} {v}."),)
        G.add_edge(u, v, key=p, evidence=evidence)
    return G


# --------------------------------------------------------------------------- key_actors


def test_analytics_key_actors_star():
    G = _graph(
        [("hub", "Person"), ("a", "Person"), ("b", "Organization"), ("c", "Group")],
        [("hub", "accuses", "a"), ("b", "supports", "hub"), ("hub", "memberOf", "c")],
    )
    rows = key_actors(G)
    assert [r["id"] for r in rows] == ["hub", "a", "b", "c"]
    assert rows[0] == {"id": "hub", "label": "HUB", "type": "Person", "degree": 3, "degree_centrality": 1.0, "betweenness": 1.0}
    for row in rows[1:]:
        assert row["degree"] == 1
        assert row["degree_centrality"] == pytest.approx(1 / 3)
        assert row["betweenness"] == 0.0


def test_analytics_key_actors_path_values():
    G = _graph(
        [("a", "Person"), ("b", "Person"), ("c", "Person"), ("d", "Person")],
        [("a", "accuses", "b"), ("b", "attacks", "c"), ("c", "supports", "d")],
    )
    got = {r["id"]: (r["degree"], r["degree_centrality"], r["betweenness"]) for r in key_actors(G)}
    assert got == {
        "a": (1, pytest.approx(1 / 3), 0.0),
        "b": (2, pytest.approx(2 / 3), pytest.approx(2 / 3)),
        "c": (2, pytest.approx(2 / 3), pytest.approx(2 / 3)),
        "d": (1, pytest.approx(1 / 3), 0.0),
    }
    assert [r["id"] for r in key_actors(G)] == ["b", "c", "a", "d"]  # ties by label


def test_analytics_key_actors_counts_each_neighbour_once():
    G = _graph(
        [("a", "Person"), ("b", "Person")],
        [("a", "accuses", "b"), ("a", "criticizes", "b"), ("b", "attacks", "a"), ("a", "supports", "a")],
    )
    assert [(r["id"], r["degree"]) for r in key_actors(G)] == [("a", 1), ("b", 1)]


def test_analytics_key_actors_leaves_places_out_by_default():
    G = _graph(
        [("a", "Person"), ("b", "Organization"), ("town", "Location")],
        [("a", "locatedIn", "town"), ("b", "locatedIn", "town")],
    )
    assert [(r["id"], r["degree"], r["betweenness"]) for r in key_actors(G)] == [("a", 0, 0.0), ("b", 0, 0.0)]
    with_places = key_actors(G, types=None)
    assert [(r["id"], r["degree"], r["betweenness"]) for r in with_places] == [("town", 2, 1.0), ("a", 1, 0.0), ("b", 1, 0.0)]
    assert [r["id"] for r in key_actors(G, types=["Location"])] == ["town"]


@pytest.mark.parametrize(("k", "expected"), [(0, []), (-3, []), (1, ["hub"]), (2, ["hub", "a"]), (None, ["hub", "a", "b"]), (10, ["hub", "a", "b"])])
def test_analytics_key_actors_k(k, expected):
    G = _graph([("hub", "Person"), ("a", "Person"), ("b", "Person")], [("hub", "accuses", "a"), ("hub", "accuses", "b")])
    assert [r["id"] for r in key_actors(G, k)] == expected


@pytest.mark.parametrize("n", [0, 1, 2])
def test_analytics_key_actors_tiny_graphs(n):
    G = _graph([(f"n{i}", "Person") for i in range(n)], [("n0", "accuses", "n1")] if n == 2 else [])
    rows = key_actors(G)
    assert len(rows) == n
    if n == 2:
        assert [(r["degree_centrality"], r["betweenness"]) for r in rows] == [(1.0, 0.0), (1.0, 0.0)]
    if n == 1:
        assert rows[0]["degree_centrality"] == 0.0


# --------------------------------------------------------------------------- accusations


def test_analytics_accusations_rows_and_order():
    e1 = _ev("Officials accuse Ayombekov.", "b.txt", 10)
    e2 = _ev("Officials accuse Ayombekov.", "b.txt", 10, rule="other.rule")  # same sentence, second rule
    e3 = _ev("The government blamed him.", "a.txt", 0)
    G = _graph(
        [("gov", "Organization", "Government"), ("ayo", "Person", "Ayombekov"), ("gro", "Person", "Grozin"), ("rah", "Person", "Rahmon")],
        [
            ("gro", "criticizes", "rah"),
            ("gov", "accuses", "ayo", (e3, e1, e2)),
            ("gov", "attacks", "ayo"),
            ("rah", "supports", "gov"),
        ],
    )
    rows = accusations(G)
    assert [(r["subject"], r["predicate"], r["object"], r["count"]) for r in rows] == [
        ("gov", "accuses", "ayo", 3),
        ("gro", "criticizes", "rah", 1),
    ]
    assert rows[0]["subject_label"] == "Government" and rows[0]["object_label"] == "Ayombekov"
    assert rows[0]["evidence"] == ["The government blamed him.", "Officials accuse Ayombekov."]
    assert rows[0]["documents"] == ["a.txt", "b.txt"]
    assert rows[1]["evidence"] == ["gro criticizes rah."]


def test_analytics_accusations_ties_by_label_and_other_predicates():
    G = _graph(
        [("z", "Person", "Zed"), ("a", "Person", "Abe"), ("m", "Person", "Mo")],
        [("z", "accuses", "m"), ("a", "accuses", "m"), ("a", "attacks", "z"), ("a", "kills", "m")],
    )
    assert [(r["subject_label"], r["object_label"]) for r in accusations(G)] == [("Abe", "Mo"), ("Zed", "Mo")]
    hostile = accusations(G, predicates=HOSTILE)
    assert [(r["subject"], r["predicate"], r["object"]) for r in hostile] == [
        ("a", "accuses", "m"),
        ("a", "kills", "m"),
        ("a", "attacks", "z"),
        ("z", "accuses", "m"),
    ]
    assert accusations(G, predicates=["opposes"]) == []


def test_analytics_accusations_empty():
    assert accusations(nx.MultiDiGraph()) == []


# --------------------------------------------------------------------------- stance


def test_analytics_stance_both_directions():
    G = _graph(
        [("ayo", "Person", "Ayombekov"), ("gov", "Organization", "Government"), ("reb", "Group", "rebels"),
         ("res", "Group", "residents"), ("afg", "Location", "Afghanistan"), ("kho", "Location", "Khorog")],
        [
            ("gov", "accuses", "ayo", (_ev("s1"), _ev("s2", start=5))),
            ("ayo", "attacks", "gov"),
            ("reb", "alliedWith", "ayo"),
            ("ayo", "alliedWith", "reb"),  # both directions stored: one mutual row
            ("ayo", "alliedWith", "afg"),
            ("res", "supports", "ayo"),
            ("ayo", "supports", "res"),
            ("ayo", "locatedIn", "kho"),  # not a stance
            ("ayo", "memberOf", "reb"),  # not a stance
            ("ayo", "criticizes", "ayo"),  # self-loop: ignored
        ],
    )
    rows = stance(G, "ayo")
    assert [(r["stance"], r["direction"], r["predicate"], r["other"], r["count"]) for r in rows] == [
        ("friendly", "in", "supports", "res", 1),
        ("friendly", "mutual", "alliedWith", "afg", 1),
        ("friendly", "mutual", "alliedWith", "reb", 2),
        ("friendly", "out", "supports", "res", 1),
        ("hostile", "in", "accuses", "gov", 2),
        ("hostile", "out", "attacks", "gov", 1),
    ]
    assert rows[4]["evidence"] == ["s1", "s2"]
    assert rows[4]["other_label"] == "Government" and rows[4]["other_type"] == "Organization"
    assert rows[2]["evidence"] == ["ayo alliedWith reb.", "reb alliedWith ayo."]  # out-edges first, then in-edges


def test_analytics_stance_hostile_predicates_in_order():
    G = _graph([("x", "Person")] + [(f"o{i}", "Person") for i in range(len(HOSTILE))], [])
    for i, p in enumerate(reversed(HOSTILE)):
        G.add_edge("x", f"o{i}", key=p, evidence=(_ev(p),))
    assert [r["predicate"] for r in stance(G, "x")] == list(HOSTILE)


def test_analytics_stance_no_relations_and_unknown_actor():
    G = _graph([("x", "Person"), ("t", "Location")], [("x", "locatedIn", "t")])
    assert stance(G, "x") == []
    with pytest.raises(nx.NodeNotFound):
        stance(G, "nobody")


# --------------------------------------------------------------------------- communities


def _two_triangles() -> nx.MultiDiGraph:
    return _graph(
        [(k, "Person") for k in "abcxyz"] + [("lone", "Location", "Lone")],
        [("a", "supports", "b"), ("b", "supports", "c"), ("c", "alliedWith", "a"),
         ("x", "attacks", "y"), ("y", "kills", "z"), ("z", "accuses", "x"), ("c", "opposes", "x")],
    )


@pytest.mark.parametrize("method", ["greedy", "louvain"])
def test_analytics_communities_two_triangles(method):
    assert communities(_two_triangles(), method=method) == [["A", "B", "C"], ["X", "Y", "Z"], ["Lone"]]


def test_analytics_communities_deterministic_and_filtered():
    G = _two_triangles()
    assert communities(G, method="louvain", seed=3) == communities(G, method="louvain", seed=3)
    assert communities(G, types=["Location"]) == [["Lone"]]
    assert communities(G, types=["Person"]) == [["A", "B", "C"], ["X", "Y", "Z"]]


def test_analytics_communities_order_by_size_then_labels():
    G = _graph([("p", "Person", "Pat"), ("q", "Person", "Quin"), ("m", "Person", "Max"), ("b", "Person", "Bo")], [("p", "accuses", "q")])
    assert communities(G) == [["Pat", "Quin"], ["Bo"], ["Max"]]


def test_analytics_communities_edge_cases():
    assert communities(nx.MultiDiGraph()) == []
    with pytest.raises(ValueError, match="greedy"):
        communities(_two_triangles(), method="spectral")
