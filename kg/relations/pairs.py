"""A learned second reader: which two actors named in one sentence are related, and how.

The patterns of :mod:`kg.relations.extract` read a relation only where the parse has the
shape a rule expects. This module looks at every ordered pair of actors one sentence
names, describes the pair by sparse features (the dependency path between the two names
and its words, whether they are trigger words of the relation lexicon, reporting verbs,
negations or evaluative words; the words between the names; their types and syntactic
roles; the tone of each name's clause) and by the parser's contextual vectors of the two
names and the path, and scores each relation type with a multinomial logistic regression
trained on the hand-annotated gold files (``benchmarks/train_pairs.py``; weights in
``kg/data/pair_model.json``, applied here with numpy and the standard library).

The model only adds, and only when asked (``kg build --learned``): a pair the patterns or
the gazetteer already relate is left to them, and so is a subject whose stance in that
sentence a pattern has read; a pair gets the model's best class when it is one the model
may emit (its ``emit`` list: the stance relations, where cross-validation showed it
helps) with a probability over the model's threshold, in the likelier of its two
directions. The clause that joins the two names (the lowest verb on the path) is checked
as the patterns check their trigger: negated, denied or conditional gives nothing, hedged
gives modality ``hedged``, inside someone else's reported speech gives ``reported``.
Assertions carry the rule ``learned.<predicate>`` and a confidence of 0.8 times the
model's probability.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc, Span, Token

from ..entities.resolve import DocumentActors
from ..errors import LexiconError
from ..model import Evidence, Relation
from .extract import EVENT_PREDICATES, DocumentContext, event_date_of, is_hedged, is_negated, reported_by, sentence_evidence
from .lexicon import RelationLexicon
from .sentiment import valence

__all__ = ["Candidate", "PairModel", "candidate_pairs", "pair_features", "load_pair_model", "learned_relations"]

#: The subject of a learned relation is an actor; its object an actor or, for locatedIn, a place.
_ACTORS = frozenset({"Person", "Organization", "Group"})
#: pairs further apart than this many tokens are not candidates
MAX_DISTANCE = 40
#: words the "between" features skip
_SKIP_POS = frozenset({"PUNCT", "DET", "SPACE"})
#: a learned assertion's confidence is the model's probability times this
CONFIDENCE_SCALE = 0.8


@dataclass(frozen=True)
class Candidate:
    """One ordered pair of actors in one sentence, with the features that describe it."""

    subject: str
    object: str
    sent: Span
    heads: tuple[int, int]  # token indices of the two mention heads the features describe
    features: tuple[str, ...]
    vector: np.ndarray | None = None


def _mention_heads(doc: Doc, actors: DocumentActors, sent: Span) -> dict[str, list[Token]]:
    """Actor key -> the head token of each of its mentions in the sentence."""
    heads: dict[str, list[Token]] = {}
    i = sent.start
    while i < sent.end:
        key = actors.actor_at(i)
        if key is None:
            i += 1
            continue
        j = i
        while j + 1 < sent.end and actors.actor_at(j + 1) == key:
            j += 1
        span = doc[i : j + 1]
        heads.setdefault(key, []).append(span.root)
        i = j + 1
    return heads


#: a dependency path: the tokens up from one name, their lowest common ancestor, the tokens down to the other
_Path = tuple[list[Token], Token, list[Token]] | None


def _path(a: Token, b: Token) -> _Path:
    """Tokens from ``a`` up to the lowest common ancestor, the ancestor, and down to ``b``."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in index_b:
            return up_a[:n], t, list(reversed(up_b[: index_b[t.i]]))
    return None


def _inner(found: _Path, a: Token, b: Token) -> list[Token]:
    """The tokens of a path strictly between its two ends."""
    if found is None:
        return []
    up, top, down = found
    return [t for t in (*up[1:], top, *down[:-1]) if t.i not in (a.i, b.i)]


@lru_cache(maxsize=4)
def _trigger_table(lexicon: RelationLexicon) -> dict[str, frozenset[str]]:
    """Lemma -> the predicates whose verb, noun, adjective or claim rules it triggers."""
    table: dict[str, set[str]] = {}
    for rule in lexicon.rules:
        if rule.pattern in ("verb", "noun", "adjective", "claim", "ally"):
            for lemma in rule.lemmas:
                table.setdefault(lemma.split()[0], set()).add(rule.predicate)
    return {k: frozenset(v) for k, v in table.items()}


def _word_class(token: Token, triggers: dict[str, frozenset[str]], lexicon: RelationLexicon) -> list[str]:
    """What a word on the path is, beyond its lemma: a trigger, a reporting verb, an evaluative word."""
    lemma = token.lemma_.lower()
    out = [f"trig:{p}" for p in sorted(triggers.get(lemma, ()))]
    if lemma in lexicon.reporting:
        out.append("reporting")
    if lemma in lexicon.negations or token.dep_ == "neg":
        out.append("negation")
    v = valence(token)
    if v <= -1.0:
        out.append("negative")
    elif v >= 1.0:
        out.append("positive")
    return out


def pair_features(a: Token, b: Token, a_type: str, b_type: str, lexicon: RelationLexicon, triggers: dict[str, frozenset[str]] | None = None) -> tuple[str, ...]:
    """Sparse binary features of the ordered pair (a, b) of mention heads in one sentence."""
    return _features(a, b, _path(a, b), a_type, b_type, lexicon, _trigger_table(lexicon) if triggers is None else triggers)


def _features(a: Token, b: Token, found: _Path, a_type: str, b_type: str, lexicon: RelationLexicon, triggers: dict[str, frozenset[str]]) -> tuple[str, ...]:
    types = f"{a_type}>{b_type}"
    feats = {f"types={types}", f"order={'ab' if a.i < b.i else 'ba'}"}
    distance = abs(a.i - b.i)
    feats.add(f"dist={distance if distance < 6 else ('6-11' if distance < 12 else '12+')}")
    feats.add(f"a.dep={a.dep_}")
    feats.add(f"b.dep={b.dep_}")
    feats.add(f"a.head={a.head.lemma_.lower()}")
    feats.add(f"b.head={b.head.lemma_.lower()}")
    if found is not None:
        up, top, down = found
        deps = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in down]
        feats.add("path=" + " ".join(deps))
        feats.add(f"path={types}:" + " ".join(deps))
        feats.add(f"len={min(len(up) + len(down), 6)}")
        inner = _inner(found, a, b)
        lemmas = [t.lemma_.lower() for t in inner]
        feats.add("plemmas=" + " ".join(deps) + "|" + " ".join(lemmas))
        top_role = "top" if top.i not in (a.i, b.i) else ("a-top" if top.i == a.i else "b-top")
        feats.add(f"top={top_role}:{top.pos_}")
        if top.i not in (a.i, b.i):
            feats.add(f"top.lemma={top.lemma_.lower()}")
            feats.add(f"top.lemma={types}:{top.lemma_.lower()}")
        for t in inner:
            feats.add(f"on={t.lemma_.lower()}")
            for c in _word_class(t, triggers, lexicon):
                feats.add(f"on.{c}")
                feats.add(f"on.{c}:{types}")
            for child in t.children:
                if child.dep_ == "neg":
                    feats.add("on.negated")
    for name, t in (("a", a), ("b", b)):
        verb = next((x for x in t.ancestors if x.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            tone = sum(valence(x) for x in verb.subtree if x.i not in (a.i, b.i))
            feats.add(f"{name}.clause-tone={'neg' if tone <= -1 else 'pos' if tone >= 1 else 'flat'}")
            if verb.lemma_.lower() in lexicon.reporting:
                feats.add(f"{name}.in-reporting-clause")
    lo, hi = sorted((a.i, b.i))
    between = [t for t in a.doc[lo + 1 : hi] if t.pos_ not in _SKIP_POS]
    if len(between) <= 8:
        for t in between:
            feats.add(f"btw={t.lemma_.lower()}")
    for t in between:
        for c in _word_class(t, triggers, lexicon):
            feats.add(f"btw.{c}")
    if any(t.text in ('"', "'", "\u201c", "\u201d") for t in a.doc[lo:hi]):
        feats.add("quote-between")
    return tuple(sorted(feats))


def pair_vector(a: Token, b: Token) -> np.ndarray | None:
    """Dense context: the parser's contextual vectors of both heads and of the path between them."""
    return _vector(a, b, _path(a, b))


def _vector(a: Token, b: Token, found: _Path) -> np.ndarray | None:
    doc = a.doc
    if doc.tensor is None or not len(doc.tensor):
        return None
    inner = [t.i for t in _inner(found, a, b)]
    path = doc.tensor[inner].mean(axis=0) if inner else np.zeros(doc.tensor.shape[1], dtype="float32")
    return np.concatenate([doc.tensor[a.i], doc.tensor[b.i], path]).astype(np.float64)


def candidate_pairs(doc: Doc, actors: DocumentActors, lexicon: RelationLexicon, skip: frozenset[tuple[str, str]] = frozenset()) -> list[Candidate]:
    """Every ordered pair of distinct actors one sentence names (the closest two mentions), with
    features; pairs in ``skip`` are left out."""
    out: list[Candidate] = []
    types = {k: a.type for k, a in actors.actors.items()}
    triggers = _trigger_table(lexicon)
    for sent in doc.sents:
        heads = _mention_heads(doc, actors, sent)
        keys = sorted(heads)
        for s in keys:
            if types.get(s) not in _ACTORS:
                continue
            for o in keys:
                if o == s or types.get(o) is None or (s, o) in skip:
                    continue
                a, b = min(((x, y) for x in heads[s] for y in heads[o]), key=lambda p: (abs(p[0].i - p[1].i), p[0].i))
                if a.i == b.i or abs(a.i - b.i) > MAX_DISTANCE:
                    continue
                found = _path(a, b)  # walked once for both kinds of feature
                out.append(Candidate(s, o, sent, (a.i, b.i), _features(a, b, found, types[s], types[o], lexicon, triggers), _vector(a, b, found)))
    return out


class PairModel:
    """A multinomial logistic regression over sparse binary features, read from JSON."""

    def __init__(self, labels: list[str], weights: dict[str, list[float]], bias: list[float], threshold: float, meta: dict | None = None):
        self.labels = labels
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.meta = meta or {}
        self.emit = frozenset(self.meta.get("emit", labels))
        dims = sorted((int(f[1:]), row) for f, row in weights.items() if f[:1] == "v" and f[1:].isdigit())
        self._dense = np.zeros((dims[-1][0] + 1, len(labels))) if dims else None
        for d, row in dims:
            self._dense[d] = row

    def probabilities(self, features: Iterable[str], vector: np.ndarray | None = None) -> list[float]:
        scores = list(self.bias)
        for f in features:
            row = self.weights.get(f)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w
        scale = self.meta.get("dense_scale", 0.0)
        if scale and vector is not None and self._dense is not None:
            n = min(len(vector), len(self._dense))
            dense = scale * (np.asarray(vector[:n], dtype=np.float64) @ self._dense[:n])
            scores = [x + float(y) for x, y in zip(scores, dense)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def to_json(self) -> str:
        """Deterministic JSON, one line per feature (weights rounded to 6 decimals)."""
        dump = lambda value: json.dumps(value, sort_keys=True, ensure_ascii=False)  # noqa: E731
        head = {"bias": [round(b, 6) for b in self.bias], "labels": self.labels, "meta": self.meta, "threshold": self.threshold}
        rows = [f"{dump(f)}: {dump([round(w, 6) for w in row])}" for f, row in sorted(self.weights.items())]
        lines = ["{", *(f"{dump(k)}: {dump(v)}," for k, v in head.items()), '"weights": {', ",\n".join(rows), "}}"]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "PairModel":
        data = json.loads(text)
        return cls(data["labels"], data["weights"], data["bias"], data["threshold"], data.get("meta"))


@lru_cache(maxsize=1)
def load_pair_model() -> PairModel | None:
    """The shipped model (``kg/data/pair_model.json``), or ``None`` when there is none."""
    try:
        text = resources.files("kg").joinpath("data/pair_model.json").read_text("utf-8")
    except FileNotFoundError:
        return None
    try:
        return PairModel.from_json(text)
    except (ValueError, KeyError) as err:
        raise LexiconError(f"pair_model.json: {err}") from None


def _anchor(a: Token, b: Token) -> Token:
    """The clause that joins two names: the lowest verb on the path between them (else its top)."""
    found = _path(a, b)
    if found is None:
        return a.sent.root
    up, top, _ = found
    for t in (*up[1:], top):
        if t.pos_ in ("VERB", "AUX"):
            return t
    for t in top.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return top


def learned_relations(
    doc: Doc,
    actors: DocumentActors,
    lexicon: RelationLexicon,
    found: Iterable[Relation],
    model: PairModel | None = None,
    threshold: float | None = None,
) -> list[Relation]:
    """Relations the model reads between pairs ``found`` leaves unrelated (one per pair: its likeliest sentence)."""
    model = model if model is not None else load_pair_model()
    if model is None:
        return []
    threshold = model.threshold if threshold is None else threshold
    found = list(found)
    related = {(r.subject, r.object) for r in found} | {(r.object, r.subject) for r in found}
    # a subject whose stance in a sentence the patterns have read has its target there already:
    # "Officials maintained that X was behind the general's death" is about X, not the general
    read = {(r.subject, r.evidence.char_start) for r in found if r.predicate in EVENT_PREDICATES}
    types = {k: a.type for k, a in actors.actors.items()}
    best: dict[tuple, tuple[float, str, Candidate]] = {}
    starts: dict[int, int] = {}  # sentence -> the start offset its evidence has
    for cand in candidate_pairs(doc, actors, lexicon, skip=frozenset(related)):
        if cand.sent.start not in starts:
            starts[cand.sent.start] = sentence_evidence(cand.sent)[1]
        if (cand.subject, starts[cand.sent.start]) in read:
            continue
        probs = model.probabilities(cand.features, cand.vector)
        k = max(range(len(probs)), key=lambda n: (probs[n], -n))
        label = model.labels[k]
        if label not in model.emit or probs[k] < threshold:
            continue
        if (label == "locatedIn") != (types[cand.object] == "Location"):
            continue
        pair = tuple(sorted((cand.subject, cand.object)))  # one reading per pair: the likelier direction
        if pair not in best or probs[k] > best[pair][0]:
            best[pair] = (probs[k], label, cand)
    ctx = DocumentContext(doc, actors, lexicon) if best else None
    out = []
    for _, (p, label, cand) in sorted(best.items()):
        s, o = cand.subject, cand.object
        anchor = _anchor(doc[cand.heads[0]], doc[cand.heads[1]])
        if is_negated(anchor, lexicon):
            continue
        hedged = is_hedged(anchor, lexicon)
        speaker, reported = reported_by(anchor, ctx)
        if speaker in (s, o):
            speaker, reported = None, False  # the subject's own words are the act itself
        text, start, end = sentence_evidence(cand.sent)
        confidence = CONFIDENCE_SCALE * p * (0.8 if hedged else 1.0)
        evidence = Evidence(
            document=actors.document.id,
            sentence=text,
            char_start=start,
            char_end=end,
            confidence=round(confidence, 2),
            rule=f"learned.{label}",
            modality="hedged" if hedged else ("reported" if reported else "asserted"),
            attributed_to=speaker,
            event_date=event_date_of(anchor, actors.document.date) if label in EVENT_PREDICATES else None,
        )
        out.append(Relation(s, label, o, evidence))
    return out
