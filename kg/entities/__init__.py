"""Actors and places: mentions (``mentions``), clustering and types (``resolve``), open-data links (``link``)."""

from .link import Gazetteer, choose_place, load_gazetteer
from .mentions import find_mentions, normalise_name
from .resolve import DocumentActors, resolve_actors, slugify

__all__ = ["DocumentActors", "Gazetteer", "choose_place", "find_mentions", "load_gazetteer", "normalise_name", "resolve_actors", "slugify"]
