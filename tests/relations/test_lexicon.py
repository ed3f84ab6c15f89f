"""The relation lexicon is data: its loader must reject what the extractor cannot use."""

from __future__ import annotations

import pytest

from kg.errors import LexiconError
from kg.relations.lexicon import PATTERNS, load_lexicon, parse_lexicon
from kg.vocab import RELATIONS


def test_lexicon_bundled_rules_are_valid():
    lexicon = load_lexicon()
    ids = [rule.id for rule in lexicon.rules]
    assert len(ids) == len(set(ids))
    assert {rule.predicate for rule in lexicon.rules} <= set(RELATIONS)
    assert {rule.pattern for rule in lexicon.rules} <= set(PATTERNS)
    assert all(0 < rule.confidence <= 1 for rule in lexicon.rules)


def test_lexicon_covers_every_relation():
    covered = {rule.predicate for rule in load_lexicon().rules}
    assert covered == set(RELATIONS)


@pytest.mark.parametrize(
    "text, message",
    [
        ('[[rule]]\nid = "x"\npredicate = "hates"\npattern = "verb"\nlemmas = ["hate"]\nconfidence = 0.5\n', "not an akg relation"),
        ('[[rule]]\nid = "x"\npredicate = "accuses"\npattern = "magic"\nlemmas = ["a"]\nconfidence = 0.5\n', "unknown pattern"),
        ('[[rule]]\nid = "x"\npredicate = "accuses"\npattern = "verb"\nlemmas = ["a"]\nconfidence = 1.5\n', "confidence"),
        ('[[rule]]\npredicate = "accuses"\npattern = "verb"\nlemmas = ["a"]\nconfidence = 0.5\n', "unique id"),
        ('[[rule]]\nid = "x"\npredicate = "accuses"\npattern = "verb"\nlemmas = "accuse"\nconfidence = 0.5\n', "must be a list"),
        ('[[rule]]\nid = "x"\npredicate = "accuses"\npattern = "verb"\nlemmas = ["a"]\nsubject_types = ["Robot"]\nconfidence = 0.5\n', "unknown entity type"),
        ('[[rule]]\nid = "x"\npredicate = "criticizes"\npattern = "claim"\nlemmas = ["say"]\npolarity = "angry"\nconfidence = 0.5\n', "polarity must be"),
        ('[[rule]]\nid = "x"\npredicate = "criticizes"\npattern = "verb"\nlemmas = ["say"]\npolarity = "negative"\nconfidence = 0.5\n', "only for claim rules"),
        ('[[rule]]\nid = "x"\npredicate = "kills"\npattern = "noun"\nlemmas = ["murder"]\npossessor = "victim"\nconfidence = 0.5\n', "possessor must be"),
        ("[[rule]\n", "relations.toml"),
    ],
)
def test_lexicon_rejects_bad_rules(text, message):
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(text)


def test_lexicon_rule_type_filter():
    lexicon = parse_lexicon('[[rule]]\nid = "x"\npredicate = "leads"\npattern = "role"\nsubject_types = ["Person"]\nconfidence = 0.5\n')
    rule = lexicon.rules[0]
    assert rule.accepts("Person", "Organization")
    assert not rule.accepts("Organization", "Organization")


def test_word_lists_are_data():
    from kg.entities.lexicon import word_list

    assert "spokesman" in word_list("spokespeople") and "mr" in word_list("honorifics")
    with pytest.raises(LexiconError, match="missing list"):
        word_list("no-such-list")
