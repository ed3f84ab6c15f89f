"""The HTML export in a real browser: headless Chromium with every network request blocked.

One browser for the module, a fresh context per page. Each page is opened through
``open_page``, which routes every request that is not the page's own file (or a
``data:``/``about:`` URL) to ``abort`` and records it, and records console errors,
page errors and dialogs, so any test can assert that nothing of the kind happened.
"""

from __future__ import annotations

import importlib.util
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.exports.html import _MAX_ALIASES, _MAX_EVIDENCE, LABEL_EDGE_LIMIT, html_page
from kg.graph import add_actor, add_relation, new_graph
from kg.model import ENTITY_TYPES, Actor, Evidence, Relation
from kg.vocab import RELATIONS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SETTLE_MS = 30_000
VIEWPORT = {"width": 1400, "height": 900}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="the playwright package is not installed"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
]


# --- the browser ---------------------------------------------------------------------------


@dataclass
class Loaded:
    """An opened page and everything it did that a self-contained page must not do."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)  # attempted, other than the file itself
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert self.requests == [], "network requests attempted"
        assert self.console_errors == [], "console errors"
        assert self.page_errors == [], "page errors"
        assert self.dialogs == [], "dialogs opened"


def _allowed(url: str, own: str) -> bool:
    return url == own or url.startswith(("data:", "about:"))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """``open_page(path)``: the page loaded offline and laid out (``#network[data-settled=true]``)."""
    contexts = []

    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    def _open(path: Path, *, settle_ms: int = SETTLE_MS) -> Loaded:
        context = browser.new_context(viewport=VIEWPORT, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        url = path.resolve().as_uri()
        loaded = Loaded(page, url)

        def route(r):
            if _allowed(r.request.url, url):
                r.continue_()
            else:
                loaded.requests.append(r.request.url)
                r.abort()

        def on_request(request):
            if not _allowed(request.url, url) and request.url not in loaded.requests:
                loaded.requests.append(request.url)

        context.route("**/*", route)
        page.on("request", on_request)
        page.on("websocket", lambda ws: loaded.requests.append(ws.url))
        page.on("console", lambda m: loaded.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: loaded.page_errors.append(str(e)))

        def on_dialog(dialog):
            loaded.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(url)
        try:
            page.wait_for_selector("#network[data-settled=true]", state="attached", timeout=settle_ms)
        except PlaywrightTimeout:
            pytest.fail(
                f"{path.name} did not settle within {settle_ms / 1000:.0f} s; page errors {loaded.page_errors}, "
                f"console errors {loaded.console_errors}, dialogs {loaded.dialogs}, requests {loaded.requests}"
            )
        return loaded

    yield _open
    for context in contexts:
        context.close()


def _dom_point(loaded: Loaded, node_id: str) -> tuple[float, float]:
    """Viewport coordinates of a node's centre."""
    return tuple(
        loaded.js(
            """id => {
                const net = actorkg.network, p = net.canvasToDOM(net.getPositions([id])[id]);
                const box = document.getElementById("network").getBoundingClientRect();
                return [box.left + p.x, box.top + p.y];
            }""",
            node_id,
        )
    )


# --- the sample build ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_html(sample_graph, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "graph.html"
    path.write_text(html_page(sample_graph), encoding="utf-8")
    return path


@pytest.fixture
def sample(sample_html, open_page) -> Loaded:
    return open_page(sample_html)


def _edge_id(u: str, v: str, p: str) -> str:
    return f"{u}|{p}|{v}"


@pytest.mark.model
def test_sample_renders_offline(sample_graph, sample):
    G = sample_graph
    assert sample.js("document.querySelectorAll('#network canvas').length") == 1
    width, height = sample.js("(() => { const c = document.querySelector('#network canvas'); return [c.width, c.height]; })()")
    assert width > 500 and height > 500
    assert sample.js("actorkg.nodes.length") == G.number_of_nodes()
    assert sample.js("actorkg.edges.length") == G.number_of_edges()
    assert sorted(sample.js("actorkg.nodes.getIds()")) == sorted(G.nodes)
    assert sorted(sample.js("actorkg.edges.getIds()")) == sorted(_edge_id(u, v, p) for u, v, p in G.edges(keys=True))
    assert sample.page.text_content("#node-count") == str(G.number_of_nodes())
    assert sample.page.text_content("#edge-count") == str(G.number_of_edges())
    assert sample.page.text_content("#status") == ""
    sample.assert_clean()


@pytest.mark.model
def test_physics_stop_after_settling(sample):
    assert sample.js("actorkg.network.physics.physicsEnabled") is False
    before = sample.js("actorkg.network.getPositions()")
    sample.page.wait_for_timeout(600)
    assert sample.js("actorkg.network.getPositions()") == before
    sample.assert_clean()


@pytest.mark.model
def test_search_selects_by_alias(sample_graph, sample):
    expected = sorted(
        k for k, d in sample_graph.nodes(data=True) if any("ayombekov" in name.lower() for name in (d["label"], *d["aliases"]))
    )
    assert expected, "the sample should have an actor called Ayombekov"
    sample.page.locator("#search").press_sequentially("Ayombekov")
    assert sorted(sample.js("actorkg.network.getSelectedNodes()")) == expected
    assert sample.page.text_content("#search-result") == ("1 match" if len(expected) == 1 else f"{len(expected)} matches")
    assert "Ayombekov" in sample.page.text_content("#details")

    sample.page.fill("#search", "zzzz")
    assert sample.page.text_content("#search-result") == "no match"
    assert sample.js("actorkg.network.getSelectedNodes()") == []
    sample.page.fill("#search", "")
    assert sample.page.text_content("#search-result") == ""
    sample.assert_clean()


@pytest.mark.model
def test_relation_filter_hides_and_restores(sample_graph, sample):
    located = sum(1 for _, _, p in sample_graph.edges(keys=True) if p == "locatedIn")
    assert located > 0, "the sample should have locatedIn edges"
    visible = "actorkg.edges.get({filter: e => !e.hidden}).length"
    total = sample_graph.number_of_edges()
    assert sample.js(visible) == total

    sample.page.uncheck(".relation-filter[value=locatedIn]")
    assert sample.js(visible) == total - located
    assert sample.js("actorkg.edges.get({filter: e => e.predicate === 'locatedIn' && !e.hidden}).length") == 0
    assert sample.page.text_content("#edge-count") == str(total - located)

    sample.page.check(".relation-filter[value=locatedIn]")
    assert sample.js(visible) == total
    assert sample.page.text_content("#edge-count") == str(total)
    sample.assert_clean()


@pytest.mark.model
def test_legend_lists_classes_and_relations(sample_graph, sample):
    rows = sample.page.locator("#legend .legend-row").all_inner_texts()
    assert [r.split()[0] for r in rows] == list(ENTITY_TYPES)
    assert sample.page.locator("#legend svg").count() == len(ENTITY_TYPES)
    present = {p for _, _, p in sample_graph.edges(keys=True)}
    boxes = sample.js("[...document.querySelectorAll('.relation-filter')].map(b => b.value)")
    assert set(boxes) == present
    assert all(p in RELATIONS for p in boxes)


@pytest.mark.model
def test_tooltips_hold_evidence_and_aliases(sample_graph, sample):
    """Hovering is flaky in headless Chromium; the tooltip text is the item's ``title``."""
    G = sample_graph
    edges = {e["id"]: e for e in sample.js("actorkg.edges.get()")}
    for u, v, p, data in G.edges(keys=True, data=True):
        title = edges[_edge_id(u, v, p)]["title"]
        assert isinstance(title, str)
        for evidence in data["evidence"][:_MAX_EVIDENCE]:
            assert evidence.sentence in title
    nodes = {n["id"]: n for n in sample.js("actorkg.nodes.get()")}
    for key, data in G.nodes(data=True):
        title = nodes[key]["title"]
        assert isinstance(title, str)
        assert data["label"] in title
        for alias in data["aliases"][:_MAX_ALIASES]:
            assert alias in title


@pytest.mark.model
def test_click_highlights_neighbourhood(sample_graph, sample):
    G = sample_graph
    hub = max(sorted(G.nodes), key=G.degree)
    near = {hub} | set(G.predecessors(hub)) | set(G.successors(hub))
    dimmed = "actorkg.nodes.get().filter(n => n.color.background === '#e4e4e4').map(n => n.id)"
    assert sample.js(dimmed) == []

    sample.page.mouse.click(*_dom_point(sample, hub))
    assert sample.js("actorkg.network.getSelectedNodes()") == [hub]
    assert set(sample.js(dimmed)) == set(G.nodes) - near
    assert G.nodes[hub]["label"] in sample.page.text_content("#details")

    sample.page.mouse.click(VIEWPORT["width"] - 20, VIEWPORT["height"] - 40)  # the background, far from the graph
    assert sample.js("actorkg.network.getSelectedNodes()") == []
    assert sample.js(dimmed) == []
    assert sample.page.is_hidden("#details")
    sample.assert_clean()


@pytest.mark.model
def test_fit_button_and_edge_labels(sample_graph, sample):
    inside = """() => {
        const net = actorkg.network, box = document.getElementById("network").getBoundingClientRect();
        return Object.values(net.getPositions()).every(p => {
            const d = net.canvasToDOM(p);
            return d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height;
        });
    }"""
    assert sample.js(inside)
    sample.js("actorkg.network.moveTo({scale: 4, position: {x: 3000, y: 3000}})")
    assert not sample.js(inside)
    sample.page.click("#fit")
    sample.page.wait_for_function(inside, timeout=5000)

    labels = "actorkg.edges.get().map(e => e.label || '')"
    assert sample.page.is_checked("#edge-labels")
    assert sorted(sample.js(labels)) == sorted(p for _, _, p in sample_graph.edges(keys=True))
    sample.page.uncheck("#edge-labels")
    assert set(sample.js(labels)) == {""}
    sample.page.check("#edge-labels")
    assert sorted(sample.js(labels)) == sorted(p for _, _, p in sample_graph.edges(keys=True))
    sample.assert_clean()


# --- hostile text --------------------------------------------------------------------------

HOSTILE_LABEL = "<img src=x onerror=alert(1)>"
HOSTILE_ALIAS = '"><svg onload=alert(3)>'
HOSTILE_SENTENCE = "</script><script>alert(2)</script>"
HOSTILE_DOC = "<iframe src=javascript:alert(4)>.txt"
HOSTILE_TITLE = "</title><script>alert(5)</script>"


def _tiny_graph(label: str, alias: str, sentence: str, doc: str):
    G = new_graph()
    a = add_actor(G, Actor("hostile", label, "Person", {alias}, {doc}, 1))
    b = add_actor(G, Actor("harbour-authority", "Harbour Authority", "Organization", set(), {doc}, 1))
    c = add_actor(G, Actor("port-velmar", "Port Velmar", "Location", set(), {doc}, 1))
    add_relation(G, Relation(a, "accuses", b, Evidence(doc, sentence, 0, len(sentence), 0.8, "accuse.verb")))
    add_relation(G, Relation(b, "locatedIn", c, Evidence(doc, "The Harbour Authority in Port Velmar.", 40, 78, 0.75, "place.in")))
    return G


_TAGS = "[...document.querySelectorAll('*')].map(e => e.tagName.toLowerCase())"


def test_hostile_text_is_inert(open_page, tmp_path):
    hostile = tmp_path / "hostile.html"
    hostile.write_text(html_page(_tiny_graph(HOSTILE_LABEL, HOSTILE_ALIAS, HOSTILE_SENTENCE, HOSTILE_DOC), title=HOSTILE_TITLE), "utf-8")
    benign = tmp_path / "benign.html"
    benign.write_text(html_page(_tiny_graph("Tessaly Brandt", "Brandt", "Brandt accused the Harbour Authority.", "a.txt")), "utf-8")

    page = open_page(hostile)
    twin = open_page(benign)
    # Same elements as the page with harmless text: nothing injected.
    assert page.js(_TAGS) == twin.js(_TAGS)
    assert page.js("document.querySelectorAll('img, iframe, svg[onload], [onerror], [onload]').length") == 0
    assert page.js("document.scripts.length") == 2
    # The text arrives as text.
    assert page.page.title() == HOSTILE_TITLE
    assert page.js("actorkg.nodes.get('hostile').label") == HOSTILE_LABEL
    assert HOSTILE_ALIAS in page.js("actorkg.nodes.get('hostile').title")
    assert HOSTILE_SENTENCE in page.js("actorkg.edges.get('hostile|accuses|harbour-authority').title")

    # Put the text on screen in every way the page can: search, click (side panel), hover (tooltip).
    page.page.locator("#search").press_sequentially("<img")
    assert page.page.text_content("#search-result") == "1 match"
    assert HOSTILE_LABEL in page.page.text_content("#details")
    page.page.fill("#search", "")
    page.page.mouse.click(*_dom_point(page, "hostile"))
    assert HOSTILE_LABEL in page.page.text_content("#details")
    page.page.mouse.move(*_dom_point(page, "harbour-authority"))
    page.page.mouse.move(*_dom_point(page, "hostile"))
    page.page.wait_for_timeout(500)
    assert page.js("document.querySelectorAll('img, iframe, svg[onload], [onerror], [onload]').length") == 0
    assert page.js("document.querySelectorAll('#details *, div.vis-tooltip *:not(br)').length") == 0
    assert page.js("document.scripts.length") == 2
    page.page.wait_for_timeout(300)
    assert page.dialogs == []
    page.assert_clean()
    twin.assert_clean()


def test_page_is_byte_identical_for_the_same_graph():
    one = _tiny_graph(HOSTILE_LABEL, HOSTILE_ALIAS, HOSTILE_SENTENCE, HOSTILE_DOC)
    two = _tiny_graph(HOSTILE_LABEL, HOSTILE_ALIAS, HOSTILE_SENTENCE, HOSTILE_DOC)
    assert html_page(one) == html_page(two)


def test_empty_graph_settles(open_page, tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(html_page(new_graph()), "utf-8")
    page = open_page(path)
    assert page.js("actorkg.nodes.length") == 0
    page.assert_clean()


# --- a large graph -------------------------------------------------------------------------


def synthetic_graph(n_nodes: int = 2000, n_edges: int = 4000, seed: int = 20240611):
    """Random actors of the four classes and random relations between them, reproducibly."""
    rng = random.Random(seed)
    G = new_graph()
    keys = [
        add_actor(G, Actor(f"actor-{i:04d}", f"Actor {i}", rng.choice(ENTITY_TYPES), {f"A{i}"}, {"synthetic.txt"}, 1))
        for i in range(n_nodes)
    ]
    predicates = sorted(RELATIONS)
    edges: set[tuple[str, str, str]] = set()
    while len(edges) < n_edges:  # (G.number_of_edges() walks the whole graph: too slow here)
        u, v = rng.sample(keys, 2)
        edges.add((u, rng.choice(predicates), v))
    for u, p, v in sorted(edges):
        sentence = f"Actor {u} and actor {v}."
        add_relation(G, Relation(u, p, v, Evidence("synthetic.txt", sentence, 0, len(sentence), 0.8, "synthetic")))
    return G


def test_large_graph_settles_and_stays_usable(open_page, tmp_path, record_property):
    """2,000 nodes and 4,000 edges lay out within 60 s; the time is reported, not asserted."""
    G = synthetic_graph()
    assert (G.number_of_nodes(), G.number_of_edges()) == (2000, 4000)
    path = tmp_path / "large.html"
    path.write_text(html_page(G), "utf-8")
    start = time.monotonic()
    page = open_page(path, settle_ms=60_000)
    settle = time.monotonic() - start
    record_property("settle_seconds", round(settle, 1))
    print(f"\n2,000 nodes / 4,000 edges settled in {settle:.1f} s")

    assert page.js("actorkg.nodes.length") == 2000
    assert page.js("actorkg.edges.length") == 4000
    assert page.js("actorkg.network.physics.physicsEnabled") is False
    # Above the limit edge labels start off.
    assert G.number_of_edges() > LABEL_EDGE_LIMIT
    assert not page.page.is_checked("#edge-labels")
    assert page.js("actorkg.edges.get().filter(e => e.label).length") == 0
    # Interaction after settling: search and a neighbourhood highlight.
    page.page.fill("#search", "Actor 1234")
    assert page.js("actorkg.network.getSelectedNodes()") == ["actor-1234"]
    page.page.fill("#search", "")
    page.assert_clean()
