"""`make bench-api` (python -m sitrep.benchapi): load the API on 127.0.0.1 over 100,000 synthetic events.

Builds (or reuses) a synthetic SQLite store, starts `sitrep serve` in a child process on a free
127.0.0.1 port, runs the bounded load (50 clients, 60 s, filtered lists and event cards) and
prints, last, one JSON object: requests, errors, p50_ms, p99_ms, events_in_store (a contract).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from sitrep.benchapi.load import percentile, run_load
from sitrep.benchapi.mix import request_mix

DEFAULT_DB = Path(os.environ.get("TMPDIR", "/tmp")) / "sitrep-bench-api" / "bench.db"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(port: int, process: subprocess.Popen[bytes], timeout: float = 60.0) -> int:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            status = httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=2.0, trust_env=False)
            if status.status_code == 200:
                return int(status.json()["clusters"])
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--think", type=float, default=0.0, help="seconds each client waits between requests")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds of load before measuring (not counted)")
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1),
                        help="server worker processes (default: the CPUs, at most 4)")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)

    from sitrep.store.synthetic import build_synthetic_store

    built = build_synthetic_store(args.db, args.events, rebuild=args.rebuild)
    print(f"store: {built.events} synthetic events in {args.db} ({built.seconds:.1f} s to build)", file=sys.stderr)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "from sitrep.cli.main import cli; cli()", "serve", "--db", f"sqlite:///{args.db}",
                               "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        in_store = _wait_ready(port, server)
        paths = request_mix(built.cluster_ids, built.countries)
        if args.warmup > 0:  # workers' first requests and a cold page cache are not the steady state
            run_load(port, paths, args.clients, args.warmup, args.max_requests, args.think)
        result = run_load(port, paths, args.clients, args.seconds, args.max_requests, args.think)
    finally:
        server.terminate()
        server.wait(timeout=30)
    for kind, values in sorted(result.by_kind.items()):
        print(f"{kind}: {len(values)} requests, p50 {percentile(values, 50):.1f} ms, p99 {percentile(values, 99):.1f} ms",
              file=sys.stderr)
    for sample in result.error_samples:
        print("error:", sample, file=sys.stderr)
    print(f"{result.requests} requests in {result.seconds:.1f} s ({result.requests / result.seconds:.0f}/s), "
          f"{args.clients} clients", file=sys.stderr)
    print(json.dumps({"requests": result.requests, "errors": result.errors,
                      "p50_ms": round(percentile(result.latencies_ms, 50), 1),
                      "p99_ms": round(percentile(result.latencies_ms, 99), 1),
                      "events_in_store": in_store, "clients": args.clients, "workers": args.workers,
                      "think_s": args.think, "warmup_s": args.warmup,
                      "seconds": round(result.seconds, 1),
                      "requests_per_s": round(result.requests / max(result.seconds, 1e-9), 1)}))


if __name__ == "__main__":
    main()
