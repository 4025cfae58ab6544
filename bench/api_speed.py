"""API latency over real HTTP: median POST /extract for a typical article, and GET /events on a
store built from the shared articles (and the founding example); then GET /events throughput with
CLIENTS concurrent clients (the store serves reads concurrently). Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLES = SHARED / "corpus" / "articles"
SEED = SHARED / "seed" / "tinzaouaten.ar.txt"
TOKEN = "bench-token"
REPEATS = 30
CLIENTS = 20
REQUESTS_PER_CLIENT = 25


def _articles() -> list[dict]:
    manifest = json.loads((ARTICLES / "MANIFEST.json").read_text(encoding="utf-8"))
    items = [
        {
            "text": (ARTICLES / f"{meta['id']}.txt").read_text(encoding="utf-8"),
            "published": meta["date"][:10],
            "title": meta.get("title"),
            "outlet": meta.get("outlet"),
            "url": meta.get("url"),
            "document_id": meta["id"],
        }
        for meta in manifest
    ]
    if SEED.exists():
        items.append(
            {"text": SEED.read_text(encoding="utf-8"), "published": "2024-07-28", "title": "Tinzaouaten"}
        )
    return items


def _timed(client, method: str, url: str, **kwargs) -> float:
    started = time.perf_counter()
    answer = client.request(method, url, **kwargs)
    elapsed = time.perf_counter() - started
    answer.raise_for_status()
    return elapsed


def _report(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    print(
        f"{name:<40} median {statistics.median(times) * 1000:7.1f} ms   "
        f"p90 {p90 * 1000:7.1f} ms   (n={len(times)})"
    )


def _throughput(base: str, path: str, distinct: bool = False) -> None:
    """CLIENTS clients, each with its own connection, sending REQUESTS_PER_CLIENT requests at once;
    `distinct`: each request a page size of its own, so that no answer is served twice from the
    server's cache (what a first visit to each page costs)."""
    import httpx

    times: list[float] = []
    start = threading.Barrier(CLIENTS + 1)

    def client(number: int) -> None:
        def params(i: int) -> dict:
            return {"limit": 100 + number * REQUESTS_PER_CLIENT + i} if distinct else {}

        with httpx.Client(base_url=base, timeout=60) as own:
            own.get(path).raise_for_status()
            start.wait()
            mine = [_timed(own, "GET", path, params=params(i)) for i in range(REQUESTS_PER_CLIENT)]
        times.extend(mine)

    threads = [threading.Thread(target=client, args=(number,)) for number in range(CLIENTS)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    print(
        f"GET {path}{' (each page once)' if distinct else ''} with {CLIENTS} clients: "
        f"{len(times) / elapsed:6.0f} requests/s   "
        f"p50 {statistics.median(times) * 1000:6.1f} ms   (n={len(times)})"
    )


def main() -> int:
    if not ARTICLES.is_dir():
        print("bench: ../shared/corpus/articles not found; skipped")
        return 0
    import httpx

    from marsad.api.local_server import served

    articles = _articles()
    typical = sorted(articles, key=lambda item: len(item["text"]))[len(articles) // 2]
    try:
        import marsad.store  # noqa: F401

        has_store = True
    except ModuleNotFoundError:
        has_store = False
    with tempfile.TemporaryDirectory() as folder:
        args = ("--db", f"sqlite:///{folder}/events.db") if has_store else ()
        with served(*args, token=TOKEN) as base, httpx.Client(base_url=base, timeout=60) as client:
            payload = {"text": typical["text"], "published": typical["published"]}
            client.post("/extract", json=payload).raise_for_status()
            _report(
                f"POST /extract ({len(typical['text']):,} chars)",
                [_timed(client, "POST", "/extract", json=payload) for _ in range(REPEATS)],
            )
            if not has_store:
                print("bench: marsad.store is not installed; GET /events skipped")
                return 0
            started = time.perf_counter()
            for item in articles:
                client.post(
                    "/documents", json=item, headers={"Authorization": f"Bearer {TOKEN}"}
                ).raise_for_status()
            ingest = time.perf_counter() - started
            total = client.get("/events").json()["total"]
            print(f"POST /documents: {len(articles)} articles in {ingest:.1f} s, {total} events in the store")
            _report("GET /events (first 100)", [_timed(client, "GET", "/events") for _ in range(REPEATS)])
            _report(
                "GET /events?country=MLI&since=2024-01-01",
                [
                    _timed(client, "GET", "/events", params={"country": "MLI", "since": "2024-01-01"})
                    for _ in range(REPEATS)
                ],
            )
            _report(
                "GET /events?format=geojson&limit=1000",
                [
                    _timed(client, "GET", "/events", params={"format": "geojson", "limit": 1000})
                    for _ in range(REPEATS)
                ],
            )
            first = client.get("/events", params={"limit": 1}).json()["events"][0]["id"]
            _report("GET /events/{id}", [_timed(client, "GET", f"/events/{first}") for _ in range(REPEATS)])
            _throughput(base, "/events")
            _throughput(base, "/events", distinct=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
