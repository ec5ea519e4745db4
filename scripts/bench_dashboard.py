"""Dashboard first render with N events in view (issue 11: under 2 s with 10,000).

Builds (or reuses) a synthetic SQLite store of N clusters (sitrep.store.synthetic, as `make bench-api`),
serves it with the real server (uvicorn on 127.0.0.1, a free port), opens the dashboard in headless
Chromium with no filter (every event in view) and reads two times the page records, in ms since
navigation start:

- ``first_page_ms``: the first page of events (1,000) is handed to the map;
- ``render_ms``: every event is loaded page by page and every marker placed (the count is final);
- ``api_wait_ms``: the part of render_ms spent waiting for /api/events pages (the server's share);
  ``render_ms - api_wait_ms`` is the page's own work (scripts, parsing, markers, clustering);
- ``page_cpu_ms``, ``server_cpu_ms``: CPU time of the page's main thread and of the server over the
  same load, which a busy machine inflates far less than wall time (``load_average`` is printed too).

Each run uses a fresh browser context (no cache). The last line is one JSON object.

    python scripts/bench_dashboard.py [--events 10000] [--runs 3] [--db PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(db: Path) -> tuple[Any, str]:
    import uvicorn

    from sitrep.server import create_app
    from sitrep.store import open_store

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(open_store(f"sqlite:///{db}")), host="127.0.0.1",
                                           port=port, log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def _one_run(browser: Any, url: str, width: int, height: int) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    server_cpu = time.process_time()  # the server runs in this process (its thread); the client is idle
    page.goto(url)
    page.wait_for_selector("body[data-loaded=complete], body[data-loaded=error]", state="attached", timeout=120_000)
    server_cpu = time.process_time() - server_cpu
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    body = page.locator("body")
    # Time spent waiting for /api/events pages (they are fetched one after another, by cursor).
    api_wait = page.evaluate("""() => performance.getEntriesByType("resource")
        .filter((e) => new URL(e.name).pathname === "/api/events")
        .reduce((sum, e) => sum + (e.responseEnd - e.startTime), 0)""")
    result = {
        "api_wait_ms": round(api_wait),
        # CPU time, which a busy machine inflates far less than wall time: the page's main thread
        # (Chrome's ThreadTime: CPU seconds of the renderer main thread) and the server process.
        "page_cpu_ms": round(metrics.get("ThreadTime", 0) * 1000),
        "server_cpu_ms": round(server_cpu * 1000),
        "loaded": body.get_attribute("data-loaded"),
        "first_page_ms": int(body.get_attribute("data-first-page-ms") or -1),
        "render_ms": int(body.get_attribute("data-render-ms") or -1),
        "markers": int(body.get_attribute("data-markers") or 0),
        "errors": errors,
    }
    context.close()
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path, default=Path("/tmp/sitrep-bench-dashboard/store.db"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument("--screenshot", type=Path, default=None, help="save a PNG of the last run")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from sitrep.store.synthetic import build_synthetic_store

    built = build_synthetic_store(args.db, args.events)
    print(f"store: {built.events} synthetic events in {args.db}", file=sys.stderr)
    server, url = _start_server(args.db)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    runs = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for index in range(args.runs):
                run = _one_run(browser, url + "/", args.width, args.height)
                print(f"run {index + 1}: {run}", file=sys.stderr)
                runs.append(run)
            if args.screenshot:
                page = browser.new_page(viewport={"width": args.width, "height": args.height})
                page.goto(url + "/")
                page.wait_for_selector("body[data-loaded=complete]", state="attached", timeout=120_000)
                page.screenshot(path=str(args.screenshot))
            browser.close()
    finally:
        server.should_exit = True
    print(json.dumps({
        "events_in_store": built.events,
        "markers": runs[-1]["markers"],
        "first_page_ms": statistics.median(r["first_page_ms"] for r in runs),
        "render_ms": statistics.median(r["render_ms"] for r in runs),
        "render_ms_runs": [r["render_ms"] for r in runs],
        "api_wait_ms": statistics.median(r["api_wait_ms"] for r in runs),
        "page_ms": statistics.median(r["render_ms"] - r["api_wait_ms"] for r in runs),
        "page_cpu_ms": statistics.median(r["page_cpu_ms"] for r in runs),
        "server_cpu_ms": statistics.median(r["server_cpu_ms"] for r in runs),
        "load_average": round(os.getloadavg()[0], 1),
        "cpus": os.cpu_count(),
        "errors": sum(len(r["errors"]) + (r["loaded"] != "complete") for r in runs),
    }))


if __name__ == "__main__":
    main()
