"""Batch runs: news folders, JSONL, feeds and web archives in; resumable shards (and the store) out.

    >>> from marsad.batch import run_batch
    >>> summary = run_batch(["news/"], "out/", workers=2)
    >>> summary.line()
    '1180 ok, 15 skipped, 5 failed'

Output folder:
  results-NNNNN.jsonl (or .parquet)  fixed-size shards in document order, one record a document:
      {"document_id", "source" (path, path:line, feed#entry, warc@offset), "status": ok|skipped|error,
       "reason" (null when ok), "meta": {title, url, outlet, published}, "extraction" (the contract, or null)}
      Error and skipped records live in the shards too: there is no separate errors file.
  manifest.json  the checkpoint: options, committed shards with counts, next position.
"""

from marsad.batch.readers import Fields
from marsad.batch.run import BatchSummary, run_batch

__all__ = ["run_batch", "BatchSummary", "Fields"]
