"""Documents out of the inputs of a batch run, in a fixed order, streamed.

Each INPUT argument is one unit: a file, a folder (walked in sorted order, hidden entries
left out), a feed URL, or "-" for stdin (a JSONL stream when it starts with "{", else one
article). A file's kind comes from its name:
  .txt             one article (the one-file rules of marsad.inputs)
  .html .htm       one page; its article text, title, date and outlet are taken out in the worker
                   (marsad.batch.process.article_text), where the CPU time is
  + .json          a sidecar: ar01.json next to ar01.txt (or .html) gives the article's title, url,
                   outlet and date (`publication_date` or `published`); it is metadata, not a document
  .jsonl .ndjson   one article a line (also .gz), fields named by `Fields`
  .rss .atom .xml  a feed (feedparser); a http(s):// URL is fetched, nothing else uses the network
  .warc .warc.gz   the HTML responses of a web archive (warcio)
Any other file in a folder gives a "skipped" record, so that every file is accounted for.
A missing input gives an error record (`check_inputs` refuses it before a batch run starts).

Readers yield thunks: skipping the documents a resumed run already committed costs no decoding.
"""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from marsad.batch.documents import Meta, Position, SourceDoc
from marsad.batch.errors import BadOptionError, BadRecordError, FeedError, InputNotFoundError, WarcError
from marsad.errors import InputTooLargeError, MarsadError
from marsad.inputs import MAX_BYTES, decode_article, looks_like_html, read_article, read_text

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz")
SIDECAR_SUFFIX = ".json"
SIDECAR_DATES = ("publication_date", "published")
STDIN = "-"

Thunk = Callable[[], SourceDoc]


@dataclass(frozen=True)
class Fields:
    """Names of the JSONL fields holding the article text, its publication date and its id."""

    text: str = "text"
    published: str = "published"
    id: str = "id"


@dataclass(frozen=True)
class ReadOptions:
    fields: Fields = Fields()
    max_bytes: int = MAX_BYTES


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def check_inputs(inputs: list[str]) -> None:
    """Fail before starting when an input path does not exist (a typo should not become a record),
    or is stdin, which a resumed run could not read again."""
    for value in inputs:
        if value == STDIN:
            raise BadOptionError(
                "-: a batch run cannot read stdin (a resumed run reads its inputs again); "
                "save the stream to a file and give that"
            )
        if not is_url(value) and not os.path.exists(value):
            raise InputNotFoundError(f"{value}: no such file or folder; give files, folders or feed URLs")


def iter_documents(
    inputs: list[str], options: ReadOptions, start: Position = Position()
) -> Iterator[SourceDoc]:
    """Every document of every input from `start` on, in run order."""
    for unit in range(start.unit, len(inputs)):
        yield from iter_unit(inputs, unit, options, start)


def iter_unit(
    inputs: list[str], unit: int, options: ReadOptions, start: Position = Position()
) -> Iterator[SourceDoc]:
    """The documents of input number `unit`, numbered; those before `start` are counted, not read."""
    first = start.ordinal if unit == start.unit else 0
    for ordinal, thunk in enumerate(_thunks(inputs[unit], options)):
        if ordinal >= first:
            yield replace(thunk(), unit=unit, ordinal=ordinal)


def total_bytes(inputs: list[str]) -> int | None:
    """Size of all inputs, for the progress bar's ETA; None when it cannot be known (URLs, gzip)."""
    total = 0
    for value in inputs:
        if is_url(value) or value == STDIN or value.endswith(".gz"):
            return None
        paths = _walk(Path(value)) if os.path.isdir(value) else [Path(value)]
        for path in paths:
            if path.name.endswith(".gz"):
                return None
            total += path.stat().st_size
    return total


def _thunks(value: str, options: ReadOptions) -> Iterator[Thunk]:
    if is_url(value):
        yield from _feed(value, value, options)
    elif value == STDIN:
        yield from _stdin(options)
    elif not os.path.exists(value):
        error = InputNotFoundError(
            f"{value}: no such file or folder; give files, folders, feed URLs or - for stdin"
        )
        yield lambda: SourceDoc(0, 0, value, value, failure=str(error))
    elif os.path.isdir(value):
        for path in _walk(Path(value)):
            yield from _file(path, options)
    else:
        yield from _file(Path(value), options)


def _walk(folder: Path) -> Iterator[Path]:
    """The files of a folder, without hidden ones and sidecars (read with their article)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        articles = {Path(name).stem for name in files if name.lower().endswith(TEXT_SUFFIXES + HTML_SUFFIXES)}
        for name in sorted(files):
            if not name.startswith(".") and not _is_sidecar(name, articles):
                yield Path(root) / name


def _is_sidecar(name: str, article_stems: set[str]) -> bool:
    return name.endswith(SIDECAR_SUFFIX) and name[: -len(SIDECAR_SUFFIX)] in article_stems


def _file(path: Path, options: ReadOptions) -> Iterator[Thunk]:
    name = path.name.lower()
    source = str(path)
    if name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        yield lambda: _one_file(path, options, "html" if name.endswith(HTML_SUFFIXES) else "text")
    elif name.endswith(JSONL_SUFFIXES):
        yield from _jsonl(path, options)
    elif name.endswith(FEED_SUFFIXES):
        yield from _feed(source, source, options)
    elif name.endswith(WARC_SUFFIXES):
        yield from _warc(path, options)
    else:
        suffix = "".join(path.suffixes) or "(none)"
        yield lambda: SourceDoc(0, 0, source, source, skip=f"not an article file (suffix {suffix})")


def _one_file(path: Path, options: ReadOptions, kind: str) -> SourceDoc:
    source = str(path)
    size = _size(path)
    try:
        text = read_article(source, options.max_bytes) if kind == "text" else _read_page(path, size, options)
    except MarsadError as error:
        return SourceDoc(0, 0, source, source, failure=str(error), nbytes=size)
    return SourceDoc(0, 0, source, source, text=text, kind=kind, meta=_sidecar(path, options), nbytes=size)


def _sidecar(article: Path, options: ReadOptions) -> Meta:
    """What the .json next to an article says about it (ar01.txt -> ar01.json), as the shared corpus keeps it;
    an unreadable sidecar is no metadata rather than a failed article."""
    sidecar = article.with_suffix(SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return Meta()
    try:
        fields = json.loads(read_text(str(sidecar), options.max_bytes))
    except (MarsadError, ValueError):
        return Meta()
    if not isinstance(fields, dict):
        return Meta()
    date = next((str(fields[name])[:10] for name in SIDECAR_DATES if fields.get(name)), None)
    return Meta(
        title=_str(fields.get("title")),
        url=_str(fields.get("url")),
        outlet=_str(fields.get("outlet")),
        published=date,
    )


def _read_page(path: Path, size: int, options: ReadOptions) -> str:
    """The raw HTML (read_article would reduce it to text here and drop the page's metadata)."""
    return read_text(str(path), options.max_bytes)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _jsonl(path: Path, options: ReadOptions) -> Iterator[Thunk]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        yield from _json_lines(_bounded_lines(stream, options.max_bytes), str(path), options)


def _json_lines(lines: Iterator[bytes | None], name: str, options: ReadOptions) -> Iterator[Thunk]:
    for number, line in enumerate(lines, start=1):
        if line is None or line.strip():
            yield lambda line=line, number=number: _json_line(name, number, line, options)


def _stdin(options: ReadOptions) -> Iterator[Thunk]:
    """Stdin: a JSONL stream when its first non-blank line starts with "{", else one article."""
    stream = sys.stdin.buffer
    head = _leading_lines(stream, options.max_bytes)
    first = head[-1] if head else b""
    if first is not None and first.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _json_lines(
            itertools.chain(head, _bounded_lines(stream, options.max_bytes)), "stdin", options
        )
        return
    data = b"".join(line or b"" for line in head)
    if None not in head:
        data += stream.read(max(0, options.max_bytes + 1 - len(data)))
    too_large = None in head or len(data) > options.max_bytes
    yield lambda: _stdin_article(data, too_large, options)


def _leading_lines(stream, max_bytes: int) -> list[bytes | None]:
    """The lines up to the first one that is not blank (or over the limit), at most `max_bytes` of them."""
    head: list[bytes | None] = []
    for line in _bounded_lines(stream, max_bytes):
        head.append(line)
        if line is None or line.strip() or sum(map(len, head)) > max_bytes:
            break
    return head


def _stdin_article(data: bytes, too_large: bool, options: ReadOptions) -> SourceDoc:
    try:
        if too_large:
            raise InputTooLargeError(
                f"stdin: over the {options.max_bytes:,}-byte limit for one article; "
                "split it into articles or raise --max-bytes"
            )
        text = decode_article(data, "stdin")
    except MarsadError as error:
        return SourceDoc(0, 0, "stdin", "stdin", failure=str(error), nbytes=len(data))
    return SourceDoc(
        0, 0, "stdin", "stdin", text=text, kind="html" if looks_like_html(text) else "text", nbytes=len(data)
    )


def _bounded_lines(stream, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary stream; None for a line over `max_bytes`, which is skipped without keeping it."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _json_line(name: str, number: int, line: bytes | None, options: ReadOptions) -> SourceDoc:
    source = f"{name}:{number}"
    if line is None:
        error = InputTooLargeError(
            f"{source}: the line is over the {options.max_bytes:,}-byte limit for one "
            "article; split it or raise --max-bytes"
        )
        return SourceDoc(0, 0, source, source, failure=str(error))
    try:
        item = json.loads(decode_article(line, source))
        if not isinstance(item, dict):
            raise BadRecordError(f"{source}: the line is JSON but not an object")
        text = item.get(options.fields.text)
        if not isinstance(text, str):
            raise BadRecordError(
                f"{source}: no string field {options.fields.text!r}; name the text field with --text-field"
            )
    except (MarsadError, ValueError) as error:
        reason = (
            str(error)
            if isinstance(error, MarsadError)
            else str(BadRecordError(f"{source}: not JSON ({error})"))
        )
        return SourceDoc(0, 0, source, source, failure=reason, nbytes=len(line))
    raw_id = item.get(options.fields.id)
    meta = Meta(
        title=_str(item.get("title")),
        url=_str(item.get("url")),
        outlet=_str(item.get("outlet")),
        published=_str(item.get(options.fields.published)),
    )
    return SourceDoc(
        0,
        0,
        source if raw_id is None else str(raw_id),
        source,
        text=text,
        meta=meta,
        nbytes=len(line),
        given_id=raw_id is not None,
    )


def _str(value) -> str | None:
    return None if value is None else str(value)


def _feed(location: str, source: str, options: ReadOptions) -> Iterator[Thunk]:
    import feedparser

    if is_url(location):
        parsed = feedparser.parse(location)
    else:
        size = _size(Path(location))
        # feedparser holds a whole feed in memory; a feed carries many articles, hence ten times the limit.
        if size > options.max_bytes * 10:
            error = InputTooLargeError(f"{source}: a {size:,}-byte feed is over the limit; split it")
            yield lambda: SourceDoc(0, 0, source, source, failure=str(error), nbytes=size)
            return
        parsed = feedparser.parse(Path(location).read_bytes())
    if not parsed.entries and parsed.get("bozo"):
        error = FeedError(f"{source}: not a readable RSS/Atom feed ({parsed.get('bozo_exception')})")
        yield lambda: SourceDoc(0, 0, source, source, failure=str(error))
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        yield lambda entry=entry, number=number: _feed_entry(entry, f"{source}#{number}", outlet)


def _feed_entry(entry, source: str, outlet: str | None) -> SourceDoc:
    content = entry.get("content") or []
    html = content[0].get("value", "") if content else entry.get("summary", "")
    meta = Meta(title=entry.get("title"), url=entry.get("link"), outlet=outlet, published=_feed_date(entry))
    document_id = entry.get("id") or entry.get("link") or source
    return SourceDoc(
        0, 0, document_id, source, text=html, kind="html", meta=meta, nbytes=len(html.encode("utf-8"))
    )


def _feed_date(entry) -> str | None:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*moment[:3]).isoformat() if moment else None


def _warc(path: Path, options: ReadOptions) -> Iterator[Thunk]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                if record.rec_type != "response" or not _is_html(record):
                    continue
                body = record.content_stream().read(options.max_bytes + 1)
                # After the read: warcio finds the offset by reading to the record's end.
                source = f"{path}@{records.get_record_offset()}"
                yield lambda record=record, body=body, source=source: _warc_page(
                    record, body, source, options
                )
        except ArchiveLoadFailed as error:
            failure = str(WarcError(f"{path}: not a readable WARC file ({error})"))
            yield lambda: SourceDoc(0, 0, str(path), str(path), failure=failure)


def _is_html(record) -> bool:
    headers = record.http_headers
    return headers is not None and "html" in (headers.get_header("Content-Type") or "").lower()


def _warc_page(record, body: bytes, source: str, options: ReadOptions) -> SourceDoc:
    url = record.rec_headers.get_header("WARC-Target-URI")
    document_id = url or record.rec_headers.get_header("WARC-Record-ID") or source
    if len(body) > options.max_bytes:
        error = InputTooLargeError(f"{source}: the page is over the {options.max_bytes:,}-byte limit")
        return SourceDoc(0, 0, document_id, source, failure=str(error), nbytes=len(body))
    html = body.decode(_charset(record) or "utf-8", errors="replace")
    return SourceDoc(0, 0, document_id, source, text=html, kind="html", meta=Meta(url=url), nbytes=len(body))


def _charset(record) -> str | None:
    content_type = record.http_headers.get_header("Content-Type") or ""
    for part in content_type.split(";"):
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            try:
                "".encode(value.strip('"'))
                return value.strip('"')
            except LookupError:
                return None
    return None
