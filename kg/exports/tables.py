"""Flat tables: ``entities.csv`` (one row a node) and ``relations.csv`` (one row an assertion)."""

from __future__ import annotations

import csv
import io

import networkx as nx

__all__ = ["ENTITY_COLUMNS", "RELATION_COLUMNS", "entity_rows", "relation_rows", "entities_csv", "relations_csv"]

ENTITY_COLUMNS = ("id", "iri", "label", "type", "aliases", "mentions", "documents", "degree", "geonames_id", "lat", "long", "country_code", "nationality")
RELATION_COLUMNS = (
    "subject", "subject_label", "predicate", "object", "object_label", "confidence", "modality", "rule",
    "attributed_to", "event_date", "event_place", "document", "char_start", "char_end", "evidence",
)


def _clean(value) -> str:
    return "" if value is None else str(value)


def entity_rows(G: nx.MultiDiGraph, base: str) -> list[dict]:
    rows = []
    for key in sorted(G.nodes):
        d = G.nodes[key]
        rows.append(
            {
                "id": key,
                "iri": base + key,
                "label": d["label"],
                "type": d["type"],
                "aliases": " | ".join(d["aliases"]),
                "mentions": d["mentions"],
                "documents": " | ".join(d["documents"]),
                "degree": G.degree(key),
                **{name: d.get(name) for name in ("geonames_id", "lat", "long", "country_code", "nationality")},
            }
        )
    return rows


def relation_rows(G: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for u, v, p in sorted(G.edges(keys=True)):
        for e in G.edges[u, v, p]["evidence"]:
            rows.append(
                {
                    "subject": u,
                    "subject_label": G.nodes[u]["label"],
                    "predicate": p,
                    "object": v,
                    "object_label": G.nodes[v]["label"],
                    "confidence": e.confidence,
                    "modality": e.modality,
                    "rule": e.rule,
                    "attributed_to": e.attributed_to,
                    "event_date": e.event_date,
                    "event_place": e.event_place,
                    "document": e.document,
                    "char_start": e.char_start,
                    "char_end": e.char_end,
                    "evidence": e.sentence,
                }
            )
    return rows


def _csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _clean(row.get(k)) for k in columns})
    return buffer.getvalue()


def entities_csv(G: nx.MultiDiGraph, base: str) -> str:
    return _csv(entity_rows(G, base), ENTITY_COLUMNS)


def relations_csv(G: nx.MultiDiGraph) -> str:
    return _csv(relation_rows(G), RELATION_COLUMNS)
