"""Scoring one mention's candidates against the article (`_Judge`, `base_score`): the population and
feature priors, Arabic-name evidence, the admin word before the name, a distance or direction the
text gives, nearness to the article's other places and to a border the text names.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import lru_cache

from marsad.knowledge.countries import by_iso3
from marsad.knowledge.gazetteer.places import (
    DISAGREES,
    HOW_ARABIC,
    HOW_SKELETON,
    Place,
    PlaceContext,
    PlaceMention,
)
from marsad.knowledge.gazetteer.words import _lexicon
from marsad.knowledge.place_cues import (
    ANCHOR_WITHIN,
    Cue,
    angle_between,
    bearing_deg,
    cues_after,
    destination,
    distance_km,
)

# More distinct places than any news report names: beyond it, anchors are the places named nearest.
_MAX_ANCHORS = 64
_KM_PER_DEGREE = 111.0
# A name GeoNames writes in Arabic is stronger evidence than a shared consonant skeleton; among
# skeleton candidates, each Arabic long vowel that writes the Latin vowel counts.
_ARABIC_EVIDENCE_BONUS = 2.0
_AGREEING_VOWEL_BONUS = 1.5
# After "محافظة"/"ولاية" (or their duals and plurals, "محافظتي لحج وأبين") an admin area named like
# its seat town is meant, however many people the town has: more than a capital's prior.
_ADMIN_WORD_BONUS = 12.0
# Places of one article are mostly near each other: full bonus within the first distance, a
# smaller one within the second.
_NEAR_KM, _NEAR_BONUS = 50.0, 3.0
_AROUND_KM, _AROUND_BONUS = 150.0, 1.5
_BORDER_BONUS = 2.0
# A place GeoNames counts fewer people in is a hamlet (cities500 holds those only as admin seats).
_HAMLET_POPULATION = 500
_BORDER_RANGE_KM = 1000.0
_DIRECTION_ONLY_KM = 300.0  # "X شمال Y" without a distance: X within this of Y...
_DIRECTION_SPREAD = 67.5  # ...and within this many degrees of the direction
_CUE_TOLERANCE, _CUE_MIN_KM = 0.4, 25.0  # how far from the point a distance gives a place may be


def _nearest_anchors(context: PlaceContext | None, start: int) -> tuple[tuple[int, Place], ...]:
    anchors = context.anchors if context else ()
    if len(anchors) <= _MAX_ANCHORS:
        return anchors
    at = bisect.bisect_left(anchors, start, key=lambda anchor: anchor[0])
    return anchors[max(0, at - _MAX_ANCHORS // 2) : at + _MAX_ANCHORS // 2]


class _Judge:
    """Scores one mention's candidates against its context (see `Chooser.choose`)."""

    def __init__(
        self, capital: Callable[[str], Place | None], mention: PlaceMention, context: PlaceContext | None
    ):
        self.capital = capital
        self.mention = mention
        self.admin_word = mention.after_locative in _lexicon().admin_words
        self.feature_word = mention.after_locative in _lexicon().feature_words
        # Each other place once (a town named five times is one anchor); in a text naming more
        # places than any report does, the ones named nearest the mention.
        self.others = tuple(
            {
                place.geonameid: place
                for start, place in _nearest_anchors(context, mention.start)
                if start != mention.start
            }.values()
        )
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

    def supported(self, place: Place, evidence: str) -> bool:
        """Whether a candidate in a hinted country may be meant: anything but a hamlet named
        in Arabic (`_hamlet`) after a bare preposition with no other place of the article near
        it, which is the common word it is called after ("في الساقين", in the legs, in a report
        from Yemen)."""
        return evidence == HOW_SKELETON or self.feature_word or not _hamlet(place) or self.near_others(place)

    def stands_alone(self, place: Place) -> bool:
        """Whether a place outside the article's countries may be meant by an Arabic name: a
        notable place or an admin seat that is no hamlet, or one near another place of the
        article. GeoNames gives Arabic names to hamlets called after common words ("الساقين",
        the legs: Sāqayn in Yemen, 41 people), which a story told elsewhere does not mean, and
        a village's name alone does not say which country's it is ("بلدة باجو" is Paju in
        Korea, not Bajou in Tunisia), while a seat's does (عنيزة, Unaizah, its people uncounted)."""
        return place.notable or (place.seat and not _hamlet(place)) or self.near_others(place)

    def near_others(self, place: Place) -> bool:
        return any(_distance_km(place.lat, place.lon, o.lat, o.lon) <= _AROUND_KM for o in self.others)

    def cue_fit(self, place: Place) -> int:
        """2 if a given distance and direction from the anchor fit the place, 1 if a bare
        direction does, else 0."""
        best = 0
        for cue, anchor in self.relations:
            if cue.capital:
                anchor = self.capital(place.country)
            if anchor is None or anchor.geonameid == place.geonameid:
                continue
            if cue.km is not None:
                lat, lon = destination(anchor.lat, anchor.lon, cue.bearing, cue.km)
                if distance_km(place.lat, place.lon, lat, lon) <= max(_CUE_MIN_KM, _CUE_TOLERANCE * cue.km):
                    best = max(best, 2)
                    self._note(place, f"{cue.km:.0f} km at {cue.bearing:.0f}° of {anchor.name}")
            elif (
                distance_km(anchor.lat, anchor.lon, place.lat, place.lon) <= _DIRECTION_ONLY_KM
                and angle_between(bearing_deg(anchor.lat, anchor.lon, place.lat, place.lon), cue.bearing)
                <= _DIRECTION_SPREAD
            ):
                best = max(best, 1)
                self._note(place, f"{cue.bearing:.0f}° of {anchor.name}")
        return best

    def best(
        self, by_base: list[tuple[float, int, tuple[Place, str, int]]]
    ) -> tuple[float, tuple[Place, str, int]]:
        """The option of `by_base` (best base score first, see `_Choices`) with the highest
        `score` (the first of equals), and its score, scoring only those whose context-free part
        (`base_score`) leaves them a chance against the best so far."""
        bound = (_NEAR_BONUS if self.others else 0.0) + (_BORDER_BONUS if self.across is not None else 0.0)
        best: tuple[float, int, tuple[Place, str, int]] | None = None
        for base, index, option in by_base:
            if best is not None and base + bound < best[0] - _SCORE_MARGIN:
                break
            score = self.score(*option)
            if best is None or score > best[0] or (score == best[0] and index < best[1]):
                best = (score, index, option)
        return best[0], best[2]

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

    def why(self, place: Place) -> tuple[str, ...]:
        return tuple(self.reasons.get(place.geonameid, ()))


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


def _hamlet(place: Place) -> bool:
    """Whether GeoNames counts the place's people, and fewer than `_HAMLET_POPULATION`."""
    return 0 < place.population < _HAMLET_POPULATION
