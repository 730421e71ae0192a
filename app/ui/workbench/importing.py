"""Importing documents from the workbench: the file dialog, drops, the background task and
its report. The import itself is :func:`app.coding.documents.import_files`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from app.coding import documents as documents_core
from app.coding.importing.formats import glob_patterns
from app.coding.progress import Progress
from app.ui.commands.base import run_command
from app.ui.commands.documents import ImportDocumentsCommand
from app.ui.context import ProjectContext
from app.ui.tasks import Task, TaskRunner
from app.ui.workbench.navigation import Navigator


class DocumentImport(QObject):
    """Project ▸ Import documents, and files dropped on the window."""

    def __init__(self, ctx: ProjectContext, runner: TaskRunner, nav: Navigator) -> None:
        super().__init__(nav.widget())
        self.ctx, self.runner, self.nav = ctx, runner, nav

    def ask_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.nav.widget(),
            self.tr("Import documents"),
            str(self.ctx.project.folder),
            self.tr("Documents ({0});;All files (*)").format(glob_patterns(convertible=True)),
        )
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: list[Path]) -> Task | None:
        """Import in the background; the progress dialog appears after half a second."""
        if self.ctx.read_only:
            return None
        project = self.ctx.project

        def work(progress: Progress) -> documents_core.ImportResult:
            with project.session() as s:
                return documents_core.import_files(s, paths=paths, progress=progress)

        return self.runner.run(work, title=self.tr("Importing documents…"), done=self._done)

    def _done(self, result: documents_core.ImportResult) -> None:
        from app.ui.dialogs.import_report import ImportReportDialog

        if result.imported:
            # on the undo stack: undo removes them again
            run_command(self.ctx, ImportDocumentsCommand(self.ctx, result), self.nav.widget())
        n = len(result.imported)
        self.nav.status(self.tr("%n document(s) imported.", "", n), 6000)
        if result.failed:
            dialog = ImportReportDialog(result, self.nav.widget())
            dialog.open()
        elif result.imported:
            self.nav.open_document(result.imported[0].id)
