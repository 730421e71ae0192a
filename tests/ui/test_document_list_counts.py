"""The document list follows every coding change: applying a code in the window, undoing and
redoing it update the coded share and the tooltip counts of that document's row (only the
coverage is re-read), and every other row keeps what the database says."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.coding.workbench_queries import DocumentRow, list_document_rows
from app.ui.workbench.documents_model import CODED, NAME


def _stored(window) -> dict[int, DocumentRow]:  # type: ignore[no-untyped-def]
    return {r.id: r for r in window.ctx.query(list_document_rows)}


def _shown(window, doc_id: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    model = window.documents
    row = model.row_of(doc_id)
    assert row is not None
    share = model.data(model.index(row, CODED))
    tip = model.data(model.index(row, NAME), Qt.ItemDataRole.ToolTipRole)
    return share, tip


def test_apply_undo_and_redo_keep_the_rows_counts_true(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = window.view.document_id
    before = _stored(window)
    assert {r.id: r for r in window.documents.rows} == before
    shown_before = _shown(window, doc)
    text = window.view.toPlainText()
    # the longest passage no coding touches, so that the share must grow
    spans = sorted((s.start, s.end) for s in window.view.index.spans.values())
    gaps, reach = [], 0
    for start, end in spans:
        if start > reach:
            gaps.append((start - reach, reach, start))
        reach = max(reach, end)
    gaps.append((len(text) - reach, reach, len(text)))
    size, start, end = max(gaps)
    assert size >= 50, "the study has an uncoded passage"
    code_id = next(iter(window.codes.codes))

    window.view.select_span(start + 5, end - 5)
    assert window.coding.apply_code(code_id)
    after = _stored(window)
    row = window.documents.rows[window.documents.row_of(doc)]
    assert (row.codings, row.coded_chars) == (after[doc].codings, after[doc].coded_chars)
    assert row.codings == before[doc].codings + 1
    assert row.coded_chars == before[doc].coded_chars + (end - 5) - (start + 5)
    share, tip = _shown(window, doc)
    assert f"{row.codings} codings" in tip and share == f"{round(row.coded_share * 100)} %"
    assert tip != shown_before[1]
    assert {r.id: r for r in window.documents.rows} == after

    window.ctx.undo_stack.undo()
    assert {r.id: r for r in window.documents.rows} == before
    assert _shown(window, doc) == shown_before

    window.ctx.undo_stack.redo()
    assert {r.id: r for r in window.documents.rows} == _stored(window)
    assert window.documents.rows[window.documents.row_of(doc)].codings == row.codings
