"""A merged copy cannot put words in an informant's mouth: the quote of every coding it brings
is cut from the document's text (never taken from the other file), a document is matched by
the hash of its real text (never by the hash the file states), and a coding outside its
document's text refuses the whole merge, leaving ours byte for byte as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from _study import Study, build, refused_merge

from app.cli import main
from app.coding.codings import apply_code, codings_for_document
from app.coding.documents import get_document_text, list_documents
from app.coding.errors import NUL_CHARACTER, SPAN_OUTSIDE
from app.coding.merge import merge_project_file
from app.models.project import Project, open_project


@pytest.fixture
def copies(project: Project, tmp_path: Path) -> tuple[Path, Path, Study]:
    """Ours, and the supervisor's copy holding one more coding of hers (id = max)."""
    with project.session() as s:
        study = build(s)
    project.close()
    theirs = tmp_path / "salinan pembimbing.telaah"
    shutil.copy(project.path, theirs)
    other = open_project(theirs)
    try:
        with other.session() as s:
            apply_code(
                s, document_id=study.docs[0], code_id=study.other, start=200, end=260,
                coder="pembimbing",
            )  # fmt: skip
    finally:
        other.close()
    return project.path, theirs, study


def _sql(path: Path, statement: str, *args: object) -> None:
    """Edit the file behind Telaah's back, as another program could."""
    con = sqlite3.connect(path)
    try:
        con.execute(statement, args)
        con.commit()
    finally:
        con.close()


def _merge(ours: Path, theirs: Path) -> None:
    project = open_project(ours)
    try:
        with project.session() as s:
            merge_project_file(s, path=theirs, this_file=ours)
    finally:
        project.close()


def test_a_doctored_quote_is_cut_again_from_the_text(copies: tuple[Path, Path, Study]) -> None:
    ours, theirs, study = copies
    _sql(
        theirs,
        "UPDATE codings SET snippet = ? WHERE id = (SELECT max(id) FROM codings)",
        "Kami selalu dibantu pemerintah desa.",
    )
    _merge(ours, theirs)
    project = open_project(ours)
    try:
        with project.session() as s:
            text = get_document_text(s, name="INF09_Sulastri_PKK.txt")
            brought = [
                c
                for c in codings_for_document(s, document_id=study.docs[0])
                if c.coder == "pembimbing"
            ]
    finally:
        project.close()
    assert [(c.start, c.end) for c in brought] == [(200, 260)]
    assert brought[0].snippet == text[200:260]
    assert "selalu dibantu" not in brought[0].snippet


def test_a_changed_text_under_our_hash_comes_in_as_its_own_document(
    copies: tuple[Path, Path, Study],
) -> None:
    ours, theirs, study = copies
    con = sqlite3.connect(theirs)
    (original,) = con.execute(
        "SELECT text FROM documents WHERE id = ?", (study.docs[0],)
    ).fetchone()
    con.close()
    changed = original.replace("a", "o", 40)  # same length, same stated hash
    _sql(theirs, "UPDATE documents SET text = ? WHERE id = ?", changed, study.docs[0])
    _merge(ours, theirs)
    project = open_project(ours)
    try:
        with project.session() as s:
            names = [d.name for d in list_documents(s)]
            assert get_document_text(s, name="INF09_Sulastri_PKK.txt") == original
            assert get_document_text(s, name="INF09_Sulastri_PKK.txt (2)") == changed
            ours_codings = codings_for_document(s, document_id=study.docs[0])
    finally:
        project.close()
    assert "INF09_Sulastri_PKK.txt (2)" in names
    # the supervisor's new coding went with her text, not onto ours
    assert not [c for c in ours_codings if c.coder == "pembimbing"]


# (start >= 0 and end > start are the table's own CHECK, which no edit gets past)
@pytest.mark.parametrize(("start", "end"), [(0, 10_000_000), (9_000_000, 9_000_010)])
def test_a_coding_outside_its_text_refuses_the_merge(
    copies: tuple[Path, Path, Study], start: int, end: int, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, theirs, _study = copies
    _sql(
        theirs,
        'UPDATE codings SET start = ?, "end" = ? WHERE id = (SELECT max(id) FROM codings)',
        start,
        end,
    )
    before = ours.read_bytes()
    refused = refused_merge(ours, theirs)
    assert (refused.field, refused.detail) == ("coding", SPAN_OUTSIDE)
    assert main(["merge", str(ours), str(theirs)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "lies outside its document's text" in err[0], err
    assert ours.read_bytes() == before


def test_a_new_source_keeps_its_kind_title_and_date_and_a_finding_comes_with_its_code(
    project: Project, tmp_path: Path
) -> None:
    """The supervisor's copy has a news article the student's has not, and wrote the finding
    of a code: both arrive whole (the triangulation columns and chapter IV cite them)."""
    from datetime import date

    from app.coding.documents import import_files
    from app.coding.findings import set_finding
    from app.coding.sources import document_sources, set_document_source
    from app.models.schema import Code

    with project.session() as s:
        study = build(s)
    project.close()
    theirs = tmp_path / "salinan pembimbing.telaah"
    shutil.copy(project.path, theirs)
    article = tmp_path / "Berita Lumbung.txt"
    article.write_text("Warga desa membangun lumbung bersama.\n", encoding="utf-8")
    other = open_project(theirs)
    try:
        with other.session() as s:
            (doc,) = import_files(s, paths=[article]).imported
            set_document_source(
                s, document_id=doc.id, source_type="news", title="Kompas, 3 Mei",
                source_date=date(2024, 5, 3),
            )  # fmt: skip
            set_finding(s, code_id=study.child, text="Kepercayaan tumbuh dari rapat rutin.")
    finally:
        other.close()
    _merge(project.path, theirs)
    project = open_project(project.path)
    try:
        with project.session() as s:
            sources = {src.name: src for src in document_sources(s).values()}
            finding = s.get(Code, study.child).finding  # type: ignore[union-attr]
    finally:
        project.close()
    brought = sources["Berita Lumbung.txt"]
    assert (brought.source_type, brought.title, brought.source_date) == (
        "news", "Kompas, 3 Mei", date(2024, 5, 3),
    )  # fmt: skip
    assert finding == "Kepercayaan tumbuh dari rapat rutin."


# Edits another program could make to the copy, each of which must refuse the whole merge.
TAMPERED = [
    ("a memo past its limit behind a NUL (SQLite's length() stops at a NUL)",
     "UPDATE codings SET memo = 'a' || char(0) || ? WHERE id = (SELECT max(id) FROM codings)",
     ("x" * 200_000,), NUL_CHARACTER),
    ("a NUL in a document's text", "UPDATE documents SET text = text || char(0) || ? "
     "WHERE id = (SELECT min(id) FROM documents)", ("akhir",), NUL_CHARACTER),
    ("a paragraph past the text", 'UPDATE segments SET "end" = 9000000 '
     "WHERE id = (SELECT min(id) FROM segments)", (), SPAN_OUTSIDE),
    ("a case link with half a span", "UPDATE document_cases SET start = 3, \"end\" = NULL",
     (), SPAN_OUTSIDE),
    ("a case link past the text", 'UPDATE document_cases SET start = 0, "end" = 9000000',
     (), SPAN_OUTSIDE),
    ("a position that is not a whole number", "UPDATE codings SET start = 1.5 "
     "WHERE id = (SELECT max(id) FROM codings)", (), SPAN_OUTSIDE),
]  # fmt: skip


@pytest.mark.parametrize(
    ("why", "statement", "args", "detail"), TAMPERED, ids=[t[0] for t in TAMPERED]
)
def test_a_tampered_copy_is_refused_and_ours_is_unchanged(  # type: ignore[no-untyped-def]
    copies: tuple[Path, Path, Study], why: str, statement: str, args: tuple, detail: str
) -> None:
    ours, theirs, _study = copies
    _sql(theirs, statement, *args)
    refused = refused_merge(ours, theirs)
    assert refused.detail == detail, why
    assert len(refused.value) < 100
