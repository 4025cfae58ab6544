"""One document to one record, the same in every engine: read failures, HTML, language, extraction.

Runs in the workers (process pool or Ray actors); nothing here raises for a bad document.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

import marsad
from marsad.batch import language
from marsad.batch.documents import Meta, SourceDoc, record
from marsad.batch.errors import EmptyDocumentError, ExtractionFailedError, NoArticleTextError
from marsad.errors import InvalidDateError, MarsadError
from marsad.inputs import Page, html_to_text

WARM_UP_TEXT = "قتل جندي في هجوم على حاجز للجيش قرب المدينة يوم الاثنين."


@dataclass(frozen=True)
class Outcome:
    """A document's record plus what the store sink needs (the article text; None unless asked)."""

    unit: int
    ordinal: int
    nbytes: int
    record: dict
    text: str | None = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "unit": self.unit,
                "ordinal": self.ordinal,
                "nbytes": self.nbytes,
                "record": self.record,
                "text": self.text,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, line: str) -> Outcome:
        return cls(**json.loads(line))


def warm_up() -> None:
    """Load the knowledge and the language detector before the first real document."""
    marsad.extract(WARM_UP_TEXT, published="2024-01-01")
    language.warm_up()


def process(doc: SourceDoc, keep_text: bool = False) -> Outcome:
    try:
        status, reason, extraction, meta, text = _outcome(doc)
    except Exception as error:  # a bug on one document (HTML parser, rules) must not stop a run of millions
        reason = str(
            ExtractionFailedError(
                f"{doc.source}: processing failed ({type(error).__name__}: {error}); "
                "please report it with this document"
            )
        )
        status, extraction, meta, text = "error", None, doc.meta, ""
    return Outcome(
        unit=doc.unit,
        ordinal=doc.ordinal,
        nbytes=doc.nbytes,
        record=record(doc, status, reason, extraction, meta),
        text=text if keep_text and status == "ok" else None,
    )


def _outcome(doc: SourceDoc) -> tuple[str, str | None, dict | None, Meta, str]:
    if doc.failure:
        return "error", doc.failure, None, doc.meta, ""
    if doc.skip:
        return "skipped", doc.skip, None, doc.meta, ""
    try:
        text, meta = article_text(doc)
        if not text.strip():
            raise EmptyDocumentError(f"{doc.source}: the document is empty (no text)")
        detected = language.detect(text)
        if detected != language.HANDLED:
            return "skipped", f"language {detected}", None, meta, text
        published = _publication_date(meta.published, doc.source)
        extraction = marsad.extract(text, published=published, document_id=doc.document_id).model_dump(
            mode="json"
        )
    except MarsadError as error:
        return "error", str(error), None, doc.meta, ""
    return "ok", None, extraction, meta, text


def article_text(doc: SourceDoc) -> tuple[str, Meta]:
    """The article text of a document, and its metadata completed from the page when it is HTML."""
    if doc.kind == "text" or not doc.text.strip():
        return doc.text, doc.meta
    from lxml.etree import ParserError

    try:
        page = html_to_text(doc.text)
    except ParserError:  # markup without a single element (only comments, say)
        page = Page("")
    if not page.text.strip():
        raise NoArticleTextError(f"{doc.source}: no article text found in the HTML")
    meta = replace(
        doc.meta,
        title=doc.meta.title or page.title,
        outlet=doc.meta.outlet or page.outlet,
        published=doc.meta.published or page.date,
        url=doc.meta.url or page.url,
    )
    return page.text, meta


def _publication_date(value: str | None, source: str) -> dt.date | None:
    """A feed or JSONL date may carry a time ("2018-03-01T10:00:00Z"): its first ten characters are the
    date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InvalidDateError(
            f"{source}: the publication date {value!r} is not a date; "
            "give it as YYYY-MM-DD (or name the field with --published-field)"
        ) from None
