"""`marsad ingest`, `marsad events`, `marsad export`: thin commands over marsad.store.

Examples:
    marsad ingest ../shared/corpus/articles/ --db marsad.db
    marsad ingest feed.jsonl --db postgresql://marsad@localhost/marsad
    marsad events --country MLI --since 2024-07-01 --format table
    marsad export --format acled-csv --hxl --out events.csv
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter

import click

from marsad.batch.documents import SourceDoc
from marsad.batch.process import article_text
from marsad.batch.readers import ReadOptions, iter_documents
from marsad.errors import MarsadError
from marsad.knowledge.reference import KNOWLEDGE
from marsad.store import open_store
from marsad.store.errors import IngestInputError
from marsad.store.export import FORMATS, acled_csv, write_geojson

db_option = click.option(
    "--db",
    metavar="URL",
    envvar="MARSAD_DB",
    default=None,
    help="Store: a file path, sqlite:///path or postgresql://... [default: ./marsad.db; env MARSAD_DB]",
)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...|-")
@db_option
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for articles that do not give one.")
def ingest(paths: tuple[str, ...], db: str | None, published: str | None) -> None:
    """Store articles (files, folders, JSONL with text/url/published/outlet fields, or - for stdin;
    read as `marsad batch` reads them, with ar01.json next to ar01.txt giving its date, url, outlet
    and title), merging their events with those already stored. Each article is committed on its own.

    \b
    Examples:
      marsad ingest ../shared/corpus/articles/
      marsad ingest feed.jsonl --db postgresql://marsad@localhost/marsad
    """
    counts: Counter = Counter()
    inputs = list(paths)
    with open_store(db, KNOWLEDGE) as store:
        for doc in iter_documents(inputs, ReadOptions()):
            if doc.skip and os.path.isdir(inputs[doc.unit]):
                continue  # a folder's other files: only its articles are for the store
            error = _unreadable(doc)
            if error is None:
                try:
                    counts[_store_document(store, doc, published)] += 1
                    continue
                except (MarsadError, ValueError) as failure:  # ValueError: an extraction the contract rejects
                    error = str(failure).splitlines()[0]
            click.echo(f"error: {doc.source}: {error}", err=True)
            counts["failed"] += 1
    summary = f"{counts['new']} new, {counts['unchanged']} unchanged, {counts['replaced']} replaced"
    click.echo(summary + (f", {counts['failed']} failed" if counts["failed"] else ""))
    if counts["failed"]:
        sys.exit(1)


def _unreadable(doc: SourceDoc) -> str | None:
    """Why a document could not be read (a file named on the command line that is no article, too)."""
    if doc.skip:
        return str(
            IngestInputError(
                f"{doc.skip}; give .txt or .html articles, a folder of them, a .jsonl file or - for stdin"
            )
        )
    return doc.failure


def _store_document(store, doc: SourceDoc, published: str | None) -> str:
    """Extract and store one document read by marsad.batch.readers; its status ("new", ...)."""
    text, meta = article_text(doc)
    # Only an id the input gives is kept: otherwise the store derives one from the url or the text.
    return store.ingest(
        text,
        published=(meta.published or "")[:10] or published,
        url=meta.url,
        outlet=meta.outlet,
        title=meta.title,
        document_id=doc.document_id if doc.given_id else None,
    ).status


def _table(events: list[dict], total: int) -> str:
    lines = [f"{'date':<10}  {'type':<42}  {'location':<28}  {'killed':<16}  docs  id"]
    for event in events:
        kind = f"{event['event_type']} / {event['sub_event_type']}"
        place = event["location"]["name"] + f" ({event['location']['country']})" if event["location"] else "?"
        f = event["fatalities"]
        killed = f"{f['acled']}" + (f" [{f['low']}-{f['high']}]" if f["low"] != f["high"] else "")
        killed += " !" if event["disputed"] else ""
        lines.append(
            f"{event['date_start'] or '?':<10}  {kind[:42]:<42}  {place[:28]:<28}  {killed:<16}  "
            f"{event['document_count']:>4}  {event['id']}"
        )
    lines.append(f"{len(events)} of {total} event(s); ! = sources disagree on the toll")
    return "\n".join(lines)


@click.command()
@db_option
@click.option("--country", metavar="ISO3", help="Only events in this country, e.g. MLI.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only events on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only events on or before this day.")
@click.option("--type", "event_type", metavar="TYPE", help="ACLED event type or sub-type, e.g. 'Battles'.")
@click.option(
    "--actor", metavar="NAME", help="Only events with an actor whose name contains NAME (Arabic or ACLED's)."
)
@click.option(
    "--place",
    metavar="NAME",
    help="Only events whose place, district or region is named NAME, or part of it (Arabic or Latin).",
)
@click.option(
    "--background",
    is_flag=True,
    help="List the background events (history, a war's running toll) instead of the news.",
)
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "csv", "geojson"]),
    default="table",
    show_default=True,
)
def events(db, country, since, until, event_type, actor, place, background, limit, output_format) -> None:
    """List merged news events, newest first (csv: ACLED's 31 columns, as `marsad export` gives them).

    \b
    Examples:
      marsad events --country MLI --since 2024-07-01
      marsad events --place غاو
      marsad events --type Battles --format geojson > battles.geojson
      marsad events --background
    """
    filters = {
        "country": country,
        "since": since,
        "until": until,
        "event_type": event_type,
        "actor": actor,
        "place": place,
        "background": background,
    }
    with open_store(db, KNOWLEDGE) as store:
        found = store.events(**filters, limit=limit, detailed=output_format in ("json", "csv"))
        total = store.count_events(**filters)
    if output_format == "table":
        click.echo(_table(found, total))
    elif output_format == "json":
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
    elif output_format == "csv":
        click.echo(acled_csv(found, reference=KNOWLEDGE), nl=False)
    else:
        write_geojson(found, sys.stdout)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option(
    "--out", type=click.Path(dir_okay=False, writable=True), help="File to write [default: stdout]."
)
@click.option("--hxl", is_flag=True, help="acled-csv: add HXL hashtags as a second header row (OCHA HDX).")
def export(db, fmt, out, hxl) -> None:
    """Export every merged news event: acled-csv (ACLED's 31 columns), geojson, jsonl, parquet.

    \b
    Examples:
      marsad export --format acled-csv --hxl --out events.csv
      marsad export --format parquet --out events.parquet
    """
    with open_store(db, KNOWLEDGE) as store:
        target = out or (sys.stdout.buffer if fmt == "parquet" else sys.stdout)
        count = store.export(fmt, target, hxl=hxl)
    if out:
        click.echo(f"{count} record(s) written to {out}", err=True)
