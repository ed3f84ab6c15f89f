"""Tests for kg/cli.py: help texts, exit statuses, one-line errors, warnings for skipped files, stdin.

In-process runs call ``kg.cli.main``; builds reuse the session pipeline (fixture ``nlp``)
instead of loading a second one. Two subprocess runs check the real console script.
"""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import small_graph
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS

from kg import cli
from kg.exports import OUTPUTS, export

KG = Path(sys.executable).parent / "kg"
DATA = Path(__file__).parent / "data"

ARTICLE_A = """Harbour strike spreads to Port Velmar

Dock workers in Port Velmar walked off the job on Thursday. Union leader Tessaly Brandt accused the Harbour Authority of ignoring safety reports.
"""
ARTICLE_B = """Talks resume in Kestrel Falls

The Harbour Authority said on Friday that its chairman, Odo Venkarr, would meet union leaders in Kestrel Falls.
"""
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00:~\x9bU"


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli.make_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(action.choices)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def session_pipeline(nlp, monkeypatch):
    """Builds in this test use the already loaded session pipeline."""
    # kg/__init__.py exports a function named ``build``: reach the module itself.
    monkeypatch.setattr(importlib.import_module("kg.build"), "load_pipeline", lambda model=None: nlp)
    return nlp


# --- help ------------------------------------------------------------------------------------


def test_cli_subcommands_present():
    assert {"build", "eval", "validate"} <= set(_subcommands())


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_cli_subcommand_help_exits_0(capsys, command):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: kg {command}")


def test_cli_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in _subcommands():
        assert command in out


def test_cli_version(capsys):
    from kg import __version__

    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"actorkg {__version__}"


def test_cli_no_command_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main([])
    assert exit_info.value.code == 2


# --- unusable arguments (no model needed) -------------------------------------------------------


def test_cli_build_missing_file(capsys, tmp_path):
    missing = tmp_path / "no-such-article.txt"
    code, out, err = run(capsys, "build", missing, "--out", tmp_path / "out")
    assert code == 2
    assert _lines(err) == [f"kg: error: {missing}: no such file or folder"]
    assert out == ""
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("base", ["ftp://x/", "http://x/no-slash-end", "not an iri", "http://x/a b/"])
def test_cli_build_bad_base_iri(capsys, tmp_path, base):
    code, _, err = run(capsys, "build", "--base-iri", base, "--out", tmp_path / "out")
    assert code == 2
    (line,) = _lines(err)
    assert line.startswith("kg: error: --base-iri")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["3", "-0.5", "1.01"])
def test_cli_build_bad_min_confidence(capsys, tmp_path, value):
    code, _, err = run(capsys, "build", f"--min-confidence={value}", "--out", tmp_path / "out")
    assert code == 2
    assert _lines(err) == ["kg: error: --min-confidence must be between 0 and 1"]


def test_cli_validate_conforming_build(capsys, tmp_path):
    export(small_graph(), tmp_path)
    code, out, _ = run(capsys, "validate", tmp_path)
    assert code == 0
    assert "conforms" in out


def test_cli_validate_nonconforming_file(capsys):
    code, out, _ = run(capsys, "validate", DATA / "mini_graph_invalid.ttl")
    assert code == 1
    assert "Conforms: False" in out


def test_cli_eval_folder_without_golds(capsys, tmp_path):
    code, out, err = run(capsys, "eval", tmp_path)
    assert code == 2
    assert _lines(err) == [f"kg: error: {tmp_path}: no gold files (*.json) in this folder"]
    assert out == ""


def test_cli_validate_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "validate", tmp_path / "graph.ttl")
    assert code == 2
    assert len(_lines(err)) == 1


def test_cli_validate_unreadable_rdf(capsys, tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is @prefix not turtle <<<\n")
    code, _, err = run(capsys, "validate", bad)
    assert code == 2
    assert _lines(err) == [f"kg: error: {bad}: not readable RDF (BadSyntax)"]


# --- unreadable input: the error shows up while the build reads -------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "file is empty"), (b"  \n\t\n", "file is empty"), (PNG, "binary file"), (b"Rebels\x00attacked", "binary file")],
    ids=["empty", "whitespace", "png", "nul"],
)
def test_cli_build_unreadable_file(capsys, tmp_path, session_pipeline, content, reason):
    bad = tmp_path / "article.txt"
    bad.write_bytes(content)
    code, out, err = run(capsys, "build", bad, "--out", tmp_path / "out")
    assert code == 2
    (line,) = _lines(err)
    assert line.startswith(f"kg: error: {bad}: {reason}")
    assert out == ""
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_cli_build_bad_jsonl_line(capsys, tmp_path, session_pipeline):
    bad = tmp_path / "batch.jsonl"
    bad.write_text('{"id": "a", "text": "Rebels attacked the port."}\n{"id": "b", "text": \n', encoding="utf-8")
    code, _, err = run(capsys, "build", bad, "--out", tmp_path / "out")
    assert code == 2
    (line,) = _lines(err)
    assert line.startswith(f"kg: error: {bad}:2: malformed JSON")


@pytest.mark.model
def test_cli_build_folder_skips_bad_file(capsys, tmp_path, session_pipeline):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_strike.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b_broken.txt").write_bytes(PNG)
    (folder / "c_talks.txt").write_text(ARTICLE_B, encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, err = run(capsys, "build", folder, "--out", out_dir)
    assert code == 0, err
    lines = _lines(err)
    warnings = [line for line in lines if line.startswith("kg: warning:")]
    assert warnings == [f"kg: warning: skipped {folder / 'b_broken.txt'}: binary file (contains NUL bytes), not an article"]
    assert len(lines) == 2 and lines[1].startswith("kg: 2 document(s) -> ")
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(OUTPUTS)
    g = Graph().parse(out_dir / "graph.ttl")
    identifiers = {str(o) for o in g.objects(None, DCTERMS.identifier)}
    assert identifiers == {str(folder / "a_strike.txt"), str(folder / "c_talks.txt")}


@pytest.mark.model
def test_cli_build_folder_without_readable_article(capsys, tmp_path, session_pipeline):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "broken.txt").write_bytes(PNG)
    (folder / "notes.md").write_text("not an article\n")
    code, _, err = run(capsys, "build", folder, "--out", tmp_path / "out")
    assert code == 2
    lines = _lines(err)
    assert lines[0].startswith(f"kg: warning: skipped {folder / 'broken.txt'}: binary file")
    assert lines[1:] == [f"kg: error: {folder}: no readable articles (.txt, .html, .htm, .jsonl) in the folder"]
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_cli_build_quiet_prints_nothing(capsys, tmp_path, session_pipeline):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_A, encoding="utf-8")
    code, out, err = run(capsys, "build", article, "--out", tmp_path / "out", "-q")
    assert code == 0
    assert (out, err) == ("", "")
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.model
def test_cli_build_learned_adds_the_classifier_relations(capsys, tmp_path, session_pipeline):
    article = tmp_path / "a.txt"
    article.write_text("Labour's Helen Marsh said the Tories under Peter Dunmore had nothing to offer voters.\n", encoding="utf-8")
    assert run(capsys, "build", article, "--out", tmp_path / "all", "-q", "--learned")[0] == 0
    assert run(capsys, "build", article, "--out", tmp_path / "patterns", "-q")[0] == 0
    learned = (tmp_path / "all" / "relations.csv").read_text("utf-8")
    patterns = (tmp_path / "patterns" / "relations.csv").read_text("utf-8")
    assert "learned.criticizes" in learned and "learned." not in patterns
    assert set(patterns.splitlines()) < set(learned.splitlines())


@pytest.mark.model
def test_cli_build_out_is_a_file(capsys, tmp_path, session_pipeline):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_A, encoding="utf-8")
    taken = tmp_path / "taken"
    taken.write_text("not a folder")
    code, _, err = run(capsys, "build", article, "--out", taken)
    assert code == 2
    assert len(_lines(err)) == 1
    assert taken.read_text() == "not a folder"


@pytest.mark.model
def test_cli_build_base_iri_override(capsys, tmp_path, session_pipeline):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE_A, encoding="utf-8")
    code, _, _ = run(capsys, "build", article, "--out", tmp_path / "out", "--base-iri", "https://example.org/kg/", "-q")
    assert code == 0
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix id: <https://example.org/kg/> ." in ttl
    assert "https://w3id.org/actorkg/id/" not in ttl


# --- the real console script --------------------------------------------------------------------


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONWARNINGS": "ignore"}


@pytest.mark.model
def test_cli_console_script_binary_file_exit_2(tmp_path):
    bad = tmp_path / "photo.txt"
    bad.write_bytes(PNG)
    result = subprocess.run(
        [str(KG), "build", str(bad), "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path, env=_env(), timeout=300
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"kg: error: {bad}: binary file (contains NUL bytes), not an article"]
    assert result.stdout == ""
    assert not (tmp_path / "out").exists()


@pytest.mark.model
def test_cli_console_script_stdin(tmp_path):
    result = subprocess.run(
        [str(KG), "build", "-", "--out", str(tmp_path / "out")],
        input=ARTICLE_A,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(),
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (line,) = _lines(result.stderr)
    assert line.startswith("kg: 1 document(s) -> ")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(OUTPUTS)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert set(g.objects(None, DCTERMS.identifier)) == {Literal("stdin")}
    assert set(g.objects(None, DCTERMS.title)) == {Literal("Harbour strike spreads to Port Velmar")}
