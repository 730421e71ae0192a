"""New codings on a team server in one statement: a click is one round trip.

On a busy server each round trip is a wait for the server's process to be scheduled and
then for the client's; a click that read the coder and the codes, then the document's
length and snippet, then inserted (with BEGIN and COMMIT, five round trips) waited five
times. Here the checks, the snippets and the insert are one ``INSERT … SELECT`` that runs
as its own transaction (the connection in autocommit for that one statement): atomic and
durable when its answer arrives, as a committed transaction is.

The statement writes all of its rows or none: a coding whose document or code is gone,
whose span is out of range, or whose coder has no row yet makes it insert nothing, and the
caller then takes the general path, which finds out why (and raises the right error, or
creates the coder). A span the coder already has is skipped (``ON CONFLICT DO NOTHING`` on
the unique key), also when another window of the same coder is committing it meanwhile.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    DateTime,
    Engine,
    Integer,
    String,
    Table,
    Text,
    bindparam,
    func,
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import ReturningInsert

from app.models.schema import Code, Coder, Coding, Document

#: At most this many codings go in as one statement (a click, a few hits at once); more
#: take the general path, whose inserts are chunked.
ONE_STATEMENT_MAX = 20

#: One new coding: document id, code id, start, end, memo, illustrative, stance.
Row = tuple[int, int, int, int, str, bool, str]

_INSERTED = ("document_id", "code_id", "coder_id", "start", "end", "snippet", "memo",
             "illustrative", "stance", "created_at", "updated_at")  # fmt: skip


def fits_one_statement(session: Session, count: int) -> bool:
    """True when ``count`` new codings can be one statement of their own on ``session``: a
    server project, at most :data:`ONE_STATEMENT_MAX`, and the session not yet in a
    transaction (a use case that began one, such as in-vivo coding, keeps its writes
    together in it) with nothing pending to flush, bound to an engine (autocommit is set
    on a connection of the pool, which resets it; not on a caller's own connection)."""
    bind = session.get_bind()
    return (
        0 < count <= ONE_STATEMENT_MAX
        and isinstance(bind, Engine)
        and bind.dialect.name == "postgresql"
        and not session.in_transaction()
        and not (session.new or session.dirty or session.deleted)
    )


def insert_all_or_none(
    session: Session, *, rows: Sequence[Row], coder: str, now: datetime
) -> list[tuple[Any, ...]]:
    """Insert ``rows`` (distinct spans) for the coder called ``coder`` in one autocommitted
    statement; see the module. Returns the inserted rows as (id, document id, code id,
    coder id, start, end, snippet); none means nothing was written.

    Call it only when :func:`fits_one_statement`; the session's transaction has ended when
    it returns (or raises: the server's refusal, such as a reviewer's missing grant)."""
    params: dict[str, Any] = {"coder": coder, "now": now}
    for i, row in enumerate(rows):
        params.update({f"g{i}_{name}": value for (name, _), value in zip(_GIVEN, row, strict=True)})
    # autocommit for this statement only: the pool gives the connection back as it was
    connection = session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    try:
        back = [tuple(r) for r in connection.execute(_statement(len(rows)), params)]
    except BaseException:
        session.rollback()
        raise
    session.commit()  # ends the session's transaction; the server committed already
    return back


_GIVEN = (("document_id", Integer()), ("code_id", Integer()), ("start", Integer()),
          ("end", Integer()), ("memo", Text()), ("illustrative", Boolean()),
          ("stance", String()))  # fmt: skip


@cache
def _statement(count: int) -> ReturningInsert[Any]:
    """The statement for ``count`` codings, built once: SQLAlchemy then compiles it once
    (building and compiling it anew cost more than the server's work for it)."""
    # the codings as SELECTs of parameters (a VALUES list would be compiled anew each time)
    one_each = [
        select(*(bindparam(f"g{i}_{name}", type_=kind).label(name) for name, kind in _GIVEN))
        for i in range(count)
    ]
    given = (one_each[0] if count == 1 else union_all(*one_each)).subquery("given")
    valid = (
        select(
            given.c.document_id,
            given.c.code_id,
            Coder.id.label("coder_id"),
            given.c.start,
            given.c.end,
            # substr counts characters (code points), 1-based, as the general path's
            func.substr(Document.text, given.c.start + 1, given.c.end - given.c.start).label(
                "snippet"
            ),
            given.c.memo,
            given.c.illustrative,
            given.c.stance,
        )
        .select_from(given)
        .join(Document, Document.id == given.c.document_id)
        .join(Code, Code.id == given.c.code_id)
        .join(Coder, Coder.name == bindparam("coder", type_=String()))
        .where(given.c.start >= 0, given.c.start < given.c.end, given.c.end <= Document.length)
        .cte("valid")
    )
    every_row_valid = select(func.count()).select_from(valid).scalar_subquery() == count
    stamp = bindparam("now", type_=DateTime())
    table = cast(Table, Coding.__table__)
    return (
        insert(table)
        .from_select(list(_INSERTED), select(*valid.c, stamp, stamp).where(every_row_valid))
        .on_conflict_do_nothing()
        .returning(
            table.c.id,
            table.c.document_id,
            table.c.code_id,
            table.c.coder_id,
            table.c.start,
            table.c.end,
            table.c.snippet,
        )
    )
