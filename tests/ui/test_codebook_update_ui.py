"""Code ▸ Update codebook…: a project made with version 1 gets the new codes, undoably."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QMessageBox


def _as_version_one(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute(
        "DELETE FROM codes WHERE key IN ('putnam/networks/linking', "
        "'putnam/trust/interpersonal', 'putnam/trust/institutional')"
    )
    con.execute("UPDATE codebooks SET version = 1 WHERE key = 'putnam'")
    con.commit()
    con.close()


def _keys(win) -> set[str]:  # type: ignore[no-untyped-def]
    return {row.key for row in win.codes.codes.values()}


def test_update_codebook_from_the_code_menu_then_undo(qtbot, study_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window
    from app.ui.language import apply_language

    _as_version_one(study_path)
    apply_language("en")
    win = open_window(study_path)
    qtbot.addWidget(win)
    win.show()
    codings = sum(row.codings for row in win.codes.codes.values())
    assert "putnam/networks/linking" not in _keys(win)
    action = win.find_action("actionUpdateCodebook")
    assert action.isEnabled()

    offered: list[list[str]] = []

    def choose(parent, title, label, items, current, editable):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.buttons()[0].click() or 0)
    action.trigger()
    assert offered == [["Social capital (version 1 → 2)"]]
    assert {"putnam/networks/linking", "putnam/trust/institutional"} <= _keys(win)
    assert "3 new code(s) added" in win.statusBar().currentMessage()
    assert sum(row.codings for row in win.codes.codes.values()) == codings
    win.ctx.undo_stack.undo()
    assert "putnam/networks/linking" not in _keys(win)
    win.ctx.undo_stack.redo()
    assert "putnam/networks/linking" in _keys(win)

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    action.trigger()
    assert told and "up to date" in told[0]
    win.close()
