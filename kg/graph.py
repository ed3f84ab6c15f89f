"""The one graph every export reads: a ``networkx.MultiDiGraph`` of actors and places.

Schema
------
* node id: the actor key (a stable slug of the canonical name);
* node attributes: ``label`` (str), ``type`` (Person | Organization | Group |
  Location), ``aliases`` (sorted tuple of other names), ``documents`` (sorted
  tuple of document ids), ``mentions`` (int), and when known ``geonames_id``,
  ``lat``, ``long``, ``country_code``, ``nationality``, ``collective`` (bool);
* edge ``u -> v`` with key = the akg predicate local name (``"accuses"``);
  attribute ``evidence``: a tuple of :class:`~kg.model.Evidence`, sorted;
* ``G.graph["documents"]``: document id -> :class:`~kg.model.Document` (without text).

>>> from kg.model import Actor
>>> G = new_graph()
>>> add_actor(G, Actor("tolib-ayombekov", "Tolib Ayombekov", "Person", {"Ayombekov"}))
'tolib-ayombekov'
>>> G.nodes["tolib-ayombekov"]["aliases"]
('Ayombekov',)
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import networkx as nx

from .model import Actor, Document, Relation

__all__ = ["new_graph", "add_document", "add_actor", "add_relation", "consolidate", "merge_nodes", "rekey_node", "prune", "filter_confidence"]

_OPTIONAL = ("geonames_id", "lat", "long", "country_code", "nationality")


def new_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph["documents"] = {}
    return G


def add_document(G: nx.MultiDiGraph, document: Document) -> None:
    G.graph["documents"][document.id] = dataclasses.replace(document, text="")


def add_actor(G: nx.MultiDiGraph, actor: Actor) -> str:
    """Add an actor, or merge it into the node of the same key and type; returns the node id.

    A key already taken by an actor of another type gets the type as a suffix
    ("jordan" the place, "jordan-person" the person).
    """
    key = actor.key
    if key in G and G.nodes[key]["type"] != actor.type:
        key = f"{actor.key}-{actor.type.lower()}"
    names = set(actor.aliases) | {actor.label}
    if key not in G:
        G.add_node(key, label=actor.label, type=actor.type, aliases=(), documents=(), mentions=0, collective=actor.collective)
    data = G.nodes[key]
    data["aliases"] = tuple(sorted((set(data["aliases"]) | names) - {data["label"]}))
    data["documents"] = tuple(sorted(set(data["documents"]) | actor.documents))
    data["mentions"] += actor.mentions
    data["collective"] = data.get("collective", False) and actor.collective
    for name in _OPTIONAL:
        value = getattr(actor, name)
        if value is not None and data.get(name) is None:
            data[name] = value
    return key


def add_relation(G: nx.MultiDiGraph, relation: Relation) -> None:
    """Add an edge, or add the evidence to the edge with the same ends and predicate."""
    u, p, v = relation.subject, relation.predicate, relation.object
    if G.has_edge(u, v, key=p):
        evidence = set(G.edges[u, v, p]["evidence"]) | {relation.evidence}
    else:
        evidence = {relation.evidence}
    G.add_edge(u, v, key=p, evidence=tuple(sorted(evidence, key=_evidence_order)))


def _evidence_order(e) -> tuple:
    return (e.document, e.char_start, e.rule, -e.confidence, e.char_end)


def merge_nodes(G: nx.MultiDiGraph, keep: str, drop: str) -> None:
    """Fold node ``drop`` into ``keep``: names, documents, counts and every edge."""
    _merge_nodes(G, keep, drop)


def rekey_node(G: nx.MultiDiGraph, old: str, new: str) -> str:
    """Give a node a new id (after a rename); merges into an existing node of that id."""
    if old == new or old not in G:
        return old
    if new in G:
        _merge_nodes(G, new, old)
        return new
    G.add_node(new, **G.nodes[old])
    for u, v, p, data in list(G.in_edges(old, keys=True, data=True)) + list(G.out_edges(old, keys=True, data=True)):
        u2, v2 = (new if u == old else u), (new if v == old else v)
        for evidence in data["evidence"]:
            add_relation(G, Relation(u2, p, v2, _retarget(evidence, old, new)))
    G.remove_node(old)
    return new


def _retarget(evidence, old: str, new: str):
    changes = {}
    if evidence.attributed_to == old:
        changes["attributed_to"] = new
    if evidence.event_place == old:
        changes["event_place"] = new
    return dataclasses.replace(evidence, **changes) if changes else evidence


def _merge_nodes(G: nx.MultiDiGraph, keep: str, drop: str) -> None:
    a, b = G.nodes[keep], G.nodes[drop]
    a["aliases"] = tuple(sorted((set(a["aliases"]) | set(b["aliases"]) | {b["label"]}) - {a["label"]}))
    a["documents"] = tuple(sorted(set(a["documents"]) | set(b["documents"])))
    a["mentions"] += b["mentions"]
    for name in _OPTIONAL:
        if a.get(name) is None and b.get(name) is not None:
            a[name] = b[name]
    for u, v, p, data in list(G.in_edges(drop, keys=True, data=True)) + list(G.out_edges(drop, keys=True, data=True)):
        u2, v2 = (keep if u == drop else u), (keep if v == drop else v)
        if u2 == v2:
            continue
        for evidence in data["evidence"]:
            add_relation(G, Relation(u2, p, v2, _retarget(evidence, drop, keep)))
    for u, v, p, data in list(G.edges(keys=True, data=True)):
        if any(e.attributed_to == drop or e.event_place == drop for e in data["evidence"]):
            data["evidence"] = tuple(sorted({_retarget(e, drop, keep) for e in data["evidence"]}, key=_evidence_order))
    G.remove_node(drop)


def consolidate(G: nx.MultiDiGraph, forbid=None) -> None:
    """Merge nodes that are the same actor across documents.

    * places linked to the same GeoNames id are one place;
    * a person known only by a surname in some article ("Rahmon") joins the one
      person of the corpus whose full name ends with it ("Imomali Rahmon"); when two
      people share the surname, nothing is merged.

    ``forbid(names_a, names_b)``, when given, vetoes a merge (``--aliases`` ``separate``).
    """

    def allowed(a: str, b: str) -> bool:
        if forbid is None:
            return True
        names = lambda k: {G.nodes[k]["label"], *G.nodes[k]["aliases"]}  # noqa: E731
        return not forbid(names(a), names(b))

    by_geonames: dict[int, list[str]] = {}
    for key, data in G.nodes(data=True):
        if data["type"] == "Location" and data.get("geonames_id"):
            by_geonames.setdefault(data["geonames_id"], []).append(key)
    for keys in by_geonames.values():
        if len(keys) > 1:
            keys.sort(key=lambda k: (-G.nodes[k]["mentions"], k))
            for other in keys[1:]:
                if allowed(keys[0], other):
                    _merge_nodes(G, keys[0], other)
    surnames: dict[str, list[str]] = {}
    for key, data in G.nodes(data=True):
        words = data["label"].split()
        if data["type"] == "Person" and len(words) > 1:
            surnames.setdefault(words[-1].lower(), []).append(key)
    for key, data in list(G.nodes(data=True)):
        words = data["label"].split()
        if data["type"] == "Person" and len(words) == 1:
            candidates = surnames.get(words[0].lower(), [])
            if len(candidates) == 1 and allowed(candidates[0], key):
                _merge_nodes(G, candidates[0], key)


def prune(G: nx.MultiDiGraph) -> None:
    """Drop unnamed collective actors that take part in no relation: they carry no information."""
    for key in [k for k, d in G.nodes(data=True) if d.get("collective") and G.degree(k) == 0]:
        G.remove_node(key)


def filter_confidence(G: nx.MultiDiGraph, minimum: float) -> None:
    """Keep only evidence with confidence >= ``minimum``; edges left without evidence go."""
    if minimum <= 0:
        return
    for u, v, p, data in list(G.edges(keys=True, data=True)):
        kept = tuple(e for e in data["evidence"] if e.confidence >= minimum)
        if kept:
            data["evidence"] = kept
        else:
            G.remove_edge(u, v, key=p)


def type_counts(G: nx.MultiDiGraph) -> Counter:
    return Counter(d["type"] for _, d in G.nodes(data=True))
