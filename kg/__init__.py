"""actorkg: news articles in, an actor–relationship knowledge graph out.

>>> import kg
>>> sorted(kg.OUTPUTS)[:2]
['entities.csv', 'graph.graphml']
"""

from .api import KnowledgeGraph, build
from .build import build_graph
from .errors import InputError, KGError, LexiconError, ModelError
from .exports import OUTPUTS, export, render
from .ingest import document_from_text, iter_documents, read_path
from .model import Actor, Document, Evidence, Mention, Relation

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Document",
    "Evidence",
    "InputError",
    "KGError",
    "KnowledgeGraph",
    "LexiconError",
    "Mention",
    "ModelError",
    "OUTPUTS",
    "Relation",
    "build",
    "build_graph",
    "document_from_text",
    "export",
    "iter_documents",
    "read_path",
    "render",
    "__version__",
]
