"""The pair classifier (kg/relations/pairs.py): features, the model arithmetic, and how its
readings become assertions. Hand-made models pin the mechanics; the shipped model is
checked for shape and on a few invented sentences."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from kg.build import analyse_documents
from kg.ingest import document_from_text
from kg.relations.lexicon import load_lexicon
from kg.relations.pairs import CONFIDENCE_SCALE, PairModel, _path, candidate_pairs, learned_relations, load_pair_model, pair_features

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[2]


def _analyse(nlp, text: str):
    document = document_from_text(text, "case.txt")
    [(document, doc, actors, _, relations)] = list(analyse_documents([document], nlp=nlp, learned=False))
    return doc, actors, relations


def _learned(nlp, text: str, model: PairModel):
    doc, actors, relations = _analyse(nlp, text)
    found = learned_relations(doc, actors, load_lexicon(), relations, model=model)
    label = lambda k: actors.actors[k].label  # noqa: E731
    return {(label(r.subject), r.predicate, label(r.object)): r.evidence for r in found}


def _train_pairs():
    """benchmarks/train_pairs.py, imported as a module."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import train_pairs
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return train_pairs


def _dinner_model(label: str = "supports", weight: float = 6.0) -> PairModel:
    """A toy model: two people who share a dinner are allies of some kind; nothing else is related."""
    return PairModel(["none", label], {"btw=dinner": [0.0, weight]}, [2.0, -2.0], 0.6, {"emit": [label]})


def test_path_climbs_to_the_common_head(nlp):
    doc = nlp("Ann Kray criticised Peter Dunmore.")
    up, top, down = _path(doc[1], doc[4])
    assert [t.text for t in up] == ["Kray"] and top.text == "criticised" and [t.text for t in down] == ["Dunmore"]


def test_features_name_the_path_and_its_trigger_class(nlp):
    doc = nlp("Ann Kray criticised Peter Dunmore.")
    feats = pair_features(doc[1], doc[4], "Person", "Person", load_lexicon())
    assert "path=nsubj^ vdobj" in feats
    assert "on.trig:criticizes" in feats and "top.lemma=criticise" in feats
    assert "types=Person>Person" in feats and "order=ab" in feats
    reverse = pair_features(doc[4], doc[1], "Person", "Person", load_lexicon())
    assert "order=ba" in reverse and "path=dobj^ vnsubj" in reverse


def test_features_see_the_tone_of_the_clause(nlp):
    doc = nlp("Helen Marsh said Peter Dunmore had been reckless and arrogant.")
    feats = pair_features(doc[1], doc[4], "Person", "Person", load_lexicon())
    assert "b.clause-tone=neg" in feats and "a.in-reporting-clause" in feats


def test_candidates_are_ordered_pairs_of_actors_in_one_sentence(nlp):
    doc, actors, _ = _analyse(nlp, "Ann Kray met Peter Dunmore in Leeds. Helen Marsh stayed at home.")
    pairs = {(actors.actors[c.subject].label, actors.actors[c.object].label) for c in candidate_pairs(doc, actors, load_lexicon())}
    assert ("Ann Kray", "Peter Dunmore") in pairs and ("Peter Dunmore", "Ann Kray") in pairs
    assert ("Ann Kray", "Leeds") in pairs and ("Leeds", "Ann Kray") not in pairs  # a place is never a subject
    assert not any("Helen Marsh" in p for p in pairs)  # another sentence


def test_model_probabilities_and_json_round_trip():
    model = PairModel(["none", "supports"], {"a": [0.0, 1.0], "b": [0.0, -2.0]}, [0.5, 0.0], 0.6, {"emit": ["supports"]})
    p = model.probabilities(["a", "unknown"])
    assert p == pytest.approx([1 / (1 + 2.718281828 ** 0.5), 2.718281828 ** 0.5 / (1 + 2.718281828 ** 0.5)], rel=1e-6)
    assert sum(model.probabilities(["a", "b"])) == pytest.approx(1.0)
    again = PairModel.from_json(model.to_json())
    assert again.to_json() == model.to_json() and again.emit == {"supports"}


def test_dense_features_count_only_with_a_scale():
    model = PairModel(["none", "supports"], {"v0": [0.0, 10.0]}, [0.0, 0.0], 0.6, {"emit": ["supports"]})
    assert model.probabilities([], [1.0]) == pytest.approx([0.5, 0.5])
    model.meta["dense_scale"] = 0.5
    assert model.probabilities([], [1.0])[1] > 0.99


def test_a_learned_reading_becomes_an_assertion(nlp):
    text = "Ann Kray had dinner with Peter Dunmore on Friday."
    found = _learned(nlp, text, _dinner_model())
    evidence = found[("Ann Kray", "supports", "Peter Dunmore")]
    assert evidence.rule == "learned.supports" and evidence.modality == "asserted"
    assert evidence.sentence == text and text[evidence.char_start : evidence.char_end] == text
    assert evidence.confidence == pytest.approx(CONFIDENCE_SCALE * PairModel.probabilities(_dinner_model(), ["btw=dinner"])[1], abs=0.01)


def test_a_negated_or_conditional_clause_gives_nothing(nlp):
    assert _learned(nlp, "Ann Kray did not have dinner with Peter Dunmore.", _dinner_model()) == {}
    assert _learned(nlp, "If Ann Kray has dinner with Peter Dunmore, the talks will fail.", _dinner_model()) == {}


def test_hedged_and_reported_readings(nlp):
    found = _learned(nlp, "Ann Kray may have dinner with Peter Dunmore.", _dinner_model())
    evidence = found[("Ann Kray", "supports", "Peter Dunmore")]
    assert evidence.modality == "hedged"
    found = _learned(nlp, "Helen Marsh said Ann Kray had dinner with Peter Dunmore.", _dinner_model())
    evidence = found[("Ann Kray", "supports", "Peter Dunmore")]
    assert evidence.modality == "reported" and evidence.attributed_to == "helen-marsh"


def test_pairs_the_patterns_relate_are_left_to_them(nlp):
    everything = PairModel(["none", "supports"], {}, [0.0, 5.0], 0.6, {"emit": ["supports"]})
    found = _learned(nlp, "Ann Kray criticised Peter Dunmore.", everything)
    assert ("Ann Kray", "supports", "Peter Dunmore") not in found and ("Peter Dunmore", "supports", "Ann Kray") not in found


def test_only_the_emitted_labels_and_above_the_threshold(nlp):
    text = "Ann Kray had dinner with Peter Dunmore on Friday."
    silent = PairModel(["none", "supports"], {"btw=dinner": [0.0, 6.0]}, [2.0, -2.0], 0.6, {"emit": []})
    assert _learned(nlp, text, silent) == {}
    weak = _dinner_model(weight=4.2)  # p(supports) = e^0.2 / (e^2 + e^0.2) < 0.6
    assert _learned(nlp, text, weak) == {}


def test_a_place_object_only_for_located_in(nlp):
    model = PairModel(["none", "supports"], {"types=Person>Location": [0.0, 9.0]}, [0.0, 0.0], 0.6, {"emit": ["supports"]})
    assert _learned(nlp, "Ann Kray spent the winter near Leeds.", model) == {}


def test_the_shipped_model():
    model = load_pair_model()
    assert model is not None and "none" in model.labels
    assert model.emit <= set(model.labels) - {"none"} and model.emit
    assert 0.5 <= model.threshold < 1.0
    assert all(len(row) == len(model.labels) for row in model.weights.values())
    assert json.loads(model.to_json())["meta"]["candidates"] > 500


def test_the_shipped_model_reads_what_no_pattern_does(nlp):
    """An integration case of the trained model (retraining may move it: then look at why)."""
    doc, actors, relations = _analyse(nlp, "Labour's Helen Marsh said the Tories under Peter Dunmore had nothing to offer voters.")
    label = lambda k: actors.actors[k].label  # noqa: E731
    patterns = {(label(r.subject), r.predicate, label(r.object)) for r in relations}
    learned = {(label(r.subject), r.predicate, label(r.object)): r.evidence for r in learned_relations(doc, actors, load_lexicon(), relations)}
    triple = ("Helen Marsh", "criticizes", "Conservative Party")
    assert triple not in patterns and triple in learned, (sorted(patterns), sorted(learned))
    assert learned[triple].rule == "learned.criticizes" and learned[triple].confidence < 0.8


@pytest.mark.parametrize(
    "text",
    [
        # the victim of what the accused did is not criticised (the patterns read the clause's target)
        "General Omar Dinka was killed last week. Officials say Peter Dunmore was behind the general's death and that his men had betrayed the town.",
        # praise with a bad word nearby
        "Helen Marsh said Peter Dunmore had achieved a great success despite the terrible weather.",
        "Helen Marsh said Peter Dunmore fought racism all his life.",
    ],
)
def test_the_shipped_model_adds_no_false_criticism(nlp, text):
    doc, actors, relations = _analyse(nlp, text)
    assert not [r for r in learned_relations(doc, actors, load_lexicon(), relations) if r.predicate in ("criticizes", "accuses", "opposes")]


def test_the_shipped_model_respects_negation(nlp):
    doc, actors, relations = _analyse(nlp, "Helen Marsh never said that Peter Dunmore was a disgrace, and she did not criticise him.")
    assert not [r for r in learned_relations(doc, actors, load_lexicon(), relations) if r.predicate == "criticizes"]


@pytest.mark.shared
@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None, reason="scikit-learn is not installed (pip install -e .[dev])")
def test_the_shipped_model_is_what_training_gives(nlp):
    """kg/data/pair_model.json is benchmarks/train_pairs.py's output on today's pipeline: a change to
    mentions or actors that moves the training data must come with a retrained model."""
    train_pairs = _train_pairs()
    lexicon = load_lexicon()
    items = [it for paths in train_pairs.READ_SETS.values() for it in train_pairs.collect(paths, nlp, lexicon)]
    items += train_pairs.judged_items(train_pairs.JUDGED, nlp, lexicon)
    fresh, shipped = train_pairs.fit(items), load_pair_model()
    retrain = "kg/data/pair_model.json is stale: run python benchmarks/train_pairs.py --write"
    assert fresh.labels == shipped.labels and fresh.meta == shipped.meta and fresh.threshold == shipped.threshold, retrain
    assert set(fresh.weights) == set(shipped.weights), retrain
    worst = max(abs(a - b) for f in fresh.weights for a, b in zip(fresh.weights[f], shipped.weights[f]))
    assert worst < 1e-3, retrain


@pytest.mark.shared
def test_judged_readings_still_find_their_pairs(nlp):
    """Each judged reading of tests/gold/pairs/ names its pair by the pipeline's labels; a change that
    renames actors would silently drop training rows, so every judged pair must still be found."""
    train_pairs = _train_pairs()
    rows = [r for p in train_pairs.JUDGED for r in json.loads(p.read_text("utf-8"))["judgements"]]
    items = train_pairs.judged_items(train_pairs.JUDGED, nlp, load_lexicon())
    found = sum(len(it.labels) for it in items)
    judged_pairs = {(r["doc"], r["char_start"], r["s"], r["o"]) for r in rows}
    assert rows and found >= 0.95 * 2 * len(judged_pairs), (found, len(judged_pairs))
