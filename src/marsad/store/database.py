"""The store: articles in, merged and reconciled events out, on SQLite or PostgreSQL.

Each ingested article is one transaction: its document, reports and claims, and the merged
events it touches are rewritten together, so a process killed mid-ingest leaves the database
as it was after the previous article.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from typing import IO

from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

import marsad
from marsad.schema import Extraction
from marsad.store import export as exporters
from marsad.store import fulltext, query
from marsad.store.changes import ChangeWatch
from marsad.store.engine import WRITE_OPTION, make_engine
from marsad.store.errors import StoreOpenError
from marsad.store.ingest import IngestResult, Metadata, document_id_for, stored_version, write_document
from marsad.store.locking import lock_writes
from marsad.store.migrations import migrate
from marsad.store.reference import AS_STORED, Reference
from marsad.store.remerge import remerge


class Store:
    def __init__(self, url: str | None = None, reference: Reference = AS_STORED):
        self.engine = make_engine(url)
        self.reference = reference  # what the knowledge says of names, countries and sources
        try:
            self.schema_version = migrate(self.engine)
        except OperationalError as error:
            self.engine.dispose()
            raise StoreOpenError(
                f"cannot open the store {self.engine.url.render_as_string(hide_password=True)}: "
                f"{str(error.orig).strip().splitlines()[0]}; check the path or server"
            ) from None
        self._changes = ChangeWatch.of(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def _write(self):
        with (
            self.engine.connect().execution_options(**{WRITE_OPTION: True}) as connection,
            connection.begin(),
        ):
            lock_writes(connection)
            yield connection

    @contextmanager
    def _read(self, snapshot: bool = False):
        """A read transaction; `snapshot`: one consistent view across many queries (SQLite's WAL
        read transactions already are; PostgreSQL needs REPEATABLE READ)."""
        with self.engine.connect() as connection:
            if snapshot and self.dialect == "postgresql":
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    def ingest(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        url: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        document_id: str | None = None,
    ) -> IngestResult:
        """Extract and store one article. The same text again is "unchanged" and not re-extracted,
        unless it comes with new metadata (a date, url, outlet or title): then the stored version
        is replaced, keeping its id and whatever metadata this call does not give."""
        given = Metadata(marsad.parse_date(published), url, outlet, title)
        with self._read() as connection:
            same = stored_version(connection, text)
        if same is not None and not given.news_for(same.metadata):
            return same.unchanged()
        if same is not None:
            given = given.over(same.metadata)
            document_id = document_id or same.document_id
        extraction = marsad.extract(
            text, published=given.published, document_id=document_id_for(text, given.url, document_id)
        )
        return self.ingest_extraction(extraction, text, url=given.url, outlet=given.outlet, title=given.title)

    def ingest_extraction(
        self,
        extraction: Extraction,
        text: str,
        *,
        url: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
    ) -> IngestResult:
        """Store an article whose extraction was done elsewhere (a batch run)."""
        with self._write() as connection:
            change = write_document(connection, extraction, text, url=url, outlet=outlet, title=title)
            if change.result.status != "unchanged":
                remerge(connection, change.report_ids, change.removed_event_ids)
        return change.result

    def events(
        self,
        *,
        country: str | None = None,
        since=None,
        until=None,
        event_type: str | None = None,
        actor: str | None = None,
        place: str | None = None,
        limit: int = 100,
        offset: int = 0,
        background: bool = False,
        detailed: bool = False,
    ) -> list[dict]:
        """Merged news events, newest first (`background`: the background events instead: history
        and running tolls, never merged with news); `detailed`: each as `event()` gives it."""
        where = query.EventFilter(country, since, until, event_type, actor, background, place)
        with self._read() as connection:
            return query.list_events(
                connection, where, self.reference, max(0, limit), max(0, offset), detailed
            )

    def count_events(
        self,
        *,
        country: str | None = None,
        since=None,
        until=None,
        event_type: str | None = None,
        actor: str | None = None,
        place: str | None = None,
        background: bool = False,
    ) -> int:
        where = query.EventFilter(country, since, until, event_type, actor, background, place)
        with self._read() as connection:
            return query.count_events(connection, where, self.reference)

    def page(
        self, *, limit: int = 100, offset: int = 0, detailed: bool = False, **filters
    ) -> tuple[list[dict], int]:
        """One page of `events(**filters)` and how many there are in all, read together."""
        where = query.EventFilter(**filters)
        with self._read(snapshot=True) as connection:
            return (
                query.list_events(connection, where, self.reference, max(0, limit), max(0, offset), detailed),
                query.count_events(connection, where, self.reference),
            )

    def event(self, event_id: str) -> dict | None:
        with self._read() as connection:
            return query.one_event(connection, event_id, self.reference)

    def document(self, document_id: str) -> dict | None:
        with self._read() as connection:
            return query.one_document(connection, document_id, self.reference)

    def search(self, query_text: str, limit: int = 20) -> list[dict]:
        """Articles holding every word of the query (folded Arabic), best first."""
        with self._read() as connection:
            hits = fulltext.search(connection, query_text or "", max(0, limit))
            found = query.documents_by_id(connection, [doc_id for doc_id, _ in hits])
        return [{**found[doc_id], "rank": rank} for doc_id, rank in hits if doc_id in found]

    def export(self, fmt: str, out: IO | str, *, hxl: bool = False) -> int:
        """Write every news event in `fmt`; returns the number of records (CSV: event-day rows)."""
        with self._read(snapshot=True) as connection:
            events = query.all_events(connection, self.reference)
            return exporters.export(fmt, events, out, hxl=hxl, reference=self.reference)

    def changes(self) -> int | None:
        """A number that is different after anyone, in any process, has written to the store since
        the last call (so that a reader may keep what it read until then); None: the backend cannot
        tell, and nothing read may be kept."""
        return self._changes.count()

    def connection(self) -> Connection:
        """A raw connection, for tests and maintenance."""
        return self.engine.connect()

    def close(self) -> None:
        self._changes.close()
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def open_store(url: str | None = None, reference: Reference = AS_STORED) -> Store:
    """None: the SQLite file marsad.db in the working directory; or a path, sqlite:///path, postgresql://...
    `reference`: what the knowledge says of names, countries and sources (`marsad.store.reference`)."""
    return Store(url, reference)
