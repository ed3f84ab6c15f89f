"""Writing a graph to files: Turtle, JSON-LD, GraphML, HTML and two CSV tables.

:func:`export` renders every file in memory first, writes each to a temporary
file in the output folder, and only then renames them into place: a failed run
leaves no half-written file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from ..errors import InputError
from .graphml import graphml
from .html import html_page
from .rdf import DEFAULT_BASE, check_base_iri, jsonld, to_rdf, turtle
from .tables import entities_csv, relations_csv

__all__ = ["OUTPUTS", "render", "export", "write_atomic"]

#: The six files of a build, in the order they are written.
OUTPUTS = ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.html", "entities.csv", "relations.csv")


def render(G: nx.MultiDiGraph, *, base: str = DEFAULT_BASE, title: str = "actorkg graph") -> dict[str, str]:
    """Every output file as text, keyed by file name."""
    check_base_iri(base)
    rdf = to_rdf(G, base)
    makers: dict[str, Callable[[], str]] = {
        "graph.ttl": lambda: turtle(rdf),
        "graph.jsonld": lambda: jsonld(rdf),
        "graph.graphml": lambda: graphml(G),
        "graph.html": lambda: html_page(G, title=title),
        "entities.csv": lambda: entities_csv(G, base),
        "relations.csv": lambda: relations_csv(G),
    }
    return {name: makers[name]() for name in OUTPUTS}


def write_atomic(files: dict[str, str], out: str | Path) -> list[Path]:
    """Write ``{name: text}`` into ``out``: all to temporary files, then all renamed."""
    folder = Path(out)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"{folder}: cannot create the output folder ({err.strerror})") from None
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    temps: list[tuple[str, Path]] = []
    try:
        for name, text in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            temps.append((name, Path(tmp)))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.chmod(tmp, 0o644)
        written = []
        for name, tmp in temps:
            os.replace(tmp, folder / name)
            written.append(folder / name)
        return written
    except (OSError, UnicodeError) as err:
        raise InputError(f"{folder}: cannot write the outputs ({getattr(err, 'strerror', None) or err})") from None
    finally:
        for _, tmp in temps:
            if tmp.exists():
                tmp.unlink()


def export(G: nx.MultiDiGraph, out: str | Path, *, base: str = DEFAULT_BASE, title: str = "actorkg graph") -> list[Path]:
    """Render and write the six files of a build into ``out``."""
    return write_atomic(render(G, base=base, title=title), out)
