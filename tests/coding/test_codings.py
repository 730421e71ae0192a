"""Applying, updating, removing and restoring codings on a real project file."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.coding.codings import (
    NewCoding,
    apply_code,
    apply_codes,
    codings_for_document,
    remove_codings,
    restore_codings,
    update_coding,
)
from app.coding.errors import InvalidSpan, NotFound
from app.models.project import Project, open_project
from app.models.schema import Code, Codebook, Document

TEXT = "Peneliti: Bagaimana awalnya?\nInforman: Kami rembuk warga 🌊 dulu — “bersama-sama”."


def _setup(session: Session) -> tuple[int, int, int]:
    book = Codebook(key="uji", name_id="Uji", name_en="Test")
    session.add(book)
    session.flush()
    a = Code(codebook_id=book.id, key="uji/a", name_id="A", name_en="A")
    b = Code(codebook_id=book.id, key="uji/b", name_id="B", name_en="B")
    doc = Document(
        name="wawancara.txt",
        original_filename="wawancara.txt",
        format="txt",
        content_hash="x",
        text=TEXT,
        length=len(TEXT),
    )
    session.add_all([a, b, doc])
    session.commit()
    return doc.id, a.id, b.id


def test_snippet_is_the_exact_code_point_slice_after_an_emoji(project: Project) -> None:
    start = TEXT.index("dulu")
    end = TEXT.index("”") + 1
    with project.session() as s:
        doc, a, _ = _setup(s)
        changes = apply_code(s, document_id=doc, code_id=a, start=start, end=end, coder="Ani")
    assert changes.added[0].snippet == TEXT[start:end] == "dulu — “bersama-sama”"
    assert changes.documents == {doc}
    # Durable: visible from a fresh connection to the file.
    project.close()
    reopened = open_project(project.path)
    with reopened.session() as s:
        (stored,) = codings_for_document(s, document_id=doc)
    reopened.close()
    assert (stored.start, stored.end, stored.snippet, stored.coder) == (
        start,
        end,
        TEXT[start:end],
        "Ani",
    )


def test_overlaps_are_kept_and_exact_duplicates_skipped(project: Project) -> None:
    with project.session() as s:
        doc, a, b = _setup(s)
        first = apply_codes(
            s,
            coder="Ani",
            codings=[NewCoding(doc, a, 0, 20), NewCoding(doc, b, 10, 30), NewCoding(doc, a, 0, 20)],
        )
        again = apply_code(s, document_id=doc, code_id=a, start=0, end=20, coder="Ani")
        other_coder = apply_code(s, document_id=doc, code_id=a, start=0, end=20, coder="Budi")
        rows = codings_for_document(s, document_id=doc)
    assert len(first.added) == 2 and first.skipped == 1
    assert again.added == () and again.skipped == 1
    assert len(other_coder.added) == 1
    assert [(c.code_id, c.start, c.end, c.coder) for c in rows] == [
        (a, 0, 20, "Ani"),
        (a, 0, 20, "Budi"),
        (b, 10, 30, "Ani"),
    ]


@pytest.mark.parametrize(("start", "end"), [(-1, 4), (5, 5), (6, 2), (0, len(TEXT) + 1)])
def test_bad_spans_write_nothing(project: Project, start: int, end: int) -> None:
    with project.session() as s:
        doc, a, b = _setup(s)
        with pytest.raises(InvalidSpan):
            apply_codes(
                s,
                coder="Ani",
                codings=[NewCoding(doc, b, 0, 3), NewCoding(doc, a, start, end)],
            )
        assert codings_for_document(s, document_id=doc) == ()


def test_unknown_code_is_refused(project: Project) -> None:
    with project.session() as s:
        doc, _, _ = _setup(s)
        with pytest.raises(NotFound):
            apply_code(s, document_id=doc, code_id=999, start=0, end=3, coder="Ani")
        assert codings_for_document(s, document_id=doc) == ()


def test_remove_then_restore_gives_back_the_same_codings(project: Project) -> None:
    with project.session() as s:
        doc, a, b = _setup(s)
        apply_codes(s, coder="Ani", codings=[NewCoding(doc, a, 0, 8), NewCoding(doc, b, 2, 9)])
        (first, second) = codings_for_document(s, document_id=doc)
        update_coding(s, coding_id=first.id, memo="kutipan kunci", illustrative=True)
        before = codings_for_document(s, document_id=doc)
        removed = remove_codings(s, coding_ids=[first.id, second.id])
        assert codings_for_document(s, document_id=doc) == ()
        restore_codings(s, codings=removed.removed)
        after = codings_for_document(s, document_id=doc)
    assert after == before
    assert after[0].memo == "kutipan kunci" and after[0].illustrative


def test_update_span_refreshes_snippet_and_reports_before(project: Project) -> None:
    with project.session() as s:
        doc, a, b = _setup(s)
        (coding,) = apply_code(s, document_id=doc, code_id=a, start=0, end=8, coder="Ani").added
        changes = update_coding(s, coding_id=coding.id, start=10, end=18, code_id=b)
    assert changes.before[0].snippet == TEXT[0:8]
    assert changes.updated[0].snippet == TEXT[10:18]
    assert changes.updated[0].code_id == b
    assert changes.codes == {a, b}
