"""kg eval: the SPEC matching rules, on hand-built graphs and gold files."""

from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.evaluate import gold_files, load_gold, normalise, score_graph
from kg.graph import add_actor, add_relation, new_graph
from kg.model import Actor, Evidence, Relation

GOLD = {
    "doc": "x.txt",
    "entities": [
        {"id": "rahmon", "type": "Person", "status": "required", "aliases": ["Imomali Rahmon", "Rahmon"]},
        {"id": "gov", "type": "Organization", "status": "acceptable", "aliases": ["Tajik officials", "Dushanbe"]},
        {"id": "dushanbe", "type": "Location", "status": "required", "aliases": ["Dushanbe"]},
        {"id": "rebels", "type": "Group", "status": "acceptable", "aliases": ["rebels"]},
        {"id": "footer", "type": "Organization", "status": "neutral", "aliases": ["Eurasianet"]},
        {"id": "kabul", "type": "Location", "status": "required", "aliases": ["Kabul"]},
    ],
    "relations": [
        {"s": "gov", "p": ["accuses"], "o": "rahmon", "status": "required"},
        {"s": "rebels", "p": ["alliedWith"], "o": "gov", "status": "forbidden"},
        {"s": "rahmon", "p": ["supports", "alliedWith"], "o": "rebels", "status": "required", "symmetric": True},
    ],
}


def _ev():
    return Evidence("x.txt", "s", 0, 1, 0.5, "t")


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    return load_gold(path)


def _graph():
    G = new_graph()
    add_actor(G, Actor("imomali-rahmon", "Imomali Rahmon", "Person", {"Rahmon"}, mentions=5))
    add_actor(G, Actor("rahmon-2", "Rahmon’s", "Person", mentions=1))  # a duplicate
    add_actor(G, Actor("government-of-tajikistan", "Government of Tajikistan", "Organization", {"Tajik officials", "Dushanbe"}, mentions=4))
    add_actor(G, Actor("dushanbe", "Dushanbe", "Location", mentions=3))
    add_actor(G, Actor("rebels", "rebels", "Group", mentions=2))  # Group matches a Group gold
    add_actor(G, Actor("eurasianet", "Eurasianet", "Organization", mentions=1))  # neutral: ignored
    add_actor(G, Actor("badakhshan-clashes", "Badakhshan Clashes", "Person", mentions=1))  # false node
    add_relation(G, Relation("government-of-tajikistan", "accuses", "imomali-rahmon", _ev()))
    add_relation(G, Relation("rebels", "alliedWith", "imomali-rahmon", _ev()))  # symmetric match
    add_relation(G, Relation("rebels", "alliedWith", "government-of-tajikistan", _ev()))  # forbidden
    add_relation(G, Relation("dushanbe", "attacks", "imomali-rahmon", _ev()))  # not in gold
    return G


def test_evaluate_normalise():
    assert normalise("The CIS Institute") == "cis institute"
    assert normalise("Rahmon’s") == "rahmon"
    assert normalise("ＫＧＢ") == "kgb"  # NFKC


def test_evaluate_entities(gold):
    result = score_graph(_graph(), gold)["entities"]
    # correct: rahmon, gov, dushanbe, rebels; wrong: duplicate Rahmon, false node; neutral ignored
    assert (result["tp"], result["predicted"]) == (4, 6)
    assert result["missed"] == ["kabul"]
    assert [d["gold"] for d in result["duplicates"]] == ["rahmon"]
    assert [f["label"] for f in result["false_nodes"]] == ["Badakhshan Clashes"]
    assert result["ignored"] == 1
    assert result["recall"] == pytest.approx(2 / 3, abs=1e-4)


def test_evaluate_relations(gold):
    result = score_graph(_graph(), gold)["relations"]
    assert (result["tp"], result["predicted"]) == (2, 4)
    assert (result["found"], result["gold"]) == (2, 2)
    reasons = sorted(f["why"] for f in result["false"])
    assert reasons == ["forbidden", "not in gold"]


def test_evaluate_type_must_be_compatible(gold):
    G = new_graph()
    add_actor(G, Actor("kabul", "Kabul", "Person"))
    result = score_graph(G, gold)["entities"]
    assert result["tp"] == 0 and result["type_errors"][0]["gold_type"] == "Location"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"entities": []}, "needs 'doc'"),
        ({"doc": "x", "entities": [{"id": "a", "type": "Robot", "aliases": ["A"]}]}, "needs a type"),
        ({"doc": "x", "entities": [{"id": "a", "type": "Person", "aliases": ["A"]}], "relations": [{"s": "a", "p": ["leads"], "o": "b"}]}, "unknown entity"),
    ],
)
def test_evaluate_rejects_bad_gold(tmp_path, data, message):
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_gold(path)


def test_gold_files_expands_folders_in_name_order(tmp_path):
    (tmp_path / "b.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a gold", encoding="utf-8")
    single = tmp_path / "elsewhere.json"
    assert gold_files([tmp_path, single]) == [tmp_path / "a.json", tmp_path / "b.json", single]


def test_gold_files_rejects_a_folder_without_golds(tmp_path):
    with pytest.raises(InputError, match="no gold files"):
        gold_files([tmp_path])


def test_load_gold_names_a_folder(tmp_path):
    with pytest.raises(InputError, match="a folder, not a gold file"):
        load_gold(tmp_path)
