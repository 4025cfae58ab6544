"""Worker processes that end with the process that started them.

A pool worker whose parent is SIGKILLed (a resumable batch run must survive that) is reparented
to init and lives on, holding its ~100 MB of knowledge, and each kill-and-resume would add more.
A watchdog thread polls the parent's id instead of using Linux's PR_SET_PDEATHSIG, which fires
when the parent *thread* that started the worker ends, not the parent process.
"""

from __future__ import annotations

import os
import threading
import time

POLL_SECONDS = 0.25


def end_with_parent(poll_seconds: float = POLL_SECONDS) -> None:
    """Call first thing in a worker: it exits once its parent is gone, whatever it is doing."""
    parent = os.getppid()
    threading.Thread(target=_watch, args=(parent, poll_seconds), name="marsad-lifeline", daemon=True).start()


def _watch(parent: int, poll_seconds: float) -> None:
    while os.getppid() == parent:
        time.sleep(poll_seconds)
    # os._exit: no clean-up handlers, which could wait on the dead parent's pipes.
    os._exit(1)
