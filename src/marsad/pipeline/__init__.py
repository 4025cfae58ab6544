"""The extraction pipeline: small named stages over one working document.

Each stage module declares what it REQUIRES and what it ASSIGNS, by the names of the working
document's fields (`Doc`) and of its events' ("events.event_type", `EventDraft`); `STAGES` is the
one place that composes them, from `segment` to `assemble`, which only builds the published
contract from what the stages before it decided, and `claim_ranker`, which weighs its claims.
`check_order` proves at import that every name
is a field and every requirement is assigned by an earlier stage; tests/test_pipeline.py proves
that each stage reads only what it requires and writes only what it assigns, down to the events'
fields. `run(text, until="claims")` stops after one stage, so that a stage can be tested on its own.
The pipeline knows no database, no web and no cluster.
"""

from __future__ import annotations

import datetime as dt

from marsad.errors import UnknownStageError
from marsad.lang.ar.normalize import normalize
from marsad.lang.script import language_of
from marsad.pipeline import (
    assemble,
    attribution,
    claim_ranker,
    claims,
    crowds,
    dates,
    events,
    geocode,
    kinds,
    mentions,
    numbers,
    parties,
    segment,
    timing,
    victims,
)
from marsad.pipeline.document import DOC_FIELDS, ITEM_FIELDS, Doc
from marsad.schema import Extraction

STAGES = (
    ("segment", segment),
    ("dates", dates),
    ("numbers", numbers),
    ("mentions", mentions),
    ("attribution", attribution),
    ("claims", claims),
    ("events", events),
    ("geocode", geocode),
    ("victims", victims),
    ("kinds", kinds),
    ("crowds", crowds),
    ("parties", parties),
    ("timing", timing),
    ("assemble", assemble),
    ("claim_ranker", claim_ranker),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)


def check_order(stages=STAGES) -> None:
    """Raise if a stage requires something no earlier stage assigns, or names something the
    working document does not have (a field of `Doc`, or "events.location", a field of what it holds)."""
    assigned: set[str] = set()
    for name, module in stages:
        unknown = [f for f in (*module.REQUIRES, *module.ASSIGNS) if not is_field(f)]
        if unknown:
            raise RuntimeError(
                f"pipeline stage {name!r} names {unknown}, which the working document does not have"
            )
        missing = [r for r in module.REQUIRES if r not in assigned]
        if missing:
            raise RuntimeError(f"pipeline stage {name!r} requires {missing}, which no earlier stage assigns")
        assigned.update(module.ASSIGNS)


def is_field(name: str) -> bool:
    """Whether `name` is a field of the working document, or "events.location" of the items it holds."""
    field, _, attribute = name.partition(".")
    if not attribute:
        return field in DOC_FIELDS
    return attribute in ITEM_FIELDS.get(field, ())


check_order(STAGES)


def run(text: str, published: dt.date | None = None, until: str | None = None) -> Doc:
    """The working document after every stage, or after stage `until` (to test one on its own)."""
    if until is not None and until not in STAGE_NAMES:
        raise UnknownStageError(f"there is no pipeline stage {until!r}; give one of {', '.join(STAGE_NAMES)}")
    doc = Doc(original=text, norm=normalize(text), published=published)
    for name, module in STAGES:
        module.run(doc)
        if name == until:
            break
    return doc


def extract_document(
    text: str, published: dt.date | None = None, document_id: str | None = None
) -> Extraction:
    """The contract for one article; text in another script gets a valid result with no events."""
    language = language_of(text)
    if language != "ar":
        return assemble.build(
            Doc(original=text, norm=normalize(""), published=published), document_id, language
        )
    # The stages before `assemble`, which builds the contract with the caller's document id.
    doc = run(text, published, until=STAGE_NAMES[STAGE_NAMES.index("assemble") - 1])
    doc.extraction = assemble.build(doc, document_id, language)
    claim_ranker.run(doc)
    return doc.extraction
