"""Tests for kg/exports/__init__.py: render() is deterministic, write_atomic()/export() leave no debris on failure."""

from __future__ import annotations

import errno
import os
import stat

import networkx as nx
import pytest
from helpers import small_graph

import kg.exports
from kg.errors import InputError
from kg.exports import OUTPUTS, export, render, write_atomic

FILES = {"one.txt": "first\n", "two.txt": "zweite — Ω\n", "three.txt": "third\r\nline\n"}


def _listing(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _no_temporaries(folder) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".")]


# --- render ---------------------------------------------------------------------------------


def test_exports_render_gives_the_six_outputs():
    files = render(small_graph())
    assert tuple(files) == OUTPUTS == ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.html", "entities.csv", "relations.csv")
    assert all(isinstance(text, str) and text for text in files.values())


def test_exports_render_is_byte_identical_across_calls():
    G = small_graph()
    assert render(G) == render(G)
    assert render(G) == render(small_graph())


def _reordered(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph, with nodes, edges and documents inserted in reverse order."""
    H = nx.MultiDiGraph()
    H.graph["documents"] = dict(reversed(list(G.graph["documents"].items())))
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    return H


def test_exports_render_does_not_depend_on_insertion_order():
    G = small_graph()
    H = _reordered(G)
    assert list(H.nodes) != list(G.nodes)
    first, second = render(G), render(H)
    for name in OUTPUTS:
        assert first[name] == second[name], name


# --- write_atomic ------------------------------------------------------------------------------


def test_exports_write_atomic_writes_exact_bytes(tmp_path):
    out = tmp_path / "a" / "b"
    written = write_atomic(FILES, out)
    assert written == [out / name for name in FILES]
    assert _listing(out) == sorted(FILES)
    for name, text in FILES.items():
        assert (out / name).read_bytes() == text.encode("utf-8")  # no newline translation
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o644


def test_exports_write_atomic_replaces_old_outputs(tmp_path):
    (tmp_path / "one.txt").write_text("old\n")
    write_atomic(FILES, tmp_path)
    assert (tmp_path / "one.txt").read_text(encoding="utf-8") == "first\n"


def test_exports_write_atomic_out_is_a_file(tmp_path):
    target = tmp_path / "taken"
    target.write_text("x")
    with pytest.raises(InputError, match="taken"):
        write_atomic(FILES, target)
    assert target.read_text() == "x"


def _failing_replace(monkeypatch, fail_on: int):
    real = os.replace
    calls = {"n": 0}

    def replace(src, dst):
        calls["n"] += 1
        if calls["n"] == fail_on:
            raise OSError(errno.EACCES, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(kg.exports.os, "replace", replace)


def test_exports_failed_first_rename_leaves_nothing(tmp_path, monkeypatch):
    _failing_replace(monkeypatch, 1)
    with pytest.raises(InputError, match="cannot write the outputs") as err:
        write_atomic(FILES, tmp_path)
    assert "\n" not in str(err.value)
    assert _listing(tmp_path) == []


def test_exports_failed_later_rename_leaves_no_temporaries(tmp_path, monkeypatch):
    _failing_replace(monkeypatch, 3)
    with pytest.raises(InputError):
        write_atomic(FILES, tmp_path)
    assert _no_temporaries(tmp_path)
    # files renamed before the failure are complete, never half-written
    assert _listing(tmp_path) == ["one.txt", "two.txt"]
    assert (tmp_path / "two.txt").read_text(encoding="utf-8") == FILES["two.txt"]


def test_exports_failing_renderer_writes_nothing(tmp_path, monkeypatch):
    (tmp_path / "graph.ttl").write_text("previous build\n")

    def broken(*args, **kwargs):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(kg.exports, "html_page", broken)
    with pytest.raises(RuntimeError, match="exploded"):
        export(small_graph(), tmp_path)
    assert _listing(tmp_path) == ["graph.ttl"]
    assert (tmp_path / "graph.ttl").read_text() == "previous build\n"


def test_exports_failing_renderer_does_not_create_the_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.exports, "relations_csv", lambda G: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        export(small_graph(), tmp_path / "new")
    assert not (tmp_path / "new").exists()


def _full_disk_on_second_file(monkeypatch):
    real = os.fdopen
    calls = {"n": 0}

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()
            return False

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd, *args, **kwargs):
        calls["n"] += 1
        handle = real(fd, *args, **kwargs)
        return Full(handle) if calls["n"] == 2 else handle

    monkeypatch.setattr(kg.exports.os, "fdopen", fdopen)


def test_exports_failed_write_leaves_no_temporaries(tmp_path, monkeypatch):
    _full_disk_on_second_file(monkeypatch)
    with pytest.raises(InputError, match="No space left"):
        write_atomic(FILES, tmp_path)
    assert _listing(tmp_path) == []


def test_exports_unencodable_text_leaves_no_temporaries(tmp_path):
    with pytest.raises(InputError):
        write_atomic({"one.txt": "ok\n", "two.txt": "bad \udc80\n"}, tmp_path)
    assert _listing(tmp_path) == []


def test_exports_export_writes_the_six_files(tmp_path):
    G = small_graph()
    written = export(G, tmp_path / "out")
    assert [p.name for p in written] == list(OUTPUTS)
    assert _listing(tmp_path / "out") == sorted(OUTPUTS)
    expected = render(G)
    for name in OUTPUTS:
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == expected[name]
