"""One writer at a time: merging reads clusters and rewrites them, so writers must not interleave.

SQLite already serialises writers (BEGIN IMMEDIATE, see engine.py); PostgreSQL takes a
transaction-scoped advisory lock, released at commit or when a killed client's session ends.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

_MARSAD_LOCK_KEY = 0x4D415253  # "MARS"


def lock_writes(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MARSAD_LOCK_KEY})
