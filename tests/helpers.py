"""Helpers shared by several test modules (plain functions, not fixtures).

``small_graph()`` builds, by hand and without spaCy, a small actor graph that uses
every kind of node and edge attribute the exports read, including one actor whose
name and evidence are hostile text (markup, quotes, newlines, emoji, RTL script).
All names and sentences are invented for the tests.
"""

from __future__ import annotations

import networkx as nx

from kg.entities.resolve import slugify
from kg.graph import add_actor, add_document, add_relation, new_graph
from kg.model import Actor, Document, Evidence, Relation

#: A name that tries everything: markup, both quotes, a backslash, a newline, emoji, Hebrew and Arabic.
HOSTILE_LABEL = "<script>alert(1)</script> \"Zoë\" O'Hara \\ 🚀\nשלום مرحبا"
#: Its key, minted the way the pipeline mints keys.
HOSTILE_KEY = slugify(HOSTILE_LABEL)
HOSTILE_SENTENCE = 'The <script>alert(1)</script> "crew" said:\n“we won’t stop” 🚀 — שלום & مرحبا.'
HOSTILE_DOC_ID = "feeds/<odd> name & \"quotes\".jsonl#3"

DOC_1 = "ledger-2023-03-14.txt"
SENTENCE_ACCUSE = "Union leader Tessaly Brandt accused the Harbour Authority of ignoring safety reports."
SENTENCE_ACCUSE_2 = "Brandt said the Harbour Authority had hidden the reports."
SENTENCE_LOCATED = "The Harbour Authority in Port Velmar rejected the claim."
SENTENCE_SUPPORT = "Dock workers in Port Velmar backed Brandt on Thursday."
SENTENCE_ALLY = "Brandt is allied with Odo Venkarr."
SENTENCE_MEMBER = "Odo Venkarr, chairman of the Harbour Authority, called for talks."


def small_graph() -> nx.MultiDiGraph:
    """Seven nodes (all four classes), seven edges, eight assertions, two documents."""
    G = new_graph()
    add_document(G, Document(DOC_1, "", title="Harbour strike spreads", date="2023-03-14", url="https://ledger.example.org/a?x=1&y=2"))
    add_document(G, Document(HOSTILE_DOC_ID, "", title=HOSTILE_LABEL, date=None, url="javascript:alert(1)", author="Mara \"Q\" Quillon"))
    add_actor(G, Actor("tessaly-brandt", "Tessaly Brandt", "Person", {"Brandt", "Ms Brandt"}, {DOC_1}, 4))
    add_actor(G, Actor("odo-venkarr", "Odo Venkarr", "Person", {"Venkarr"}, {DOC_1}, 2, nationality="FR"))
    add_actor(G, Actor("harbour-authority", "Harbour Authority", "Organization", set(), {DOC_1}, 3))
    add_actor(G, Actor("dock-workers", "dock workers", "Group", {"Dock workers"}, {DOC_1}, 1, nationality="FR", collective=True))
    add_actor(
        G,
        Actor("port-velmar", "Port Velmar", "Location", {"Velmar"}, {DOC_1, HOSTILE_DOC_ID}, 3, geonames_id=1234567, lat=43.296482, long=-5.36978, country_code=None),
    )
    add_actor(G, Actor("velmaria", "Velmaria", "Location", set(), {DOC_1}, 1, geonames_id=7654321, lat=44.0, long=-4.5, country_code="VL"))
    add_actor(G, Actor(HOSTILE_KEY, HOSTILE_LABEL, "Person", {"مرحبا", "O'Hara \"the\" <b>bold</b>"}, {HOSTILE_DOC_ID}, 1))

    def rel(s, p, o, sentence, start, **kw):
        doc = kw.pop("doc", DOC_1)
        kw.setdefault("confidence", 0.85)
        kw.setdefault("rule", f"test.{p}")
        add_relation(G, Relation(s, p, o, Evidence(doc, sentence, start, start + len(sentence), **kw)))

    rel("tessaly-brandt", "accuses", "harbour-authority", SENTENCE_ACCUSE, 100, rule="accuse.verb", event_date="2023-03-09", event_place="port-velmar")
    rel("tessaly-brandt", "accuses", "harbour-authority", SENTENCE_ACCUSE_2, 300, confidence=0.6, rule="accuse.say-that", modality="reported", attributed_to="tessaly-brandt")
    rel("harbour-authority", "locatedIn", "port-velmar", SENTENCE_LOCATED, 400, confidence=0.75, rule="place.in")
    rel("port-velmar", "locatedIn", "velmaria", SENTENCE_LOCATED, 400, confidence=0.95, rule="gazetteer")
    rel("dock-workers", "supports", "tessaly-brandt", SENTENCE_SUPPORT, 500, confidence=0.7, rule="support.verb", modality="hedged")
    rel("tessaly-brandt", "alliedWith", "odo-venkarr", SENTENCE_ALLY, 600, confidence=0.5, rule="ally.allied-with")
    rel("odo-venkarr", "leads", "harbour-authority", SENTENCE_MEMBER, 700, confidence=0.85, rule="role.leads")
    rel(HOSTILE_KEY, "criticizes", "harbour-authority", HOSTILE_SENTENCE, 0, doc=HOSTILE_DOC_ID, confidence=0.55, rule="criticize.verb")
    return G


#: Totals of small_graph(), for exact checks.
SMALL_NODES = 7
SMALL_EDGES = 7
SMALL_ASSERTIONS = 8
