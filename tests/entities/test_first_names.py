"""The first-name lists the actor resolver and pronoun agreement read (from the coreferee package)."""

from __future__ import annotations

from kg.entities.lexicon import first_name_sex


def test_first_name_sex_knows_names_of_one_sex_only():
    assert first_name_sex("Michael") == "m" and first_name_sex("michael") == "m"
    assert first_name_sex("Sandra") == "f"
    assert first_name_sex("Robin") is None  # on both lists
    assert first_name_sex("Qwzx") is None  # on neither
