"""The actorkg vocabulary as Python names: a hand-kept mirror of ``ontology/actorkg.ttl``.

``AKG`` is a closed namespace (``_fail = True``): a misspelt term such as ``AKG.acuses``
raises ``AttributeError`` instead of minting a new IRI. ``tests/test_vocab.py`` checks that
the class and the Turtle file declare the same terms.
"""

from __future__ import annotations

from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = [
    "AKG",
    "DCTERMS",
    "ENTITY_CLASSES",
    "GEO",
    "MODALITIES",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "RELATIONS",
    "SCHEMA",
    "SKOS",
    "XSD",
]


class AKG(DefinedNamespace):
    """actorkg ontology terms, namespace ``https://w3id.org/actorkg/ontology#``."""

    _NS = Namespace("https://w3id.org/actorkg/ontology#")
    _fail = True

    # Classes
    Entity: URIRef  # anything the graph has a node for; superclass of Actor and Location
    Actor: URIRef  # an entity that can act: Person, Organization or Group
    Person: URIRef  # a named human
    Organization: URIRef  # a named organisation: government body, party, named armed group, company, outlet
    Group: URIRef  # a collective actor without a proper name ("rebels", "eight Afghan fighters")
    Location: URIRef  # a place: country, region, city, facility
    Assertion: URIRef  # a reified relation triple with its evidence (subclass of rdf:Statement)
    Document: URIRef  # a source text, normally a news article

    # Relations between entities (all sub-properties of relatedTo)
    relatedTo: URIRef  # superproperty of every relation; never written by the pipeline
    accuses: URIRef  # S accuses O of wrongdoing (CAMEO 112 / PLOVER ACCUSE)
    criticizes: URIRef  # S criticises, condemns or denounces O (CAMEO 111)
    opposes: URIRef  # S protests, rejects, sanctions or stands against O
    threatens: URIRef  # S threatens O (CAMEO 13)
    attacks: URIRef  # S attacks, targets, strikes or fights O (CAMEO 18-19)
    kills: URIRef  # S kills O (CAMEO 18)
    detains: URIRef  # S arrests, detains or holds O (CAMEO 17)
    alliedWith: URIRef  # S and O are allies; symmetric
    supports: URIRef  # S supports, backs, aids, defends or praises O
    memberOf: URIRef  # S belongs to or works for O
    leads: URIRef  # S heads O; sub-property of memberOf
    partOf: URIRef  # organisation or place S is part of O
    locatedIn: URIRef  # S is based, situated or active in place O

    # Assertion (provenance) properties
    evidence: URIRef  # the sentence, verbatim from the source (xsd:string)
    sourceDocument: URIRef  # the Document the evidence comes from
    charStart: URIRef  # character offset where the evidence starts (xsd:integer)
    charEnd: URIRef  # character offset just past the evidence, exclusive (xsd:integer)
    confidence: URIRef  # extractor confidence in [0, 1] (xsd:decimal)
    modality: URIRef  # "asserted" | "reported" | "hedged" (xsd:string)
    attributedTo: URIRef  # the entity the text credits with the claim
    rule: URIRef  # id of the extraction rule that produced the assertion (xsd:string)
    eventDate: URIRef  # day of the described event, when known (xsd:date)
    eventPlace: URIRef  # Location of the described event, when known

    # Entity properties
    countryCode: URIRef  # ISO 3166-1 alpha-2 code of a country (Location)
    nationality: URIRef  # ISO 3166-1 alpha-2 code given to an actor by a demonym ("Afghan" -> "AF")
    mentionedIn: URIRef  # a Document that mentions the entity
    mentionCount: URIRef  # number of mentions of the entity in the build (xsd:integer)


#: The 13 relation local names, in the order of the SPEC table.
RELATIONS: tuple[str, ...] = (
    "accuses",
    "criticizes",
    "opposes",
    "threatens",
    "attacks",
    "kills",
    "detains",
    "alliedWith",
    "supports",
    "memberOf",
    "leads",
    "partOf",
    "locatedIn",
)

#: The leaf classes the pipeline assigns to nodes; each node has exactly one.
ENTITY_CLASSES: tuple[str, ...] = ("Person", "Organization", "Group", "Location")

#: Allowed values of akg:modality.
MODALITIES: tuple[str, ...] = ("asserted", "reported", "hedged")

#: W3C WGS84 Basic Geo vocabulary (geo:lat, geo:long, geo:SpatialThing).
#: Not rdflib's ``GEO``, which is OGC GeoSPARQL.
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")

#: schema.org, https form.
SCHEMA = Namespace("https://schema.org/")

#: W3C PROV-O.
PROV = Namespace("http://www.w3.org/ns/prov#")
