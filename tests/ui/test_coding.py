"""Coding in the real window: every way of applying a code, undo/redo, stripes, excerpts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTableView, QTreeView

from app.ui.workbench.transcript import MIME_CODE, MIME_SELECTION


def drag_event(cls, pos: QPointF, *args):  # type: ignore[no-untyped-def]
    """A drag event at ``pos`` (Qt 6.12 takes QPointF, earlier versions QPoint)."""
    try:
        return cls(pos, *args)
    except TypeError:
        return cls(pos.toPoint(), *args)


def db_codings(path: Path, code_id: int | None = None) -> list[tuple[int, int, int, int, str]]:
    con = sqlite3.connect(path)
    try:
        sql = (
            'SELECT c.id, code_id, start, "end", r.name FROM codings c '
            "JOIN coders r ON r.id = coder_id"
        )
        rows = con.execute(
            sql + (" WHERE code_id=?" if code_id else ""), (code_id,) if code_id else ()
        )
        return sorted(rows.fetchall())
    finally:
        con.close()


def free_span(win, length: int = 30) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A span of the current document that no coding touches yet."""
    text = win.view.toPlainText()
    pos = 0
    while pos + length < len(text):
        if (
            not win.view.index.overlapping(pos, pos + length)
            and "\n" not in text[pos : pos + length]
        ):
            return pos, pos + length
        pos += 7
    raise AssertionError("no free span")


def pick_code(win, n: int = 0) -> int:  # type: ignore[no-untyped-def]
    """Select the n-th code in the tree (as a user clicking it) and return its id."""
    code_ids = sorted(win.codes.order, key=win.codes.order.__getitem__)
    cid = code_ids[n]
    win.tree.select_code(cid)
    return cid


def test_window_shows_documents_transcript_stripes_and_codes(window) -> None:  # type: ignore[no-untyped-def]
    docs = window.findChild(QTreeView, "documentList")
    assert docs.model().rowCount() == 3
    case_col = docs.model().index(0, 1).data()
    assert case_col == "Bambang Priyono"
    assert docs.model().index(0, 3).data().endswith("%")
    view = window.findChild(QPlainTextEdit, "transcriptView")
    assert "Karang Sari" in view.toPlainText()
    assert view.painted_pieces() > 0  # coloured codings on screen
    assert len(view.stripes.columns) == len(view.index.code_ids()) > 0
    assert view.stripes.width() > 0 and view.stripes.bars
    tree = window.findChild(QTreeView, "codebookTree")
    assert tree.model().rowCount() == 2  # two codebooks
    first = tree.model().index(0, 0)
    assert tree.model().index(0, 0, first).data(Qt.ItemDataRole.ToolTipRole)


def test_apply_with_button_then_undo_and_redo(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    code = pick_code(window, 1)
    start, end = free_span(window)
    window.view.select_span(start, end)
    before = db_codings(study_path, code)
    columns_before = set(window.view.stripes.columns)
    window.find_action("actionApplyCode").trigger()
    after = db_codings(study_path, code)
    (added,) = set(after) - set(before)
    assert added[2:] == (start, end, "siti")
    assert added[0] in window.view.index.spans
    assert code in window.view.stripes.columns
    assert window.codes.codes[code].codings == len(after)
    window.find_action("actionUndo").trigger()
    assert db_codings(study_path, code) == before
    assert added[0] not in window.view.index.spans
    if code not in columns_before:
        assert code not in window.view.stripes.columns
    window.find_action("actionRedo").trigger()
    assert db_codings(study_path, code) == after  # same id back
    assert added[0] in window.view.index.spans


def test_double_click_on_code_applies_it(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    code = pick_code(window, 2)
    window.view.select_span(*free_span(window))
    rect = window.tree.visualRect(window.codes.index_for_code(code))
    n = len(db_codings(study_path, code))
    # QTest's double click lacks the first press a real one has
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(db_codings(study_path, code)) == n + 1
    assert window.ctx.undo_stack.count() == 1  # one step, not an empty second one


def test_single_click_on_code_applies_it_to_the_selection(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    code = pick_code(window, 4)
    other = pick_code(window, 5)
    rect = window.tree.visualRect(window.codes.index_for_code(code))
    start, end = free_span(window)
    window.view.select_span(start, start)  # nothing selected: a click only chooses
    before = db_codings(study_path)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tree.current_code_id() == code
    assert db_codings(study_path) == before
    window.tree.select_code(other)
    window.view.select_span(start, end)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    (added,) = set(db_codings(study_path)) - set(before)
    assert (added[1], added[2], added[3]) == (code, start, end)
    assert window.find_action("actionUndo").text().endswith(window.codes.name_of(code) + "”")
    window.find_action("actionUndo").trigger()
    assert db_codings(study_path) == before


def test_drag_selection_onto_code(window, study_path) -> None:  # type: ignore[no-untyped-def]
    code = pick_code(window, 3)
    pick_code(window, 0)  # the current code is another one: the drop target decides
    start, end = free_span(window)
    window.view.select_span(start, end)
    mime: QMimeData = window.view.createMimeDataFromSelection()
    assert mime.hasFormat(MIME_SELECTION)
    target = QPointF(window.tree.visualRect(window.codes.index_for_code(code)).center())
    vp = window.tree.viewport()
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        drag_event(QDragEnterEvent, target, actions, mime, buttons, mods),
        drag_event(QDragMoveEvent, target, actions, mime, buttons, mods),
    ):
        QApplication.sendEvent(vp, event)
        assert event.isAccepted()
    drop = QDropEvent(target, actions, mime, buttons, mods)
    QApplication.sendEvent(vp, drop)
    assert (start, end) in [(r[2], r[3]) for r in db_codings(study_path, code)]


def test_drag_code_onto_selection(window, study_path) -> None:  # type: ignore[no-untyped-def]
    code = pick_code(window, 6)
    pick_code(window, 0)  # the dragged code decides, not the current one
    start, end = free_span(window)
    window.view.select_span(start, end)
    mime = window.codes.mimeData([window.codes.index_for_code(code)])
    assert mime.hasFormat(MIME_CODE)
    vp = window.view.viewport()
    target = QPointF(vp.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        drag_event(QDragEnterEvent, target, actions, mime, buttons, mods),
        drag_event(QDragMoveEvent, target, actions, mime, buttons, mods),
    ):
        QApplication.sendEvent(vp, event)
        assert event.isAccepted()
    QApplication.sendEvent(vp, QDropEvent(target, actions, mime, buttons, mods))
    assert (start, end) in [(r[2], r[3]) for r in db_codings(study_path, code)]
    # The stored text is untouched by the drop (the view is read-only).
    assert window.view.selection_span() == (start, end)


def test_number_keys_apply_recent_codes(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = pick_code(window, 4), pick_code(window, 5)
    for code in (first, second):
        window.tree.select_code(code)
        window.view.select_span(*free_span(window))
        window.find_action("actionApplyCode").trigger()
    assert window.coding.recent[:2] == [second, first]
    assert "1:" in window.acts.quick_label.text()
    start, end = free_span(window)
    window.view.select_span(start, end)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    assert (start, end) in [(r[2], r[3]) for r in db_codings(study_path, first)]
    assert window.coding.recent[0] == first


def test_keyboard_selection_and_in_vivo(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    start, _ = free_span(window, 60)
    text = window.view.toPlainText()
    while not text[start - 1].isspace():  # a word start: the selection snaps to words
        start += 1
    window.view.select_span(start, start)
    window.view.setFocus()
    for _ in range(5):
        qtbot.keyClick(
            window.view,
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    span = window.view.selection_span()
    assert span is not None and span[0] == start
    words = window.view.selected_text()
    window.find_action("actionInVivo").trigger()
    code = window.tree.current_code_id()
    row = window.codes.codes[code]
    assert row.name_id == " ".join(words.split()).strip(" .,;:!?\"'()")
    assert window.codes.books[-1].key == "in-vivo"
    assert [(r[2], r[3]) for r in db_codings(study_path, code)] == [span]
    window.find_action("actionUndo").trigger()
    assert code not in window.codes.codes
    assert db_codings(study_path, code) == []
    window.find_action("actionRedo").trigger()
    assert code in window.codes.codes and len(db_codings(study_path, code)) == 1


def test_stripe_click_selects_its_coding(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    stripes = window.view.stripes
    assert window.view.selection_span() is None
    rect, _ = max(stripes.bars, key=lambda bar: bar[0].height())
    qtbot.mouseClick(stripes, Qt.MouseButton.LeftButton, pos=rect.center())
    picked = window.view.current_coding
    assert picked is not None
    span = window.view.index.spans[picked]
    assert window.view.selection_span() == (span.start, span.end)
    # the picked coding's bar is the one under the click, now drawn selected
    assert any(r.contains(rect.center()) and cid == picked for r, cid in stripes.bars)
    window._update_coding_panel()
    assert window.coding_panel.current().id == picked


def test_memo_star_remove_and_recode_are_undoable(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    code, other = pick_code(window, 6), pick_code(window, 7)
    window.tree.select_code(code)
    start, end = free_span(window)
    window.view.select_span(start, end)
    window.find_action("actionApplyCode").trigger()
    (cid,) = [r[0] for r in db_codings(study_path, code) if (r[2], r[3]) == (start, end)]
    window.view.select_coding(cid)
    window._update_coding_panel()
    panel = window.coding_panel
    assert panel.current().id == cid
    panel.memo.setPlainText("kutipan kunci")
    qtbot.mouseClick(panel.save, Qt.MouseButton.LeftButton)
    panel.star.click()
    con = sqlite3.connect(study_path)
    memo_star = con.execute("SELECT memo, illustrative FROM codings WHERE id=?", (cid,)).fetchone()
    assert memo_star == ("kutipan kunci", 1)
    window.find_action("actionUndo").trigger()
    window.find_action("actionUndo").trigger()
    assert con.execute("SELECT memo, illustrative FROM codings WHERE id=?", (cid,)).fetchone() == (
        "",
        0,
    )
    window.tree.select_code(other)
    window._update_coding_panel()
    panel.list.setCurrentIndex(panel.model.index([c.id for c in panel.model.rows].index(cid), 0))
    qtbot.mouseClick(panel.recode, Qt.MouseButton.LeftButton)
    assert con.execute("SELECT code_id FROM codings WHERE id=?", (cid,)).fetchone() == (other,)
    window._update_coding_panel()
    panel.list.setCurrentIndex(panel.model.index([c.id for c in panel.model.rows].index(cid), 0))
    qtbot.mouseClick(panel.remove, Qt.MouseButton.LeftButton)
    assert con.execute("SELECT 1 FROM codings WHERE id=?", (cid,)).fetchone() is None
    window.find_action("actionUndo").trigger()
    window.find_action("actionUndo").trigger()
    assert con.execute("SELECT code_id FROM codings WHERE id=?", (cid,)).fetchone() == (code,)
    con.close()


def test_excerpt_panel_follows_codings_and_filters(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    code = pick_code(window, 1)
    table = window.findChild(QTableView, "excerptList")
    n = table.model().rowCount()
    assert n == len(db_codings(study_path, code)) + sum(
        len(db_codings(study_path, c.id))
        for c in window.codes.codes.values()
        if c.parent_id == code
    )
    window.view.select_span(*free_span(window))
    window.find_action("actionApplyCode").trigger()
    assert table.model().rowCount() == n + 1
    coder_box = window.excerpts.coder
    coders = {e.coder for e in table.model().rows}
    coder_box.setCurrentIndex(coder_box.findData("pembimbing"))
    assert all(e.coder == "pembimbing" for e in table.model().rows)
    assert table.model().rowCount() <= n  # the new siti excerpt is filtered out
    coder_box.setCurrentIndex(coder_box.findData("siti"))
    rows = table.model().rows
    assert rows and all(e.coder == "siti" for e in rows)
    assert "siti" in coders
    # double-click jumps to the source
    target = rows[-1]
    window.open_document(
        window.documents.rows[-1].id
        if target.document_id == window.documents.rows[0].id
        else window.documents.rows[0].id
    )
    table.doubleClicked.emit(table.model().index(len(rows) - 1, 0))
    assert window.view.document_id == target.document_id
    assert window.view.selection_span() == (target.start, target.end)


def content(dump, path):  # type: ignore[no-untyped-def]
    """Every row of every table of the project, timestamps included."""
    return dump(path)


def test_delete_and_merge_codes_undo_exactly(window, study_path, dump) -> None:  # type: ignore[no-untyped-def]
    before = content(dump, study_path)
    code, target = pick_code(window, 1), pick_code(window, 2)
    assert db_codings(study_path, code)
    assert window.editor.delete(code)
    assert code not in window.codes.codes and db_codings(study_path, code) == []
    window.find_action("actionUndo").trigger()
    assert content(dump, study_path) == before
    assert window.editor.merge(target, code)
    assert target not in window.codes.codes
    assert window.find_action("actionUndo").isEnabled()
    window.find_action("actionUndo").trigger()
    assert content(dump, study_path) == before
    assert window.editor.edit_code(code, colour="#123456", name_en="Renamed")
    assert window.codes.codes[code].name_en == "Renamed"
    window.find_action("actionUndo").trigger()
    assert content(dump, study_path) == before
    new = window.editor.add_code(
        name_id="Gotong royong", parent_id=code, codebook_id=window.codes.codes[code].codebook_id
    )
    assert new is not None and window.codes.codes[new].parent_id == code
    assert window.editor.move_code(new, -1)
    assert window.codes.codes[new].parent_id is None
    window.find_action("actionUndo").trigger()
    window.find_action("actionUndo").trigger()
    assert content(dump, study_path) == before


def test_code_dialog_edits_decision_rules_and_reference(window, study_path, qtbot, dump) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QLineEdit, QTabWidget

    before = content(dump, study_path)
    code = pick_code(window, 1)
    seen: dict[str, str] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog) and dialog.objectName() == "codeDialog"
        tabs = dialog.findChild(QTabWidget, "codeLanguages")
        assert [tabs.tabText(i) for i in range(tabs.count())] == ["Bahasa Indonesia", "English"]
        dialog.findChild(QPlainTextEdit, "code_use_when_id").setPlainText("Warga ikut memutuskan.")
        tabs.setCurrentIndex(1)
        dialog.findChild(QPlainTextEdit, "code_not_use_when_en").setPlainText(
            "Only officials decide."
        )
        dialog.findChild(QLineEdit, "codeReference").setText("Loeffler (2021), p. 12")
        dialog.accept()

    def read_back() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen["use"] = dialog.findChild(QPlainTextEdit, "code_use_when_id").toPlainText()
        seen["ref"] = dialog.findChild(QLineEdit, "codeReference").text()
        dialog.reject()

    QTimer.singleShot(0, fill)
    window.editor.ask_edit()
    con = sqlite3.connect(study_path)
    try:
        row = con.execute(
            "SELECT use_when_id, not_use_when_en, reference FROM codes WHERE id=?", (code,)
        ).fetchone()
    finally:
        con.close()
    assert row == ("Warga ikut memutuskan.", "Only officials decide.", "Loeffler (2021), p. 12")
    QTimer.singleShot(0, read_back)  # the dialog shows what is stored
    window.editor.ask_edit()
    assert seen == {"use": "Warga ikut memutuskan.", "ref": "Loeffler (2021), p. 12"}
    window.find_action("actionUndo").trigger()  # one undo step
    assert content(dump, study_path) == before
