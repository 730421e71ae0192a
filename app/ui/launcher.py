"""Opening and creating projects from the start window and the Project menu.

One :class:`Launcher` per running app (made in :mod:`app.main`, passed to whoever needs it; no
global). It keeps the open windows alive, remembers recent projects, turns opening errors into
dialogs (a damaged file: offer the newest backup) and shows the start window again when the
last project window is closed from the menu.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from app.ui.language import apply_language
from app.ui.start.recent import forget_project, remember_project

if TYPE_CHECKING:
    from app.coding.progress import Progress
    from app.models.project import ProjectDamaged, ProjectForeignSchema
    from app.ui.tasks import Task

# The start window must show before SQLAlchemy, the models and the error sentences are
# loaded (they take seconds on a slow laptop): those are imported when a project is opened.

#: builds the main window of a project (``app.main.open_window``): ``(path)`` or, for a
#: server, ``(url, password=…)``; raises project errors
WindowFactory = Callable[..., QMainWindow]


class Launcher(QObject):
    """Creates, opens and closes project windows; owns the start window."""

    def __init__(self, open_window: WindowFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_window = open_window
        self.windows: list[QMainWindow] = []
        self._start: QWidget | None = None
        self._tasks: list[Task] = []

    # --- the start window ---------------------------------------------------------------

    def start_window(self) -> QWidget:
        """The start window (made once, not yet shown)."""
        if self._start is None:
            from app.ui.start.window import StartWindow

            self._start = StartWindow(self)
        return self._start

    def show_start(self) -> QWidget:
        window = self.start_window()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def _hide_start(self) -> None:
        if self._start is not None:
            self._start.hide()

    # --- opening ------------------------------------------------------------------------

    def open_path(self, path: Path, parent: QWidget | None = None) -> QMainWindow | None:
        """Open ``path`` in a new window and show it; errors become dialogs (None then)."""
        from app.models.project import ProjectDamaged, ProjectError, ProjectForeignSchema
        from app.ui.errors import project_error_message

        path = Path(path)
        try:
            window = self._open_window(path)
        except ProjectDamaged as exc:
            return self._offer_backup(path, exc, parent)
        except ProjectForeignSchema as exc:
            return self._offer_rescue(path, exc, parent)
        except ProjectError as exc:
            QMessageBox.critical(parent, "Telaah", project_error_message(exc))
            return None
        remember_project(path)
        self.adopt(window)
        window.show()
        self._hide_start()
        return window

    def adopt(self, window: QMainWindow) -> None:
        """Keep ``window`` alive and let its Project menu (New, Open, Recent, Close) use this
        launcher."""
        from app.ui.workbench.project_files import ProjectFiles

        if window in self.windows:
            return
        self.windows.append(window)
        window.destroyed.connect(lambda *_: self._forget_window(window))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        files = window.findChild(ProjectFiles)
        if files is not None:
            files.launcher = self

    def _offer_rescue(
        self, path: Path, exc: ProjectForeignSchema, parent: QWidget | None
    ) -> QMainWindow | None:
        """A file with foreign objects: offer to copy its data into a clean file beside it."""
        from app.models.project import ProjectError, rescue_project
        from app.ui.errors import project_error_message

        target = self.rescue_target(path)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Telaah",
            project_error_message(exc)
            + "\n\n"
            + self.tr("Copy its data into a clean file, {0}, leaving those objects out?").format(
                target.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setObjectName("offerRescue")
        if box.exec() != QMessageBox.StandardButton.Yes:
            return None
        try:
            rescue_project(path, target)
        except ProjectError as error:
            QMessageBox.critical(parent, "Telaah", project_error_message(error))
            return None
        return self.open_path(target, parent)

    def rescue_target(self, path: Path) -> Path:
        """The clean copy's file beside ``path``: 'tesis (clean).telaah', in the interface
        language, numbered when that name is taken."""
        clean = self.tr("clean")
        target = path.with_name(f"{path.stem} ({clean}){path.suffix}")
        n = 2
        while target.exists():
            target = path.with_name(f"{path.stem} ({clean} {n}){path.suffix}")
            n += 1
        return target

    def _forget_window(self, window: QMainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _offer_backup(
        self, path: Path, exc: ProjectDamaged, parent: QWidget | None
    ) -> QMainWindow | None:
        from app.models.backup import BackupError, restore_backup
        from app.models.lock import acquire_lock
        from app.ui.errors import project_error_message
        from app.ui.startup import newest_backup

        backup = newest_backup(path)
        message = project_error_message(exc)
        if backup is None:
            QMessageBox.critical(
                parent, "Telaah", message + "\n\n" + self.tr("No backup was found.")
            )
            return None
        answer = QMessageBox.question(
            parent,
            "Telaah",
            message
            + "\n\n"
            + self.tr(
                "Open the newest backup ({0}) instead? The damaged file is kept as a copy."
            ).format(backup.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        lock = acquire_lock(path)  # as telaah restore does: nobody else replaces it meanwhile
        try:
            if lock is None:
                raise BackupError(path, "io", "locked")
            with lock:
                restore_backup(path, backup)  # checks the backup, keeps the damaged file
        except BackupError:
            QMessageBox.critical(
                parent,
                "Telaah",
                self.tr("The backup {0} cannot be restored; the project was left as it is.").format(
                    backup.name
                ),
            )
            return None
        return self.open_path(path, parent)

    def open_recent(self, path: Path, parent: QWidget | None = None) -> QMainWindow | None:
        """Open a recent project; one that is gone can be removed from the list."""
        if not Path(path).is_file():
            answer = QMessageBox.question(
                parent,
                "Telaah",
                self.tr(
                    "{0} was not found. It may have been moved, renamed or be on a drive that "
                    "is not connected.\n\nRemove it from the recent projects?"
                ).format(path),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.forget(path)
            return None
        return self.open_path(path, parent)

    def forget(self, path: Path) -> None:
        forget_project(path)
        if self._start is not None and hasattr(self._start, "reload"):
            self._start.reload()

    def choose_project(self, parent: QWidget | None = None) -> QMainWindow | None:
        """Ask for a ``.telaah`` file and open it."""
        from app.ui.start.new_project import default_folder

        folder = default_folder()
        name, _ = QFileDialog.getOpenFileName(
            parent,
            self.tr("Open project"),
            str(folder if folder.is_dir() else Path.home()),
            self.tr("Telaah project (*.telaah)"),
        )
        return self.open_path(Path(name), parent) if name else None

    def ask_open_server(self, parent: QWidget | None = None) -> QWidget:
        """Project ▸ Open server project…: the dialog (not blocking), which opens it here."""
        from app.ui.server.open_dialog import ask_open_server

        return ask_open_server(self.open_server, parent)

    def open_server(self, url: str, password: str | None = None) -> QMainWindow:
        """Open a server project in a new window and show it (project errors propagate)."""
        window = self._open_window(url, password=password)
        self.adopt(window)
        window.show()
        self._hide_start()
        return window

    def new_project(self, parent: QWidget | None = None) -> QMainWindow | None:
        """The new-project dialog; the created project opens in a new window."""
        from app.ui.language import current_language
        from app.ui.start.new_project import NewProjectDialog

        dialog = NewProjectDialog(parent, language=current_language())
        try:
            if dialog.exec() != NewProjectDialog.DialogCode.Accepted or dialog.created is None:
                return None
            created = dialog.created
        finally:
            dialog.deleteLater()
        return self.open_path(created, parent)

    def open_demo(self, parent: QWidget | None = None) -> Task | None:
        """Open the sample study, building it first (in the background) the first time."""
        from app.coding.demo import build_demo_project, demo_project_path
        from app.ui.errors import show_error
        from app.ui.tasks import Task

        path = demo_project_path()
        if path.exists():
            self.open_path(path, parent)
            return None

        def work(progress: Progress) -> Path:
            return build_demo_project(path, progress=progress)

        task = Task(work, title=self.tr("Building the sample study…"), parent=parent)
        task.done.connect(lambda built: self.open_path(Path(built), parent))
        task.error.connect(lambda exc: show_error(parent, exc))
        task.ended.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        self._tasks.append(task)
        task.start()
        return task

    def close_window(self, window: QMainWindow) -> None:
        """Project ▸ Close: close ``window``; the start window returns when it was the last."""
        others = [w for w in self.windows if w is not window and w.isVisible()]
        if not others:
            self.show_start()
        window.close()

    # --- language -----------------------------------------------------------------------

    def switch_language(self, lang: str) -> None:
        """Switch every open window to ``lang`` (remembered for the next start)."""
        apply_language(lang, remember=True)
