"""Stage `crowds`: the size of a demonstration's crowd as ACLED tags it ("thousands", "around
300", "large"), read beside its demonstration words (demonstrations); other events have none."""

from __future__ import annotations

from marsad.pipeline.demonstrations import crowd_size
from marsad.pipeline.document import Doc
from marsad.schema.acled import DEMONSTRATION, EVENT_FAMILY

REQUIRES = (
    "sentences",
    "dates",
    "places",
    "quantities",
    "claims",
    "events",
    "events.triggers",
    "events.claims",
    "events.event_type",
)
ASSIGNS = ("events.crowd_size",)


def run(doc: Doc) -> None:
    for draft in doc.events:
        if draft.anchor is not None and EVENT_FAMILY[draft.event_type] == DEMONSTRATION:
            draft.crowd_size = crowd_size(doc, draft)
