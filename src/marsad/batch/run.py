"""`run_batch`: inputs to shards (and the store), resumable, with one engine or the other.

The run is a loop over outcomes in document order: fill a shard of `shard_size` records, write
it atomically, give its good documents to the store, then record it in the checkpoint. Killed at
any moment, the same call starts from the checkpoint and ends with the same files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from marsad.batch.atomic import remove_leftovers
from marsad.batch.checkpoint import Checkpoint, ShardEntry
from marsad.batch.documents import STATUSES, Position
from marsad.batch.errors import BadOptionError
from marsad.batch.process import Outcome
from marsad.batch.progress import progress_bar
from marsad.batch.readers import Fields, ReadOptions, check_inputs, iter_documents, total_bytes
from marsad.batch.sinks import FORMATS, StoreSink, write_shard
from marsad.inputs import MAX_BYTES

ENGINES = ("local", "ray")
SHARD_SIZE = 1000


@dataclass(frozen=True)
class BatchSummary:
    out_dir: Path
    documents: int
    ok: int
    skipped: int
    failed: int
    shards: int

    def line(self) -> str:
        return f"{self.ok} ok, {self.skipped} skipped, {self.failed} failed"


def run_batch(
    inputs: list[str],
    out_dir: str | Path,
    engine: str = "local",
    workers: int | None = None,
    ray_address: str | None = None,
    fields: Fields = Fields(),
    output_format: str = "jsonl",
    shard_size: int = SHARD_SIZE,
    max_bytes: int = MAX_BYTES,
    db: str | None = None,
    progress: bool | None = None,
) -> BatchSummary:
    """Process every document of `inputs` into `out_dir`; resumes the run recorded there, if any.

    `progress`: None shows the bar when stderr is a terminal. Returns the counts of the whole run.
    """
    _check_options(inputs, engine, output_format, shard_size, workers)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    options = ReadOptions(fields=fields, max_bytes=max_bytes)
    checkpoint = Checkpoint.open(out, _fingerprint(inputs, options, output_format, shard_size))
    if not checkpoint.complete:
        store = StoreSink(db) if db else None
        try:
            with progress_bar(total_bytes(inputs), progress) as bar:
                stream = _outcomes(
                    inputs,
                    options,
                    checkpoint.next,
                    engine,
                    workers or os.cpu_count() or 1,
                    ray_address,
                    keep_text=store is not None,
                )
                _write_shards(stream, out, checkpoint, output_format, shard_size, store, bar)
        finally:
            if store:
                store.close()
        checkpoint.finish(out)
    return _summary(out, checkpoint)


def _check_options(inputs, engine, output_format, shard_size, workers) -> None:
    if engine not in ENGINES:
        raise BadOptionError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if output_format not in FORMATS:
        raise BadOptionError(f"unknown format {output_format!r}; use one of {', '.join(FORMATS)}")
    if shard_size < 1 or (workers is not None and workers < 1):
        raise BadOptionError("--shard-size and --workers must be at least 1")
    if not inputs:
        raise BadOptionError("no inputs; give files, folders or feed URLs")
    check_inputs(inputs)


def _fingerprint(inputs, options: ReadOptions, output_format: str, shard_size: int) -> dict:
    """What decides the output; the engine and worker count do not, so a run may resume on another."""
    fields = options.fields
    return {
        "inputs": list(inputs),
        "fields": [fields.text, fields.published, fields.id],
        "max_bytes": options.max_bytes,
        "format": output_format,
        "shard_size": shard_size,
    }


def _outcomes(inputs, options, start: Position, engine, workers, ray_address, keep_text) -> Iterator[Outcome]:
    if start.unit >= len(inputs):
        return iter(())
    if engine == "ray":
        from marsad.batch import engine_ray

        return engine_ray.outcomes(inputs, options, start, workers, ray_address, keep_text)
    from marsad.batch import engine_local

    return engine_local.outcomes(iter_documents(inputs, options, start), workers, keep_text)


def _write_shards(stream, out: Path, checkpoint: Checkpoint, output_format, shard_size, store, bar) -> None:
    shard: list[Outcome] = []
    for outcome in stream:
        bar.advance(outcome)
        shard.append(outcome)
        if len(shard) == shard_size:
            _commit(shard, out, checkpoint, output_format, store)
            shard = []
    if shard:
        _commit(shard, out, checkpoint, output_format, store)


def _commit(shard: list[Outcome], out: Path, checkpoint: Checkpoint, output_format, store) -> None:
    records = [outcome.record for outcome in shard]
    name = write_shard(out, len(checkpoint.shards), records, output_format)
    if store:
        store.write(shard)
    counts = {status: sum(r["status"] == status for r in records) for status in STATUSES}
    last = shard[-1]
    checkpoint.commit(
        out, ShardEntry(file=name, documents=len(records), **counts), Position(last.unit, last.ordinal + 1)
    )


def _summary(out: Path, checkpoint: Checkpoint) -> BatchSummary:
    totals = checkpoint.totals()
    return BatchSummary(
        out_dir=out,
        documents=sum(totals.values()),
        ok=totals["ok"],
        skipped=totals["skipped"],
        failed=totals["error"],
        shards=len(checkpoint.shards),
    )
