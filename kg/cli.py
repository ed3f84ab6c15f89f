"""The ``kg`` command line: each command parses its arguments and makes one library call.

Exit status: 0 on success, 2 on unusable arguments or unreadable input (one line
on stderr), 1 on any other failure.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path

from . import __version__
from .errors import InputError, KGError, ModelError

__all__ = ["main", "make_parser", "SAMPLE"]

#: The bundled sample article (used when ``kg build`` gets no input).
SAMPLE = "kg/data/sample/khorog_2012.txt"


def _sample_documents():
    from .ingest import document_from_text

    text = resources.files("kg").joinpath("data/sample/khorog_2012.txt").read_text("utf-8")
    return [document_from_text(text, "khorog_2012.txt", title=None, date="2012-07-30")]


def _warn(message: str) -> None:
    print(f"kg: warning: skipped {message}", file=sys.stderr)


def _check_inputs(inputs: list[str]) -> None:
    for item in inputs:
        if item != "-" and not Path(item).exists():
            raise InputError(f"{item}: no such file or folder")


def cmd_build(args: argparse.Namespace) -> int:
    """Build the graph of the inputs and write the six files."""
    from .build import build_graph
    from .exports import OUTPUTS, export
    from .exports.rdf import check_base_iri
    from .ingest import iter_documents

    check_base_iri(args.base_iri)
    if not 0.0 <= args.min_confidence <= 1.0:
        raise InputError("--min-confidence must be between 0 and 1")
    aliases = None
    if args.aliases:
        from .aliases import load_aliases

        aliases = load_aliases(args.aliases)
    if args.inputs:
        _check_inputs(args.inputs)
        documents = iter_documents(args.inputs, on_skip=_warn)
    else:
        documents = iter(_sample_documents())
    G = build_graph(documents, model=args.model, min_confidence=args.min_confidence, aliases=aliases, learned=args.learned)
    if not G.graph["documents"]:
        raise InputError("no article could be read from the input")
    export(G, args.out, base=args.base_iri, title=args.title)
    if not args.quiet:
        n_docs = len(G.graph["documents"])
        print(
            f"kg: {n_docs} document(s) -> {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; "
            f"wrote {', '.join(OUTPUTS)} to {args.out}",
            file=sys.stderr,
        )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score builds against gold annotations."""
    from .evaluate import run_eval_cli

    return run_eval_cli(args)


def cmd_validate(args: argparse.Namespace) -> int:
    """Check a Turtle file (or a build folder) against ontology/shapes.ttl."""
    from .validate import validate_file

    target = Path(args.target)
    if target.is_dir():
        target = target / "graph.ttl"
    conforms, report = validate_file(target)
    print(report if not conforms else f"{target}: conforms to the actorkg shapes")
    return 0 if conforms else 1


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL query over a build and print the answer."""
    from .sparql import format_result, query_file

    columns, rows = query_file(args.graph, args.query)
    sys.stdout.write(format_result(columns, rows, args.format, short=args.short))
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    """Upload a build's graph.ttl to a SPARQL store (Graph Store Protocol)."""
    from .sparql import push

    pushed = push(args.source, args.endpoint, graph=args.graph, replace=not args.add, timeout=args.timeout)
    if not args.quiet:
        target = f"graph <{args.graph}>" if args.graph else "the default graph"
        how = "adding to it" if args.add else "replacing it"
        print(f"kg: sent {pushed.triples} triples to {target} of {args.endpoint}, {how} (HTTP {pushed.status})", file=sys.stderr)
    return 0


def _add_sparql_commands(sub) -> None:
    """The ``query`` and ``push`` subcommands (library code in kg/sparql.py)."""
    query = sub.add_parser(
        "query",
        help="run a SPARQL query over a build and print a table, CSV or JSON",
        description="Run a SPARQL 1.1 query (a .rq file or the query text) over GRAPH, a graph.ttl or a build "
        "folder, in memory with pyoxigraph. SELECT prints rows, ASK true or false, CONSTRUCT and DESCRIBE "
        "Turtle. The prefixes id: akg: rdf: rdfs: xsd: owl: skos: dcterms: geo: schema: need no PREFIX line.",
        epilog="Example: kg query exports ontology/queries/accusations.rq --short",
    )
    query.add_argument("graph", metavar="GRAPH", help="graph.ttl, or a build folder holding one")
    query.add_argument("query", metavar="QUERY", help="a .rq file, or the query itself in quotes")
    query.add_argument("--format", default="table", choices=("table", "csv", "json"),
                       help="table (default), SPARQL CSV, or SPARQL JSON results")
    query.add_argument("--short", action="store_true",
                       help="in the table, write IRIs as prefixed names (id:khorog) and cut long values")
    query.set_defaults(func=cmd_query)

    push = sub.add_parser(
        "push",
        help="upload a build to a SPARQL store (Oxigraph, Fuseki, ...) over the Graph Store Protocol",
        description="Send SOURCE (a graph.ttl or a build folder) as text/turtle to a SPARQL 1.1 Graph Store "
        "Protocol endpoint: PUT replaces the graph (default), POST with --add adds to it.",
        epilog="Example: kg push exports --endpoint http://localhost:7878/store",
    )
    push.add_argument("source", metavar="SOURCE", help="graph.ttl, or a build folder holding one")
    push.add_argument("--endpoint", required=True, metavar="URL",
                      help="the store's Graph Store URL: Oxigraph http://HOST:7878/store, Fuseki http://HOST:3030/DATASET/data")
    push.add_argument("--graph", default=None, metavar="IRI", help="named graph to write (default: the default graph)")
    push.add_argument("--add", action="store_true", help="add the triples to the graph instead of replacing its content")
    push.add_argument("--timeout", type=float, default=60.0, metavar="S", help="seconds to wait for the store (default: 60)")
    push.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    push.set_defaults(func=cmd_push)


class _Parser(argparse.ArgumentParser):
    """argparse, with unusable arguments reported on one line (and exit status 2)."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def make_parser() -> argparse.ArgumentParser:
    from .exports.rdf import DEFAULT_BASE

    parser = _Parser(
        prog="kg",
        description="actorkg: turn news articles into an actor–relationship knowledge graph.",
    )
    parser.add_argument("--version", action="version", version=f"actorkg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    build = sub.add_parser(
        "build",
        help="build the graph of articles and write Turtle, JSON-LD, GraphML, HTML and CSV",
        description="Build the actor graph of INPUT files (.txt, .html/.htm, .jsonl), folders (read "
        "recursively) or '-' for stdin; with no INPUT, the bundled sample article.",
        epilog="Example: kg build articles/ --out exports",
    )
    build.add_argument("inputs", nargs="*", metavar="INPUT", help="article file, folder, or - for stdin")
    build.add_argument("--out", default="exports", metavar="DIR", help="output folder (default: ./exports)")
    build.add_argument("--model", default=None, metavar="NAME", help="installed spaCy pipeline to use (default: en_core_web_sm, else the PyPI re-upload)")
    build.add_argument("--base-iri", default=DEFAULT_BASE, metavar="IRI", help=f"namespace for entity IRIs (default: {DEFAULT_BASE})")
    build.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help="drop evidence below this confidence (0-1)")
    build.add_argument("--learned", action="store_true", help="also add the pair classifier's relations (rule learned.*): more recall, less precision")
    build.add_argument("--aliases", default=None, metavar="FILE", help="YAML or JSON file forcing merges, splits, renames and types")
    build.add_argument("--title", default="actorkg graph", help="title of the HTML page")
    build.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    build.set_defaults(func=cmd_build)

    evaluate = sub.add_parser(
        "eval",
        help="score builds against gold annotations (SPEC gold format) or CoNLL04",
        description="Build each gold file's document and print entity and relation precision, recall and F1.",
        epilog="Example: kg eval ../shared/gold/seed.json --json",
    )
    evaluate.add_argument("golds", nargs="*", metavar="GOLD.json", help="gold annotation files, or folders of them")
    evaluate.add_argument("--corpus", default=None, metavar="DIR", help="folder the gold 'doc' paths are relative to (default: guessed)")
    evaluate.add_argument("--conll04", default=None, metavar="FILE", help="score CoNLL04 (SpERT JSON) entities and relations instead")
    evaluate.add_argument("--limit", type=int, default=None, metavar="N", help="with --conll04: only the first N sentences")
    evaluate.add_argument("--model", default=None, metavar="NAME", help="installed spaCy pipeline to use")
    evaluate.add_argument("--learned", action="store_true", help="score with the pair classifier's relations added")
    evaluate.add_argument("--json", action="store_true", help="machine-readable output")
    evaluate.set_defaults(func=cmd_eval)

    validate = sub.add_parser("validate", help="check a graph.ttl (or a build folder) against the SHACL shapes")
    validate.add_argument("target", metavar="PATH", help="graph.ttl or a folder holding one")
    validate.set_defaults(func=cmd_validate)
    _add_sparql_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (InputError, ModelError) as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return 2
    except KGError as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
