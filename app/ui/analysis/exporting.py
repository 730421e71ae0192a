"""Exports from the analysis window: the dialog, the background write and the confirmation.

:meth:`Exporter.open` builds an :class:`~app.ui.analysis.export_dialog.ExportSetup` from the
window's current codebook, coder, columns, cells and names choice, shows the dialog and, when
it is accepted, writes on the thread pool (:class:`~app.ui.tasks.TaskRunner`). Afterwards a
box names the file and offers "Open file" and "Show in folder" (``QDesktopServices``, no
network). The next table number is suggested after each export, per project (``QSettings``).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.coding.analysis.evidence import load_cases
from app.coding.codes import list_codes
from app.coding.exports import ExportResult
from app.coding.exports.catalogue import (
    OPTIONS,
    ExportKind,
    ExportRequest,
    Option,
    default_title,
    write_export,
)
from app.coding.exports.docx_tables import next_number
from app.coding.exports.summary import ChartImage
from app.coding.progress import Progress
from app.ui.analysis.charts import save_chart_png
from app.ui.analysis.export_dialog import ExportDialog, ExportSetup, where_filters
from app.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from app.ui.analysis.window import AnalysisWindow

_DEFAULT_NUMBERS = {
    "chapter": "4.1", "continuous": "1", "figure-chapter": "4.1", "figure-continuous": "1",
}  # fmt: skip


class Exporter(QObject):
    """The analysis window's exports (one per window)."""

    #: an export was written (payload: :class:`ExportResult`)
    saved = Signal(object)

    def __init__(self, window: AnalysisWindow) -> None:
        super().__init__(window)
        self.w = window
        self.runner = TaskRunner(window, lambda text, ms: window.statusBar().showMessage(text, ms))
        self.dialog: ExportDialog | None = None
        self.saved_box: QMessageBox | None = None

    # --- table numbers ------------------------------------------------------------------

    def _settings_key(self, numbering: str) -> str:
        project = self.w.project
        where = str(project.path) if project.path is not None else str(project.url)
        return f"exports/{where}/next-{numbering}"

    def numbers(self) -> dict[str, str]:
        """The suggested number of the next table, per numbering."""
        settings = QSettings()
        return {
            n: str(settings.value(self._settings_key(n), default) or default)
            for n, default in _DEFAULT_NUMBERS.items()
        }

    def _advance(self, request: ExportRequest, tables: int) -> None:
        options = request.options
        if request.fmt != "docx" or request.kind is ExportKind.DRAFT:
            return
        QSettings().setValue(
            self._settings_key(options.numbering),
            next_number(options.first_number(), max(tables, 1)),
        )
        if request.charts and request.figure_number:  # the next summary's charts go on
            QSettings().setValue(
                self._settings_key(f"figure-{options.numbering}"),
                next_number(request.figure_number, len(request.charts)),
            )

    # --- the dialog ---------------------------------------------------------------------

    def setup(self, kind: ExportKind) -> ExportSetup:
        """What the dialog starts from for ``kind`` (the window's current choices)."""
        w = self.w
        language = w.ctx.language
        masks = tuple(m.strip() for m in w.mask_edit.text().split(",") if m.strip())
        book_key = w.codebook
        book = next((b for b in w.choices.codebooks if b.key == book_key), None)
        book_name = (book.name_en if language == "en" else book.name_id) if book else ""
        matrix = w.matrix if kind is ExportKind.MATRIX else None
        base = ExportRequest(
            kind=kind, fmt="docx", path=Path(), language=language, codebook=book_key,
            cols=str(w.columns_combo.currentData() or "cases"), cells=w.cells.value,
            coder=w.coder, pseudonymise=w.aliases_check.isChecked(), mask_names=masks,
        )  # fmt: skip
        project = w.project
        folder = project.path.parent if project.path is not None else Path.home()
        filtered = Option.WHERE in OPTIONS[kind]
        return ExportSetup(
            base=base,
            default_title=default_title(kind, language=language, book=book_name, matrix=matrix),
            numbers=self.numbers(),
            folder=folder,
            filters=self._filters(language) if filtered else (),
            heading=self._heading(kind),
        )

    def _heading(self, kind: ExportKind) -> str:
        return {
            ExportKind.SUMMARY: self.tr("Export the summary table"),
            ExportKind.MATRIX: self.tr("Export the matrix"),
            ExportKind.INFORMANTS: self.tr("Export the informant table"),
            ExportKind.CODEBOOK: self.tr("Export the operationalisation table"),
            ExportKind.FINDINGS: self.tr("Export the findings table"),
            ExportKind.DRAFT: self.tr("Export the chapter draft"),
        }[kind]

    def _filters(self, language: str) -> tuple[tuple[str, str], ...]:
        with self.w.project.session() as s:
            cases = load_cases(s)
            codes = list_codes(s)
        values = sorted(
            {(k, v) for c in cases for k, v in c.attributes.items() if v and len(v) <= 60}
        )
        named = [(c.key, c.name_en if language == "en" and c.name_en else c.name_id or c.key)
                 for c in codes]  # fmt: skip
        return where_filters(values, named, code_label=self.tr("overlapping %1"))

    def open(self, kind: ExportKind) -> ExportDialog:
        """Show the export dialog for ``kind``; accepting it starts the export."""
        dialog = ExportDialog(self.setup(kind), self.w)
        dialog.accepted.connect(lambda: self._accepted(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _accepted(self, dialog: ExportDialog) -> None:
        request = dialog.accepted_request
        if request is not None:
            self.start(request)

    # --- writing ------------------------------------------------------------------------

    def start(self, request: ExportRequest) -> Task:
        """Write ``request`` in the background (charts rendered first, in this thread)."""
        tmp = Path(tempfile.mkdtemp(prefix="telaah-charts-"))
        # The charts show all the evidence: a filtered summary goes without them.
        if (
            request.kind is ExportKind.SUMMARY
            and request.fmt == "docx"
            and not request.options.where
        ):
            charts = []
            for i, chart in enumerate((self.w.code_chart, self.w.group_chart)):
                if chart.bars:
                    png = tmp / f"chart{i}.png"
                    save_chart_png(png, "", chart.bars, scale=1.5)
                    charts.append(ChartImage(png, chart.title))
            request = replace(request, charts=tuple(charts))
        project = self.w.project

        def work(_progress: Progress) -> ExportResult:
            with project.session() as s:
                return write_export(s, request=request)

        def done(result: ExportResult) -> None:
            shutil.rmtree(tmp, ignore_errors=True)
            self._advance(request, result.tables)
            self.confirm(result)
            self.saved.emit(result)

        def failed(exc: object) -> None:
            shutil.rmtree(tmp, ignore_errors=True)
            self.runner.failed(exc)

        return self.runner.run(work, title=self.tr("Exporting…"), done=done, failed=failed)

    def confirm(self, result: ExportResult) -> QMessageBox:
        """Say where the file is and offer to open it or its folder."""
        box = QMessageBox(self.w)
        box.setObjectName("exportSaved")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Export"))
        box.setText(
            self.tr("Saved “%1” in %2.")
            .replace("%1", result.path.name)
            .replace("%2", str(result.path.parent))
        )
        open_file = box.addButton(self.tr("Open file"), QMessageBox.ButtonRole.ActionRole)
        open_folder = box.addButton(self.tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        open_file.setObjectName("openFile")
        open_folder.setObjectName("showInFolder")
        open_file.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
        )
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path.parent)))
        )
        self.saved_box = box
        box.open()
        return box
