"""Entry points of the desktop app: ``open_window`` and ``open_start_window`` (also for
tests), ``main`` and ``run_demo``.

This module wires things together; nothing here is global. Each window gets its own
:class:`~app.ui.context.ProjectContext` (project, undo stack, coder).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from app.ui.language import apply_language, current_language, saved_language
from app.ui.launcher import Launcher
from app.ui.platform_check import check_platform

if TYPE_CHECKING:
    from app.models.lock import ProjectLock
    from app.ui.start.window import StartWindow

# ``telaah`` without arguments shows the start window first: SQLAlchemy, the models, the
# workbench and the error sentences are imported when a project is opened, not before.

translate = QCoreApplication.translate


def ensure_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once, with Telaah's names and saved language)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv or [sys.argv[0] if sys.argv else "telaah"]))
        app.setOrganizationName("Telaah")
        app.setApplicationName("Telaah")
        apply_language(saved_language())
    assert isinstance(app, QApplication)
    return app


def open_window(
    path: Path | str, *, coder: str | None = None, password: str | None = None
) -> QMainWindow:
    """Open ``path`` (a project file or a server URL) in a new main window (not yet shown).

    A file already open in another window or instance is opened read-only, with a notice in
    the window. On a server every client writes at once and the coder is the server login.
    Raises the project errors of :func:`open_project`.
    """
    from app.models.backup import BackupError, backup_if_due
    from app.models.lock import acquire_lock
    from app.models.project import open_project
    from app.models.server import is_server_target
    from app.ui.context import ProjectContext
    from app.ui.startup import read_only_notice
    from app.ui.workbench.window import MainWindow

    ensure_app()
    if is_server_target(path):
        assert isinstance(path, str)
        project = open_project(path, ask_password=(lambda _url: password) if password else None)
        assert project.url is not None
        ctx = ProjectContext(project, read_only=False, coder=project.url.username or coder)
        ctx.language = current_language()
        window = MainWindow(ctx)
        ctx.setParent(window)
        window.files.make_launcher = make_launcher
        if ctx.link is not None:
            ctx.link.start()  # others' edits arrive live; a lost server is noticed
        return window
    path = Path(path)
    # SQLite's check of every page runs on another core while the window reads what it
    # shows; nothing is written, backed up or shown before the file has passed it.
    project = open_project(path, whole_check="background")
    lock: ProjectLock | None = None
    built: MainWindow | None = None
    try:
        lock = acquire_lock(path)
        ctx = ProjectContext(project, read_only=lock is None, coder=coder)
        ctx.language = current_language()
        built = MainWindow(ctx, lock=lock, notice="" if lock is not None else read_only_notice())
        ctx.setParent(built)
        project.wait_checked()
    except BaseException:
        try:
            project.wait_checked()  # a damaged file is reported as such, whatever failed first
        finally:
            if built is not None:
                built.close()  # closes the project and releases the lock
            else:
                project.close()
                if lock is not None:
                    lock.release()
        raise
    if lock is not None:
        # The day's backup, taken once per day of use. A failure (full disk) must not keep
        # the researcher from working; it is tried again at the next opening.
        with contextlib.suppress(BackupError):
            backup_if_due(path)
    window = built
    # Project ▸ New, Open, Recent and Close work in a window no launcher opened, too
    window.files.make_launcher = make_launcher
    return window


def make_launcher() -> Launcher:
    """The launcher that opens, creates and closes project windows for this app."""
    ensure_app()

    def open_with_coder(path: Path | str, password: str | None = None) -> QMainWindow:
        from app.ui.startup import ask_coder_once

        if isinstance(path, str):  # a server URL: the coder is the login
            return open_window(path, password=password)
        return open_window(path, coder=ask_coder_once())

    return Launcher(open_with_coder)


def open_start_window(launcher: Launcher | None = None) -> StartWindow:
    """The start window (New project, Open project…, recent projects, the sample study),
    not yet shown."""
    from app.ui.start.window import StartWindow

    window = (launcher or make_launcher()).start_window()
    assert isinstance(window, StartWindow)
    return window


def _open_server_interactive(url: str) -> QMainWindow | None:
    """Open a server project, asking for the password when the server wants one."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from app.models.project import ProjectError, ServerLoginFailed
    from app.ui.errors import project_error_message
    from app.ui.startup import ask_coder_once

    password: str | None = None
    for _attempt in range(3):
        try:
            return open_window(url, coder=ask_coder_once(), password=password)
        except ServerLoginFailed as exc:
            text, ok = QInputDialog.getText(
                None,
                "Telaah",
                project_error_message(exc)
                + "\n\n"
                + translate("Main", "Password for {0}:").format(exc.url),
                QLineEdit.EchoMode.Password,
            )
            if not ok or not text:
                return None
            password = text
        except ProjectError as exc:
            QMessageBox.critical(None, "Telaah", project_error_message(exc))
            return None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app on the project given in ``argv`` (or ask for one)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if QApplication.instance() is None:
        problem = check_platform()
        if problem is not None:
            # Qt would abort the process (core dump) on its own; say why instead.
            print(problem, file=sys.stderr)
            return 1
    app = ensure_app()
    if args:  # a project is opened: the models are needed anyway
        from app.models.server import is_server_target

        if is_server_target(args[0]):
            window = _open_server_interactive(args[0])
            if window is None:
                return 1
            window.show()
            return app.exec()
    launcher = make_launcher()
    if not args:
        launcher.show_start()
    elif launcher.open_path(Path(args[0])) is None:
        return 1
    return app.exec()


def run_demo() -> int:
    """Build the demo project (once) and open it."""
    from app.coding.demo import build_demo_project, demo_project_path

    path = demo_project_path()
    if not path.exists():
        build_demo_project(path)
    return main([str(path)])


if __name__ == "__main__":
    raise SystemExit(main())
