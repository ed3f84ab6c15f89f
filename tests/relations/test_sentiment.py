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
