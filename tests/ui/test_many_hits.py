""" "Code all hits" with very many hits asks first; Cancel codes nothing, Yes codes them all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox


def _codings(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM codings").fetchone()[0])
    finally:
        con.close()


def _question(qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "confirmManyHits"
            and w.isVisible()
        ]  # fmt: skip
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def test_many_hits_ask_and_cancel_codes_nothing(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.search.confirm_hits = 3
    panel = window.search_panel
    panel.query.setText("warga")
    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    code = sorted(window.codes.order, key=window.codes.order.__getitem__)[2]
    window.tree.select_code(code)
    before = _codings(study_path)
    qtbot.mouseClick(panel.code_all, Qt.MouseButton.LeftButton)
    box = _question(qtbot)
    assert "hits" in box.text() and "Code all of them" in box.text()
    qtbot.waitUntil(lambda: not window.tasks, timeout=10_000)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert _codings(study_path) == before
    assert not window.tasks

    qtbot.mouseClick(panel.code_all, Qt.MouseButton.LeftButton)
    box = _question(qtbot)
    qtbot.waitUntil(lambda: not window.tasks, timeout=10_000)
    with qtbot.waitSignal(window.undo_stack_changed_signal(), timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: not window.tasks, timeout=10_000)
    assert _codings(study_path) > before + 3
    window.find_action("actionUndo").trigger()
    assert _codings(study_path) == before
