"""Undoing the removal of a coding a supervisor questioned brings the question back: the mark
and the comment thread are deleted with the coding, and undo (and redo of an apply) put them
back, so no review is silently lost."""

from __future__ import annotations

from sqlalchemy import select

from app.coding.codings import NewCoding
from app.coding.review import add_comment, comments_for, mark_coding
from app.models.schema import ReviewMark
from app.ui.commands.codings import AddCodingsCommand, RemoveCodingsCommand
from tests.ui.test_coding import free_span, pick_code


def _review(window, coding_id: int) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    with window.ctx.project.session() as s:
        marks = list(s.scalars(select(ReviewMark.status).where(ReviewMark.coding_id == coding_id)))
        texts = [c.text for c in comments_for(s, coding_id=coding_id)]
    return marks, texts


def _question(window, coding_id: int) -> None:  # type: ignore[no-untyped-def]
    with window.ctx.project.session() as s:
        mark_coding(s, coding_id=coding_id, reviewer="Bu Dosen", status="questioned")
        first = add_comment(
            s, coding_id=coding_id, author="Bu Dosen", text="Benarkah ini co-design?"
        )
        add_comment(
            s, coding_id=coding_id, author="Rina", text="Ya, lihat baris 40.", reply_to=first.id
        )


def test_undo_of_removing_a_questioned_coding_brings_the_question_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    coding_id = min(window.view.index.spans)
    _question(window, coding_id)
    before = _review(window, coding_id)
    assert before == (["questioned"], ["Benarkah ini co-design?", "Ya, lihat baris 40."])

    window.ctx.execute(RemoveCodingsCommand(window.ctx, [coding_id]))
    assert _review(window, coding_id) == ([], [])
    window.ctx.undo_stack.undo()
    assert _review(window, coding_id) == before
    window.ctx.undo_stack.redo()
    window.ctx.undo_stack.undo()
    assert _review(window, coding_id) == before


def test_redo_of_an_apply_keeps_a_mark_made_before_the_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    code = pick_code(window)
    start, end = free_span(window)
    command = AddCodingsCommand(
        window.ctx,
        [NewCoding(document_id=window.view.document_id, code_id=code, start=start, end=end)],
    )
    window.ctx.execute(command)
    (added,) = command.added
    _question(window, added.id)
    window.ctx.undo_stack.undo()
    assert _review(window, added.id) == ([], [])
    window.ctx.undo_stack.redo()
    assert _review(window, added.id)[0] == ["questioned"]
    assert len(_review(window, added.id)[1]) == 2


def test_the_review_of_a_very_large_removal_is_read_in_parts(project) -> None:  # type: ignore[no-untyped-def]
    """Undo of auto-coding removes tens of thousands of codings at once: reading their review
    must not exceed SQLite's limit of bound parameters in one statement (32,766 in the
    SQLite that Python ships on Windows, 250,000 in Debian's)."""
    from app.coding.review import review_state

    with project.session() as s:
        assert not review_state(s, coding_ids=range(1, 260_001))
