"""What an import did: how many documents came in, and why each failed file did not."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.coding.documents import ImportFailure, ImportResult
from app.coding.limits import escaped, quoted
from app.ui.errors import error_message
from app.ui.rows_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex


class FailureModel(RowsTableModel):
    """One row per file that was not imported: its name and the translated reason."""

    def __init__(self, failures: tuple[ImportFailure, ...]) -> None:
        super().__init__()
        self.rows = list(failures)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("File"), self.tr("Reason"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        failure = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                return escaped(failure.path.name, limit=255)
            message = error_message(failure.error)
            prefix = f"{quoted(failure.path.name)}: "
            return message[len(prefix) :] if message.startswith(prefix) else message
        return None


class ImportReportDialog(QDialog):
    """Lists the files that failed, each with a clear reason."""

    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import finished"))
        self.setMinimumSize(640, 300)
        summary = QLabel(
            self.tr("%n document(s) imported.", "", len(result.imported))
            + " "
            + self.tr("%n file(s) could not be imported:", "", len(result.failed)),
            self,
        )
        summary.setWordWrap(True)
        self.model = FailureModel(result.failed)
        table = QTableView(self)
        table.setObjectName("importFailures")
        table.setModel(self.model)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Rows grow with their reason whenever the columns change width (the dialog shown,
        # resized): every reason is read whole, without scrolling sideways.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
