"""The VADER valences actorkg uses, with topical words neutralised (kg/data/sentiment.toml)."""

from __future__ import annotations

import pytest

from kg.relations.sentiment import load_valences, valence

pytestmark = pytest.mark.model


def test_sentiment_lexicon_loads_without_topical_words():
    table = load_valences()
    assert len(table) > 5000
    assert table["inadequate"] < -1 and table["brilliant"] > 2
    for topical in ("attack", "killed", "war", "argued", "denied", "worried", "arrested"):
        assert topical not in table


def test_sentiment_valence_counts_only_evaluative_parts_of_speech(nlp):
    doc = nlp("The reckless minister made a brilliant disaster of the crisis.")
    by_text = {t.text: valence(t) for t in doc}
    assert by_text["reckless"] < 0  # an adjective
    assert by_text["disaster"] == 0.0  # nouns never count
    assert by_text["crisis"] == 0.0


def test_sentiment_supplement_rates_verdicts_vader_lacks(nlp):
    table = load_valences()
    assert table["credible"] > 1.3 and table["add up"] > 1.3  # kg/data/sentiment.toml [supplement]
    doc = nlp("The figures did not add up, and the plan was not credible.")
    by_text = {t.text: valence(t) for t in doc}
    assert by_text["add"] == table["add up"]  # a phrasal verb is rated with its particle
    assert by_text["credible"] == table["credible"]
    plain = nlp("He added that the figures were late.")
    assert valence(plain[1]) == 0.0  # "add" alone is no verdict
