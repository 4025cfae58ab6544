"""Where records go: fixed-size shards in the output folder (JSONL or Parquet), and the store.

Shards are named results-NNNNN.jsonl|parquet and written atomically (temp file, fsync, os.replace).
Error and skipped records stay in the shards, next to the good ones, in document order: one place
to look, and a shard is complete or absent as a whole.
Parquet columns: document_id, source, status, reason, meta (struct), extraction (the contract as a
JSON string: events and claims nest too deeply and too variably for a fixed column schema).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from marsad.batch.atomic import write_atomically
from marsad.batch.errors import StoreUnavailableError
from marsad.batch.process import Outcome

FORMATS = ("jsonl", "parquet")


def shard_name(index: int, output_format: str) -> str:
    return f"results-{index:05d}.{output_format}"


def write_shard(out_dir: Path, index: int, records: list[dict], output_format: str) -> str:
    name = shard_name(index, output_format)
    data = _jsonl(records) if output_format == "jsonl" else _parquet(records)
    write_atomically(out_dir / name, data)
    return name


def _jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def _parquet(records: list[dict]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    text = pa.string()
    meta = pa.struct([("title", text), ("url", text), ("outlet", text), ("published", text)])
    schema = pa.schema(
        [
            ("document_id", text),
            ("source", text),
            ("status", text),
            ("reason", text),
            ("meta", meta),
            ("extraction", text),
        ]
    )
    rows = [
        {
            **r,
            "extraction": None
            if r["extraction"] is None
            else json.dumps(r["extraction"], ensure_ascii=False),
        }
        for r in records
    ]
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), buffer)
    return buffer.getvalue()


class StoreSink:
    """Writes the good documents of each committed shard into the store (marsad.store).

    The store is the other half of the project; it is imported only when --db is given. A resumed
    run writes again the shard that was in progress, so `ingest_extraction` must be idempotent
    (keyed by document id).
    """

    def __init__(self, url: str):
        try:
            from marsad.store import open_store
        except ImportError:
            raise StoreUnavailableError(
                "--db needs the store (marsad.store), which is not installed; write to --out only"
            ) from None
        self.store = open_store(url)

    def write(self, outcomes: list[Outcome]) -> None:
        from marsad.schema import Extraction

        for outcome in outcomes:
            record = outcome.record
            if record["status"] != "ok":
                continue
            meta = record["meta"]
            self.store.ingest_extraction(
                Extraction.model_validate(record["extraction"]),
                outcome.text,
                url=meta["url"],
                outlet=meta["outlet"],
                title=meta["title"],
            )

    def close(self) -> None:
        close = getattr(self.store, "close", None)
        if close:
            close()
