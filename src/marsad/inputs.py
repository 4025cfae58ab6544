"""Reading one article from a file or stdin, with clear errors for what cannot be read.

Kept apart from the CLI so that the API and batch runs read input with the same rules.
"""
from __future__ import annotations

import sys
from pathlib import Path

from marsad.errors import BinaryInputError, InputReadError, InputTooLargeError

MAX_BYTES = 10 * 1024 * 1024


def read_article(path: str, max_bytes: int = MAX_BYTES) -> str:
    """The text of `path` ("-" for stdin), decoded as UTF-8 (a BOM is dropped)."""
    data = _read_bytes(path, max_bytes)
    return decode_article(data, "stdin" if path == "-" else path)


def _read_bytes(path: str, max_bytes: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        file = Path(path)
        if not file.is_file():
            raise InputReadError(f"{path}: no such file; give the path of a text or HTML article, or - for stdin")
        if file.stat().st_size > max_bytes:
            raise InputTooLargeError(f"{path}: {file.stat().st_size:,} bytes is over the {max_bytes:,}-byte limit "
                                     "for one article; split it into articles or raise --max-bytes")
        data = file.read_bytes()
    if len(data) > max_bytes:
        raise InputTooLargeError(f"input is over the {max_bytes:,}-byte limit for one article; "
                                 "split it into articles or raise --max-bytes")
    return data


def decode_article(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise BinaryInputError(f"{name}: looks binary (NUL bytes), not a text article; give a UTF-8 text or HTML file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputReadError(f"{name}: not valid UTF-8 (byte {error.start}); convert it first, "
                             "e.g. iconv -f WINDOWS-1256 -t UTF-8") from None
    return text
