"""Stage `assemble`: the contract built from the events the earlier stages decided, run as the
last stage (`pipeline.run(until="assemble")`)."""

import datetime as dt

from marsad.pipeline import run

PUBLISHED = dt.date(2024, 7, 28)
TEXT = "قتل ثلاثة جنود في هجوم على حاجز قرب غاو يوم الجمعة."


def test_assemble_builds_each_event_from_its_draft():
    doc = run(TEXT, PUBLISHED, until="assemble")
    (draft,), (event,) = doc.events, doc.extraction.events
    assert (event.event_type, event.sub_event_type, event.date_start) == (
        draft.event_type,
        draft.sub_event_type,
        draft.date_start,
    )
    assert event.claims == draft.resolved_claims and event.actors == draft.actors


def test_assemble_reconciles_the_fatalities_and_keeps_the_evidence():
    event = run(TEXT, PUBLISHED, until="assemble").extraction.events[0]
    assert event.fatalities.best == 3
    assert event.evidence.text in TEXT
