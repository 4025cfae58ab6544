"""The event store: many articles in, merged events with reconciled, source-attributed tolls out.

>>> from marsad.knowledge.reference import KNOWLEDGE   # filters in Arabic, ACLED's names in exports
>>> from marsad.store import open_store
>>> store = open_store("marsad.db", KNOWLEDGE)  # or "postgresql://user:pw@host/db"
>>> store.ingest(text, published="2024-07-28", url=url, outlet="aawsat")
IngestResult(document_id='...', status='new', events=2)
>>> store.events(country="MLI", since="2024-07-01")
"""

from __future__ import annotations

from marsad.store.database import Store, open_store
from marsad.store.ingest import IngestResult

__all__ = ["open_store", "Store", "IngestResult"]
