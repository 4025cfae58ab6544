"""False alarms: events Marsad finds in archive articles that report no conflict.

Draws a fixed-seed sample of the shared archive's sport, culture, technology and economy
sections and counts the articles given a violent news event (any of those sections), or a
protest or riot (sport, culture and technology: economy news does report strikes and sit-ins).
Both shares must stay at or below 2%. `--list` prints the flagged articles to read them.
Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

from marsad.schema.acled import DEMONSTRATION, EVENT_FAMILY, VIOLENCE

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARCHIVE = SHARED / "data" / "news-archive" / "news.jsonl.gz"
SECTIONS = ("sport", "culture", "technology", "economy")
NO_DEMONSTRATIONS = ("sport", "culture", "technology")
SAMPLE, SEED, CEILING = 600, 20261207, 0.02


def _sample() -> list[dict]:
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as lines:
        articles = [a for a in map(json.loads, lines) if a.get("section") in SECTIONS]
    articles.sort(key=lambda a: a["id"])
    return random.Random(SEED).sample(articles, min(SAMPLE, len(articles)))


def _alarms(article: dict) -> set[str]:
    import marsad

    events = marsad.extract(article["text"], published=article["published"]).events
    families = {EVENT_FAMILY[e.event_type] for e in events if not e.background}
    alarms = set()
    if VIOLENCE in families:
        alarms.add("violent")
    if DEMONSTRATION in families and article["section"] in NO_DEMONSTRATIONS:
        alarms.add("demonstration")
    return alarms


def main(argv: list[str]) -> int:
    if not ARCHIVE.exists():
        print("bench: ../shared/data/news-archive not found; skipped")
        return 0
    sample = _sample()
    flagged = {a["id"]: (a["section"], _alarms(a)) for a in sample}
    violent = sum("violent" in alarms for _, alarms in flagged.values())
    judged = sum(a["section"] in NO_DEMONSTRATIONS for a in sample)
    demonstrations = sum("demonstration" in alarms for _, alarms in flagged.values())
    print(f"false alarms over {len(sample)} articles ({', '.join(SECTIONS)}; seed {SEED}):")
    print(f"  violent events          {violent / len(sample):.3f}  ({violent}/{len(sample)})")
    print(
        f"  protests or riots       {demonstrations / max(judged, 1):.3f}  ({demonstrations}/{judged}, "
        f"{', '.join(NO_DEMONSTRATIONS)})"
    )
    if "--list" in argv:
        for article_id, (section, alarms) in sorted(flagged.items()):
            if alarms:
                print(f"  {article_id}\t{section}\t{','.join(sorted(alarms))}")
    worst = max(violent / len(sample), demonstrations / max(judged, 1))
    return 0 if worst <= CEILING else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
