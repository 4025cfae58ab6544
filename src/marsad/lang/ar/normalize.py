"""Arabic normalisation for matching, with a map back to offsets in the original text.

Folding is one character to zero or one (never more), so every normalised character has exactly
one original position and spans map back exactly.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.resources import read_tsv


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for row in read_tsv("marsad.lang.ar", "normalisation.tsv", ("from", "to")):
        source = int(row["from"][2:], 16)
        table[source] = chr(int(row["to"][2:], 16)) if row["to"] else None
    return table


@dataclass(frozen=True)
class Normalized:
    """Normalised text and, for each of its characters, the index in the original."""

    text: str
    original: str
    positions: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        if start >= len(self.positions):
            return len(self.original), len(self.original)
        first = self.positions[start]
        last = self.positions[end - 1] + 1 if end > start else first
        return first, last


def fold(text: str) -> str:
    """The normalised form alone (for keys and lexicon entries)."""
    return normalize(text).text


def normalize(text: str) -> Normalized:
    table = _table()
    out: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(text):
        mapped = table.get(ord(char), char)
        if mapped is None:
            continue
        out.append(mapped)
        positions.append(index)
    return Normalized("".join(out), text, tuple(positions))


ARTICLE = "ال"
PROCLITICS = "وفبلك"


def strip_article(word: str) -> str:
    """Remove the leading conjunction/preposition clitics and the article from a folded word."""
    stem = word
    while len(stem) > 2 and stem[0] in PROCLITICS and stem[1:].startswith(ARTICLE):
        stem = stem[1:]
    if stem.startswith("لل") and len(stem) > 3:
        return stem[2:]
    if stem.startswith(ARTICLE) and len(stem) > 3:
        return stem[2:]
    return stem


def match_key(name: str) -> str:
    """Key for comparing names: folded, lower-cased, the leading article of each word removed."""
    return " ".join(strip_article(word) for word in fold(name).casefold().split())
