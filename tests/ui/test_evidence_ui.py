"""Evidence in the GUI: the stance set with a key and drawn in the stripes, coder roles and
export settings in the project settings, findings edited with undo, the new statuses."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.coding.analysis import BoxStatus
from app.coding.codings import Stance
from app.coding.settings import NamesInExports, get_settings

SHOTS = Path("/tmp/shots-10")


def _stance(path: Path, coding_id: int) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT stance FROM codings WHERE id=?", (coding_id,)).fetchone()[0]
    finally:
        con.close()


def test_stance_key_cycles_and_the_stripe_shows_it(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    stripes = window.view.stripes
    rect, cid = max(stripes.bars, key=lambda bar: bar[0].height())
    qtbot.mouseClick(stripes, Qt.MouseButton.LeftButton, pos=rect.center())
    window._update_coding_panel()
    panel = window.coding_panel
    cid = panel.current().id
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert _stance(study_path, cid) == "absent"
    assert window.view.index.spans[cid].stance == "absent"
    window._update_coding_panel()
    assert panel.model.data(panel.list.currentIndex()).startswith("[does not happen] ")
    assert panel.stance.currentData() == Stance.ABSENT
    # Drawn hollow: the middle of the bar is white, not the code's colour.
    stripes.repaint()
    bar = next(r for r, c in stripes.bars if c == cid)
    image = stripes.grab().toImage()
    assert QColor(image.pixel(bar.center())) == QColor("#ffffff")
    # The combo box in the coding details sets a stance too.
    panel.stance.setCurrentIndex(panel.stance.findData(Stance.BARRIER))
    panel.stance.activated.emit(panel.stance.currentIndex())
    assert _stance(study_path, cid) == "barrier"
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "workbench-stance.png"))
    window.find_action("actionUndo").trigger()
    window.find_action("actionUndo").trigger()
    assert _stance(study_path, cid) == "supports"
    assert window.view.index.spans[cid].stance == "supports"


def test_coder_roles_and_export_settings_are_undoable(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.project_settings import ProjectSettingsDialog

    window.find_action("actionProjectSettings")  # the Project menu offers it
    dialog = ProjectSettingsDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.select_coder("pembimbing")
    dialog.role_combo.setCurrentIndex(1)
    qtbot.mouseClick(dialog.set_role_button, Qt.MouseButton.LeftButton)
    con = sqlite3.connect(study_path)
    role = "SELECT role FROM coders WHERE name='pembimbing'"
    assert con.execute(role).fetchone() == ("second",)
    assert "second" in dialog.coders.data(dialog.coders.index(0, 2))
    dialog.real.setChecked(True)
    dialog.year.setValue(2024)
    dialog.roles.setText("Lurah; Camat")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settings = window.ctx.query(get_settings)
    assert settings.names_in_exports is NamesInExports.REAL
    assert (settings.study_year, settings.identifying_roles) == (2024, ("Lurah", "Camat"))
    dialog.primary.setText("Sumber {tahun}")  # a bad placeholder: refused, nothing changes
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.ctx.query(get_settings) == settings
    window.find_action("actionUndo").trigger()
    assert window.ctx.query(get_settings).names_in_exports is NamesInExports.ALIASES
    window.find_action("actionUndo").trigger()
    assert con.execute(role).fetchone() == ("primary",)
    con.close()


def test_summary_shows_statuses_and_findings_edit_with_undo(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.coding.codes import find_code
    from app.coding.codings import update_coding

    # Make one box contested: one of its codings says it does not happen.
    with window.ctx.session() as s:
        code = find_code(s, "putnam/trust")
    con = sqlite3.connect(study_path)
    (coding,) = con.execute(
        "SELECT c.id FROM codings c JOIN coders d ON d.id=c.coder_id "
        "WHERE code_id=? AND d.name='siti' LIMIT 1", (code,)
    ).fetchone()  # fmt: skip
    con.close()
    window.ctx.query(update_coding, coding_id=coding, stance=Stance.ABSENT)
    view = window.companions.show_analysis()
    view.codebook_combo.setCurrentIndex(view.codebook_combo.findData("putnam"))
    model = view.summary_model
    row = next(i for i, b in enumerate(view.summary.boxes) if b.key == "putnam/trust")
    box = view.summary.boxes[row]
    assert box.status in (BoxStatus.CONTESTED, BoxStatus.ABSENT)
    assert model.data(model.index(row, 5)).startswith("does not happen: ")
    view.summary_view.clicked.emit(model.index(row, 0))
    view.finding_edit.setText("Kepercayaan tumbuh, tetapi ada warga yang belum percaya.")
    qtbot.mouseClick(view.save_finding_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(model.data(model.index(row, 6))))
    assert model.data(model.index(row, 6)).startswith("Kepercayaan tumbuh")
    SHOTS.mkdir(exist_ok=True)
    view.resize(1500, 800)
    view.grab().save(str(SHOTS / "analysis-summary.png"))
    window.find_action("actionUndo").trigger()
    qtbot.waitUntil(lambda: model.data(model.index(row, 6)) == "")
    assert view.finding_edit.text() == ""


def test_document_source_dialog_sets_type_title_and_date(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from app.coding.sources import SourceType
    from app.ui.dialogs.document_source import DocumentSourceDialog

    doc = window.documents.rows[0].id
    dialog = DocumentSourceDialog(window.ctx, doc, window)
    qtbot.addWidget(dialog)
    assert dialog.title.placeholderText() == "INF05_Bambang_Lurah_Karang_Sari"
    dialog.kind.setCurrentIndex(dialog.kind.findData(SourceType.OBSERVATION))
    dialog.title.setText("Catatan observasi rembuk RW 02")
    dialog.has_date.setChecked(True)
    dialog.date.setDate(QDate(2024, 3, 19))
    dialog.accept()
    con = sqlite3.connect(study_path)
    query = "SELECT source_type, title, source_date FROM documents WHERE id=?"
    assert con.execute(query, (doc,)).fetchone() == (
        "observation", "Catatan observasi rembuk RW 02", "2024-03-19"
    )  # fmt: skip
    window.find_action("actionUndo").trigger()
    assert con.execute(query, (doc,)).fetchone() == ("interview", "", None)
    con.close()
