"""The document list: name, case, format and share of text coded."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.coding.workbench_queries import DocumentRow, list_document_rows
from app.ui.context import ProjectContext
from app.ui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

NAME, CASE, FORMAT, CODED = range(4)


class DocumentListModel(RowsTableModel):
    """Rows of :class:`DocumentRow` from :func:`list_document_rows`."""

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.rows: list[DocumentRow] = []
        self.reload()

    def reload(self) -> None:
        """Bulk reload (after an import)."""
        rows = list(self.ctx.query(list_document_rows))  # read first: a failed read resets nothing
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def refresh(self, document_ids: Iterable[int]) -> None:
        """Re-read only these documents (after codings changed in them)."""
        wanted = {d for d in document_ids if any(r.id == d for r in self.rows)}
        if not wanted:
            return
        fresh = {r.id: r for r in self.ctx.query(list_document_rows, document_ids=sorted(wanted))}
        for i, row in enumerate(self.rows):
            if row.id in fresh:
                self.rows[i] = fresh[row.id]
                self.dataChanged.emit(self.index(i, 0), self.index(i, CODED))

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Document"), self.tr("Case"), self.tr("Format"), self.tr("Coded"))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # "%" over the coded share keeps the column narrow; its name is the tooltip
        if orientation == Qt.Orientation.Horizontal and section == CODED:
            if role == Qt.ItemDataRole.DisplayRole:
                return "%"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Coded")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NAME:
                return row.name
            if col == CASE:
                return ", ".join(row.cases) if row.cases else "–"
            if col == FORMAT:
                return row.format
            return f"{round(row.coded_share * 100)} %"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0}\n{1} characters, {2} codings, {3} % coded").format(
                row.name, f"{row.length:n}", row.codings, round(row.coded_share * 100)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == CODED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def row_of(self, document_id: int) -> int | None:
        for i, row in enumerate(self.rows):
            if row.id == document_id:
                return i
        return None
