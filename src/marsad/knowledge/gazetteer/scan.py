"""Finding place mentions in folded text: one left-to-right pass over the words (`_Scanner`).

At each word the scanner tries the longest Arabic name starting there, and, where a locative
word, a ب prefix or a list of places allows one, the longest n-gram whose consonant skeleton
is a Latin name's (`skeletons`; `matches` says what each kind of evidence needs). What it learns
of words and phrases is remembered across articles (`_ScanMemory`): the same words recur in every one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from marsad.knowledge.gazetteer.matches import (
    _CLITIC,
    _LIST,
    _UNSEEN,
    _combine,
    _Context,
    _context_key,
    _Match,
    _moved,
    _ScanMemory,
)
from marsad.knowledge.gazetteer.places import HOW_ARABIC, Place
from marsad.knowledge.gazetteer.skeletons import _SkeletonScan
from marsad.knowledge.gazetteer.words import (
    _LOCATIVE_CLITIC,
    MIN_FIRST_WORD_LETTERS,
    MIN_KEY_LETTERS,
    _Lexicon,
    _locative,
    _locative_before,
    _looks_foreign,
    _Reading,
    _reading_fields,
    _readings,
    _stems,
    _tokens,
    _word_flags,
)
from marsad.lang.ar.clitics import AND, ARTICLE, drop_article

MAX_NGRAM_WORDS = 4
_TEXTS_KEPT = 16  # the texts whose words `_ScanMemory.texts` holds
_LIST_JOINER = re.compile(r"\s*[,،]?\s*")


class _Scanner(_SkeletonScan):
    """One left-to-right pass choosing non-overlapping mentions, longest first.

    Skeletons are looked up in one batch for every n-gram after a locative;
    words that continue a list of places ("في كيدال وتساليت") are only known during the pass
    and are checked then.
    """

    def __init__(
        self,
        text: str,
        lexicon: _Lexicon,
        arabic: tuple[frozenset[str], dict[str, int]],
        skeleton_places: Callable[[list[str]], dict[str, list[Place]]],
        spelling: Callable[[str, Place], str],
        memory: _ScanMemory,
        countries: tuple[str, ...] | None = None,
        skeleton_keys: Callable[[tuple[str, ...]], tuple[frozenset[str], tuple[str, ...]]] | None = None,
    ):
        self.text = text
        # where a skeleton candidate may be, sorted (None: anywhere; empty: nowhere), also a cache key
        self.country_key = countries
        self.no_skeletons = countries == ()
        # the skeletons of places in those countries (a set, and sorted for prefixes): an n-gram
        # with another one needs no lookup
        self.allowed, self.allowed_sorted = (
            skeleton_keys(countries) if countries and skeleton_keys else (None, ())
        )
        self.lexicon = lexicon
        self.keys, self.longest = arabic
        self.skeleton_places = skeleton_places
        self.spelling = spelling
        memory.trim()
        self.ranked = memory.ranked
        self.results = memory.skeleton_matches  # see _skeleton
        self.names = memory.arabic_matches  # see _arabic
        self.prefixes = memory.prefixes  # see _may_start_allowed
        self.word_cache = memory.words  # see _word_info
        self.locative_cache = memory.locatives
        # What the words alone decide, the same whatever the countries: the pipeline scans one
        # article again once it knows the country the story is in (and a few phrases of it between).
        words_of = memory.texts
        words = words_of.get(text)
        if words is None:
            if len(words_of) >= _TEXTS_KEPT:
                words_of.clear()
            words = words_of[text] = self._words_of(text)
        (
            self.tokens,
            self.words,
            self.joins,
            self.no_skeleton,
            self.word_most,
            self.foreign,
            self.reads_foreign,
            self.locatives,
            self.may_start,
        ) = words
        self.signatures: dict[tuple[int, _Context | None], tuple] = {}
        self.asked: set[str] = set()
        self.known: dict[str, list[Place]] = {}
        self.options: dict[tuple[int, _Context | None], list[tuple[_Match, str]]] = {}

    def _words_of(self, text: str) -> tuple:
        """The text's tokens, their words and joins, what `_word_info` says of each word, the
        locative before each word and where a skeleton may start, as `__init__` unpacks them."""
        self.tokens = _tokens(text)
        self.words = words = [token.text for token in self.tokens]
        self.joins = joins = [token.joins_previous for token in self.tokens]
        known = self.word_cache.get
        infos = [known(word) or self._word_info(word) for word in words]
        (
            locative_like,
            no_skeleton,
            clitic_b,
            word_most,
            foreign,
            one_word_locative,
            reads_foreign,
        ) = zip(*infos) if infos else [()] * len(_WORD_INFO)
        # Only a word after a locative-looking word needs the phrase lookup.
        multi = self.lexicon.phrase_ends
        locatives = [
            None
            if not i or not locative_like[i - 1] or not joins[i]
            else self._locative_before(i)
            if words[i - 1] in multi
            else one_word_locative[i - 1]
            for i in range(len(words))
        ]
        # Where a skeleton may start without a list to continue: after a locative or at a ب prefix.
        may_start = [locative is not None or clitic for locative, clitic in zip(locatives, clitic_b)]
        return (
            self.tokens,
            words,
            joins,
            no_skeleton,
            word_most,
            foreign,
            reads_foreign,
            locatives,
            may_start,
        )

    def scan(self) -> list[_Match]:
        self._ask(
            [
                s
                for first, may in enumerate(self.may_start)
                if may and self._signature(first, None) not in self.results
                for _, s in self._skeleton_options(first, None)
            ]
        )
        chosen: list[_Match] = []
        # Only where a name or a skeleton may start, or a list may continue, is there work.
        may_start, most = self.may_start, self.word_most
        starts = [i for i, (may, longest) in enumerate(zip(may_start, most)) if may or longest]
        count = len(self.tokens)
        first, after_match = 0, False
        while first < count:
            inherited = (
                self._list_head(chosen, first) if after_match else None
            )  # a list goes on only after a match
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

    def _keys(
        self, first: int, words: int, allow_blocked: bool = False, shortest: int = MIN_KEY_LETTERS
    ) -> list[tuple[_Reading, str]]:
        """The n-gram's keys, one per reading of its first word (of at least `shortest` letters),
        without blocked words (which `allow_blocked` lets through right after a town word:
        "مدينة أطار" is Atar)."""
        span = self.tokens[first : first + words]
        if len(span) < words or not all(token.joins_previous for token in span[1:]):
            return []
        rest = [drop_article(token.text) for token in span[1:]]
        keys = ((reading, " ".join([reading.key, *rest])) for reading in _readings(span[0].text, shortest))
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
        signature = (
            tuple(self.words[first:last]),
            tuple(self.joins[first + 1 : last]),
            self.locatives[first],
            _context_key(inherited),
        )
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
            shortest = MIN_FIRST_WORD_LETTERS if words > 1 else MIN_KEY_LETTERS
            for reading, key in self._keys(first, words, town_word and words == 1, shortest):
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
            *_word_flags(word),
            max(
                (self.longest.get(fields[0], 0) for fields in _reading_fields(word, MIN_FIRST_WORD_LETTERS)),
                default=0,
            ),
            _looks_foreign([word]),
            _locative(self.lexicon, word),
            any(
                _looks_foreign([word[offset + (len(ARTICLE) if article else 0) :]])
                for _, offset, _, _, article in readings
            ),
        )
        return info

    def _locative_before(self, index: int) -> tuple[str, str] | None:
        """`_locative_before` of this word, remembered across articles by the words before it
        and how they are joined (for the words that end a phrase of several, "بالقرب من")."""
        start = max(0, index - 3)
        key = (tuple(self.words[start:index]), tuple(self.joins[start + 1 : index + 1]))
        if key in self.locative_cache:
            return self.locative_cache[key]
        found = self.locative_cache[key] = _locative_before(self.tokens, index, self.lexicon)
        return found

    def _with_name_after_locative(self, match: _Match) -> _Match:
        """ "مدينة زنجبار" is a name in Tanzania, and the town word before the Yemeni Zinjibar:
        where an Arabic name starts with a locative word, the name after it is the fallback
        reading (while "محافظة الحديدة" stays the governorate)."""
        if match.words < 2 or self.lexicon.locative_words.isdisjoint(_stems(self.tokens[match.first].text)):
            return match
        rest = self._arabic(match.first + 1, None)
        return replace(match, fallback=rest) if rest is not None else match

    def _list_head(self, chosen: list[_Match], first: int) -> _Context | None:
        """The context of a list this word continues ("في كيدال وتساليت", "في غاو، تمبكتو")."""
        if not chosen or chosen[-1].first + chosen[-1].words != first or chosen[-1].context is None:
            return None
        gap = self.text[self.tokens[first - 1].end : self.tokens[first].start]
        has_comma = "," in gap or "،" in gap
        if _LIST_JOINER.fullmatch(gap) and (has_comma or self.tokens[first].text.startswith(AND)):
            return _Context(chosen[-1].locative, _LIST)
        return None


# What a scan needs of each word, in the order of `_Scanner._word_info`'s tuple: `_word_flags`
# (three), the most words of an Arabic name it starts, it is spelled like a transliteration
# (`_looks_foreign`), the one-word locative it is, a reading of it without proclitics is.
_WORD_INFO = (
    "locative_like",
    "no_skeleton",
    "clitic_b",
    "most",
    "foreign",
    "one_word_locative",
    "reads_foreign",
)
