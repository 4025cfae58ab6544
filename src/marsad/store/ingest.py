"""Writing one article and its extraction: idempotent on the normalised text, replacing a
corrected version of the same article (same id or same url) with its own rows only.

Runs inside the caller's transaction; returns what changed so merging can redo the clusters
the change touches.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.engine import Connection

from marsad.schema import EVENT_FAMILY as FAMILY
from marsad.schema import Event, Extraction
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


def unchanged(connection: Connection, text: str) -> IngestResult | None:
    """The stored article with this very text (normalised), if there is one."""
    same = connection.execute(select(documents.c.id).where(documents.c.text_hash == text_hash(text))).scalar()
    if same is None:
        return None
    count = connection.execute(select(func.count()).where(reports.c.document_id == same)).scalar_one()
    return IngestResult(same, "unchanged", count)


def write_document(connection: Connection, extraction: Extraction, text: str, *, url: str | None,
                   outlet: str | None, title: str | None) -> Change:
    same = unchanged(connection, text)
    if same is not None:
        return Change(same)
    document_id = extraction.document.id
    removed = _remove_previous_versions(connection, document_id, url)
    connection.execute(insert(documents).values(
        id=document_id, text_hash=text_hash(text), sha256=extraction.document.sha256, text=text,
        language=extraction.document.language, published=extraction.document.published, url=url, outlet=outlet,
        title=title, extraction=extraction.model_dump_json()))
    fulltext.index_document(connection, document_id, title, text)
    report_rows, claim_rows = _rows(extraction, outlet)
    if report_rows:
        connection.execute(insert(reports), report_rows)
    if claim_rows:
        connection.execute(insert(claims), claim_rows)
    status: Status = "replaced" if removed is not None else "new"
    return Change(IngestResult(document_id, status, len(report_rows)), removed or set(),
                  [row["id"] for row in report_rows])


def _remove_previous_versions(connection: Connection, document_id: str, url: str | None) -> set[str] | None:
    """Delete earlier versions of this article; the merged events they fed, or None if there were none."""
    match = documents.c.id == document_id
    if url:
        match = or_(match, documents.c.url == url)
    previous = connection.execute(select(documents.c.id).where(match)).scalars().all()
    if not previous:
        return None
    event_ids = set(connection.execute(select(reports.c.event_id).where(
        reports.c.document_id.in_(previous), reports.c.event_id.is_not(None))).scalars())
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
            claim_rows.append({
                "id": f"{report_id}/c{position + 1}", "report_id": report_id, "document_id": document.id,
                "position": position, "kind": claim.kind, "low": claim.low, "high": claim.high, "vague": claim.vague,
                "approx": claim.approx, "victim_name": claim.victim.name, "victim_text": claim.victim.text,
                "source_name": claim.source.name if claim.source else None,
                "source_text": claim.source.text if claim.source else None,
                "stance": claim.stance, "unverified": claim.unverified,
                "evidence_start": claim.evidence.start, "evidence_end": claim.evidence.end,
                "evidence_text": claim.evidence.text,
            })
    return report_rows, claim_rows


def _report_row(report_id: str, document_id: str, event: Event, published, outlet: str | None) -> dict:
    place = event.location
    actors = [{"name": a.name, "inter": a.inter, "country": a.country, "side": a.side, "associated": a.associated}
              for a in event.actors]
    return {
        "id": report_id, "document_id": document_id, "local_id": event.id, "family": FAMILY[event.event_type],
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "date_start": event.date_start, "date_end": event.date_end, "time_precision": event.time_precision,
        "location_name": place.name if place else None, "location_text": place.text if place else None,
        "country": place.country if place else None, "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geo_precision": place.geo_precision if place else None, "geonameid": place.geonameid if place else None,
        "actors": json.dumps(actors, ensure_ascii=False, sort_keys=True), "background": event.background,
        "evidence_start": event.evidence.start, "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text, "published": published, "outlet": outlet, "event_id": None,
    }
