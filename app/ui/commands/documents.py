"""Undoable import: undo removes the imported documents, redo puts them back unchanged."""

from __future__ import annotations

from app.coding.changes import Changes
from app.coding.documents import (
    DocumentSnapshot,
    ImportResult,
    remove_documents,
    restore_documents,
)
from app.ui.commands.base import CoreCommand, translate
from app.ui.context import ProjectContext


class ImportDocumentsCommand(CoreCommand):
    """Records an import that already happened (in the background) on the undo stack."""

    def __init__(self, ctx: ProjectContext, result: ImportResult) -> None:
        super().__init__(ctx, translate("DocumentCommands", "Import documents"))
        self.document_ids = tuple(d.id for d in result.imported)
        self.imported = result.changes
        self.snapshot: DocumentSnapshot | None = None

    def do(self) -> Changes:
        """Nothing to do: the import task has written the documents already."""
        return self.imported

    def undo_core(self) -> Changes:
        self.snapshot = self.ctx.query(remove_documents, document_ids=self.document_ids)
        return self.snapshot.changes

    def redo_core(self) -> Changes:
        assert self.snapshot is not None
        return self.ctx.query(restore_documents, snapshot=self.snapshot)
