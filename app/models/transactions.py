"""One committed unit of work on a session: ``with committed(session): ...``.

A use case's writes commit together when the block ends and roll back together when it
raises (any exception, ``KeyboardInterrupt`` included), so nothing half-done is ever left
in the session or the file. It is :meth:`Session.begin` when the session is idle; a session
that already read something has begun a transaction by itself (SQLAlchemy's autobegin), and
``Session.begin()`` would refuse it, so that transaction is the one committed or rolled back.

Blocks nest: a use case built from others (in-vivo coding = a codebook, a code and a coding)
wraps them in its own block, and only the outermost one commits — one transaction, one
durable step, all or nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session


@contextmanager
def committed(session: Session) -> Iterator[Session]:
    """Commit the block's work on ``session`` at its end; roll it back if it raises.

    Inside another ``committed`` block of the same session it only runs the block: the
    outer one commits or rolls back.
    """
    depth = session.info.get(_DEPTH, 0)
    if depth:
        session.info[_DEPTH] = depth + 1
        try:
            yield session
        finally:
            session.info[_DEPTH] = depth
        return
    session.info[_DEPTH] = 1
    try:
        with _outermost(session):
            yield session
    finally:
        session.info.pop(_DEPTH, None)


_DEPTH = "telaah.committed.depth"


@contextmanager
def _outermost(session: Session) -> Iterator[None]:
    if not session.in_transaction():
        with session.begin():
            yield
        return
    try:
        yield
    except BaseException:
        session.rollback()
        raise
    session.commit()
