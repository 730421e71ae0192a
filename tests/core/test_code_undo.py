"""Undo of every codebook edit puts the project back exactly: every table, row for row
(a canonical dump of the file), with the review marks and comments of the codings that
went and came back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from _study import Study, build, newer_putnam
from sqlalchemy.orm import Session

from app.coding.cases import delete_case, restore_case
from app.coding.codebooks import (
    remove_codebook,
    restore_codebook,
    revert_codebook_update,
    update_codebook,
)
from app.coding.codes import (
    create_code,
    delete_code,
    merge_codes,
    move_code,
    restore_code,
    unmerge_codes,
    update_code,
)
from app.coding.documents import remove_documents, restore_documents
from app.models.project import Project


def _tables(dump: Any, project: Project) -> list[tuple[str, list[tuple[object, ...]]]]:
    """The canonical dump without the search index's own storage (its pages differ after a
    delete and re-insert of the same texts; what it finds is compared by :func:`_found`)."""
    return [(t, rows) for t, rows in dump(project.path) if not t.startswith("documents_fts")]


def _found(project: Project) -> list[tuple[int, ...]]:
    import sqlite3

    con = sqlite3.connect(project.path)
    try:
        words = ("Sulastri", "PKK", "warga")
        return [
            tuple(r[0] for r in con.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid", (w,)
            ))
            for w in words
        ]  # fmt: skip
    finally:
        con.close()


def _create(s: Session, st: Study) -> None:
    row = create_code(s, codebook_id=st.codebook, name_id="Baru", parent_id=st.parent)
    delete_code(s, code_id=row.id)


def _update(s: Session, st: Study) -> None:
    fields = {"name_id": "Kepercayaan (baru)", "colour": "#aa0000", "keywords": "percaya"}
    before = update_code(s, code_id=st.child, **fields).before
    update_code(s, code_id=st.child, **{k: getattr(before, k) for k in fields})


def _move(s: Session, st: Study) -> None:
    before = move_code(s, code_id=st.child, parent_id=None, sort_order=99).before
    move_code(s, code_id=st.child, parent_id=before.parent_id, sort_order=before.sort_order)


def _delete(s: Session, st: Study) -> None:
    snapshot = delete_code(s, code_id=st.parent)  # with its indicators, codings and review
    restore_code(s, snapshot=snapshot)
    restore = delete_code(s, code_id=st.parent)  # redo and undo again: still the same ids
    restore_code(s, snapshot=restore)


def _merge(s: Session, st: Study) -> None:
    record = merge_codes(s, source_id=st.parent, target_id=st.other)
    unmerge_codes(s, record=record)


def _merge_dropping_duplicates(s: Session, st: Study) -> None:
    # The child's reviewed coding duplicates one of the other code's (made before the
    # dump, see the test): merged, it is dropped with its mark and comments.
    record = merge_codes(s, source_id=st.child, target_id=st.other)
    assert [c.id for c in record.dropped_codings] == [st.codings[1]]
    unmerge_codes(s, record=record)


def _codebook(s: Session, st: Study) -> None:
    snapshot = remove_codebook(s, codebook_id=st.codebook)
    restore_codebook(s, snapshot=snapshot)


def _codebook_update(s: Session, st: Study) -> None:
    update = update_codebook(s, key="putnam", spec=newer_putnam(rename="Nama baru"), texts=True)
    assert update.added_ids and update.renamed
    revert_codebook_update(s, update=update)


def _documents(s: Session, st: Study) -> None:
    snapshot = remove_documents(s, document_ids=list(st.docs))
    restore_documents(s, snapshot=snapshot)


def _case(s: Session, st: Study) -> None:
    snapshot = delete_case(s, case_id=st.case)
    restore_case(s, snapshot=snapshot)


EDITS: dict[str, Callable[[Session, Study], None]] = {
    "create code": _create,
    "update code": _update,
    "move code": _move,
    "delete code with indicators, codings and review": _delete,
    "merge codes": _merge,
    "merge codes dropping a reviewed duplicate": _merge_dropping_duplicates,
    "remove codebook": _codebook,
    "update codebook": _codebook_update,
    "remove documents": _documents,
    "delete case": _case,
}


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_undo_restores_every_table_exactly(project: Project, dump: Any, edit: str) -> None:
    with project.session() as s:
        st = build(s)
        if edit == "merge codes dropping a reviewed duplicate":
            from app.coding.codings import NewCoding, apply_codes, codings_for_document

            reviewed = next(
                c for c in codings_for_document(s, document_id=st.docs[1]) if c.id == st.codings[1]
            )
            apply_codes(
                s,
                coder="siti",
                codings=[NewCoding(st.docs[1], st.other, reviewed.start, reviewed.end)],
            )
    before, found = _tables(dump, project), _found(project)
    assert all(found)
    assert any(t == "review_marks" and rows for t, rows in before)
    assert any(t == "comments" and len(rows) == 2 for t, rows in before)
    with project.session() as s:
        EDITS[edit](s, st)
    assert _tables(dump, project) == before
    assert _found(project) == found
