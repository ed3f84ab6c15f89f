"""A self-contained interactive HTML page of the graph (pyvis + vis-network, in-line).

pyvis builds the node and edge lists; the page itself comes from our template
``templates/graph.html``, because pyvis's own template loads Bootstrap from a CDN
even in its ``in_line`` mode. vis-network is read from the copy that ships inside
the pyvis package and written into the page: the file makes no network request.

Every text reaches the page either through ``html.escape`` or as JSON with
``<``, ``>`` and ``&`` escaped, and tooltips are plain text (vis-network renders
string titles as text), so no article text can inject markup or script.
"""

from __future__ import annotations

import html
import json
import math
from importlib import resources
from pathlib import Path

import networkx as nx

__all__ = ["NODE_STYLE", "EDGE_COLORS", "html_page"]

#: Colour and shape per node class.
NODE_STYLE = {
    "Person": {"color": "#d62728", "shape": "dot"},
    "Organization": {"color": "#1f77b4", "shape": "square"},
    "Group": {"color": "#ff7f0e", "shape": "triangle"},
    "Location": {"color": "#2ca02c", "shape": "diamond"},
}
#: Colour per relation: hostile in reds, cooperative in greens, roles in blues, places in grey.
EDGE_COLORS = {
    "accuses": "#e377c2",
    "criticizes": "#c5b0d5",
    "opposes": "#9467bd",
    "threatens": "#ff9896",
    "attacks": "#d62728",
    "kills": "#8c0000",
    "detains": "#8c564b",
    "alliedWith": "#2ca02c",
    "supports": "#98df8a",
    "memberOf": "#1f77b4",
    "leads": "#17becf",
    "partOf": "#aec7e8",
    "locatedIn": "#7f7f7f",
}
_MAX_EVIDENCE = 3


def _json(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _vis_asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text("utf-8")


def _node_title(key: str, d: dict) -> str:
    lines = [f"{d['label']} ({d['type']})"]
    if d["aliases"]:
        lines.append("also: " + ", ".join(d["aliases"][:8]))
    if d.get("geonames_id"):
        lines.append(f"GeoNames {d['geonames_id']}")
    lines.append(f"{d['mentions']} mention(s) in {len(d['documents'])} document(s)")
    return "\n".join(lines)


def _edge_title(G: nx.MultiDiGraph, u: str, v: str, p: str, evidence) -> str:
    lines = [f"{G.nodes[u]['label']} —{p}→ {G.nodes[v]['label']}"]
    for e in evidence[:_MAX_EVIDENCE]:
        lines.append("")
        lines.append(f"“{e.sentence}”")
        lines.append(f"— {e.document}, chars {e.char_start}-{e.char_end}; {e.modality}, confidence {e.confidence}, rule {e.rule}")
    if len(evidence) > _MAX_EVIDENCE:
        lines.append(f"(+{len(evidence) - _MAX_EVIDENCE} more)")
    return "\n".join(lines)


def html_page(G: nx.MultiDiGraph, *, title: str = "actorkg graph") -> str:
    """The page as a string: nodes coloured and shaped by class, sized by degree."""
    from jinja2 import Environment, select_autoescape
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for key in sorted(G.nodes):
        d = G.nodes[key]
        style = NODE_STYLE[d["type"]]
        net.add_node(
            key,
            label=d["label"],
            title=_node_title(key, d),
            color=style["color"],
            shape=style["shape"],
            size=round(10 + 6 * math.sqrt(G.degree(key)), 2),
            group=d["type"],
        )
    for u, v, p in sorted(G.edges(keys=True)):
        evidence = G.edges[u, v, p]["evidence"]
        net.add_edge(
            u,
            v,
            id=f"{u}|{p}|{v}",
            label=p,
            title=_edge_title(G, u, v, p, evidence),
            color=EDGE_COLORS[p],
            width=round(1 + math.log2(len(evidence)), 2),
            predicate=p,
            arrows="to" if p != "alliedWith" else "to, from",
            dashes=p == "locatedIn",
        )
    nodes, edges = net.get_nodes(), net.edges
    nodes_data = [net.get_node(n) for n in nodes]
    big = len(nodes_data) > 150
    options = {
        "physics": {
            "solver": "barnesHut" if big else "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": 400 if big else 250, "updateInterval": 50, "fit": True},
            "barnesHut": {"gravitationalConstant": -8000, "springLength": 150, "avoidOverlap": 0.2},
            "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140, "avoidOverlap": 0.4},
        },
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "hideEdgesOnDrag": big},
        "edges": {"smooth": {"type": "continuous"}, "font": {"size": 10, "align": "middle"}},
        "nodes": {"font": {"size": 14}},
    }
    present = sorted({e["predicate"] for e in edges}, key=list(EDGE_COLORS).index)
    env = Environment(autoescape=select_autoescape(default=True))
    template = env.from_string(resources.files("kg").joinpath("exports/templates/graph.html").read_text("utf-8"))
    return template.render(
        title=title,
        vis_js=_vis_asset("vis-network.min.js"),
        vis_css=_vis_asset("vis-network.css"),
        nodes_json=_json(nodes_data),
        edges_json=_json(edges),
        options_json=_json(options),
        node_styles=[(t, s["color"], s["shape"]) for t, s in NODE_STYLE.items()],
        relations=[(p, EDGE_COLORS[p]) for p in present],
        counts={"nodes": len(nodes_data), "edges": len(edges)},
        escape=html.escape,
    )
