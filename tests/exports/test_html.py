"""Tests for kg/exports/html.py: a self-contained page, hostile text escaped, data matching the graph."""

from __future__ import annotations

import json
import re

import pytest
from helpers import HOSTILE_KEY, HOSTILE_LABEL, HOSTILE_SENTENCE, SMALL_EDGES, SMALL_NODES, small_graph

from kg.exports.html import EDGE_COLORS, NODE_STYLE, html_page
from kg.graph import new_graph
from kg.vocab import RELATIONS


@pytest.fixture(scope="module")
def G():
    return small_graph()


@pytest.fixture(scope="module")
def page(G) -> str:
    return html_page(G, title="Harbour <b>strike</b> & \"talks\"")


def _datasets(page: str) -> list:
    """The JSON arrays passed to ``new vis.DataSet(...)`` in the page, in order."""
    decoder = json.JSONDecoder()
    found = []
    for match in re.finditer(r"new vis\.DataSet\(", page):
        value, _ = decoder.raw_decode(page, match.end())
        found.append(value)
    return found


@pytest.fixture(scope="module")
def data(page):
    nodes, edges = _datasets(page)
    return nodes, edges


# --- self-contained ---------------------------------------------------------------------


_REMOTE = [
    re.compile(r"<script[^>]*\bsrc\s*=", re.IGNORECASE),
    re.compile(r"<link\b[^>]*href\s*=\s*[\"']?\s*(https?:)?//", re.IGNORECASE),
    re.compile(r"\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", re.IGNORECASE),
    re.compile(r"@import", re.IGNORECASE),
    # a CDN URL, with or without a scheme (the base64 images of vis-network may spell "cdn")
    re.compile(r"https?://[^\s\"'<>()]*cdn", re.IGNORECASE),
    re.compile(r"//[a-z0-9-]*cdn[a-z0-9.-]*\.[a-z]{2,}", re.IGNORECASE),
]


def _remote(page: str) -> list[str]:
    return [m.group(0) for pattern in _REMOTE for m in pattern.finditer(page)]


@pytest.mark.parametrize(
    "bad",
    [
        '<script src="vis.js"></script>',
        '<link rel="stylesheet" href="https://example.org/a.css">',
        "<link href=//fonts.example.org/a.css rel=stylesheet>",
        "<style>@import url(a.css);</style>",
        "fetch('https://cdn.jsdelivr.net/npm/vis')",
        "load('//cdnjs.cloudflare.com/x.js')",
    ],
)
def test_html_remote_check_can_fail(bad):
    assert _remote(bad)


def test_html_no_remote_scripts_or_styles(page):
    assert page.startswith("<!DOCTYPE html>")
    assert _remote(page) == []


def test_html_vis_network_is_inline(page):
    assert "vis.Network" in page
    assert len(page) > 100_000  # the library itself is in the page


def test_html_content_security_policy_forbids_network(page):
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert match
    assert "default-src 'none'" in match.group(1)


# --- escaping ------------------------------------------------------------------------------


def test_html_hostile_label_never_raw(page):
    assert "<script>alert(1)" not in page
    assert "alert(1)</script>" not in page
    assert "<b>bold</b>" not in page
    # the hostile names reach the page only inside escaped JSON
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page


def test_html_title_is_escaped(page):
    assert "<b>strike</b>" not in page
    assert "<title>Harbour &lt;b&gt;strike&lt;/b&gt; &amp; &#34;talks&#34;</title>" in page or (
        "<title>Harbour &lt;b&gt;strike&lt;/b&gt; &amp; &quot;talks&quot;</title>" in page
    )


def test_html_hostile_text_decodes_back_from_json(data):
    nodes, edges = data
    node = next(n for n in nodes if n["id"] == HOSTILE_KEY)
    assert node["label"] == HOSTILE_LABEL
    assert HOSTILE_LABEL in node["title"]
    edge = next(e for e in edges if e["from"] == HOSTILE_KEY)
    assert HOSTILE_SENTENCE in edge["title"]


def test_html_line_separators_are_escaped():
    from kg.exports.html import _json

    assert "\u2028" not in _json(["a\u2028b\u2029c"])
    assert json.loads(_json(["a\u2028b</script>"])) == ["a\u2028b</script>"]


# --- data -----------------------------------------------------------------------------------


def test_html_counts_match_graph(G, page, data):
    nodes, edges = data
    assert len(nodes) == G.number_of_nodes() == SMALL_NODES
    assert len(edges) == G.number_of_edges() == SMALL_EDGES
    assert f'<span id="node-count">{SMALL_NODES}</span>' in page
    assert f'<span id="edge-count">{SMALL_EDGES}</span>' in page


def test_html_nodes_match_graph(G, data):
    nodes, _ = data
    assert [n["id"] for n in nodes] == sorted(G.nodes)
    for n in nodes:
        assert n["label"] == G.nodes[n["id"]]["label"]
        assert n["group"] == G.nodes[n["id"]]["type"]
        assert n["shape"] == NODE_STYLE[n["group"]]["shape"]


def test_html_edges_match_graph(G, data):
    _, edges = data
    assert sorted((e["from"], e["to"], e["predicate"]) for e in edges) == sorted(G.edges(keys=True))
    assert len({e["id"] for e in edges}) == len(edges)
    for e in edges:
        assert e["predicate"] in RELATIONS
        assert EDGE_COLORS[e["predicate"]] in json.dumps(e["color"])
    allied = next(e for e in edges if e["predicate"] == "alliedWith")
    assert "from" in allied["arrows"] and "to" in allied["arrows"]


def test_html_edge_tooltip_holds_evidence(data):
    _, edges = data
    accuses = next(e for e in edges if e["predicate"] == "accuses")
    assert "Tessaly Brandt accused the Harbour Authority" in accuses["title"]
    assert "Brandt said the Harbour Authority had hidden the reports." in accuses["title"]


def test_html_page_is_deterministic(G, page):
    assert html_page(small_graph(), title="Harbour <b>strike</b> & \"talks\"") == page


def test_html_empty_graph_page():
    page = html_page(new_graph())
    nodes, edges = _datasets(page)
    assert nodes == [] and edges == []
    assert '<span id="node-count">0</span>' in page
