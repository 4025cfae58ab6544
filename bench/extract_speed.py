"""Extraction speed on one core: articles/s and MB/s over the shared articles, and peak memory.

The same text is also tokenised with a plain regex in the same run: that is the floor to
compare against. Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import re
import resource
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
TARGET_BYTES = 5 * 1024 * 1024


def _articles() -> list[str]:
    folder = SHARED / "corpus" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    seed = SHARED / "seed" / "tinzaouaten.ar.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    return texts


def main() -> int:
    texts = _articles() if SHARED.exists() else []
    if not texts:
        print("bench: ../shared/corpus/articles not found; skipped")
        return 0
    import marsad

    started = time.perf_counter()
    marsad.extract(texts[0], published="2024-07-28")
    warmup = time.perf_counter() - started
    size = sum(len(t.encode("utf-8")) for t in texts)
    repeats = max(1, -(-TARGET_BYTES // size))
    corpus = texts * repeats
    total_bytes = size * repeats

    started, cpu_started = time.perf_counter(), time.process_time()
    for text in corpus:
        marsad.extract(text, published="2024-07-28")
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started

    word = re.compile(r"\w+")
    started = time.perf_counter()
    tokens = sum(len(word.findall(text)) for text in corpus)
    floor = time.perf_counter() - started

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mb = total_bytes / 1024 / 1024
    print(f"articles: {len(corpus)} ({len(texts)} distinct x {repeats}), {mb:.1f} MB")
    print(f"first call (loads knowledge): {warmup * 1000:.0f} ms")
    print(
        f"extract: {len(corpus) / elapsed:.1f} articles/s, {mb / elapsed:.2f} MB/s, "
        f"{elapsed:.1f} s on one core"
    )
    # CPU time: what the run cost this process alone, which a machine busy with other work still
    # measures (wall time there counts the waits for the core).
    print(f"extract, CPU time: {len(corpus) / cpu:.1f} articles/s ({cpu:.1f} s)")
    print(
        f"regex tokenisation floor: {len(corpus) / floor:.0f} articles/s, "
        f"{mb / floor:.1f} MB/s ({tokens:,} tokens)"
    )
    print(f"extract / floor: {elapsed / floor:.0f}x slower")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
