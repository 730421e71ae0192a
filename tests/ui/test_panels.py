"""Search and code-all-hits, import with progress and Cancel, cases, speaker filter, safety."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableView

from app.coding.errors import Cancelled
from app.coding.progress import Progress
from app.coding.search import search
from app.coding.workbench_queries import document_text
from app.models.backup import backup_project, list_backups
from app.models.project import ProjectDamaged, create_project, open_project
from app.ui.startup import newest_backup
from app.ui.tasks import Task

SAMPLE = Path(__file__).resolve().parents[2] / "sample_transcripts" / "INF11_Yusuf_warga.txt"


def drag_event(cls, pos: QPointF, *args):  # type: ignore[no-untyped-def]
    """A drag event at ``pos`` (Qt 6.12 takes QPointF, earlier versions QPoint)."""
    try:
        return cls(pos, *args)
    except TypeError:
        return cls(pos.toPoint(), *args)


def count(path: Path, sql: str, *args: object) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(sql, args).fetchone()[0])
    finally:
        con.close()


def test_search_then_code_all_hits_is_one_undo_step(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.search_panel
    panel.query.setText("lumbung")
    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    results = window.findChild(QTableView, "searchResults")
    hits = results.model().rowCount()
    assert hits > 3
    assert "lumbung" in results.model().index(0, 1).data().lower()
    assert "hit" in panel.status.text()
    code = sorted(window.codes.order, key=window.codes.order.__getitem__)[3]
    window.tree.select_code(code)
    panel.unit.setCurrentIndex(panel.unit.findData("sentence"))
    before = count(study_path, "SELECT count(*) FROM codings WHERE code_id=?", code)
    with qtbot.waitSignal(window.undo_stack_changed_signal(), timeout=10_000):
        qtbot.mouseClick(panel.code_all, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks, timeout=10_000)
    added = count(study_path, "SELECT count(*) FROM codings WHERE code_id=?", code) - before
    assert 0 < added <= hits
    # sentences, not bare matches: every new coding is longer than the word
    assert count(
        study_path,
        'SELECT min("end"-start) FROM codings WHERE code_id=? AND id > '
        "(SELECT max(id) - ? FROM codings)",
        code,
        added,
    ) > len("lumbung")
    window.find_action("actionUndo").trigger()
    assert count(study_path, "SELECT count(*) FROM codings WHERE code_id=?", code) == before
    # double-click on a hit jumps to it
    results.doubleClicked.emit(results.model().index(hits - 1, 1))
    hit = results.model().rows[hits - 1]
    assert window.view.document_id == hit.document_id
    assert window.view.selected_text().lower() == "lumbung"


def test_search_hits_come_a_page_at_a_time_as_the_user_scrolls(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A common word shows its first page at once and the rest when scrolled to; in the
    end the list holds exactly the hits of a full search, in order."""
    panel = window.search_panel
    window.search.page_size = 3
    every = window.ctx.query(search, query="warga", context_chars=70)
    assert len(every) > 12
    panel.query.setText("warga")
    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    model = panel.model
    assert model.rowCount() == 3 and model.has_more()
    assert "more as you scroll" in panel.status.text()
    results = window.findChild(QTableView, "searchResults")
    for _ in range(len(every)):
        if not model.has_more():
            break
        results.scrollToBottom()
        qtbot.wait(5)
    assert model.rows == list(every)
    assert "more as you scroll" not in panel.status.text()
    assert panel.status.text().startswith(f"{len(every)} hit")
    # a new search starts again from its first page
    panel.query.setText("lumbung")
    qtbot.mouseClick(panel.go, Qt.MouseButton.LeftButton)
    assert model.rows[:3] == list(window.ctx.query(search, query="lumbung", limit=3,
                                                    context_chars=70))  # fmt: skip


def test_code_all_hits_names_its_code_and_can_skip_the_interviewer(  # type: ignore[no-untyped-def]
    window, study_path, qtbot
) -> None:
    panel = window.search_panel
    code = sorted(window.codes.order, key=window.codes.order.__getitem__)[3]
    window.tree.select_code(code)
    name = window.codes.name_of(code)
    assert panel.code_all.text() == f"Code all hits as «{name}»"
    panel.query.setText("lumbung")
    panel.unit.setCurrentIndex(panel.unit.findData("sentence"))
    panel.informants_only.setChecked(True)
    last = count(study_path, "SELECT coalesce(max(id), 0) FROM codings")
    with qtbot.waitSignal(window.undo_stack_changed_signal(), timeout=10_000):
        qtbot.mouseClick(panel.code_all, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.tasks, timeout=10_000)
    con = sqlite3.connect(study_path)
    try:
        rows = con.execute(
            "SELECT start, document_id FROM codings WHERE code_id=? AND id>?", (code, last)
        ).fetchall()
        asked = con.execute(
            "SELECT document_id, start, \"end\" FROM segments WHERE kind='turn' "
            "AND speaker IN ('Peneliti', 'P', 'Pewawancara')"
        ).fetchall()
    finally:
        con.close()
    assert rows and asked
    for start, doc in rows:  # none of the new codings lies in a question
        assert not any(d == doc and a <= start < b for d, a, b in asked)


def test_task_dialog_appears_after_half_a_second_and_cancels(qtbot) -> None:  # type: ignore[no-untyped-def]
    def slow(progress: Progress) -> int:
        for i in range(1000):
            if progress.is_cancelled():
                raise Cancelled()
            progress.report(i, 1000, f"file {i}")
            time.sleep(0.01)
        return 1

    task = Task(slow, title="Working")
    errors: list[object] = []
    task.error.connect(errors.append)
    started = time.monotonic()
    task.start()
    qtbot.wait(150)
    assert not task.dialog.isVisible()
    qtbot.waitUntil(task.dialog.isVisible, timeout=3000)
    assert time.monotonic() - started >= 0.45
    cancel = task.dialog.findChild(QPushButton)
    with qtbot.waitSignal(task.ended, timeout=5000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)


def test_import_cancel_writes_nothing(window, study_path, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "banyak"
    folder.mkdir()
    files = []
    for i in range(40):
        f = folder / f"wawancara_{i:02d}.txt"
        f.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
        files.append(f)
    docs = count(study_path, "SELECT count(*) FROM documents")
    task = window.importer.import_files(files)
    assert task is not None
    task.cancel()
    with qtbot.waitSignal(task.ended, timeout=20_000):
        pass
    assert count(study_path, "SELECT count(*) FROM documents") == docs
    assert window.documents.rowCount() == docs
    assert "Cancelled" in window.statusBar().currentMessage()


def test_import_lists_each_failure_with_a_reason(window, study_path, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "INF11 salinan.txt"
    good.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    odd = tmp_path / "rekaman.xyz"
    odd.write_bytes(b"\x00\x01")
    task = window.importer.import_files([good, empty, odd])
    with qtbot.waitSignal(task.ended, timeout=20_000):
        pass
    assert window.documents.rowCount() == 4
    from app.ui.dialogs.import_report import ImportReportDialog

    report = window.findChild(ImportReportDialog)
    assert report is not None and report.isVisible()
    rows = {report.model.index(r, 0).data(): report.model.index(r, 1).data() for r in range(2)}
    assert set(rows) == {"kosong.txt", "rekaman.xyz"}
    assert rows["kosong.txt"] == "The file is empty."
    assert "cannot be imported" in rows["rekaman.xyz"]
    report.close()


def test_drop_files_from_file_manager_imports_them(window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "catatan lapangan.txt"
    f.write_text("Catatan: rembuk warga 😀 di balai RW 05.\n\nWarga datang membawa beras.", "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    pos = QPointF(window.rect().center())
    actions, buttons = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    enter = drag_event(QDragEnterEvent, pos, actions, mime, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(
        window, QDropEvent(pos, actions, mime, buttons, Qt.KeyboardModifier.NoModifier)
    )
    qtbot.waitUntil(lambda: window.documents.rowCount() == 4, timeout=20_000)
    qtbot.waitUntil(lambda: not window.tasks, timeout=5000)
    # the new document opens; coding after the emoji stores code-point offsets
    assert window.view.toPlainText().startswith("Catatan")
    text = f.read_text("utf-8")
    start = text.index("balai RW 05")
    window.view.select_span(start, start + len("balai RW 05"))
    assert window.view.selected_text() == "balai RW 05"
    window.tree.select_code(next(iter(window.codes.order)))
    window.find_action("actionApplyCode").trigger()
    con = sqlite3.connect(window.ctx.project.path)
    row = con.execute('SELECT start, "end", snippet FROM codings ORDER BY id DESC').fetchone()
    con.close()
    assert row == (start, start + 11, "balai RW 05")


def test_speaker_filter_shows_one_speakers_turns(window) -> None:  # type: ignore[no-untyped-def]
    box = window.speaker_box
    assert box.count() >= 3  # all speakers + Q + A
    box.setCurrentIndex(box.findData("Q"))
    doc = window.view.document()
    shown = [b.text() for b in _blocks(doc) if b.isVisible() and b.text().strip()]
    hidden = [b.text() for b in _blocks(doc) if not b.isVisible()]
    assert shown and hidden
    assert all(t.startswith("Q:") for t in shown)
    box.setCurrentIndex(0)
    assert all(b.isVisible() for b in _blocks(doc))


def _blocks(doc):  # type: ignore[no-untyped-def]
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_cases_dialog_creates_case_sets_attribute_links_span(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.dialogs.cases import CasesDialog

    window.view.select_span(100, 400)
    window.show_cases()
    dialog = window.findChild(CasesDialog)
    assert dialog.isVisible() and dialog.model.rowCount() == 3
    dialog.case_name.setText("Pak Harun")
    dialog.case_alias.setText("Informan 13")
    qtbot.mouseClick(dialog.findChild(QPushButton, "createCase"), Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 4
    assert dialog.model.rows[dialog.table.currentIndex().row()].name == "Pak Harun"
    dialog.attr_name.setEditText("kelompok")
    dialog.attr_value.setText("elemen masyarakat")
    qtbot.mouseClick(dialog.findChild(QPushButton, "setAttribute"), Qt.MouseButton.LeftButton)
    col = dialog.model.attributes.index("kelompok") + 3
    assert dialog.model.index(dialog.table.currentIndex().row(), col).data() == "elemen masyarakat"
    qtbot.mouseClick(dialog.findChild(QPushButton, "linkSpan"), Qt.MouseButton.LeftButton)
    assert (
        count(study_path, 'SELECT count(*) FROM document_cases WHERE start=100 AND "end"=400') == 1
    )
    assert "Pak Harun" in window.documents.rows[0].cases
    for _ in range(3):
        window.find_action("actionUndo").trigger()
    assert count(study_path, "SELECT count(*) FROM cases") == 3
    assert dialog.model.rowCount() == 3
    dialog.close()


def test_cases_dialog_sets_the_informant_code_used_by_the_exports(  # type: ignore[no-untyped-def]
    window, study_path, qtbot, tmp_path
) -> None:
    from PySide6.QtWidgets import QLineEdit, QMessageBox

    from app.coding.exports.artefacts import export_informants
    from app.ui.dialogs.cases import CasesDialog

    window.show_cases()
    dialog = window.findChild(CasesDialog)
    model, column = dialog.model, dialog.model.CODE_COLUMN
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Informant code"
    derived = [model.index(r, column).data() for r in range(model.rowCount())]
    assert all(derived) and len(set(derived)) == len(derived)
    # A derived code is grey and the editor stays empty, naming it in its placeholder.
    dialog.table.selectRow(1)
    assert model.index(1, column).data(Qt.ItemDataRole.ForegroundRole) is not None
    edit = dialog.findChild(QLineEdit, "informantCode")
    assert edit.text() == "" and derived[1] in edit.placeholderText()
    qtbot.keyClicks(edit, "KEC1")
    qtbot.mouseClick(dialog.findChild(QPushButton, "setInformantCode"), Qt.MouseButton.LeftButton)
    assert model.index(1, column).data() == "KEC1"
    assert model.index(1, column).data(Qt.ItemDataRole.ForegroundRole) is None
    out = tmp_path / "informan.csv"
    with window.ctx.project.session() as s:
        export_informants(s, path=out, fmt="csv")
    assert "KEC1" in out.read_text(encoding="utf-8")
    # Another case cannot take the same code: said in a message, nothing changes.
    dialog.table.selectRow(0)
    edit.setText("kec1")
    qtbot.mouseClick(dialog.findChild(QPushButton, "setInformantCode"), Qt.MouseButton.LeftButton)
    error = dialog.findChild(QMessageBox, "errorMessage")
    assert error is not None and "kec1" in error.text()
    error.close()
    assert model.index(0, column).data() == derived[0]
    window.find_action("actionUndo").trigger()
    assert model.index(1, column).data() == derived[1]
    assert count(study_path, "SELECT count(*) FROM cases WHERE informant_code IS NOT NULL") == 0
    dialog.close()


def test_second_window_on_same_project_is_read_only(window, study_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window

    second = open_window(study_path)
    qtbot.addWidget(second)
    assert second.ctx.read_only
    assert "read-only" in second.banner.text() and not second.banner.isHidden()
    assert not second.find_action("actionApplyCode").isEnabled()
    second.close()
    window.close()
    third = open_window(study_path)
    qtbot.addWidget(third)
    assert not third.ctx.read_only
    third.close()


def test_damaged_project_can_be_replaced_by_its_newest_backup(tmp_path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window
    from app.ui.launcher import Launcher

    path = tmp_path / "tesis.telaah"
    create_project(path).close()
    backup_project(path, reason="manual")
    data = bytearray(path.read_bytes())
    data[100:4000] = b"\xff" * 3900
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectDamaged):
        open_project(path)
    backup = newest_backup(path)
    assert backup is not None
    answers: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: answers.append(text))
    launcher = Launcher(open_window)
    window = launcher.open_path(path)
    assert window is not None and answers == []
    window.close()  # deletes itself on close
    # the damaged file is kept aside byte for byte, the backup (checked) took its place
    (aside,) = (p for p in tmp_path.glob("tesis.telaah.damaged-*") if p.name[-1].isdigit())
    assert aside.read_bytes() == bytes(data)
    open_project(path).close()


def test_a_damaged_backup_is_not_restored_over_a_damaged_project(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window
    from app.ui.launcher import Launcher

    path = tmp_path / "tesis.telaah"
    create_project(path).close()
    backup = backup_project(path, reason="manual")
    broken = bytearray(path.read_bytes())
    broken[100:4000] = b"\xff" * 3900
    path.write_bytes(bytes(broken))
    backup.write_bytes(bytes(broken))  # the backup is damaged too
    answers: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: answers.append(text))
    assert Launcher(open_window).open_path(path) is None
    assert len(answers) == 1 and backup.name in answers[0]
    assert path.read_bytes() == bytes(broken)  # left as it was, nothing moved aside
    assert list(tmp_path.glob("*.damaged-*")) == [] and list_backups(path) == [backup]
    assert newest_backup(path) == backup  # never SQLite's -wal/-shm beside it


def test_import_is_undoable_and_redo_restores_it(window, study_path, tmp_path, qtbot, dump) -> None:  # type: ignore[no-untyped-def]
    def content():  # type: ignore[no-untyped-def]
        # The search index's internal pages may be laid out differently after a rebuild;
        # what it finds is checked below instead.
        return [(t, rows) for t, rows in dump(study_path) if not t.startswith("documents_fts")]

    before = content()
    f = tmp_path / "INF11 salinan.txt"
    f.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    task = window.importer.import_files([f])
    with qtbot.waitSignal(task.ended, timeout=20_000):
        pass
    assert window.documents.rowCount() == 4
    assert window.view.toPlainText() == window.ctx.query(
        document_text, document_id=window.view.document_id
    )
    imported = content()
    window.find_action("actionUndo").trigger()
    assert content() == before
    assert window.documents.rowCount() == 3
    assert window.view.document_id in {r.id for r in window.documents.rows}
    window.find_action("actionRedo").trigger()
    assert content() == imported
    assert window.documents.rowCount() == 4
    hits = window.ctx.query(search, query="Informan")
    assert "INF11 salinan.txt" in {h.document for h in hits}
