"""Which reports tell of the same event: a pure, order-independent clustering.

Two reports are *compatible* when they come from different articles, both are news (a background
event, history or a war's running toll, is never merged: its figures would swell a news event's),
share an event-type family (violence / demonstration / strategic), lie in the same country and
first-level region (admin1) where both name one, their date ranges overlap once widened by a slack
that grows with time imprecision, their places lie within a radius that grows with geo imprecision,
and their named armed actors are not disjoint. Clusters are built by complete linkage: pairs are taken
closest first (day gap, then distance, then ids) and two clusters join only if every report of one
is compatible with every report of the other. Complete linkage stops chains (daily strikes on the
same town stay separate events), and since the pair order depends only on the reports' content,
the clusters do not depend on the order the articles arrived in.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from itertools import combinations

from marsad.schema.acled import CIVILIANS, INTER_CIVILIANS, PROTESTERS, RIOTERS, UNIDENTIFIED

# ACLED time precision 1 day / 2 week / 3 month: how far apart two reports' dates may be.
SLACK_DAYS = {1: 1, 2: 4, 3: 16}
# ACLED geo precision 1 town / 2 near a town or part of a region / 3 region: how far apart places may be.
RADIUS_KM = {1: 25.0, 2: 60.0, 3: 200.0}
MAX_SLACK_DAYS = max(SLACK_DAYS.values())
MAX_RADIUS_KM = max(RADIUS_KM.values())
_EARTH_RADIUS_KM = 6371.0
# Actors that say nothing about who fought: a generic label is compatible with any named group.
_GENERIC_ACTOR_PREFIXES = (UNIDENTIFIED, CIVILIANS, PROTESTERS, RIOTERS)


@dataclass(frozen=True)
class ReportKey:
    """What merging needs to know about one report."""

    id: str
    document_id: str
    family: str
    date_start: object
    date_end: object
    time_precision: int
    lat: float | None
    lon: float | None
    geo_precision: int | None
    country: str | None
    admin1: str | None
    armed_actors: frozenset[str]
    background: bool = False


def armed_actors(actors: list[dict]) -> frozenset[str]:
    return frozenset(
        a["name"]
        for a in actors
        if a.get("inter") != INTER_CIVILIANS and not a["name"].startswith(_GENERIC_ACTOR_PREFIXES)
    )


def distance_km(a: ReportKey, b: ReportKey) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def day_gap(a: ReportKey, b: ReportKey) -> int:
    """Days between the two date ranges (0 when they overlap)."""
    return max(0, (b.date_start - a.date_end).days, (a.date_start - b.date_end).days)


def mergeable(report: ReportKey) -> bool:
    """A background report, or one without a date or coordinates, cannot be matched safely: it
    stays an event of its own."""
    return not report.background and None not in (
        report.date_start,
        report.date_end,
        report.lat,
        report.lon,
        report.geo_precision,
    )


def _differ(a: str | None, b: str | None) -> bool:
    return bool(a and b and a != b)


def compatible(a: ReportKey, b: ReportKey) -> bool:
    if a.document_id == b.document_id or a.family != b.family or not (mergeable(a) and mergeable(b)):
        return False
    if _differ(a.country, b.country) or _differ(a.admin1, b.admin1):
        return False
    if day_gap(a, b) > max(SLACK_DAYS[a.time_precision], SLACK_DAYS[b.time_precision]):
        return False
    if distance_km(a, b) > max(RADIUS_KM[a.geo_precision], RADIUS_KM[b.geo_precision]):
        return False
    return not (a.armed_actors and b.armed_actors and a.armed_actors.isdisjoint(b.armed_actors))


def clusters(reports: list[ReportKey]) -> list[list[str]]:
    """Report ids grouped by event, each group sorted, groups sorted by their first id."""
    by_id = {r.id: r for r in reports}
    group_of = {r.id: frozenset([r.id]) for r in reports}
    pairs = sorted(
        (day_gap(a, b), round(distance_km(a, b), 3), a.id, b.id)
        for a, b in combinations(sorted(reports, key=lambda r: r.id), 2)
        if compatible(a, b)
    )
    for _gap, _km, first, second in pairs:
        left, right = group_of[first], group_of[second]
        if left is right or not all(compatible(by_id[x], by_id[y]) for x in left for y in right):
            continue
        joined = left | right
        for member in joined:
            group_of[member] = joined
    return sorted(sorted(group) for group in set(group_of.values()))


def event_id(report_ids: list[str]) -> str:
    """A merged event's id, from the ids of its reports: the same reports always give the same id."""
    return "ev" + hashlib.sha256("\n".join(sorted(report_ids)).encode()).hexdigest()[:16]
