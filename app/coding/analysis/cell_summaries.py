"""Researcher-written summaries of framework-matrix cells (row code × column).

A cell is named by its row code, the kind of its column (``case``, ``attr`` or ``code``) and
a column key: the case name, ``attribute=value``, or the column code's key.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.errors import InvalidValue, NotFound
from app.coding.limits import check_lengths
from app.models.schema import CellSummary, Code, utcnow
from app.models.transactions import committed

COLUMN_KINDS = ("case", "attr", "code")


@dataclass(frozen=True)
class CellSummaryChange:
    """What :func:`set_cell_summary` changed; set ``previous`` back to undo it."""

    row_code_id: int
    column_kind: str
    column_key: str
    previous: str
    text: str

    @property
    def changes(self) -> Changes:
        """The one change value the views listen to."""
        return Changes.of_summary((self.row_code_id, self.column_kind, self.column_key))


def attr_column_key(attribute: str, value: str) -> str:
    """The column key of the ``attribute`` = ``value`` column."""
    return f"{attribute}={value}"


def _check(session: Session, row_code_id: int, column_kind: str, column_key: str) -> None:
    if column_kind not in COLUMN_KINDS:
        raise InvalidValue("column kind", column_kind, "expected case, attr or code")
    if not column_key:
        raise InvalidValue("column key", column_key, "empty")
    if session.get(Code, row_code_id) is None:
        raise NotFound("code", str(row_code_id))


def get_cell_summary(
    session: Session, *, row_code_id: int, column_kind: str, column_key: str
) -> str:
    """The stored summary of a cell ("" when none)."""
    text = session.scalar(
        select(CellSummary.text).where(
            CellSummary.row_code_id == row_code_id,
            CellSummary.column_kind == column_kind,
            CellSummary.column_key == column_key,
        )
    )
    return text or ""


def set_cell_summary(
    session: Session, *, row_code_id: int, column_kind: str, column_key: str, text: str
) -> CellSummaryChange:
    """Store (or, for blank ``text``, delete) a cell summary, committed.

    Returns the previous text ("" when there was none) so the change can be undone.
    """
    _check(session, row_code_id, column_kind, column_key)
    check_lengths(summary=text)
    with committed(session):
        row = session.scalar(
            select(CellSummary).where(
                CellSummary.row_code_id == row_code_id,
                CellSummary.column_kind == column_kind,
                CellSummary.column_key == column_key,
            )
        )
        previous = row.text if row is not None else ""
        if not text.strip():
            if row is not None:
                session.execute(delete(CellSummary).where(CellSummary.id == row.id))
            text = ""
        elif row is None:
            session.add(
                CellSummary(
                    row_code_id=row_code_id,
                    column_kind=column_kind,
                    column_key=column_key,
                    text=text,
                )
            )
        else:
            row.text = text
            row.updated_at = utcnow()
    return CellSummaryChange(row_code_id, column_kind, column_key, previous, text)


def cell_summaries(
    session: Session, *, row_code_ids: Collection[int], column_kind: str
) -> dict[tuple[int, str], str]:
    """(row code id, column key) → summary text for the given rows and column kind."""
    if not row_code_ids:
        return {}
    rows = session.execute(
        select(CellSummary.row_code_id, CellSummary.column_key, CellSummary.text).where(
            CellSummary.row_code_id.in_(list(row_code_ids)),
            CellSummary.column_kind == column_kind,
        )
    )
    return {(code_id, key): text for code_id, key, text in rows}
