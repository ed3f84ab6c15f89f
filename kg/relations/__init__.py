"""Typed relations: the pattern lexicon (``lexicon``) and the extractor (``extract``)."""

from .extract import containment_relations, extract_relations, normalise_date
from .lexicon import RelationLexicon, Rule, load_lexicon

__all__ = ["RelationLexicon", "Rule", "containment_relations", "extract_relations", "load_lexicon", "normalise_date"]
