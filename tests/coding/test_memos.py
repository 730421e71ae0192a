"""Analytic memos on the project, documents, codes and cases, with exact undo."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.coding.cases import create_case, delete_case, restore_case
from app.coding.codebooks import ensure_codebook
from app.coding.codes import create_code, delete_code, merge_codes, restore_code, unmerge_codes
from app.coding.errors import InvalidValue, NotFound
from app.coding.memos import get_memo, list_memos, restore_memo, set_memo
from app.models.project import Project


def _codes(s: Session) -> tuple[int, int]:
    book = ensure_codebook(s, key="mine", name_id="Milik saya", name_en="Mine").codebook_id
    trust = create_code(s, codebook_id=book, name_id="Kepercayaan")
    norms = create_code(s, codebook_id=book, name_id="Norma")
    return trust.id, norms.id


def test_write_change_clear_and_undo_a_code_memo(project: Project) -> None:
    with project.session() as s:
        trust, _ = _codes(s)
        made = set_memo(
            s, target_kind="code", target_id=trust, text="Percaya pada RW.", author="ani"
        )
        assert made.before is None
        first = get_memo(s, target_kind="code", target_id=trust)
        assert first is not None and (first.text, first.author) == ("Percaya pada RW.", "ani")
        assert made.after == first
        before = set_memo(
            s,
            target_kind="code",
            target_id=trust,
            text="Percaya pada RW, bukan kota.",
            author="budi",
        ).before
        assert before == first
        assert get_memo(s, target_kind="code", target_id=trust).author == "budi"  # type: ignore[union-attr]
        restore_memo(s, target_kind="code", target_id=trust, memo=before)
        assert get_memo(s, target_kind="code", target_id=trust) == first
        set_memo(s, target_kind="code", target_id=trust, text="   ", author="ani")
        assert get_memo(s, target_kind="code", target_id=trust) is None


def test_project_memo_and_bad_targets(project: Project) -> None:
    with project.session() as s:
        set_memo(s, target_kind="project", target_id=None, text="Catatan umum 🌊", author="ani")
        assert [m.text for m in list_memos(s)] == ["Catatan umum 🌊"]
        with pytest.raises(NotFound):
            set_memo(s, target_kind="code", target_id=999, text="x", author="ani")
        with pytest.raises(InvalidValue):
            set_memo(s, target_kind="coding", target_id=1, text="x", author="ani")


def test_memos_follow_their_code_through_delete_and_merge(project: Project) -> None:
    with project.session() as s:
        trust, norms = _codes(s)
        set_memo(s, target_kind="code", target_id=norms, text="Norma timbal balik", author="ani")
        snapshot = delete_code(s, code_id=norms)
        assert list_memos(s) == ()
        restore_code(s, snapshot=snapshot)
        memo = get_memo(s, target_kind="code", target_id=norms)
        assert memo is not None and memo.text == "Norma timbal balik"
        record = merge_codes(s, source_id=norms, target_id=trust)
        moved = get_memo(s, target_kind="code", target_id=trust)
        assert moved is not None and moved.text == "Norma timbal balik"
        unmerge_codes(s, record=record)
        assert get_memo(s, target_kind="code", target_id=norms) == memo
        assert get_memo(s, target_kind="code", target_id=trust) is None


def test_case_memo_comes_back_with_the_case(project: Project) -> None:
    with project.session() as s:
        case = create_case(s, name="Nur Aini")
        set_memo(s, target_kind="case", target_id=case.id, text="Istri nelayan", author="ani")
        memo = get_memo(s, target_kind="case", target_id=case.id)
        snapshot = delete_case(s, case_id=case.id)
        assert list_memos(s) == ()
        restore_case(s, snapshot=snapshot)
        assert get_memo(s, target_kind="case", target_id=case.id) == memo
