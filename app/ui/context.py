"""The state one open project shares between its windows, panels and undo commands.

There is no global: :mod:`app.main` creates one :class:`ProjectContext` per open project and
passes it to everything that needs the database, the undo stack or change notifications.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session

from app.coding.codings import CodingChanges
from app.models.project import Project

if TYPE_CHECKING:
    from app.ui.commands.base import CoreCommand

T = TypeVar("T")


class ReadOnlyProject(Exception):
    """An edit was attempted on a project opened read-only."""


class ProjectContext(QObject):
    """An open project: database access, one undo stack, the coder and change signals."""

    #: a coding mutation happened (payload: :class:`CodingChanges`)
    codingsChanged = Signal(object)
    #: the code tree changed (codes added, renamed, moved, merged, deleted)
    codesChanged = Signal()
    #: documents were imported
    documentsChanged = Signal()
    #: cases, attributes or document links changed
    casesChanged = Signal()
    #: review marks, comments or resolutions changed (payload: ``ReviewChange``)
    reviewChanged = Signal(object)
    #: an analytic memo (document, code, case, project) was written or removed
    memosChanged = Signal()
    #: an undo/redo step failed (payload: the exception)
    failed = Signal(object)

    def __init__(
        self,
        project: Project,
        *,
        read_only: bool = False,
        coder: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.read_only = read_only
        self.undo_stack = QUndoStack(self)
        settings = QSettings()
        default_coder = str(settings.value("coder", "") or "") or _user_name()
        self.coder = coder or default_coder
        self.language = "id"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short-lived session on the project."""
        with self.project.session() as session:
            yield session

    def query(self, fn: Callable[..., T], /, **kwargs: object) -> T:
        """Run a core function ``fn(session, **kwargs)`` in its own session."""
        with self.project.session() as session:
            return fn(session, **kwargs)

    def execute(self, command: CoreCommand) -> None:
        """Do ``command`` now (errors propagate to the caller), then put it on the stack."""
        if self.read_only:
            raise ReadOnlyProject()
        command.first()
        self.undo_stack.push(command)

    def notify_codings(self, changes: CodingChanges) -> None:
        """Tell every view that codings changed."""
        self.codingsChanged.emit(changes)

    def code_name(self, name_id: str, name_en: str) -> str:
        """A code or codebook name in the interface language."""
        return (name_id if self.language == "id" else name_en) or name_id or name_en


def _user_name() -> str:
    try:
        return getpass.getuser() or "coder"
    except (OSError, KeyError):
        return "coder"
