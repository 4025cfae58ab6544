"""The store's coded errors (E100-E199): each says what is wrong and how to fix it."""

from __future__ import annotations

from marsad.errors import MarsadError


class StoreUrlError(MarsadError):
    code = "E100"


class StoreOpenError(MarsadError):
    code = "E101"


class StoreSchemaError(MarsadError):
    code = "E102"


class ExportFormatError(MarsadError):
    code = "E103"


class IngestInputError(MarsadError):
    code = "E104"


class StoreDependencyError(MarsadError):
    code = "E105"
