"""The API's only door to the event store: one worker thread owns the store connection.

A database connection (sqlite3 above all) belongs to the thread that opened it, so the store is
opened and used on a single dedicated thread; requests wait for it without blocking the event
loop. All SQL stays inside `marsad.store`, with bound parameters.
"""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from marsad.api.errors import NoStoreError, StoreMissingError


class StoreGateway:
    def __init__(self, db_url: str | None):
        self.db_url = db_url
        self._store = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="marsad-store")
        if db_url:
            self._store = self._worker.submit(_open_store, db_url).result()

    @property
    def backend(self) -> str | None:
        """The kind of database ("sqlite", "postgresql"), never its path or address."""
        return self._store.dialect if self._store is not None else None

    def require(self) -> None:
        if self._store is None:
            raise NoStoreError("this server has no event store; start it with: marsad serve --db sqlite:///events.db")

    def document_id_for(self, text: str, url: str | None, document_id: str | None) -> str:
        """The id the store gives this article (its own, its url's or its text's)."""
        self.require()
        from marsad.store.ingest import document_id_for

        return document_id_for(text, url, document_id)

    async def call(self, method: str, *args, **kwargs):
        self.require()
        function = getattr(self._store, method)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, lambda: function(*args, **kwargs))

    def close(self) -> None:
        close = getattr(self._store, "close", None)
        if close is not None:
            self._worker.submit(close).result()
        self._worker.shutdown(wait=True)


def _open_store(db_url: str):
    try:
        from marsad.store import open_store
    except ModuleNotFoundError as error:
        raise StoreMissingError(f"the event store needs the module {error.name!r}, which is not installed; "
                                "install marsad with its store extra") from None
    return open_store(db_url)
