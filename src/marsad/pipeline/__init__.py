"""The extraction pipeline: small named stages over one working document.

Each stage module declares what it REQUIRES and what it ASSIGNS; `STAGES` is the one place
that composes them, and `check_order` proves every requirement is assigned by an earlier stage.
The pipeline knows no database, no web and no cluster.
"""
from __future__ import annotations

import datetime as dt

from marsad.lang.ar.normalize import normalize
from marsad.lang.script import language_of
from marsad.pipeline import assemble, attribution, claims, dates, events, geocode, mentions, numbers, segment
from marsad.pipeline.document import Doc
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
)


def check_order(stages=STAGES) -> None:
    """Raise if a stage requires something no earlier stage assigns."""
    assigned: set[str] = set()
    for name, module in stages:
        missing = [r for r in module.REQUIRES if r not in assigned]
        if missing:
            raise RuntimeError(f"pipeline stage {name!r} requires {missing}, which no earlier stage assigns")
        assigned.update(module.ASSIGNS)


check_order(STAGES + (("assemble", assemble),))


def run(text: str, published: dt.date | None = None) -> Doc:
    doc = Doc(original=text, norm=normalize(text), published=published)
    for _name, module in STAGES:
        module.run(doc)
    return doc


def extract_document(text: str, published: dt.date | None = None, document_id: str | None = None) -> Extraction:
    """The contract for one article; text in another script gets a valid result with no events."""
    language = language_of(text)
    if language != "ar":
        return assemble.build(Doc(original=text, norm=normalize(""), published=published), document_id, language)
    return assemble.build(run(text, published), document_id, language)
