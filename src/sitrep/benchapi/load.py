"""The load client: N concurrent clients (asyncio + httpx) for a bounded time and request count.

Only ever talks to 127.0.0.1. Each client loops: pick the next request of a fixed, seeded mix
(filtered lists and event cards), send it, record latency and status, wait its think time.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

import httpx

__all__ = ["LoadResult", "percentile", "run_load"]


@dataclass
class LoadResult:
    requests: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)
    seconds: float = 0.0


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


async def _client(http: httpx.AsyncClient, paths: list[str], seed: int, deadline: float, budget: list[int],
                  think_s: float, result: LoadResult) -> None:
    rng = random.Random(seed)
    while time.perf_counter() < deadline and budget[0] > 0:
        budget[0] -= 1
        path = rng.choice(paths)
        started = time.perf_counter()
        try:
            response = await http.get(path)
            ok = response.status_code == 200
            detail = f"{response.status_code} {path}"
        except httpx.HTTPError as error:
            ok, detail = False, f"{type(error).__name__} {path}"
        result.latencies_ms.append((time.perf_counter() - started) * 1000)
        result.requests += 1
        if not ok:
            result.errors += 1
            if len(result.error_samples) < 5:
                result.error_samples.append(detail)
        if think_s:
            await asyncio.sleep(think_s * (0.5 + rng.random()))


async def _run(port: int, paths: list[str], clients: int, seconds: float, max_requests: int,
               think_s: float) -> LoadResult:
    result = LoadResult()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    started = time.perf_counter()
    budget = [max_requests]
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits, timeout=30.0,
                                 trust_env=False) as http:
        await asyncio.gather(*(_client(http, paths, seed, started + seconds, budget, think_s, result)
                               for seed in range(clients)))
    result.seconds = time.perf_counter() - started
    return result


def run_load(port: int, paths: list[str], clients: int = 50, seconds: float = 60.0,
             max_requests: int = 200_000, think_s: float = 0.0) -> LoadResult:
    """Load ``paths`` on 127.0.0.1:``port``; stops at ``seconds`` or ``max_requests``, whichever first."""
    return asyncio.run(_run(port, paths, clients, seconds, max_requests, think_s))
