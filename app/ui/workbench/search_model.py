"""Search results: one row per hit with its context."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.coding.search import SearchHit

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchHitModel(QAbstractTableModel):
    """Rows of :class:`SearchHit` (document, context)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SearchHit] = []

    def set_hits(self, hits: tuple[SearchHit, ...]) -> None:
        self.beginResetModel()
        self.rows = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr("Document") if section == 0 else self.tr("Context")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return hit.document
            before = " ".join(hit.before.split())
            after = " ".join(hit.after.split())
            return f"…{before} [{hit.match}] {after}…"
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return f"…{hit.before}【{hit.match}】{hit.after}…"
        if role == HIT_ROLE:
            return hit
        return None
