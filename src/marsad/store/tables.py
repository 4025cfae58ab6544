"""SQLAlchemy Core tables used to read and write the store; their DDL lives in migrations.py.

A test checks these against a migrated database, column by column.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, Float, Integer, MetaData, Table, Text

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Text, primary_key=True),
    Column("text_hash", Text),
    Column("sha256", Text),
    Column("text", Text),
    Column("language", Text),
    Column("published", Date),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("extraction", Text),
)

_PLACE = ("location_name", "country", "admin1", "admin2")
_COORDINATES = ("lat", "lon")

reports = Table(
    "reports",
    metadata,
    Column("id", Text, primary_key=True),
    Column("document_id", Text),
    Column("local_id", Text),
    Column("family", Text),
    Column("event_type", Text),
    Column("sub_event_type", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("time_precision", Integer),
    *(Column(name, Text) for name in _PLACE),
    Column("location_text", Text),
    *(Column(name, Float) for name in _COORDINATES),
    Column("geo_precision", Integer),
    Column("geonameid", BigInteger),
    Column("actors", Text),
    Column("background", Boolean),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence_text", Text),
    Column("published", Date),
    Column("outlet", Text),
    Column("event_id", Text),
    Column("crowd_size", Text),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Text, primary_key=True),
    Column("report_id", Text),
    Column("document_id", Text),
    Column("position", Integer),
    Column("kind", Text),
    Column("low", Integer),
    Column("high", Integer),
    Column("vague", Text),
    Column("approx", Boolean),
    Column("victim_name", Text),
    Column("victim_text", Text),
    Column("source_name", Text),
    Column("source_text", Text),
    Column("stance", Text),
    Column("unverified", Boolean),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence_text", Text),
)

events = Table(
    "events",
    metadata,
    Column("id", Text, primary_key=True),
    Column("event_type", Text),
    Column("sub_event_type", Text),
    Column("family", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("time_precision", Integer),
    *(Column(name, Text) for name in _PLACE),
    *(Column(name, Float) for name in _COORDINATES),
    Column("geo_precision", Integer),
    Column("geonameid", BigInteger),
    Column("actors", Text),
    Column("fatalities", Text),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("fatalities_acled", Integer),
    Column("disputed", Boolean),
    Column("spread", Integer),
    Column("background", Boolean),
    Column("document_count", Integer),
    Column("last_published", Date),
    Column("crowd_size", Text),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("name", Text, primary_key=True),
)
