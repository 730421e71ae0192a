"""A project file is untrusted input: its schema must be the one Telaah creates.

A project emailed by someone else can carry its own SQL: a trigger ("after insert on codings,
delete from documents"), a view, an extra table or index. SQLite runs such objects as part of
ordinary statements, so a file is checked *before* Telaah writes to it (or migrates it):
every table, index, trigger and view in ``sqlite_master`` must be one Telaah itself makes.

What Telaah makes is not a hand-kept list: it is built the same way a new project is
(``create_all`` of the SQLAlchemy metadata, the FTS objects of :mod:`app.models.fts`, the
Alembic version table), in memory; for a file at an older revision, the schema the
migrations produce up to that revision is built in memory too. Triggers and views are
compared by their SQL, tables and indexes by name and table. Telaah itself creates no
trigger or view in a file any more; a file older than schema 0014 may still carry the three
FTS triggers of that time (:data:`app.models.fts.LEGACY_TRIGGERS`, exactly), which opening
it drops by migrating it. Connections run with ``trusted_schema`` off as well, so even an
object that got past this check cannot reach the FTS table or a function with side effects.

:func:`rescue_copy` copies a refused file's data into a clean file: the foreign objects are
dropped from a private copy (dropping runs none of them), then the copy is opened normally.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: One object of a schema: (type, name, table it belongs to, normalised SQL for triggers/views).
SchemaObject = tuple[str, str, str, str]


@dataclass(frozen=True, order=True)
class ForeignObject:
    """An object in a project file that Telaah did not create."""

    type: str  # table, index, trigger, view
    name: str


def _normalised(sql: str | None) -> str:
    text = " ".join((sql or "").split())
    text = re.sub(r"(?i)\bIF NOT EXISTS\s+", "", text)
    return text.replace('"', "").lower()


def objects_of(con: sqlite3.Connection) -> set[SchemaObject]:
    """The schema objects of an open database (SQLite's internal objects left out)."""
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    found: set[SchemaObject] = set()
    for kind, name, table, sql in rows:
        if str(name).startswith("sqlite_"):
            continue
        body = _normalised(sql) if kind in ("trigger", "view") else ""
        found.add((str(kind), str(name), str(table), body))
    return found


@lru_cache(maxsize=1)
def created_objects() -> frozenset[SchemaObject]:
    """What :func:`app.models.project.create_project` writes into a new file."""
    from sqlalchemy import create_engine

    from app.models import schema as _schema  # noqa: F401  (registers the tables)
    from app.models.base import Base
    from app.models.fts import create_fts

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            create_fts(conn)
            conn.exec_driver_sql(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return frozenset(objects_of(raw))
    finally:
        engine.dispose()


@lru_cache(maxsize=8)
def migrated_objects(revision: str) -> frozenset[SchemaObject]:
    """The schema the migrations build from nothing up to ``revision`` (in memory)."""
    from alembic import command
    from sqlalchemy import create_engine

    from app.models.project import _alembic_config

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as conn:
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            return frozenset(objects_of(raw))
    finally:
        engine.dispose()


@lru_cache(maxsize=1)
def legacy_triggers() -> frozenset[SchemaObject]:
    """The FTS triggers files carried before schema 0014, as :func:`objects_of` sees them."""
    from app.models.fts import CREATE_STATEMENT, LEGACY_TRIGGERS

    con = sqlite3.connect(":memory:")
    try:
        con.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, text TEXT)")
        con.execute(CREATE_STATEMENT)
        for statement in LEGACY_TRIGGERS:
            con.execute(statement)
        return frozenset(o for o in objects_of(con) if o[0] == "trigger")
    finally:
        con.close()


def _before_triggers_dropped(revision: str) -> bool:
    """True for a revision older than the one that dropped the FTS triggers."""
    from app.models.fts import TRIGGERS_DROPPED_IN
    from app.models.project import _revision_chain

    chain = _revision_chain()
    down = chain.get(TRIGGERS_DROPPED_IN)
    while down is not None:
        if down == revision:
            return True
        down = chain.get(down)
    return False


def foreign_objects(con: sqlite3.Connection, revision: str | None) -> tuple[ForeignObject, ...]:
    """Objects of the file behind ``con`` that Telaah (at ``revision``) would not create."""
    found = objects_of(con)
    extra = found - created_objects()
    if extra and revision is not None:
        extra -= migrated_objects(revision)
        if extra and _before_triggers_dropped(revision):
            extra -= legacy_triggers()
    return tuple(sorted(ForeignObject(kind, name) for kind, name, _t, _s in extra))


def drop_foreign(con: sqlite3.Connection, revision: str | None) -> tuple[ForeignObject, ...]:
    """Drop the foreign objects (views and triggers first, then indexes, then tables)."""
    foreign = foreign_objects(con, revision)
    order = {"trigger": 0, "view": 1, "index": 2, "table": 3}
    for obj in sorted(foreign, key=lambda o: (order.get(o.type, 9), o.name)):
        if obj.type in order:
            quoted = '"' + obj.name.replace('"', '""') + '"'
            con.execute(f"DROP {obj.type.upper()} IF EXISTS {quoted}")
    con.commit()
    return foreign


def rescue_copy(source: Path, target: Path, revision: str | None) -> tuple[ForeignObject, ...]:
    """Copy ``source`` to ``target`` (which must not exist) without its foreign objects.

    Only SQLite's backup API and DROP statements touch the copy, so no foreign trigger runs.
    Returns what was dropped; the caller then opens ``target`` as a normal project.
    """
    from app.models.fileformat import connect_file, connect_read_only

    src = connect_read_only(source)
    dst = connect_file(target)
    try:
        src.backup(dst)
        dropped = drop_foreign(dst, revision)
    finally:
        dst.close()
        src.close()
    # Rebuild the index from the copied texts: a foreign trigger or a tampered shadow table
    # may have garbled it, and the index is no longer kept by triggers of the file.
    from sqlalchemy import create_engine
    from sqlalchemy.engine import URL

    from app.models.fts import FTS_TABLE, create_fts

    engine = create_engine(URL.create("sqlite", database=str(target)))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA trusted_schema=OFF")
            exists = conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)
            ).first()
            if exists:
                create_fts(conn)
    finally:
        engine.dispose()
    return dropped
