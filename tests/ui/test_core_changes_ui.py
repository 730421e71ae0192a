"""Views follow the ``Changes`` a core edit returns, broadcast as it is: nothing is built by
hand between the core and the code tree or the memo panel."""

from __future__ import annotations

from app.coding.codes import delete_code, restore_code
from app.coding.memos import set_memo


def test_code_tree_and_memo_panel_follow_core_returned_changes(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    ctx, panel = window.ctx, window.memo_panel
    window.details_tabs.setCurrentWidget(panel)
    parent = next(c for c in window.codes.codes.values() if c.parent_id is None)
    window.tree.select_code(parent.id)
    assert panel.target == ("code", parent.id)

    # A memo written by the core alone: the panel shows it from the returned change.
    written = ctx.query(
        set_memo, target_kind="code", target_id=parent.id, text="Percaya pada RW", author="siti"
    )
    ctx.broadcast(written.changes)
    assert panel.editor.toPlainText() == "Percaya pada RW"

    # The code deleted by the core: tree and panel follow its snapshot's change.
    children = [c.id for c in window.codes.codes.values() if c.parent_id == parent.id]
    snapshot = ctx.query(delete_code, code_id=parent.id)
    ctx.broadcast(snapshot.changes)
    assert parent.id not in window.codes.codes
    assert not set(children) & set(window.codes.codes)
    assert panel.target == ("project", None)  # not the memo of a code that is gone
    assert panel.editor.toPlainText() == ""

    ctx.broadcast(ctx.query(restore_code, snapshot=snapshot))
    assert parent.id in window.codes.codes and set(children) <= set(window.codes.codes)


def test_undoing_the_first_code_of_my_codes_removes_that_codebook_too(qtbot, window, dump) -> None:  # type: ignore[no-untyped-def]
    before = dump(window.ctx.project.path)
    books = {b.key for b in window.codes.books}
    new = window.editor.add_code(name_id="Kode baru")  # no codebook chosen: "My codes"
    assert new is not None and "my-codes" in {b.key for b in window.codes.books}
    window.find_action("actionUndo").trigger()
    assert {b.key for b in window.codes.books} == books  # no empty "My codes" left behind
    assert dump(window.ctx.project.path) == before
    window.find_action("actionRedo").trigger()
    assert new in window.codes.codes and "my-codes" in {b.key for b in window.codes.books}
