"""Where the ontology files are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ontology_path"]


def ontology_path(name: str) -> Path:
    """Path of a file of ``ontology/`` (``actorkg.ttl``, ``shapes.ttl``, ``context.jsonld``, ``queries/*.rq``)."""
    package = Path(__file__).resolve().parents[1]
    for base in (package / "ontology", package.parent / "ontology"):
        candidate = base / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"ontology file {name!r} not found (looked in {package / 'ontology'} and {package.parent / 'ontology'})")
