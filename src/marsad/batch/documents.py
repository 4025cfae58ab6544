"""What flows through a batch run: a source document in, one output record out.

A document's place in the run is (unit, ordinal): the index of the INPUT argument it came from
and its rank inside that input. Readers produce documents in a fixed order, so a run can be
resumed from a `Position` and gives the same shards as an uninterrupted run.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

STATUSES = ("ok", "skipped", "error")


class Position(NamedTuple):
    """The first document not yet committed: input `unit`, rank `ordinal` inside it."""

    unit: int = 0
    ordinal: int = 0


@dataclass(frozen=True)
class Meta:
    """What the container says about the article (HTML, feed entry, JSONL fields)."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class SourceDoc:
    """One document read from an input.

    `kind` says what `text` holds: "text", or "html" (a page, or a feed entry's body).
    `failure` (an error record) or `skip` (a skipped record) is set when it cannot be processed.
    `given_id`: `document_id` is the record's own id field (JSONL), not one made up from where it was read.
    """

    unit: int
    ordinal: int
    document_id: str
    source: str
    text: str = ""
    kind: str = "text"
    meta: Meta = field(default_factory=Meta)
    failure: str | None = None
    skip: str | None = None
    nbytes: int = 0
    given_id: bool = False

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> SourceDoc:
        fields = json.loads(line)
        return cls(**{**fields, "meta": Meta(**fields["meta"])})


def record(
    doc: SourceDoc,
    status: str,
    reason: str | None = None,
    extraction: dict | None = None,
    meta: Meta | None = None,
) -> dict:
    """The output line of one document (the shape is documented in marsad.batch)."""
    return {
        "document_id": doc.document_id,
        "source": doc.source,
        "status": status,
        "reason": reason,
        "meta": asdict(meta or doc.meta),
        "extraction": extraction,
    }
