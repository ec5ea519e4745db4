"""The load client: N concurrent keep-alive clients for a bounded time and request count.

Only ever connects to 127.0.0.1. Each client holds one HTTP/1.1 connection and loops: next
request of a fixed, seeded mix (filtered lists and event cards), read the whole response,
record latency and status, wait its think time. The HTTP is a few lines of asyncio streams:
a general client (httpx) spent more CPU per request than the server on this 2-core machine.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import quote

__all__ = ["LoadResult", "percentile", "run_load"]

HOST = "127.0.0.1"


@dataclass
class LoadResult:
    requests: int = 0
    errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)  # 'card' / 'list' -> latencies
    error_samples: list[str] = field(default_factory=list)
    seconds: float = 0.0


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), -(-len(ordered) * p // 100)))
    return ordered[int(rank) - 1]


class Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """Send GET ``path``, read the whole response; its status. Reconnects when the server closed."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        target = quote(path, safe="/?&=,:;%+-._~")
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\n\r\n".encode("ascii"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection") == "close":
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def _client(port: int, paths: list[str], seed: int, deadline: float, budget: list[int],
                  think_s: float, result: LoadResult) -> None:
    rng = random.Random(seed)
    connection = Connection(port)
    try:
        while time.perf_counter() < deadline and budget[0] > 0:
            budget[0] -= 1
            path = rng.choice(paths)
            started = time.perf_counter()
            try:
                status = await asyncio.wait_for(connection.get(path), timeout=30.0)
                detail = f"{status} {path}"
            except (TimeoutError, OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as error:
                status, detail = 0, f"{type(error).__name__} {path}"
                connection.close()
            elapsed = (time.perf_counter() - started) * 1000
            result.latencies_ms.append(elapsed)
            result.by_kind.setdefault("card" if path.startswith("/api/events/") else "list", []).append(elapsed)
            result.requests += 1
            if status != 200:
                result.errors += 1
                if len(result.error_samples) < 5:
                    result.error_samples.append(detail)
            if think_s:
                await asyncio.sleep(think_s * (0.5 + rng.random()))
    finally:
        connection.close()


async def _run(port: int, paths: list[str], clients: int, seconds: float, max_requests: int,
               think_s: float) -> LoadResult:
    result = LoadResult()
    started = time.perf_counter()
    budget = [max_requests]
    await asyncio.gather(*(_client(port, paths, seed, started + seconds, budget, think_s, result)
                           for seed in range(clients)))
    result.seconds = time.perf_counter() - started
    return result


def run_load(port: int, paths: list[str], clients: int = 50, seconds: float = 60.0,
             max_requests: int = 200_000, think_s: float = 0.0) -> LoadResult:
    """Load ``paths`` on 127.0.0.1:``port``; stops at ``seconds`` or ``max_requests``, whichever first."""
    return asyncio.run(_run(port, paths, clients, seconds, max_requests, think_s))
