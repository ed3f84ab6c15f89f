"""Tests for kg/exports/tables.py: entities.csv (one row a node) and relations.csv (one row an assertion)."""

from __future__ import annotations

import csv
import io

import pytest
from helpers import (
    DOC_1,
    HOSTILE_DOC_ID,
    HOSTILE_KEY,
    HOSTILE_LABEL,
    HOSTILE_SENTENCE,
    SENTENCE_ACCUSE,
    SENTENCE_ACCUSE_2,
    SMALL_ASSERTIONS,
    SMALL_NODES,
    small_graph,
)

from kg.exports.rdf import DEFAULT_BASE
from kg.exports.tables import ENTITY_COLUMNS, RELATION_COLUMNS, entities_csv, relations_csv
from kg.graph import new_graph


@pytest.fixture(scope="module")
def G():
    return small_graph()


def _read(text: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def entities(G):
    return _read(entities_csv(G, DEFAULT_BASE))


@pytest.fixture(scope="module")
def relations(G):
    return _read(relations_csv(G))


def test_tables_entity_header(entities):
    header, _ = entities
    assert header == [
        "id", "iri", "label", "type", "aliases", "mentions", "documents", "degree",
        "geonames_id", "lat", "long", "country_code", "nationality",
    ]
    assert tuple(header) == ENTITY_COLUMNS


def test_tables_relation_header(relations):
    header, _ = relations
    assert header == [
        "subject", "subject_label", "predicate", "object", "object_label", "confidence", "modality", "rule",
        "attributed_to", "event_date", "event_place", "document", "char_start", "char_end", "evidence",
    ]
    assert tuple(header) == RELATION_COLUMNS


def test_tables_one_entity_row_per_node_sorted(G, entities):
    _, rows = entities
    assert len(rows) == SMALL_NODES
    assert [r["id"] for r in rows] == sorted(G.nodes)


def test_tables_entity_row_values(entities):
    rows = {r["id"]: r for r in entities[1]}
    assert rows["tessaly-brandt"] == {
        "id": "tessaly-brandt",
        "iri": DEFAULT_BASE + "tessaly-brandt",
        "label": "Tessaly Brandt",
        "type": "Person",
        "aliases": "Brandt | Ms Brandt",
        "mentions": "4",
        "documents": DOC_1,
        "degree": "3",
        "geonames_id": "",
        "lat": "",
        "long": "",
        "country_code": "",
        "nationality": "",
    }
    port = rows["port-velmar"]
    assert (port["geonames_id"], port["lat"], port["long"]) == ("1234567", "43.296482", "-5.36978")
    assert port["documents"] == " | ".join(sorted([DOC_1, HOSTILE_DOC_ID]))
    assert rows["velmaria"]["country_code"] == "VL"
    assert rows["dock-workers"]["nationality"] == "FR"
    assert rows[HOSTILE_KEY]["label"] == HOSTILE_LABEL


def test_tables_one_relation_row_per_assertion(G, relations):
    _, rows = relations
    assert len(rows) == SMALL_ASSERTIONS == sum(len(d["evidence"]) for _, _, d in G.edges(data=True))
    keys = [(r["subject"], r["object"], r["predicate"]) for r in rows]
    assert keys == sorted(keys)


def test_tables_relation_row_values(relations):
    rows = [r for r in relations[1] if r["predicate"] == "accuses"]
    assert [r["evidence"] for r in rows] == [SENTENCE_ACCUSE, SENTENCE_ACCUSE_2]
    first, second = rows
    assert first == {
        "subject": "tessaly-brandt",
        "subject_label": "Tessaly Brandt",
        "predicate": "accuses",
        "object": "harbour-authority",
        "object_label": "Harbour Authority",
        "confidence": "0.85",
        "modality": "asserted",
        "rule": "accuse.verb",
        "attributed_to": "",
        "event_date": "2023-03-09",
        "event_place": "port-velmar",
        "document": DOC_1,
        "char_start": "100",
        "char_end": str(100 + len(SENTENCE_ACCUSE)),
        "evidence": SENTENCE_ACCUSE,
    }
    assert (second["modality"], second["attributed_to"], second["confidence"]) == ("reported", "tessaly-brandt", "0.6")


def test_tables_hostile_text_round_trips(relations):
    (row,) = [r for r in relations[1] if r["subject"] == HOSTILE_KEY]
    assert row["subject_label"] == HOSTILE_LABEL
    assert row["evidence"] == HOSTILE_SENTENCE
    assert row["document"] == HOSTILE_DOC_ID


def test_tables_line_endings_are_newline(G):
    text = relations_csv(G)
    assert "\r\n" not in text
    assert text.endswith("\n")


def test_tables_empty_graph_has_only_headers():
    G = new_graph()
    assert entities_csv(G, DEFAULT_BASE) == ",".join(ENTITY_COLUMNS) + "\n"
    assert relations_csv(G) == ",".join(RELATION_COLUMNS) + "\n"


def test_tables_base_iri_column(G):
    _, rows = _read(entities_csv(G, "https://example.org/kg/"))
    assert all(r["iri"] == "https://example.org/kg/" + r["id"] for r in rows)
