"""The default engine: a process pool on this machine, no Ray needed.

Documents are read here and sent to the workers in small chunks; at most `IN_FLIGHT_PER_WORKER`
chunks per worker are out at once, so memory stays flat however large the input. Results come
back in document order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import islice

from marsad.batch.documents import SourceDoc
from marsad.batch.process import Outcome, process, warm_up
from marsad.lifeline import end_with_parent

CHUNK = 16
IN_FLIGHT_PER_WORKER = 4


def outcomes(docs: Iterable[SourceDoc], workers: int, keep_text: bool = False) -> Iterator[Outcome]:
    """The outcome of every document, in order, computed by `workers` processes."""
    # spawn: workers start clean (no copy of the reader's state or threads) and warm up once.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker) as pool:
        pending: deque[Future] = deque()
        chunks = _chunks(iter(docs))
        try:
            for chunk in chunks:
                pending.append(pool.submit(_process_chunk, chunk, keep_text))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _start_worker() -> None:
    # A worker of a SIGKILLed run must not outlive it; the resource tracker ends with the last worker.
    end_with_parent()
    warm_up()


def _chunks(docs: Iterator[SourceDoc]) -> Iterator[list[SourceDoc]]:
    while chunk := list(islice(docs, CHUNK)):
        yield chunk


def _process_chunk(chunk: list[SourceDoc], keep_text: bool) -> list[Outcome]:
    return list(map(partial(process, keep_text=keep_text), chunk))
