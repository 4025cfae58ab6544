"""Place gaps: the names the archive's conflict and protest reports give as places that the
gazetteer does not resolve, most frequent first, with GeoNames rows they may be.

    PYTHONPATH=src .venv/bin/python bench/place_gaps.py [--out /tmp/place_gaps.tsv] [--top 600]

A name is a word (or two) right after a locative phrase of `place_words.tsv` («مدينة X»,
«بلدة X», «محافظة X», «في X» ...), found with the gazetteer's own word machinery, in an article
where the pipeline finds an event, and covered by no place, country or actor the `mentions` stage
resolved. Each name is counted once per article, with the countries named in its sentences (else
the article's main country) as hints. For each name among the most frequent, GeoNames rows of
the hinted countries (cities500 and the country dumps in ../shared/data/geonames) whose Latin
consonant skeleton is one of the name's are proposed, admin seats and the most populous first.
The report is what `src/marsad/knowledge/data/gazetteer_aliases.tsv` is curated from: every row
there was read against the archive's sentences and the GeoNames row. Skips cleanly when
../shared is absent; writes outside the repository (article text never goes into it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from marsad.knowledge.countries import by_iso2
from marsad.knowledge.gazetteer.sources import _rows
from marsad.knowledge.gazetteer.words import _lexicon, _locative_before, _stems, _tokens
from marsad.knowledge.transliterate import arabic_skeletons, latin_skeleton, name_key
from marsad.lang.ar.common_words import is_common
from marsad.lang.ar.lexicon import event_triggers
from marsad.pipeline import run

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARCHIVE = SHARED / "data" / "news-archive" / "news.jsonl.gz"
GEONAMES = SHARED / "data" / "geonames"
# Sections of the archive that carry no conflict news (SaudiNewsNet has no sections).
OTHER_SECTIONS = frozenset({"sport", "culture", "technology", "economy"})
# An article is read with the pipeline only if it has this many event triggers.
MIN_TRIGGERS = 2
CANDIDATES = 3  # GeoNames rows proposed per name
SEAT_CODES = ("PPLC", "PPLA", "PPLA2", "PPLA3", "ADM1", "ADM2")


@dataclass
class _Gap:
    articles: int = 0
    after_feature: int = 0  # articles where it follows a place-type word (مدينة، بلدة، محافظة)
    countries: Counter = field(default_factory=Counter)
    locatives: Counter = field(default_factory=Counter)
    example: str = ""  # an article id, to read it in the archive


def _articles(limit: int | None):
    triggers = event_triggers()
    with gzip.open(ARCHIVE, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            article = json.loads(line)
            if article.get("section") in OTHER_SECTIONS:
                continue
            text = article["text"]
            found = 0
            for _ in triggers.finditer(text):
                found += 1
                if found >= MIN_TRIGGERS:
                    yield article
                    break


def _covered(doc) -> bytearray:
    covered = bytearray(len(doc.folded) + 1)
    for mention in (*doc.countries, *doc.actors, *doc.places):
        covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    return covered


def _names_after_locatives(doc) -> list[tuple[str, str, int]]:
    """(name, locative phrase, offset) for each uncovered word or two after a locative phrase."""
    lexicon = _lexicon()
    tokens = _tokens(doc.folded)
    covered = _covered(doc)
    found = []
    for index in range(1, len(tokens)):
        token = tokens[index]
        if covered[token.start] or lexicon.locative_words.isdisjoint(_stems(tokens[index - 1].text)):
            continue
        locative = _locative_before(tokens, index, lexicon)
        if locative is None or token.text in lexicon.locative_words:
            continue
        found.append((token.text, locative[0], token.start))
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if after is not None and after.joins_previous and not covered[after.start]:
            found.append((f"{token.text} {after.text}", locative[0], token.start))
    return found


def _plausible_name(name: str, locative: str) -> bool:
    """A name after a place-type word may be a common word («مدينة الصدر»); after a preposition
    it must not be one (في ظل، في إطار), nor a blocked word."""
    lexicon = _lexicon()
    key = name_key(name)
    if len(key.replace(" ", "")) < 3 or key in lexicon.blocked:
        return False
    return locative in lexicon.feature_words or not is_common(name)


def mine(limit: int | None = None) -> tuple[int, dict[str, _Gap]]:
    feature_words = _lexicon().feature_words
    gaps: dict[str, _Gap] = defaultdict(_Gap)
    read = 0
    for article in _articles(limit):
        doc = run(article["text"], until="events")
        if not doc.events:
            continue
        read += 1
        seen: set[str] = set()
        after_feature: set[str] = set()
        for name, locative, offset in _names_after_locatives(doc):
            if not _plausible_name(name, locative):
                continue
            gap = gaps[name]
            sentence = doc.sentences[doc.sentence_of(offset)] if doc.sentences else None
            named = {
                c.country.iso3
                for c in doc.countries
                if sentence is not None and sentence.start <= c.start < sentence.end
            }
            if name not in seen:
                seen.add(name)
                gap.articles += 1
                gap.example = gap.example or article["id"]
                gap.countries.update(named or ({doc.main_country} if doc.main_country else set()))
            if locative in feature_words and name not in after_feature:
                after_feature.add(name)
                gap.after_feature += 1
            gap.locatives[locative] += 1
    return read, gaps


def _geonames_index(countries: set[str]) -> dict[str, dict[str, list[tuple]]]:
    """Country (ISO3) -> Latin skeleton -> GeoNames rows, for the countries hinted."""
    index: dict[str, dict[str, list[tuple]]] = defaultdict(lambda: defaultdict(list))
    sources = [GEONAMES / "cities500.txt.gz", *sorted((GEONAMES / "country").glob("*.txt.gz"))]
    seen: set[int] = set()
    for source in sources:
        for row in _rows(source):
            country = by_iso2(row.country2)
            if country is None or country.iso3 not in countries or row.geonameid in seen:
                continue
            if row.feature_class not in "PA" or row.feature_code.startswith("PCL"):
                continue
            seen.add(row.geonameid)
            alternates = [a for a in row.alternates if a[:1].isupper() and a.isascii()]
            for spelling in {row.name, row.asciiname, *alternates}:
                skeleton = latin_skeleton(spelling, country.iso3)
                if len(skeleton) >= 2:
                    index[country.iso3][skeleton].append(
                        (
                            row.geonameid,
                            row.asciiname,
                            row.feature_code,
                            row.population,
                            f"{row.country2}.{row.admin1_code}",
                            row.lat,
                            row.lon,
                        )
                    )
    return index


def _candidates(name: str, countries: list[str], index) -> list[tuple]:
    skeletons = set(arabic_skeletons(name_key(name)))
    rows = {
        row
        for country in countries
        for skeleton in skeletons
        for row in index.get(country, {}).get(skeleton, ())
    }
    return sorted(rows, key=lambda row: (row[2] not in SEAT_CODES, -row[3]))[:CANDIDATES]


def _report_row(name: str, gap: _Gap, index) -> list[str]:
    hinted = [country for country, _ in gap.countries.most_common(2)]
    candidates = " | ".join(
        f"{g} {n} {code} pop={p} {a1} {lat:.3f},{lon:.3f}"
        for g, n, code, p, a1, lat, lon in _candidates(name, hinted, index)
    )
    return [
        name,
        str(gap.articles),
        str(gap.after_feature),
        ",".join(f"{country}:{k}" for country, k in gap.countries.most_common(3)),
        ",".join(f"{word}:{k}" for word, k in gap.locatives.most_common(3)),
        gap.example,
        candidates,
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/place_gaps.tsv"))
    parser.add_argument("--top", type=int, default=600, help="names given GeoNames candidates")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N archive lines")
    arguments = parser.parse_args(argv)
    if not ARCHIVE.exists() or not GEONAMES.exists():
        print("bench: ../shared/data not found; skipped")
        return 0
    read, gaps = mine(arguments.limit)
    ranked = sorted(gaps.items(), key=lambda item: (-item[1].articles, item[0]))[: arguments.top]
    index = _geonames_index({c for _, gap in ranked for c, _ in gap.countries.most_common(2)})
    with arguments.out.open("w", encoding="utf-8") as out:
        out.write("name\tarticles\tafter_feature\tcountries\tlocatives\texample\tgeonames_candidates\n")
        for name, gap in ranked:
            out.write("\t".join(_report_row(name, gap, index)) + "\n")
    print(f"place gaps: {len(gaps)} names over {read} conflict or protest articles; see {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
