"""Draw the articles of the annotated corpus from the news archive, and their train/test split.

    python gold/draw.py [--archive PATH] [--seed 20261207] > gold/manifest.tsv
    python gold/draw.py --extend gold/manifest.tsv --count 40 --seed 20261208 >> gold/manifest.tsv

Run once, before any annotation or tuning; the manifest it wrote is the corpus's definition and is
never redrawn (a redraw would let the test split drift towards what the rules already handle).

The draw is stratified, not random over the archive: most of the archive is not conflict news.
Each article gets one *kind* from keyword counts in its folded text, a plain reading that uses no
Marsad extraction (the corpus must not lean towards what Marsad already finds):
attack, battle, air (air/drone strikes, shelling), roundup (many incidents), protest, strategic
(arrests, interceptions, territory, truces), history (violence told as the past) and none (news of
the same sections with no violent event). Within a kind, articles are taken in seeded random order,
preferring a country and an outlet not yet taken, so the corpus spans countries, outlets and both
years. The test split is then drawn once at random with the same seed.

`--extend MANIFEST` draws more articles for `train/` only, with a seed of its own, of the same kinds
in the same proportions, none already in MANIFEST: the test split is never touched again.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import re
import sys
from pathlib import Path

from annotate import ARCHIVE  # gold/annotate.py: where the shared archive lies beside the checkout

from marsad.knowledge.countries import find_countries
from marsad.lang.ar.normalize import fold

SEED = 20261207
TEST_SHARE = 0.35
# How many articles of each kind the corpus holds.
QUOTA = {
    "attack": 30,
    "battle": 25,
    "air": 25,
    "roundup": 20,
    "protest": 30,
    "strategic": 30,
    "history": 15,
    "none": 25,
}
NEWS_SECTIONS = {None, "middleEast", "internationalNews"}
MIN_CHARS, MAX_CHARS = 500, 4500

# Keyword stems on folded text; each counts its occurrences.
_CUES = {
    "violence": r"قتل|مقتل|قتيل|جرحي|جريح|اصابه|مصرع|هجوم|انفجار|تفجير|غاره|قصف|اشتباك|معارك|مسلح",
    "attack": r"هجوم|تفجير|انفجار|انتحاري|عبوه|مسلحين|اغتيال|اطلاق النار|اطلاق نار",
    "battle": r"اشتباك|معارك|معركه|مواجهات|تصدت|صد هجوم|التقدم|سيطر",
    "air": r"غاره|غارات|الطيران|طائرات|طائره مسيره|مسيرات|قصف|قذائف|صواريخ|صاروخ|مدفعي",
    "protest": r"تظاهر|متظاهر|مظاهر|احتجاج|محتج|اعتصام|مسيره سلميه|الغاز المسيل",
    "strategic": r"اعتقال|اعتقل|القبض علي|توقيف|اعترض|اعتراض|ضبط|هدنه|وقف اطلاق النار|"
    r"انسحب|تسليم|اتفاق|افرج|تبادل",
    "history": r"ذكري|قبل \d+ (?:عاما|سنه|سنوات)|عام 19\d\d|في التسعينات|الحرب العالميه|تاريخ",
    "kill": r"قتل|مقتل|قتلي|مصرع|لقي حتفه|لقوا حتفهم|استشهد|شهداء",
}
_PATTERNS = {name: re.compile(pattern) for name, pattern in _CUES.items()}


def cue_counts(folded: str) -> dict[str, int]:
    return {name: len(pattern.findall(folded)) for name, pattern in _PATTERNS.items()}


def kind_of(counts: dict[str, int], length: int) -> str | None:
    """The article's kind, or None when it is not clearly any kind (left out of the draw)."""
    if counts["violence"] == 0 and counts["protest"] == 0 and counts["strategic"] == 0:
        return "none"
    if counts["protest"] >= 3 and counts["protest"] >= counts["violence"] / 2:
        return "protest"
    if counts["violence"] < 3 and counts["strategic"] < 3:
        return None
    if counts["history"] >= 3 and counts["history"] * 2 >= counts["kill"]:
        return "history"
    if counts["kill"] >= 6 and length > 2500:
        return "roundup"
    ranked = sorted(("battle", "air", "attack", "strategic"), key=lambda kind: -counts[kind])
    top = ranked[0]
    if counts[top] < 2:
        return None
    if top == "strategic" and counts["kill"] >= 3:
        return ranked[1]
    return top


def main_country(text: str) -> str:
    mentions = collections.Counter(m.country.iso3 for m in find_countries(fold(text)))
    return mentions.most_common(1)[0][0] if mentions else "-"


def candidates(archive: Path) -> list[dict]:
    rows = []
    with gzip.open(archive, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            text = article["text"]
            if article.get("section") not in NEWS_SECTIONS or not MIN_CHARS <= len(text) <= MAX_CHARS:
                continue
            folded = fold(text)
            kind = kind_of(cue_counts(folded), len(text))
            if kind is None:
                continue
            rows.append(
                {
                    "id": article["id"],
                    "kind": kind,
                    "outlet": article["outlet"],
                    "year": article["published"][:4],
                    "chars": len(text),
                    "country": main_country(text),
                }
            )
    return rows


def draw(rows: list[dict], seed: int, quotas: dict[str, int] = QUOTA) -> list[dict]:
    rng = random.Random(seed)
    chosen: list[dict] = []
    for kind, quota in quotas.items():
        pool = [row for row in rows if row["kind"] == kind]
        rng.shuffle(pool)
        countries, outlets, years = collections.Counter(), collections.Counter(), collections.Counter()
        for _ in range(min(quota, len(pool))):
            best = min(
                pool, key=lambda row: countries[row["country"]] + outlets[row["outlet"]] + years[row["year"]]
            )
            pool.remove(best)
            chosen.append(best)
            countries[best["country"]] += 1
            outlets[best["outlet"]] += 1
            years[best["year"]] += 1
    order = list(range(len(chosen)))
    rng.shuffle(order)
    test = set(order[: round(len(chosen) * TEST_SHARE)])
    for index, row in enumerate(chosen):
        row["split"] = "test" if index in test else "train"
    return chosen


def extend(rows: list[dict], taken: set[str], count: int, seed: int) -> list[dict]:
    """`count` more articles, all for train/, none of `taken`, kinds in the corpus's proportions."""
    total = sum(QUOTA.values())
    quotas = {kind: round(count * share / total) for kind, share in QUOTA.items()}
    chosen = draw([row for row in rows if row["id"] not in taken], seed, quotas)
    for row in chosen:
        row["split"] = "train"
    return chosen


def taken_ids(manifest: Path) -> set[str]:
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line and not line.startswith(("#", "id\t"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=ARCHIVE)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--extend", type=Path, help="a manifest to add train articles to (rows only)")
    parser.add_argument("--count", type=int, default=40, help="how many articles --extend adds")
    args = parser.parse_args()
    if not args.archive.exists():
        print(f"the news archive {args.archive} is absent; give --archive PATH", file=sys.stderr)
        return 1
    columns = ("id", "split", "kind", "country", "outlet", "year", "chars")
    if args.extend is not None:
        chosen = extend(candidates(args.archive), taken_ids(args.extend), args.count, args.seed)
        print(f"# Added by gold/draw.py --extend --count {args.count} --seed {args.seed}: train only.")
        for row in chosen:
            print("\t".join(str(row[column]) for column in columns))
        return 0
    chosen = draw(candidates(args.archive), args.seed)
    print(f"# Drawn by gold/draw.py with --seed {args.seed} on the shared news archive; never redrawn.")
    print("\t".join(columns))
    for row in chosen:
        print("\t".join(str(row[column]) for column in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
