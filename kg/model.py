"""The shared vocabulary of the pipeline: plain, frozen records passed between stages.

Data flows one way: ``ingest`` makes :class:`Document`, ``entities`` makes
:class:`Mention` and :class:`Actor`, ``relations`` makes :class:`Relation`
(each with its :class:`Evidence`), ``graph`` turns them into one
``networkx.MultiDiGraph`` that every export reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ENTITY_TYPES",
    "ACTOR_TYPES",
    "Document",
    "Mention",
    "Actor",
    "Evidence",
    "Relation",
]

#: The four node classes of SPEC.md, in a fixed order.
ENTITY_TYPES = ("Person", "Organization", "Group", "Location")
#: The classes that are also ``akg:Actor``.
ACTOR_TYPES = ("Person", "Organization", "Group")


@dataclass(frozen=True)
class Document:
    """One article: its text and what is known about it.

    ``id`` is the JSONL ``id`` or the input path as given; ``text`` is the
    article body after boilerplate removal (offsets in evidence refer to it).
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    url: str | None = None
    author: str | None = None
    headline_end: int = 0  # char offset where the headline (if any) ends


@dataclass(frozen=True)
class Mention:
    """A span of a document that names (or stands for) an entity."""

    start: int  # char offsets into Document.text
    end: int
    text: str  # surface form as written
    name: str  # normalised name: no title, no leading article, no possessive
    label: str  # where it came from: an NER label, "PROPN", "COLLECTIVE", ...
    sent: int  # sentence index in the document
    token_start: int = 0  # token offsets into the spaCy Doc
    token_end: int = 0
    person_cue: bool = False  # a title or role word marked it as a person
    in_headline: bool = False
    country: str | None = None  # ISO alpha-2 from a demonym or place modifier
    collective: str | None = None  # "government" or a group label, for unnamed actors
    metonym: bool = False  # a place name standing for its government ("Dushanbe contends")
    known: bool = False  # matched a canonical organisation of kg/data/organizations.tsv
    place_cue: bool = False  # followed by a place word ("the Gorno-Badakhshan region")
    org_cue: bool = False  # in apposition with an organisation noun ("her new party, Veritas")
    locative: bool = False  # in a place slot: "at X", "in X", "Harwood, X,"


@dataclass
class Actor:
    """An entity node: one actor or place, however often and however named.

    ``key`` is a stable slug minted from the canonical name; it becomes the
    node id of the graph and the last segment of the entity IRI.
    """

    key: str
    label: str
    type: str  # one of ENTITY_TYPES
    aliases: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    mentions: int = 0
    geonames_id: int | None = None
    lat: float | None = None
    long: float | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2, for countries
    nationality: str | None = None  # ISO alpha-2 from a demonym ("Afghan fighters")
    parent: str | None = None  # ISO code of the country containing the place (gazetteer)
    collective: bool = False  # an unnamed collective actor ("rebels", "Government of X")


@dataclass(frozen=True)
class Evidence:
    """Why a relation is in the graph: where the text says so, and how surely."""

    document: str
    sentence: str
    char_start: int
    char_end: int
    confidence: float
    rule: str
    modality: str = "asserted"  # asserted | reported | hedged
    attributed_to: str | None = None  # actor key of the speaker
    event_date: str | None = None  # YYYY-MM-DD
    event_place: str | None = None  # actor key of a Location


@dataclass(frozen=True)
class Relation:
    """A typed, directed edge ``subject --predicate--> object`` with its evidence."""

    subject: str  # actor key
    predicate: str  # local name of an akg relation property
    object: str  # actor key
    evidence: Evidence
