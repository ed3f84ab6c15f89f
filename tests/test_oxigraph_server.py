"""``kg push`` into a real Oxigraph server, then the example queries over HTTP.

A module fixture starts ``oxigraph serve`` (the binary of the ``oxigraph`` dev extra,
next to the Python interpreter) on a free port of 127.0.0.1 with a store in a temporary
folder, and stops it after the last test. Rows read back over the SPARQL protocol must
equal what :func:`kg.sparql.query_file` finds locally in the same build.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import ProxyHandler, Request, build_opener

import pyoxigraph as ox
import pytest

from kg import sparql
from kg.cli import main
from kg.errors import InputError

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
MINI = ROOT / "tests" / "data" / "mini_graph.ttl"
MINI_INVALID = ROOT / "tests" / "data" / "mini_graph_invalid.ttl"
STARTUP_SECONDS = 20.0


def _binary() -> Path | None:
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return beside
    found = shutil.which("oxigraph")
    return Path(found) if found else None


OXIGRAPH = _binary()
if OXIGRAPH is None:
    pytest.skip(
        f"no oxigraph binary next to {sys.executable} or on PATH (pip install 'oxigraph==0.5.13', the dev extra)",
        allow_module_level=True,
    )

_OPENER = build_opener(ProxyHandler({}))  # never send 127.0.0.1 traffic to a proxy


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, timeout: float = 10.0, **headers) -> bytes:
    with _OPENER.open(Request(url, headers=headers), timeout=timeout) as response:
        return response.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The base URL of a fresh Oxigraph server, e.g. ``http://127.0.0.1:41234``."""
    folder = tmp_path_factory.mktemp("oxigraph")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(folder / "server.log", "wb")
    process = subprocess.Popen(
        [str(OXIGRAPH), "serve", "--location", str(folder / "store"), "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {process.returncode}: {(folder / 'server.log').read_text()[-500:]}")
            try:
                _get(f"{base}/query?" + urlencode({"query": "ASK {}"}), timeout=1.0)
                break
            except (URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not answer on {base} within {STARTUP_SECONDS:g} s")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def remote_query(server: str, query: str, graph: str | None = None) -> dict:
    """Run a query over the SPARQL protocol (POST, form-encoded) and return the JSON results."""
    params = {"query": query}
    if graph is not None:
        params["default-graph-uri"] = graph
    request = Request(
        f"{server}/query",
        data=urlencode(params).encode("utf-8"),
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    with _OPENER.open(request, timeout=30) as response:
        return json.loads(response.read())


def remote_rows(server: str, query: str, graph: str | None = None) -> list[tuple[str, ...]]:
    data = remote_query(server, query, graph)
    columns = data["head"]["vars"]
    return sorted(tuple(b.get(c, {}).get("value", "") for c in columns) for b in data["results"]["bindings"])


def local_rows(source, query) -> list[tuple[str, ...]]:
    _, rows = sparql.query_file(source, query)
    return sorted(tuple(sparql.term_text(t) for t in row) for row in rows)


def count(server: str, graph: str | None = None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    data = remote_query(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(data["results"]["bindings"][0]["n"]["value"])


def triples(path: Path) -> set[str]:
    store = sparql.load_graph(path)
    return {str(ox.Triple(q.subject, q.predicate, q.object)) for q in store}


@pytest.fixture(scope="module")
def sample_build(sample_graph, tmp_path_factory) -> Path:
    from kg.exports import export

    out = tmp_path_factory.mktemp("sample_build")
    export(sample_graph, out)
    return out


# --- the bundled sample, pushed and queried over HTTP ------------------------------------


@pytest.mark.model
def test_server_named_graph_answers_like_local_queries(server, sample_build):
    graph = "https://example.org/actorkg/sample"
    pushed = sparql.push(sample_build, f"{server}/store", graph=graph)
    assert pushed.status in (201, 204) and pushed.triples == len(sparql.load_graph(sample_build))
    assert count(server, graph) == pushed.triples
    for path in QUERIES:
        query = path.read_text()
        local = local_rows(sample_build, path)
        assert local, f"{path.name}: no rows locally"
        assert remote_rows(server, query, graph=graph) == local, path.name
        # the same with FROM in the query text instead of the default-graph-uri parameter
        with_from = query.replace("WHERE", f"FROM <{graph}>\nWHERE", 1)
        assert remote_rows(server, with_from) == local, path.name


@pytest.mark.model
def test_server_default_graph_answers_like_local_queries(server, sample_build):
    pushed = sparql.push(sample_build / "graph.ttl", f"{server}/store")
    assert pushed.url == f"{server}/store?default"
    assert count(server) == pushed.triples
    for path in QUERIES:
        assert remote_rows(server, path.read_text()) == local_rows(sample_build, path), path.name


@pytest.mark.model
def test_server_json_equals_kg_query_json(server, sample_build, capsys):
    """``kg query --format json`` writes the bindings the server sends for the same query."""
    sparql.push(sample_build, f"{server}/store")
    for path in QUERIES:
        assert main(["query", str(sample_build), str(path), "--format", "json"]) == 0
        ours = json.loads(capsys.readouterr().out)
        theirs = remote_query(server, path.read_text())
        assert ours["head"] == theirs["head"]
        key = lambda b: json.dumps(b, sort_keys=True)  # noqa: E731
        assert sorted(ours["results"]["bindings"], key=key) == sorted(theirs["results"]["bindings"], key=key)


# --- replace and add ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    """Two different small graphs without blank nodes (like real builds), sharing some triples.

    The mini graphs write their assertions as ``[]``; each upload of a blank node is a new
    node, so they are skolemized here into IRIs first.
    """
    from rdflib import Graph

    folder = tmp_path_factory.mktemp("two_builds")
    paths = []
    for name, source in (("a.ttl", MINI), ("b.ttl", MINI_INVALID)):
        path = folder / name
        Graph().parse(source).skolemize(authority="https://example.org", basepath=f"/.well-known/genid/{name}/").serialize(path, format="turtle")
        paths.append(path)
    return paths[0], paths[1]


def test_server_replace_and_add(server, two_builds):
    graph = "urn:actorkg:test:replace"
    endpoint = f"{server}/store"
    a, b = two_builds
    in_a, in_b = triples(a), triples(b)
    assert in_a != in_b and in_a & in_b

    sparql.push(a, endpoint, graph=graph)
    assert count(server, graph) == len(in_a)
    sparql.push(a, endpoint, graph=graph)  # replace with the same: unchanged
    assert count(server, graph) == len(in_a)
    sparql.push(a, endpoint, graph=graph, replace=False)  # add identical triples: a set, unchanged
    assert count(server, graph) == len(in_a)

    sparql.push(b, endpoint, graph=graph)  # replace with another build: only that one is left
    left = remote_rows(server, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert len(left) == count(server, graph) == len(in_b)
    expected = sorted(
        tuple(sparql.term_text(t) for t in (q.subject, q.predicate, q.object)) for q in sparql.load_graph(b)
    )
    assert left == expected

    sparql.push(a, endpoint, graph=graph, replace=False)  # add another build: the union
    assert count(server, graph) == len(in_a | in_b)


def test_server_add_repeats_blank_nodes(server):
    """What the skolemizing above avoids: POSTing blank nodes twice stores them twice."""
    graph = "urn:actorkg:test:blank"
    sparql.push(MINI, f"{server}/store", graph=graph)
    sparql.push(MINI, f"{server}/store", graph=graph, replace=False)
    assert count(server, graph) > len(sparql.load_graph(MINI))


@pytest.mark.model
def test_server_add_same_build_changes_nothing(server, sample_build):
    graph = "urn:actorkg:test:sample-twice"
    pushed = sparql.push(sample_build, f"{server}/store", graph=graph)
    sparql.push(sample_build, f"{server}/store", graph=graph, replace=False)
    assert count(server, graph) == pushed.triples


def test_server_named_graphs_are_separate(server, two_builds):
    first, second = "urn:actorkg:test:first", "urn:actorkg:test:second"
    a, b = two_builds
    sparql.push(a, f"{server}/store", graph=first)
    sparql.push(b, f"{server}/store", graph=second)
    sparql.push(a, f"{server}/store", graph=first)  # replacing one graph leaves the other alone
    assert count(server, first) == len(triples(a))
    assert count(server, second) == len(triples(b))


def test_server_cli_push(server, capsys, two_builds):
    graph, (a, _) = "urn:actorkg:test:cli", two_builds
    assert main(["push", str(a), "--endpoint", f"{server}/store", "--graph", graph]) == 0
    err = capsys.readouterr().err
    assert f"kg: sent {len(triples(a))} triples to graph <{graph}>" in err and "(HTTP 201)" in err
    assert main(["push", str(a), "--endpoint", f"{server}/store", "--graph", graph, "--add"]) == 0
    assert "adding to it (HTTP 204)" in capsys.readouterr().err
    assert count(server, graph) == len(triples(a))


# --- failures ----------------------------------------------------------------------------


def test_server_closed_port_is_input_error():
    port = _free_port()  # bound, then released: nothing listens there
    with pytest.raises(InputError, match="connection refused") as caught:
        sparql.push(MINI, f"http://127.0.0.1:{port}/store", timeout=5)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("path", ["/nonexistent", "/query"])
def test_server_wrong_path_is_refused_in_one_line(server, capsys, path):
    with pytest.raises(InputError) as caught:
        sparql.push(MINI, f"{server}{path}", graph="urn:actorkg:test:nowhere")
    message = str(caught.value)
    assert "the store refused the upload (HTTP 404 Not Found" in message
    assert "\n" not in message
    assert main(["push", str(MINI), "--endpoint", f"{server}{path}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and err.count("\n") == 1 and "HTTP 404" in err
