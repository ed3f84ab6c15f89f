"""SPARQL over a build: query ``graph.ttl`` locally with pyoxigraph, or push it to a SPARQL store.

:func:`query_file` loads the Turtle of a build into an in-memory pyoxigraph store and runs
one query; :func:`format_result` prints the answer as an aligned table, SPARQL CSV or SPARQL
JSON. :func:`push` uploads a build to a store over the SPARQL 1.1 Graph Store HTTP Protocol
(``PUT`` replaces a graph, ``POST`` adds to it), with ``urllib`` from the standard library.

>>> columns, rows = query_file(EXAMPLE_TTL, "SELECT ?label WHERE { ?s rdfs:label ?label }")
>>> print(format_result(columns, rows), end="")
label
------
Khorog
(1 row)
"""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import unicodedata
from collections.abc import Sequence
from http.client import HTTPException
from pathlib import Path
from typing import NamedTuple
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlsplit
from urllib.request import HTTPRedirectHandler, ProxyHandler, Request, build_opener

import pyoxigraph as ox

from .errors import InputError, KGError
from .exports.rdf import DEFAULT_BASE
from . import vocab as _v  # a module, not its namespace objects: keeps doctest collection quiet

__all__ = [
    "FORMATS",
    "PREFIXES",
    "Pushed",
    "check_endpoint",
    "check_graph_iri",
    "format_result",
    "graph_path",
    "load_graph",
    "push",
    "query_file",
    "read_query",
    "term_text",
    "to_csv",
    "to_json",
    "to_table",
]

#: Prefixes known to every query (a query may still declare its own) and used by ``--short``
#: and in CONSTRUCT output. ``id:`` is the default entity namespace.
PREFIXES: dict[str, str] = {
    "id": DEFAULT_BASE,
    "akg": str(_v.AKG._NS),
    "rdf": str(_v.RDF),
    "rdfs": str(_v.RDFS),
    "xsd": str(_v.XSD),
    "owl": str(_v.OWL),
    "skos": str(_v.SKOS),
    "dcterms": str(_v.DCTERMS),
    "geo": str(_v.GEO),
    "schema": str(_v.SCHEMA),
}

#: A tiny graph for the doctests.
EXAMPLE_TTL = f'<{DEFAULT_BASE}khorog> a <{PREFIXES["akg"]}Location> ; <{PREFIXES["rdfs"]}label> "Khorog" .\n'

_XSD_STRING = PREFIXES["xsd"] + "string"

#: Output formats of ``kg query``.
FORMATS = ("table", "csv", "json")

#: The column name of an ASK answer.
ASK_COLUMN = "boolean"

#: Cells longer than this are cut in a ``--short`` table.
SHORT_WIDTH = 60

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Rows = list[tuple[Term | bool | None, ...]]


# --- loading ------------------------------------------------------------------------


def _one_line(err: BaseException, limit: int = 160) -> str:
    text = (str(err).strip().splitlines() or [type(err).__name__])[0].strip()
    if "Prefix not found" in text:  # oxigraph lists every character class it expected instead
        text = text.split(": expected", 1)[0] + ": undeclared prefix (add a PREFIX line)"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def graph_path(source: str | Path) -> Path:
    """The Turtle file of ``source``: the file itself, or ``graph.ttl`` inside a build folder."""
    path = Path(source)
    if path.is_dir():
        if not (path / "graph.ttl").is_file():
            raise InputError(f"{path}: no graph.ttl in this folder (make one with: kg build --out {path})")
        return path / "graph.ttl"
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    return path


def load_graph(source) -> ox.Store:
    """An in-memory pyoxigraph store holding ``source`` in its default graph.

    ``source`` is a path to a Turtle file or a build folder, Turtle text ending in a newline
    (as in :data:`EXAMPLE_TTL`), an rdflib ``Graph``, or a ``pyoxigraph.Store`` (returned as is).
    """
    if isinstance(source, ox.Store):
        return source
    fmt = ox.RdfFormat.TURTLE
    if isinstance(source, str) and "\n" in source:
        label, kwargs = "Turtle text", {"input": source}
    elif isinstance(source, (str, Path)):
        path = graph_path(source)
        label, kwargs = str(path), {"path": str(path)}
    elif hasattr(source, "serialize"):  # an rdflib Graph
        label, kwargs = "graph", {"input": source.serialize(format="nt", encoding="utf-8")}
        fmt = ox.RdfFormat.N_TRIPLES
    else:
        raise InputError(f"cannot query a {type(source).__name__}; give a graph.ttl or a build folder")
    store = ox.Store()
    try:
        store.load(format=fmt, **kwargs)
    except SyntaxError as err:
        raise InputError(f"{label}: not valid {fmt.name} ({_one_line(err)})") from None
    except OSError as err:
        raise InputError(f"{label}: cannot read ({err.strerror or _one_line(err)})") from None
    return store


def read_query(query: str | Path) -> tuple[str, str]:
    """``(text, name)`` of a query given as a ``.rq`` file or as the query string itself.

    A string is read as a file when it names an existing file or ends in ``.rq``/``.sparql``;
    otherwise it is the query. ``name`` labels error messages.

    >>> read_query("ASK {}")
    ('ASK {}', 'query')
    """
    if isinstance(query, str) and ("\n" in query or "{" in query):
        path = None
    else:
        path = Path(query)
        try:
            is_file, exists = path.is_file(), path.exists()
        except (OSError, ValueError):  # e.g. a name too long to be a path
            is_file = exists = False
        if exists and not is_file:
            raise InputError(f"{path}: a folder, not a query file")
        if not is_file:
            if isinstance(query, Path) or str(query).endswith((".rq", ".sparql")):
                raise InputError(f"{path}: no such query file")
            path = None
    if path is None:
        text, name = str(query), "query"
    else:
        try:
            text, name = path.read_text(encoding="utf-8-sig"), str(path)
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text") from None
        except OSError as err:
            raise InputError(f"{path}: cannot read ({err.strerror})") from None
    if not text.strip():
        raise InputError(f"{name}: empty query")
    return text, name


# --- querying -----------------------------------------------------------------------


def query_file(source, query: str | Path) -> tuple[list[str] | None, Rows | str]:
    """Run one SPARQL query over a graph.ttl, a build folder or a graph; return ``(columns, rows)``.

    ``query`` is the path of a ``.rq`` file or the query text (see :func:`read_query`).

    - SELECT: ``columns`` are the variable names, ``rows`` a list of tuples of pyoxigraph terms
      (``NamedNode``, ``BlankNode``, ``Literal``), ``None`` where a variable is unbound.
    - ASK: ``(["boolean"], [(True,)])`` or ``[(False,)]``.
    - CONSTRUCT and DESCRIBE: ``columns`` is ``None`` and ``rows`` is the graph as Turtle text.

    Invalid SPARQL raises :class:`~kg.errors.InputError` with a one-line message.

    >>> query_file(EXAMPLE_TTL, "ASK { ?place a akg:Location }")
    (['boolean'], [(True,)])
    """
    text, name = read_query(query)
    store = load_graph(source)
    try:
        result = store.query(text, prefixes=PREFIXES)
        if isinstance(result, ox.QueryBoolean):
            return [ASK_COLUMN], [(bool(result),)]
        if isinstance(result, ox.QueryTriples):
            triples = list(result)
            return None, _turtle(triples)
        columns = [variable.value for variable in result.variables]
        rows = [tuple(solution[i] for i in range(len(columns))) for solution in result]
    except SyntaxError as err:
        raise InputError(f"{name}: not valid SPARQL ({_one_line(err)})") from None
    except (OSError, RuntimeError, ValueError) as err:
        raise KGError(f"{name}: the query failed ({_one_line(err)})") from None
    return columns, rows


def _iris(term) -> set[str]:
    if isinstance(term, ox.NamedNode):
        return {term.value}
    if isinstance(term, ox.Literal):  # plain and language-tagged strings are written without a datatype
        return set() if term.language or term.datatype.value == _XSD_STRING else {term.datatype.value}
    if isinstance(term, ox.Triple):
        return _iris(term.subject) | _iris(term.predicate) | _iris(term.object)
    return set()


def _turtle(triples: list[ox.Triple]) -> str:
    used = set().union(*(_iris(t) for t in triples)) if triples else set()
    prefixes = {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in used)}
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")


# --- formatting ---------------------------------------------------------------------


def _shorten_iri(iri: str) -> str:
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def term_text(term, short: bool = False) -> str:
    """The plain text of a result value: an IRI, a literal's lexical form, ``_:id``, ``""`` when unbound.

    With ``short``, IRIs in a known namespace become prefixed names.

    >>> term_text(ox.NamedNode(DEFAULT_BASE + "khorog"), short=True)
    'id:khorog'
    >>> term_text(ox.Literal("0.85", datatype=ox.NamedNode(PREFIXES["xsd"] + "decimal")))
    '0.85'
    """
    if term is None:
        return ""
    if isinstance(term, bool):
        return "true" if term else "false"
    if isinstance(term, ox.NamedNode):
        return _shorten_iri(term.value) if short else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.Triple):
        parts = (term_text(t, short) for t in (term.subject, term.predicate, term.object))
        return "<< " + " ".join(parts) + " >>"
    return str(term)


def _width(text: str) -> int:
    """Columns a string takes in a terminal (wide East Asian characters count 2, combining marks 0)."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def _cell(term, short: bool) -> str:
    text = term_text(term, short)
    text = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    if short and len(text) > SHORT_WIDTH:
        text = text[: SHORT_WIDTH - 1] + "…"
    return text


def to_table(columns: Sequence[str], rows: Rows, short: bool = False) -> str:
    """An aligned plain-text table: a header, a rule, one line per row, then the row count.

    >>> print(to_table(["a", "bb"], [(ox.Literal("x"), None)]), end="")
    a  bb
    -  --
    x
    (1 row)
    """
    if list(columns) == [ASK_COLUMN] and len(rows) == 1 and isinstance(rows[0][0], bool):
        return term_text(rows[0][0]) + "\n"
    cells = [[_cell(term, short) for term in row] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out) + "\n"


def to_csv(columns: Sequence[str], rows: Rows) -> str:
    """SPARQL 1.1 CSV results: a header of variable names, plain values, CRLF line ends.

    An ASK answer is a ``boolean`` column with one ``true`` or ``false`` row.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([term_text(term) for term in row])
    return buffer.getvalue()


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")},
        }
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
        if term.direction is not None:
            out["its:dir"] = str(term.direction)
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def to_json(columns: Sequence[str], rows: Rows) -> str:
    """SPARQL 1.1 Query Results JSON (``application/sparql-results+json``); unbound values are left out.

    >>> print(to_json(["boolean"], [(True,)]), end="")
    {"head": {}, "boolean": true}
    """
    if list(columns) == [ASK_COLUMN] and len(rows) == 1 and isinstance(rows[0][0], bool):
        return json.dumps({"head": {}, "boolean": rows[0][0]}) + "\n"
    bindings = [
        {name: _json_term(term) for name, term in zip(columns, row) if term is not None} for row in rows
    ]
    data = {"head": {"vars": list(columns)}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def format_result(columns: list[str] | None, rows: Rows | str, fmt: str = "table", *, short: bool = False) -> str:
    """The text ``kg query`` prints for a :func:`query_file` result in format ``fmt`` (see :data:`FORMATS`).

    A CONSTRUCT or DESCRIBE result is Turtle, printed as is in the ``table`` format; asking for
    ``csv`` or ``json`` of a graph raises :class:`~kg.errors.InputError`.
    """
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if columns is None:
        if fmt != "table":
            raise InputError(f"--format {fmt}: a CONSTRUCT or DESCRIBE query gives a graph, printed as Turtle; leave out --format")
        return str(rows)
    if fmt == "csv":
        return to_csv(columns, rows)
    if fmt == "json":
        return to_json(columns, rows)
    return to_table(columns, rows, short=short)


# --- pushing to a store -------------------------------------------------------------

_BAD_IRI_CHARS = re.compile(r"[\s<>\"{}|\\^`]")
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class Pushed(NamedTuple):
    """What :func:`push` did: the request URL, the HTTP status, the triples sent, PUT or POST."""

    url: str
    status: int
    triples: int
    replaced: bool


def check_endpoint(url: str) -> str:
    """Validate ``--endpoint``: an absolute http(s) URL with a host, no query, fragment or password.

    >>> check_endpoint("http://localhost:7878/store")
    'http://localhost:7878/store'
    """
    example = "e.g. http://localhost:7878/store"
    if _BAD_IRI_CHARS.search(url):
        raise InputError(f"--endpoint {url!r}: contains spaces or characters not allowed in a URL")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"--endpoint {url!r}: must be an http:// or https:// URL ({example})")
    try:
        parts.port
    except ValueError:
        raise InputError(f"--endpoint {url!r}: the port is not a number from 0 to 65535") from None
    if parts.username is not None or parts.password is not None:
        raise InputError(f"--endpoint {url!r}: a user name or password in the URL is not supported")
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        raise InputError(f"--endpoint {url!r}: give the store URL without '?' or '#' ({example}); choose the graph with --graph")
    return url


def check_graph_iri(iri: str) -> str:
    """Validate ``--graph``: an absolute IRI (``scheme:...``) without spaces or ``<>"{}|\\^```.

    >>> check_graph_iri("https://w3id.org/actorkg/graph/khorog")
    'https://w3id.org/actorkg/graph/khorog'
    """
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:\S", iri) or _BAD_IRI_CHARS.search(iri):
        raise InputError(f"--graph {iri!r}: must be an absolute IRI such as https://example.org/graph/news")
    return iri


class _NoRedirect(HTTPRedirectHandler):
    """Report a redirect instead of following it (urllib would replay a POST as a GET)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def push(
    source: str | Path,
    endpoint: str,
    graph: str | None = None,
    replace: bool = True,
    *,
    timeout: float = 60.0,
) -> Pushed:
    """Upload the Turtle of a build to a SPARQL 1.1 Graph Store Protocol endpoint.

    ``source`` is a graph.ttl or a build folder; ``endpoint`` the store's GSP URL (Oxigraph:
    ``http://host:7878/store``; Fuseki: ``http://host:3030/DATASET/data``). The graph is the
    named graph ``graph`` or, when ``None``, the default graph. ``replace`` sends ``PUT``
    (the graph's old content is dropped); otherwise ``POST`` adds the triples to it.

    The file is parsed first, so nothing is sent when it is not valid Turtle. A refused
    upload (non-2xx status), a connection failure or a timeout raises
    :class:`~kg.errors.InputError` with a one-line message.
    """
    check_endpoint(endpoint)
    if graph is not None:
        check_graph_iri(graph)
    if not timeout or timeout <= 0:
        raise InputError(f"--timeout {timeout!r}: must be a positive number of seconds")
    path = graph_path(source)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    triples = len(load_graph(path))
    url = endpoint + (f"?graph={quote(graph, safe='')}" if graph is not None else "?default")
    request = Request(
        url,
        data=data,
        method="PUT" if replace else "POST",
        headers={"Content-Type": "text/turtle; charset=utf-8", "User-Agent": "actorkg"},
    )
    handlers: list = [_NoRedirect()]
    if urlsplit(endpoint).hostname in _LOOPBACK:
        handlers.append(ProxyHandler({}))  # a proxy cannot reach this machine's loopback
    opener = build_opener(*handlers)
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
            status = response.status
    except HTTPError as err:
        detail = _http_detail(err)
        raise InputError(f"{url}: the store refused the upload (HTTP {err.code} {err.reason}{detail})") from None
    except URLError as err:
        raise InputError(f"{endpoint}: cannot reach the store ({_reason(err.reason, timeout)})") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{endpoint}: the store did not answer within {timeout:g} s") from None
    except (HTTPException, OSError) as err:
        raise InputError(f"{endpoint}: cannot reach the store ({_reason(err, timeout)})") from None
    return Pushed(url=url, status=status, triples=triples, replaced=replace)


def _reason(reason, timeout: float) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused: is the server running?"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "unknown host name"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return _one_line(reason) if isinstance(reason, BaseException) else str(reason)


def _http_detail(err: HTTPError) -> str:
    location = err.headers.get("Location") if err.headers else None
    if location and 300 <= err.code < 400:
        return f"; redirected to {location}, use that URL as --endpoint"
    try:
        body = err.read(2000).decode("utf-8", "replace")
    except (OSError, HTTPException):
        body = ""
    lines = [line.strip() for line in re.sub(r"<[^>]+>", " ", body).splitlines() if line.strip()]
    if not lines:
        return ""
    first = lines[0] if len(lines[0]) <= 120 else lines[0][:119] + "…"
    return f": {first}"
