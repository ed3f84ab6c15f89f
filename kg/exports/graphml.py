"""GraphML for Gephi and yEd: attributes flattened to strings and numbers."""

from __future__ import annotations

import io

import networkx as nx

__all__ = ["to_graphml_graph", "graphml"]


def to_graphml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with GraphML-friendly attributes, nodes and edges in sorted order."""
    H = nx.MultiDiGraph()
    for key in sorted(G.nodes):
        d = G.nodes[key]
        attrs = {
            "label": d["label"],
            "type": d["type"],
            "aliases": " | ".join(d["aliases"]),
            "mentions": int(d["mentions"]),
            "documents": " | ".join(d["documents"]),
            "degree": int(G.degree(key)),
        }
        for name in ("geonames_id", "country_code", "nationality"):
            if d.get(name) is not None:
                attrs[name] = str(d[name])
        for name in ("lat", "long"):
            if d.get(name) is not None:
                attrs[name] = float(d[name])
        H.add_node(key, **attrs)
    for u, v, p in sorted(G.edges(keys=True)):
        evidence = G.edges[u, v, p]["evidence"]
        best = max(evidence, key=lambda e: (e.confidence, -e.char_start))
        H.add_edge(
            u,
            v,
            key=p,
            predicate=p,
            label=p,
            weight=len(evidence),
            confidence=float(best.confidence),
            modality=best.modality,
            rules=" | ".join(sorted({e.rule for e in evidence})),
            documents=" | ".join(sorted({e.document for e in evidence})),
            evidence=best.sentence,
        )
    return H


def graphml(G: nx.MultiDiGraph) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(to_graphml_graph(G), buffer, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buffer.getvalue().decode("utf-8")
