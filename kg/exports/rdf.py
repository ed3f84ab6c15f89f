"""The graph as RDF: entities, relation triples, reified assertions and documents.

IRIs are minted, never blank nodes, so Turtle is byte-identical from run to run:
entities ``<base><slug>``, documents ``<base>doc/<slug>-<hash>``, assertions
``<base>assertion/<hash>`` where the hash covers subject, predicate, object,
document, offsets and rule.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from urllib.parse import quote, urlsplit

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from ..errors import InputError
from ..vocab import AKG, GEO, SCHEMA
from .resources import ontology_path

__all__ = ["DEFAULT_BASE", "check_base_iri", "to_rdf", "turtle", "jsonld", "doc_iri"]

DEFAULT_BASE = "https://w3id.org/actorkg/id/"
_SLUG = re.compile(r"[^a-z0-9]+")


def check_base_iri(base: str) -> str:
    """Validate a ``--base-iri``: absolute http(s), ending in ``/`` or ``#``, no spaces or quotes."""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"--base-iri {base!r}: must be an absolute http(s) IRI")
    if not base.endswith(("/", "#")):
        raise InputError(f"--base-iri {base!r}: must end with '/' or '#'")
    if re.search(r"[\s<>\"{}|\\^`]", base):
        raise InputError(f"--base-iri {base!r}: contains characters not allowed in an IRI")
    return base


def _safe_url(url: str | None) -> str | None:
    """An http(s) URL as an IRI, with every character an IRI cannot hold percent-encoded."""
    if not url:
        return None
    url = url.strip()
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def doc_iri(base: str, identifier: str) -> URIRef:
    slug = _SLUG.sub("-", identifier.lower()).strip("-")[-60:].strip("-") or "doc"
    return URIRef(f"{base}doc/{slug}-{_hash(identifier)[:8]}")


def _decimal(value: float, places: int = 5) -> Literal:
    return Literal(Decimal(str(round(float(value), places))), datatype=XSD.decimal)


def to_rdf(G: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    """One rdflib Graph with everything the networkx graph holds."""
    check_base_iri(base)
    g = Graph(bind_namespaces="core")
    g.bind("akg", AKG._NS)
    g.bind("skos", SKOS)
    g.bind("geo", GEO)
    g.bind("schema", SCHEMA)
    g.bind("dcterms", DCTERMS)
    g.bind("id", base)
    docs = {}
    for identifier, document in sorted(G.graph.get("documents", {}).items()):
        d = docs[identifier] = doc_iri(base, identifier)
        g.add((d, RDF.type, AKG.Document))
        g.add((d, DCTERMS.identifier, Literal(identifier)))
        if document.title:
            g.add((d, DCTERMS.title, Literal(document.title)))
        if document.date:
            g.add((d, DCTERMS.date, Literal(document.date, datatype=XSD.date)))
        url = _safe_url(document.url)
        if url:
            g.add((d, DCTERMS.source, URIRef(url)))
        if document.author:
            g.add((d, DCTERMS.creator, Literal(document.author)))
    node = {key: URIRef(base + key) for key in G.nodes}
    for key, data in G.nodes(data=True):
        s = node[key]
        g.add((s, RDF.type, AKG[data["type"]]))
        g.add((s, RDFS.label, Literal(data["label"])))
        for alias in data["aliases"]:
            g.add((s, SKOS.altLabel, Literal(alias)))
        g.add((s, AKG.mentionCount, Literal(int(data["mentions"]))))
        for identifier in data["documents"]:
            if identifier in docs:
                g.add((s, AKG.mentionedIn, docs[identifier]))
        if data.get("geonames_id"):
            g.add((s, OWL.sameAs, URIRef(f"https://sws.geonames.org/{int(data['geonames_id'])}/")))
        if data.get("lat") is not None and data.get("long") is not None:
            g.add((s, GEO.lat, _decimal(data["lat"])))
            g.add((s, GEO.long, _decimal(data["long"])))
        if data.get("country_code") and data["type"] == "Location":
            g.add((s, AKG.countryCode, Literal(data["country_code"])))
        if data.get("nationality") and data["type"] != "Location":
            g.add((s, AKG.nationality, Literal(data["nationality"])))
    for u, v, p, data in G.edges(keys=True, data=True):
        g.add((node[u], AKG[p], node[v]))
        for e in data["evidence"]:
            a = URIRef(f"{base}assertion/{_hash(u, p, v, e.document, e.char_start, e.char_end, e.rule)}")
            g.add((a, RDF.type, AKG.Assertion))
            g.add((a, RDF.subject, node[u]))
            g.add((a, RDF.predicate, AKG[p]))
            g.add((a, RDF.object, node[v]))
            g.add((a, AKG.evidence, Literal(e.sentence)))
            g.add((a, AKG.sourceDocument, docs.get(e.document) or doc_iri(base, e.document)))
            g.add((a, AKG.charStart, Literal(int(e.char_start))))
            g.add((a, AKG.charEnd, Literal(int(e.char_end))))
            g.add((a, AKG.confidence, _decimal(e.confidence, 2)))
            g.add((a, AKG.modality, Literal(e.modality)))
            g.add((a, AKG.rule, Literal(e.rule)))
            if e.attributed_to and e.attributed_to in node:
                g.add((a, AKG.attributedTo, node[e.attributed_to]))
            if e.event_date:
                g.add((a, AKG.eventDate, Literal(e.event_date, datatype=XSD.date)))
            if e.event_place and e.event_place in node:
                g.add((a, AKG.eventPlace, node[e.event_place]))
    return g


def turtle(g: Graph) -> str:
    return g.serialize(format="turtle")


def _sort_jsonld(value):
    if isinstance(value, dict):
        return {k: _sort_jsonld(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        items = [_sort_jsonld(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def jsonld(g: Graph) -> str:
    """Compact JSON-LD with the context of ``ontology/context.jsonld``, keys and nodes sorted."""
    context = json.loads(ontology_path("context.jsonld").read_text("utf-8"))["@context"]
    data = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
    if "@graph" in data:
        data["@graph"] = _sort_jsonld(data["@graph"])
    data["@context"] = context
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"



