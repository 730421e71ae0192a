"""Full-text index over document texts (SQLite FTS5, external content on ``documents``).

FTS5 virtual tables are not SQLAlchemy tables: they are created here, by the migration that
introduced them and by :func:`app.models.project.create_project`, and kept in step by triggers.
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
    """Create the index and its triggers, then (re)build it from the stored texts."""
    for statement in CREATE_STATEMENTS:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def is_fts_name(name: str | None) -> bool:
    """True for the index and its shadow tables (skipped when comparing schemas)."""
    return bool(name) and str(name).startswith(FTS_TABLE)
