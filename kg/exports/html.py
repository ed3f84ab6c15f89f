"""A self-contained interactive HTML page of the graph (vis-network, in-line).

The node and edge lists are built here and the page comes from our template
``templates/graph.html``: pyvis's own template loads Bootstrap from a CDN even in
its ``in_line`` mode, and its ``add_node`` drops a node's colour when the node has
a group. vis-network itself is read from the copy that ships inside the pyvis
package and written into the page: the file makes no network request.

Every text reaches the page either through ``html.escape`` (Jinja autoescaping)
or as JSON with ``<``, ``>`` and ``&`` escaped, and tooltips are plain text
(vis-network 9 sets string titles with ``innerText``; the page's own panels use
``textContent``), so no article text can inject markup or script.

The output depends on the graph only: the same graph gives a byte-identical page.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from importlib import resources
from pathlib import Path

import networkx as nx

__all__ = ["NODE_STYLE", "EDGE_COLORS", "LABEL_EDGE_LIMIT", "html_page"]

#: Colour and vis-network shape per node class (the legend draws the same shapes).
NODE_STYLE = {
    "Person": {"color": "#d62728", "shape": "dot"},
    "Organization": {"color": "#1f77b4", "shape": "square"},
    "Group": {"color": "#ff7f0e", "shape": "triangle"},
    "Location": {"color": "#2ca02c", "shape": "diamond"},
}
#: Colour per relation, all dark enough to read on white: hostile in reds and
#: purples, cooperative in greens, roles in blues, places in grey (drawn dashed).
EDGE_COLORS = {
    "accuses": "#d81b60",
    "criticizes": "#8e24aa",
    "opposes": "#5e35b1",
    "threatens": "#ef6c00",
    "attacks": "#e53935",
    "kills": "#7f0000",
    "detains": "#795548",
    "alliedWith": "#2e7d32",
    "supports": "#7cb342",
    "memberOf": "#1565c0",
    "leads": "#00838f",
    "partOf": "#5c6bc0",
    "locatedIn": "#8a8a8a",
}
#: Edge labels are drawn by default only up to this many edges (a checkbox turns them on).
LABEL_EDGE_LIMIT = 300
#: Above this many nodes or edges the page switches to the faster layout settings.
_BIG_NODES, _BIG_EDGES = 150, 300
_MAX_EVIDENCE = 3
_MAX_ALIASES = 30


def _json(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _vis_asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2" / name).read_text("utf-8")


def _shade(color: str, factor: float) -> str:
    """``color`` darkened (factor < 1) or lightened towards white (factor > 1)."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    if factor <= 1:
        rgb = [round(c * factor) for c in rgb]
    else:
        rgb = [round(c + (255 - c) * (factor - 1)) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in rgb)


def _node_color(color: str) -> dict:
    light = _shade(color, 1.35)
    return {
        "background": color,
        "border": _shade(color, 0.7),
        "highlight": {"background": light, "border": "#000000"},
        "hover": {"background": light, "border": _shade(color, 0.7)},
    }


def _node_title(d: dict) -> str:
    lines = [f"{d['label']} ({d['type']})"]
    aliases = list(d["aliases"])
    if aliases:
        more = f" (+{len(aliases) - _MAX_ALIASES} more)" if len(aliases) > _MAX_ALIASES else ""
        lines.append("also: " + "; ".join(aliases[:_MAX_ALIASES]) + more)
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


def _nodes(G: nx.MultiDiGraph) -> list[dict]:
    out = []
    for key in sorted(G.nodes):
        d = G.nodes[key]
        style = NODE_STYLE[d["type"]]
        out.append(
            {
                "id": key,
                "label": d["label"],
                "names": [d["label"], *d["aliases"]],
                "title": _node_title(d),
                "group": d["type"],
                "shape": style["shape"],
                "color": _node_color(style["color"]),
                "size": round(10 + 6 * math.sqrt(G.degree(key)), 2),
            }
        )
    return out


def _edges(G: nx.MultiDiGraph, *, labels: bool) -> list[dict]:
    # Edges between the same two nodes (either direction) are drawn as arcs, alternately
    # on either side and further out, so parallel relations and their labels do not lie
    # on top of each other. Sides are counted for the pair's sorted direction: an edge
    # running the other way flips clockwise and counter-clockwise.
    pairs: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, p in sorted(G.edges(keys=True)):
        pairs[(min(u, v), max(u, v))].append((u, v, p))
    bend: dict[tuple[str, str, str], dict] = {}
    for group in pairs.values():
        if len(group) > 1:
            for i, (u, v, p) in enumerate(group):
                clockwise = (i % 2 == 0) == (u < v)
                roundness = round(0.35 + 0.25 * (i // 2), 2)
                bend[(u, v, p)] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW", "roundness": roundness}
    out = []
    for u, v, p in sorted(G.edges(keys=True)):
        evidence = G.edges[u, v, p]["evidence"]
        color = EDGE_COLORS[p]
        edge = {
            "id": f"{u}|{p}|{v}",
            "from": u,
            "to": v,
            "predicate": p,
            "title": _edge_title(G, u, v, p, evidence),
            "color": {"color": color, "highlight": color, "hover": color, "inherit": False},
            "width": round(1.5 + math.log2(len(evidence)), 2),
            "arrows": "to, from" if p == "alliedWith" else "to",
            "dashes": p == "locatedIn",
        }
        if labels:
            edge["label"] = p
        if (u, v, p) in bend:
            edge["smooth"] = bend[(u, v, p)]
        out.append(edge)
    return out


def _options(n_nodes: int, n_edges: int) -> dict:
    big = n_nodes > _BIG_NODES or n_edges > _BIG_EDGES
    if big:
        # Barnes-Hut with a coarse approximation (theta 0.9: the force computation is
        # what costs), a bounded number of iterations, straight edges, and the physics
        # switched off by the page once they are done: thousands of nodes stay usable.
        physics = {
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -6000,
                "centralGravity": 0.3,
                "springLength": 120,
                "springConstant": 0.04,
                "damping": 0.3,
                "avoidOverlap": 0,
                "theta": 0.9,
            },
            "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 25, "fit": True},
            "adaptiveTimestep": True,
        }
    else:
        physics = {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -200,
                "centralGravity": 0.01,
                "springLength": 120,
                "springConstant": 0.1,
                "avoidOverlap": 0.8,
            },
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25, "fit": True},
        }
    return {
        "physics": physics,
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": False,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "multiselect": True,
        },
        "edges": {
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.5},
            "arrows": {"to": {"scaleFactor": 0.6}, "from": {"scaleFactor": 0.6}},
            "selectionWidth": 1.5,
            "hoverWidth": 0.5,
            "font": {
                "size": 12,
                "align": "horizontal",
                "color": "#333333",
                "background": "rgba(255,255,255,0.85)",
                "strokeWidth": 0,
                "face": "system-ui, sans-serif",
            },
        },
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {"size": 16, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff", "face": "system-ui, sans-serif"},
        },
        "groups": {t: {"shape": s["shape"], "color": _node_color(s["color"])} for t, s in NODE_STYLE.items()},
    }


def html_page(G: nx.MultiDiGraph, *, title: str = "actorkg graph") -> str:
    """The page as a string: nodes coloured and shaped by class, sized by degree, edges coloured by relation."""
    from jinja2 import Environment, select_autoescape

    n_nodes, n_edges = G.number_of_nodes(), G.number_of_edges()
    labels = n_edges <= LABEL_EDGE_LIMIT
    nodes, edges = _nodes(G), _edges(G, labels=labels)
    node_counts = {t: 0 for t in NODE_STYLE}
    for n in nodes:
        node_counts[n["group"]] += 1
    edge_counts = {p: 0 for p in EDGE_COLORS}
    for e in edges:
        edge_counts[e["predicate"]] += 1
    env = Environment(autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(resources.files("kg").joinpath("exports/templates/graph.html").read_text("utf-8"))
    return template.render(
        title=title,
        vis_js=_vis_asset("vis-network.min.js"),
        vis_css=_vis_asset("vis-network.css"),
        nodes_json=_json(nodes),
        edges_json=_json(edges),
        options_json=_json(_options(n_nodes, n_edges)),
        node_styles=[(t, s["color"], _shade(s["color"], 0.7), s["shape"], node_counts[t]) for t, s in NODE_STYLE.items()],
        relations=[(p, c, edge_counts[p]) for p, c in EDGE_COLORS.items() if edge_counts[p]],
        counts={"nodes": n_nodes, "edges": n_edges},
        show_labels=labels,
        label_limit=LABEL_EDGE_LIMIT,
    )
