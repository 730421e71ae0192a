"""Friction a new user met on day one: code tree counts, click to code, word snapping…"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.ui.workbench.codebook_model import COUNT


def _subtree_codings(path: Path, code_id: int) -> int:
    con = sqlite3.connect(path)
    try:
        sql = (
            "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL "
            "SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id) "
            "SELECT count(*) FROM codings WHERE code_id IN (SELECT id FROM sub)"
        )
        return int(con.execute(sql, (code_id,)).fetchone()[0])
    finally:
        con.close()


def test_code_tree_shows_own_count_and_count_with_indicators(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = window.codes
    parents = {c.parent_id for c in model.codes.values() if c.parent_id is not None}
    rolled = [
        cid for cid in parents if _subtree_codings(study_path, cid) > model.codes[cid].codings
    ]
    assert rolled, "the study has codes whose indicators are coded"
    for cid in rolled:
        own, total = model.codes[cid].codings, _subtree_codings(study_path, cid)
        shown = model.index_for_code(cid, COUNT).data()
        assert shown == f"{own} · {total}"
        assert str(total) in model.index_for_code(cid, COUNT).data(3)  # tooltip
    # coding an indicator raises its parent's second number at once
    parent = rolled[0]
    child = next(c.id for c in model.codes.values() if c.parent_id == parent)
    total = _subtree_codings(study_path, parent)
    text = window.view.toPlainText()
    start = next(
        p
        for p in range(0, len(text) - 20, 11)
        if not window.view.index.overlapping(p, p + 20) and "\n" not in text[p : p + 20]
    )
    window.tree.select_code(child)
    window.view.select_span(start, start + 20)
    window.find_action("actionApplyCode").trigger()
    qtbot.waitUntil(lambda: model.totals[parent] == total + 1)
    assert model.index_for_code(parent, COUNT).data().endswith(f"· {total + 1}")
    # a code without indicators shows just its number
    leaf = next(c for c in model.codes.values() if c.id not in parents and c.codings)
    assert model.index_for_code(leaf.id, COUNT).data() == str(leaf.codings)


def _word_inside(window) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """A position two letters into a long word of the shown transcript, and that word."""
    import re

    text = window.view.document_text
    match = next(m for m in re.finditer(r"\b[^\W\d_]{7,}\b", text) if m.start() > 40)
    return match.start(), match.group()


def _point(view, cp: int):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(cp))
    return view.cursorRect(cursor).center()


def _drag(qtbot, view, a: int, b: int, modifier=None) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    mods = modifier or Qt.KeyboardModifier.NoModifier
    port = view.viewport()
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, mods, _point(view, a))
    qtbot.mouseMove(port, _point(view, b))
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, mods, _point(view, b))


def test_mouse_selection_snaps_to_whole_words_and_alt_keeps_it_exact(
    window, study_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    view = window.view
    start, word = _word_inside(window)
    view.centerCursor()
    view.select_span(start, start)
    _drag(qtbot, view, start + 2, start + len(word) - 2)
    assert view.selected_text() == word
    assert view.selection_span() == (start, start + len(word))
    # the snapped span is what gets coded
    code = sorted(window.codes.order, key=window.codes.order.__getitem__)[2]
    window.tree.select_code(code)
    window.find_action("actionApplyCode").trigger()
    con = sqlite3.connect(study_path)
    try:
        got = con.execute(
            'SELECT start, "end" FROM codings WHERE code_id=? ORDER BY id DESC LIMIT 1', (code,)
        ).fetchone()
    finally:
        con.close()
    assert tuple(got) == (start, start + len(word))
    view.select_span(start, start)  # (a press inside the selection would drag it)
    _drag(qtbot, view, start + 2, start + len(word) - 2, Qt.KeyboardModifier.AltModifier)
    assert view.selected_text() == word[2:-2]


def test_keyboard_selection_snaps_when_shift_is_released(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    view = window.view
    start, word = _word_inside(window)
    view.select_span(start + 1, start + 1)
    view.setFocus()
    for _ in range(3):
        qtbot.keyPress(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_text() == word[1:4]  # letter by letter while Shift is held
    qtbot.keyRelease(view, Qt.Key.Key_Shift)
    assert view.selected_text() == word
