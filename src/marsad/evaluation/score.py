"""Scoring extraction output against gold articles (GOLD.md, Scoring) and the resulting metrics.

What counts (GOLD.md, plus the choices it leaves open, made consistently):
- A pair counts when its gold event is not optional and its system event is not background.
  Counted pairs are true positives; every metric "on paired events" is taken over them.
- Non-optional gold events without a counted pair are false negatives; news system events that
  pair nothing are false positives. Optional gold events and background system events, paired or
  not, count neither way.
- Claims follow their events: on counted pairs, paired claims are true positives and the rest
  false positives / negatives; claims of missed gold events are false negatives, claims of
  spurious system events false positives; claims of events that count neither way are not counted.
- An article whose extraction raised is scored as if the system returned nothing (its gold events
  are missed), so a crash never improves a score. A gold file that cannot be loaded is not scored.
- "Within 50 km" is a share of all counted pairs (a pair without coordinates is not within);
  the median is over the counted pairs that have coordinates on both sides.
- Scored for one ACLED family (`family`: violence, demonstration, strategic), only the gold and
  system events whose main type is of that family are kept, before pairing: "how well are protests
  and riots found", as issue reports ask, on the same rules.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from pathlib import Path
from typing import Literal

from marsad.evaluation.gold import DEFAULT_ARCHIVE, GoldArticle, GoldClaim, GoldEvent, load_gold
from marsad.evaluation.names import any_names_match
from marsad.evaluation.pairing import EventPair, pair_events
from marsad.evaluation.report import report_json
from marsad.schema import Claim, Event, Extraction
from marsad.schema.acled import EVENT_FAMILY

NEAR_KM = 50.0

Extractor = Callable[[str, dt.date | None], Extraction]


@dataclass(frozen=True)
class ArticleError:
    article_id: str
    stage: Literal["gold", "extract"]
    message: str


@dataclass(frozen=True)
class Tally:
    """Additive counts behind every metric."""

    event_tp: int = 0
    event_fp: int = 0
    event_fn: int = 0
    claim_tp: int = 0
    claim_fp: int = 0
    claim_fn: int = 0
    sub_type_correct: int = 0
    start_date_correct: int = 0
    near: int = 0
    actors_found: int = 0
    actors_total: int = 0
    actors_right: int = 0
    actors_given: int = 0
    sources_correct: int = 0
    distances_km: tuple[float, ...] = ()

    def __add__(self, other: Tally) -> Tally:
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})


@dataclass(frozen=True)
class Share:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        return Share(self.tp, self.tp + self.fp).value

    @property
    def recall(self) -> float | None:
        return Share(self.tp, self.tp + self.fn).value

    @property
    def f1(self) -> float | None:
        return Share(2 * self.tp, 2 * self.tp + self.fp + self.fn).value


@dataclass(frozen=True)
class ArticleScore:
    """One article: gold, system output, the pairs made, and what was missed or spurious."""

    article: GoldArticle
    system_events: tuple[Event, ...] = ()
    pairs: tuple[EventPair, ...] = ()
    error: ArticleError | None = None

    @property
    def scored(self) -> bool:
        """False for a gold file that could not be loaded or was skipped: nothing of it is counted."""
        return self.article.skipped is None and (self.error is None or self.error.stage != "gold")

    @cached_property
    def counted_pairs(self) -> tuple[EventPair, ...]:
        return tuple(
            pair
            for pair in self.pairs
            if not self.article.events[pair.gold].optional and not self.system_events[pair.system].background
        )

    @cached_property
    def missed_events(self) -> tuple[GoldEvent, ...]:
        counted = {pair.gold for pair in self.counted_pairs}
        return tuple(
            event for g, event in enumerate(self.article.events) if not event.optional and g not in counted
        )

    @cached_property
    def spurious_events(self) -> tuple[Event, ...]:
        paired = {pair.system for pair in self.pairs}
        return tuple(
            event for s, event in enumerate(self.system_events) if not event.background and s not in paired
        )

    @cached_property
    def missed_claims(self) -> tuple[tuple[GoldEvent, GoldClaim], ...]:
        """Unpaired gold claims of counted pairs (claims of missed events go with the event)."""
        missed = []
        for pair in self.counted_pairs:
            gold = self.article.events[pair.gold]
            paired = {claim.gold for claim in pair.claims}
            missed += [(gold, claim) for c, claim in enumerate(gold.claims) if c not in paired]
        return tuple(missed)

    @cached_property
    def spurious_claims(self) -> tuple[tuple[Event, Claim], ...]:
        """Unpaired system claims of counted pairs (claims of spurious events go with the event)."""
        spurious = []
        for pair in self.counted_pairs:
            system = self.system_events[pair.system]
            paired = {claim.system for claim in pair.claims}
            spurious += [(system, claim) for c, claim in enumerate(system.claims) if c not in paired]
        return tuple(spurious)

    @cached_property
    def wrong_sources(self) -> tuple[tuple[GoldEvent, GoldClaim, Event, Claim], ...]:
        wrong = []
        for pair in self.counted_pairs:
            gold, system = self.article.events[pair.gold], self.system_events[pair.system]
            wrong += [
                (gold, gold.claims[claim.gold], system, system.claims[claim.system])
                for claim in pair.claims
                if not claim.source_matched
            ]
        return tuple(wrong)

    @cached_property
    def tally(self) -> Tally:
        if not self.scored:
            return Tally()
        pair_tallies = [self._pair_tally(pair) for pair in self.counted_pairs]
        return sum(
            pair_tallies,
            Tally(
                event_fp=len(self.spurious_events),
                event_fn=len(self.missed_events),
                claim_fp=sum(len(event.claims) for event in self.spurious_events),
                claim_fn=sum(len(event.claims) for event in self.missed_events),
            ),
        )

    def _pair_tally(self, pair: EventPair) -> Tally:
        gold, system = self.article.events[pair.gold], self.system_events[pair.system]
        system_actor_strings = [text for actor in system.actors for text in (actor.name, actor.text)]
        gold_actor_strings = [text for actor in gold.actors for text in actor.strings]
        paired_claims = len(pair.claims)
        return Tally(
            event_tp=1,
            claim_tp=paired_claims,
            claim_fp=len(system.claims) - paired_claims,
            claim_fn=len(gold.claims) - paired_claims,
            sub_type_correct=int(_same_sub_type(gold, system)),
            start_date_correct=int(system.date_start == gold.date_start),
            near=int(pair.distance_km is not None and pair.distance_km <= NEAR_KM),
            actors_found=sum(any_names_match(actor.strings, system_actor_strings) for actor in gold.actors),
            actors_total=len(gold.actors),
            actors_right=sum(
                any_names_match((actor.name, actor.text), gold_actor_strings) for actor in system.actors
            ),
            actors_given=len(system.actors),
            sources_correct=sum(claim.source_matched for claim in pair.claims),
            distances_km=() if pair.distance_km is None else (pair.distance_km,),
        )


def _same_sub_type(gold: GoldEvent, system: Event) -> bool:
    # GOLD.md: sub-type accuracy counts against the main type, even when an alternative type paired.
    return system.event_type == gold.event_type and system.sub_event_type == gold.sub_event_type


@dataclass(frozen=True)
class Counts:
    articles: int
    errors: int
    skipped: int
    gold_events: int
    gold_events_optional: int
    system_events: int
    system_events_background: int


@dataclass(frozen=True)
class Metrics:
    events: PRF
    sub_type: Share
    start_date: Share
    median_km: float | None
    located: int
    within_50km: Share
    actor_recall: Share
    actor_precision: Share
    claims: PRF
    attribution: Share

    @classmethod
    def from_tally(cls, tally: Tally) -> Metrics:
        pairs = tally.event_tp
        return cls(
            events=PRF(tally.event_tp, tally.event_fp, tally.event_fn),
            sub_type=Share(tally.sub_type_correct, pairs),
            start_date=Share(tally.start_date_correct, pairs),
            median_km=statistics.median(tally.distances_km) if tally.distances_km else None,
            located=len(tally.distances_km),
            within_50km=Share(tally.near, pairs),
            actor_recall=Share(tally.actors_found, tally.actors_total),
            actor_precision=Share(tally.actors_right, tally.actors_given),
            claims=PRF(tally.claim_tp, tally.claim_fp, tally.claim_fn),
            attribution=Share(tally.sources_correct, tally.claim_tp),
        )


@dataclass(frozen=True)
class EvalReport:
    articles: tuple[ArticleScore, ...] = field(default_factory=tuple)

    @cached_property
    def tally(self) -> Tally:
        return sum((article.tally for article in self.articles), Tally())

    @cached_property
    def metrics(self) -> Metrics:
        return Metrics.from_tally(self.tally)

    @property
    def errors(self) -> tuple[ArticleError, ...]:
        return tuple(article.error for article in self.articles if article.error is not None)

    @property
    def counts(self) -> Counts:
        scored = [article for article in self.articles if article.scored]
        gold_events = [event for article in scored for event in article.article.events]
        system_events = [event for article in scored for event in article.system_events]
        return Counts(
            articles=len(self.articles),
            errors=len(self.errors),
            skipped=sum(article.article.skipped is not None for article in self.articles),
            gold_events=sum(not event.optional for event in gold_events),
            gold_events_optional=sum(event.optional for event in gold_events),
            system_events=len(system_events),
            system_events_background=sum(event.background for event in system_events),
        )

    def to_json(self, per_article: bool = True) -> dict:
        return report_json(self, per_article)


def score_article(article: GoldArticle, extract: Extractor, family: str | None = None) -> ArticleScore:
    if family is not None:
        kept = tuple(event for event in article.events if EVENT_FAMILY[event.event_type] == family)
        article = replace(article, events=kept)
    if article.skipped is not None:
        return ArticleScore(article)
    if article.error is not None:
        return ArticleScore(article, error=ArticleError(article.id, "gold", article.error))
    try:
        extraction = _as_extraction(extract(article.text, article.published))
    except Exception as exc:  # any failure of the system under test is a record, never a crash
        message = f"extraction failed: {type(exc).__name__}: {exc}"
        return ArticleScore(article, error=ArticleError(article.id, "extract", message))
    events = tuple(e for e in extraction.events if family is None or EVENT_FAMILY[e.event_type] == family)
    return ArticleScore(article, events, pair_events(article.events, events))


def _as_extraction(output: object) -> Extraction:
    if isinstance(output, Extraction):
        return output
    return Extraction.model_validate(output)


def score_articles(gold: Sequence[GoldArticle], extract: Extractor, family: str | None = None) -> EvalReport:
    return EvalReport(tuple(score_article(article, extract, family) for article in gold))


def evaluate(
    gold_dir: Path, extract: Extractor, archive: Path = DEFAULT_ARCHIVE, family: str | None = None
) -> EvalReport:
    return score_articles(load_gold(gold_dir, archive), extract, family)
