"""Rendering an evaluation: the terminal table with its per-article misses, and the JSON form."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # score builds the report and imports this module to render it
    from marsad.evaluation.gold import GoldClaim, GoldEvent
    from marsad.evaluation.score import PRF, ArticleScore, EvalReport, Share
    from marsad.schema import Claim, Event

DIGITS = 4


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


def _share_json(share: Share) -> dict:
    return {"value": _number(share.value), "hits": share.hits, "total": share.total}


def _prf_json(prf: PRF) -> dict:
    return {
        "tp": prf.tp,
        "fp": prf.fp,
        "fn": prf.fn,
        "precision": _number(prf.precision),
        "recall": _number(prf.recall),
        "f1": _number(prf.f1),
    }


def metrics_json(report: EvalReport) -> dict:
    metrics = report.metrics
    return {
        "events": _prf_json(metrics.events),
        "sub_type_accuracy": _share_json(metrics.sub_type),
        "start_date_accuracy": _share_json(metrics.start_date),
        "location": {
            "median_km": _number(metrics.median_km),
            "pairs_with_coordinates": metrics.located,
            "within_50km": _share_json(metrics.within_50km),
        },
        "actor_recall": _share_json(metrics.actor_recall),
        "actor_precision": _share_json(metrics.actor_precision),
        "claims": _prf_json(metrics.claims),
        "attribution_accuracy": _share_json(metrics.attribution),
    }


def report_json(report: EvalReport, per_article: bool = True) -> dict:
    return {
        "counts": asdict(report.counts),
        "metrics": metrics_json(report),
        "articles": [article_json(article) for article in report.articles] if per_article else [],
        "errors": [asdict(error) for error in report.errors],
    }


def _gold_event_json(event: GoldEvent) -> dict:
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": event.date_start.isoformat(),
        "date_end": event.date_end.isoformat(),
        "location": event.location.name if event.location else None,
        "claims": len(event.claims),
    }


def _system_event_json(event: Event) -> dict:
    return {
        "id": event.id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": _iso(event.date_start),
        "date_end": _iso(event.date_end),
        "location": event.location.text if event.location else None,
        "claims": len(event.claims),
    }


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _gold_claim_json(event: GoldEvent, claim: GoldClaim) -> dict:
    return {
        "event": event.id,
        "kind": claim.kind,
        "stance": claim.stance,
        "victim": claim.victim,
        "low": claim.low,
        "high": claim.high,
        "vague": claim.vague,
        "source": claim.source.name if claim.source else None,
    }


def _system_claim_json(event: Event, claim: Claim) -> dict:
    return {
        "event": event.id,
        "kind": claim.kind,
        "stance": claim.stance,
        "victim": claim.victim.text,
        "low": claim.low,
        "high": claim.high,
        "vague": claim.vague,
        "source": claim.source.text if claim.source else None,
        "evidence": claim.evidence.text,
    }


def article_json(article: ArticleScore) -> dict:
    tally = article.tally
    gold_events, system_events = article.article.events, article.system_events
    counted = set(article.counted_pairs)
    return {
        "id": article.article.id,
        "error": article.error.message if article.error else None,
        "events": {"tp": tally.event_tp, "fp": tally.event_fp, "fn": tally.event_fn},
        "claims": {"tp": tally.claim_tp, "fp": tally.claim_fp, "fn": tally.claim_fn},
        "pairs": [
            {
                "gold": gold_events[pair.gold].id,
                "system": system_events[pair.system].id,
                "counted": pair in counted,
                "place_by_name": pair.place_by_name,
                "distance_km": _number(pair.distance_km),
                "claims": [
                    {"gold": claim.gold, "system": claim.system, "source_match": claim.source_matched}
                    for claim in pair.claims
                ],
            }
            for pair in article.pairs
        ],
        "missed_events": [_gold_event_json(event) for event in article.missed_events],
        "spurious_events": [_system_event_json(event) for event in article.spurious_events],
        "missed_claims": [_gold_claim_json(*item) for item in article.missed_claims],
        "spurious_claims": [_system_claim_json(*item) for item in article.spurious_claims],
        "wrong_sources": [
            {
                "gold": _gold_claim_json(gold_event, gold_claim),
                "system": _system_claim_json(system_event, claim),
            }
            for gold_event, gold_claim, system_event, claim in article.wrong_sources
        ],
    }


# --- table ---------------------------------------------------------------------------------------


def _value(value: float | None, unit: str = "") -> str:
    return "n/a" if value is None else f"{value:.2f}{unit}"


def _share_row(label: str, share: Share) -> str:
    return f"{label:<24}{_value(share.value):>8}   {share.hits}/{share.total}"


def _prf_row(label: str, prf: PRF) -> str:
    scores = " / ".join(_value(value) for value in (prf.precision, prf.recall, prf.f1))
    return f"{label:<24}{scores:>20}   tp {prf.tp}  fp {prf.fp}  fn {prf.fn}"


def summary_table(report: EvalReport) -> list[str]:
    counts, metrics = report.counts, report.metrics
    return [
        f"articles {counts.articles} ({counts.errors} with errors, {counts.skipped} skipped)"
        f" · gold events {counts.gold_events}"
        f" (+{counts.gold_events_optional} optional) · system events {counts.system_events}"
        f" ({counts.system_events_background} background)",
        "",
        _prf_row("events P / R / F1", metrics.events),
        _share_row("sub-type accuracy", metrics.sub_type),
        _share_row("start-date accuracy", metrics.start_date),
        f"{'median location error':<24}{_value(metrics.median_km, ' km'):>8}   "
        f"{metrics.located} pairs with coordinates",
        _share_row("within 50 km", metrics.within_50km),
        _share_row("actor recall", metrics.actor_recall),
        _share_row("actor precision", metrics.actor_precision),
        _prf_row("claims P / R / F1", metrics.claims),
        _share_row("attribution accuracy", metrics.attribution),
    ]


def _range(low: int | None, high: int | None, vague: str | None) -> str:
    if low is None and high is None:
        figure = "no number"
    elif high is None:
        figure = f"{low}+"
    elif low == high:
        figure = str(low)
    else:
        figure = f"{low or 0}-{high}"
    return f"{figure} ({vague})" if vague else figure


def _gold_claim_text(event: GoldEvent, claim: GoldClaim) -> str:
    source = claim.source.name if claim.source else "article's voice"
    stance = " denied" if claim.stance == "denied" else ""
    return (
        f"{event.id} {claim.kind}{stance} {_range(claim.low, claim.high, claim.vague)}"
        f" victim {claim.victim} · source {source}"
    )


def _system_claim_text(event: Event, claim: Claim) -> str:
    source = f"«{claim.source.text}»" if claim.source else "article's voice"
    stance = " denied" if claim.stance == "denied" else ""
    return (
        f"{event.id} {claim.kind}{stance} {_range(claim.low, claim.high, claim.vague)}"
        f" victim «{claim.victim.text}» · source {source}"
    )


def _gold_event_text(event: GoldEvent) -> str:
    place = event.location.name if event.location else "no place"
    return (
        f"{event.id} {event.event_type} / {event.sub_event_type} {event.date_start}..{event.date_end}"
        f" {place} ({len(event.claims)} claims)"
    )


def _system_event_text(event: Event) -> str:
    place = f"«{event.location.text}»" if event.location else "no place"
    return (
        f"{event.id} {event.event_type} / {event.sub_event_type} {event.date_start}..{event.date_end}"
        f" {place} ({len(event.claims)} claims)"
    )


def article_lines(article: ArticleScore) -> list[str]:
    tally = article.tally
    header = (
        f"{article.article.id}: events tp {tally.event_tp} fp {tally.event_fp} fn {tally.event_fn}"
        f" · claims tp {tally.claim_tp} fp {tally.claim_fp} fn {tally.claim_fn}"
    )
    lines = [header]
    if article.error:
        lines.append(f"  error ({article.error.stage}): {article.error.message}")
    lines += [f"  missed event    {_gold_event_text(event)}" for event in article.missed_events]
    lines += [f"  spurious event  {_system_event_text(event)}" for event in article.spurious_events]
    lines += [f"  missed claim    {_gold_claim_text(*item)}" for item in article.missed_claims]
    lines += [f"  spurious claim  {_system_claim_text(*item)}" for item in article.spurious_claims]
    lines += [
        f"  wrong source    {_gold_claim_text(gold_event, gold_claim)}"
        f" ← system {_system_claim_text(system_event, claim)}"
        for gold_event, gold_claim, system_event, claim in article.wrong_sources
    ]
    return lines


def format_table(report: EvalReport, per_article: bool = True) -> str:
    lines = summary_table(report)
    skipped = next((article.article.skipped for article in report.articles if article.article.skipped), None)
    if skipped:
        lines += ["", f"skipped: {skipped}"]
    for article in report.articles if per_article else ():
        lines += ["", *article_lines(article)]
    return "\n".join(lines)
