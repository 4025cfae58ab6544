"""Versioned schema migrations: numbered steps, each applied once, in its own transaction.

`schema_version` records every step applied. Steps are plain DDL valid on SQLite and PostgreSQL
(TEXT, INTEGER, BIGINT, DOUBLE PRECISION, BOOLEAN, DATE), except the full-text index, which each engine
builds its own way (see `fulltext.py`), and step 5, which rebuilds the merged events from the stored
reports (through `tables.py`, reading and writing only the columns the database has at that step: a
later step may add columns, as step 6 adds the crowd size). A new step is appended with the next
number; a step is never edited once released, so a database at any version can be brought to the
latest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from marsad.store import fulltext
from marsad.store.errors import StoreSchemaError
from marsad.store.locking import lock_writes

_CORE_TABLES = (
    """CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        text_hash TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL,
        text TEXT NOT NULL,
        language TEXT,
        published DATE,
        url TEXT,
        outlet TEXT,
        title TEXT,
        extraction TEXT NOT NULL)""",
    "CREATE INDEX documents_url ON documents (url)",
    # One article's account of one event (the contract's Event); merged into `events`.
    """CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        family TEXT NOT NULL,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        date_start DATE,
        date_end DATE,
        time_precision INTEGER NOT NULL,
        location_name TEXT,
        location_text TEXT,
        country TEXT,
        admin1 TEXT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        geo_precision INTEGER,
        geonameid INTEGER,
        actors TEXT NOT NULL,
        background BOOLEAN NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_text TEXT NOT NULL,
        published DATE,
        outlet TEXT,
        event_id TEXT)""",
    "CREATE INDEX reports_document ON reports (document_id)",
    "CREATE INDEX reports_event ON reports (event_id)",
    "CREATE INDEX reports_family_date ON reports (family, date_start)",
    """CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        document_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        low INTEGER,
        high INTEGER,
        vague TEXT,
        approx BOOLEAN NOT NULL,
        victim_name TEXT NOT NULL,
        victim_text TEXT NOT NULL,
        source_name TEXT,
        source_text TEXT,
        stance TEXT NOT NULL,
        unverified BOOLEAN NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_text TEXT NOT NULL)""",
    "CREATE INDEX claims_report ON claims (report_id)",
    # The merged event: one row per cluster of reports, its id derived from the reports' ids.
    """CREATE TABLE events (
        id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        family TEXT NOT NULL,
        date_start DATE,
        date_end DATE,
        time_precision INTEGER NOT NULL,
        location_name TEXT,
        country TEXT,
        admin1 TEXT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        geo_precision INTEGER,
        geonameid INTEGER,
        actors TEXT NOT NULL,
        fatalities TEXT NOT NULL,
        fatalities_low INTEGER,
        fatalities_best INTEGER,
        fatalities_high INTEGER,
        fatalities_acled INTEGER NOT NULL,
        disputed BOOLEAN NOT NULL,
        spread INTEGER,
        background BOOLEAN NOT NULL,
        document_count INTEGER NOT NULL,
        last_published DATE)""",
    "CREATE INDEX events_country_date ON events (country, date_start)",
    "CREATE INDEX events_date ON events (date_start)",
    """CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        PRIMARY KEY (event_id, name))""",
)


def _core(connection: Connection) -> None:
    for statement in _CORE_TABLES:
        connection.execute(text(statement))


def _wide_geonameid(connection: Connection) -> None:
    # The gazetteer gives regions synthetic negative ids below -2**31. SQLite's INTEGER already
    # holds 64 bits; PostgreSQL's does not.
    if connection.dialect.name == "postgresql":
        for table in ("reports", "events"):
            connection.execute(text(f"ALTER TABLE {table} ALTER COLUMN geonameid TYPE BIGINT"))


def _admin2(connection: Connection) -> None:
    # The gazetteer now gives each place its second-level area (ACLED's admin2). Rows stored before
    # this step keep NULL: their extractions never had it.
    for table in ("reports", "events"):
        connection.execute(text(f"ALTER TABLE {table} ADD COLUMN admin2 TEXT"))


def _background_apart(connection: Connection) -> None:
    # Merging used to join a background report (a war's running toll, history) to a news event,
    # whose figures then carried it, and to join places in different first-level regions. The
    # stored reports keep their background flag and admin1: every event is rebuilt under the rule
    # that keeps them apart. An index serves the news/background filter of every listing.
    from marsad.store.remerge import remerge_all

    connection.execute(text("CREATE INDEX events_background_date ON events (background, date_start)"))
    remerge_all(connection)


def _crowd_size(connection: Connection) -> None:
    # A protest's or riot's crowd size as ACLED tags it. Reports stored before this step keep NULL:
    # their extractions never had it; re-ingesting an article fills it.
    for table in ("reports", "events"):
        connection.execute(text(f"ALTER TABLE {table} ADD COLUMN crowd_size TEXT"))


# (number, description, step). Append only.
MIGRATIONS: tuple[tuple[int, str, Callable[[Connection], None]], ...] = (
    (1, "documents, reports, claims, merged events", _core),
    (2, "full-text index over articles", fulltext.create_index),
    (3, "geonameid as a 64-bit integer", _wide_geonameid),
    (4, "admin2 of report and event places", _admin2),
    (5, "background events and other first-level regions never merged into news events", _background_apart),
    (6, "crowd size of protests and riots", _crowd_size),
)
LATEST = MIGRATIONS[-1][0]


def migrate(engine: Engine) -> int:
    """Bring the database to the latest schema; returns the version it is at."""
    with engine.connect().execution_options(marsad_write=True) as connection, connection.begin():
        connection.execute(
            text(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        )
    current = current_version(engine)
    if current > LATEST:
        raise StoreSchemaError(
            f"the database is at schema version {current}, newer than this Marsad ({LATEST}); upgrade Marsad"
        )
    for number, description, step in MIGRATIONS:
        if number > current:
            _apply(engine, number, description, step)
    return LATEST


def current_version(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(text("SELECT COALESCE(MAX(version), 0) FROM schema_version")).scalar_one()


def _apply(engine: Engine, number: int, description: str, step) -> None:
    with engine.connect().execution_options(marsad_write=True) as connection, connection.begin():
        lock_writes(connection)
        # another process may have applied it while we waited for the lock
        if connection.execute(text("SELECT 1 FROM schema_version WHERE version = :v"), {"v": number}).first():
            return
        step(connection)
        connection.execute(
            text("INSERT INTO schema_version (version, description, applied_at) VALUES (:v, :d, :t)"),
            {"v": number, "d": description, "t": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
        )
