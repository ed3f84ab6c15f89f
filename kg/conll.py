"""Scoring actorkg on CoNLL04 (SpERT JSON): strict entity and relation P/R/F1, sentence by sentence.

Every sentence is one :class:`~kg.model.Document` (id ``conll04:<index>``, text = the
tokens joined with single spaces, made by :func:`kg.ingest.document_from_text`) and goes
through the chain of ``kg build`` — :func:`kg.nlp.parse` in batches, then
:func:`~kg.entities.find_mentions`, :func:`~kg.entities.resolve_actors`,
:func:`~kg.relations.extract_relations` and :func:`~kg.relations.containment_relations`,
in the order :func:`kg.build.build_graph` chains them (:func:`analyse_documents`). The
graph-level steps of ``build_graph`` (merging nodes across documents, pruning
unrelated collective actors, the confidence filter at 0) add or remove no relation of a
sentence, so the relations scored here are the relations ``kg build`` puts in the graph
for that sentence; ``tests/test_conll.py`` checks this against ``build_graph`` itself.

Scoring decisions
-----------------
Types. A system actor's type maps to a CoNLL04 type: Person → Peop, Organization → Org,
**Group → Org** (SPEC's gold scoring treats Organization and Group as compatible;
CoNLL04 has no class for collectives), Location → Loc.

Spans. CoNLL04 is scored on its own tokens. The pipeline tokenizes the joined text
again, so a system span (``Mention.start``/``end``, characters) is first widened to
the whole corpus tokens it touches (:meth:`Record.project`): a mention "Boise" of the
corpus token "Boise." (the corpus sometimes glues the final full stop to the last
word) is the span of that token. Nothing else is forgiven: a title the pipeline leaves
out ("Lincoln" for the gold "President Lincoln") or adds is a wrong span.

Entities (strict). Gold: every Peop/Org/Loc entity, as a character span of the joined
sentence. System: every *named* mention that ended up in an actor — the span
:func:`~kg.entities.find_mentions` reports, projected as above, with the type of its
actor. A mention is correct when span and type are both exactly right; a system actor
with several mentions in a sentence scores each mention. Not scored:

* gold ``Other`` entities; a system mention whose span is exactly a gold ``Other`` span
  is ignored too (neither right nor wrong: CoNLL04 says it is an entity of a kind
  outside the four classes), counted under ``ignored.other_span``;
* unnamed collective mentions ("officials", "rebels", label ``COLLECTIVE``): CoNLL04
  annotates names only, counted under ``ignored.unnamed``. They still anchor relations.

A metonymic country ("X says ...", resolved to "Government of X", an Organization) is
scored as an Org mention: right when the gold says Org, wrong when it says Loc.

Relations (strict). Predicates map: ``kills`` ↔ Kill; ``memberOf`` or ``leads`` ↔
Work_For; ``locatedIn`` ↔ Live_In / Located_In / OrgBased_In. Every other predicate
(accuses, supports, attacks, ...) has no CoNLL04 counterpart and is ignored (counted
under ``ignored.unmapped_predicate``, never a false positive). Within a sentence, system
relations with the same subject, object and CoNLL04 family are one prediction
(``memberOf`` and ``leads`` between the same pair predict one Work_For).

A system relation ``(S, p, O)`` matches a gold relation ``(head, type, tail)`` when
``p`` maps to ``type``, one of S's mentions in the sentence has exactly the head's span,
one of O's has exactly the tail's span, and the CoNLL04 types of S and O are the gold
types of head and tail. Direction counts (a reversed relation is wrong). Gold and
system relations are paired one-to-one (maximum bipartite matching), so one system
relation never earns two gold relations. A matched prediction counts for the gold
type; an unmatched one counts for the type its predicate and subject imply:
``locatedIn`` with a Person subject → Live_In, Organization or Group → OrgBased_In,
Location → Located_In; ``kills`` → Kill; ``memberOf``/``leads`` → Work_For.

Gazetteer containment (``city locatedIn country``, rule ``gazetteer``) **counts** like
any locatedIn relation: right when the sentence names both places as gold spans with a
gold Located_In between them; wrong otherwise — including when the country is not
named in the sentence at all (the relation then has no span to match). The result also
gives ``micro_text_only``, the micro scores without the gazetteer relations, and
``by_rule``, predictions and correct ones per extractor rule.

P, R and F1 are 0.0 when their denominator is 0. Micro scores sum the counts of the
types.

Research use only: the corpus is read from ``../shared`` at run time, never copied.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .model import Document, Mention, Relation

__all__ = [
    "ENTITY_TYPES",
    "RELATION_TYPES",
    "TYPE_MAP",
    "Entity",
    "GoldRelation",
    "Record",
    "SystemMention",
    "SystemRelation",
    "Prediction",
    "SentenceScore",
    "load_conll04",
    "record_document",
    "analyse_documents",
    "predict",
    "score_sentence",
    "Tally",
    "evaluate_conll04",
    "format_conll_report",
    "run_conll_cli",
]

#: Gold entity types that are scored (``Other`` is not).
ENTITY_TYPES = ("Peop", "Org", "Loc")
_ALL_ENTITY_TYPES = frozenset(ENTITY_TYPES) | {"Other"}
#: CoNLL04 relation types, in report order.
RELATION_TYPES = ("Kill", "Live_In", "Located_In", "OrgBased_In", "Work_For")
#: actorkg node class -> CoNLL04 entity type.
TYPE_MAP = {"Person": "Peop", "Organization": "Org", "Group": "Org", "Location": "Loc"}
#: akg predicate -> the CoNLL04 relation types it can stand for.
PREDICATE_MAP = {
    "kills": frozenset({"Kill"}),
    "memberOf": frozenset({"Work_For"}),
    "leads": frozenset({"Work_For"}),
    "locatedIn": frozenset({"Live_In", "Located_In", "OrgBased_In"}),
}
# predicates that predict the same CoNLL04 relation are one prediction
_FAMILY = {"kills": "Kill", "memberOf": "Work_For", "leads": "Work_For", "locatedIn": "locatedIn"}
_LOCATED_BY_SUBJECT = {"Peop": "Live_In", "Org": "OrgBased_In", "Loc": "Located_In"}
_GAZETTEER_RULE = "gazetteer"


# -- the corpus ------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    type: str  # Peop | Org | Loc | Other
    start: int  # token offsets, end exclusive
    end: int


@dataclass(frozen=True)
class GoldRelation:
    type: str  # one of RELATION_TYPES
    head: int  # index into Record.entities
    tail: int


@dataclass(frozen=True)
class Record:
    """One CoNLL04 sentence: tokens, gold entities (token spans) and gold relations."""

    index: int
    tokens: tuple[str, ...]
    entities: tuple[Entity, ...]
    relations: tuple[GoldRelation, ...]
    orig_id: str | None = None

    @property
    def text(self) -> str:
        """The tokens joined with single spaces: the text the pipeline reads."""
        return " ".join(self.tokens)

    @property
    def doc_id(self) -> str:
        return f"conll04:{self.index}"

    def offsets(self) -> list[tuple[int, int]]:
        """Character span of every token in :attr:`text`.

        >>> Record(0, ("Ann", "met", "Bo"), (), ()).offsets()
        [(0, 3), (4, 7), (8, 10)]
        """
        spans, pos = [], 0
        for token in self.tokens:
            spans.append((pos, pos + len(token)))
            pos += len(token) + 1
        return spans

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """Character span of the tokens ``start:end`` (end exclusive).

        >>> Record(0, ("Ann", "met", "Bo", "Li"), (), ()).char_span(2, 4)
        (8, 13)
        """
        offsets = self.offsets()
        return offsets[start][0], offsets[end - 1][1]

    def entity_span(self, i: int) -> tuple[int, int]:
        e = self.entities[i]
        return self.char_span(e.start, e.end)

    def project(self, start: int, end: int) -> tuple[int, int]:
        """A character span widened to the whole tokens of :attr:`tokens` it touches.

        The pipeline tokenizes the text again; a mention that stops inside a corpus
        token (``Boise`` of the token ``Boise.``) is the span of that token.

        >>> r = Record(0, ("in", "Boise."), (), ())
        >>> r.text[slice(*r.project(3, 8))]
        'Boise.'
        """
        offsets = self.offsets()
        inside = [k for k, (a, b) in enumerate(offsets) if a < end and start < b]
        if not inside:
            return start, end
        return offsets[inside[0]][0], offsets[inside[-1]][1]


def _fail(path: str, where: str, reason: str) -> InputError:
    return InputError(f"{path}: {where}: {reason} (expected CoNLL04 in SpERT JSON)")


def _parse_record(path: str, n: int, row: object) -> Record:
    where = f"record {n}"
    if not isinstance(row, dict):
        raise _fail(path, where, "not a JSON object")
    tokens = row.get("tokens")
    if not isinstance(tokens, list) or not tokens or not all(isinstance(t, str) for t in tokens):
        raise _fail(path, where, '"tokens" must be a non-empty list of strings')
    entities, relations = [], []
    raw_entities = row.get("entities", [])
    if not isinstance(raw_entities, list):
        raise _fail(path, where, '"entities" must be a list')
    for k, e in enumerate(raw_entities):
        if not isinstance(e, dict):
            raise _fail(path, f"{where}, entity {k}", "not a JSON object")
        type_, start, end = e.get("type"), e.get("start"), e.get("end")
        if type_ not in _ALL_ENTITY_TYPES:
            raise _fail(path, f"{where}, entity {k}", f"unknown type {type_!r} (one of Peop, Org, Loc, Other)")
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
            raise _fail(path, f"{where}, entity {k}", '"start" and "end" must be integers')
        if not 0 <= start < end <= len(tokens):
            raise _fail(path, f"{where}, entity {k}", f"span {start}:{end} outside the {len(tokens)} tokens")
        entities.append(Entity(type_, start, end))
    raw_relations = row.get("relations", [])
    if not isinstance(raw_relations, list):
        raise _fail(path, where, '"relations" must be a list')
    for k, r in enumerate(raw_relations):
        if not isinstance(r, dict):
            raise _fail(path, f"{where}, relation {k}", "not a JSON object")
        type_, head, tail = r.get("type"), r.get("head"), r.get("tail")
        if type_ not in RELATION_TYPES:
            raise _fail(path, f"{where}, relation {k}", f"unknown type {type_!r} (one of {', '.join(RELATION_TYPES)})")
        for name, value in (("head", head), ("tail", tail)):
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < len(entities):
                raise _fail(path, f"{where}, relation {k}", f'"{name}" must index the record\'s {len(entities)} entities')
        relations.append(GoldRelation(type_, head, tail))
    orig = row.get("orig_id")
    return Record(n, tuple(tokens), tuple(entities), tuple(relations), None if orig is None else str(orig))


def load_conll04(path: str | Path) -> list[Record]:
    """Read a CoNLL04 file in SpERT JSON (a list of ``tokens``/``entities``/``relations`` records).

    Raises :class:`~kg.errors.InputError` naming the file and the first bad record.
    """
    name = str(path)
    try:
        text = Path(path).read_text("utf-8")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text (expected CoNLL04 in SpERT JSON)") from None
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{name}: invalid JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
    if not isinstance(data, list):
        raise InputError(f"{name}: the top level must be a list of records (expected CoNLL04 in SpERT JSON)")
    if not data:
        raise InputError(f"{name}: no records")
    return [_parse_record(name, n, row) for n, row in enumerate(data)]


# -- system output, reduced to what the scoring needs ------------------------------


@dataclass(frozen=True)
class SystemMention:
    start: int  # char offsets into Record.text
    end: int
    actor: str  # actor key
    type: str  # akg class of the actor (Person | Organization | Group | Location)
    named: bool = True  # False for unnamed collective mentions ("officials")


@dataclass(frozen=True)
class SystemRelation:
    subject: str  # actor keys
    predicate: str  # akg predicate
    object: str
    rule: str = ""


@dataclass
class Prediction:
    """What the pipeline says about one sentence: typed actors, their mentions, relations."""

    actors: dict[str, str] = field(default_factory=dict)  # actor key -> akg class
    mentions: list[SystemMention] = field(default_factory=list)
    relations: list[SystemRelation] = field(default_factory=list)


def record_document(record: Record) -> Document:
    """The :class:`~kg.model.Document` of a sentence, as ``kg build`` would make it from text."""
    from .ingest import document_from_text

    return document_from_text(record.text, record.doc_id)


def analyse_documents(documents: Iterable[Document], *, nlp, lexicon=None, batch_size: int | None = None) -> Iterator[tuple]:
    """``(document, doc, actors, mentions, relations)`` per document: :func:`kg.build.analyse_documents`."""
    from .build import analyse_documents as analyse
    from .nlp import BATCH_SIZE

    return analyse(documents, nlp=nlp, lexicon=lexicon, batch_size=batch_size or BATCH_SIZE)


def _prediction(actors, mentions: Sequence[Mention], relations: Sequence[Relation]) -> Prediction:
    pred = Prediction(actors={k: a.type for k, a in actors.actors.items()})
    for m in mentions:
        key = actors.by_token.get(m.token_start)
        if key is None or key not in actors.actors:
            continue  # a mention the resolver dropped (no type, headline only)
        pred.mentions.append(SystemMention(m.start, m.end, key, actors.actors[key].type, named=m.collective is None))
    for r in relations:
        pred.relations.append(SystemRelation(r.subject, r.predicate, r.object, r.evidence.rule))
    return pred


def predict(records: Iterable[Record], *, nlp, batch_size: int | None = None) -> Iterator[tuple[Record, Prediction]]:
    """Run the pipeline over the sentences; yields ``(record, prediction)`` in order.

    A sentence ``document_from_text`` refuses (only boilerplate) gets an empty prediction.
    """
    pending: list[Record] = []

    def documents() -> Iterator[Document]:
        for record in records:
            try:
                document = record_document(record)
            except InputError:
                document = None
            pending.append(record)
            if document is not None:
                yield document

    queue_index = 0
    for document, _doc, actors, mentions, relations in analyse_documents(documents(), nlp=nlp, batch_size=batch_size):
        while pending[queue_index].doc_id != document.id:
            yield pending[queue_index], Prediction()
            queue_index += 1
        yield pending[queue_index], _prediction(actors, mentions, relations)
        queue_index += 1
    for record in pending[queue_index:]:
        yield record, Prediction()


# -- scoring ----------------------------------------------------------------------


@dataclass
class SentenceScore:
    """Counts of one sentence, plus what went wrong (for error analysis)."""

    entity_gold: Counter = field(default_factory=Counter)
    entity_pred: Counter = field(default_factory=Counter)
    entity_correct: Counter = field(default_factory=Counter)
    relation_gold: Counter = field(default_factory=Counter)
    relation_pred: Counter = field(default_factory=Counter)
    relation_correct: Counter = field(default_factory=Counter)
    rule_pred: Counter = field(default_factory=Counter)
    rule_correct: Counter = field(default_factory=Counter)
    ignored: Counter = field(default_factory=Counter)
    missed: list[GoldRelation] = field(default_factory=list)  # gold relations not found
    wrong: list[tuple[SystemRelation, str]] = field(default_factory=list)  # unmatched predictions, with the type charged


def _matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): left index -> right index."""
    owner: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, ()):
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in sorted(edges):
        augment(left, set())
    return {left: right for right, left in owner.items()}


def score_sentence(record: Record, prediction: Prediction) -> SentenceScore:
    """Strict entity and relation counts of one sentence (see the module docstring)."""
    score = SentenceScore()
    # entities
    gold_spans: dict[tuple[int, int], str] = {}
    other_spans: set[tuple[int, int]] = set()
    for i, e in enumerate(record.entities):
        span = record.entity_span(i)
        if e.type in ENTITY_TYPES:
            gold_spans.setdefault(span, e.type)
        else:
            other_spans.add(span)
    for type_ in gold_spans.values():
        score.entity_gold[type_] += 1
    system: dict[tuple[int, int], str] = {}
    for m in prediction.mentions:
        span = record.project(m.start, m.end)
        if not m.named:
            score.ignored["unnamed"] += 1
            continue
        if span in other_spans and span not in gold_spans:
            score.ignored["other_span"] += 1
            continue
        system.setdefault(span, TYPE_MAP.get(m.type, m.type))
    for span, type_ in system.items():
        score.entity_pred[type_] += 1
        if gold_spans.get(span) == type_:
            score.entity_correct[type_] += 1

    # relations
    spans_of: dict[str, set[tuple[int, int]]] = {}
    for m in prediction.mentions:
        spans_of.setdefault(m.actor, set()).add(record.project(m.start, m.end))
    ctype = {k: TYPE_MAP.get(t, t) for k, t in prediction.actors.items()}
    for m in prediction.mentions:
        ctype.setdefault(m.actor, TYPE_MAP.get(m.type, m.type))
    predicted: dict[tuple[str, str, str], SystemRelation] = {}
    for r in prediction.relations:
        if r.predicate not in PREDICATE_MAP:
            score.ignored["unmapped_predicate"] += 1
            continue
        predicted.setdefault((r.subject, _FAMILY[r.predicate], r.object), r)
    system_relations = list(predicted.values())
    gold = list(record.relations)
    for g in gold:
        score.relation_gold[g.type] += 1
    edges: dict[int, list[int]] = {}
    for i, r in enumerate(system_relations):
        s_spans, o_spans = spans_of.get(r.subject, set()), spans_of.get(r.object, set())
        for j, g in enumerate(gold):
            head, tail = record.entities[g.head], record.entities[g.tail]
            if (
                g.type in PREDICATE_MAP[r.predicate]
                and record.entity_span(g.head) in s_spans
                and record.entity_span(g.tail) in o_spans
                and ctype.get(r.subject) == head.type
                and ctype.get(r.object) == tail.type
            ):
                edges.setdefault(i, []).append(j)
    matched = _matching(edges)
    for i, r in enumerate(system_relations):
        if i in matched:
            type_ = gold[matched[i]].type
            score.relation_correct[type_] += 1
            score.rule_correct[r.rule] += 1
        else:
            type_ = _implied_type(r, ctype)
            score.wrong.append((r, type_))
        score.relation_pred[type_] += 1
        score.rule_pred[r.rule] += 1
    hit = set(matched.values())
    score.missed = [g for j, g in enumerate(gold) if j not in hit]
    return score


def _implied_type(r: SystemRelation, ctype: dict[str, str]) -> str:
    if r.predicate == "locatedIn":
        return _LOCATED_BY_SUBJECT.get(ctype.get(r.subject, ""), "Located_In")
    return next(iter(PREDICATE_MAP[r.predicate]))


def _prf(gold: int, pred: int, correct: int) -> dict:
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": gold, "pred": pred, "correct": correct, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Tally:
    """Sums of :class:`SentenceScore` over sentences."""

    sentences: int = 0
    entity_gold: Counter = field(default_factory=Counter)
    entity_pred: Counter = field(default_factory=Counter)
    entity_correct: Counter = field(default_factory=Counter)
    relation_gold: Counter = field(default_factory=Counter)
    relation_pred: Counter = field(default_factory=Counter)
    relation_correct: Counter = field(default_factory=Counter)
    rule_pred: Counter = field(default_factory=Counter)
    rule_correct: Counter = field(default_factory=Counter)
    ignored: Counter = field(default_factory=Counter)

    def add(self, score: SentenceScore) -> None:
        self.sentences += 1
        for name in ("entity_gold", "entity_pred", "entity_correct", "relation_gold", "relation_pred",
                     "relation_correct", "rule_pred", "rule_correct", "ignored"):
            getattr(self, name).update(getattr(score, name))

    def result(self) -> dict:
        """The JSON-serialisable scores: per type and micro, entities and relations."""
        entities = {t: _prf(self.entity_gold[t], self.entity_pred[t], self.entity_correct[t]) for t in ENTITY_TYPES}
        relations = {t: _prf(self.relation_gold[t], self.relation_pred[t], self.relation_correct[t]) for t in RELATION_TYPES}

        def micro(table: dict, minus_pred: int = 0, minus_correct: int = 0) -> dict:
            return _prf(
                sum(v["gold"] for v in table.values()),
                sum(v["pred"] for v in table.values()) - minus_pred,
                sum(v["correct"] for v in table.values()) - minus_correct,
            )

        return {
            "sentences": self.sentences,
            "entities": {
                "types": entities,
                "micro": micro(entities),
                "ignored": {"other_span": self.ignored["other_span"], "unnamed": self.ignored["unnamed"]},
            },
            "relations": {
                "types": relations,
                "micro": micro(relations),
                "micro_text_only": micro(relations, self.rule_pred[_GAZETTEER_RULE], self.rule_correct[_GAZETTEER_RULE]),
                "by_rule": {rule: {"pred": self.rule_pred[rule], "correct": self.rule_correct[rule]} for rule in sorted(self.rule_pred)},
                "ignored": {"unmapped_predicate": self.ignored["unmapped_predicate"]},
            },
        }


def evaluate_conll04(path: str | Path, *, nlp=None, model: str | None = None, limit: int | None = None) -> dict:
    """Run ``kg build``'s pipeline over a CoNLL04 file and score it strictly (see the module docstring).

    ``limit`` keeps the first N sentences. The result is JSON-serialisable: ``entities`` and
    ``relations`` (per type and micro P/R/F1 with counts), ``sentences``, ``model``,
    ``seconds`` (loading the model excluded; ``load_seconds`` gives it).
    """
    from .nlp import load_pipeline, model_name

    if limit is not None and limit < 1:
        raise InputError("--limit must be a positive number of sentences")
    records = load_conll04(path)
    if limit is not None:
        records = records[:limit]
    started = time.perf_counter()
    nlp = nlp or load_pipeline(model)
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    tally = Tally()
    for record, prediction in predict(records, nlp=nlp):
        tally.add(score_sentence(record, prediction))
    seconds = time.perf_counter() - started
    result = {"corpus": "conll04", "file": str(path), "model": model_name(nlp), "scoring": "strict"}
    result.update(tally.result())
    result["load_seconds"] = round(load_seconds, 2)
    result["seconds"] = round(seconds, 2)
    result["sentences_per_second"] = round(len(records) / seconds, 1) if seconds > 0 else None
    return result


def _table(title: str, rows: dict, micro: dict, extra: Sequence[tuple[str, dict]] = ()) -> list[str]:
    lines = [f"{title:<16}{'gold':>6}{'pred':>6}{'correct':>9}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, v in [*rows.items(), ("micro", micro), *extra]:
        lines.append(
            f"{name:<16}{v['gold']:>6}{v['pred']:>6}{v['correct']:>9}"
            f"{100 * v['precision']:>8.1f}{100 * v['recall']:>8.1f}{100 * v['f1']:>8.1f}"
        )
    return lines


def format_conll_report(result: dict) -> str:
    """The scores as two plain tables (entities, relations); P/R/F1 in percent."""
    lines = [f"CoNLL04 {result.get('file', '')}: {result['sentences']} sentences, strict scoring, model {result.get('model', '?')}", ""]
    ent = result["entities"]
    lines += _table("entity", ent["types"], ent["micro"])
    lines.append(f"(ignored: {ent['ignored']['other_span']} mentions on gold Other spans, {ent['ignored']['unnamed']} unnamed collective mentions)")
    lines.append("")
    rel = result["relations"]
    lines += _table("relation", rel["types"], rel["micro"], [("micro -gazett.", rel["micro_text_only"])])
    lines.append(f"(ignored: {rel['ignored']['unmapped_predicate']} relations with no CoNLL04 counterpart)")
    if rel.get("by_rule"):
        lines.append("by rule: " + ", ".join(f"{rule} {v['correct']}/{v['pred']}" for rule, v in rel["by_rule"].items()))
    if result.get("seconds") is not None:
        lines.append("")
        lines.append(f"time: {result['seconds']:.1f} s for {result['sentences']} sentences (model load {result.get('load_seconds', 0):.1f} s)")
    return "\n".join(lines)


def run_conll_cli(args) -> int:
    """``kg eval --conll04 FILE [--limit N] [--model NAME] [--json]``: print the scores; 0 on success."""
    path = Path(args.conll04)
    if not path.exists():
        raise InputError(f"{args.conll04}: no such file")
    result = evaluate_conll04(path, model=getattr(args, "model", None), limit=getattr(args, "limit", None))
    if getattr(args, "json", False):
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(format_conll_report(result))
    return 0
