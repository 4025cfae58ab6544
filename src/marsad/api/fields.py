"""Checks on the values a client sends (body fields, query and path parameters), naming the field.

A lone surrogate ("\\ud800" is valid JSON) cannot be encoded, and a NUL cannot be stored in
PostgreSQL: both are the client's fault, refused as a 422 naming the field rather than a 500 later.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator

import marsad
from marsad.errors import InvalidDateError


def plain_text(value: str | None) -> str | None:
    if value is None:
        return None
    if "\x00" in value:
        raise ValueError("contains a NUL character (binary data?); send plain text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError(
            f"contains a lone surrogate ({value[error.start]!r} at character {error.start}), which "
            "is not text; send valid Unicode"
        ) from None
    return value


PlainText = Annotated[str, AfterValidator(plain_text)]


def date_field(name: str, value: str | None) -> dt.date | None:
    """The date a field holds, YYYY-MM-DD; E001 naming the field otherwise."""
    try:
        return marsad.parse_date(value or None)
    except InvalidDateError:
        raise InvalidDateError(f"{name}: {value!r} is not a date; give it as YYYY-MM-DD") from None
