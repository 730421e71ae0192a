"""Writes have one door (``ProjectContext.execute``) and changes one stream (``changed``).

Two bugs came from having several: a read-only second window wrote cell summaries into the
project, and the memo panel kept showing (and tried to save) the memo of a deleted code.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.coding.analysis import CellKind
from app.coding.changes import Changes, Kind
from app.coding.codebook_files import bundled_codebook_dir
from app.coding.memos import get_memo
from app.models.lock import acquire_lock
from app.ui.dialogs.cases import CasesDialog

SAMPLES = Path(__file__).resolve().parents[2] / "sample_transcripts"
INF09 = "INF09_Sulastri_PKK.txt"


def _fingerprint(path: Path) -> str:
    """The project's bytes as SQLite keeps them: the file and its write-ahead log."""
    digest = hashlib.sha256(path.read_bytes())
    wal = Path(str(path) + "-wal")
    digest.update(wal.read_bytes() if wal.exists() else b"")
    return digest.hexdigest()


@pytest.fixture
def read_only(qtbot, study_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A second window on a project another window holds: it opens read-only."""
    from app.main import open_window

    lock = acquire_lock(study_path)  # the "other window"
    assert lock is not None
    win = open_window(study_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.ctx.read_only
    yield win
    win.close()
    lock.release()


def _editing_actions(win, tmp_path: Path) -> list[tuple[str, Callable[[], object]]]:  # type: ignore[no-untyped-def]
    """Every editing action of every window, called as the user's click would call it."""
    span = min(win.view.index.spans.values(), key=lambda s: s.start)
    coding = span.coding_id
    code, other = list(win.codes.codes)[:2]
    doc = win.view.document_id
    copy = tmp_path / "copy of study.telaah"
    shutil.copy(win.ctx.project.path, copy)

    def select() -> None:
        win.view.select_span(span.start, span.end)
        win.tree.select_code(code)

    def cases() -> None:
        win.show_cases()
        box = win.findChildren(CasesDialog)[-1]
        box.case_name.setText("Informan baru")
        box._create()
        box.table.selectRow(0)
        box.attr_name.setEditText("kelompok")
        box.attr_value.setText("lain")
        box._set_attribute()
        box._link(whole=True)
        box.close()

    def memo() -> None:
        win.memo_panel.editor.setPlainText("Catatan yang tidak boleh tersimpan")
        win.memo_panel.save()

    def review() -> None:
        panel = win.review_panel
        win.bottom_tabs.setCurrentWidget(panel)
        panel.open_group(0)
        panel.select_coding(coding)
        panel.mark_agreed()
        panel.mark_questioned()
        panel.clear_mark()
        panel.comment.setPlainText("Mengapa dikodekan begini?")
        panel.add_comment()

    def questions() -> None:
        q = win.questions
        win.bottom_tabs.setCurrentWidget(q)
        q.answer.setPlainText("Karena konteksnya.")
        q.answer_question()
        q.resolve_question()

    def analysis() -> None:
        view = win.companions.show_analysis()
        view.cells_combo.setCurrentIndex(view.cells_combo.findData(CellKind.SUMMARY))
        view.matrix_view.clicked.emit(view.matrix_model.index(0, 0))
        view.summary_edit.setPlainText("Ringkasan sel yang tidak boleh tersimpan")
        view.save_cell_summary()
        view.close()

    return [
        ("apply code", lambda: (select(), win.coding.apply_current())),
        ("quick code", lambda: (select(), win.coding.remember(code), win.coding.quick_code(1))),
        ("drop on a code", lambda: win._selection_dropped(code, doc, span.start, span.end)),
        ("in vivo", lambda: (select(), win.coding.in_vivo())),
        ("remove coding", lambda: win.coding.remove_coding(coding)),
        ("re-code", lambda: (win.tree.select_code(other), win.coding.recode(coding))),
        ("coding memo", lambda: win.coding_panel.memoSaved.emit(coding, "memo")),
        ("star", lambda: win.coding_panel.starToggled.emit(coding, True)),
        ("add code", lambda: win.editor.add_code(name_id="Kode baru")),
        ("edit code", lambda: win.editor.edit_code(code, name_id="Nama lain")),
        ("move code", lambda: win.editor.move_code(code, other)),
        ("merge codes", lambda: win.editor.merge(code, other)),
        ("delete code", lambda: win.editor.delete(code)),
        ("import codebook", lambda: win.editor.import_file(bundled_codebook_dir() / "cepiku.toml")),
        ("import .qdc", lambda: win.interchange.import_qdc(tmp_path / "none.qdc")),
        ("import documents", lambda: win.importer.import_files([SAMPLES / INF09])),
        ("merge a copy", lambda: win.merger.run(copy)),
        ("code all hits", lambda: win.search.code_all_hits("warga", False, "match")),
        ("cases", cases),
        ("memo", memo),
        ("review", review),
        ("questions", questions),
        ("cell summary", analysis),
        ("undo", lambda: win.find_action("actionUndo").trigger()),
        ("redo", lambda: win.find_action("actionRedo").trigger()),
    ]


def test_a_read_only_window_never_writes_to_the_project(qtbot, read_only, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = read_only
    path = win.ctx.project.path
    before = _fingerprint(path)
    for name, action in _editing_actions(win, tmp_path):
        action()
        qtbot.wait(5)
        assert _fingerprint(path) == before, f"{name} wrote to a read-only project"
    assert win.ctx.undo_stack.count() == 0


def test_the_memo_panel_follows_a_deleted_code(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    panel = window.memo_panel
    window.details_tabs.setCurrentWidget(panel)  # the memo tab in front, as the researcher has it
    code = next(iter(window.codes.codes))
    window.tree.select_code(code)
    panel.editor.setPlainText("Memo pada kode")
    assert panel.save()
    assert window.editor.delete(code)
    # The panel no longer offers the deleted code's memo for editing...
    assert panel.target == ("project", None)
    assert "Memo pada kode" not in panel.editor.toPlainText()
    # ...so what the researcher types next is saved where the panel says it goes.
    panel.editor.setPlainText("Memo proyek")
    assert panel.save()
    assert not window.findChildren(QMessageBox)
    memo = window.ctx.query(get_memo, target_kind="project", target_id=None)
    assert memo is not None and memo.text == "Memo proyek"
    window.find_action("actionUndo").trigger()  # the project memo
    window.find_action("actionUndo").trigger()  # the deletion: the code and its memo return
    memo = window.ctx.query(get_memo, target_kind="code", target_id=code)
    assert memo is not None and memo.text == "Memo pada kode"


def test_one_change_is_broadcast_once_per_step(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    seen: list[Changes] = []
    window.ctx.changed.connect(seen.append)
    code = next(iter(window.codes.codes))
    assert window.editor.delete(code)
    window.find_action("actionUndo").trigger()
    window.find_action("actionRedo").trigger()
    assert len(seen) == 3
    assert all(c.touches(Kind.CODES) and Kind.CODINGS in c for c in seen)
    assert all(code in c.codes for c in seen)


def test_a_hidden_view_refreshes_when_it_is_shown(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    questions = window.questions
    assert not questions.isVisible()
    calls: list[Changes] = []
    window.ctx.watch(questions, calls.append, kinds=(Kind.CODINGS,))
    code = next(iter(window.codes.codes))
    window.view.select_span(10, 40)
    window.coding.apply_code(code)
    window.find_action("actionUndo").trigger()
    assert calls == []  # nothing is done for a view nobody sees
    window.bottom_tabs.setCurrentWidget(questions)
    assert len(calls) == 1  # both steps, merged into one refresh
    assert calls[0].delta is None and Kind.CODINGS in calls[0]
