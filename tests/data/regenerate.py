"""Regenerate the golden file ``tests/data/sample_expected.ttl``.

The golden file is the Turtle that ``kg build`` (with no input) writes for the
bundled sample article ``kg/data/sample/khorog_2012.txt``; ``tests/test_sample.py``
compares a fresh build to it byte for byte.

Rerun this script whenever the sample output changes ON PURPOSE (a new extraction
rule, a changed slug, a fixed entity type, a new ontology term...), review the diff
(``git diff tests/data/sample_expected.ttl``) and commit it together with the change
that caused it. Never rerun it just to make a failing test pass without reading the diff.

Usage, from the repository root::

    .venv/bin/python tests/data/regenerate.py
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.build import build_graph
from kg.cli import _sample_documents
from kg.exports import render
from kg.nlp import load_pipeline, model_name

TARGET = Path(__file__).resolve().parent / "sample_expected.ttl"


def main() -> None:
    nlp = load_pipeline()
    G = build_graph(_sample_documents(), nlp=nlp)
    text = render(G)["graph.ttl"]
    old = TARGET.read_bytes() if TARGET.exists() else None
    new = text.encode("utf-8")
    TARGET.write_bytes(new)
    state = "unchanged" if old == new else ("created" if old is None else "changed")
    print(f"built the sample with {model_name(nlp)}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    print(f"wrote {TARGET} ({len(new)} bytes, sha256 {hashlib.sha256(new).hexdigest()[:16]}): {state}")


if __name__ == "__main__":
    main()
