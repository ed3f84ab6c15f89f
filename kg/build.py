"""The whole flow: documents in, one actor graph out."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator

import networkx as nx
from spacy.language import Language
from spacy.tokens import Doc

from .entities.mentions import find_mentions
from .entities.resolve import DocumentActors, resolve_actors
from .graph import add_actor, add_document, add_relation, consolidate, filter_confidence, new_graph, prune
from .model import Document, Mention, Relation
from .nlp import BATCH_SIZE, load_pipeline, parse
from .relations.extract import containment_relations, extract_relations
from .relations.lexicon import RelationLexicon, load_lexicon
from .relations.pairs import learned_relations

__all__ = ["analyse_documents", "add_analysis", "build_graph"]


def analyse_documents(
    documents: Iterable[Document],
    *,
    nlp: Language,
    lexicon: RelationLexicon | None = None,
    batch_size: int = BATCH_SIZE,
    learned: bool = False,
) -> Iterator[tuple[Document, Doc, DocumentActors, list[Mention], list[Relation]]]:
    """Per document: parse (in batches), find mentions, resolve actors, extract relations.

    Yields ``(document, doc, actors, mentions, relations)``; relations include the
    gazetteer's containment and, when ``learned`` is true, what the pair classifier
    (:mod:`kg.relations.pairs`) adds between actors the patterns left unrelated.
    :func:`build_graph` and the CoNLL04 scorer both read this.
    """
    lexicon = lexicon or load_lexicon()
    for document, doc in parse(nlp, documents, batch_size=batch_size):
        mentions = find_mentions(doc, document)
        actors = resolve_actors(doc, document, mentions)
        relations = extract_relations(doc, actors, lexicon)
        relations += containment_relations(doc, actors)
        if learned:
            relations += learned_relations(doc, actors, lexicon, relations)
        yield document, doc, actors, mentions, relations


def add_analysis(G: nx.MultiDiGraph, document: Document, actors: DocumentActors, relations: list[Relation]) -> dict[str, str]:
    """Add one analysed document, its actors and relations to ``G``; returns actor key -> node."""
    add_document(G, document)
    node = {key: add_actor(G, actor) for key, actor in sorted(actors.actors.items())}
    for relation in relations:
        add_relation(G, dataclasses.replace(relation, subject=node[relation.subject], object=node[relation.object]))
    return node


def build_graph(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    nlp: Language | None = None,
    lexicon: RelationLexicon | None = None,
    min_confidence: float = 0.0,
    batch_size: int = BATCH_SIZE,
    postprocess: Callable[[nx.MultiDiGraph], None] | None = None,
    aliases=None,
    learned: bool = False,
) -> nx.MultiDiGraph:
    """Parse, resolve actors, extract relations and merge everything into one graph.

    Documents are consumed lazily and parsed in batches, so memory is bounded by
    the batch and the graph, not by the corpus. ``aliases`` (a :class:`kg.aliases.Aliases`)
    applies the user's merges, separations, renames and types. ``learned=True`` adds the
    pair classifier's relations (rule ``learned.*``; opt-in: lower precision, see the README).
    """
    nlp = nlp or load_pipeline(model)
    G = new_graph()
    for document, _, actors, _, relations in analyse_documents(documents, nlp=nlp, lexicon=lexicon, batch_size=batch_size, learned=learned):
        add_analysis(G, document, actors, relations)
    consolidate(G, forbid=aliases.forbids if aliases is not None else None)
    if aliases is not None:
        aliases.apply(G)
    if postprocess is not None:
        postprocess(G)
    filter_confidence(G, min_confidence)
    prune(G)
    return G
