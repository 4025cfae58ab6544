"""Loading gold files (`<id>.gold.json`, format in /work/shared/corpus/GOLD.md).

A gold file that cannot be read, does not fit the format, or points at a missing text file
becomes a `GoldArticle` carrying an `error` message, so one bad file never stops an evaluation.
A gold file whose text is `"archive:<id>"` reads it from the news archive; where the archive is
absent the article is `skipped` (said, not scored), so a checkout without ../shared still runs.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from marsad.errors import GoldArchiveError
from marsad.schema import ClaimKind, EventType, Stance, SubEventType
from marsad.schema.acled import UNKNOWN_VICTIM

GOLD_SUFFIX = ".gold.json"
ARCHIVE_PREFIX = "archive:"
# Where `marsad eval` finds archive texts unless told: the shared archive beside the checkout.
DEFAULT_ARCHIVE = Path("../shared/data/news-archive/news.jsonl.gz")
# A folder holding this file is scored in aggregate only (a held-out test split): no per-article lines.
AGGREGATE_ONLY_MARKER = ".aggregate-only"


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


class GoldSpan(_GoldModel):
    """Evidence given as character offsets into the article's text (required for archive texts)."""

    start: int
    end: int


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
    evidence: str | GoldSpan | None = None


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
    skipped: str | None = None


def load_gold(gold_dir: Path, archive: Path = DEFAULT_ARCHIVE) -> list[GoldArticle]:
    """Every `*.gold.json` in `gold_dir`, sorted by id; a missing folder gives an empty list."""
    folder = Path(gold_dir)
    if not folder.is_dir():
        return []
    articles = [load_gold_file(path) for path in folder.glob(f"*{GOLD_SUFFIX}")]
    articles = _with_archive_texts(articles, Path(archive))
    return sorted(articles, key=lambda article: article.id)


def aggregate_only(gold_dir: Path) -> bool:
    return (Path(gold_dir) / AGGREGATE_ONLY_MARKER).exists()


def _with_archive_texts(articles: list[GoldArticle], archive: Path) -> list[GoldArticle]:
    wanted = {article.text.removeprefix(ARCHIVE_PREFIX) for article in articles if _from_archive(article)}
    if not wanted:
        return articles
    texts = read_archive(archive, wanted)
    return [
        _fill_text(article, texts, archive) if _from_archive(article) else article for article in articles
    ]


def _from_archive(article: GoldArticle) -> bool:
    return article.error is None and article.text.startswith(ARCHIVE_PREFIX)


def _fill_text(article: GoldArticle, texts: dict[str, str] | None, archive: Path) -> GoldArticle:
    archive_id = article.text.removeprefix(ARCHIVE_PREFIX)
    if texts is None:
        return replace(article, text="", skipped=f"the news archive {archive} is absent; give --archive PATH")
    if archive_id not in texts:
        return replace(article, text="", error=f"archive article {archive_id!r} is not in {archive}")
    return replace(article, text=texts[archive_id])


def read_archive(archive: Path, ids: set[str]) -> dict[str, str] | None:
    """The texts of `ids` in a news archive (JSON lines, gzipped or not); None when it is absent."""
    try:
        opened = (
            gzip.open(archive, "rt", encoding="utf-8")
            if archive.suffix == ".gz"
            else archive.open(encoding="utf-8")
        )
        with opened as lines:
            rows = (json.loads(line) for line in lines if _line_id(line) in ids)
            return {row["id"]: row["text"] for row in rows}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as exc:
        raise GoldArchiveError(
            f"the news archive {archive} cannot be read ({exc}); "
            "give --archive PATH to a JSON-lines file of id/text objects"
        ) from exc


_ID_OPENING = '{"id": "'


def _line_id(line: str) -> str | None:
    # Parsing every line of a 60,000-article archive costs seconds; its lines open with the id.
    if line.startswith(_ID_OPENING):
        return line[len(_ID_OPENING) : line.find('"', len(_ID_OPENING))]
    return json.loads(line).get("id") if line.strip() else None


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
    if gold.text.startswith(ARCHIVE_PREFIX):
        return GoldArticle(gold.id, path, text=gold.text, published=gold.published, events=gold.events)
    text_path = (path.parent / gold.text).resolve()
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return GoldArticle(
            gold.id,
            path,
            published=gold.published,
            events=gold.events,
            error=f"article text {text_path} (named by {path.name}) cannot be read: {exc}",
        )
    return GoldArticle(gold.id, path, text=text, published=gold.published, events=gold.events)
