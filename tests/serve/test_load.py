"""`svodka serve` under 50 concurrent clients for 10 seconds: every request answered, none failed.

The latencies are printed and recorded (p50, p95), not asserted: speed is measured by the
benchmarks, not by tests on a machine shared with other work."""
import asyncio
import statistics
import time

import httpx
import pytest

from tests.serve.test_api import build_store, running_server

pytestmark = pytest.mark.slow

CLIENTS = 50
SECONDS = 10.0


async def client_loop(client: httpx.AsyncClient, paths: list[str], offset: int, until: float,
                      latencies: list[float], failures: list[str]) -> None:
    turn = offset
    while time.monotonic() < until:
        path = paths[turn % len(paths)]
        turn += 1
        started = time.perf_counter()
        try:
            response = await client.get(path)
            if response.status_code != 200:
                failures.append(f"{path}: {response.status_code}")
        except httpx.HTTPError as error:
            failures.append(f"{path}: {error!r}")
        latencies.append(time.perf_counter() - started)


async def load(base_url: str) -> tuple[list[float], list[str]]:
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as client:
        page = (await client.get("/api/events")).json()
        event_id = page["events"][0]["id"]
        paths = ["/api/events", f"/api/events/{event_id}", "/api/events?q=взрыв&sort=-fatalities",
                 "/api/aggregates?by=day", "/api/places", "/api/documents/xss", "/", "/static/js/app.js"]
        latencies, failures = [], []
        until = time.monotonic() + SECONDS
        await asyncio.gather(*(client_loop(client, paths, n, until, latencies, failures) for n in range(CLIENTS)))
    return latencies, failures


def test_fifty_clients_for_ten_seconds(tmp_path, record_property):
    with running_server(build_store(tmp_path / "svodka.db")) as url:
        latencies, failures = asyncio.run(load(url))
    p95 = statistics.quantiles(latencies, n=20)[-1]
    record_property("requests", len(latencies))
    record_property("p95_seconds", round(p95, 4))
    print(f"\n{len(latencies)} requests from {CLIENTS} clients in {SECONDS:.0f} s, "
          f"p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    assert failures == []
    assert len(latencies) > CLIENTS
