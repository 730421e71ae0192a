"""The base of every undoable edit.

``QUndoStack.push`` calls ``redo()`` from C++, where a Python exception cannot reach the
caller. So the first execution happens in :meth:`CoreCommand.first` (called by
``ProjectContext.execute`` before pushing), where errors propagate normally; later
undo/redo steps report failures through ``ProjectContext.failed``.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from app.coding.errors import TelaahError
from app.ui.context import ProjectContext


class CoreCommand(QUndoCommand):
    """Subclasses implement :meth:`do` (first time), :meth:`undo_core` and :meth:`redo_core`."""

    def __init__(self, ctx: ProjectContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._pushed = False

    def first(self) -> None:
        """Perform the edit for the first time (before the command is pushed)."""
        self.do()

    def do(self) -> None:
        raise NotImplementedError

    def undo_core(self) -> None:
        raise NotImplementedError

    def redo_core(self) -> None:
        self.do()

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # the edit was already done by first()
            return
        self._guard(self.redo_core)

    def undo(self) -> None:
        self._guard(self.undo_core)

    def _guard(self, step: object) -> None:
        try:
            step()  # type: ignore[operator]
        except (TelaahError, OSError, SQLAlchemyError) as exc:
            self.setObsolete(True)
            self.ctx.failed.emit(exc)
