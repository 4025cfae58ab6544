"""Batch throughput: documents/s for 1 and 2 workers, local engine and a local Ray cluster.

The documents (20,000 by default) are generated at run time by combining sentences of the real
articles in ../shared/corpus/articles (never copied into the repository). Peak memory is the
largest summed resident size of this process and all its children (pool workers, Ray processes).
Skips cleanly when ../shared is absent.

    python bench/batch_speed.py [--docs 20000] [--no-ray]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")


def sentences() -> list[str]:
    found = []
    for path in sorted((SHARED / "corpus" / "articles").glob("*.txt")):
        found += [
            s.strip() for s in SENTENCE_END.split(path.read_text(encoding="utf-8")) if len(s.strip()) > 20
        ]
    return found


def write_documents(path: Path, pool: list[str], count: int) -> int:
    generator = random.Random(20240728)
    with open(path, "w", encoding="utf-8") as stream:
        for n in range(count):
            text = " ".join(generator.sample(pool, generator.randint(5, 12)))
            stream.write(
                json.dumps(
                    {"id": f"bench-{n:06d}", "text": text, "published": "2024-07-28"}, ensure_ascii=False
                )
                + "\n"
            )
    return path.stat().st_size


class PeakMemory:
    """Samples the summed RSS of this process tree in a thread."""

    def __init__(self):
        import psutil

        self.process, self.peak, self.running = psutil.Process(), 0, True
        self.thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_exc):
        self.running = False
        self.thread.join()

    def _sample(self):
        import psutil

        while self.running:
            total = 0
            for process in [self.process, *self.process.children(recursive=True)]:
                try:
                    total += process.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)


def measure(label: str, inputs: list[str], out: Path, count: int, **options) -> float:
    from marsad.batch import run_batch

    with PeakMemory() as memory:
        started = time.perf_counter()
        summary = run_batch(inputs, out, progress=False, **options)
        elapsed = time.perf_counter() - started
    rate = summary.documents / elapsed
    assert summary.documents == count, summary
    print(
        f"{label:<22} {rate:8.1f} docs/s  {elapsed:7.1f} s  "
        f"peak {memory.peak / 1024**2:6.0f} MB  ({summary.line()})",
        flush=True,
    )
    return rate


def start_ray(temp: Path) -> bool:
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
    try:
        import ray
    except ImportError:
        print("ray: not installed; skipped (pip install 'marsad[ray]')")
        return False
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.WARNING,
        object_store_memory=256 * 1024**2,
        _temp_dir=str(temp / "ray"),
    )
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--no-ray", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "corpus" / "articles").is_dir():
        print("bench: ../shared/corpus/articles not found; skipped")
        return 0
    pool = sentences()
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as temp_name:
        temp = Path(temp_name)
        size = write_documents(temp / "docs.jsonl", pool, args.docs)
        inputs = [str(temp / "docs.jsonl")]
        print(
            f"documents: {args.docs:,} from {len(pool):,} sentences, {size / 1024**2:.1f} MB; "
            f"{os.cpu_count()} CPUs",
            flush=True,
        )
        rates = {}
        for workers in (1, 2):
            rates["local", workers] = measure(
                f"local, {workers} worker(s)", inputs, temp / f"local-{workers}", args.docs, workers=workers
            )
        if not args.no_ray and start_ray(temp):
            import ray

            try:
                for workers in (1, 2):
                    rates["ray", workers] = measure(
                        f"ray, {workers} actor(s)",
                        inputs,
                        temp / f"ray-{workers}",
                        args.docs,
                        engine="ray",
                        workers=workers,
                    )
            finally:
                ray.shutdown()
        for engine in ("local", "ray"):
            if (engine, 2) in rates:
                print(f"{engine}: 1 -> 2 workers scaling {rates[engine, 2] / rates[engine, 1]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
