"""Search results: one row per hit with its context."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.coding.search import SearchHit
from app.ui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchHitModel(RowsTableModel):
    """Rows of :class:`SearchHit` (document, context)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SearchHit] = []

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        self.beginResetModel()
        self.rows = list(hits)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Document"), self.tr("Context"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return hit.document
            return context_line(hit.before, hit.match, hit.after)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return f"…{hit.before}【{hit.match}】{hit.after}…"
        if role == HIT_ROLE:
            return hit
        return None


def context_line(before: str, match: str, after: str) -> str:
    """``…before [match] after…`` on one line, spaced as in the text: a space beside the
    brackets only where the text has one, so "banjir." shows as "[banjir]." and not
    "[banjir] ."."""
    left = " ".join(before.split())
    right = " ".join(after.split())
    if left and before[-1:].isspace():
        left += " "
    if right and after[:1].isspace():
        right = " " + right
    return f"…{left}[{match}]{right}…"
