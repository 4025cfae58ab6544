"""Whether the store changed since one last looked: a cheap question asked before every read that
may be answered from what was read before.

SQLite answers it with `PRAGMA data_version`, which a connection sees change whenever another
connection (of this process or any other) has committed; the watch keeps a connection of its own
that never writes, so every commit by anyone shows. PostgreSQL has no such number: there the
watch answers None and readers keep nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlalchemy.engine import Engine

# A watch that cannot read the number at once answers "unknown" rather than wait on the file.
_TIMEOUT_SECONDS = 1.0
# A new connection counts from its own start: the count keeps apart the numbers of each one.
_PER_CONNECTION = 1 << 48


class ChangeWatch:
    def __init__(self, path: str | None = None):
        self._address = None if path is None else Path(path).resolve().as_uri() + "?mode=rw"
        self._connection: sqlite3.Connection | None = None
        self._connections = 0
        self._lock = threading.Lock()

    @classmethod
    def of(cls, engine: Engine) -> ChangeWatch:
        database = engine.url.database
        if engine.dialect.name != "sqlite" or not database or database == ":memory:":
            return cls()
        return cls(database)

    def count(self) -> int | None:
        """A number that differs after every commit of another connection; None when it cannot tell."""
        if self._address is None:
            return None
        with self._lock:
            try:
                if self._connection is None:
                    self._connection = sqlite3.connect(
                        self._address, uri=True, timeout=_TIMEOUT_SECONDS, check_same_thread=False
                    )
                    self._connections += 1
                version = self._connection.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:
                self._close()
                return None
            return self._connections * _PER_CONNECTION + version

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
