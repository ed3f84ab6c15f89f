"""Loading ``kg/data/relations.toml``: the relation patterns and the modality words.

This module is the only code that knows the file format. A rule whose predicate
is not an akg relation, whose pattern is unknown or whose confidence is outside
[0, 1] fails the load with a :class:`~kg.errors.LexiconError` naming the rule.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import LexiconError
from ..model import ENTITY_TYPES
from ..vocab import RELATIONS

__all__ = ["PATTERNS", "Rule", "RelationLexicon", "load_lexicon"]

PATTERNS = ("verb", "adjective", "noun", "claim", "judgement", "role", "ally", "place")


@dataclass(frozen=True)
class Rule:
    id: str
    predicate: str
    pattern: str
    lemmas: frozenset[str]
    confidence: float
    preps: frozenset[str] = frozenset()
    cues: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    symmetric: bool = False
    subject_types: frozenset[str] = frozenset()
    object_types: frozenset[str] = frozenset()
    form: str | None = None
    deep_object: bool = False  # look inside a non-actor object: "criticised [Blair's] plans"
    force: bool | None = None  # True: only subjects that can use force (collectives, groups, armed organisations, or a place attacked); False: only others
    refusal: bool = False  # fires only when the trigger is refused: "would not back X", "refused to support X"
    polarity: str | None = None  # claim rules: also fire on VADER-rated judgement words of this polarity
    possessor: str = "subject"  # noun rules: which argument "X's <noun>" gives ("her murder": the object)
    inverse: bool = False  # verb rules: the verb's object is the relation's subject ("the Trust hired X": X memberOf the Trust)
    prep_only: bool = False  # verb rules: the object comes only through `preps`; a direct object is what is done ("studied Islam")
    mutual: bool = False  # noun rules: both sides do it to each other ("X's feud with Y", "the row between X and Y")
    presupposed: bool = False  # role rules: holds whatever is wished or tried ("called on X to quit the Assembly": X is in it)

    def accepts(self, subject_type: str, object_type: str) -> bool:
        """Whether the argument types fit the rule (empty lists accept any type)."""
        if self.subject_types and subject_type not in self.subject_types:
            return False
        if self.object_types and object_type not in self.object_types:
            return False
        return True


@dataclass(frozen=True)
class RelationLexicon:
    rules: tuple[Rule, ...]
    hedges: frozenset[str]
    wishes: frozenset[str]
    reporting: frozenset[str]
    negations: frozenset[str]
    negating_heads: frozenset[str]

    def by_pattern(self, pattern: str) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.pattern == pattern)

    def triggers(self, pattern: str) -> dict[str, tuple[Rule, ...]]:
        """Single-word trigger lemma -> rules of that pattern (multi-word lemmas keyed by their first word)."""
        table: dict[str, list[Rule]] = {}
        for rule in self.by_pattern(pattern):
            for lemma in rule.lemmas:
                table.setdefault(lemma.split()[0], []).append(rule)
        return {k: tuple(v) for k, v in table.items()}


def _set(row: dict, key: str) -> frozenset[str]:
    value = row.get(key, [])
    if not isinstance(value, list):
        raise LexiconError(f"rule {row.get('id')!r}: {key} must be a list")
    return frozenset(str(v).lower() for v in value)


def _possessor(row: dict, source: str) -> str:
    value = row.get("possessor", "subject")
    if value not in ("subject", "object"):
        raise LexiconError(f"{source}: rule {row.get('id')!r}: possessor must be \"subject\" or \"object\"")
    return value


def _polarity(row: dict, source: str) -> str | None:
    value = row.get("polarity")
    if value not in (None, "negative", "positive"):
        raise LexiconError(f"{source}: rule {row.get('id')!r}: polarity must be \"negative\" or \"positive\"")
    if value is not None and row.get("pattern") != "claim":
        raise LexiconError(f"{source}: rule {row.get('id')!r}: polarity is only for claim rules")
    return value


def parse_lexicon(text: str, source: str = "relations.toml") -> RelationLexicon:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{source}: {err}") from None
    rules, seen = [], set()
    for row in data.get("rule", []):
        rid = row.get("id")
        if not rid or rid in seen:
            raise LexiconError(f"{source}: every rule needs a unique id (got {rid!r})")
        seen.add(rid)
        predicate = row.get("predicate")
        if predicate not in RELATIONS:
            raise LexiconError(f"{source}: rule {rid!r}: predicate {predicate!r} is not an akg relation")
        pattern = row.get("pattern")
        if pattern not in PATTERNS:
            raise LexiconError(f"{source}: rule {rid!r}: unknown pattern {pattern!r} (one of {', '.join(PATTERNS)})")
        confidence = row.get("confidence")
        if not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
            raise LexiconError(f"{source}: rule {rid!r}: confidence must be a number in [0, 1]")
        types = _set(row, "subject_types") | _set(row, "object_types")
        known = {t.lower() for t in ENTITY_TYPES}
        if types - known:
            raise LexiconError(f"{source}: rule {rid!r}: unknown entity type(s) {sorted(types - known)}")
        title = {t.lower(): t for t in ENTITY_TYPES}
        rules.append(
            Rule(
                id=rid,
                predicate=predicate,
                pattern=pattern,
                lemmas=_set(row, "lemmas"),
                confidence=float(confidence),
                preps=_set(row, "preps"),
                cues=_set(row, "cues"),
                targets=_set(row, "targets"),
                symmetric=bool(row.get("symmetric", False)),
                subject_types=frozenset(title[t] for t in _set(row, "subject_types")),
                object_types=frozenset(title[t] for t in _set(row, "object_types")),
                form=row.get("form"),
                deep_object=bool(row.get("deep_object", False)),
                force=row.get("force"),
                refusal=bool(row.get("refusal", False)),
                polarity=_polarity(row, source),
                possessor=_possessor(row, source),
                inverse=bool(row.get("inverse", False)),
                prep_only=bool(row.get("prep_only", False)),
                mutual=bool(row.get("mutual", False)),
                presupposed=bool(row.get("presupposed", False)),
            )
        )
    modality = data.get("modality", {})
    return RelationLexicon(
        rules=tuple(rules),
        hedges=_set(modality, "hedges"),
        wishes=_set(modality, "wishes"),
        reporting=_set(modality, "reporting"),
        negations=_set(modality, "negations"),
        negating_heads=_set(modality, "negating_heads"),
    )


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> RelationLexicon:
    """The relation lexicon: the bundled ``kg/data/relations.toml``, or a file of the same format."""
    if path is None:
        text = resources.files("kg").joinpath("data/relations.toml").read_text("utf-8")
        return parse_lexicon(text)
    try:
        return parse_lexicon(Path(path).read_text("utf-8"), str(path))
    except OSError as err:
        raise LexiconError(f"{path}: cannot read ({err.strerror})") from None
