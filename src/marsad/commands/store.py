"""`marsad ingest`, `marsad events`, `marsad export`: thin commands over marsad.store.

Examples:
    marsad ingest ../shared/corpus/articles/ --db marsad.db
    marsad ingest feed.jsonl --db postgresql://marsad@localhost/marsad
    marsad events --country MLI --since 2024-07-01 --format table
    marsad export --format acled-csv --hxl --out events.csv
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from marsad.errors import MarsadError
from marsad.inputs import MAX_BYTES, decode_article, read_article
from marsad.store import open_store
from marsad.store.errors import IngestInputError
from marsad.store.export import FORMATS, write_acled_csv, write_geojson

_ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_SIDECAR_DATE = "publication_date"

db_option = click.option("--db", metavar="URL", envvar="MARSAD_DB", default=None,
                         help="Store: a file path, sqlite:///path or postgresql://... [default: ./marsad.db; env MARSAD_DB]")


@dataclass
class Item:
    """One article to ingest, or the error that stopped reading it."""

    name: str
    text: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    document_id: str | None = None
    error: str | None = None


def _sidecar(article: Path) -> dict:
    """Metadata next to an article (ar01.txt -> ar01.json), as the shared corpus keeps it."""
    sidecar = article.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _from_file(path: Path, published: str | None) -> Iterator[Item]:
    if path.suffix.lower() in _JSONL_SUFFIXES:
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            yield Item(str(path), error=f"{IngestInputError.code}: cannot read it as UTF-8 JSON Lines ({error})")
            return
        yield from _from_jsonl(lines, str(path), published)
        return
    try:
        text = read_article(str(path))
    except MarsadError as error:
        yield Item(str(path), error=str(error))
        return
    meta = _sidecar(path)
    date = str(meta.get(_SIDECAR_DATE) or meta.get("published") or "")[:10] or published
    yield Item(str(path), text, date, meta.get("url"), meta.get("outlet"), meta.get("title"))


def _from_jsonl(lines: list[str], name: str, published: str | None) -> Iterator[Item]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except ValueError as error:
            yield Item(where, error=f"{IngestInputError.code}: not a JSON object ({error}); "
                                    'give one {"text": ...} object per line')
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Item(where, error=f"{IngestInputError.code}: no \"text\" field; each line needs the article's text")
            continue
        yield Item(where, record["text"], str(record.get("published") or "")[:10] or published, record.get("url"),
                   record.get("outlet"), record.get("title"), record.get("id"))


def _items(paths: tuple[str, ...], published: str | None) -> Iterator[Item]:
    for given in paths:
        if given == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
            text = decode_article(data, "stdin")
            if text.lstrip().startswith("{"):
                yield from _from_jsonl(text.splitlines(), "stdin", published)
            else:
                yield Item("stdin", text, published)
            continue
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in _ARTICLE_SUFFIXES + _JSONL_SUFFIXES:
                    yield from _from_file(child, published)
        elif path.is_file():
            yield from _from_file(path, published)
        else:
            yield Item(given, error=f"{IngestInputError.code}: no such file or folder; give articles, "
                                    "a folder of them, a .jsonl file or - for stdin")


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...|-")
@db_option
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for articles that do not give one.")
def ingest(paths: tuple[str, ...], db: str | None, published: str | None) -> None:
    """Store articles (files, folders, JSONL with text/url/published/outlet fields, or - for stdin),
    merging their events with those already stored. Each article is committed on its own.

    \b
    Examples:
      marsad ingest ../shared/corpus/articles/
      marsad ingest feed.jsonl --db postgresql://marsad@localhost/marsad
    """
    counts: Counter = Counter()
    with open_store(db) as store:
        for item in _items(paths, published):
            if item.error is None:
                try:
                    result = store.ingest(item.text, published=item.published, url=item.url, outlet=item.outlet,
                                          title=item.title, document_id=item.document_id)
                    counts[result.status] += 1
                    continue
                except (MarsadError, ValueError) as error:  # ValueError: an extraction the contract rejects
                    item.error = str(error).splitlines()[0]
            click.echo(f"error: {item.name}: {item.error}", err=True)
            counts["failed"] += 1
    summary = f"{counts['new']} new, {counts['unchanged']} unchanged, {counts['replaced']} replaced"
    click.echo(summary + (f", {counts['failed']} failed" if counts["failed"] else ""))
    if counts["failed"]:
        sys.exit(1)


def _table(events: list[dict], total: int) -> str:
    lines = [f"{'date':<10}  {'type':<42}  {'location':<28}  {'killed':<16}  docs  id"]
    for event in events:
        kind = f"{event['event_type']} / {event['sub_event_type']}"
        place = event["location"]["name"] + f" ({event['location']['country']})" if event["location"] else "?"
        f = event["fatalities"]
        killed = f"{f['acled']}" + (f" [{f['low']}-{f['high']}]" if f["low"] != f["high"] else "")
        killed += " !" if event["disputed"] else ""
        lines.append(f"{event['date_start'] or '?':<10}  {kind[:42]:<42}  {place[:28]:<28}  {killed:<16}  "
                     f"{event['document_count']:>4}  {event['id']}")
    lines.append(f"{len(events)} of {total} event(s); ! = sources disagree on the toll")
    return "\n".join(lines)


@click.command()
@db_option
@click.option("--country", metavar="ISO3", help="Only events in this country, e.g. MLI.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only events on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only events on or before this day.")
@click.option("--type", "event_type", metavar="TYPE", help="ACLED event type or sub-type, e.g. 'Battles'.")
@click.option("--actor", metavar="NAME", help="Only events with an actor whose name contains NAME.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["table", "json", "csv", "geojson"]), default="table",
              show_default=True)
def events(db, country, since, until, event_type, actor, limit, output_format) -> None:
    """List merged events, newest first (csv: ACLED's columns).

    \b
    Examples:
      marsad events --country MLI --since 2024-07-01
      marsad events --type Battles --format geojson > battles.geojson
    """
    filters = {"country": country, "since": since, "until": until, "event_type": event_type, "actor": actor}
    with open_store(db) as store:
        found = store.events(**filters, limit=limit, detailed=output_format in ("json", "csv"))
        total = store.count_events(**filters)
    if output_format == "table":
        click.echo(_table(found, total))
    elif output_format == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    elif output_format == "csv":
        write_acled_csv(found, sys.stdout)
    else:
        write_geojson(found, sys.stdout)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="File to write [default: stdout].")
@click.option("--hxl", is_flag=True, help="acled-csv: add HXL hashtags as a second header row (OCHA HDX).")
def export(db, fmt, out, hxl) -> None:
    """Export every merged news event: acled-csv (ACLED's 31 columns), geojson, jsonl, parquet.

    \b
    Examples:
      marsad export --format acled-csv --hxl --out events.csv
      marsad export --format parquet --out events.parquet
    """
    with open_store(db) as store:
        target = out or (sys.stdout.buffer if fmt == "parquet" else sys.stdout)
        count = store.export(fmt, target, hxl=hxl)
    if out:
        click.echo(f"{count} record(s) written to {out}", err=True)

