"""Reading one article from a file or stdin, with clear errors for what cannot be read.

Kept apart from the CLI so that the API and batch runs read input with the same rules.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from marsad.errors import BinaryInputError, InputReadError, InputTooLargeError

MAX_BYTES = 10 * 1024 * 1024


def read_article(path: str, max_bytes: int = MAX_BYTES) -> str:
    """The text of `path` ("-" for stdin), decoded as UTF-8 (a BOM is dropped); an HTML page is
    reduced to its article text first (offsets then point into that text)."""
    text = read_text(path, max_bytes)
    return html_to_text(text).text if looks_like_html(text) else text


def read_text(path: str, max_bytes: int = MAX_BYTES) -> str:
    """The decoded content of `path` as it is (an HTML page stays HTML, for its metadata)."""
    return decode_article(read_bytes(path, max_bytes), "stdin" if path == "-" else path)


_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<head|<body|<article|<p[\s>]|<div[\s>])", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2000]))


@dataclass(frozen=True)
class Page:
    """An HTML page's article text and what the page says about itself."""

    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None


def html_to_text(html: str) -> Page:
    """Article text of an HTML page: trafilatura's main-content extraction (keeping its title, date
    and site name), else every paragraph's text when trafilatura finds no main content."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True, output_format="python"
    )
    if document is not None:
        data = document if isinstance(document, dict) else document.as_dict()
        if data.get("text"):
            return Page(
                data["text"], data.get("title"), data.get("date"), data.get("sitename"), data.get("url")
            )
    return Page(_paragraph_text(html))


def _paragraph_text(html: str) -> str:
    import lxml.html

    tree = lxml.html.fromstring(html)
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = [" ".join(node.text_content().split()) for node in tree.xpath("//h1|//h2|//p|//li")]
    return "\n\n".join(block for block in blocks if block) or " ".join(tree.text_content().split())


def read_bytes(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of `path` ("-" for stdin), refusing more than `max_bytes` before reading them."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        file = Path(path)
        if not file.is_file():
            raise InputReadError(
                f"{path}: no such file; give the path of a text or HTML article, or - for stdin"
            )
        if file.stat().st_size > max_bytes:
            raise InputTooLargeError(
                f"{path}: {file.stat().st_size:,} bytes is over the {max_bytes:,}-byte limit "
                "for one article; split it into articles or raise --max-bytes"
            )
        data = file.read_bytes()
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"input is over the {max_bytes:,}-byte limit for one article; "
            "split it into articles or raise --max-bytes"
        )
    return data


def decode_article(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise BinaryInputError(
            f"{name}: looks binary (NUL bytes), not a text article; give a UTF-8 text or HTML file"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputReadError(
            f"{name}: not valid UTF-8 (byte {error.start}); convert it first, "
            "e.g. iconv -f WINDOWS-1256 -t UTF-8"
        ) from None
    return text
