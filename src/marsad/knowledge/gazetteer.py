"""Place mentions in folded Arabic text, looked up in the shipped GeoNames-derived gazetteer.

Two kinds of evidence (a mention's `how`):
1. "arabic-name": the n-gram is an Arabic name GeoNames gives the place (folded, article removed);
   trusted anywhere, except the words `place_stopwords.tsv` blocks or allows only after a
   locative word.
2. "skeleton:<key>": the n-gram's consonant skeleton equals a Latin name's (see `transliterate`);
   trusted only right after a locative word (`place_words.tsv`), a ب prefix or in a list that
   follows one, since elsewhere common words collide with village names; `choose` resolves it
   only inside a country the article names.
Where both kinds meet on the same words ("مدينة مركة": an Arabic name in Palestine, the skeleton
of Marka in Somalia), the mention holds both candidate lists, each candidate with its evidence;
where they read the word differently ("موقع باروا": Baroua, or ب + Arua), the other reading is
kept as an alternative. `choose` picks among all of them with the article's countries and,
given a `PlaceContext`, distances and directions ("150 كيلومترا جنوب غرب العاصمة"), borders
("قرب الحدود الجزائرية"), the admin word before the name and the article's other places.
The SQLite file is opened read-only and queried on demand; only the Arabic keys (a few tens of
thousands) are held in memory, loaded on the first search.
"""
from __future__ import annotations

import bisect
import itertools
import math
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from marsad.errors import GazetteerError
from marsad.knowledge.countries import by_iso3
from marsad.knowledge.place_cues import (
    ANCHOR_WITHIN,
    Cue,
    angle_between,
    bearing_deg,
    cues_after,
    destination,
    distance_km,
)
from marsad.knowledge.transliterate import (
    arabic_skeletons,
    drop_article,
    has_latin_article,
    name_key,
    spelling_fit,
)
from marsad.lang.ar.normalize import fold
from marsad.resources import data_path, read_tsv

MAX_NGRAM_WORDS = 4
MAX_SKELETON_WORDS = 3
# After "مدينة"/"قرية" the next words are a name, so two consonants are evidence enough (if the
# vowels agree too, see spelling_agrees); after a preposition three, and the words must be
# spelled like a transliteration (see _looks_foreign) with vowels where the Latin name has them.
MIN_SKELETON_AFTER_FEATURE = 2
MIN_SKELETON_ELSEWHERE = 3
# A bare ب starts thousands of words (بمثابه, بينهما, بخصوص): only a long skeleton counts there.
MIN_SKELETON_AFTER_CLITIC = 4
MIN_KEY_LETTERS = 3
_SQL_BATCH = 500
_CACHE_LIMIT = 100_000  # keys remembered per kind of evidence before the cache starts over
# Mentions' candidates and choices remembered before those caches start over: fewer, since an
# entry may hold hundreds of candidates.
_MENTION_CACHE_LIMIT = 10_000
# More distinct places than any news report names: beyond it, anchors are the places named nearest.
_MAX_ANCHORS = 64
_COUNTRY_SETS_LIMIT = 256  # sets of countries whose skeleton keys are remembered (see _skeleton_keys)

HOW_ARABIC = "arabic-name"
HOW_SKELETON = "skeleton"
_CODE = {HOW_ARABIC: "ar", HOW_SKELETON: "sk"}

# Priors: an unqualified name in the news is most often the capital or an admin seat, then the
# bigger town; an admin area is named after its seat, and a wadi or well after its village.
_SEAT_BONUS = {"PPLC": 3.0, "PPLG": 2.0, "PPLA": 2.0, "PPLA2": 1.0, "PPLA3": 0.5, "PPLA4": 0.25,
               "ADM1": 0.5, "ADM2": 0.25}
_KM_PER_DEGREE = 111.0
_CLASS_BONUS = {"P": 1.0, "A": 0.5}
# A name GeoNames writes in Arabic is stronger evidence than a shared consonant skeleton; among
# skeleton candidates, each Arabic long vowel that writes the Latin vowel counts.
_ARABIC_EVIDENCE_BONUS = 2.0
_AGREEING_VOWEL_BONUS = 1.5
# After "محافظة"/"ولاية" an admin area named like its seat town is meant.
_ADMIN_WORD_BONUS = 4.0
# Places of one article are mostly near each other: full bonus within the first distance, a
# smaller one within the second.
_NEAR_KM, _NEAR_BONUS = 50.0, 3.0
_AROUND_KM, _AROUND_BONUS = 150.0, 1.5
_BORDER_BONUS = 2.0
_BORDER_RANGE_KM = 1000.0
_DIRECTION_ONLY_KM = 300.0  # "X شمال Y" without a distance: X within this of Y...
_DIRECTION_SPREAD = 67.5  # ...and within this many degrees of the direction
_CUE_TOLERANCE, _CUE_MIN_KM = 0.4, 25.0  # how far from the point a distance gives a place may be

_PLACE_COLUMNS = ("p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1, p.feature_class, p.feature_code,"
                  " p.population, p.admin2, p.notable")
_WORD = re.compile(r"([\u0621-\u064a]+)")
_NAME_JOINERS = " \u00a0-"  # what may stand between the words of one name
_LIST_JOINER = re.compile(r"\s*[,،]?\s*")
_CONJUNCTIONS = "وف"
_PREPOSITION_CLITICS = "بلك"
_LOCATIVE_CLITIC = "ب"
ARTICLE = "ال"
_LONG_VOWELS = "اوي"
_FEATURE = "feature"
_CLITIC = "clitic"
_LIST = "list"
# After a preposition a two-consonant skeleton (نيونو Niono, تاهوا Tahoua) counts too, but only
# for a one-word name whose vowels agree (checked in _rank_by_spelling: no fallback below three).
_SHORTEST_SKELETON = {_FEATURE: MIN_SKELETON_AFTER_FEATURE, _CLITIC: MIN_SKELETON_AFTER_CLITIC,
                      "preposition": MIN_SKELETON_AFTER_FEATURE}
# One word right after a feature word or a preposition may meet a one-consonant skeleton (ساي
# Say, كايا Kaya: the gazetteer holds those only for towns of some size), if its long vowels write
# every Latin vowel (SpellingFit.exact).
_ONE_CONSONANT_CONTEXTS = frozenset({_FEATURE, "preposition"})
_SHORT_SKELETON = 1
DISAGREES = -100  # the agreement of a candidate kept although its vowels disagree


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
    alternatives: tuple["PlaceMention", ...] = ()  # other readings of the same words
    # the name after the locative word this one starts with ("مدينة زنجبار": زنجبار), for when
    # none of this mention's candidates is in a hinted country
    fallbacks: tuple["PlaceMention", ...] = ()

    def evidence_of(self, index: int) -> str:
        return self.evidence[index] if index < len(self.evidence) else self.how

    def agreement_of(self, index: int) -> int:
        return self.agreement[index] if index < len(self.agreement) else 0

    @property
    def options(self) -> list[tuple[Place, str, int]]:
        """(place, evidence, spelling agreement) for every candidate of this mention and its
        alternatives, once each."""
        return self.choices.options

    @property
    def options_by_base(self) -> list[tuple[float, int, tuple[Place, str, int]]]:
        """(base score, position, option) for `options`, the best base score first."""
        return self.choices.by_base

    @cached_property
    def choices(self) -> "_Choices":
        """The options indexed for `choose`, shared by every mention with the same candidates
        (the same names recur from article to article, some with hundreds of candidates)."""
        return _choices(self)

    def reading_of(self, place: Place) -> "PlaceMention":
        """The reading (this mention or an alternative) whose candidates hold `place`: its span
        is the one to report when `choose` picked that place."""
        readings = (self, *self.alternatives, *(m for fallback in self.fallbacks for m in (fallback, *fallback.alternatives)))
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
    return (math.log10(max(population, 0) + 10) + _SEAT_BONUS.get(place.feature_code, 0.0)
            + _CLASS_BONUS.get(place.feature_class, 0.0))


# -- word lists ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Lexicon:
    locatives: dict[tuple[str, ...], tuple[str, str]]  # folded words -> (folded phrase, kind)
    admin_words: frozenset[str]  # folded phrases naming an admin unit (محافظه، ولايه)
    town_words: frozenset[str]  # folded phrases naming a settlement (مدينه، بلده، قريه)
    locative_words: frozenset[str]
    blocked: frozenset[str]
    locative_only: frozenset[str]
    no_skeleton: frozenset[str]  # words no skeleton n-gram may contain: locatives and blocked words
    phrase_ends: frozenset[str]  # the last words of the locative phrases of several words (من)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    locatives: dict[tuple[str, ...], tuple[str, str]] = {}
    areas: dict[str, set[str]] = {"admin": set(), "town": set()}
    for row in read_tsv("marsad.knowledge", "place_words.tsv", ("word", "kind")):
        words = tuple(fold(row["word"]).split())
        locatives[words] = (" ".join(words), row["kind"])
        areas.get(row.get("area", ""), set()).add(" ".join(words))
    blocked: set[str] = set()
    locative_only: set[str] = set()
    for row in read_tsv("marsad.knowledge", "place_stopwords.tsv", ("word", "rule")):
        (locative_only if row["rule"] == "after-locative" else blocked).add(name_key(row["word"]))
    words = frozenset(word for phrase in locatives for word in phrase)
    return _Lexicon(locatives, frozenset(areas["admin"]), frozenset(areas["town"]), words, frozenset(blocked),
                    frozenset(locative_only),
                    words | frozenset(blocked), frozenset(phrase[-1] for phrase in locatives if len(phrase) > 1))


# -- words -----------------------------------------------------------------------------------

class _Token(NamedTuple):  # a tuple: built for every word of every article
    text: str
    start: int
    end: int
    joins_previous: bool  # only spaces or a hyphen since the previous word


@dataclass(frozen=True)
class _Reading:
    """One reading of a name's first word: its key and where the name starts in the word."""
    key: str
    offset: int  # after the proclitics, at the article if there is one
    prefixed: bool  # a proclitic was dropped
    locative_clitic: bool  # the dropped proclitics hold ب ("بتينزاوتين": in Tinzaouaten)
    article: bool  # the name starts with the article (ال, or لل after ل)


def _tokens(text: str) -> list[_Token]:
    # [gap, word, gap, word, ..., gap]: the ends of its parts are the words' offsets. Built with
    # map and zip, not a Python loop: this runs over every word of every article.
    parts = _WORD.split(text)
    ends = list(itertools.accumulate(map(len, parts)))
    tokens = list(map(tuple.__new__, itertools.repeat(_Token),
                      zip(parts[1::2], ends[0::2], ends[1::2], map(_joins, parts[0:-1:2]))))
    if tokens and tokens[0].joins_previous:
        tokens[0] = tokens[0]._replace(joins_previous=False)  # nothing before the first word
    return tokens


@lru_cache(maxsize=4096)
def _joins(gap: str) -> bool:
    """Whether only spaces or a hyphen stand between two words (the same few gaps recur)."""
    return gap == " " or (bool(gap) and not gap.strip(_NAME_JOINERS))


def _word_flags(word: str) -> tuple[bool, bool, bool]:
    """(a stem of it is a locative word, it may not be part of a skeleton n-gram, a reading of it
    drops a ب: "بتينزاوتين"); remembered per word with the rest of `_Scanner._word_info`."""
    lexicon = _lexicon()
    stems = _stems(word)
    return (not lexicon.locative_words.isdisjoint(stems), not lexicon.no_skeleton.isdisjoint(stems),
            any(reading[3] for reading in _reading_fields(word)))


def _proclitic_splits(word: str) -> list[tuple[str, str]]:
    """(prefix, stem) readings, the bare word first: و/ف, then optionally ب/ل/ك."""
    splits = [("", word)]
    prefix, rest = "", word
    if rest[:1] in _CONJUNCTIONS and len(rest) > 3:
        prefix, rest = rest[0], rest[1:]
        splits.append((prefix, rest))
    if rest[:1] in _PREPOSITION_CLITICS and len(rest) > 3:
        splits.append((prefix + rest[0], rest[1:]))
    return splits


@lru_cache(maxsize=16384)
def _readings(word: str) -> tuple[_Reading, ...]:
    """The word's readings as a name start (see `_reading_fields`), needed only where a name may start."""
    return tuple(_Reading(*fields) for fields in _reading_fields(word))


# The per-word caches below hold plain tuples of strings and flags only: the collector stops
# tracking those, so that a warm process does not spend its time walking the caches.
@lru_cache(maxsize=65536)
def _reading_fields(word: str) -> tuple[tuple[str, int, bool, bool, bool], ...]:
    """The word's readings as a name start, as `_Reading`'s fields, the bare word first,
    stopping after a blocked word so that بلاد is not read as ب + لاد (Lod)."""
    blocked = _lexicon().blocked
    readings: list[tuple[str, int, bool, bool, bool]] = []
    for prefix, stem in _proclitic_splits(word):
        key = drop_article(stem, after_lam=prefix.endswith("ل"))
        offset = len(word) - len(key)
        if word[:offset].endswith("ال"):
            offset -= 2
        if len(key) >= MIN_KEY_LETTERS and all(reading[0] != key for reading in readings):
            article = len(key) < len(stem)
            readings.append((key, offset, bool(prefix), _LOCATIVE_CLITIC in prefix, article))
        if key in blocked:
            break  # وبريطانيا is و + a blocked word, not وب + ريطانيا; المدينه may start a name
    return tuple(readings)


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """The word and its stems without proclitics or article, for comparing with locatives
    (وبمدينة، المنطقه), the longest first: "بالقرب من" before "قرب من" in every run."""
    stems = {form for _, stem in _proclitic_splits(word) for form in (stem, drop_article(stem))}
    return tuple(sorted(stems, key=lambda stem: (-len(stem), stem)))


@lru_cache(maxsize=65536)
def _skeletons(key: str) -> tuple[str, ...]:
    return tuple(arabic_skeletons(key))


def _looks_foreign(words: list[str]) -> bool:
    """Whether an n-gram is spelled like a transliterated name: Arabic writes a foreign name
    with long vowels for its Latin vowels (تساليت, كيدال) and without the article, while the
    native nouns that follow في mostly take ال or have no long vowel past the first letter
    (المباراه, شكل, نفس)."""
    return all(len(word) >= MIN_KEY_LETTERS and not word.startswith("ال")
               and any(char in _LONG_VOWELS for char in word[1:]) for word in words)


def _locative_before(tokens: list[_Token], index: int, lexicon: _Lexicon) -> tuple[str, str] | None:
    """The locative phrase ending right before tokens[index], as (folded phrase, kind); the
    caller has checked that the word before looks locative (`_word_flags`)."""
    if index == 0 or not tokens[index].joins_previous:
        return None
    for length in (3, 2, 1):
        first = index - length
        if first < 0 or not all(tokens[i].joins_previous for i in range(first + 1, index)):
            continue
        rest = tuple(token.text for token in tokens[first + 1:index])
        for stem in _stems(tokens[first].text):
            found = lexicon.locatives.get((stem, *rest))
            if found:
                return found
    return None


# -- scanning --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Context:
    """What precedes a possible mention. After a feature word ("مدينة") a name follows almost
    surely: a short skeleton will do and the spelling is not checked. After a preposition or in
    a list, or after a ب prefix (بتينزاوتين), the words must be spelled like a transliteration.
    A ب prefix alone is too common (برميل) to license an Arabic name that needs a locative."""
    locative: str | None  # the word reported as after_locative
    kind: str  # _FEATURE, "preposition", "direction", _CLITIC or _LIST

    @property
    def licenses_name(self) -> bool:
        """Whether an obscure or common-word Arabic name may count here (not after a bare ب:
        برميل is a barrel, not ب + رميل)."""
        return self.kind != _CLITIC

    @property
    def lenient(self) -> bool:
        return self.kind == _FEATURE


@dataclass(frozen=True)
class _Match:
    """A mention chosen while scanning, before its places are fetched."""
    first: int
    words: int
    key: str  # the Arabic key, or for a skeleton match the skeleton
    how: str
    reading: _Reading
    context: _Context | None
    arabic: str  # the Arabic key of the n-gram
    places: tuple[Place, ...] = ()  # a skeleton match's candidates, checked while scanning
    agreement: tuple[int, ...] = ()  # their spelling agreement (see `_rank_by_spelling`)
    skeletons: tuple[str, ...] = ()  # per candidate of a skeleton match, the skeleton it shares
    also: "_Match | None" = None  # a skeleton match on the same words, merged into this one
    alternatives: tuple["_Match", ...] = ()  # other readings of these words
    fallback: "_Match | None" = None  # see PlaceMention.fallbacks

    @property
    def locative(self) -> str | None:
        return self.context.locative if self.context else None

    def same_words(self, other: "_Match") -> bool:
        return (self.first, self.words, self.reading.offset) == (other.first, other.words, other.reading.offset)


_UNSEEN = object()  # a cache's default where None is a remembered answer


def _context_key(context: _Context | None) -> tuple[str | None, str] | None:
    """The context as a plain tuple, for the keys of caches that live across articles (the
    collector stops tracking tuples of strings)."""
    return None if context is None else (context.locative, context.kind)


def _moved(match: _Match, first: int) -> _Match:
    """`replace(match, first=first)` without `replace`'s field-by-field rebuild: remembered
    matches are moved to where their words recur, a hundred times an article."""
    moved = object.__new__(_Match)
    moved.__dict__.update(match.__dict__, first=first)
    return moved


def _combine(arabic: _Match | None, skeleton: _Match | None) -> _Match | None:
    """One match from the Arabic-name and skeleton matches at a word: merged if they read the same
    words, else the Arabic name first with the skeleton as its alternative, unless only the
    Arabic reading splits off a proclitic (باروا is Baroua before it is ب + اروا, Arua). A
    skeleton of fewer words than the Arabic name (ساقية of ساقية سيدي يوسف) is no reading of it."""
    if arabic is None or skeleton is None:
        return arabic or skeleton
    if arabic.same_words(skeleton):
        return replace(arabic, also=skeleton)
    if arabic.reading.prefixed and not skeleton.reading.prefixed:
        return replace(skeleton, alternatives=(arabic, *arabic.alternatives))
    if skeleton.words < arabic.words and skeleton.first == arabic.first:
        return arabic
    return replace(arabic, alternatives=(*arabic.alternatives, skeleton))


class _Scanner:
    """One left-to-right pass choosing non-overlapping mentions, longest first.

    Skeletons are looked up in one batch for every n-gram after a locative;
    words that continue a list of places ("في كيدال وتساليت") are only known during the pass
    and are checked then.
    """

    def __init__(self, text: str, lexicon: _Lexicon, arabic: tuple[frozenset[str], dict[str, int]],
                 skeleton_places: Callable[[list[str]], dict[str, list[Place]]],
                 spelling: Callable[[str, Place], str], memory: "_ScanMemory", countries: tuple[str, ...] | None = None,
                 skeleton_keys: Callable[[tuple[str, ...]], tuple[frozenset[str], tuple[str, ...]]] | None = None):
        self.text = text
        # where a skeleton candidate may be, sorted (None: anywhere; empty: nowhere), also a cache key
        self.country_key = countries
        self.no_skeletons = countries == ()
        # the skeletons of places in those countries (a set, and sorted for prefixes): an n-gram
        # with another one needs no lookup
        self.allowed, self.allowed_sorted = skeleton_keys(countries) if countries and skeleton_keys else (None, ())
        self.tokens = _tokens(text)
        self.lexicon = lexicon
        self.keys, self.longest = arabic
        self.skeleton_places = skeleton_places
        self.spelling = spelling
        memory.trim()
        self.ranked = memory.ranked
        self.results = memory.skeleton_matches  # see _skeleton
        self.names = memory.arabic_matches  # see _arabic
        self.prefixes = memory.prefixes  # see _may_start_allowed
        word_cache = self.word_cache = memory.words  # see _word_info
        locative_cache = memory.locatives
        self.words = words = [token.text for token in self.tokens]
        self.joins = [token.joins_previous for token in self.tokens]
        known = word_cache.get
        infos = [known(word) or self._word_info(word) for word in words]
        (locative_like, self.no_skeleton, clitic_b, self.word_most, self.foreign, one_word_locative,
         self.reads_foreign) = zip(*infos) if infos else [()] * len(_WORD_INFO)
        # Only a word after a locative-looking word needs the phrase lookup.
        self.locative_cache = locative_cache
        multi = lexicon.phrase_ends
        self.locatives = [None if not i or not locative_like[i - 1] or not self.joins[i]
                          else self._locative_before(i) if words[i - 1] in multi else one_word_locative[i - 1]
                          for i in range(len(words))]
        self.signatures: dict[tuple[int, _Context | None], tuple] = {}
        # Where a skeleton may start without a list to continue: after a locative or at a ب prefix.
        self.may_start = [locative is not None or clitic for locative, clitic in zip(self.locatives, clitic_b)]
        self.asked: set[str] = set()
        self.known: dict[str, list[Place]] = {}
        self.options: dict[tuple[int, _Context | None], list[tuple[_Match, str]]] = {}

    def scan(self) -> list[_Match]:
        self._ask([s for first, may in enumerate(self.may_start) if may and self._signature(first, None) not in self.results
                   for _, s in self._skeleton_options(first, None)])
        chosen: list[_Match] = []
        # Only where a name or a skeleton may start, or a list may continue, is there work.
        may_start, most = self.may_start, self.word_most
        starts = [i for i, (may, longest) in enumerate(zip(may_start, most)) if may or longest]
        count = len(self.tokens)
        first, after_match = 0, False
        while first < count:
            inherited = self._list_head(chosen, first) if after_match else None  # a list goes on only after a match
            if inherited is None and not may_start[first] and not most[first]:
                # No name starts here and no skeleton may: on to the next word where one may.
                next_start = bisect.bisect_right(starts, first)
                first, after_match = (starts[next_start] if next_start < len(starts) else count), False
                continue
            if inherited is not None and self._signature(first, inherited) not in self.results:
                self._ask([s for _, s in self._skeleton_options(first, inherited)])
            match = _combine(self._arabic(first, inherited), self._skeleton(first, inherited))
            if match is None:
                first, after_match = first + 1, False
                continue
            chosen.append(match)
            first, after_match = first + match.words, True
        return chosen

    def _ask(self, skeletons: list[str]) -> None:
        new = [s for s in set(skeletons) if s not in self.asked]
        if new:
            self.asked.update(new)
            self.known.update(self.skeleton_places(new))

    def _keys(self, first: int, words: int, allow_blocked: bool = False) -> list[tuple[_Reading, str]]:
        """The n-gram's keys, one per reading of its first word, without blocked words (which
        `allow_blocked` lets through right after a town word: "مدينة أطار" is Atar)."""
        span = self.tokens[first:first + words]
        if len(span) < words or not all(token.joins_previous for token in span[1:]):
            return []
        rest = [drop_article(token.text) for token in span[1:]]
        keys = ((reading, " ".join([reading.key, *rest])) for reading in _readings(span[0].text))
        return [(reading, key) for reading, key in keys if allow_blocked or key not in self.lexicon.blocked]

    def _context(self, first: int, reading: _Reading, inherited: _Context | None) -> _Context | None:
        if reading.locative_clitic:
            return _Context(_LOCATIVE_CLITIC, _CLITIC)
        if self.locatives[first] and not reading.prefixed:
            return _Context(*self.locatives[first])
        return inherited

    def _arabic(self, first: int, inherited: _Context | None) -> _Match | None:
        """The longest Arabic-name match starting at this word (remembered across articles by
        the words' signature, like `_skeleton`), with the name after a locative word it starts
        with as another reading."""
        most = self._most(first)
        if not most:
            return None
        last = first + min(most, MAX_NGRAM_WORDS)
        signature = (tuple(self.words[first:last]), tuple(self.joins[first + 1:last]), self.locatives[first],
                     _context_key(inherited))
        found = self.names.get(signature, _UNSEEN)  # one lookup: a tuple's hash is not remembered
        if found is not _UNSEEN:
            found = _moved(found, first) if found is not None and found.first != first else found
        else:
            found = self.names[signature] = self._new_arabic(first, inherited, most)
        return self._with_name_after_locative(found) if found is not None else None

    def _new_arabic(self, first: int, inherited: _Context | None, most: int) -> _Match | None:
        """The longest Arabic-name match starting at this word. A locative word alone is never
        a place (GeoNames has villages called مطار and سوق)."""
        town_word = self.locatives[first] is not None and self.locatives[first][0] in self.lexicon.town_words
        for words in range(min(most, MAX_NGRAM_WORDS), 0, -1):
            for reading, key in self._keys(first, words, allow_blocked=town_word and words == 1):
                if key not in self.keys or (words == 1 and key in self.lexicon.locative_words):
                    continue
                context = self._context(first, reading, inherited)
                if key in self.lexicon.locative_only and not (context and context.licenses_name):
                    continue
                return _Match(first, words, key, HOW_ARABIC, reading, context, key)
        return None

    def _most(self, first: int) -> int:
        """The most words of an Arabic name starting with this word."""
        return self.word_most[first]

    def _word_info(self, word: str) -> tuple[bool, bool, bool, int, bool, tuple[str, str] | None, bool]:
        """The word's `_WORD_INFO`, remembered per word as a plain tuple."""
        readings = _reading_fields(word)
        info = self.word_cache[word] = (
            *_word_flags(word), max((self.longest.get(fields[0], 0) for fields in readings), default=0),
            _looks_foreign([word]), next(filter(None, (self.lexicon.locatives.get((stem,)) for stem in _stems(word))), None),
            any(_looks_foreign([word[offset + (len(ARTICLE) if article else 0):]])
                for _, offset, _, _, article in readings))
        return info

    def _locative_before(self, index: int) -> tuple[str, str] | None:
        """`_locative_before` of this word, remembered across articles by the words before it
        and how they are joined (for the words that end a phrase of several, "بالقرب من")."""
        start = max(0, index - 3)
        key = (tuple(self.words[start:index]), tuple(self.joins[start + 1:index + 1]))
        if key in self.locative_cache:
            return self.locative_cache[key]
        found = self.locative_cache[key] = _locative_before(self.tokens, index, self.lexicon)
        return found

    def _with_name_after_locative(self, match: _Match) -> _Match:
        """"مدينة زنجبار" is a name in Tanzania, and the town word before the Yemeni Zinjibar:
        where an Arabic name starts with a locative word, the name after it is the fallback
        reading (while "محافظة الحديدة" stays the governorate)."""
        if match.words < 2 or self.lexicon.locative_words.isdisjoint(_stems(self.tokens[match.first].text)):
            return match
        rest = self._arabic(match.first + 1, None)
        return replace(match, fallback=rest) if rest is not None else match

    def rank(self, match: _Match, skeleton: str, places: list[Place]) -> tuple[list[tuple[int, Place]], bool]:
        """`_rank_by_spelling`, remembered: the same n-grams recur from article to article."""
        key = (match.arabic, skeleton, match.context.lenient, match.reading.article, self.country_key)
        found = self.ranked.get(key)
        if found is None:
            found = self.ranked[key] = _rank_by_spelling(match, skeleton, places, self.spelling)
        return found

    def _signature(self, first: int, inherited: _Context | None) -> tuple:
        """All that the skeleton match at this word depends on: its words, how they are joined,
        the locative before them and the list they continue."""
        signature = self.signatures.get((first, inherited))
        if signature is None:
            last = first + MAX_SKELETON_WORDS
            signature = self.signatures[(first, inherited)] = (
                tuple(self.words[first:last]), tuple(self.joins[first + 1:last]), self.locatives[first],
                _context_key(inherited), self.country_key)
        return signature

    def _skeleton(self, first: int, inherited: _Context | None) -> _Match | None:
        """`_new_skeleton`, remembered across articles by the words' signature (the same phrases
        recur: "في مدينة غاو")."""
        if (inherited is None and not self.may_start[first]) or self.no_skeletons:
            return None
        signature = self._signature(first, inherited)
        found = self.results.get(signature, _UNSEEN)
        if found is not _UNSEEN:
            return _moved(found, first) if found is not None and found.first != first else found
        found = self.results[signature] = self._new_skeleton(first, inherited)
        return found

    def _new_skeleton(self, first: int, inherited: _Context | None) -> _Match | None:
        """The longest skeleton match starting at this word whose vowels agree with a candidate's
        without contradicting it, else the longest at all (options come longest first): "موقع
        باروا العسكري" is Baroua and an adjective, not the two-word skeleton of Biskra. The
        candidates of every skeleton of one reading go together (افجوي: fj and fg, Afgooye)."""
        fallback: _Match | None = None
        for group in self._skeleton_groups(first, inherited):
            found, agrees = self._merged(group)
            if found is None:
                continue
            if agrees:
                return found
            fallback = fallback or found
        return fallback

    def _skeleton_groups(self, first: int, inherited: _Context | None) -> list[list[tuple[_Match, str]]]:
        groups: list[list[tuple[_Match, str]]] = []
        for match, skeleton in self._skeleton_options(first, inherited):
            if groups and groups[-1][0][0] is match:
                groups[-1].append((match, skeleton))
            else:
                groups.append([(match, skeleton)])
        return groups

    def _merged(self, group: list[tuple[_Match, str]]) -> tuple[_Match | None, bool]:
        """One match with the candidates of all the reading's skeletons (keyed by the first that
        has an agreeing candidate), and whether any agrees."""
        match = group[0][0]
        places: dict[int, tuple[int, Place, str]] = {}
        first_key = agreeing_key = None
        for _, skeleton in group:
            ranked, agrees = self.rank(match, skeleton, self.known.get(skeleton, []))
            if places:  # after the first reading with candidates, the others add only agreeing ones
                ranked = [(score, place) for score, place in ranked if score != DISAGREES]
            if not ranked:
                continue
            first_key = first_key or skeleton
            agreeing_key = agreeing_key or (skeleton if agrees else None)
            for score, place in ranked:
                places.setdefault(place.geonameid, (score, place, skeleton))
        if not places:
            return None, False
        ordered = list(places.values())
        return (_Match(match.first, match.words, agreeing_key or first_key, HOW_SKELETON, match.reading,
                       match.context, match.arabic, tuple(place for _, place, _ in ordered),
                       tuple(score for score, _, _ in ordered), skeletons=tuple(skeleton for _, _, skeleton in ordered)),
                agreeing_key is not None)

    def _skeleton_options(self, first: int, inherited: _Context | None) -> list[tuple[_Match, str]]:
        """(match, skeleton) pairs worth checking at this word, longest n-gram first."""
        if (inherited is None and not self.may_start[first]) or self.no_skeletons:
            return []
        cached = self.options.get((first, inherited))
        if cached is None:
            cached = self.options[(first, inherited)] = self._new_skeleton_options(first, inherited)
        return cached

    def _new_skeleton_options(self, first: int, inherited: _Context | None) -> list[tuple[_Match, str]]:
        options: list[tuple[_Match, str]] = []
        locative = self.locatives[first]
        # Only right after a feature word ("مدينة") may the words be spelled like native ones.
        lenient_possible = locative is not None and locative[1] == _FEATURE
        if ((not lenient_possible and not self.reads_foreign[first])
                or (self.allowed is not None and not self._may_start_allowed(first))):
            return options
        for words in range(MAX_SKELETON_WORDS, 0, -1):
            last = first + words
            if (last > len(self.words) or any(self.no_skeleton[first:last]) or not all(self.joins[first + 1:last])
                    or not (lenient_possible or all(self.foreign[first + 1:last]))):
                continue
            # A conjunction is likelier than a name starting with و (وتساليت), and a skeleton
            # cannot tell them apart since و is a vowel: readings without the conjunction go
            # first. A bare ب/ل/ك is a consonant the name may start with (باندياغارا): the
            # whole word goes before the reading without it.
            for reading, key in sorted(self._keys(first, words), key=lambda pair: self._reading_order(first, pair[0])):
                context = self._context(first, reading, inherited)
                if context is None or key in self.lexicon.locative_only:
                    continue
                # A name written with ال meets only Latin names with an article (الفاشر, El
                # Fasher; see _rank_by_spelling), else "موقع الانفجار" would match some village.
                checked = words if lenient_possible else 1  # else the words after the first are checked above
                if not context.lenient and not _looks_foreign(self._surface(first, checked, reading)):
                    continue
                shortest = _SHORTEST_SKELETON.get(context.kind, MIN_SKELETON_ELSEWHERE)
                if words == 1 and context.kind in _ONE_CONSONANT_CONTEXTS:
                    shortest = _SHORT_SKELETON
                skeletons = [s for s in _skeletons(key) if len(s) >= shortest and (self.allowed is None or s in self.allowed)]
                if skeletons:
                    match = _Match(first, words, key, HOW_SKELETON, reading, context, key)
                    options.extend((match, s) for s in skeletons)
        return options

    def _may_start_allowed(self, first: int) -> bool:
        """Whether a skeleton of the word (a reading of it) starts some allowed skeleton: an
        n-gram's skeleton starts with its first word's. Remembered per word and countries."""
        key = (self.words[first], self.country_key)
        found = self.prefixes.get(key)
        if found is None:
            allowed = self.allowed_sorted
            found = self.prefixes[key] = any(
                (at := bisect.bisect_left(allowed, skeleton)) < len(allowed) and allowed[at].startswith(skeleton)
                for fields in _reading_fields(key[0]) for skeleton in _skeletons(fields[0]))
        return found

    def _reading_order(self, first: int, reading: _Reading) -> int:
        if not reading.prefixed:
            return 1
        return 0 if self.tokens[first].text[:1] in _CONJUNCTIONS else 2

    def _surface(self, first: int, words: int, reading: _Reading) -> list[str]:
        """The n-gram's words as written, the first without its proclitics."""
        offset = reading.offset + (len(ARTICLE) if reading.article else 0)
        return [self.tokens[first].text[offset:], *(t.text for t in self.tokens[first + 1:first + words])]

    def _list_head(self, chosen: list[_Match], first: int) -> _Context | None:
        """The context of a list this word continues ("في كيدال وتساليت", "في غاو، تمبكتو")."""
        if not chosen or chosen[-1].first + chosen[-1].words != first or chosen[-1].context is None:
            return None
        gap = self.text[self.tokens[first - 1].end:self.tokens[first].start]
        has_comma = "," in gap or "،" in gap
        if _LIST_JOINER.fullmatch(gap) and (has_comma or self.tokens[first].text.startswith("و")):
            return _Context(chosen[-1].locative, _LIST)
        return None


# What a scan needs of each word, in the order of `_Scanner._word_info`'s tuple: `_word_flags`
# (three), the most words of an Arabic name it starts, it is spelled like a transliteration
# (`_looks_foreign`), the one-word locative it is, a reading of it without proclitics is.
_WORD_INFO = ("locative_like", "no_skeleton", "clitic_b", "most", "foreign", "one_word_locative", "reads_foreign")


@dataclass
class _ScanMemory:
    """What scans remember across articles, each kept below _CACHE_LIMIT entries (a cache that
    reaches it starts over). Keys and values are plain tuples of strings and flags where they
    can be: the collector stops tracking those."""
    words: dict[str, tuple] = field(default_factory=dict)  # see _Scanner._word_info
    locatives: dict[tuple, tuple[str, str] | None] = field(default_factory=dict)  # _Scanner._locative_before
    skeleton_matches: dict[tuple, _Match | None] = field(default_factory=dict)  # see _Scanner._skeleton
    arabic_matches: dict[tuple, _Match | None] = field(default_factory=dict)  # see _Scanner._arabic
    ranked: dict[tuple, tuple[list[tuple[int, Place]], bool]] = field(default_factory=dict)  # _Scanner.rank
    prefixes: dict[tuple, bool] = field(default_factory=dict)  # see _Scanner._may_start_allowed

    def trim(self) -> None:
        for cache in vars(self).values():
            if len(cache) > _CACHE_LIMIT:
                cache.clear()


# -- the gazetteer ---------------------------------------------------------------------------

class Gazetteer:
    """A read-only view of a gazetteer file built by `gazetteer_build`."""

    def __init__(self, path: Path):
        self._path = Path(path)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._arabic: tuple[frozenset[str], dict[str, int]] | None = None
        self._cache: dict[tuple[str, tuple[str, ...] | None], dict[str, tuple[Place, ...]]] = {}  # (how, countries)
        self._spellings: dict[tuple[str, int], str] = {}  # (skeleton, geonameid) -> Latin spelling
        self._capitals: dict[str, Place | None] = {}
        self._memory = _ScanMemory()
        self._candidate_cache: dict[tuple, tuple] = {}  # see _candidates
        self._alone: dict[tuple, tuple] = {}  # see _choose_alone
        self._by_country: dict[str, frozenset[str]] = {}  # see _country_skeletons
        self._has_country_skeletons: bool | None = None
        self._keys_of_countries: dict[tuple[str, ...], tuple[frozenset[str], tuple[str, ...]]] = {}
        self._arabic_labels: dict[int, str] | None = None  # see arabic_name

    @classmethod
    def default(cls) -> "Gazetteer":
        """The gazetteer in use, opened once per process: the file named by MARSAD_GAZETTEER (one a
        user built with `marsad gazetteer build`), else the one shipped in the package."""
        return _default_gazetteer()

    def lookup(self, surface: str, *, alone: bool = False) -> list[Place]:
        """Places named `surface` (folded or not; clitics and ال stripped): Arabic names first,
        then places whose Latin names share its consonant skeleton, each group best first.

        `alone`: the name stands by itself (a reader's filter), with no locative word before it
        to vouch for a skeleton: then the places GeoNames gives that Arabic name if there are
        any, else only the skeleton's places whose vowels the Arabic spelling writes without a
        contradiction (موبتي: Mopti, not Maputo); the words a reader may type before it
        ("مدينة غاو", "في غاو") are dropped."""
        words = fold(surface).split() if isinstance(surface, str) else []
        if alone:
            while len(words) > 1 and not _lexicon().locative_words.isdisjoint(_stems(words[0])):
                words = words[1:]
        if not words:
            return []
        rest = [drop_article(word) for word in words[1:]]
        keys = [" ".join([reading.key, *rest]) for reading in _readings(words[0])]
        named = self._places(keys, HOW_ARABIC)
        skeletons = {s: key for key in keys for s in _skeletons(key) if len(s) >= MIN_SKELETON_ELSEWHERE}
        shared = {} if alone and named else self._places(skeletons, HOW_SKELETON)
        if alone:
            shared = {skeleton: [place for place in places if self._spelled_alike(skeletons[skeleton], skeleton, place)]
                      for skeleton, places in shared.items()}
        found: dict[int, Place] = {}
        for group in (named, shared):
            places = {place.geonameid: place for places in group.values() for place in places}
            for place in sorted(places.values(), key=prior, reverse=True):
                found.setdefault(place.geonameid, place)
        return list(found.values())

    def find_mentions(self, text: str, skeleton_countries: Iterable[str] | None = None) -> list[PlaceMention]:
        """Place mentions in folded `text`, in text order, never overlapping: at each word the
        longest Arabic-name match, else the longest skeleton match. `skeleton_countries` (ISO3)
        limits skeleton candidates to the countries where the caller would accept one (None:
        anywhere; empty: no skeleton matches), which spares ranking thousands of villages."""
        if not isinstance(text, str) or not text:
            return []
        arabic = self._arabic_index()
        if not arabic[0]:
            return []
        countries = None if skeleton_countries is None else tuple(sorted(
            {country for country in skeleton_countries if isinstance(country, str)}))
        scanner = _Scanner(text, _lexicon(), arabic, lambda keys: self._places(keys, HOW_SKELETON, countries), self.spelling,
                           self._memory, countries, self._skeleton_keys)
        return self._mentions(text, scanner.tokens, scanner.scan())

    def choose(self, mention: PlaceMention, countries: list[str],
               context: PlaceContext | None = None) -> tuple[Place | None, str]:
        """The place a mention most likely means, given the article's countries (ISO3, most
        salient first) and optionally its `PlaceContext`, and a one-line trace of why.

        Candidates of the mention and of its alternative readings are ranked by, in order: a
        distance or direction the text gives ("150 كيلومترا جنوب غرب العاصمة", "X شمال Y");
        the salience of the candidate's country; then a score of the population and feature
        priors, Arabic-name evidence, the admin word before the name, nearness to the
        article's other places and to a border the text names. A skeleton match needs a hinted
        country."""
        hints = [country for country in countries or [] if isinstance(country, str)]
        choices = mention.choices
        options = choices.options
        if not options:
            return None, f"{mention.text}: no candidates"
        counted = f"{mention.text} ({mention.how}): {len(options)} candidates"
        judge = _Judge(self, mention, context if isinstance(context, PlaceContext) else None)
        # The first hint with a candidate is the most salient country that has one.
        top = next((country for country in hints if country in choices.by_country), None)
        if top is None:
            fallback = next((m for m in mention.fallbacks if any(c in m.choices.by_country for c in hints)), None)
            if fallback is not None:
                place, trace = self.choose(fallback, countries, context)
                return place, f"{mention.text}: none in {', '.join(hints)}; {trace}"
        else:
            if judge.relations:
                salience = {country: hints.index(country) for country in hints}
                hinted = [option for option in options if option[0].country in salience]
                ranked = sorted(hinted, key=lambda o: (-judge.cue_fit(o[0]), salience[o[0].country], -judge.score(*o)))
                pick, evidence, _ = ranked[0]
            else:  # no distance or direction: the most salient country, then the best score
                pick, evidence, _ = judge.best(choices.by_country[top])
            return pick, f"{counted}; in hinted {pick.country} by {evidence}{judge.why(pick)}: {_describe(pick)}"
        where = f"none in {', '.join(hints)}" if hints else "no country hints"
        if not choices.arabic:
            return None, f"{counted}; {where}, and a skeleton match needs one"
        if judge.relations:
            arabic = [option for option in options if option[1] == HOW_ARABIC]
            pick = max(arabic, key=lambda o: (judge.cue_fit(o[0]), judge.score(*o)))[0]
        else:
            pick = judge.best(choices.arabic)[0]
        return pick, f"{counted}; {where}; best by prior{judge.why(pick)}: {_describe(pick)}"

    def context(self, text: str, mentions: list[PlaceMention], countries: list[str]) -> PlaceContext:
        """The context for choosing among `mentions` of folded `text`: each mention resolved
        once without context (kept where its country is hinted) as anchors for the others."""
        if not isinstance(text, str):
            return PlaceContext()
        hints = [country for country in countries or [] if isinstance(country, str)]
        anchors: list[tuple[int, Place]] = []
        for mention in mentions or []:
            place = self._choose_alone(mention, hints)
            if place is not None and (not hints or place.country in hints):
                anchors.append((mention.start, place))
        return PlaceContext(text, tuple(anchors))

    def _choose_alone(self, mention: PlaceMention, hints: list[str]) -> Place | None:
        """`choose(mention, hints)`'s place, remembered for mentions without fallbacks: without
        context it depends only on the candidates (`mention.choices`, held by the entry so that
        its id is not reused), the words before them and the hints."""
        if mention.fallbacks:
            return self.choose(mention, hints)[0]
        choices = mention.choices
        key = (id(choices), mention.after_locative, tuple(hints))
        found = self._alone.get(key)
        if found is None:
            if len(self._alone) > _MENTION_CACHE_LIMIT:
                self._alone.clear()
            found = self._alone[key] = (choices, self.choose(mention, hints)[0])
        return found[1]

    def place(self, geonameid: int) -> Place | None:
        """The place with this id, if the gazetteer has it."""
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.geonameid = ?", [geonameid])
        return Place(*rows[0][:-1], notable=bool(rows[0][-1])) if rows else None

    def capital(self, iso3: str) -> Place | None:
        """The country's capital (PPLC) with the most people, for "العاصمة" in a distance."""
        if iso3 not in self._capitals:
            self._capitals[iso3] = self._find_capital(iso3)
        return self._capitals[iso3]

    def _find_capital(self, iso3: str) -> Place | None:
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.country = ? AND p.feature_code = 'PPLC'"
                           " ORDER BY p.population DESC LIMIT 1", [iso3])
        return Place(*rows[0][:-1], notable=bool(rows[0][-1])) if rows else None

    def spelling(self, skeleton: str, place: Place) -> str:
        """The Latin spelling of `place` that gave it `skeleton` (its name if not recorded)."""
        return self._spellings.get((skeleton, place.geonameid), place.name)

    def arabic_name(self, geonameid: int | None) -> str | None:
        """The place's Arabic name as written, to show beside its Latin one (one of GeoNames' Arabic
        names, see `gazetteer_build.arabic_label`), if it has one and the file records them."""
        if self._arabic_labels is None:
            recorded = self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'arabic_names'", [])
            self._arabic_labels = dict(self._query("SELECT geonameid, name FROM arabic_names", [])) if recorded else {}
        return self._arabic_labels.get(geonameid)

    def _spelled_alike(self, arabic: str, skeleton: str, place: Place) -> bool:
        fit = spelling_fit(arabic, self.spelling(skeleton, place), place.country)
        return fit is not None and fit.contradictions == 0

    # -- storage --

    def _connect(self) -> sqlite3.Connection | None:
        # A connection must not cross a fork (batch workers): a new process opens its own.
        if self._connection is None or self._pid != os.getpid():
            try:
                uri = self._path.resolve().as_uri() + "?mode=ro&immutable=1"
                connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
                connection.execute("SELECT 1 FROM places, names LIMIT 1")
            except (sqlite3.Error, OSError, ValueError):
                return None
            self._connection, self._pid = connection, os.getpid()
        return self._connection

    def _query(self, sql: str, params: list) -> list[tuple]:
        with self._lock:
            connection = self._connect()
            if connection is None:
                return []
            try:
                return connection.execute(sql, params).fetchall()
            except sqlite3.Error:
                return []

    def _query_in(self, sql: str, values: list[str], more: tuple = ()) -> list[tuple]:
        """`sql` with its `{marks}` filled for `values` (then the parameters `more`), in batches
        below SQLite's variable limit."""
        rows: list[tuple] = []
        for start in range(0, len(values), _SQL_BATCH):
            batch = values[start:start + _SQL_BATCH]
            rows.extend(self._query(sql.format(marks=",".join("?" * len(batch))), [*batch, *more]))
        return rows

    def _arabic_index(self) -> tuple[frozenset[str], dict[str, int]]:
        """All Arabic keys, and for each first word the most words of a key starting with it."""
        if self._arabic is None:
            rows = self._query("SELECT DISTINCT key FROM names WHERE how = ?", [_CODE[HOW_ARABIC]])
            keys = frozenset(row[0] for row in rows)
            longest: dict[str, int] = {}
            for key in keys:
                words = key.split(" ")
                longest[words[0]] = max(longest.get(words[0], 0), len(words))
            self._arabic = (keys, longest)
        return self._arabic

    def _skeleton_keys(self, countries: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
        """The skeleton keys of the places in these countries, as a set and sorted."""
        found = self._keys_of_countries.get(countries)
        if found is None:
            keys = frozenset().union(*(self._country_skeletons(country) for country in countries))
            if len(self._keys_of_countries) > _COUNTRY_SETS_LIMIT:
                self._keys_of_countries.clear()
            found = self._keys_of_countries[countries] = (keys, tuple(sorted(keys)))
        return found

    def _country_skeletons(self, country: str) -> frozenset[str]:
        """One country's skeleton keys, from the country_skeletons table, or in a file built before
        it (format 2) by a slower join."""
        found = self._by_country.get(country)
        if found is None:
            if self._has_country_skeletons is None:
                self._has_country_skeletons = bool(self._query(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'country_skeletons'", []))
            sql = ("SELECT key FROM country_skeletons WHERE country = ?" if self._has_country_skeletons else
                   "SELECT DISTINCT n.key FROM names n JOIN places p ON p.geonameid = n.geonameid"
                   f" WHERE p.country = ? AND n.how = '{_CODE[HOW_SKELETON]}'")
            found = self._by_country[country] = frozenset(row[0] for row in self._query(sql, [country]))
        return found

    def _places(self, keys: Iterable[str], how: str, countries: tuple[str, ...] | None = None) -> dict[str, list[Place]]:
        """The places under each key that has any, best prior first (only in `countries`, ISO3
        sorted, if given)."""
        return {key: list(places) for key, places in self._place_tuples(keys, how, countries).items()}

    def _place_tuples(self, keys: Iterable[str], how: str,
                      countries: tuple[str, ...] | None = None) -> dict[str, tuple[Place, ...]]:
        """`_places` as the remembered tuples; remembered per process (bounded), since the same
        names recur from article to article."""
        keys = list(keys)
        cache = self._cache.setdefault((how, countries), {})
        wanted = sorted({key for key in keys if key not in cache})
        if wanted:
            if sum(map(len, self._cache.values())) > _CACHE_LIMIT:
                for each in self._cache.values():
                    each.clear()
                self._spellings.clear()
            where = "" if countries is None else f" AND p.country IN ({','.join('?' * len(countries))})"
            rows = self._query_in(
                f"SELECT n.key, n.spelling, {_PLACE_COLUMNS} FROM names n JOIN places p ON p.geonameid = n.geonameid"
                f" WHERE n.how = '{_CODE[how]}' AND n.key IN ({{marks}}){where}", wanted, tuple(countries or ()))
            fetched: dict[str, list[Place]] = {key: [] for key in wanted}
            for key, spelling, *fields in rows:
                place = Place(*fields[:-1], notable=bool(fields[-1]))
                fetched[key].append(place)
                if spelling:
                    self._spellings[(key, place.geonameid)] = spelling
            for key, found in fetched.items():
                cache[key] = tuple(sorted(found, key=prior, reverse=True))
        return {key: cache[key] for key in keys if cache.get(key)}

    def _mentions(self, text: str, tokens: list[_Token], chosen: list[_Match]) -> list[PlaceMention]:
        keys = [m.key for match in chosen for m in (match, *match.alternatives, *filter(None, [match.fallback]))
                if m.how == HOW_ARABIC]
        # Per key, the candidates of an Arabic name so far in this text: a skeleton match merged
        # into a mention of the name adds its places for the later mentions too.
        arabic = self._place_tuples(keys, HOW_ARABIC)
        mentions: list[PlaceMention] = []
        for match in chosen:
            mention = self._mention(text, tokens, match, arabic)
            alternatives = [m for m in (self._mention(text, tokens, other, arabic) for other in match.alternatives)
                            if m is not None]
            if mention is None and alternatives:
                mention, alternatives = alternatives[0], alternatives[1:]
            if mention is not None:
                fallback = self._mentions(text, tokens, [match.fallback]) if match.fallback else []
                if alternatives or fallback:
                    mention = replace(mention, alternatives=tuple(alternatives), fallbacks=tuple(fallback))
                mentions.append(mention)
        return mentions

    def _mention(self, text: str, tokens: list[_Token], match: _Match,
                 arabic: dict[str, tuple[Place, ...]]) -> PlaceMention | None:
        """The mention of one match with its candidates and their evidence, or None without any."""
        candidates, grown = self._candidates(match, arabic)
        if grown is not None:
            arabic[match.key] = grown
        if candidates is None:
            return None
        places, evidence, agreement = candidates
        start = tokens[match.first].start + match.reading.offset
        end = tokens[match.first + match.words - 1].end
        return PlaceMention(start, end, text[start:end], places, evidence[0], match.locative, evidence, agreement)

    def _candidates(self, match: _Match, arabic: dict[str, tuple[Place, ...]]) -> tuple:
        """`_new_candidates`, remembered by the identity of what it depends on (each entry holds
        those objects, so no id is reused while it lives), so that mentions of the same words
        share their tuples and with them `PlaceMention.choices`."""
        licensed = match.context is not None and match.context.licenses_name
        held = (arabic.get(match.key) if match.how == HOW_ARABIC else None, match.places, match.agreement,
                match.skeletons,
                *((match.also.places, match.also.agreement, match.also.skeletons) if match.also is not None else ()))
        key = (match.how, match.key, licensed, *(id(part) for part in held))
        found = self._candidate_cache.get(key)
        if found is None:
            if len(self._candidate_cache) > _MENTION_CACHE_LIMIT:
                self._candidate_cache.clear()
            found = self._candidate_cache[key] = (held, *self._new_candidates(match, held[0], licensed))
        return found[1], found[2]

    @staticmethod
    def _new_candidates(match: _Match, named: tuple[Place, ...] | None, licensed: bool) -> tuple:
        """((candidates, evidence, agreement) or None without candidates, and the Arabic name's
        candidates grown by a merged skeleton match, or None if they did not grow)."""
        how = HOW_ARABIC if match.how == HOW_ARABIC else f"{HOW_SKELETON}:{match.key}"
        places = list(match.places) if match.how == HOW_SKELETON else list(named or ())
        if match.how == HOW_ARABIC and not licensed and not any(place.notable for place in places):
            places = []
        grows = match.how == HOW_ARABIC and bool(places) and match.also is not None
        evidence = ([f"{HOW_SKELETON}:{skeleton}" for skeleton in match.skeletons] if match.how == HOW_SKELETON
                    else [how] * len(places))
        agreement = list(match.agreement) if match.how == HOW_SKELETON else [0] * len(places)
        if match.also is not None:
            known = {place.geonameid for place in places}
            extra = [(place, score, skeleton) for place, score, skeleton
                     in zip(match.also.places, match.also.agreement, match.also.skeletons) if place.geonameid not in known]
            places += [place for place, _, _ in extra]
            agreement += [score for _, score, _ in extra]
            evidence += [f"{HOW_SKELETON}:{skeleton}" for _, _, skeleton in extra]
        grown = tuple(places) if grows else None
        if not places:
            return None, grown
        return (tuple(places), tuple(evidence), tuple(agreement)), grown


def _nearest_anchors(context: PlaceContext | None, start: int) -> tuple[tuple[int, Place], ...]:
    anchors = context.anchors if context else ()
    if len(anchors) <= _MAX_ANCHORS:
        return anchors
    at = bisect.bisect_left(anchors, start, key=lambda anchor: anchor[0])
    return anchors[max(0, at - _MAX_ANCHORS // 2):at + _MAX_ANCHORS // 2]


class _Judge:
    """Scores one mention's candidates against its context (see `Gazetteer.choose`)."""

    def __init__(self, gazetteer: "Gazetteer", mention: PlaceMention, context: PlaceContext | None):
        self.gazetteer = gazetteer
        self.mention = mention
        self.admin_word = mention.after_locative in _lexicon().admin_words
        # Each other place once (a town named five times is one anchor); in a text naming more
        # places than any report does, the ones named nearest the mention.
        self.others = tuple({place.geonameid: place for start, place in _nearest_anchors(context, mention.start)
                             if start != mention.start}.values())
        cues = cues_after(context.text, mention.end) if context and context.text else []
        anchors = dict(context.anchors) if cues else {}
        self.relations = [(cue, self._anchor(cue, anchors)) for cue in cues if cue.kind != "border"]
        self.across = next((by_iso3(cue.across) for cue in cues if cue.kind == "border"), None)
        self.reasons: dict[int, list[str]] = {}

    @staticmethod
    def _anchor(cue: Cue, anchors: dict[int, Place]) -> Place | None:
        if cue.capital:
            return None
        near = [start for start in anchors if 0 <= start - (cue.anchor_start or 0) <= ANCHOR_WITHIN]
        return anchors[min(near)] if near else None

    def cue_fit(self, place: Place) -> int:
        """2 if a given distance and direction from the anchor fit the place, 1 if a bare
        direction does, else 0."""
        best = 0
        for cue, anchor in self.relations:
            if cue.capital:
                anchor = self.gazetteer.capital(place.country)
            if anchor is None or anchor.geonameid == place.geonameid:
                continue
            if cue.km is not None:
                lat, lon = destination(anchor.lat, anchor.lon, cue.bearing, cue.km)
                if distance_km(place.lat, place.lon, lat, lon) <= max(_CUE_MIN_KM, _CUE_TOLERANCE * cue.km):
                    best = max(best, 2)
                    self._note(place, f"{cue.km:.0f} km at {cue.bearing:.0f}° of {anchor.name}")
            elif (distance_km(anchor.lat, anchor.lon, place.lat, place.lon) <= _DIRECTION_ONLY_KM
                  and angle_between(bearing_deg(anchor.lat, anchor.lon, place.lat, place.lon), cue.bearing)
                  <= _DIRECTION_SPREAD):
                best = max(best, 1)
                self._note(place, f"{cue.bearing:.0f}° of {anchor.name}")
        return best

    def best(self, by_base: list[tuple[float, int, tuple[Place, str, int]]]) -> tuple[Place, str, int]:
        """The option of `by_base` (best base score first, see `_Choices`) with the highest
        `score` (the first of equals), scoring only those whose context-free part
        (`base_score`) leaves them a chance against the best so far."""
        bound = (_NEAR_BONUS if self.others else 0.0) + (_BORDER_BONUS if self.across is not None else 0.0)
        best: tuple[float, int, tuple[Place, str, int]] | None = None
        for base, index, option in by_base:
            if best is not None and base + bound < best[0] - _SCORE_MARGIN:
                break
            score = self.score(*option)
            if best is None or score > best[0] or (score == best[0] and index < best[1]):
                best = (score, index, option)
        return best[2]

    def score(self, place: Place, evidence: str, agreement: int = 0) -> float:
        score = base_score(place, evidence, agreement, self.admin_word)
        if self.admin_word and place.feature_class == "A":
            self._note(place, f"after {self.mention.after_locative}")
        # A degree of latitude is 111 km: places further apart than that are never "around".
        close = [o for o in self.others if abs(o.lat - place.lat) * _KM_PER_DEGREE <= _AROUND_KM]
        if close:
            nearest = min(_distance_km(place.lat, place.lon, o.lat, o.lon) for o in close)
            if nearest <= _AROUND_KM:
                score += _NEAR_BONUS if nearest <= _NEAR_KM else _AROUND_BONUS
                self._note(place, f"{nearest:.0f} km from another place of the article")
        if self.across is not None and self.across.iso3 != place.country:
            gap = distance_km(place.lat, place.lon, self.across.lat, self.across.lon)
            score += _BORDER_BONUS * max(0.0, 1 - gap / _BORDER_RANGE_KM)
            self._note(place, f"toward the {self.across.iso3} border")
        return score

    def _note(self, place: Place, reason: str) -> None:
        notes = self.reasons.setdefault(place.geonameid, [])
        if reason not in notes:
            notes.append(reason)

    def why(self, place: Place) -> str:
        notes = self.reasons.get(place.geonameid)
        return f" ({'; '.join(notes)})" if notes else ""


def base_score(place: Place, evidence: str, agreement: int, admin_word: bool) -> float:
    """The part of `_Judge.score` the article's other places and borders do not change."""
    score = place.prior + (_ARABIC_EVIDENCE_BONUS if evidence == HOW_ARABIC else 0.0)
    score += _AGREEING_VOWEL_BONUS * (0 if agreement == DISAGREES else agreement)
    if admin_word and place.feature_class == "A":
        score += _ADMIN_WORD_BONUS
    return score


_SCORE_MARGIN = 1e-9  # float noise allowed when bounding scores
# The distances between an article's places, remembered: the same pairs are measured for every
# candidate of every mention, and again in the next article about the same region.
_distance_km = lru_cache(maxsize=65536)(distance_km)


@dataclass(frozen=True)
class _Choices:
    """A mention's options, and the (base score, position, option) triples best base first: all
    of them, per candidate country, and those with Arabic-name evidence."""
    options: list[tuple[Place, str, int]]
    by_base: list[tuple[float, int, tuple[Place, str, int]]]
    by_country: dict[str, list[tuple[float, int, tuple[Place, str, int]]]]
    arabic: list[tuple[float, int, tuple[Place, str, int]]]


# Keyed by the identity of the mention's candidate, evidence and agreement tuples (which
# `Gazetteer._mention` shares between mentions of the same words); each entry holds the keyed
# tuples, so that no id is reused while it lives.
_CHOICES: dict[tuple, tuple[tuple, _Choices]] = {}


def _choices(mention: PlaceMention) -> _Choices:
    readings = (mention, *mention.alternatives)
    held = tuple((r.candidates, r.evidence, r.agreement) for r in readings)
    admin_word = mention.after_locative in _lexicon().admin_words
    key = (admin_word, *(r.how for r in readings), *(id(part) for parts in held for part in parts))
    found = _CHOICES.get(key)
    if found is not None:
        return found[1]
    options = _options(mention)
    scored = [(base_score(*option, admin_word), index, option) for index, option in enumerate(options)]
    by_base = sorted(scored, key=lambda triple: (-triple[0], triple[1]))
    by_country: dict[str, list[tuple[float, int, tuple[Place, str, int]]]] = {}
    for triple in by_base:
        by_country.setdefault(triple[2][0].country, []).append(triple)
    choices = _Choices(options, by_base, by_country, [triple for triple in by_base if triple[2][1] == HOW_ARABIC])
    if len(_CHOICES) > _MENTION_CACHE_LIMIT:
        _CHOICES.clear()
    _CHOICES[key] = (held, choices)
    return choices


def _options(mention: PlaceMention) -> list[tuple[Place, str, int]]:
    """(place, evidence, spelling agreement) for every candidate of the mention and its
    alternatives, once each."""
    seen: set[int] = set()
    options: list[tuple[Place, str, int]] = []
    for reading in (mention, *mention.alternatives):
        count = len(reading.candidates)
        evidence = reading.evidence if len(reading.evidence) == count else [reading.evidence_of(i) for i in range(count)]
        agreement = reading.agreement if len(reading.agreement) == count else [reading.agreement_of(i) for i in range(count)]
        for place, how, score in zip(reading.candidates, evidence, agreement):
            if place.geonameid not in seen:
                seen.add(place.geonameid)
                options.append((place, HOW_ARABIC if how == HOW_ARABIC else HOW_SKELETON, score))
    return options


def _rank_by_spelling(match: _Match, skeleton: str, places: list[Place],
                      spelling: Callable[[str, Place], str]) -> tuple[list[tuple[int, Place]], bool]:
    """(agreement, place) for skeleton candidates whose vowels agree with the Arabic spelling,
    best agreement first (then the fewest Latin vowels the Arabic leaves uncovered, then the
    prior; DISAGREES: disagreeing), and whether any agrees. After a feature word with a long
    skeleton, disagreeing names stay (at the end): names of Arabic origin are written without
    their short vowels (جبل اللوح, Djebel Louh). A one-consonant skeleton needs an exact fit."""
    if match.reading.article:
        places = [place for place in places if has_latin_article(spelling(skeleton, place))]
    fits = [(spelling_fit(match.arabic, spelling(skeleton, place), place.country), place) for place in places]
    if len(skeleton) <= _SHORT_SKELETON:
        fits = [(fit, place) for fit, place in fits if fit is not None and fit.exact]
    keep_all = match.context.lenient and len(skeleton) >= MIN_SKELETON_ELSEWHERE
    kept = [(fit.score if fit is not None else DISAGREES, fit.uncovered if fit is not None else 0, place)
            for fit, place in fits if keep_all or fit is not None]
    ranked = sorted(kept, key=lambda triple: (-triple[0], triple[1], -prior(triple[2])))
    return ([(score, place) for score, _, place in ranked],
            any(fit is not None and fit.contradictions == 0 for fit, _ in fits))


def _describe(place: Place) -> str:
    return f"{place.name} {place.feature_code} pop {place.population} {place.country} (geonameid {place.geonameid})"


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    chosen = os.environ.get(GAZETTEER_ENV)
    if not chosen:
        return Gazetteer(data_path("marsad.knowledge", "gazetteer.sqlite"))
    gazetteer = Gazetteer(Path(chosen))
    if gazetteer._connect() is None:
        raise GazetteerError(f"{GAZETTEER_ENV}={chosen}: not a gazetteer file; build one with "
                             "'marsad gazetteer build SOURCES... --out FILE', or unset it to use the shipped one")
    return gazetteer


GAZETTEER_ENV = "MARSAD_GAZETTEER"
