"""Store ingest speed, articles/s, into SQLite and (if MARSAD_TEST_POSTGRES_URL is set) PostgreSQL.

Three figures per engine:
  ingest      `store.ingest` on the shared articles into an empty store (extraction + store + merge);
  store only  `store.ingest_extraction` of precomputed extractions, the articles repeated with their
              dates shifted by a year per copy (so copies do not merge) into one growing store;
  unchanged   re-ingesting texts already stored (the idempotency check alone).
Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
COPIES = 12
POSTGRES_ENV = "MARSAD_TEST_POSTGRES_URL"


def _articles() -> list[tuple[str, str | None]]:
    found = []
    for path in sorted((SHARED / "corpus" / "articles").glob("*.txt")):
        sidecar = path.with_suffix(".json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        found.append((path.read_text(encoding="utf-8"), (meta.get("publication_date") or "")[:10] or None))
    seed = SHARED / "seed" / "tinzaouaten.ar.txt"
    if seed.exists():
        found.append((seed.read_text(encoding="utf-8"), "2024-07-28"))
    return found


def _shifted(extraction, copy: int):
    """The extraction as if a distinct article a year later per copy: new id, dates moved."""
    shift = dt.timedelta(days=366 * copy)
    data = extraction.model_dump()
    data["document"]["id"] = f"{data['document']['id']}-{copy}"
    if data["document"]["published"]:
        data["document"]["published"] += shift
    for event in data["events"]:
        for key in ("date_start", "date_end"):
            if event[key]:
                event[key] += shift
    return type(extraction).model_validate(data)


def _rate(count: int, started: float) -> float:
    return count / max(time.perf_counter() - started, 1e-9)


def bench(url: str, articles, extractions) -> dict[str, float]:
    from marsad.store import open_store

    with open_store(url) as store:
        started = time.perf_counter()
        for text, published in articles:
            store.ingest(text, published=published)
        ingest = _rate(len(articles), started)
        started = time.perf_counter()
        for text, published in articles:
            store.ingest(text, published=published)
        unchanged = _rate(len(articles), started)
        started = time.perf_counter()
        for copy in range(1, COPIES + 1):
            for (text, _), extraction in zip(articles, extractions):
                store.ingest_extraction(_shifted(extraction, copy), f"{text}\n{copy}")
        store_only = _rate(len(articles) * COPIES, started)
        events = store.count_events()
    return {"ingest": ingest, "store only": store_only, "unchanged": unchanged, "events": events}


def _postgres_schema_url(url: str) -> tuple[str, str] | None:
    try:
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(url, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f"CREATE SCHEMA {schema}")
        return f"{url}?options=-csearch_path%3D{schema}", schema
    except Exception as error:  # noqa: BLE001  report and go on with SQLite only
        print(f"postgresql: skipped ({str(error).strip()[:100]})")
        return None


def main() -> int:
    articles = _articles() if SHARED.exists() else []
    if not articles:
        print("bench: ../shared/corpus/articles not found; skipped")
        return 0
    import marsad

    extractions = [marsad.extract(text, published=published) for text, published in articles]
    targets = [("sqlite", f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}", None)]
    if os.environ.get(POSTGRES_ENV) and (made := _postgres_schema_url(os.environ[POSTGRES_ENV])):
        targets.append(("postgresql", made[0], made[1]))
    elif not os.environ.get(POSTGRES_ENV):
        print(f"postgresql: skipped ({POSTGRES_ENV} not set; source .ci/setup-postgres.sh)")
    print(f"articles: {len(articles)} distinct; store-only pass: {len(articles) * COPIES} documents")
    for name, url, schema in targets:
        figures = bench(url, articles, extractions)
        print(
            f"{name:<11} ingest {figures['ingest']:7.1f} articles/s   "
            f"store only {figures['store only']:7.1f} "
            f"articles/s   unchanged {figures['unchanged']:7.1f} articles/s   ({figures['events']} events)"
        )
        if schema:
            import psycopg

            with psycopg.connect(os.environ[POSTGRES_ENV], autocommit=True) as admin:
                admin.execute(f"DROP SCHEMA {schema} CASCADE")
    return 0


if __name__ == "__main__":
    sys.exit(main())
