"""One merged event from its reports: type, date, place, actors, and fatalities reconciled
across articles, each figure with the claims it rests on and the rule applied.

Claims are kept whole; what changes is which ones count. A source that revised its toll in a
later article (same source, kind and victim side) is superseded by its latest statement; both
stay listed, with their dates. Figures per victim side and in total come from the pipeline's
`reconcile` (UCDP low/best/high, ACLED's lowest credible figure), applied to the claims in force.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from marsad.pipeline.reconcile import reconcile
from marsad.schema import Claim, Party, Span
from marsad.schema.acled import ACLED_TAXONOMY, INTER_CIVILIANS, VIOLENCE_AGAINST_CIVILIANS

# "Differ materially": at least this many deaths apart, and this share of the higher figure.
DISPUTE_MIN_GAP = 2
DISPUTE_MIN_SHARE = 0.1
_TYPE_ORDER = {
    (t, s): (i, j) for i, (t, subs) in enumerate(ACLED_TAXONOMY.items()) for j, s in enumerate(subs)
}
SUPERSEDE_RULE = (
    "a source's earlier figure for the same kind and victim side is superseded by the one it gave in "
    "a later article (both are kept, with their dates)"
)


def build_event(event_id: str, reports: list[dict], claims: list[dict]) -> dict:
    """The `events` row (with `actor_names`) for one cluster; `claims` carry their report's
    document_id, published date and outlet."""
    news = [r for r in reports if not r["background"]] or reports
    event_type, sub_event_type = _event_type(news)
    # a background report's toll never counts in a news event (merging keeps them apart anyway)
    counted = {r["id"] for r in news}
    fatalities = reconcile_fatalities([c for c in claims if c["report_id"] in counted])
    place = _place(news)
    actors = _actors(news, event_type)
    published = [r["published"] for r in reports if r["published"] is not None]
    return {
        "id": event_id,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "family": news[0]["family"],
        **_dates(news),
        **place,
        "actors": json.dumps(actors, ensure_ascii=False, sort_keys=True),
        "fatalities": json.dumps(fatalities, ensure_ascii=False, sort_keys=True),
        "fatalities_low": fatalities["low"],
        "fatalities_best": fatalities["best"],
        "fatalities_high": fatalities["high"],
        "fatalities_acled": fatalities["acled"],
        "disputed": fatalities["disputed"],
        "spread": fatalities["spread"],
        "background": all(r["background"] for r in reports),
        "document_count": len({r["document_id"] for r in reports}),
        "last_published": max(published) if published else None,
        "crowd_size": _crowd_size(news),
        "actor_names": sorted({a["name"] for a in actors}),
    }


def _crowd_size(reports: list[dict]) -> str | None:
    """The crowd size most reports give (ties: the first report's)."""
    votes = Counter(r.get("crowd_size") for r in reports if r.get("crowd_size"))  # absent before step 6
    return max(votes, key=lambda size: votes[size]) if votes else None


def _event_type(reports: list[dict]) -> tuple[str, str]:
    """The type most reports give; ties go to the type higher in ACLED's hierarchy."""
    votes = Counter((r["event_type"], r["sub_event_type"]) for r in reports)
    return min(votes, key=lambda kind: (-votes[kind], _TYPE_ORDER[kind]))


def _dates(reports: list[dict]) -> dict:
    """The date range the most precise reports agree on most (ties: the earliest)."""
    dated = [r for r in reports if r["date_start"] is not None]
    if not dated:
        return {"date_start": None, "date_end": None, "time_precision": 3}
    precision = min(r["time_precision"] for r in dated)
    votes = Counter((r["date_start"], r["date_end"]) for r in dated if r["time_precision"] == precision)
    start, end = min(votes, key=lambda span: (-votes[span], span))
    return {"date_start": start, "date_end": end, "time_precision": precision}


_PLACE_FIELDS = ("location_name", "country", "admin1", "admin2", "lat", "lon", "geo_precision", "geonameid")


def _place(reports: list[dict]) -> dict:
    """The most precise place, the one most reports name among those (ties: by name)."""
    placed = [r for r in reports if r["location_name"] is not None]
    if not placed:
        return {name: None for name in _PLACE_FIELDS}
    precision = min(r["geo_precision"] for r in placed)
    best = [r for r in placed if r["geo_precision"] == precision]
    votes = Counter(r["location_name"] for r in best)
    name = min(votes, key=lambda n: (-votes[n], n))
    chosen = min((r for r in best if r["location_name"] == name), key=lambda r: r["id"])
    return {field: chosen[field] for field in _PLACE_FIELDS}


def _actors(reports: list[dict], event_type: str) -> list[dict]:
    """All actors named, most-cited first (then by first mention); in violence against civilians
    the victims go last, since ACLED puts them in actor2."""
    seen: dict[str, dict] = {}
    cited: Counter = Counter()
    first_position: dict[str, int] = {}
    for report in reports:
        for position, actor in enumerate(json.loads(report["actors"])):
            seen.setdefault(actor["name"], actor)
            cited[actor["name"]] += 1
            first_position[actor["name"]] = min(position, first_position.get(actor["name"], position))
    victims_last = event_type == VIOLENCE_AGAINST_CIVILIANS

    def rank(name: str):
        return (
            victims_last and seen[name]["inter"] == INTER_CIVILIANS,
            -cited[name],
            first_position[name],
            name,
        )

    return [{**seen[name], "reports": cited[name]} for name in sorted(seen, key=rank)]


def _source_key(claim: dict) -> str:
    """Who is speaking: the named source, else the outlet in its own voice, else the article."""
    if claim["source_name"]:
        return f"source:{claim['source_name']}"
    if claim["outlet"]:
        return f"outlet:{claim['outlet']}"
    return f"document:{claim['document_id']}"


def _superseded(claims: list[dict]) -> dict[str, str]:
    """claim id -> id of the later claim that supersedes it."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for claim in claims:
        groups[(_source_key(claim), claim["kind"], claim["victim_name"])].append(claim)
    superseded = {}
    for group in groups.values():
        dated = [c for c in group if c["published"] is not None]
        if not dated:
            continue
        latest_day = max(c["published"] for c in dated)
        latest = min((c for c in dated if c["published"] == latest_day), key=lambda c: c["id"])
        for claim in dated:
            if claim["published"] < latest_day:
                superseded[claim["id"]] = latest["id"]
    return superseded


def _as_claim(row: dict) -> Claim:
    return Claim(
        kind=row["kind"],
        low=row["low"],
        high=row["high"],
        vague=row["vague"],
        approx=row["approx"],
        victim=Party(name=row["victim_name"], text=row["victim_text"]),
        source=Party(name=row["source_name"], text=row["source_text"] or "") if row["source_name"] else None,
        stance=row["stance"],
        unverified=row["unverified"],
        evidence=Span(start=row["evidence_start"], end=row["evidence_end"], text=row["evidence_text"]),
    )


def _figures(rows: list[dict]) -> dict:
    result = reconcile([_as_claim(r) for r in rows])
    return {
        "low": result.low,
        "best": result.best,
        "high": result.high,
        "acled": result.acled,
        "claims": [rows[i]["id"] for i in result.claims],
        "rule": result.rule,
    }


def reconcile_fatalities(claims: list[dict]) -> dict:
    ordered = sorted(claims, key=lambda c: c["id"])
    superseded = _superseded(ordered)
    in_force = [c for c in ordered if c["id"] not in superseded]
    total = _figures(in_force)
    sides = defaultdict(list)
    for claim in in_force:
        if claim["kind"] == "killed":
            sides[claim["victim_name"]].append(claim)
    disputed, why = _dispute(in_force)
    spread = total["high"] - total["low"] if total["low"] is not None and total["high"] is not None else None
    return {
        **total,
        "rule": f"{total['rule']}; {SUPERSEDE_RULE}",
        "sides": {side: _without_rule(_figures(rows)) for side, rows in sorted(sides.items())},
        "superseded": [{"claim": old, "by": new} for old, new in sorted(superseded.items())],
        "disputed": disputed,
        "dispute": why,
        "spread": spread,
    }


def _without_rule(figures: dict) -> dict:
    return {k: v for k, v in figures.items() if k != "rule"}


def _dispute(claims: list[dict]) -> tuple[bool, str | None]:
    """Sources differ materially when, for one victim side, two sources' killed figures are
    DISPUTE_MIN_GAP apart and DISPUTE_MIN_SHARE of the higher, or one denies what another asserts."""
    by_side: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    denied = {c["victim_name"] for c in claims if c["kind"] == "killed" and c["stance"] == "denied"}
    for claim in claims:
        figure = claim["low"] if claim["low"] is not None else claim["high"]
        if claim["kind"] == "killed" and claim["stance"] == "asserted" and figure is not None:
            by_side[claim["victim_name"]][_source_key(claim)].append(figure)
    for side, sources in sorted(by_side.items()):
        if side in denied and any(f > 0 for figures in sources.values() for f in figures):
            return True, f"{side}: a source denies deaths another reports"
        if len(sources) < 2:
            continue
        points = [min(figures) for figures in sources.values()]
        gap = max(points) - min(points)
        if gap >= DISPUTE_MIN_GAP and gap >= DISPUTE_MIN_SHARE * max(points):
            return True, f"{side}: sources report {min(points)} to {max(points)} killed"
    return False, None
