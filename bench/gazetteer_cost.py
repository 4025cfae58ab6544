"""What the gazetteer costs: extraction speed with the full gazetteer against speed without it.

"Without it" is the same pipeline with the gazetteer answering no place mentions (every other
stage runs as usual). Two corpora, CPU time of this process (other load on the machine moves it less):
1. the shared conflict articles, repeated (the corpus of extract_speed.py);
2. unseen archive articles: the process first reads WARM articles of ../shared/data/news-archive
   (so that its caches hold what a long batch run's would), then each mode reads articles it has
   not seen (different ones for each mode, since every stage remembers what it met).
Skips cleanly when ../shared is absent.

    python bench/gazetteer_cost.py [--warm 1500] [--articles 800]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARCHIVE = SHARED / "data" / "news-archive" / "news.jsonl.gz"
TARGET = 0.8  # issue 3: speed with the gazetteer within 20% of speed without it


def conflict_articles(repeats: int = 15) -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus" / "articles").glob("*.txt"))]
    return [(text, "2024-07-28") for text in texts] * repeats


def archive_articles(count: int) -> list[tuple[str, str]]:
    rows = []
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            rows.append((row.get("text") or "", (row.get("published") or "")[:10] or None))
    random.Random(3).shuffle(rows)
    return rows[:count]


def rate(articles: list[tuple[str, str]]) -> float:
    import marsad

    started = time.process_time()
    for text, published in articles:
        marsad.extract(text, published=published)
    return len(articles) / (time.process_time() - started)


class GazetteerOff:
    """Within it, the default gazetteer finds no places."""

    def __enter__(self):
        from marsad.knowledge.gazetteer import Gazetteer, PlaceContext

        self.gazetteer = Gazetteer.default()
        self.saved = self.gazetteer.find_mentions, self.gazetteer.context
        self.gazetteer.find_mentions = lambda *args, **kwargs: []
        self.gazetteer.context = lambda *args, **kwargs: PlaceContext()
        return self

    def __exit__(self, *exc):
        self.gazetteer.find_mentions, self.gazetteer.context = self.saved


def report(name: str, with_it: float, without: float) -> None:
    ratio = with_it / without
    verdict = "meets" if ratio >= TARGET else "misses"
    print(
        f"{name}: {with_it:.0f} articles/s with the gazetteer, {without:.0f} without;"
        f" ratio {ratio:.2f} ({verdict} the {TARGET:.2f} target)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm", type=int, default=1500)
    parser.add_argument("--articles", type=int, default=800)
    options = parser.parse_args()
    if not (SHARED / "corpus" / "articles").is_dir():
        print("bench: ../shared/corpus/articles not found; skipped")
        return 0
    conflict = conflict_articles()
    rate(conflict[:40])  # loads the knowledge
    with_it = rate(conflict)
    with GazetteerOff():
        without = rate(conflict)
    report(f"conflict articles ({len(conflict)}, repeated)", with_it, without)
    if not ARCHIVE.exists():
        print("bench: news archive not found; unseen-article figure skipped")
        return 0
    n = options.articles
    rows = archive_articles(options.warm + 4 * n)
    rate(rows[: options.warm])
    unseen = rows[options.warm :]
    with_it = (rate(unseen[:n]) + rate(unseen[2 * n : 3 * n])) / 2
    with GazetteerOff():
        without = (rate(unseen[n : 2 * n]) + rate(unseen[3 * n :])) / 2
    report(f"unseen archive articles ({2 * n} per mode, after {options.warm})", with_it, without)
    return 0


if __name__ == "__main__":
    sys.exit(main())
