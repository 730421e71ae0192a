"""Reads while the team server is stopped (a real server, really stopped mid-session): no
click, filter, jump, dialog or change delivery raises; the views keep their last content and
the banner shows; after the restart the next read works."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog

from app.coding.changes import Changes, Kind
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.codings import NewCoding, apply_codes
from app.coding.documents import import_files
from app.coding.workbench_queries import list_code_rows
from app.models.project import create_project
from tests.ui.test_server_gone import own_server

SAMPLES = Path(__file__).resolve().parents[2] / "sample_transcripts"
FILES = ("INF09_Sulastri_PKK.txt", "INF10_Nur_Aini_warga.txt")

__all__ = ["own_server"]  # the fixture: a server of this test alone


def _study(url: str) -> list[int]:
    """Two transcripts, putnam, two coded codes (their ids returned), each once per document."""
    project = create_project(url)
    with project.session() as s:
        docs = import_files(s, paths=[SAMPLES / f for f in FILES]).imported
        install_codebook(s, spec=load_bundled_codebook("putnam"))
        codes = [c.id for c in list_code_rows(s)]
        apply_codes(
            s,
            codings=[
                NewCoding(d.id, codes[k], 20 + 60 * k, 50 + 60 * k) for d in docs for k in (1, 2)
            ],
            coder="siti",
        )
    project.close()
    return [0, codes[1], codes[2]]


def test_reads_keep_the_views_while_the_server_is_stopped(qtbot, own_server, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window
    from app.ui.language import apply_language

    url, folder = own_server
    pgserver = sys.modules["telaah_pgserver"]
    codes = _study(url)
    apply_language("en")
    win = open_window(url)
    qtbot.addWidget(win)
    win.resize(1100, 650)
    win.show()
    qtbot.waitExposed(win)
    opened: list[QDialog] = []
    monkeypatch.setattr(QDialog, "open", lambda self: opened.append(self))
    try:
        first, second = (r.id for r in win.documents.rows)
        win.open_document(first)
        win.tree.select_code(codes[1])
        shown_text = win.view.toPlainText()
        analysis = win.companions.show_analysis()  # the analysis window, open beside it
        qtbot.waitExposed(analysis)
        summary_rows = analysis.summary_model.rowCount()
        assert summary_rows > 0
        excerpts = win.excerpt_model.rowCount()
        assert excerpts == 2
        documents = win.documents.rowCount()

        pgserver.control(folder, "stop")
        # the very first read notices the server is gone (before the 5 s check does)
        win.doc_list.setCurrentIndex(win.documents.index(1, 0))
        qtbot.waitUntil(win.server_banner.isVisible, timeout=8000)
        assert win.view.document_id == first and win.view.toPlainText() == shown_text

        # every read path while the banner shows: nothing raises, nothing is emptied
        win.tree.select_code(codes[2])  # the excerpts of another code
        win.excerpts.coder.setCurrentIndex(win.excerpts.coder.findData("siti"))  # a filter
        win.speaker_box.setCurrentIndex(win.speaker_box.count() - 1)  # a speaker
        win.excerpts.jumpRequested.emit(second, 5, 9)  # a jump to another document
        win._search("warga", False)
        win.ctx.broadcast(Changes(kinds=frozenset(Kind), remote=True))  # a change arrives
        win.show_cases()
        win.show_settings()
        win.edit_document_source(first)
        win.excerpt_model.data(win.excerpt_model.index(0, 0))  # painting an excerpt
        analysis.refresh()  # the analysis window's summary, matrix and charts
        analysis.columns_combo.setCurrentIndex(analysis.columns_combo.count() - 1)
        assert analysis.summary_model.rowCount() == summary_rows
        qtbot.wait(200)
        assert win.view.document_id == first and win.view.toPlainText() == shown_text
        assert win.excerpt_model.rowCount() == excerpts
        assert win.documents.rowCount() == documents
        assert win.codes.rowCount() > 0
        assert opened == []  # no dialog over data it could not read

        pgserver.control(folder, "start")
        qtbot.waitUntil(lambda: not win.server_banner.isVisible(), timeout=10000)
        # the refresh on reconnecting shows what the panels ask for (the code chosen meanwhile)
        assert win.excerpt_model.code_id == codes[2]
        assert [e.code_id for e in win.excerpt_model.rows] == [codes[2], codes[2]]
        win.doc_list.setCurrentIndex(win.documents.index(0, 0))
        win.doc_list.setCurrentIndex(win.documents.index(1, 0))
        assert win.view.document_id == second
        assert "Nur Aini" in win.view.toPlainText()
        win.show_cases()
        assert len(opened) == 1
        analysis.refresh()
        assert analysis.summary_model.rowCount() == summary_rows
    finally:
        for dialog in opened:
            dialog.close()
        win.close()
