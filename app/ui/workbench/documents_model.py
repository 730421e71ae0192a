"""The document list: name, case, format and share of text coded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from app.coding.workbench_queries import DocumentRow, document_coverage, list_document_rows
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
        """Re-count the coded share of only these documents (after codings changed in them;
        their names and cases are the same, so only the coverage is read)."""
        shown = {r.id for r in self.rows}
        wanted = sorted({d for d in document_ids if d in shown})
        if not wanted:
            return
        covered = self.ctx.query(document_coverage, document_ids=wanted)
        for i, row in enumerate(self.rows):
            if row.id in wanted:
                codings, chars = covered.get(row.id, (0, 0))
                if (codings, chars) != (row.codings, row.coded_chars):
                    self.rows[i] = replace(row, codings=codings, coded_chars=chars)
                    # every column's tooltip gives the counts
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
