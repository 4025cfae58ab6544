"""Full-text search over articles: SQLite FTS5 or a PostgreSQL tsvector, behind one interface.

Both index the folded text (`marsad.lang.ar.normalize.fold`: hamza forms, ta marbuta, alef
maqsura and diacritics unified) and fold the query the same way, so that أسرى and اسري match.
Neither stems: FTS5's unicode61 and PostgreSQL's 'simple' configuration split words alike, and
every query word must occur (AND), so both engines return the same articles.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from marsad.lang.ar.normalize import fold

_SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE documents_fts USING fts5("
    "document_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2')"
)
_POSTGRES_INDEX = (
    "CREATE TABLE documents_fts (document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
    " body TSVECTOR NOT NULL)",
    "CREATE INDEX documents_fts_body ON documents_fts USING GIN (body)",
)


def _is_postgres(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def create_index(connection: Connection) -> None:
    for statement in _POSTGRES_INDEX if _is_postgres(connection) else (_SQLITE_INDEX,):
        connection.execute(text(statement))


def index_document(connection: Connection, document_id: str, title: str | None, body: str) -> None:
    folded = fold(f"{title or ''}\n{body}")
    value = "to_tsvector('simple', :body)" if _is_postgres(connection) else ":body"
    connection.execute(
        text(f"INSERT INTO documents_fts (document_id, body) VALUES (:id, {value})"),
        {"id": document_id, "body": folded},
    )


def remove_document(connection: Connection, document_id: str) -> None:
    connection.execute(text("DELETE FROM documents_fts WHERE document_id = :id"), {"id": document_id})


def search(connection: Connection, query: str, limit: int) -> list[tuple[str, float]]:
    """(document id, rank) of the articles holding every word of `query`, best first."""
    words = fold(query).split()
    if not words:
        return []
    if _is_postgres(connection):
        sql = (
            "SELECT document_id, ts_rank(body, q) AS rank "
            "FROM documents_fts, plainto_tsquery('simple', :q) q "
            "WHERE body @@ q ORDER BY rank DESC, document_id LIMIT :limit"
        )
        params = {"q": " ".join(words), "limit": limit}
    else:
        # each word quoted: FTS5 would otherwise read AND/OR/NEAR, "-" or "*" in user input as syntax
        sql = (
            "SELECT document_id, -bm25(documents_fts) AS rank FROM documents_fts "
            "WHERE documents_fts MATCH :q "
            "ORDER BY rank DESC, document_id LIMIT :limit"
        )
        params = {"q": " ".join('"' + w.replace('"', '""') + '"' for w in words), "limit": limit}
    return [(row[0], float(row[1])) for row in connection.execute(text(sql), params)]
