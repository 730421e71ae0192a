"""Many rows into one table with a single driver ``executemany``.

SQLAlchemy's ``insert()`` with a list of rows builds the parameters of every row through the
compiled statement (a dict per row, type processing, key lookups): for the thousands of
segments of one long transcript, or the tens of thousands of codings of one auto-coding, that
costs more than SQLite spends storing them. Here the statement is rendered once for the
connection's dialect (placeholders, quoted names) as a multi-row ``VALUES`` list, and the rows
go to the driver as flat parameter lists, each value through its column type's bind
processor, as SQLAlchemy would have done. Many rows per statement also spare the driver a
statement step per row.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import DeclarativeBase, Session

_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
#: Parameters per statement: under every SQLite build's limit (999 before 3.32).
_MAX_PARAMETERS = 990


def insert_rows(
    session: Session,
    model: type[DeclarativeBase],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    returning: Sequence[str] = (),
    skip_existing: bool = False,
) -> list[tuple[Any, ...]]:
    """Insert ``rows`` (values in the order of ``columns``) into the table of ``model`` in
    the session's transaction, after flushing the session's pending objects (the rows may
    refer to them). Nothing is committed; an error leaves the transaction to roll back.

    With ``returning`` (column names) the inserted rows' values of those columns come back,
    in no promised order (``INSERT … RETURNING``; SQLite ≥ 3.35 and PostgreSQL). With
    ``skip_existing`` a row that would break a unique key is left out, not an error
    (``ON CONFLICT DO NOTHING``, SQLite ≥ 3.24 and PostgreSQL)."""
    table = cast(Table, model.__table__)
    session.flush()
    connection = session.connection()
    dialect = connection.dialect
    mark = _PLACEHOLDERS.get(dialect.paramstyle)
    if mark is None:  # numeric or named drivers: none that Telaah uses
        raise NotImplementedError(f"paramstyle {dialect.paramstyle}")
    quote = dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) VALUES "
    one = "(" + ", ".join(mark for _ in columns) + ")"
    per_statement = max(1, _MAX_PARAMETERS // len(columns))
    tail = " ON CONFLICT DO NOTHING" if skip_existing else ""
    tail += (" RETURNING " + ", ".join(quote(c) for c in returning)) if returning else ""
    back: list[tuple[Any, ...]] = []

    def run(statement: str, values: tuple[Any, ...]) -> None:
        result = connection.exec_driver_sql(statement + tail, values)
        if returning:
            back.extend(tuple(r) for r in result)

    full = head + ", ".join(one for _ in range(per_statement))
    # Only the columns whose type converts values are touched per row (on SQLite: booleans
    # and timestamps), each in place in a copy of the row.
    converting = [
        (i, process)
        for i, c in enumerate(columns)
        if (process := _remembering(table.c[c].type.dialect_impl(dialect).bind_processor(dialect)))
    ]
    width = len(columns)
    chunk: list[Any] = []
    count = 0
    for row in rows:
        if len(row) != width:
            raise ValueError(f"a row of {len(row)} values for {width} columns")
        if converting:
            values = list(row)
            for i, process in converting:
                values[i] = process(values[i])
            chunk += values
        else:  # segments: nothing to convert, no copy of the row
            chunk += row
        count += 1
        if count == per_statement:
            run(full, tuple(chunk))
            chunk.clear()
            count = 0
    if count:
        run(head + ", ".join(one for _ in range(count)), tuple(chunk))
    return back


_IMMUTABLE = (str, int, float, bool, datetime, date)


def _remembering(process: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """``process`` that reuses its last result when given the same immutable value again:
    many rows share one timestamp object, and converting it was a tenth of a large
    auto-coding."""
    if process is None:
        return None
    last: list[Any] = [None, None]

    def remembered(value: Any) -> Any:
        if value is last[0] and value is not None and isinstance(value, _IMMUTABLE):
            return last[1]
        result = process(value)
        last[0], last[1] = value, result
        return result

    return remembered


def fetch_tuples(session: Session, query: Any) -> list[tuple[Any, ...]]:
    """All rows of the ``select()`` ``query`` as the driver returns them: plain tuples, no
    result row built per row and no result processing (so only for columns the driver
    returns as wanted: integers, text). For the hundreds of thousands of coding rows an
    analysis counts."""
    connection = session.connection()
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.params
    bound: Any = (
        tuple(params[name] for name in compiled.positiontup or ())
        if compiled.positional
        else params
    )
    cursor = connection.connection.cursor()
    try:
        cursor.execute(compiled.string, bound)
        return list(cursor.fetchall())
    finally:
        cursor.close()


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for one bulk step (then put back as it was).

    A step that makes tens of thousands of rows, tuples and frozen values while many more
    are alive (auto-coding's hits, their codings, the rows read back) set off collections
    that walked every live object again and again: a sixth of auto-coding over corpus L.
    Reference counting still frees everything at once; only reference cycles made during
    the step wait for the next collection after it. Process-wide, so a step in a worker
    thread pauses it for the window too, for as long as the step runs."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
