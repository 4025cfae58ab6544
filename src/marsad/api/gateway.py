"""The API's only door to the event store: store calls run on a pool of worker threads.

The store's engine gives each thread its own connection from its pool (SQLite in WAL mode lets
readers run side by side, and beside the one writer; PostgreSQL sessions are independent), so
reads are served concurrently and never block the event loop, while writers still queue on the
store's write lock. All SQL stays inside `marsad.store`, with bound parameters.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from marsad.api.errors import NoStoreError, StoreMissingError
from marsad.knowledge.reference import KNOWLEDGE

# Within the engine's pool (SQLAlchemy's default: 5 kept open, 10 more on demand).
STORE_WORKERS = 8


class StoreGateway:
    def __init__(self, db_url: str | None):
        self.db_url = db_url
        self._store = _open_store(db_url) if db_url else None
        self._workers = ThreadPoolExecutor(max_workers=STORE_WORKERS, thread_name_prefix="marsad-store")

    @property
    def backend(self) -> str | None:
        """The kind of database ("sqlite", "postgresql"), never its path or address."""
        return self._store.dialect if self._store is not None else None

    def require(self) -> None:
        if self._store is None:
            raise NoStoreError(
                "this server has no event store; start it with: marsad serve --db sqlite:///events.db"
            )

    def document_id_for(self, text: str, url: str | None, document_id: str | None) -> str:
        """The id the store gives this article (its own, its url's or its text's)."""
        self.require()
        from marsad.store.ingest import document_id_for

        return document_id_for(text, url, document_id)

    def changes(self) -> int | None:
        """The store's change count (`Store.changes`): answers read at one count stay true until
        it moves; None (no store, or one that cannot tell): keep nothing."""
        return self._store.changes() if self._store is not None else None

    async def call(self, method: str, *args, **kwargs):
        self.require()
        function = getattr(self._store, method)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._workers, lambda: function(*args, **kwargs))

    def close(self) -> None:
        self._workers.shutdown(wait=True)
        if self._store is not None:
            self._store.close()


def _open_store(db_url: str):
    try:
        from marsad.store import open_store
    except ModuleNotFoundError as error:
        raise StoreMissingError(
            f"the event store needs the module {error.name!r}, which is not installed; "
            "install marsad with its store extra"
        ) from None
    return open_store(db_url, KNOWLEDGE)
