"""The extraction behind POST /extract and POST /documents: in worker processes, on a time budget.

The extraction is pure CPU Python: a thread running it cannot be interrupted, and one slow text
held a thread (and the GIL) for minutes after its client had gone. Each worker is a process the
server can kill: a request that runs out of its budget, or whose client disconnects, kills its
worker, which is replaced in the background. Workers load the knowledge once, at start, and end
with the server even if it is SIGKILLed.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import multiprocessing
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection

import marsad
from marsad.api.errors import ClientGoneError, ExtractionBusyError, ExtractionTooSlowError, InternalError
from marsad.errors import MarsadError
from marsad.lifeline import end_with_parent

log = logging.getLogger("marsad.api")

# One short sentence loads the gazetteer and lexicons before the first request needs them.
WARM_UP_TEXT = "قتل ثلاثة جنود في هجوم قرب غاو أمس."
READY = "ready"
# How often a waiting request checks whether its client is still there.
DISCONNECT_POLL_SECONDS = 0.2
START_TIMEOUT_SECONDS = 120
# How long a request waits for a free worker: all are busy, or one is restarting after a kill.
QUEUE_SECONDS = 30


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.Process
    connection: Connection


class _OutOfTime(Exception):
    pass


class ExtractionPool:
    """`workers` processes, each extracting one text at a time; a request takes an idle one."""

    def __init__(self, workers: int, budget_seconds: float):
        self.size = workers
        self.budget = budget_seconds
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._replacements: set[asyncio.Task] = set()
        self._stopping = False
        # Why the last worker could not start, if it said (a coded setup error's code and message):
        # with no worker running, a request is answered with it at once rather than waiting for none.
        self._start_failure: tuple[str, str] | None = None

    async def start(self) -> None:
        """Start every worker and wait until each has loaded the knowledge."""
        await asyncio.gather(*(self._add_worker() for _ in range(self.size)))

    async def extract(
        self, text: str, published: dt.date | None, document_id: str | None, disconnected
    ) -> str:
        """The extraction as JSON; `disconnected` is the request's async is-the-client-gone check."""
        worker = await self._take_worker(disconnected)
        try:
            worker.connection.send((text, published, document_id))
            with _readable(worker.connection) as replied:
                await _wait(replied, self.budget, disconnected)
            reply = worker.connection.recv()
        except _OutOfTime:
            self._discard(worker)
            raise ExtractionTooSlowError(
                f"the extraction of this {len(text.encode('utf-8')) / 1024:.0f} KB text ran out of the "
                f"server's {self.budget:g} s budget and was stopped; "
                "send shorter text (one article per request) "
                "or have the operator raise the budget (marsad serve --extract-budget SECONDS)"
            ) from None
        except (OSError, EOFError):
            self._discard(worker)
            log.error("an extraction worker died (out of memory?); replacing it")
            raise InternalError("the extraction worker stopped; the server log has the details") from None
        except BaseException:  # the client went, or the server is stopping: stop the work too
            self._discard(worker)
            raise
        self._idle.put_nowait(worker)
        return _answer(reply)

    def stop(self) -> None:
        self._stopping = True
        for task in self._replacements:
            task.cancel()
        for worker in list(self._all):
            _kill(worker)

    async def _take_worker(self, disconnected) -> _Worker:
        if not self._all and self._start_failure is not None:
            raise _CoreError(*self._start_failure)
        getter = asyncio.ensure_future(self._idle.get())
        try:
            await _wait(getter, QUEUE_SECONDS, disconnected)
        except BaseException as error:
            if getter.done() and not getter.cancelled():
                self._idle.put_nowait(getter.result())  # it came in as we gave up: not lost
            getter.cancel()
            if isinstance(error, _OutOfTime):
                raise ExtractionBusyError(
                    f"all {self.size} extraction workers stayed busy for {QUEUE_SECONDS} s; retry later",
                    headers={"Retry-After": "5"},
                ) from None
            raise
        return getter.result()

    def _discard(self, worker: _Worker) -> None:
        _kill(worker)
        self._all.discard(worker)
        if self._stopping:
            return
        task = asyncio.ensure_future(self._add_worker())
        self._replacements.add(task)
        task.add_done_callback(self._replacements.discard)

    async def _add_worker(self) -> None:
        ours, theirs = multiprocessing.Pipe()
        # spawn: a clean interpreter, without the server's threads, sockets or event loop.
        process = multiprocessing.get_context("spawn").Process(
            target=_serve, args=(theirs,), daemon=True, name="marsad-extract"
        )
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self._all.add(worker)
        try:
            with _readable(ours) as started:
                await asyncio.wait_for(started, START_TIMEOUT_SECONDS)
            reply = ours.recv()
        except (TimeoutError, OSError, EOFError):
            reply = None
        if reply != READY:
            _kill(worker)
            self._all.discard(worker)
            self._start_failure = reply[1] if reply else None
            log.error(
                "an extraction worker did not start%s; %d of %d are running",
                " ({}: {})".format(*self._start_failure) if self._start_failure else "",
                len(self._all),
                self.size,
            )
            return
        self._start_failure = None
        self._idle.put_nowait(worker)


async def _wait(future: asyncio.Future, seconds: float, disconnected) -> None:
    """Wait `seconds` at most for `future`, giving up early if the client goes."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not future.done():
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise _OutOfTime
        await asyncio.wait({future}, timeout=min(remaining, DISCONNECT_POLL_SECONDS))
        if not future.done() and await disconnected():
            raise ClientGoneError("the client closed the connection; the extraction was stopped")


@contextlib.contextmanager
def _readable(connection: Connection):
    """A future done once `connection` has something to read (or is closed at the other end)."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    descriptor = connection.fileno()
    loop.add_reader(descriptor, lambda: ready.done() or ready.set_result(None))
    try:
        yield ready
    finally:
        # Before the connection may be closed: a closed descriptor's number is soon reused.
        loop.remove_reader(descriptor)


def _kill(worker: _Worker) -> None:
    with contextlib.suppress(OSError):
        worker.process.kill()
    worker.connection.close()
    # Reap it off the event loop: the kill is immediate, the exit status may take a moment.
    asyncio.get_running_loop().run_in_executor(None, worker.process.join, 5)


def _answer(reply: tuple) -> str:
    kind, payload = reply
    if kind == "ok":
        return payload
    if kind == "coded":
        raise _CoreError(*payload)
    log.error("extraction failed: %s", payload)
    raise InternalError("the extraction failed on this text; the server log has the details")


class _CoreError(MarsadError):
    """A coded error raised in a worker (a bad date, a damaged gazetteer), re-raised in the server
    with its code, and so with its code's kind."""

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


def _serve(connection: Connection) -> None:
    """A worker's life: warm up, then extract whatever comes until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in a terminal is the server's to handle
    end_with_parent()
    try:
        marsad.extract(WARM_UP_TEXT)
    except MarsadError as error:  # the knowledge cannot load (a broken gazetteer): say why, and end
        connection.send(_coded(error))
        return
    connection.send(READY)
    while True:
        try:
            text, published, document_id = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(_extract(text, published, document_id))


def _extract(text: str, published, document_id) -> tuple:
    try:
        return "ok", marsad.extract(text, published=published, document_id=document_id).model_dump_json()
    except MarsadError as error:
        return _coded(error)
    except Exception as error:  # a bug on one text must not end the worker
        return "bug", f"{type(error).__name__}: {error}"


def _coded(error: MarsadError) -> tuple:
    return "coded", (error.code, error.message)
