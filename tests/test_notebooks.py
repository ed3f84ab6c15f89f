"""The notebooks in notebooks/ run top to bottom without an error (outputs are never written back).

The kernel is this interpreter's own ipykernel, whatever kernelspecs the machine has
installed: a KernelSpecManager with no kernel directories falls back to ipykernel's
built-in ``python3`` spec, whose command is ``sys.executable -m ipykernel_launcher``.
So a fresh ``make test`` venv needs nothing registered, and a user-level ``python3``
kernelspec pointing at another Python cannot hijack the run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.manager import AsyncKernelManager  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CELL_TIMEOUT = 600  # seconds, per cell

pytestmark = [pytest.mark.notebook, pytest.mark.model]


def _kernel_manager() -> AsyncKernelManager:
    specs = KernelSpecManager(kernel_dirs=[])  # only ipykernel's built-in spec for this interpreter
    return AsyncKernelManager(kernel_name="python3", kernel_spec_manager=specs)


def test_notebooks_kernel_is_this_python():
    km = _kernel_manager()
    argv = km.kernel_spec.argv
    assert Path(argv[0]).resolve() == Path(sys.executable).resolve()
    assert argv[1:3] == ["-m", "ipykernel_launcher"]


def test_notebooks_are_committed_without_outputs():
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [], f"{path.name}: a code cell has outputs"
                assert cell.execution_count is None, f"{path.name}: a code cell has an execution count"


@pytest.mark.parametrize("name", ["01_explore_sample.ipynb", "02_corpus.ipynb"])
@pytest.mark.parametrize("cwd", ["notebooks", "root"])
def test_notebooks_run_without_errors(name, cwd, tmp_path):
    path = NOTEBOOKS / name
    before = path.read_bytes()
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        km=_kernel_manager(),
        timeout=CELL_TIMEOUT,
        allow_errors=False,
        resources={"metadata": {"path": str(NOTEBOOKS if cwd == "notebooks" else ROOT)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    assert path.read_bytes() == before  # executed in memory only
    displayed = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "text/html" in o.get("data", {})]
    assert any("<iframe srcdoc=" in o["data"]["text/html"] for o in displayed)
