"""Reconciliation: one set of fatality figures from many killed claims.

UCDP's sense: `low` the lowest and `high` the highest credible estimate, `best` the most likely.
ACLED's figure is the lowest reported one, with vague words counted as ACLED's codebook says.
Claims name a victim side; a side's figure comes from its own claims, sides add up, and a claim
about all the dead ("unknown" victim) stands against that sum: the larger one wins.
"""

from __future__ import annotations

from collections import defaultdict
from statistics import median_low

from marsad.schema import Claim, Fatalities
from marsad.schema.acled import UNKNOWN_VICTIM

# ACLED codebook: "dozens" 12, "hundreds" 100, "thousands" 1000, "several/some" 3.
_ACLED_VAGUE = ((1000, 1000), (100, 100), (10, 12), (2, 3))


def _acled_value(claim: Claim) -> int | None:
    if claim.low is None:
        return None
    if claim.vague:
        for low, value in _ACLED_VAGUE:
            if claim.low >= low:
                return value
    return claim.low


def _point(claim: Claim) -> int | None:
    return claim.low if claim.low is not None else claim.high


def _upper(claim: Claim) -> int | None:
    return claim.high if claim.high is not None else claim.low


def _combine(groups: dict[str, list[Claim]], value, pick) -> int | None:
    sides = [
        pick(vs)
        for side, claims in groups.items()
        if side != UNKNOWN_VICTIM
        if (vs := [v for c in claims if (v := value(c)) is not None])
    ]
    totals = [v for c in groups.get(UNKNOWN_VICTIM, []) if (v := value(c)) is not None]
    candidates = ([sum(sides)] if sides else []) + ([pick(totals)] if totals else [])
    return max(candidates) if candidates else None


def reconcile(claims: list[Claim]) -> Fatalities:
    used = [i for i, c in enumerate(claims) if c.kind == "killed" and c.stance == "asserted"]
    if not used:
        return Fatalities(acled=0, rule="no asserted killed claim: 0 (ACLED: nothing said counts 0)")
    groups: dict[str, list[Claim]] = defaultdict(list)
    for i in used:
        groups[claims[i].victim.name].append(claims[i])
    low = _combine(groups, _point, min)
    best = _combine(groups, _point, median_low)
    high = _combine(groups, _upper, max)
    acled = _combine(groups, _acled_value, min) or 0
    rule = (
        "per victim side: low = lowest, best = median, high = highest reported figure, ACLED = lowest "
        "(vague: dozens 12, hundreds 100, several 3); sides summed; an all-victims total wins when larger; "
        "denied claims and other kinds are left out"
    )
    return Fatalities(low=low, best=best, high=high, acled=acled, rule=rule, claims=used)
