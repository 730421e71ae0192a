"""The analysis view: illustrative-method summary, matrices, cell summaries and charts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.coding.analysis import (
    CellKind,
    CodebookSummary,
    ColumnKind,
    Matrix,
    build_matrix,
    build_summary,
    get_cell_summary,
    load_quotes,
)
from app.coding.analysis.evidence import select_coders
from app.coding.changes import Changes, Kind
from app.coding.exports.excerpts import merge_same_spans
from app.coding.retrieval import excerpts
from app.coding.settings import get_settings
from app.ui.analysis.charts import BarChart, bars_by_code, bars_by_group
from app.ui.analysis.commands import SetCellSummary, SetFinding
from app.ui.analysis.exporting import Exporter
from app.ui.analysis.layout import AnalysisLayout
from app.ui.analysis.models import ExcerptModel, MatrixModel, SummaryModel
from app.ui.context import ProjectContext
from app.ui.errors import show_error
from app.ui.language import current_language
from app.ui.server.offline import keeps_last_view


class AnalysisWindow(AnalysisLayout):
    """Analyses of one open project. ``jumpRequested(document_id, start, end)`` asks the
    main window to show a passage; offsets are code points (convert before using Qt)."""

    jumpRequested = Signal(int, int, int)

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project = ctx.project
        self.language = ctx.language
        self.summary: CodebookSummary | None = None
        self.matrix: Matrix | None = None
        self.group_matrix: Matrix | None = None
        self.setWindowTitle(self.tr("Analysis"))
        self.current_box: int | None = None
        self.summary_model = SummaryModel(self)
        self.matrix_model = MatrixModel(self)
        self.box_excerpts = ExcerptModel(self)
        self.cell_excerpts = ExcerptModel(self)
        self._language_timer = QTimer(self)
        self._language_timer.setSingleShot(True)
        self._language_timer.setInterval(0)
        self._language_timer.timeout.connect(self.retranslate)
        self._build()
        self.aliases_check.setChecked(ctx.query(get_settings).pseudonymise)
        self._fill_choices()
        self.refresh()
        ctx.watch(self, self._on_changes)

    @property
    def undo_stack(self) -> QUndoStack:
        """The project's one undo stack (cell summaries are undone with everything else)."""
        return self.ctx.undo_stack

    # --- the language -------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        # every widget gets LanguageChange; rebuild once, after it has gone round
        if event.type() == QEvent.Type.LanguageChange:
            self._language_timer.start()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Rebuild the widgets in the installed language, keeping what was chosen; exports
        from now on use it too."""
        lang = current_language()
        if lang == self.language:
            return
        tab, book, coder = self.tabs.currentIndex(), self.codebook, self.coder
        columns, cells = self.columns_combo.currentData(), self.cells_combo.currentIndex()
        aliases, masks = self.aliases_check.isChecked(), self.mask_edit.text()
        self.language = self.ctx.language = lang
        self.setWindowTitle(self.tr("Analysis"))
        old = self.takeCentralWidget()
        if old is not None:  # gone from the window at once, deleted when Qt is ready
            old.setParent(None)
            old.deleteLater()
        self._build()
        self._fill_choices()
        for combo, data in (
            (self.codebook_combo, book),
            (self.coder_combo, coder),
            (self.columns_combo, columns),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)
        self.cells_combo.blockSignals(True)
        self.cells_combo.setCurrentIndex(cells)
        self.cells_combo.blockSignals(False)
        self.aliases_check.setChecked(aliases)
        self.mask_edit.setText(masks)
        self.tabs.setCurrentIndex(tab)
        self.refresh()

    def _build(self) -> None:
        """The widgets (:meth:`build_layout`), connected to what they do."""
        self.exporter = Exporter(self)
        self.build_layout()
        for kind, action in self.export_actions.items():
            action.triggered.connect(lambda _=False, k=kind: self.exporter.open(k))
        self.codebook_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.coder_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.aliases_check.toggled.connect(lambda _b: self._show_matrix())
        self.summary_view.clicked.connect(self._box_clicked)
        self.box_view.doubleClicked.connect(lambda i: self._jump(self.box_excerpts, i))
        self.finding_edit.returnPressed.connect(self.save_finding)
        self.save_finding_button.clicked.connect(self.save_finding)
        self.matrix_view.clicked.connect(self._cell_clicked)
        self.cell_view.doubleClicked.connect(lambda i: self._jump(self.cell_excerpts, i))
        self.save_summary_button.clicked.connect(self.save_cell_summary)
        self.columns_combo.currentIndexChanged.connect(lambda _i: self.refresh_matrix())
        self.cells_combo.currentIndexChanged.connect(lambda _i: self._show_matrix())
        for button, chart in self.chart_buttons:
            button.clicked.connect(lambda _=False, c=chart: self._save_chart(c))
        self._set_cell(None)

    # --- data --------------------------------------------------------------------------

    @property
    def codebook(self) -> str | None:
        key = self.codebook_combo.currentData()
        return str(key) if key else None

    @property
    def coder(self) -> str | None:
        coder = self.coder_combo.currentData()
        return str(coder) if coder else None

    @property
    def cells(self) -> CellKind:
        return CellKind(self.cells_combo.currentData())

    def _on_changes(self, changes: Changes) -> None:
        """Rebuild when coded data changed; a changed cell summary updates just its cell."""
        if changes.touches(Kind.CODINGS, Kind.CODES, Kind.CASES, Kind.DOCUMENTS):
            self.refresh()
        elif Kind.SUMMARIES in changes:
            for cell in changes.summaries:
                self._show_summary(*cell)

    @keeps_last_view
    def _show_summary(self, row_code_id: int, column_kind: str, column_key: str) -> None:
        matrix = self.matrix
        if matrix is None or matrix.column_kind.value != column_kind:
            return
        rows = [i for i, row in enumerate(matrix.rows) if row.code_id == row_code_id]
        cols = [i for i, col in enumerate(matrix.columns) if col.summary_key == column_key]
        if not rows or not cols:
            return
        text = self.ctx.query(
            get_cell_summary,
            row_code_id=row_code_id,
            column_kind=column_kind,
            column_key=column_key,
        )
        for r in rows:
            self.matrix_model.set_summary(r, cols[0], text)
            if self.current_cell == (r, cols[0]):
                self.summary_edit.setPlainText(text)
        self.matrix = self.matrix_model.matrix

    @keeps_last_view
    def refresh(self) -> None:
        """Rebuild the summary, the matrix and the charts of the chosen codebook."""
        book = self.codebook
        self.summary = None
        self.group_matrix = None
        if book is not None:
            with self.ctx.session() as s:
                self.summary = build_summary(s, codebook=book, coder=self.coder)
                if "group" in self.choices.attributes:
                    self.group_matrix = build_matrix(
                        s, rows=book, cols="attr:group", coder=self.coder
                    )
        self.summary_model.set_summary(self.summary, self.language)
        self.summary_view.resizeColumnsToContents()
        # Long lists of informant groups wrap instead of squeezing the quote column.
        groups = self.summary_view.horizontalHeader()
        groups.resizeSection(3, min(groups.sectionSize(3), 260))
        groups.resizeSection(5, min(groups.sectionSize(5), 200))
        groups.resizeSection(SummaryModel.FINDING_COLUMN, min(groups.sectionSize(6), 320))
        self.summary_view.resizeRowsToContents()
        self._show_box()
        empty = self.summary.empty_boxes if self.summary else ()
        absent = self.summary.absent_boxes if self.summary else ()
        text = self.tr("Empty boxes: %1").replace(
            "%1", ", ".join(b.name(self.language) for b in empty) or self.tr("none")
        )
        if absent:
            text += " · " + self.tr("Boxes informants say do not happen: %1").replace(
                "%1", ", ".join(b.name(self.language) for b in absent)
            )
        self.empty_label.setText(text)
        self._update_charts()
        self.refresh_matrix()

    @keeps_last_view
    def refresh_matrix(self) -> None:
        book, cols = self.codebook, self.columns_combo.currentData()
        self.matrix = None
        if book is not None and cols:
            with self.ctx.session() as s:
                self.matrix = build_matrix(s, rows=book, cols=str(cols), coder=self.coder)
        self._show_matrix()

    def _show_matrix(self) -> None:
        self.matrix_model.set_matrix(
            self.matrix, self.cells, self.language, self.aliases_check.isChecked()
        )
        self.matrix_view.resizeColumnsToContents()
        self._set_cell(None)

    def _update_charts(self) -> None:
        if self.summary is None:
            self.code_chart.set_bars("", [])
            self.group_chart.set_bars("", [])
            return
        book = self.summary.name(self.language)
        self.code_chart.set_bars(
            self.tr("Excerpts by code: %1").replace("%1", book),
            bars_by_code(self.summary, self.language),
        )
        groups = bars_by_group(self.group_matrix) if self.group_matrix else []
        self.group_chart.set_bars(
            self.tr("Excerpts by informant group: %1").replace("%1", book), groups
        )

    # --- interaction -------------------------------------------------------------------

    def _box_clicked(self, index: QModelIndex) -> None:
        if self.summary is None or not index.isValid():
            return
        self.current_box = self.summary.boxes[index.row()].code_id
        self._show_box()

    @keeps_last_view
    def _show_box(self) -> None:
        """The chosen box's finding and its excerpts (the evidence coders', one per span)."""
        self._show_finding()
        code_id = self.current_box
        boxes = self.summary.boxes if self.summary is not None else ()
        if code_id is None or not any(b.code_id == code_id for b in boxes):
            self.box_excerpts.set_excerpts(())
            return
        with self.ctx.session() as s:
            coders = select_coders(s, coders=[self.coder] if self.coder else None).names
            found = merge_same_spans(
                excerpts(s, code_ids=[code_id], include_children=True, coders=list(coders))
            )
        self.box_excerpts.set_excerpts(found)

    def save_finding(self) -> None:
        """Store the finding editor's text as the selected box's finding (undoable)."""
        code_id = self.current_box
        if code_id is None:
            return
        command = SetFinding(self.ctx, code_id=code_id, text=self.finding_edit.text())
        try:
            self.ctx.execute(command)
        except Exception as exc:  # read-only, a vanished code, a too long text: all shown
            show_error(self, exc)

    def _show_finding(self) -> None:
        """Put the selected box's stored finding into the editor (after any change)."""
        box = next(
            (
                b
                for b in (self.summary.boxes if self.summary else ())
                if b.code_id == self.current_box
            ),
            None,
        )
        self.finding_edit.setEnabled(box is not None)
        self.save_finding_button.setEnabled(box is not None and not self.ctx.read_only)
        self.finding_edit.setReadOnly(self.ctx.read_only)
        self.finding_edit.setText(box.finding if box else "")
        self.finding_label.setText(
            self.tr("Finding of %1:").replace("%1", box.name(self.language))
            if box
            else self.tr("Finding of the selected box:")
        )

    def _cell_clicked(self, index: QModelIndex) -> None:
        self._set_cell((index.row(), index.column()) if index.isValid() else None)

    @keeps_last_view
    def _set_cell(self, cell: tuple[int, int] | None) -> None:
        self.current_cell = cell
        matrix = self.matrix
        enabled = cell is not None and matrix is not None
        # Source-type columns are computed, not a framework: they hold no cell summaries.
        writable = enabled and matrix is not None and matrix.column_kind is not ColumnKind.SOURCE
        self.summary_edit.setEnabled(writable)
        self.summary_edit.setReadOnly(self.ctx.read_only)
        self.save_summary_button.setEnabled(writable and not self.ctx.read_only)
        if not enabled or matrix is None or cell is None:
            self.cell_excerpts.set_excerpts(())
            self.summary_edit.setPlainText("")
            self.cell_label.setText(self.tr("Select a cell to see its excerpts."))
            return
        r, c = cell
        codings = matrix.codings(r, c)
        every = (*codings, *matrix.contrary.get((r, c), ()))
        with self.ctx.session() as s:
            selection = select_coders(s, coders=list(matrix.coders) or None)
            quotes = load_quotes(s, codings=every, selection=selection)
        self.cell_excerpts.set_excerpts([quotes[x.id] for x in every if x.id in quotes])
        row = matrix.rows[r].name(self.language)
        col = self.matrix_model.headerData(c, Qt.Orientation.Horizontal)
        self.cell_label.setText(
            self.tr("%1 × %2: %3 excerpt(s)")
            .replace("%1", row)
            .replace("%2", str(col))
            .replace("%3", str(len(codings)))
        )
        self.summary_edit.setPlainText(matrix.summary(r, c))

    def _jump(self, model: ExcerptModel, index: QModelIndex) -> None:
        if index.isValid():
            e = model.excerpt(index.row())
            self.jumpRequested.emit(e.document_id, e.start, e.end)

    def save_cell_summary(self) -> None:
        """Store the editor's text as the selected cell's summary (undoable)."""
        matrix, cell = self.matrix, self.current_cell
        if matrix is None or cell is None:
            return
        r, c = cell
        command = SetCellSummary(
            self.ctx,
            row_code_id=matrix.rows[r].code_id,
            column_kind=matrix.column_kind.value,
            column_key=matrix.columns[c].summary_key,
            text=self.summary_edit.toPlainText(),
        )
        try:
            self.ctx.execute(command)
        except Exception as exc:  # read-only, a vanished code, a full disk: all shown
            show_error(self, exc)

    def _failed(self, exc: Exception) -> None:
        QMessageBox.warning(self, self.tr("Analysis"), self.tr("Could not save: %1")
                            .replace("%1", str(exc)))  # fmt: skip

    def _save_chart(self, chart: BarChart) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), "", self.tr("PNG image (*.png)")
        )
        if name and not chart.save_png(Path(name).with_suffix(".png")):
            self._failed(OSError(name))
