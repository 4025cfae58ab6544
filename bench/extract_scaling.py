"""How the extraction's time grows with the text: `marsad.extract` on 1 KB to 2 MB of word salad.

Arabic news words (bench/salad_words.txt) in a fixed pseudo-random order, once with a full stop
every dozen words and once unpunctuated (one endless sentence, the case that once took minutes).
Prints the seconds per size and the ratio to the size before it: about 2 per doubling is linear,
4 quadratic. A size is skipped once the one before it took over MAX_SECONDS (the next could take
minutes).

    python bench/extract_scaling.py [--max-kb 2048]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent / "salad_words.txt"
SEED = 20261207
WORDS_PER_SENTENCE = 12
MAX_SECONDS = 20


def words() -> list[str]:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def salad(size_bytes: int, punctuated: bool) -> str:
    """About `size_bytes` of UTF-8 word salad, the same text on every run."""
    vocabulary = words()
    chosen = random.Random(SEED)
    parts, size = [], 0
    while size < size_bytes:
        word = chosen.choice(vocabulary)
        if punctuated and len(parts) % WORDS_PER_SENTENCE == WORDS_PER_SENTENCE - 1:
            word += "."
        parts.append(word)
        size += len(word.encode("utf-8")) + 1
    return " ".join(parts)


def sizes(max_kb: int) -> list[int]:
    kb, out = 1, []
    while kb <= max_kb:
        out.append(kb)
        kb *= 2
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=2048, help="largest text, in KB (default 2048)")
    args = parser.parse_args()
    import marsad

    marsad.extract(salad(1024, True), published="2024-07-28")  # loads the knowledge
    print(f"{'text':<13} {'size':>8} {'seconds':>9} {'x prev':>7}")
    for punctuated in (True, False):
        label = "punctuated" if punctuated else "unpunctuated"
        previous = None
        for kb in sizes(args.max_kb):
            if previous is not None and previous > MAX_SECONDS:
                print(f"{label:<13} {kb:>6} KB   skipped (the size before took over {MAX_SECONDS} s)")
                continue
            text = salad(kb * 1024, punctuated)
            started = time.perf_counter()
            marsad.extract(text, published="2024-07-28")
            elapsed = time.perf_counter() - started
            ratio = f"{elapsed / previous:7.2f}" if previous else f"{'':>7}"
            print(f"{label:<13} {kb:>6} KB {elapsed:9.3f} {ratio}", flush=True)
            previous = elapsed
    return 0


if __name__ == "__main__":
    sys.exit(main())
