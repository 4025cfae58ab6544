"""Loading gold files (`<id>.gold.json`, format in /work/shared/corpus/GOLD.md).

A gold file that cannot be read, does not fit the format, or points at a missing text file
becomes a `GoldArticle` carrying an `error` message, so one bad file never stops an evaluation.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from marsad.schema import ClaimKind, EventType, Stance, SubEventType

GOLD_SUFFIX = ".gold.json"
UNKNOWN_VICTIM = "unknown"


class _GoldModel(BaseModel):
    # Gold files carry annotator fields the scorer does not read (notes, evidence, inter ...).
    model_config = ConfigDict(extra="ignore", frozen=True)


class GoldNamed(_GoldModel):
    """A named thing in gold (source, actor, place): its name and its surface forms in the text."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def strings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class GoldActor(GoldNamed):
    inter: int | None = None


class GoldLocation(GoldNamed):
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None


class GoldClaim(_GoldModel):
    source: GoldNamed | None = None
    kind: ClaimKind
    victim: str = UNKNOWN_VICTIM
    low: int | None = None
    high: int | None = None
    vague: str | None = None
    approx: bool = False
    stance: Stance = "asserted"
    unverified: bool = False
    evidence: str | None = None


class GoldEvent(_GoldModel):
    id: str
    optional: bool = False
    event_type: EventType
    sub_event_type: SubEventType
    event_type_alt: tuple[EventType, ...] = ()
    date_start: dt.date
    date_end: dt.date
    time_precision: int | None = None
    country: str | None = None
    location: GoldLocation | None = None
    actors: tuple[GoldActor, ...] = ()
    claims: tuple[GoldClaim, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _single_day_by_default(cls, data: object) -> object:
        if isinstance(data, dict) and data.get("date_end") is None:
            return {**data, "date_end": data.get("date_start")}
        return data

    def actor_named(self, name: str) -> GoldActor | None:
        return next((actor for actor in self.actors if actor.name == name), None)


class _GoldFile(_GoldModel):
    id: str
    text: str
    published: dt.date | None = None
    events: tuple[GoldEvent, ...] = ()


@dataclass(frozen=True)
class GoldArticle:
    """One gold file: its events and the article text, or the error that kept it from loading."""

    id: str
    path: Path
    text: str = ""
    published: dt.date | None = None
    events: tuple[GoldEvent, ...] = field(default_factory=tuple)
    error: str | None = None


def load_gold(gold_dir: Path) -> list[GoldArticle]:
    """Every `*.gold.json` in `gold_dir`, sorted by id; a missing folder gives an empty list."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        return []
    articles = [load_gold_file(path) for path in folder.glob(f"*{GOLD_SUFFIX}")]
    return sorted(articles, key=lambda article: article.id)


def load_gold_file(path: Path) -> GoldArticle:
    fallback_id = path.name.removesuffix(GOLD_SUFFIX)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return GoldArticle(fallback_id, path, error=f"gold file {path} cannot be read as JSON: {exc}")
    try:
        gold = _GoldFile.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return GoldArticle(fallback_id, path, error=f"gold file {path} does not fit GOLD.md: {problems}")
    text_path = (path.parent / gold.text).resolve()
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return GoldArticle(gold.id, path, published=gold.published, events=gold.events,
                           error=f"article text {text_path} (named by {path.name}) cannot be read: {exc}")
    return GoldArticle(gold.id, path, text=text, published=gold.published, events=gold.events)
