"""SHACL validation of a build against ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .errors import InputError
from .exports.resources import ontology_path

__all__ = ["validate_graph", "validate_file"]


def validate_graph(g: Graph) -> tuple[bool, str]:
    """``(conforms, report text)`` of a graph under the actorkg shapes, no inference."""
    from pyshacl import validate

    shapes = Graph().parse(ontology_path("shapes.ttl"))
    ontology = Graph().parse(ontology_path("actorkg.ttl"))
    conforms, _, text = validate(g, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True)
    return bool(conforms), str(text)


def validate_file(path: str | Path) -> tuple[bool, str]:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    try:
        g = Graph().parse(path)
    except Exception as err:  # rdflib raises parser-specific errors
        raise InputError(f"{path}: not readable RDF ({type(err).__name__})") from None
    return validate_graph(g)
