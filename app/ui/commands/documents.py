"""Undoable import: undo removes the imported documents, redo puts them back unchanged."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from app.coding.codings import CodingChanges
from app.coding.documents import DocumentSnapshot, remove_documents, restore_documents
from app.ui.commands.base import CoreCommand
from app.ui.context import ProjectContext

translate = QCoreApplication.translate


class ImportDocumentsCommand(CoreCommand):
    """Records an import that already happened (in the background) on the undo stack."""

    def __init__(self, ctx: ProjectContext, document_ids: Sequence[int]) -> None:
        super().__init__(ctx, translate("DocumentCommands", "Import documents"))
        self.document_ids = tuple(document_ids)
        self.snapshot: DocumentSnapshot | None = None

    def do(self) -> None:
        """Nothing to do: the import task has written the documents already."""

    def undo_core(self) -> None:
        self.snapshot = self.ctx.query(remove_documents, document_ids=self.document_ids)
        self._changed()

    def redo_core(self) -> None:
        assert self.snapshot is not None
        self.ctx.query(restore_documents, snapshot=self.snapshot)
        self._changed()

    def _changed(self) -> None:
        self.ctx.documentsChanged.emit()
        if self.snapshot is not None and self.snapshot.codings:
            self.ctx.notify_codings(CodingChanges.of(added=self.snapshot.codings))
