"""Arabic normalisation for matching, with a map back to offsets in the original text.

Folding is one character to zero or one (never more), so every normalised character has exactly
one original position and spans map back exactly. `normalize` also parts a number from a word
written against it ("مقتل20 جنديا", "3أبريل", "يوليو2017"), as a space the original lacks: the
space takes the position of the character after it, so spans still map back exactly. A number
keeps the proclitics written on it ("و15", "بـ20", "الـ2017"): they are how Arabic joins it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import filterfalse

from marsad.lang.ar.clitics import ARTICLE, CONJUNCTIONS, LAM, PREPOSITIONS, strip_article
from marsad.resources import read_tsv


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for row in read_tsv("marsad.lang.ar", "normalisation.tsv", ("from", "to")):
        source = int(row["from"][2:], 16)
        table[source] = chr(int(row["to"][2:], 16)) if row["to"] else None
    return table


@lru_cache(maxsize=1)
def _deleted() -> re.Pattern[str]:
    """The characters folding deletes (diacritics, tatweel, format marks), as one class."""
    return re.compile(
        "[" + "".join(re.escape(chr(code)) for code, to in _table().items() if to is None) + "]"
    )


# A word of two letters or more against a number, either way round: where a space is wanted.
_GLUED = re.compile(r"(?P<word>[\u0621-\u064a]{2,})(?=\d)|(?<=\d)(?=[\u0621-\u064a]{2})")
# ... unless the letters are only proclitics and the article ("وال", "بال", "لل"), joined to the number.
_PROCLITICS_ONLY = re.compile(f"[{CONJUNCTIONS}]?[{PREPOSITIONS}]?(?:{ARTICLE}|{LAM})?")


@dataclass(frozen=True)
class Normalized:
    """Normalised text and, for each of its characters, the index in the original (None when
    nothing was deleted: then every index is its own)."""

    text: str
    original: str
    positions: tuple[int, ...] | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        if start >= len(self.text):
            return len(self.original), len(self.original)
        if self.positions is None:
            return start, max(start, end)
        first = self.positions[start]
        last = self.positions[end - 1] + 1 if end > start else first
        return first, last


def fold(text: str) -> str:
    """The normalised form alone (for keys and lexicon entries)."""
    return text.translate(_table())


def normalize(text: str) -> Normalized:
    folded = text.translate(_table())
    glued = [
        m.end()
        for m in _GLUED.finditer(folded)
        if m.group("word") is None or not _PROCLITICS_ONLY.fullmatch(m.group("word"))
    ]
    if len(folded) == len(text) and not glued:
        return Normalized(folded, text, None)
    deleted = {m.start() for m in _deleted().finditer(text)}
    positions = list(filterfalse(deleted.__contains__, range(len(text))))
    if not glued:
        return Normalized(folded, text, tuple(positions))
    parts, spaced, last = [], [], 0
    for cut in glued:
        parts += [folded[last:cut], " "]
        spaced += positions[last:cut] + [positions[cut]]
        last = cut
    parts.append(folded[last:])
    spaced += positions[last:]
    return Normalized("".join(parts), text, tuple(spaced))


def match_key(name: str) -> str:
    """Key for comparing names: folded, lower-cased, the leading article of each word removed."""
    return " ".join(strip_article(word) for word in fold(name).casefold().split())
