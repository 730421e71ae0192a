"""Day one without the command line: the start window, recent projects and a new project."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMainWindow,
    QWidget,
)

from app.coding.codes import list_codes
from app.coding.demo import DEMO_FILE_NAME
from app.coding.settings import NamesInExports, get_settings
from app.models.project import create_project, open_project
from app.ui.start.recent import recent_projects, remember_project


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own (Documents, the demo's data folder)."""
    home = tmp_path / "rumah pengguna"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("TELAAH_DATA_DIR", str(home / "data"))
    return home


@pytest.fixture
def launcher(qtbot, home: Path):  # type: ignore[no-untyped-def]
    from app.main import make_launcher

    made = make_launcher()
    yield made
    for window in list(made.windows):
        window.close()
    start = made.start_window()
    start.close()


def _action(widget: QWidget, name: str) -> QAction:
    action = widget.findChild(QAction, name)
    assert action is not None, name
    return action


def test_start_window_lists_recent_projects_and_greys_missing_ones(
    qtbot, launcher, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_start_window

    folder = tmp_path / "Tesis Ayu"
    folder.mkdir()
    kept = folder / "wawancara desa.telaah"
    create_project(kept).close()
    gone = folder / "lama.telaah"
    remember_project(gone, when=datetime(2025, 3, 1, 9, 30))
    remember_project(kept, when=datetime(2026, 1, 5, 14, 0))

    start = open_start_window(launcher)
    qtbot.addWidget(start)
    start.show()
    qtbot.waitExposed(start)
    for name in ("actionNewProject", "actionOpenProject", "actionOpenDemo"):
        assert _action(start, name).text()
    view = start.findChild(QAbstractItemView, "recentProjects")
    assert view is not None and view.isVisible()
    model = view.model()
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert rows == [
        ["wawancara desa", str(folder), "2026-01-05 14:00"],
        ["lama", str(folder), "not found"],
    ]
    grey = model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(grey, QColor)
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None

    # Opening a recent project shows its main window and hides the start window.
    view.doubleClicked.emit(model.index(0, 0))
    qtbot.waitUntil(lambda: bool(launcher.windows))
    window = launcher.windows[0]
    assert window.objectName() == "mainWindow" and window.isVisible()
    assert not start.isVisible()
    assert recent_projects()[0].path == kept.absolute()


def _accept_dialog(qtbot, act) -> None:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` on the modal dialog once it is up."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        act(dialog)

    QTimer.singleShot(0, run)


def test_new_project_creates_the_file_with_the_chosen_codebooks(
    qtbot, launcher, home: Path
) -> None:  # type: ignore[no-untyped-def]
    start = launcher.show_start()
    qtbot.addWidget(start)
    seen: dict[str, object] = {}

    def fill(dialog: QDialog) -> None:
        assert dialog.objectName() == "newProjectDialog"
        path_edit = dialog.findChild(QLineEdit, "projectPath")
        seen["default"] = path_edit.text()
        name = dialog.findChild(QLineEdit, "projectName")
        name.clear()
        qtbot.keyClicks(name, "Tesis Ayu ")
        name.insert("— Ko-produksi")  # keyClicks types ASCII only
        seen["synced"] = path_edit.text()
        view = dialog.findChild(QAbstractItemView, "codebookChoices")
        model = view.model()
        keys = [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]
        seen["keys"] = keys
        seen["labels"] = [model.index(r, 0).data() for r in range(model.rowCount())]
        for row, key in enumerate(keys):
            if key in ("loeffler", "putnam"):
                index = model.index(row, 0)
                assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
                model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    _accept_dialog(qtbot, fill)
    _action(start, "actionNewProject").trigger()
    qtbot.waitUntil(lambda: bool(launcher.windows))

    folder = home / "Documents" / "Telaah"
    assert seen["default"] == str(folder / "My study.telaah")
    target = folder / "Tesis Ayu — Ko-produksi.telaah"
    assert seen["synced"] == str(target)
    assert seen["keys"] == ["loeffler", "cepiku", "putnam", "participation"]
    assert all("codes)" in str(label) for label in seen["labels"])
    assert target.is_file()
    window = launcher.windows[0]
    assert window.objectName() == "mainWindow" and window.isVisible()
    window.close()
    project = open_project(target)
    try:
        with project.session() as s:
            books = {c.key.split("/")[0] for c in list_codes(s)}
            names = get_settings(s).names_in_exports
    finally:
        project.close()
    assert books == {"loeffler", "putnam"}
    assert names == NamesInExports.ALIASES  # pseudonymised unless the student chose otherwise
    con = sqlite3.connect(target)
    try:
        attrs = [r[0] for r in con.execute("SELECT name FROM attributes ORDER BY id")]
    finally:
        con.close()
    assert attrs == ["group", "role", "institution", "gender", "interview date", "place"]


def test_new_project_dialog_keeps_path_name_and_folder_in_step(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.start.new_project import NewProjectDialog

    dialog = NewProjectDialog(language="en")
    qtbot.addWidget(dialog)
    path_edit = dialog.findChild(QLineEdit, "projectPath")
    path_edit.clear()
    qtbot.keyClicks(path_edit, str(home / "Skripsi" / "Bab empat.telaah"))
    assert dialog.findChild(QLineEdit, "projectName").text() == "Bab empat"
    assert dialog.findChild(QLineEdit, "projectFolder").text() == str(home / "Skripsi")
    # An existing file is refused in words; nothing is overwritten.
    (home / "Skripsi").mkdir()
    existing = home / "Skripsi" / "Bab empat.telaah"
    existing.write_bytes(b"not mine")
    dialog.accept()
    problem = dialog.findChild(QWidget, "newProjectProblem")
    assert problem.isVisibleTo(dialog) and "already" in problem.text()
    assert existing.read_bytes() == b"not mine"
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_a_missing_recent_project_can_be_removed(
    qtbot, launcher, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    gone = tmp_path / "hilang.telaah"
    remember_project(gone)
    start = launcher.show_start()
    qtbot.addWidget(start)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view = start.findChild(QAbstractItemView, "recentProjects")
    view.doubleClicked.emit(view.model().index(0, 0))
    assert recent_projects() == []
    assert not launcher.windows
    assert start.findChild(QWidget, "noRecentProjects").isVisible()


def test_open_the_sample_study_builds_it_once(qtbot, launcher, home: Path) -> None:  # type: ignore[no-untyped-def]
    start = launcher.show_start()
    qtbot.addWidget(start)
    _action(start, "actionOpenDemo").trigger()
    qtbot.waitUntil(lambda: bool(launcher.windows), timeout=120_000)
    window: QMainWindow = launcher.windows[0]
    assert (home / "data" / DEMO_FILE_NAME).is_file()
    assert window.isVisible() and not start.isVisible()
