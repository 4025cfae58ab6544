"""The extraction contract: what `marsad extract` prints and `marsad.extract` returns.

Field names follow ACLED where ACLED has the field, UCDP where it has a better one
(low/best/high), and our own only for what neither has (claims, evidence).
ACLED's vocabulary (event types, families, inter codes, generic actors) is in `schema.acled`.
The schema imports nothing from the rest of the package; everything else imports it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from marsad.schema.acled import ACLED_TAXONOMY, INTER_EXTERNAL, INTER_STATE

SCHEMA_VERSION = "1.0"

# The event types and sub-types, as `schema.acled` lists them in ACLED's order.
EventType = Literal[tuple(ACLED_TAXONOMY)]
SubEventType = Literal[tuple(sub for subs in ACLED_TAXONOMY.values() for sub in subs)]
ClaimKind = Literal["killed", "injured", "captured", "killed_or_captured", "missing"]
Stance = Literal["asserted", "denied"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """Character offsets [start, end) into the original, un-normalised text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("span end is before its start")
        return self


class Document(_Model):
    id: str
    language: str
    published: dt.date | None = None
    sha256: str
    length: int = Field(ge=0, description="length of the text in characters")


class Location(_Model):
    name: str = Field(description="canonical place name (gazetteer)")
    text: str = Field(description="surface form in the article")
    span: Span | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    admin1: str | None = None
    admin2: str | None = Field(default=None, description="second-level admin area (gazetteer), where known")
    geo_precision: int = Field(ge=1, le=3, description="ACLED 1 town, 2 near/part of region, 3 region")
    geonameid: int | None = None


class Actor(_Model):
    name: str = Field(description="ACLED-style name, e.g. 'Military Forces of Mali'")
    text: str
    span: Span | None = None
    inter: int = Field(ge=INTER_STATE, le=INTER_EXTERNAL, description="ACLED inter code")
    country: str | None = None
    side: Literal[1, 2] | None = Field(default=None, description="ACLED side: 1 (actor1) or 2 (actor2)")
    associated: bool = Field(
        default=False, description="an ally or component of its side (ACLED assoc_actor)"
    )


class Party(_Model):
    """A claim's victim or source: a name (canonical where known) and its surface form."""

    name: str
    text: str
    span: Span | None = None


class Claim(_Model):
    kind: ClaimKind
    low: int | None = Field(default=None, ge=0)
    high: int | None = Field(default=None, ge=0)
    vague: str | None = Field(default=None, description="the vague quantity word, e.g. 'العشرات'")
    approx: bool = False
    victim: Party
    source: Party | None = Field(default=None, description="null: the article's own voice")
    stance: Stance = "asserted"
    unverified: bool = False
    evidence: Span

    @model_validator(mode="after")
    def _range(self) -> Claim:
        if self.low is not None and self.high is not None and self.high < self.low:
            raise ValueError("claim high is below its low")
        return self


class Fatalities(_Model):
    """Reconciled killed figures (UCDP low/best/high, ACLED's conservative figure)."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    acled: int = 0
    rule: str = Field(description="how the figures were derived from the claims")
    claims: list[int] = Field(default_factory=list, description="indices of the claims used")


class Event(_Model):
    id: str
    event_type: EventType
    sub_event_type: SubEventType
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    time_precision: int = Field(ge=1, le=3)
    date_span: Span | None = None
    location: Location | None = None
    actors: list[Actor] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    fatalities: Fatalities
    background: bool = Field(default=False, description="history mentioned in passing, not news")
    evidence: Span = Field(description="the trigger of the event")
    crowd_size: str | None = Field(
        default=None,
        description="a protest's or riot's crowd size as ACLED tags it ('thousands', 'around 300', "
        "'large'), from the size the text gives beside the demonstration",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if self.sub_event_type not in ACLED_TAXONOMY[self.event_type]:
            raise ValueError(f"{self.sub_event_type!r} is not a sub-type of {self.event_type!r}")
        if self.date_start and self.date_end and self.date_end < self.date_start:
            raise ValueError("event date_end is before date_start")
        return self


class Extraction(_Model):
    schema_version: str = SCHEMA_VERSION
    document: Document
    events: list[Event] = Field(default_factory=list)


def json_schema() -> dict:
    """The published JSON Schema of the extraction contract."""
    return Extraction.model_json_schema()
