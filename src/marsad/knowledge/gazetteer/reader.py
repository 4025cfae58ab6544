"""`Gazetteer`: a gazetteer file (`store`) read for place mentions (`scan`), and the place each
one means (`choose`). `Gazetteer.default()` is the one in use: the file MARSAD_GAZETTEER names,
else the one shipped in the package.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from marsad.errors import GazetteerError
from marsad.knowledge.gazetteer.choose import Chooser
from marsad.knowledge.gazetteer.matches import MIN_SKELETON_ELSEWHERE, _MentionMaker, _ScanMemory
from marsad.knowledge.gazetteer.places import (
    _CACHE_LIMIT,
    HOW_ARABIC,
    HOW_SKELETON,
    Place,
    PlaceContext,
    PlaceMention,
    prior,
)
from marsad.knowledge.gazetteer.scan import _Scanner
from marsad.knowledge.gazetteer.store import PlaceStore
from marsad.knowledge.gazetteer.supplement import Supplement, supplement
from marsad.knowledge.gazetteer.trace import ChoiceTrace
from marsad.knowledge.gazetteer.words import (
    MIN_FIRST_WORD_LETTERS,
    MIN_KEY_LETTERS,
    _lexicon,
    _readings,
    _skeletons,
    _stems,
)
from marsad.knowledge.transliterate import spelling_fit
from marsad.lang.ar.clitics import drop_article
from marsad.lang.ar.normalize import Normalized, fold, normalize
from marsad.resources import data_path

GAZETTEER_ENV = "MARSAD_GAZETTEER"


class Gazetteer:
    """A read-only view of a gazetteer file built by `marsad gazetteer build`."""

    def __init__(self, path: Path, supplement: Supplement | None = None):
        self._store = PlaceStore(path)
        # places of a separately licensed file, for names the file has no town for (see `supplement`)
        self._supplement = supplement
        self._index: tuple[frozenset[str], dict[str, int]] | None = None  # see _arabic_index
        self._added: dict[str, tuple[tuple[Place, ...], tuple[Place, ...]]] = {}  # see _arabic_places
        self._memory = _ScanMemory()
        self._maker = _MentionMaker(
            self._arabic_places, supplement.needs_settlement_word if supplement else lambda place: False
        )
        self._chooser = Chooser(self._store.capital)
        self._last_normalized: Normalized | None = None  # see _normalized

    @classmethod
    def default(cls) -> Gazetteer:
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
        shortest = MIN_FIRST_WORD_LETTERS if rest else MIN_KEY_LETTERS
        keys = [" ".join([reading.key, *rest]) for reading in _readings(words[0], shortest)]
        named = self._arabic_places(keys)
        skeletons = {s: key for key in keys for s in _skeletons(key) if len(s) >= MIN_SKELETON_ELSEWHERE}
        shared = {} if alone and named else self._store.places(skeletons, HOW_SKELETON)
        if alone:
            shared = {
                skeleton: [
                    place for place in places if self._spelled_alike(skeletons[skeleton], skeleton, place)
                ]
                for skeleton, places in shared.items()
            }
        found: dict[int, Place] = {}
        for group in (named, shared):
            places = {place.geonameid: place for places in group.values() for place in places}
            for place in sorted(places.values(), key=prior, reverse=True):
                found.setdefault(place.geonameid, place)
        return list(found.values())

    def find_mentions(self, text: str, skeleton_countries: Iterable[str] | None = None) -> list[PlaceMention]:
        """Place mentions in `text`, in text order, never overlapping: at each word the longest
        Arabic-name match, else the longest skeleton match. `skeleton_countries` (ISO3) limits
        skeleton candidates to the countries where the caller would accept one (None: anywhere;
        empty: no skeleton matches), which spares ranking thousands of villages. The words are
        read folded (the pipeline gives folded text); the spans are the text's own."""
        if not isinstance(text, str) or not text:
            return []
        folded = self._normalized(text)
        mentions = self._find_mentions(folded.text, skeleton_countries)
        return mentions if folded.text == text else [_in_original(mention, folded) for mention in mentions]

    def _normalized(self, text: str) -> Normalized:
        """`normalize(text)`, remembered for the last text: the pipeline reads one article's
        places more than once, with other countries in view."""
        last = self._last_normalized
        if last is None or last.original is not text:
            last = self._last_normalized = normalize(text)
        return last

    def _find_mentions(self, text: str, skeleton_countries: Iterable[str] | None) -> list[PlaceMention]:
        store = self._store
        arabic = self._arabic_index()
        if not arabic[0]:
            return []
        countries = (
            None
            if skeleton_countries is None
            else tuple(sorted({country for country in skeleton_countries if isinstance(country, str)}))
        )
        scanner = _Scanner(
            text,
            _lexicon(),
            arabic,
            lambda keys: store.places(keys, HOW_SKELETON, countries),
            store.spelling,
            self._memory,
            countries,
            store.skeleton_keys,
        )
        return self._maker.mentions(text, scanner.tokens, scanner.scan())

    def choose(
        self, mention: PlaceMention, countries: list[str], context: PlaceContext | None = None
    ) -> tuple[Place | None, ChoiceTrace]:
        """The place a mention most likely means, given the article's countries (ISO3, most
        salient first) and optionally its `PlaceContext`, and the trace of why (see `choose`)."""
        return self._chooser.choose(mention, countries, context)

    def context(self, text: str, mentions: list[PlaceMention], countries: list[str]) -> PlaceContext:
        """The context for choosing among `mentions` of folded `text`: each mention resolved
        once without context (kept where its country is hinted) as anchors for the others."""
        return self._chooser.context(text, mentions, countries)

    def capital(self, iso3: str) -> Place | None:
        """The country's capital, if the gazetteer has one."""
        return self._store.capital(iso3)

    def seat(self, area: Place) -> Place | None:
        """The seat town of a first-level area ("عاصمة ولاية شمال دارفور": El Fasher), if the
        gazetteer has one."""
        if area.feature_code != "ADM1" or not area.admin1:
            return None
        return self.province_seat(area.country, area.admin1)

    def province_seat(self, iso3: str, admin1: str) -> Place | None:
        """The seat town of the first-level area `admin1` of a country, if the gazetteer has one."""
        return self._store.seat(iso3, admin1)

    def place(self, geonameid: int) -> Place | None:
        """The place with this id, if the gazetteer has it."""
        return self._store.place(geonameid)

    def arabic_name(self, geonameid: int | None) -> str | None:
        """The place's Arabic name as written, to show beside its Latin one (one of GeoNames' Arabic
        names, see `sources.arabic_label`), if it has one and the file records them."""
        found = self._store.arabic_name(geonameid)
        if found is None and self._supplement is not None:
            return self._supplement.labels.get(geonameid)
        return found

    def _arabic_index(self) -> tuple[frozenset[str], dict[str, int]]:
        """The file's Arabic keys (`PlaceStore.arabic_index`) with the supplement's."""
        if self._index is None:
            keys, longest = self._store.arabic_index()
            if self._supplement is not None:
                longest = dict(longest)
                for word, most in self._supplement.longest.items():
                    longest[word] = max(longest.get(word, 0), most)
                keys = keys | self._supplement.by_key.keys()
            self._index = (keys, longest)
        return self._index

    def _arabic_places(self, keys: list[str]) -> dict[str, tuple[Place, ...]]:
        """The places under each Arabic key: the file's, and the supplement's where the file has no
        populated place of the supplement's country (a locality is not the town: "مليط" is the
        OCHA locality and Mellit, the town OSM knows) and no notable place elsewhere (a Sudanese
        hamlet called الدوحة is not what "مدينة الدوحة" means). The merged tuples are remembered
        per key while the file's stay the same, so that mentions share them."""
        found = self._store.place_tuples(keys, HOW_ARABIC)
        extra = self._supplement.by_key if self._supplement is not None else {}
        for key in keys:
            more = extra.get(key)
            if more is None:
                continue
            own = found.get(key, ())
            known = self._added.get(key)
            if known is None or known[0] is not own:
                if len(self._added) > _CACHE_LIMIT:
                    self._added.clear()
                known_town = any(
                    (place.country == more[0].country and place.feature_class == "P")
                    or (place.country != more[0].country and place.notable)
                    for place in own
                )
                merged = own if known_town else tuple(sorted(own + more, key=prior, reverse=True))
                known = self._added[key] = (own, merged)
            if known[1]:
                found[key] = known[1]
        return found

    def _spelled_alike(self, arabic: str, skeleton: str, place: Place) -> bool:
        fit = spelling_fit(arabic, self._store.spelling(skeleton, place), place.country)
        return fit is not None and fit.contradictions == 0


def _in_original(mention: PlaceMention, folded: Normalized) -> PlaceMention:
    """A mention found in folded text, with its span (and its other readings') in the original."""
    start, end = folded.to_original(mention.start, mention.end)
    return replace(
        mention,
        start=start,
        end=end,
        text=folded.original[start:end],
        alternatives=tuple(_in_original(m, folded) for m in mention.alternatives),
        fallbacks=tuple(_in_original(m, folded) for m in mention.fallbacks),
    )


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    chosen = os.environ.get(GAZETTEER_ENV)
    if not chosen:
        return Gazetteer(data_path("marsad.knowledge", "gazetteer.sqlite"), supplement())
    gazetteer = Gazetteer(Path(chosen), supplement())
    try:
        gazetteer._store.check()
    except GazetteerError:
        raise GazetteerError(
            f"{GAZETTEER_ENV}={chosen}: not a gazetteer file; build one with "
            "'marsad gazetteer build SOURCES... --out FILE', or unset it to use the shipped one"
        ) from None
    return gazetteer
