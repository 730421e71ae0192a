"""Copying every row of one project into a new one, ids and all (file ↔ server).

Rows go table by table in the order foreign keys need (parents first, and inside a table
that refers to itself — codes, comments — parents before children), in chunks, inside the
transaction that created the target's schema: a copy is complete or absent. Afterwards the
server's id sequences are moved past the copied ids so that new rows never collide.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, select

from app.models.base import Base

_CHUNK = 2000

#: Called with (table name, rows copied so far, rows in that table).
CopyProgress = Callable[[str, int, int], None]


def _self_reference(table: Table) -> str | None:
    for fk in table.foreign_keys:
        if fk.column.table is table:
            return str(fk.parent.name)
    return None


def _parents_first(rows: Sequence[Any], column: str) -> list[Any]:
    """Rows of a self-referencing table with every parent before its children."""
    placed: set[Any] = set()
    ordered: list[Any] = []
    pending = list(rows)
    ids = {row.id for row in rows}
    while pending:
        rest = []
        for row in pending:
            parent = getattr(row, column)
            if parent is None or parent in placed or parent not in ids:
                ordered.append(row)
                placed.add(row.id)
            else:
                rest.append(row)
        if len(rest) == len(pending):  # a cycle cannot exist under FKs; keep the rest as is
            ordered += rest
            break
        pending = rest
    return ordered


def _chunks(rows: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(rows), _CHUNK):
        yield rows[i : i + _CHUNK]


def copy_all_rows(
    source: Connection, target: Connection, *, progress: CopyProgress | None = None
) -> dict[str, int]:
    """Copy every ORM table's rows from ``source`` into the empty tables of ``target``.

    Returns how many rows each table received.
    """
    counts: dict[str, int] = {}
    if target.dialect.name == "postgresql":
        # a copy keeps codebook owners as they are (none, from a file): see app.models.live
        target.exec_driver_sql("SELECT set_config('telaah.copying', 'on', true)")
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        rows = source.execute(select(table).order_by(*pk)).all()
        self_column = _self_reference(table)
        if self_column is not None:
            rows = _parents_first(rows, self_column)
        done = 0
        for chunk in _chunks(rows):
            target.execute(table.insert(), [row._asdict() for row in chunk])
            done += len(chunk)
            if progress is not None:
                progress(table.name, done, len(rows))
        counts[table.name] = len(rows)
    if target.dialect.name == "postgresql":
        _advance_sequences(target)
    return counts


def _advance_sequences(conn: Connection) -> None:
    for table in Base.metadata.sorted_tables:
        if "id" not in table.columns or len(table.primary_key.columns) != 1:
            continue
        highest = conn.execute(select(func.max(table.c.id))).scalar()
        if highest is None:
            continue
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), {int(highest)})"
        )
