"""Screenshot the inline graph as Jupyter renders it (README "Use it from … Jupyter").

    python docs/jupyter_screenshot.py [docs/jupyter.png]

Executes notebooks/01_explore_sample.ipynb with nbclient, renders it with nbconvert's
JupyterLab HTML template (``pip install nbconvert``: not a project dependency), opens
the page in headless Chromium with the network blocked, and saves the first cell whose
output is the inline graph (``KnowledgeGraph._repr_html_``: an iframe ``srcdoc``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> int:
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter
    from playwright.sync_api import sync_playwright

    png = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "jupyter.png"
    notebook = ROOT / "notebooks" / "01_explore_sample.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}}).execute()
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "notebook.html"
        page_file.write_text(body, encoding="utf-8")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:")) else r.abort())
            page.goto(page_file.as_uri())
            cell = page.locator(".jp-Cell", has=page.locator("iframe")).first
            cell.scroll_into_view_if_needed()
            page.wait_for_timeout(8000)  # the graph inside the iframe lays itself out
            cell.screenshot(path=str(png))
            browser.close()
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
