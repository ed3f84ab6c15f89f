"""``kg eval``: score builds against gold annotations (the SPEC gold format).

Matching follows SPEC.md exactly:

* a system node matches a gold entity when one of its names (label or alias)
  equals one of the gold aliases, compared case-insensitively after Unicode
  normalisation, with a leading article and a trailing 's removed;
* entity precision counts system nodes of the four classes: a node is correct
  when it matches a gold entity of a compatible type (Organization and Group are
  compatible) that no earlier node matched; a second node matching the same gold
  entity is a duplicate (wrong); nodes matching only ``neutral`` entities are
  ignored; recall is over ``required`` entities;
* a system triple is correct when its predicate is in the gold ``p`` and its
  subject and object match ``s``/``o`` (or ``alt_s``/``alt_o``; either direction
  when ``symmetric`` or ``alliedWith``); recall is over ``required`` relations.
  Triples touching a neutral entity are ignored; matching a ``forbidden``
  relation is wrong.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .errors import InputError

__all__ = ["normalise", "load_gold", "match_nodes", "score_graph", "evaluate_golds", "gold_files", "format_report", "run_eval_cli"]

_COMPATIBLE = {"Person": {"Person"}, "Organization": {"Organization", "Group"}, "Group": {"Organization", "Group"}, "Location": {"Location"}}
_STATUSES = ("required", "acceptable", "neutral", "forbidden")


def normalise(name: str) -> str:
    """The comparison key of a name: NFKC, case-folded, no leading article, no trailing 's.

    >>> normalise("The CIS Institute")
    'cis institute'
    >>> normalise("Rahmon’s")
    'rahmon'
    """
    text = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    text = " ".join(text.casefold().split())
    text = re.sub(r"^(the|a|an) ", "", text)
    text = re.sub(r"'s?$", "", text)
    return text.strip()


@dataclass
class Gold:
    path: Path
    doc: str
    entities: list[dict]
    relations: list[dict]
    alias_index: dict[str, list[int]] = field(default_factory=dict)

    @property
    def by_id(self) -> dict[str, dict]:
        return {e["id"]: e for e in self.entities}


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; a malformed one raises :class:`InputError` naming the problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: a folder, not a gold file") from None
    except PermissionError:
        raise InputError(f"{path}: cannot read the gold file (permission denied)") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: not valid JSON ({err})") from None
    if not isinstance(data, dict) or "doc" not in data or "entities" not in data:
        raise InputError(f"{path}: a gold file needs 'doc' and 'entities'")
    entities = data["entities"]
    ids = set()
    for e in entities:
        if e.get("status", "required") not in _STATUSES or e.get("type") not in _COMPATIBLE or not e.get("aliases"):
            raise InputError(f"{path}: entity {e.get('id')!r} needs a type, a status and aliases")
        ids.add(e["id"])
    relations = data.get("relations", [])
    for r in relations:
        for ref in [r.get("s"), r.get("o"), *r.get("alt_s", []), *r.get("alt_o", [])]:
            if ref not in ids:
                raise InputError(f"{path}: relation {r.get('s')}-{r.get('p')}-{r.get('o')} names unknown entity {ref!r}")
    gold = Gold(path=path, doc=data["doc"], entities=entities, relations=relations)
    for index, e in enumerate(entities):
        for alias in e["aliases"]:
            gold.alias_index.setdefault(normalise(alias), []).append(index)
    return gold


def _node_names(data: dict) -> list[str]:
    return [data["label"], *data.get("aliases", ())]


def _match(G: nx.MultiDiGraph, gold: Gold) -> dict:
    """Each node's gold entity (by name, type and order of salience), sorted into verdicts."""
    entities = gold.entities
    node_gold: dict[str, str] = {}  # node -> gold id (for relations), also for duplicates
    taken: dict[str, str] = {}  # gold id -> first node
    correct, wrong, ignored = [], [], []
    duplicates, false_nodes, type_errors = [], [], []
    order = sorted(G.nodes, key=lambda k: (-G.nodes[k]["mentions"], k))
    for key in order:
        data = G.nodes[key]
        label_key = normalise(data["label"])
        candidates: dict[int, int] = {}
        for name in _node_names(data):
            for index in gold.alias_index.get(normalise(name), ()):
                candidates[index] = candidates.get(index, 0) + 1
        if not candidates:
            wrong.append(key)
            false_nodes.append({"node": key, "label": data["label"], "type": data["type"]})
            continue

        def rank(index: int):
            e = entities[index]
            compatible = data["type"] in _COMPATIBLE[e["type"]]
            label_hit = label_key in {normalise(a) for a in e["aliases"]}
            free = e["id"] not in taken
            return (compatible, e.get("status", "required") != "neutral", free, label_hit, candidates[index], -index)

        best = entities[max(candidates, key=rank)]
        node_gold[key] = best["id"]
        status = best.get("status", "required")
        if status == "neutral":
            ignored.append(key)
        elif status == "forbidden":
            wrong.append(key)
            false_nodes.append({"node": key, "label": data["label"], "type": data["type"], "gold": best["id"], "why": "forbidden"})
        elif data["type"] not in _COMPATIBLE[best["type"]]:
            wrong.append(key)
            type_errors.append({"node": key, "label": data["label"], "type": data["type"], "gold": best["id"], "gold_type": best["type"]})
        elif best["id"] in taken:
            wrong.append(key)
            duplicates.append({"node": key, "label": data["label"], "gold": best["id"], "first": taken[best["id"]]})
        else:
            taken[best["id"]] = key
            correct.append(key)
    return {
        "node_gold": node_gold, "taken": taken, "correct": correct, "wrong": wrong, "ignored": ignored,
        "duplicates": duplicates, "false_nodes": false_nodes, "type_errors": type_errors,
    }


def match_nodes(G: nx.MultiDiGraph, gold: Gold) -> dict[str, str]:
    """Node -> the gold entity id it was matched to (as :func:`score_graph` matches them)."""
    return _match(G, gold)["node_gold"]


def score_graph(G: nx.MultiDiGraph, gold: Gold) -> dict:
    """Entity and relation counts, misses and errors of one build against one gold file."""
    entities = gold.entities
    # -- entities ------------------------------------------------------------
    m = _match(G, gold)
    node_gold, taken, correct, wrong, ignored = m["node_gold"], m["taken"], m["correct"], m["wrong"], m["ignored"]
    duplicates, false_nodes, type_errors = m["duplicates"], m["false_nodes"], m["type_errors"]
    required = [e["id"] for e in entities if e.get("status", "required") == "required"]
    missed = [e for e in required if e not in taken]
    ent = _prf(len(correct), len(correct) + len(wrong), len(required) - len(missed), len(required))
    # -- relations -----------------------------------------------------------
    by_id = gold.by_id
    rel_correct, rel_wrong, rel_ignored = [], [], []
    found_required: set[int] = set()
    for u, v, p in sorted(G.edges(keys=True)):
        su, so = node_gold.get(u), node_gold.get(v)
        triple = {"s": G.nodes[u]["label"], "p": p, "o": G.nodes[v]["label"], "rules": sorted({e.rule for e in G.edges[u, v, p]["evidence"]})}
        if (su and by_id[su].get("status") == "neutral") or (so and by_id[so].get("status") == "neutral"):
            rel_ignored.append(triple)
            continue
        verdict = None
        for index, r in enumerate(gold.relations):
            if p not in r["p"]:
                continue
            subjects = {r["s"], *r.get("alt_s", [])}
            objects = {r["o"], *r.get("alt_o", [])}
            hit = su in subjects and so in objects
            if not hit and (r.get("symmetric") or p == "alliedWith"):
                hit = su in objects and so in subjects
            if not hit:
                continue
            status = r.get("status", "required")
            if status == "forbidden":
                verdict = "forbidden"
                break
            verdict = "correct"
            if status == "required":
                found_required.add(index)
        if verdict == "correct":
            rel_correct.append(triple)
        else:
            triple["why"] = verdict or "not in gold"
            rel_wrong.append(triple)
    required_rel = [i for i, r in enumerate(gold.relations) if r.get("status", "required") == "required"]
    rel_missed = [
        {"s": gold.relations[i]["s"], "p": gold.relations[i]["p"], "o": gold.relations[i]["o"]}
        for i in required_rel
        if i not in found_required
    ]
    rel = _prf(len(rel_correct), len(rel_correct) + len(rel_wrong), len(required_rel) - len(rel_missed), len(required_rel))
    return {
        "doc": gold.doc,
        "gold": str(gold.path),
        "entities": {**ent, "missed": missed, "false_nodes": false_nodes, "duplicates": duplicates, "type_errors": type_errors, "ignored": len(ignored)},
        "relations": {**rel, "missed": rel_missed, "false": rel_wrong, "correct_triples": rel_correct, "ignored": len(rel_ignored)},
    }


def _prf(tp: int, predicted: int, found: int, gold: int) -> dict:
    precision = tp / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "predicted": predicted, "found": found, "gold": gold, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _find_document(doc: str, gold_path: Path, corpus: str | None) -> Path:
    here = Path(__file__).resolve().parents[1]
    roots = [Path(corpus)] if corpus else []
    roots += [
        gold_path.parent,
        gold_path.parent.parent / "corpus",
        gold_path.parent.parent / "corpus" / "seed",
        here.parent / "shared" / "corpus",
        here.parent / "shared" / "corpus" / "seed",
        Path.cwd(),
    ]
    for root in roots:
        candidate = root / doc
        if candidate.is_file():
            return candidate
    raise InputError(f"{gold_path}: cannot find the document {doc!r} (give --corpus DIR)")


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The gold files named: a folder stands for the ``*.json`` files directly in it, in name order."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.glob("*.json") if p.is_file())
            if not found:
                raise InputError(f"{path}: no gold files (*.json) in this folder")
            files += found
        else:
            files.append(path)
    return files


def evaluate_golds(paths: Iterable[str | Path], *, corpus: str | None = None, model: str | None = None, nlp=None, learned: bool = False) -> dict:
    """Build each gold's document and score it; returns per-document and overall (micro) figures.
    A folder among ``paths`` stands for the gold files in it."""
    from .build import build_graph
    from .ingest import read_path
    from .nlp import load_pipeline

    files = gold_files(paths)
    nlp = nlp or load_pipeline(model)
    reports = []
    for path in files:
        gold = load_gold(path)
        document_path = _find_document(gold.doc, gold.path, corpus)
        G = build_graph(read_path(document_path), nlp=nlp, learned=learned)
        reports.append(score_graph(G, gold))
    overall = {}
    for part in ("entities", "relations"):
        sums = {k: sum(r[part][k] for r in reports) for k in ("tp", "predicted", "found", "gold")}
        overall[part] = _prf(sums["tp"], sums["predicted"], sums["found"], sums["gold"])
    return {"documents": reports, "overall": overall}


def _line(name: str, s: dict) -> str:
    return f"  {name:<10} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}   ({s['tp']}/{s['predicted']} correct, {s['found']}/{s['gold']} required found)"


def format_report(result: dict, *, details: bool = True) -> str:
    lines = []
    for r in result["documents"]:
        lines.append(f"{r['doc']}  [{r['gold']}]")
        lines.append(_line("entities", r["entities"]))
        lines.append(_line("relations", r["relations"]))
        if details:
            e, rel = r["entities"], r["relations"]
            if e["missed"]:
                lines.append("    missed entities: " + ", ".join(e["missed"]))
            if e["false_nodes"]:
                lines.append("    false nodes: " + ", ".join(f"{x['label']} ({x['type']})" for x in e["false_nodes"]))
            if e["type_errors"]:
                lines.append("    wrong types: " + ", ".join(f"{x['label']} ({x['type']}, gold {x['gold_type']})" for x in e["type_errors"]))
            if e["duplicates"]:
                lines.append("    duplicates: " + ", ".join(f"{x['label']} (= {x['gold']})" for x in e["duplicates"]))
            if rel["missed"]:
                lines.append("    missed relations: " + ", ".join(f"{m['s']} {'/'.join(m['p'])} {m['o']}" for m in rel["missed"]))
            if rel["false"]:
                lines.append("    false relations: " + ", ".join(f"{m['s']} {m['p']} {m['o']} [{m['why']}; {','.join(m['rules'])}]" for m in rel["false"]))
    lines.append("overall (micro)")
    lines.append(_line("entities", result["overall"]["entities"]))
    lines.append(_line("relations", result["overall"]["relations"]))
    return "\n".join(lines)


def run_eval_cli(args) -> int:
    if getattr(args, "conll04", None):
        from .conll import run_conll_cli

        return run_conll_cli(args)
    if not args.golds:
        raise InputError("give one or more GOLD.json files (or --conll04 FILE)")
    result = evaluate_golds(args.golds, corpus=args.corpus, model=args.model, learned=getattr(args, "learned", False))
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
        print()
    else:
        print(format_report(result))
    return 0
