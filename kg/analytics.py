"""Who matters, who accuses whom, who stands with whom: plain-data analytics over the actor graph.

Every function takes the graph first (a ``networkx.MultiDiGraph`` with the schema of
:mod:`kg.graph`: node attributes ``label`` and ``type``, edge key = predicate, edge
attribute ``evidence``) and returns plain Python data (lists of dicts, lists of lists)
that ``pandas.DataFrame`` takes as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from .model import ACTOR_TYPES

__all__ = ["HOSTILE", "FRIENDLY", "ACCUSING", "key_actors", "accusations", "stance", "communities"]

#: Predicates of hostility: disapprove, reject, threaten, coerce, assault.
HOSTILE = ("accuses", "criticizes", "opposes", "threatens", "attacks", "kills", "detains")
#: Predicates of alliance and support.
FRIENDLY = ("alliedWith", "supports")
#: Predicates of verbal disapproval, read by :func:`accusations`.
ACCUSING = ("accuses", "criticizes")

_ORDER = {p: i for i, p in enumerate(HOSTILE + FRIENDLY)}


def _label(G: nx.MultiDiGraph, node) -> str:
    return str(G.nodes[node].get("label", node))


def _projection(G: nx.MultiDiGraph, nodes: Iterable) -> nx.Graph:
    """The undirected simple graph on ``nodes``: one edge per linked pair, self-loops dropped.

    Nodes and edges are added in sorted order, so algorithms that depend on
    insertion order give the same answer on every run.
    """
    keep = set(nodes)
    P = nx.Graph()
    P.add_nodes_from(sorted(keep, key=str))
    pairs = {tuple(sorted((u, v), key=str)) for u, v in G.edges() if u != v and u in keep and v in keep}
    P.add_edges_from(sorted(pairs, key=lambda pair: (str(pair[0]), str(pair[1]))))
    return P


def _sentences(evidence) -> list[str]:
    """Evidence sentences in evidence order, each once."""
    return list(dict.fromkeys(e.sentence for e in evidence))


def key_actors(G: nx.MultiDiGraph, k: int | None = 10, *, types: Iterable[str] | None = ACTOR_TYPES) -> list[dict]:
    """The ``k`` most central actors, by degree and then betweenness centrality.

    Centrality is computed on the undirected simple projection of the subgraph
    induced by the nodes of the given ``types`` (by default persons,
    organisations and groups: places are left out, so being in the same town
    does not make two actors close).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph (:mod:`kg.graph` schema).
    k : int or None, optional (default=10)
        How many rows to return; ``None`` returns every node of the given types.
    types : iterable of str or None, optional
        Node types taken into account (default: :data:`kg.model.ACTOR_TYPES`);
        ``None`` takes every node.

    Returns
    -------
    list of dict
        One dict per node with ``id``, ``label``, ``type``, ``degree`` (number of
        distinct neighbours), ``degree_centrality`` and ``betweenness``
        (normalised, as :func:`networkx.degree_centrality` and
        :func:`networkx.betweenness_centrality` compute them), sorted by degree,
        then betweenness (both descending), then label and id.

    Examples
    --------
    A chain of three actors: the one in the middle is the key actor.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("gov", label="Government", type="Organization")
    >>> G.add_node("ayo", label="Ayombekov", type="Person")
    >>> G.add_node("reb", label="rebels", type="Group")
    >>> G.add_node("khorog", label="Khorog", type="Location")
    >>> G.add_edge("gov", "ayo", key="accuses")
    'accuses'
    >>> G.add_edge("ayo", "reb", key="alliedWith")
    'alliedWith'
    >>> G.add_edge("ayo", "khorog", key="locatedIn")
    'locatedIn'
    >>> [(r["label"], r["degree"], r["degree_centrality"], r["betweenness"]) for r in key_actors(G)]
    [('Ayombekov', 2, 1.0, 1.0), ('Government', 1, 0.5, 0.0), ('rebels', 1, 0.5, 0.0)]
    >>> [r["label"] for r in key_actors(G, k=1, types=None)]
    ['Ayombekov']

    See Also
    --------
    communities
    """
    wanted = None if types is None else set(types)
    nodes = [n for n, d in G.nodes(data=True) if wanted is None or d.get("type") in wanted]
    P = _projection(G, nodes)
    degree = nx.degree_centrality(P) if len(P) > 1 else {n: 0.0 for n in P}
    between = nx.betweenness_centrality(P) if len(P) > 2 else {n: 0.0 for n in P}
    rows = [
        {
            "id": n,
            "label": _label(G, n),
            "type": G.nodes[n].get("type"),
            "degree": P.degree(n),
            "degree_centrality": degree[n],
            "betweenness": between[n],
        }
        for n in P
    ]
    rows.sort(key=lambda r: (-r["degree"], -r["betweenness"], r["label"], str(r["id"])))
    if k is None:
        return rows
    return rows[: max(k, 0)]


def accusations(G: nx.MultiDiGraph, *, predicates: Iterable[str] = ACCUSING) -> list[dict]:
    """Who accuses or criticises whom, how often, and on what evidence.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph (:mod:`kg.graph` schema).
    predicates : iterable of str, optional
        The relations read (default: ``("accuses", "criticizes")``); pass
        :data:`HOSTILE` for every hostile relation.

    Returns
    -------
    list of dict
        One dict per edge with ``subject``, ``subject_label``, ``predicate``,
        ``object``, ``object_label``, ``count`` (the number of assertions,
        i.e. evidence items, behind the edge), ``evidence`` (the distinct
        sentences, in evidence order) and ``documents`` (sorted document ids).
        Sorted by count (descending), then subject label, object label and
        predicate.

    Examples
    --------
    >>> import networkx as nx
    >>> from kg.model import Evidence
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("gov", label="Government", type="Organization")
    >>> G.add_node("ayo", label="Ayombekov", type="Person")
    >>> e1 = Evidence("a.txt", "Officials accuse Ayombekov of murder.", 0, 37, 0.9, "accuse.verb")
    >>> e2 = Evidence("b.txt", "The government blamed Ayombekov.", 10, 42, 0.8, "accuse.verb")
    >>> G.add_edge("gov", "ayo", key="accuses", evidence=(e1, e2))
    'accuses'
    >>> G.add_edge("ayo", "gov", key="supports", evidence=(e1,))
    'supports'
    >>> rows = accusations(G)
    >>> [(r["subject_label"], r["predicate"], r["object_label"], r["count"]) for r in rows]
    [('Government', 'accuses', 'Ayombekov', 2)]
    >>> rows[0]["evidence"]
    ['Officials accuse Ayombekov of murder.', 'The government blamed Ayombekov.']
    >>> rows[0]["documents"]
    ['a.txt', 'b.txt']
    """
    wanted = set(predicates)
    rows = []
    for u, v, p, data in G.edges(keys=True, data=True):
        if p not in wanted:
            continue
        evidence = tuple(data.get("evidence", ()))
        rows.append(
            {
                "subject": u,
                "subject_label": _label(G, u),
                "predicate": p,
                "object": v,
                "object_label": _label(G, v),
                "count": len(evidence) or 1,
                "evidence": _sentences(evidence),
                "documents": sorted({e.document for e in evidence}),
            }
        )
    rows.sort(key=lambda r: (-r["count"], r["subject_label"], r["object_label"], r["predicate"], str(r["subject"]), str(r["object"])))
    return rows


def stance(G: nx.MultiDiGraph, actor) -> list[dict]:
    """Alliances and hostilities of one actor, in both directions.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph (:mod:`kg.graph` schema).
    actor : node
        The node id of the actor.

    Returns
    -------
    list of dict
        One dict per (other node, predicate, direction) with ``other``,
        ``other_label``, ``other_type``, ``stance`` (``"friendly"`` for
        :data:`FRIENDLY` predicates, ``"hostile"`` for :data:`HOSTILE` ones),
        ``predicate``, ``direction`` (``"out"``: the actor is the subject,
        ``"in"``: the actor is the object, ``"mutual"``: ``alliedWith``, which
        is symmetric), ``count`` (assertions) and ``evidence`` (distinct
        sentences). Other relations (roles, places) are left out. Sorted by
        stance, direction, predicate, then the other's label.

    Raises
    ------
    networkx.NodeNotFound
        If ``actor`` is not a node of ``G``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for key, label in [("ayo", "Ayombekov"), ("gov", "Government"), ("reb", "rebels"), ("res", "residents")]:
    ...     G.add_node(key, label=label, type="Person")
    >>> _ = G.add_edge("gov", "ayo", key="accuses")
    >>> _ = G.add_edge("ayo", "gov", key="attacks")
    >>> _ = G.add_edge("reb", "ayo", key="alliedWith")
    >>> _ = G.add_edge("res", "ayo", key="supports")
    >>> _ = G.add_edge("ayo", "res", key="memberOf")
    >>> [(r["stance"], r["direction"], r["predicate"], r["other_label"]) for r in stance(G, "ayo")]
    [('friendly', 'in', 'supports', 'residents'), ('friendly', 'mutual', 'alliedWith', 'rebels'), ('hostile', 'in', 'accuses', 'Government'), ('hostile', 'out', 'attacks', 'Government')]
    """
    if actor not in G:
        raise nx.NodeNotFound(f"actor {actor!r} is not in the graph")
    found: dict[tuple, dict] = {}
    edges = [(v, p, "out", d) for _, v, p, d in G.out_edges(actor, keys=True, data=True)]
    edges += [(u, p, "in", d) for u, _, p, d in G.in_edges(actor, keys=True, data=True)]
    for other, p, direction, data in edges:
        if other == actor or p not in _ORDER:
            continue
        if p == "alliedWith":
            direction = "mutual"
        row = found.setdefault(
            (other, p, direction),
            {
                "other": other,
                "other_label": _label(G, other),
                "other_type": G.nodes[other].get("type"),
                "stance": "friendly" if p in FRIENDLY else "hostile",
                "predicate": p,
                "direction": direction,
                "count": 0,
                "evidence": [],
            },
        )
        evidence = tuple(data.get("evidence", ()))
        row["count"] += len(evidence) or 1
        row["evidence"] = list(dict.fromkeys(row["evidence"] + _sentences(evidence)))
    rows = list(found.values())
    rows.sort(key=lambda r: (r["stance"], r["direction"], _ORDER[r["predicate"]], r["other_label"], str(r["other"])))
    return rows


def communities(G: nx.MultiDiGraph, *, method: str = "greedy", seed: int = 0, types: Iterable[str] | None = None) -> list[list[str]]:
    """Groups of nodes more linked to each other than to the rest, as sorted lists of labels.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An actor graph (:mod:`kg.graph` schema).
    method : {"greedy", "louvain"}, optional
        :func:`networkx.community.greedy_modularity_communities` (default) or
        :func:`networkx.community.louvain_communities`.
    seed : int, optional (default=0)
        Random seed of the Louvain method (the greedy method is deterministic).
    types : iterable of str or None, optional
        Node types taken into account; ``None`` (default) takes every node.

    Returns
    -------
    list of list of str
        One sorted list of labels per community, computed on the undirected
        simple projection of ``G`` (direction and predicates ignored). Larger
        communities come first; ties are ordered by their sorted labels. An
        isolated node is a community of its own.

    Examples
    --------
    Two triangles joined by one edge fall apart into two communities.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> for key in "abcxyz":
    ...     G.add_node(key, label=key.upper(), type="Person")
    >>> G.add_edges_from([("a", "b", "supports"), ("b", "c", "supports"), ("c", "a", "alliedWith")])
    ['supports', 'supports', 'alliedWith']
    >>> G.add_edges_from([("x", "y", "attacks"), ("y", "z", "kills"), ("z", "x", "accuses")])
    ['attacks', 'kills', 'accuses']
    >>> G.add_edge("c", "x", key="opposes")
    'opposes'
    >>> communities(G)
    [['A', 'B', 'C'], ['X', 'Y', 'Z']]
    >>> communities(G, method="louvain", seed=1)
    [['A', 'B', 'C'], ['X', 'Y', 'Z']]
    """
    wanted = None if types is None else set(types)
    nodes = [n for n, d in G.nodes(data=True) if wanted is None or d.get("type") in wanted]
    P = _projection(G, nodes)
    if method == "greedy":
        found = nx.community.greedy_modularity_communities(P)
    elif method == "louvain":
        found = nx.community.louvain_communities(P, seed=seed)
    else:
        raise ValueError(f"method must be 'greedy' or 'louvain', not {method!r}")
    groups = [sorted(_label(G, n) for n in group) for group in found]
    groups.sort(key=lambda group: (-len(group), group))
    return groups
