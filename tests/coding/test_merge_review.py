"""Merging a second coder's copy: idempotent, conflicts reported, review state travels."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.coding.cases import create_case, link_document
from app.coding.codes import update_code
from app.coding.codings import apply_code, codings_for_document, update_coding
from app.coding.merge import merge_projects
from app.coding.review import add_comment, mark_coding, open_questions, resolve_thread
from app.models.project import Project, open_project
from app.models.schema import Code, Codebook, Coding, Comment, Document, ReviewMark

TEXT = "Warga percaya pada Pak RW. Kami gotong royong tiap Minggu 🌊 di balai."


def _base(session: Session) -> tuple[int, int, int]:
    book = Codebook(key="putnam", name_id="Modal sosial", name_en="Social capital")
    session.add(book)
    session.flush()
    trust = Code(codebook_id=book.id, key="putnam/trust", name_id="Kepercayaan", name_en="Trust")
    norms = Code(codebook_id=book.id, key="putnam/norms", name_id="Norma", name_en="Norms")
    doc = Document(
        name="INF10.txt",
        original_filename="INF10.txt",
        format="txt",
        content_hash="hash-inf10",
        text=TEXT,
        length=len(TEXT),
    )
    session.add_all([trust, norms, doc])
    session.commit()
    case = create_case(
        session, name="Nur Aini", alias="Informan 10", attributes={"group": "penerima manfaat"}
    )
    link_document(session, case_id=case.id, document_id=doc.id)
    return doc.id, trust.id, norms.id


def _copy(project: Project, tmp_path: Path, name: str) -> Project:
    project.close()
    target = tmp_path / name
    shutil.copy(project.path, target)
    return open_project(target)


def test_merge_brings_codings_review_and_is_idempotent(project: Project, tmp_path: Path) -> None:
    with project.session() as s:
        doc, trust, norms = _base(s)
        apply_code(s, document_id=doc, code_id=trust, start=0, end=25, coder="mahasiswa")
    supervisor = _copy(project, tmp_path, "salinan pembimbing.telaah")
    with supervisor.session() as s:
        (student_coding,) = codings_for_document(s, document_id=doc)
        mark_coding(s, coding_id=student_coding.id, reviewer="pembimbing", status="questioned")
        add_comment(
            s,
            coding_id=student_coding.id,
            author="pembimbing",
            text="Apakah ini kepercayaan atau kedekatan?",
        )
        apply_code(
            s,
            document_id=doc,
            code_id=norms,
            start=27,
            end=57,
            coder="pembimbing",
            memo="gotong royong = norma",
        )
    mine = open_project(project.path)
    try:
        with mine.session() as ours, supervisor.session() as theirs:
            first = merge_projects(ours, other=theirs)
            second = merge_projects(ours, other=theirs)
            rows = codings_for_document(ours, document_id=doc)
            questions = open_questions(ours)
        assert first.added == {"codings": 1, "coders": 1, "comments": 1, "review marks": 1}
        assert first.conflicts == ()
        assert not second.changed
        assert [(c.coder, c.start, c.end, c.memo) for c in rows] == [
            ("mahasiswa", 0, 25, ""),
            ("pembimbing", 27, 57, "gotong royong = norma"),
        ]
        assert rows[1].snippet == TEXT[27:57]
        (question,) = questions
        assert question.reviewer == "pembimbing"
        assert question.thread[0].text == "Apakah ini kepercayaan atau kedekatan?"
        # The student answers and resolves: the question leaves the list.
        with mine.session() as s:
            answer = add_comment(
                s,
                coding_id=question.coding_id,
                author="mahasiswa",
                text="Kepercayaan pada tokoh.",
                reply_to=question.thread[0].id,
            )
            resolve_thread(s, comment_id=question.thread[0].id)
            assert open_questions(s) == ()
            assert answer.reply_to == question.thread[0].id
    finally:
        mine.close()
        supervisor.close()


def test_diverging_edits_are_reported_not_dropped(project: Project, tmp_path: Path) -> None:
    with project.session() as s:
        doc, trust, _ = _base(s)
        (c,) = apply_code(s, document_id=doc, code_id=trust, start=0, end=25, coder="ani").added
    other = _copy(project, tmp_path, "salinan.telaah")
    with other.session() as s:
        update_code(s, code_id=trust, name_id="Rasa percaya")
        update_coding(s, coding_id=c.id, memo="versi mereka")
    mine = open_project(project.path)
    try:
        with mine.session() as s:
            update_code(s, code_id=trust, name_id="Kepercayaan sosial")
            update_coding(s, coding_id=c.id, memo="versi kami")
        with mine.session() as ours, other.session() as theirs:
            report = merge_projects(ours, other=theirs)
            name = ours.scalar(select(Code.name_id).where(Code.id == trust))
            memo = ours.scalar(select(Coding.memo).where(Coding.id == c.id))
        kinds = sorted((x.kind, x.ours, x.theirs) for x in report.conflicts)
        assert kinds == [
            ("code", "Kepercayaan sosial", "Rasa percaya"),
            ("coding-memo", "versi kami", "versi mereka"),
        ]
        assert (name, memo) == ("Kepercayaan sosial", "versi kami")
    finally:
        mine.close()
        other.close()


def test_documents_matched_by_content_not_name(project: Project, tmp_path: Path) -> None:
    with project.session() as s:
        doc, trust, _ = _base(s)
    other = _copy(project, tmp_path, "lain.telaah")
    with other.session() as s:
        s.get(Document, doc).name = "wawancara-10-final.txt"  # renamed, same text
        extra = Document(
            name="INF10.txt-baru",
            original_filename="x",
            format="txt",
            content_hash="other",
            text="Teks lain.",
            length=10,
        )
        s.add(extra)
        s.commit()
        apply_code(s, document_id=doc, code_id=trust, start=0, end=5, coder="budi")
    mine = open_project(project.path)
    try:
        with mine.session() as ours, other.session() as theirs:
            report = merge_projects(ours, other=theirs)
            n_docs = ours.scalar(select(func.count()).select_from(Document))
            (coding,) = codings_for_document(ours, document_id=doc)
            marks = ours.scalar(select(func.count()).select_from(ReviewMark))
            comments = ours.scalar(select(func.count()).select_from(Comment))
        assert report.added["documents"] == 1 and n_docs == 2
        assert coding.coder == "budi" and coding.snippet == "Warga"
        assert (marks, comments) == (0, 0)
    finally:
        mine.close()
        other.close()
