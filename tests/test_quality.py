"""Quality regression guard: `kg eval` on the seed and the BBC golds must not fall below the README's figures.

The floors live in tests/quality_floor.json and are the figures the README reports
(rounded down to two decimals). Raising quality means raising them there and in
the README together; a change that lowers any figure fails here.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kg.evaluate import evaluate_golds

ROOT = Path(__file__).resolve().parents[1]
FLOORS = json.loads((ROOT / "tests" / "quality_floor.json").read_text("utf-8"))


def _gold_sets() -> dict[str, list[Path]]:
    """The gold sets of benchmarks/quality.py, which writes the floors: one list for both."""
    spec = importlib.util.spec_from_file_location("actorkg_quality_benchmark", ROOT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SETS


SETS = _gold_sets()

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def results(nlp):
    out = {name: evaluate_golds(paths, nlp=nlp) for name, paths in SETS.items()}
    out.update({f"{name} --learned": evaluate_golds(paths, nlp=nlp, learned=True) for name, paths in SETS.items()})
    return out


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_quality_does_not_regress(results, name):
    overall = results[name]["overall"]
    for part, figures in FLOORS[name].items():
        for measure, floor in figures.items():
            assert overall[part][measure] >= floor - 1e-9, f"{name} {part} {measure}: {overall[part][measure]:.3f} < {floor}"


def test_quality_seed_bar(results):
    """Issue bars on the seed: entity F1 >= 0.95 with no duplicates; 8 of 9 required relations; precision >= 0.8."""
    seed = results["seed"]["documents"][0]
    assert seed["entities"]["f1"] >= 0.95
    assert not seed["entities"]["duplicates"]
    assert not seed["entities"]["missed"]
    assert seed["relations"]["found"] >= 8
    assert seed["relations"]["precision"] >= 0.8


def test_quality_seed_evidence_is_verbatim(nlp, seed_path):
    """Every relation of the seed build is backed by a sentence found verbatim in the article at its offsets."""
    from kg.build import build_graph
    from kg.ingest import read_path

    document = read_path(seed_path)[0]
    text = seed_path.read_text("utf-8")
    G = build_graph([document], nlp=nlp)
    assert G.number_of_edges() > 0
    for _, _, data in G.edges(data=True):
        for e in data["evidence"]:
            assert text[e.char_start : e.char_end] == e.sentence
