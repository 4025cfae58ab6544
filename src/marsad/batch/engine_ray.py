"""The Ray engine: the same reading and processing as the local engine, on Ray Data.

One read task per INPUT (a flat_map that streams its documents, with no CPU reserved so that it
never waits for the extraction actors), then `map_batches` over an actor pool: each actor builds
`Extractor` once, which loads the knowledge and the language detector once. Order is preserved,
so the shards are the same as with the local engine. Rows cross Ray as JSON strings: one column,
no schema to unify between blocks.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Iterator

from marsad.batch.documents import Position, SourceDoc
from marsad.batch.errors import EngineUnavailableError
from marsad.batch.process import Outcome, process, warm_up
from marsad.batch.readers import ReadOptions, iter_unit

BATCH_SIZE = 32
# Small blocks, so that one large input is spread over all the actors instead of filling one block.
BLOCK_BYTES = 256 * 1024
LOCAL_CLUSTER_ENV = {"RAY_AUTH_MODE": "disabled", "RAY_BACKEND_LOG_LEVEL": "fatal"}


class Extractor:
    """Built once per Ray actor; turns a batch of documents into a batch of outcomes."""

    def __init__(self, keep_text: bool):
        self.keep_text = keep_text
        warm_up()

    def __call__(self, batch: dict) -> dict:
        docs = (SourceDoc.from_json(line) for line in batch["doc"])
        return {"outcome": [process(doc, self.keep_text).to_json() for doc in docs]}


class ReadUnit:
    """The documents of one input, as rows."""

    def __init__(self, inputs: list[str], options: ReadOptions, start: Position):
        self.inputs, self.options, self.start = inputs, options, start
        self.cwd = os.getcwd()

    def __call__(self, row: dict) -> Iterator[dict]:
        # Inputs are named as the user gave them (the names are in the records, and must match the
        # local engine's), so relative paths are resolved from the driver's folder.
        if os.getcwd() != self.cwd:
            os.chdir(self.cwd)
        for doc in iter_unit(self.inputs, int(row["unit"]), self.options, self.start):
            yield {"doc": doc.to_json()}


def outcomes(
    inputs: list[str],
    options: ReadOptions,
    start: Position,
    workers: int,
    address: str | None = None,
    keep_text: bool = False,
) -> Iterator[Outcome]:
    """The outcome of every document from `start` on, in order, computed on a Ray cluster.

    Uses the cluster this process is already connected to; else connects to `address`; else
    starts a local one for the run (and stops it after).
    """
    ray = _import_ray(local=address is None)
    started_here = not ray.is_initialized()
    if started_here:
        _connect(ray, address, workers)
    try:
        dataset = _dataset(ray, inputs, options, start, workers, keep_text)
        for row in dataset.iter_rows():
            yield Outcome.from_json(row["outcome"])
    finally:
        if started_here:
            ray.shutdown()


def _import_ray(local: bool):
    if local:
        for name, value in LOCAL_CLUSTER_ENV.items():
            os.environ.setdefault(name, value)
    try:
        import ray
        import ray.data
    except ImportError:
        raise EngineUnavailableError(
            "--engine ray needs Ray: pip install 'marsad[ray]' (or use the default --engine local)"
        ) from None
    return ray


def _connect(ray, address: str | None, workers: int) -> None:
    if address:
        ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
    else:
        ray.init(
            num_cpus=max(workers, os.cpu_count() or 1),
            include_dashboard=False,
            log_to_driver=False,
            logging_level=logging.WARNING,
        )


def _dataset(ray, inputs, options, start, workers, keep_text):
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.execution_options.preserve_order = True
    context.target_max_block_size = BLOCK_BYTES
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    # A small input cannot keep every actor busy; Ray says so on each run, which is noise here.
    warnings.filterwarnings("ignore", message="The minimum number of concurrent actors")
    units = [{"unit": unit} for unit in range(start.unit, len(inputs))]
    return (
        ray.data.from_items(units, override_num_blocks=max(1, len(units)))
        .flat_map(ReadUnit(inputs, options, start), num_cpus=0)
        .map_batches(
            Extractor,
            fn_constructor_kwargs={"keep_text": keep_text},
            batch_size=BATCH_SIZE,
            compute=ray.data.ActorPoolStrategy(size=workers),
            batch_format="numpy",
        )
    )
