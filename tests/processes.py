"""Helpers for the tests that start and kill processes: wait for a condition, find a run's processes,
give a run an input that never ends."""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROC = Path("/proc")


def wait_until(condition, timeout: float, what: str) -> None:
    """Poll `condition` until it holds; fail saying `what` was awaited once `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"waited {timeout:g} s for {what}")
        time.sleep(0.02)


def wait_while_running(process, condition, timeout: float, what: str) -> None:
    """`wait_until` for a process that must still be running when `condition` holds."""
    wait_until(lambda: process.poll() is not None or condition(), timeout, what)
    if process.poll() is not None:
        pytest.fail(f"the process ended (status {process.returncode}) before {what}")


@contextmanager
def endless_input(path: Path, lines: list[bytes]) -> Iterator[None]:
    """Make `path` a named pipe that a thread fills with `lines` and then holds open: a run reading
    it never reaches the end of its input, so it is still at work when the test kills it, however
    loaded the machine. Leaving closes the pipe (the input ends there) and removes it."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("an endless input is a named pipe (POSIX)")
    os.mkfifo(path)
    leave = threading.Event()
    feeder = threading.Thread(target=_feed, args=(path, lines, leave), daemon=True)
    feeder.start()
    try:
        yield
    finally:
        leave.set()
        # If no reader ever came (the run failed first), the feeder still waits in open(): be one, briefly.
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
        feeder.join(timeout=60)
        path.unlink()


def _feed(path: Path, lines: list[bytes], leave: threading.Event) -> None:
    try:
        with open(path, "wb", buffering=0) as pipe:
            for line in lines:
                if leave.is_set():
                    return
                pipe.write(line)
            leave.wait()
    except BrokenPipeError:  # the reader was killed
        pass


def run_tag() -> tuple[str, dict[str, str]]:
    """A tag and an environment carrying it: every process a run starts inherits it."""
    if not PROC.is_dir():
        pytest.skip("finding a run's processes reads /proc (Linux)")
    tag = uuid.uuid4().hex
    return tag, {**os.environ, "MARSAD_TEST_RUN": tag}


def tagged_processes(tag: str) -> list[int]:
    """The live processes whose environment carries `tag`."""
    marker = f"MARSAD_TEST_RUN={tag}".encode()
    return [pid for pid in _live() if marker in _read(pid, "environ").split(b"\0")]


def children(pid: int) -> list[int]:
    return [child for child, fields in _live().items() if int(fields[1]) == pid]


def command_line(pid: int) -> str:
    return _read(pid, "cmdline").replace(b"\0", b" ").decode(errors="replace")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time `pid` has used so far."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def alive(pid: int) -> bool:
    fields = _stat(pid)
    return bool(fields) and fields[0] != "Z"


def _live() -> dict[int, list[str]]:
    """Every process but zombies (dead, waiting for their parent to read their exit status), with
    its stat fields; a process that ends while this reads is left out."""
    found = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields and fields[0] != "Z":
                found[int(entry.name)] = fields
    return found


def _stat(pid: int) -> list[str]:
    # The fields after the command name, which is in parentheses and may itself hold spaces.
    text = _read(pid, "stat").decode(errors="replace")
    return text.rsplit(")", 1)[1].split() if text else []


def _read(pid: int, name: str) -> bytes:
    try:
        return (PROC / str(pid) / name).read_bytes()
    except OSError:  # gone meanwhile, or not ours to read
        return b""
