"""Choosing the place a mention means, and why (`Chooser.choose`, a `ChoiceTrace`).

Candidates of the mention and of its alternative readings are ranked by, in order: a distance
or direction the text gives ("150 كيلومترا جنوب غرب العاصمة", "X شمال Y"); the salience of the
candidate's country among the article's; then a score (`score._Judge.score`) of the population and
feature priors, Arabic-name evidence, the admin word before the name, nearness to the article's
other places and to a border the text names ("قرب الحدود الجزائرية"). A skeleton match needs a
hinted country, and an Arabic name outside the hinted countries a notable place or one near
the article's others. A capital's Arabic name ("باريس") means the capital over the lesser towns of
a hinted country, unless one of them seats a first-level area under that name. The trace says
which of these rules decided and what the context added.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from marsad.knowledge.gazetteer.places import (
    _MENTION_CACHE_LIMIT,
    HOW_ARABIC,
    HOW_SKELETON,
    Place,
    PlaceContext,
    PlaceMention,
)
from marsad.knowledge.gazetteer.score import _Judge, base_score
from marsad.knowledge.gazetteer.trace import (
    ALONE,
    BY_PRIOR,
    CAPITAL_NAME,
    FALLBACK,
    HINTED,
    NEEDS_HINT,
    NO_CANDIDATES,
    ChoiceTrace,
)
from marsad.knowledge.gazetteer.words import _lexicon


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
        capital = (
            _capital_named(options, by_country[top]) if top is not None and not judge.relations else None
        )
        if capital is not None:
            return capital, ChoiceTrace(*traced, CAPITAL_NAME, capital, HOW_ARABIC)
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


# A first-level seat keeps its name in its own country ("طرابلس" in a Lebanese report is Tripoli in
# Lebanon); a lesser town does not.
_SEATS = ("PPLC", "PPLA")


def _capital_named(options: list[tuple[Place, str, int]], hinted: list) -> Place | None:
    """A capital whose Arabic name the mention is, over the towns of the most salient hinted country
    that has candidates when none of them seats a first-level area under that Arabic name: "باريس"
    is Paris, not Paris in Texas nor, by its consonants, Isparta in Turkey."""
    capital = next((o[0] for o in options if o[0].feature_code == _SEATS[0] and o[1] == HOW_ARABIC), None)
    if capital is None or any(
        option[0].country == capital.country or (option[0].feature_code in _SEATS and option[1] == HOW_ARABIC)
        for _, _, option in hinted
    ):
        return None
    return capital


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
