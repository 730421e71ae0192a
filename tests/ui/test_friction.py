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
