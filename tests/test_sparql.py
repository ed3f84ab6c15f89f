"""Tests for kg/sparql.py and the ``kg query`` / ``kg push`` commands.

Pushes here go to a stdlib HTTP server on 127.0.0.1 that records each request; the
round trip through a real Oxigraph server is in tests/test_oxigraph_server.py.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg import sparql
from kg.cli import main
from kg.errors import InputError
from kg.exports.rdf import DEFAULT_BASE

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini_graph.ttl"
QUERIES = ROOT / "ontology" / "queries"
QUERY_FILES = sorted(QUERIES.glob("*.rq"))
ID = "https://w3id.org/actorkg/id/"
AKG = "https://w3id.org/actorkg/ontology#"

LABELS = "SELECT ?entity ?label WHERE { ?entity rdfs:label ?label } ORDER BY ?label"

#: Terms of every kind, for the formatters.
EXTRA_TTL = f"""
@prefix akg: <{AKG}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{ID}dushanbe> a akg:Location ; rdfs:label "Душанбе"@tg , "Dushanbe" ; akg:mentionCount 2 .
<{ID}x> rdfs:label "two\\nlines" ; akg:note [ rdfs:label "anonymous" ] .
"""
EVERY_KIND = """
SELECT ?s ?label ?count WHERE {
  ?s rdfs:label ?label .
  OPTIONAL { ?s akg:mentionCount ?count }
} ORDER BY ?label
"""


def strings(rows) -> Counter:
    """Rows as a multiset of tuples of plain strings."""
    return Counter(tuple(sparql.term_text(term) for term in row) for row in rows)


def one_line(message: str) -> bool:
    return "\n" not in message and "\r" not in message and 0 < len(message) < 300


# --- a recording HTTP server on 127.0.0.1 ---------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body})
        status, headers, text = self.server.reply
        data = text.encode("utf-8")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PUT = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recorder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []
    server.reply = (204, {}, "")
    server.endpoint = f"http://127.0.0.1:{server.server_port}/store"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def build_dir(tmp_path) -> Path:
    """A build folder holding the mini graph as its graph.ttl."""
    shutil.copy(MINI, tmp_path / "graph.ttl")
    return tmp_path


# --- loading the graph and the query --------------------------------------------------


def test_sparql_select_gives_columns_and_terms():
    columns, rows = sparql.query_file(MINI, LABELS)
    assert columns == ["entity", "label"]
    expected = Graph().parse(MINI).query(LABELS)
    assert len(rows) == len(expected) > 3
    assert all(isinstance(e, ox.NamedNode) and isinstance(label, ox.Literal) for e, label in rows)
    assert [label.value for _, label in rows] == [str(r.label) for r in expected]


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_sparql_query_file_and_string_agree(path):
    by_path = sparql.query_file(MINI, path)
    assert sparql.query_file(str(MINI), str(path)) == by_path
    assert sparql.query_file(MINI, path.read_text()) == by_path
    assert by_path[1], "every example query has rows on the mini graph"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_sparql_example_queries_agree_with_rdflib(path):
    """The same rows from pyoxigraph and from rdflib's engine."""
    columns, rows = sparql.query_file(MINI, path)
    result = Graph().parse(MINI).query(path.read_text())
    assert [str(v) for v in result.vars] == columns
    theirs = Counter(tuple("" if row[c] is None else str(row[c]) for c in columns) for row in result)
    assert strings(rows) == theirs


def test_sparql_build_folder_store_and_rdflib_graph_are_sources(build_dir):
    expected = sparql.query_file(MINI, LABELS)
    assert sparql.query_file(build_dir, LABELS) == expected
    assert sparql.query_file(sparql.load_graph(MINI), LABELS) == expected
    assert sparql.query_file(Graph().parse(MINI), LABELS) == expected
    assert sparql.query_file(MINI.read_text(), LABELS) == expected  # Turtle text


def test_sparql_read_query_tells_files_from_text(tmp_path):
    path = tmp_path / "q.sparql"
    path.write_text("\ufeffASK {}\n", encoding="utf-8")  # a BOM is dropped
    assert sparql.read_query(str(path)) == ("ASK {}\n", str(path))
    assert sparql.read_query(path) == ("ASK {}\n", str(path))
    assert sparql.read_query("ASK { ?s ?p ?o }") == ("ASK { ?s ?p ?o }", "query")
    assert sparql.read_query("DESCRIBE <urn:x>") == ("DESCRIBE <urn:x>", "query")


@pytest.mark.parametrize(
    "query, message",
    [
        ("SELEC ?x WHERE {}", "query: not valid SPARQL (error at 1:"),
        ("SELECT ?x WHERE { ?x nope:p ?y }", "undeclared prefix"),
        ("SELECT ?x WHERE { ?x ?p }", "query: not valid SPARQL"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "query: not valid SPARQL"),  # read-only
        ("   \n", "empty query"),
        ("missing.rq", "missing.rq: no such query file"),
    ],
)
def test_sparql_bad_query_is_input_error(query, message):
    with pytest.raises(InputError) as caught:
        sparql.query_file(MINI, query)
    assert message in str(caught.value)
    assert one_line(str(caught.value))


def test_sparql_bad_query_file_names_the_file(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("PREFIX akg: <https://w3id.org/actorkg/ontology#>\nSELECT ?x WHERE { ?x akg:accuses }\n")
    with pytest.raises(InputError, match=r"bad\.rq: not valid SPARQL \(error at 2:") as caught:
        sparql.query_file(MINI, path)
    assert one_line(str(caught.value))
    with pytest.raises(InputError, match="a folder, not a query file"):
        sparql.query_file(MINI, str(tmp_path))


def test_sparql_bad_graph_is_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        sparql.query_file(tmp_path / "nope.ttl", LABELS)
    with pytest.raises(InputError, match=r"no graph\.ttl in this folder"):
        sparql.query_file(tmp_path, LABELS)
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> <urn:b> .\n")
    with pytest.raises(InputError, match=r"broken\.ttl: not valid Turtle") as caught:
        sparql.query_file(broken, LABELS)
    assert one_line(str(caught.value))


def test_sparql_prefixes_are_predeclared_and_can_be_overridden():
    assert sparql.PREFIXES["id"] == DEFAULT_BASE
    assert sparql.query_file(MINI, "ASK { id:khorog a akg:Location }") == (["boolean"], [(True,)])
    assert sparql.query_file(MINI, "PREFIX akg: <urn:other#> ASK { ?s a akg:Location }") == (["boolean"], [(False,)])


def test_sparql_unbound_value_is_none():
    columns, rows = sparql.query_file(MINI, "SELECT ?s ?nothing WHERE { ?s a akg:Location OPTIONAL { ?s akg:none ?nothing } }")
    assert columns == ["s", "nothing"] and rows and all(row[1] is None for row in rows)


def test_sparql_construct_gives_turtle():
    query = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a akg:Person ; rdfs:label ?l }"
    columns, text = sparql.query_file(MINI, query)
    assert columns is None and isinstance(text, str)
    assert "@prefix id: <https://w3id.org/actorkg/id/> ." in text
    assert "@prefix geo:" not in text  # only the prefixes the graph uses
    back = Graph().parse(data=text, format="turtle")
    assert {str(o) for o in back.objects()} == {"Tolib Ayombekov", "Imomali Rahmon"}
    describe = sparql.query_file(MINI, "DESCRIBE id:khorog")
    assert describe[0] is None and "Khorog" in describe[1]


# --- formatting -----------------------------------------------------------------------


def test_sparql_table_is_aligned():
    columns, rows = sparql.query_file(MINI, LABELS)
    lines = sparql.to_table(columns, rows).splitlines()
    assert lines[0].split() == ["entity", "label"]
    assert set(lines[1]) == {"-", " "}
    label_at = lines[0].index("label")
    assert all(line[label_at - 2 : label_at] == "  " for line in lines[2:-1])
    assert lines[2][:label_at].rstrip() == rows[0][0].value  # full IRIs by default
    assert lines[-1] == f"({len(rows)} rows)"
    assert all(line == line.rstrip() for line in lines)


def test_sparql_table_short_escapes_and_wide_characters():
    store = sparql.load_graph(MINI)
    store.load(input=EXTRA_TTL, format=ox.RdfFormat.TURTLE)
    long_text = "x" * 100
    store.add(ox.Quad(ox.NamedNode(ID + "x"), ox.NamedNode(AKG + "evidence"), ox.Literal(long_text)))
    columns, rows = sparql.query_file(store, "SELECT ?s ?v WHERE { ?s rdfs:label|akg:evidence ?v } ORDER BY ?v")
    full = sparql.to_table(columns, rows)
    short = sparql.to_table(columns, rows, short=True)
    assert ID + "khorog" in full and "id:khorog" not in full
    assert "id:khorog" in short and ID + "khorog" not in short
    assert long_text in full and "x" * (sparql.SHORT_WIDTH - 1) + "…" in short and long_text not in short
    assert "two\\nlines" in full  # a newline in a value does not break the row
    assert "_:" in full  # blank node


def test_sparql_table_counts_wide_characters_twice():
    rows = [(ox.Literal("Душанбе"), ox.Literal("x")), (ox.Literal("東京"), None), (ox.Literal("e\u0301"), ox.Literal("z"))]
    assert sparql.to_table(["a", "b"], rows) == (
        "a        b\n"
        "-------  -\n"
        "Душанбе  x\n"
        "東京\n"
        "e\u0301        z\n"
        "(3 rows)\n"
    )


def test_sparql_table_counts_one_row_and_ask():
    assert sparql.to_table(["a"], [(ox.Literal("x"),)]).endswith("(1 row)\n")
    assert sparql.to_table(["a"], []).splitlines() == ["a", "-", "(0 rows)"]
    assert sparql.format_result(["boolean"], [(False,)]) == "false\n"


def test_sparql_csv_is_sparql_csv():
    store = sparql.load_graph(MINI)
    store.load(input=EXTRA_TTL, format=ox.RdfFormat.TURTLE)
    columns, rows = sparql.query_file(store, EVERY_KIND)
    text = sparql.format_result(columns, rows, "csv")
    assert text.startswith("s,label,count\r\n") and text.endswith("\r\n")
    back = list(csv.reader(io.StringIO(text, newline="")))
    assert back[0] == columns
    assert [tuple(r) for r in back[1:]] == [tuple(sparql.term_text(t) for t in row) for row in rows]
    assert [ID + "dushanbe", "Dushanbe", "2"] in back and [ID + "dushanbe", "Душанбе", "2"] in back
    assert any(r[0].startswith("_:") and r[1:] == ["anonymous", ""] for r in back)
    assert ["two\nlines"] == [r[1] for r in back if r[1].startswith("two")]
    assert sparql.to_csv(["boolean"], [(True,)]) == "boolean\r\ntrue\r\n"


def test_sparql_json_matches_oxigraph_serializer():
    """Our SPARQL JSON equals what pyoxigraph itself writes, term by term."""
    store = sparql.load_graph(MINI)
    store.load(input=EXTRA_TTL, format=ox.RdfFormat.TURTLE)
    for query in (EVERY_KIND, *QUERY_FILES):
        columns, rows = sparql.query_file(store, query)
        text = query.read_text() if isinstance(query, Path) else query
        expected = json.loads(store.query(text, prefixes=sparql.PREFIXES).serialize(format=ox.QueryResultsFormat.JSON))
        ours = json.loads(sparql.format_result(columns, rows, "json"))
        assert ours["head"] == expected["head"]
        assert ours["results"]["bindings"] == expected["results"]["bindings"], query
    bindings = json.loads(sparql.to_json(*sparql.query_file(store, EVERY_KIND)))["results"]["bindings"]
    assert {"type": "literal", "value": "Душанбе", "xml:lang": "tg"} in [b["label"] for b in bindings]
    assert {"type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"} in [
        b.get("count") for b in bindings
    ]
    assert any(b["s"]["type"] == "bnode" and "count" not in b for b in bindings)


def test_sparql_json_ask():
    columns, rows = sparql.query_file(MINI, "ASK { ?s akg:accuses ?o }")
    assert json.loads(sparql.format_result(columns, rows, "json")) == {"head": {}, "boolean": True}


def test_sparql_graph_results_only_in_table_format():
    columns, text = sparql.query_file(MINI, "CONSTRUCT WHERE { ?s a akg:Location }")
    assert sparql.format_result(columns, text) == text
    for fmt in ("csv", "json"):
        with pytest.raises(InputError, match="CONSTRUCT or DESCRIBE"):
            sparql.format_result(columns, text, fmt)
    with pytest.raises(InputError, match="choose one of table, csv, json"):
        sparql.format_result(["a"], [], "xml")


# --- push: argument checks and the HTTP exchange --------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "ftp://localhost/store",
        "localhost:7878/store",
        "http:///store",
        "http://localhost:7878/store?default",
        "http://localhost:7878/store#x",
        "http://user:secret@localhost:7878/store",
        "http://localhost:99999/store",
        "http://localhost:7878/my store",
        "",
    ],
)
def test_sparql_bad_endpoint(url):
    with pytest.raises(InputError, match="--endpoint") as caught:
        sparql.check_endpoint(url)
    assert one_line(str(caught.value))


@pytest.mark.parametrize("url", ["http://localhost:7878/store", "https://example.org/fuseki/news/data", "http://[::1]:3030/ds/data"])
def test_sparql_good_endpoint(url):
    assert sparql.check_endpoint(url) == url


@pytest.mark.parametrize("iri", ["graph", "news/2012", "http://example.org/a b", "<http://example.org/g>", ""])
def test_sparql_bad_graph_iri(iri):
    with pytest.raises(InputError, match="--graph"):
        sparql.check_graph_iri(iri)


def test_sparql_push_puts_turtle_into_named_graph(recorder, build_dir):
    graph = "https://example.org/graph/news?year=2012&x=é"
    pushed = sparql.push(build_dir, recorder.endpoint, graph=graph)
    (request,) = recorder.requests
    assert request["method"] == "PUT"
    assert request["path"] == "/store?graph=" + quote(graph, safe="")
    assert request["headers"]["Content-Type"].startswith("text/turtle")
    assert request["body"] == MINI.read_bytes()
    assert pushed == sparql.Pushed(url=recorder.endpoint + request["path"][len("/store"):], status=204,
                                   triples=len(sparql.load_graph(MINI)), replaced=True)


def test_sparql_push_add_posts_to_default_graph(recorder):
    pushed = sparql.push(MINI, recorder.endpoint, replace=False)
    (request,) = recorder.requests
    assert (request["method"], request["path"]) == ("POST", "/store?default")
    assert pushed.replaced is False and pushed.status == 204


def test_sparql_push_refused_is_one_line(recorder):
    recorder.reply = (403, {"Content-Type": "text/html"}, "<html><body><h1>Forbidden</h1>\n<p>no writes here</p></body></html>")
    with pytest.raises(InputError) as caught:
        sparql.push(MINI, recorder.endpoint)
    message = str(caught.value)
    assert "the store refused the upload (HTTP 403 Forbidden: Forbidden)" in message
    assert message.startswith(recorder.endpoint + "?default")
    assert one_line(message)


def test_sparql_push_does_not_follow_redirects(recorder):
    recorder.reply = (303, {"Location": "http://127.0.0.1:1/elsewhere"}, "")
    with pytest.raises(InputError, match=r"HTTP 303 .*redirected to http://127\.0\.0\.1:1/elsewhere"):
        sparql.push(MINI, recorder.endpoint, replace=False)
    assert len(recorder.requests) == 1


def test_sparql_push_checks_turtle_before_sending(recorder, tmp_path):
    broken = tmp_path / "graph.ttl"
    broken.write_text("<urn:a> <urn:b> .\n")
    with pytest.raises(InputError, match="not valid Turtle"):
        sparql.push(tmp_path, recorder.endpoint)
    with pytest.raises(InputError, match="no such file"):
        sparql.push(tmp_path / "nope", recorder.endpoint)
    with pytest.raises(InputError, match="--timeout"):
        sparql.push(MINI, recorder.endpoint, timeout=0)
    assert recorder.requests == []


def test_sparql_push_to_closed_port(closed_port):
    with pytest.raises(InputError, match="cannot reach the store .*connection refused") as caught:
        sparql.push(MINI, f"http://127.0.0.1:{closed_port}/store", timeout=5)
    assert one_line(str(caught.value))


# --- the command line -------------------------------------------------------------------


def test_cli_query_table(capsys, build_dir):
    assert main(["query", str(build_dir), str(QUERIES / "accusations.rq")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:4] == ["accuser", "accuserLabel", "accused", "accusedLabel"]
    assert "Tajik officials say Ayombekov" in out and ID + "tajik_government" in out
    assert out.rstrip().endswith("(1 row)")


def test_cli_query_short_csv_json(capsys):
    assert main(["query", str(MINI), LABELS, "--short"]) == 0
    assert "id:khorog" in capsys.readouterr().out
    assert main(["query", str(MINI), LABELS, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out, newline="")))
    assert rows[0] == ["entity", "label"] and [ID + "khorog", "Khorog"] in rows
    assert main(["query", str(MINI), LABELS, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"] == ["entity", "label"] and len(data["results"]["bindings"]) == len(rows) - 1


def test_cli_query_ask_and_construct(capsys):
    assert main(["query", str(MINI), "ASK { id:khorog akg:locatedIn id:tajikistan }"]) == 0
    assert capsys.readouterr().out == "true\n"
    assert main(["query", str(MINI), "CONSTRUCT WHERE { ?s akg:locatedIn ?o }"]) == 0
    assert "id:khorog akg:locatedIn id:tajikistan" in capsys.readouterr().out.replace("\n    ", " ")


@pytest.mark.parametrize(
    "argv, message",
    [
        (["query", str(MINI), "SELECT ?x WHERE { ?x ?p }"], "kg: error: query: not valid SPARQL"),
        (["query", str(MINI), "nope.rq"], "kg: error: nope.rq: no such query file"),
        (["query", "/nonexistent/graph.ttl", LABELS], "no such file or folder"),
        (["query", str(MINI), "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "json"], "CONSTRUCT or DESCRIBE"),
        (["push", str(MINI), "--endpoint", "ftp://localhost/store"], "kg: error: --endpoint"),
        (["push", str(MINI), "--endpoint", "http://localhost:7878/store", "--graph", "g1"], "kg: error: --graph"),
    ],
)
def test_cli_bad_input_exits_2_with_one_line(capsys, argv, message):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [["query", str(MINI), LABELS, "--format", "xml"], ["query", str(MINI)], ["push", str(MINI)]],
)
def test_cli_bad_arguments_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2


@pytest.mark.parametrize("command", ["query", "push"])
def test_cli_help_has_example(capsys, command):
    with pytest.raises(SystemExit) as caught:
        main([command, "--help"])
    assert caught.value.code == 0
    out = capsys.readouterr().out
    assert f"Example: kg {command} " in out


def test_cli_push(capsys, recorder, build_dir):
    assert main(["push", str(build_dir), "--endpoint", recorder.endpoint, "--graph", "urn:actorkg:test"]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"kg: sent {len(sparql.load_graph(MINI))} triples to graph <urn:actorkg:test>")
    assert "replacing it (HTTP 204)" in err
    assert main(["push", str(MINI), "--endpoint", recorder.endpoint, "--add", "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert [(r["method"], r["path"]) for r in recorder.requests] == [
        ("PUT", "/store?graph=urn%3Aactorkg%3Atest"),
        ("POST", "/store?default"),
    ]


def test_cli_push_refused_exits_2(capsys, recorder, closed_port):
    recorder.reply = (404, {"Content-Type": "text/plain"}, "PUT /store is not supported by this server")
    assert main(["push", str(MINI), "--endpoint", recorder.endpoint]) == 2
    err = capsys.readouterr().err
    assert "the store refused the upload (HTTP 404 Not Found: PUT /store is not supported" in err and err.count("\n") == 1
    assert main(["push", str(MINI), "--endpoint", f"http://127.0.0.1:{closed_port}/store"]) == 2
    assert "connection refused" in capsys.readouterr().err


# --- the example queries on a real build -------------------------------------------------


@pytest.fixture(scope="module")
def sample_build(sample_graph, tmp_path_factory) -> Path:
    from kg.exports import export

    out = tmp_path_factory.mktemp("sample_build")
    export(sample_graph, out)
    return out


@pytest.mark.model
@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_sparql_example_queries_on_sample_build(sample_build, path):
    columns, rows = sparql.query_file(sample_build, path)
    assert rows, f"{path.name} finds nothing in the bundled sample"
    assert all(len(row) == len(columns) for row in rows)
    result = Graph().parse(sample_build / "graph.ttl").query(path.read_text())
    theirs = Counter(tuple("" if row[c] is None else str(row[c]) for c in columns) for row in result)
    assert strings(rows) == theirs


@pytest.mark.model
def test_cli_query_accusations_on_sample_build(capsys, sample_build):
    columns, rows = sparql.query_file(sample_build, QUERIES / "accusations.rq")
    assert main(["query", str(sample_build), str(QUERIES / "accusations.rq")]) == 0
    out = capsys.readouterr().out
    for row in rows:
        record = dict(zip(columns, row))
        assert record["accuserLabel"].value in out and record["accusedLabel"].value in out
        assert len(record["evidence"].value) > 20 and record["evidence"].value in out
