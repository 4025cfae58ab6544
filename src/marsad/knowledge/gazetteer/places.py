"""Places and their mentions: the gazetteer's rows, and what a scan of a text hands `choose`.

A `Place` is a row of the gazetteer file; a `PlaceMention` is a span of folded text with its
candidate places, the evidence for each (`HOW_ARABIC`, or `HOW_SKELETON` with the consonant
skeleton it shares, see `scan`) and the other readings of the same words; a `PlaceContext` is
what the article says around its mentions. `prior` is how likely a bare name means a place.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.knowledge.gazetteer.choose import _Choices

HOW_ARABIC = "arabic-name"
HOW_SKELETON = "skeleton"
DISAGREES = -100  # the agreement of a candidate kept although its vowels disagree
# What the gazetteer remembers across articles (names recur from one to the next):
_CACHE_LIMIT = 100_000  # keys remembered per kind of evidence before the cache starts over
# Mentions' candidates and choices remembered before those caches start over: fewer, since an
# entry may hold hundreds of candidates.
_MENTION_CACHE_LIMIT = 10_000

# Priors: an unqualified name in the news is most often the capital or an admin seat, then the
# bigger town; an admin area is named after its seat, and a wadi or well after its village.
_SEAT_BONUS = {
    "PPLC": 3.0,
    "PPLG": 2.0,
    "PPLA": 2.0,
    "PPLA2": 1.0,
    "PPLA3": 0.5,
    "PPLA4": 0.25,
    "ADM1": 0.5,
    "ADM2": 0.25,
}
_CLASS_BONUS = {"P": 1.0, "A": 0.5}
_MAJOR_CODES = frozenset({"PPLC", "PPLG", "PPLA", "ADM1"})


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str  # ISO3
    admin1: str | None
    feature_class: str
    feature_code: str
    population: int
    admin2: str | None = None
    # A town of some size, an admin seat or a curated region: GeoNames gives Arabic names to
    # thousands of hamlets called after common words (الامل، الفتح), so without a locative word
    # before it a name must mean a notable place to count.
    notable: bool = False

    @property
    def major(self) -> bool:
        """Whether it is a capital, a first-level area or its seat: a place the news names often
        enough that its name is among the commonest words (كابول، كاليفورنيا)."""
        return self.feature_code in _MAJOR_CODES

    @property
    def seat(self) -> bool:
        """Whether it is an admin seat (PPLA, PPLA2 ... PPLA4), whose name says which town is
        meant even where GeoNames counts no people."""
        return self.feature_code.startswith("PPLA")

    @cached_property
    def prior(self) -> float:
        """`prior(self)`, computed once: every article's candidates are scored with it."""
        return prior(self)


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str  # offsets into the folded text given
    candidates: tuple[Place, ...]  # best first
    how: str  # "arabic-name" | "skeleton:<key>": the evidence of the first candidate
    after_locative: str | None  # the locative word before it ("مدينه", "في", "ب"), if any
    evidence: tuple[str, ...] = ()  # per candidate, "arabic-name" or "skeleton:<key>"
    # per skeleton candidate, how many Arabic long vowels write its Latin vowels, less those that
    # write another vowel (see `transliterate.spelling_fit`; DISAGREES: they disagree)
    agreement: tuple[int, ...] = ()
    alternatives: tuple[PlaceMention, ...] = ()  # other readings of the same words
    # the name after the locative word this one starts with ("مدينة زنجبار": زنجبار), for when
    # none of this mention's candidates is in a hinted country
    fallbacks: tuple[PlaceMention, ...] = ()

    def evidence_of(self, index: int) -> str:
        return self.evidence[index] if index < len(self.evidence) else self.how

    def agreement_of(self, index: int) -> int:
        return self.agreement[index] if index < len(self.agreement) else 0

    @cached_property
    def choices(self) -> _Choices:
        """The options indexed for `choose`, shared by every mention with the same candidates
        (the same names recur from article to article, some with hundreds of candidates)."""
        from marsad.knowledge.gazetteer.choose import _choices  # choosing builds on these types

        return _choices(self)

    def reading_of(self, place: Place) -> PlaceMention:
        """The reading (this mention or an alternative) whose candidates hold `place`: its span
        is the one to report when `choose` picked that place."""
        readings = (
            self,
            *self.alternatives,
            *(m for fallback in self.fallbacks for m in (fallback, *fallback.alternatives)),
        )
        return next((m for m in readings if place in m.candidates), self)


@dataclass(frozen=True)
class PlaceContext:
    """What the article says around its place mentions, for `Gazetteer.choose`; build it with
    `Gazetteer.context(text, mentions, countries)`."""

    text: str = ""  # the folded article the mentions were found in
    anchors: tuple[tuple[int, Place], ...] = ()  # (mention start, place) resolved without context


def prior(place: Place) -> float:
    """How likely an unqualified mention of this name means this place (higher is likelier)."""
    # An admin area's population is the area's, not comparable with a town's.
    population = place.population if place.feature_class == "P" else 0
    return (
        math.log10(max(population, 0) + 10)
        + _SEAT_BONUS.get(place.feature_code, 0.0)
        + _CLASS_BONUS.get(place.feature_class, 0.0)
    )


def own_id(iso3: str, name: str) -> int:
    """A stable id for a place GeoNames has no row for: negative, so it can never be taken for a
    geonameid."""
    return -(zlib.crc32(f"{iso3}:{name}".encode()) + 1)
