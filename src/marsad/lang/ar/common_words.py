"""Common Arabic words: the folded word forms that appear in many articles of a general news archive.

A word that a hundred or more articles of every topic use is a word of the language, not a
transliterated place name, whatever Latin name its consonants happen to spell ("تتبنى" is not the
village Toubani, "قرون" not Green): the pipeline trusts a transliteration (skeleton) match only
for a word outside this list. The list is data, rebuilt from an archive with

    python -m marsad.lang.ar.common_words ../shared/data/news-archive/news.jsonl.gz \
        > src/marsad/lang/ar/data/common_words.tsv
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from functools import lru_cache

from marsad.lang.ar.clitics import ARTICLE
from marsad.lang.ar.normalize import fold
from marsad.resources import read_tsv

MIN_ARTICLES = 100
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    return frozenset(row["word"] for row in read_tsv("marsad.lang.ar", "common_words.tsv", ("word",)))


def is_common(phrase: str) -> bool:
    """Whether every word of a folded phrase is a common word."""
    words = _LETTERS.findall(phrase)
    return bool(words) and all(word in common_words() for word in words)


# The dual (ان، ين) and sound plural (ون، ين، ات) endings; a feminine noun's ة is written ت before them.
_NUMBER_ENDINGS = ("ان", "ين", "ون", "ات")


@lru_cache(maxsize=65536)
def is_number_form_of_common(word: str) -> bool:
    """Whether a folded word (with or without the article) is the dual or sound plural of a
    common word: "الحالات" of حال, "مساعدين" of مساعد, "جيشان" of جيش. Such a word names what it
    counts, whatever hamlet GeoNames calls by it."""
    stem = word[len(ARTICLE) :] if word.startswith(ARTICLE) else word
    if len(stem) < 5 or not stem.endswith(_NUMBER_ENDINGS):
        return False
    singular = stem[:-2]
    forms = {singular, singular[:-1] + "ه"} if singular.endswith("ت") else {singular}
    return any(form in common_words() or ARTICLE + form in common_words() for form in forms)


def document_frequencies(lines) -> Counter:
    counts: Counter = Counter()
    for line in lines:
        counts.update(set(_LETTERS.findall(fold(json.loads(line)["text"]))))
    return counts


def main(archive: str) -> None:
    with gzip.open(archive, "rt", encoding="utf-8") as lines:
        counts = document_frequencies(lines)
    print("# Folded Arabic word forms used by at least", MIN_ARTICLES, "articles of a general news archive")
    print("# (the shared SaudiNewsNet + ANT archive, 62,525 articles); word forms only, no text.")
    print("# Built by `python -m marsad.lang.ar.common_words ARCHIVE`; see lang/ar/common_words.py.")
    print("word")
    for word in sorted(w for w, n in counts.items() if n >= MIN_ARTICLES and not w.isascii()):
        print(word)


if __name__ == "__main__":
    main(sys.argv[1])
