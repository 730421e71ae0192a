"""Codebook editing with exact undo: delete/restore and merge/unmerge."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.codebooks import ensure_codebook
from app.coding.codes import (
    code_row,
    create_code,
    delete_code,
    merge_codes,
    move_code,
    restore_code,
    unmerge_codes,
    update_code,
)
from app.coding.codings import NewCoding, apply_codes, codings_for_document
from app.coding.errors import InvalidValue
from app.models.project import Project
from app.models.schema import CellSummary, Code, Document

TEXT = "Warga dan kelurahan rembuk bersama, lalu kerja bakti membersihkan saluran. " * 3


def _doc(session: Session) -> int:
    doc = Document(
        name="d.txt",
        original_filename="d.txt",
        format="txt",
        content_hash="h",
        text=TEXT,
        length=len(TEXT),
    )
    session.add(doc)
    session.commit()
    return doc.id


def _state(session: Session, doc: int) -> tuple[object, ...]:
    rows = session.scalars(select(Code))
    codes = tuple(sorted((c.id, c.key, c.parent_id, c.name_id, c.created_at) for c in rows))
    summaries = tuple(sorted((s.row_code_id, s.text) for s in session.scalars(select(CellSummary))))
    return codes, codings_for_document(session, document_id=doc), summaries


def test_create_code_derives_unique_keys_from_names(project: Project) -> None:
    with project.session() as s:
        book = ensure_codebook(s, key="in-vivo", name_id="In vivo", name_en="In vivo").codebook_id
        a = create_code(s, codebook_id=book, name_id="Gotong royong")
        b = create_code(s, codebook_id=book, name_id="Gotong-royong!")
        child = create_code(s, codebook_id=book, name_id="Kerja bakti", parent_id=a.id)
    assert (a.key, b.key) == ("in-vivo/gotong-royong", "in-vivo/gotong-royong-2")
    assert child.key == "in-vivo/gotong-royong/kerja-bakti"


def test_delete_then_restore_brings_back_subtree_codings_and_summaries(project: Project) -> None:
    with project.session() as s:
        doc = _doc(s)
        book = ensure_codebook(s, key="mine", name_id="Milik saya", name_en="Mine").codebook_id
        parent = create_code(s, codebook_id=book, name_id="Jaringan")
        child = create_code(s, codebook_id=book, name_id="Bonding", parent_id=parent.id)
        apply_codes(
            s,
            coder="Ani",
            codings=[NewCoding(doc, parent.id, 0, 5), NewCoding(doc, child.id, 3, 19)],
        )
        s.add(
            CellSummary(row_code_id=child.id, column_kind="case", column_key="Ani", text="ringkas")
        )
        s.commit()
        before = _state(s, doc)
        snapshot = delete_code(s, code_id=parent.id)
        assert codings_for_document(s, document_id=doc) == ()
        assert s.scalars(select(Code)).all() == []
        restore_code(s, snapshot=snapshot)
        assert _state(s, doc) == before


def test_merge_moves_codings_drops_duplicates_and_unmerges_exactly(project: Project) -> None:
    with project.session() as s:
        doc = _doc(s)
        book = ensure_codebook(s, key="mine", name_id="Milik saya", name_en="Mine").codebook_id
        src = create_code(s, codebook_id=book, name_id="Kepercayaan")
        dst = create_code(s, codebook_id=book, name_id="Trust")
        kid = create_code(s, codebook_id=book, name_id="Percaya RW", parent_id=src.id)
        apply_codes(
            s,
            coder="Ani",
            codings=[
                NewCoding(doc, src.id, 0, 5),
                NewCoding(doc, src.id, 6, 15),
                NewCoding(doc, dst.id, 0, 5),
            ],
        )
        before = _state(s, doc)
        record = merge_codes(s, source_id=src.id, target_id=dst.id)
        merged = codings_for_document(s, document_id=doc)
        assert [(c.code_id, c.start, c.end) for c in merged] == [(dst.id, 0, 5), (dst.id, 6, 15)]
        assert code_row(s, code_id=kid.id).parent_id == dst.id
        unmerge_codes(s, record=record)
        assert _state(s, doc) == before


def test_move_refuses_cycles_and_update_refuses_bad_colour(project: Project) -> None:
    with project.session() as s:
        book = ensure_codebook(s, key="mine", name_id="Milik saya", name_en="Mine").codebook_id
        a = create_code(s, codebook_id=book, name_id="A")
        b = create_code(s, codebook_id=book, name_id="B", parent_id=a.id)
        with pytest.raises(InvalidValue):
            move_code(s, code_id=a.id, parent_id=b.id)
        with pytest.raises(InvalidValue):
            update_code(s, code_id=a.id, colour="merah")
        before, after = update_code(s, code_id=a.id, colour="#aa0000", name_en="Alpha")
        assert (before.colour, after.colour, after.name_en) == ("#888888", "#aa0000", "Alpha")
        assert code_row(s, code_id=b.id).parent_id == a.id


def test_remove_codebook_then_restore_is_exact(project: Project, dump) -> None:  # type: ignore[no-untyped-def]
    from app.coding.codebook_files import load_bundled_codebook
    from app.coding.codebooks import install_codebook, remove_codebook, restore_codebook

    with project.session() as s:
        doc = _doc(s)
        installed = install_codebook(s, spec=load_bundled_codebook("putnam"))
        apply_codes(
            s,
            coder="Ani",
            codings=[NewCoding(doc, cid, i, i + 9) for i, cid in enumerate(installed.code_ids)],
        )
    before = dump(project.path)
    with project.session() as s:
        snapshot = remove_codebook(s, codebook_id=installed.codebook_id)
        assert s.scalars(select(Code)).all() == []
        assert codings_for_document(s, document_id=doc) == ()
        restore_codebook(s, snapshot=snapshot)
    assert dump(project.path) == before
