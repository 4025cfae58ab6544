"""Marsad: Arabic conflict news to structured, geocoded, source-attributed event data.

>>> import marsad
>>> result = marsad.extract(text, published="2024-07-28")
>>> result.model_dump(mode="json")["events"]
"""

from __future__ import annotations

import datetime as dt

from marsad.errors import InvalidDateError, MarsadError
from marsad.schema import Extraction

__all__ = ["extract", "parse_date", "Extraction", "MarsadError"]
__version__ = "0.1.0"


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A publication date from YYYY-MM-DD (or a date); a clear error otherwise."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidDateError(
            f"the publication date {value!r} is not a date; give it as YYYY-MM-DD"
        ) from None


def extract(text: str, published: str | dt.date | None = None, document_id: str | None = None) -> Extraction:
    """Events and casualty claims of one Arabic article. Knowledge is loaded once per process."""
    from marsad.pipeline import extract_document

    return extract_document(text, parse_date(published), document_id)
