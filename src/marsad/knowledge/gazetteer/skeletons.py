"""The scanner's skeleton matching (`_SkeletonScan`, a base of `scan._Scanner`): which n-grams after a
locative word, a ب prefix or in a list of places are worth looking up by the consonant skeleton of a
Latin name, and of their candidates the match whose vowels agree. It reads the scanner's words and
per-word facts (`tokens`, `words`, `joins`, `locatives`, ...) and its `_keys` and `_context`.
"""

from __future__ import annotations

import bisect

from marsad.knowledge.gazetteer.matches import (
    _FEATURE,
    _ONE_CONSONANT_CONTEXTS,
    _SHORT_SKELETON,
    _SHORTEST_SKELETON,
    _UNSEEN,
    MIN_SKELETON_ELSEWHERE,
    _Context,
    _context_key,
    _Match,
    _moved,
    _rank_by_spelling,
)
from marsad.knowledge.gazetteer.places import DISAGREES, HOW_SKELETON, Place
from marsad.knowledge.gazetteer.words import _looks_foreign, _Reading, _reading_fields, _skeletons
from marsad.lang.ar.clitics import ARTICLE, CONJUNCTIONS
from marsad.lang.ar.common_words import is_common

MAX_SKELETON_WORDS = 3


class _SkeletonScan:
    """The skeleton half of `_Scanner`: matches remembered across articles by the words' signature."""

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
                tuple(self.words[first:last]),
                tuple(self.joins[first + 1 : last]),
                self.locatives[first],
                _context_key(inherited),
                self.country_key,
            )
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
        return (
            _Match(
                match.first,
                match.words,
                agreeing_key or first_key,
                HOW_SKELETON,
                match.reading,
                match.context,
                match.arabic,
                tuple(place for _, place, _ in ordered),
                tuple(score for score, _, _ in ordered),
                skeletons=tuple(skeleton for _, _, skeleton in ordered),
            ),
            agreeing_key is not None,
        )

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
        if (not lenient_possible and not self.reads_foreign[first]) or (
            self.allowed is not None and not self._may_start_allowed(first)
        ):
            return options
        for words in range(MAX_SKELETON_WORDS, 0, -1):
            last = first + words
            if (
                last > len(self.words)
                or any(self.no_skeleton[first:last])
                or not all(self.joins[first + 1 : last])
                or not (lenient_possible or all(self.foreign[first + 1 : last]))
            ):
                continue
            # A conjunction is likelier than a name starting with و (وتساليت), and a skeleton
            # cannot tell them apart since و is a vowel: readings without the conjunction go
            # first. A bare ب/ل/ك is a consonant the name may start with (باندياغارا): the
            # whole word goes before the reading without it.
            for reading, key in sorted(
                self._keys(first, words), key=lambda pair: self._reading_order(first, pair[0])
            ):
                context = self._context(first, reading, inherited)
                if context is None or key in self.lexicon.locative_only:
                    continue
                # A name written with ال meets only Latin names with an article (الفاشر, El
                # Fasher; see _rank_by_spelling), else "موقع الانفجار" would match some village.
                checked = words if lenient_possible else 1  # else the words after the first are checked above
                if not context.lenient and not _looks_foreign(self._surface(first, checked, reading)):
                    continue
                shortest = _SHORTEST_SKELETON.get(context.kind, MIN_SKELETON_ELSEWHERE)
                if (
                    words == 1
                    and context.kind in _ONE_CONSONANT_CONTEXTS
                    and not self._name_goes_on(first + 1)
                ):
                    shortest = _SHORT_SKELETON
                skeletons = [
                    s
                    for s in _skeletons(key)
                    if len(s) >= shortest and (self.allowed is None or s in self.allowed)
                ]
                if skeletons:
                    match = _Match(first, words, key, HOW_SKELETON, reading, context, key)
                    options.extend((match, s) for s in skeletons)
        return options

    def _name_goes_on(self, index: int) -> bool:
        """Whether the word at `index` continues a transliterated name: joined to the one before,
        spelled like a transliteration, neither a locative nor a blocked word nor a common one.
        A one-consonant name must end where the name does ("منطقة شاه شاهيد" is not Shewah)."""
        return (
            index < len(self.words)
            and self.joins[index]
            and self.foreign[index]
            and not self.no_skeleton[index]
            and not is_common(self.words[index])
        )

    def _may_start_allowed(self, first: int) -> bool:
        """Whether a skeleton of the word (a reading of it) starts some allowed skeleton: an
        n-gram's skeleton starts with its first word's. Remembered per word and countries."""
        key = (self.words[first], self.country_key)
        found = self.prefixes.get(key)
        if found is None:
            allowed = self.allowed_sorted
            found = self.prefixes[key] = any(
                (at := bisect.bisect_left(allowed, skeleton)) < len(allowed)
                and allowed[at].startswith(skeleton)
                for fields in _reading_fields(key[0])
                for skeleton in _skeletons(fields[0])
            )
        return found

    def _reading_order(self, first: int, reading: _Reading) -> int:
        if not reading.prefixed:
            return 1
        return 0 if self.tokens[first].text[:1] in CONJUNCTIONS else 2

    def _surface(self, first: int, words: int, reading: _Reading) -> list[str]:
        """The n-gram's words as written, the first without its proclitics."""
        offset = reading.offset + (len(ARTICLE) if reading.article else 0)
        return [self.tokens[first].text[offset:], *(t.text for t in self.tokens[first + 1 : first + words])]
