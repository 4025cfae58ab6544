"""Arabic words as the gazetteer reads them: tokens, the readings of a word as the start of a
name (without its proclitics و ف ب ل ك and the article), its stems, and the place-word lists.

A name may follow a locative word (`place_words.tsv`: "مدينة", "في", "بالقرب من") and must not
be a word `place_stopwords.tsv` blocks; the scanner (`scan`) asks these questions of every
word of every article, so the answers are remembered per word.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from marsad.knowledge.transliterate import arabic_skeletons, name_key
from marsad.lang.ar.clitics import ARTICLE, BA, CONJUNCTIONS, LAM, drop_article, split_proclitics
from marsad.lang.ar.normalize import fold
from marsad.lang.ar.tokens import last_words
from marsad.resources import read_tsv

MIN_KEY_LETTERS = 3
# A name of several words may start with a word of two letters: "ود مدني" (Wad Madani), "أم روابة"
# (Umm Ruwaba), "أم درمان"; a name of one word never has fewer than three (see sources.arabic_keys).
MIN_FIRST_WORD_LETTERS = 2
_WORD = re.compile(r"([\u0621-\u064a]+)")
_NAME_JOINERS = " \u00a0-"  # what may stand between the words of one name
_LOCATIVE_CLITIC = BA
_FEATURE_KIND = "feature"  # the kind of locative of "مدينة", "قرية" in place_words.tsv
_LONG_VOWELS = "اوي"


@dataclass(frozen=True)
class _Lexicon:
    locatives: dict[tuple[str, ...], tuple[str, str]]  # folded words -> (folded phrase, kind)
    admin_words: frozenset[str]  # folded phrases naming an admin unit (محافظه، ولايه)
    town_words: frozenset[str]  # folded phrases naming a settlement (مدينه، بلده، قريه)
    feature_words: frozenset[str]  # folded phrases of kind "feature" (مدينه، منطقه، محافظه)
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
    features = frozenset(phrase for phrase, kind in locatives.values() if kind == "feature")
    return _Lexicon(
        locatives,
        frozenset(areas["admin"]),
        frozenset(areas["town"]),
        features,
        words,
        frozenset(blocked),
        frozenset(locative_only),
        words | frozenset(blocked),
        frozenset(phrase[-1] for phrase in locatives if len(phrase) > 1),
    )


def after_settlement_word(locative: str | None) -> bool:
    """Whether a name's locative word (`PlaceMention.after_locative`) names a settlement: "مدينة",
    "بلدة", "قرية" (area "town" in place_words.tsv), after which a name is a town's or a village's."""
    return locative in _lexicon().town_words


def after_admin_word(locative: str | None) -> bool:
    """Whether a name's locative word (`PlaceMention.after_locative`) names an admin unit: "محافظة",
    "ولاية", "مديرية" (area "admin" in place_words.tsv), after which a name is an area's."""
    return locative in _lexicon().admin_words


def after_locative_word(text: str, start: int) -> bool:
    """Whether a name at `start` of folded `text` stands after a locative word of
    place_words.tsv ("في سوريا", "شمال سوريا", "بالقرب من الحدود") or a ب written on it
    ("بسوريا"): said as where something is, not as who does it ("شنت الولايات المتحدة غارات")."""
    glued = re.search(r"[^\W\d_]+$", text[max(0, start - _LONGEST_PROCLITICS) : start])
    if glued is not None:
        return _LOCATIVE_CLITIC in glued.group()
    words = last_words(text, 0, start, _LONGEST_LOCATIVE)
    lexicon = _lexicon()
    return any(
        _locative(lexicon, words[-count], tuple(words[len(words) - count + 1 :])) is not None
        for count in range(1, min(len(words), _LONGEST_LOCATIVE) + 1)
    )


_LONGEST_LOCATIVE = 3  # "على مقربة من"
_LONGEST_PROCLITICS = 3  # "وبـ" and one more letter


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
    tokens = list(
        map(
            tuple.__new__,
            itertools.repeat(_Token),
            zip(parts[1::2], ends[0::2], ends[1::2], map(_joins, parts[0:-1:2])),
        )
    )
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
    return (
        not lexicon.locative_words.isdisjoint(stems),
        not lexicon.no_skeleton.isdisjoint(stems),
        any(reading[3] for reading in _reading_fields(word)),
    )


@lru_cache(maxsize=16384)
def _readings(word: str, shortest: int = MIN_KEY_LETTERS) -> tuple[_Reading, ...]:
    """The word's readings as a name start (see `_reading_fields`), needed only where a name may start."""
    return tuple(_Reading(*fields) for fields in _reading_fields(word, shortest))


# The per-word caches below hold plain tuples of strings and flags only: the collector stops
# tracking those, so that a warm process does not spend its time walking the caches.
@lru_cache(maxsize=65536)
def _reading_fields(
    word: str, shortest: int = MIN_KEY_LETTERS
) -> tuple[tuple[str, int, bool, bool, bool], ...]:
    """The word's readings as a name start, as `_Reading`'s fields, the bare word first,
    stopping after a blocked word so that بلاد is not read as ب + لاد (Lod); each of at least
    `shortest` letters (`MIN_FIRST_WORD_LETTERS` for the first word of an Arabic name of several)."""
    blocked = _lexicon().blocked
    readings: list[tuple[str, int, bool, bool, bool]] = []
    for prefix, stem in split_proclitics(word):
        key = drop_article(stem, after_lam=prefix.endswith(LAM))
        offset = len(word) - len(key)
        if word[:offset].endswith(ARTICLE):
            offset -= 2
        if len(key) >= shortest and all(reading[0] != key for reading in readings):
            article = len(key) < len(stem)
            readings.append((key, offset, bool(prefix), _LOCATIVE_CLITIC in prefix, article))
        if key in blocked:
            break  # وبريطانيا is و + a blocked word, not وب + ريطانيا; المدينه may start a name
    return tuple(readings)


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """The word and its stems without proclitics or article, for comparing with locatives
    (وبمدينة، المنطقه), the longest first: "بالقرب من" before "قرب من" in every run. A
    conjunction comes off a short locative word too (وفي، وقرب), which a name's reading keeps whole."""
    stems = {form for _, stem in split_proclitics(word) for form in (stem, drop_article(stem))}
    if word[:1] in CONJUNCTIONS and word[1:] in _lexicon().locative_words:
        stems.add(word[1:])
    return tuple(sorted(stems, key=lambda stem: (-len(stem), stem)))


def _locative(lexicon: _Lexicon, word: str, rest: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """The locative phrase (folded phrase, kind) that `word` and the words `rest` after it spell,
    if any. A feature word with the article ("المدينة", "بالمنطقة") is none: a name after a
    feature word stands in construct with it ("مدينة غاو"), which the article rules out
    ("وسط المدينة وأعلنوا السيطرة")."""
    for stem in _stems(word):
        found = lexicon.locatives.get((stem, *rest))
        if found and not (found[1] == _FEATURE_KIND and stem in _definite_stems(word)):
            return found
    return None


@lru_cache(maxsize=16384)
def _definite_stems(word: str) -> frozenset[str]:
    """The stems of `_stems` that only dropping the article gives (المدينه, بالمنطقه)."""
    bare = {stem for _, stem in split_proclitics(word)}
    return frozenset(stem for stem in _stems(word) if stem not in bare and stem != word[1:])


@lru_cache(maxsize=65536)
def _skeletons(key: str) -> tuple[str, ...]:
    return tuple(arabic_skeletons(key))


def _looks_foreign(words: list[str]) -> bool:
    """Whether an n-gram is spelled like a transliterated name: Arabic writes a foreign name
    with long vowels for its Latin vowels (تساليت, كيدال) and without the article, while the
    native nouns that follow في mostly take ال or have no long vowel past the first letter
    (المباراه, شكل, نفس)."""
    return all(
        len(word) >= MIN_KEY_LETTERS
        and not word.startswith(ARTICLE)
        and any(char in _LONG_VOWELS for char in word[1:])
        for word in words
    )


def _locative_before(tokens: list[_Token], index: int, lexicon: _Lexicon) -> tuple[str, str] | None:
    """The locative phrase ending right before tokens[index], as (folded phrase, kind); the
    caller has checked that the word before looks locative (`_word_flags`)."""
    if index == 0 or not tokens[index].joins_previous:
        return None
    for length in (3, 2, 1):
        first = index - length
        if first < 0 or not all(tokens[i].joins_previous for i in range(first + 1, index)):
            continue
        found = _locative(
            lexicon, tokens[first].text, tuple(token.text for token in tokens[first + 1 : index])
        )
        if found:
            return found
    return None
