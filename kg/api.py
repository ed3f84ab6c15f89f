"""The Python API: ``kg.build(sources)`` returns a :class:`KnowledgeGraph`.

>>> import kg
>>> G = kg.graph.new_graph()
>>> kg.graph.add_actor(G, kg.Actor("tolib-ayombekov", "Tolib Ayombekov", "Person", {"Ayombekov"}))
'tolib-ayombekov'
>>> graph = kg.KnowledgeGraph(G)
>>> graph
KnowledgeGraph(0 documents, 1 entity, 0 relations, 0 assertions)
>>> graph.subgraph("ayombekov").nx.nodes["tolib-ayombekov"]["label"]
'Tolib Ayombekov'

A :class:`KnowledgeGraph` wraps the one ``networkx.MultiDiGraph`` of
:mod:`kg.graph` and reads it through the existing modules: RDF via
:func:`kg.exports.rdf.to_rdf`, tables via :mod:`kg.exports.tables`, files via
:func:`kg.exports.export`, the page via :func:`kg.exports.html.html_page`,
analytics via :mod:`kg.analytics`.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import html
import itertools
import os
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from . import analytics
from .build import build_graph
from .errors import InputError
from .exports import export
from .exports.html import html_page
from .exports.rdf import DEFAULT_BASE, check_base_iri, to_rdf, turtle
from .exports.tables import ENTITY_COLUMNS, RELATION_COLUMNS, entity_rows, relation_rows
from .graph import add_actor, add_document, add_relation, consolidate, new_graph
from .ingest import document_from_text, iter_documents
from .model import ACTOR_TYPES, Actor, Document, Relation

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import rdflib
    from spacy.language import Language

__all__ = ["build", "KnowledgeGraph", "find_node"]

#: Height of the inline graph in a notebook (pixels).
IFRAME_HEIGHT = 600

_KEY_ACTOR_COLUMNS = ("id", "label", "type", "degree", "degree_centrality", "betweenness")
_ACCUSATION_COLUMNS = ("subject", "subject_label", "predicate", "object", "object_label", "count", "evidence", "documents")
_STANCE_COLUMNS = ("other", "other_label", "other_type", "stance", "predicate", "direction", "count", "evidence")
_COMMUNITY_COLUMNS = ("community", "size", "members")
_OPTIONAL = ("geonames_id", "lat", "long", "country_code", "nationality")
_NOTHING = object()


# --------------------------------------------------------------------------- sources


def _exists(text: str) -> bool:
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # too long for a file name, NUL bytes, ...
        return False


def _text_id(text: str) -> str:
    """A stable id for an article given as a string: the same text gets the same id in every run."""
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _is_pair(item: Any) -> bool:
    return isinstance(item, (tuple, list)) and len(item) == 2 and isinstance(item[1], str) and isinstance(item[0], (str, int))


def _is_top_level_pair(item: Any) -> bool:
    """``build(("doc-1", "Some text ..."))``: an id without spaces that is not a file, then text."""
    return (
        isinstance(item, tuple)
        and _is_pair(item)
        and not any(ch.isspace() for ch in str(item[0]))
        and not _exists(str(item[0]))
        and any(ch.isspace() for ch in item[1])
    )


def _warn_skip(message: str) -> None:
    warnings.warn(f"skipped {message}", stacklevel=3)


def _classify(item: Any) -> tuple[str, Any]:
    """One source item as ``("document" | "pair" | "path" | "text", value)``; bad items raise at once."""
    if isinstance(item, Document):
        return "document", item
    if isinstance(item, os.PathLike):
        if not Path(item).exists():
            raise InputError(f"{item}: no such file or folder")
        return "path", Path(item)
    if isinstance(item, str):
        if _exists(item):
            return "path", item
        if any(ch.isspace() for ch in item) and item.strip():
            return "text", item
        if not item.strip():
            raise InputError("empty article text")
        raise InputError(f"{item}: no such file or folder (a string without spaces is read as a path)")
    if _is_pair(item):
        doc_id, text = item
        if not str(doc_id).strip():
            raise InputError("an (id, text) pair needs a non-empty id")
        return "pair", (str(doc_id), text)
    raise InputError(f"cannot read a source of type {type(item).__name__}: pass a path, text, an (id, text) pair or a Document")


def _documents(sources: Any) -> Iterator[Document]:
    """The documents of ``sources`` (see :func:`build`), read lazily, in order.

    The items of a list or tuple are checked at once, so a missing file fails before
    the pipeline is loaded; the items of any other iterable (a generator) are checked
    as they come, so a large stream is never held in memory.
    """
    from .cli import _sample_documents

    if sources is None or (isinstance(sources, str) and not sources.strip()):
        return iter(_sample_documents())
    if isinstance(sources, (str, os.PathLike, Document)) or _is_top_level_pair(sources):
        sources = [sources]
    if isinstance(sources, (list, tuple)):
        if not sources:
            return iter(_sample_documents())
        return _read([_classify(item) for item in sources])
    stream = iter(sources)
    first = next(stream, _NOTHING)
    if first is _NOTHING:
        return iter(_sample_documents())
    return _read(_classify(item) for item in itertools.chain([first], stream))


def _read(items: Iterable[tuple[str, Any]]) -> Iterator[Document]:
    for kind, value in items:
        if kind == "document":
            yield value
        elif kind == "pair":
            yield document_from_text(value[1], value[0])
        elif kind == "text":
            yield document_from_text(value, _text_id(value))
        else:
            yield from iter_documents([value], on_skip=_warn_skip)


def build(
    sources: Any = None,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    base_iri: str = DEFAULT_BASE,
    min_confidence: float = 0.0,
    learned: bool = False,
) -> KnowledgeGraph:
    """Build the knowledge graph of ``sources``.

    Parameters
    ----------
    sources : path, text, (id, text), Document, or a list of them; optional
        * a path (``str`` or ``pathlib.Path``) of a ``.txt``, ``.html``/``.htm`` or
          ``.jsonl`` file, or of a folder (read recursively; unreadable files in it
          are skipped with a warning);
        * a string that is not an existing path and contains whitespace: the text
          of an article (its id is ``text-`` and a hash of the text);
        * an ``(id, text)`` pair;
        * a :class:`kg.model.Document`;
        * a list (or any iterable, a generator included) mixing these.

        ``None``, ``""`` or an empty list build the bundled sample article.
    model : str, optional
        Name of an installed spaCy pipeline (default: see :func:`kg.nlp.load_pipeline`).
    nlp : spacy.language.Language, optional
        An already loaded pipeline (from :func:`kg.nlp.load_pipeline`); wins over ``model``.
    base_iri : str, optional
        Namespace of entity IRIs in the RDF output.
    min_confidence : float, optional
        Drop evidence below this confidence (0-1).
    learned : bool, optional
        Also add what the pair classifier reads between actors the patterns leave
        unrelated (rule ``learned.*``; default ``False``: more recall, less precision).

    Returns
    -------
    KnowledgeGraph

    Raises
    ------
    kg.InputError
        A source is missing or unreadable, an argument is out of range, or no
        article could be read.
    """
    check_base_iri(base_iri)
    if not 0.0 <= min_confidence <= 1.0:
        raise InputError("min_confidence must be between 0 and 1")
    G = build_graph(_documents(sources), model=model, nlp=nlp, min_confidence=min_confidence, learned=learned)
    if not G.graph["documents"]:
        raise InputError("no article could be read from the input")
    return KnowledgeGraph(G, base_iri=base_iri)


# --------------------------------------------------------------------------- names


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(name)).casefold().split())


def find_node(G: nx.MultiDiGraph, name: str) -> str:
    """The node id named by ``name``: a node id, a label or an alias, compared case-insensitively.

    Node ids win over labels, labels over aliases. Raises ``KeyError`` when
    nothing matches (with the closest names as suggestions) or when ``name``
    fits several nodes equally well.
    """
    if name in G:
        return name
    needle = _norm(name)
    tiers = (
        lambda n, d: (n,),
        lambda n, d: (d.get("label", n),),
        lambda n, d: d.get("aliases", ()),
    )
    for names_of in tiers:
        hits = sorted({n for n, d in G.nodes(data=True) if any(_norm(x) == needle for x in names_of(n, d))}, key=str)
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = ", ".join(f"{n!r} ({G.nodes[n].get('label', n)})" for n in hits)
            raise KeyError(f"{name!r} is ambiguous: it names {listed}; pass one of these node ids")
    known: dict[str, str] = {}  # normalised name -> node id
    for n, d in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        for x in (d.get("label", n), *d.get("aliases", ()), n):
            known.setdefault(_norm(x), n)
    close = difflib.get_close_matches(needle, sorted(known), n=8, cutoff=0.6)
    nodes = list(dict.fromkeys(known[c] for c in close))[:5]
    hint = "; did you mean " + ", ".join(f"{G.nodes[n].get('label', n)!r} ({n})" for n in nodes) + "?" if nodes else ""
    raise KeyError(f"no actor or place named {name!r} in the graph{hint}")


# --------------------------------------------------------------------------- SPARQL values


def _python(value: Any) -> Any:
    """An rdflib term as a plain Python value: IRIs and blank nodes as str, literals natively."""
    import rdflib

    if value is None:
        return None
    if isinstance(value, rdflib.Literal):
        out = value.toPython()
        if isinstance(out, Decimal):
            return float(out)
        if isinstance(out, rdflib.Literal):  # a datatype rdflib does not map
            return str(out)
        return out
    return str(value)


def _ox_to_rdflib(term: Any) -> Any:
    import pyoxigraph as ox
    import rdflib

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    return rdflib.Literal(str(term))


# --------------------------------------------------------------------------- the graph


class KnowledgeGraph:
    """An actor–relationship knowledge graph, as returned by :func:`build`.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph with the schema of :mod:`kg.graph`.
    base_iri : str, optional
        Namespace of entity IRIs in RDF output.
    title : str, optional
        Title of the HTML page.

    Notes
    -----
    ``.rdf`` (and the store :meth:`query` uses) is built on first use and cached.
    After changing ``.nx`` in place, call :meth:`refresh`.
    """

    def __init__(self, G: nx.MultiDiGraph, *, base_iri: str = DEFAULT_BASE, title: str = "actorkg graph") -> None:
        check_base_iri(base_iri)
        G.graph.setdefault("documents", {})
        self._G = G
        self.base_iri = base_iri
        self.title = title

    # -- views ---------------------------------------------------------------

    @property
    def nx(self) -> nx.MultiDiGraph:
        """The networkx graph itself (not a copy)."""
        return self._G

    @cached_property
    def rdf(self) -> rdflib.Graph:
        """The graph as an ``rdflib.Graph`` (:func:`kg.exports.rdf.to_rdf`), cached."""
        return to_rdf(self._G, self.base_iri)

    def refresh(self) -> None:
        """Forget the cached RDF views, after ``.nx`` was changed in place."""
        for name in ("rdf", "_oxigraph_store"):
            self.__dict__.pop(name, None)

    @property
    def documents(self) -> list[Document]:
        """The documents of the graph (without their text), sorted by id."""
        return [doc for _, doc in sorted(self._G.graph["documents"].items())]

    def actors(self, types: Iterable[str] | None = None) -> pd.DataFrame:
        """One row per node (the columns of ``entities.csv``): actors and, unless ``types`` leaves them out, places.

        ``types``: keep only these node types, e.g. ``("Person", "Organization", "Group")``
        (:data:`kg.model.ACTOR_TYPES`).
        """
        import pandas as pd

        rows = entity_rows(self._G, self.base_iri)
        if types is not None:
            wanted = {types} if isinstance(types, str) else set(types)
            rows = [r for r in rows if r["type"] in wanted]
        return pd.DataFrame(rows, columns=list(ENTITY_COLUMNS))

    def relations(self, predicates: Iterable[str] | None = None) -> pd.DataFrame:
        """One row per assertion (the columns of ``relations.csv``), optionally only some predicates."""
        import pandas as pd

        rows = relation_rows(self._G)
        if predicates is not None:
            wanted = {predicates} if isinstance(predicates, str) else set(predicates)
            rows = [r for r in rows if r["predicate"] in wanted]
        return pd.DataFrame(rows, columns=list(RELATION_COLUMNS))

    # -- SPARQL --------------------------------------------------------------

    def query(self, sparql: str | os.PathLike, *, engine: str = "rdflib") -> Any:
        """Run a SPARQL query over :attr:`rdf`.

        Parameters
        ----------
        sparql : str or path
            The query text, or the path of a ``.rq``/``.sparql`` file
            (e.g. ``ontology/queries/accusations.rq``). The prefixes bound in
            the graph (``akg:``, ``rdfs:``, ``skos:``, ``dcterms:``, ``id:``, ...)
            may be used without declaring them.
        engine : {"rdflib", "oxigraph"}
            Which SPARQL engine runs the query; both give the same columns and values.

        Returns
        -------
        pandas.DataFrame for ``SELECT`` (one column per projected variable, named
        without ``?``, in the order of the query; IRIs as str, literals as Python
        values, decimals as float, unbound as None); bool for ``ASK``;
        ``rdflib.Graph`` for ``CONSTRUCT``/``DESCRIBE``.
        """
        text = self._query_text(sparql)
        if engine == "rdflib":
            return self._query_rdflib(text)
        if engine == "oxigraph":
            return self._query_oxigraph(text)
        raise ValueError(f"engine must be 'rdflib' or 'oxigraph', not {engine!r}")

    @staticmethod
    def _query_text(sparql: str | os.PathLike) -> str:
        if isinstance(sparql, os.PathLike):
            return Path(sparql).read_text("utf-8")
        if isinstance(sparql, str) and sparql.strip().lower().endswith((".rq", ".sparql")) and "\n" not in sparql.strip():
            path = Path(sparql.strip())
            if not path.is_file():
                raise FileNotFoundError(f"{sparql}: no such query file")
            return path.read_text("utf-8")
        return sparql

    def _query_rdflib(self, text: str) -> Any:
        import pandas as pd

        result = self.rdf.query(text)
        if result.type == "ASK":
            return bool(result.askAnswer)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return result.graph
        columns = [str(v) for v in result.vars]
        return pd.DataFrame([[_python(value) for value in row] for row in result], columns=columns)

    @cached_property
    def _oxigraph_store(self) -> Any:
        import pyoxigraph as ox

        store = ox.Store()
        store.load(turtle(self.rdf).encode("utf-8"), format=ox.RdfFormat.TURTLE)
        return store

    def _query_oxigraph(self, text: str) -> Any:
        import pandas as pd
        import pyoxigraph as ox
        import rdflib

        prefixes = {prefix: str(ns) for prefix, ns in self.rdf.namespaces() if prefix}
        result = self._oxigraph_store.query(text, prefixes=prefixes)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            g = rdflib.Graph()
            for t in result:
                g.add((_ox_to_rdflib(t.subject), _ox_to_rdflib(t.predicate), _ox_to_rdflib(t.object)))
            return g
        columns = [v.value for v in result.variables]
        rows = [[_python(_ox_to_rdflib(solution[c])) for c in columns] for solution in result]
        return pd.DataFrame(rows, columns=columns)

    # -- files and display ---------------------------------------------------

    def save(self, out: str | os.PathLike, *, title: str | None = None) -> list[Path]:
        """Write the six files of a CLI build (:data:`kg.OUTPUTS`) into the folder ``out``; returns their paths."""
        return export(self._G, out, base=self.base_iri, title=title or self.title)

    def html(self, *, title: str | None = None) -> str:
        """The self-contained interactive page (the ``graph.html`` of :meth:`save`)."""
        return html_page(self._G, title=title or self.title)

    def _repr_html_(self) -> str:
        """The interactive graph inline in a notebook: the page inside a sandboxed ``<iframe srcdoc>``."""
        page = html.escape(self.html(), quote=True)
        label = html.escape(repr(self), quote=True)
        return (
            f'<iframe srcdoc="{page}" title="{label}" sandbox="allow-scripts" '
            f'width="100%" height="{IFRAME_HEIGHT}" '
            f'style="width: 100%; height: {IFRAME_HEIGHT}px; border: 1px solid #ddd;"></iframe>'
        )

    def __len__(self) -> int:
        return self._G.number_of_nodes()

    def __repr__(self) -> str:
        G = self._G
        counts = (
            (len(G.graph["documents"]), "document"),
            (G.number_of_nodes(), "entity"),
            (G.number_of_edges(), "relation"),
            (sum(len(d.get("evidence", ())) for _, _, d in G.edges(data=True)), "assertion"),
        )
        parts = [f"{n} {word if n == 1 else ('entities' if word == 'entity' else word + 's')}" for n, word in counts]
        return f"KnowledgeGraph({', '.join(parts)})"

    # -- graphs from graphs --------------------------------------------------

    def _new(self, G: nx.MultiDiGraph) -> KnowledgeGraph:
        return KnowledgeGraph(G, base_iri=self.base_iri, title=self.title)

    def find(self, name: str) -> str:
        """The node id of an actor or place given by node id, label or alias (case-insensitive)."""
        return find_node(self._G, name)

    def subgraph(self, actor: str, hops: int = 1) -> KnowledgeGraph:
        """The ego network of ``actor``: every node within ``hops`` links (either direction) and the links among them.

        ``actor`` is a node id, a label or an alias, case-insensitive. Raises
        ``KeyError`` (with close matches suggested) when no node has that name.
        The documents kept are those the kept nodes and evidence come from; the
        title (of the HTML page) names the actor.
        """
        if hops < 0:
            raise ValueError("hops must be 0 or more")
        center = self.find(actor)
        G = self._G
        keep = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), center, cutoff=hops)
        H = new_graph()
        for n in sorted(keep, key=str):
            H.add_node(n, **dict(G.nodes[n]))
        used: set[str] = set()
        for n in H:
            used.update(H.nodes[n].get("documents", ()))
        for u, v, p, data in G.edges(keys=True, data=True):
            if u in keep and v in keep:
                H.add_edge(u, v, key=p, **dict(data))
                used.update(e.document for e in data.get("evidence", ()))
        H.graph["documents"] = {k: doc for k, doc in sorted(G.graph["documents"].items()) if k in used}
        title = f"{G.nodes[center].get('label', center)}: ego network, {hops} hop{'' if hops == 1 else 's'}"
        return KnowledgeGraph(H, base_iri=self.base_iri, title=title)

    def merge(self, other: KnowledgeGraph | nx.MultiDiGraph, *, consolidate_actors: bool = True) -> KnowledgeGraph:
        """A new graph holding both graphs: their union, as if their articles had been built together.

        * Nodes with the same id and type are one node: aliases and documents are
          united, optional attributes (GeoNames id, coordinates, ...) filled from
          either, ``mentions`` summed (when both graphs saw some of the same
          documents, the larger count is kept instead, so a graph merged with
          itself is unchanged). A node whose id is taken by a node of another type
          gets the type as a suffix, as in :func:`kg.graph.add_actor`.
        * Edges with the same ends and predicate are one edge; their evidence is united.
        * Documents are united (this graph's record wins for an id in both).
        * With ``consolidate_actors`` (default), :func:`kg.graph.consolidate` runs on
          the union, so a surname-only person in one graph joins the one full name
          of the other, and places with the same GeoNames id become one.

        Neither input is changed. The result keeps this graph's ``base_iri`` and title.
        """
        other_G = other.nx if isinstance(other, KnowledgeGraph) else other
        G = new_graph()
        for source in (self._G, other_G):
            for doc_id, document in sorted(source.graph.get("documents", {}).items()):
                if doc_id not in G.graph["documents"]:
                    add_document(G, document)
        for source in (self._G, other_G):
            _add_graph(G, source)
        if consolidate_actors:
            consolidate(G)
        return self._new(G)

    # -- analytics -----------------------------------------------------------

    def key_actors(self, k: int | None = 10, *, types: Iterable[str] | None = ACTOR_TYPES) -> pd.DataFrame:
        """The ``k`` most central actors (:func:`kg.analytics.key_actors`) as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(analytics.key_actors(self._G, k, types=types), columns=list(_KEY_ACTOR_COLUMNS))

    def accusations(self, *, predicates: Iterable[str] = analytics.ACCUSING) -> pd.DataFrame:
        """Who accuses or criticises whom (:func:`kg.analytics.accusations`) as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(analytics.accusations(self._G, predicates=predicates), columns=list(_ACCUSATION_COLUMNS))

    def stance(self, actor: str) -> pd.DataFrame:
        """Allies, supporters and opponents of ``actor`` (id, label or alias; :func:`kg.analytics.stance`)."""
        import pandas as pd

        return pd.DataFrame(analytics.stance(self._G, self.find(actor)), columns=list(_STANCE_COLUMNS))

    def communities(self, *, method: str = "greedy", seed: int = 0, types: Iterable[str] | None = None) -> pd.DataFrame:
        """Communities (:func:`kg.analytics.communities`): one row per community, its size and its members' labels."""
        import pandas as pd

        groups = analytics.communities(self._G, method=method, seed=seed, types=types)
        rows = [{"community": i, "size": len(members), "members": members} for i, members in enumerate(groups)]
        return pd.DataFrame(rows, columns=list(_COMMUNITY_COLUMNS))


def _add_graph(G: nx.MultiDiGraph, source: nx.MultiDiGraph) -> None:
    """Add every node and edge of ``source`` to ``G`` through :func:`kg.graph.add_actor` and :func:`kg.graph.add_relation`."""
    keys: dict[str, str] = {}
    for key in sorted(source.nodes, key=str):
        data = source.nodes[key]
        documents = set(data.get("documents", ()))
        mentions = int(data.get("mentions", 0))
        target = key if key in G and G.nodes[key]["type"] == data["type"] else None
        if target is not None and documents & set(G.nodes[target]["documents"]):
            mentions = max(0, mentions - G.nodes[target]["mentions"])  # the same articles: keep the larger count
        actor = Actor(
            key=key,
            label=data.get("label", key),
            type=data["type"],
            aliases=set(data.get("aliases", ())),
            documents=documents,
            mentions=mentions,
            collective=bool(data.get("collective", False)),
            **{name: data.get(name) for name in _OPTIONAL},
        )
        keys[key] = new = add_actor(G, actor)
        for name, value in data.items():  # attributes outside the schema travel too
            G.nodes[new].setdefault(name, value)
    for u, v, p, data in sorted(source.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), e[2])):
        for evidence in data.get("evidence", ()):
            changes = {
                name: keys[getattr(evidence, name)]
                for name in ("attributed_to", "event_place")
                if getattr(evidence, name) in keys and keys[getattr(evidence, name)] != getattr(evidence, name)
            }
            if changes:
                evidence = dataclasses.replace(evidence, **changes)
            add_relation(G, Relation(keys[u], p, keys[v], evidence))
