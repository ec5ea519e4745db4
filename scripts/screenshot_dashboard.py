"""Remake docs/img/dashboard.png: the dashboard on the bundled examples, one event card open.

Ingests examples/ into a temporary store, serves it on 127.0.0.1 (a free port), opens the page in
headless Chromium and opens the card of the event with the most claims (merged values, claims by side).

    python scripts/screenshot_dashboard.py [--out docs/img/dashboard.png]
"""

from __future__ import annotations

import argparse
import atexit
import json
import shutil
import socket
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img" / "dashboard.png")
    args = parser.parse_args()

    import uvicorn
    from playwright.sync_api import sync_playwright

    from sitrep.server import create_app
    from sitrep.store import open_store
    from sitrep.store.ingest import ingest_paths

    folder = tempfile.mkdtemp(prefix="sitrep-shot-")
    atexit.register(shutil.rmtree, folder, True)
    store = open_store(f"sqlite:///{Path(folder) / 'store.db'}")
    ingest_paths([REPO / "examples"], store)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    with urllib.request.urlopen(f"{url}/api/events?limit=100") as response:
        items = json.load(response)["items"]
    richest = max(items, key=lambda r: sum(len(g["claims"]) for side in r["claims_by_side"].values() for g in side))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1100, "height": 690})
        page.goto(f"{url}/?event={richest['id']}")
        page.wait_for_selector("body[data-loaded=complete]", state="attached")
        page.wait_for_selector("#card .report")
        page.evaluate("() => document.getElementById('card').scrollTo(0, 0)")
        time.sleep(0.3)
        page.screenshot(path=str(args.out))
        browser.close()
    server.should_exit = True
    print(f"{args.out}: {args.out.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
