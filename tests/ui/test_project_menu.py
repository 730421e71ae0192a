"""The main window's Project menu: New, Open, Recent (as in the start window) and Close."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMenuBar

from app.coding.codes import list_codes
from app.models.project import create_project
from app.ui.start.recent import remember_project


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "rumah pengguna"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TELAAH_DATA_DIR", str(home / "data"))
    return home


@pytest.fixture
def launcher(qtbot, home: Path):  # type: ignore[no-untyped-def]
    from app.main import make_launcher

    made = make_launcher()
    yield made
    for window in list(made.windows):
        window.close()
    made.start_window().close()


def _project(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    create_project(path).close()
    return path


def _menu(window, name: str) -> QMenu:  # type: ignore[no-untyped-def]
    menu = window.menuBar().findChild(QMenu, name)
    assert menu is not None, name
    return menu


def test_project_menu_offers_new_open_recent_and_close(qtbot, launcher, home: Path) -> None:  # type: ignore[no-untyped-def]
    first = _project(home / "Documents" / "Telaah" / "tesis ayu.telaah")
    other = _project(home / "Documents" / "Telaah" / "studi banding.telaah")
    remember_project(other)
    window = launcher.open_path(first)
    assert window is not None
    assert isinstance(window.menuBar(), QMenuBar)
    assert window.windowTitle() == "tesis ayu – Telaah"

    project = _menu(window, "menuProject")
    names = [a.objectName() for a in project.actions()]
    assert names[:2] == ["actionNewProject", "actionOpenProject"]
    assert "actionClose" in names

    # Recent: the same list as the start window, newest first, this project included.
    recent = _menu(window, "menuRecentProjects")
    recent.aboutToShow.emit()
    labels = [a.text() for a in recent.actions()]
    assert labels[0].startswith("tesis ayu") and labels[1].startswith("studi banding")
    recent.actions()[1].trigger()
    qtbot.waitUntil(lambda: len(launcher.windows) == 2)
    second = launcher.windows[1]
    assert second.windowTitle() == "studi banding – Telaah"

    # Close: the window goes; with the last one the start window comes back.
    second.findChild(QAction, "actionClose").trigger()
    qtbot.waitUntil(lambda: len(launcher.windows) == 1)
    assert not launcher.start_window().isVisible()
    window.findChild(QAction, "actionClose").trigger()
    qtbot.waitUntil(lambda: not launcher.windows)
    assert launcher.start_window().isVisible()


def test_project_menu_open_asks_for_a_file(qtbot, launcher, home: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = _project(home / "satu.telaah")
    second = _project(home / "dua.telaah")
    window = launcher.open_path(first)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(second), "Telaah (*.telaah)")
    )
    window.findChild(QAction, "actionOpenProject").trigger()
    qtbot.waitUntil(lambda: len(launcher.windows) == 2)
    assert launcher.windows[1].windowTitle() == "dua – Telaah"


def test_project_menu_new_creates_and_opens_a_project(qtbot, launcher, home: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

    window = launcher.open_path(_project(home / "lama.telaah"))

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, fill)
            return
        name = dialog.findChild(QLineEdit, "projectName")
        name.setText("baru")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    window.findChild(QAction, "actionNewProject").trigger()
    qtbot.waitUntil(lambda: len(launcher.windows) == 2)
    new = launcher.windows[1]
    assert new.windowTitle() == "baru – Telaah"
    assert (home / "Documents" / "Telaah" / "baru.telaah").is_file()
    with new.ctx.session() as s:
        assert list_codes(s) == ()


def test_a_window_opened_without_the_launcher_still_closes_to_the_start_window(
    qtbot, home: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.main import open_window

    window = open_window(_project(home / "sendiri.telaah"))
    window.show()
    window.findChild(QAction, "actionClose").trigger()
    qtbot.waitUntil(lambda: not window.isVisible())
    starts = [w for w in QApplication.topLevelWidgets() if w.objectName() == "startWindow"]
    assert any(w.isVisible() for w in starts)
    for w in starts:
        w.close()


def test_read_only_state_is_in_the_title(qtbot, launcher, home: Path) -> None:  # type: ignore[no-untyped-def]
    path = _project(home / "berdua.telaah")
    first = launcher.open_path(path)
    second = launcher.open_path(path)  # the file is locked by the first window
    assert first.windowTitle() == "berdua – Telaah"
    assert second.windowTitle() == "berdua (read-only) – Telaah"
