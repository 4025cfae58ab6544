"""Stage `assemble`: the working document turned into the published contract.

It decides nothing: each event's type, parties, claims and dates are the earlier stages'
(`victims`, `kinds`, `crowds`, `parties`, `timing`); here they become the contract's Document and
Events, with the fatalities reconciled from the claims and the evidence span of each event.
"""

from __future__ import annotations

import hashlib

from marsad.pipeline.document import Doc, EventDraft
from marsad.pipeline.reconcile import reconcile
from marsad.schema import Document, Event, Extraction

REQUIRES = (  # in the order of the contract's Event
    "events",
    "events.event_type",
    "events.sub_event_type",
    "events.date_start",
    "events.date_end",
    "events.time_precision",
    "events.location",
    "events.actors",
    "events.resolved_claims",
    "events.background",
    "events.triggers",
    "events.claims",
    "events.crowd_size",
)
ASSIGNS = ("extraction",)


def run(doc: Doc) -> None:
    doc.extraction = build(doc)


def build(doc: Doc, document_id: str | None = None, language: str = "ar") -> Extraction:
    digest = hashlib.sha256(doc.original.encode("utf-8", "surrogatepass")).hexdigest()
    document = Document(
        id=document_id or digest[:16],
        language=language,
        published=doc.published,
        sha256=digest,
        length=len(doc.original),
    )
    events = [
        _event(doc, draft, f"e{i + 1}") for i, draft in enumerate(doc.events) if draft.anchor is not None
    ]
    return Extraction(document=document, events=events)


def _event(doc: Doc, draft: EventDraft, event_id: str) -> Event:
    return Event(
        id=event_id,
        event_type=draft.event_type,
        sub_event_type=draft.sub_event_type,
        date_start=draft.date_start,
        date_end=draft.date_end,
        time_precision=draft.time_precision,
        location=draft.location,
        actors=draft.actors,
        claims=draft.resolved_claims,
        fatalities=reconcile(draft.resolved_claims),
        background=draft.background,
        evidence=doc.span(draft.anchor.start, draft.anchor.end),
        crowd_size=draft.crowd_size,
    )
