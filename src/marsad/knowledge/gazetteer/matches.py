"""What a scan finds: matches (an n-gram read as a name, with the context before it), the
ranking of skeleton candidates by spelling, and the `PlaceMention`s made of the matches.

Two kinds of evidence make a match (a mention's `how`):
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
kept as an alternative.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from marsad.knowledge.gazetteer.places import (
    _CACHE_LIMIT,
    _MENTION_CACHE_LIMIT,
    DISAGREES,
    HOW_ARABIC,
    HOW_SKELETON,
    Place,
    PlaceMention,
    prior,
)
from marsad.knowledge.gazetteer.words import ARTICLE, _Reading, _Token, after_settlement_word
from marsad.knowledge.transliterate import SpellingFit, has_latin_article, spelling_fit
from marsad.lang.ar.common_words import is_common, is_number_form_of_common

# After "مدينة"/"قرية" the next words are a name, so two consonants are evidence enough (if the
# vowels agree too, see spelling_agrees); after a preposition three, and the words must be
# spelled like a transliteration (see _looks_foreign) with vowels where the Latin name has them.
MIN_SKELETON_AFTER_FEATURE = 2
MIN_SKELETON_ELSEWHERE = 3
# A bare ب starts thousands of words (بمثابه, بينهما, بخصوص): only a long skeleton counts there.
MIN_SKELETON_AFTER_CLITIC = 4
_FEATURE = "feature"
_CLITIC = "clitic"
_LIST = "list"
# After a preposition a two-consonant skeleton (نيونو Niono, تاهوا Tahoua) counts too, but only
# for a one-word name whose vowels agree (checked in _rank_by_spelling: no fallback below three).
_SHORTEST_SKELETON = {
    _FEATURE: MIN_SKELETON_AFTER_FEATURE,
    _CLITIC: MIN_SKELETON_AFTER_CLITIC,
    "preposition": MIN_SKELETON_AFTER_FEATURE,
}
# One word right after a feature word or a preposition may meet a one-consonant skeleton (ساي
# Say, كايا Kaya: the gazetteer holds those only for towns of some size), if its long vowels write
# every Latin vowel (SpellingFit.exact).
_ONE_CONSONANT_CONTEXTS = frozenset({_FEATURE, "preposition"})
_SHORT_SKELETON = 1


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
    also: _Match | None = None  # a skeleton match on the same words, merged into this one
    alternatives: tuple[_Match, ...] = ()  # other readings of these words
    fallback: _Match | None = None  # see PlaceMention.fallbacks

    @property
    def locative(self) -> str | None:
        return self.context.locative if self.context else None

    def same_words(self, other: _Match) -> bool:
        return (self.first, self.words, self.reading.offset) == (
            other.first,
            other.words,
            other.reading.offset,
        )


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


def _rank_by_spelling(
    match: _Match, skeleton: str, places: list[Place], spelling: Callable[[str, Place], str]
) -> tuple[list[tuple[int, Place]], bool]:
    """(agreement, place) for skeleton candidates whose vowels agree with the Arabic spelling,
    best agreement first (then the fewest Latin vowels the Arabic leaves uncovered, then the
    prior; DISAGREES: disagreeing), and whether any agrees. After a feature word with a long
    skeleton, disagreeing names stay (at the end): names of Arabic origin are written without
    their short vowels (جبل اللوح, Djebel Louh); but not a name whose vowels Arabic would not
    leave out, where its long vowels stand where the Latin name has none ("مدينة يانجون" is not
    Negaunee). A one-consonant skeleton needs an exact fit; a name written with ال, see
    `_article_fit`."""
    if match.reading.article:
        fits = [
            (fit, place)
            for place in places
            if (fit := _article_fit(match, skeleton, place, spelling(skeleton, place))) is not None
        ]
    else:
        fits = [
            (spelling_fit(match.arabic, spelling(skeleton, place), place.country), place) for place in places
        ]
    if len(skeleton) <= _SHORT_SKELETON:
        fits = [(fit, place) for fit, place in fits if fit is not None and fit.exact]
    if not match.context.lenient:  # a spelling that contradicts a name more than it agrees is not its
        fits = [
            (fit, place)
            for fit, place in fits
            if fit is not None and (fit.score > 0 or not fit.contradictions)
        ]
    keep_all = match.context.lenient and len(skeleton) >= MIN_SKELETON_ELSEWHERE
    kept = [
        (fit.score if fit is not None else DISAGREES, fit.uncovered if fit is not None else 0, place)
        for fit, place in fits
        if fit is not None
        or (
            keep_all
            and spelling_fit(match.arabic, spelling(skeleton, place), place.country, arabic_origin=True)
            is not None
        )
    ]
    ranked = sorted(kept, key=lambda triple: (-triple[0], triple[1], -prior(triple[2])))
    return (
        [(score, place) for score, _, place in ranked],
        any(fit is not None and fit.contradictions == 0 for fit, _ in fits),
    )


def _article_fit(match: _Match, skeleton: str, place: Place, latin: str) -> SpellingFit | None:
    """How a name written with ال fits a place's Latin name `latin`, None if the place is not
    meant. It meets only a Latin name with its article ("الفاشر", "El Fasher"): a name of Arabic
    origin, whose short vowels Arabic leaves unwritten (three consonants or more show it without
    them). Such a name is an Arabic word, and a hamlet or a ravine named by a common noun
    ("الدلالات", Ed Dlaïlât; "بلدة النعيمة" in Syria, Nâamet in Lebanon; "ريف السويداء", a
    Lebanese As Suwaydah) is less likely meant than the noun or a namesake with an Arabic name:
    only a notable place counts, and its long vowels are the name's ("محافظة الريث" is not Ar
    Rass)."""
    if not place.notable or not has_latin_article(latin):
        return None
    fit = spelling_fit(
        match.arabic, latin, place.country, arabic_origin=len(skeleton) >= MIN_SKELETON_ELSEWHERE
    )
    return fit if fit is not None and not fit.contradictions else None


@lru_cache(maxsize=65536)
def _ordinary(key: str) -> bool:
    """Whether an Arabic name's key is one word, a common word of the news with or without the
    article (a name of common words, "بئر العبد", is no common phrase)."""
    return " " not in key and (is_common(key) or is_common(ARTICLE + key))


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
    prefixes: dict[tuple, bool] = field(default_factory=dict)  # see _SkeletonScan._may_start_allowed
    texts: dict[str, tuple] = field(default_factory=dict)  # see _Scanner.__init__

    def trim(self) -> None:
        for cache in vars(self).values():
            if len(cache) > _CACHE_LIMIT:
                cache.clear()


class _MentionMaker:
    """Turns a scan's matches into `PlaceMention`s with their candidates and evidence."""

    def __init__(
        self,
        arabic_places: Callable[[list[str]], dict[str, tuple[Place, ...]]],
        needs_settlement_word: Callable[[Place], bool] = lambda place: False,
    ):
        self._arabic_places = arabic_places  # an Arabic key's places (see `PlaceStore.place_tuples`)
        # a place named in Arabic only right after a word naming a settlement (see `supplement`)
        self._needs_settlement_word = needs_settlement_word
        self._candidate_cache: dict[tuple, tuple] = {}  # see _candidates

    def mentions(self, text: str, tokens: list[_Token], chosen: list[_Match]) -> list[PlaceMention]:
        """The mentions of a scan's matches (`chosen`, in text order) in folded `text`."""
        keys = [
            m.key
            for match in chosen
            for m in (match, *match.alternatives, *filter(None, [match.fallback]))
            if m.how == HOW_ARABIC
        ]
        arabic = self._arabic_places(keys)
        # Per Arabic name, the skeleton match merged into a mention of it so far in this text: its
        # places are candidates of the later mentions too, by their skeleton ("في عفرين" ... "عفرين").
        carried: dict[str, _Match] = {}
        mentions: list[PlaceMention] = []
        for match in chosen:
            mention = self._mention(text, tokens, match, arabic, carried)
            alternatives = [
                m
                for m in (self._mention(text, tokens, other, arabic, carried) for other in match.alternatives)
                if m is not None
            ]
            if mention is None and alternatives:
                mention, alternatives = alternatives[0], alternatives[1:]
            if mention is not None:
                fallback = self.mentions(text, tokens, [match.fallback]) if match.fallback else []
                if alternatives or fallback:
                    mention = replace(mention, alternatives=tuple(alternatives), fallbacks=tuple(fallback))
                mentions.append(mention)
        return mentions

    def _mention(
        self,
        text: str,
        tokens: list[_Token],
        match: _Match,
        arabic: dict[str, tuple[Place, ...]],
        carried: dict[str, _Match],
    ) -> PlaceMention | None:
        """The mention of one match with its candidates and their evidence, or None without any."""
        also = match.also
        if match.how == HOW_ARABIC:
            also = carried.setdefault(match.key, also) if also is not None else carried.get(match.key)
        candidates = self._candidates(match, arabic.get(match.key) if match.how == HOW_ARABIC else None, also)
        if candidates is None:
            return None
        places, evidence, agreement = candidates
        start = tokens[match.first].start + match.reading.offset
        end = tokens[match.first + match.words - 1].end
        return PlaceMention(
            start, end, text[start:end], places, evidence[0], match.locative, evidence, agreement
        )

    def _candidates(
        self, match: _Match, named: tuple[Place, ...] | None, also: _Match | None
    ) -> tuple | None:
        """`_new_candidates`, remembered by the identity of what it depends on (each entry holds
        those objects, so no id is reused while it lives), so that mentions of the same words
        share their tuples and with them `PlaceMention.choices`."""
        # The dual or plural of a common word ("في الحالات") names a place only after a feature word.
        licensed = match.context is not None and (
            match.context.lenient if is_number_form_of_common(match.key) else match.context.licenses_name
        )
        ordinary = (
            match.how == HOW_ARABIC and not (match.context and match.context.lenient) and _ordinary(match.key)
        )
        held = (
            named,
            match.places,
            match.agreement,
            match.skeletons,
            *((also.places, also.agreement, also.skeletons) if also is not None else ()),
        )
        settled = after_settlement_word(match.locative)
        key = (match.how, match.key, licensed, ordinary, settled, *(id(part) for part in held))
        found = self._candidate_cache.get(key)
        if found is None:
            if len(self._candidate_cache) > _MENTION_CACHE_LIMIT:
                self._candidate_cache.clear()
            found = self._candidate_cache[key] = (
                held,
                self._new_candidates(match, named, also, licensed, ordinary, settled),
            )
        return found[1]

    def _new_candidates(
        self,
        match: _Match,
        named: tuple[Place, ...] | None,
        also: _Match | None,
        licensed: bool,
        ordinary: bool,
        settled: bool,
    ) -> tuple | None:
        """(candidates, evidence, agreement), or None without candidates: an Arabic name's places
        and those of the skeleton match on its words (`also`), or a skeleton match's. A word every
        kind of news uses (`ordinary`: "من البورصة", "على صعيد") names only a notable place there,
        without a feature word that says a name follows ("مديرية الحزم"); a hamlet of the
        supplement only right after a word naming a settlement (`settled`: "قرية", "بلدة")."""
        how = HOW_ARABIC if match.how == HOW_ARABIC else f"{HOW_SKELETON}:{match.key}"
        places = list(match.places) if match.how == HOW_SKELETON else list(named or ())
        if not settled:
            places = [place for place in places if not self._needs_settlement_word(place)]
        if match.how == HOW_ARABIC and not licensed and not any(place.notable for place in places):
            places = []
        if ordinary:
            places = [place for place in places if place.notable]
        evidence = (
            [f"{HOW_SKELETON}:{skeleton}" for skeleton in match.skeletons]
            if match.how == HOW_SKELETON
            else [how] * len(places)
        )
        agreement = list(match.agreement) if match.how == HOW_SKELETON else [0] * len(places)
        if also is not None:
            known = {place.geonameid for place in places}
            extra = [
                (place, score, skeleton)
                for place, score, skeleton in zip(also.places, also.agreement, also.skeletons)
                if place.geonameid not in known
            ]
            places += [place for place, _, _ in extra]
            agreement += [score for _, score, _ in extra]
            evidence += [f"{HOW_SKELETON}:{skeleton}" for _, _, skeleton in extra]
        if not places:
            return None
        return tuple(places), tuple(evidence), tuple(agreement)
