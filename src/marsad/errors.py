"""Coded, actionable errors: each says what is wrong and how to fix it, in one line."""
from __future__ import annotations


class MarsadError(Exception):
    """A problem with the user's input or setup; the CLI prints it on one line and exits 1."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"{self.code}: {message}")


class InvalidDateError(MarsadError):
    code = "E001"


class InputReadError(MarsadError):
    code = "E002"


class InputTooLargeError(MarsadError):
    code = "E003"


class BinaryInputError(MarsadError):
    code = "E004"


class GoldDirError(MarsadError):
    code = "E005"


class GoldArchiveError(MarsadError):
    code = "E006"


class UnknownStageError(MarsadError):
    code = "E007"


class GazetteerError(MarsadError):
    code = "E401"
