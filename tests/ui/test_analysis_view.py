"""The analysis view over the known-answer study of tests/coding/_analysis_study.py."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest
from coding._analysis_study import CASE_NAMES, Study, phrase
from coding._analysis_study import build_study as build_analysis_study
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage

from app.coding.analysis import CellKind, build_matrix, build_summary, get_cell_summary
from app.coding.exports.catalogue import ExportKind
from app.models.project import Project
from app.ui.analysis import AnalysisWindow
from app.ui.analysis.models import CountRole, ExcerptModel, MatrixModel, SummaryModel
from app.ui.context import ProjectContext

CASE_COUNTS = [[3, 1, 1, 1], [1, 1, 1, 0], [2, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0]]


@pytest.fixture
def study(project: Project) -> Study:
    return build_analysis_study(project)


@pytest.fixture
def view(qtbot, project: Project, study: Study) -> AnalysisWindow:  # type: ignore[no-untyped-def]
    win = AnalysisWindow(ProjectContext(project))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def matrix_counts(model: MatrixModel) -> list[list[int]]:
    return [
        [model.data(model.index(r, c), CountRole) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_models_pass_the_model_tester(qtmodeltester, project: Project, study: Study) -> None:  # type: ignore[no-untyped-def]
    with project.session() as s:
        summary = build_summary(s, codebook="tb")
        matrix = build_matrix(s, rows="tb", cols="co", with_quotes=True)
    summary_model = SummaryModel()
    summary_model.set_summary(summary)
    qtmodeltester.check(summary_model)
    for cells in CellKind:
        matrix_model = MatrixModel()
        matrix_model.set_matrix(matrix, cells)
        qtmodeltester.check(matrix_model)
    excerpts = ExcerptModel()
    excerpts.set_excerpts(matrix.cell_quotes(3, 1))
    qtmodeltester.check(excerpts)


def test_summary_table_shows_every_box(view: AnalysisWindow) -> None:
    model = view.summary_model
    rows = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
    assert rows == [
        ["Kepercayaan", 6, 4, "aktor pemerintah, aparat pemerintah, masyarakat", "filled"],
        ["    Percaya pada warga", 3, 3, "aktor pemerintah, aparat pemerintah", "filled"],
        ["    Swadaya", 2, 1, "aktor pemerintah", "thin"],
        ["Norma", 3, 2, "aparat pemerintah, masyarakat", "filled"],
        ["Jaringan", 0, 0, "", "empty"],
    ]
    assert "Jaringan" in view.empty_label.text()


def test_clicking_a_cell_lists_its_excerpts_and_jumps_to_the_source(
    qtbot,
    view: AnalysisWindow,
    study: Study,  # type: ignore[no-untyped-def]
) -> None:
    model = view.matrix_model
    # A new project shows aliases by default (its "names in exports" setting).
    assert view.aliases_check.isChecked()
    view.aliases_check.setChecked(False)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == list(CASE_NAMES)
    assert matrix_counts(model) == CASE_COUNTS
    view.aliases_check.setChecked(True)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Informan 10"
    # Heat map: the fullest cell is the most orange, an empty cell has no colour.
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(4, 0), Qt.ItemDataRole.BackgroundRole) is None

    cell = model.index(0, 0)
    view.matrix_view.clicked.emit(cell)
    texts = [view.cell_excerpts.excerpt(r).text for r in range(view.cell_excerpts.rowCount())]
    assert texts == [phrase("c1"), phrase("c3"), phrase("c4")]
    with qtbot.waitSignal(view.jumpRequested) as jump:
        view.cell_view.doubleClicked.emit(view.cell_excerpts.index(1, 0))
    start, end = study.spans["c3"]
    assert jump.args == [study.documents["INF01.txt"], start, end]


def test_cell_summary_is_saved_undone_and_redone(
    view: AnalysisWindow, project: Project, study: Study
) -> None:
    view.cells_combo.setCurrentIndex(view.cells_combo.findData(CellKind.SUMMARY))
    cell = view.matrix_model.index(1, 0)
    view.matrix_view.clicked.emit(cell)
    view.summary_edit.setPlainText("Percaya pada warga sejak banjir.")
    view.save_summary_button.click()

    def stored() -> str:
        with project.session() as s:
            return get_cell_summary(s, row_code_id=study.codes["tb/a/x"], column_kind="case",
                                    column_key="Hendra Wijaya")  # fmt: skip

    assert stored() == "Percaya pada warga sejak banjir."
    assert view.matrix_model.data(cell) == "Percaya pada warga sejak banjir."
    view.undo_stack.undo()
    assert stored() == ""
    assert view.matrix_model.data(cell) == ""
    view.undo_stack.redo()
    assert stored() == "Percaya pada warga sejak banjir."


def test_columns_and_cells_can_be_switched(view: AnalysisWindow) -> None:
    view.columns_combo.setCurrentIndex(view.columns_combo.findData("attr:group"))
    assert matrix_counts(view.matrix_model) == [[3, 2, 1], [1, 2, 0], [2, 0, 0], [0, 1, 1],
                                                [0, 0, 0]]  # fmt: skip
    view.columns_combo.setCurrentIndex(view.columns_combo.findData("co"))
    view.cells_combo.setCurrentIndex(view.cells_combo.findData(CellKind.PRESENCE))
    model = view.matrix_model
    assert [[model.data(model.index(r, c)) for c in range(2)] for r in range(5)] == [
        ["\u2713", "\u2013"], ["\u2713", "\u2013"], ["\u2013", "\u2013"],
        ["\u2713", "\u2713"], ["\u2013", "\u2013"],
    ]  # fmt: skip
    view.coder_combo.setCurrentIndex(view.coder_combo.findData("budi"))
    assert view.summary_model.data(view.summary_model.index(0, 1)) == 0


def test_charts_save_as_png_and_go_into_the_word_summary(
    qtbot, view: AnalysisWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert [b.value for b in view.code_chart.bars] == [6, 3, 2, 3, 0]
    assert [(b.label, b.value) for b in view.group_chart.bars] == [
        ("aktor pemerintah", 3), ("aparat pemerintah", 3), ("masyarakat", 2),
    ]  # fmt: skip
    png = tmp_path / "by code.png"
    assert view.code_chart.save_png(png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() == 1200
    out = tmp_path / "ringkasan.docx"
    with qtbot.waitSignal(view.exporter.saved, timeout=15000):
        view.exporter.start(replace(view.exporter.setup(ExportKind.SUMMARY).base, path=out))
    document = docx.Document(str(out))
    assert len(document.inline_shapes) == 2
    assert document.tables[0].rows[1].cells[3].text == "6"
    matrix_out = tmp_path / "matriks.csv"
    view.cells_combo.setCurrentIndex(view.cells_combo.findData(CellKind.QUOTES))
    request = replace(view.exporter.setup(ExportKind.MATRIX).base, path=matrix_out, fmt="csv")
    with qtbot.waitSignal(view.exporter.saved, timeout=15000):
        view.exporter.start(request)
    written = matrix_out.read_text(encoding="utf-8")
    assert "Saya percaya pada Bu Informan 2." in written and "Siti Marlina" not in written


def test_window_looks_right(view: AnalysisWindow, tmp_path: Path) -> None:
    """Grab each tab offscreen (the PNGs are kept for a human to look at)."""
    shots = Path(tmp_path) / "shots"
    shots.mkdir()
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        view.matrix_view.clicked.emit(view.matrix_model.index(0, 0))
        assert view.grab().save(str(shots / f"tab{i}.png"))
    assert len(list(shots.iterdir())) == 3
    assert view.box_view.model().rowCount(QModelIndex()) == 0
