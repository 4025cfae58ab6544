"""Pairing system output with gold, as GOLD.md's Scoring section states it.

Events pair when the type agrees (or is one of gold's `event_type_alt`), the date ranges overlap
with one day of slack, and the place matches by name or lies within 100 km. Claims of a paired
event pair when kind, stance, victim and count range agree. Both pairings are one to one and
greedy, best candidate first.

Two readings that GOLD.md leaves open, fixed here:
- Gold victim "unknown" (the article does not say who died) matches any system victim: gold makes
  no statement a system could contradict; kind, stance and count must still agree. Among equally
  specific candidates a named victim is preferred to "unknown".
- Background system events are paired only after every news event has had its chance, so a
  history mention never takes a gold event away from the news event that reports it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from marsad.evaluation.gold import GoldClaim, GoldEvent
from marsad.evaluation.names import any_names_match
from marsad.schema import Claim, Event
from marsad.schema.acled import UNKNOWN_VICTIM

DATE_SLACK = dt.timedelta(days=1)
PLACE_RADIUS_KM = 100.0
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


# --- events ----------------------------------------------------------------------------------


def types_compatible(gold: GoldEvent, system: Event) -> bool:
    return system.event_type == gold.event_type or system.event_type in gold.event_type_alt


def dates_overlap(gold: GoldEvent, system: Event) -> bool:
    """Overlap of the two ranges with a day of slack; a system event with no date pairs nothing."""
    start = system.date_start or system.date_end
    end = system.date_end or system.date_start
    if start is None or end is None:
        return False
    return start <= gold.date_end + DATE_SLACK and gold.date_start <= end + DATE_SLACK


def place_name_matches(gold: GoldEvent, system: Event) -> bool:
    if gold.location is None or system.location is None:
        return False
    return any_names_match(gold.location.strings, (system.location.name, system.location.text))


def distance_km(gold: GoldEvent, system: Event) -> float | None:
    """Distance between the two points, or None when either lacks coordinates."""
    gold_place, system_place = gold.location, system.location
    if gold_place is None or system_place is None:
        return None
    coordinates = (gold_place.lat, gold_place.lon, system_place.lat, system_place.lon)
    if any(value is None for value in coordinates):
        return None
    return haversine_km(*coordinates)


# --- claims ----------------------------------------------------------------------------------


def is_exact(claim: GoldClaim) -> bool:
    """An exact figure (including "about N", which gold also writes N..N), not a vague word."""
    return claim.low is not None and claim.low == claim.high and claim.vague is None


def range_matches(gold: GoldClaim, system: Claim) -> bool:
    if gold.low is None and gold.high is None:
        return True
    if system.low is None and system.high is None:
        return False
    if is_exact(gold):
        return (system.low, system.high) == (gold.low, gold.high)
    return _overlap(gold.low, gold.high, system.low, system.high)


def _overlap(low1: int | None, high1: int | None, low2: int | None, high2: int | None) -> bool:
    # A missing low is 0 ("fewer than N"), a missing high is unbounded ("at least N").
    start1, end1 = low1 or 0, math.inf if high1 is None else high1
    start2, end2 = low2 or 0, math.inf if high2 is None else high2
    return start1 <= end2 and start2 <= end1


def same_figure(gold: GoldClaim, system: Claim) -> bool:
    return (system.low, system.high) == (gold.low, gold.high)


def victim_matches(
    gold_claim: GoldClaim, gold_event: GoldEvent, system_claim: Claim, system_event: Event
) -> bool:
    if gold_claim.victim == UNKNOWN_VICTIM:
        return True
    actor = gold_event.actor_named(gold_claim.victim)
    gold_strings = actor.strings if actor else (gold_claim.victim,)
    return any_names_match(gold_strings, _system_victim_strings(system_claim, system_event))


def _system_victim_strings(claim: Claim, event: Event) -> list[str]:
    """The victim's own strings plus those of the system actor it names."""
    strings = [claim.victim.name, claim.victim.text]
    for actor in event.actors:
        if actor.name == claim.victim.name:
            strings += [actor.name, actor.text]
    return strings


def source_matches(gold: GoldClaim, system: Claim) -> bool:
    if gold.source is None or system.source is None:
        return gold.source is None and system.source is None
    return any_names_match(gold.source.strings, (system.source.name, system.source.text))


def claims_compatible(
    gold_claim: GoldClaim, gold_event: GoldEvent, system_claim: Claim, system_event: Event
) -> bool:
    return (
        gold_claim.kind == system_claim.kind
        and gold_claim.stance == system_claim.stance
        and victim_matches(gold_claim, gold_event, system_claim, system_event)
        and range_matches(gold_claim, system_claim)
    )


@dataclass(frozen=True)
class ClaimPair:
    gold: int
    system: int
    source_matched: bool


def pair_claims(gold_event: GoldEvent, system_event: Event) -> tuple[ClaimPair, ...]:
    """One-to-one claim pairs, most specific first: source and figure, source, figure, the rest."""
    candidates = []
    sources: dict[tuple[int, int], bool] = {}
    for g, gold_claim in enumerate(gold_event.claims):
        for s, system_claim in enumerate(system_event.claims):
            if not claims_compatible(gold_claim, gold_event, system_claim, system_event):
                continue
            source = sources[g, s] = source_matches(gold_claim, system_claim)
            figure = same_figure(gold_claim, system_claim)
            specificity = (not (source and figure), not source, not figure)
            candidates.append(((specificity, gold_claim.victim == UNKNOWN_VICTIM, g, s), g, s))
    return tuple(ClaimPair(g, s, sources[g, s]) for g, s in _one_to_one(candidates))


# --- event pairing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EventPair:
    gold: int
    system: int
    place_by_name: bool
    distance_km: float | None
    claims: tuple[ClaimPair, ...]


def events_compatible(gold: GoldEvent, system: Event, place_by_name: bool, distance: float | None) -> bool:
    near = distance is not None and distance <= PLACE_RADIUS_KM
    return types_compatible(gold, system) and dates_overlap(gold, system) and (place_by_name or near)


def pair_events(gold_events: Sequence[GoldEvent], system_events: Sequence[Event]) -> tuple[EventPair, ...]:
    """One-to-one event pairs, best first: non-optional gold, place name matched, same sub-type,
    most claims in common, nearest (news system events before background ones, see the module)."""
    candidates: dict[tuple[int, int], EventPair] = {}
    keys = []
    for g, gold in enumerate(gold_events):
        for s, system in enumerate(system_events):
            by_name, distance = place_name_matches(gold, system), distance_km(gold, system)
            if not events_compatible(gold, system, by_name, distance):
                continue
            pair = EventPair(g, s, by_name, distance, pair_claims(gold, system))
            candidates[g, s] = pair
            key = (
                system.background,
                gold.optional,
                not by_name,
                system.sub_event_type != gold.sub_event_type,
                -len(pair.claims),
                math.inf if distance is None else distance,
                g,
                s,
            )
            keys.append((key, g, s))
    return tuple(candidates[g, s] for g, s in _one_to_one(keys))


def _one_to_one(candidates: list[tuple[tuple, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one choice: take candidates in key order while both sides are still free."""
    used_gold: set[int] = set()
    used_system: set[int] = set()
    chosen = []
    for _, g, s in sorted(candidates, key=lambda candidate: candidate[0]):
        if g not in used_gold and s not in used_system:
            used_gold.add(g)
            used_system.add(s)
            chosen.append((g, s))
    return chosen
