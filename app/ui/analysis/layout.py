"""The analysis window's widgets: the bar (codebook, coder, aliases, export) and the
Summary, Matrix and Charts tabs.

:class:`AnalysisLayout` is the base of :class:`~app.ui.analysis.window.AnalysisWindow`, as
:class:`~app.ui.workbench.layout.WorkbenchLayout` is of the main window: it creates the
widgets (again, with fresh labels, after a language switch) and fills the choice boxes; the
window connects them to what they do and shows the analyses in them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.coding.analysis import AnalysisChoices, analysis_choices
from app.coding.exports.catalogue import ExportKind
from app.coding.exports.table_kinds import CELL_KINDS, CELL_LABEL_CONTEXT
from app.ui.analysis.charts import BarChart
from app.ui.analysis.models import ExcerptModel, MatrixModel, SummaryModel
from app.ui.context import ProjectContext
from app.ui.server.offline import keeps_last_view


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    return view


class AnalysisLayout(QMainWindow):
    """The widgets of one analysis window."""

    # set by the window before building
    ctx: ProjectContext
    language: str
    summary_model: SummaryModel
    matrix_model: MatrixModel
    box_excerpts: ExcerptModel
    cell_excerpts: ExcerptModel
    choices: AnalysisChoices

    def build_layout(self) -> None:
        """Create the bar and the three tabs (again after a language switch)."""
        central = QWidget()
        layout = QVBoxLayout(central)
        bar = QHBoxLayout()
        self.codebook_combo = QComboBox()
        self.coder_combo = QComboBox()
        self.aliases_check = QCheckBox(self.tr("Show aliases (pseudonymise exports)"))
        self.mask_edit = QLineEdit()
        self.mask_edit.setPlaceholderText(self.tr("Names to mask, comma-separated"))
        # A push button with a menu sizes itself for its text and the arrow (a tool button
        # in instant-popup mode clipped the label).
        self.export_button = QPushButton(self.tr("Export…"))
        menu = QMenu(self.export_button)
        self.export_actions: dict[ExportKind, QAction] = {}
        for kind, label in (
            (ExportKind.SUMMARY, self.tr("Summary table…")),
            (ExportKind.MATRIX, self.tr("Matrix as shown…")),
            (ExportKind.FINDINGS, self.tr("Findings table…")),
            (ExportKind.INFORMANTS, self.tr("Informant table…")),
            (ExportKind.CODEBOOK, self.tr("Operationalisation table (codebook)…")),
            (ExportKind.DRAFT, self.tr("Chapter draft…")),
        ):
            action = QAction(label, menu)
            action.setObjectName(f"actionExport{kind.value.capitalize()}")
            menu.addAction(action)
            self.export_actions[kind] = action
        self.export_button.setMenu(menu)
        for widget in (QLabel(self.tr("Codebook:")), self.codebook_combo,
                       QLabel(self.tr("Coder:")), self.coder_combo, self.aliases_check,
                       self.mask_edit, self.export_button):  # fmt: skip
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._summary_tab(), self.tr("Summary"))
        self.tabs.addTab(self._matrix_tab(), self.tr("Matrix"))
        self.tabs.addTab(self._charts_tab(), self.tr("Charts"))
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.resize(1100, 720)

    def _summary_tab(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Vertical)
        self.summary_view = _table(self.summary_model)
        self.summary_view.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.box_view = _table(self.box_excerpts)
        self.box_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.status_key = QLabel(
            self.tr(
                "filled: supporting evidence from two or more sources · thin: from one · "
                "contested: supporting evidence and evidence that it does not happen · "
                "does not happen: only evidence that it does not happen · empty: no evidence. "
                "Barriers are counted beside and never fill a box."
            )
        )
        self.status_key.setWordWrap(True)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary_view)
        top_layout.addWidget(self.status_key)
        top_layout.addWidget(self.empty_label)
        split.addWidget(top)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        finding_row = QHBoxLayout()
        self.finding_label = QLabel(self.tr("Finding of the selected box:"))
        self.finding_edit = QLineEdit()
        self.finding_edit.setPlaceholderText(
            self.tr("One or two sentences: what the evidence shows for this box")
        )
        self.finding_edit.setEnabled(False)
        self.save_finding_button = QPushButton(self.tr("Save finding"))
        self.save_finding_button.setEnabled(False)
        for widget in (self.finding_label, self.finding_edit, self.save_finding_button):
            finding_row.addWidget(widget)
        finding_row.setStretch(1, 1)
        bottom_layout.addLayout(finding_row)
        bottom_layout.addWidget(self.box_view)
        split.addWidget(bottom)
        split.setSizes([460, 200])
        return split

    def _matrix_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.columns_combo = QComboBox()
        self.cells_combo = QComboBox()
        for spec in CELL_KINDS:
            label = QCoreApplication.translate(CELL_LABEL_CONTEXT, spec.label)
            self.cells_combo.addItem(label, spec.kind)
        row.addWidget(QLabel(self.tr("Columns:")))
        row.addWidget(self.columns_combo)
        row.addWidget(QLabel(self.tr("Cells:")))
        row.addWidget(self.cells_combo)
        row.addStretch(1)
        layout.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.matrix_view = _table(self.matrix_model)
        split.addWidget(self.matrix_view)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        self.cell_label = QLabel(self.tr("Select a cell to see its excerpts."))
        self.cell_label.setWordWrap(True)
        self.cell_view = _table(self.cell_excerpts)
        self.cell_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(self.tr("Your summary of this cell…"))
        self.save_summary_button = QPushButton(self.tr("Save cell summary"))
        for widget in (self.cell_label, self.cell_view, QLabel(self.tr("Cell summary:")),
                       self.summary_edit, self.save_summary_button):  # fmt: skip
            side_layout.addWidget(widget)
        split.addWidget(side)
        split.setSizes([700, 400])
        layout.addWidget(split)
        return page

    def _charts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.code_chart = BarChart()
        self.group_chart = BarChart()
        self.chart_buttons: list[tuple[QPushButton, BarChart]] = []
        for chart in (self.code_chart, self.group_chart):
            layout.addWidget(chart)
            button = QPushButton(self.tr("Save as PNG…"))
            self.chart_buttons.append((button, chart))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)
        # the charts are as tall as their labels need; the tab scrolls
        area = QScrollArea()
        area.setObjectName("chartsScroll")
        area.setWidget(page)
        area.setWidgetResizable(True)
        return area

    @keeps_last_view
    def _fill_choices(self) -> None:
        with self.ctx.session() as s:
            choices = analysis_choices(s)
        self.choices = choices
        for combo in (self.codebook_combo, self.coder_combo, self.columns_combo):
            combo.blockSignals(True)
            combo.clear()
        for book in choices.codebooks:
            name = book.name_en if self.language == "en" else book.name_id
            self.codebook_combo.addItem(name or book.key, book.key)
        self.coder_combo.addItem(self.tr("Primary coders"), None)
        for coder in choices.coders:
            self.coder_combo.addItem(coder, coder)
        self.columns_combo.addItem(self.tr("Cases"), "cases")
        self.columns_combo.addItem(self.tr("Source types"), "source-type")
        for attribute in choices.attributes:
            self.columns_combo.addItem(self.tr("Values of %1").replace("%1", attribute),
                                       f"attr:{attribute}")  # fmt: skip
        for book in choices.codebooks:
            name = book.name_en if self.language == "en" else book.name_id
            self.columns_combo.addItem(self.tr("Co-occurrence with %1").replace("%1", name),
                                       book.key)  # fmt: skip
        for combo in (self.codebook_combo, self.coder_combo, self.columns_combo):
            combo.blockSignals(False)
