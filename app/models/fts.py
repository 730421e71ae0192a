"""Full-text index over document texts: SQLite FTS5 in a file, a GIN index on a server.

In a file it is an FTS5 virtual table with external content on ``documents``; on PostgreSQL a
GIN index over ``to_tsvector('simple', text)``, which the server keeps itself. Neither is an
ORM object: both are created here, by the migration that introduced them and by
:func:`app.models.project.create_project`.

**Kept by Telaah's own writes, not by triggers.** Project files are untrusted, so every
connection runs with ``trusted_schema`` off, and SQLite then refuses FTS5 inside any trigger
("unsafe use of virtual table"). Until schema 0014 the index was kept by three triggers on
``documents`` (:data:`LEGACY_TRIGGERS`, dropped by migration 0014); now it follows every way
Telaah writes documents:

- the unit of work: mapper events on :class:`~app.models.schema.Document` (an added
  document is indexed after its INSERT, a deleted one is taken out before its DELETE, a
  changed text is taken out before and put back after its UPDATE);
- ORM statements run through a session (``session.execute(insert(Document), rows)``,
  ``delete(Document).where(…)``, ``update(Document)`` touching ``text``): a
  ``do_orm_execute`` hook finds the rows concerned and does the same;
- an import's Core insert of each document (``app/coding/documents.py``), which calls
  :func:`index_documents` itself;
- whole-file copies (push/pull into a new file, rescue): :func:`create_fts` builds the index
  from every text after the rows are in.

An external-content index can only take a row out with the text it was indexed with, so a
row always leaves the index *before* its text changes or disappears.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Update, event, inspect, select
from sqlalchemy.orm import Mapper, ORMExecuteState, Session

from app.models.schema import Document

FTS_TABLE = "documents_fts"

CREATE_STATEMENT = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='documents', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')"
)

#: The triggers that kept the index until schema 0014 (migration 0002 created them, new files
#: got them too). Files older than 0014 may carry exactly these; 0014 drops them.
LEGACY_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE OF text ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
)
LEGACY_TRIGGER_NAMES = ("documents_fts_insert", "documents_fts_delete", "documents_fts_update")
#: The schema revision that dropped :data:`LEGACY_TRIGGERS`.
TRIGGERS_DROPPED_IN = "0014"

_CHUNK = 500  # ids per statement (under every SQLite build's parameter limit)


def create_fts(conn: Connection) -> None:
    """Create the index, then (re)build it from the texts already in ``documents``."""
    if conn.dialect.name == "postgresql":
        from app.models.server import create_search_index

        create_search_index(conn)
        return
    conn.exec_driver_sql(CREATE_STATEMENT)
    rebuild_fts(conn)


def rebuild_fts(conn: Connection) -> None:
    """Build a file's index anew from every text (a no-op on a server)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def is_fts_name(name: str | None) -> bool:
    """True for the index and its shadow tables (skipped when comparing schemas)."""
    return bool(name) and str(name).startswith(FTS_TABLE)


def _chunks(ids: Iterable[int]) -> Iterable[tuple[int, ...]]:
    ordered = sorted(set(ids))
    for at in range(0, len(ordered), _CHUNK):
        yield tuple(ordered[at : at + _CHUNK])


def index_documents(conn: Connection, ids: Iterable[int]) -> None:
    """Add the stored texts of documents ``ids`` to a file's index (just inserted or changed)."""
    if conn.dialect.name != "sqlite":
        return
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}(rowid, text) "
            f"SELECT id, text FROM documents WHERE id IN ({marks})",
            chunk,
        )


def unindex_documents(conn: Connection, ids: Iterable[int]) -> None:
    """Take documents ``ids`` out of a file's index, with the texts still stored (so before
    they are deleted or their text changes)."""
    if conn.dialect.name != "sqlite":
        return
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) "
            f"SELECT 'delete', id, text FROM documents WHERE id IN ({marks})",
            chunk,
        )


# --- the unit of work ---------------------------------------------------------------------


def _text_changed(target: Document) -> bool:
    return bool(inspect(target).attrs.text.history.has_changes())


@event.listens_for(Document, "after_insert")
def _after_insert(_mapper: Mapper[Any], conn: Connection, target: Document) -> None:
    index_documents(conn, [target.id])


@event.listens_for(Document, "before_delete")
def _before_delete(_mapper: Mapper[Any], conn: Connection, target: Document) -> None:
    unindex_documents(conn, [target.id])


@event.listens_for(Document, "before_update")
def _before_update(_mapper: Mapper[Any], conn: Connection, target: Document) -> None:
    if _text_changed(target):
        unindex_documents(conn, [target.id])


@event.listens_for(Document, "after_update")
def _after_update(_mapper: Mapper[Any], conn: Connection, target: Document) -> None:
    if _text_changed(target):
        index_documents(conn, [target.id])


# --- ORM statements -----------------------------------------------------------------------


def _parameter_rows(state: ORMExecuteState) -> Sequence[dict[str, Any]]:
    params = state.parameters
    if params is None:
        return ()
    if isinstance(params, Mapping):
        return (dict(params),)
    return [dict(p) for p in params if isinstance(p, Mapping)]


def _statement_ids(conn: Connection, state: ORMExecuteState) -> list[int]:
    """The ids of the documents an UPDATE or DELETE statement will touch."""
    rows = _parameter_rows(state)
    if rows and all("id" in row for row in rows):  # bulk by primary key
        return [int(row["id"]) for row in rows]
    where = state.statement.whereclause  # type: ignore[attr-defined]
    query = select(Document.id) if where is None else select(Document.id).where(where)
    return [int(i) for i in conn.execute(query).scalars()]


def _touches_text(state: ORMExecuteState) -> bool:
    if any("text" in row for row in _parameter_rows(state)):
        return True
    statement = state.statement
    assert isinstance(statement, Update)
    return "text" in statement.compile().params


@event.listens_for(Session, "do_orm_execute")
def _on_statement(state: ORMExecuteState) -> Any:
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    if state.bind_mapper is not inspect(Document):
        return None
    conn = state.session.connection(bind_arguments=state.bind_arguments)
    if conn.dialect.name != "sqlite":
        return None
    if state.is_delete:
        unindex_documents(conn, _statement_ids(conn, state))
        return None
    if state.is_update:
        if not _touches_text(state):
            return None
        ids = _statement_ids(conn, state)
        unindex_documents(conn, ids)
        result = state.invoke_statement()
        index_documents(conn, ids)
        return result
    # INSERT: rows with explicit ids, and new rowids past the largest one before
    before = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM documents").scalar_one()
    explicit = {int(row["id"]) for row in _parameter_rows(state) if row.get("id") is not None}
    result = state.invoke_statement()
    fresh = conn.exec_driver_sql("SELECT id FROM documents WHERE id > ?", (before,)).scalars()
    index_documents(conn, explicit | {int(i) for i in fresh})
    return result
