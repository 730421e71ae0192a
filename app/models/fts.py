"""Full-text index over document texts: SQLite FTS5 in a file, a GIN index on a server.

In a file it is an FTS5 virtual table with external content on ``documents``, kept in step by
triggers; on PostgreSQL a GIN index over ``to_tsvector('simple', text)``. Neither is an ORM
object: both are created here, by the migration that introduced them and by
:func:`app.models.project.create_project`.
"""

from __future__ import annotations

from sqlalchemy import Connection

FTS_TABLE = "documents_fts"

CREATE_STATEMENTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='documents', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE OF text ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
)


def create_fts(conn: Connection) -> None:
    """Create the index (and in a file its triggers), then (re)build it from the texts."""
    if conn.dialect.name == "postgresql":
        from app.models.server import create_search_index

        create_search_index(conn)
        return
    for statement in CREATE_STATEMENTS:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def is_fts_name(name: str | None) -> bool:
    """True for the index and its shadow tables (skipped when comparing schemas)."""
    return bool(name) and str(name).startswith(FTS_TABLE)
