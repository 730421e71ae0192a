"""REFI-QDA menu actions: projects (.qdpx) and codebooks (.qdc) to and from other tools.

The work is done by :mod:`app.coding.refiqda`; this module asks for file names, runs the
long parts in the background and reports what was skipped, as the standard asks importers to.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from sqlalchemy.exc import SQLAlchemyError

from app.coding import refiqda
from app.coding.codes import list_codes
from app.coding.errors import TelaahError
from app.coding.limits import escaped
from app.coding.merge import MergeReport, merge_project_file
from app.coding.progress import Progress
from app.models.backup import backup_project, drop_backup
from app.models.project import ProjectError
from app.ui.commands.base import run_command
from app.ui.commands.codes import ImportQdcCommand
from app.ui.context import ProjectContext
from app.ui.errors import merge_kinds, show_error, skip_kinds, skip_reason
from app.ui.tasks import Task, TaskRunner
from app.ui.workbench.navigation import Navigator


class Interchange(QObject):
    """The Project ▸ Exchange (REFI-QDA) actions of one main window."""

    def __init__(self, ctx: ProjectContext, runner: TaskRunner, nav: Navigator) -> None:
        super().__init__(nav.widget())
        self.ctx, self.runner, self.nav = ctx, runner, nav
        self.window = nav.widget()

    def _save_name(self, title: str, suggested: str, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self.window, title, str(self.ctx.project.sibling(suggested)), pattern
        )
        return Path(name) if name else None

    def export_qdpx(self, target: Path | None = None) -> Task | None:
        """Write the whole project as a .qdpx in the background."""
        stem = self.ctx.project.name
        target = target or self._save_name(
            self.tr("Export project (REFI-QDA)"),
            f"{stem}.qdpx",
            self.tr("REFI-QDA project (*.qdpx)"),
        )
        if target is None:
            return None
        if target.suffix.lower() != ".qdpx":
            target = target.with_suffix(".qdpx")
        project, language = self.ctx.project, self.ctx.language

        def work(progress: Progress) -> refiqda.QdpxExported:
            with project.session() as s:
                return refiqda.export_qdpx(
                    s, path=target, project_name=stem, language=language, progress=progress
                )

        return self.runner.run(
            work,
            title=self.tr("Exporting project…"),
            done=lambda _r: self.nav.status(
                self.tr("Project exported to {0}").format(target.name), 8000
            ),
        )

    def import_qdpx(self, source: Path | None = None, target: Path | None = None) -> Task | None:
        """Create a new Telaah project from a .qdpx made by NVivo, ATLAS.ti, MAXQDA…"""
        if source is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Import a REFI-QDA project"),
                str(self.ctx.project.folder),
                self.tr("REFI-QDA project (*.qdpx)"),
            )
            source = Path(name) if name else None
        if source is None:
            return None
        target = target or self._save_name(
            self.tr("Save the imported project as"),
            f"{source.stem}.telaah",
            self.tr("Telaah project (*.telaah)"),
        )
        if target is None:
            return None

        def work(progress: Progress) -> refiqda.QdpxImported:
            return refiqda.import_qdpx(path=source, project_path=target, progress=progress)

        return self.runner.run(
            work,
            title=self.tr("Importing project…"),
            done=lambda report: self._imported(report, target),
        )

    def _imported(self, report: refiqda.QdpxImported, target: Path) -> None:
        lines = [self.tr("The project was created as {0}.").format(target)]
        if report.skipped:
            lines.append(self.tr("Not imported:"))
            lines += [self._skipped_line(s) for s in report.skipped[:20]]
        if report.warnings:
            lines.append(self.tr("Imported, with a warning:"))
            lines += [self._skipped_line(w) for w in report.warnings[:10]]
        box = QMessageBox(
            QMessageBox.Icon.Information, "Telaah", "\n".join(lines), parent=self.window
        )
        box.setObjectName("qdpxImportReport")
        box.open()

    def _skipped_line(self, item: refiqda.Skipped) -> str:
        """One thing not imported; a coding with its code, positions in the file and words."""
        which = [self.tr("code “{0}”").format(escaped(item.code))] if item.code else []
        if item.start is not None:
            which.append(self.tr("positions {0}–{1} in the file").format(item.start, item.end))
        if item.snippet:
            which.append(f"“{escaped(item.snippet, limit=40)}”")
        detail = f" ({', '.join(which)})" if which else ""
        kind = skip_kinds().get(item.kind, item.kind)
        return f"• {kind} “{escaped(item.name)}”{detail}: {skip_reason(item.reason)}"

    def export_qdc(self, target: Path | None = None, codebook_key: str | None = None) -> bool:
        """Write one codebook as a .qdc."""
        with self.ctx.session() as s:
            keys = sorted({c.codebook_key for c in list_codes(s)})
        if not keys:
            return False
        if codebook_key is None:
            key, ok = QInputDialog.getItem(
                self.window, self.tr("Export codebook"), self.tr("Codebook:"), keys, 0, False
            )
            if not ok:
                return False
            codebook_key = key
        target = target or self._save_name(
            self.tr("Export codebook (REFI-QDA)"),
            f"{codebook_key}.qdc",
            self.tr("REFI-QDA codebook (*.qdc)"),
        )
        if target is None:
            return False
        try:
            with self.ctx.session() as s:
                refiqda.export_qdc(
                    s, codebook_key=codebook_key, path=target, language=self.ctx.language
                )
        except Exception as exc:  # every failure is shown, none crashes the app
            show_error(self.window, exc)
            return False
        self.nav.status(self.tr("Codebook exported to {0}").format(target.name), 8000)
        return True

    def import_qdc(self, source: Path | None = None) -> bool:
        """Add the codebook of a .qdc file as a new codebook."""
        if self.ctx.read_only:
            return False
        if source is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Import a REFI-QDA codebook"),
                str(self.ctx.project.folder),
                self.tr("REFI-QDA codebook (*.qdc)"),
            )
            source = Path(name) if name else None
        if source is None:
            return False
        return run_command(self.ctx, ImportQdcCommand(self.ctx, source), self.window)


class MergeCopy(QObject):
    """Project ▸ Merge another copy: a supervisor's or second coder's file, in the background.

    A backup is taken first; the merge adds what is new and reports what differs.
    """

    def __init__(self, ctx: ProjectContext, runner: TaskRunner, nav: Navigator) -> None:
        super().__init__(nav.widget())
        self.ctx, self.runner, self.nav = ctx, runner, nav
        self.window = nav.widget()

    def run(self, source: Path | None = None) -> Task | None:
        ctx = self.ctx
        if ctx.read_only:
            return None
        if source is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Merge another copy of this project"),
                str(ctx.project.folder),
                self.tr("Telaah project (*.telaah)"),
            )
            source = Path(name) if name else None
        if source is None:
            return None
        project = ctx.project

        def work(progress: Progress) -> tuple[MergeReport, Path | None]:
            # A file is backed up first; a server keeps its own backups.
            backup = None
            if project.path is not None:
                backup = backup_project(project.path, reason="merge")
            try:
                with project.session() as s:
                    report = merge_project_file(s, path=source, this_file=project.path)
            except (TelaahError, ProjectError, SQLAlchemyError):
                # refused or rolled back: nothing was merged, so the backup is a copy of an
                # unchanged file (an error after the commit, such as the private copy that
                # cannot be removed, keeps it)
                if backup is not None:
                    with suppress(OSError):
                        drop_backup(backup)
                raise
            return report, backup

        return self.runner.run(
            work,
            title=self.tr("Merging {0}…").format(source.name),
            done=lambda result: self._merged(source, *result),
        )

    def _merged(self, source: Path, report: MergeReport, backup: Path | None) -> None:
        self.ctx.broadcast(report.changes)  # the merge may have added anything
        if report.changed:
            words = merge_kinds()
            added = ", ".join(f"{n} {words.get(kind, kind)}" for kind, n in report.added.items())
            lines = [self.tr("Merged from {0}: {1}.").format(source.name, added)]
        else:
            lines = [self.tr("{0} holds nothing new.").format(source.name)]
        if report.conflicts:
            lines.append(self.tr("Differences kept as they are in this project:"))
            lines += [
                f"• {escaped(c.key)}: “{escaped(c.ours)}” ↔ “{escaped(c.theirs)}”"
                for c in report.conflicts[:15]
            ]
        if backup is not None:
            lines.append(self.tr("A backup from before the merge: {0}").format(backup.name))
        box = QMessageBox(
            QMessageBox.Icon.Information, "Telaah", "\n".join(lines), parent=self.window
        )
        box.setObjectName("mergeReport")
        box.open()
