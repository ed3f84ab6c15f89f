"""--aliases: user-forced merges, separations, renames, types and drops."""

from __future__ import annotations

import json

import pytest

from kg.aliases import load_aliases, parse_aliases
from kg.errors import InputError
from kg.graph import add_actor, add_relation, consolidate, new_graph
from kg.model import Actor, Evidence, Relation


def _graph():
    G = new_graph()
    add_actor(G, Actor("moazzam-begg", "Moazzam Begg", "Person", {"Begg"}, {"a"}, 2))
    add_actor(G, Actor("begg", "Begg", "Person", set(), {"b"}, 1))
    add_actor(G, Actor("roshan", "Roshan", "Person", set(), {"a"}, 1))
    add_actor(G, Actor("cis-institute", "CIS Institute", "Organization", set(), {"a"}, 1))
    add_actor(G, Actor("internet", "Internet", "Organization", set(), {"a"}, 1))
    ev = Evidence("a", "Roshan works with the CIS Institute.", 0, 36, 0.7, "test")
    add_relation(G, Relation("roshan", "alliedWith", "cis-institute", ev))
    return G


def test_aliases_rename_type_drop_merge():
    G = _graph()
    aliases = parse_aliases(
        {
            "rename": {"CIS Institute": "Institute of CIS Countries"},
            "types": {"Roshan": "Organization"},
            "drop": ["Internet"],
            "merge": {"Moazzam Begg": ["Begg"]},
        }
    )
    aliases.apply(G)
    assert "internet" not in G
    assert G.nodes["roshan"]["type"] == "Organization"
    assert G.nodes["institute-of-cis-countries"]["label"] == "Institute of CIS Countries"
    assert "CIS Institute" in G.nodes["institute-of-cis-countries"]["aliases"]
    assert G.has_edge("roshan", "institute-of-cis-countries", key="alliedWith")
    assert "begg" not in G and G.nodes["moazzam-begg"]["mentions"] == 3


def test_aliases_separate_blocks_cross_document_merge():
    G = _graph()
    consolidate(G)
    assert "begg" not in G  # the only Begg: merged by default
    G = _graph()
    aliases = parse_aliases({"separate": [["Moazzam Begg", "Begg"]]})
    consolidate(G, forbid=aliases.forbids)
    assert "begg" in G and "moazzam-begg" in G


@pytest.mark.parametrize(
    "data, message",
    [
        ([], "expected a mapping"),
        ({"merge": {"A": "B"}}, "merge"),
        ({"separate": [["only-one"]]}, "separate"),
        ({"types": {"A": "Robot"}}, "type of"),
        ({"colour": {}}, "unknown section"),
    ],
)
def test_aliases_rejects_bad_files(data, message):
    with pytest.raises(InputError, match=message):
        parse_aliases(data)


def test_aliases_load_yaml_and_json(tmp_path):
    yaml_file = tmp_path / "a.yaml"
    yaml_file.write_text("rename:\n  CIS Institute: Institute of CIS Countries\n", encoding="utf-8")
    json_file = tmp_path / "a.json"
    json_file.write_text(json.dumps({"drop": ["Internet"]}), encoding="utf-8")
    assert load_aliases(yaml_file).rename == {"CIS Institute": "Institute of CIS Countries"}
    assert load_aliases(json_file).drop == ["Internet"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("merge: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        load_aliases(bad)
    with pytest.raises(InputError, match="no such aliases file"):
        load_aliases(tmp_path / "missing.yaml")
