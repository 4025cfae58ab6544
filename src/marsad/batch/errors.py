"""Batch error codes (E200-E299): per-document failures become records; run-level ones stop the run."""

from __future__ import annotations

from marsad.errors import MarsadError


class EmptyDocumentError(MarsadError):
    code = "E201"


class NoArticleTextError(MarsadError):
    code = "E202"


class ExtractionFailedError(MarsadError):
    code = "E203"


class RunMismatchError(MarsadError):
    code = "E204"


class InputNotFoundError(MarsadError):
    code = "E205"


class BadRecordError(MarsadError):
    code = "E206"


class FeedError(MarsadError):
    code = "E207"


class WarcError(MarsadError):
    code = "E208"


class EngineUnavailableError(MarsadError):
    code = "E209"


class StoreUnavailableError(MarsadError):
    code = "E210"


class BadOptionError(MarsadError):
    code = "E211"
