"""Importing files into a project: all or nothing per file, nothing on cancel, text kept."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from _import_files import PdfWriter, write_docx

from app.coding.documents import (
    document_segments,
    get_document_text,
    import_files,
    list_documents,
)
from app.coding.errors import Cancelled, DuplicateName, InvalidValue, NotFound, UnsupportedFile
from app.models.project import Project
from app.models.schema import Document

Dump = Callable[[Path], Any]


def write_txt(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def files(tmp_path: Path, qt_pdf: PdfWriter) -> list[Path]:
    folder = tmp_path / "Transkrip Lapangan"
    folder.mkdir()
    return [
        write_docx(
            folder / "Wawancara Bu Siti — Pantai Indah.docx",
            [
                "Peneliti: Bagaimana awalnya?",
                "Bu Siti: Dari rapat RW.",
                "Peneliti: Lalu?",
                "Bu Siti: Kami iuran beras… 😊",
                "Itu sudah jalan setahun.",
            ],
        ),
        write_txt(
            folder / "INF07_Rizky_BPBD.txt",
            "[00:00:10] P: Grup WhatsApp itu dibuat kapan?\r\n"
            "[00:00:15] I: Setelah banjir 2022 – “cepat”.\r\n",
            "cp1252",
        ),
        qt_pdf(
            folder / "INF06 Yohana.pdf", ["Peneliti: Siapa kadernya?", "Informan: Ibu-ibu PKK."]
        ),
    ]


def test_import_stores_text_paragraphs_and_turns(project: Project, files: list[Path]) -> None:
    with project.session() as session:
        result = import_files(session, paths=files)
    assert result.failed == ()
    assert [d.name for d in result.imported] == [
        "Wawancara Bu Siti — Pantai Indah.docx",
        "INF07_Rizky_BPBD.txt",
        "INF06 Yohana.pdf",
    ]
    assert [(d.paragraphs, d.turns) for d in result.imported] == [(5, 4), (2, 2), (2, 2)]
    with project.session() as session:
        text = get_document_text(session, name="Wawancara Bu Siti — Pantai Indah.docx")
        assert text == (
            "Peneliti: Bagaimana awalnya?\n\nBu Siti: Dari rapat RW.\n\nPeneliti: Lalu?\n\n"
            "Bu Siti: Kami iuran beras… 😊\n\nItu sudah jalan setahun."
        )
        doc_id = result.imported[0].id
        paragraphs = document_segments(session, document_id=doc_id, kind="paragraph")
        assert [text[p.start : p.end] for p in paragraphs] == text.split("\n\n")
        turns = document_segments(session, document_id=doc_id, kind="turn")
        assert [(t.speaker, text[t.start : t.end]) for t in turns][-1] == (
            "Bu Siti",
            "Bu Siti: Kami iuran beras… 😊\n\nItu sudah jalan setahun.",
        )
        txt_turns = document_segments(session, document_id=result.imported[1].id, kind="turn")
        assert [(t.speaker, t.timestamp) for t in txt_turns] == [
            ("P", "00:00:10"),
            ("I", "00:00:15"),
        ]
        stored = session.get(Document, doc_id)
        assert stored is not None
        assert stored.original_filename == str(files[0])
        assert stored.length == len(text) == result.imported[0].length
        assert stored.content_hash == hashlib.sha256(text.encode()).hexdigest()
        txt = session.get(Document, result.imported[1].id)
        assert txt is not None and (txt.format, txt.encoding) == ("txt", "cp1252")
        listed = list_documents(session)
        assert [(d.name, d.format) for d in listed] == [
            ("INF06 Yohana.pdf", "pdf"),
            ("INF07_Rizky_BPBD.txt", "txt"),
            ("Wawancara Bu Siti — Pantai Indah.docx", "docx"),
        ]


def test_a_broken_file_fails_alone(project: Project, files: list[Path], tmp_path: Path) -> None:
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"%PDF-1.4\nsetengah")
    with project.session() as session:
        result = import_files(session, paths=[files[0], broken, files[1]])
        assert [d.name for d in result.imported] == [files[0].name, files[1].name]
        assert [f.path for f in result.failed] == [broken]
        error = result.failed[0].error
        assert isinstance(error, UnsupportedFile) and error.reason == "truncated"
        assert len(list_documents(session)) == 2


def test_all_or_nothing_leaves_the_project_unchanged(
    project: Project, files: list[Path], tmp_path: Path, dump: Dump
) -> None:
    with project.session() as session:
        import_files(session, paths=[files[0]])
    before = dump(project.path)
    empty = tmp_path / "kosong.docx"
    empty.write_bytes(b"")
    with project.session() as session, pytest.raises(UnsupportedFile) as caught:
        import_files(session, paths=[files[1], empty, files[2]], all_or_nothing=True)
    assert caught.value.reason == "empty"
    assert dump(project.path) == before


def test_cancel_after_the_first_file_writes_nothing(
    project: Project, files: list[Path], dump: Dump
) -> None:
    before = dump(project.path)

    class CancelAfterFirstFile:
        def __init__(self) -> None:
            self.reports: list[tuple[int, int, str]] = []

        def report(self, done: int, total: int, label: str = "") -> None:
            self.reports.append((done, total, label))

        def is_cancelled(self) -> bool:
            return any(done >= 1 for done, _, _ in self.reports)

    sink = CancelAfterFirstFile()
    with project.session() as session, pytest.raises(Cancelled):
        import_files(session, paths=files, progress=sink)
    assert sink.reports[:2] == [(0, 3, files[0].name), (1, 3, files[1].name)]
    assert dump(project.path) == before


def test_progress_counts_files(project: Project, files: list[Path]) -> None:
    seen: list[tuple[int, int]] = []

    class Sink:
        def report(self, done: int, total: int, label: str = "") -> None:
            seen.append((done, total))

        def is_cancelled(self) -> bool:
            return False

    with project.session() as session:
        import_files(session, paths=files, progress=Sink())
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_names_already_in_the_project_or_the_batch_fail(
    project: Project, files: list[Path], tmp_path: Path
) -> None:
    other = write_txt(tmp_path / "lain.txt", "Catatan lapangan kedua.")
    with project.session() as session:
        import_files(session, paths=[files[1]])
        result = import_files(
            session,
            paths=[files[1], other, files[0]],
            names=["INF07_Rizky_BPBD.txt", "Catatan", "Catatan"],
        )
        assert [d.name for d in result.imported] == ["Catatan"]
        assert [type(f.error) for f in result.failed] == [DuplicateName, DuplicateName]
        assert get_document_text(session, name="Catatan") == "Catatan lapangan kedua."
        with pytest.raises(DuplicateName):
            import_files(session, paths=[other], names=["Catatan"], all_or_nothing=True)


def test_lookups_of_unknown_documents(project: Project) -> None:
    with project.session() as session:
        with pytest.raises(NotFound):
            get_document_text(session, name="tidak ada.docx")
        with pytest.raises(NotFound):
            document_segments(session, document_id=999, kind="turn")
        with pytest.raises(InvalidValue):
            document_segments(session, document_id=1, kind="kalimat")
        with pytest.raises(InvalidValue):
            import_files(session, paths=[Path("a.txt")], names=["a", "b"])
        assert list_documents(session) == ()


def test_remove_and_restore_documents_exactly(project, tmp_path, dump) -> None:  # type: ignore[no-untyped-def]
    from app.coding.cases import create_case, link_document
    from app.coding.codings import apply_code
    from app.coding.documents import import_files, remove_documents, restore_documents
    from app.coding.search import search
    from app.models.schema import Code, Codebook

    source = tmp_path / "wawancara ulang.txt"
    source.write_text("Peneliti: Apa kabar?\n\nInforman: Baik, kami rembuk warga 🌊.", "utf-8")
    with project.session() as s:
        (doc,) = import_files(s, paths=[source]).imported
        book = Codebook(key="uji", name_id="Uji", name_en="Test")
        s.add(book)
        s.flush()
        code = Code(codebook_id=book.id, key="uji/a", name_id="A", name_en="A")
        s.add(code)
        s.commit()
        apply_code(s, document_id=doc.id, code_id=code.id, start=22, end=40, coder="Ani")
        case = create_case(s, name="Informan 1")
        link_document(s, case_id=case.id, document_id=doc.id)

    def content():  # type: ignore[no-untyped-def]
        return [(t, r) for t, r in dump(project.path) if not t.startswith("documents_fts")]

    before = content()
    with project.session() as s:
        snapshot = remove_documents(s, document_ids=[doc.id])
        assert search(s, query="rembuk warga") == ()
        restore_documents(s, snapshot=snapshot)
        assert [h.document for h in search(s, query="rembuk warga")] == ["wawancara ulang.txt"]
    assert content() == before
