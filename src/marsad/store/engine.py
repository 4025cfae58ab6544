"""One SQLAlchemy engine for SQLite or PostgreSQL, set up so both behave alike.

SQLite: WAL (readers never block the writer, and a killed writer leaves the last committed
state), foreign keys on, a busy timeout, and explicit BEGIN so DDL and DML share one transaction
(pysqlite's own transaction handling would commit before DDL). Writers take BEGIN IMMEDIATE so
two ingesting processes queue instead of failing on a lock upgrade.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError

from marsad.store.errors import StoreDependencyError, StoreUrlError

DEFAULT_SQLITE_FILE = "marsad.db"
WRITE_OPTION = "marsad_write"
_BUSY_TIMEOUT_MS = 60_000


def database_url(url: str | None) -> str:
    """A SQLAlchemy URL from what a user types: nothing, a file path, sqlite:///..., postgresql://..."""
    if url is None or not str(url).strip():
        return f"sqlite:///{Path(DEFAULT_SQLITE_FILE).resolve()}"
    url = str(url).strip()
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("sqlite:", "postgresql+psycopg:")):
        return url
    raise StoreUrlError(
        f"{url!r} is not a store address; give a file path, sqlite:///path or postgresql://user@host/db"
    )


def make_engine(url: str | None) -> Engine:
    address = database_url(url)
    try:
        parsed = make_url(address)
    except ArgumentError:
        raise StoreUrlError(
            f"{url!r} is not a valid database URL; e.g. postgresql://user:pw@host:5432/db"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(address)
    # fail early, with the fix, rather than deep inside SQLAlchemy
    if importlib.util.find_spec("psycopg") is None:
        raise StoreDependencyError(
            "a PostgreSQL store needs psycopg; install it with: pip install 'psycopg[binary]>=3.1'"
        )
    return create_engine(address, pool_pre_ping=True)


def _sqlite_engine(address: str) -> Engine:
    engine = create_engine(address, connect_args={"timeout": _BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode=WAL",
            "synchronous=NORMAL",
            "foreign_keys=ON",
            f"busy_timeout={_BUSY_TIMEOUT_MS}",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection):
        writing = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine
