"""`marsad serve` in a child process on a free port: for the HTTP tests and the API benchmark."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class LocalServer:
    base: str
    process: subprocess.Popen
    log: object  # the file holding the server's output

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")


@contextlib.contextmanager
def served(*args: str, token: str | None = None, timeout: float = 30) -> Iterator[str]:
    """Run `marsad serve ARGS` (MARSAD_TOKEN=token) until the block ends; yields the base URL."""
    with local_server(*args, token=token, timeout=timeout) as server:
        yield server.base


@contextlib.contextmanager
def local_server(
    *args: str, token: str | None = None, timeout: float = 30, env: dict[str, str] | None = None
) -> Iterator[LocalServer]:
    """`served`, giving the process and its output too (`env`: the environment, default this one's)."""
    port = free_port()
    env = {
        key: value for key, value in (env or os.environ).items() if key not in ("MARSAD_TOKEN", "MARSAD_DB")
    }
    if token:
        env["MARSAD_TOKEN"] = token
    command = [sys.executable, "-m", "marsad.cli", "serve", "--port", str(port), *args]
    # The log goes to a file, not a pipe nobody reads: a full pipe would freeze the server.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, process, log, timeout)
            yield LocalServer(base, process, log)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(base: str, process: subprocess.Popen, log, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"marsad serve exited: {log.read().decode(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError, urllib.error.URLError):
            with urllib.request.urlopen(f"{base}/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        time.sleep(0.1)
    raise RuntimeError(f"marsad serve did not answer {base}/health within {timeout:g} s")
