"""The recently opened projects, remembered per machine (QSettings), and their table model."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.ui.rows_model import RowsTableModel

KEY = "recentProjects"
LIMIT = 12


@dataclass(frozen=True)
class RecentProject:
    path: Path
    last_opened: datetime

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def exists(self) -> bool:
        return self.path.is_file()


def recent_projects() -> list[RecentProject]:
    """The remembered projects, most recent first (unreadable entries are skipped)."""
    raw = str(QSettings().value(KEY, "") or "")
    try:
        entries = json.loads(raw) if raw else []
    except ValueError:
        return []
    found: list[RecentProject] = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            found.append(
                RecentProject(Path(entry["path"]), datetime.fromisoformat(entry["opened"]))
            )
        except (KeyError, TypeError, ValueError):
            continue
    return sorted(found, key=lambda r: r.last_opened, reverse=True)


def _store(projects: Sequence[RecentProject]) -> None:
    data = [{"path": str(p.path), "opened": p.last_opened.isoformat()} for p in projects]
    QSettings().setValue(KEY, json.dumps(data[:LIMIT], ensure_ascii=False))


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def remember_project(path: Path, *, when: datetime | None = None) -> None:
    """Put ``path`` first in the list (opened now)."""
    path = Path(path).absolute()
    others = [p for p in recent_projects() if not _same(p.path, path)]
    _store([RecentProject(path, when or datetime.now().replace(microsecond=0)), *others])


def forget_project(path: Path) -> None:
    _store([p for p in recent_projects() if not _same(p.path, Path(path))])


class RecentProjectsModel(RowsTableModel):
    """Name, folder and last opened; a file that is gone is greyed and says "not found"."""

    NAME, FOLDER, OPENED = range(3)

    def headers(self) -> Sequence[str]:
        return (self.tr("Project"), self.tr("Folder"), self.tr("Last opened"))

    def reload(self) -> None:
        self.set_rows(recent_projects())

    def project(self, row: int) -> RecentProject | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item: RecentProject = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return item.name
            if column == self.FOLDER:
                return str(item.path.parent)
            if not item.exists:
                return self.tr("not found")
            return item.last_opened.strftime("%Y-%m-%d %H:%M")
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.exists:
                return str(item.path)
            return self.tr(
                "{0} was not found (moved, renamed or on a drive not connected)."
            ).format(item.path)
        if role == Qt.ItemDataRole.ForegroundRole and not item.exists:
            palette = QApplication.palette()
            return QColor(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.UserRole:
            return str(item.path)
        return None
