"""The main window's Project ▸ New, Open, Recent and Close, done by the app's launcher.

The :class:`~app.ui.launcher.Launcher` that opened the window adopts it (sets
:attr:`ProjectFiles.launcher`); a window opened some other way (``app.main.open_window`` in a
script or test) gets a launcher of its own the first time one of these is used, so Close still
brings back the start window (``app.main`` gives every window it makes the way to make one).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMenu

from app.ui.start.recent import recent_projects

if TYPE_CHECKING:
    from app.ui.launcher import Launcher


class ProjectFiles(QObject):
    """New, Open, Recent and Close for one main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.win = window
        self.launcher: Launcher | None = None
        #: makes a launcher for a window nobody adopted (``app.main`` sets it)
        self.make_launcher: Callable[[], Launcher] | None = None

    def _launcher(self) -> Launcher | None:
        if self.launcher is None and self.make_launcher is not None:
            self.make_launcher().adopt(self.win)  # sets self.launcher
        return self.launcher

    def new_project(self) -> None:
        if (launcher := self._launcher()) is not None:
            launcher.new_project(self.win)

    def open_project(self) -> None:
        if (launcher := self._launcher()) is not None:
            launcher.choose_project(self.win)

    def open_server(self) -> None:
        if (launcher := self._launcher()) is not None:
            launcher.ask_open_server(self.win)

    def open_recent(self, path: Path) -> None:
        if (launcher := self._launcher()) is not None:
            launcher.open_recent(path, self.win)

    def close_project(self) -> None:
        """Close this project; the start window comes back when it was the last one."""
        launcher = self._launcher()
        if launcher is None:
            self.win.close()
        else:
            launcher.close_window(self.win)

    def fill_recent(self, menu: QMenu) -> None:
        """The recent projects, as in the start window (a missing file says so)."""
        menu.clear()
        projects = recent_projects()
        for item in projects:
            label = f"{item.name}  —  {item.path.parent}"
            if not item.exists:
                label += "  " + self.tr("(not found)")
            # a missing one stays enabled: choosing it offers to remove it from the list
            act = menu.addAction(label, partial(self.open_recent, item.path))
            act.setToolTip(str(item.path))
        if not projects:
            empty = menu.addAction(self.tr("No recent projects yet"))
            empty.setEnabled(False)
