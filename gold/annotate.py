"""Annotators' helper: show an archive article, and turn quoted evidence into character offsets.

    python gold/annotate.py text ID              # the article's text, each line with its start offset
    python gold/annotate.py find ID "STRING"      # every offset of STRING in the article
    python gold/annotate.py offsets FILE...       # evidence strings -> {"start", "end"}, in place
    python gold/annotate.py place NAME [CC]       # GeoNames cities500 rows named NAME (any script)

Gold files of archive articles never carry the article's text: a claim's evidence is written while
annotating as the quoted sentence (or part of it), then `offsets` replaces it by its offsets, after
checking that it occurs verbatim (the first occurrence at or after "evidence_after", if given, is used).
Aliases stay strings: they are names as written, not sentences.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from functools import lru_cache
from pathlib import Path

ARCHIVE = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-archive" / "news.jsonl.gz"
CITIES = ARCHIVE.parents[1] / "geonames" / "cities500.txt.gz"
ARCHIVE_PREFIX = "archive:"


@lru_cache(maxsize=1)
def archive_articles(path: Path = ARCHIVE) -> dict[str, dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return {article["id"]: article for article in map(json.loads, lines)}


def article(article_id: str) -> dict:
    found = archive_articles().get(article_id.removeprefix(ARCHIVE_PREFIX))
    if found is None:
        raise SystemExit(f"no article {article_id!r} in {ARCHIVE}")
    return found


def article_text(article_id: str) -> str:
    return article(article_id)["text"]


def show(article_id: str) -> None:
    found = article(article_id)
    print(f"# id={found['id']} outlet={found['outlet']} published={found['published']} url={found['url']}")
    offset = 0
    for line in article_text(article_id).split("\n"):
        print(f"[{offset}] {line}")
        offset += len(line) + 1


def find(article_id: str, string: str) -> None:
    text = article_text(article_id)
    start = text.find(string)
    if start < 0:
        print("not found")
    while start >= 0:
        print(json.dumps({"start": start, "end": start + len(string)}))
        start = text.find(string, start + 1)


def place(name: str, country: str | None) -> None:
    """Coordinates to code a place with: exact matches of the name or an alternate name."""
    wanted = name.strip().lower()
    with gzip.open(CITIES, "rt", encoding="utf-8") as rows:
        for row in rows:
            cells = row.rstrip("\n").split("\t")
            names = {cells[1].lower(), cells[2].lower(), *(n.lower() for n in cells[3].split(","))}
            if wanted in names and (country is None or cells[8] == country.upper()):
                print(
                    f"{cells[1]}\t{cells[8]}\tadmin1={cells[10]}\tlat={cells[4]}\tlon={cells[5]}"
                    f"\t{cells[7]}\tpop={cells[14]}"
                )


def to_offsets(path: Path) -> list[str]:
    """Rewrites `path` with offsets for every string evidence; returns the problems found."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = article_text(gold["text"])
    problems = []
    for event in gold.get("events", []):
        for claim in event.get("claims", []):
            evidence = claim.get("evidence")
            after = claim.pop("evidence_after", 0)
            if isinstance(evidence, str):
                start = text.find(evidence, after)
                if start < 0:
                    start = text.find(evidence)
                if start < 0:
                    problems.append(
                        f"{path.name} {event.get('id')}: evidence not in the text: {evidence[:60]}"
                    )
                    continue
                claim["evidence"] = {"start": start, "end": start + len(evidence)}
    path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("text").add_argument("id")
    finder = commands.add_parser("find")
    finder.add_argument("id")
    finder.add_argument("string")
    commands.add_parser("offsets").add_argument("files", nargs="+", type=Path)
    places = commands.add_parser("place")
    places.add_argument("name")
    places.add_argument("country", nargs="?")
    args = parser.parse_args()
    if args.command == "text":
        show(args.id)
    elif args.command == "find":
        find(args.id, args.string)
    elif args.command == "place":
        place(args.name, args.country)
    else:
        problems = [problem for path in args.files for problem in to_offsets(path)]
        print("\n".join(problems) or f"{len(args.files)} file(s): every evidence is now offsets")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
