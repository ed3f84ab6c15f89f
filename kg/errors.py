"""Exceptions raised by actorkg. One root, a few meaningful subclasses."""

__all__ = ["KGError", "InputError", "LexiconError", "ModelError"]


class KGError(Exception):
    """Root of every error actorkg raises on purpose."""


class InputError(KGError):
    """An input file or argument that cannot be used (missing, empty, binary, malformed)."""


class LexiconError(KGError):
    """A data file under ``kg/data`` (or one given by the user) is malformed."""


class ModelError(KGError):
    """No usable spaCy pipeline could be loaded."""
