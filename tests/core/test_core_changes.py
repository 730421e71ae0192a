"""Every core edit says what it changed: the kinds and ids of its ``Changes``, on a real
project file (imported transcripts, a bundled codebook, codings, memos, review state)."""

from __future__ import annotations

import shutil
from pathlib import Path

from _study import build, newer_putnam

from app.coding.cases import (
    clear_attributes,
    create_case,
    delete_case,
    link_document,
    restore_case,
    set_attributes,
    unlink,
)
from app.coding.changes import Changes, Kind
from app.coding.codebooks import (
    ensure_codebook,
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
from app.coding.memos import restore_memo, set_memo
from app.coding.merge import merge_projects
from app.coding.review import (
    add_comment,
    delete_comment,
    mark_coding,
    resolve_thread,
    restore_comment,
)
from app.models.project import Project, open_project


def test_case_edits_name_the_case_and_its_memo(project: Project) -> None:
    with project.session() as s:
        st = build(s)
        made = create_case(s, name="Nur Aini", alias="Informan 10")
        assert made.changes == Changes.of_cases([made.id])
        values = set_attributes(s, case_id=made.id, values={"usia": "41"})
        assert values.changes == Changes.of_cases([made.id])
        assert clear_attributes(s, case_id=made.id, names=["usia"]) == Changes.of_cases([made.id])
        link = link_document(s, case_id=made.id, document_id=st.docs[1], start=0, end=30)
        assert link.changes == Changes.of_cases([made.id])
        assert unlink(s, link_id=link.id).changes == Changes.of_cases([made.id])

        snapshot = delete_case(s, case_id=st.case)  # it has a memo: the memo panel follows
        assert snapshot.changes.kinds == {Kind.CASES, Kind.MEMOS}
        assert snapshot.changes.cases == {st.case}
        assert snapshot.changes.memos == {("case", st.case)}
        assert restore_case(s, snapshot=snapshot) == snapshot.changes


def test_deleting_a_code_names_its_subtree_codings_documents_memos_and_summaries(
    project: Project,
) -> None:
    with project.session() as s:
        st = build(s)
        snapshot = delete_code(s, code_id=st.parent)
        changes = snapshot.changes
        assert changes.kinds == {Kind.CODES, Kind.CODINGS, Kind.MEMOS, Kind.SUMMARIES, Kind.REVIEW}
        assert {st.parent, st.child} <= changes.codes
        assert st.other not in changes.codes
        assert changes.documents == set(st.docs)
        assert changes.delta is not None
        assert {c.id for c in changes.delta.removed} >= set(st.codings)
        assert changes.memos == {("code", st.parent), ("code", st.child)}
        assert changes.summaries == {(st.child, "case", "Sulastri")}
        assert changes.reviewed == {st.codings[1]}

        back = restore_code(s, snapshot=snapshot)
        assert back.kinds == changes.kinds and back.codes == changes.codes
        assert back.delta is not None and not back.delta.removed
        assert {c.id for c in back.delta.added} == {c.id for c in changes.delta.removed}


def test_code_edits_name_the_code(project: Project) -> None:
    with project.session() as s:
        st = build(s)
        book = ensure_codebook(s, key="my-codes", name_id="Kode saya", name_en="My codes")
        assert book.created and book.changes.kinds == {Kind.CODES}
        again = ensure_codebook(s, key="my-codes", name_id="Kode saya", name_en="My codes")
        assert (again.codebook_id, again.created, again.changes) == (
            book.codebook_id,
            False,
            Changes(),
        )
        row = create_code(s, codebook_id=book.codebook_id, name_id="Gotong royong")
        assert row.changes == Changes.of_codes([row.id])
        assert update_code(s, code_id=row.id, colour="#aa0000").changes == Changes.of_codes(
            [row.id]
        )
        moved = move_code(s, code_id=st.other, parent_id=st.parent)
        assert moved.changes == Changes.of_codes([st.other])
        assert moved.before.parent_id is None and moved.after.parent_id == st.parent


def test_merging_codes_names_both_codes_the_documents_and_the_moved_memos(
    project: Project,
) -> None:
    with project.session() as s:
        st = build(s)
        record = merge_codes(s, source_id=st.parent, target_id=st.other)
        changes = record.changes
        assert Kind.CODES in changes and {st.parent, st.other} <= changes.codes
        assert st.child in changes.codes  # the source's indicators moved under the target
        assert Kind.CODINGS in changes and changes.documents == {st.docs[0]}
        assert changes.memos == {("code", st.parent), ("code", st.other)}
        assert unmerge_codes(s, record=record) == changes


def test_codebook_edits_name_their_codes_codings_and_memo(project: Project) -> None:
    with project.session() as s:
        st = build(s)
        snapshot = remove_codebook(s, codebook_id=st.codebook)
        changes = snapshot.changes
        assert {Kind.CODES, Kind.CODINGS, Kind.MEMOS, Kind.REVIEW} <= changes.kinds
        assert {st.parent, st.child, st.other} <= changes.codes
        assert changes.documents == set(st.docs)
        assert ("codebook", st.codebook) in changes.memos
        back = restore_codebook(s, snapshot=snapshot)
        assert back.codes == changes.codes and back.memos == changes.memos
        assert back.delta is not None and len(back.delta.added) == len(changes.delta.removed)  # type: ignore[union-attr]

        # A newer version of the file adds one indicator: the update names it, undo too.
        update = update_codebook(s, key="putnam", spec=newer_putnam())
        assert len(update.added_ids) == 1
        assert update.changes == Changes.of_codes(update.added_ids)
        assert revert_codebook_update(s, update=update) == update.changes


def test_removing_documents_names_them_their_codings_cases_memos_and_review(
    project: Project,
) -> None:
    with project.session() as s:
        st = build(s)
        snapshot = remove_documents(s, document_ids=[st.docs[0]])
        changes = snapshot.changes
        assert changes.kinds == {Kind.DOCUMENTS, Kind.CODINGS, Kind.CASES, Kind.MEMOS}
        assert changes.documents == {st.docs[0]}
        assert changes.cases == {st.case}
        assert changes.memos == {("document", st.docs[0])}
        assert changes.delta is not None and changes.delta.removed
        back = restore_documents(s, snapshot=snapshot)
        assert back.documents == changes.documents and back.delta is not None
        assert len(back.delta.added) == len(changes.delta.removed)


def test_memo_and_review_edits_name_their_target(project: Project) -> None:
    with project.session() as s:
        st = build(s)
        memo = set_memo(s, target_kind="code", target_id=st.other, text="Norma", author="siti")
        assert memo.changes == Changes.of_memo("code", st.other)
        assert memo.before is None and memo.after is not None and memo.after.text == "Norma"
        back = restore_memo(s, target_kind="code", target_id=st.other, memo=None)
        assert back.changes == memo.changes and back.before == memo.after

        coding = st.codings[0]
        mark = mark_coding(s, coding_id=coding, reviewer="pembimbing", status="agreed")
        assert (mark.before, mark.after) == (None, "agreed")
        assert mark.changes == Changes.of_review([coding])
        comment = add_comment(s, coding_id=coding, author="pembimbing", text="Bagus")
        assert comment.changes == Changes.of_review([coding])
        assert resolve_thread(s, comment_id=comment.id) == Changes.of_review([coding])
        taken = delete_comment(s, comment_id=comment.id)
        assert taken.changes == Changes.of_review([coding])
        assert restore_comment(s, comment=taken) == Changes.of_review([coding])


def test_a_merge_of_another_copy_changes_everything_once(project: Project, tmp_path: Path) -> None:
    with project.session() as s:
        build(s)
    project.close()
    other_path = tmp_path / "salinan.telaah"
    shutil.copy(project.path, other_path)
    other = open_project(other_path)
    with other.session() as theirs:
        create_case(theirs, name="Pak Darto")
    mine = open_project(project.path)
    try:
        with mine.session() as ours, other.session() as theirs:
            first = merge_projects(ours, other=theirs)
            assert first.changes == Changes.everything()
            assert merge_projects(ours, other=theirs).changes == Changes()
    finally:
        mine.close()
        other.close()
