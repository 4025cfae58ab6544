"""Is an event the article's news? A learned decision over what the rules found.

The rules propose events generously (every trigger with a place, a date or a figure); many of
those are history, context or figures of speech that the rules for background do not catch. A
small logistic model, trained on `gold/train` by `gold/train_newsworthiness.py`, weighs named
facts about each proposed event (how the text counts, dates and places it, who takes part, where
it stands in the article) and marks the ones unlikely to be news as background: they stay in
the output, with their claims, but count as context, not as news. The rule (keep every proposed
event) is the fallback when the model file is absent.

The model is data (`data/newsworthiness.json`: feature names, weights, threshold, the figures it
was kept on), loaded once; inference is a weighted sum, deterministic and dependency-free.
"""
from __future__ import annotations

import json
import math
from contextlib import contextmanager
from functools import lru_cache

from marsad.resources import data_path
from marsad.schema import EVENT_FAMILY, Event

MODEL_FILE = "newsworthiness.json"
_STATE, _REBELS, _MILITIA, _CIVILIANS = 1, 2, 3, 7
_RECENT_DAYS = 30
_HEADLINE_CHARS = 200
_enabled = True


def features(event: Event, events: list[Event], length: int, headline_end: int, published) -> dict[str, float]:
    """Named facts about one proposed event, each a number (most 0 or 1)."""
    claims = event.claims
    counted = [c for c in claims if c.low is not None]
    killed = max((c.low for c in counted if c.kind == "killed"), default=0)
    inters = {a.inter for a in event.actors}
    location = event.location
    days = (published - event.date_start).days if published and event.date_start else None
    found = {
        f"type={event.event_type}": 1.0,
        f"family={EVENT_FAMILY[event.event_type]}": 1.0,
        "claims": math.log1p(len(claims)),
        "claims_counted": math.log1p(len(counted)),
        "claims_sourced": float(any(c.source is not None for c in claims)),
        "killed_log": math.log1p(killed),
        "captured": float(any(c.kind == "captured" for c in claims)),
        "actors": math.log1p(len(event.actors)),
        "actor_state": float(_STATE in inters),
        "actor_armed": float(bool(inters & {_REBELS, _MILITIA})),
        "actor_civilians": float(_CIVILIANS in inters),
        "two_sides": float({a.side for a in event.actors if not a.associated} == {1, 2}),
        "place_none": float(location is None),
        f"place_precision={location.geo_precision if location else 0}": 1.0,
        "place_named": float(bool(location and location.text)),
        "date_none": float(event.date_start is None),
        f"time_precision={event.time_precision}": 1.0,
        "days_before": min(max(days, 0), _RECENT_DAYS) / _RECENT_DAYS if days is not None else 1.0,
        "multi_day": float(bool(event.date_start and event.date_end and event.date_end > event.date_start)),
        "in_headline": float(event.evidence.start < headline_end),
        "position": event.evidence.start / length if length else 0.0,
        "news_events": math.log1p(sum(not e.background for e in events)),
        "article_length": math.log1p(length) / 10,
    }
    return found


def mark_background(events: list[Event], text: str, published) -> list[Event]:
    """Events the model finds unlikely to be news become background (kept, with a trace)."""
    model = _model() if _enabled else None
    if model is None or not events:
        return events
    headline_end = min(text.find("\n") if "\n" in text else len(text), _HEADLINE_CHARS)
    judged = []
    for event in events:
        if not event.background and probability(model, features(event, events, len(text), headline_end,
                                                                 published)) < model["threshold"]:
            event = event.model_copy(update={"background": True})
        judged.append(event)
    return judged


def probability(model: dict, named: dict[str, float]) -> float:
    weights = model["weights"]
    score = model["intercept"] + sum(weights.get(name, 0.0) * value for name, value in named.items())
    return 1.0 / (1.0 + math.exp(-score))


@lru_cache(maxsize=1)
def _model() -> dict | None:
    path = data_path("marsad.pipeline", MODEL_FILE)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


@contextmanager
def disabled():
    """The rules alone (no learned decision): what the model is trained on and compared with."""
    global _enabled
    previous, _enabled = _enabled, False
    try:
        yield
    finally:
        _enabled = previous
