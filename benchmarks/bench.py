"""Speed and memory of `kg build` on real news, measured (never asserted in tests).

Usage: python benchmarks/bench.py [--corpus ../shared/corpus/bbc] [--sizes 10 100 500] [--out benchmarks/results.json]

Each size builds the first N articles of the BBC corpus (sorted paths, all five
sections) in a fresh process, so model loading is counted once per run and peak
memory (max RSS) is the process's own. Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from kg.nlp import load_pipeline
nlp = load_pipeline()
from kg.entities.link import load_gazetteer
load_gazetteer()
t1 = time.perf_counter()
from kg.build import build_graph
from kg.exports import export
from kg.ingest import iter_documents
paths = json.loads(sys.argv[1])
skipped = []
G = build_graph(iter_documents(paths, on_skip=skipped.append), nlp=nlp)
t2 = time.perf_counter()
export(G, sys.argv[2])
t3 = time.perf_counter()
words = sum(len(open(p, encoding="utf-8", errors="replace").read().split()) for p in paths)
print(json.dumps({
    "load_s": t1 - t0, "build_s": t2 - t1, "export_s": t3 - t2, "docs": len(G.graph["documents"]),
    "words": words, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "skipped": len(skipped),
    "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500])
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results.json"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    files = sorted(str(p) for p in corpus.rglob("*.txt") if p.name != "README.TXT")
    if not files:
        print(f"no articles under {corpus}", file=sys.stderr)
        return 2
    results = []
    for n in args.sizes:
        paths = files[:: max(1, len(files) // n)][:n]  # spread over the sections
        with tempfile.TemporaryDirectory() as out:
            proc = subprocess.run([sys.executable, "-c", CHILD, json.dumps(paths), out], capture_output=True, text=True, check=True)
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        row["n"] = n
        row["docs_per_s"] = row["docs"] / row["build_s"]
        row["words_per_s"] = row["words"] / row["build_s"]
        results.append(row)
        print(f"{n} articles: {row['build_s']:.1f} s build, {row['max_rss_mb']:.0f} MB", file=sys.stderr)
    meta = {"python": platform.python_version(), "machine": platform.machine(), "cpus": __import__("os").cpu_count()}
    Path(args.out).write_text(json.dumps({"meta": meta, "results": results}, indent=2) + "\n", encoding="utf-8")
    print("| articles | words | model + gazetteer load | build | export | articles/s | words/s | nodes | edges | peak memory |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['docs']} | {r['words']:,} | {r['load_s']:.1f} s | {r['build_s']:.1f} s | {r['export_s']:.1f} s | "
            f"{r['docs_per_s']:.1f} | {r['words_per_s']:,.0f} | {r['nodes']:,} | {r['edges']:,} | {r['max_rss_mb']:.0f} MB |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
