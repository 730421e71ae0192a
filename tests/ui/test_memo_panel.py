"""The memo panel: write a memo on the chosen document or code, undo it, survive a switch."""

from __future__ import annotations

from app.coding.memos import get_memo


def test_memo_on_a_code_is_saved_undone_and_follows_the_selection(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.memo_panel
    window.details_tabs.setCurrentWidget(panel)  # the Memo tab, beside Coding details
    doc = window.documents.rows[0]
    assert panel.target == ("document", doc.id)
    code = next(iter(window.codes.codes))
    window.tree.select_code(code)
    assert panel.target == ("code", code)
    assert window.codes.name_of(code) in panel.title.text()
    qtbot.keyClicks(panel.editor, "Kepercayaan di sini berarti percaya pada pengurus RW.")
    assert panel.save_button.isEnabled()
    panel.save_button.click()
    memo = window.ctx.query(get_memo, target_kind="code", target_id=code)
    assert memo is not None and memo.author == window.ctx.coder
    assert "pengurus RW" in memo.text
    window.find_action("actionUndo").trigger()
    assert window.ctx.query(get_memo, target_kind="code", target_id=code) is None
    assert panel.editor.toPlainText() == ""
    window.find_action("actionRedo").trigger()
    assert "pengurus RW" in panel.editor.toPlainText()

    # Unsaved text is kept when the researcher moves on to another document.
    panel.editor.setPlainText("Catatan yang belum disimpan")
    other = window.documents.rows[1]
    window.doc_list.setCurrentIndex(window.documents.index(1, 0))
    assert panel.target == ("document", other.id)
    memo = window.ctx.query(get_memo, target_kind="code", target_id=code)
    assert memo is not None and memo.text == "Catatan yang belum disimpan"


def test_memo_survives_a_language_switch(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.memo_panel.editor.setPlainText("Dokumen ini wawancara pertama.")
    window.set_language("id")
    try:
        assert window.memo_panel.editor.toPlainText() == "Dokumen ini wawancara pertama."
        assert window.memo_panel.save_button.text() == "Simpan memo"
    finally:
        window.set_language("en")
