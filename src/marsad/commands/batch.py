"""`marsad batch`: a thin wrapper over marsad.batch.run_batch."""

from __future__ import annotations

import sys

import click

from marsad.batch.readers import Fields
from marsad.batch.run import ENGINES, SHARD_SIZE, run_batch
from marsad.batch.sinks import FORMATS
from marsad.inputs import MAX_BYTES


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--out",
    "out_dir",
    required=True,
    metavar="DIR",
    help="Folder for the shards and the manifest (checkpoint).",
)
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True)
@click.option(
    "--workers", type=click.IntRange(min=1), help="Worker processes or Ray actors [default: CPU count]."
)
@click.option("--ray-address", metavar="ADDR", help="An existing Ray cluster (default: start a local one).")
@click.option("--text-field", default="text", show_default=True, help="JSONL field holding the article text.")
@click.option(
    "--published-field", default="published", show_default=True, help="JSONL field holding the date."
)
@click.option("--id-field", default="id", show_default=True, help="JSONL field holding the document id.")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "--shard-size",
    type=click.IntRange(min=1),
    default=SHARD_SIZE,
    show_default=True,
    help="Documents per shard (a resumed run redoes at most one shard).",
)
@click.option("--max-bytes", type=int, default=MAX_BYTES, show_default=True, help="Largest article accepted.")
@click.option("--db", metavar="URL", help="Also write the good documents into the store at URL.")
def batch(
    inputs,
    out_dir,
    engine,
    workers,
    ray_address,
    text_field,
    published_field,
    id_field,
    output_format,
    shard_size,
    max_bytes,
    db,
) -> None:
    """Extract every article of INPUT... (folders of .txt/.html, .jsonl[.gz], RSS/Atom files or URLs,
    .warc[.gz]) into shards in DIR. Run the same command again to resume a killed run.

    Every document gets a record (ok, skipped, error) in the shards; the exit status is 1 when
    some failed.

    \b
    Examples:
      marsad batch news/ --out runs/today
      marsad batch archive.jsonl.gz --out runs/archive --text-field body --workers 8
      marsad batch crawl.warc.gz --out runs/crawl --engine ray --ray-address auto
    """
    summary = run_batch(
        list(inputs),
        out_dir,
        engine=engine,
        workers=workers,
        ray_address=ray_address,
        fields=Fields(text_field, published_field, id_field),
        output_format=output_format,
        shard_size=shard_size,
        max_bytes=max_bytes,
        db=db,
    )
    click.echo(f"{summary.documents} documents: {summary.line()} -> {summary.out_dir}", err=True)
    if summary.failed:
        sys.exit(1)
