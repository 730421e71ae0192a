"""Merging a second copy of a real study: conflicts reported and ours kept, memos one per
target, review state carried with its threads, and a second merge changes nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _study import Study, build
from sqlalchemy import func, select

from app.coding.codes import delete_code, update_code
from app.coding.codings import NewCoding, apply_codes, codings_for_document, update_coding
from app.coding.memos import get_memo, list_memos, set_memo
from app.coding.merge import merge_projects
from app.coding.review import add_comment, comments_for, mark_coding, resolve_thread
from app.models.project import Project, open_project
from app.models.schema import Code, Coding, Comment, Memo, ReviewMark


@pytest.fixture
def copies(project: Project, tmp_path: Path) -> Iterator[tuple[Project, Project, Study]]:
    """Ours and theirs: two copies of one study, as after handing a file to a supervisor."""
    with project.session() as s:
        st = build(s)
    project.close()
    theirs_path = tmp_path / "salinan pembimbing.telaah"
    shutil.copy(project.path, theirs_path)
    ours, theirs = open_project(project.path), open_project(theirs_path)
    yield ours, theirs, st
    ours.close()
    theirs.close()


def _merge(ours: Project, theirs: Project) -> Any:
    with ours.session() as mine, theirs.session() as other:
        return merge_projects(mine, other=other)


def _count(project: Project, model: type) -> int:
    with project.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_the_same_coding_on_both_sides_is_one_coding_and_a_second_merge_changes_nothing(
    copies: tuple[Project, Project, Study], dump: Any
) -> None:
    ours, theirs, st = copies
    codings = _count(ours, Coding)
    report = _merge(ours, theirs)
    assert not report.changed and report.conflicts == ()
    assert _count(ours, Coding) == codings  # nothing doubled: every coding matched

    with theirs.session() as s:  # the supervisor codes a passage and questions another
        apply_codes(s, coder="pembimbing", codings=[NewCoding(st.docs[0], st.other, 200, 260)])
        mark_coding(s, coding_id=st.codings[0], reviewer="pembimbing", status="agreed")
    first = _merge(ours, theirs)
    assert first.added["codings"] == 1 and first.added["review marks"] == 1
    after_first = dump(ours.path)
    second = _merge(ours, theirs)
    assert not second.changed and second.conflicts == ()
    assert dump(ours.path) == after_first


def test_a_code_renamed_on_one_side_is_a_conflict_and_ours_stays(
    copies: tuple[Project, Project, Study],
) -> None:
    ours, theirs, st = copies
    with theirs.session() as s:
        update_code(s, code_id=st.child, name_id="Rasa percaya versi pembimbing", colour="#ff0000")
    report = _merge(ours, theirs)
    kinds = {(c.kind, c.key.rsplit(":", 1)[1], c.theirs) for c in report.conflicts}
    assert ("code", "name_id", "Rasa percaya versi pembimbing") in kinds
    assert ("code", "colour", "#ff0000") in kinds
    with ours.session() as s:
        code = s.get(Code, st.child)
        assert code is not None and code.name_id != "Rasa percaya versi pembimbing"
        assert code.colour != "#ff0000"
        assert int(s.scalar(select(func.count()).select_from(Code)) or 0) == _count(theirs, Code)


def test_a_code_deleted_on_their_side_stays_here_with_its_codings(
    copies: tuple[Project, Project, Study],
) -> None:
    ours, theirs, st = copies
    with theirs.session() as s:
        delete_code(s, code_id=st.parent)
    codings, codes = _count(ours, Coding), _count(ours, Code)
    report = _merge(ours, theirs)
    assert not report.changed
    assert (_count(ours, Coding), _count(ours, Code)) == (codings, codes)


def test_a_code_deleted_on_our_side_comes_back_with_their_codings(
    copies: tuple[Project, Project, Study],
) -> None:
    ours, theirs, st = copies
    with ours.session() as s:
        key = s.get(Code, st.parent).key  # type: ignore[union-attr]
        delete_code(s, code_id=st.parent)
    report = _merge(ours, theirs)  # what is missing here is added: the other copy has it
    assert report.added["codes"] >= 2 and report.added["codings"] >= 2
    with ours.session() as s:
        back = s.scalar(select(Code).where(Code.key == key))
        assert back is not None
        assert any(c.code_id == back.id for c in codings_for_document(s, document_id=st.docs[0]))


def test_a_coding_memo_and_stance_that_differ_are_conflicts(
    copies: tuple[Project, Project, Study],
) -> None:
    ours, theirs, st = copies
    with theirs.session() as s:
        update_coding(s, coding_id=st.codings[1], memo="kutipan lemah", stance="barrier")
        update_coding(s, coding_id=st.codings[0], memo="memo baru dari pembimbing")
    report = _merge(ours, theirs)
    conflicts = {(c.kind, c.ours, c.theirs) for c in report.conflicts}
    assert ("coding-memo", "kutipan kuat", "kutipan lemah") in conflicts
    assert ("coding-stance", "supports", "barrier") in conflicts
    assert report.added["coding memos"] == 1  # ours had none there: theirs is taken
    with ours.session() as s:
        memos = {c.id: c.memo for c in codings_for_document(s, document_id=st.docs[0])}
        assert memos[st.codings[0]] == "memo baru dari pembimbing"


def test_memos_are_merged_one_per_target(copies: tuple[Project, Project, Study]) -> None:
    ours, theirs, st = copies
    with theirs.session() as s:
        set_memo(s, target_kind="code", target_id=st.parent, text="Versi pembimbing", author="p")
        set_memo(s, target_kind="code", target_id=st.other, text="Norma: baru", author="p")
        set_memo(s, target_kind="project", target_id=None, text="Catatan proyek", author="p")
    report = _merge(ours, theirs)
    assert report.added["memos"] == 2  # where ours had none: the other code and the project
    memo_conflicts = [c for c in report.conflicts if c.kind == "memo"]
    assert [(c.ours, c.theirs) for c in memo_conflicts] == [
        ("Apa arti percaya?", "Versi pembimbing")
    ]
    with ours.session() as s:
        targets = [(m.target_kind, m.target_id) for m in list_memos(s)]
        assert len(targets) == len(set(targets))  # one memo per target
        kept = get_memo(s, target_kind="code", target_id=st.parent)
        assert kept is not None and kept.text == "Apa arti percaya?"
        new = get_memo(s, target_kind="code", target_id=st.other)
        assert new is not None and new.text == "Norma: baru" and new.author == "p"
        project_memo = get_memo(s, target_kind="project", target_id=None)
        assert project_memo is not None and project_memo.text == "Catatan proyek"
    assert not _merge(ours, theirs).changed
    assert _count(ours, Memo) == len(targets)


def test_review_marks_threads_and_resolutions_are_carried(
    copies: tuple[Project, Project, Study],
) -> None:
    ours, theirs, st = copies
    questioned = st.codings[1]
    with theirs.session() as s:
        (root,) = [c for c in comments_for(s, coding_id=questioned) if c.reply_to is None]
        resolve_thread(s, comment_id=root.id)  # the supervisor is satisfied
        mark_coding(s, coding_id=questioned, reviewer="pembimbing", status="agreed")
        asked = add_comment(s, coding_id=st.codings[0], author="pembimbing", text="Sumbernya?")
        add_comment(s, coding_id=st.codings[0], author="siti", text="Baris 12", reply_to=asked.id)
    report = _merge(ours, theirs)
    assert report.added["resolutions"] == 1
    assert report.added["comments"] == 2
    with ours.session() as s:
        thread = comments_for(s, coding_id=st.codings[0])
        assert [(c.author, c.text) for c in thread] == [
            ("pembimbing", "Sumbernya?"),
            ("siti", "Baris 12"),
        ]
        assert thread[1].reply_to == thread[0].id  # the answer answers our copy of it
        assert all(c.resolved for c in comments_for(s, coding_id=questioned) if not c.reply_to)
        mark = s.scalar(select(ReviewMark).where(ReviewMark.coding_id == questioned))
        assert mark is not None
    marks, comments = _count(ours, ReviewMark), _count(ours, Comment)
    assert not _merge(ours, theirs).changed
    assert (_count(ours, ReviewMark), _count(ours, Comment)) == (marks, comments)
