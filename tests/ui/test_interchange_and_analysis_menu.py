"""Project menu: REFI-QDA exchange in the background; Analysis menu opens the analysis view."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.models.project import open_project


def _count(path: Path, sql: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(sql).fetchone()[0])
    finally:
        con.close()


def test_qdpx_export_then_import_as_new_project(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "untuk pembimbing.qdpx"
    task = window.interchange.export_qdpx(out)
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    assert out.is_file()
    assert "untuk pembimbing.qdpx" in window.statusBar().currentMessage()

    target = tmp_path / "dari nvivo.telaah"
    task = window.interchange.import_qdpx(out, target)
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    source = window.ctx.project.path
    assert _count(target, "SELECT count(*) FROM codings") == _count(
        source, "SELECT count(*) FROM codings"
    )
    assert _count(target, "SELECT count(*) FROM documents") == 3
    report = window.findChild(object, "qdpxImportReport")
    assert report is not None and str(target) in report.text()
    open_project(target).close()  # a valid project file


def test_hostile_qdpx_shows_a_message_and_writes_nothing(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import zipfile

    from app.ui import tasks as window_module

    bad = tmp_path / "jahat.qdpx"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("../../keluar.txt", "x")
        z.writestr("project.qde", "<Project/>")
    shown: list[str] = []
    monkeypatch.setattr(window_module, "show_error", lambda _p, exc: shown.append(str(exc)))
    target = tmp_path / "hasil.telaah"
    task = window.interchange.import_qdpx(bad, target)
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    assert shown and "jahat.qdpx" in shown[0]
    assert not target.exists()


def test_qdc_round_trip_is_undoable(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "putnam.qdc"
    assert window.interchange.export_qdc(out, codebook_key="putnam")
    books_before = _count(window.ctx.project.path, "SELECT count(*) FROM codebooks")
    # Imported under the file name as a new codebook beside the original.
    renamed = tmp_path / "modal sosial tim.qdc"
    renamed.write_bytes(out.read_bytes())
    assert window.interchange.import_qdc(renamed)
    assert _count(window.ctx.project.path, "SELECT count(*) FROM codebooks") == books_before + 1
    window.find_action("actionUndo").trigger()
    assert _count(window.ctx.project.path, "SELECT count(*) FROM codebooks") == books_before
    window.find_action("actionRedo").trigger()
    assert _count(window.ctx.project.path, "SELECT count(*) FROM codebooks") == books_before + 1


def test_analysis_menu_opens_view_that_jumps_to_source(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.find_action("actionOpenAnalysis").trigger()
    view = window.companions.analysis_window
    assert view is not None and view.isVisible()
    doc = window.documents.rows[-1].id
    view.jumpRequested.emit(doc, 10, 30)
    assert window.view.document_id == doc
    assert window.view.selection_span() == (10, 30)
    window.find_action("actionOpenAnalysis").trigger()
    assert window.companions.analysis_window is view  # one analysis window per project window


def test_opening_takes_the_days_backup_once(qtbot, study_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window
    from app.models.backup import list_backups

    first = open_window(study_path)
    qtbot.addWidget(first)
    first.close()
    second = open_window(study_path)
    qtbot.addWidget(second)
    second.close()
    backups = list_backups(study_path)
    assert len(backups) == 1 and backups[0].name.endswith("-daily.telaah")


def test_coder_is_asked_once_and_remembered(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QInputDialog

    from app.ui.startup import ask_coder_once

    QSettings().remove("coder")
    asked: list[str] = []

    def fake_get_text(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(args[1]))
        return " Bu Siti ", True

    monkeypatch.setattr(QInputDialog, "getText", fake_get_text)
    assert ask_coder_once() == "Bu Siti"
    assert ask_coder_once() == "Bu Siti"
    assert asked == ["Who is working?"]


def test_changing_my_name_applies_to_new_codings(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Dr. Yuni (pembimbing)", True))
    window.find_action("actionChangeCoder").trigger()
    assert window.ctx.coder == "Dr. Yuni (pembimbing)"
    assert QSettings().value("coder") == "Dr. Yuni (pembimbing)"
    assert "Dr. Yuni" in window.acts.coder_label.text()
    window.bottom_tabs.setCurrentWidget(window.review_panel)  # a hidden panel follows when shown
    assert "Dr. Yuni" in window.review_panel.reviewer_label.text()


def test_menu_actions_ask_for_files_then_exchange(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    out, target = tmp_path / "dari menu.qdpx", tmp_path / "hasil menu.telaah"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.find_action("actionExportQdpx").trigger()
    qtbot.waitUntil(lambda: not window.tasks, timeout=20000)
    assert out.is_file()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.find_action("actionImportQdpx").trigger()
    qtbot.waitUntil(lambda: not window.tasks, timeout=20000)
    assert _count(target, "SELECT count(*) FROM documents") == 3


def test_merge_another_copy_from_the_menu(qtbot, window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from PySide6.QtWidgets import QFileDialog
    from sqlalchemy import text

    from app.coding.codings import apply_code
    from app.models.backup import list_backups

    source = window.ctx.project.path
    copy = tmp_path / "salinan pembimbing.telaah"
    shutil.copy(source, copy)
    other = open_project(copy)
    with other.session() as s:
        doc = window.documents.rows[0].id
        code = s.execute(text("SELECT min(id) FROM codes")).scalar()
        apply_code(s, document_id=doc, code_id=code, start=0, end=12, coder="pembimbing")
    other.close()
    before = _count(source, "SELECT count(*) FROM codings")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    window.find_action("actionMergeCopy").trigger()
    qtbot.waitUntil(lambda: not window.tasks, timeout=20000)
    assert _count(source, "SELECT count(*) FROM codings") == before + 1
    report = window.findChild(object, "mergeReport")
    assert report is not None and "salinan pembimbing.telaah" in report.text()
    assert any(p.name.endswith("-merge.telaah") for p in list_backups(source))
    # The merged coding shows at once in the open transcript.
    assert any(s.start == 0 and s.end == 12 for s in window.view.index.spans.values())


def test_the_import_report_names_each_skipped_coding(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "coding"))
    from refiqda_data import skips_qdpx

    task = window.interchange.import_qdpx(skips_qdpx(tmp_path / "lewat.qdpx"), tmp_path / "l")
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    report = window.findChild(object, "qdpxImportReport")
    assert report is not None
    text = report.text()
    assert "coding “INF04” (code “Posko”, positions " in text
    assert "“posko banjir”): The same code on the same passage by the same coder is in" in text
    assert "(code “Dapur umum”, positions 10–10 in the file): The coding selects no text" in text
    assert "duplicate" not in text and "empty-span" not in text  # sentences, not keys


def test_the_import_report_says_why_in_sentences_and_never_prints_a_record(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "coding"))
    from refiqda_data import warns_qdpx

    task = window.interchange.import_qdpx(warns_qdpx(tmp_path / "w.qdpx"), tmp_path / "w")
    with qtbot.waitSignal(task.ended, timeout=20000):
        pass
    report = window.findChild(object, "qdpxImportReport")
    assert report is not None
    text = report.text()
    assert "Skipped(" not in text and "reason=" not in text, text
    skipped, warned = text.split("Imported, with a warning:")
    assert "• source “Foto balai”: Pictures are not imported" in skipped
    assert "• sets “Sets”: Sets are not imported" in skipped
    assert "• source “Rapat.docx”: The text of this source was read from its Word file" in warned
    assert not any(key in text for key in ("picture-source", "positions-approximate", ": sets"))


def test_a_refused_merge_says_why_and_leaves_no_backup_behind(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    import shutil
    import sqlite3

    from PySide6.QtWidgets import QFileDialog

    from app.models.backup import list_backups

    source = window.ctx.project.path
    copy = tmp_path / "salinan rusak.telaah"
    shutil.copy(source, copy)
    con = sqlite3.connect(copy)
    con.execute("UPDATE codes SET name_id = ? WHERE id = (SELECT min(id) FROM codes)", ("x" * 201,))
    con.commit()
    con.close()
    backups = set(list_backups(source))
    before = _count(source, "SELECT count(*) FROM codings")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    window.find_action("actionMergeCopy").trigger()
    qtbot.waitUntil(lambda: not window.tasks, timeout=20000)
    qtbot.waitUntil(lambda: window.findChild(object, "errorMessage") is not None, timeout=5000)
    message = window.findChild(object, "errorMessage").text()
    assert "The other copy was not merged" in message and "longer than 200" in message
    assert set(list_backups(source)) == backups  # no copy of an unchanged file left behind
    assert _count(source, "SELECT count(*) FROM codings") == before
