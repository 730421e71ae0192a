"""A document's source: its type (interview, observation, …), the title quotes cite, its date."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from app.coding.sources import SourceType, citation_title, document_source
from app.ui.analysis.models import source_type_label
from app.ui.commands.settings import SetDocumentSourceCommand
from app.ui.context import ProjectContext
from app.ui.errors import show_error


class DocumentSourceDialog(QDialog):
    """Edits one document's source description; OK stores it as one undoable edit."""

    def __init__(self, ctx: ProjectContext, document_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.document_id = document_id
        source = ctx.query(document_source, document_id=document_id)
        self.setObjectName("documentSource")
        self.setWindowTitle(self.tr("Source of %1").replace("%1", source.name))
        self.kind = QComboBox(self)
        self.kind.setObjectName("sourceType")
        for kind in SourceType:
            self.kind.addItem(source_type_label(kind.value), kind)
        self.kind.setCurrentIndex(self.kind.findData(source.source_type))
        self.title = QLineEdit(source.stored_title, self)
        self.title.setObjectName("sourceTitle")
        self.title.setPlaceholderText(citation_title(source.name))
        self.has_date = QCheckBox(self.tr("Dated"), self)
        self.date = QDateEdit(self)
        self.date.setObjectName("sourceDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        when = source.source_date
        self.has_date.setChecked(when is not None)
        self.date.setDate(QDate(when.year, when.month, when.day) if when else QDate.currentDate())
        self.date.setEnabled(when is not None)
        self.has_date.toggled.connect(self.date.setEnabled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Type of source:"), self.kind)
        form.addRow(self.tr("Title in citations:"), self.title)
        form.addRow(self.has_date, self.date)
        form.addRow(buttons)

    def accept(self) -> None:
        """Store the shown values; an error is shown and the dialog stays open."""
        day = self.date.date()
        command = SetDocumentSourceCommand(
            self.ctx,
            document_id=self.document_id,
            source_type=SourceType(self.kind.currentData()),
            title=self.title.text(),
            source_date=day.toPython() if self.has_date.isChecked() else None,
        )
        try:
            self.ctx.execute(command)
        except Exception as exc:  # read-only project, a vanished document: nothing changes
            show_error(self, exc)
            return
        super().accept()
