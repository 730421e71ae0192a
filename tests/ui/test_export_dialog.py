"""The analysis window's export dialog, driven like a student would, files read back."""

from __future__ import annotations

import csv
from pathlib import Path

import docx
import pytest
from coding._analysis_study import GROUP_AKTOR, Study
from coding._analysis_study import build_study as build_analysis_study
from openpyxl import load_workbook
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit, QMessageBox, QPushButton

from app.coding.analysis import CellKind
from app.coding.exports.catalogue import ExportKind
from app.models.project import Project
from app.ui.analysis import AnalysisWindow
from app.ui.analysis.export_dialog import ExportDialog
from app.ui.context import ProjectContext


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


class _Urls(QObject):
    """Receives what QDesktopServices.openUrl would open (a real Qt URL handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def record(self, url: QUrl) -> None:
        self.opened.append(url)


def _captions(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Caption"]


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def _open(view: AnalysisWindow, kind: ExportKind) -> ExportDialog:
    view.export_actions[kind].trigger()
    dialog = view.exporter.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _export(qtbot, view: AnalysisWindow, dialog: ExportDialog) -> QMessageBox:  # type: ignore[no-untyped-def]
    before = view.exporter.saved_box
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.exporter.saved_box not in (None, before), timeout=15000)
    box = view.exporter.saved_box
    assert box is not None and box.isVisible()
    return box


def test_matrix_dialog_sets_title_numbering_quotes_layout_and_filter(
    qtbot, view: AnalysisWindow, project: Project
) -> None:  # type: ignore[no-untyped-def]
    _choose(view.cells_combo, CellKind.QUOTES)
    dialog = _open(view, ExportKind.MATRIX)
    path_edit = dialog.findChild(QLineEdit, "pathEdit")
    # It starts in the project's folder, named after the table's number and title.
    start = Path(path_edit.text())
    assert start.parent == project.path.parent
    assert start.name == "Tabel 4.1 Matriks Modal sosial menurut informan.docx"
    qtbot.keyClicks(dialog.findChild(QLineEdit, "titleEdit"), "Kepercayaan Warga: Makassar")
    _choose(dialog.findChild(QComboBox, "numberingCombo"), "continuous")
    number = dialog.findChild(QLineEdit, "numberEdit")
    number.clear()
    qtbot.keyClicks(number, "7")
    # The file name follows the title (its colon cannot be in a Windows file name).
    assert Path(path_edit.text()).name == "Tabel 7 Kepercayaan Warga Makassar.docx"
    _choose(dialog.findChild(QComboBox, "quotesCombo"), "n")
    dialog.findChild(type(dialog.quotes_spin), "quotesSpin").setValue(1)
    _choose(dialog.findChild(QComboBox, "layoutCombo"), "split")
    _choose(dialog.findChild(QComboBox, "whereCombo"), f"attr:group={GROUP_AKTOR}")
    box = _export(qtbot, view, dialog)
    out = project.path.parent / "Tabel 7 Kepercayaan Warga Makassar.docx"
    assert out.name in box.text()
    # One table per top-level box, numbered on from 7, titled as typed.
    assert _captions(out) == [
        "Tabel 7 Kepercayaan Warga: Makassar: Kepercayaan",
        "Tabel 8 Kepercayaan Warga: Makassar: Norma",
        "Tabel 9 Kepercayaan Warga: Makassar: Jaringan",
    ]
    document = docx.Document(str(out))
    trust = document.tables[0]
    cell_text = [c.text for row in trust.rows[1:] for c in row.cells[1:]]
    # Only Hendra (aktor pemerintah) keeps evidence; one quote per cell, the rest counted.
    assert any("Kami percaya pada warga." in t and "(+" in t for t in cell_text)
    assert not any("Warga saling menjaga" in t for t in cell_text)
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"group = {GROUP_AKTOR}" in body
    # The next table is suggested as 10; the file is opened through Qt's URL handler.
    urls = _Urls()
    QDesktopServices.setUrlHandler("file", urls, "record")
    try:
        qtbot.mouseClick(box.findChild(QPushButton, "openFile"), Qt.MouseButton.LeftButton)
        view.exporter.saved_box.findChild(QPushButton, "showInFolder").click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in urls.opened][:1] == [out]
    again = _open(view, ExportKind.MATRIX)
    _choose(again.findChild(QComboBox, "numberingCombo"), "continuous")
    assert again.findChild(QLineEdit, "numberEdit").text() == "10"
    _choose(again.findChild(QComboBox, "numberingCombo"), "chapter")
    assert again.findChild(QLineEdit, "numberEdit").text() == "4.1"
    again.reject()


def test_every_artefact_is_exported_from_the_window(
    qtbot, view: AnalysisWindow, project: Project
) -> None:  # type: ignore[no-untyped-def]
    folder = project.path.parent
    dialog = _open(view, ExportKind.INFORMANTS)
    _choose(dialog.findChild(QComboBox, "formatCombo"), "csv")
    assert Path(dialog.findChild(QLineEdit, "pathEdit").text()).suffix == ".csv"
    _export(qtbot, view, dialog)
    with (folder / "Daftar Informan Penelitian.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["code", "name", "role", "group", "date", "place"]
    assert [r[0] for r in rows[1:]] == ["AP1", "APP1", "APP2", "M1"]

    dialog = _open(view, ExportKind.CODEBOOK)
    _choose(dialog.findChild(QComboBox, "formatCombo"), "xlsx")
    _export(qtbot, view, dialog)
    sheet = load_workbook(folder / "Operasionalisasi Konsep Modal sosial.xlsx").active
    assert [c.value for c in sheet[1]] == ["code", "name", "definition", "reference", "level"]
    assert sheet.max_row == 1 + 5

    dialog = _open(view, ExportKind.FINDINGS)
    number = dialog.findChild(QLineEdit, "numberEdit")
    number.clear()
    qtbot.keyClicks(number, "4.6")
    _export(qtbot, view, dialog)
    assert _captions(folder / "Tabel 4.6 Ringkasan Temuan Modal sosial.docx") == [
        "Tabel 4.6 Ringkasan Temuan: Modal sosial"
    ]
    # The next Word table is suggested as 4.7.
    dialog = _open(view, ExportKind.SUMMARY)
    assert dialog.findChild(QLineEdit, "numberEdit").text() == "4.7"
    _choose(dialog.findChild(QComboBox, "depthCombo"), 1)
    _export(qtbot, view, dialog)
    summary = docx.Document(str(folder / "Tabel 4.7 Ringkasan metode ilustratif Modal sosial.docx"))
    assert len(summary.tables[0].rows) == 1 + 3  # the top-level boxes only
    assert len(summary.inline_shapes) == 2  # the window's charts go in

    dialog = _open(view, ExportKind.DRAFT)
    assert dialog.findChild(QComboBox, "formatCombo").count() == 1  # Word only
    dialog.quotes_spin.setValue(1)
    _export(qtbot, view, dialog)
    draft = docx.Document(str(folder / "Draf Bab IV Modal sosial.docx"))
    headings = [p.text for p in draft.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "Draf Bab IV: Modal sosial"
    assert any("Kepercayaan" in h for h in headings[1:])


def test_a_wrong_choice_keeps_the_dialog_open_and_writes_nothing(
    qtbot, view: AnalysisWindow, project: Project
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(view, ExportKind.SUMMARY)
    path = dialog.findChild(QLineEdit, "pathEdit")
    path.clear()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert view.exporter.saved_box is None
    assert not list(project.path.parent.glob("*.docx"))
    dialog.reject()


def test_an_existing_file_is_not_overwritten_by_the_suggested_name(
    qtbot, view: AnalysisWindow, project: Project
) -> None:  # type: ignore[no-untyped-def]
    taken = project.path.parent / "Tabel 4.1 Daftar Informan Penelitian.docx"
    taken.write_bytes(b"the student's own file")
    dialog = _open(view, ExportKind.INFORMANTS)
    assert Path(dialog.findChild(QLineEdit, "pathEdit").text()).name == (
        "Tabel 4.1 Daftar Informan Penelitian (2).docx"
    )
    _export(qtbot, view, dialog)
    assert taken.read_bytes() == b"the student's own file"
    assert _captions(project.path.parent / "Tabel 4.1 Daftar Informan Penelitian (2).docx") == [
        "Tabel 4.1 Daftar Informan Penelitian"
    ]


def test_summary_dialog_takes_layout_and_filter_and_leaves_the_charts_out(
    qtbot, view: AnalysisWindow, project: Project
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(view, ExportKind.SUMMARY)
    _choose(dialog.findChild(QComboBox, "layoutCombo"), "long")
    _choose(dialog.findChild(QComboBox, "whereCombo"), f"attr:group={GROUP_AKTOR}")
    _choose(dialog.findChild(QComboBox, "quotesCombo"), "all")
    _export(qtbot, view, dialog)
    (out,) = project.path.parent.glob("Tabel 4.1 *.docx")
    document = docx.Document(str(out))
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0][2] == "Informan / sumber"
    assert {r[2] for r in rows[1:]} - {"\u2013"} == {"Informan 1"}  # aliases, as the window
    assert len(document.inline_shapes) == 0  # the charts show all evidence: left out


def test_summary_charts_take_the_figure_number_and_the_next_one_follows(
    qtbot, view: AnalysisWindow, project: Project
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(view, ExportKind.SUMMARY)
    figure = dialog.findChild(QLineEdit, "figureEdit")
    assert figure is not None and figure.isVisible() and figure.text() == "4.1"
    figure.setText("4.5")
    _export(qtbot, view, dialog)
    (out,) = project.path.parent.glob("Tabel 4.1 *.docx")
    figures = [c for c in _captions(out) if c.startswith("Gambar")]
    assert figures and figures[0].startswith("Gambar 4.5 ")
    assert len(figures) > 1 and figures[1].startswith("Gambar 4.6 ")
    again = _open(view, ExportKind.SUMMARY)  # the next summary's charts go on from there
    assert again.findChild(QLineEdit, "figureEdit").text() == f"4.{5 + len(figures)}"
    again.reject()
