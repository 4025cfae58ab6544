"""Choosing the place a mention means, and why (`Chooser.choose`, a `ChoiceTrace`).

Candidates of the mention and of its alternative readings are ranked by, in order: a distance
or direction the text gives ("150 كيلومترا جنوب غرب العاصمة", "X شمال Y"); the salience of the
candidate's country among the article's; then a score (`_Judge.score`) of the population and
feature priors, Arabic-name evidence, the admin word before the name, nearness to the article's
other places and to a border the text names ("قرب الحدود الجزائرية"). A skeleton match needs a
hinted country, and an Arabic name outside the hinted countries a notable place or one near
the article's others. The trace says which of these rules decided and what the context added.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from marsad.knowledge.countries import by_iso3
from marsad.knowledge.gazetteer.places import (
    _MENTION_CACHE_LIMIT,
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
# After "محافظة"/"ولاية" an admin area named like its seat town is meant.
_ADMIN_WORD_BONUS = 4.0
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

# Which rule decided a choice (`ChoiceTrace.rule`), in the order `Chooser.choose` tries them.
NO_CANDIDATES = "no-candidates"  # the gazetteer has nothing under the words
HINTED = "hinted"  # the best candidate in the most salient hinted country that has one
FALLBACK = "fallback"  # none in a hinted country, but the name after the locative word has one
NEEDS_HINT = "needs-hint"  # none in a hinted country, and a skeleton match needs one
ALONE = "alone"  # none in a hinted country, and the Arabic names are of hamlets with nothing near
BY_PRIOR = "prior"  # no candidate in a hinted country: the best Arabic name by its score
CAPITAL = "capital"  # "في العاصمة العراقية": the capital of the country named, no name looked up


@dataclass(frozen=True)
class ChoiceTrace:
    """Why `Chooser.choose` picked a place, or none; `str()` gives it as one line."""

    mention: str  # the mention's text
    how: str  # its evidence: "arabic-name" or "skeleton:<key>"
    candidates: int  # the options among the mention and its alternative readings
    hints: tuple[str, ...]  # the article's countries (ISO3), most salient first
    rule: str  # which rule decided: NO_CANDIDATES, HINTED, FALLBACK, NEEDS_HINT, ALONE or BY_PRIOR
    place: Place | None = None
    evidence: str | None = None  # the kind of evidence of the pick: HOW_ARABIC or HOW_SKELETON
    score: float | None = None  # the pick's score (`_Judge.score`)
    reasons: tuple[str, ...] = ()  # what the context said for the pick: a distance, a border...
    fallback: ChoiceTrace | None = None  # the fallback reading's choice (FALLBACK)

    def __str__(self) -> str:
        if self.rule == NO_CANDIDATES:
            return f"{self.mention}: no candidates"
        if self.rule == CAPITAL:
            return f"{self.mention}: the capital of {self.place.country}: {_describe(self.place)}"
        if self.rule == FALLBACK:
            return f"{self.mention}: none in {', '.join(self.hints)}; {self.fallback}"
        counted = f"{self.mention} ({self.how}): {self.candidates} candidates"
        why = f" ({'; '.join(self.reasons)})" if self.reasons else ""
        if self.rule == HINTED:
            return (
                f"{counted}; in hinted {self.place.country} by {self.evidence}{why}: {_describe(self.place)}"
            )
        where = f"none in {', '.join(self.hints)}" if self.hints else "no country hints"
        if self.rule == NEEDS_HINT:
            return f"{counted}; {where}, and a skeleton match needs one"
        if self.rule == ALONE:
            return f"{counted}; {where}, and no notable place nor one near the article's places"
        return f"{counted}; {where}; best by prior{why}: {_describe(self.place)}"


class Chooser:
    """Chooses the place each mention means (`choose`), with the article's other places as
    context (`context`); remembers the choices made without context."""

    def __init__(self, capital: Callable[[str], Place | None]):
        self._capital = capital  # a country's capital, for "العاصمة" in a distance
        self._alone: dict[tuple, tuple] = {}  # see _choose_alone

    def choose(
        self, mention: PlaceMention, countries: list[str], context: PlaceContext | None = None
    ) -> tuple[Place | None, ChoiceTrace]:
        """The place a mention most likely means, given the article's countries (ISO3, most
        salient first) and optionally its `PlaceContext`, and the trace of why (the rules and
        their order are in this module's docstring)."""
        hints = [country for country in countries or [] if isinstance(country, str)]
        choices = mention.choices
        options = choices.options
        traced = (mention.text, mention.how, len(options), tuple(hints))
        if not options:
            return None, ChoiceTrace(*traced, NO_CANDIDATES)
        judge = _Judge(self._capital, mention, context if isinstance(context, PlaceContext) else None)
        # The first hint with a candidate is the most salient country that has one.
        by_country = {
            country: supported
            for country in hints
            if (supported := [t for t in choices.by_country.get(country, ()) if judge.supported(*t[2][:2])])
        }
        top = next((country for country in hints if country in by_country), None)
        if top is not None and not any(
            option[1] == HOW_ARABIC or option[0].notable for _, _, option in by_country[top]
        ):
            # A notable place the name is in Arabic, in another country of the article, before
            # lesser places that only share its consonants ("عفرين": Afrin in Syria, not the
            # Turkish district seat Evren; "ويندسور" in a British story is still Windsor there).
            top = next(
                (
                    country
                    for country in hints
                    if any(
                        option[1] == HOW_ARABIC and option[0].notable
                        for _, _, option in by_country.get(country, ())
                    )
                ),
                top,
            )
        if top is None:
            fallback = next(
                (m for m in mention.fallbacks if any(c in m.choices.by_country for c in hints)), None
            )
            if fallback is not None:
                place, trace = self.choose(fallback, countries, context)
                return place, ChoiceTrace(*traced, FALLBACK, place, fallback=trace)
        else:
            if judge.relations:
                salience = {country: hints.index(country) for country in hints}
                hinted = [
                    option
                    for option in options
                    if option[0].country in salience and judge.supported(*option[:2])
                ]
                keyed = [
                    ((-judge.cue_fit(o[0]), salience[o[0].country], -judge.score(*o)), o) for o in hinted
                ]
                key, (pick, evidence, _) = min(keyed, key=lambda pair: pair[0])  # the first of equals
                score = -key[2]
            else:  # no distance or direction: the most salient country, then the best score
                score, (pick, evidence, _) = judge.best(by_country[top])
            return pick, ChoiceTrace(*traced, HINTED, pick, evidence, score, judge.why(pick))
        if not choices.arabic:
            return None, ChoiceTrace(*traced, NEEDS_HINT)
        arabic = [triple for triple in choices.arabic if judge.stands_alone(triple[2][0])]
        if not arabic:
            return None, ChoiceTrace(*traced, ALONE)
        if judge.relations:
            standing = [
                option for option in options if option[1] == HOW_ARABIC and judge.stands_alone(option[0])
            ]
            keyed = [((judge.cue_fit(o[0]), judge.score(*o)), o) for o in standing]
            key, (pick, evidence, _) = max(keyed, key=lambda pair: pair[0])  # the first of equals
            score = key[1]
        else:
            score, (pick, evidence, _) = judge.best(arabic)
        return pick, ChoiceTrace(*traced, BY_PRIOR, pick, evidence, score, judge.why(pick))

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


@dataclass(frozen=True)
class _Choices:
    """A mention's options, and the (base score, position, option) triples best base first: all
    of them, per candidate country, and those with Arabic-name evidence."""

    options: list[tuple[Place, str, int]]
    by_base: list[tuple[float, int, tuple[Place, str, int]]]
    by_country: dict[str, list[tuple[float, int, tuple[Place, str, int]]]]
    arabic: list[tuple[float, int, tuple[Place, str, int]]]


# Keyed by the identity of the mention's candidate, evidence and agreement tuples (which
# `_MentionMaker._mention` shares between mentions of the same words); each entry holds the keyed
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
    choices = _Choices(
        options, by_base, by_country, [triple for triple in by_base if triple[2][1] == HOW_ARABIC]
    )
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
        evidence = (
            reading.evidence
            if len(reading.evidence) == count
            else [reading.evidence_of(i) for i in range(count)]
        )
        agreement = (
            reading.agreement
            if len(reading.agreement) == count
            else [reading.agreement_of(i) for i in range(count)]
        )
        for place, how, score in zip(reading.candidates, evidence, agreement):
            if place.geonameid not in seen:
                seen.add(place.geonameid)
                options.append((place, HOW_ARABIC if how == HOW_ARABIC else HOW_SKELETON, score))
    return options


def _hamlet(place: Place) -> bool:
    """Whether GeoNames counts the place's people, and fewer than `_HAMLET_POPULATION`."""
    return 0 < place.population < _HAMLET_POPULATION


def _describe(place: Place) -> str:
    return (
        f"{place.name} {place.feature_code} pop {place.population} {place.country} "
        f"(geonameid {place.geonameid})"
    )
