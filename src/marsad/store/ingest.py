"""Writing one article and its extraction: idempotent on the normalised text and its metadata,
replacing an earlier version of the same article (same id, same url, or the same text now given a
date, url, outlet or title) with its own rows only.

Runs inside the caller's transaction; returns what changed so merging can redo the clusters
the change touches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import astuple, dataclass, field
from typing import Literal

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.engine import Connection

from marsad.schema import Event, Extraction
from marsad.schema.acled import EVENT_FAMILY as FAMILY
from marsad.store import fulltext
from marsad.store.tables import claims, documents, reports

Status = Literal["new", "unchanged", "replaced"]


@dataclass(frozen=True)
class IngestResult:
    document_id: str
    status: Status
    events: int


@dataclass
class Change:
    result: IngestResult
    removed_event_ids: set[str] = field(default_factory=set)
    report_ids: list[str] = field(default_factory=list)


def text_hash(text: str) -> str:
    """The identity of an article's text: Unicode NFC, whitespace runs collapsed, ends trimmed,
    so a copy re-saved with other line endings or spacing is the same article."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def document_id_for(text: str, url: str | None, document_id: str | None) -> str:
    """Given id, else one derived from the url (so a corrected article keeps its id), else the text."""
    if document_id:
        return document_id
    if url:
        return hashlib.sha256(f"url:{url.strip()}".encode()).hexdigest()[:16]
    return text_hash(text)[:16]


@dataclass(frozen=True)
class Metadata:
    """What an article comes with besides its text; None: not given."""

    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None

    def news_for(self, stored: Metadata) -> bool:
        """Whether this gives something the stored version lacks or has otherwise (a field not
        given here never erases a stored one)."""
        return any(
            mine is not None and mine != theirs for mine, theirs in zip(astuple(self), astuple(stored))
        )

    def over(self, stored: Metadata) -> Metadata:
        """The fields given here, the stored ones elsewhere."""
        return Metadata(
            *(theirs if mine is None else mine for mine, theirs in zip(astuple(self), astuple(stored)))
        )


@dataclass(frozen=True)
class StoredVersion:
    document_id: str
    metadata: Metadata
    events: int

    def unchanged(self) -> IngestResult:
        return IngestResult(self.document_id, "unchanged", self.events)


def stored_version(connection: Connection, text: str) -> StoredVersion | None:
    """The stored article with this very text (normalised), if there is one."""
    row = connection.execute(
        select(
            documents.c.id, documents.c.published, documents.c.url, documents.c.outlet, documents.c.title
        ).where(documents.c.text_hash == text_hash(text))
    ).first()
    if row is None:
        return None
    count = connection.execute(select(func.count()).where(reports.c.document_id == row.id)).scalar_one()
    return StoredVersion(row.id, Metadata(row.published, row.url, row.outlet, row.title), count)


def write_document(
    connection: Connection,
    extraction: Extraction,
    text: str,
    *,
    url: str | None,
    outlet: str | None,
    title: str | None,
) -> Change:
    """Store the article, or only say it is unchanged: the same text with nothing new in its
    metadata. The same text with a new date, url, outlet or title replaces the stored version."""
    given = Metadata(extraction.document.published, url, outlet, title)
    same = stored_version(connection, text)
    if same is not None and not given.news_for(same.metadata):
        return Change(same.unchanged())
    # the date is the extraction's own (its events were resolved against it); the rest is kept
    metadata = given.over(same.metadata) if same else given
    document_id = extraction.document.id
    removed = _remove_previous_versions(connection, document_id, metadata.url, text_hash(text))
    connection.execute(
        insert(documents).values(
            id=document_id,
            text_hash=text_hash(text),
            sha256=extraction.document.sha256,
            text=text,
            language=extraction.document.language,
            published=extraction.document.published,
            url=metadata.url,
            outlet=metadata.outlet,
            title=metadata.title,
            extraction=extraction.model_dump_json(),
        )
    )
    fulltext.index_document(connection, document_id, metadata.title, text)
    report_rows, claim_rows = _rows(extraction, metadata.outlet)
    if report_rows:
        connection.execute(insert(reports), report_rows)
    if claim_rows:
        connection.execute(insert(claims), claim_rows)
    status: Status = "replaced" if removed is not None else "new"
    return Change(
        IngestResult(document_id, status, len(report_rows)),
        removed or set(),
        [row["id"] for row in report_rows],
    )


def _remove_previous_versions(
    connection: Connection, document_id: str, url: str | None, same_text: str
) -> set[str] | None:
    """Delete earlier versions of this article (same id, same url, or same text); the merged
    events they fed, or None if there were none."""
    match = or_(documents.c.id == document_id, documents.c.text_hash == same_text)
    if url:
        match = or_(match, documents.c.url == url)
    previous = connection.execute(select(documents.c.id).where(match)).scalars().all()
    if not previous:
        return None
    event_ids = set(
        connection.execute(
            select(reports.c.event_id).where(
                reports.c.document_id.in_(previous), reports.c.event_id.is_not(None)
            )
        ).scalars()
    )
    connection.execute(delete(claims).where(claims.c.document_id.in_(previous)))
    connection.execute(delete(reports).where(reports.c.document_id.in_(previous)))
    for old in previous:
        fulltext.remove_document(connection, old)
    connection.execute(delete(documents).where(documents.c.id.in_(previous)))
    return event_ids


def _rows(extraction: Extraction, outlet: str | None) -> tuple[list[dict], list[dict]]:
    document = extraction.document
    report_rows, claim_rows = [], []
    for event in extraction.events:
        report_id = f"{document.id}/{event.id}"
        report_rows.append(_report_row(report_id, document.id, event, document.published, outlet))
        for position, claim in enumerate(event.claims):
            claim_rows.append(
                {
                    "id": f"{report_id}/c{position + 1}",
                    "report_id": report_id,
                    "document_id": document.id,
                    "position": position,
                    "kind": claim.kind,
                    "low": claim.low,
                    "high": claim.high,
                    "vague": claim.vague,
                    "approx": claim.approx,
                    "victim_name": claim.victim.name,
                    "victim_text": claim.victim.text,
                    "source_name": claim.source.name if claim.source else None,
                    "source_text": claim.source.text if claim.source else None,
                    "stance": claim.stance,
                    "unverified": claim.unverified,
                    "evidence_start": claim.evidence.start,
                    "evidence_end": claim.evidence.end,
                    "evidence_text": claim.evidence.text,
                }
            )
    return report_rows, claim_rows


def _report_row(report_id: str, document_id: str, event: Event, published, outlet: str | None) -> dict:
    place = event.location
    actors = [
        {"name": a.name, "inter": a.inter, "country": a.country, "side": a.side, "associated": a.associated}
        for a in event.actors
    ]
    return {
        "id": report_id,
        "document_id": document_id,
        "local_id": event.id,
        "family": FAMILY[event.event_type],
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "time_precision": event.time_precision,
        "location_name": place.name if place else None,
        "location_text": place.text if place else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geo_precision": place.geo_precision if place else None,
        "geonameid": place.geonameid if place else None,
        "actors": json.dumps(actors, ensure_ascii=False, sort_keys=True),
        "background": event.background,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text,
        "published": published,
        "outlet": outlet,
        "event_id": None,
        "crowd_size": event.crowd_size,
    }
