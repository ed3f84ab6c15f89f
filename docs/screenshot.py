"""Screenshot an actorkg graph page once its layout has settled.

    python docs/screenshot.py exports/graph.html docs/graph.png

Opens the page in headless Chromium with every network request refused (the page
needs none), waits until the layout has settled (``#network[data-settled=true]``)
and saves a PNG of the whole window. Needs the ``playwright`` package (the ``dev``
extra) and a Chromium: ``/usr/bin/chromium`` by default, ``--chromium`` or
``$CHROMIUM`` to use another; ``playwright install`` is not needed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def screenshot(page_path: Path, png: Path, *, width: int, height: int, chromium: str, timeout_s: float) -> list[str]:
    """Write the PNG; returns the requests the page attempted (refused), which should be none."""
    from playwright.sync_api import sync_playwright

    url = page_path.resolve().as_uri()
    refused: list[str] = []

    def route(r):
        if r.request.url == url or r.request.url.startswith(("data:", "about:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
            context.route("**/*", route)
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("#network[data-settled=true]", state="attached", timeout=timeout_s * 1000)
            page.wait_for_timeout(300)  # the last frame after the physics stop
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png))
        finally:
            browser.close()
    return refused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, help="an actorkg graph.html")
    parser.add_argument("png", type=Path, help="the PNG to write")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for the layout (default 60)")
    args = parser.parse_args(argv)
    if not args.page.is_file():
        print(f"screenshot: {args.page}: no such file", file=sys.stderr)
        return 2
    if not Path(args.chromium).exists():
        print(f"screenshot: no Chromium at {args.chromium} (use --chromium or $CHROMIUM)", file=sys.stderr)
        return 2
    try:
        import playwright  # noqa: F401
    except ImportError:
        print("screenshot: the playwright package is missing (pip install -e '.[dev]')", file=sys.stderr)
        return 2
    refused = screenshot(args.page, args.png, width=args.width, height=args.height, chromium=args.chromium, timeout_s=args.timeout)
    for url in refused:
        print(f"screenshot: the page tried to load {url} (refused)", file=sys.stderr)
    print(f"wrote {args.png}")
    return 1 if refused else 0


if __name__ == "__main__":
    sys.exit(main())
