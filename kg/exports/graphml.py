"""GraphML for Gephi and yEd: attributes flattened to strings and numbers."""

from __future__ import annotations

import io
import re

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
            key=f"{u}|{p}|{v}",  # GraphML edge ids must be unique in the file
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


_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _sanitised(H: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """XML 1.0 cannot carry most control characters: replace them with spaces."""
    for _, data in H.nodes(data=True):
        for k, v in data.items():
            if isinstance(v, str):
                data[k] = _XML_FORBIDDEN.sub(" ", v)
    for _, _, data in H.edges(data=True):
        for k, v in data.items():
            if isinstance(v, str):
                data[k] = _XML_FORBIDDEN.sub(" ", v)
    return H


def graphml(G: nx.MultiDiGraph) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(_sanitised(to_graphml_graph(G)), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")
