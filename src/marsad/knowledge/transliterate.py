"""Consonant skeletons that let an Arabic spelling meet a Latin spelling of the same place.

Most small places in GeoNames have only Latin names ("Ti-n-Zaouâtene"), while Arabic newspapers
write them in Arabic ("تينزاوتين"). Both sides are reduced to consonant classes, vowels dropped,
doubled letters collapsed, the article removed; the classes live in `data/transliteration.tsv`.
A Latin name gives one skeleton; an Arabic form gives a few, since one Arabic letter can stand
for several Latin ones (ق is k or g).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.lang.ar.clitics import drop_article
from marsad.lang.ar.normalize import fold
from marsad.resources import read_tsv

# Shorter skeletons (one consonant: "Gao" -> "g") say nothing about a name, so none is indexed.
MIN_SKELETON_CONSONANTS = 2
# An Arabic form with many ambiguous letters would otherwise expand to hundreds of keys.
MAX_ARABIC_VARIANTS = 8

_LATIN_WORD_SPLIT = re.compile(r"[\s\-‐‑–—_/.,;:()\[\]]+")
_LATIN_SILENT = re.compile(r"['’ʼʻʿʾ`´]")


def name_key(name: str) -> str:
    """The lookup key of an Arabic place name: folded, hyphens as spaces, each word's article off.

    Unlike `match_key`, no conjunction or preposition is stripped: a name never carries one, and
    stripping them would turn كالي (Cali) into الي ("to") and فالنسيا into نسيا.
    """
    return " ".join(drop_article(word) for word in fold(name).casefold().replace("-", " ").split())


_VOWEL = "."  # a vowel class is "." and the vowel letter it came from (".a", ".ي")
# Which Latin vowels an Arabic vowel letter writes, for ranking places that share a skeleton.
_VOWEL_QUALITIES = {"ا": "a", "و": "ouw", "ي": "iey", "ه": "ae"}


_Rules = dict[str, tuple[tuple[str, tuple[str, ...]], ...]]  # by first letter, longest first


@dataclass(frozen=True)
class _Tables:
    latin_rules: _Rules
    latin_by_country: dict[str, _Rules]  # ISO3 -> the rules with that country's own first
    latin_articles: frozenset[str]
    latin_letters: dict[int, str]  # a letter read as another before any rule (Turkish ı as i)
    arabic: dict[str, tuple[str, ...]]  # folded letter -> one class per reading, primary first
    arabic_pairs: dict[str, tuple[str, ...]]  # two folded letters read together (دج: French dj)

    def rules_for(self, country: str | None) -> _Rules:
        return self.latin_by_country.get(country or "", self.latin_rules)


def _classes(target: str, source: str) -> tuple[str, ...]:
    return tuple(_VOWEL + source[-1] if char == _VOWEL else char for char in target)


def _by_first_letter(rules: list[tuple[str, tuple[str, ...]]]) -> _Rules:
    # Longest first; among rules of one length the earlier (a country's own) wins.
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for rule in sorted(rules, key=lambda rule: -len(rule[0])):
        by_first.setdefault(rule[0][0], []).append(rule)
    return {first: tuple(group) for first, group in by_first.items()}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    rules: list[tuple[str, tuple[str, ...]]] = []
    own: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    articles: set[str] = set()
    letters: dict[int, str] = {}
    arabic: dict[str, tuple[str, ...]] = {}
    pairs: dict[str, tuple[str, ...]] = {}
    for row in read_tsv(
        "marsad.knowledge", "transliteration.tsv", ("script", "from", "to", "note", "countries")
    ):
        script, source, target = row["script"], row["from"], row["to"]
        if script == "latin" and row["countries"]:
            for country in row["countries"].split(","):
                own.setdefault(country.strip(), []).append((source, _classes(target, source)))
        elif script == "latin":
            rules.append((source, _classes(target, source)))
        elif script == "latin-article":
            articles.add(source)
        elif script == "latin-letter":
            letters[ord(source)] = target
        elif script == "arabic":
            if len(fold(source)) == 2:
                pairs[fold(source)] = tuple(target.split("|"))  # consonant classes, read as one
            else:
                arabic[fold(source)] = tuple(
                    _classes(reading, fold(source))[0] for reading in target.split("|")
                )
    # A country's rule replaces the general ones for its letters: Somali "c" is ع, so the
    # French soft c ("ce", "ci") and "ch" go too.
    by_country = {
        country: _by_first_letter(
            mine + [rule for rule in rules if not any(rule[0].startswith(source) for source, _ in mine)]
        )
        for country, mine in own.items()
    }
    return _Tables(_by_first_letter(rules), by_country, frozenset(articles), letters, arabic, pairs)


def _shape(classes: list[str]) -> tuple[str, dict[int, str]]:
    """The skeleton of a class sequence and its vowels by slot (slot i: after consonant i, -1
    before the first), each slot holding the vowel letters written there.

    A doubled consonant is written once (shadda is folded away in Arabic); only adjacent letters
    count as doubled: a vowel between them keeps the two d's of "Hudaydah" / "حديدة" apart on
    both sides.
    """
    out: list[str] = []
    vowels: dict[int, str] = {}
    previous = ""
    for item in classes:
        if item.startswith(_VOWEL):
            slot = len(out) - 1
            vowels[slot] = vowels.get(slot, "") + item[1:]
        elif item != previous:
            out.append(item)
        previous = item
    return "".join(out), vowels


def _collapse(classes: list[str]) -> str:
    return _shape(classes)[0]


def _strip_accents(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def _latin_word_classes(word: str, rules: _Rules) -> list[str]:
    # A final h after a or e is the romanised ta marbuta (Hodeidah), which folding drops too.
    if len(word) > 2 and word.endswith("h") and word[-2] in "ae":
        word = word[:-1]
    out: list[str] = []
    index = 0
    while index < len(word):
        for source, target in rules.get(word[index], ()):
            if word.startswith(source, index):
                out.extend(target)
                index += len(source)
                break
        else:
            char = word[index]
            index += 1
            bare = _strip_accents(char)
            if bare != char:
                out.extend(_latin_word_classes(bare, rules))
    return out


@lru_cache(maxsize=65536)
def _latin_shape(name: str, country: str | None = None) -> tuple[str, dict[int, str]]:
    return _shape(_latin_classes(name, country))


def _latin_classes(name: str, country: str | None = None) -> list[str]:
    tables = _tables()
    rules = tables.rules_for(country)
    words = [
        w
        for w in _LATIN_WORD_SPLIT.split(
            _LATIN_SILENT.sub("", name.casefold().translate(tables.latin_letters))
        )
        if w
    ]
    kept = [w for w in words if w not in tables.latin_articles]
    return [c for w in kept for c in _latin_word_classes(w, rules)]


def has_latin_article(name: str) -> bool:
    """Whether a Latin name starts with an article word ("El Fasher", "Al-Bab"): only such a
    name may meet an Arabic spelling with ال by its skeleton, since the skeleton drops both."""
    words = [w for w in _LATIN_WORD_SPLIT.split(_LATIN_SILENT.sub("", name.casefold())) if w]
    return bool(words) and _strip_accents_word(words[0]) in _tables().latin_articles


def _strip_accents_word(word: str) -> str:
    return "".join(_strip_accents(char) for char in word)


def latin_skeleton(name: str, country: str | None = None) -> str:
    """The consonant skeleton of a Latin-script name ("Ti-n-Zaouâtene" -> "tnztn"), read with
    the spelling rules of its country (ISO3) where the table has some (Somali "Ceel" -> "l")."""
    return _collapse(_latin_classes(name, country))


def _arabic_word_options(
    word: str, letters: dict[str, tuple[str, ...]], pairs: dict[str, tuple[str, ...]]
) -> list[tuple[str, ...]]:
    options: list[tuple[str, ...]] = []
    index = 0
    while index < len(word):
        pair = pairs.get(word[index : index + 2])
        if pair is not None:
            options.append(pair)
            index += 2
            continue
        if word[index] in letters:
            options.append(letters[word[index]])
        index += 1
    # A final ه (mostly the folded ta marbuta) is not written in Latin spellings; a final ح
    # is written as h (Louh) or lost with the Latin final-h rule (Salah).
    if word.endswith("ه") and options:
        options[-1] = (_VOWEL + "ه",)
    elif word.endswith("ح") and options:
        options[-1] = ("h", _VOWEL)
    return options


def _arabic_readings(text: str) -> Iterator[list[str]]:
    tables = _tables()
    options: list[tuple[str, ...]] = []
    for word in name_key(text).split():
        options.extend(_arabic_word_options(word, tables.arabic, tables.arabic_pairs))
    for combination in itertools.islice(itertools.product(*options), MAX_ARABIC_VARIANTS):
        yield list(combination)


def arabic_skeletons(text: str) -> list[str]:
    """The consonant skeletons of an Arabic name (folded or not), primary reading first."""
    skeletons: list[str] = []
    for classes in _arabic_readings(text):
        skeleton = _collapse(classes)
        if skeleton not in skeletons:
            skeletons.append(skeleton)
    return skeletons


@lru_cache(maxsize=65536)
def _arabic_shapes(text: str) -> tuple[tuple[str, dict[int, str]], ...]:
    return tuple(_shape(classes) for classes in _arabic_readings(text))


def spelling_agrees(arabic: str, latin: str) -> bool:
    """Whether an Arabic spelling writes its long vowels where the Latin name has vowels.

    Arabic transliterates a foreign name with a long vowel for (nearly) every Latin vowel
    (كيدال Kidal, تساليت Tessalit), while a native word that happens to share a village's
    consonants has them elsewhere or not at all (مباراه / Mbar, نفس / Anéfis). The Arabic
    vowels must fall on Latin vowel slots, and at most a third of those may be unwritten (none
    of a short name's). Names of Arabic origin (جبل, القصرين) are spelled without their short vowels and
    fail this test: use it only where a transliteration is expected.
    """
    return spelling_score(arabic, latin) is not None


def spelling_score(arabic: str, latin: str, country: str | None = None) -> int | None:
    """None when the spellings disagree (see `spelling_agrees`), else how many of the Arabic
    long vowels write the Latin vowel of their slot (ا for a, ي for i or e, و for o or u), less
    CONTRADICTION_WEIGHT for each that writes another vowel (مورا is Mora, not Maroua): this
    ranks places sharing a skeleton, so that نامبالا is Nampala before Niambali."""
    fit = spelling_fit(arabic, latin, country)
    return None if fit is None else fit.score


CONTRADICTION_WEIGHT = 2


@dataclass(frozen=True)
class SpellingFit:
    score: int  # agreeing slots less CONTRADICTION_WEIGHT per contradicting slot
    unwritten: int  # Latin vowel slots the Arabic leaves empty
    uncovered: int  # written slots holding a Latin vowel no Arabic letter there writes (Bouani for بوني)
    contradictions: int

    @property
    def exact(self) -> bool:
        """Every Latin vowel written, by letters of its quality: the evidence a one-consonant
        name (ساي Say, كايا Kaya) needs."""
        return self.unwritten == 0 and self.uncovered == 0 and self.contradictions == 0


def _slot_fit(slot: int, letters: str, latin: str) -> tuple[bool, bool, bool]:
    """(agrees, contradicts, leaves a Latin vowel uncovered) for the Arabic vowel letters of one slot."""
    qualities = "".join(_VOWEL_QUALITIES.get(letter, "") for letter in letters)
    agrees = any(q in latin for q in qualities)
    # An initial ا is the seat of any vowel (إ, أ); ع and hamzas write no quality. Each other
    # vowel letter writes a vowel the Latin slot has: وا is not a lone o (كواليس, Koles).
    seat = slot == -1 and letters.startswith("ا")
    contradicts = any(
        not any(q in latin for q in _VOWEL_QUALITIES.get(letter, "")) and letter in _VOWEL_QUALITIES
        for letter in letters[seat:]
    )
    uncovered = any(char in _LATIN_VOWEL_QUALITIES and char not in qualities for char in latin)
    return agrees, contradicts, uncovered and not (slot == -1 and letters == "ا")


_LATIN_VOWEL_QUALITIES = frozenset("aeiouy")


@lru_cache(maxsize=65536)
def spelling_fit(
    arabic: str, latin: str, country: str | None = None, arabic_origin: bool = False
) -> SpellingFit | None:
    """How the Arabic long vowels fit the Latin name's vowels (None: they disagree), the best
    of the Arabic readings. A name of Arabic origin (`arabic_origin`: "El Fasher", "Djebel
    Louh") is written in Arabic without its short vowels, so any of its Latin vowels may go
    unwritten (الفاشر); the vowels Arabic does write must still fall on Latin vowels."""
    latin_skeleton_, latin_vowels = _latin_shape(latin, country)
    allowed_missing = len(latin_vowels) if arabic_origin else len(latin_vowels) // 3
    best: SpellingFit | None = None
    for skeleton, vowels in _arabic_shapes(arabic):
        if skeleton != latin_skeleton_ or not vowels.keys() <= latin_vowels.keys():
            continue
        unwritten = len(latin_vowels.keys() - vowels.keys())
        if unwritten > allowed_missing:
            continue
        fits = [_slot_fit(slot, letters, latin_vowels[slot]) for slot, letters in vowels.items()]
        contradictions = sum(contradicts for _, contradicts, _ in fits)
        fit = SpellingFit(
            sum(agrees for agrees, _, _ in fits) - CONTRADICTION_WEIGHT * contradictions,
            unwritten,
            sum(uncovered for _, _, uncovered in fits),
            contradictions,
        )
        if best is None or (fit.score, -fit.uncovered) > (best.score, -best.uncovered):
            best = fit
    return best
